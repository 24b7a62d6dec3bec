// Package numfmt formats numbers as readers of reports and charts expect
// them: thousands separators (9,905), areas in m², signs on changes.
package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Missing is what a non-finite value prints as.
const Missing = "–"

// Decimal formats v with dp decimals and a comma between thousands:
// 12,520.5. A value that rounds to zero has no sign; NaN and infinities
// print as Missing.
func Decimal(v float64, dp int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Missing
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', dp, 64)
	whole, frac, _ := strings.Cut(s, ".")
	out := Group(whole)
	if frac != "" {
		out += "." + frac
	}
	if v < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}

// Signed is Decimal with a "+" on a value that does not round to zero.
func Signed(v float64, dp int) string {
	s := Decimal(v, dp)
	if v > 0 && strings.Trim(s, "0.,") != "" {
		return "+" + s
	}
	return s
}

// Group puts a comma between the thousands of a string of digits.
func Group(digits string) string {
	var b strings.Builder
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// AreaDecimals is 0 for a whole number of square metres, as imagery gives
// them, and 1 otherwise.
func AreaDecimals(v float64) int {
	if v == math.Trunc(v) {
		return 0
	}
	return 1
}

// Area formats an area: 9,905 m², 0.5 m².
func Area(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Missing
	}
	return Decimal(v, AreaDecimals(v)) + " m²"
}

// SignedArea formats a change of area: +1,390 m², -400 m², 0 m².
func SignedArea(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Missing
	}
	return Signed(v, AreaDecimals(v)) + " m²"
}
