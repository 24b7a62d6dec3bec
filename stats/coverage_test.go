package stats_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// placedDataset has seven markets; m7 has no image in 2020-2025.
//
//	id  town  province       2020  latest (end)   change
//	m1  A     South Pyongan  100   2024: 150       +50  grew
//	m2  A     South Pyongan  100   2025: 0        -100  closed
//	m3  B     Kangwon        100   2024: 100         0  unchanged
//	m4  -     -              0     2024: 70        +70  opened
//	m5  -     Kangwon        100   2025: 60        -40  declined
//	m6  C     -              100   2023: 130       +30  grew
//	m7  D     Kangwon        2019: 100 only            missing
func placedDataset(t *testing.T) *market.Dataset {
	t.Helper()
	return newDatasetOf(t,
		[]market.Market{
			{ID: "m1", Name: "1", Town: "A", Province: "South Pyongan"},
			{ID: "m2", Name: "2", Town: "A", Province: "South Pyongan"},
			{ID: "m3", Name: "3", Town: "B", Province: "Kangwon"},
			{ID: "m4", Name: "4"},
			{ID: "m5", Name: "5", Province: "Kangwon"},
			{ID: "m6", Name: "6", Town: "C"},
			{ID: "m7", Name: "7", Town: "D", Province: "Kangwon"},
		},
		observed("m1", year(2020), 100), observed("m1", year(2024), 150),
		observed("m2", year(2020), 100), observed("m2", year(2025), 0),
		observed("m3", year(2020), 100), observed("m3", year(2024), 100),
		observed("m4", year(2020), 0), observed("m4", year(2024), 70),
		observed("m5", year(2020), 100), observed("m5", year(2025), 60),
		observed("m6", year(2020), 100), observed("m6", year(2023), 130),
		observed("m7", year(2019), 100),
	)
}

func TestCoverage(t *testing.T) {
	c := changesOver(t, placedDataset(t), 2020, 2025, stats.Tolerance{})
	got := c.Coverage(10)
	// Towns: A (latest 2025 from m2, not m1's 2024), B 2024, C 2023, and m4
	// and m5 as towns of their own (2024, 2025). D's market is missing.
	want := stats.Coverage{
		Surveyed: 6, Known: 10, Share: 60, Towns: 5,
		TownsByYear: []stats.YearCount{{Year: 2023, Count: 1}, {Year: 2024, Count: 2}, {Year: 2025, Count: 2}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Coverage(10):\n got %+v\nwant %+v", got, want)
	}
	none := c.Coverage(0)
	if !math.IsNaN(none.Share) || none.Known != 0 || none.Surveyed != 6 || none.Towns != 5 {
		t.Errorf("Coverage(0) = %+v, want Share NaN", none)
	}
}

func TestByProvince(t *testing.T) {
	c := changesOver(t, placedDataset(t), 2020, 2025, stats.Tolerance{})
	want := []stats.ProvinceSummary{
		// m3 0, m5 -40 (m7 is missing)
		{Province: "Kangwon", Markets: 2, Net: -40, Counts: stats.StatusCounts{Unchanged: 1, Declined: 1}},
		// m1 +50, m2 -100
		{Province: "South Pyongan", Markets: 2, Net: -50, Counts: stats.StatusCounts{Grew: 1, Closed: 1}},
		// unknown province last: m4 +70, m6 +30
		{Province: "", Markets: 2, Net: 100, Counts: stats.StatusCounts{Opened: 1, Grew: 1}},
	}
	if got := c.ByProvince(); !reflect.DeepEqual(got, want) {
		t.Errorf("ByProvince():\n got %+v\nwant %+v", got, want)
	}
}

// Two towns of one name in different provinces are two towns.
func TestCoverageTownsOfOneNameInTwoProvinces(t *testing.T) {
	ds := newDatasetOf(t,
		[]market.Market{
			{ID: "a", Name: "a", Town: "Sinpo", Province: "South Hamgyong"},
			{ID: "b", Name: "b", Town: "Sinpo", Province: "North Hwanghae"},
			{ID: "c", Name: "c", Town: "Sinpo", Province: "North Hwanghae"},
		},
		observed("a", year(2020), 10), observed("a", year(2024), 10),
		observed("b", year(2020), 10), observed("b", year(2025), 10),
		observed("c", year(2020), 10), observed("c", year(2024), 10),
	)
	got := changesOver(t, ds, 2020, 2025, stats.Tolerance{}).Coverage(0)
	// South Hamgyong's Sinpo: 2024; North Hwanghae's Sinpo: 2025 (from b).
	want := []stats.YearCount{{Year: 2024, Count: 1}, {Year: 2025, Count: 1}}
	if got.Towns != 2 || !reflect.DeepEqual(got.TownsByYear, want) {
		t.Errorf("Towns %d, by year %v; want 2, %v", got.Towns, got.TownsByYear, want)
	}
}
