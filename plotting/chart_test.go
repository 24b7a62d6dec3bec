package plotting_test

import (
	"bytes"
	"errors"
	"gonum.org/v1/plot/cmpimg"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gonum.org/v1/plot/vg"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/plotting"
	"github.com/jangmadang/marketarea/stats"
)

// drawn saves d as a small PNG, which draws every part of it.
func drawn(t *testing.T, d plotting.Drawer) {
	t.Helper()
	if err := plotting.Save(d, 4*vg.Inch, 3*vg.Inch, filepath.Join(t.TempDir(), "chart.png")); err != nil {
		t.Fatal(err)
	}
}

// saveBoth writes d as PNG and SVG into a temporary directory and returns
// the bytes of each.
func saveBoth(t *testing.T, d plotting.Drawer) (png, svg []byte) {
	t.Helper()
	dir := t.TempDir()
	out := make([][]byte, 2)
	for i, ext := range []string{".png", ".svg"} {
		path := filepath.Join(dir, "chart"+ext)
		if err := plotting.Save(d, 6*vg.Inch, 4*vg.Inch, path); err != nil {
			t.Fatalf("Save %s: %v", ext, err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = b
	}
	return out[0], out[1]
}

func TestGrossByYearDrawsMissingAndNonFiniteYearsAsMissing(t *testing.T) {
	for _, tc := range []struct {
		name   string
		series stats.YearSeries
	}{
		{"gaps", stats.YearSeries{Values: []stats.YearValue{
			{Year: 2011}, {Year: 2012, Value: 300, Known: true}, {Year: 2013},
			{Year: 2014}, {Year: 2015, Value: 900, Known: true},
		}}},
		{"not finite", stats.YearSeries{Values: []stats.YearValue{
			{Year: 2019, Value: math.NaN(), Known: true},
			{Year: 2020, Value: math.Inf(1), Known: true},
			{Year: 2021, Value: 630, Known: true},
		}}},
		{"all missing", stats.YearSeries{Values: []stats.YearValue{{Year: 2011}, {Year: 2012}}}},
		{"one year", stats.YearSeries{Values: []stats.YearValue{{Year: 2019, Value: 23260, Known: true}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := plotting.GrossByYear(tc.series)
			if err != nil {
				t.Fatal(err)
			}
			drawn(t, p)
		})
	}
}

func TestGrossByYearRefusesAnEmptySeries(t *testing.T) {
	_, err := plotting.GrossByYear(stats.YearSeries{})
	if !errors.Is(err, plotting.ErrNoData) {
		t.Errorf("err = %v, want ErrNoData", err)
	}
}

func TestStatusBreakdownDrawsNonFiniteAreasAsMissing(t *testing.T) {
	groups := []stats.StatusGroup{
		{Status: stats.Grew, Markets: 3, Gained: math.NaN()},
		{Status: stats.Unchanged, Markets: 10},
		{Status: stats.Closed, Markets: 1, Lost: math.Inf(1)},
	}
	f, err := plotting.StatusBreakdown(groups, stats.Window{From: 2020, To: 2025})
	if err != nil {
		t.Fatal(err)
	}
	drawn(t, f)
	if _, err := plotting.StatusBreakdown(nil, stats.Window{}); !errors.Is(err, plotting.ErrNoData) {
		t.Errorf("no groups: err = %v, want ErrNoData", err)
	}
}

// changes builds Changes by hand, with values ChangesOver never gives.
func changes(ms ...stats.MarketChange) *stats.Changes {
	return &stats.Changes{Window: stats.Window{From: 2020, To: 2025}, Markets: ms}
}

func change(id string, delta float64, st stats.Status, loc market.Location) stats.MarketChange {
	return stats.MarketChange{
		Market:   market.Market{ID: id, Name: "Market " + id, Location: loc},
		Baseline: market.Observation{MarketID: id, StallArea: 100, Provenance: market.Published},
		End:      market.Observation{MarketID: id, StallArea: 100 + delta, Provenance: market.Published},
		Change:   delta, Status: st,
	}
}

func TestContributionsLeavesOutNonFiniteAndZeroChanges(t *testing.T) {
	c := changes(
		change("a", 500, stats.Grew, market.Location{}),
		change("b", math.NaN(), stats.Grew, market.Location{}),
		change("c", 0, stats.Unchanged, market.Location{}),
		change("d", -100, stats.Closed, market.Location{}),
	)
	f, err := plotting.Contributions(c, 4)
	if err != nil {
		t.Fatal(err)
	}
	drawn(t, f)
}

func TestContributionsWithoutPositiveNetDrawsNoShare(t *testing.T) {
	c := changes(change("a", 100, stats.Grew, market.Location{}), change("b", -300, stats.Declined, market.Location{}))
	f, err := plotting.Contributions(c, 4)
	if err != nil {
		t.Fatal(err)
	}
	drawn(t, f)
	if _, err := plotting.Contributions(changes(change("c", 0, stats.Unchanged, market.Location{})), 4); !errors.Is(err, plotting.ErrNoData) {
		t.Errorf("no change: err = %v, want ErrNoData", err)
	}
}

const square = `{"type":"Polygon","coordinates":[[[125,38],[127,38],[127,40],[125,40],[125,38]]]}`

func TestMarketMapDrawsOnlyFiniteLocations(t *testing.T) {
	c := changes(
		change("a", 500, stats.Grew, market.At(39, 125.7)),
		change("b", 400, stats.Grew, market.At(39, 125.7)), // same spot
		change("c", -100, stats.Closed, market.Location{Lat: math.NaN(), Lon: 126, Known: true}),
		change("d", 0, stats.Unchanged, market.Location{}),
	)
	p, err := plotting.MarketMap(c, []byte(square))
	if err != nil {
		t.Fatal(err)
	}
	drawn(t, p)
	if p, err = plotting.MarketMap(c, nil); err != nil {
		t.Fatalf("no outline: %v", err)
	}
	drawn(t, p)
	if _, err := plotting.MarketMap(c, []byte(`{"type":"Polygon","coordinates":[[[500,0],[1,1],[2,2]]]}`)); !errors.Is(err, plotting.ErrOutline) {
		t.Errorf("bad outline: err = %v, want ErrOutline", err)
	}
	empty := changes(change("d", 0, stats.Unchanged, market.Location{}))
	if _, err := plotting.MarketMap(empty, nil); !errors.Is(err, plotting.ErrNoData) {
		t.Errorf("nothing to draw: err = %v, want ErrNoData", err)
	}
}

func TestEstimatesLeavesOutNonFiniteValuesAndOtherMetrics(t *testing.T) {
	est := []stats.Estimate{
		{AsOf: market.YearOnly(2010), Metric: "official_markets", Value: 200, Source: "A (approximate)"},
		{AsOf: market.MonthOnly(2015, time.October), Metric: "official_markets", Value: math.NaN(), Source: "A"},
		{AsOf: market.Day(2017, time.March, 16), Metric: "official_markets", Value: math.Inf(1), Source: "B"},
		{AsOf: market.MonthOnly(2021, time.December), Metric: "known_markets", Value: 477, Source: "C (at least 477)"},
		{AsOf: market.MonthOnly(2022, time.November), Metric: "stalls", Value: 1130000, Source: "D"},
	}
	p, err := plotting.Estimates(est)
	if err != nil {
		t.Fatal(err)
	}
	drawn(t, p)
	if _, err := plotting.Estimates(est[4:]); !errors.Is(err, plotting.ErrNoData) {
		t.Errorf("only other metrics: err = %v, want ErrNoData", err)
	}
}

func TestMarketAreaRefusesUnknownMarketsAndBackwardYears(t *testing.T) {
	ds, _ := survey()
	if _, err := plotting.MarketArea(ds, "nowhere", 2019, 2025); !errors.Is(err, plotting.ErrNoMarket) {
		t.Errorf("unknown market: err = %v, want ErrNoMarket", err)
	}
	if _, err := plotting.MarketArea(ds, "haksan", 2025, 2019); !errors.Is(err, plotting.ErrYears) {
		t.Errorf("backward years: err = %v, want ErrYears", err)
	}
	if _, err := plotting.MarketGrid(ds, []string{"haksan", "nowhere"}, 2, 2019, 2025); !errors.Is(err, plotting.ErrNoMarket) {
		t.Errorf("grid with unknown market: err = %v, want ErrNoMarket", err)
	}
	// Years with no observation draw an empty panel, not an error.
	p, err := plotting.MarketArea(ds, "haksan", 2000, 2005)
	if err != nil {
		t.Fatal(err)
	}
	drawn(t, p)
}

func TestSaveWritesTheSameBytesTwice(t *testing.T) {
	_, c := survey()
	p, err := plotting.MarketMap(c, []byte(square))
	if err != nil {
		t.Fatal(err)
	}
	png1, svg1 := saveBoth(t, p)
	png2, svg2 := saveBoth(t, p)
	if !bytes.Equal(png1, png2) {
		t.Error("PNG differs between two saves")
	}
	if !bytes.Equal(svg1, svg2) {
		t.Error("SVG differs between two saves")
	}
	if !bytes.Contains(svg1, []byte("@font-face")) {
		t.Error("SVG does not embed its fonts")
	}
}

func TestSaveRefusesUnknownFormatsAndWritesNothing(t *testing.T) {
	p, err := plotting.GrossByYear(stats.YearSeries{Values: []stats.YearValue{{Year: 2020, Value: 1, Known: true}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"chart.gif", "chart", "chart.png.txt"} {
		path := filepath.Join(dir, name)
		if err := plotting.Save(p, vg.Inch, vg.Inch, path); !errors.Is(err, plotting.ErrFormat) {
			t.Errorf("%s: err = %v, want ErrFormat", name, err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: a file was written", name)
		}
	}
	if err := plotting.Save(p, 0, vg.Inch, filepath.Join(dir, "flat.png")); err == nil {
		t.Error("zero width: no error")
	}
	for _, name := range []string{"chart.PNG", "chart.pdf"} {
		if err := plotting.Save(p, 3*vg.Inch, 2*vg.Inch, filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestGoldenComparisonDetectsAChangedValue(t *testing.T) {
	// A chart that differs from its golden by one value must fail the
	// comparison the golden tests rely on.
	s := stats.YearSeries{Values: []stats.YearValue{{Year: 2019, Value: 23260, Known: true}, {Year: 2020, Value: 7450, Known: true}}}
	draw := func(v float64) []byte {
		s.Values[1].Value = v
		p, err := plotting.GrossByYear(s)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "chart.png")
		if err := plotting.Save(p, 4*vg.Inch, 3*vg.Inch, path); err != nil {
			t.Fatal(err)
		}
		png, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return png
	}
	a, b := draw(7450), draw(7460)
	same, err := cmpimg.Equal("png", a, b)
	if err != nil {
		t.Fatal(err)
	}
	if same {
		t.Error("charts of 7,450 and 7,460 m² compare equal")
	}
	if same, _ := cmpimg.Equal("png", a, draw(7450)); !same {
		t.Error("the same chart compares unequal")
	}
}

func TestWriteAllSkipsChartsWithoutInput(t *testing.T) {
	dir := t.TempDir()
	files, err := plotting.WriteAll(dir, plotting.Inputs{})
	if err != nil || len(files) != 0 {
		t.Errorf("no inputs: files %v, err %v; want none, nil", files, err)
	}
	national := stats.YearSeries{Values: []stats.YearValue{{Year: 2020, Value: 1, Known: true}}}
	files, err = plotting.WriteAll(dir, plotting.Inputs{National: national})
	want := []string{filepath.Join(dir, "gross-by-year.png"), filepath.Join(dir, "gross-by-year.svg")}
	if err != nil || len(files) != 2 || files[0] != want[0] || files[1] != want[1] {
		t.Errorf("national only: files %v, err %v; want %v", files, err, want)
	}
}
