package plotting

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// ErrFormat is returned for a file name whose extension is not .png, .svg
// or .pdf.
var ErrFormat = errors.New("plotting: unsupported format (want .png, .svg or .pdf)")

// Drawer is what Save writes: a *plot.Plot or a *Figure.
type Drawer interface {
	Draw(draw.Canvas)
}

// DPI is the resolution of PNG output: a chart 10 inches wide is 960
// pixels wide.
const DPI = 96

// Save draws d on a canvas of the given size (a plot inside a small white
// margin) and writes it to path, as PNG, SVG or PDF by the extension of
// path (in any case). PNG and SVG
// output are the same bytes for the same chart; SVG embeds its fonts, so
// it looks the same on every machine. PDF embeds its fonts too but records
// the time it was written. An unknown extension gives an error wrapping
// ErrFormat, and no file.
func Save(d Drawer, width, height vg.Length, path string) (err error) {
	if !(width > 0 && height > 0) {
		return fmt.Errorf("plotting: size %v × %v is not positive: %q", width, height, path)
	}
	format := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	c, err := newCanvas(width, height, format)
	if err != nil {
		return fmt.Errorf("%w: %q", err, path)
	}
	draw1(d, draw.New(c))
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("plotting: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("plotting: %w", cerr)
		}
	}()
	if _, err := c.WriteTo(f); err != nil {
		return fmt.Errorf("plotting: writing %s: %w", path, err)
	}
	return nil
}

// newCanvas returns an empty canvas of a format: png, svg or pdf.
func newCanvas(width, height vg.Length, format string) (interface {
	vg.CanvasSizer
	io.WriterTo
}, error) {
	switch format {
	case "png":
		return vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(DPI))}, nil
	case "svg":
		return vgsvg.NewWith(vgsvg.UseWH(width, height), vgsvg.EmbedFonts(true)), nil
	case "pdf":
		return pdfCanvas{vgpdf.New(width, height)}, nil
	}
	return nil, ErrFormat
}

// margin is the white space Save leaves around a plot, which draws to the
// very edge of its canvas (a Figure keeps its own).
const margin = vg.Length(6)

// draw1 draws d on c, inside a margin when d is a plot.
func draw1(d Drawer, c draw.Canvas) {
	p, ok := d.(*plot.Plot)
	if !ok {
		d.Draw(c)
		return
	}
	if p.BackgroundColor != nil {
		c.SetColor(p.BackgroundColor)
		c.Fill(c.Rectangle.Path())
	}
	p.Draw(draw.Crop(c, margin, -margin, margin, -margin))
}

// pdfCanvas works around vgpdf (gonum/plot v0.17.0), which registers every
// font without a style but selects a bold or italic one with its style,
// and so fails on bold text with "undefined font". It hands vgpdf bold and
// italic faces as regular faces of a variant of their own.
type pdfCanvas struct{ *vgpdf.Canvas }

// FillString implements vg.Canvas.
func (c pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	if f.Font.Weight != xfont.WeightNormal || f.Font.Style != xfont.StyleNormal {
		name := f.Name()
		f.Font.Variant, f.Font.Weight, f.Font.Style = font.Variant(name), xfont.WeightNormal, xfont.StyleNormal
	}
	c.Canvas.FillString(f, pt, s)
}
