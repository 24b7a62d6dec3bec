package market

import (
	"fmt"
	"math"
)

// Market is one marketplace.
type Market struct {
	// ID is stable across files and releases: observations refer to it.
	ID string
	// Name is the market's name as published or as the user calls it.
	Name string
	// Province, County and Town place the market administratively. Town
	// is the market town a survey counts the market under.
	Province, County, Town string
	// Location is where the market stands; its Known field is false
	// when no coordinate is available.
	Location Location
	// Notes is free text.
	Notes string
}

// Location is a point in decimal degrees (WGS 84).
type Location struct {
	Lat, Lon float64
	// Known is false when the location is not known; Lat and Lon are
	// then zero and mean nothing.
	Known bool
}

// At returns a known location.
func At(lat, lon float64) Location { return Location{Lat: lat, Lon: lon, Known: true} }

// Provenance says where an observation comes from.
type Provenance uint8

// The provenances an observation can have.
const (
	// Published is a figure taken from a publication.
	Published Provenance = iota + 1
	// Measured is a figure the user digitised from imagery.
	Measured
	// Synthetic is a stand-in that a program generated so that a dataset
	// agrees with published totals. It is never a fact about a place.
	Synthetic
)

var provenanceNames = [...]string{Published: "published", Measured: "measured", Synthetic: "synthetic"}

// String returns "published", "measured" or "synthetic".
func (p Provenance) String() string {
	if p >= Published && p <= Synthetic {
		return provenanceNames[p]
	}
	return fmt.Sprintf("Provenance(%d)", uint8(p))
}

// ParseProvenance reads the names that String returns. The error wraps
// ErrProvenance.
func ParseProvenance(s string) (Provenance, error) {
	for p := Published; p <= Synthetic; p++ {
		if provenanceNames[p] == s {
			return p, nil
		}
	}
	return 0, fmt.Errorf("%w: %q is not published, measured or synthetic", ErrProvenance, s)
}

// MarshalText implements encoding.TextMarshaler.
func (p Provenance) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Provenance) UnmarshalText(b []byte) error {
	v, err := ParseProvenance(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Observation is one measurement of one market on one satellite image.
type Observation struct {
	// MarketID is the ID of the market measured.
	MarketID string
	// Source names the imagery, for example "Google Earth" or "Planet".
	Source string
	// StallArea is the covered vendor-stall area in m². Zero means no
	// stalls stand there: not built yet, or removed.
	StallArea float64
	// OpenArea is the open-air trading area in m², meaningful only when
	// HasOpenArea is true.
	OpenArea float64
	// Date is the imagery date.
	Date Date
	// Provenance says whether the figure is published, measured or a
	// synthetic stand-in.
	Provenance Provenance
	// HasOpenArea is false when the open-air area was not recorded.
	HasOpenArea bool
}

// TotalArea returns the stall area plus the open-air area where it was
// recorded.
func (o Observation) TotalArea() float64 {
	if o.HasOpenArea {
		return o.StallArea + o.OpenArea
	}
	return o.StallArea
}

func checkArea(v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Errorf("%w: %v", ErrNotFinite, v)
	case v < 0:
		return fmt.Errorf("%w: %v", ErrNegativeArea, v)
	}
	return nil
}

func checkLocation(l Location) (latErr, lonErr error) {
	if !l.Known {
		return nil, nil
	}
	if math.IsNaN(l.Lat) || math.IsInf(l.Lat, 0) {
		latErr = fmt.Errorf("%w: %v", ErrNotFinite, l.Lat)
	} else if l.Lat < -90 || l.Lat > 90 {
		latErr = fmt.Errorf("%w: latitude %v is outside [-90, 90]", ErrCoordinate, l.Lat)
	}
	if math.IsNaN(l.Lon) || math.IsInf(l.Lon, 0) {
		lonErr = fmt.Errorf("%w: %v", ErrNotFinite, l.Lon)
	} else if l.Lon < -180 || l.Lon > 180 {
		lonErr = fmt.Errorf("%w: longitude %v is outside [-180, 180]", ErrCoordinate, l.Lon)
	}
	return latErr, lonErr
}
