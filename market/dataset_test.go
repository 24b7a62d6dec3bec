package market_test

import (
	"errors"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/jangmadang/marketarea/market"
)

// annualDataset has market "a" observed in 2015 (twice), 2018, 2020 (an
// area of 0: the stalls were removed) and 2021, and market "b" never.
func annualDataset(t *testing.T) *market.Dataset {
	t.Helper()
	obs := func(d market.Date, area float64) market.Observation {
		return market.Observation{MarketID: "a", Date: d, StallArea: area, Source: "s", Provenance: market.Measured}
	}
	ds, err := market.NewDataset(
		[]market.Market{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		[]market.Observation{ // out of order on purpose
			obs(market.YearOnly(2021), 50),
			obs(market.Day(2015, time.June, 1), 100),
			obs(market.Day(2020, time.March, 2), 0),
			obs(market.YearOnly(2018), 200),
			obs(market.MonthOnly(2015, time.September), 150),
		})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestAsOf(t *testing.T) {
	ds := annualDataset(t)
	for _, c := range []struct {
		id   string
		year int
		ok   bool
		area float64
		date market.Date
	}{
		{"a", 1990, false, 0, market.Date{}},
		{"a", 2014, false, 0, market.Date{}},                           // before the first observation: missing, not zero
		{"a", 2015, true, 150, market.MonthOnly(2015, time.September)}, // the latest of two in the year
		{"a", 2016, true, 150, market.MonthOnly(2015, time.September)}, // a gap carries the last value
		{"a", 2017, true, 150, market.MonthOnly(2015, time.September)},
		{"a", 2018, true, 200, market.YearOnly(2018)},
		{"a", 2019, true, 200, market.YearOnly(2018)},
		{"a", 2020, true, 0, market.Day(2020, time.March, 2)}, // known, and zero
		{"a", 2021, true, 50, market.YearOnly(2021)},
		{"a", 2050, true, 50, market.YearOnly(2021)},
		{"b", 2020, false, 0, market.Date{}},  // never observed
		{"zz", 2020, false, 0, market.Date{}}, // no such market
	} {
		o, ok := ds.AsOf(c.id, c.year)
		if ok != c.ok || o.StallArea != c.area || o.Date != c.date {
			t.Errorf("AsOf(%q, %d) = %v dated %v, %t; want %v dated %v, %t", c.id, c.year, o.StallArea, o.Date, ok, c.area, c.date, c.ok)
		}
		if !ok && o != (market.Observation{}) {
			t.Errorf("AsOf(%q, %d) is not ok but returned %+v", c.id, c.year, o)
		}
	}
}

func TestAnnual(t *testing.T) {
	ds := annualDataset(t)
	got := ds.Annual("a", 2013, 2022)
	type year struct {
		known bool
		area  float64
	}
	want := map[int]year{
		2013: {false, 0}, 2014: {false, 0}, 2015: {true, 150}, 2016: {true, 150}, 2017: {true, 150},
		2018: {true, 200}, 2019: {true, 200}, 2020: {true, 0}, 2021: {true, 50}, 2022: {true, 50},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d years, want %d", len(got), len(want))
	}
	for i, a := range got {
		w := want[2013+i]
		if a.Year != 2013+i || a.Known != w.known || a.StallArea != w.area {
			t.Errorf("year %d: got %+v, want year %d known %t area %v", i, a, 2013+i, w.known, w.area)
		}
		if o, ok := ds.AsOf("a", a.Year); ok != a.Known || o != a.From {
			t.Errorf("year %d: From %+v, AsOf %+v", a.Year, a.From, o)
		}
	}
	if got := ds.Annual("a", 2020, 2020); len(got) != 1 || got[0].StallArea != 0 || !got[0].Known {
		t.Errorf("Annual over one year = %+v", got)
	}
	if got := ds.Annual("b", 2020, 2021); len(got) != 2 || got[0].Known || got[1].Known {
		t.Errorf("Annual of a market never observed = %+v, want two unknown years", got)
	}
	if got := ds.Annual("a", 2021, 2020); got != nil {
		t.Errorf("Annual with last < first = %+v, want nil", got)
	}
	if got := ds.Annual("zz", 2020, 2021); got != nil {
		t.Errorf("Annual of an unknown market = %+v, want nil", got)
	}
}

func TestNewDatasetIndexesAndCopies(t *testing.T) {
	markets := []market.Market{{ID: "b", Name: "B"}, {ID: "a", Name: "A", Location: market.At(39, 125)}}
	observations := []market.Observation{
		{MarketID: "a", Date: market.YearOnly(2020), StallArea: 3, Source: "s", Provenance: market.Published},
		{MarketID: "b", Date: market.YearOnly(2021), StallArea: 2, Source: "s", Provenance: market.Published},
		{MarketID: "b", Date: market.YearOnly(2019), StallArea: 1, Source: "s", Provenance: market.Published},
	}
	ds, err := market.NewDataset(markets, observations)
	if err != nil {
		t.Fatal(err)
	}
	markets[0].Name = "changed"
	observations[0].StallArea = 99
	if ds.Len() != 2 || ds.NumObservations() != 3 {
		t.Fatalf("Len %d, NumObservations %d; want 2, 3", ds.Len(), ds.NumObservations())
	}
	if got := ds.Markets(); got[0].ID != "b" || got[0].Name != "B" || got[1].ID != "a" {
		t.Errorf("Markets() = %+v: not in the order given, or not a copy", got)
	}
	if m, ok := ds.Market("a"); !ok || m.Location != market.At(39, 125) {
		t.Errorf("Market(a) = %+v, %t", m, ok)
	}
	if _, ok := ds.Market("zz"); ok {
		t.Error("Market(zz) is ok")
	}
	var areas []float64
	for _, o := range ds.AllObservations() {
		areas = append(areas, o.StallArea)
	}
	if want := []float64{1, 2, 3}; !reflect.DeepEqual(areas, want) {
		t.Errorf("AllObservations areas %v, want %v (by market order, then date; copied)", areas, want)
	}
	if got := ds.Observations("b"); len(got) != 2 || got[0].Date != market.YearOnly(2019) {
		t.Errorf("Observations(b) = %+v", got)
	}
	if got := ds.Observations("zz"); got != nil {
		t.Errorf("Observations(zz) = %+v, want nil", got)
	}
}

// TestNewDatasetReportsEveryProblem builds a dataset with one problem of
// each kind and checks that all come back, in order, each with its field
// and sentinel.
func TestNewDatasetReportsEveryProblem(t *testing.T) {
	good := func(id string, d market.Date) market.Observation {
		return market.Observation{MarketID: id, Date: d, StallArea: 1, Source: "s", Provenance: market.Measured}
	}
	negative := good("a", market.YearOnly(2021))
	negative.StallArea = -40
	nanOpen := good("a", market.YearOnly(2022))
	nanOpen.OpenArea, nanOpen.HasOpenArea = math.NaN(), true
	ignoredOpen := good("a", market.YearOnly(2023)) // not recorded, so not checked
	ignoredOpen.OpenArea = -1
	infStall := good("a", market.YearOnly(2024))
	infStall.StallArea = math.Inf(1)
	noSource := good("a", market.YearOnly(2025))
	noSource.Source = ""
	noProvenance := good("a", market.YearOnly(2026))
	noProvenance.Provenance = 0
	badProvenance := good("a", market.YearOnly(2027))
	badProvenance.Provenance = 9

	_, err := market.NewDataset(
		[]market.Market{
			{ID: "a", Name: "A"},
			{ID: "a", Name: "A again"},
			{Name: "no id"},
			{ID: "c", Name: "C", Location: market.At(91, 125)},
			{ID: "d", Name: "D", Location: market.At(39, math.NaN())},
			{ID: "e", Name: "E", Location: market.At(-90.5, 180.5)},
		},
		[]market.Observation{
			good("a", market.YearOnly(2020)),
			good("a", market.YearOnly(2020)),
			good("zz", market.YearOnly(2020)),
			good("", market.YearOnly(2020)),
			good("a", market.Date{}),
			negative, nanOpen, ignoredOpen, infStall, noSource, noProvenance, badProvenance,
		})
	want := []struct {
		field    string
		sentinel error
	}{
		{"id", market.ErrDuplicateMarket},
		{"id", market.ErrEmptyField},
		{"lat", market.ErrCoordinate},
		{"lon", market.ErrNotFinite},
		{"lat", market.ErrCoordinate},
		{"lon", market.ErrCoordinate},
		{"date", market.ErrDuplicateObservation},
		{"market_id", market.ErrUnknownMarket},
		{"market_id", market.ErrEmptyField},
		{"date", market.ErrEmptyField},
		{"stall_area_m2", market.ErrNegativeArea},
		{"open_area_m2", market.ErrNotFinite},
		{"stall_area_m2", market.ErrNotFinite},
		{"source", market.ErrEmptyField},
		{"provenance", market.ErrProvenance},
		{"provenance", market.ErrProvenance},
	}
	var errs market.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v is a %T, want market.Errors", err, err)
	}
	if len(errs) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(errs), len(want), err)
	}
	for i, w := range want {
		e := errs[i]
		if e.Field != w.field || !errors.Is(e, w.sentinel) {
			t.Errorf("problem %d is %v, want field %s wrapping %v", i, e, w.field, w.sentinel)
		}
		if e.File != "" || e.Line != 0 || e.Column != 0 {
			t.Errorf("problem %d has a position: %v", i, e)
		}
	}
	for _, s := range []error{market.ErrDuplicateMarket, market.ErrUnknownMarket, market.ErrNegativeArea, market.ErrNotFinite} {
		if !errors.Is(err, s) {
			t.Errorf("errors.Is(err, %v) is false", s)
		}
	}
}

// TestNewDatasetRefusesWhatCannotBeWritten checks that NewDataset refuses
// what ReadDataset would refuse, so that WriteDataset never writes a
// dataset that cannot be read back.
func TestNewDatasetRefusesWhatCannotBeWritten(t *testing.T) {
	obs := func(d market.Date) []market.Observation {
		return []market.Observation{{MarketID: "a", Date: d, StallArea: 1, Source: "s", Provenance: market.Measured}}
	}
	for _, c := range []struct {
		name     string
		markets  []market.Market
		obs      []market.Observation
		field    string
		sentinel error
	}{
		{"empty name", []market.Market{{ID: "a"}}, nil, "name", market.ErrEmptyField},
		{"no such day", []market.Market{{ID: "a", Name: "A"}}, obs(market.Day(2023, time.February, 29)), "date", market.ErrDate},
		{"no such month", []market.Market{{ID: "a", Name: "A"}}, obs(market.MonthOnly(2023, 13)), "date", market.ErrDate},
		{"day without a month", []market.Market{{ID: "a", Name: "A"}}, obs(market.Day(2023, 0, 5)), "date", market.ErrDate},
		{"year out of range", []market.Market{{ID: "a", Name: "A"}}, obs(market.YearOnly(50)), "date", market.ErrDate},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds, err := market.NewDataset(c.markets, c.obs)
			var errs market.Errors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("got %v, %v; want one problem", ds, err)
			}
			if errs[0].Field != c.field || !errors.Is(err, c.sentinel) {
				t.Errorf("got %v, want field %s wrapping %v", errs[0], c.field, c.sentinel)
			}
		})
	}
}

func TestObservationTotalArea(t *testing.T) {
	o := market.Observation{StallArea: 100, OpenArea: 30}
	if got := o.TotalArea(); got != 100 {
		t.Errorf("without an open area: %v, want 100", got)
	}
	o.HasOpenArea = true
	if got := o.TotalArea(); got != 130 {
		t.Errorf("with an open area: %v, want 130", got)
	}
}

func TestProvenanceText(t *testing.T) {
	for _, p := range []market.Provenance{market.Published, market.Measured, market.Synthetic} {
		text, _ := p.MarshalText()
		var q market.Provenance
		if err := q.UnmarshalText(text); err != nil || q != p {
			t.Errorf("%v: UnmarshalText(%q) = %v, %v", p, text, q, err)
		}
	}
	var q market.Provenance
	for _, s := range []string{"", "Published", "estimated", "synthetic "} {
		if err := q.UnmarshalText([]byte(s)); !errors.Is(err, market.ErrProvenance) {
			t.Errorf("UnmarshalText(%q): %v, want ErrProvenance", s, err)
		}
	}
	if s := market.Provenance(0).String(); s != "Provenance(0)" {
		t.Errorf("Provenance(0).String() = %q", s)
	}
}
