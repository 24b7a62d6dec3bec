package plotting_test

import (
	"testing"

	"gonum.org/v1/plot/cmpimg"
)

// Each chart is compared pixel by pixel with testdata/NAME_golden.png;
// go test ./plotting/ -regen rewrites the goldens.
func TestChartsMatchGoldens(t *testing.T) {
	for _, tc := range []struct {
		name    string
		example func()
	}{
		{"gross_by_year.png", ExampleGrossByYear},
		{"status.png", ExampleStatusBreakdown},
		{"contributions.png", ExampleContributions},
		{"map.png", ExampleMarketMap},
		{"estimates.png", ExampleEstimates},
		{"market_area.png", ExampleMarketArea},
		{"market_grid.png", ExampleMarketGrid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmpimg.CheckPlot(tc.example, t, tc.name)
		})
	}
}
