package export

import (
	"math"
	"strconv"
)

// area formats an area for a reader: 9,905 m², whole square metres
// unless the value has a fraction, which keeps one decimal.
func area(v float64) string { return grouped(v) + " m²" }

// signedArea is area with a sign: +1,390 m², -400 m², 0 m².
func signedArea(v float64) string {
	if v > 0 {
		return "+" + area(v)
	}
	return area(v)
}

// grouped writes v with a comma between thousands.
func grouped(v float64) string {
	dp := 0
	if v != math.Trunc(v) {
		dp = 1
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', dp, 64)
	intPart, frac := s, ""
	for i := range s {
		if s[i] == '.' {
			intPart, frac = s[:i], s[i:]
			break
		}
	}
	var out []byte
	if v < 0 && s != "0" && s != "0.0" {
		out = append(out, '-')
	}
	for i := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, intPart[i])
	}
	return string(out) + frac
}
