package stats

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/jangmadang/marketarea/internal/csvtab"
	"github.com/jangmadang/marketarea/market"
)

// Rule is how a computed value is compared with a published one, as the
// publication's wording implies.
type Rule string

// The comparison rules.
const (
	// Exact: the published value is exact ("222 markets").
	Exact Rule = "exact"
	// Rounded: the published value is rounded to the precision it is
	// printed with ("68%", "1,981 sq. m."): a computed value that rounds
	// to it is within rounding.
	Rounded Rule = "rounded"
	// LowerBound: the published value is a bound the true value exceeds
	// ("over 50%").
	LowerBound Rule = "lower-bound"
	// Claim: a statement in words ("a record", "the lowest since 2011"),
	// checked as far as the data allows.
	Claim Rule = "claim"
	// Series: a chart of a series; it holds when every year has a value.
	Series Rule = "series"
)

// Published is one figure of a publication.
type Published struct {
	ID string
	// Value is meaningful only when HasValue.
	Value    float64
	HasValue bool
	// Text is the value as printed in the file; its decimals give the
	// precision a Rounded value was rounded to.
	Text string
	Unit string
	// Kind is reported, derived, chart or claim.
	Kind string
	// Rule is how to compare; RuleAssumed is true when the file did not
	// say and the rule was inferred from Kind and Unit.
	Rule        Rule
	RuleAssumed bool
	Statement   string
	Where       string
}

// The columns of a published-figures file (the header of
// post-figures.csv). rule is optional: the reference copy of the post's
// figures lacks it.
var (
	pubID        = csvtab.Column{Name: "id", Required: true}
	pubValue     = csvtab.Column{Name: "value"}
	pubUnit      = csvtab.Column{Name: "unit", Required: true}
	pubKind      = csvtab.Column{Name: "kind", Required: true}
	pubRule      = csvtab.Column{Name: "rule"}
	pubStatement = csvtab.Column{Name: "what the post states"}
	pubWhere     = csvtab.Column{Name: "where in the post"}
)

// ReadPublished reads published figures with the columns
// id,value,unit,kind,rule,what the post states,where in the post. Every
// problem is reported, with its position, as market.Errors.
func ReadPublished(r io.Reader, name string) ([]Published, error) {
	t, err := csvtab.Read(r, name, []csvtab.Column{pubID, pubValue, pubUnit, pubKind, pubRule, pubStatement, pubWhere})
	if err != nil {
		return nil, err
	}
	var out []Published
	seen := map[string]int{}
	for i := 0; i < t.Len(); i++ {
		row := t.Row(i)
		p := Published{ID: row.String(pubID), Unit: row.String(pubUnit), Kind: row.String(pubKind),
			Statement: row.String(pubStatement), Where: row.String(pubWhere)}
		if line, dup := seen[p.ID]; dup && p.ID != "" {
			row.Fail(pubID.Name, fmt.Errorf("%w: %q (first on line %d)", ErrDuplicateFigure, p.ID, line))
		} else if !dup {
			seen[p.ID] = row.Line()
		}
		p.Value, p.HasValue = row.Float(pubValue)
		p.Text = row.String(pubValue)
		switch rule := Rule(row.String(pubRule)); rule {
		case Exact, Rounded, LowerBound, Claim, Series:
			p.Rule = rule
		case "":
			p.Rule, p.RuleAssumed = assumeRule(p), true
		default:
			row.Fail(pubRule.Name, fmt.Errorf("%w: %q", ErrRule, rule))
		}
		out = append(out, p)
	}
	if err := t.Errs(); err != nil {
		return nil, err
	}
	return out, nil
}

// ErrRule is a comparison rule that is none of the Rule constants.
// Like the sentinels of package market, it is reported inside a
// market.ParseError, whose text names the package and the position.
var ErrRule = fmt.Errorf("unknown rule (want %s, %s, %s, %s or %s)", Exact, Rounded, LowerBound, Claim, Series)

// ErrDuplicateFigure is a figure ID given twice in one file.
var ErrDuplicateFigure = errors.New("duplicate figure id")

// ErrDuplicateYear is a year given twice in one year-series file.
var ErrDuplicateYear = errors.New("duplicate year")

func assumeRule(p Published) Rule {
	switch {
	case p.Kind == "claim":
		return Claim
	case p.Kind == "chart":
		return Series
	case strings.Contains(p.Statement, "lower bound") || strings.Contains(p.Statement, "at least"):
		return LowerBound
	case p.Kind == "derived" || p.Unit == "percent":
		return Rounded
	}
	return Exact
}

// Estimate is a published estimate of the number of markets (or of their
// area or stalls) at some date.
type Estimate struct {
	AsOf       market.Date
	Metric     string // official_markets, known_markets, total_market_area, stalls
	Value      float64
	Unit       string
	Source     string
	ReportedBy string
}

var (
	estAsOf     = csvtab.Column{Name: "as_of", Required: true}
	estMetric   = csvtab.Column{Name: "metric", Required: true}
	estValue    = csvtab.Column{Name: "value", Required: true}
	estUnit     = csvtab.Column{Name: "unit", Required: true}
	estSource   = csvtab.Column{Name: "source", Required: true}
	estReported = csvtab.Column{Name: "reported by"}
)

// ReadEstimates reads estimates with the columns
// as_of,metric,value,unit,source,reported by. Every problem is reported,
// with its position, as market.Errors.
func ReadEstimates(r io.Reader, name string) ([]Estimate, error) {
	t, err := csvtab.Read(r, name, []csvtab.Column{estAsOf, estMetric, estValue, estUnit, estSource, estReported})
	if err != nil {
		return nil, err
	}
	var out []Estimate
	for i := 0; i < t.Len(); i++ {
		row := t.Row(i)
		e := Estimate{Metric: row.String(estMetric), Unit: row.String(estUnit), Source: row.String(estSource),
			ReportedBy: row.String(estReported)}
		if s := row.String(estAsOf); s != "" {
			d, err := market.ParseDate(s)
			if err != nil {
				row.Fail(estAsOf.Name, err)
			}
			e.AsOf = d
		}
		e.Value, _ = row.Float(estValue)
		if e.Value < 0 {
			row.Fail(estValue.Name, fmt.Errorf("%w: %v", market.ErrNegativeArea, e.Value))
		}
		out = append(out, e)
	}
	if err := t.Errs(); err != nil {
		return nil, err
	}
	return out, nil
}

// Latest returns the latest estimate of a metric; ok is false when there
// is none.
func Latest(estimates []Estimate, metric string) (e Estimate, ok bool) {
	for _, x := range estimates {
		if x.Metric == metric && (!ok || e.AsOf.Before(x.AsOf)) && !math.IsNaN(x.Value) {
			e, ok = x, true
		}
	}
	return e, ok
}
