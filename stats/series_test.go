package stats_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

const seriesHeader = "year,gross_new_m2,provenance,source,note\n"

func TestReadYearSeries(t *testing.T) {
	in := seriesHeader +
		"2021,630,published,S,identifiable\n" +
		"2019,23260,measured,S,record\n" +
		"2020,,,,chart only\n" // missing, not zero
	s, err := stats.ReadYearSeries(strings.NewReader(in), "gross.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []stats.YearValue{ // sorted by year
		{Year: 2019, Value: 23260, Known: true, Provenance: market.Measured, Source: "S", Note: "record"},
		{Year: 2020, Note: "chart only"},
		{Year: 2021, Value: 630, Known: true, Provenance: market.Published, Source: "S", Note: "identifiable"},
	}
	if !reflect.DeepEqual(s.Values, want) {
		t.Errorf("Values:\n got %+v\nwant %+v", s.Values, want)
	}
	if v, ok := s.Value(2020); ok {
		t.Errorf("Value(2020) = %v, true; want missing", v)
	}
	if v, ok := s.Value(2021); !ok || v != 630 {
		t.Errorf("Value(2021) = %v, %t; want 630", v, ok)
	}
	if _, ok := s.Value(2018); ok {
		t.Error("Value(2018), outside the series, is ok")
	}
	if first, last := s.Span(); first != 2019 || last != 2021 {
		t.Errorf("Span() = %d, %d; want 2019, 2021", first, last)
	}
	if got := s.MissingYears(); !reflect.DeepEqual(got, []int{2020}) {
		t.Errorf("MissingYears() = %v, want [2020]", got)
	}
	if p, ok := s.Peak(); !ok || p.Year != 2019 || p.Value != 23260 {
		t.Errorf("Peak() = %+v, %t; want 2019", p, ok)
	}
}

func TestYearSeriesPeak(t *testing.T) {
	s := stats.YearSeries{Values: []stats.YearValue{
		{Year: 2017, Value: 9999}, // not known: its value does not count
		{Year: 2018, Value: 50, Known: true},
		{Year: 2019, Value: 80, Known: true},
		{Year: 2020, Value: 80, Known: true}, // a tie goes to the earlier year
	}}
	if p, ok := s.Peak(); !ok || p.Year != 2019 {
		t.Errorf("Peak() = %+v, %t; want 2019", p, ok)
	}
	if _, ok := (stats.YearSeries{Values: []stats.YearValue{{Year: 2011}}}).Peak(); ok {
		t.Error("Peak() of a series with no known year is ok")
	}
	if first, last := (stats.YearSeries{}).Span(); first != 0 || last != 0 {
		t.Errorf("Span() of an empty series = %d, %d", first, last)
	}
}

func TestReadYearSeriesReportsEveryProblem(t *testing.T) {
	in := seriesHeader +
		"2019,23260,published,S,n\n" +
		"2019,1,published,S,n\n" + // line 3: the year again
		"20x0,5,measured,S,n\n" + // line 4: not a year
		"2021,-5,published,S,n\n" + // line 5: negative at column 6
		"2022,5,,S,n\n" + // line 6: a value needs a provenance (column 8)
		"2023,abc,published,S,n\n" + // line 7: not a number at column 6
		",5,published,S,n\n" + // line 8: no year
		"2024,5,guessed,S,n\n" // line 9: provenance at column 8
	s, err := stats.ReadYearSeries(strings.NewReader(in), "gross.csv")
	if s.Values != nil {
		t.Errorf("got values %+v with an error", s.Values)
	}
	checkProblems(t, err, "gross.csv", []problem{
		{3, 1, "year", stats.ErrDuplicateYear},
		{4, 1, "year", market.ErrNumber},
		{5, 6, "gross_new_m2", market.ErrNegativeArea},
		{6, 8, "provenance", market.ErrProvenance},
		{7, 6, "gross_new_m2", market.ErrNumber},
		{8, 1, "year", market.ErrEmptyField},
		{9, 8, "provenance", market.ErrProvenance},
	})
	// No year column, an unknown one, and a value with no provenance
	// column: the row's problem is placed at its first column.
	_, err = stats.ReadYearSeries(strings.NewReader("gross_new_m2,when\n5,2020\n"), "gross.csv")
	checkProblems(t, err, "gross.csv", []problem{
		{1, 1, "year", market.ErrMissingColumn},
		{1, 14, "when", market.ErrUnknownColumn},
		{2, 1, "provenance", market.ErrProvenance},
	})
}
