package plotting

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/jangmadang/marketarea/stats"
)

// Contributions draws each market's contribution to the net change in
// stall area over the window of c: the top panel has one bar per market
// whose area changed, largest gain first (stats.Changes.Ranked), with the
// top k gainers highlighted, numbered and named; the bottom panel has the
// cumulative share of the net change (a Pareto line), with the top k's
// share (stats.Changes.Concentrate) marked against the 50% line. Markets
// with no change add nothing and are left out, and the note says how many.
// A change that is not finite is left out and counted in the note. The
// error wraps ErrNoData when no market changed.
func Contributions(c *stats.Changes, k int) (*Figure, error) {
	var shown []stats.MarketChange
	notFinite := 0
	for _, m := range c.Ranked() {
		switch {
		case !finite(m.Change):
			notFinite++
		case m.Change != 0:
			shown = append(shown, m)
		}
	}
	if len(shown) == 0 {
		return nil, fmt.Errorf("%w: no market changed over %v", ErrNoData, c.Window)
	}
	conc := c.Concentrate(k)
	isTop := make(map[string]int, len(conc.Top))
	for i, m := range conc.Top {
		isTop[m.Market.ID] = i + 1
	}

	n := len(shown)
	pos, vals := make([]float64, n), make([]float64, n)
	colors, labels := make([]color.Color, n), make([]string, n)
	cum := make(plotter.XYs, n)
	var run float64
	synthetic := 0
	for i, m := range shown {
		pos[i], vals[i] = float64(i+1), m.Change
		switch {
		case isTop[m.Market.ID] > 0:
			colors[i] = blue
			labels[i] = strconv.Itoa(isTop[m.Market.ID])
		case m.Change > 0:
			colors[i] = skyBlue
		case m.Status == stats.Closed:
			colors[i] = vermilion
		default:
			colors[i] = orange
		}
		// The running sum only draws stats' ranking; the share the chart
		// states is stats' own (Concentrate).
		run += m.Change
		cum[i] = plotter.XY{X: pos[i], Y: run / conc.Net * 100}
		if m.Synthetic() {
			synthetic++
		}
	}

	top := newPlot()
	top.Y.Label.Text = "change in stall area (m²)"
	top.Y.Tick.Marker = thousands{niceTicks{}}
	top.HideX()
	b := newBars(pos, vals, colors, labels)
	b.labelStyle.Font = font.From(sansBold, noteSize+1)
	zero := newRefLine(0, false, "")
	zero.style = draw.LineStyle{Color: darkGrey, Width: vg.Points(0.5)}
	top.Add(zero, b)
	if len(conc.Top) > 0 {
		list := fmt.Sprintf("Top %d gainers:", len(conc.Top))
		for i, m := range conc.Top {
			list += fmt.Sprintf("\n%d  %s  %s m²", i+1, m.Market.Name, formatNumber(m.Change, true))
		}
		nt := newNote(list, 1, 1)
		nt.style = textStyle(sans, tickSize, color.Black)
		nt.align = draw.XLeft
		top.Add(nt)
	}

	bottom := newPlot()
	bottom.X.Label.Text = fmt.Sprintf("markets ranked by change in stall area %d–%d, largest gain first", c.Window.From, c.Window.To)
	bottom.X.Tick.Marker = integerTicks{niceTicks{}}
	bottom.Y.Label.Text = "cumulative share (%)"
	bottom.Y.Tick.Marker = niceTicks{}
	if finite(conc.Share) && conc.Net > 0 {
		line, points, err := plotter.NewLinePoints(cum)
		if err != nil {
			return nil, fmt.Errorf("plotting: cumulative share: %w", err)
		}
		line.Color = darkGrey
		points.Shape, points.Color, points.Radius = draw.CircleGlyph{}, darkGrey, vg.Points(1.5)
		// The line starts low and ends at 100%: label 100% on the left and
		// 50% on the right, where the line is not.
		whole := newRefLine(100, false, "100% = net change of "+formatNumber(conc.Net, true)+" m²")
		whole.atStart = true
		bottom.Add(newRefLine(50, false, "half of the net change"), whole, line, points)
		if kk := len(conc.Top); kk > 0 {
			mark, err := plotter.NewScatter(plotter.XYs{{X: float64(kk), Y: conc.Share}})
			if err != nil {
				return nil, fmt.Errorf("plotting: top share: %w", err)
			}
			mark.Shape, mark.Color, mark.Radius = draw.CircleGlyph{}, blue, vg.Points(4)
			lab, err := plotter.NewLabels(plotter.XYLabels{
				XYs:    plotter.XYs{{X: float64(kk), Y: conc.Share}},
				Labels: []string{fmt.Sprintf("top %d: %s", kk, formatPercent(conc.Share, 1))},
			})
			if err != nil {
				return nil, fmt.Errorf("plotting: top share: %w", err)
			}
			lab.TextStyle[0] = textStyle(sansBold, tickSize, blue)
			lab.TextStyle[0].YAlign = draw.YTop
			lab.Offset = vg.Point{X: vg.Points(6), Y: -vg.Points(4)}
			bottom.Add(mark, lab)
		}
		bottom.Y.Min = 0
	} else {
		bottom.Add(newNote("No share: the net change is not positive.", 0.5, 0.5))
		bottom.Y.Min, bottom.Y.Max = 0, 100
	}
	for _, p := range []*plot.Plot{top, bottom} {
		p.X.Min, p.X.Max = 0.5, float64(n)+0.5
	}

	title := fmt.Sprintf("Contributions to the net change in stall area, %d–%d", c.Window.From, c.Window.To)
	if finite(conc.Share) && len(conc.Top) > 0 {
		who := numberWord(len(conc.Top))
		who = strings.ToUpper(who[:1]) + who[1:] + " markets"
		if len(conc.Top) == 1 {
			who = "One market"
		}
		title = fmt.Sprintf("%s made %s of the net growth in stall area, %d–%d",
			who, formatPercent(conc.Share, 1), c.Window.From, c.Window.To)
	}
	f := NewFigure(title, [][]*plot.Plot{{top}, {bottom}})
	f.RowHeights = []float64{3, 2}
	f.Key = []KeyEntry{
		{Label: fmt.Sprintf("top %d gainers", len(conc.Top)), Thumbnails: []plot.Thumbnailer{boxThumb{fill: blue}}},
		{Label: "other gains", Thumbnails: []plot.Thumbnailer{boxThumb{fill: skyBlue}}},
		{Label: "declined", Thumbnails: []plot.Thumbnailer{boxThumb{fill: orange}}},
		{Label: "closed", Thumbnails: []plot.Thumbnailer{boxThumb{fill: vermilion}}},
	}
	unchanged := len(c.Markets) - n - notFinite
	f.Note = fmt.Sprintf("Shown: the %d of %d markets whose stall area changed; %s with no change add nothing and are left out.",
		n, len(c.Markets), plural(unchanged, "market", "markets"))
	if notFinite > 0 {
		f.Note += fmt.Sprintf(" %s without a finite change left out.", plural(notFinite, "market", "markets"))
	}
	if finite(conc.Share) && conc.Net > 0 && sumLosses(shown) > 0 {
		f.Note += " The cumulative share passes 100% with the gains, and the losses bring it back to the net change."
	}
	if synthetic > 0 {
		f.Note += fmt.Sprintf("\n%d of the %d rest on synthetic stand-in data generated to match the published totals.", synthetic, n)
	}
	return f, nil
}

// numberWord spells small counts, as titles read better with "Four".
func numberWord(n int) string {
	words := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}

// sumLosses returns the total of the negative changes, as a positive
// number.
func sumLosses(ms []stats.MarketChange) float64 {
	var sum float64
	for _, m := range ms {
		if m.Change < 0 {
			sum -= m.Change
		}
	}
	return sum
}
