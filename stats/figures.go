package stats

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// Figure is one number computed from data, named with the IDs of the
// AccessDPRK post's figures (post-figures.csv) where it has one there.
type Figure struct {
	ID    string
	Value float64 // NaN when it cannot be computed from the data
	Unit  string
	// Synthetic is how many synthetic stand-in markets the figure rests
	// on; 0 when it rests only on published or measured data.
	Synthetic int
	// Input is true for a number the computation was given rather than
	// computed (the count of markets known in the country).
	Input bool
}

// MarshalJSON writes {"id","value","unit"} in that order, with a null
// value for NaN.
func (f Figure) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID    string    `json:"id"`
		Value jsonFloat `json:"value"`
		Unit  string    `json:"unit"`
	}{f.ID, jsonFloat(f.Value), f.Unit})
}

// jsonFloat marshals NaN and infinities as null, which encoding/json
// refuses to write as numbers.
type jsonFloat float64

func (v jsonFloat) MarshalJSON() ([]byte, error) {
	if !finite(float64(v)) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(v))
}

// Inputs are what the figures of a window are computed from.
type Inputs struct {
	// Changes over the window; required.
	Changes *Changes
	// National is the national gross series; may be empty.
	National YearSeries
	// KnownMarkets is the number of markets known in the country; 0 when
	// not known.
	KnownMarkets int
	// TopK is how many top gainers the concentration figures name; 4 when
	// zero.
	TopK int
}

// Figures computes every figure for the window of in.Changes, in a stable
// order: survey counts, coverage, net growth and its rate, concentration,
// per-year gross additions of the survey, per-market figures, then the
// national series.
func Figures(in Inputs) []Figure {
	c := in.Changes
	k := in.TopK
	if k <= 0 {
		k = 4
	}
	w := c.Window
	span := fmt.Sprintf("%d_%d", w.From, w.To)
	synth := c.SyntheticMarkets()
	var out []Figure
	add := func(id string, v float64, unit string, synthetic int) {
		out = append(out, Figure{ID: id, Value: v, Unit: unit, Synthetic: synthetic})
	}

	counts := c.Counts()
	cov := c.Coverage(in.KnownMarkets)
	add("markets_surveyed", float64(cov.Surveyed), "markets", synth)
	add("markets_missing", float64(len(c.Missing)), "markets", 0)
	add("towns_surveyed", float64(cov.Towns), "towns", synth)
	for _, yc := range cov.TownsByYear {
		add(fmt.Sprintf("towns_imagery_%d", yc.Year), float64(yc.Count), "towns", synth)
	}
	if in.KnownMarkets > 0 {
		add("markets_known", float64(in.KnownMarkets), "markets", 0)
		out[len(out)-1].Input = true
		add("coverage_share", cov.Share, "percent", synth)
	}
	add("markets_increased", float64(counts.Increased()), "markets", synth)
	add("markets_opened", float64(counts.Opened), "markets", synth)
	add("markets_grew", float64(counts.Grew), "markets", synth)
	add("markets_unchanged", float64(counts.Unchanged), "markets", synth)
	add("markets_declined", float64(counts.Decreased()), "markets", synth)
	add("markets_closed", float64(counts.Closed), "markets", synth)

	net := c.Net()
	if len(c.Markets) == 0 {
		net = nan() // no market covered: missing, not zero growth
	}
	rate := AverageAnnual(net, w)
	add("net_growth_"+span, net, "m2", synth)
	add("avg_annual_net_"+span, rate.PerYear, "m2/year", synth)
	if peak, ok := in.National.Peak(); ok {
		d, _ := DeclineFrom(peak.Value, rate.PerYear)
		add(fmt.Sprintf("decline_vs_%d", peak.Year), d, "percent", synth)
	}

	conc := c.Concentrate(k)
	topSynth := 0
	for _, m := range conc.Top {
		if m.Synthetic() {
			topSynth++
		}
	}
	add(fmt.Sprintf("top%d_net_growth", k), conc.TopSum, "m2", topSynth)
	add(fmt.Sprintf("top%d_share", k), conc.Share, "percent", synth)
	add("gini_gains_"+span, conc.Gini, "index", synth)
	add("herfindahl_gains_"+span, conc.Herfindahl, "index", synth)

	for _, y := range c.ByYear() {
		add(fmt.Sprintf("survey_gross_new_%d", y.Year), y.Additions, "m2", synth)
	}

	for i, m := range c.Markets {
		id := figureName(m.Market.ID)
		s := 0
		if m.Synthetic() {
			s = 1
		}
		switch m.Status {
		case Closed:
			add("closed_area_"+id, m.Baseline.StallArea, "m2", s)
		case Opened:
			if y, ok := c.firstYearWithStalls(i); ok {
				add(id+"_built", float64(y), "year", s)
			}
		}
	}

	var prev YearValue
	for _, yv := range in.National.Values {
		if yv.Known {
			add(fmt.Sprintf("gross_new_%d", yv.Year), yv.Value, "m2", 0)
			if prev.Known && prev.Year == yv.Year-1 {
				d, ok := DeclineFrom(prev.Value, yv.Value)
				if ok {
					add(fmt.Sprintf("gross_drop_%d_%d", prev.Year, yv.Year), d, "percent", 0)
				}
			}
		}
		prev = yv
	}
	return out
}

// firstYearWithStalls returns the first year of the window in which market
// i's annual view shows stalls.
func (c *Changes) firstYearWithStalls(i int) (int, bool) {
	for k, v := range c.path[i][1:] {
		if v > 0 {
			return c.Window.From + k, true
		}
	}
	return 0, false
}

// figureName turns a market ID into the part of a figure ID that names it:
// lower case, with anything but letters and digits as "_".
func figureName(id string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A')
		}
		return '_'
	}, id)
}

// FindFigure returns the figure with the given ID.
func FindFigure(figures []Figure, id string) (Figure, bool) {
	for _, f := range figures {
		if f.ID == id {
			return f, true
		}
	}
	return Figure{Value: math.NaN()}, false
}
