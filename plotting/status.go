package plotting

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"

	"github.com/jangmadang/marketarea/stats"
)

// StatusBreakdown draws how many markets opened, grew, stood still,
// declined or closed over the window w (left panel), and the stall area
// each group gained and lost (right panel), one row per group in the
// order given (stats.Changes.ByStatus gives them in report order). An
// area that is not finite is hatched as missing. The error wraps ErrNoData
// when there are no groups.
func StatusBreakdown(groups []stats.StatusGroup, w stats.Window) (*Figure, error) {
	n := len(groups)
	if n == 0 {
		return nil, fmt.Errorf("%w: no status groups", ErrNoData)
	}
	pos := make([]float64, n)
	names := make([]string, n)
	counts, gained, lost := make([]float64, n), make([]float64, n), make([]float64, n)
	countLabels, gainLabels, lossLabels := make([]string, n), make([]string, n), make([]string, n)
	colors := make([]color.Color, n)
	blues, vermilions := make([]color.Color, n), make([]color.Color, n)
	total := 0
	for i, g := range groups {
		pos[i] = float64(n - 1 - i) // first group at the top
		names[i] = g.Status.String()
		colors[i], blues[i], vermilions[i] = statusColour(g.Status), blue, vermilion
		counts[i] = float64(g.Markets)
		countLabels[i] = formatNumber(counts[i], false)
		total += g.Markets

		gained[i], lost[i] = g.Gained, -g.Lost
		switch {
		case !finite(g.Gained) || !finite(g.Lost):
			gained[i], lost[i] = math.NaN(), math.NaN()
		case g.Gained == 0 && g.Lost == 0:
			gainLabels[i] = "no change in area"
		default:
			if g.Gained != 0 {
				gainLabels[i] = formatNumber(g.Gained, true) + " m²"
			}
			if g.Lost != 0 {
				lossLabels[i] = formatNumber(-g.Lost, true) + " m²"
			}
		}
	}

	left := newPlot()
	left.Title.Text = "markets"
	left.X.Label.Text = fmt.Sprintf("number of markets (of %d)", total)
	left.X.Tick.Marker = integerTicks{thousands{niceTicks{}}}
	left.X.Min = 0
	left.Y.Tick.Marker = categoryTicks(pos, names)
	cb := newBars(pos, counts, colors, countLabels)
	cb.horizontal = true
	left.Add(cb)

	right := newPlot()
	right.Title.Text = "stall area lost and gained"
	right.X.Label.Text = "stall area (m²): lost ← 0 → gained"
	right.X.Tick.Marker = thousands{niceTicks{}}
	right.HideY()
	gb := newBars(pos, gained, blues, gainLabels)
	gb.horizontal = true
	gb.missingLabel = "no value"
	lb := newBars(pos, lost, vermilions, lossLabels)
	lb.horizontal = true
	right.Add(newRefLine(0, true, ""), gb, lb)
	for _, p := range []*plot.Plot{left, right} {
		p.Title.TextStyle.Font = font.From(sansBold, labelSize)
		p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	}

	f := NewFigure(fmt.Sprintf("Surveyed markets by what happened to their stall area, %d–%d", w.From, w.To), [][]*plot.Plot{{left, right}})
	f.ColWidths = []float64{1, 1.6}
	f.Note = fmt.Sprintf("Change of covered vendor-stall area from each market's baseline (its latest imagery before %d, else its first of %d) to its latest imagery up to %d.\n"+
		"Opened: no stalls at the baseline. Closed: no stalls left at the end. Unchanged: no change beyond the tolerance.", w.From, w.From, w.To)
	return f, nil
}

// categoryTicks labels positions with names and draws no other ticks.
func categoryTicks(pos []float64, names []string) plot.Ticker {
	ticks := make([]plot.Tick, len(pos))
	for i := range pos {
		ticks[i] = plot.Tick{Value: pos[i], Label: names[i]}
	}
	return plot.ConstantTicks(ticks)
}
