// Package stats computes the figures that follow from market-area data:
// per-market change over a window of years and its status (opened, grew,
// unchanged, declined, closed), gross additions per year, average annual
// net change, concentration of growth, survey coverage, results by
// province, and a check of published figures against computed ones.
//
// Every result says what it covered: which markets and years went into it
// and which were missing. Missing is never zero.
//
// The one call a newcomer needs:
//
//	changes, err := stats.ChangesOver(ds, stats.Window{From: 2020, To: 2025}, stats.Tolerance{})
//	counts := changes.Counts() // counts.Increased(), counts.Closed, ...
//	net := changes.Net()
package stats
