// Benchmarks of reading and analysing a large generated dataset. They
// run only with -bench; the data is generated once into a temporary
// directory. MARKETAREA_BENCH_ROWS sets its size (default 1,000,000):
//
//	go test ./internal/bench -run '^$' -bench . -benchtime 3x
//	MARKETAREA_BENCH_ROWS=10000000 go test ./internal/bench -run '^$' -bench . -benchtime 3x -timeout 30m
package bench_test

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/jangmadang/marketarea/internal/genlarge"
	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

var (
	dataOnce sync.Once
	dataDir  string
	dataRows int
	dataErr  error
	tempDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if tempDir != "" {
		os.RemoveAll(tempDir)
	}
	os.Exit(code)
}

// data returns the directory of the generated dataset, generating it on
// first use.
func data(b *testing.B) (string, int) {
	b.Helper()
	dataOnce.Do(func() {
		dataRows = 1_000_000
		if s := os.Getenv("MARKETAREA_BENCH_ROWS"); s != "" {
			if dataRows, dataErr = strconv.Atoi(s); dataErr != nil {
				return
			}
		}
		if tempDir, dataErr = os.MkdirTemp("", "marketarea-bench-"); dataErr != nil {
			return
		}
		dataDir = filepath.Join(tempDir, strconv.Itoa(dataRows))
		dataErr = genlarge.WriteDir(dataDir, genlarge.Config{Rows: dataRows, Seed: 1})
	})
	if dataErr != nil {
		b.Fatal(dataErr)
	}
	return dataDir, dataRows
}

// perRow reports the time per observation, the figure that must stay flat
// as files grow.
func perRow(b *testing.B, rows int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
}

var window = stats.Window{From: 2011, To: 2025}

func BenchmarkReadDataset(b *testing.B) {
	dir, rows := data(b)
	if fi, err := os.Stat(filepath.Join(dir, market.ObservationsFile)); err == nil {
		b.SetBytes(fi.Size())
	}
	b.ResetTimer()
	for range b.N {
		if _, err := market.ReadDataset(dir); err != nil {
			b.Fatal(err)
		}
	}
	perRow(b, rows)
}

func dataset(b *testing.B) (*market.Dataset, int) {
	dir, rows := data(b)
	ds, err := market.ReadDataset(dir)
	if err != nil {
		b.Fatal(err)
	}
	return ds, rows
}

func BenchmarkChangesOver(b *testing.B) {
	ds, rows := dataset(b)
	b.ResetTimer()
	for range b.N {
		c, err := stats.ChangesOver(ds, window, stats.Tolerance{})
		if err != nil {
			b.Fatal(err)
		}
		c.Counts()
		c.Net()
	}
	perRow(b, rows)
}

func BenchmarkGrossAdditions(b *testing.B) {
	ds, rows := dataset(b)
	b.ResetTimer()
	for range b.N {
		if _, err := stats.GrossAdditions(ds, window); err != nil {
			b.Fatal(err)
		}
	}
	perRow(b, rows)
}

// BenchmarkWhole is what internal/bench/compare.sh times: read, check and
// analyse.
func BenchmarkWhole(b *testing.B) {
	dir, rows := data(b)
	b.ResetTimer()
	for range b.N {
		ds, err := market.ReadDataset(dir)
		if err != nil {
			b.Fatal(err)
		}
		c, err := stats.ChangesOver(ds, window, stats.Tolerance{})
		if err != nil {
			b.Fatal(err)
		}
		c.ByYear()
		c.Counts()
	}
	perRow(b, rows)
}
