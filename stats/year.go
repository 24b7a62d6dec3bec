package stats

import (
	"math"

	"github.com/jangmadang/marketarea/market"
)

// YearChange is the change of stall area in one year, summed over
// markets.
type YearChange struct {
	Year int
	// Additions is the gross new area: the sum of each market's increase
	// in the year, in m². Decreases are not subtracted.
	Additions float64
	// Reductions is the sum of each market's decrease in the year, in m²,
	// not negative.
	Reductions float64
	// Markets is the number of markets summed.
	Markets int
}

// Net returns Additions - Reductions.
func (y YearChange) Net() float64 { return y.Additions - y.Reductions }

// ByYear returns the gross additions and reductions for each year of the
// window. A market's change in year Y is its annual-view area at the end
// of Y minus that at the end of Y-1; in the window's first year it is
// measured from the baseline. A change therefore counts in the year of the
// first observation that shows it. The years' net changes add up to Net.
func (c *Changes) ByYear() []YearChange {
	out := make([]YearChange, c.Window.Years()+1)
	for k := range out {
		out[k] = YearChange{Year: c.Window.From + k, Markets: len(c.path)}
	}
	for _, p := range c.path {
		for k := 1; k < len(p); k++ {
			d := p[k] - p[k-1]
			if d > 0 {
				out[k-1].Additions += d
			} else {
				out[k-1].Reductions -= d
			}
		}
	}
	return out
}

// GrossAdditions computes ChangesOver(ds, w, Tolerance{}) and returns its
// ByYear: the gross new stall area built in each year of w.
func GrossAdditions(ds *market.Dataset, w Window) ([]YearChange, error) {
	c, err := ChangesOver(ds, w, Tolerance{})
	if err != nil {
		return nil, err
	}
	return c.ByYear(), nil
}

// Rate is an average annual rate: Total spread over Years.
type Rate struct {
	Total   float64
	Years   int
	PerYear float64 // Total / Years; NaN when Years is 0
}

// AverageAnnual divides total by the number of years w spans (To - From),
// as the AccessDPRK post divides its 2020-2025 net growth by 5.
func AverageAnnual(total float64, w Window) Rate {
	r := Rate{Total: total, Years: w.Years(), PerYear: math.NaN()}
	if r.Years > 0 {
		r.PerYear = total / float64(r.Years)
	}
	return r
}

// PercentChange returns the change from before to after in percent of
// before: -68 for a 68% drop. ok is false when before is zero or either
// value is not finite.
func PercentChange(before, after float64) (pct float64, ok bool) {
	if before == 0 || !finite(before) || !finite(after) {
		return math.NaN(), false
	}
	return (after - before) / before * 100, true
}

// DeclineFrom returns how far value lies below a reference (a peak) in
// percent of the reference: 91 when value is 9% of it. ok is false when
// the reference is zero or a value is not finite.
func DeclineFrom(reference, value float64) (pct float64, ok bool) {
	p, ok := PercentChange(reference, value)
	return -p, ok
}

func nan() float64 { return math.NaN() }

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
