package data

import (
	"embed"
	"fmt"
	"io"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

//go:generate go run ../internal/cmd/gensurvey -named named -figures post-figures.csv -out survey

// FS holds every shipped file: named/ and survey/ (dataset directories
// with markets.csv and observations.csv), national-gross.csv,
// post-figures.csv, other-estimates.csv and outline/.
//
//go:embed named survey outline *.csv
var FS embed.FS

// The shipped dataset directories in FS.
const (
	NamedDir  = "named"
	SurveyDir = "survey"
)

// Named returns the markets the post names, with what it states of them.
func Named() (*market.Dataset, error) { return market.ReadDatasetFS(FS, NamedDir) }

// Survey returns the 2020-2025 survey panel: the named markets plus
// synthetic stand-ins that make the panel agree with the post's totals.
func Survey() (*market.Dataset, error) { return market.ReadDatasetFS(FS, SurveyDir) }

// NationalGross returns the gross new market area built each year
// 2011-2021 nationwide, with the years the post does not print missing.
func NationalGross() (stats.YearSeries, error) {
	return readFile("national-gross.csv", stats.ReadYearSeries)
}

// PostFigures returns every figure and claim of the post, with the rule
// by which a computed value is compared with it.
func PostFigures() ([]stats.Published, error) {
	return readFile("post-figures.csv", stats.ReadPublished)
}

// OtherEstimates returns other published estimates of the number of the
// country's markets, with their sources.
func OtherEstimates() ([]stats.Estimate, error) {
	return readFile("other-estimates.csv", stats.ReadEstimates)
}

// KnownMarkets is the metric of OtherEstimates that counts the markets
// known to AccessDPRK (477), the denominator of the survey's coverage.
const KnownMarkets = "known_markets"

// Outline returns the GeoJSON outline of a country by its ISO code: "PRK"
// (North Korea) or "KOR" (South Korea). Credit Natural Earth.
func Outline(iso string) ([]byte, error) {
	b, err := FS.ReadFile("outline/" + iso + ".geo.json")
	if err != nil {
		return nil, fmt.Errorf("data: no outline %q: %w", iso, err)
	}
	return b, nil
}

func readFile[T any](name string, read func(io.Reader, string) (T, error)) (T, error) {
	var zero T
	f, err := FS.Open(name)
	if err != nil {
		return zero, fmt.Errorf("data: %w", err)
	}
	defer f.Close()
	return read(f, name)
}
