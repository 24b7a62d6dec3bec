package stats

import (
	"cmp"
	"fmt"
	"io"
	"slices"

	"github.com/jangmadang/marketarea/internal/csvtab"
	"github.com/jangmadang/marketarea/market"
)

// YearValue is one year's value of a national series.
type YearValue struct {
	Year int
	// Value is meaningful only when Known.
	Value float64
	// Known is false for a year with no value: missing, not zero.
	Known      bool
	Provenance market.Provenance
	Source     string
	Note       string
}

// YearSeries is a national series with one value a year, such as the
// gross new market area built each year. Values are in year order.
type YearSeries struct {
	Values []YearValue
}

// Value returns the value of year; ok is false when the year is missing.
func (s YearSeries) Value(year int) (v float64, ok bool) {
	for _, yv := range s.Values {
		if yv.Year == year {
			return yv.Value, yv.Known
		}
	}
	return 0, false
}

// Span returns the first and last year of the series.
func (s YearSeries) Span() (first, last int) {
	if len(s.Values) == 0 {
		return 0, 0
	}
	return s.Values[0].Year, s.Values[len(s.Values)-1].Year
}

// MissingYears returns the years of the series without a value.
func (s YearSeries) MissingYears() []int {
	var out []int
	for _, yv := range s.Values {
		if !yv.Known {
			out = append(out, yv.Year)
		}
	}
	return out
}

// Peak returns the largest known value; ok is false when no year is known.
// Ties go to the earlier year.
func (s YearSeries) Peak() (peak YearValue, ok bool) {
	for _, yv := range s.Values {
		if yv.Known && (!ok || yv.Value > peak.Value) {
			peak, ok = yv, true
		}
	}
	return peak, ok
}

// The columns of a year series file such as data/national-gross.csv.
var (
	seriesYear       = csvtab.Column{Name: "year", Required: true}
	seriesValue      = csvtab.Column{Name: "gross_new_m2"}
	seriesProvenance = csvtab.Column{Name: "provenance"}
	seriesSource     = csvtab.Column{Name: "source"}
	seriesNote       = csvtab.Column{Name: "note"}
)

// ReadYearSeries reads a CSV file with the columns
// year,gross_new_m2,provenance,source,note. An empty gross_new_m2 is a
// missing year; a given value needs a provenance. Every problem is
// reported, with its position, as market.Errors.
func ReadYearSeries(r io.Reader, name string) (YearSeries, error) {
	t, err := csvtab.Read(r, name, []csvtab.Column{seriesYear, seriesValue, seriesProvenance, seriesSource, seriesNote})
	if err != nil {
		return YearSeries{}, err
	}
	var s YearSeries
	firstLine := map[int]int{}
	for i := 0; i < t.Len(); i++ {
		row := t.Row(i)
		yv := YearValue{Source: row.String(seriesSource), Note: row.String(seriesNote)}
		year, ok := row.Int(seriesYear)
		if ok {
			if line, dup := firstLine[year]; dup {
				row.Fail(seriesYear.Name, fmt.Errorf("%w: %d (first on line %d)", ErrDuplicateYear, year, line))
			} else {
				firstLine[year] = row.Line()
			}
		}
		yv.Year = year
		if v, ok := row.Float(seriesValue); ok {
			if v < 0 {
				row.Fail(seriesValue.Name, fmt.Errorf("%w: %v", market.ErrNegativeArea, v))
			}
			yv.Value, yv.Known = v, true
		}
		// A value needs a provenance; a missing year may leave it empty,
		// but what it gives must still be one.
		if p := row.String(seriesProvenance); p != "" || yv.Known {
			prov, err := market.ParseProvenance(p)
			if err != nil {
				row.Fail(seriesProvenance.Name, err)
			}
			yv.Provenance = prov
		}
		s.Values = append(s.Values, yv)
	}
	if err := t.Errs(); err != nil {
		return YearSeries{}, err
	}
	slices.SortFunc(s.Values, func(a, b YearValue) int { return cmp.Compare(a.Year, b.Year) })
	return s, nil
}
