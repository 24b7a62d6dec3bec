package plotting

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/jangmadang/marketarea/market"
)

// ErrNoMarket is returned for a market ID that the dataset does not hold.
var ErrNoMarket = errors.New("plotting: no such market")

// ErrYears is returned for a span of years whose last is before its first.
var ErrYears = errors.New("plotting: last year before first")

// The marks of observations by provenance, on every chart.
var (
	publishedMark = draw.GlyphStyle{Color: blue, Radius: vg.Points(3.5), Shape: draw.CircleGlyph{}}
	measuredMark  = draw.GlyphStyle{Color: blue, Radius: vg.Points(3.5), Shape: draw.BoxGlyph{}}
	syntheticMark = draw.GlyphStyle{Color: blue, Radius: vg.Points(3.5), Shape: hollowCircle{}}
	annualLine    = draw.LineStyle{Color: darkGrey, Width: vg.Points(1.2)}
)

// MarketArea draws one market's covered stall area from first to last:
// each observation dated in those years as a point (filled when published,
// a square when measured, hollow when a synthetic stand-in; an
// observation known only to the year is drawn mid-year), and the annual
// view (market.Dataset.Annual, the area at the end of each year) as a line
// across each year where it is known. The error wraps
// ErrNoMarket for an unknown ID and ErrYears when last < first.
func MarketArea(ds *market.Dataset, id string, first, last int) (*plot.Plot, error) {
	m, ok := ds.Market(id)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrNoMarket, id)
	}
	if last < first {
		return nil, fmt.Errorf("%w: %d–%d", ErrYears, first, last)
	}
	p, kinds, err := marketPanel(ds, id, first, last)
	if err != nil {
		return nil, err
	}
	yearOnly := false
	for _, o := range ds.Observations(id) {
		if y := o.Date.Year(); y >= first && y <= last && o.Date.Precision() == market.YearPrecision {
			yearOnly = true
		}
	}
	p.Title.Text = fmt.Sprintf("%s: covered stall area, %d–%d", m.Name, first, last)
	p.X.Label.Text = "year"
	p.Y.Label.Text = "stall area (m²)"
	p.X.Tick.Marker = yearSlotTicks(first, last, 12)
	for _, e := range kinds.entries() {
		p.Legend.Add(e.Label, e.Thumbnails...)
	}
	if yearOnly {
		p.Legend.Add("(imagery dated only to the year: mid-year)")
	}
	// The legend goes in the top corner the data leave free: the right
	// one when the area fell, the left one otherwise.
	var known []float64
	for _, a := range ds.Annual(id, first, last) {
		if a.Known {
			known = append(known, a.StallArea)
		}
	}
	p.Legend.Top = true
	p.Legend.Left = len(known) == 0 || known[len(known)-1] >= known[0]
	p.Legend.XOffs = vg.Points(6)
	if !p.Legend.Left {
		p.Legend.XOffs = -vg.Points(6)
	}
	p.Y.Max = math.Max(p.Y.Max, 1) * 1.4 // headroom for the legend
	return p, nil
}

// MarketGrid draws small multiples of MarketArea, one panel per market in
// rows of cols panels, on a common value scale so that the panels compare.
// The figure's key says how observations of each provenance are marked.
// The error wraps ErrNoMarket for an unknown ID and ErrYears when
// last < first.
func MarketGrid(ds *market.Dataset, ids []string, cols, first, last int) (*Figure, error) {
	if len(ids) == 0 {
		return nil, fmt.Errorf("%w: no markets", ErrNoData)
	}
	if last < first {
		return nil, fmt.Errorf("%w: %d–%d", ErrYears, first, last)
	}
	cols = max(1, min(cols, len(ids)))
	rows := (len(ids) + cols - 1) / cols
	panels := make([][]*plot.Plot, rows)
	for j := range panels {
		panels[j] = make([]*plot.Plot, cols)
	}
	var kinds markKinds
	top := 0.0
	for i, id := range ids {
		m, ok := ds.Market(id)
		if !ok {
			return nil, fmt.Errorf("%w: %q", ErrNoMarket, id)
		}
		p, k, err := marketPanel(ds, id, first, last)
		if err != nil {
			return nil, err
		}
		kinds = kinds.union(k)
		p.Title.Text = m.Name
		p.Title.TextStyle.Font = font.From(sansBold, noteSize)
		p.Title.Padding = vg.Points(4)
		p.X.Tick.Marker = yearSlotTicks(first, last, 3)
		if i%cols == 0 {
			p.Y.Label.Text = "m²"
		}
		top = math.Max(top, p.Y.Max)
		panels[i/cols][i%cols] = p
	}
	for _, row := range panels {
		for _, p := range row {
			if p != nil {
				p.Y.Max = math.Max(top, 1) * 1.05
			}
		}
	}
	f := NewFigure(fmt.Sprintf("Covered stall area of %d markets, %d–%d", len(ids), first, last), panels)
	f.Key = kinds.entries()
	f.Note = "Points: imagery observations, at their date; imagery dated only to the year is drawn mid-year. " +
		"Lines: the annual view, the latest observation on or before the end of each year, drawn across the year. All panels share one scale."
	return f, nil
}

// markKinds says which kinds of marks a chart holds, for its legend.
type markKinds struct {
	published, measured, synthetic, annual bool
}

func (k markKinds) union(o markKinds) markKinds {
	return markKinds{k.published || o.published, k.measured || o.measured, k.synthetic || o.synthetic, k.annual || o.annual}
}

func (k markKinds) entries() []KeyEntry {
	var out []KeyEntry
	if k.published {
		out = append(out, KeyEntry{Label: "published observation", Thumbnails: []plot.Thumbnailer{glyphThumb{publishedMark}}})
	}
	if k.measured {
		out = append(out, KeyEntry{Label: "measured observation", Thumbnails: []plot.Thumbnailer{glyphThumb{measuredMark}}})
	}
	if k.synthetic {
		out = append(out, KeyEntry{Label: "synthetic stand-in (hollow)", Thumbnails: []plot.Thumbnailer{glyphThumb{syntheticMark}}})
	}
	if k.annual {
		out = append(out, KeyEntry{Label: "annual view (end of year)", Thumbnails: []plot.Thumbnailer{lineThumb{annualLine}}})
	}
	return out
}

// marketPanel draws one market's observations and annual view, with no
// title or legend.
func marketPanel(ds *market.Dataset, id string, first, last int) (*plot.Plot, markKinds, error) {
	var kinds markKinds
	p := newPlot()
	p.X.Min, p.X.Max = float64(first), float64(last+1)
	p.Y.Min = 0
	p.Y.Tick.Marker = thousands{niceTicks{}}

	// The annual view: each year's end-of-year area across the year.
	seg := &yearSegments{style: annualLine}
	for _, a := range ds.Annual(id, first, last) {
		v := math.NaN()
		if a.Known {
			v = a.StallArea
			kinds.annual = true
		}
		seg.years = append(seg.years, a.Year)
		seg.values = append(seg.values, v)
	}
	p.Add(seg)

	var pts plotter.XYs
	var marks []draw.GlyphStyle
	for _, o := range ds.Observations(id) {
		if y := o.Date.Year(); y < first || y > last || !finite(o.StallArea) {
			continue
		}
		// A date known only to the year goes mid-year; the annual view
		// already spans the year.
		x, _ := fracYear(o.Date)
		pt := plotter.XY{X: x, Y: o.StallArea}
		pts = append(pts, pt)
		switch o.Provenance {
		case market.Synthetic:
			marks = append(marks, syntheticMark)
			kinds.synthetic = true
		case market.Measured:
			marks = append(marks, measuredMark)
			kinds.measured = true
		default:
			marks = append(marks, publishedMark)
			kinds.published = true
		}
	}
	if len(pts) > 0 {
		s, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, kinds, fmt.Errorf("plotting: observations of %q: %w", id, err)
		}
		s.GlyphStyleFunc = func(i int) draw.GlyphStyle { return marks[i] }
		p.Add(s)
	}
	if len(pts) == 0 && !kinds.annual {
		p.Add(newNote("no observation in these years", 0.5, 0.5))
	}
	if math.IsInf(p.Y.Max, -1) || p.Y.Max <= 0 {
		p.Y.Max = 1
	}
	return p, kinds, nil
}
