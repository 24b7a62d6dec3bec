package market

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestBuildOrdersAsStableSort checks the in-place reordering against the
// stable sort build used before, on observations in random order, in
// reverse order, and already in order.
func TestBuildOrdersAsStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	markets := make([]Market, 7)
	index := make(map[string]int)
	for i := range markets {
		markets[i] = Market{ID: fmt.Sprintf("m%d", i), Name: "x"}
		index[markets[i].ID] = i
	}
	var obs []Observation
	for i := range 500 {
		d := Day(2000+rng.IntN(3), time.Month(1+rng.IntN(2)), 1+rng.IntN(3))
		switch rng.IntN(3) {
		case 0:
			d = YearOnly(d.Year())
		case 1:
			d = MonthOnly(d.Year(), d.Month())
		}
		// Equal keys keep their order: StallArea tells them apart.
		obs = append(obs, Observation{MarketID: markets[rng.IntN(len(markets))].ID, Date: d, StallArea: float64(i)})
	}
	stable := func(obs []Observation) []Observation {
		obs = slices.Clone(obs)
		slices.SortStableFunc(obs, func(a, b Observation) int {
			if c := cmp.Compare(index[a.MarketID], index[b.MarketID]); c != 0 {
				return c
			}
			return a.Date.Compare(b.Date)
		})
		return obs
	}
	reversed := slices.Clone(stable(obs))
	slices.Reverse(reversed)
	for name, in := range map[string][]Observation{"random": obs, "reversed": reversed, "sorted": stable(obs)} {
		want := stable(in)
		d := build(markets, index, slices.Clone(in))
		if !reflect.DeepEqual(d.obs, want) {
			t.Errorf("%s: build does not order as a stable sort", name)
		}
		for i, m := range markets {
			if got := d.Observations(m.ID); len(got) != d.start[i+1]-d.start[i] || (len(got) > 0 && got[0].MarketID != m.ID) {
				t.Errorf("%s: market %s owns the wrong observations", name, m.ID)
			}
		}
	}
}
