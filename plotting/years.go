package plotting

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// yearSegments draws one value per year as a horizontal segment across the
// year, with no connectors: a yearly summary such as the area at the end
// of each year, which says nothing of when in the year it changed.
type yearSegments struct {
	years  []int
	values []float64 // NaN: missing, not drawn
	style  draw.LineStyle
}

// Plot implements plot.Plotter.
func (s *yearSegments) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i, y := range s.years {
		v := s.values[i]
		if !finite(v) {
			continue
		}
		x0, x1 := trX(float64(y)+0.04), trX(float64(y)+0.96)
		c.StrokeLine2(s.style, x0, trY(v), x1, trY(v))
	}
}

// DataRange implements plot.DataRanger.
func (s *yearSegments) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i, y := range s.years {
		if v := s.values[i]; finite(v) {
			xmin, xmax = math.Min(xmin, float64(y)), math.Max(xmax, float64(y+1))
			ymin, ymax = math.Min(ymin, v), math.Max(ymax, v)
		}
	}
	return xmin, xmax, ymin, ymax
}

// yearSlotTicks treats each year as a slot from its start to its end:
// the label sits in the middle of the slot and unlabelled ticks mark its
// ends. With more than maxLabels years, only every other label is kept.
func yearSlotTicks(first, last, maxLabels int) plot.Ticker {
	step := 1
	for (last-first)/step+1 > maxLabels {
		step++
	}
	return plot.TickerFunc(func(min, max float64) []plot.Tick {
		var ticks []plot.Tick
		for y := first; y <= last; y++ {
			ticks = append(ticks, plot.Tick{Value: float64(y)})
			if (y-first)%step == 0 {
				ticks = append(ticks, plot.Tick{Value: float64(y) + 0.5, Label: strconv.Itoa(y)})
			}
		}
		return append(ticks, plot.Tick{Value: float64(last + 1)})
	})
}
