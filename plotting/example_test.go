package plotting_test

import (
	"fmt"
	"log"
	"os"

	"gonum.org/v1/plot/vg"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/plotting"
	"github.com/jangmadang/marketarea/stats"
)

// The examples draw the shipped data and write into testdata, where the
// golden tests compare the charts with testdata/*_golden.png.

// survey returns the shipped survey and its changes over 2020-2025.
func survey() (*market.Dataset, *stats.Changes) {
	ds, err := data.Survey()
	if err != nil {
		log.Fatal(err)
	}
	changes, err := stats.ChangesOver(ds, stats.Window{From: 2020, To: 2025}, stats.Tolerance{})
	if err != nil {
		log.Fatal(err)
	}
	return ds, changes
}

// ExampleGrossByYear draws the post's 2011-2021 chart from the shipped
// national series: only 2019-2021 have published values.
func ExampleGrossByYear() {
	national, err := data.NationalGross()
	if err != nil {
		log.Fatal(err)
	}
	p, err := plotting.GrossByYear(national)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(p, 10*vg.Inch, 6*vg.Inch, "testdata/gross_by_year.png"); err != nil {
		log.Fatal(err)
	}
}

// ExampleStatusBreakdown draws how many surveyed markets opened, grew,
// stood still, declined or closed, and the area each group gained and
// lost.
func ExampleStatusBreakdown() {
	_, changes := survey()
	f, err := plotting.StatusBreakdown(changes.ByStatus(), changes.Window)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(f, 10*vg.Inch, 5.5*vg.Inch, "testdata/status.png"); err != nil {
		log.Fatal(err)
	}
}

// ExampleContributions draws each market's part in the net growth, with
// the four largest gainers named.
func ExampleContributions() {
	_, changes := survey()
	f, err := plotting.Contributions(changes, 4)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(f, 10*vg.Inch, 7*vg.Inch, "testdata/contributions.png"); err != nil {
		log.Fatal(err)
	}
}

// ExampleMarketMap draws the surveyed markets that have a location over
// the Natural Earth outline of North Korea.
func ExampleMarketMap() {
	_, changes := survey()
	outline, err := data.Outline("PRK")
	if err != nil {
		log.Fatal(err)
	}
	p, err := plotting.MarketMap(changes, outline)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(p, 8*vg.Inch, 8.5*vg.Inch, "testdata/map.png"); err != nil {
		log.Fatal(err)
	}
}

// ExampleEstimates draws the published counts of the country's markets.
func ExampleEstimates() {
	estimates, err := data.OtherEstimates()
	if err != nil {
		log.Fatal(err)
	}
	p, err := plotting.Estimates(estimates)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(p, 10*vg.Inch, 6*vg.Inch, "testdata/estimates.png"); err != nil {
		log.Fatal(err)
	}
}

// ExampleMarketArea draws one market's observations and annual view.
func ExampleMarketArea() {
	ds, _ := survey()
	p, err := plotting.MarketArea(ds, "yomjon", 2019, 2025)
	if err != nil {
		log.Fatal(err)
	}
	// A plot can be restyled before it is saved.
	p.Title.Text = "Yomjon Market: stall area before its vendor buildings were removed"
	if err := plotting.Save(p, 8*vg.Inch, 5*vg.Inch, "testdata/market_area.png"); err != nil {
		log.Fatal(err)
	}
}

// ExampleMarketGrid draws small multiples of the four markets that grew
// most and the four that closed.
func ExampleMarketGrid() {
	ds, _ := survey()
	ids := []string{"sariwon_2", "sariwon_4", "pyongyang_hadang_2", "pyongyang_hadang_3",
		"yomjon", "nampo_waudo", "haksan", "tokryong_2"}
	f, err := plotting.MarketGrid(ds, ids, 4, 2019, 2025)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(f, 10*vg.Inch, 7*vg.Inch, "testdata/market_grid.png"); err != nil {
		log.Fatal(err)
	}
}

// ExampleWriteAll writes every chart of the survey as PNG and SVG.
func ExampleWriteAll() {
	ds, changes := survey()
	national, err := data.NationalGross()
	if err != nil {
		log.Fatal(err)
	}
	estimates, err := data.OtherEstimates()
	if err != nil {
		log.Fatal(err)
	}
	outline, err := data.Outline("PRK")
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "charts")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	files, err := plotting.WriteAll(dir, plotting.Inputs{
		Dataset: ds, Changes: changes, National: national,
		Estimates: estimates, Outline: outline,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(files), "files")
	// Output: 12 files
}
