package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/jangmadang/marketarea/internal/numfmt"
	"github.com/jangmadang/marketarea/stats"
)

// The KML is written with encoding/xml rather than
// github.com/twpayne/go-kml/v3: one document with five styles and a
// placemark per market needs a dozen element types, which structs below
// give in schema order, and encoding/xml does the escaping either way.

// kmlNamespace is the namespace of KML 2.2 (OGC 07-147r2).
const kmlNamespace = "http://www.opengis.net/kml/2.2"

// statusIcon is Google Earth's white circle, which takes the colour of
// its IconStyle.
const statusIcon = "https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"

// statusColours are those of package plotting's charts (Okabe-Ito: gains
// blue, losses orange and vermilion), as KML writes them: aabbggrr.
var statusColours = map[stats.Status]string{
	stats.Opened:    "ffb27200", // #0072B2
	stats.Grew:      "ffe9b456", // #56B4E9
	stats.Unchanged: "ff999999", // #999999
	stats.Declined:  "ff009fe6", // #E69F00
	stats.Closed:    "ff005ed5", // #D55E00
}

// StyleID returns the id of the KML <Style> of a status, "status-grew" for
// Grew: a placemark refers to it as "#status-grew".
func StyleID(s stats.Status) string { return "status-" + s.String() }

type kmlDoc struct {
	XMLName  xml.Name    `xml:"kml"`
	Xmlns    string      `xml:"xmlns,attr"`
	Document kmlDocument `xml:"Document"`
}

type kmlDocument struct {
	Name        string         `xml:"name"`
	Description string         `xml:"description"`
	Styles      []kmlStyle     `xml:"Style"`
	Placemarks  []kmlPlacemark `xml:"Placemark"`
}

type kmlStyle struct {
	ID        string       `xml:"id,attr"`
	IconStyle kmlIconStyle `xml:"IconStyle"`
}

type kmlIconStyle struct {
	Color string `xml:"color"`
	Href  string `xml:"Icon>href"`
}

type kmlPlacemark struct {
	Name        string    `xml:"name"`
	Description cdata     `xml:"description"`
	StyleURL    string    `xml:"styleUrl"`
	Data        []kmlData `xml:"ExtendedData>Data"`
	Coordinates string    `xml:"Point>coordinates"`
}

// cdata keeps a placemark's HTML description readable in the file.
// encoding/xml splits any "]]>" in it, so no text can end the section.
type cdata struct {
	Text string `xml:",cdata"`
}

type kmlData struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value"`
}

// WriteKML writes the markets of c that have a known location as a KML
// 2.2 document for Google Earth, and returns how many markets it left out
// for want of a location.
//
// The document has one <Style> per status (see StyleID), each an icon of
// its own colour, and one <Placemark> per located market, in c's order:
// its name, a description with its figures, its status style, the same
// figures as <ExtendedData> (which QGIS reads as attributes), and a point
// at longitude,latitude.
func WriteKML(w io.Writer, c *stats.Changes) (unlocated int, err error) {
	doc := kmlDoc{Xmlns: kmlNamespace, Document: kmlDocument{Name: fmt.Sprintf("Market stall area, %v", c.Window)}}
	for _, s := range stats.Statuses {
		doc.Document.Styles = append(doc.Document.Styles, kmlStyle{ID: StyleID(s),
			IconStyle: kmlIconStyle{Color: statusColours[s], Href: statusIcon}})
	}
	for _, m := range c.Markets {
		if !m.Market.Location.Known {
			unlocated++
			continue
		}
		loc := m.Market.Location
		doc.Document.Placemarks = append(doc.Document.Placemarks, kmlPlacemark{
			Name:        m.Market.Name,
			Description: cdata{describe(m)},
			StyleURL:    "#" + StyleID(m.Status),
			Data: []kmlData{
				{"id", m.Market.ID}, {"status", m.Status.String()}, {"change_m2", number(m.Change)},
				{"baseline_m2", number(m.Baseline.StallArea)}, {"end_m2", number(m.End.StallArea)},
				{"baseline_date", m.Baseline.Date.String()}, {"end_date", m.End.Date.String()},
				{"synthetic", fmt.Sprint(m.Synthetic())},
			},
			Coordinates: number(loc.Lon) + "," + number(loc.Lat),
		})
	}
	doc.Document.Description = fmt.Sprintf("Change of covered vendor-stall area of %d markets over %v; %d without a known location are not shown.",
		len(c.Markets), c.Window, unlocated)

	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(doc); err != nil {
		return unlocated, fmt.Errorf("export: KML: %w", err)
	}
	b.WriteByte('\n')
	if _, err := w.Write(b.Bytes()); err != nil {
		return unlocated, fmt.Errorf("export: KML: %w", err)
	}
	return unlocated, nil
}

// describe returns the HTML that Google Earth shows in a placemark's
// balloon. Every text from the data is HTML-escaped here; the XML
// encoder then keeps the whole in a CDATA section.
func describe(m stats.MarketChange) string {
	var b strings.Builder
	row := func(k, v string) {
		fmt.Fprintf(&b, "<tr><th align=\"left\">%s</th><td>%s</td></tr>\n", k, html.EscapeString(v))
	}
	b.WriteString("<table>\n")
	row("Status", m.Status.String())
	row("Change", numfmt.SignedArea(m.Change))
	row("Baseline", fmt.Sprintf("%s (%v, %v)", numfmt.Area(m.Baseline.StallArea), m.Baseline.Date, m.Baseline.Provenance))
	row("End", fmt.Sprintf("%s (%v, %v)", numfmt.Area(m.End.StallArea), m.End.Date, m.End.Provenance))
	if where := place(m); where != "" {
		row("Where", where)
	}
	row("Market ID", m.Market.ID)
	b.WriteString("</table>")
	if m.Synthetic() {
		b.WriteString("\n<p>Rests on a synthetic stand-in figure, not a measurement.</p>")
	}
	return b.String()
}

func place(m stats.MarketChange) string {
	var parts []string
	for _, p := range []string{m.Market.Town, m.Market.Province} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}
