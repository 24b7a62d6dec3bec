// Command report writes a self-contained report of a market-area survey
// over a window of years into a directory: report.md (survey summary,
// statuses, top contributors, closed markets, provinces, gross change by
// year, the fact check of published figures, charts) and beside it the
// charts as PNG and the exports (results.csv, gross-by-year.csv,
// markets.geojson, markets.kml), linked from report.md.
//
//	go run ./examples/report                       # the shipped survey, 2020-2025, into report/
//	go run ./examples/report -out /tmp/r -from 2021 -to 2024
//	go run ./examples/report -data DIR -published FILE -known 477
//
// With -data, DIR holds markets.csv and observations.csv (and optionally
// national-gross.csv); published figures are checked only when -published
// is given. Bad data gets every problem with its position on standard
// error, exit status 1, and no report.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/jangmadang/marketarea/stats"
)

// options are the command's flags.
type options struct {
	dataDir, published, out string
	from, to, known, topK   int
	tol                     stats.Tolerance
}

func defaults() options {
	return options{out: "report", from: 2020, to: 2025, known: -1, topK: 4}
}

func main() {
	o := defaults()
	flag.StringVar(&o.dataDir, "data", "", "directory with markets.csv and observations.csv, and optionally national-gross.csv (default: the embedded survey)")
	flag.StringVar(&o.published, "published", "", "published figures to check, as post-figures.csv (default: the post's, for the embedded data)")
	flag.StringVar(&o.out, "out", o.out, "directory to write the report into")
	flag.IntVar(&o.from, "from", o.from, "first year of the window")
	flag.IntVar(&o.to, "to", o.to, "last year of the window")
	flag.IntVar(&o.known, "known", o.known, "number of markets known in the country, for coverage (default: 477 from the shipped estimates, for the embedded data)")
	flag.IntVar(&o.topK, "top", o.topK, "how many top gainers the concentration figures name")
	flag.Float64Var(&o.tol.Abs, "tol-abs", 0, "a change of at most this many m² counts as no change")
	flag.Float64Var(&o.tol.Rel, "tol-rel", 0, "a change of at most this fraction of the baseline counts as no change")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "report: unexpected arguments %q\n", flag.Args())
		os.Exit(2)
	}
	path, err := run(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("report written to", path)
}
