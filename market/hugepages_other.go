//go:build !linux

package market

// adviseHugePages does nothing: huge pages are asked for on Linux only.
func adviseHugePages([]Observation) {}
