// Command gensurvey writes the shipped 2020-2025 survey panel: the named
// markets of the AccessDPRK post with what it publishes, plus synthetic
// stand-ins generated (with a fixed seed) so that the panel agrees with the
// post's counts and totals. Run it from data/ with go generate.
//
//	go run ./internal/cmd/gensurvey -named data/named -figures data/post-figures.csv -out data/survey
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/jangmadang/marketarea/internal/gensurvey"
	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

func main() {
	named := flag.String("named", "data/named", "directory of the named markets")
	figures := flag.String("figures", "data/post-figures.csv", "the post's figures (the targets)")
	out := flag.String("out", "data/survey", "directory to write the panel to")
	seed := flag.Uint64("seed", gensurvey.Seed, "random seed")
	flag.Parse()
	if err := run(*named, *figures, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(namedDir, figuresFile, out string, seed uint64) error {
	named, err := market.ReadDataset(namedDir)
	if err != nil {
		return err
	}
	f, err := os.Open(figuresFile)
	if err != nil {
		return err
	}
	defer f.Close()
	figs, err := stats.ReadPublished(f, figuresFile)
	if err != nil {
		return err
	}
	panel, err := gensurvey.FromFigures(named, figs, seed)
	if err != nil {
		return err
	}
	return market.WriteDataset(out, panel)
}
