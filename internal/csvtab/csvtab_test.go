package csvtab

import (
	"errors"
	"strings"
	"testing"

	"github.com/jangmadang/marketarea/market"
)

var (
	colYear = Column{Name: "year", Required: true}
	colVal  = Column{Name: "value"}
)

func TestReadReportsEveryProblemWithPosition(t *testing.T) {
	in := "year,value,extra\n2020,1.5,x\n,\"two\nlines\",y\n2022,abc,z\n2023,4\n"
	tab, err := Read(strings.NewReader(in), "t.csv", []Column{colYear, colVal})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < tab.Len(); i++ {
		r := tab.Row(i)
		r.Int(colYear)
		r.Float(colVal)
	}
	var es market.Errors
	if !errors.As(tab.Errs(), &es) {
		t.Fatalf("got %v", tab.Errs())
	}
	want := []struct {
		line, col int
		sentinel  error
	}{
		{1, 12, market.ErrUnknownColumn},
		{3, 1, market.ErrEmptyField},
		{3, 2, market.ErrNumber},
		{5, 6, market.ErrNumber},     // the multi-line field pushed "2022" to line 5
		{6, 1, market.ErrFieldCount}, // 2023,4 has two fields
	}
	if len(es) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(es), len(want), es)
	}
	for i, w := range want {
		if es[i].Line != w.line || es[i].Column != w.col || !errors.Is(es[i], w.sentinel) {
			t.Errorf("problem %d: got %d:%d %v, want %d:%d %v", i, es[i].Line, es[i].Column, es[i].Err, w.line, w.col, w.sentinel)
		}
	}
}

func TestReadEmptyAndMissingColumn(t *testing.T) {
	tab, _ := Read(strings.NewReader(""), "e.csv", []Column{colYear})
	if !errors.Is(tab.Errs(), market.ErrEmptyFile) {
		t.Errorf("empty file: %v", tab.Errs())
	}
	tab, _ = Read(strings.NewReader("\xef\xbb\xbfvalue\r\n1\r\n"), "m.csv", []Column{colYear, colVal})
	if !errors.Is(tab.Errs(), market.ErrMissingColumn) {
		t.Errorf("missing column: %v", tab.Errs())
	}
	if v, ok := tab.Row(0).Float(colVal); !ok || v != 1 {
		t.Errorf("value after BOM and CRLF: %v %v", v, ok)
	}
}
