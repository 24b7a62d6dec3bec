package market

import (
	"fmt"
	"io"
)

// readObservationsRef is the reader before issue 5, kept as the
// reference the parallel reader must agree with. It checks observations against known (when not nil) and
// returns those free of problems, the problems, and an I/O error.
func readObservationsRef(r io.Reader, name string, known map[string]int) ([]Observation, Errors, error) {
	var rows []observationRow
	t, err := readTable(r, name, observationColumns, &rows)
	if err != nil {
		return nil, nil, err
	}
	type key struct {
		id   string
		date Date
	}
	firstLine := make(map[key]int, len(rows))
	sources := make(map[string]string)
	obs := make([]Observation, 0, len(rows))
	for i, row := range rows {
		c := t.row(i)
		var o Observation
		if c.required("market_id", row.MarketID) {
			if _, ok := known[row.MarketID]; known != nil && !ok {
				c.fail("market_id", fmt.Errorf("%w: %q", ErrUnknownMarket, row.MarketID))
			}
			o.MarketID = row.MarketID
		}
		if c.required("date", row.Date) {
			d, err := ParseDate(row.Date)
			if err != nil {
				c.fail("date", err)
			} else if line, dup := firstLine[key{row.MarketID, d}]; dup {
				c.fail("date", fmt.Errorf("%w: %q on %v (first on line %d)", ErrDuplicateObservation, row.MarketID, d, line))
			} else {
				firstLine[key{row.MarketID, d}] = c.line("date")
			}
			o.Date = d
		}
		if c.required("stall_area_m2", row.StallArea) {
			o.StallArea, _ = c.area("stall_area_m2", row.StallArea)
		}
		if row.OpenArea != "" {
			o.OpenArea, o.HasOpenArea = c.area("open_area_m2", row.OpenArea)
		}
		if c.required("source", row.Source) {
			// Intern: a large file repeats a handful of sources.
			s, ok := sources[row.Source]
			if !ok {
				s = row.Source
				sources[s] = s
			}
			o.Source = s
		}
		if c.required("provenance", row.Provenance) {
			p, err := ParseProvenance(row.Provenance)
			if err != nil {
				c.fail("provenance", err)
			}
			o.Provenance = p
		}
		if c.ok() {
			obs = append(obs, o)
		}
	}
	return obs, t.sortedErrs(), nil
}
