package market

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/gocarina/gocsv"
)

// WriteMarkets writes markets as a markets.csv file, header first.
func WriteMarkets(w io.Writer, markets []Market) error {
	rows := make([]marketRow, len(markets))
	for i, m := range markets {
		rows[i] = marketRow{ID: m.ID, Name: m.Name, Province: m.Province, County: m.County, Town: m.Town, Notes: m.Notes}
		if m.Location.Known {
			rows[i].Lat = formatNumber(m.Location.Lat)
			rows[i].Lon = formatNumber(m.Location.Lon)
		}
	}
	return writeRows(w, rows)
}

// WriteObservations writes observations as an observations.csv file,
// header first, in the order given.
func WriteObservations(w io.Writer, observations []Observation) error {
	rows := make([]observationRow, len(observations))
	for i, o := range observations {
		rows[i] = observationRow{MarketID: o.MarketID, Date: o.Date.String(), StallArea: formatNumber(o.StallArea),
			Source: o.Source, Provenance: o.Provenance.String()}
		if o.HasOpenArea {
			rows[i].OpenArea = formatNumber(o.OpenArea)
		}
	}
	return writeRows(w, rows)
}

// WriteDataset writes d as markets.csv and observations.csv in dir,
// creating dir if needed. Reading dir back gives the same dataset.
func WriteDataset(dir string, d *Dataset) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("market: %w", err)
	}
	if err := writeFile(filepath.Join(dir, MarketsFile), func(w io.Writer) error { return WriteMarkets(w, d.markets) }); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, ObservationsFile), func(w io.Writer) error { return WriteObservations(w, d.obs) })
}

func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("market: %w", err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("market: writing %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("market: %w", err)
	}
	return nil
}

// writeRows writes through our own csv.Writer: gocsv's package-level
// writer settings are shared by every caller and are left alone.
func writeRows(w io.Writer, rows any) error {
	cw := gocsv.NewSafeCSVWriter(csv.NewWriter(w))
	if err := gocsv.MarshalCSV(rows, cw); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// formatNumber writes the shortest decimal that reads back as v.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
