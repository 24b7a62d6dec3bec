package main

import (
	"math"
	"strconv"
	"strings"
)

// The numbers of the report are formatted as a reader expects: counts as
// integers with thousands separators (1,981), areas in m² (9,905 m²),
// percentages with one decimal (51.9 %), a missing value as a dash.

const missing = "–"

// count formats a whole number: 9,905.
func count(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + group(s[1:])
	}
	return group(s)
}

// group puts a comma between the thousands of a string of digits.
func group(digits string) string {
	var b strings.Builder
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// decimal formats v with dp decimals and thousands separators, without a
// sign for a value that rounds to zero.
func decimal(v float64, dp int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return missing
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', dp, 64)
	whole, frac, _ := strings.Cut(s, ".")
	out := group(whole)
	if frac != "" {
		out += "." + frac
	}
	if v < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}

// areaDecimals is 0 for a whole number of square metres, as imagery gives
// them, and 1 otherwise.
func areaDecimals(v float64) int {
	if v == math.Trunc(v) {
		return 0
	}
	return 1
}

// area formats an area: 9,905 m².
func area(v float64) string {
	if math.IsNaN(v) {
		return missing
	}
	return decimal(v, areaDecimals(v)) + " m²"
}

// change formats a change of area with its sign: +1,390 m², -400 m², 0 m².
func change(v float64) string {
	s := area(v)
	if v > 0 && s != "0 m²" && s != "0.0 m²" {
		return "+" + s
	}
	return s
}

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
	case "percent":
		return decimal(v, 2) + " %"
	case "index":
		return decimal(v, 3)
	case "m2":
		return area(v)
	case "m2/year":
		return decimal(v, areaDecimals(v)) + " m²/year"
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
