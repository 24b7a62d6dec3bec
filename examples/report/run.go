package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jangmadang/marketarea/stats"
	"github.com/jangmadang/marketarea/stats/export"
)

// ReportFile is the report's name inside the output directory.
const ReportFile = "report.md"

// topList is how many top contributors the report lists.
const topList = 10

// run reads the inputs, computes the figures and writes the report
// directory; it returns the path of report.md. Inputs are read and checked
// whole before anything is written, so bad data leaves no report behind;
// report.md is written last, so its presence means the report is whole.
func run(o options) (string, error) {
	in, err := load(o)
	if err != nil {
		return "", err
	}
	c, err := stats.ChangesOver(in.dataset, stats.Window{From: o.from, To: o.to}, o.tol)
	if err != nil {
		return "", err
	}
	figures := stats.Figures(stats.Inputs{Changes: c, National: in.national, KnownMarkets: in.known, TopK: o.topK})
	r := &report{
		in: in, c: c, tol: o.tol,
		checks: stats.FactCheck(in.published, stats.Evidence{Figures: figures, National: in.national, Window: c.Window}),
	}

	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	path := filepath.Join(o.out, ReportFile)
	// A report.md left from an earlier run would describe other data if
	// this run failed half-way.
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("report: %w", err)
	}
	if r.charts, err = writeCharts(o.out, in, c, o.topK); err != nil {
		return "", err
	}
	if r.exports, err = export.WriteDir(o.out, c); err != nil {
		return "", err
	}
	if err := writeAtomic(path, []byte(r.markdown())); err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	return path, nil
}

// writeAtomic writes a file under a temporary name and renames it, so
// that the file is either whole or absent.
func writeAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".report-*.md")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after a successful rename there is nothing to remove
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
