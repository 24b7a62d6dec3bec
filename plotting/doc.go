// Package plotting draws the charts of a market survey with gonum/plot:
// the figures come from package stats and the data from package market;
// plotting only draws them. Each chart function returns a *plot.Plot, or
// a *Figure for charts of several panels, that can be restyled before Save
// writes it as PNG, SVG or PDF. Missing values are drawn as missing, never
// as zero, and output uses gonum's embedded Liberation fonts, so the same
// data give the same bytes on every machine.
//
// The one call a newcomer needs writes every chart into a directory:
//
//	files, err := plotting.WriteAll("out", plotting.Inputs{
//		Dataset: ds, Changes: changes, National: national,
//		Estimates: estimates, Outline: outline,
//	})
package plotting
