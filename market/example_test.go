package market_test

import (
	"errors"
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/jangmadang/marketarea/market"
)

// exampleFS is a small dataset directory, as an embed.FS would hold it.
var exampleFS = fstest.MapFS{
	"data/markets.csv": {Data: []byte(`id,name,province,county,town,lat,lon,notes
sariwon-2,Sariwon,North Hwanghae,,Sariwon,38.507,125.759,
hyesan-1,Hyesan,Ryanggang,,Hyesan,,,"location withheld"
`)},
	"data/observations.csv": {Data: []byte(`market_id,date,stall_area_m2,open_area_m2,source,provenance
sariwon-2,2010,4200,,Google Earth,measured
sariwon-2,2014-06,6100,800,Google Earth,measured
sariwon-2,2019-10-04,6350,,Planet,measured
hyesan-1,2016,0,,Google Earth,measured
hyesan-1,2018-05-17,2900,,Google Earth,published
`)},
}

func ExampleReadDatasetFS() {
	ds, err := market.ReadDatasetFS(exampleFS, "data")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range ds.Markets() {
		where := "location unknown"
		if m.Location.Known {
			where = fmt.Sprintf("%.3f°N %.3f°E", m.Location.Lat, m.Location.Lon)
		}
		fmt.Printf("%s (%s, %s):\n", m.Name, m.Province, where)
		for _, o := range ds.Observations(m.ID) {
			fmt.Printf("  %-10v %6.0f m² stalls (%v, %v)\n", o.Date, o.StallArea, o.Source, o.Provenance)
		}
	}
	// Output:
	// Sariwon (North Hwanghae, 38.507°N 125.759°E):
	//   2010         4200 m² stalls (Google Earth, measured)
	//   2014-06      6100 m² stalls (Google Earth, measured)
	//   2019-10-04   6350 m² stalls (Planet, measured)
	// Hyesan (Ryanggang, location unknown):
	//   2016            0 m² stalls (Google Earth, measured)
	//   2018-05-17   2900 m² stalls (Google Earth, published)
}

func ExampleDataset_AsOf() {
	ds, err := market.ReadDatasetFS(exampleFS, "data")
	if err != nil {
		fmt.Println(err)
		return
	}
	// The area at the end of each year is that of the latest image taken
	// on or before it; before the first image it is missing, not zero.
	for year := 2015; year <= 2019; year++ {
		o, ok := ds.AsOf("hyesan-1", year)
		if !ok {
			fmt.Printf("%d: missing\n", year)
			continue
		}
		fmt.Printf("%d: %v m² (image of %v)\n", year, o.StallArea, o.Date)
	}
	// Output:
	// 2015: missing
	// 2016: 0 m² (image of 2016)
	// 2017: 0 m² (image of 2016)
	// 2018: 2900 m² (image of 2018-05-17)
	// 2019: 2900 m² (image of 2018-05-17)
}

func ExampleDataset_Annual() {
	ds, err := market.ReadDatasetFS(exampleFS, "data")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range ds.Annual("sariwon-2", 2009, 2015) {
		if !a.Known {
			fmt.Printf("%d: missing\n", a.Year)
			continue
		}
		fmt.Printf("%d: %v m²\n", a.Year, a.StallArea)
	}
	// Output:
	// 2009: missing
	// 2010: 4200 m²
	// 2011: 4200 m²
	// 2012: 4200 m²
	// 2013: 4200 m²
	// 2014: 6100 m²
	// 2015: 6100 m²
}

// A broken file is reported whole: every problem, with its line, column
// and field, and a sentinel to match with errors.Is.
func ExampleReadMarkets() {
	in := `id,name,province,county,town,lat,lon,notes
sariwon-2,Sariwon,North Hwanghae,,Sariwon,38.507,125.759,
hyesan-1,,Ryanggang,,Hyesan,41.4,128.18,
sariwon-2,Sariwon,North Hwanghae,,Sariwon,138.5,125.759,"two
lines"
chongjin-3,Sunam,North Hamgyong,,Chongjin,41.77,,
`
	_, err := market.ReadMarkets(strings.NewReader(in), "markets.csv")
	fmt.Println(err)
	fmt.Println("duplicate IDs:", errors.Is(err, market.ErrDuplicateMarket))

	var errs market.Errors
	if errors.As(err, &errs) {
		fmt.Printf("first problem: line %d, column %d, field %q\n", errs[0].Line, errs[0].Column, errs[0].Field)
	}
	// Output:
	// market: markets.csv:3:10: name: empty required field
	// market: markets.csv:4:1: id: duplicate market id: "sariwon-2" (first on line 2)
	// market: markets.csv:4:43: lat: coordinate out of range: latitude 138.5 is outside [-90, 90]
	// market: markets.csv:6:49: lon: latitude and longitude must both be given or both be empty
	// duplicate IDs: true
	// first problem: line 3, column 10, field "name"
}

func ExampleParseDate() {
	for _, s := range []string{"2024", "2024-05", "2024-05-17", "2023-02-29"} {
		d, err := market.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%v: known to the %v\n", d, d.Precision())
	}
	// Output:
	// 2024: known to the year
	// 2024-05: known to the month
	// 2024-05-17: known to the day
	// not a date: "2023-02-29" has no such day
}
