package stats

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Verdict is the outcome of checking one published figure.
type Verdict string

// The verdicts.
const (
	// Match: the computed value is the published one (or, for a lower
	// bound, exceeds it; for a claim, the data bears it out).
	Match Verdict = "match"
	// WithinRounding: the computed value rounds to the published one.
	WithinRounding Verdict = "within-rounding"
	// Mismatch: the data contradicts the published figure.
	Mismatch Verdict = "mismatch"
	// Unverifiable: the data cannot decide; Note says why.
	Unverifiable Verdict = "unverifiable"
)

// Check is the check of one published figure against the data.
type Check struct {
	ID        string
	Published float64 // NaN when the publication gives no number
	Computed  float64 // NaN when the data gives none
	Unit      string
	Rule      Rule
	Verdict   Verdict
	Note      string
}

// MarshalJSON writes the fields id, published, computed, unit, rule,
// verdict, note in that order, with null for a missing number.
func (c Check) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID        string    `json:"id"`
		Published jsonFloat `json:"published"`
		Computed  jsonFloat `json:"computed"`
		Unit      string    `json:"unit"`
		Rule      Rule      `json:"rule"`
		Verdict   Verdict   `json:"verdict"`
		Note      string    `json:"note"`
	}{c.ID, jsonFloat(c.Published), jsonFloat(c.Computed), c.Unit, c.Rule, c.Verdict, c.Note})
}

// Evidence is what published figures are checked against.
type Evidence struct {
	// Figures computed from the data (see Figures).
	Figures []Figure
	// National is the national gross series, for claims about it.
	National YearSeries
	// Window is the survey window the figures cover.
	Window Window
}

// FactCheck checks each published figure against the evidence, in the
// order given. Numbers are compared by the figure's rule; claims in words
// are checked as far as the data allows. Every verdict is computed here
// from the numbers: change the data and the verdict follows.
func FactCheck(published []Published, ev Evidence) []Check {
	out := make([]Check, 0, len(published))
	for _, p := range published {
		out = append(out, checkOne(p, ev))
	}
	return out
}

func checkOne(p Published, ev Evidence) Check {
	c := Check{ID: p.ID, Published: math.NaN(), Computed: math.NaN(), Unit: p.Unit, Rule: p.Rule}
	if p.HasValue {
		c.Published = p.Value
	}
	switch p.Rule {
	case Series:
		return checkSeries(c, ev.National)
	case Claim:
		return checkClaim(c, ev)
	}
	f, ok := FindFigure(ev.Figures, p.ID)
	switch {
	case !ok:
		c.Verdict, c.Note = Unverifiable, "the data gives no figure "+p.ID
		return c
	case !p.HasValue:
		c.Computed = f.Value
		c.Verdict, c.Note = Unverifiable, "the publication gives no number"
		return c
	case f.Input:
		c.Computed = f.Value
		c.Verdict, c.Note = Unverifiable, "an input to the computation (the count of known markets), not computed from the data"
		return c
	case !finite(f.Value):
		c.Verdict, c.Note = Unverifiable, "the data gives no finite value for "+p.ID
		return c
	}
	c.Computed = f.Value
	c.Verdict, c.Note = compare(p, f.Value)
	if p.RuleAssumed {
		c.Note = join(c.Note, fmt.Sprintf("rule %s assumed from kind %q", p.Rule, p.Kind))
	}
	if f.Synthetic > 0 {
		what := "rests on"
		if c.Verdict == Match || c.Verdict == WithinRounding {
			what = "agrees by construction: rests on"
		}
		c.Note = join(c.Note, fmt.Sprintf("%s %d synthetic stand-in market(s) fit to the post's totals", what, f.Synthetic))
	}
	return c
}

// compare applies a numeric rule.
func compare(p Published, v float64) (Verdict, string) {
	const eps = 1e-9
	equal := math.Abs(v-p.Value) <= eps*math.Max(1, math.Abs(p.Value))
	switch p.Rule {
	case LowerBound:
		if v > p.Value {
			return Match, fmt.Sprintf("%s exceeds the bound %s", num(v), num(p.Value))
		}
		return Mismatch, fmt.Sprintf("%s does not exceed the bound %s", num(v), num(p.Value))
	case Rounded:
		if equal {
			return Match, ""
		}
		dp := decimals(p.Text)
		if roundTo(v, dp) == roundTo(p.Value, dp) {
			return WithinRounding, fmt.Sprintf("%s rounds to %s", num(v), p.Text)
		}
		return Mismatch, fmt.Sprintf("%s rounds to %s, not %s", num(v), strconv.FormatFloat(roundTo(v, dp), 'f', dp, 64), p.Text)
	}
	if equal {
		return Match, ""
	}
	return Mismatch, fmt.Sprintf("off by %s", num(v-p.Value))
}

func decimals(text string) int {
	if i := strings.IndexByte(text, '.'); i >= 0 {
		return len(text) - i - 1
	}
	return 0
}

func roundTo(v float64, dp int) float64 {
	p := math.Pow(10, float64(dp))
	return math.Round(v*p) / p
}

// num formats a number for a note: whole numbers without decimals, others
// with up to three.
func num(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(roundTo(v, 3), 'f', -1, 64)
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

var spanID = regexp.MustCompile(`_(\d{4})_(\d{4})$`)

// checkSeries checks a chart of a national series, such as
// series_gross_2011_2021: it holds when every year of the span has a value.
func checkSeries(c Check, s YearSeries) Check {
	m := spanID.FindStringSubmatch(c.ID)
	if m == nil {
		c.Verdict, c.Note = Unverifiable, "the id names no span of years"
		return c
	}
	from, _ := strconv.Atoi(m[1])
	to, _ := strconv.Atoi(m[2])
	if to < from {
		c.Verdict, c.Note = Unverifiable, "the id's span of years runs backwards"
		return c
	}
	var missing []int
	known := 0
	for y := from; y <= to; y++ {
		if _, ok := s.Value(y); ok {
			known++
		} else {
			missing = append(missing, y)
		}
	}
	c.Computed, c.Unit = float64(known), "years"
	if len(missing) > 0 {
		c.Verdict = Unverifiable
		c.Note = fmt.Sprintf("%d of %d years have a value; missing: %s (not in the text, only in the chart image)", known, to-from+1, years(missing))
		return c
	}
	c.Verdict, c.Note = Match, fmt.Sprintf("all %d years have a value", known)
	return c
}

var (
	lowestSince = regexp.MustCompile(`^lowest_since_(\d{4})$`)
	recordYear  = regexp.MustCompile(`^record_(\d{4})$`)
)

// checkClaim checks the claims in words that the data can speak to:
// lowest_since_YYYY (the window's average annual net growth is below
// every year of the national series from YYYY until the window opens) and
// record_YYYY (the national series peaks in YYYY).
func checkClaim(c Check, ev Evidence) Check {
	if m := lowestSince.FindStringSubmatch(c.ID); m != nil {
		from, _ := strconv.Atoi(m[1])
		return checkLowestSince(c, ev, from)
	}
	if m := recordYear.FindStringSubmatch(c.ID); m != nil {
		year, _ := strconv.Atoi(m[1])
		return checkRecord(c, ev.National, year)
	}
	c.Verdict, c.Note = Unverifiable, "no rule in the library checks this claim"
	return c
}

// checkLowestSince checks that the window's average annual net growth is
// below every yearly value of the national series from a year until the
// window opens (years inside the window are part of what is averaged, and
// the note only mentions them). The two
// measure different things (the series is gross new stall and open-air
// area, the survey net stall area), which the note says.
func checkLowestSince(c Check, ev Evidence, from int) Check {
	w := ev.Window
	f, ok := FindFigure(ev.Figures, fmt.Sprintf("avg_annual_net_%d_%d", w.From, w.To))
	if !ok || !finite(f.Value) {
		c.Verdict, c.Note = Unverifiable, "the data gives no average annual net growth"
		return c
	}
	c.Computed = f.Value
	c.Unit = "m2/year"
	var lower, missing []int
	// Every year up to the window counts: one the series does not reach
	// is missing, not evidence.
	for y := from; y < w.From; y++ {
		v, ok := ev.National.Value(y)
		switch {
		case !ok:
			missing = append(missing, y)
		case v <= f.Value:
			lower = append(lower, y)
		}
	}
	caveat := "the series is gross stall and open-air area, the survey net stall area"
	for y := w.From; y <= lastYear(ev.National); y++ {
		if v, ok := ev.National.Value(y); ok && v <= f.Value {
			caveat += fmt.Sprintf("; inside the window, %d alone added %s m2", y, num(v))
		}
	}
	switch {
	case len(lower) > 0:
		c.Verdict = Mismatch
		var parts []string
		for _, y := range lower {
			v, _ := ev.National.Value(y)
			parts = append(parts, fmt.Sprintf("%d (%s m2)", y, num(v)))
		}
		c.Note = fmt.Sprintf("%s m2/year is not below %s; %s", num(f.Value), strings.Join(parts, ", "), caveat)
		if len(missing) > 0 {
			c.Note += "; missing: " + years(missing)
		}
	case len(missing) > 0:
		c.Verdict = Unverifiable
		c.Note = fmt.Sprintf("%s m2/year is below every known year, but %s no value; %s", num(f.Value), haveNo(missing), caveat)
	default:
		c.Verdict, c.Note = Match, fmt.Sprintf("%s m2/year is below every year since %d; %s", num(f.Value), from, caveat)
	}
	return c
}

// checkRecord checks that year has the largest value of the series.
func checkRecord(c Check, s YearSeries, year int) Check {
	v, ok := s.Value(year)
	if !ok {
		c.Verdict, c.Note = Unverifiable, fmt.Sprintf("the series has no value for %d", year)
		return c
	}
	c.Computed, c.Unit = v, "m2"
	var higher []string
	var missing []int
	for _, yv := range s.Values {
		switch {
		case !yv.Known:
			missing = append(missing, yv.Year)
		case yv.Value > v:
			higher = append(higher, fmt.Sprintf("%d (%s m2)", yv.Year, num(yv.Value)))
		}
	}
	switch {
	case len(higher) > 0:
		c.Verdict, c.Note = Mismatch, "higher: "+strings.Join(higher, ", ")
	case len(missing) > 0:
		c.Verdict, c.Note = Unverifiable, fmt.Sprintf("highest of the known years, but %s no value", haveNo(missing))
	default:
		c.Verdict, c.Note = Match, "highest of every year in the series"
	}
	return c
}

func lastYear(s YearSeries) int {
	_, last := s.Span()
	return last
}

// haveNo returns "2013 has" or "2011-2018 have", for "... no value".
func haveNo(ys []int) string {
	if len(ys) == 1 {
		return years(ys) + " has"
	}
	return years(ys) + " have"
}

// years formats years, collapsing runs: "2011-2018, 2020".
func years(ys []int) string {
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", ys[i], ys[j]))
		} else {
			parts = append(parts, strconv.Itoa(ys[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
