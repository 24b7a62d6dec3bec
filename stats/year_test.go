package stats_test

import (
	"errors"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// windowByYear is ByYear of windowDataset over 2020-2025, worked out from
// each market's annual view (the baseline, then the area at the end of
// each year):
//
//	2020  before 400->900 +500, mixed 100->300 +200      +700
//	2021  blip 0->300 +300                               +300
//	2022  opened 0->250 +250                             +250
//	2023  closed 400->0 -400                                   -400
//	2024  gap 100->300 +200 (2021-2023 carry 100), blip 300->0 +200 -300
//	2025  before 900->800 -100, declined 1000->600 -400        -500
//
// Net 700+300+250-400-100-500 = 250, as Net().
var windowByYear = []stats.YearChange{
	{Year: 2020, Additions: 700, Markets: 8},
	{Year: 2021, Additions: 300, Markets: 8},
	{Year: 2022, Additions: 250, Markets: 8},
	{Year: 2023, Reductions: 400, Markets: 8},
	{Year: 2024, Additions: 200, Reductions: 300, Markets: 8},
	{Year: 2025, Reductions: 500, Markets: 8},
}

func TestByYear(t *testing.T) {
	c := changesOver(t, windowDataset(t), 2020, 2025, stats.Tolerance{})
	got := c.ByYear()
	if !reflect.DeepEqual(got, windowByYear) {
		t.Errorf("ByYear():\n got %+v\nwant %+v", got, windowByYear)
	}
	var sum float64
	for _, y := range got {
		sum += y.Net()
	}
	if sum != c.Net() || sum != 250 {
		t.Errorf("sum of yearly net %v, Net() %v; want both 250", sum, c.Net())
	}
}

// TestByYearGap: a market seen in 2020 and 2024 only keeps its 2020 area
// through 2021-2023, so its whole increase counts in 2024, and a market
// that opens in the gap is "built" in the year its stalls are first seen.
func TestByYearGap(t *testing.T) {
	ds := newDataset(t, []string{"gap", "new"},
		observed("gap", year(2020), 100), observed("gap", year(2024), 300),
		observed("new", year(2020), 0), observed("new", year(2024), 500))
	c := changesOver(t, ds, 2020, 2025, stats.Tolerance{})
	want := []stats.YearChange{
		{Year: 2020, Markets: 2}, {Year: 2021, Markets: 2}, {Year: 2022, Markets: 2}, {Year: 2023, Markets: 2},
		{Year: 2024, Additions: 200 + 500, Markets: 2}, // both increases land in 2024
		{Year: 2025, Markets: 2},                       // 2024 carried into 2025
	}
	if got := c.ByYear(); !reflect.DeepEqual(got, want) {
		t.Errorf("ByYear():\n got %+v\nwant %+v", got, want)
	}
	f, ok := stats.FindFigure(stats.Figures(stats.Inputs{Changes: c}), "new_built")
	if !ok || f.Value != 2024 {
		t.Errorf("new_built = %v, %t; want 2024", f.Value, ok)
	}
}

// TestByYearFirstYearFromBaseline: with no image before the window, the
// first year's change runs from the earliest to the latest image of it.
func TestByYearFirstYearFromBaseline(t *testing.T) {
	ds := newDataset(t, []string{"m"},
		observed("m", year(2020), 100), observed("m", market.MonthOnly(2020, time.June), 40), observed("m", year(2021), 90))
	got := changesOver(t, ds, 2020, 2021, stats.Tolerance{}).ByYear()
	// 2020: 100 -> 40 is -60; 2021: 40 -> 90 is +50. Net -10 = 90 - 100.
	want := []stats.YearChange{{Year: 2020, Reductions: 60, Markets: 1}, {Year: 2021, Additions: 50, Markets: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ByYear() = %+v, want %+v", got, want)
	}
}

func TestGrossAdditions(t *testing.T) {
	got, err := stats.GrossAdditions(windowDataset(t), stats.Window{From: 2020, To: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, windowByYear) {
		t.Errorf("GrossAdditions:\n got %+v\nwant %+v", got, windowByYear)
	}
	if _, err := stats.GrossAdditions(windowDataset(t), stats.Window{From: 2021, To: 2020}); !errors.Is(err, stats.ErrWindow) {
		t.Errorf("GrossAdditions over 2021-2020: %v, want ErrWindow", err)
	}
}

func TestAverageAnnual(t *testing.T) {
	// The post: 9905 m² over 2020-2025 is 9905 / 5 = 1981 m² a year.
	r := stats.AverageAnnual(9905, stats.Window{From: 2020, To: 2025})
	if r.Total != 9905 || r.Years != 5 || r.PerYear != 1981 {
		t.Errorf("AverageAnnual(9905, 2020-2025) = %+v, want 9905 over 5 years, 1981", r)
	}
	r = stats.AverageAnnual(100, stats.Window{From: 2020, To: 2020})
	if r.Years != 0 || !math.IsNaN(r.PerYear) {
		t.Errorf("AverageAnnual over one year = %+v, want 0 years and NaN", r)
	}
}

func TestPercentChangeAndDeclineFrom(t *testing.T) {
	for _, c := range []struct {
		before, after float64
		pct           float64
		ok            bool
	}{
		{200, 50, -75, true}, // (50-200)/200
		{50, 200, 300, true}, // (200-50)/50
		{100, 100, 0, true},
		{100, 0, -100, true},
		{0, 100, math.NaN(), false}, // no percent of nothing
		{0, 0, math.NaN(), false},
		{math.NaN(), 1, math.NaN(), false},
		{1, math.Inf(1), math.NaN(), false},
	} {
		pct, ok := stats.PercentChange(c.before, c.after)
		if ok != c.ok || !same(pct, c.pct) {
			t.Errorf("PercentChange(%v, %v) = %v, %t; want %v, %t", c.before, c.after, pct, ok, c.pct, c.ok)
		}
		d, ok := stats.DeclineFrom(c.before, c.after)
		if ok != c.ok || !same(d, -c.pct) {
			t.Errorf("DeclineFrom(%v, %v) = %v, %t; want %v, %t", c.before, c.after, d, ok, -c.pct, c.ok)
		}
	}
	// The post's 68%: (23260-7450)/23260 = 0.67971 of the 2019 value.
	if d, ok := stats.DeclineFrom(23260, 7450); !ok || math.Abs(d-67.97076526225279) > 1e-9 {
		t.Errorf("DeclineFrom(23260, 7450) = %v, %t; want 67.97", d, ok)
	}
}

// same reports whether a and b are equal to 1e-9, or both NaN.
func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}
