package main

import (
	"github.com/jangmadang/marketarea/plotting"
	"github.com/jangmadang/marketarea/stats"
)

// writeCharts writes the charts of a run into dir as PNG and SVG, and
// returns the files written.
func writeCharts(dir string, in inputs, c *stats.Changes, topK int) ([]string, error) {
	return plotting.WriteAll(dir, plotting.Inputs{
		Dataset: in.dataset, Changes: c, National: in.national,
		Estimates: in.estimates, Outline: in.outline, TopK: topK,
	})
}
