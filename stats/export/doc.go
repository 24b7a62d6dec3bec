// Package export carries the results of package stats into the tools
// analysts already use: CSV for spreadsheets, GeoJSON (RFC 7946) for QGIS
// and web maps, KML for Google Earth.
//
// Each writer takes a *stats.Changes and an io.Writer and writes in a
// stable order, so that the same data gives the same bytes. The map files
// hold only markets with a known location; their writers return how many
// markets they left out, so that a report can say so.
//
// The one call a newcomer needs writes all four files into a directory:
//
//	changes, err := stats.ChangesOver(ds, stats.Window{From: 2020, To: 2025}, stats.Tolerance{})
//	...
//	w, err := export.WriteDir("report", changes)
//	// w.Files: results.csv, gross-by-year.csv, markets.geojson, markets.kml
//	// w.Unlocated: markets left out of the two map files
package export
