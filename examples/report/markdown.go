package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
	"github.com/jangmadang/marketarea/stats/export"
)

// report is everything report.md says.
type report struct {
	in      inputs
	c       *stats.Changes
	tol     stats.Tolerance
	checks  []stats.Check
	charts  []chart
	exports export.Written
}

// markdown renders report.md.
func (r *report) markdown() string {
	var b strings.Builder
	w := r.c.Window
	fmt.Fprintf(&b, "# Market stall area, %v\n\n", w)
	fmt.Fprintf(&b, "Data: %s. Every number below is computed from the data when the report is written (`examples/report`).\n\n", r.in.source)
	for _, section := range []func(*strings.Builder){
		r.summary, r.statuses, r.top, r.closed, r.provinces, r.years, r.chartSection, r.factCheck, r.files,
	} {
		section(&b)
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func (r *report) summary(b *strings.Builder) {
	c, w := r.c, r.c.Window
	b.WriteString("## Survey summary\n\n")
	fmt.Fprintf(b, "- **Window**: %v, %s years. A market's baseline is its latest image before %d or, without one, its first image in %d; its end is its latest image up to the end of %d.\n",
		w, count(w.Years()), w.From, w.From, w.To)
	cov := c.Coverage(r.in.known)
	fmt.Fprintf(b, "- **Markets covered**: %s of the %s markets in the data, in %s towns.\n",
		count(len(c.Markets)), count(r.in.dataset.Len()), count(cov.Towns))
	switch len(c.Missing) {
	case 0:
		b.WriteString("- **Left out**: none.\n")
	default:
		fmt.Fprintf(b, "- **Left out**: %s, for want of a baseline or an end:\n", count(len(c.Missing)))
		for _, m := range c.Missing {
			fmt.Fprintf(b, "  - %s: %s\n", r.marketName(m.MarketID), cell(m.Reason))
		}
	}
	if r.in.known > 0 {
		fmt.Fprintf(b, "- **Coverage**: %s of the %s markets known in the country, %s (count of known markets: %s).\n",
			count(cov.Surveyed), count(cov.Known), percent(cov.Share), cell(r.in.knownFrom))
	} else {
		b.WriteString("- **Coverage**: not computed; the number of markets known in the country was not given (`-known N`).\n")
	}
	if n := c.SyntheticMarkets(); n > 0 {
		fmt.Fprintf(b, "- **Synthetic stand-ins**: %s of the %s markets rest on a synthetic stand-in figure at their baseline or end. Totals over the survey agree with published totals by construction, not by measurement.\n",
			count(n), count(len(c.Markets)))
	} else {
		b.WriteString("- **Synthetic stand-ins**: none; every figure is published or measured.\n")
	}
	rate := stats.AverageAnnual(c.Net(), w)
	fmt.Fprintf(b, "- **Net change**: %s of stall area", change(c.Net()))
	if rate.Years > 0 {
		fmt.Fprintf(b, ", on average %s a year over %s years", change(rate.PerYear), count(rate.Years))
	}
	b.WriteString(".\n")
	located := len(c.Markets) - r.exports.Unlocated
	fmt.Fprintf(b, "- **On the maps**: %s markets with a known location; %s without one are left out of the map files.\n",
		count(located), count(r.exports.Unlocated))
}

// marketName returns a market's name and ID for the text.
func (r *report) marketName(id string) string {
	if m, ok := r.in.dataset.Market(id); ok && m.Name != "" {
		return fmt.Sprintf("%s (`%s`)", cell(m.Name), id)
	}
	return "`" + id + "`"
}

func (r *report) statuses(b *strings.Builder) {
	b.WriteString("## Markets by status\n\n")
	t := table{header: []string{"status", "markets", "share of markets", "area gained", "area lost"}, align: "lrrrr"}
	var total stats.StatusGroup
	n := len(r.c.Markets)
	for _, g := range r.c.ByStatus() {
		t.add(g.Status.String(), count(g.Markets), share(g.Markets, n), area(g.Gained), area(g.Lost))
		total.Markets += g.Markets
		total.Gained += g.Gained
		total.Lost += g.Lost
	}
	t.add("**all**", "**"+count(total.Markets)+"**", "", "**"+area(total.Gained)+"**", "**"+area(total.Lost)+"**")
	t.write(b)
	b.WriteString("\nOpened: no stalls at the baseline, stalls at the end. Grew, declined: more or fewer stalls, some at both ends. Closed: stalls at the baseline, none at the end. ")
	if r.tol == (stats.Tolerance{}) {
		b.WriteString("Unchanged: exactly the same area.\n")
	} else {
		fmt.Fprintf(b, "Unchanged: a change of at most %s or %s of the baseline area.\n", area(r.tol.Abs), percent(r.tol.Rel*100))
	}
}

// share formats part of whole as a percentage.
func share(part, whole int) string {
	if whole == 0 {
		return missing
	}
	return percent(float64(part) / float64(whole) * 100)
}

func (r *report) top(b *strings.Builder) {
	con := r.c.Concentrate(topList)
	fmt.Fprintf(b, "## Top contributors\n\n")
	if len(con.Top) == 0 {
		b.WriteString("No market gained stall area.\n")
		return
	}
	fmt.Fprintf(b, "The %s markets with the largest gains, of the %s that gained stall area, and each one's share of the net change of %s.",
		count(len(con.Top)), count(con.Gainers), change(con.Net))
	if con.Net > 0 {
		b.WriteString(" Shares can add up to more than 100 % where other markets lost area.\n\n")
	} else {
		b.WriteString(" The net change is not positive, so there are no shares of it.\n\n")
	}
	t := table{header: []string{"#", "market", "province", "change", "share of net", "cumulative", "figures"}, align: "rllrrrl"}
	var cum float64
	for i, m := range con.Top {
		cum += m.Change
		s, cs := missing, missing
		if con.Net > 0 {
			s, cs = percent(m.Change/con.Net*100), percent(cum/con.Net*100)
		}
		t.add(count(i+1), cell(m.Market.Name), province(m.Market), change(m.Change), s, cs, provenance(m))
	}
	t.write(b)
}

// province names a market's province, "(unknown)" when it is not known.
func province(m market.Market) string {
	if m.Province == "" {
		return "(unknown)"
	}
	return cell(m.Province)
}

// provenance says where a market's baseline and end figures come from.
func provenance(m stats.MarketChange) string {
	b, e := m.Baseline.Provenance, m.End.Provenance
	if b == e {
		return b.String()
	}
	return b.String() + " → " + e.String()
}

func (r *report) closed(b *strings.Builder) {
	b.WriteString("## Closed markets\n\n")
	var t table
	t.header = []string{"market", "province", "stall area before", "image before", "image with no stalls", "figures"}
	t.align = "llrlll"
	for _, m := range r.c.Markets {
		if m.Status == stats.Closed {
			t.add(cell(m.Market.Name), province(m.Market), area(m.Baseline.StallArea), m.Baseline.Date.String(), m.End.Date.String(), provenance(m))
		}
	}
	if len(t.rows) == 0 {
		b.WriteString("No market closed in the window.\n")
		return
	}
	fmt.Fprintf(b, "%s markets had stalls at the baseline and none at the end.\n\n", count(len(t.rows)))
	t.write(b)
}

func (r *report) provinces(b *strings.Builder) {
	b.WriteString("## By province\n\n")
	t := table{header: []string{"province", "markets", "net change", "opened", "grew", "unchanged", "declined", "closed"}, align: "lrrrrrrr"}
	for _, p := range r.c.ByProvince() {
		name := "(unknown)"
		if p.Province != "" {
			name = cell(p.Province)
		}
		s := p.Counts
		t.add(name, count(p.Markets), change(p.Net), count(s.Opened), count(s.Grew), count(s.Unchanged), count(s.Declined), count(s.Closed))
	}
	if len(t.rows) == 0 {
		b.WriteString("No market is covered.\n")
		return
	}
	t.write(b)
}

func (r *report) years(b *strings.Builder) {
	b.WriteString("## Gross change by year\n\n")
	b.WriteString("Stall area added and removed each year, summed over markets; a change counts in the year of the first image that shows it.\n\n")
	t := table{header: []string{"year", "added", "removed", "net"}, align: "lrrr"}
	for _, y := range r.c.ByYear() {
		t.add(fmt.Sprint(y.Year), area(y.Additions), area(y.Reductions), change(y.Net()))
	}
	t.write(b)
}

func (r *report) factCheck(b *strings.Builder) {
	b.WriteString("## Fact check\n\n")
	if len(r.checks) == 0 {
		b.WriteString("No published figures were given (`-published FILE`), so none is checked.\n")
		return
	}
	n := map[stats.Verdict]int{}
	for _, c := range r.checks {
		n[c.Verdict]++
	}
	fmt.Fprintf(b, "%s published figures from %s, each checked against the data by the rule its wording implies: %s match, %s within rounding, %s mismatch, %s unverifiable.\n\n",
		count(len(r.checks)), r.in.publishedFrom, count(n[stats.Match]), count(n[stats.WithinRounding]), count(n[stats.Mismatch]), count(n[stats.Unverifiable]))
	t := table{header: []string{"id", "published", "computed", "rule", "verdict", "note"}, align: "lrrlll"}
	for _, c := range r.checks {
		verdict := string(c.Verdict)
		if c.Verdict == stats.Mismatch {
			verdict = "**" + verdict + "**"
		}
		t.add("`"+c.ID+"`", publishedFigure(c.Published, c.Unit), figure(c.Computed, c.Unit), string(c.Rule), verdict, cell(squareMetres.ReplaceAllString(c.Note, "m²")))
	}
	t.write(b)
}

func (r *report) chartSection(b *strings.Builder) {
	b.WriteString("## Charts\n\n")
	if len(r.charts) == 0 {
		b.WriteString("No charts were drawn.\n")
		return
	}
	for i, ch := range r.charts {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(b, "![%s](%s)\n\n*%s*", cell(ch.title), linkPath(ch.png), cell(ch.title))
		if ch.svg != "" {
			fmt.Fprintf(b, " ([SVG](%s))", linkPath(ch.svg))
		}
		b.WriteByte('\n')
	}
}

func (r *report) files(b *strings.Builder) {
	b.WriteString("## Files\n\n")
	what := map[string]string{
		export.ResultsFile:     "one row per covered market: location, baseline and end (date, area, provenance), change and status",
		export.GrossByYearFile: "stall area added and removed in each year of the window",
		export.GeoJSONFile:     "the located markets as GeoJSON points with their results, for QGIS and web maps",
		export.KMLFile:         "the same for Google Earth, one colour per status",
	}
	for _, f := range r.exports.Files {
		name := filepath.Base(f)
		fmt.Fprintf(b, "- [%s](%s): %s\n", name, linkPath(name), what[name])
	}
	located := len(r.c.Markets) - r.exports.Unlocated
	fmt.Fprintf(b, "\n%s of the %s markets have no known location and are left out of %s and %s; the %s with one are on both.\n",
		count(r.exports.Unlocated), count(len(r.c.Markets)), export.GeoJSONFile, export.KMLFile, count(located))
}

// squareMetres finds the unit m2 in the notes of package stats.
var squareMetres = regexp.MustCompile(`\bm2\b`)

// linkPath turns a file name into a Markdown link target.
func linkPath(name string) string {
	return strings.ReplaceAll(filepath.ToSlash(name), " ", "%20")
}

// table is a Markdown table; align has one letter per column, l or r.
type table struct {
	header []string
	align  string
	rows   [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(b *strings.Builder) {
	b.WriteString("| " + strings.Join(t.header, " | ") + " |\n|")
	for i := range t.header {
		if i < len(t.align) && t.align[i] == 'r' {
			b.WriteString("--:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteByte('\n')
	for _, r := range t.rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
}
