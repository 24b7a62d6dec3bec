package stats_test

import (
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// exampleFS is a survey of five markets, as an embed.FS would hold it.
var exampleFS = fstest.MapFS{
	"survey/markets.csv": {Data: []byte(`id,name,province,county,town,lat,lon,notes
a,Market A,North Hwanghae,,Sariwon,,,
b,Market B,North Hwanghae,,Sariwon,,,
c,Market C,Pyongyang,,Pyongyang,,,
d,Market D,Pyongyang,,Pyongyang,,,
e,Market E,Kangwon,,Wonsan,,,
`)},
	"survey/observations.csv": {Data: []byte(`market_id,date,stall_area_m2,open_area_m2,source,provenance
a,2019,0,,Google Earth,measured
a,2021-06,800,,Google Earth,measured
b,2020,1000,,Google Earth,measured
b,2025,1200,,Planet,measured
c,2020,150,,Google Earth,measured
c,2023-03-15,0,,Planet,measured
d,2018,300,,Google Earth,measured
d,2024,300,,Google Earth,measured
e,2020,100,,Google Earth,measured
e,2022,400,,Google Earth,measured
e,2025,350,,Planet,measured
`)},
}

// exampleChanges returns the changes of exampleFS's survey over 2020-2025.
func exampleChanges() (*stats.Changes, error) {
	ds, err := market.ReadDatasetFS(exampleFS, "survey")
	if err != nil {
		return nil, err
	}
	return stats.ChangesOver(ds, stats.Window{From: 2020, To: 2025}, stats.Tolerance{})
}

func ExampleChangesOver() {
	ds, err := market.ReadDatasetFS(exampleFS, "survey")
	if err != nil {
		fmt.Println(err)
		return
	}
	w := stats.Window{From: 2020, To: 2025}
	changes, err := stats.ChangesOver(ds, w, stats.Tolerance{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Each market runs from its latest image before 2020 (or its earliest
	// of 2020) to its latest image of 2020-2025.
	for _, m := range changes.Markets {
		fmt.Printf("%s  %v -> %-10v  %-9v  %+5.0f m²\n", m.Market.ID, m.Baseline.Date, m.End.Date, m.Status, m.Change)
	}
	counts := changes.Counts()
	fmt.Printf("opened %d, grew %d, unchanged %d, declined %d, closed %d\n",
		counts.Opened, counts.Grew, counts.Unchanged, counts.Declined, counts.Closed)
	fmt.Printf("increased %d, decreased %d\n", counts.Increased(), counts.Decreased())
	rate := stats.AverageAnnual(changes.Net(), w)
	fmt.Printf("net %+.0f m² over %v, %.0f m² a year\n", changes.Net(), w, rate.PerYear)
	// Output:
	// a  2019 -> 2021-06     opened      +800 m²
	// b  2020 -> 2025        grew        +200 m²
	// c  2020 -> 2023-03-15  closed      -150 m²
	// d  2018 -> 2024        unchanged     +0 m²
	// e  2020 -> 2025        grew        +250 m²
	// opened 1, grew 2, unchanged 1, declined 0, closed 1
	// increased 3, decreased 1
	// net +1100 m² over 2020-2025, 220 m² a year
}

func ExampleChanges_ByYear() {
	changes, err := exampleChanges()
	if err != nil {
		fmt.Println(err)
		return
	}
	// A change counts in the year of the first image that shows it: e's
	// 2022 image adds 300 m² to 2022, b's 2025 image 200 m² to 2025.
	var total float64
	for _, y := range changes.ByYear() {
		fmt.Printf("%d  added %3.0f  removed %3.0f  net %+4.0f\n", y.Year, y.Additions, y.Reductions, y.Net())
		total += y.Net()
	}
	fmt.Printf("total net %+.0f m², as Net: %+.0f m²\n", total, changes.Net())
	// Output:
	// 2020  added   0  removed   0  net   +0
	// 2021  added 800  removed   0  net +800
	// 2022  added 300  removed   0  net +300
	// 2023  added   0  removed 150  net -150
	// 2024  added   0  removed   0  net   +0
	// 2025  added 200  removed  50  net +150
	// total net +1100 m², as Net: +1100 m²
}

func ExampleChanges_Concentrate() {
	changes, err := exampleChanges()
	if err != nil {
		fmt.Println(err)
		return
	}
	c := changes.Concentrate(2)
	fmt.Printf("top %d of %d gainers:\n", len(c.Top), c.Gainers)
	for _, m := range c.Top {
		fmt.Printf("  %s  %+.0f m²\n", m.Market.ID, m.Change)
	}
	fmt.Printf("%.0f m² is %.1f%% of the net growth of %.0f m²\n", c.TopSum, c.Share, c.Net)
	fmt.Printf("Gini %.2f, Herfindahl %.3f\n", c.Gini, c.Herfindahl)
	// Output:
	// top 2 of 3 gainers:
	//   a  +800 m²
	//   e  +250 m²
	// 1050 m² is 95.5% of the net growth of 1100 m²
	// Gini 0.32, Herfindahl 0.475
}

func ExampleFactCheck() {
	changes, err := exampleChanges()
	if err != nil {
		fmt.Println(err)
		return
	}
	national, err := stats.ReadYearSeries(strings.NewReader(`year,gross_new_m2,provenance,source,note
2018,900,published,a report,
2019,2300,published,a report,a record
2020,700,published,a report,
`), "national.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	published, err := stats.ReadPublished(strings.NewReader(`id,value,unit,kind,rule,what the post states,where in the post
net_growth_2020_2025,1100,m2,reported,exact,net change,
markets_increased,4,markets,reported,exact,markets that opened or grew,
coverage_share,45,percent,derived,rounded,share of the known markets surveyed,
top2_share,90,percent,derived,lower-bound,over 90% of net growth,
record_2019,,claim,claim,claim,2019 was a record year,
markets_built_before_1990,3,markets,reported,exact,markets older than 1990,
`), "post.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	figures := stats.Figures(stats.Inputs{Changes: changes, National: national, KnownMarkets: 11, TopK: 2})
	checks := stats.FactCheck(published, stats.Evidence{Figures: figures, National: national, Window: changes.Window})
	for _, c := range checks {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-25s %-15s %s", c.ID, c.Verdict, c.Note)))
	}
	// Output:
	// net_growth_2020_2025      match
	// markets_increased         mismatch        off by -1
	// coverage_share            within-rounding 45.455 rounds to 45
	// top2_share                match           95.455 exceeds the bound 90
	// record_2019               match           highest of every year in the series
	// markets_built_before_1990 unverifiable    the data gives no figure markets_built_before_1990
}
