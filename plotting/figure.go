package plotting

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Figure is a chart made of several plots (panels) drawn as one picture,
// with a title, a key and a note that the panels share. Its panels are
// ordinary plots that can be restyled before drawing; the data areas of
// the panels in one column line up, and so do those of one row.
//
// Save writes a Figure like a plot.
type Figure struct {
	// Title is written across the top.
	Title string
	// Key is a row of legend entries under the title.
	Key []KeyEntry
	// Panels holds rows of plots; a nil plot, or a row shorter than the
	// longest, leaves its cells blank.
	Panels [][]*plot.Plot
	// RowHeights and ColWidths are the relative sizes of the rows and
	// columns; nil means equal sizes.
	RowHeights, ColWidths []float64
	// Note is written under the panels: sources, what was left out.
	Note string

	TitleStyle, KeyStyle, NoteStyle text.Style
	// Pad is the space between panels and around the figure.
	Pad vg.Length
}

// KeyEntry is one entry of a Figure's key: thumbnails drawn over each
// other, then a label.
type KeyEntry struct {
	Label      string
	Thumbnails []plot.Thumbnailer
}

// NewFigure returns a figure of rows of panels in the package's style.
func NewFigure(title string, panels [][]*plot.Plot) *Figure {
	return &Figure{
		Title:      title,
		Panels:     panels,
		TitleStyle: textStyle(sansBold, titleSize, color.Black),
		KeyStyle:   textStyle(sans, tickSize, color.Black),
		NoteStyle:  textStyle(sans, noteSize, darkGrey),
		Pad:        vg.Points(8),
	}
}

// Draw draws the figure on c: title, key, panels and note.
func (f *Figure) Draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	c = draw.Crop(c, f.Pad, -f.Pad, f.Pad/2, -f.Pad/2)
	if f.Title != "" {
		sty := f.TitleStyle
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		title := wrapText(sty, f.Title, c.Max.X-c.Min.X)
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, title)
		c.Max.Y -= sty.Height(title) + f.Pad
	}
	if len(f.Key) > 0 {
		c.Max.Y -= f.drawKey(c) + f.Pad/2
	}
	if f.Note != "" {
		sty := f.NoteStyle
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
		note := wrapText(sty, f.Note, c.Max.X-c.Min.X)
		c.FillText(sty, vg.Point{X: c.Min.X, Y: c.Min.Y}, note)
		c.Min.Y += sty.Height(note) + f.Pad
	}
	for j, row := range f.layout(c) {
		for i, cell := range row {
			if p := f.panel(j, i); p != nil {
				p.Draw(cell)
			}
		}
	}
}

// drawKey draws the key in rows centred at the top of c and returns the
// height it took.
func (f *Figure) drawKey(c draw.Canvas) vg.Length {
	sty := f.KeyStyle
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	thumbW := vg.Points(14)
	gap := vg.Points(4)
	space := vg.Points(16)
	rowH := sty.Height("Mg") + vg.Points(4)
	width := func(e KeyEntry) vg.Length { return thumbW + gap + sty.Width(e.Label) }

	// Fill rows greedily, then centre each.
	var rows [][]KeyEntry
	var rowW []vg.Length
	for _, e := range f.Key {
		w := width(e)
		n := len(rows)
		if n == 0 || rowW[n-1]+space+w > c.Max.X-c.Min.X {
			rows = append(rows, nil)
			rowW = append(rowW, -space)
			n++
		}
		rows[n-1] = append(rows[n-1], e)
		rowW[n-1] += space + w
	}
	y := c.Max.Y - rowH/2
	for r, row := range rows {
		x := c.Center().X - rowW[r]/2
		for _, e := range row {
			thumb := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x, Y: y - rowH/2 + vg.Points(2)},
				Max: vg.Point{X: x + thumbW, Y: y + rowH/2 - vg.Points(2)},
			}}
			for _, t := range e.Thumbnails {
				t.Thumbnail(&thumb)
			}
			c.FillText(sty, vg.Point{X: x + thumbW + gap, Y: y}, e.Label)
			x += width(e) + space
		}
		y -= rowH
	}
	return rowH * vg.Length(len(rows))
}

// layout returns the canvas of each panel, like plot.Align but with
// weights: the data areas of a column share their left and right edges,
// those of a row their top and bottom, and the data areas' widths and
// heights follow ColWidths and RowHeights whatever their axes take.
func (f *Figure) layout(c draw.Canvas) [][]draw.Canvas {
	rows := len(f.Panels)
	if rows == 0 {
		return nil
	}
	cols := 0
	for _, row := range f.Panels {
		cols = max(cols, len(row))
	}
	colW, rowH := weights(f.ColWidths, cols), weights(f.RowHeights, rows)
	// Measure the margins around the data areas in even cells first: the
	// axes take about as much room at any size.
	xs := split(c.Min.X, c.Max.X, f.Pad, colW, nil, nil)
	ys := split(c.Min.Y, c.Max.Y, f.Pad, reversed(rowH), nil, nil)
	cells := f.cells(c, xs, ys)
	left, right, bottom, top := f.margins(cells)
	// Then size the cells so that the data areas follow the weights.
	xs = split(c.Min.X, c.Max.X, f.Pad, colW, left, right)
	ys = split(c.Min.Y, c.Max.Y, f.Pad, reversed(rowH), reversed(bottom), reversed(top))
	cells = f.cells(c, xs, ys)
	left, right, bottom, top = f.margins(cells)
	for j := range rows {
		for i := range cols {
			p := f.panel(j, i)
			if p == nil {
				continue
			}
			cell := cells[j][i]
			d := p.DataCanvas(cell)
			cells[j][i] = draw.Crop(cell,
				left[i]-(d.Min.X-cell.Min.X), -(right[i] - (cell.Max.X - d.Max.X)),
				bottom[j]-(d.Min.Y-cell.Min.Y), -(top[j] - (cell.Max.Y - d.Max.Y)))
		}
	}
	return cells
}

// cells returns the canvases of the grid of column spans xs and row spans
// ys (from the bottom up).
func (f *Figure) cells(c draw.Canvas, xs, ys [][2]vg.Length) [][]draw.Canvas {
	rows, cols := len(ys), len(xs)
	cells := make([][]draw.Canvas, rows)
	for j := range cells {
		cells[j] = make([]draw.Canvas, cols)
		y := ys[rows-1-j]
		for i := range cells[j] {
			cells[j][i] = draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: xs[i][0], Y: y[0]},
				Max: vg.Point{X: xs[i][1], Y: y[1]},
			}}
		}
	}
	return cells
}

// margins returns the largest margin around the data areas on each side
// of each column and row of cells.
func (f *Figure) margins(cells [][]draw.Canvas) (left, right, bottom, top []vg.Length) {
	rows, cols := len(cells), len(cells[0])
	left, right = make([]vg.Length, cols), make([]vg.Length, cols)
	bottom, top = make([]vg.Length, rows), make([]vg.Length, rows)
	for j := range rows {
		for i := range cols {
			p := f.panel(j, i)
			if p == nil {
				continue
			}
			cell := cells[j][i]
			d := p.DataCanvas(cell)
			left[i] = max(left[i], d.Min.X-cell.Min.X)
			right[i] = max(right[i], cell.Max.X-d.Max.X)
			bottom[j] = max(bottom[j], d.Min.Y-cell.Min.Y)
			top[j] = max(top[j], cell.Max.Y-d.Max.Y)
		}
	}
	return left, right, bottom, top
}

// panel returns the plot in row j, column i, or nil past a short row.
func (f *Figure) panel(j, i int) *plot.Plot {
	if i >= len(f.Panels[j]) {
		return nil
	}
	return f.Panels[j][i]
}

// weights returns w, or n equal weights when w does not have n positive
// entries.
func weights(w []float64, n int) []float64 {
	ok := len(w) == n
	for _, v := range w {
		ok = ok && v > 0 && finite(v)
	}
	if ok {
		return w
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = 1
	}
	return out
}

// split divides [lo, hi] into len(w) spans, from lo up, with gap between
// them, such that what is left of each span after its margins lo and hi
// (nil: none) is proportional to the positive weights w. When the margins
// leave no room, the spans are proportional to w.
func split(lo, hi, gap vg.Length, w []float64, before, after []vg.Length) [][2]vg.Length {
	var sum float64
	for _, v := range w {
		sum += v
	}
	var fixed vg.Length
	for i := range w {
		if before != nil {
			fixed += before[i] + after[i]
		}
	}
	avail := hi - lo - gap*vg.Length(len(w)-1) - fixed
	if avail <= 0 {
		before, after = nil, nil
		avail = hi - lo - gap*vg.Length(len(w)-1)
	}
	out := make([][2]vg.Length, len(w))
	x := lo
	for i, v := range w {
		size := avail * vg.Length(v/sum)
		if before != nil {
			size += before[i] + after[i]
		}
		out[i] = [2]vg.Length{x, x + size}
		x += size + gap
	}
	return out
}

func reversed[T any](w []T) []T {
	out := make([]T, len(w))
	for i, v := range w {
		out[len(w)-1-i] = v
	}
	return out
}
