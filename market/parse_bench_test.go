package market

import (
	"bytes"
	"encoding/csv"
	"os"
	"testing"
)

// BenchmarkParseChunk measures one worker on one chunk of a generated
// file (set MARKETAREA_BENCH_FILE), without the pipeline around it.
func BenchmarkParseChunk(b *testing.B) {
	name := os.Getenv("MARKETAREA_BENCH_FILE")
	if name == "" {
		b.Skip("MARKETAREA_BENCH_FILE not set")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	data = data[bytes.IndexByte(data, '\n')+1:]
	data = data[:bytes.LastIndexByte(data[:chunkSize], '\n')+1]
	s := &obsScan{file: "x", width: 6, col: [numObsFields]int{0, 1, 2, 3, 4, 5}, at: [numObsFields]int{0, 1, 2, 3, 4, 5}}
	w := s.newWorker()
	var out []Observation
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		r := w.parse(0, data, false, out)
		out = r.obs
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(out)), "ns/row")
}

// BenchmarkParseChunkEncodingCSV is the reference: encoding/csv splitting
// the same chunk into fields, with nothing checked.
func BenchmarkParseChunkEncodingCSV(b *testing.B) {
	name := os.Getenv("MARKETAREA_BENCH_FILE")
	if name == "" {
		b.Skip("MARKETAREA_BENCH_FILE not set")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	data = data[:bytes.LastIndexByte(data[:chunkSize], '\n')+1]
	b.SetBytes(int64(len(data)))
	rows := 0
	for range b.N {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.ReuseRecord = true
		rows = 0
		for {
			if _, err := cr.Read(); err != nil {
				break
			}
			rows++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
}
