package stats_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// problem is where one problem is expected and what it wraps.
type problem struct {
	line, col int
	field     string
	err       error
}

// checkProblems checks that err is market.Errors holding exactly want, in
// that order, in the file named file, each wrapping its sentinel.
func checkProblems(t *testing.T, err error, file string, want []problem) {
	t.Helper()
	var es market.Errors
	if !errors.As(err, &es) {
		t.Fatalf("error %v (%T) is not market.Errors", err, err)
	}
	got := es // in line and column order, as market.Errors promises
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%v", len(got), len(want), err)
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if g.File != file || g.Line != w.line || g.Column != w.col || g.Field != w.field || !errors.Is(g, w.err) {
			t.Errorf("problem %d = %s:%d:%d %q %v; want %s:%d:%d %q %v", i, g.File, g.Line, g.Column, g.Field, g.Err, file, w.line, w.col, w.field, w.err)
		}
		if g.StartLine != w.line {
			t.Errorf("problem %d: StartLine %d, want %d", i, g.StartLine, w.line)
		}
	}
	// errors.Is sees every sentinel through the list.
	for _, w := range want {
		if !errors.Is(err, w.err) {
			t.Errorf("errors.Is(err, %v) = false", w.err)
		}
	}
}

const publishedHeader = "id,value,unit,kind,rule,what the post states,where in the post\n"

func TestReadPublished(t *testing.T) {
	in := publishedHeader +
		"markets_surveyed,222,markets,reported,exact,markets reviewed,p1\n" +
		"coverage_share,46.5,percent,derived,,share covered,p2\n" +
		`top4_share,50,percent,derived,,"over 50%, a lower bound",p3` + "\n" +
		"lowest_since_2011,,claim,claim,,the lowest since 2011,p4\n" +
		"series_gross_2011_2021,,m2,chart,,a chart,p5\n" +
		"markets_known,477,markets,reported,,at least 477 known,p6\n" +
		"net,9905,m2,reported,,net change,p7\n"
	got, err := stats.ReadPublished(strings.NewReader(in), "post.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []stats.Published{
		{ID: "markets_surveyed", Value: 222, HasValue: true, Text: "222", Unit: "markets", Kind: "reported", Rule: stats.Exact, Statement: "markets reviewed", Where: "p1"},
		// No rule: derived is rounded, "lower bound" and "at least" are
		// lower bounds, claims and charts are theirs, the rest exact.
		{ID: "coverage_share", Value: 46.5, HasValue: true, Text: "46.5", Unit: "percent", Kind: "derived", Rule: stats.Rounded, RuleAssumed: true, Statement: "share covered", Where: "p2"},
		{ID: "top4_share", Value: 50, HasValue: true, Text: "50", Unit: "percent", Kind: "derived", Rule: stats.LowerBound, RuleAssumed: true, Statement: "over 50%, a lower bound", Where: "p3"},
		{ID: "lowest_since_2011", Unit: "claim", Kind: "claim", Rule: stats.Claim, RuleAssumed: true, Statement: "the lowest since 2011", Where: "p4"},
		{ID: "series_gross_2011_2021", Unit: "m2", Kind: "chart", Rule: stats.Series, RuleAssumed: true, Statement: "a chart", Where: "p5"},
		{ID: "markets_known", Value: 477, HasValue: true, Text: "477", Unit: "markets", Kind: "reported", Rule: stats.LowerBound, RuleAssumed: true, Statement: "at least 477 known", Where: "p6"},
		{ID: "net", Value: 9905, HasValue: true, Text: "9905", Unit: "m2", Kind: "reported", Rule: stats.Exact, RuleAssumed: true, Statement: "net change", Where: "p7"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d figures, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if !w.HasValue {
			// Value is meaningless without HasValue; compare the rest.
			g.Value = 0
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("figure %d:\n got %+v\nwant %+v", i, got[i], w)
		}
	}
}

// TestReadPublishedWithoutRuleColumn: the reference copy of the post's
// figures has no rule column; every rule is then assumed.
func TestReadPublishedWithoutRuleColumn(t *testing.T) {
	in := "id,value,unit,kind\nshare,68,percent,reported\ncount,4,markets,reported\n"
	got, err := stats.ReadPublished(strings.NewReader(in), "ref.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Rule != stats.Rounded || !got[0].RuleAssumed || got[1].Rule != stats.Exact || !got[1].RuleAssumed {
		t.Errorf("got %+v; want rounded (a percent) and exact, both assumed", got)
	}
}

func TestReadPublishedReportsEveryProblem(t *testing.T) {
	in := publishedHeader +
		"a,2x2,markets,reported,exact,s,w\n" + // line 2: value at column 3
		"a,1,markets,reported,maybe,s,w\n" + // line 3: id repeated; rule at column 22
		",1,,reported,exact,s,w\n" + // line 4: empty id (column 1) and unit (column 4)
		"b,1,m2\n" + // line 5: 3 fields, the header has 7
		"c,Inf,m2,reported,exact,s,w\n" // line 6: value at column 3
	got, err := stats.ReadPublished(strings.NewReader(in), "post.csv")
	if got != nil {
		t.Errorf("got %d figures with an error", len(got))
	}
	checkProblems(t, err, "post.csv", []problem{
		{2, 3, "value", market.ErrNumber},
		{3, 1, "id", stats.ErrDuplicateFigure},
		{3, 22, "rule", stats.ErrRule},
		{4, 1, "id", market.ErrEmptyField},
		{4, 4, "unit", market.ErrEmptyField},
		{5, 1, "", market.ErrFieldCount},
		{6, 3, "value", market.ErrNotFinite},
	})
}

func TestReadPublishedHeaderProblems(t *testing.T) {
	// colour at column 15 is unknown, value at column 22 is repeated, and
	// the required kind is missing (reported at 1:1).
	in := "id,value,unit,colour,value\na,1,m2,red,2\n"
	_, err := stats.ReadPublished(strings.NewReader(in), "post.csv")
	checkProblems(t, err, "post.csv", []problem{
		{1, 1, "kind", market.ErrMissingColumn},
		{1, 15, "colour", market.ErrUnknownColumn},
		{1, 22, "value", market.ErrDuplicateColumn},
	})
	_, err = stats.ReadPublished(strings.NewReader(""), "empty.csv")
	checkProblems(t, err, "empty.csv", []problem{{1, 1, "", market.ErrEmptyFile}})
}

const estimatesHeader = "as_of,metric,value,unit,source,reported by\n"

func TestReadEstimatesAndLatest(t *testing.T) {
	in := estimatesHeader +
		`2021-12,known_markets,477,markets,AccessDPRK,"AccessDPRK, 2021-12-22"` + "\n" +
		"2018-02,official_markets,482,markets,Curtis Melvin,RFA\n" +
		"2022-11-23,known_markets,480,markets,X,Y\n" +
		"2022,known_markets,470,markets,X,\n"
	got, err := stats.ReadEstimates(strings.NewReader(in), "est.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []stats.Estimate{
		{AsOf: market.MonthOnly(2021, time.December), Metric: "known_markets", Value: 477, Unit: "markets", Source: "AccessDPRK", ReportedBy: "AccessDPRK, 2021-12-22"},
		{AsOf: market.MonthOnly(2018, time.February), Metric: "official_markets", Value: 482, Unit: "markets", Source: "Curtis Melvin", ReportedBy: "RFA"},
		{AsOf: market.Day(2022, time.November, 23), Metric: "known_markets", Value: 480, Unit: "markets", Source: "X", ReportedBy: "Y"},
		{AsOf: market.YearOnly(2022), Metric: "known_markets", Value: 470, Unit: "markets", Source: "X"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadEstimates:\n got %+v\nwant %+v", got, want)
	}
	// 2022 < 2022-11-23: the day-precision estimate is the latest.
	if e, ok := stats.Latest(got, "known_markets"); !ok || e.Value != 480 {
		t.Errorf("Latest(known_markets) = %+v, %t; want 480 of 2022-11-23", e, ok)
	}
	if e, ok := stats.Latest(got, "official_markets"); !ok || e.Value != 482 {
		t.Errorf("Latest(official_markets) = %+v, %t; want 482", e, ok)
	}
	if _, ok := stats.Latest(got, "stalls"); ok {
		t.Error("Latest(stalls) is ok with no such estimate")
	}
}

func TestReadEstimatesReportsEveryProblem(t *testing.T) {
	in := estimatesHeader +
		"2021-13,known_markets,477,markets,S,R\n" + // line 2: no month 13
		"2021,known_markets,,markets,S,R\n" + // line 3: empty value at column 20
		"2021,known_markets,-1,markets,S,R\n" + // line 4: negative at column 20
		"2021,,5,markets,,R\n" + // line 5: empty metric (column 6) and source (column 17)
		"2021,known_markets,x,markets,S,R\n" // line 6: not a number at column 20
	got, err := stats.ReadEstimates(strings.NewReader(in), "est.csv")
	if got != nil {
		t.Errorf("got %d estimates with an error", len(got))
	}
	checkProblems(t, err, "est.csv", []problem{
		{2, 1, "as_of", market.ErrDate},
		{3, 20, "value", market.ErrEmptyField},
		{4, 20, "value", market.ErrNegativeArea},
		{5, 6, "metric", market.ErrEmptyField},
		{5, 17, "source", market.ErrEmptyField},
		{6, 20, "value", market.ErrNumber},
	})
	_, err = stats.ReadEstimates(strings.NewReader("as_of,metric,value,unit\n2021,m,1,u\n"), "est.csv")
	checkProblems(t, err, "est.csv", []problem{{1, 1, "source", market.ErrMissingColumn}})
}
