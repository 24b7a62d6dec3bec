package stats

import (
	"errors"
	"fmt"
	"math"

	"github.com/jangmadang/marketarea/market"
)

// ErrWindow is returned for a window whose first year is after its last.
var ErrWindow = errors.New("stats: window ends before it starts")

// ErrTolerance is returned for a negative or non-finite tolerance.
var ErrTolerance = errors.New("stats: tolerance must be finite and not negative")

// Window is a span of whole years, From to To inclusive, as in "2020-2025".
type Window struct{ From, To int }

// Years returns the number of years the window spans, To - From: the
// divisor of an average annual rate (2020-2025 spans 5 years, as the
// AccessDPRK post divides it).
func (w Window) Years() int { return w.To - w.From }

// String formats the window as "2020-2025".
func (w Window) String() string { return fmt.Sprintf("%d-%d", w.From, w.To) }

func (w Window) check() error {
	if w.To < w.From {
		return fmt.Errorf("%w: %v", ErrWindow, w)
	}
	return nil
}

// Tolerance says how small a change counts as no meaningful change. A
// change counts as none when its size is at most Abs m², or at most Rel
// times the baseline area. The zero Tolerance is exact: any change counts.
type Tolerance struct {
	Abs float64 // m²
	Rel float64 // fraction of the baseline area, 0.05 for 5%
}

func (t Tolerance) check() error {
	for _, v := range []float64{t.Abs, t.Rel} {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: %+v", ErrTolerance, t)
		}
	}
	return nil
}

// negligible reports whether a change from baseline counts as none.
func (t Tolerance) negligible(change, baseline float64) bool {
	size := math.Abs(change)
	return change == 0 || size <= t.Abs || size <= t.Rel*baseline
}

// Status is what happened to a market's stalls over a window.
type Status uint8

// The statuses, in the order reports list them.
const (
	// Opened: no stalls at the baseline, stalls at the end.
	Opened Status = iota
	// Grew: stalls at the baseline and more at the end.
	Grew
	// Unchanged: no meaningful change (see Tolerance).
	Unchanged
	// Declined: fewer stalls at the end, but some still stand.
	Declined
	// Closed: stalls at the baseline, none at the end.
	Closed
)

// Statuses lists every status in report order.
var Statuses = []Status{Opened, Grew, Unchanged, Declined, Closed}

var statusNames = [...]string{"opened", "grew", "unchanged", "declined", "closed"}

// String returns "opened", "grew", "unchanged", "declined" or "closed".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Increased reports whether s is Opened or Grew.
func (s Status) Increased() bool { return s == Opened || s == Grew }

// Decreased reports whether s is Declined or Closed.
func (s Status) Decreased() bool { return s == Declined || s == Closed }

// classify applies the tolerance only between grew, unchanged and
// declined: a market whose stalls appear or vanish entirely has opened or
// closed, however small it is.
func classify(baseline, end float64, tol Tolerance) Status {
	change := end - baseline
	switch {
	case baseline > 0 && end == 0:
		return Closed
	case baseline == 0 && end > 0:
		return Opened
	case tol.negligible(change, baseline):
		return Unchanged
	case change > 0:
		return Grew
	}
	return Declined
}

// MarketChange is one market's change over a window.
type MarketChange struct {
	Market market.Market
	// Baseline is the observation the window starts from: the latest one
	// before the window opens or, where there is none, the earliest one
	// in the window's first year.
	Baseline market.Observation
	// End is the latest observation inside the window.
	End market.Observation
	// Change is End.StallArea - Baseline.StallArea, in m².
	Change float64
	Status Status
}

// Synthetic reports whether the baseline or the end is a synthetic
// stand-in rather than a published or measured figure.
func (c MarketChange) Synthetic() bool {
	return c.Baseline.Provenance == market.Synthetic || c.End.Provenance == market.Synthetic
}

// Missing names a market left out of a result and says why.
type Missing struct {
	MarketID string
	Reason   string
}

// Changes is the change of every market over a window.
type Changes struct {
	Window    Window
	Tolerance Tolerance
	// Markets holds the markets with a baseline and an end, in dataset
	// order.
	Markets []MarketChange
	// Missing holds the markets left out, in dataset order.
	Missing []Missing
	// path[i] holds market i's baseline then its annual values From..To.
	path [][]float64
}

// ChangesOver computes each market's baseline, end, change and status
// over w. A market with no observation that can serve as baseline, or none
// inside the window, is listed in Missing with the reason.
func ChangesOver(ds *market.Dataset, w Window, tol Tolerance) (*Changes, error) {
	if err := w.check(); err != nil {
		return nil, err
	}
	if err := tol.check(); err != nil {
		return nil, err
	}
	c := &Changes{Window: w, Tolerance: tol}
	for _, m := range ds.Markets() {
		obs := ds.Observations(m.ID)
		base, end, reason := baselineAndEnd(obs, w)
		if reason != "" {
			c.Missing = append(c.Missing, Missing{MarketID: m.ID, Reason: reason})
			continue
		}
		c.Markets = append(c.Markets, MarketChange{
			Market: m, Baseline: obs[base], End: obs[end],
			Change: obs[end].StallArea - obs[base].StallArea,
			Status: classify(obs[base].StallArea, obs[end].StallArea, tol),
		})
		c.path = append(c.path, annualPath(obs, base, w))
	}
	return c, nil
}

// baselineAndEnd returns the indexes in obs (sorted by date) of the
// baseline and the end, or why there are none.
func baselineAndEnd(obs []market.Observation, w Window) (base, end int, reason string) {
	if len(obs) == 0 {
		return 0, 0, "no observations"
	}
	first := -1 // first observation inside the window
	last := -1  // last observation inside the window
	for i, o := range obs {
		y := o.Date.Year()
		if y >= w.From && y <= w.To {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if last < 0 {
		return 0, 0, fmt.Sprintf("no observation in %v", w)
	}
	switch {
	case first > 0:
		base = first - 1 // the latest before the window
	case obs[first].Date.Year() == w.From:
		base = first
	default:
		return 0, 0, fmt.Sprintf("no baseline: first observation is from %v, after %d", obs[first].Date, w.From)
	}
	return base, last, ""
}

// annualPath returns the baseline area followed by the annual view for
// each year of the window. The annual view is known in every year of the
// window, because the baseline is dated before or in its first year.
func annualPath(obs []market.Observation, base int, w Window) []float64 {
	path := make([]float64, 1, w.Years()+2)
	path[0] = obs[base].StallArea
	i := base
	for y := w.From; y <= w.To; y++ {
		for i+1 < len(obs) && obs[i+1].Date.Year() <= y {
			i++
		}
		path = append(path, obs[i].StallArea)
	}
	return path
}

// Net returns the total net change of the markets covered, in m².
func (c *Changes) Net() float64 {
	var sum float64
	for _, m := range c.Markets {
		sum += m.Change
	}
	return sum
}

// Find returns the change of the market with the given ID.
func (c *Changes) Find(id string) (MarketChange, bool) {
	for _, m := range c.Markets {
		if m.Market.ID == id {
			return m, true
		}
	}
	return MarketChange{}, false
}

// SyntheticMarkets returns how many covered markets rest on a synthetic
// baseline or end.
func (c *Changes) SyntheticMarkets() int {
	n := 0
	for _, m := range c.Markets {
		if m.Synthetic() {
			n++
		}
	}
	return n
}

// StatusCounts counts markets by status.
type StatusCounts struct {
	Opened, Grew, Unchanged, Declined, Closed int
}

// Increased returns Opened + Grew.
func (s StatusCounts) Increased() int { return s.Opened + s.Grew }

// Decreased returns Declined + Closed: every market that lost stall
// area, the closed ones included.
func (s StatusCounts) Decreased() int { return s.Declined + s.Closed }

// Total returns the number of markets counted.
func (s StatusCounts) Total() int { return s.Increased() + s.Unchanged + s.Decreased() }

// Of returns the count of one status.
func (s StatusCounts) Of(st Status) int {
	switch st {
	case Opened:
		return s.Opened
	case Grew:
		return s.Grew
	case Unchanged:
		return s.Unchanged
	case Declined:
		return s.Declined
	case Closed:
		return s.Closed
	}
	return 0
}

// Counts counts the covered markets by status.
func (c *Changes) Counts() StatusCounts {
	var s StatusCounts
	for _, m := range c.Markets {
		s.add(m.Status)
	}
	return s
}

func (s *StatusCounts) add(st Status) {
	switch st {
	case Opened:
		s.Opened++
	case Grew:
		s.Grew++
	case Unchanged:
		s.Unchanged++
	case Declined:
		s.Declined++
	case Closed:
		s.Closed++
	}
}

// StatusGroup sums the markets of one status.
type StatusGroup struct {
	Status  Status
	Markets int
	// Gained and Lost are the stall area gained and lost by the group's
	// markets, in m², both not negative.
	Gained, Lost float64
}

// ByStatus returns one group per status, in the order of Statuses,
// including statuses with no market.
func (c *Changes) ByStatus() []StatusGroup {
	groups := make([]StatusGroup, len(Statuses))
	for i, s := range Statuses {
		groups[i].Status = s
	}
	for _, m := range c.Markets {
		g := &groups[m.Status]
		g.Markets++
		if m.Change > 0 {
			g.Gained += m.Change
		} else {
			g.Lost -= m.Change
		}
	}
	return groups
}
