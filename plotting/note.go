package plotting

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// note writes a block of text in a corner of the data area, on a white
// box: the caption of a chart (sources, what is left out, caveats).
type note struct {
	text  string
	style text.Style
	// x and y place the note: 0 is the left or bottom edge, 1 the right
	// or top edge; the note's matching corner sits there.
	x, y float64
	// align aligns the lines within the note.
	align text.XAlignment
	// maxWidth is the widest the note may be, as a fraction of the data
	// area's width; longer lines wrap.
	maxWidth float64
}

func newNote(txt string, x, y float64) *note {
	return &note{text: txt, style: textStyle(sans, noteSize, darkGrey), x: x, y: y, maxWidth: 0.6, align: text.XAlignment(-x)}
}

// Plot implements plot.Plotter.
func (n *note) Plot(c draw.Canvas, _ *plot.Plot) {
	if n.text == "" {
		return
	}
	sty := n.style
	sty.XAlign, sty.YAlign = n.align, draw.YBottom
	pad := vg.Points(4)
	txt := wrapText(sty, n.text, (c.Max.X-c.Min.X)*vg.Length(n.maxWidth))
	r := sty.Rectangle(txt)
	w, h := r.Max.X-r.Min.X, r.Max.Y-r.Min.Y
	corner := vg.Point{
		X: c.Min.X + pad + vg.Length(n.x)*(c.Max.X-c.Min.X-2*pad-w),
		Y: c.Min.Y + pad + vg.Length(n.y)*(c.Max.Y-c.Min.Y-2*pad-h),
	}
	fillTextOnWhite(&c, sty, corner.Sub(r.Min), txt)
}

// fillTextOnWhite writes txt at pt on a slightly see-through white box, so
// that it stays readable over data, and returns the box.
func fillTextOnWhite(c *draw.Canvas, sty text.Style, pt vg.Point, txt string) vg.Rectangle {
	box := sty.Rectangle(txt).Add(pt)
	box.Min = box.Min.Sub(vg.Point{X: 2, Y: 2})
	box.Max = box.Max.Add(vg.Point{X: 2, Y: 2})
	c.SetColor(color.NRGBA{R: 255, G: 255, B: 255, A: 230})
	c.Fill(box.Path())
	c.FillText(sty, pt, txt)
	return box
}
