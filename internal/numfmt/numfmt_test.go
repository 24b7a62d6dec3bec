package numfmt

import (
	"math"
	"testing"
)

func TestFormats(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{Decimal(9905, 0), "9,905"},
		{Decimal(1234567.891, 2), "1,234,567.89"},
		{Decimal(-12520.5, 1), "-12,520.5"},
		{Decimal(-0.04, 1), "0.0"},
		{Decimal(999, 0), "999"},
		{Decimal(math.NaN(), 0), Missing},
		{Signed(1390, 0), "+1,390"},
		{Signed(0.04, 1), "0.0"},
		{Signed(-400, 0), "-400"},
		{Area(9905), "9,905 m²"},
		{Area(0.5), "0.5 m²"},
		{Area(math.Inf(1)), Missing},
		{SignedArea(1390), "+1,390 m²"},
		{SignedArea(-400), "-400 m²"},
		{SignedArea(0), "0 m²"},
		{Group("1000000"), "1,000,000"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
