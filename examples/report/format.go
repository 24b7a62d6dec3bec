package main

import (
	"math"
	"strconv"
	"strings"

	"github.com/jangmadang/marketarea/internal/numfmt"
)

// The numbers of the report are formatted as a reader expects: counts as
// integers with thousands separators (1,981), areas in m² (9,905 m²),
// percentages with one decimal (51.9 %), a missing value as a dash.

const missing = numfmt.Missing

// count formats a whole number: 9,905.
func count(n int) string { return numfmt.Decimal(float64(n), 0) }

// decimal formats v with dp decimals and thousands separators.
func decimal(v float64, dp int) string { return numfmt.Decimal(v, dp) }

// area formats an area: 9,905 m².
func area(v float64) string { return numfmt.Area(v) }

// change formats a change of area with its sign: +1,390 m², -400 m², 0 m².
func change(v float64) string { return numfmt.SignedArea(v) }

// percent formats a percentage with one decimal: 51.9 %. Counts of a few
// hundred markets do not support more.
func percent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return missing
	}
	return decimal(v, 1) + " %"
}

// figure formats a fact-check value by its unit: areas and counts with
// separators, years as they are, percentages with one decimal more than
// the report's text so that "within rounding" shows, indexes with three.
func figure(v float64, unit string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return missing
	}
	switch unit {
	case "year":
		return strconv.FormatFloat(v, 'f', -1, 64)
	case "years":
		return decimal(v, 0) + " years"
	case "percent":
		return decimal(v, 2) + " %"
	case "index":
		return decimal(v, 3)
	case "m2":
		return area(v)
	case "m2/year":
		return decimal(v, numfmt.AreaDecimals(v)) + " m²/year"
	}
	if v == math.Trunc(v) {
		return decimal(v, 0)
	}
	return decimal(v, 2)
}

// publishedFigure formats a published value as printed, with
// separators: 9,905 m², 68 %.
func publishedFigure(v float64, unit string) string {
	if math.IsNaN(v) {
		return missing
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	dp := 0
	if _, frac, ok := strings.Cut(s, "."); ok {
		dp = len(frac)
	}
	switch unit {
	case "year":
		return strconv.FormatFloat(v, 'f', -1, 64)
	case "percent":
		return decimal(v, dp) + " %"
	case "m2":
		return decimal(v, dp) + " m²"
	case "m2/year":
		return decimal(v, dp) + " m²/year"
	}
	return decimal(v, dp)
}

// cell escapes text for a Markdown table cell: a pipe would end the cell,
// and emphasis and link characters in a market's name would be read as
// markup.
func cell(s string) string { return cellEscaper.Replace(s) }

var cellEscaper = strings.NewReplacer(
	`\`, `\\`, `|`, `\|`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `&lt;`, `>`, `&gt;`,
	"\r\n", " ", "\n", " ",
)
