package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// bars draws one bar per category from a base line of zero, with its label
// at the bar's end. Unlike plotter.BarChart it takes missing values (NaN):
// a missing value is drawn as a hatched placeholder across the whole value
// axis with missingLabel on it, never as a zero bar.
type bars struct {
	pos    []float64 // category positions
	vals   []float64 // NaN: missing
	colors []color.Color
	labels []string // at the end of each bar; "" for none
	// width is the bar width in category units (1 is touching bars).
	width      float64
	horizontal bool
	labelStyle text.Style
	// missingLabel is written along a missing bar, from its base.
	missingLabel string
	// runLabel, if not nil, gives the label of a run of missing values
	// from position first to last.
	runLabel     func(first, last float64) string
	missingStyle text.Style
}

func newBars(pos, vals []float64, colors []color.Color, labels []string) *bars {
	return &bars{
		pos: pos, vals: vals, colors: colors, labels: labels,
		width:        0.7,
		labelStyle:   textStyle(sans, noteSize+1, color.Black),
		missingStyle: textStyle(sans, noteSize, darkGrey),
	}
}

// Plot implements plot.Plotter.
func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	trCat, trVal := trX, trY
	if b.horizontal {
		trCat, trVal = trY, trX
	}
	for _, run := range b.missingRuns() {
		b.drawMissing(&c, trCat, run[0], run[1])
	}
	for i, v := range b.vals {
		if !finite(v) {
			continue
		}
		lo, hi := trCat(b.pos[i]-b.width/2), trCat(b.pos[i]+b.width/2)
		v0, v1 := trVal(0), trVal(v)
		if v1 < v0 {
			v0, v1 = v1, v0
		}
		r := vg.Rectangle{Min: vg.Point{X: lo, Y: v0}, Max: vg.Point{X: hi, Y: v1}}
		if b.horizontal {
			r = vg.Rectangle{Min: vg.Point{X: v0, Y: lo}, Max: vg.Point{X: v1, Y: hi}}
		}
		drawBox(&c, r, b.colors[i], nil, false)
		if i < len(b.labels) && b.labels[i] != "" {
			pt, sty := b.labelAt(trCat(b.pos[i]), trVal(v), v)
			c.FillText(sty, pt, b.labels[i])
		}
	}
}

// missingRuns returns the first and last index of each run of missing
// values at consecutive positions.
func (b *bars) missingRuns() [][2]int {
	var runs [][2]int
	for i := 0; i < len(b.vals); i++ {
		if finite(b.vals[i]) {
			continue
		}
		j := i
		for j+1 < len(b.vals) && !finite(b.vals[j+1]) && b.pos[j+1] == b.pos[j]+1 {
			j++
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	return runs
}

// drawMissing hatches the whole value range over the missing values
// first..last and writes missingLabel once: along a single placeholder,
// or across a run of them. A run is one band as wide as its categories,
// so that it cannot be read as a row of tall bars.
func (b *bars) drawMissing(c *draw.Canvas, trCat func(float64) vg.Length, first, last int) {
	half := b.width / 2
	if last > first {
		half = 0.48
	}
	lo, hi := trCat(b.pos[first]-half), trCat(b.pos[last]+half)
	r := vg.Rectangle{Min: vg.Point{X: lo, Y: c.Min.Y}, Max: vg.Point{X: hi, Y: c.Max.Y}}
	if b.horizontal {
		r = vg.Rectangle{Min: vg.Point{X: c.Min.X, Y: lo}, Max: vg.Point{X: c.Max.X, Y: hi}}
	}
	drawBox(c, r, nil, nil, true)
	label := b.missingLabel
	if last > first && b.runLabel != nil {
		label = b.runLabel(b.pos[first], b.pos[last])
	}
	if label == "" {
		return
	}
	sty := b.missingStyle
	mid := (lo + hi) / 2
	along := last == first // a single placeholder: write along it
	switch {
	case b.horizontal && along:
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
		b.fillOnWhite(c, sty, vg.Point{X: c.Min.X + vg.Points(4), Y: mid}, label)
	case b.horizontal:
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
		b.fillOnWhite(c, sty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: mid}, label)
	case along:
		sty.Rotation = math.Pi / 2
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
		b.fillOnWhite(c, sty, vg.Point{X: mid, Y: c.Min.Y + vg.Points(4)}, label)
	default:
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
		b.fillOnWhite(c, sty, vg.Point{X: mid, Y: (c.Min.Y + c.Max.Y) / 2}, label)
	}
}

// fillOnWhite writes txt on a white box, so that it reads over hatching.
func (b *bars) fillOnWhite(c *draw.Canvas, sty text.Style, pt vg.Point, txt string) {
	r := sty.Rectangle(txt).Add(pt)
	pad := vg.Points(1.5)
	r.Min = r.Min.Sub(vg.Point{X: pad, Y: pad})
	r.Max = r.Max.Add(vg.Point{X: pad, Y: pad})
	drawBox(c, r, color.White, nil, false)
	c.FillText(sty, pt, txt)
}

// labelAt returns where a bar's label goes: just beyond its end, on the
// side away from the base.
func (b *bars) labelAt(cat, end vg.Length, v float64) (vg.Point, text.Style) {
	sty := b.labelStyle
	gap := vg.Points(2)
	if b.horizontal {
		sty.YAlign = draw.YCenter
		if v < 0 {
			sty.XAlign = draw.XRight
			return vg.Point{X: end - gap, Y: cat}, sty
		}
		sty.XAlign = draw.XLeft
		return vg.Point{X: end + gap, Y: cat}, sty
	}
	sty.XAlign = draw.XCenter
	if v < 0 {
		sty.YAlign = draw.YTop
		return vg.Point{X: cat, Y: end - gap}, sty
	}
	sty.YAlign = draw.YBottom
	return vg.Point{X: cat, Y: end + gap}, sty
}

// DataRange implements plot.DataRanger. The value range always includes
// zero, the base of the bars.
func (b *bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	cmin, cmax := math.Inf(1), math.Inf(-1)
	for _, p := range b.pos {
		cmin = math.Min(cmin, p-0.5)
		cmax = math.Max(cmax, p+0.5)
	}
	vmin, vmax := 0.0, 0.0
	for _, v := range b.vals {
		if finite(v) {
			vmin, vmax = math.Min(vmin, v), math.Max(vmax, v)
		}
	}
	if b.horizontal {
		return vmin, vmax, cmin, cmax
	}
	return cmin, cmax, vmin, vmax
}

// GlyphBoxes implements plot.GlyphBoxer, so that the plot leaves room for
// the labels.
func (b *bars) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	for i, v := range b.vals {
		if !finite(v) || i >= len(b.labels) || b.labels[i] == "" {
			continue
		}
		pt, sty := b.labelAt(0, 0, v)
		box := plot.GlyphBox{Rectangle: sty.Rectangle(b.labels[i]).Add(pt)}
		if b.horizontal {
			box.X, box.Y = p.X.Norm(v), p.Y.Norm(b.pos[i])
		} else {
			box.X, box.Y = p.X.Norm(b.pos[i]), p.Y.Norm(v)
		}
		boxes = append(boxes, box)
	}
	return boxes
}
