// Package gensurvey generates the synthetic stand-in markets that make the
// shipped 2020-2025 survey panel agree with the AccessDPRK post's counts
// and totals. The post publishes aggregates (222 markets, 26 increased,
// 9,905 m² net growth, ...) and a few named markets, not the per-market
// table; the stand-ins fill the rest so that the library's computations
// can run end to end. Every value it invents is marked synthetic, every
// stand-in is named "Stand-in market NNN", and none has a location.
//
// The generation is deterministic: the same named markets, targets and
// seed give the same dataset, byte for byte.
package gensurvey

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// Seed is the seed of the shipped panel.
const Seed = 1

// Targets are the published aggregates the panel must meet.
type Targets struct {
	Markets, Towns              int
	TownsLatest2024             int
	TownsLatest2025             int
	Increased, Declined, Closed int
	Unchanged                   int
	NetGrowth, TopFourGrowth    float64
}

// TargetsFrom reads the targets from the post's figures.
func TargetsFrom(figures []stats.Published) (Targets, error) {
	want := map[string]*float64{}
	var t Targets
	var markets, towns, t24, t25, inc, dec, closed, unch float64
	for id, p := range map[string]*float64{
		"markets_surveyed": &markets, "towns_surveyed": &towns, "towns_imagery_2024": &t24,
		"towns_imagery_2025": &t25, "markets_increased": &inc, "markets_declined": &dec,
		"markets_closed": &closed, "markets_unchanged": &unch,
		"net_growth_2020_2025": &t.NetGrowth, "top4_net_growth": &t.TopFourGrowth,
	} {
		want[id] = p
	}
	for _, f := range figures {
		if p, ok := want[f.ID]; ok && f.HasValue {
			*p = f.Value
			delete(want, f.ID)
		}
	}
	if len(want) > 0 {
		ids := make([]string, 0, len(want))
		for id := range want {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		return Targets{}, fmt.Errorf("gensurvey: the figures lack %v", ids)
	}
	t.Markets, t.Towns, t.TownsLatest2024, t.TownsLatest2025 = int(markets), int(towns), int(t24), int(t25)
	t.Increased, t.Declined, t.Closed, t.Unchanged = int(inc), int(dec), int(closed), int(unch)
	return t, nil
}

// The roles of the named markets in the panel, from what the post says of
// them.
var (
	topFour = []string{"sariwon_2", "sariwon_4", "pyongyang_hadang_2", "pyongyang_hadang_3"}
	// The latest imagery year of the towns of the top four, which the post
	// does not give: chosen so that the towns split as published.
	topFourEnd = map[string]int{"sariwon_2": 2025, "sariwon_4": 2025, "pyongyang_hadang_2": 2024, "pyongyang_hadang_3": 2024}
)

// StandInSource is the source of every synthetic observation: no imagery
// stands behind it.
const StandInSource = "stand-in (internal/cmd/gensurvey)"

type gen struct {
	rng     *rand.Rand
	markets []market.Market
	obs     []market.Observation
}

func (g *gen) synth(id string, d market.Date, area float64) {
	g.obs = append(g.obs, market.Observation{MarketID: id, Date: d, StallArea: area, Source: StandInSource, Provenance: market.Synthetic})
}

// Generate returns the panel: the named markets with their published
// observations, synthetic observations where the published ones leave a
// named market without a 2020 baseline or an end, and stand-in markets.
func Generate(named *market.Dataset, t Targets, seed uint64) (*market.Dataset, error) {
	g := &gen{rng: rand.New(rand.NewPCG(seed, seed))}
	g.markets = slices.Clone(named.Markets())
	g.obs = slices.Clone(named.AllObservations())

	// Closed markets: the post's before-areas, and synthetic 2020
	// baselines where its imagery starts in 2022 (it says the area was
	// there; not that it was unchanged since 2020).
	var closedLoss float64
	closedTowns := map[int]int{} // year -> towns
	for _, m := range named.Markets() {
		obs := named.Observations(m.ID)
		if len(obs) < 2 || obs[len(obs)-1].StallArea != 0 || obs[0].StallArea == 0 {
			continue
		}
		closedLoss += obs[0].StallArea
		closedTowns[obs[len(obs)-1].Date.Year()]++
		if obs[0].Date.Year() > 2020 {
			g.synth(m.ID, market.YearOnly(2020), obs[0].StallArea)
		}
	}
	if n := len(closedTowns); n == 0 {
		return nil, fmt.Errorf("gensurvey: the named markets hold no closed market")
	}

	// The top four: synthetic gains summing to the published total.
	gains := g.split(t.TopFourGrowth, 4, 0.75, 1.25)
	slices.SortFunc(gains, func(a, b float64) int { return int(b - a) })
	minTop := gains[3]
	for i, id := range topFour {
		if _, ok := named.Market(id); !ok {
			return nil, fmt.Errorf("gensurvey: named market %q missing", id)
		}
		end := topFourEnd[id]
		if id == "sariwon_4" {
			// Built in mid-2020: the published 2019 zero is the baseline.
			g.synth(id, market.MonthOnly(2020, 9), gains[i])
			g.synth(id, market.MonthOnly(end, 4), gains[i])
			continue
		}
		base := g.area(800, 3000)
		g.synth(id, market.YearOnly(2020), base)
		g.synth(id, market.MonthOnly(2021+g.rng.IntN(end-2021), time.Month(1+g.rng.IntN(12))), base+gains[i])
		g.synth(id, market.MonthOnly(end, 5), base+gains[i])
	}

	// Stand-ins: the rest of the counts and of the net growth.
	named4 := len(topFour) + t.Closed
	grew := t.Increased - len(topFour)
	declined := t.Declined - t.Closed
	unchanged := t.Unchanged
	standIns := t.Markets - named4
	if grew < 0 || declined < 0 || grew+declined+unchanged != standIns {
		return nil, fmt.Errorf("gensurvey: the counts do not add up: %d increased + %d declined + %d unchanged != %d markets",
			t.Increased, t.Declined, t.Unchanged, t.Markets)
	}
	losses := make([]float64, declined)
	var lossSum float64
	for i := range losses {
		losses[i] = g.area(20, 300)
		lossSum += losses[i]
	}
	rest := t.NetGrowth - t.TopFourGrowth + closedLoss + lossSum
	standGains := g.split(rest, grew, 0.2, 1.8)
	for _, v := range standGains {
		if v >= minTop {
			return nil, fmt.Errorf("gensurvey: a stand-in gain of %v would outrank the top four (smallest %v)", v, minTop)
		}
	}

	// Towns: the named markets' towns first, then stand-in towns, so that
	// the towns split between 2024 and 2025 imagery as published.
	namedTowns := map[string]int{}
	for _, m := range named.Markets() {
		if obs := named.Observations(m.ID); len(obs) > 0 || slices.Contains(topFour, m.ID) {
			town := m.Town
			if town == "" {
				town = m.ID
			}
			y := topFourEnd[m.ID]
			if len(obs) > 0 && obs[len(obs)-1].Date.Year() > y {
				y = obs[len(obs)-1].Date.Year()
			}
			namedTowns[town] = max(namedTowns[town], y)
		}
	}
	left := map[int]int{2024: t.TownsLatest2024, 2025: t.TownsLatest2025}
	for _, y := range namedTowns {
		left[y]--
	}
	standTowns := t.Towns - len(namedTowns)
	if left[2024] < 0 || left[2025] < 0 || left[2024]+left[2025] != standTowns || standTowns > standIns {
		return nil, fmt.Errorf("gensurvey: the towns do not add up")
	}
	townYear := make([]int, 0, standTowns)
	for range left[2024] {
		townYear = append(townYear, 2024)
	}
	for range left[2025] {
		townYear = append(townYear, 2025)
	}
	g.rng.Shuffle(len(townYear), func(i, j int) { townYear[i], townYear[j] = townYear[j], townYear[i] })
	// Every town gets one market; the others go to towns at random.
	townOf := make([]int, standIns)
	for i := range townOf {
		if i < standTowns {
			townOf[i] = i
		} else {
			townOf[i] = g.rng.IntN(standTowns)
		}
	}
	roles := make([]int, 0, standIns) // >0: index+1 into gains; <0: into losses; 0: unchanged
	for i := range standGains {
		roles = append(roles, i+1)
	}
	for i := range losses {
		roles = append(roles, -(i + 1))
	}
	for range unchanged {
		roles = append(roles, 0)
	}
	g.rng.Shuffle(len(roles), func(i, j int) { roles[i], roles[j] = roles[j], roles[i] })

	for i := range standIns {
		id := fmt.Sprintf("standin_%03d", i+1)
		town := townOf[i]
		g.markets = append(g.markets, market.Market{
			ID: id, Name: fmt.Sprintf("Stand-in market %03d", i+1), Town: fmt.Sprintf("Stand-in town %03d", town+1),
			Notes: "synthetic stand-in, not a real market: generated by internal/cmd/gensurvey so that the panel meets the post's totals",
		})
		end := townYear[town]
		base := g.area(150, 2500)
		endDate := market.MonthOnly(end, time.Month(1+g.rng.IntN(12)))
		var after float64
		switch r := roles[i]; {
		case r > 0:
			after = base + standGains[r-1]
		case r < 0:
			// Stalls remain: a declining stand-in keeps at least 10 m².
			for base-losses[-r-1] < 10 {
				base += 100
			}
			after = base - losses[-r-1]
		default:
			after = base
		}
		g.synth(id, market.YearOnly(2020), base)
		if after != base {
			g.synth(id, market.MonthOnly(2021+g.rng.IntN(end-2021), time.Month(1+g.rng.IntN(12))), after)
		}
		g.synth(id, endDate, after)
	}
	return market.NewDataset(g.markets, g.obs)
}

// area returns a random area in [lo, hi), a multiple of 10 m².
func (g *gen) area(lo, hi float64) float64 {
	return 10 * float64(int(lo/10)+g.rng.IntN(int((hi-lo)/10)))
}

// split divides total into n positive multiples of 5 m² that sum to it
// exactly, each between lo and hi times the mean (before the last one
// takes the remainder).
func (g *gen) split(total float64, n int, lo, hi float64) []float64 {
	if n == 0 {
		return nil
	}
	weights := make([]float64, n)
	var sum float64
	for i := range weights {
		weights[i] = lo + (hi-lo)*g.rng.Float64()
		sum += weights[i]
	}
	out := make([]float64, n)
	var used float64
	for i := range out[:n-1] {
		out[i] = 5 * float64(int(total*weights[i]/sum/5+0.5))
		used += out[i]
	}
	out[n-1] = total - used
	return out
}

// FromFigures reads the targets from the post's figures and generates the
// panel from the named markets: what go generate ./data runs on the
// shipped files.
func FromFigures(named *market.Dataset, figures []stats.Published, seed uint64) (*market.Dataset, error) {
	t, err := TargetsFrom(figures)
	if err != nil {
		return nil, err
	}
	return Generate(named, t, seed)
}
