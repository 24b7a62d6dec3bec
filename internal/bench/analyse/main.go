// Command analyse is this library's side of internal/bench/compare.sh: it reads a
// dataset directory with full checks, then prints the change of every
// market over 2011-2025 (status counts, net change) and the gross
// additions and reductions of each year, in the format internal/bench/peer.R
// prints, so that the two outputs can be compared line by line.
//
//	go run ./internal/bench/analyse -dir internal/bench/data/10000000
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

func main() {
	dir := flag.String("dir", "internal/bench/data/1000000", "dataset directory")
	verbose := flag.Bool("v", false, "print the time of each step on stderr")
	profile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if err := run(*dir, *verbose); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(dir string, verbose bool) error {
	start := time.Now()
	step := func(name string) {
		if verbose {
			fmt.Fprintf(os.Stderr, "%-8s %v\n", name, time.Since(start).Round(time.Millisecond))
		}
	}
	ds, err := market.ReadDataset(dir)
	if err != nil {
		return err
	}
	step("read")
	c, err := stats.ChangesOver(ds, stats.Window{From: 2011, To: 2025}, stats.Tolerance{})
	if err != nil {
		return err
	}
	step("changes")
	years := c.ByYear()
	step("by year")

	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "rows %d\n", ds.NumObservations())
	fmt.Fprintf(w, "markets %d missing %d\n", len(c.Markets), len(c.Missing))
	n := c.Counts()
	fmt.Fprintf(w, "status opened %d grew %d unchanged %d declined %d closed %d\n",
		n.Opened, n.Grew, n.Unchanged, n.Declined, n.Closed)
	fmt.Fprintf(w, "net %.2f\n", c.Net())
	for _, y := range years {
		fmt.Fprintf(w, "year %d additions %.2f reductions %.2f\n", y.Year, y.Additions, y.Reductions)
	}
	return w.Flush()
}
