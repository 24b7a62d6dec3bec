package plotting

import (
	"github.com/jangmadang/marketarea/internal/numfmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/jangmadang/marketarea/stats"
)

// The charts use gonum's embedded Liberation Sans, so that output does not
// depend on the fonts installed on the machine.
var (
	sans     = font.Font{Typeface: "Liberation", Variant: "Sans"}
	sansBold = font.Font{Typeface: "Liberation", Variant: "Sans", Weight: xfont.WeightBold}
)

// Colours: Okabe-Ito, readable with the common colour-vision deficiencies.
// Gains are blue, losses vermilion, wherever they appear.
var (
	blue        = color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xff}
	skyBlue     = color.NRGBA{R: 0x56, G: 0xB4, B: 0xE9, A: 0xff}
	orange      = color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xff}
	vermilion   = color.NRGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xff}
	green       = color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xff}
	purple      = color.NRGBA{R: 0xCC, G: 0x79, B: 0xA7, A: 0xff}
	grey        = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
	lightGrey   = color.NRGBA{R: 0xDD, G: 0xDD, B: 0xDD, A: 0xff}
	hatchColour = color.NRGBA{R: 0xC8, G: 0xC8, B: 0xC8, A: 0xff}
	darkGrey    = color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff}
	landColour  = color.NRGBA{R: 0xF2, G: 0xEF, B: 0xE6, A: 0xff}
)

// statusColour is the colour of a market status on every chart.
func statusColour(s stats.Status) color.Color {
	switch s {
	case stats.Opened:
		return blue
	case stats.Grew:
		return skyBlue
	case stats.Declined:
		return orange
	case stats.Closed:
		return vermilion
	}
	return grey
}

// Font sizes, in points.
const (
	titleSize = 13
	labelSize = 11
	tickSize  = 10
	noteSize  = 9
)

// newPlot returns a plot with the package's fonts and a light grid-free
// look; charts start from it.
func newPlot() *plot.Plot {
	p := plot.New()
	p.Title.TextStyle.Font = font.From(sansBold, titleSize)
	p.Title.Padding = vg.Points(8)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, labelSize)
		a.Tick.Label.Font = font.From(sans, tickSize)
		a.Tick.Length = vg.Points(4)
		a.Label.Padding = vg.Points(4)
	}
	p.Legend.TextStyle.Font = font.From(sans, tickSize)
	p.Legend.ThumbnailWidth = vg.Points(14)
	p.Legend.Padding = vg.Points(2)
	return p
}

// textStyle returns a style in the package's font.
func textStyle(fnt font.Font, size vg.Length, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    font.From(fnt, size),
		Handler: plot.DefaultTextHandler,
	}
}

// thousands is a Ticker that writes tick labels with thousands separators
// (12,500) and a true minus sign.
type thousands struct{ plot.Ticker }

// Ticks implements plot.Ticker.
func (t thousands) Ticks(min, max float64) []plot.Tick {
	ticks := t.Ticker.Ticks(min, max)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = formatNumber(ticks[i].Value, false)
		}
	}
	return ticks
}

// integerTicks labels only whole values, such as years or ranks.
type integerTicks struct{ plot.Ticker }

// Ticks implements plot.Ticker.
func (t integerTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for _, tk := range t.Ticker.Ticks(min, max) {
		if tk.Label != "" && tk.Value != math.Trunc(tk.Value) {
			continue
		}
		out = append(out, tk)
	}
	return out
}

// yearTicks labels every year from first to last, or every other year
// when there are many.
func yearTicks(first, last int) plot.Ticker {
	step := 1
	if last-first > 12 {
		step = 2
	}
	return plot.TickerFunc(func(min, max float64) []plot.Tick {
		var ticks []plot.Tick
		for y := first; y <= last; y++ {
			label := ""
			if (y-first)%step == 0 {
				label = strconv.Itoa(y)
			}
			ticks = append(ticks, plot.Tick{Value: float64(y), Label: label})
		}
		return ticks
	})
}

// formatNumber writes v rounded to a whole number with thousands
// separators; signed adds a plus sign to positive values.
func formatNumber(v float64, signed bool) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	s := numfmt.Decimal(v, 0)
	if signed {
		s = numfmt.Signed(v, 0)
	}
	return strings.Replace(s, "-", "\u2212", 1)
}

// formatPercent writes a percentage with the given number of decimals.
func formatPercent(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	if v < 0 && strings.Trim(s, "0.") != "" {
		return "\u2212" + s + "%"
	}
	return s + "%"
}

// plural returns "1 market" or "n markets".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return formatNumber(float64(n), false) + " " + many
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// glyphThumb draws a glyph as a legend thumbnail.
type glyphThumb struct{ draw.GlyphStyle }

// Thumbnail implements plot.Thumbnailer.
func (g glyphThumb) Thumbnail(c *draw.Canvas) {
	c.DrawGlyphNoClip(g.GlyphStyle, c.Center())
}

// boxThumb draws a filled box as a legend thumbnail.
type boxThumb struct {
	fill color.Color
}

// Thumbnail implements plot.Thumbnailer.
func (b boxThumb) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	h := r.Max.Y - r.Min.Y
	r.Min.Y += h * 0.1
	r.Max.Y -= h * 0.1
	drawBox(c, r, b.fill, nil, false)
}

// lineThumb draws a line as a legend thumbnail.
type lineThumb struct{ draw.LineStyle }

// Thumbnail implements plot.Thumbnailer.
func (l lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(l.LineStyle, c.Min.X, y, c.Max.X, y)
}

// drawBox fills r, hatches it with diagonal lines when hatch is true and
// outlines it when stroke is not nil.
func drawBox(c *draw.Canvas, r vg.Rectangle, fill, stroke color.Color, hatch bool) {
	if r.Max.X <= r.Min.X || r.Max.Y <= r.Min.Y {
		return
	}
	if fill != nil {
		c.SetColor(fill)
		c.Fill(r.Path())
	}
	if hatch {
		sty := draw.LineStyle{Color: hatchColour, Width: vg.Points(0.6)}
		for _, seg := range hatchLines(r, vg.Points(5)) {
			c.StrokeLine2(sty, seg[0].X, seg[0].Y, seg[1].X, seg[1].Y)
		}
	}
	if stroke != nil {
		c.StrokeLines(draw.LineStyle{Color: stroke, Width: vg.Points(0.8)}, []vg.Point{
			r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}, r.Min,
		})
	}
}

// hatchLines returns 45° lines spaced gap apart, clipped to r.
func hatchLines(r vg.Rectangle, gap vg.Length) [][2]vg.Point {
	w, h := r.Max.X-r.Min.X, r.Max.Y-r.Min.Y
	var out [][2]vg.Point
	// Lines x - y = k, for k from -h to w, in the rectangle's frame.
	for k := -h + gap/2; k < w; k += gap {
		x0, y0 := k, vg.Length(0)
		if x0 < 0 {
			x0, y0 = 0, -k
		}
		x1, y1 := k+h, h
		if x1 > w {
			x1, y1 = w, w-k
		}
		out = append(out, [2]vg.Point{
			{X: r.Min.X + x0, Y: r.Min.Y + y0},
			{X: r.Min.X + x1, Y: r.Min.Y + y1},
		})
	}
	return out
}

// hollowCircle is a circle filled white with a coloured ring: a marker
// that stays hollow on top of lines.
type hollowCircle struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (hollowCircle) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	var p vg.Path
	p.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	p.Arc(pt, sty.Radius, 0, 2*math.Pi)
	p.Close()
	c.SetColor(color.White)
	c.Fill(p)
	c.SetColor(sty.Color)
	c.SetLineWidth(vg.Points(1.2))
	c.SetLineDash(nil, 0)
	c.Stroke(p)
}

// niceTicks puts about five labelled ticks at multiples of 1, 2, 2.5 or 5
// times a power of ten, always on zero when zero is in range, with an
// unlabelled tick halfway between. Labels have the decimals the step needs
// and a true minus sign.
type niceTicks struct{}

// Ticks implements plot.Ticker.
func (niceTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) || !finite(min) || !finite(max) {
		return plot.DefaultTicks{}.Ticks(min, max)
	}
	raw := (max - min) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	// As many decimals as the step needs, so that 0.6 is not written
	// 0.6000000000000001.
	decimals := 0
	for ; decimals < 10; decimals++ {
		v, _ := strconv.ParseFloat(strconv.FormatFloat(step, 'f', decimals, 64), 64)
		if math.Abs(v-step) < step*1e-9 {
			break
		}
	}
	var ticks []plot.Tick
	for k := math.Ceil(min / step * 2); k/2*step <= max+step*1e-9; k++ {
		v := k / 2 * step
		if v == 0 {
			v = 0 // no -0
		}
		t := plot.Tick{Value: v}
		if int(k)%2 == 0 {
			t.Label = strings.Replace(strconv.FormatFloat(v, 'f', decimals, 64), "-", "\u2212", 1)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// wrapText breaks the lines of s at spaces so that none is wider than
// width in sty; a single word wider than width keeps its own line.
func wrapText(sty text.Style, s string, width vg.Length) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			switch {
			case line == "":
				line = word
			case sty.Width(line+" "+word) <= width:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
