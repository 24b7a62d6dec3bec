package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jangmadang/marketarea/stats"
)

// The files WriteDir writes.
const (
	ResultsFile     = "results.csv"
	GrossByYearFile = "gross-by-year.csv"
	GeoJSONFile     = "markets.geojson"
	KMLFile         = "markets.kml"
)

// Written says what WriteDir wrote.
type Written struct {
	// Files are the paths written: dir joined with ResultsFile,
	// GrossByYearFile, GeoJSONFile and KMLFile, in that order.
	Files []string
	// Unlocated is the number of markets left out of the GeoJSON and KML
	// files because their location is not known.
	Unlocated int
}

// WriteDir writes the four exports of c into dir, creating it if needed:
// results.csv (WriteResultsCSV), gross-by-year.csv (WriteGrossByYearCSV
// of c.ByYear()), markets.geojson (WriteGeoJSON) and markets.kml
// (WriteKML). Existing files of those names are replaced.
func WriteDir(dir string, c *stats.Changes) (Written, error) {
	var out Written
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return out, fmt.Errorf("export: %w", err)
	}
	files := []struct {
		name  string
		write func(io.Writer) (int, error)
	}{
		{ResultsFile, func(w io.Writer) (int, error) { return 0, WriteResultsCSV(w, c) }},
		{GrossByYearFile, func(w io.Writer) (int, error) { return 0, WriteGrossByYearCSV(w, c.ByYear()) }},
		{GeoJSONFile, func(w io.Writer) (int, error) { return WriteGeoJSON(w, c) }},
		{KMLFile, func(w io.Writer) (int, error) { return WriteKML(w, c) }},
	}
	for _, f := range files {
		name := filepath.Join(dir, f.name)
		n, err := writeFile(name, f.write)
		if err != nil {
			return out, err
		}
		out.Files = append(out.Files, name)
		out.Unlocated = max(out.Unlocated, n)
	}
	return out, nil
}

func writeFile(name string, write func(io.Writer) (int, error)) (int, error) {
	f, err := os.Create(name)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	n, err := write(f)
	if err != nil {
		f.Close()
		return 0, err // says what failed; an I/O error names the file (*os.PathError)
	}
	if err := f.Close(); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	return n, nil
}
