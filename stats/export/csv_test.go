package export_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/gocarina/gocsv"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
	"github.com/jangmadang/marketarea/stats/export"
)

// resultBack is a row of results.csv as a user's program would read it,
// typed, through gocsv.
type resultBack struct {
	MarketID           string            `csv:"market_id"`
	Name               string            `csv:"name"`
	Province           string            `csv:"province"`
	Town               string            `csv:"town"`
	Lat                string            `csv:"lat"`
	Lon                string            `csv:"lon"`
	BaselineDate       market.Date       `csv:"baseline_date"`
	BaselineArea       float64           `csv:"baseline_m2"`
	EndDate            market.Date       `csv:"end_date"`
	EndArea            float64           `csv:"end_m2"`
	Change             float64           `csv:"change_m2"`
	Status             string            `csv:"status"`
	BaselineProvenance market.Provenance `csv:"baseline_provenance"`
	EndProvenance      market.Provenance `csv:"end_provenance"`
	Synthetic          bool              `csv:"synthetic"`
}

// readBack reads CSV through our own csv.Reader into out, never through
// gocsv's package-level reader.
func readBack(t *testing.T, b []byte, out any) {
	t.Helper()
	if err := gocsv.UnmarshalCSV(csv.NewReader(bytes.NewReader(b)), out); err != nil {
		t.Fatal(err)
	}
}

func TestResultsCSVRoundTripsEveryValue(t *testing.T) {
	c := fixture()
	var b bytes.Buffer
	if err := export.WriteResultsCSV(&b, c); err != nil {
		t.Fatal(err)
	}
	var rows []resultBack
	readBack(t, b.Bytes(), &rows)
	if len(rows) != len(c.Markets) {
		t.Fatalf("%d rows, want %d", len(rows), len(c.Markets))
	}
	for i, m := range c.Markets {
		want := resultBack{
			MarketID: m.Market.ID, Name: m.Market.Name, Province: m.Market.Province, Town: m.Market.Town,
			BaselineDate: m.Baseline.Date, BaselineArea: m.Baseline.StallArea,
			EndDate: m.End.Date, EndArea: m.End.StallArea, Change: m.Change, Status: m.Status.String(),
			BaselineProvenance: m.Baseline.Provenance, EndProvenance: m.End.Provenance, Synthetic: m.Synthetic(),
		}
		if m.Market.Location.Known {
			want.Lat, want.Lon = floatText(m.Market.Location.Lat), floatText(m.Market.Location.Lon)
		}
		if rows[i] != want {
			t.Errorf("row %d:\n got %+v\nwant %+v", i+1, rows[i], want)
		}
	}
}

func TestResultsCSVHasStableColumnsAndEmptyUnknownLocation(t *testing.T) {
	var b bytes.Buffer
	if err := export.WriteResultsCSV(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := "market_id,name,province,town,lat,lon,baseline_date,baseline_m2,end_date,end_m2,change_m2,status,baseline_provenance,end_provenance,synthetic"
	if got := strings.Join(recs[0], ","); got != header {
		t.Errorf("header\n got %s\nwant %s", got, header)
	}
	for _, r := range recs[1:] {
		if r[0] == "nowhere" && (r[4] != "" || r[5] != "") {
			t.Errorf("unknown location written as %q, %q", r[4], r[5])
		}
		if r[0] == "sariwon" && (r[4] != "38.5" || r[5] != "125.7" || r[7] != "0" || r[9] != "1345.5") {
			t.Errorf("sariwon row %q", r)
		}
	}
}

func TestGrossByYearCSVRoundTripsAndAddsUpToNet(t *testing.T) {
	c := fixture()
	years := c.ByYear()
	var b bytes.Buffer
	if err := export.WriteGrossByYearCSV(&b, years); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(b.String(), "\n"); first != "year,additions_m2,reductions_m2,net_m2,markets" {
		t.Errorf("header %q", first)
	}
	type yearBack struct {
		Year       int     `csv:"year"`
		Additions  float64 `csv:"additions_m2"`
		Reductions float64 `csv:"reductions_m2"`
		Net        float64 `csv:"net_m2"`
		Markets    int     `csv:"markets"`
	}
	var rows []yearBack
	readBack(t, b.Bytes(), &rows)
	var got []stats.YearChange
	var net float64
	for _, r := range rows {
		got = append(got, stats.YearChange{Year: r.Year, Additions: r.Additions, Reductions: r.Reductions, Markets: r.Markets})
		if r.Net != r.Additions-r.Reductions {
			t.Errorf("%d: net %v, want %v", r.Year, r.Net, r.Additions-r.Reductions)
		}
		net += r.Net
	}
	if !slices.Equal(got, years) {
		t.Errorf("read back\n %+v\nwant\n %+v", got, years)
	}
	if net != c.Net() {
		t.Errorf("years add up to %v, net is %v", net, c.Net())
	}
}

func TestEmptyResultsWriteHeadersOnly(t *testing.T) {
	var b bytes.Buffer
	if err := export.WriteResultsCSV(&b, &stats.Changes{}); err != nil {
		t.Fatal(err)
	}
	if strings.Count(b.String(), "\n") != 1 || !strings.HasPrefix(b.String(), "market_id,") {
		t.Errorf("got %q, want the header only", b.String())
	}
}
