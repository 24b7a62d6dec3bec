package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/gocarina/gocsv"

	"github.com/jangmadang/marketarea/stats"
)

// resultRow is one row of WriteResultsCSV. The fields are strings so that
// the formatting of numbers and dates is ours, not gocsv's; their order
// is the column order.
type resultRow struct {
	MarketID           string `csv:"market_id"`
	Name               string `csv:"name"`
	Province           string `csv:"province"`
	Town               string `csv:"town"`
	Lat                string `csv:"lat"`
	Lon                string `csv:"lon"`
	BaselineDate       string `csv:"baseline_date"`
	BaselineArea       string `csv:"baseline_m2"`
	EndDate            string `csv:"end_date"`
	EndArea            string `csv:"end_m2"`
	Change             string `csv:"change_m2"`
	Status             string `csv:"status"`
	BaselineProvenance string `csv:"baseline_provenance"`
	EndProvenance      string `csv:"end_provenance"`
	Synthetic          string `csv:"synthetic"`
}

// yearRow is one row of WriteGrossByYearCSV.
type yearRow struct {
	Year       string `csv:"year"`
	Additions  string `csv:"additions_m2"`
	Reductions string `csv:"reductions_m2"`
	Net        string `csv:"net_m2"`
	Markets    string `csv:"markets"`
}

// WriteResultsCSV writes one row per market that c covers, in c's order,
// header first, with the columns
//
//	market_id,name,province,town,lat,lon,baseline_date,baseline_m2,
//	end_date,end_m2,change_m2,status,baseline_provenance,end_provenance,synthetic
//
// lat and lon are empty when the location is not known. Dates keep their
// precision (2024, 2024-05, 2024-05-17); areas are in m², written as the
// shortest decimal that reads back as the same number. synthetic is true
// when the baseline or the end is a synthetic stand-in.
func WriteResultsCSV(w io.Writer, c *stats.Changes) error {
	rows := make([]resultRow, len(c.Markets))
	for i, m := range c.Markets {
		rows[i] = resultRow{
			MarketID: m.Market.ID, Name: m.Market.Name, Province: m.Market.Province, Town: m.Market.Town,
			BaselineDate: m.Baseline.Date.String(), BaselineArea: number(m.Baseline.StallArea),
			EndDate: m.End.Date.String(), EndArea: number(m.End.StallArea),
			Change: number(m.Change), Status: m.Status.String(),
			BaselineProvenance: m.Baseline.Provenance.String(), EndProvenance: m.End.Provenance.String(),
			Synthetic: strconv.FormatBool(m.Synthetic()),
		}
		if loc := m.Market.Location; loc.Known {
			rows[i].Lat, rows[i].Lon = number(loc.Lat), number(loc.Lon)
		}
	}
	return writeRows(w, rows)
}

// WriteGrossByYearCSV writes the per-year series of stats.Changes.ByYear,
// header first, with the columns year,additions_m2,reductions_m2,net_m2,markets:
// the gross stall area added and removed in each year, their difference,
// and the number of markets summed.
func WriteGrossByYearCSV(w io.Writer, years []stats.YearChange) error {
	rows := make([]yearRow, len(years))
	for i, y := range years {
		rows[i] = yearRow{Year: strconv.Itoa(y.Year), Additions: number(y.Additions), Reductions: number(y.Reductions),
			Net: number(y.Net()), Markets: strconv.Itoa(y.Markets)}
	}
	return writeRows(w, rows)
}

// writeRows writes through our own csv.Writer: gocsv's package-level
// writer settings are shared by every caller in a program and are left
// alone. The rows are encoded into a buffer first, so that a failure
// writes nothing.
func writeRows(w io.Writer, rows any) error {
	var b bytes.Buffer
	cw := gocsv.NewSafeCSVWriter(csv.NewWriter(&b))
	if err := gocsv.MarshalCSV(rows, cw); err != nil {
		return fmt.Errorf("export: CSV: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export: CSV: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("export: CSV: %w", err)
	}
	return nil
}

// number writes the shortest decimal that reads back as v.
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
