package market_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/jangmadang/marketarea/market"
)

// sentinels is every error a problem with a file may wrap.
var sentinels = []error{
	market.ErrEmptyFile, market.ErrSyntax, market.ErrFieldCount, market.ErrMissingColumn,
	market.ErrUnknownColumn, market.ErrDuplicateColumn, market.ErrEmptyField, market.ErrNumber,
	market.ErrDate, market.ErrProvenance, market.ErrNegativeArea, market.ErrNotFinite,
	market.ErrCoordinate, market.ErrHalfLocation, market.ErrDuplicateMarket,
	market.ErrDuplicateObservation, market.ErrUnknownMarket,
}

// checkProblems checks the error that reading in returned: it is a
// non-empty Errors in line order, and each problem names the file, has a
// position inside the input, and wraps a sentinel.
func checkProblems(t *testing.T, in []byte, file string, err error) {
	t.Helper()
	var errs market.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v is a %T, want market.Errors", err, err)
	}
	if len(errs) == 0 {
		t.Fatal("empty Errors")
	}
	lines := strings.SplitAfter(string(in), "\n")
	for i, e := range errs {
		if e.File != file {
			t.Errorf("%v: file %q, want %q", e, e.File, file)
		}
		if e.Line < 1 || e.Column < 1 || e.StartLine < 1 || e.StartLine > e.Line {
			t.Errorf("%v: record from line %d, line %d, column %d: want 1 <= StartLine <= Line and Column >= 1",
				e, e.StartLine, e.Line, e.Column)
		} else if e.Line > len(lines) || e.Column > len(lines[e.Line-1])+1 {
			t.Errorf("%v: line %d, column %d is past the end of the input", e, e.Line, e.Column)
		}
		wrapped := false
		for _, s := range sentinels {
			wrapped = wrapped || errors.Is(e, s)
		}
		if !wrapped {
			t.Errorf("%v wraps no sentinel", e)
		}
		if i > 0 && (errs[i-1].Line > e.Line || errs[i-1].Line == e.Line && errs[i-1].Column > e.Column) {
			t.Errorf("problem %v comes after %v", e, errs[i-1])
		}
	}
}

func FuzzReadMarkets(f *testing.F) {
	for _, c := range badMarkets {
		f.Add([]byte(c.in))
	}
	for _, s := range []string{
		marketsHeader,
		marketsHeader + goodMarketRow,
		"\ufeff" + strings.ReplaceAll(marketsHeader+goodMarketRow+"b,\"B\nb\",,,,-90,-180,\"x,\"\"y\"\"\"\n", "\n", "\r\n"),
		"name,id,notes\nA,a,\"multi\nline\"\nB,b,\n",
		"id,name,lat,lon\na,A,1e-7,0.1\nb,B,-0,123.456789\nc,C,,\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		ms, err := market.ReadMarkets(bytes.NewReader(in), "markets.csv")
		if err != nil {
			if ms != nil {
				t.Errorf("got %d markets with the error", len(ms))
			}
			checkProblems(t, in, "markets.csv", err)
			return
		}
		var buf bytes.Buffer
		if err := market.WriteMarkets(&buf, ms); err != nil {
			t.Fatal(err)
		}
		again, err := market.ReadMarkets(bytes.NewReader(buf.Bytes()), "markets.csv")
		if err != nil {
			t.Fatalf("reading what was written: %v\nwritten:\n%q", err, buf.Bytes())
		}
		if !reflect.DeepEqual(again, ms) {
			t.Fatalf("read back\n%#v\nwant\n%#v\nwritten:\n%q", again, ms, buf.Bytes())
		}
	})
}

func FuzzReadObservations(f *testing.F) {
	for _, c := range badObservations {
		f.Add([]byte(c.in))
	}
	for _, s := range []string{
		observationsHeader,
		observationsHeader + goodObservationRow,
		"\ufeff" + strings.ReplaceAll(observationsHeader+goodObservationRow+"b,2024-02-29,0,,\"Google\nEarth\",published\n", "\n", "\r\n"),
		"provenance,date,market_id,stall_area_m2,source\nsynthetic,2020-01,a,123456.789,\"a,b\"\n",
		observationsHeader + "a,2024,0.1,1e-7,s,measured\na,2024-01,0,,s,published\na,2024-01-01,-0,0,s,synthetic\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		// Checked against known markets: only the errors matter.
		if obs, err := market.ReadObservations(bytes.NewReader(in), "observations.csv", knownMarkets); err != nil {
			if obs != nil {
				t.Errorf("got %d observations with the error", len(obs))
			}
			checkProblems(t, in, "observations.csv", err)
		}

		obs, err := market.ReadObservations(bytes.NewReader(in), "observations.csv", nil)
		if err != nil {
			if obs != nil {
				t.Errorf("got %d observations with the error", len(obs))
			}
			checkProblems(t, in, "observations.csv", err)
			return
		}
		var buf bytes.Buffer
		if err := market.WriteObservations(&buf, obs); err != nil {
			t.Fatal(err)
		}
		again, err := market.ReadObservations(bytes.NewReader(buf.Bytes()), "observations.csv", nil)
		if err != nil {
			t.Fatalf("reading what was written: %v\nwritten:\n%q", err, buf.Bytes())
		}
		if !reflect.DeepEqual(again, obs) {
			t.Fatalf("read back\n%#v\nwant\n%#v\nwritten:\n%q", again, obs, buf.Bytes())
		}
	})
}
