package export_test

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"

	"github.com/jangmadang/marketarea/stats"
	"github.com/jangmadang/marketarea/stats/export"
)

// kmlBack is a KML document as a reader sees it.
type kmlBack struct {
	XMLName  xml.Name `xml:"http://www.opengis.net/kml/2.2 kml"`
	Document struct {
		Name   string `xml:"name"`
		Styles []struct {
			ID    string `xml:"id,attr"`
			Color string `xml:"IconStyle>color"`
			Href  string `xml:"IconStyle>Icon>href"`
		} `xml:"Style"`
		Placemarks []struct {
			Name        string `xml:"name"`
			Description string `xml:"description"`
			StyleURL    string `xml:"styleUrl"`
			Data        []struct {
				Name  string `xml:"name,attr"`
				Value string `xml:"value"`
			} `xml:"ExtendedData>Data"`
			Coordinates string `xml:"Point>coordinates"`
		} `xml:"Placemark"`
	} `xml:"Document"`
}

func TestKMLHasOnePlacemarkPerLocatedMarket(t *testing.T) {
	c := fixture()
	var b bytes.Buffer
	unlocated, err := export.WriteKML(&b, c)
	if err != nil {
		t.Fatal(err)
	}
	var k kmlBack
	if err := xml.Unmarshal(b.Bytes(), &k); err != nil {
		t.Fatalf("not KML: %v\n%s", err, b.Bytes())
	}
	var located []stats.MarketChange
	for _, m := range c.Markets {
		if m.Market.Location.Known {
			located = append(located, m)
		}
	}
	if unlocated != len(c.Markets)-len(located) || len(k.Document.Placemarks) != len(located) {
		t.Fatalf("%d placemarks, %d left out; want %d and %d", len(k.Document.Placemarks), unlocated, len(located), len(c.Markets)-len(located))
	}
	styles := map[string]string{}
	colours := map[string]bool{}
	for _, s := range k.Document.Styles {
		styles["#"+s.ID] = s.Color
		colours[s.Color] = true
	}
	if len(styles) != len(stats.Statuses) || len(colours) != len(stats.Statuses) {
		t.Errorf("styles %v: want one per status, each of its own colour", styles)
	}
	for i, p := range k.Document.Placemarks {
		m := located[i]
		if p.Name != m.Market.Name {
			t.Errorf("placemark %d: name %q, want %q", i, p.Name, m.Market.Name)
		}
		if p.StyleURL != "#"+export.StyleID(m.Status) || styles[p.StyleURL] == "" {
			t.Errorf("%s: style %q for status %v", m.Market.ID, p.StyleURL, m.Status)
		}
		lon, lat, ok := strings.Cut(p.Coordinates, ",")
		if x, err := strconv.ParseFloat(lon, 64); !ok || err != nil || x != m.Market.Location.Lon {
			t.Errorf("%s: coordinates %q, want lon,lat = %v,%v", m.Market.ID, p.Coordinates, m.Market.Location.Lon, m.Market.Location.Lat)
		} else if y, err := strconv.ParseFloat(lat, 64); err != nil || y != m.Market.Location.Lat {
			t.Errorf("%s: coordinates %q, want lon,lat = %v,%v", m.Market.ID, p.Coordinates, m.Market.Location.Lon, m.Market.Location.Lat)
		}
		data := map[string]string{}
		for _, d := range p.Data {
			data[d.Name] = d.Value
		}
		if data["id"] != m.Market.ID || data["change_m2"] != floatText(m.Change) || data["status"] != m.Status.String() {
			t.Errorf("%s: extended data %v", m.Market.ID, data)
		}
		if !strings.Contains(p.Description, m.Status.String()) || !strings.Contains(p.Description, "m²") {
			t.Errorf("%s: description lacks the figures:\n%s", m.Market.ID, p.Description)
		}
	}
}

// A name with XML specials survives as text, a town with HTML specials is
// escaped in the description's HTML, and the first coordinate is the
// longitude.
func TestKMLEscapesNamesAndWritesLonLat(t *testing.T) {
	var b bytes.Buffer
	if _, err := export.WriteKML(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	var k kmlBack
	if err := xml.Unmarshal(b.Bytes(), &k); err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, p := range k.Document.Placemarks {
		switch p.Name {
		case `Market "A", B & C <#1> ]]>`:
			found++
			// Google Earth reads the description as HTML: the town's
			// specials must be entities there.
			if want := "Sunchon &amp; &#34;Pukchang&#34; &lt;#2&gt;"; !strings.Contains(p.Description, want) {
				t.Errorf("description lacks %q:\n%s", want, p.Description)
			}
		case "Sariwon Market #2":
			found++
			if p.Coordinates != "125.7,38.5" {
				t.Errorf("coordinates %q, want 125.7,38.5", p.Coordinates)
			}
		}
	}
	if found != 2 {
		t.Errorf("found %d of the 2 placemarks", found)
	}
}
