package main

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats/export"
)

// links finds the targets of Markdown links and images.
var links = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// readReport runs the report into a new directory and returns it and the
// text of report.md.
func readReport(t *testing.T, o options) (string, string) {
	t.Helper()
	o.out = filepath.Join(t.TempDir(), "report")
	path, err := run(o)
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(o.out, ReportFile) {
		t.Errorf("report at %s, want %s", path, filepath.Join(o.out, ReportFile))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return o.out, string(b)
}

func TestShippedReportHasEverySectionAndItsFiles(t *testing.T) {
	dir, md := readReport(t, defaults())
	for _, want := range []string{
		"# Market stall area, 2020-2025",
		"## Survey summary", "## Markets by status", "## Top contributors", "## Closed markets",
		"## By province", "## Gross change by year", "## Fact check", "## Charts", "## Files",
		// The summary: covered, left out with the reason, stand-ins.
		"222 of the 223 markets", "Ryonggang Market (`ryonggang`): no observations",
		"220 of the 222 markets rest on a synthetic stand-in",
		"46.5 %", "+9,905 m² of stall area, on average +1,981 m² a year",
		// Top contributors: the four named markets make 51.9 % of net growth.
		"| 4 | Pyongyang-Hadang Market #3 | Pyongyang | +1,065 m² | 10.8 % | 51.9 % |",
		"| Haksan Market | (unknown) | 400 m² | 2020 | 2024 | published |",
		"| (unknown) | 217 |",
		"| `coverage_share` | 48 % | 46.54 % | rounded | **mismatch** |",
		"214 of the 222 markets have no known location and are left out",
		// The charts of package plotting, embedded as PNG.
		"](gross-by-year.png)", "](status.png)", "](contributions.png)", "](map.png)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	linked := map[string]bool{}
	for _, m := range links.FindAllStringSubmatch(md, -1) {
		linked[m[1]] = true
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(m[1])))
		if err != nil || fi.Size() == 0 {
			t.Errorf("linked file %s: %v", m[1], err)
		}
	}
	for _, name := range []string{export.ResultsFile, export.GrossByYearFile, export.GeoJSONFile, export.KMLFile} {
		if !linked[name] {
			t.Errorf("%s is not linked from report.md", name)
		}
	}
	// Every chart written is shown.
	pngs, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	for _, p := range pngs {
		if !strings.Contains(md, "]("+filepath.Base(p)+")") {
			t.Errorf("%s is not embedded in report.md", filepath.Base(p))
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".report-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// A run replaces the report of an earlier run in the same directory.
func TestRunTwiceIntoOneDirectory(t *testing.T) {
	o := defaults()
	o.out = t.TempDir()
	if _, err := run(o); err != nil {
		t.Fatal(err)
	}
	o.from, o.to = 2021, 2024
	path, err := run(o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "# Market stall area, 2021-2024\n") {
		t.Errorf("second report starts %.40q, %v", b, err)
	}
}

// writeDir writes files into a new directory.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Bad data gets every problem in every file, each with its position, and
// no report.
func TestBadDataListsEveryProblemAndWritesNoReport(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"markets.csv":        "id,name,lat,lon\na,A,39,\nb,B,,\n",
		"observations.csv":   "market_id,date,stall_area_m2,source,provenance\nb,2020,-5,GE,measured\nc,2021,10,GE,measured\nb,2022-13,10,GE,measured\n",
		"national-gross.csv": "year,gross_new_m2,provenance,source,note\n2019,lots,published,post,\n",
	})
	published := filepath.Join(dir, "figures.csv")
	if err := os.WriteFile(published, []byte("id,value,unit,kind,rule\nx,1,m2,reported,roughly\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := defaults()
	o.dataDir, o.published = dir, published
	o.out = filepath.Join(t.TempDir(), "report")
	_, err := run(o)
	var es market.Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %v, want market.Errors", err)
	}
	for _, want := range []string{
		"markets.csv:2:8: lon: latitude and longitude must both be given",
		"observations.csv:2:8: stall_area_m2: negative area",
		"observations.csv:3:1: market_id: observation of a market not in markets.csv",
		"observations.csv:4:3: date: not a date",
		"national-gross.csv:2:6: gross_new_m2: not a number",
		"figures.csv:2:17: rule: unknown rule",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if !errors.Is(err, market.ErrNegativeArea) || !errors.Is(err, market.ErrUnknownMarket) {
		t.Errorf("sentinels not reachable with errors.Is: %v", err)
	}
	if _, err := os.Stat(o.out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("output directory written despite bad data: %v", err)
	}
}

// userData is a small dataset of the user's own: two markets with a
// location, one without, one with a name that needs escaping in Markdown.
var userData = map[string]string{
	"markets.csv": `id,name,province,town,lat,lon
a,Market *A* | one,North Hamgyong,Chongjin,41.79,129.78
b,Market B,,Hyesan,41.39,128.18
c,Market C,North Hamgyong,Kilju,,
`,
	"observations.csv": `market_id,date,stall_area_m2,source,provenance
a,2018,1000,Planet,measured
a,2022-06,2500,Planet,measured
b,2019,800,Planet,measured
b,2021,0,Planet,measured
c,2019,100,Planet,measured
c,2023,150,Planet,measured
`,
}

func TestUserDataWithoutPublishedFigures(t *testing.T) {
	o := defaults()
	o.dataDir = writeDir(t, userData)
	_, md := readReport(t, o)
	for _, want := range []string{
		"3 of the 3 markets in the data",
		"- **Left out**: none.",
		"Coverage**: not computed",
		"- **Synthetic stand-ins**: none",
		"+750 m² of stall area, on average +150 m² a year over 5 years", // 1500 - 800 + 50
		`| 1 | Market \*A\* \| one | North Hamgyong | +1,500 m² | 200.0 % | 200.0 % | measured |`,
		"| Market B | (unknown) | 800 m² | 2019 | 2021 | measured |",
		"| North Hamgyong | 2 | +1,550 m² |",
		"| (unknown) | 1 | -800 m² |",
		"No published figures were given",
		"1 of the 3 markets have no known location",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q\n%s", want, md)
		}
	}
}

func TestUserDataWithPublishedFiguresAndKnownMarkets(t *testing.T) {
	o := defaults()
	o.dataDir = writeDir(t, userData)
	o.published = filepath.Join(o.dataDir, "figures.csv")
	if err := os.WriteFile(o.published, []byte("id,value,unit,kind,rule\nnet_growth_2020_2025,750,m2,reported,exact\nmarkets_closed,2,markets,reported,exact\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o.known = 10
	_, md := readReport(t, o)
	for _, want := range []string{
		"3 of the 10 markets known in the country, 30.0 % (count of known markets: given with -known)",
		"2 published figures from `" + o.published + "`",
		"1 match, 0 within rounding, 1 mismatch",
		"| `net_growth_2020_2025` | 750 m² | 750 m² | exact | match |",
		"| `markets_closed` | 2 | 1 | exact | **mismatch** | off by -1 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q\n%s", want, md)
		}
	}
}

func TestWindowEndingBeforeItStartsIsRefused(t *testing.T) {
	o := defaults()
	o.from, o.to = 2025, 2020
	o.out = filepath.Join(t.TempDir(), "report")
	if _, err := run(o); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(o.out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("output directory written: %v", err)
	}
}
