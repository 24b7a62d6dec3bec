package gensurvey_test

import (
	"testing"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/internal/gensurvey"
	"github.com/jangmadang/marketarea/stats"
)

// Whatever the seed, the generated panel meets every target when the
// library computes the figures from it.
func TestPanelMeetsTargets(t *testing.T) {
	named, err := data.Named()
	if err != nil {
		t.Fatal(err)
	}
	figs, err := data.PostFigures()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := gensurvey.TargetsFrom(figs)
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range []uint64{gensurvey.Seed, 2, 3, 42} {
		ds, err := gensurvey.FromFigures(named, figs, seed)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		c, err := stats.ChangesOver(ds, stats.Window{From: 2020, To: 2025}, stats.Tolerance{})
		if err != nil {
			t.Fatal(err)
		}
		n := c.Counts()
		cov := c.Coverage(477)
		byYear := map[int]int{}
		for _, y := range cov.TownsByYear {
			byYear[y.Year] = y.Count
		}
		top := c.Concentrate(4)
		got := map[string]float64{
			"markets": float64(len(c.Markets)), "towns": float64(cov.Towns),
			"towns2024": float64(byYear[2024]), "towns2025": float64(byYear[2025]),
			"increased": float64(n.Increased()), "declined": float64(n.Decreased()), "closed": float64(n.Closed),
			"unchanged": float64(n.Unchanged), "net": c.Net(), "top4": top.TopSum,
		}
		want := map[string]float64{
			"markets": float64(tg.Markets), "towns": float64(tg.Towns),
			"towns2024": float64(tg.TownsLatest2024), "towns2025": float64(tg.TownsLatest2025),
			"increased": float64(tg.Increased), "declined": float64(tg.Declined), "closed": float64(tg.Closed),
			"unchanged": float64(tg.Unchanged), "net": tg.NetGrowth, "top4": tg.TopFourGrowth,
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("seed %d: %s = %v, want %v", seed, k, got[k], w)
			}
		}
		// The top four are the named ones, not stand-ins.
		for _, m := range top.Top {
			if _, ok := named.Market(m.Market.ID); !ok {
				t.Errorf("seed %d: stand-in %s among the top four", seed, m.Market.ID)
			}
		}
	}
}

func TestTargetsFromReportsWhatIsMissing(t *testing.T) {
	if _, err := gensurvey.TargetsFrom(nil); err == nil {
		t.Fatal("no error for empty figures")
	}
}
