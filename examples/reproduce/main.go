// Command reproduce recomputes every figure of the AccessDPRK post
// "Market Growth Post-COVID 2020-2025" (8 January 2026) from the shipped
// data, checks each against the published value, prints the fact-check
// table and writes the charts.
//
//	go run ./examples/reproduce                    # the post, from the embedded data
//	go run ./examples/reproduce -format json       # {"figures": [...], "checks": [...]}
//	go run ./examples/reproduce -data DIR -from 2018 -to 2024 -published FILE
//
// With -data, DIR holds markets.csv and observations.csv (and optionally
// national-gross.csv); published figures are checked only when -published
// is given. Bad data gets every problem with its position on standard
// error and exit status 1.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

type options struct {
	dataDir, published, out, format string
	from, to, known, topK           int
	tol                             stats.Tolerance
	charts                          bool
}

func main() {
	var o options
	flag.StringVar(&o.dataDir, "data", "", "directory with markets.csv and observations.csv (default: the embedded survey)")
	flag.StringVar(&o.published, "published", "", "published figures to check, as post-figures.csv (default: the post's, for the embedded data)")
	flag.StringVar(&o.out, "out", "out", "directory for the charts")
	flag.StringVar(&o.format, "format", "text", "output format: text or json")
	flag.IntVar(&o.from, "from", 2020, "first year of the window")
	flag.IntVar(&o.to, "to", 2025, "last year of the window")
	flag.IntVar(&o.known, "known", -1, "number of markets known in the country, for coverage (default: 477 from the shipped estimates, for the embedded data)")
	flag.IntVar(&o.topK, "top", 4, "how many top gainers the concentration figures name")
	flag.Float64Var(&o.tol.Abs, "tol-abs", 0, "a change of at most this many m² counts as no change")
	flag.Float64Var(&o.tol.Rel, "tol-rel", 0, "a change of at most this fraction of the baseline counts as no change")
	flag.BoolVar(&o.charts, "charts", true, "write the charts into -out")
	flag.Parse()
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// result is what run computes, in the JSON output's field order.
type result struct {
	Figures []stats.Figure `json:"figures"`
	Checks  []stats.Check  `json:"checks"`
}

func run(o options, stdout io.Writer) error {
	if o.format != "text" && o.format != "json" {
		return fmt.Errorf("reproduce: -format must be text or json, not %q", o.format)
	}
	in, err := load(o)
	if err != nil {
		return err
	}
	changes, err := stats.ChangesOver(in.dataset, stats.Window{From: o.from, To: o.to}, o.tol)
	if err != nil {
		return err
	}
	figures := stats.Figures(stats.Inputs{Changes: changes, National: in.national, KnownMarkets: in.known, TopK: o.topK})
	res := result{Figures: figures, Checks: stats.FactCheck(in.published, stats.Evidence{Figures: figures, National: in.national, Window: changes.Window})}
	if res.Checks == nil {
		res.Checks = []stats.Check{}
	}
	var charts []string
	if o.charts {
		if charts, err = writeCharts(o.out, in, changes, o.topK); err != nil {
			return err
		}
	}
	if o.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printText(stdout, changes, res, charts)
	return nil
}

// inputs are the data a run works from.
type inputs struct {
	dataset   *market.Dataset
	national  stats.YearSeries
	published []stats.Published
	estimates []stats.Estimate
	known     int
	outline   []byte
}

func load(o options) (inputs, error) {
	var in inputs
	var err error
	if o.dataDir == "" {
		if in.dataset, err = data.Survey(); err != nil {
			return in, err
		}
		if in.national, err = data.NationalGross(); err != nil {
			return in, err
		}
		if in.estimates, err = data.OtherEstimates(); err != nil {
			return in, err
		}
		if o.published == "" {
			if in.published, err = data.PostFigures(); err != nil {
				return in, err
			}
		}
		if e, ok := stats.Latest(in.estimates, data.KnownMarkets); ok {
			in.known = int(e.Value)
		}
	} else {
		if in.dataset, err = market.ReadDataset(o.dataDir); err != nil {
			return in, err
		}
		if in.national, err = readFile(filepath.Join(o.dataDir, "national-gross.csv"), true, stats.ReadYearSeries); err != nil {
			return in, err
		}
	}
	if o.published != "" {
		if in.published, err = readFile(o.published, false, stats.ReadPublished); err != nil {
			return in, err
		}
	}
	if o.known >= 0 {
		in.known = o.known
	}
	if in.outline, err = data.Outline("PRK"); err != nil {
		return in, err
	}
	return in, nil
}

// readFile reads a file with read. When optional, a file that does not
// exist gives the zero value.
func readFile[T any](name string, optional bool, read func(io.Reader, string) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(name)
	if optional && errors.Is(err, os.ErrNotExist) {
		return zero, nil
	}
	if err != nil {
		return zero, err
	}
	defer f.Close()
	return read(f, name)
}

func printText(w io.Writer, c *stats.Changes, res result, charts []string) {
	fmt.Fprintf(w, "Window %v: %d markets covered, %d left out", c.Window, len(c.Markets), len(c.Missing))
	for _, m := range c.Missing {
		fmt.Fprintf(w, "; %s: %s", m.MarketID, m.Reason)
	}
	fmt.Fprintln(w)
	if n := c.SyntheticMarkets(); n > 0 {
		fmt.Fprintf(w, "%d of the %d markets rest on synthetic stand-in data generated to fit the post's totals: survey aggregates agree with the post by construction.\n", n, len(c.Markets))
	}
	fmt.Fprintln(w)
	if len(res.Checks) == 0 {
		fmt.Fprintln(w, "No published figures to check (give -published FILE). Figures computed:")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "id\tvalue\tunit")
		for _, f := range res.Figures {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", f.ID, number(f.Value), f.Unit)
		}
		tw.Flush()
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "id\tpublished\tcomputed\tunit\trule\tverdict\tnote")
		counts := map[stats.Verdict]int{}
		for _, c := range res.Checks {
			counts[c.Verdict]++
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, number(c.Published), number(c.Computed), c.Unit, c.Rule, c.Verdict, c.Note)
		}
		tw.Flush()
		fmt.Fprintf(w, "\n%d figures checked: %d match, %d within rounding, %d mismatch, %d unverifiable\n", len(res.Checks),
			counts[stats.Match], counts[stats.WithinRounding], counts[stats.Mismatch], counts[stats.Unverifiable])
	}
	if len(charts) > 0 {
		fmt.Fprintf(w, "\nCharts written:\n")
		for _, c := range charts {
			fmt.Fprintf(w, "  %s\n", c)
		}
	}
}

func number(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
