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

// observed is one measured observation of a market.
func observed(id string, d market.Date, area float64) market.Observation {
	return market.Observation{MarketID: id, Date: d, StallArea: area, Source: "test", Provenance: market.Measured}
}

func year(y int) market.Date { return market.YearOnly(y) }

// newDataset builds a dataset of markets named by their IDs.
func newDataset(t *testing.T, ids []string, obs ...market.Observation) *market.Dataset {
	t.Helper()
	markets := make([]market.Market, len(ids))
	for i, id := range ids {
		markets[i] = market.Market{ID: id, Name: id}
	}
	return newDatasetOf(t, markets, obs...)
}

func newDatasetOf(t *testing.T, markets []market.Market, obs ...market.Observation) *market.Dataset {
	t.Helper()
	ds, err := market.NewDataset(markets, obs)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func changesOver(t *testing.T, ds *market.Dataset, from, to int, tol stats.Tolerance) *stats.Changes {
	t.Helper()
	c, err := stats.ChangesOver(ds, stats.Window{From: from, To: to}, tol)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// windowDataset covers every situation of a 2020-2025 window. Per market,
// with the baseline (B) and end (E) the rules pick:
//
//	gap       2020:100  2024:300                     B 2020  E 2024  +200 grew
//	before    2018:500  2019:400  2020:900  2025:800 B 2019  E 2025  +400 grew
//	opened    2019:0    2022-06:250  2025:250        B 2019  E 2025  +250 opened
//	closed    2020:400  2023:0                       B 2020  E 2023  -400 closed
//	blip      2020:0    2021:300  2024:0             B 2020  E 2024     0 unchanged
//	mixed     2020:100  2020-03:200  2020-03-15:300  B 2020  E 03-15 +200 grew
//	late      2021:50                                missing: no baseline
//	old       2015:100                               missing: none in window
//	none      -                                      missing: no observations
//	after     2018:100  2027:200                     missing: none in window
//	declined  2020:1000 2025-12-31:600  2026:0       B 2020  E 2025-12-31 -400 declined
//	flat      2019:700  2025:700                     B 2019  E 2025     0 unchanged
func windowDataset(t *testing.T) *market.Dataset {
	t.Helper()
	return newDataset(t,
		[]string{"gap", "before", "opened", "closed", "blip", "mixed", "late", "old", "none", "after", "declined", "flat"},
		// Out of date order on purpose: the dataset sorts them.
		observed("gap", year(2024), 300),
		observed("gap", year(2020), 100),
		observed("before", year(2020), 900),
		observed("before", year(2018), 500),
		observed("before", year(2025), 800),
		observed("before", year(2019), 400),
		observed("opened", year(2019), 0),
		observed("opened", market.MonthOnly(2022, time.June), 250),
		observed("opened", year(2025), 250),
		observed("closed", year(2020), 400),
		observed("closed", year(2023), 0),
		observed("blip", year(2020), 0),
		observed("blip", year(2021), 300),
		observed("blip", year(2024), 0),
		observed("mixed", market.Day(2020, time.March, 15), 300),
		observed("mixed", market.MonthOnly(2020, time.March), 200),
		observed("mixed", year(2020), 100),
		observed("late", year(2021), 50),
		observed("old", year(2015), 100),
		observed("after", year(2018), 100),
		observed("after", year(2027), 200),
		observed("declined", year(2026), 0),
		observed("declined", market.Day(2025, time.December, 31), 600),
		observed("declined", year(2020), 1000),
		observed("flat", year(2025), 700),
		observed("flat", year(2019), 700),
	)
}

func TestChangesOverBaselineEndAndStatus(t *testing.T) {
	c := changesOver(t, windowDataset(t), 2020, 2025, stats.Tolerance{})
	type row struct {
		id                string
		baseDate, endDate market.Date
		base, end, change float64
		status            stats.Status
	}
	want := []row{
		// A gap 2021-2023: the end is the 2024 image.
		{"gap", year(2020), year(2024), 100, 300, 200, stats.Grew},
		// The latest image before the window (2019) wins over the 2020 one.
		{"before", year(2019), year(2025), 400, 800, 400, stats.Grew},
		{"opened", year(2019), year(2025), 0, 250, 250, stats.Opened},
		{"closed", year(2020), year(2023), 400, 0, -400, stats.Closed},
		// Built and removed inside the window: 0 at both ends.
		{"blip", year(2020), year(2024), 0, 0, 0, stats.Unchanged},
		// 2020 < 2020-03 < 2020-03-15: the year-only image is the
		// earliest of the first year, the day-precision one the latest.
		{"mixed", year(2020), market.Day(2020, time.March, 15), 100, 300, 200, stats.Grew},
		// 2026 lies after the window and is not the end.
		{"declined", year(2020), market.Day(2025, time.December, 31), 1000, 600, -400, stats.Declined},
		{"flat", year(2019), year(2025), 700, 700, 0, stats.Unchanged},
	}
	var got []row
	for _, m := range c.Markets {
		got = append(got, row{m.Market.ID, m.Baseline.Date, m.End.Date, m.Baseline.StallArea, m.End.StallArea, m.Change, m.Status})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("markets:\n got %+v\nwant %+v", got, want)
	}

	wantMissing := []stats.Missing{
		{MarketID: "late", Reason: "no baseline: first observation is from 2021, after 2020"},
		{MarketID: "old", Reason: "no observation in 2020-2025"},
		{MarketID: "none", Reason: "no observations"},
		{MarketID: "after", Reason: "no observation in 2020-2025"},
	}
	if !reflect.DeepEqual(c.Missing, wantMissing) {
		t.Errorf("Missing:\n got %+v\nwant %+v", c.Missing, wantMissing)
	}

	// +200 +400 +250 -400 +0 +200 -400 +0 = 250
	if got := c.Net(); got != 250 {
		t.Errorf("Net() = %v, want 250", got)
	}
	want0 := stats.StatusCounts{Opened: 1, Grew: 3, Unchanged: 2, Declined: 1, Closed: 1}
	counts := c.Counts()
	if counts != want0 {
		t.Errorf("Counts() = %+v, want %+v", counts, want0)
	}
	// Increased = opened 1 + grew 3; Decreased = declined 1 + closed 1.
	if counts.Increased() != 4 || counts.Decreased() != 2 || counts.Total() != 8 {
		t.Errorf("Increased %d, Decreased %d, Total %d; want 4, 2, 8", counts.Increased(), counts.Decreased(), counts.Total())
	}
	for s, n := range map[stats.Status]int{stats.Opened: 1, stats.Grew: 3, stats.Unchanged: 2, stats.Declined: 1, stats.Closed: 1} {
		if counts.Of(s) != n {
			t.Errorf("Counts().Of(%v) = %d, want %d", s, counts.Of(s), n)
		}
	}
}

func TestChangesOverFind(t *testing.T) {
	c := changesOver(t, windowDataset(t), 2020, 2025, stats.Tolerance{})
	if m, ok := c.Find("before"); !ok || m.Change != 400 {
		t.Errorf("Find(before) = %+v, %t; want change 400", m, ok)
	}
	if _, ok := c.Find("late"); ok {
		t.Error("Find(late) is ok for a missing market")
	}
}

// TestChangesOverFirstYearBaseline checks that a window opening later
// moves the baseline: over 2021-2025 "late" (first seen 2021) is covered
// and "gap" (2020, 2024) starts from 2020, the latest image before 2021.
func TestChangesOverFirstYearBaseline(t *testing.T) {
	c := changesOver(t, windowDataset(t), 2021, 2025, stats.Tolerance{})
	if m, ok := c.Find("late"); !ok || m.Baseline.Date != year(2021) || m.End.Date != year(2021) || m.Status != stats.Unchanged {
		t.Errorf("late over 2021-2025 = %+v, %t; want baseline and end 2021, unchanged", m, ok)
	}
	if m, ok := c.Find("gap"); !ok || m.Baseline.Date != year(2020) || m.Change != 200 {
		t.Errorf("gap over 2021-2025 = %+v, %t; want baseline 2020, +200", m, ok)
	}
	// mixed has images of 2020 only: a baseline but no end.
	if _, ok := c.Find("mixed"); ok {
		t.Error("mixed, seen only in 2020, is covered over 2021-2025")
	}
	found := false
	for _, m := range c.Missing {
		if m.MarketID == "mixed" {
			found = m.Reason == "no observation in 2021-2025"
		}
	}
	if !found {
		t.Errorf("Missing = %+v, want mixed with no observation in 2021-2025", c.Missing)
	}
}

// TestChangesOverMixedPrecisionOrder: 2024 < 2024-03 < 2024-03-15, so over
// 2025 the baseline is the day-precision image and over 2024 the
// year-only one.
func TestChangesOverMixedPrecisionOrder(t *testing.T) {
	ds := newDataset(t, []string{"m"},
		observed("m", market.Day(2024, time.March, 15), 30),
		observed("m", year(2024), 10),
		observed("m", market.MonthOnly(2024, time.March), 20),
		observed("m", year(2025), 35),
	)
	c := changesOver(t, ds, 2025, 2025, stats.Tolerance{})
	// Baseline 2024-03-15 (30), end 2025 (35): +5.
	if len(c.Markets) != 1 || c.Markets[0].Baseline.Date != market.Day(2024, time.March, 15) || c.Markets[0].Change != 5 {
		t.Fatalf("over 2025: %+v", c.Markets)
	}
	c = changesOver(t, ds, 2024, 2024, stats.Tolerance{})
	// Baseline the year-only 2024 (10), end 2024-03-15 (30): +20.
	if m := c.Markets[0]; m.Baseline.Date != year(2024) || m.End.Date != market.Day(2024, time.March, 15) || m.Change != 20 {
		t.Errorf("over 2024: %+v", m)
	}
}

func TestChangesOverTolerance(t *testing.T) {
	for _, c := range []struct {
		name      string
		base, end float64
		tol       stats.Tolerance
		want      stats.Status
	}{
		{"exact: no change", 100, 100, stats.Tolerance{}, stats.Unchanged},
		{"exact: +0.01", 100, 100.01, stats.Tolerance{}, stats.Grew},
		{"exact: -0.01", 100, 99.99, stats.Tolerance{}, stats.Declined},
		{"exact: 0 to 0", 0, 0, stats.Tolerance{}, stats.Unchanged},
		// |change| <= Abs is no change; Abs + 0.01 is.
		{"abs: +10 of 10", 100, 110, stats.Tolerance{Abs: 10}, stats.Unchanged},
		{"abs: +10.01 of 10", 100, 110.01, stats.Tolerance{Abs: 10}, stats.Grew},
		{"abs: -10 of 10", 100, 90, stats.Tolerance{Abs: 10}, stats.Unchanged},
		{"abs: -10.01 of 10", 100, 89.99, stats.Tolerance{Abs: 10}, stats.Declined},
		// Rel 0.05 of a baseline of 1000 is 50 m².
		{"rel: +50 of 5%", 1000, 1050, stats.Tolerance{Rel: 0.05}, stats.Unchanged},
		{"rel: +50.01 of 5%", 1000, 1050.01, stats.Tolerance{Rel: 0.05}, stats.Grew},
		{"rel: -50 of 5%", 1000, 950, stats.Tolerance{Rel: 0.05}, stats.Unchanged},
		{"rel: -50.01 of 5%", 1000, 949.99, stats.Tolerance{Rel: 0.05}, stats.Declined},
		// Either bound suffices: on 100 m² Rel allows 5 and Abs 10; on
		// 1000 m² Abs allows 10 and Rel 50.
		{"both: +10 on 100", 100, 110, stats.Tolerance{Abs: 10, Rel: 0.05}, stats.Unchanged},
		{"both: +10.01 on 100", 100, 110.01, stats.Tolerance{Abs: 10, Rel: 0.05}, stats.Grew},
		{"both: -50 on 1000", 1000, 950, stats.Tolerance{Abs: 10, Rel: 0.05}, stats.Unchanged},
		{"both: -50.01 on 1000", 1000, 949.99, stats.Tolerance{Abs: 10, Rel: 0.05}, stats.Declined},
		// Opening and closing are never negligible.
		{"abs: 0 to 5 opened", 0, 5, stats.Tolerance{Abs: 10}, stats.Opened},
		{"abs: 5 to 0 closed", 5, 0, stats.Tolerance{Abs: 10}, stats.Closed},
		{"rel 100%: 100 to 0 closed", 100, 0, stats.Tolerance{Rel: 1}, stats.Closed},
		{"abs: 0 to 0", 0, 0, stats.Tolerance{Abs: 10}, stats.Unchanged},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds := newDataset(t, []string{"m"}, observed("m", year(2020), c.base), observed("m", year(2025), c.end))
			ch := changesOver(t, ds, 2020, 2025, c.tol)
			if got := ch.Markets[0].Status; got != c.want {
				t.Errorf("%v -> %v with %+v: %v, want %v", c.base, c.end, c.tol, got, c.want)
			}
			if got, want := ch.Markets[0].Change, c.end-c.base; got != want {
				t.Errorf("Change = %v, want %v: the tolerance must not alter it", got, want)
			}
		})
	}
}

func TestChangesOverRejects(t *testing.T) {
	ds := windowDataset(t)
	for _, c := range []struct {
		w    stats.Window
		tol  stats.Tolerance
		want error
	}{
		{stats.Window{From: 2025, To: 2020}, stats.Tolerance{}, stats.ErrWindow},
		{stats.Window{From: 2020, To: 2025}, stats.Tolerance{Abs: -1}, stats.ErrTolerance},
		{stats.Window{From: 2020, To: 2025}, stats.Tolerance{Rel: -0.01}, stats.ErrTolerance},
		{stats.Window{From: 2020, To: 2025}, stats.Tolerance{Abs: math.NaN()}, stats.ErrTolerance},
		{stats.Window{From: 2020, To: 2025}, stats.Tolerance{Rel: math.Inf(1)}, stats.ErrTolerance},
	} {
		got, err := stats.ChangesOver(ds, c.w, c.tol)
		if !errors.Is(err, c.want) || got != nil {
			t.Errorf("ChangesOver(%v, %+v) = %v, %v; want nil, %v", c.w, c.tol, got, err, c.want)
		}
	}
	// A one-year window is a window.
	if _, err := stats.ChangesOver(ds, stats.Window{From: 2020, To: 2020}, stats.Tolerance{}); err != nil {
		t.Errorf("window 2020-2020: %v", err)
	}
}

func TestWindow(t *testing.T) {
	w := stats.Window{From: 2020, To: 2025}
	if w.Years() != 5 || w.String() != "2020-2025" {
		t.Errorf("Years() = %d, String() = %q; want 5, 2020-2025", w.Years(), w.String())
	}
}

func TestByStatus(t *testing.T) {
	c := changesOver(t, windowDataset(t), 2020, 2025, stats.Tolerance{})
	want := []stats.StatusGroup{
		{Status: stats.Opened, Markets: 1, Gained: 250},
		{Status: stats.Grew, Markets: 3, Gained: 200 + 400 + 200},
		{Status: stats.Unchanged, Markets: 2},
		{Status: stats.Declined, Markets: 1, Lost: 400},
		{Status: stats.Closed, Markets: 1, Lost: 400},
	}
	if got := c.ByStatus(); !reflect.DeepEqual(got, want) {
		t.Errorf("ByStatus():\n got %+v\nwant %+v", got, want)
	}
}

func TestByStatusIncludesEmptyStatuses(t *testing.T) {
	ds := newDataset(t, []string{"m"}, observed("m", year(2020), 10), observed("m", year(2025), 20))
	got := changesOver(t, ds, 2020, 2025, stats.Tolerance{}).ByStatus()
	if len(got) != 5 || got[stats.Grew].Markets != 1 || got[stats.Grew].Gained != 10 {
		t.Fatalf("ByStatus() = %+v", got)
	}
	for i, s := range stats.Statuses {
		if got[i].Status != s || (s != stats.Grew && got[i].Markets != 0) {
			t.Errorf("group %d = %+v, want %v with no market", i, got[i], s)
		}
	}
}

func TestStatusString(t *testing.T) {
	for s, want := range map[stats.Status]string{
		stats.Opened: "opened", stats.Grew: "grew", stats.Unchanged: "unchanged",
		stats.Declined: "declined", stats.Closed: "closed", stats.Status(9): "Status(9)",
	} {
		b, _ := s.MarshalText()
		if s.String() != want || string(b) != want {
			t.Errorf("Status %d: String %q, MarshalText %q; want %q", uint8(s), s.String(), b, want)
		}
	}
	for _, s := range stats.Statuses {
		if inc, dec := s.Increased(), s.Decreased(); inc != (s == stats.Opened || s == stats.Grew) || dec != (s == stats.Declined || s == stats.Closed) {
			t.Errorf("%v: Increased %t, Decreased %t", s, inc, dec)
		}
	}
}

func TestSyntheticMarkets(t *testing.T) {
	synth := observed("b", year(2025), 5)
	synth.Provenance = market.Synthetic
	ds := newDataset(t, []string{"a", "b", "c"},
		observed("a", year(2020), 1), observed("a", year(2025), 2),
		observed("b", year(2020), 1), synth, // synthetic end
		observed("c", year(2020), 1), observed("c", year(2025), 1),
	)
	c := changesOver(t, ds, 2020, 2025, stats.Tolerance{})
	if got := c.SyntheticMarkets(); got != 1 {
		t.Errorf("SyntheticMarkets() = %d, want 1", got)
	}
	if m, _ := c.Find("b"); !m.Synthetic() {
		t.Error("b with a synthetic end is not Synthetic()")
	}
	if m, _ := c.Find("a"); m.Synthetic() {
		t.Error("a with measured ends is Synthetic()")
	}
}
