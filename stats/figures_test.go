package stats_test

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// figureDataset, over 2020-2025, with no towns (each market is its own):
//
//	Sariwon-4  2019:0     2020-07:3000  2025:3000  opened +3000, built 2020
//	haksan     2020:400   2024:0                   closed  -400
//	grow       2020:1000  2025:1500 (synthetic)    grew    +500
//	shrink     2020:1000  2025:900                 declined -100
//	late       2022:10                             missing
func figureDataset(t *testing.T) *market.Dataset {
	t.Helper()
	synth := observed("grow", year(2025), 1500)
	synth.Provenance = market.Synthetic
	return newDataset(t, []string{"Sariwon-4", "haksan", "grow", "shrink", "late"},
		observed("Sariwon-4", year(2019), 0),
		observed("Sariwon-4", market.MonthOnly(2020, time.July), 3000),
		observed("Sariwon-4", year(2025), 3000),
		observed("haksan", year(2020), 400), observed("haksan", year(2024), 0),
		observed("grow", year(2020), 1000), synth,
		observed("shrink", year(2020), 1000), observed("shrink", year(2025), 900),
		observed("late", year(2022), 10),
	)
}

// figureSeries is a national series 2017-2021 with 2018 missing (its
// value is meaningless and must not be used).
func figureSeries() stats.YearSeries {
	return stats.YearSeries{Values: []stats.YearValue{
		{Year: 2017, Value: 1000, Known: true},
		{Year: 2018, Value: 9999},
		{Year: 2019, Value: 5000, Known: true},
		{Year: 2020, Value: 2000, Known: true},
		{Year: 2021, Value: 500, Known: true},
	}}
}

func TestFigures(t *testing.T) {
	c := changesOver(t, figureDataset(t), 2020, 2025, stats.Tolerance{})
	got := stats.Figures(stats.Inputs{Changes: c, National: figureSeries(), KnownMarkets: 8})
	want := []stats.Figure{
		{ID: "markets_surveyed", Value: 4, Unit: "markets", Synthetic: 1},
		{ID: "markets_missing", Value: 1, Unit: "markets"},
		{ID: "towns_surveyed", Value: 4, Unit: "towns", Synthetic: 1},
		{ID: "towns_imagery_2024", Value: 1, Unit: "towns", Synthetic: 1}, // haksan
		{ID: "towns_imagery_2025", Value: 3, Unit: "towns", Synthetic: 1},
		{ID: "markets_known", Value: 8, Unit: "markets", Input: true},
		{ID: "coverage_share", Value: 50, Unit: "percent", Synthetic: 1}, // 4 of 8
		{ID: "markets_increased", Value: 2, Unit: "markets", Synthetic: 1},
		{ID: "markets_opened", Value: 1, Unit: "markets", Synthetic: 1},
		{ID: "markets_grew", Value: 1, Unit: "markets", Synthetic: 1},
		{ID: "markets_unchanged", Value: 0, Unit: "markets", Synthetic: 1},
		{ID: "markets_declined", Value: 2, Unit: "markets", Synthetic: 1}, // closed included
		{ID: "markets_closed", Value: 1, Unit: "markets", Synthetic: 1},
		{ID: "net_growth_2020_2025", Value: 3000, Unit: "m2", Synthetic: 1}, // 3000-400+500-100
		{ID: "avg_annual_net_2020_2025", Value: 600, Unit: "m2/year", Synthetic: 1},
		{ID: "decline_vs_2019", Value: 88, Unit: "percent", Synthetic: 1}, // (5000-600)/5000
		{ID: "top4_net_growth", Value: 3500, Unit: "m2", Synthetic: 1},    // only 2 gainers
		{ID: "top4_share", Value: 3500.0 / 3000 * 100, Unit: "percent", Synthetic: 1},
		// Gains 500, 3000: sum |xi-xj| = 5000 over 2*4*1750 = 14000.
		{ID: "gini_gains_2020_2025", Value: 5.0 / 14, Unit: "index", Synthetic: 1},
		// (1/7)² + (6/7)²
		{ID: "herfindahl_gains_2020_2025", Value: 37.0 / 49, Unit: "index", Synthetic: 1},
		{ID: "survey_gross_new_2020", Value: 3000, Unit: "m2", Synthetic: 1},
		{ID: "survey_gross_new_2021", Value: 0, Unit: "m2", Synthetic: 1},
		{ID: "survey_gross_new_2022", Value: 0, Unit: "m2", Synthetic: 1},
		{ID: "survey_gross_new_2023", Value: 0, Unit: "m2", Synthetic: 1},
		{ID: "survey_gross_new_2024", Value: 0, Unit: "m2", Synthetic: 1}, // haksan's -400 is no addition
		{ID: "survey_gross_new_2025", Value: 500, Unit: "m2", Synthetic: 1},
		{ID: "sariwon_4_built", Value: 2020, Unit: "year"},
		{ID: "closed_area_haksan", Value: 400, Unit: "m2"},
		{ID: "gross_new_2017", Value: 1000, Unit: "m2"},
		// 2018 is missing: no gross_new_2018, no drop to or from it.
		{ID: "gross_new_2019", Value: 5000, Unit: "m2"},
		{ID: "gross_new_2020", Value: 2000, Unit: "m2"},
		{ID: "gross_drop_2019_2020", Value: 60, Unit: "percent"}, // 3000/5000
		{ID: "gross_new_2021", Value: 500, Unit: "m2"},
		{ID: "gross_drop_2020_2021", Value: 75, Unit: "percent"}, // 1500/2000
	}
	if len(got) != len(want) {
		for _, f := range got {
			t.Logf("%+v", f)
		}
		t.Fatalf("got %d figures, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.ID || !same(g.Value, w.Value) || g.Unit != w.Unit || g.Synthetic != w.Synthetic || g.Input != w.Input {
			t.Errorf("figure %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestFiguresTopK(t *testing.T) {
	c := changesOver(t, figureDataset(t), 2020, 2025, stats.Tolerance{})
	figs := stats.Figures(stats.Inputs{Changes: c, TopK: 1})
	// Top 1 is Sariwon-4's 3000 of the net 3000; it is measured.
	if f, ok := stats.FindFigure(figs, "top1_net_growth"); !ok || f.Value != 3000 || f.Synthetic != 0 {
		t.Errorf("top1_net_growth = %+v, %t; want 3000 resting on no synthetic market", f, ok)
	}
	if f, ok := stats.FindFigure(figs, "top1_share"); !ok || f.Value != 100 {
		t.Errorf("top1_share = %+v, %t; want 100", f, ok)
	}
	// No known count, no national series: no figures from them.
	for _, id := range []string{"markets_known", "coverage_share", "decline_vs_2019", "gross_new_2019", "top4_share"} {
		if f, ok := stats.FindFigure(figs, id); ok || !math.IsNaN(f.Value) {
			t.Errorf("FindFigure(%s) = %+v, %t; want no figure, NaN", id, f, ok)
		}
	}
}

func TestFigureJSON(t *testing.T) {
	for _, c := range []struct {
		f    stats.Figure
		want string
	}{
		{stats.Figure{ID: "net", Value: 1981.5, Unit: "m2", Synthetic: 3}, `{"id":"net","value":1981.5,"unit":"m2"}`},
		{stats.Figure{ID: "gini", Value: math.NaN(), Unit: "index", Input: true}, `{"id":"gini","value":null,"unit":"index"}`},
		{stats.Figure{ID: "x", Value: math.Inf(-1), Unit: "m2"}, `{"id":"x","value":null,"unit":"m2"}`},
	} {
		b, err := json.Marshal(c.f)
		if err != nil || string(b) != c.want {
			t.Errorf("json.Marshal(%+v) = %s, %v; want %s", c.f, b, err, c.want)
		}
	}
}
