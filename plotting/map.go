package plotting

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/jangmadang/marketarea/stats"
)

// MarketMap draws the markets of c that have a location, coloured by
// status and labelled with their name and change, over the country's
// outline (GeoJSON, such as data.Outline("PRK"); nil for none). Longitude
// is scaled by the cosine of the map's middle latitude, so that the country
// keeps its shape at any canvas size. Markets at one spot are drawn side by
// side and share one label. The chart says how many markets have no
// location and credits Natural Earth for the outline. The error wraps
// ErrOutline for an outline that is not GeoJSON polygons, and ErrNoData
// when there is neither a located market nor an outline.
func MarketMap(c *stats.Changes, outline []byte) (*plot.Plot, error) {
	m := newMapView()
	if outline != nil {
		rings, err := parseOutline(outline)
		if err != nil {
			return nil, err
		}
		m.rings = rings
	}
	noLocation, synthetic := 0, 0
	for _, mc := range c.Markets {
		loc := mc.Market.Location
		if !loc.Known || !finite(loc.Lat) || !finite(loc.Lon) {
			noLocation++
			if mc.Synthetic() {
				synthetic++
			}
			continue
		}
		m.points = append(m.points, mapPoint{
			at:     lonLat{loc.Lon, loc.Lat},
			status: mc.Status,
			label:  mc.Market.Name + " " + formatNumber(mc.Change, true) + " m²",
		})
	}
	if len(m.points) == 0 && len(m.rings) == 0 {
		return nil, fmt.Errorf("%w: no market has a location and there is no outline", ErrNoData)
	}

	p := newPlot()
	p.Title.Text = fmt.Sprintf("Surveyed markets with a known location, by change in stall area %d–%d", c.Window.From, c.Window.To)
	p.HideAxes()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.X.Padding, p.Y.Padding = 0, 0

	var note []string
	shown := fmt.Sprintf("Shown: %d of the %d markets covered.", len(m.points), len(c.Markets))
	if noLocation > 0 {
		shown += fmt.Sprintf(" %d have no location", noLocation)
		if synthetic == noLocation {
			shown += " (all synthetic stand-ins)"
		} else if synthetic > 0 {
			shown += fmt.Sprintf(" (%d of them synthetic stand-ins)", synthetic)
		}
		shown += "."
	}
	note = append(note, shown)
	if len(c.Missing) > 0 {
		note = append(note, fmt.Sprintf("%s not covered (no data in %d–%d).",
			plural(len(c.Missing), "more market", "more markets"), c.Window.From, c.Window.To))
	}
	if len(m.rings) > 0 {
		note = append(note, "Outline: Natural Earth (public domain).")
	}
	m.note = strings.Join(note, "\n")
	p.Add(m)
	return p, nil
}

// mapPoint is one located market.
type mapPoint struct {
	at     lonLat
	status stats.Status
	label  string
}

// mapView draws an equal-scale map of outlines and markets into the whole
// data area, with its own graticule, key, labels and note, so that its
// aspect stays right whatever the canvas.
type mapView struct {
	rings  [][]lonLat
	points []mapPoint
	note   string

	radius      vg.Length
	labelStyle  text.Style
	tickStyle   text.Style
	noteStyle   text.Style
	keyStyle    text.Style
	margin      float64 // degrees around the data
	gridSpacing float64 // degrees between graticule lines
}

func newMapView() *mapView {
	return &mapView{
		radius:      vg.Points(4),
		labelStyle:  textStyle(sans, noteSize, color.Black),
		tickStyle:   textStyle(sans, noteSize, darkGrey),
		noteStyle:   textStyle(sans, noteSize, darkGrey),
		keyStyle:    textStyle(sans, tickSize, color.Black),
		margin:      0.3,
		gridSpacing: 1,
	}
}

// bounds returns the extent of the rings and points, with the margin.
func (m *mapView) bounds() (lo, hi lonLat) {
	lo = lonLat{math.Inf(1), math.Inf(1)}
	hi = lonLat{math.Inf(-1), math.Inf(-1)}
	grow := func(p lonLat) {
		lo.lon, lo.lat = math.Min(lo.lon, p.lon), math.Min(lo.lat, p.lat)
		hi.lon, hi.lat = math.Max(hi.lon, p.lon), math.Max(hi.lat, p.lat)
	}
	for _, r := range m.rings {
		for _, p := range r {
			grow(p)
		}
	}
	for _, p := range m.points {
		grow(p.at)
	}
	lo.lon, lo.lat = lo.lon-m.margin, lo.lat-m.margin
	hi.lon, hi.lat = hi.lon+m.margin, hi.lat+m.margin
	return lo, hi
}

// Plot implements plot.Plotter.
func (m *mapView) Plot(c draw.Canvas, _ *plot.Plot) {
	lo, hi := m.bounds()
	k := math.Cos((lo.lat + hi.lat) / 2 * math.Pi / 180)

	// Room for the graticule labels left and below the frame.
	left := m.tickStyle.Width("00°N") + vg.Points(4)
	bottom := m.tickStyle.Height("0") + vg.Points(4)
	inner := draw.Crop(c, left, 0, bottom, 0)
	iw, ih := inner.Max.X-inner.Min.X, inner.Max.Y-inner.Min.Y
	s := math.Min(float64(iw)/((hi.lon-lo.lon)*k), float64(ih)/(hi.lat-lo.lat))
	w, h := vg.Length((hi.lon-lo.lon)*k*s), vg.Length((hi.lat-lo.lat)*s)
	x0 := inner.Min.X + (iw-w)/2
	y0 := inner.Min.Y + (ih-h)/2
	frame := vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x0 + w, Y: y0 + h}}
	proj := func(p lonLat) vg.Point {
		return vg.Point{X: x0 + vg.Length((p.lon-lo.lon)*k*s), Y: y0 + vg.Length((p.lat-lo.lat)*s)}
	}

	m.drawGraticule(&c, frame, lo, hi, proj)
	for _, r := range m.rings {
		var path vg.Path
		for i, p := range r {
			if i == 0 {
				path.Move(proj(p))
			} else {
				path.Line(proj(p))
			}
		}
		path.Close()
		c.SetColor(landColour)
		c.Fill(path)
		c.SetLineStyle(draw.LineStyle{Color: grey, Width: vg.Points(0.7)})
		c.Stroke(path)
	}
	c.StrokeLines(draw.LineStyle{Color: grey, Width: vg.Points(0.5)}, []vg.Point{
		frame.Min, {X: frame.Max.X, Y: frame.Min.Y}, frame.Max, {X: frame.Min.X, Y: frame.Max.Y}, frame.Min,
	})

	var obstacles []vg.Rectangle
	obstacles = append(obstacles, m.drawKey(&c, frame))
	obstacles = append(obstacles, m.drawNote(&c, frame))
	groups := m.groups(proj)
	for _, g := range groups {
		for _, pt := range g.at {
			obstacles = append(obstacles, square(pt, m.radius+vg.Points(1)))
		}
	}
	for _, g := range groups {
		for i, pt := range g.at {
			m.drawMarker(&c, pt, m.points[g.members[i]].status)
		}
	}
	for _, g := range groups {
		obstacles = append(obstacles, m.drawLabel(&c, frame, g, obstacles))
	}
}

// drawGraticule draws a line every gridSpacing degrees with its label
// outside the frame.
func (m *mapView) drawGraticule(c *draw.Canvas, frame vg.Rectangle, lo, hi lonLat, proj func(lonLat) vg.Point) {
	line := draw.LineStyle{Color: lightGrey, Width: vg.Points(0.5)}
	sty := m.tickStyle
	for lon := math.Ceil(lo.lon/m.gridSpacing) * m.gridSpacing; lon <= hi.lon; lon += m.gridSpacing {
		x := proj(lonLat{lon, lo.lat}).X
		c.StrokeLine2(line, x, frame.Min.Y, x, frame.Max.Y)
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		c.FillText(sty, vg.Point{X: x, Y: frame.Min.Y - vg.Points(2)}, degrees(lon, "E", "W"))
	}
	for lat := math.Ceil(lo.lat/m.gridSpacing) * m.gridSpacing; lat <= hi.lat; lat += m.gridSpacing {
		y := proj(lonLat{lo.lon, lat}).Y
		c.StrokeLine2(line, frame.Min.X, y, frame.Max.X, y)
		sty.XAlign, sty.YAlign = draw.XRight, draw.YCenter
		c.FillText(sty, vg.Point{X: frame.Min.X - vg.Points(2), Y: y}, degrees(lat, "N", "S"))
	}
}

func degrees(v float64, pos, neg string) string {
	if v < 0 {
		return fmt.Sprintf("%g°%s", -v, neg)
	}
	return fmt.Sprintf("%g°%s", v, pos)
}

// drawMarker draws a market: a disc in its status colour with a white rim,
// so that neighbours stay apart.
func (m *mapView) drawMarker(c *draw.Canvas, pt vg.Point, s stats.Status) {
	c.DrawGlyphNoClip(draw.GlyphStyle{Color: color.White, Radius: m.radius + vg.Points(1), Shape: draw.CircleGlyph{}}, pt)
	c.DrawGlyphNoClip(draw.GlyphStyle{Color: statusColour(s), Radius: m.radius, Shape: draw.CircleGlyph{}}, pt)
}

// drawKey draws the status key in the frame's top-left corner and returns
// its box.
func (m *mapView) drawKey(c *draw.Canvas, frame vg.Rectangle) vg.Rectangle {
	counts := map[stats.Status]int{}
	for _, p := range m.points {
		counts[p.status]++
	}
	var lines []string
	var statuses []stats.Status
	for _, s := range stats.Statuses {
		if counts[s] > 0 {
			statuses = append(statuses, s)
			lines = append(lines, fmt.Sprintf("%s (%d)", s, counts[s]))
		}
	}
	if len(lines) == 0 {
		return vg.Rectangle{}
	}
	sty := m.keyStyle
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	rowH := sty.Height("Mg") * 1.3
	pad := vg.Points(5)
	glyphW := 2*m.radius + vg.Points(5)
	var textW vg.Length
	for _, l := range lines {
		textW = max(textW, sty.Width(l))
	}
	box := vg.Rectangle{
		Min: vg.Point{X: frame.Min.X + pad, Y: frame.Max.Y - pad - 2*pad - rowH*vg.Length(len(lines))},
		Max: vg.Point{X: frame.Min.X + pad + 2*pad + glyphW + textW, Y: frame.Max.Y - pad},
	}
	c.SetColor(color.NRGBA{R: 255, G: 255, B: 255, A: 230})
	c.Fill(box.Path())
	y := box.Max.Y - pad - rowH/2
	for i, s := range statuses {
		m.drawMarker(c, vg.Point{X: box.Min.X + pad + m.radius, Y: y}, s)
		c.FillText(sty, vg.Point{X: box.Min.X + pad + glyphW, Y: y}, lines[i])
		y -= rowH
	}
	return box
}

// drawNote writes the note in the frame's bottom-right corner and returns
// its box.
func (m *mapView) drawNote(c *draw.Canvas, frame vg.Rectangle) vg.Rectangle {
	if m.note == "" {
		return vg.Rectangle{}
	}
	sty := m.noteStyle
	sty.XAlign, sty.YAlign = draw.XRight, draw.YBottom
	txt := wrapText(sty, m.note, (frame.Max.X-frame.Min.X)*0.6)
	pad := vg.Points(4)
	pt := vg.Point{X: frame.Max.X - pad, Y: frame.Min.Y + pad}
	r := sty.Rectangle(txt)
	pt.Y -= r.Min.Y
	return fillTextOnWhite(c, sty, pt, txt)
}

// mapGroup is markets drawn at one spot, side by side.
type mapGroup struct {
	members []int      // indexes in points, in label order
	at      []vg.Point // where each member's marker goes
}

// groups gathers markets whose markers would overlap, orders each group
// by label, and spreads its markers side by side around their centre.
func (m *mapView) groups(proj func(lonLat) vg.Point) []mapGroup {
	n := len(m.points)
	pts := make([]vg.Point, n)
	for i, p := range m.points {
		pts[i] = proj(p.at)
	}
	group := make([]int, n) // union-find parent
	for i := range group {
		group[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for group[i] != i {
			i = group[i]
		}
		return i
	}
	near := 2*m.radius + vg.Points(2)
	for i := range n {
		for j := i + 1; j < n; j++ {
			d := pts[i].Sub(pts[j])
			if vg.Length(math.Hypot(float64(d.X), float64(d.Y))) < near {
				group[find(j)] = find(i)
			}
		}
	}
	var out []mapGroup
	index := map[int]int{}
	for i := range n {
		r := find(i)
		gi, ok := index[r]
		if !ok {
			gi = len(out)
			index[r] = gi
			out = append(out, mapGroup{})
		}
		out[gi].members = append(out[gi].members, i)
	}
	step := 2*m.radius + vg.Points(1.5)
	for gi := range out {
		g := &out[gi]
		slices.SortStableFunc(g.members, func(a, b int) int { return strings.Compare(m.points[a].label, m.points[b].label) })
		var cx, cy vg.Length
		for _, i := range g.members {
			cx += pts[i].X
			cy += pts[i].Y
		}
		cx /= vg.Length(len(g.members))
		cy /= vg.Length(len(g.members))
		for k := range g.members {
			off := (vg.Length(k) - vg.Length(len(g.members)-1)/2) * step
			if len(g.members) == 1 {
				off = 0
			}
			g.at = append(g.at, vg.Point{X: cx + off, Y: cy})
		}
	}
	return out
}

// drawLabel writes a group's label at the first place around it that
// overlaps no obstacle and stays in the frame, and returns its box.
func (m *mapView) drawLabel(c *draw.Canvas, frame vg.Rectangle, g mapGroup, obstacles []vg.Rectangle) vg.Rectangle {
	var lines []string
	for _, i := range g.members {
		lines = append(lines, m.points[i].label)
	}
	txt := strings.Join(lines, "\n")
	sty := m.labelStyle
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	r := sty.Rectangle(txt)
	w, h := r.Max.X-r.Min.X, r.Max.Y-r.Min.Y

	var around vg.Rectangle // the group's markers
	for i, pt := range g.at {
		sq := square(pt, m.radius)
		if i == 0 {
			around = sq
			continue
		}
		around.Min.X, around.Min.Y = min(around.Min.X, sq.Min.X), min(around.Min.Y, sq.Min.Y)
		around.Max.X, around.Max.Y = max(around.Max.X, sq.Max.X), max(around.Max.Y, sq.Max.Y)
	}
	gap := vg.Points(3)
	midY := (around.Min.Y + around.Max.Y) / 2
	midX := (around.Min.X + around.Max.X) / 2
	// Candidate lower-left corners: right, left, above, below, then the
	// diagonals, then further out.
	var candidates []vg.Point
	for _, far := range []vg.Length{0, 3 * gap, 8 * gap} {
		candidates = append(candidates,
			vg.Point{X: around.Max.X + gap + far, Y: midY - h/2},
			vg.Point{X: around.Min.X - gap - far - w, Y: midY - h/2},
			vg.Point{X: midX - w/2, Y: around.Max.Y + gap + far},
			vg.Point{X: midX - w/2, Y: around.Min.Y - gap - far - h},
			vg.Point{X: around.Max.X + gap + far, Y: around.Max.Y + far},
			vg.Point{X: around.Max.X + gap + far, Y: around.Min.Y - h - far},
			vg.Point{X: around.Min.X - gap - far - w, Y: around.Max.Y + far},
			vg.Point{X: around.Min.X - gap - far - w, Y: around.Min.Y - h - far},
		)
	}
	box := vg.Rectangle{Min: candidates[0], Max: candidates[0].Add(vg.Point{X: w, Y: h})}
	for _, cand := range candidates {
		b := vg.Rectangle{Min: cand, Max: cand.Add(vg.Point{X: w, Y: h})}
		if inside(b, frame) && !overlapsAny(b, obstacles) {
			box = b
			break
		}
	}
	bg := vg.Rectangle{Min: box.Min.Sub(vg.Point{X: 1.5, Y: 1}), Max: box.Max.Add(vg.Point{X: 1.5, Y: 1})}
	c.SetColor(color.NRGBA{R: 255, G: 255, B: 255, A: 200})
	c.Fill(bg.Path())
	c.FillText(sty, box.Min.Sub(r.Min), txt)
	return bg
}

func square(pt vg.Point, r vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: pt.X - r, Y: pt.Y - r}, Max: vg.Point{X: pt.X + r, Y: pt.Y + r}}
}

func inside(r, frame vg.Rectangle) bool {
	return r.Min.X >= frame.Min.X && r.Min.Y >= frame.Min.Y && r.Max.X <= frame.Max.X && r.Max.Y <= frame.Max.Y
}

func overlapsAny(r vg.Rectangle, others []vg.Rectangle) bool {
	for _, o := range others {
		if r.Min.X < o.Max.X && o.Min.X < r.Max.X && r.Min.Y < o.Max.Y && o.Min.Y < r.Max.Y {
			return true
		}
	}
	return false
}
