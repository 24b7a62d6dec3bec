package stats_test

import (
	"testing"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// TestShippedData runs the whole computation on the shipped data: every
// figure of the post gets a check with a verdict, and the net growth is
// the sum of per-market changes, recomputed here from the observations.
func TestShippedData(t *testing.T) {
	ds, err := data.Survey()
	if err != nil {
		t.Fatal(err)
	}
	national, err := data.NationalGross()
	if err != nil {
		t.Fatal(err)
	}
	published, err := data.PostFigures()
	if err != nil {
		t.Fatal(err)
	}
	estimates, err := data.OtherEstimates()
	if err != nil {
		t.Fatal(err)
	}
	known, ok := stats.Latest(estimates, data.KnownMarkets)
	if !ok {
		t.Fatalf("no %s estimate", data.KnownMarkets)
	}

	w := stats.Window{From: 2020, To: 2025}
	changes, err := stats.ChangesOver(ds, w, stats.Tolerance{})
	if err != nil {
		t.Fatal(err)
	}
	figures := stats.Figures(stats.Inputs{Changes: changes, National: national, KnownMarkets: int(known.Value)})
	checks := stats.FactCheck(published, stats.Evidence{Figures: figures, National: national, Window: w})

	if len(checks) != len(published) {
		t.Fatalf("%d checks for %d published figures", len(checks), len(published))
	}
	verdicts := map[stats.Verdict]bool{stats.Match: true, stats.WithinRounding: true, stats.Mismatch: true, stats.Unverifiable: true}
	for i, c := range checks {
		if c.ID != published[i].ID {
			t.Errorf("check %d is %q, published figure %d is %q", i, c.ID, i, published[i].ID)
		}
		if !verdicts[c.Verdict] {
			t.Errorf("check %s has verdict %q", c.ID, c.Verdict)
		}
	}

	// The net growth, from the observations: baseline the latest image
	// before 2020, else the earliest of 2020; end the latest of 2020-2025.
	var net float64
	covered := 0
	for _, m := range ds.Markets() {
		var before, firstIn, lastIn *market.Observation
		obs := ds.Observations(m.ID)
		for i := range obs {
			o := &obs[i]
			switch y := o.Date.Year(); {
			case y < w.From:
				before = o
			case y <= w.To:
				if firstIn == nil {
					firstIn = o
				}
				lastIn = o
			}
		}
		base := before
		if base == nil && firstIn != nil && firstIn.Date.Year() == w.From {
			base = firstIn
		}
		if base == nil || lastIn == nil {
			continue
		}
		net += lastIn.StallArea - base.StallArea
		covered++
	}
	if covered != len(changes.Markets) || covered+len(changes.Missing) != ds.Len() {
		t.Errorf("%d markets covered, %d missing, of %d; recomputed %d covered", len(changes.Markets), len(changes.Missing), ds.Len(), covered)
	}
	f, ok := stats.FindFigure(figures, "net_growth_2020_2025")
	if !ok || !same(f.Value, net) || !same(changes.Net(), net) {
		t.Errorf("net_growth_2020_2025 = %v (Net %v), recomputed %v", f.Value, changes.Net(), net)
	}
	checked := false
	for i, c := range checks {
		if c.ID != "net_growth_2020_2025" {
			continue
		}
		checked = true
		// The verdict follows from the recomputed sum, not from the post.
		want := stats.Mismatch
		if same(net, published[i].Value) {
			want = stats.Match
		}
		if !same(c.Computed, net) || c.Verdict != want {
			t.Errorf("check of net_growth_2020_2025: computed %v, %v; want %v, %v", c.Computed, c.Verdict, net, want)
		}
	}
	if !checked {
		t.Error("the post's figures have no net_growth_2020_2025")
	}

	if f, ok := stats.FindFigure(figures, "markets_known"); !ok || !f.Input || f.Value != known.Value {
		t.Errorf("markets_known = %+v, %t; want the input %v", f, ok, known.Value)
	}
}
