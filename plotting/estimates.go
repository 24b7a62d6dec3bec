package plotting

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// The metrics of stats.Estimate that Estimates draws.
const (
	officialMarkets = "official_markets"
	knownMarkets    = "known_markets" // data.KnownMarkets
)

// Estimates draws the published counts of the country's markets over
// time: every estimate of the metrics official_markets and known_markets
// is one marker, styled by its source, with its value written above it
// (prefixed "~" where the source says approximate and "≥" where it says
// "at least"). The known_markets estimate, the survey's count of known
// permanent markets, stands out in black with its own label. A date known
// only to the year is drawn mid-year with a bar across the year; a month
// is placed at year + (month-1)/12. Estimates of other metrics, and values
// that are not finite, are left out; the note counts the latter. The error
// wraps ErrNoData when no estimate is left.
func Estimates(est []stats.Estimate) (*plot.Plot, error) {
	type group struct {
		name  string
		known bool
		xys   plotter.XYs
		spans plotter.XErrors
		year  plotter.XYs // the year-only ones, with spans
	}
	var groups []*group
	byName := map[string]*group{}
	var labels plotter.XYLabels
	var knownLabel plotter.XYLabels
	notFinite := 0
	first, last := 0, 0
	for _, e := range est {
		if e.Metric != officialMarkets && e.Metric != knownMarkets {
			continue
		}
		if !finite(e.Value) || e.AsOf.IsZero() {
			notFinite++
			continue
		}
		name, qualifier := splitSource(e.Source)
		known := e.Metric == knownMarkets
		key := name
		if known {
			key = "\x00known " + name
		}
		g := byName[key]
		if g == nil {
			g = &group{name: name, known: known}
			byName[key] = g
			groups = append(groups, g)
		}
		x, half := fracYear(e.AsOf)
		pt := plotter.XY{X: x, Y: e.Value}
		g.xys = append(g.xys, pt)
		if half > 0 {
			g.year = append(g.year, pt)
			g.spans = append(g.spans, struct{ Low, High float64 }{half, half})
		}
		text := qualifier + formatNumber(e.Value, false)
		if known {
			knownLabel.XYs = append(knownLabel.XYs, pt)
			knownLabel.Labels = append(knownLabel.Labels, fmt.Sprintf("%s known permanent markets\n%s, %s", text, name, e.AsOf))
		} else {
			labels.XYs = append(labels.XYs, pt)
			labels.Labels = append(labels.Labels, text)
		}
		if y := e.AsOf.Year(); first == 0 || y < first {
			first = y
		}
		if y := e.AsOf.Year(); y > last {
			last = y
		}
	}
	if len(groups) == 0 {
		return nil, fmt.Errorf("%w: no finite estimate of %s or %s", ErrNoData, officialMarkets, knownMarkets)
	}

	p := newPlot()
	p.Title.Text = fmt.Sprintf("Published counts of North Korea's official markets, %d–%d", first, last)
	p.X.Label.Text = "year"
	p.Y.Label.Text = "number of markets"
	p.X.Tick.Marker = yearTicks(first, last+1)
	p.Y.Tick.Marker = thousands{niceTicks{}}
	p.X.Min, p.X.Max = float64(first)-0.25, float64(last+1)+0.25
	p.Y.Min = 0
	p.Legend.Top, p.Legend.Left = false, false
	p.Legend.YOffs = vg.Points(4)

	styles := sourceStyles()
	next := 0
	for _, g := range groups {
		sty := draw.GlyphStyle{Color: color.Black, Radius: vg.Points(5), Shape: draw.BoxGlyph{}}
		if !g.known {
			sty = styles[next%len(styles)]
			next++
		}
		if len(g.year) > 0 {
			bars := &plotter.XErrorBars{XYs: g.year, XErrors: g.spans, LineStyle: draw.LineStyle{Color: sty.Color, Width: vg.Points(1)}, CapWidth: vg.Points(5)}
			p.Add(bars)
		}
		s, err := plotter.NewScatter(g.xys)
		if err != nil {
			return nil, fmt.Errorf("plotting: estimates of %s: %w", g.name, err)
		}
		s.GlyphStyle = sty
		p.Add(s)
		name := g.name
		if g.known {
			name += " (known markets)"
		}
		p.Legend.Add(name, s)
	}
	if len(labels.XYs) > 0 {
		l, err := plotter.NewLabels(labels)
		if err != nil {
			return nil, fmt.Errorf("plotting: estimate labels: %w", err)
		}
		for i := range l.TextStyle {
			l.TextStyle[i] = textStyle(sans, noteSize, color.Black)
			l.TextStyle[i].XAlign, l.TextStyle[i].YAlign = draw.XCenter, draw.YBottom
		}
		l.Offset = vg.Point{Y: vg.Points(7)}
		p.Add(l)
	}
	if len(knownLabel.XYs) > 0 {
		l, err := plotter.NewLabels(knownLabel)
		if err != nil {
			return nil, fmt.Errorf("plotting: estimate labels: %w", err)
		}
		for i := range l.TextStyle {
			l.TextStyle[i] = textStyle(sansBold, noteSize, color.Black)
			l.TextStyle[i].XAlign, l.TextStyle[i].YAlign = draw.XRight, draw.YBottom
		}
		// Above and left of the marker: the latest estimates sit at the
		// right edge, and nothing is higher up.
		l.Offset = vg.Point{X: vg.Points(6), Y: vg.Points(8)}
		p.Add(l)
	}
	caption := "One marker per published estimate, styled by source. A bar spans the year when only the year is known.\n~ approximate, ≥ at least."
	if notFinite > 0 {
		caption += fmt.Sprintf("\n%s without a value or a date left out.", plural(notFinite, "estimate", "estimates"))
	}
	p.Add(newNote(caption, 0, 0))
	return p, nil
}

// splitSource splits "North Korea Development Institute (approximate)"
// into the source's name and the prefix its qualifier calls for: "~" for
// approximate, "≥" for at least, "" otherwise.
func splitSource(s string) (name, prefix string) {
	name, qual, _ := strings.Cut(s, " (")
	qual = strings.ToLower(qual)
	switch {
	case strings.Contains(qual, "approximate"):
		prefix = "~"
	case strings.Contains(qual, "at least"):
		prefix = "≥"
	}
	return strings.TrimSpace(name), prefix
}

// sourceStyles are the marker styles of sources, in order of appearance.
func sourceStyles() []draw.GlyphStyle {
	r := vg.Points(4)
	return []draw.GlyphStyle{
		{Color: blue, Radius: r, Shape: draw.CircleGlyph{}},
		{Color: vermilion, Radius: r + 1, Shape: draw.PyramidGlyph{}},
		{Color: green, Radius: r, Shape: draw.BoxGlyph{}},
		{Color: purple, Radius: r + 1, Shape: draw.PyramidGlyph{}},
		{Color: orange, Radius: r, Shape: draw.CircleGlyph{}},
		{Color: skyBlue, Radius: r, Shape: draw.BoxGlyph{}},
		{Color: darkGrey, Radius: r, Shape: draw.CrossGlyph{}},
	}
}

// fracYear places a date on a year axis: a month at year + (month-1)/12
// plus the day's share of the month, a date known only to the year at
// mid-year with half a year either side (half).
func fracYear(d market.Date) (x, half float64) {
	y := float64(d.Year())
	switch d.Precision() {
	case market.YearPrecision:
		return y + 0.5, 0.5
	case market.MonthPrecision:
		return y + float64(d.Month()-1)/12, 0
	}
	days := time.Date(d.Year(), d.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return y + (float64(d.Month()-1)+float64(d.DayOfMonth()-1)/float64(days))/12, 0
}
