package data_test

import (
	"fmt"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/market"
)

// The survey panel: which values are published and which are stand-ins.
func ExampleSurvey() {
	ds, err := data.Survey()
	if err != nil {
		fmt.Println(err)
		return
	}
	count := map[market.Provenance]int{}
	for _, o := range ds.AllObservations() {
		count[o.Provenance]++
	}
	fmt.Println(ds.Len(), "markets,", ds.NumObservations(), "observations")
	fmt.Println(count[market.Published], "published,", count[market.Synthetic], "synthetic")
	o, _ := ds.AsOf("haksan", 2024)
	fmt.Printf("Haksan at the end of 2024: %v m² (%v, %v imagery of %v)\n", o.StallArea, o.Provenance, o.Source, o.Date)
	// Output:
	// 223 markets, 485 observations
	// 11 published, 474 synthetic
	// Haksan at the end of 2024: 0 m² (published, Google Earth imagery of 2024)
}
