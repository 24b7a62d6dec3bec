package main

import (
	"math"
	"testing"
)

func TestCountHasThousandsSeparators(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 222: "222", 1000: "1,000", 9905: "9,905",
		-1270: "-1,270", 1234567: "1,234,567", -999: "-999"} {
		if got := count(n); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestAreaAndChange(t *testing.T) {
	for _, c := range []struct {
		v            float64
		area, change string
	}{
		{0, "0 m²", "0 m²"},
		{9905, "9,905 m²", "+9,905 m²"},
		{-400, "-400 m²", "-400 m²"},
		{-1270, "-1,270 m²", "-1,270 m²"},
		{1345.5, "1,345.5 m²", "+1,345.5 m²"},
		{0.04, "0.0 m²", "0.0 m²"},
		{-0.04, "0.0 m²", "0.0 m²"},
		{math.NaN(), "–", "–"},
	} {
		if got := area(c.v); got != c.area {
			t.Errorf("area(%v) = %q, want %q", c.v, got, c.area)
		}
		if got := change(c.v); got != c.change {
			t.Errorf("change(%v) = %q, want %q", c.v, got, c.change)
		}
	}
}

func TestPercentHasOneDecimal(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{5140.0 / 9905 * 100, "51.9 %"},
		{222.0 / 477 * 100, "46.5 %"},
		{100, "100.0 %"},
		{-12.34, "-12.3 %"},
		{-0.01, "0.0 %"},
		{math.NaN(), "–"},
		{math.Inf(1), "–"},
	} {
		if got := percent(c.v); got != c.want {
			t.Errorf("percent(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestFigureFormatsByUnit(t *testing.T) {
	for _, c := range []struct {
		v              float64
		unit           string
		computed, publ string
	}{
		{2020, "year", "2020", "2020"},
		{9905, "m2", "9,905 m²", "9,905 m²"},
		{1981, "m2/year", "1,981 m²/year", "1,981 m²/year"},
		{67.971, "percent", "67.97 %", "67.971 %"},
		{68, "percent", "68.00 %", "68 %"},
		{0.61234, "index", "0.612", "0.61234"},
		{222, "markets", "222", "222"},
		{1234, "towns", "1,234", "1,234"},
		{math.NaN(), "m2", "–", "–"},
	} {
		if got := figure(c.v, c.unit); got != c.computed {
			t.Errorf("figure(%v, %s) = %q, want %q", c.v, c.unit, got, c.computed)
		}
		if got := publishedFigure(c.v, c.unit); got != c.publ {
			t.Errorf("publishedFigure(%v, %s) = %q, want %q", c.v, c.unit, got, c.publ)
		}
	}
}

func TestCellEscapesMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"Sariwon Market #2":  "Sariwon Market #2",
		"a|b":                `a\|b`,
		"*x* _y_ [z](u) <b>": `\*x\* \_y\_ \[z\](u) &lt;b&gt;`,
		"line\nbreak":        "line break",
		`back\slash`:         `back\\slash`,
	} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}
