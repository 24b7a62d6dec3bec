package market

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"
)

// ReadDataset reads markets.csv and observations.csv from dir and builds
// a dataset. It checks both files whole and returns every problem as
// Errors, each with file, line, column and field. It reads
// observations.csv on every core, and needs little memory beyond the
// observations it returns: a file of ten million rows is read and checked
// in a couple of seconds.
func ReadDataset(dir string) (*Dataset, error) {
	return readDataset(os.DirFS(dir), ".", func(name string) string { return filepath.Join(dir, name) })
}

// ReadDatasetFS is ReadDataset on a file system, for example an embed.FS.
// dir is a slash-separated path in fsys.
func ReadDatasetFS(fsys fs.FS, dir string) (*Dataset, error) {
	return readDataset(fsys, dir, func(name string) string { return path.Join(dir, name) })
}

func readDataset(fsys fs.FS, dir string, display func(string) string) (*Dataset, error) {
	mf, err := fsys.Open(path.Join(dir, MarketsFile))
	if err != nil {
		return nil, fmt.Errorf("market: %w", err)
	}
	defer mf.Close()
	of, err := fsys.Open(path.Join(dir, ObservationsFile))
	if err != nil {
		return nil, fmt.Errorf("market: %w", err)
	}
	defer of.Close()

	markets, index, merrs, err := readMarkets(mf, display(MarketsFile))
	if err != nil {
		return nil, err
	}
	var sortTo *datasetOrder
	if len(merrs) == 0 {
		sortTo = &datasetOrder{markets: len(markets), index: index}
	}
	obs, oerrs, err := readObservationsChunked(of, display(ObservationsFile), index, chunkSize, sortTo)
	if err != nil {
		return nil, err
	}
	if errs := append(merrs, oerrs...); len(errs) > 0 {
		return nil, errs
	}
	return build(markets, index, obs), nil
}

// ReadMarkets reads a markets.csv file; name is used in error positions.
// It returns every problem as Errors.
func ReadMarkets(r io.Reader, name string) ([]Market, error) {
	markets, _, errs, err := readMarkets(r, name)
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return markets, nil
}

// ReadObservations reads an observations.csv file; name is used in error
// positions. When markets is not nil, an observation of a market not
// among them is an error (ErrUnknownMarket). It returns every problem as
// Errors. r is read twice, or three times when two rows share a market
// and date; a reader that cannot seek (not an io.ReadSeeker) is read into
// memory first.
func ReadObservations(r io.Reader, name string, markets []Market) ([]Observation, error) {
	var index map[string]int
	if markets != nil {
		index = make(map[string]int, len(markets))
		for i, m := range markets {
			index[m.ID] = i
		}
	}
	obs, errs, err := readObservations(r, name, index)
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return obs, nil
}

// readMarkets returns the markets that are free of problems, an index of
// every market ID seen (so that observations are checked against the IDs
// even of markets with a bad field), the problems, and an I/O error.
func readMarkets(r io.Reader, name string) ([]Market, map[string]int, Errors, error) {
	var rows []marketRow
	t, err := readTable(r, name, marketColumns, &rows)
	if err != nil {
		return nil, nil, nil, err
	}
	index := make(map[string]int, len(rows))
	firstLine := make(map[string]int, len(rows))
	markets := make([]Market, 0, len(rows))
	for i, row := range rows {
		c := t.row(i)
		m := Market{ID: row.ID, Name: row.Name, Province: row.Province, County: row.County, Town: row.Town, Notes: row.Notes}
		c.required("id", row.ID)
		c.required("name", row.Name)
		if row.ID != "" {
			if line, dup := firstLine[row.ID]; dup {
				c.fail("id", fmt.Errorf("%w: %q (first on line %d)", ErrDuplicateMarket, row.ID, line))
			} else {
				firstLine[row.ID] = c.line("id")
			}
		}
		switch {
		case row.Lat == "" && row.Lon == "":
		case row.Lat == "":
			c.fail("lat", ErrHalfLocation)
		case row.Lon == "":
			c.fail("lon", ErrHalfLocation)
		default:
			lat, latOK := c.number("lat", row.Lat)
			lon, lonOK := c.number("lon", row.Lon)
			m.Location = At(lat, lon)
			latErr, lonErr := checkLocation(m.Location)
			if latOK && latErr != nil {
				c.fail("lat", latErr)
			}
			if lonOK && lonErr != nil {
				c.fail("lon", lonErr)
			}
		}
		if c.ok() {
			index[m.ID] = len(markets)
			markets = append(markets, m)
		}
	}
	// Observations are checked against every ID the file names, so that a
	// bad latitude does not also make each of that market's observations
	// an error. The dataset is not built when there is any problem.
	for id := range firstLine {
		if _, ok := index[id]; !ok {
			index[id] = -1
		}
	}
	return markets, index, t.sortedErrs(), nil
}

// table is a CSV file read into rows of strings, with the position of
// every field and the problems found so far.
type table struct {
	file      string
	header    map[string]int // column name -> field index
	headerPos []fieldPos
	pos       [][]fieldPos // per data row
	errs      Errors
}

type fieldPos struct{ line, col int }

// readTable reads a whole CSV file: the header is checked against the
// schema, malformed rows are reported and left out, and gocsv maps the
// remaining rows to out (a pointer to a slice of row structs). The
// returned error is an I/O error; problems with the content are in
// table.errs.
func readTable(r io.Reader, file string, schema []column, out any) (*table, error) {
	t := &table{file: file}
	pr := &positionReader{csv: csv.NewReader(skipBOM(r)), table: t}
	pr.csv.FieldsPerRecord = -1 // counted against the header, with positions
	records, err := pr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("market: reading %s: %w", file, err)
	}
	if len(records) == 0 {
		t.errs = append(t.errs, &ParseError{File: file, StartLine: 1, Line: 1, Column: 1, Err: ErrEmptyFile})
		return t, nil
	}
	t.checkHeader(records[0], schema)
	if err := gocsv.UnmarshalCSV(&sliceReader{records}, out); err != nil {
		// The rows are strings and the header was checked: gocsv has
		// nothing left to refuse. Say so loudly if that ever changes.
		return nil, fmt.Errorf("market: mapping %s: %w", file, err)
	}
	return t, nil
}

// sortedErrs returns the problems in line and column order: rows with the
// wrong number of fields are found before the others.
func (t *table) sortedErrs() Errors {
	slices.SortStableFunc(t.errs, func(a, b *ParseError) int {
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Column, b.Column)
	})
	return t.errs
}

func (t *table) checkHeader(header []string, schema []column) {
	t.header = make(map[string]int, len(header))
	known := make(map[string]bool, len(schema))
	for _, c := range schema {
		known[c.name] = true
	}
	// The header is on line 1 unless blank lines or a malformed record
	// come first.
	start := t.headerPos[0].line
	for i, name := range header {
		p := t.headerPos[i]
		switch {
		case !known[name]:
			t.errs = append(t.errs, &ParseError{File: t.file, StartLine: start, Line: p.line, Column: p.col, Field: name,
				Err: fmt.Errorf("%w %q (expected columns: %s)", ErrUnknownColumn, name, columnList(schema))})
		case hasKey(t.header, name):
			t.errs = append(t.errs, &ParseError{File: t.file, StartLine: start, Line: p.line, Column: p.col, Field: name,
				Err: fmt.Errorf("%w %q", ErrDuplicateColumn, name)})
		default:
			t.header[name] = i
		}
	}
	for _, c := range schema {
		if _, ok := t.header[c.name]; c.inHeader && !ok {
			t.errs = append(t.errs, &ParseError{File: t.file, StartLine: start, Line: start, Column: 1, Field: c.name,
				Err: fmt.Errorf("%w %q", ErrMissingColumn, c.name)})
		}
	}
}

func columnList(schema []column) string {
	var b bytes.Buffer
	for i, c := range schema {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(c.name)
	}
	return b.String()
}

// rowChecker checks the fields of one data row and records its problems.
type rowChecker struct {
	t      *table
	pos    []fieldPos
	failed bool
}

func (t *table) row(i int) *rowChecker { return &rowChecker{t: t, pos: t.pos[i]} }

func (c *rowChecker) ok() bool { return !c.failed }

// where returns the position of the named field, or of the row's start
// when the file has no such column.
func (c *rowChecker) where(field string) fieldPos {
	if i, ok := c.t.header[field]; ok && i < len(c.pos) {
		return c.pos[i]
	}
	return fieldPos{c.pos[0].line, 1}
}

func (c *rowChecker) line(field string) int { return c.where(field).line }

func (c *rowChecker) fail(field string, err error) {
	p := c.where(field)
	c.failed = true
	c.t.errs = append(c.t.errs, &ParseError{File: c.t.file, StartLine: c.pos[0].line, Line: p.line, Column: p.col, Field: field, Err: err})
}

// required reports whether v is not empty, and records the problem when
// it is. A column missing from the header was reported once already.
func (c *rowChecker) required(field, v string) bool {
	if v != "" {
		return true
	}
	if _, ok := c.t.header[field]; ok {
		c.fail(field, ErrEmptyField)
	} else {
		c.failed = true
	}
	return false
}

func (c *rowChecker) number(field, v string) (float64, bool) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		c.fail(field, fmt.Errorf("%w: %q", ErrNumber, v))
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		c.fail(field, fmt.Errorf("%w: %q", ErrNotFinite, v))
		return 0, false
	}
	return f, true
}

func (c *rowChecker) area(field, v string) (float64, bool) {
	f, ok := c.number(field, v)
	if !ok {
		return 0, false
	}
	if err := checkArea(f); err != nil {
		c.fail(field, err)
		return 0, false
	}
	return f, true
}

// positionReader reads records with encoding/csv and keeps the exact
// position of every field (csv.Reader.FieldPos), which gocsv cannot give.
// Records that cannot be read, or that have the wrong number of fields,
// are reported and left out.
type positionReader struct {
	csv   *csv.Reader
	table *table
}

func (p *positionReader) ReadAll() ([][]string, error) {
	var records [][]string
	width := -1
	for {
		rec, err := p.csv.Read()
		if err == io.EOF {
			return records, nil
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			p.table.errs = append(p.table.errs, &ParseError{File: p.table.file, StartLine: perr.StartLine,
				Line: perr.Line, Column: perr.Column, Err: fmt.Errorf("%w: %w", ErrSyntax, perr.Err)})
			continue
		}
		if err != nil {
			return nil, err
		}
		for i, f := range rec {
			rec[i] = dropCRBeforeLF(f)
		}
		pos := make([]fieldPos, len(rec))
		for i := range rec {
			pos[i].line, pos[i].col = p.csv.FieldPos(i)
		}
		if width < 0 {
			width = len(rec)
			p.table.headerPos = pos
			records = append(records, rec)
			continue
		}
		if len(rec) != width {
			at := pos[0]
			if len(rec) > width {
				at = pos[width]
			}
			p.table.errs = append(p.table.errs, &ParseError{File: p.table.file, StartLine: pos[0].line, Line: at.line, Column: at.col,
				Err: fmt.Errorf("%w: %d, the header has %d", ErrFieldCount, len(rec), width)})
			continue
		}
		p.table.pos = append(p.table.pos, pos)
		records = append(records, rec)
	}
}

// dropCRBeforeLF removes the carriage returns before each line feed in a
// quoted field, so that a line break always reads as "\n". encoding/csv
// removes only the last of "\r\r\n", and what is left would not read
// back the same after writing.
func dropCRBeforeLF(s string) string {
	if !strings.Contains(s, "\r\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i := range lines[:len(lines)-1] {
		lines[i] = strings.TrimRight(lines[i], "\r")
	}
	return strings.Join(lines, "\n")
}

// sliceReader hands records already read to gocsv.
type sliceReader struct{ records [][]string }

func (s *sliceReader) Read() ([]string, error) {
	if len(s.records) == 0 {
		return nil, io.EOF
	}
	r := s.records[0]
	s.records = s.records[1:]
	return r, nil
}

func (s *sliceReader) ReadAll() ([][]string, error) { return s.records, nil }

// skipBOM drops a UTF-8 byte-order mark at the start of r, so that
// columns count from the first character a user sees.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	return br
}
