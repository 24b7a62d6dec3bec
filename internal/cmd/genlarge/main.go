// Command genlarge writes a large synthetic dataset, markets.csv and
// observations.csv, for benchmarks. The same flags give the same files.
//
//	go run ./internal/cmd/genlarge -rows 10000000 -out internal/bench/data/10000000
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/jangmadang/marketarea/internal/genlarge"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "number of observations")
	markets := flag.Int("markets", 0, "number of markets (0: rows/1000)")
	out := flag.String("out", "internal/bench/data/large", "directory to write to")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	c := genlarge.Config{Rows: *rows, Markets: *markets, Seed: *seed}
	if err := genlarge.WriteDir(*out, c); err != nil {
		fmt.Fprintln(os.Stderr, "genlarge:", err)
		os.Exit(1)
	}
}
