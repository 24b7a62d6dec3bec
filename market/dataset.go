package market

import (
	"cmp"
	"fmt"
	"slices"
)

// Dataset holds markets and their observations, indexed by market, with
// each market's observations in date order. A Dataset is immutable once
// built and safe for concurrent reads.
type Dataset struct {
	markets []Market
	index   map[string]int
	obs     []Observation // grouped by market (in market order), then by date
	start   []int         // market i owns obs[start[i]:start[i+1]]
}

// NewDataset checks markets and observations and builds a dataset. It
// reports every problem it finds, as Errors whose entries carry the field
// at fault and a sentinel (positions are zero: there is no file). The
// markets keep their order; the observations are ordered by market and
// date. The slices are copied.
func NewDataset(markets []Market, observations []Observation) (*Dataset, error) {
	var errs Errors
	add := func(field string, err error) {
		errs = append(errs, &ParseError{Field: field, Err: err})
	}
	index := make(map[string]int, len(markets))
	for i, m := range markets {
		if m.ID == "" {
			add("id", fmt.Errorf("%w (market %d)", ErrEmptyField, i+1))
			continue
		}
		if _, dup := index[m.ID]; dup {
			add("id", fmt.Errorf("%w: %q", ErrDuplicateMarket, m.ID))
			continue
		}
		index[m.ID] = i
		if m.Name == "" {
			add("name", fmt.Errorf("%w (market %q)", ErrEmptyField, m.ID))
		}
		latErr, lonErr := checkLocation(m.Location)
		if latErr != nil {
			add("lat", fmt.Errorf("market %q: %w", m.ID, latErr))
		}
		if lonErr != nil {
			add("lon", fmt.Errorf("market %q: %w", m.ID, lonErr))
		}
	}
	type key struct {
		id   string
		date Date
	}
	seen := make(map[key]bool, len(observations))
	for _, o := range observations {
		where := fmt.Sprintf("observation of %q on %v", o.MarketID, o.Date)
		switch {
		case o.MarketID == "":
			add("market_id", fmt.Errorf("%w (%s)", ErrEmptyField, where))
		case !hasKey(index, o.MarketID):
			add("market_id", fmt.Errorf("%w: %q", ErrUnknownMarket, o.MarketID))
		}
		if o.Date.IsZero() {
			add("date", fmt.Errorf("%w (%s)", ErrEmptyField, where))
		} else if _, err := ParseDate(o.Date.String()); err != nil {
			// Day and MonthOnly do not check their parts; refuse what
			// WriteDataset would write and ReadDataset refuse.
			add("date", fmt.Errorf("%s: %w", where, err))
		} else if k := (key{o.MarketID, o.Date}); seen[k] {
			add("date", fmt.Errorf("%w: %s", ErrDuplicateObservation, where))
		} else {
			seen[k] = true
		}
		if err := checkArea(o.StallArea); err != nil {
			add("stall_area_m2", fmt.Errorf("%s: %w", where, err))
		}
		if o.HasOpenArea {
			if err := checkArea(o.OpenArea); err != nil {
				add("open_area_m2", fmt.Errorf("%s: %w", where, err))
			}
		}
		if o.Source == "" {
			add("source", fmt.Errorf("%w (%s)", ErrEmptyField, where))
		}
		if o.Provenance < Published || o.Provenance > Synthetic {
			add("provenance", fmt.Errorf("%s: %w: %v", where, ErrProvenance, o.Provenance))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return build(slices.Clone(markets), index, slices.Clone(observations)), nil
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

// build indexes checked input. It owns (and reorders) obs, into the
// order a stable sort by market index, then date, gives. A file written
// by WriteDataset is in that order already, and costs one pass.
func build(markets []Market, index map[string]int, obs []Observation) *Dataset {
	start := sortByMarket(len(markets), index, obs)
	return &Dataset{markets: markets, index: index, obs: obs, start: start}
}

// sortByMarket puts obs in market index, then date order, ties in the
// order given, and returns where each market's observations start.
func sortByMarket(markets int, index map[string]int, obs []Observation) []int {
	start := make([]int, markets+1)
	sorted := true
	prev, prevID := -1, ""
	var prevDate Date
	for i := range obs {
		o := &obs[i]
		m := prev
		if i == 0 || o.MarketID != prevID {
			m = index[o.MarketID]
		}
		start[m+1]++
		if m < prev || m == prev && o.Date.Before(prevDate) {
			sorted = false
		}
		prev, prevID, prevDate = m, o.MarketID, o.Date
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	if !sorted {
		permute(obs, order(obs, index, start))
	}
	return start
}

// order returns where each observation goes: order[k] is the index in
// obs of the k-th in market and date order, ties in the order given.
func order(obs []Observation, index map[string]int, start []int) []int32 {
	next := slices.Clone(start[:len(start)-1])
	order := make([]int32, len(obs))
	prev, prevID := 0, ""
	for i := range obs {
		m := prev
		if i == 0 || obs[i].MarketID != prevID {
			m, prevID = index[obs[i].MarketID], obs[i].MarketID
		}
		order[next[m]] = int32(i)
		next[m]++
		prev = m
	}
	byDate := func(a, b int32) int { return obs[a].Date.Compare(obs[b].Date) }
	for m := 0; m+1 < len(start); m++ {
		seg := order[start[m]:start[m+1]]
		if !slices.IsSortedFunc(seg, byDate) {
			slices.SortStableFunc(seg, byDate)
		}
	}
	return order
}

// permute moves obs[order[k]] to obs[k] in place, one cycle at a time:
// a sorted copy would need as much memory again.
func permute(obs []Observation, order []int32) {
	for k := range order {
		if order[k] < 0 || int(order[k]) == k {
			continue
		}
		tmp := obs[k]
		j := k
		for {
			src := int(order[j])
			order[j] = -1
			if src == k {
				obs[j] = tmp
				break
			}
			obs[j] = obs[src]
			j = src
		}
	}
}

// Len returns the number of markets.
func (d *Dataset) Len() int { return len(d.markets) }

// NumObservations returns the number of observations of all markets.
func (d *Dataset) NumObservations() int { return len(d.obs) }

// Markets returns the markets in their original order. The slice belongs
// to the dataset: do not modify it.
func (d *Dataset) Markets() []Market { return d.markets }

// Market returns the market with the given ID.
func (d *Dataset) Market(id string) (Market, bool) {
	i, ok := d.index[id]
	if !ok {
		return Market{}, false
	}
	return d.markets[i], true
}

// Observations returns the observations of market id in date order, or
// nil for an unknown ID. The slice belongs to the dataset: do not modify
// it.
func (d *Dataset) Observations(id string) []Observation {
	i, ok := d.index[id]
	if !ok {
		return nil
	}
	return d.obs[d.start[i]:d.start[i+1]:d.start[i+1]]
}

// AllObservations returns every observation, grouped by market in market
// order and by date within a market. The slice belongs to the dataset: do
// not modify it.
func (d *Dataset) AllObservations() []Observation { return d.obs }

// AsOf is the annual view of one market: its latest observation dated on
// or before the end of year. ok is false before the market's first
// observation, where its area is missing (not zero), and for an unknown ID.
func (d *Dataset) AsOf(id string, year int) (o Observation, ok bool) {
	return latestInYear(d.Observations(id), year)
}

func latestInYear(obs []Observation, year int) (Observation, bool) {
	// obs is sorted by date; find the first observation after the year.
	n, _ := slices.BinarySearchFunc(obs, year+1, func(o Observation, y int) int {
		return cmp.Compare(o.Date.Year(), y)
	})
	if n == 0 {
		return Observation{}, false
	}
	return obs[n-1], true
}

// AnnualArea is a market's stall area at the end of one year.
type AnnualArea struct {
	Year int
	// StallArea is the area of the latest observation on or before the end
	// of Year; meaningful only when Known.
	StallArea float64
	// Known is false before the market's first observation.
	Known bool
	// From is the observation the value comes from, when Known.
	From Observation
}

// Annual returns the annual view of market id for each year from first to
// last, inclusive. Years before the market's first observation are not
// Known. It returns nil for an unknown ID or when last < first.
func (d *Dataset) Annual(id string, first, last int) []AnnualArea {
	if _, ok := d.index[id]; !ok || last < first {
		return nil
	}
	obs := d.Observations(id)
	out := make([]AnnualArea, 0, last-first+1)
	for y := first; y <= last; y++ {
		o, ok := latestInYear(obs, y)
		out = append(out, AnnualArea{Year: y, StallArea: o.StallArea, Known: ok, From: o})
	}
	return out
}
