package plotting_test

import (
	"testing"
)

func TestGrossByYearGolden(t *testing.T) {
	checkPlot(ExampleGrossByYear, t, "gross_by_year.png")
}
