package main

import "github.com/jangmadang/marketarea/stats"

// writeCharts writes the charts of a run into dir.
func writeCharts(dir string, in inputs, c *stats.Changes) ([]string, error) {
	return nil, nil
}
