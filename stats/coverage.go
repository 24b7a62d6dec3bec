package stats

import (
	"cmp"
	"slices"
)

// Coverage says how much of the country a survey covers.
type Coverage struct {
	// Surveyed is the number of markets covered over the window.
	Surveyed int
	// Known is the number of markets known in the country, as given.
	Known int
	// Share is Surveyed / Known in percent; NaN when Known is 0.
	Share float64
	// Towns is the number of market towns surveyed: towns of the same name
	// in different provinces are different towns, and a market with no
	// town counts as a town of its own.
	Towns int
	// TownsByYear counts the towns by the year of their latest imagery in
	// the window, in year order.
	TownsByYear []YearCount
}

// YearCount is a count for one year.
type YearCount struct {
	Year  int
	Count int
}

// Coverage returns the coverage of the markets in c against known, the
// number of markets known in the country.
func (c *Changes) Coverage(known int) Coverage {
	latest := map[string]int{}
	for _, m := range c.Markets {
		town := m.Market.Province + "\x00" + m.Market.Town
		if m.Market.Town == "" {
			town = "\x00\x00" + m.Market.ID
		}
		latest[town] = max(latest[town], m.End.Date.Year())
	}
	byYear := map[int]int{}
	for _, y := range latest {
		byYear[y]++
	}
	cov := Coverage{Surveyed: len(c.Markets), Known: known, Towns: len(latest), Share: nan()}
	if known > 0 {
		cov.Share = float64(cov.Surveyed) / float64(known) * 100
	}
	for y, n := range byYear {
		cov.TownsByYear = append(cov.TownsByYear, YearCount{y, n})
	}
	slices.SortFunc(cov.TownsByYear, func(a, b YearCount) int { return cmp.Compare(a.Year, b.Year) })
	return cov
}

// ProvinceSummary is the change over a window of one province's markets.
type ProvinceSummary struct {
	// Province is "" for markets whose province is not known.
	Province string
	Markets  int
	Net      float64
	Counts   StatusCounts
}

// ByProvince sums the changes by province, in province name order, with
// the markets of unknown province last.
func (c *Changes) ByProvince() []ProvinceSummary {
	index := map[string]int{}
	var out []ProvinceSummary
	for _, m := range c.Markets {
		i, ok := index[m.Market.Province]
		if !ok {
			i = len(out)
			index[m.Market.Province] = i
			out = append(out, ProvinceSummary{Province: m.Market.Province})
		}
		p := &out[i]
		p.Markets++
		p.Net += m.Change
		p.Counts.add(m.Status)
	}
	slices.SortFunc(out, func(a, b ProvinceSummary) int {
		if (a.Province == "") != (b.Province == "") {
			if a.Province == "" {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.Province, b.Province)
	})
	return out
}
