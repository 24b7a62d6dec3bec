package stats_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/jangmadang/marketarea/stats"
)

// pub is a published figure with a value printed as text.
func pub(id string, v float64, text string, rule stats.Rule) stats.Published {
	return stats.Published{ID: id, Value: v, HasValue: true, Text: text, Unit: "u", Rule: rule}
}

func TestFactCheckNumericRules(t *testing.T) {
	ev := stats.Evidence{Figures: []stats.Figure{
		{ID: "count", Value: 222},
		{ID: "whole", Value: 1981},
		{ID: "rate", Value: 1981.2},
		{ID: "p46", Value: 46.46},
		{ID: "p44", Value: 46.44},
		{ID: "share", Value: 50.5},
		{ID: "half", Value: 50},
		{ID: "known", Value: 477, Input: true},
		{ID: "none", Value: math.NaN()},
	}}
	for _, c := range []struct {
		p        stats.Published
		verdict  stats.Verdict
		computed float64
		note     string
	}{
		{pub("count", 222, "222", stats.Exact), stats.Match, 222, ""},
		{pub("count", 223, "223", stats.Exact), stats.Mismatch, 222, "off by -1"},
		{pub("rate", 1981, "1981", stats.Exact), stats.Mismatch, 1981.2, "off by 0.2"},
		{pub("whole", 1981, "1981", stats.Rounded), stats.Match, 1981, ""},
		// 1981.2 rounds to 1981 but not to 1982.
		{pub("rate", 1981, "1981", stats.Rounded), stats.WithinRounding, 1981.2, "1981.2 rounds to 1981"},
		{pub("rate", 1982, "1982", stats.Rounded), stats.Mismatch, 1981.2, "1981.2 rounds to 1981, not 1982"},
		// "46.5" is printed with one decimal: 46.46 rounds to it, 46.44
		// to 46.4; printed "46", 46.46 rounds to it too.
		{pub("p46", 46.5, "46.5", stats.Rounded), stats.WithinRounding, 46.46, "46.46 rounds to 46.5"},
		{pub("p44", 46.5, "46.5", stats.Rounded), stats.Mismatch, 46.44, "46.44 rounds to 46.4, not 46.5"},
		{pub("p46", 46, "46", stats.Rounded), stats.WithinRounding, 46.46, "46.46 rounds to 46"},
		// Over 50: strictly above.
		{pub("share", 50, "50", stats.LowerBound), stats.Match, 50.5, "50.5 exceeds the bound 50"},
		{pub("half", 50, "50", stats.LowerBound), stats.Mismatch, 50, "50 does not exceed the bound 50"},
		{pub("share", 51, "51", stats.LowerBound), stats.Mismatch, 50.5, "50.5 does not exceed the bound 51"},
		{pub("absent", 1, "1", stats.Exact), stats.Unverifiable, math.NaN(), "the data gives no figure absent"},
		{pub("known", 477, "477", stats.Exact), stats.Unverifiable, 477,
			"an input to the computation (the count of known markets), not computed from the data"},
		{pub("none", 1, "1", stats.Rounded), stats.Unverifiable, math.NaN(), "the data gives no finite value for none"},
		{stats.Published{ID: "count", Unit: "u", Rule: stats.Exact}, stats.Unverifiable, 222, "the publication gives no number"},
	} {
		got := stats.FactCheck([]stats.Published{c.p}, ev)
		if len(got) != 1 {
			t.Fatalf("FactCheck of one figure gave %d checks", len(got))
		}
		g := got[0]
		if g.ID != c.p.ID || g.Rule != c.p.Rule || g.Unit != "u" || g.Verdict != c.verdict || !same(g.Computed, c.computed) || g.Note != c.note {
			t.Errorf("%s %s %q:\n got %v %v %q\nwant %v %v %q", c.p.ID, c.p.Rule, c.p.Text, g.Verdict, g.Computed, g.Note, c.verdict, c.computed, c.note)
		}
		if c.p.HasValue && g.Published != c.p.Value || !c.p.HasValue && !math.IsNaN(g.Published) {
			t.Errorf("%s: Published %v, want %v", c.p.ID, g.Published, c.p.Value)
		}
	}
}

func TestFactCheckNotes(t *testing.T) {
	ev := stats.Evidence{Figures: []stats.Figure{
		{ID: "net", Value: 9905, Synthetic: 3},
		{ID: "share", Value: 68},
	}}
	assumed := pub("share", 68, "68", stats.Rounded)
	assumed.Kind, assumed.RuleAssumed = "derived", true
	got := stats.FactCheck([]stats.Published{
		pub("net", 9905, "9905", stats.Exact),
		pub("net", 9900, "9900", stats.Exact),
		assumed,
	}, ev)
	for i, want := range []struct {
		verdict stats.Verdict
		note    string
	}{
		{stats.Match, "agrees by construction: rests on 3 synthetic stand-in market(s) fit to the post's totals"},
		{stats.Mismatch, "off by 5; rests on 3 synthetic stand-in market(s) fit to the post's totals"},
		{stats.Match, `rule rounded assumed from kind "derived"`},
	} {
		if got[i].Verdict != want.verdict || got[i].Note != want.note {
			t.Errorf("check %d = %v %q, want %v %q", i, got[i].Verdict, got[i].Note, want.verdict, want.note)
		}
	}
}

// gappySeries is 2011-2021 with 2011-2018 missing, as the post prints it.
func gappySeries() stats.YearSeries {
	var s stats.YearSeries
	for y := 2011; y <= 2018; y++ {
		s.Values = append(s.Values, stats.YearValue{Year: y})
	}
	s.Values = append(s.Values,
		stats.YearValue{Year: 2019, Value: 23260, Known: true},
		stats.YearValue{Year: 2020, Value: 7450, Known: true},
		stats.YearValue{Year: 2021, Value: 630, Known: true})
	return s
}

func TestFactCheckSeries(t *testing.T) {
	ev := stats.Evidence{National: gappySeries()}
	for _, c := range []struct {
		id       string
		verdict  stats.Verdict
		computed float64
		note     string
	}{
		{"series_gross_2011_2021", stats.Unverifiable, 3,
			"3 of 11 years have a value; missing: 2011-2018 (not in the text, only in the chart image)"},
		{"series_gross_2019_2021", stats.Match, 3, "all 3 years have a value"},
		// 2022 lies beyond the series: missing, not zero.
		{"series_gross_2020_2022", stats.Unverifiable, 2,
			"2 of 3 years have a value; missing: 2022 (not in the text, only in the chart image)"},
		{"series_gross", stats.Unverifiable, math.NaN(), "the id names no span of years"},
	} {
		got := stats.FactCheck([]stats.Published{{ID: c.id, Unit: "m2", Rule: stats.Series}}, ev)[0]
		if got.Verdict != c.verdict || !same(got.Computed, c.computed) || got.Note != c.note {
			t.Errorf("%s:\n got %v %v %q\nwant %v %v %q", c.id, got.Verdict, got.Computed, got.Note, c.verdict, c.computed, c.note)
		}
	}
	// Filling in the missing years turns the verdict.
	full := gappySeries()
	for i := range full.Values[:8] {
		full.Values[i].Value, full.Values[i].Known = 1000, true
	}
	got := stats.FactCheck([]stats.Published{{ID: "series_gross_2011_2021", Rule: stats.Series}}, stats.Evidence{National: full})[0]
	if got.Verdict != stats.Match || got.Computed != 11 {
		t.Errorf("series with every year known: %v %v %q, want match 11", got.Verdict, got.Computed, got.Note)
	}
}

// claimSeries is 2011-2021 with every year known; 2013 = 5000, the rest
// as listed, all above an average of 1981 before 2020.
func claimSeries(values map[int]float64) stats.YearSeries {
	base := map[int]float64{
		2011: 4000, 2012: 4500, 2013: 5000, 2014: 6000, 2015: 7000, 2016: 8000,
		2017: 9000, 2018: 10000, 2019: 23260, 2020: 7450, 2021: 630,
	}
	var s stats.YearSeries
	for y := 2011; y <= 2021; y++ {
		v, ok := base[y], true
		if w, set := values[y]; set {
			v, ok = w, !math.IsNaN(w)
		}
		if !ok {
			v = 0
		}
		s.Values = append(s.Values, stats.YearValue{Year: y, Value: v, Known: ok})
	}
	return s
}

func TestFactCheckLowestSince(t *testing.T) {
	avg := []stats.Figure{{ID: "avg_annual_net_2020_2025", Value: 1981, Unit: "m2/year"}}
	claim := []stats.Published{{ID: "lowest_since_2011", Unit: "claim", Rule: stats.Claim}}
	const caveat = "the series is gross stall and open-air area, the survey net stall area; inside the window, 2021 alone added 630 m2"
	for _, c := range []struct {
		name    string
		series  stats.YearSeries
		figures []stats.Figure
		verdict stats.Verdict
		note    string
	}{
		{"every year 2011-2019 above 1981", claimSeries(nil), avg, stats.Match,
			"1981 m2/year is below every year since 2011; " + caveat},
		// Changing one value changes the verdict: a year equal to the
		// average is not above it.
		{"2015 equal to the average", claimSeries(map[int]float64{2015: 1981}), avg, stats.Mismatch,
			"1981 m2/year is not below 2015 (1981 m2); " + caveat},
		{"2015 just above", claimSeries(map[int]float64{2015: 1981.5}), avg, stats.Match,
			"1981 m2/year is below every year since 2011; " + caveat},
		{"2013 missing", claimSeries(map[int]float64{2013: math.NaN()}), avg, stats.Unverifiable,
			"1981 m2/year is below every known year, but 2013 has no value; " + caveat},
		{"2013 missing, 2015 lower", claimSeries(map[int]float64{2013: math.NaN(), 2015: 100}), avg, stats.Mismatch,
			"1981 m2/year is not below 2015 (100 m2); " + caveat + "; missing: 2013"},
		{"the post's series, 2011-2018 missing", gappySeries(), avg, stats.Unverifiable,
			"1981 m2/year is below every known year, but 2011-2018 have no value; " + caveat},
		// With no series there is nothing to be lower than.
		{"no series", stats.YearSeries{}, avg, stats.Unverifiable,
			"1981 m2/year is below every known year, but 2011-2019 have no value; the series is gross stall and open-air area, the survey net stall area"},
		// A series that stops in 2016 says nothing of 2017-2019.
		{"series ends 2016", stats.YearSeries{Values: claimSeries(nil).Values[:6]}, avg, stats.Unverifiable,
			"1981 m2/year is below every known year, but 2017-2019 have no value; the series is gross stall and open-air area, the survey net stall area"},
		{"no average", claimSeries(nil), nil, stats.Unverifiable, "the data gives no average annual net growth"},
		{"NaN average", claimSeries(nil), []stats.Figure{{ID: "avg_annual_net_2020_2025", Value: math.NaN()}}, stats.Unverifiable,
			"the data gives no average annual net growth"},
	} {
		ev := stats.Evidence{Figures: c.figures, National: c.series, Window: stats.Window{From: 2020, To: 2025}}
		got := stats.FactCheck(claim, ev)[0]
		if got.Verdict != c.verdict || got.Note != c.note {
			t.Errorf("%s:\n got %v %q\nwant %v %q", c.name, got.Verdict, got.Note, c.verdict, c.note)
		}
		if c.verdict != stats.Unverifiable || c.figures != nil && finiteFigure(c.figures[0]) {
			if got.Computed != 1981 || got.Unit != "m2/year" {
				t.Errorf("%s: computed %v %s, want 1981 m2/year", c.name, got.Computed, got.Unit)
			}
		}
	}
}

func finiteFigure(f stats.Figure) bool { return !math.IsNaN(f.Value) && !math.IsInf(f.Value, 0) }

func TestFactCheckRecord(t *testing.T) {
	claim := []stats.Published{{ID: "record_2019", Unit: "claim", Rule: stats.Claim}}
	for _, c := range []struct {
		name     string
		series   stats.YearSeries
		verdict  stats.Verdict
		computed float64
		note     string
	}{
		{"2019 highest", claimSeries(nil), stats.Match, 23260, "highest of every year in the series"},
		{"2018 higher", claimSeries(map[int]float64{2018: 23261}), stats.Mismatch, 23260, "higher: 2018 (23261 m2)"},
		{"2018 equal", claimSeries(map[int]float64{2018: 23260}), stats.Match, 23260, "highest of every year in the series"},
		{"2012 missing", claimSeries(map[int]float64{2012: math.NaN()}), stats.Unverifiable, 23260,
			"highest of the known years, but 2012 has no value"},
		{"the post's series", gappySeries(), stats.Unverifiable, 23260,
			"highest of the known years, but 2011-2018 have no value"},
		{"2019 missing", claimSeries(map[int]float64{2019: math.NaN()}), stats.Unverifiable, math.NaN(),
			"the series has no value for 2019"},
	} {
		got := stats.FactCheck(claim, stats.Evidence{National: c.series})[0]
		if got.Verdict != c.verdict || !same(got.Computed, c.computed) || got.Note != c.note {
			t.Errorf("%s:\n got %v %v %q\nwant %v %v %q", c.name, got.Verdict, got.Computed, got.Note, c.verdict, c.computed, c.note)
		}
	}
}

func TestFactCheckUnknownClaim(t *testing.T) {
	got := stats.FactCheck([]stats.Published{{ID: "markets_thrive", Rule: stats.Claim}}, stats.Evidence{National: claimSeries(nil)})
	if got[0].Verdict != stats.Unverifiable || !strings.Contains(got[0].Note, "no rule") {
		t.Errorf("unknown claim: %+v, want unverifiable", got[0])
	}
}

func TestFactCheckKeepsOrder(t *testing.T) {
	ps := []stats.Published{pub("b", 1, "1", stats.Exact), pub("a", 2, "2", stats.Exact), pub("b", 3, "3", stats.Exact)}
	got := stats.FactCheck(ps, stats.Evidence{Figures: []stats.Figure{{ID: "b", Value: 3}, {ID: "a", Value: 2}}})
	want := []stats.Verdict{stats.Mismatch, stats.Match, stats.Match}
	if len(got) != 3 {
		t.Fatalf("got %d checks, want 3", len(got))
	}
	for i, c := range got {
		if c.ID != ps[i].ID || c.Verdict != want[i] {
			t.Errorf("check %d = %s %v, want %s %v", i, c.ID, c.Verdict, ps[i].ID, want[i])
		}
	}
	if got := stats.FactCheck(nil, stats.Evidence{}); got == nil || len(got) != 0 {
		t.Errorf("FactCheck(nil) = %#v, want an empty slice", got)
	}
}

func TestCheckJSON(t *testing.T) {
	for _, c := range []struct {
		check stats.Check
		want  string
	}{
		{stats.Check{ID: "coverage_share", Published: 48, Computed: 46.5, Unit: "percent", Rule: stats.Rounded, Verdict: stats.Mismatch, Note: "n"},
			`{"id":"coverage_share","published":48,"computed":46.5,"unit":"percent","rule":"rounded","verdict":"mismatch","note":"n"}`},
		{stats.Check{ID: "lowest_since_2011", Published: math.NaN(), Computed: math.NaN(), Unit: "claim", Rule: stats.Claim, Verdict: stats.Unverifiable},
			`{"id":"lowest_since_2011","published":null,"computed":null,"unit":"claim","rule":"claim","verdict":"unverifiable","note":""}`},
	} {
		b, err := json.Marshal(c.check)
		if err != nil || string(b) != c.want {
			t.Errorf("json.Marshal:\n got %s, %v\nwant %s", b, err, c.want)
		}
	}
}
