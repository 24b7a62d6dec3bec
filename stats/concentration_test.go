package stats_test

import (
	"math"
	"testing"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// changed builds a dataset where each market goes from 1000 m² in 2020 to
// 1000 + change in 2025, in the order given, and returns its changes.
func changed(t *testing.T, ids []string, change []float64) *stats.Changes {
	t.Helper()
	var obs []market.Observation
	for i, id := range ids {
		obs = append(obs, observed(id, year(2020), 1000), observed(id, year(2025), 1000+change[i]))
	}
	return changesOver(t, newDataset(t, ids, obs...), 2020, 2025, stats.Tolerance{})
}

func topIDs(c stats.Concentration) []string {
	var ids []string
	for _, m := range c.Top {
		ids = append(ids, m.Market.ID)
	}
	return ids
}

func TestConcentrate(t *testing.T) {
	// Gains 10, 20, 30, 40; one decline of 20 and one market unchanged.
	c := changed(t, []string{"a", "b", "c", "d", "e", "f"}, []float64{10, 20, 30, 40, -20, 0})
	got := c.Concentrate(2)
	// Net 10+20+30+40-20 = 80; top 2 are d (40) and c (30): 70, 70/80 = 87.5%.
	if ids := topIDs(got); len(ids) != 2 || ids[0] != "d" || ids[1] != "c" {
		t.Errorf("Top = %v, want [d c]", ids)
	}
	if got.TopSum != 70 || got.Net != 80 || got.Share != 87.5 || got.Gainers != 4 {
		t.Errorf("TopSum %v, Net %v, Share %v, Gainers %d; want 70, 80, 87.5, 4", got.TopSum, got.Net, got.Share, got.Gainers)
	}
	// Gini of 10,20,30,40: the sum of |xi-xj| over ordered pairs is
	// 2*(10+20+30+10+20+10) = 200, over 2 n² mean = 2*16*25 = 800: 0.25.
	if !same(got.Gini, 0.25) {
		t.Errorf("Gini = %v, want 0.25", got.Gini)
	}
	// Herfindahl: shares 0.1, 0.2, 0.3, 0.4 squared: .01+.04+.09+.16 = 0.30.
	if !same(got.Herfindahl, 0.30) {
		t.Errorf("Herfindahl = %v, want 0.30", got.Herfindahl)
	}

	// k beyond the gainers names only the 4 gainers, not e or f.
	all := c.Concentrate(10)
	if ids := topIDs(all); len(ids) != 4 || ids[3] != "a" || all.TopSum != 100 || all.Share != 125 {
		t.Errorf("Concentrate(10): Top %v, TopSum %v, Share %v; want [d c b a], 100, 125", ids, all.TopSum, all.Share)
	}
}

func TestConcentrateTiesByID(t *testing.T) {
	// b, a and c gain 30 each, z 40; the dataset lists b before a.
	c := changed(t, []string{"b", "a", "c", "z"}, []float64{30, 30, 30, 40})
	for k, want := range map[int][]string{1: {"z"}, 2: {"z", "a"}, 3: {"z", "a", "b"}, 4: {"z", "a", "b", "c"}} {
		got := topIDs(c.Concentrate(k))
		if len(got) != len(want) {
			t.Errorf("Concentrate(%d).Top = %v, want %v", k, got, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("Concentrate(%d).Top = %v, want %v", k, got, want)
				break
			}
		}
	}
	if r := c.Ranked(); r[0].Market.ID != "z" || r[1].Market.ID != "a" || r[2].Market.ID != "b" || r[3].Market.ID != "c" {
		t.Errorf("Ranked() starts %s %s %s %s, want z a b c", r[0].Market.ID, r[1].Market.ID, r[2].Market.ID, r[3].Market.ID)
	}
}

func TestConcentrateEvenAndSingle(t *testing.T) {
	even := changed(t, []string{"a", "b", "c", "d"}, []float64{25, 25, 25, 25}).Concentrate(1)
	// Every gainer gained the same: Gini 0, Herfindahl 4 × 0.25² = 1/4.
	if !same(even.Gini, 0) || !same(even.Herfindahl, 0.25) || even.Share != 25 {
		t.Errorf("even gains: Gini %v, Herfindahl %v, Share %v; want 0, 0.25, 25", even.Gini, even.Herfindahl, even.Share)
	}
	one := changed(t, []string{"a", "b"}, []float64{50, -10}).Concentrate(4)
	// One gainer has all the gain: Herfindahl 1; top 50 of net 40 = 125%.
	if !same(one.Herfindahl, 1) || !same(one.Gini, 0) || one.Share != 125 || len(one.Top) != 1 {
		t.Errorf("one gainer: %+v", one)
	}
}

func TestConcentrateNoGains(t *testing.T) {
	got := changed(t, []string{"a", "b"}, []float64{-10, 0}).Concentrate(4)
	if len(got.Top) != 0 || got.TopSum != 0 || got.Gainers != 0 || got.Net != -10 {
		t.Errorf("no gains: %+v", got)
	}
	if !math.IsNaN(got.Gini) || !math.IsNaN(got.Herfindahl) || !math.IsNaN(got.Share) {
		t.Errorf("no gains: Gini %v, Herfindahl %v, Share %v; want NaN for all", got.Gini, got.Herfindahl, got.Share)
	}
}

func TestConcentrateNegativeKNamesNone(t *testing.T) {
	c := changed(t, []string{"a", "b"}, []float64{10, 30})
	got := c.Concentrate(-1)
	// No market named, but the distribution measures still cover both
	// gains: Herfindahl (1/4)² + (3/4)² = 0.625.
	if len(got.Top) != 0 || got.TopSum != 0 || !same(got.Herfindahl, 0.625) {
		t.Errorf("Concentrate(-1) = %+v", got)
	}
}
