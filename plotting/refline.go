package plotting

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// refLine is a horizontal or vertical reference line across the data
// area, such as zero or 50%, with an optional label at its end.
type refLine struct {
	value    float64
	vertical bool
	style    draw.LineStyle
	label    string
	// labelStyle's alignment is set by Plot: the label sits above the
	// right end of a horizontal line, or right of the top of a vertical
	// one.
	labelStyle text.Style
	// atStart puts the label at the left or bottom end instead.
	atStart bool
}

func newRefLine(value float64, vertical bool, label string) *refLine {
	return &refLine{
		value: value, vertical: vertical, label: label,
		style:      draw.LineStyle{Color: grey, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}},
		labelStyle: textStyle(sans, noteSize, darkGrey),
	}
}

// Plot implements plot.Plotter.
func (l *refLine) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := l.labelStyle
	if l.vertical {
		x := trX(l.value)
		if !c.ContainsX(x) {
			return
		}
		c.StrokeLine2(l.style, x, c.Min.Y, x, c.Max.Y)
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YTop
		c.FillText(sty, vg.Point{X: x + vg.Points(3), Y: c.Max.Y}, l.label)
		return
	}
	y := trY(l.value)
	if !c.ContainsY(y) {
		return
	}
	c.StrokeLine2(l.style, c.Min.X, y, c.Max.X, y)
	sty.XAlign, sty.YAlign = draw.XRight, draw.YBottom
	x := c.Max.X
	if l.atStart {
		sty.XAlign, x = draw.XLeft, c.Min.X+vg.Points(2)
	}
	c.FillText(sty, vg.Point{X: x, Y: y + vg.Points(1)}, l.label)
}
