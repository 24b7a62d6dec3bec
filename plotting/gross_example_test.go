package plotting_test

import (
	"log"

	"gonum.org/v1/plot/vg"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/plotting"
)

// ExampleGrossByYear draws the post's 2011-2021 chart from the shipped
// national series: only 2019-2021 have published values.
func ExampleGrossByYear() {
	s, err := data.NationalGross()
	if err != nil {
		log.Fatal(err)
	}
	p, err := plotting.GrossByYear(s)
	if err != nil {
		log.Fatal(err)
	}
	if err := plotting.Save(p, 10*vg.Inch, 6*vg.Inch, "testdata/gross_by_year.png"); err != nil {
		log.Fatal(err)
	}
}
