package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/jangmadang/marketarea/stats"
)

// The GeoJSON is written with encoding/json rather than
// github.com/paulmach/orb/geojson: for points with a fixed set of
// properties the two give the same document, but orb/geojson links
// go.mongodb.org/mongo-driver/v2/bson into every program that imports it
// and takes its JSON encoder from a package-level variable.

// featureCollection, feature, point and properties are the members of the
// document in the order they are written.
type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

type feature struct {
	Type       string     `json:"type"`
	ID         string     `json:"id"`
	Geometry   point      `json:"geometry"`
	Properties properties `json:"properties"`
}

type point struct {
	Type string `json:"type"`
	// Coordinates are longitude then latitude (RFC 7946, section 3.1.1).
	Coordinates [2]float64 `json:"coordinates"`
}

type properties struct {
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	Status       string  `json:"status"`
	Change       float64 `json:"change_m2"`
	Baseline     float64 `json:"baseline_m2"`
	End          float64 `json:"end_m2"`
	BaselineDate string  `json:"baseline_date"`
	EndDate      string  `json:"end_date"`
	Synthetic    bool    `json:"synthetic"`
}

// WriteGeoJSON writes the markets of c that have a known location as a
// GeoJSON FeatureCollection (RFC 7946) of points, in c's order, and
// returns how many markets it left out for want of a location.
//
// Coordinates are [longitude, latitude] in WGS 84. Each feature's id is
// the market ID, and its properties are, in this order: id, name, status,
// change_m2, baseline_m2, end_m2, baseline_date, end_date (as 2024,
// 2024-05 or 2024-05-17) and synthetic (true when the baseline or the end
// is a synthetic stand-in).
func WriteGeoJSON(w io.Writer, c *stats.Changes) (unlocated int, err error) {
	fc := featureCollection{Type: "FeatureCollection", Features: []feature{}}
	for _, m := range c.Markets {
		if !m.Market.Location.Known {
			unlocated++
			continue
		}
		loc := m.Market.Location
		fc.Features = append(fc.Features, feature{
			Type:     "Feature",
			ID:       m.Market.ID,
			Geometry: point{Type: "Point", Coordinates: [2]float64{loc.Lon, loc.Lat}},
			Properties: properties{
				ID: m.Market.ID, Name: m.Market.Name, Status: m.Status.String(),
				Change: m.Change, Baseline: m.Baseline.StallArea, End: m.End.StallArea,
				BaselineDate: m.Baseline.Date.String(), EndDate: m.End.Date.String(),
				Synthetic: m.Synthetic(),
			},
		})
	}
	// Encode into a buffer first, so that a failure writes nothing.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // names keep their '&' readable; the JSON is not embedded in HTML
	enc.SetIndent("", " ")
	if err := enc.Encode(fc); err != nil {
		return unlocated, fmt.Errorf("export: GeoJSON: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return unlocated, fmt.Errorf("export: GeoJSON: %w", err)
	}
	return unlocated, nil
}
