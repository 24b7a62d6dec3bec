package main

import "github.com/jangmadang/marketarea/stats"

// chart is a chart written into the report directory.
type chart struct {
	file  string // name inside the report directory
	title string
}

// writeCharts writes the charts into dir.
func writeCharts(dir string, in inputs, c *stats.Changes) ([]chart, error) {
	return nil, nil
}
