package main

import (
	"path/filepath"
	"strings"

	"github.com/jangmadang/marketarea/plotting"
	"github.com/jangmadang/marketarea/stats"
)

// chart is a chart written into the report directory.
type chart struct {
	png, svg string // names inside the report directory; svg may be ""
	title    string
}

// chartTitles names the charts of plotting.WriteAll by file name; a chart
// not listed here is shown under its file name.
var chartTitles = map[string]string{
	"gross-by-year": "New market area built each year, nationwide",
	"status":        "Markets by status, with the area gained and lost",
	"contributions": "Contributions of the markets to net growth",
	"map":           "The located markets by status",
	"estimates":     "Published estimates of the number of markets",
	"markets":       "Stall area of the markets that grew most and of those that closed",
}

// writeCharts draws the charts of a run into dir (plotting.WriteAll) and
// returns them, PNG with its SVG, in the order drawn.
func writeCharts(dir string, in inputs, c *stats.Changes, topK int) ([]chart, error) {
	paths, err := plotting.WriteAll(dir, plotting.Inputs{
		Dataset: in.dataset, Changes: c, National: in.national,
		Estimates: in.estimates, Outline: in.outline, TopK: topK,
	})
	if err != nil {
		return nil, err
	}
	svgs := map[string]bool{}
	for _, p := range paths {
		if strings.EqualFold(filepath.Ext(p), ".svg") {
			svgs[filepath.Base(p)] = true
		}
	}
	var out []chart
	for _, p := range paths {
		if !strings.EqualFold(filepath.Ext(p), ".png") {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		ch := chart{png: filepath.Base(p), title: chartTitles[name]}
		if ch.title == "" {
			ch.title = name
		}
		if svgs[name+".svg"] {
			ch.svg = name + ".svg"
		}
		out = append(out, ch)
	}
	return out, nil
}
