// Package csvtab reads the project's small auxiliary CSV tables (the
// national series, published figures, other estimates) by column name,
// with the exact position of every field and every problem reported as a
// market.ParseError.
package csvtab

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/jangmadang/marketarea/market"
)

// Column is one column of a table's schema.
type Column struct {
	Name     string
	Required bool // the header must name it and every row must give a value
}

// Table is a CSV file read whole.
type Table struct {
	file   string
	header map[string]int
	rows   [][]string
	pos    [][][2]int // line, column of every field
	errs   market.Errors
}

// Read reads a CSV file with a header row checked against schema:
// unknown, duplicate and missing columns are problems. Rows that cannot
// be read are reported and left out. The error is an I/O error; problems
// with the content are in Errs.
func Read(r io.Reader, file string, schema []Column) (*Table, error) {
	t := &Table{file: file, header: map[string]int{}}
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	width := -1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			t.add(perr.StartLine, perr.Line, perr.Column, "", fmt.Errorf("%w: %w", market.ErrSyntax, perr.Err))
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", file, err)
		}
		pos := make([][2]int, len(rec))
		for i := range rec {
			pos[i][0], pos[i][1] = cr.FieldPos(i)
		}
		if width < 0 {
			width = len(rec)
			t.checkHeader(rec, pos, schema)
			continue
		}
		if len(rec) != width {
			t.add(pos[0][0], pos[0][0], 1, "", fmt.Errorf("%w: %d, the header has %d", market.ErrFieldCount, len(rec), width))
			continue
		}
		t.rows = append(t.rows, rec)
		t.pos = append(t.pos, pos)
	}
	if width < 0 {
		t.add(1, 1, 1, "", market.ErrEmptyFile)
	}
	return t, nil
}

func (t *Table) add(start, line, col int, field string, err error) {
	t.errs = append(t.errs, &market.ParseError{File: t.file, StartLine: start, Line: line, Column: col, Field: field, Err: err})
}

func (t *Table) checkHeader(rec []string, pos [][2]int, schema []Column) {
	known := map[string]bool{}
	for _, c := range schema {
		known[c.Name] = true
	}
	for i, name := range rec {
		if _, dup := t.header[name]; dup {
			t.add(1, pos[i][0], pos[i][1], name, fmt.Errorf("%w %q", market.ErrDuplicateColumn, name))
			continue
		}
		if !known[name] {
			t.add(1, pos[i][0], pos[i][1], name, fmt.Errorf("%w %q", market.ErrUnknownColumn, name))
			continue
		}
		t.header[name] = i
	}
	for _, c := range schema {
		if _, ok := t.header[c.Name]; c.Required && !ok {
			t.add(1, 1, 1, c.Name, fmt.Errorf("%w %q", market.ErrMissingColumn, c.Name))
		}
	}
}

// Len returns the number of data rows read.
func (t *Table) Len() int { return len(t.rows) }

// Errs returns the problems found so far, reading and checking rows, in
// line and column order.
func (t *Table) Errs() error {
	if len(t.errs) == 0 {
		return nil
	}
	slices.SortStableFunc(t.errs, func(a, b *market.ParseError) int {
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Column, b.Column)
	})
	return t.errs
}

// Row gives access to the fields of data row i.
func (t *Table) Row(i int) Row { return Row{t: t, i: i} }

// Row is one data row; its getters record a problem for a bad field.
type Row struct {
	t *Table
	i int
}

// Line returns the line the row starts on.
func (r Row) Line() int { return r.t.pos[r.i][0][0] }

// Fail records a problem with the named field.
func (r Row) Fail(field string, err error) {
	line, col := r.Line(), 1
	if j, ok := r.t.header[field]; ok {
		line, col = r.t.pos[r.i][j][0], r.t.pos[r.i][j][1]
	}
	r.t.add(r.Line(), line, col, field, err)
}

// String returns the named field, "" when the file has no such column.
// A required column's empty field is a problem.
func (r Row) String(c Column) string {
	j, ok := r.t.header[c.Name]
	if !ok {
		return ""
	}
	v := r.t.rows[r.i][j]
	if v == "" && c.Required {
		r.Fail(c.Name, market.ErrEmptyField)
	}
	return v
}

// Float returns the named field as a finite number; ok is false when it
// is empty (a problem if required) or bad (a problem).
func (r Row) Float(c Column) (v float64, ok bool) {
	s := r.String(c)
	if s == "" {
		return math.NaN(), false
	}
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil:
		r.Fail(c.Name, fmt.Errorf("%w: %q", market.ErrNumber, s))
		return math.NaN(), false
	case math.IsNaN(v) || math.IsInf(v, 0):
		r.Fail(c.Name, fmt.Errorf("%w: %q", market.ErrNotFinite, s))
		return math.NaN(), false
	}
	return v, true
}

// Int returns the named field as a whole number, as Float does.
func (r Row) Int(c Column) (int, bool) {
	s := r.String(c)
	if s == "" {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		r.Fail(c.Name, fmt.Errorf("%w: %q is not a whole number", market.ErrNumber, s))
		return 0, false
	}
	return v, true
}
