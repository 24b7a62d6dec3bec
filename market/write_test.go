package market_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jangmadang/marketarea/market"
)

// roundTripDataset has every kind of value that a file must keep: dates
// of each precision, unknown locations, open areas present and absent,
// strings that need quoting, and numbers with no short decimal form.
func roundTripDataset(t *testing.T) *market.Dataset {
	t.Helper()
	markets := []market.Market{
		{ID: "sariwon-2", Name: "Sariwon", Province: "North Hwanghae", County: "Sariwon", Town: "Sariwon",
			Location: market.At(38.50732, 125.75891), Notes: "the big one"},
		{ID: "hyesan, old", Name: `Hyesan "Station" Market`, Notes: "first line\nsecond line, with a comma\n\"quoted\""},
		{ID: "edge", Name: " leading and trailing spaces ", Location: market.At(-90, 180), Notes: "\ttab, and a trailing newline\n"},
		{ID: "tiny", Name: "Tiny", Location: market.At(1e-7, -0.1), Province: "평안남도", Notes: `\.`},
		{ID: "unseen", Name: "Never observed"},
	}
	obs := func(id string, d market.Date, stall float64, open *float64, source string, p market.Provenance) market.Observation {
		o := market.Observation{MarketID: id, Date: d, StallArea: stall, Source: source, Provenance: p}
		if open != nil {
			o.OpenArea, o.HasOpenArea = *open, true
		}
		return o
	}
	zero, tenth, big := 0.0, 0.1, 123456.789
	observations := []market.Observation{
		obs("sariwon-2", market.YearOnly(2008), 0.1, nil, "Google Earth", market.Published),
		obs("sariwon-2", market.MonthOnly(2012, time.March), 123456.789, &zero, "Google Earth", market.Measured),
		obs("sariwon-2", market.Day(2019, time.October, 4), 0, &tenth, "Planet, SkySat", market.Measured),
		obs("hyesan, old", market.Day(2016, time.February, 29), 1e-7, &big, "Maxar \"WorldView-3\"\nscene 17", market.Synthetic),
		obs("hyesan, old", market.YearOnly(2016), 2.5e10, nil, "s", market.Published),
		obs("edge", market.MonthOnly(2020, time.December), 1.0/3, nil, "s", market.Measured),
		obs("tiny", market.Day(2024, time.January, 1), 5e-324, nil, "s", market.Measured),
	}
	ds, err := market.NewDataset(markets, observations)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestWriteDatasetRoundTrip(t *testing.T) {
	want := roundTripDataset(t)
	dir := filepath.Join(t.TempDir(), "new", "dir")
	if err := market.WriteDataset(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := market.ReadDataset(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Markets(), want.Markets()) {
		t.Errorf("markets:\ngot  %+v\nwant %+v", got.Markets(), want.Markets())
	}
	if !reflect.DeepEqual(got.AllObservations(), want.AllObservations()) {
		t.Errorf("observations:\ngot  %+v\nwant %+v", got.AllObservations(), want.AllObservations())
	}
	for _, m := range want.Markets() {
		if !reflect.DeepEqual(got.Observations(m.ID), want.Observations(m.ID)) {
			t.Errorf("observations of %q differ", m.ID)
		}
	}

	// Writing what was read gives the same bytes.
	again := filepath.Join(t.TempDir(), "again")
	if err := market.WriteDataset(again, got); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{market.MarketsFile, market.ObservationsFile} {
		a, _ := os.ReadFile(filepath.Join(dir, name))
		b, _ := os.ReadFile(filepath.Join(again, name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs when written again:\n%s\n---\n%s", name, a, b)
		}
	}
}

func TestWriteMarketsHeaderAndFormat(t *testing.T) {
	var buf bytes.Buffer
	err := market.WriteMarkets(&buf, []market.Market{
		{ID: "a", Name: "A, the first", Location: market.At(38.5, 125.75)},
		{ID: "b", Name: "B"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := marketsHeader + "a,\"A, the first\",,,,38.5,125.75,\nb,B,,,,,,\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestWriteObservationsHeaderAndFormat(t *testing.T) {
	var buf bytes.Buffer
	err := market.WriteObservations(&buf, []market.Observation{
		{MarketID: "a", Date: market.MonthOnly(2024, time.May), StallArea: 1e-7, Source: "s", Provenance: market.Measured},
		{MarketID: "a", Date: market.Day(2024, time.May, 17), StallArea: 1200, OpenArea: 0, HasOpenArea: true, Source: "s", Provenance: market.Published},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := observationsHeader + "a,2024-05,0.0000001,,s,measured\na,2024-05-17,1200,0,s,published\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestWriteEmptyDatasetReadsBackEmpty(t *testing.T) {
	ds, err := market.NewDataset(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := market.WriteDataset(dir, ds); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, market.MarketsFile))
	if string(b) != marketsHeader {
		t.Errorf("markets.csv of an empty dataset is %q, want the header only", b)
	}
	got, err := market.ReadDataset(dir)
	if err != nil || got.Len() != 0 || got.NumObservations() != 0 {
		t.Errorf("got %v, %v; want an empty dataset", got, err)
	}
}

func TestWriteDatasetReportsUnwritableDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := market.WriteDataset(filepath.Join(file, "sub"), roundTripDataset(t))
	if err == nil || !strings.HasPrefix(err.Error(), "market: ") {
		t.Errorf("got %v, want an error starting with the package name", err)
	}
}
