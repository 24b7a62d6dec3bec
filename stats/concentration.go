package stats

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Ranked returns the covered markets sorted by change, largest gain first;
// ties are broken by market ID so that the order is stable.
func (c *Changes) Ranked() []MarketChange {
	out := slices.Clone(c.Markets)
	slices.SortStableFunc(out, func(a, b MarketChange) int {
		if x := cmp.Compare(b.Change, a.Change); x != 0 {
			return x
		}
		return strings.Compare(a.Market.ID, b.Market.ID)
	})
	return out
}

// Concentration says how concentrated a window's growth is.
type Concentration struct {
	// Top holds the K markets with the largest gains (fewer when fewer
	// markets grew), largest first.
	Top []MarketChange
	// TopSum is their summed change, in m².
	TopSum float64
	// Net is the total net change of all markets covered, in m².
	Net float64
	// Share is TopSum / Net in percent; NaN when Net is not positive.
	Share float64
	// Gainers is the number of markets with a positive change.
	Gainers int
	// Gini is the Gini coefficient of the positive changes: 0 when every
	// gainer gained the same, towards 1 when one market gained it all.
	// NaN when no market gained.
	Gini float64
	// Herfindahl is the sum of squared shares of the positive changes in
	// their total: 1/Gainers when even, 1 when one market gained it all.
	// NaN when no market gained.
	Herfindahl float64
}

// Concentrate returns the top k gainers' share of net growth and two
// measures over the whole distribution of gains.
func (c *Changes) Concentrate(k int) Concentration {
	ranked := c.Ranked()
	var gains []float64
	for _, m := range ranked {
		if m.Change > 0 {
			gains = append(gains, m.Change)
		}
	}
	out := Concentration{Net: c.Net(), Gainers: len(gains), Share: math.NaN()}
	for _, m := range ranked[:max(0, min(k, len(gains)))] {
		out.Top = append(out.Top, m)
		out.TopSum += m.Change
	}
	if out.Net > 0 {
		out.Share = out.TopSum / out.Net * 100
	}
	out.Gini, out.Herfindahl = gini(gains), herfindahl(gains)
	return out
}

// gini returns the Gini coefficient of positive values.
func gini(values []float64) float64 {
	n := len(values)
	if n == 0 {
		return math.NaN()
	}
	x := slices.Clone(values)
	slices.Sort(x)
	var sum, weighted float64
	for i, v := range x {
		sum += v
		weighted += float64(i+1) * v
	}
	return 2*weighted/(float64(n)*sum) - float64(n+1)/float64(n)
}

func herfindahl(values []float64) float64 {
	if len(values) == 0 {
		return math.NaN()
	}
	var sum, sq float64
	for _, v := range values {
		sum += v
	}
	for _, v := range values {
		sq += (v / sum) * (v / sum)
	}
	return sq
}
