package export_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/stats"
	"github.com/jangmadang/marketarea/stats/export"
)

// geoFeature is a feature as a GeoJSON reader sees it.
type geoFeature struct {
	Type     string `json:"type"`
	ID       string `json:"id"`
	Geometry struct {
		Type        string    `json:"type"`
		Coordinates []float64 `json:"coordinates"`
	} `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

// parseGeoJSON checks what RFC 7946 asks of a FeatureCollection of
// points and returns its features.
func parseGeoJSON(t *testing.T, b []byte) []geoFeature {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if _, ok := top["crs"]; ok {
		t.Error("RFC 7946 has no crs member")
	}
	var fc struct {
		Type     string       `json:"type"`
		Features []geoFeature `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || fc.Features == nil {
		t.Fatalf("type %q, features %v", fc.Type, fc.Features)
	}
	for _, f := range fc.Features {
		c := f.Geometry.Coordinates
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(c) != 2 {
			t.Errorf("%s: %q of %q with %v", f.ID, f.Type, f.Geometry.Type, c)
			continue
		}
		if c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90 {
			t.Errorf("%s: [lon, lat] = %v out of range", f.ID, c)
		}
	}
	return fc.Features
}

func TestGeoJSONIsLongitudeThenLatitude(t *testing.T) {
	c := fixture()
	var b bytes.Buffer
	unlocated, err := export.WriteGeoJSON(&b, c)
	if err != nil {
		t.Fatal(err)
	}
	fs := parseGeoJSON(t, b.Bytes())
	if unlocated != 2 || len(fs) != len(c.Markets)-2 {
		t.Errorf("%d features, %d left out; want %d and 2", len(fs), unlocated, len(c.Markets)-2)
	}
	byID := map[string]geoFeature{}
	for _, f := range fs {
		byID[f.ID] = f
	}
	s := byID["sariwon"]
	if got := s.Geometry.Coordinates; len(got) != 2 || got[0] != 125.7 || got[1] != 38.5 {
		t.Errorf("market at lat 38.5, lon 125.7 has coordinates %v, want [125.7 38.5]", got)
	}
	want := map[string]any{"id": "sariwon", "name": "Sariwon Market #2", "status": "opened", "change_m2": 1345.5,
		"baseline_m2": 0.0, "end_m2": 1345.5, "baseline_date": "2019", "end_date": "2021-06", "synthetic": false}
	for k, v := range want {
		if s.Properties[k] != v {
			t.Errorf("property %s = %v, want %v", k, s.Properties[k], v)
		}
	}
	if len(s.Properties) != len(want) {
		t.Errorf("properties %v, want exactly %v", s.Properties, want)
	}
	if q := byID["quote"]; q.Properties["name"] != `Market "A", B & C <#1> ]]>` {
		t.Errorf("name read back as %q", q.Properties["name"])
	}
	if _, ok := byID["nowhere"]; ok {
		t.Error("market without a location is on the map")
	}
}

func TestGeoJSONOfNoMarketsHasEmptyFeatures(t *testing.T) {
	var b bytes.Buffer
	if _, err := export.WriteGeoJSON(&b, &stats.Changes{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte(`"features": []`)) {
		t.Errorf("got %s", b.Bytes())
	}
}

// The shipped survey's located markets are all in North Korea.
func TestShippedMarketsLieInNorthKorea(t *testing.T) {
	ds, err := data.Survey()
	if err != nil {
		t.Fatal(err)
	}
	c, err := stats.ChangesOver(ds, stats.Window{From: 2020, To: 2025}, stats.Tolerance{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	unlocated, err := export.WriteGeoJSON(&b, c)
	if err != nil {
		t.Fatal(err)
	}
	fs := parseGeoJSON(t, b.Bytes())
	if len(fs) == 0 || len(fs)+unlocated != len(c.Markets) {
		t.Fatalf("%d features + %d left out, %d markets", len(fs), unlocated, len(c.Markets))
	}
	for _, f := range fs {
		lon, lat := f.Geometry.Coordinates[0], f.Geometry.Coordinates[1]
		t.Logf("%-28s lon %.6f lat %.6f %s", f.Properties["name"], lon, lat, f.Properties["status"])
		if lon < 124 || lon > 131 || lat < 37.5 || lat > 43 {
			t.Errorf("%s at lon %v, lat %v is outside North Korea", f.ID, lon, lat)
		}
	}
}
