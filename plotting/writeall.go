package plotting

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"gonum.org/v1/plot/vg"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// Inputs are what WriteAll draws from. A chart whose input is missing is
// skipped.
type Inputs struct {
	// Dataset holds the observations of the markets drawn one by one.
	Dataset *market.Dataset
	// Changes over the survey window: statuses, contributions, the map,
	// and which markets get a panel of their own.
	Changes *stats.Changes
	// National is the national gross series per year (data.NationalGross).
	National stats.YearSeries
	// Estimates are the published counts of markets (data.OtherEstimates).
	Estimates []stats.Estimate
	// Outline is the country's GeoJSON outline (data.Outline("PRK")); nil
	// draws the map without it.
	Outline []byte
	// TopK is how many top gainers to highlight, and how many gainers and
	// closed markets get a panel; 4 when zero.
	TopK int
}

// The charts WriteAll writes, each as NAME.png and NAME.svg, in this
// order, with the size of each.
var charts = []struct {
	name          string
	width, height vg.Length
	draw          func(Inputs) (Drawer, error)
}{
	{"gross-by-year", 10 * vg.Inch, 6 * vg.Inch, drawGross},
	{"status", 10 * vg.Inch, 5.5 * vg.Inch, drawStatus},
	{"contributions", 10 * vg.Inch, 7 * vg.Inch, drawContributions},
	{"map", 8 * vg.Inch, 8.5 * vg.Inch, drawMap},
	{"estimates", 10 * vg.Inch, 6 * vg.Inch, drawEstimates},
	{"markets", 10 * vg.Inch, 7 * vg.Inch, drawMarkets},
}

// WriteAll draws every chart of a survey and writes each into dir, which
// it creates if needed, as PNG and SVG. It returns the paths written, in
// this order:
//
//	gross-by-year.png, .svg  GrossByYear(in.National)
//	status.png, .svg         StatusBreakdown(in.Changes.ByStatus(), window)
//	contributions.png, .svg  Contributions(in.Changes, in.TopK)
//	map.png, .svg            MarketMap(in.Changes, in.Outline)
//	estimates.png, .svg      Estimates(in.Estimates)
//	markets.png, .svg        MarketGrid of the top gainers and the closed
//	                         markets, from the year before the window
//
// A chart is skipped when its input is missing (a nil Changes or Dataset,
// an empty series or no estimates) or holds nothing to draw (ErrNoData);
// the paths returned say which were written. Any other error stops
// WriteAll.
func WriteAll(dir string, in Inputs) ([]string, error) {
	if in.TopK <= 0 {
		in.TopK = 4
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("plotting: %w", err)
	}
	var written []string
	for _, ch := range charts {
		d, err := ch.draw(in)
		if errors.Is(err, ErrNoData) || (err == nil && d == nil) {
			continue
		}
		if err != nil {
			return written, fmt.Errorf("plotting: chart %s: %w", ch.name, err)
		}
		for _, ext := range []string{".png", ".svg"} {
			path := filepath.Join(dir, ch.name+ext)
			if err := Save(d, ch.width, ch.height, path); err != nil {
				return written, err
			}
			written = append(written, path)
		}
	}
	return written, nil
}

// The draw functions return a nil Drawer when their input is missing.

func drawGross(in Inputs) (Drawer, error) {
	if len(in.National.Values) == 0 {
		return nil, nil
	}
	return GrossByYear(in.National)
}

func drawStatus(in Inputs) (Drawer, error) {
	if in.Changes == nil {
		return nil, nil
	}
	f, err := StatusBreakdown(in.Changes.ByStatus(), in.Changes.Window)
	if err != nil {
		return nil, err
	}
	f.Note += syntheticNote(in.Changes)
	return f, nil
}

func drawContributions(in Inputs) (Drawer, error) {
	if in.Changes == nil {
		return nil, nil
	}
	return Contributions(in.Changes, in.TopK)
}

func drawMap(in Inputs) (Drawer, error) {
	if in.Changes == nil {
		return nil, nil
	}
	return MarketMap(in.Changes, in.Outline)
}

func drawEstimates(in Inputs) (Drawer, error) {
	if len(in.Estimates) == 0 {
		return nil, nil
	}
	return Estimates(in.Estimates)
}

func drawMarkets(in Inputs) (Drawer, error) {
	if in.Changes == nil || in.Dataset == nil {
		return nil, nil
	}
	gainers, closed := panelMarkets(in.Changes, in.TopK)
	ids := append(gainers, closed...)
	if len(ids) == 0 {
		return nil, nil
	}
	w := in.Changes.Window
	// One row of gainers, then one of closed markets.
	f, err := MarketGrid(in.Dataset, ids, max(len(gainers), len(closed)), w.From-1, w.To)
	if err != nil {
		return nil, err
	}
	switch {
	case len(gainers) > 0 && len(closed) > 0:
		f.Title = fmt.Sprintf("Stall area of the %s markets that grew most (top row) and the %s that closed, %d–%d",
			numberWord(len(gainers)), numberWord(len(closed)), w.From-1, w.To)
	case len(gainers) > 0:
		f.Title = fmt.Sprintf("Covered stall area of the %s markets that grew most, %d–%d", numberWord(len(gainers)), w.From-1, w.To)
	}
	return f, nil
}

// panelMarkets returns the IDs of the markets worth a panel of their own:
// the k that gained most (stats.Changes.Concentrate), largest gain first,
// and up to k of those that closed, largest loss first.
func panelMarkets(c *stats.Changes, k int) (gainers, closed []string) {
	for _, m := range c.Concentrate(k).Top {
		gainers = append(gainers, m.Market.ID)
	}
	ranked := c.Ranked()
	slices.Reverse(ranked)
	for _, m := range ranked {
		if m.Status == stats.Closed && len(closed) < k {
			closed = append(closed, m.Market.ID)
		}
	}
	return gainers, closed
}

// syntheticNote says how many markets of c rest on synthetic data, for a
// chart that cannot tell them apart.
func syntheticNote(c *stats.Changes) string {
	n := c.SyntheticMarkets()
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("\n%d of the %d markets rest on synthetic stand-in data generated to match the published totals.", n, len(c.Markets))
}
