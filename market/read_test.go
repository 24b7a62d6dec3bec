package market_test

import (
	"encoding/csv"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jangmadang/marketarea/market"
)

// The headers of the test files, and one good row of each. In the good
// market row the fields start at columns id 1, name 3, province 5,
// county 7, town 9, lat 11, lon 14, notes 18; in the good observation row
// at market_id 1, date 3, stall_area_m2 8, open_area_m2 10, source 12,
// provenance 14.
const (
	marketsHeader      = "id,name,province,county,town,lat,lon,notes\n"
	goodMarketRow      = "a,A,P,C,T,39,125,n\n"
	observationsHeader = "market_id,date,stall_area_m2,open_area_m2,source,provenance\n"
	goodObservationRow = "a,2024,1,2,s,measured\n"
)

// badInput is a file with exactly one problem, and where that problem is.
type badInput struct {
	name      string
	in        string
	startLine int // 0: the same as line
	line, col int
	field     string
	want      error
}

// checkOnlyProblem checks that err is market.Errors holding exactly the
// one problem that c describes.
func checkOnlyProblem(t *testing.T, err error, file string, c badInput) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", c.want)
	}
	var errs market.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v is a %T, want market.Errors", err, err)
	}
	if len(errs) != 1 {
		t.Fatalf("got %d problems, want 1:\n%v", len(errs), err)
	}
	pe := errs[0]
	startLine := c.startLine
	if startLine == 0 {
		startLine = c.line
	}
	if pe.File != file || pe.StartLine != startLine || pe.Line != c.line || pe.Column != c.col || pe.Field != c.field {
		t.Errorf("problem at %s, record from line %d, line %d, column %d, field %q; want %s, %d, %d, %d, %q\n(%v)",
			pe.File, pe.StartLine, pe.Line, pe.Column, pe.Field, file, startLine, c.line, c.col, c.field, pe)
	}
	if !errors.Is(err, c.want) || !errors.Is(pe, c.want) {
		t.Errorf("error %v does not wrap %v", pe, c.want)
	}
	if !strings.HasPrefix(pe.Error(), "market: "+file+":") {
		t.Errorf("error %q does not start with the package name and position", pe.Error())
	}
}

// badMarkets has a case for every problem a markets.csv file can have.
// The fuzz targets start from them too.
var badMarkets = func() []badInput {
	h := marketsHeader
	return []badInput{
		{name: "missing id column", in: "name,lat,lon\nA,39,125\n", line: 1, col: 1, field: "id", want: market.ErrMissingColumn},
		{name: "missing name column", in: "id,province\na,P\n", line: 1, col: 1, field: "name", want: market.ErrMissingColumn},
		{name: "unknown column", in: "id,name,colour\na,A,red\n", line: 1, col: 9, field: "colour", want: market.ErrUnknownColumn},
		{name: "column name with a space", in: "id,name, notes\na,A,n\n", line: 1, col: 9, field: " notes", want: market.ErrUnknownColumn},
		{name: "duplicate column", in: "id,name,id\na,A,b\n", line: 1, col: 9, field: "id", want: market.ErrDuplicateColumn},
		{name: "blank lines before a header without name", in: "\n\r\nid,province\na,P\n", line: 3, col: 1, field: "name", want: market.ErrMissingColumn},
		{name: "blank lines before an unknown column", in: "\n\nid,name,colour\na,A,red\n", line: 3, col: 9, field: "colour", want: market.ErrUnknownColumn},
		{name: "empty id", in: h + ",A,P,C,T,39,125,n\n", line: 2, col: 1, field: "id", want: market.ErrEmptyField},
		{name: "empty name", in: h + "a,,P,C,T,39,125,n\n", line: 2, col: 3, field: "name", want: market.ErrEmptyField},
		{name: "quoted empty name", in: h + `a,"",P,C,T,39,125,n` + "\n", line: 2, col: 3, field: "name", want: market.ErrEmptyField},
		{name: "lat not a number", in: h + "a,A,P,C,T,39x,125,n\n", line: 2, col: 11, field: "lat", want: market.ErrNumber},
		{name: "lon not a number", in: h + "a,A,P,C,T,39,east,n\n", line: 2, col: 14, field: "lon", want: market.ErrNumber},
		{name: "lat with a decimal comma", in: h + `a,A,P,C,T,"39,5",125,n` + "\n", line: 2, col: 11, field: "lat", want: market.ErrNumber},
		{name: "lat NaN", in: h + "a,A,P,C,T,NaN,125,n\n", line: 2, col: 11, field: "lat", want: market.ErrNotFinite},
		{name: "lon Inf", in: h + "a,A,P,C,T,39,Inf,n\n", line: 2, col: 14, field: "lon", want: market.ErrNotFinite},
		{name: "lat -inf", in: h + "a,A,P,C,T,-inf,125,n\n", line: 2, col: 11, field: "lat", want: market.ErrNotFinite},
		{name: "lat overflows to infinity", in: h + "a,A,P,C,T,1e400,125,n\n", line: 2, col: 11, field: "lat", want: market.ErrNotFinite},
		{name: "lat above 90", in: h + "a,A,P,C,T,90.5,125,n\n", line: 2, col: 11, field: "lat", want: market.ErrCoordinate},
		{name: "lat below -90", in: h + "a,A,P,C,T,-91,125,n\n", line: 2, col: 11, field: "lat", want: market.ErrCoordinate},
		{name: "lon above 180", in: h + "a,A,P,C,T,39,180.01,n\n", line: 2, col: 14, field: "lon", want: market.ErrCoordinate},
		{name: "lon below -180", in: h + "a,A,P,C,T,39,-181,n\n", line: 2, col: 14, field: "lon", want: market.ErrCoordinate},
		{name: "lat without lon", in: h + "a,A,P,C,T,39,,n\n", line: 2, col: 14, field: "lon", want: market.ErrHalfLocation},
		{name: "lon without lat", in: h + "a,A,P,C,T,,125,n\n", line: 2, col: 11, field: "lat", want: market.ErrHalfLocation},
		{name: "lat without a lon column", in: "id,name,lat\na,A,39\n", line: 2, col: 1, field: "lon", want: market.ErrHalfLocation},
		{name: "duplicate id", in: h + goodMarketRow + "b,B,P,C,T,,,\n" + "a,A2,P,C,T,39,125,n\n", line: 4, col: 1, field: "id", want: market.ErrDuplicateMarket},
		{name: "empty file", in: "", line: 1, col: 1, want: market.ErrEmptyFile},
		{name: "only a byte-order mark", in: "\ufeff", line: 1, col: 1, want: market.ErrEmptyFile},
		{name: "only blank lines", in: "\n\r\n\n", line: 1, col: 1, want: market.ErrEmptyFile},
		{name: "too many fields", in: h + "a,A,P,C,T,39,125,n,extra\n", line: 2, col: 20, want: market.ErrFieldCount},
		{name: "too few fields", in: h + "a,A,P\n", line: 2, col: 1, want: market.ErrFieldCount},
		{name: "bare quote", in: h + `a,A"B,P,C,T,39,125,n` + "\n", line: 2, col: 4, want: market.ErrSyntax},
		{name: "text after a closing quote", in: h + `a,"A"B,P,C,T,39,125,n` + "\n", line: 2, col: 5, want: market.ErrSyntax},
		// encoding/csv places an unterminated quote where the file ends.
		{name: "unterminated quote", in: h + goodMarketRow + `b,"B,P,C,T,39,125,n` + "\n", line: 3, col: 21, want: market.ErrSyntax},
		// A quoted field that spans lines comes before the bad field:
		// "Market",P,C,T, takes 14 bytes of line 4, so lat starts at 15.
		{name: "multi-line name before bad lat", in: h + goodMarketRow + "b,\"Big\nMarket\",P,C,T,99,125,n\n",
			startLine: 3, line: 4, col: 15, field: "lat", want: market.ErrCoordinate},
		{name: "multi-line name before bad lat, CRLF", in: strings.ReplaceAll(h+goodMarketRow+"b,\"Big\nMarket\",P,C,T,99,125,n\n", "\n", "\r\n"),
			startLine: 3, line: 4, col: 15, field: "lat", want: market.ErrCoordinate},
		{name: "multi-line notes in the row before", in: h + "a,A,P,C,T,39,125,\"one\ntwo\nthree\"\n" + "b,B,P,C,T,39,east,n\n",
			line: 5, col: 14, field: "lon", want: market.ErrNumber},
		{name: "multi-line notes before a bare quote", in: h + "a,A,P,C,T,39,125,\"one\ntwo\"\n" + `b,B"",P,C,T,39,125,n` + "\n",
			line: 4, col: 4, want: market.ErrSyntax},
		{name: "BOM before a bad row", in: "\ufeff" + h + "a,A,P,C,T,91,125,n\n", line: 2, col: 11, field: "lat", want: market.ErrCoordinate},
		{name: "BOM before an unknown column", in: "\ufeffcolour,id,name\nred,a,A\n", line: 1, col: 1, field: "colour", want: market.ErrUnknownColumn},
		{name: "CRLF", in: "id,name,lat,lon\r\na,A,39,125\r\nb,,39,125\r\n", line: 3, col: 3, field: "name", want: market.ErrEmptyField},
	}
}()

func TestReadMarketsReportsWhereAndWhat(t *testing.T) {
	for _, c := range badMarkets {
		t.Run(c.name, func(t *testing.T) {
			ms, err := market.ReadMarkets(strings.NewReader(c.in), "markets.csv")
			if ms != nil {
				t.Errorf("got %d markets with the error, want nil", len(ms))
			}
			checkOnlyProblem(t, err, "markets.csv", c)
		})
	}
}

// knownMarkets are the markets that badObservations are checked against.
var knownMarkets = []market.Market{{ID: "a", Name: "A"}}

// badObservations has a case for every problem an observations.csv file
// can have. The fuzz targets start from them too.
var badObservations = func() []badInput {
	h := observationsHeader
	return []badInput{
		{name: "missing stall_area_m2 column", in: "market_id,date,source,provenance\na,2024,s,measured\n", line: 1, col: 1, field: "stall_area_m2", want: market.ErrMissingColumn},
		{name: "missing provenance column", in: "market_id,date,stall_area_m2,source\na,2024,1,s\n", line: 1, col: 1, field: "provenance", want: market.ErrMissingColumn},
		{name: "unknown column", in: "market_id,date,stall_area_m2,source,provenance,area\na,2024,1,s,measured,3\n", line: 1, col: 48, field: "area", want: market.ErrUnknownColumn},
		{name: "column names are case-sensitive", in: "market_id,Date,date,stall_area_m2,source,provenance\na,2024,2024,1,s,measured\n", line: 1, col: 11, field: "Date", want: market.ErrUnknownColumn},
		{name: "duplicate column", in: "market_id,date,date,stall_area_m2,source,provenance\na,2024,2024,1,s,measured\n", line: 1, col: 16, field: "date", want: market.ErrDuplicateColumn},
		{name: "empty market_id", in: h + ",2024,1,2,s,measured\n", line: 2, col: 1, field: "market_id", want: market.ErrEmptyField},
		{name: "empty date", in: h + "a,,1,2,s,measured\n", line: 2, col: 3, field: "date", want: market.ErrEmptyField},
		{name: "empty stall area", in: h + "a,2024,,2,s,measured\n", line: 2, col: 8, field: "stall_area_m2", want: market.ErrEmptyField},
		{name: "empty source", in: h + "a,2024,1,2,,measured\n", line: 2, col: 12, field: "source", want: market.ErrEmptyField},
		{name: "empty provenance", in: h + "a,2024,1,2,s,\n", line: 2, col: 14, field: "provenance", want: market.ErrEmptyField},
		{name: "stall area not a number", in: h + "a,2024,12a,2,s,measured\n", line: 2, col: 8, field: "stall_area_m2", want: market.ErrNumber},
		{name: "open area not a number", in: h + "a,2024,1,n/a,s,measured\n", line: 2, col: 10, field: "open_area_m2", want: market.ErrNumber},
		{name: "stall area with a unit", in: h + "a,2024,120 m2,2,s,measured\n", line: 2, col: 8, field: "stall_area_m2", want: market.ErrNumber},
		{name: "month 13", in: h + "a,2024-13,1,2,s,measured\n", line: 2, col: 3, field: "date", want: market.ErrDate},
		{name: "month 00", in: h + "a,2024-00,1,2,s,measured\n", line: 2, col: 3, field: "date", want: market.ErrDate},
		{name: "29 February in a common year", in: h + "a,2023-02-29,1,2,s,measured\n", line: 2, col: 3, field: "date", want: market.ErrDate},
		{name: "31 April", in: h + "a,2024-04-31,1,2,s,measured\n", line: 2, col: 3, field: "date", want: market.ErrDate},
		{name: "date with slashes", in: h + "a,2024/05/17,1,2,s,measured\n", line: 2, col: 3, field: "date", want: market.ErrDate},
		{name: "day first", in: h + "a,17-05-2024,1,2,s,measured\n", line: 2, col: 3, field: "date", want: market.ErrDate},
		{name: "one-digit month", in: h + "a,2024-5-17,1,2,s,measured\n", line: 2, col: 3, field: "date", want: market.ErrDate},
		{name: "two-digit year", in: h + "a,24,1,2,s,measured\n", line: 2, col: 3, field: "date", want: market.ErrDate},
		{name: "negative stall area", in: h + "a,2024,-40,2,s,measured\n", line: 2, col: 8, field: "stall_area_m2", want: market.ErrNegativeArea},
		{name: "negative open area", in: h + "a,2024,1,-0.5,s,measured\n", line: 2, col: 10, field: "open_area_m2", want: market.ErrNegativeArea},
		{name: "stall area NaN", in: h + "a,2024,NaN,2,s,measured\n", line: 2, col: 8, field: "stall_area_m2", want: market.ErrNotFinite},
		{name: "open area Inf", in: h + "a,2024,1,Inf,s,measured\n", line: 2, col: 10, field: "open_area_m2", want: market.ErrNotFinite},
		{name: "stall area -inf", in: h + "a,2024,-inf,2,s,measured\n", line: 2, col: 8, field: "stall_area_m2", want: market.ErrNotFinite},
		{name: "stall area infinity", in: h + "a,2024,+Infinity,2,s,measured\n", line: 2, col: 8, field: "stall_area_m2", want: market.ErrNotFinite},
		{name: "unknown provenance", in: h + "a,2024,1,2,s,guessed\n", line: 2, col: 14, field: "provenance", want: market.ErrProvenance},
		{name: "two observations on one date", in: h + "a,2024-05,1,,s,measured\n" + "a,2024-05,2,,s,published\n", line: 3, col: 3, field: "date", want: market.ErrDuplicateObservation},
		{name: "unknown market", in: h + goodObservationRow + "b,2024,1,2,s,measured\n", line: 3, col: 1, field: "market_id", want: market.ErrUnknownMarket},
		{name: "empty file", in: "", line: 1, col: 1, want: market.ErrEmptyFile},
		{name: "too many fields", in: h + "a,2024,1,2,s,measured,x\n", line: 2, col: 23, want: market.ErrFieldCount},
		{name: "too few fields", in: h + "a,2024,1\n", line: 2, col: 1, want: market.ErrFieldCount},
		{name: "bare quote", in: h + `a,2024,1,2,Google "Earth",measured` + "\n", line: 2, col: 19, want: market.ErrSyntax},
		// "Earth", takes 7 bytes of line 3, so provenance starts at 8.
		{name: "multi-line source before bad provenance", in: h + "a,2024,1,2,\"Google\nEarth\",guessed\n",
			startLine: 2, line: 3, col: 8, field: "provenance", want: market.ErrProvenance},
		{name: "multi-line source in the row before", in: h + "a,2024,1,2,\"Google\r\nEarth\r\n\",measured\r\n" + "a,2024-02-30,1,2,s,measured\r\n",
			line: 5, col: 3, field: "date", want: market.ErrDate},
		{name: "BOM and CRLF before a bad row", in: "\ufeff" + strings.ReplaceAll(h+goodObservationRow, "\n", "\r\n") + "a,2025,-1,,s,synthetic\r\n",
			line: 3, col: 8, field: "stall_area_m2", want: market.ErrNegativeArea},
	}
}()

func TestReadObservationsReportsWhereAndWhat(t *testing.T) {
	for _, c := range badObservations {
		t.Run(c.name, func(t *testing.T) {
			obs, err := market.ReadObservations(strings.NewReader(c.in), "observations.csv", knownMarkets)
			if obs != nil {
				t.Errorf("got %d observations with the error, want nil", len(obs))
			}
			checkOnlyProblem(t, err, "observations.csv", c)
		})
	}
}

// TestReadSyntaxErrorWrapsCSVError checks that a malformed file can also
// be matched with encoding/csv's own sentinels.
func TestReadSyntaxErrorWrapsCSVError(t *testing.T) {
	_, err := market.ReadMarkets(strings.NewReader(marketsHeader+`a,A"B,P,C,T,39,125,n`+"\n"), "markets.csv")
	if !errors.Is(err, market.ErrSyntax) || !errors.Is(err, csv.ErrBareQuote) {
		t.Errorf("error %v does not wrap both market.ErrSyntax and csv.ErrBareQuote", err)
	}
}

func TestReadObservationsWithoutMarketsAcceptsAnyID(t *testing.T) {
	in := observationsHeader + "zz,2024,1,,s,measured\n"
	obs, err := market.ReadObservations(strings.NewReader(in), "observations.csv", nil)
	if err != nil || len(obs) != 1 || obs[0].MarketID != "zz" {
		t.Fatalf("got %v, %v; want the one observation", obs, err)
	}
	_, err = market.ReadObservations(strings.NewReader(in), "observations.csv", []market.Market{})
	if !errors.Is(err, market.ErrUnknownMarket) {
		t.Errorf("with an empty list of markets: got %v, want ErrUnknownMarket", err)
	}
}

func TestReadMarketsAcceptsBOMAndCRLF(t *testing.T) {
	in := "\ufeffid,name,province,county,town,lat,lon,notes\r\n" +
		"a,Sariwon,North Hwanghae,,Sariwon,38.5,125.75,\"big,\r\nold\"\r\n" +
		"b,\"Hyesan \"\"Station\"\"\",,,,,,\r\n" +
		"c,Edge,,,,-90,180,\r\n"
	got, err := market.ReadMarkets(strings.NewReader(in), "markets.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []market.Market{
		{ID: "a", Name: "Sariwon", Province: "North Hwanghae", Town: "Sariwon", Location: market.At(38.5, 125.75), Notes: "big,\nold"},
		{ID: "b", Name: `Hyesan "Station"`},
		{ID: "c", Name: "Edge", Location: market.At(-90, 180)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestReadObservationsAcceptsBOMAndCRLF(t *testing.T) {
	in := "\ufeffmarket_id,date,stall_area_m2,open_area_m2,source,provenance\r\n" +
		"a,2024,120.5,,Google Earth,published\r\n" +
		"a,2024-05,0,30,\"Planet\r\nSkySat\",measured\r\n" +
		"b,2024-05-17,1e3,0,s,synthetic" // no line end at the end of the file
	got, err := market.ReadObservations(strings.NewReader(in), "observations.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []market.Observation{
		{MarketID: "a", Date: market.YearOnly(2024), StallArea: 120.5, Source: "Google Earth", Provenance: market.Published},
		{MarketID: "a", Date: market.MonthOnly(2024, 5), StallArea: 0, OpenArea: 30, HasOpenArea: true, Source: "Planet\nSkySat", Provenance: market.Measured},
		{MarketID: "b", Date: market.Day(2024, 5, 17), StallArea: 1000, OpenArea: 0, HasOpenArea: true, Source: "s", Provenance: market.Synthetic},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestReadLineBreakInQuotedFieldIsLF checks that a line break inside a
// quoted field reads as "\n" whatever carriage returns precede it; a lone
// carriage return is kept.
func TestReadLineBreakInQuotedFieldIsLF(t *testing.T) {
	in := "id,name,notes\r\na,A,\"one\r\ntwo\r\r\nthree\r\r\r\nfour\rfive\r\"\r\n"
	ms, err := market.ReadMarkets(strings.NewReader(in), "markets.csv")
	if err != nil {
		t.Fatal(err)
	}
	if want := "one\ntwo\nthree\nfour\rfive\r"; len(ms) != 1 || ms[0].Notes != want {
		t.Errorf("got %+v, want notes %q", ms, want)
	}
}

func TestReadOptionalColumnsMayBeLeftOut(t *testing.T) {
	ms, err := market.ReadMarkets(strings.NewReader("name,id\nA,a\n"), "markets.csv")
	if err != nil || !reflect.DeepEqual(ms, []market.Market{{ID: "a", Name: "A"}}) {
		t.Errorf("markets: got %+v, %v", ms, err)
	}
	obs, err := market.ReadObservations(strings.NewReader("provenance,source,stall_area_m2,date,market_id\nmeasured,s,5,2020,a\n"), "observations.csv", nil)
	want := []market.Observation{{MarketID: "a", Date: market.YearOnly(2020), StallArea: 5, Source: "s", Provenance: market.Measured}}
	if err != nil || !reflect.DeepEqual(obs, want) {
		t.Errorf("observations: got %+v, %v", obs, err)
	}
}

func TestReadHeaderOnlyIsValidAndEmpty(t *testing.T) {
	for _, in := range []string{marketsHeader, "id,name", "\ufeffid,name\r\n"} {
		ms, err := market.ReadMarkets(strings.NewReader(in), "markets.csv")
		if err != nil || len(ms) != 0 {
			t.Errorf("ReadMarkets(%q) = %v, %v; want no markets and no error", in, ms, err)
		}
	}
	for _, in := range []string{observationsHeader, "\ufeffmarket_id,date,stall_area_m2,source,provenance\r\n"} {
		obs, err := market.ReadObservations(strings.NewReader(in), "observations.csv", nil)
		if err != nil || len(obs) != 0 {
			t.Errorf("ReadObservations(%q) = %v, %v; want no observations and no error", in, obs, err)
		}
	}
	ds, err := market.ReadDatasetFS(fstest.MapFS{
		"d/markets.csv":      {Data: []byte(marketsHeader)},
		"d/observations.csv": {Data: []byte(observationsHeader)},
	}, "d")
	if err != nil {
		t.Fatal(err)
	}
	if ds.Len() != 0 || ds.NumObservations() != 0 {
		t.Errorf("dataset has %d markets and %d observations, want none", ds.Len(), ds.NumObservations())
	}
}

// TestReadDatasetReportsEveryProblem reads files with many problems and
// checks that each is reported once, in file and line order.
func TestReadDatasetReportsEveryProblem(t *testing.T) {
	markets := marketsHeader +
		goodMarketRow + // 2
		"b,,P,C,T,39,125,n\n" + // 3: empty name
		"c,C,P,C,T\n" + // 4: too few fields
		"d,D,P,C,T,91,181,n\n" + // 5: lat and lon out of range (two problems)
		"a,A2,P,C,T,39,125,\"two\nlines\"\n" + // 6-7: duplicate id
		`e,E",P,C,T,39,125,n` + "\n" + // 8: bare quote
		"f,F,P,C,T,39,,n\n" // 9: half location
	observations := observationsHeader +
		goodObservationRow + // 2
		"a,2024,1,2,s,measured\n" + // 3: duplicate observation
		"x,2024,1,2,s,measured\n" + // 4: unknown market
		"d,2023-02-29,-1,NaN,,bogus\n" + // 5: date, negative, NaN, empty source, provenance
		"a,2025,1,2,s,measured,extra\n" + // 6: too many fields
		"b,2025,7,,s,measured\n" // 7: market b has a problem but is known: no error
	fsys := fstest.MapFS{
		"markets.csv":      {Data: []byte(markets)},
		"observations.csv": {Data: []byte(observations)},
	}
	ds, err := market.ReadDatasetFS(fsys, ".")
	if ds != nil {
		t.Error("got a dataset with the errors")
	}
	var errs market.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v is a %T, want market.Errors", err, err)
	}
	type where struct {
		file      string
		line, col int
		field     string
		sentinel  error
	}
	want := []where{
		{"markets.csv", 3, 3, "name", market.ErrEmptyField},
		{"markets.csv", 4, 1, "", market.ErrFieldCount},
		{"markets.csv", 5, 11, "lat", market.ErrCoordinate},
		{"markets.csv", 5, 14, "lon", market.ErrCoordinate},
		{"markets.csv", 6, 1, "id", market.ErrDuplicateMarket},
		{"markets.csv", 8, 4, "", market.ErrSyntax},
		{"markets.csv", 9, 14, "lon", market.ErrHalfLocation},
		{"observations.csv", 3, 3, "date", market.ErrDuplicateObservation},
		{"observations.csv", 4, 1, "market_id", market.ErrUnknownMarket},
		{"observations.csv", 5, 3, "date", market.ErrDate},
		{"observations.csv", 5, 14, "stall_area_m2", market.ErrNegativeArea},
		{"observations.csv", 5, 17, "open_area_m2", market.ErrNotFinite},
		{"observations.csv", 5, 21, "source", market.ErrEmptyField},
		{"observations.csv", 5, 22, "provenance", market.ErrProvenance},
		{"observations.csv", 6, 23, "", market.ErrFieldCount},
	}
	if len(errs) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(errs), len(want), err)
	}
	for i, w := range want {
		e := errs[i]
		if e.File != w.file || e.Line != w.line || e.Column != w.col || e.Field != w.field || !errors.Is(e, w.sentinel) {
			t.Errorf("problem %d is %v\nwant %s:%d:%d (%s) wrapping %v", i, e, w.file, w.line, w.col, w.field, w.sentinel)
		}
	}
	// The same order holds whatever the contents: by file, then by line
	// and column.
	for i := 1; i < len(errs); i++ {
		a, b := errs[i-1], errs[i]
		if a.File == b.File && (a.Line > b.Line || a.Line == b.Line && a.Column >= b.Column) {
			t.Errorf("problem %d (%v) comes after problem %d (%v)", i-1, a, i, b)
		}
	}
	if got := strings.Count(err.Error(), "\n") + 1; got != len(want) {
		t.Errorf("Error() has %d lines, want one a problem (%d)", got, len(want))
	}
}

// TestReadKeepsEveryRow reads large valid files and checks that no row is
// dropped or changed.
func TestReadKeepsEveryRow(t *testing.T) {
	const n = 2000
	var mb, ob strings.Builder
	mb.WriteString(marketsHeader)
	ob.WriteString(observationsHeader)
	var wantMarkets []market.Market
	var wantObs []market.Observation
	for i := range n {
		id := fmt.Sprintf("m%d", i)
		m := market.Market{ID: id, Name: fmt.Sprintf("Market %d", i), Notes: fmt.Sprintf("line one\nline %d", i)}
		loc := ""
		if i%3 != 0 {
			m.Location = market.At(float64(i%180)-89.5, float64(i%360)-179.25)
			loc = fmt.Sprintf("%v,%v", m.Location.Lat, m.Location.Lon)
		} else {
			loc = ","
		}
		fmt.Fprintf(&mb, "%s,%s,,,,%s,\"%s\"\n", m.ID, m.Name, loc, m.Notes)
		wantMarkets = append(wantMarkets, m)
		for y := 2015; y < 2015+i%4; y++ {
			o := market.Observation{MarketID: id, Date: market.YearOnly(y), StallArea: float64(i*10 + y - 2015), Source: "Google Earth", Provenance: market.Measured}
			open := ""
			if y%2 == 0 {
				o.OpenArea, o.HasOpenArea = float64(y-2000)/10, true
				open = fmt.Sprint(o.OpenArea)
			}
			fmt.Fprintf(&ob, "%s,%v,%v,%s,%s,%v\n", id, o.Date, o.StallArea, open, o.Source, o.Provenance)
			wantObs = append(wantObs, o)
		}
	}
	ms, err := market.ReadMarkets(strings.NewReader(mb.String()), "markets.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != n || !reflect.DeepEqual(ms, wantMarkets) {
		t.Errorf("got %d markets, want %d equal to the file's rows", len(ms), n)
	}
	obs, err := market.ReadObservations(strings.NewReader(ob.String()), "observations.csv", ms)
	if err != nil {
		t.Fatal(err)
	}
	if len(obs) != len(wantObs) || !reflect.DeepEqual(obs, wantObs) {
		t.Errorf("got %d observations, want %d equal to the file's rows", len(obs), len(wantObs))
	}
}

func TestReadDatasetChecksObservationsAgainstMarkets(t *testing.T) {
	fsys := fstest.MapFS{
		"data/markets.csv":      {Data: []byte(marketsHeader + goodMarketRow)},
		"data/observations.csv": {Data: []byte(observationsHeader + goodObservationRow + "b,2024,1,2,s,measured\n")},
	}
	_, err := market.ReadDatasetFS(fsys, "data")
	checkOnlyProblem(t, err, "data/observations.csv", badInput{line: 3, col: 1, field: "market_id", want: market.ErrUnknownMarket})
}

func TestReadDatasetMissingFile(t *testing.T) {
	fsys := fstest.MapFS{"markets.csv": {Data: []byte(marketsHeader)}}
	_, err := market.ReadDatasetFS(fsys, ".")
	var errs market.Errors
	if err == nil || errors.As(err, &errs) {
		t.Errorf("got %v, want an error that observations.csv cannot be opened", err)
	}
}
