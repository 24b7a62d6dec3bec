package plotting

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"

	"github.com/jangmadang/marketarea/stats"
)

// ErrNoData is returned for a chart with nothing to draw.
var ErrNoData = errors.New("plotting: no data")

// GrossByYear draws a national year series, such as the gross new market
// area built each year (data.NationalGross), as one bar per year with its
// value written on it. A year without a value (not Known, or not finite)
// is hatched across the whole value axis and marked as having no published
// value, never drawn as a zero bar; consecutive such years share one band.
// The peak is labelled, and each known year after it carries its change
// from the year before (stats.PercentChange). The error wraps ErrNoData
// for a series with no years.
func GrossByYear(s stats.YearSeries) (*plot.Plot, error) {
	if len(s.Values) == 0 {
		return nil, fmt.Errorf("%w: empty year series", ErrNoData)
	}
	first, last := s.Span()
	peak, hasPeak := s.Peak()

	n := len(s.Values)
	pos, vals := make([]float64, n), make([]float64, n)
	colors, labels := make([]color.Color, n), make([]string, n)
	var sources []string
	prev, hasPrev := 0.0, false
	changed := false // some label gives a change from the year before
	for i, yv := range s.Values {
		pos[i] = float64(yv.Year)
		colors[i] = blue
		if !yv.Known || !finite(yv.Value) {
			vals[i] = math.NaN()
			hasPrev = false
			continue
		}
		vals[i] = yv.Value
		labels[i] = formatNumber(yv.Value, false)
		switch {
		case hasPeak && yv.Year == peak.Year:
			labels[i] += "\nhighest published"
		case hasPeak && yv.Year > peak.Year && hasPrev:
			if pct, ok := stats.PercentChange(prev, yv.Value); ok {
				labels[i] += fmt.Sprintf("\n(%s)", formatPercent(pct, 0))
				changed = true
			}
		}
		prev, hasPrev = yv.Value, true
		if yv.Source != "" && !slices.Contains(sources, yv.Source) {
			sources = append(sources, yv.Source)
		}
	}

	p := newPlot()
	p.Title.Text = fmt.Sprintf("Gross new market area built each year in North Korea, %d–%d", first, last)
	p.X.Label.Text = "year"
	p.Y.Label.Text = "new market area (m²)"
	p.X.Tick.Marker = yearTicks(first, last)
	p.Y.Tick.Marker = thousands{niceTicks{}}
	p.Y.Min = 0

	b := newBars(pos, vals, colors, labels)
	b.missingLabel = "no published value"
	b.missingStyle.Font.Size = labelSize
	b.runLabel = func(first, last float64) string {
		return fmt.Sprintf("no value published for %v–%v", first, last)
	}
	p.Add(b)

	caption := "Gross: new construction only; areas that shrank are not subtracted."
	if changed {
		caption += "\nIn brackets: change from the year before."
	}
	if len(sources) > 0 {
		caption += "\nSource: " + strings.Join(sources, "; ") + "."
	}
	p.Add(newNote(caption, 0, 1))
	if len(s.MissingYears()) == n {
		// Give the empty value axis a scale that reads as m².
		p.Y.Max = 1000
	}
	return p, nil
}
