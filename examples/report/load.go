package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// inputs are the data a report is written from.
type inputs struct {
	// source says in words where the dataset comes from.
	source    string
	dataset   *market.Dataset
	national  stats.YearSeries
	published []stats.Published
	// publishedFrom names the file of the published figures.
	publishedFrom string
	// known is the number of markets known in the country, 0 when not
	// known; knownFrom says where it comes from.
	known     int
	knownFrom string
	// estimates are published counts of markets, for a chart; outline is
	// the country's GeoJSON outline, for the map.
	estimates []stats.Estimate
	outline   []byte
}

// nationalFile is the optional national series in a -data directory.
const nationalFile = "national-gross.csv"

// load reads every input. It reads all of them even after a problem, so
// that one run reports every problem in every file.
func load(o options) (inputs, error) {
	var in inputs
	var errs []error
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	var err error
	if o.dataDir == "" {
		in.source = "the shipped survey panel (`data.Survey`): the markets the AccessDPRK post names, plus synthetic stand-ins fit to its totals"
		in.dataset, err = data.Survey()
		keep(err)
		in.national, err = data.NationalGross()
		keep(err)
		if o.published == "" {
			in.published, err = data.PostFigures()
			keep(err)
			in.publishedFrom = "the AccessDPRK post (`data.PostFigures`)"
		}
		in.estimates, err = data.OtherEstimates()
		keep(err)
		if e, ok := stats.Latest(in.estimates, data.KnownMarkets); ok {
			in.known = int(e.Value)
			in.knownFrom = fmt.Sprintf("%s, %v", e.Source, e.AsOf)
		}
	} else {
		in.source = "`" + o.dataDir + "`"
		in.dataset, err = market.ReadDataset(o.dataDir)
		keep(err)
		in.national, err = readOptional(filepath.Join(o.dataDir, nationalFile), stats.ReadYearSeries)
		keep(err)
	}
	if o.published != "" {
		f, err := os.Open(o.published)
		if err == nil {
			in.published, err = stats.ReadPublished(f, o.published)
			f.Close()
		}
		keep(err)
		in.publishedFrom = "`" + o.published + "`"
	}
	if o.known >= 0 {
		in.known, in.knownFrom = o.known, "given with -known"
	}
	// The survey is of North Korea; a user's markets are drawn on its
	// outline too.
	in.outline, err = data.Outline("PRK")
	keep(err)
	if len(errs) > 0 {
		return in, errors.Join(errs...)
	}
	return in, nil
}

// readOptional reads a file that may be absent: absent gives the zero
// value.
func readOptional[T any](name string, read func(io.Reader, string) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return zero, nil
	}
	if err != nil {
		return zero, err
	}
	defer f.Close()
	return read(f, name)
}
