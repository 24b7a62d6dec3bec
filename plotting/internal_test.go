package plotting

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/market"
)

func TestFormatNumberGroupsThousandsAndSigns(t *testing.T) {
	for _, tc := range []struct {
		v      float64
		signed bool
		want   string
	}{
		{0, false, "0"},
		{0, true, "0"},
		{-0.2, false, "0"},
		{999, false, "999"},
		{1000, false, "1,000"},
		{23260, false, "23,260"},
		{1234567, true, "+1,234,567"},
		{-1270, true, "−1,270"},
		{-1270, false, "−1,270"},
		{9904.6, false, "9,905"},
		{math.NaN(), false, "n/a"},
		{math.Inf(-1), true, "n/a"},
	} {
		if got := formatNumber(tc.v, tc.signed); got != tc.want {
			t.Errorf("formatNumber(%v, %v) = %q, want %q", tc.v, tc.signed, got, tc.want)
		}
	}
}

func TestFormatPercentDropsTheSignOfZero(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		dec  int
		want string
	}{
		{51.893, 1, "51.9%"},
		{-67.97, 0, "−68%"},
		{-0.04, 1, "0.0%"},
		{math.NaN(), 1, "n/a"},
	} {
		if got := formatPercent(tc.v, tc.dec); got != tc.want {
			t.Errorf("formatPercent(%v, %d) = %q, want %q", tc.v, tc.dec, got, tc.want)
		}
	}
}

func TestNiceTicksLabelZeroAndRoundSteps(t *testing.T) {
	for _, tc := range []struct {
		min, max float64
		want     []string
	}{
		{-2670, 12520, []string{"0", "5000", "10000"}},
		{0, 23260, []string{"0", "5000", "10000", "15000", "20000"}},
		{0, 181, []string{"0", "50", "100", "150"}},
		{0, 1, []string{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}},
		{-1, 0.1, []string{"−1.00", "−0.75", "−0.50", "−0.25", "0.00"}},
	} {
		var got []string
		for _, tk := range (niceTicks{}).Ticks(tc.min, tc.max) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("niceTicks(%v, %v) labels %v, want %v", tc.min, tc.max, got, tc.want)
		}
	}
}

func TestThousandsTickerFormatsLabels(t *testing.T) {
	ticks := thousands{plot.ConstantTicks([]plot.Tick{{Value: 12500, Label: "12500"}, {Value: 100}, {Value: -2500, Label: "x"}})}.Ticks(0, 1)
	got := []string{ticks[0].Label, ticks[1].Label, ticks[2].Label}
	want := []string{"12,500", "", "−2,500"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("tick %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestHatchLinesStayInTheRectangle(t *testing.T) {
	r := vg.Rectangle{Min: vg.Point{X: 10, Y: 20}, Max: vg.Point{X: 40, Y: 120}}
	lines := hatchLines(r, 5)
	if len(lines) == 0 {
		t.Fatal("no lines")
	}
	const eps = 1e-9
	for _, l := range lines {
		for _, p := range l {
			if p.X < r.Min.X-eps || p.X > r.Max.X+eps || p.Y < r.Min.Y-eps || p.Y > r.Max.Y+eps {
				t.Fatalf("point %v outside %v", p, r)
			}
		}
		if d := (l[1].X - l[0].X) - (l[1].Y - l[0].Y); math.Abs(float64(d)) > eps {
			t.Fatalf("line %v is not at 45°", l)
		}
	}
}

func TestWrapTextKeepsLinesWithinWidth(t *testing.T) {
	sty := textStyle(sans, noteSize, nil)
	s := "Shown: the 41 of 222 markets whose stall area changed; 181 markets with no change add nothing.\nSecond paragraph."
	width := vg.Points(150)
	got := wrapText(sty, s, width)
	lines := strings.Split(got, "\n")
	if len(lines) < 4 {
		t.Errorf("wrapped into %d lines: %q", len(lines), got)
	}
	for _, l := range lines {
		if sty.Width(l) > width && strings.Contains(l, " ") {
			t.Errorf("line %q is wider than %v", l, width)
		}
	}
	if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(s), " ") {
		t.Errorf("words changed: %q", got)
	}
}

func TestFracYearPlacesDatesOnTheYearAxis(t *testing.T) {
	for _, tc := range []struct {
		d       market.Date
		x, half float64
	}{
		{market.YearOnly(2016), 2016.5, 0.5},
		{market.MonthOnly(2015, time.October), 2015 + 9.0/12, 0},
		{market.MonthOnly(2021, time.January), 2021, 0},
		{market.Day(2024, time.February, 29), 2024 + (1+28.0/29)/12, 0},
	} {
		x, half := fracYear(tc.d)
		if math.Abs(x-tc.x) > 1e-12 || half != tc.half {
			t.Errorf("fracYear(%v) = %v, %v; want %v, %v", tc.d, x, half, tc.x, tc.half)
		}
	}
}

func TestSplitSourceReadsQualifiers(t *testing.T) {
	for _, tc := range []struct{ in, name, prefix string }{
		{"Curtis Melvin (approximate, ~200)", "Curtis Melvin", "~"},
		{"AccessDPRK (at least 477)", "AccessDPRK", "≥"},
		{"Korea Institute for National Unification (KINU)", "Korea Institute for National Unification", ""},
		{"Curtis Melvin", "Curtis Melvin", ""},
	} {
		name, prefix := splitSource(tc.in)
		if name != tc.name || prefix != tc.prefix {
			t.Errorf("splitSource(%q) = %q, %q; want %q, %q", tc.in, name, prefix, tc.name, tc.prefix)
		}
	}
}

func TestParseOutline(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		rings int
		err   bool
	}{
		{"polygon", `{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}`, 1, false},
		{"polygon with hole", `{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]}`, 2, false},
		{"multipolygon", `{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}`, 2, false},
		{"feature", `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}}`, 1, false},
		{"collection skips points", `{"type":"FeatureCollection","features":[
			{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}},
			{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}}]}`, 1, false},
		{"geometry collection", `{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}]}`, 1, false},
		{"extra numbers", `{"type":"Polygon","coordinates":[[[0,0,10],[1,0,10],[1,1,10]]]}`, 1, false},
		{"not json", `{"type":`, 0, true},
		{"no type", `{"coordinates":[]}`, 0, true},
		{"only a point", `{"type":"Point","coordinates":[1,2]}`, 0, true},
		{"feature without geometry", `{"type":"Feature","geometry":null}`, 0, true},
		{"short ring", `{"type":"Polygon","coordinates":[[[0,0],[1,1]]]}`, 0, true},
		{"one number", `{"type":"Polygon","coordinates":[[[0],[1,1],[2,2]]]}`, 0, true},
		{"off the globe", `{"type":"Polygon","coordinates":[[[0,0],[181,0],[1,1]]]}`, 0, true},
		{"coordinates of the wrong depth", `{"type":"MultiPolygon","coordinates":[[[0,0],[1,0],[1,1]]]}`, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rings, err := parseOutline([]byte(tc.in))
			if tc.err {
				if !errors.Is(err, ErrOutline) {
					t.Errorf("err = %v, want ErrOutline", err)
				}
				return
			}
			if err != nil || len(rings) != tc.rings {
				t.Errorf("got %d rings, %v; want %d rings", len(rings), err, tc.rings)
			}
		})
	}
}

func TestParseOutlineReadsTheShippedOutlines(t *testing.T) {
	for _, iso := range []string{"PRK", "KOR"} {
		b, err := data.Outline(iso)
		if err != nil {
			t.Fatal(err)
		}
		rings, err := parseOutline(b)
		if err != nil || len(rings) == 0 {
			t.Errorf("%s: %d rings, %v", iso, len(rings), err)
		}
	}
}

func FuzzParseOutline(f *testing.F) {
	f.Add([]byte(`{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1]]]]}}]}`))
	f.Add([]byte(`{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		rings, err := parseOutline(b)
		if err != nil {
			if !errors.Is(err, ErrOutline) {
				t.Fatalf("error %v does not wrap ErrOutline", err)
			}
			return
		}
		if len(rings) == 0 {
			t.Fatal("no rings and no error")
		}
		for _, r := range rings {
			if len(r) < 3 {
				t.Fatalf("ring of %d positions", len(r))
			}
			for _, p := range r {
				if !(math.Abs(p.lon) <= 180 && math.Abs(p.lat) <= 90) {
					t.Fatalf("position %v off the globe", p)
				}
			}
		}
	})
}
