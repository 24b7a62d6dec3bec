// Package market models marketplaces seen from satellite imagery: each
// market, the covered vendor-stall area measured on each image, and a
// dataset that indexes both and answers what a market's area was at the end
// of any year.
//
// A dataset lives in a directory with two CSV files, each with a header row:
//
//	markets.csv       id,name,province,county,town,lat,lon,notes
//	observations.csv  market_id,date,stall_area_m2,open_area_m2,source,provenance
//
// lat and lon are decimal degrees and are both empty when a market's location
// is unknown. date is 2024, 2024-05 or 2024-05-17: an imagery date known only
// to the year or month keeps that precision. stall_area_m2 is the covered
// vendor-stall area in square metres (0 means no stalls stand there);
// open_area_m2, the open-air trading area, may be empty. provenance is
// published, measured or synthetic.
//
// The one call a newcomer needs:
//
//	ds, err := market.ReadDataset("path/to/dir")
//	if err != nil {
//		// err lists every problem in both files, each with file, line,
//		// column and field; match them with errors.Is and errors.As.
//	}
//	last, ok := ds.AsOf("sariwon_2", 2024) // last.StallArea, in m²
package market
