// Package genlarge writes large synthetic datasets (markets.csv and
// observations.csv) for benchmarks: deterministic for a seed, valid, and
// shaped like the real data, with markets that open, grow, decline and
// close, dates known to the day, month or year, and sparse open-air areas.
//
// Areas are multiples of 0.25 m², so that sums of them are exact in any
// order and two programs that add them up agree number for number.
package genlarge

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// Config says what to generate.
type Config struct {
	Rows    int    // observations
	Markets int    // markets; 0 means Rows/1000, at least 1
	Seed    uint64 // the same seed gives the same files
}

func (c Config) markets() int {
	if c.Markets > 0 {
		return c.Markets
	}
	return max(1, c.Rows/1000)
}

// The span of the observations' dates.
const (
	FirstYear = 2000
	LastYear  = 2025
)

var provinces = []string{"pyongyang", "south-pyongan", "north-pyongan", "chagang", "south-hwanghae",
	"north-hwanghae", "kangwon", "south-hamgyong", "north-hamgyong", "ryanggang", "rason", "nampo"}

var sources = []string{"Google Earth Pro", "Planet SkySat", "Maxar WorldView-3", "Airbus Pleiades Neo"}

// WriteDir writes markets.csv and observations.csv into dir, creating it.
func WriteDir(dir string, c Config) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := []string{"markets.csv", "observations.csv"}
	ws := make([]*os.File, len(files))
	for i, name := range files {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		defer f.Close()
		ws[i] = f
	}
	if err := Write(ws[0], ws[1], c); err != nil {
		return err
	}
	for _, f := range ws {
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// Write writes the markets and their observations, grouped by market in
// market order and in date order within a market, as
// market.WriteDataset writes them.
func Write(markets, observations io.Writer, c Config) error {
	n := c.markets()
	if c.Rows < 0 || (c.Rows+n-1)/n > MaxPerMarket {
		return fmt.Errorf("genlarge: %d rows over %d markets: at most %d a market", c.Rows, n, MaxPerMarket)
	}
	rng := rand.New(rand.NewPCG(c.Seed, c.Seed^0x9e3779b97f4a7c15))
	mw := bufio.NewWriterSize(markets, 1<<16)
	ow := bufio.NewWriterSize(observations, 1<<20)
	mw.WriteString("id,name,province,county,town,lat,lon,notes\n")
	ow.WriteString("market_id,date,stall_area_m2,open_area_m2,source,provenance\n")
	var line []byte
	var dates []int32
	for i := range n {
		prov := provinces[i%len(provinces)]
		id := fmt.Sprintf("%s-%06d", prov, i)
		line = fmt.Appendf(line[:0], "%s,Market %d,%s,County %d,Town %d,", id, i, prov, i%97, i%389)
		if rng.IntN(10) > 0 { // a tenth have no known location
			line = strconv.AppendFloat(line, 37.7+rng.Float64()*5.3, 'f', 5, 64)
			line = append(line, ',')
			line = strconv.AppendFloat(line, 124.3+rng.Float64()*6.4, 'f', 5, 64)
		} else {
			line = append(line, ',')
		}
		line = append(line, ",synthetic\n"...)
		mw.Write(line)

		k := c.Rows / n
		if i < c.Rows%n {
			k++
		}
		// Most markets are seen from the first year to the last; some
		// first in the window's first year, some only later and some
		// only before it (those two have no baseline for 2011-2025).
		first, last := FirstYear, LastYear
		switch p := rng.IntN(100); {
		case p < 5:
			first = 2011
		case p < 8:
			first = 2013 + rng.IntN(5)
		case p < 10:
			last = 2008
		}
		dates = marketDates(rng, dates[:0], k, first, last)
		life := newLife(rng)
		for _, d := range dates {
			line = append(line[:0], id...)
			line = append(line, ',')
			line = appendDate(line, d)
			line = append(line, ',')
			line = appendArea(line, life.area(rng, d))
			line = append(line, ',')
			if rng.IntN(2) == 0 {
				line = appendArea(line, quarter(rng.Float64()*3000))
			}
			line = append(line, ',')
			line = append(line, sources[rng.IntN(len(sources))]...)
			switch p := rng.IntN(10); {
			case p == 0:
				line = append(line, ",published\n"...)
			case p == 1:
				line = append(line, ",synthetic\n"...)
			default:
				line = append(line, ",measured\n"...)
			}
			ow.Write(line)
		}
	}
	if err := mw.Flush(); err != nil {
		return err
	}
	return ow.Flush()
}

// A date is kept as year<<16 | month<<8 | day, with 0 for an unknown
// part: that orders them as market.Date.Compare does.
func dateKey(y, m, d int) int32 { return int32(y<<16 | m<<8 | d) }

func appendDate(b []byte, k int32) []byte {
	y, m, d := int(k>>16), int(k>>8&0xff), int(k&0xff)
	b = strconv.AppendInt(b, int64(y), 10)
	for _, v := range []int{m, d} {
		if v == 0 {
			break
		}
		b = append(b, '-', byte('0'+v/10), byte('0'+v%10))
	}
	return b
}

// MaxPerMarket is the most observations a market can have: one a day,
// with months of 28 days.
const MaxPerMarket = (LastYear - FirstYear + 1) * 12 * 28

// marketDates returns k distinct dates in order, spread over the years:
// most known to the day, some to the month or the year.
func marketDates(rng *rand.Rand, dates []int32, k, first, last int) []int32 {
	days := (last - first + 1) * 12 * 28
	if k > days { // as many as fit: MaxPerMarket allows for it
		first, days = FirstYear, MaxPerMarket
	}
	step := max(1, days/max(k, 1))
	coarse := make(map[int32]bool)
	for j := range k {
		// Strictly increasing: floor((j+1)D/k) >= floor(jD/k) + step.
		slot := j*days/k + rng.IntN(step)
		y, m, d := first+slot/336, 1+slot%336/28, 1+slot%28
		key := dateKey(y, m, d)
		switch p := rng.IntN(100); {
		case p < 3:
			key = dateKey(y, 0, 0)
		case p < 10:
			key = dateKey(y, m, 0)
		}
		if coarse[key] { // a year or month already used: keep the day
			key = dateKey(y, m, d)
		}
		coarse[key] = true
		dates = append(dates, key)
	}
	slices.Sort(dates)
	return dates
}

// life is how a market's stall area changes over the years.
type life struct {
	open, close int     // years it opens (area 0 before) and closes (0 from then on)
	base, trend float64 // area when it opens, and its yearly growth
	noise       float64 // relative spread of measurements
}

func newLife(rng *rand.Rand) life {
	l := life{open: FirstYear - 1, close: LastYear + 1, base: quarter(200 + rng.Float64()*8000),
		trend: rng.NormFloat64() * 0.06, noise: 0.03}
	switch p := rng.IntN(100); {
	case p < 3: // the same area on every image
		l.trend, l.noise = 0, 0
	case p < 15:
		l.open = 2011 + rng.IntN(14)
	case p < 21:
		l.close = 2012 + rng.IntN(14)
	}
	return l
}

func (l life) area(rng *rand.Rand, d int32) float64 {
	y := int(d >> 16)
	if y < l.open || y >= l.close {
		return 0
	}
	v := l.base * math.Exp(l.trend*float64(y-max(l.open, FirstYear)))
	v *= 1 + rng.NormFloat64()*l.noise
	return quarter(max(v, 0))
}

// quarter rounds to a multiple of 0.25.
func quarter(v float64) float64 { return math.Round(v*4) / 4 }

func appendArea(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', -1, 64) }
