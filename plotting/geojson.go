package plotting

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// ErrOutline is returned for an outline that is not GeoJSON polygons.
var ErrOutline = errors.New("plotting: bad outline")

// lonLat is a position in decimal degrees.
type lonLat struct{ lon, lat float64 }

// parseOutline reads the rings of the Polygon and MultiPolygon geometries
// in GeoJSON: a FeatureCollection, a Feature or a bare geometry (as
// data.Outline returns). Holes are returned as rings too; an outline map
// draws them alike. Other geometries are skipped. The error wraps
// ErrOutline.
func parseOutline(b []byte) ([][]lonLat, error) {
	var doc geoObject
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOutline, err)
	}
	var rings [][]lonLat
	if err := doc.rings(&rings, 0); err != nil {
		return nil, err
	}
	if len(rings) == 0 {
		return nil, fmt.Errorf("%w: no Polygon or MultiPolygon", ErrOutline)
	}
	return rings, nil
}

// geoObject holds the members of any GeoJSON object that an outline
// needs.
type geoObject struct {
	Type        string          `json:"type"`
	Features    []geoObject     `json:"features"`
	Geometry    *geoObject      `json:"geometry"`
	Geometries  []geoObject     `json:"geometries"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// rings appends the rings of o to out. depth guards against absurdly
// nested GeometryCollections.
func (o *geoObject) rings(out *[][]lonLat, depth int) error {
	if depth > 8 {
		return fmt.Errorf("%w: nested too deep", ErrOutline)
	}
	switch o.Type {
	case "FeatureCollection":
		for i := range o.Features {
			if err := o.Features[i].rings(out, depth+1); err != nil {
				return err
			}
		}
	case "Feature":
		if o.Geometry != nil {
			return o.Geometry.rings(out, depth+1)
		}
	case "GeometryCollection":
		for i := range o.Geometries {
			if err := o.Geometries[i].rings(out, depth+1); err != nil {
				return err
			}
		}
	case "Polygon":
		var poly [][][]float64
		if err := json.Unmarshal(o.Coordinates, &poly); err != nil {
			return fmt.Errorf("%w: Polygon coordinates: %v", ErrOutline, err)
		}
		return appendRings(out, poly)
	case "MultiPolygon":
		var multi [][][][]float64
		if err := json.Unmarshal(o.Coordinates, &multi); err != nil {
			return fmt.Errorf("%w: MultiPolygon coordinates: %v", ErrOutline, err)
		}
		for _, poly := range multi {
			if err := appendRings(out, poly); err != nil {
				return err
			}
		}
	case "":
		return fmt.Errorf("%w: object without a type", ErrOutline)
	}
	return nil
}

func appendRings(out *[][]lonLat, poly [][][]float64) error {
	for _, ring := range poly {
		if len(ring) < 3 {
			return fmt.Errorf("%w: ring of %d positions", ErrOutline, len(ring))
		}
		r := make([]lonLat, len(ring))
		for i, pos := range ring {
			if len(pos) < 2 {
				return fmt.Errorf("%w: position with %d numbers", ErrOutline, len(pos))
			}
			lon, lat := pos[0], pos[1]
			if math.IsNaN(lon) || math.IsNaN(lat) || math.Abs(lon) > 180 || math.Abs(lat) > 90 {
				return fmt.Errorf("%w: position %v, %v is off the globe", ErrOutline, lon, lat)
			}
			r[i] = lonLat{lon, lat}
		}
		*out = append(*out, r)
	}
	return nil
}
