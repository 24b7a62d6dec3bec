package numfmt

import "testing"

func TestAreaFormatsForReaders(t *testing.T) {
	for _, c := range []struct {
		v      float64
		plain  string
		signed string
	}{
		{0, "0 m²", "0 m²"},
		{7, "7 m²", "+7 m²"},
		{999, "999 m²", "+999 m²"},
		{1000, "1,000 m²", "+1,000 m²"},
		{9905, "9,905 m²", "+9,905 m²"},
		{-400, "-400 m²", "-400 m²"},
		{-1270, "-1,270 m²", "-1,270 m²"},
		{1234567, "1,234,567 m²", "+1,234,567 m²"},
		{1345.5, "1,345.5 m²", "+1,345.5 m²"},
		{1210.25, "1,210.2 m²", "+1,210.2 m²"}, // one decimal: round half to even
		{-0.04, "0.0 m²", "0.0 m²"},
	} {
		if got := Area(c.v); got != c.plain {
			t.Errorf("Area(%v) = %q, want %q", c.v, got, c.plain)
		}
		if got := SignedArea(c.v); got != c.signed {
			t.Errorf("SignedArea(%v) = %q, want %q", c.v, got, c.signed)
		}
	}
}
