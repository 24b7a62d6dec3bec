package market

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"strconv"
)

// The fields of an observation, in the order of observationColumns.
const (
	fMarketID = iota
	fDate
	fStallArea
	fOpenArea
	fSource
	fProvenance
	numObsFields
)

// chunkResult is what a worker found in one chunk. Lines are counted from
// 1 at the chunk's first line; the merger makes them absolute.
type chunkResult struct {
	seq      int
	newlines int
	obs      []Observation
	errs     Errors
	// keyed rows (those with a date that parses, valid or not) for the
	// duplicate check: their runs of one market ID, and whether the dates
	// increase within every run.
	runs     []keyRun
	unsorted bool
	// extras are the keyed rows that are not in obs.
	extras []obsKey
	// hits are the keyed rows whose key is in obsScan.dup.
	hits []dupHit
	buf  []byte // the chunk's buffer, handed back after merging
}

// maxRuns is the most runs a chunk follows: a chunk holds about 8,000
// rows, and rows in date order rather than by market make a run of each.
const maxRuns = 2048

// keyRun is a run of consecutive keyed rows of one market ID.
type keyRun struct {
	id          string
	first, last Date
}

type obsKey struct {
	id   string
	date Date
}

type dupHit struct {
	obsKey
	start int      // line where the record starts
	at    fieldPos // the date field
	valid bool     // the row has no other problem: it is in obs
}

// obsWorker parses chunks of observations.csv. Each worker has its own,
// so that the parallel workers share nothing but the read-only obsScan.
type obsWorker struct {
	s    *obsScan
	res  *chunkResult
	strs map[string]string // interned sources, and IDs when any ID goes
	// The current row: field i is data[start(i):ends[i]]. Its positions
	// are explicit (pos) for a row read by encoding/csv, else worked out
	// from the offsets when a problem needs one: a plain row is one line.
	data      []byte
	ends      []int32
	rowStart  int
	line      int // the line of a plain row
	lineStart int // its offset in data
	pos       []fieldPos
	joined    []byte // the fields of a row read by encoding/csv
	failed    bool
	hit       bool // the row is a dupHit
	// the current run of keyed rows, and a one-entry cache in front of
	// the IDs: files repeat an ID over many consecutive rows
	runID, lastID []byte
	lastIDS       string
	lastIDKnown   bool
	sources       []string // the first few sources seen
}

func (s *obsScan) newWorker() *obsWorker {
	return &obsWorker{s: s, strs: make(map[string]string)}
}

// parse checks one chunk of whole records.
func (w *obsWorker) parse(seq int, data []byte, quoted bool, obs []Observation) *chunkResult {
	w.res = &chunkResult{seq: seq, obs: obs[:0]}
	w.runID, w.lastID, w.lastIDS = w.runID[:0], w.lastID[:0], ""
	if quoted {
		w.parseQuoted(data)
	} else {
		w.parsePlain(data)
	}
	return w.res
}

// parsePlain parses a chunk without quotes: a record is a line, a field
// ends at a comma. Like encoding/csv, it skips empty lines and drops the
// \r of a \r\n and a \r at the very end. It looks for commas and
// newlines eight bytes at a time: fields are short, and a branch on every
// byte costs more than the checks.
func (w *obsWorker) parsePlain(data []byte) {
	const (
		ones   = 0x0101010101010101
		low7   = 0x7f7f7f7f7f7f7f7f
		commas = ones * ','
		nls    = ones * '\n'
	)
	// zero has the high bit set in each byte of v that is zero, exactly.
	zero := func(v uint64) uint64 { return ^((v&low7 + low7) | v | low7) }
	w.data, w.pos = data, nil
	w.line, w.lineStart = 1, 0
	w.ends = w.ends[:0]
	i := 0
	for ; i+8 <= len(data); i += 8 {
		v := binary.LittleEndian.Uint64(data[i:])
		for m := zero(v^commas) | zero(v^nls); m != 0; m &= m - 1 {
			k := i + bits.TrailingZeros64(m)/8
			w.ends = append(w.ends, int32(k))
			if data[k] == '\n' {
				w.endLine(k)
			}
		}
	}
	for ; i < len(data); i++ {
		if c := data[i]; c == ',' || c == '\n' {
			w.ends = append(w.ends, int32(i))
			if c == '\n' {
				w.endLine(i)
			}
		}
	}
	if w.lineStart < len(data) { // a last line without a newline
		w.ends = append(w.ends, int32(len(data)))
		w.endLine(len(data))
	}
}

// endLine checks the row that ends at data[end] and starts the next line.
func (w *obsWorker) endLine(end int) {
	w.rowStart = w.lineStart
	last := &w.ends[len(w.ends)-1]
	if int(*last) > w.start(len(w.ends)-1) && w.data[*last-1] == '\r' {
		*last--
	}
	if len(w.ends) > 1 || int(w.ends[0]) > w.lineStart { // not an empty line
		w.record()
	}
	if end < len(w.data) {
		w.res.newlines++
	}
	w.line++
	w.lineStart = end + 1
	w.ends = w.ends[:0]
}

// parseQuoted parses a chunk with encoding/csv, which alone says what
// quotes mean.
func (w *obsWorker) parseQuoted(data []byte) {
	w.res.newlines = bytes.Count(data, []byte{'\n'})
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			w.res.errs = append(w.res.errs, &ParseError{File: w.s.file, StartLine: perr.StartLine,
				Line: perr.Line, Column: perr.Column, Err: fmt.Errorf("%w: %w", ErrSyntax, perr.Err)})
			continue
		}
		if err != nil { // reading from memory: cannot happen
			panic(err)
		}
		w.joined, w.ends, w.pos = w.joined[:0], w.ends[:0], w.pos[:0]
		for i, f := range rec {
			if i > 0 {
				w.joined = append(w.joined, ',')
			}
			w.joined = append(w.joined, dropCRBeforeLF(f)...)
			w.ends = append(w.ends, int32(len(w.joined)))
			var p fieldPos
			p.line, p.col = cr.FieldPos(i)
			w.pos = append(w.pos, p)
		}
		w.data, w.rowStart = w.joined, 0
		w.record()
	}
}

func (w *obsWorker) start(i int) int {
	if i == 0 {
		return w.rowStart
	}
	return int(w.ends[i-1]) + 1
}

func (w *obsWorker) field(i int) []byte { return w.data[w.start(i):w.ends[i]] }

// at returns the position of field i.
func (w *obsWorker) at(i int) fieldPos {
	if w.pos != nil {
		return w.pos[i]
	}
	return fieldPos{w.line, w.start(i) - w.lineStart + 1}
}

// record checks the current row: the field count, then each field, as
// readTable and the row checks did for every file before.
func (w *obsWorker) record() {
	s := w.s
	if n := len(w.ends); n != s.width {
		at := w.at(0)
		if n > s.width {
			at = w.at(s.width)
		}
		w.res.errs = append(w.res.errs, &ParseError{File: s.file, StartLine: w.at(0).line, Line: at.line, Column: at.col,
			Err: fmt.Errorf("%w: %d, the header has %d", ErrFieldCount, n, s.width)})
		return
	}
	var v [numObsFields][]byte
	for f, c := range s.col {
		if c >= 0 {
			v[f] = w.field(c)
		}
	}
	w.failed, w.hit = false, false
	var o Observation
	if w.required(fMarketID, v[fMarketID]) {
		id, known := w.marketID(v[fMarketID])
		if !known {
			w.fail(fMarketID, fmt.Errorf("%w: %q", ErrUnknownMarket, id))
		}
		o.MarketID = id
	}
	if w.required(fDate, v[fDate]) {
		d, err := parseDate(v[fDate])
		if err != nil {
			w.fail(fDate, err)
		} else {
			w.keyed(v[fMarketID], d)
		}
		o.Date = d
	}
	if w.required(fStallArea, v[fStallArea]) {
		o.StallArea, _ = w.area(fStallArea, v[fStallArea])
	}
	if len(v[fOpenArea]) > 0 {
		o.OpenArea, o.HasOpenArea = w.area(fOpenArea, v[fOpenArea])
	}
	if w.required(fSource, v[fSource]) {
		o.Source = w.source(v[fSource])
	}
	if w.required(fProvenance, v[fProvenance]) {
		p, err := parseProvenance(v[fProvenance])
		if err != nil {
			w.fail(fProvenance, err)
		}
		o.Provenance = p
	}
	if !w.failed {
		if w.s.dup == nil { // a rescan wants only the hits
			w.res.obs = append(w.res.obs, o)
		}
		if w.hit {
			w.res.hits[len(w.res.hits)-1].valid = true
		}
		return
	}
	if !o.Date.IsZero() && w.s.dup == nil {
		w.res.extras = append(w.res.extras, obsKey{w.idString(v[fMarketID]), o.Date})
	}
}

// where returns the position of a field: that of the header's column of
// that name, or the start of the row when the header has none.
func (w *obsWorker) where(f int) fieldPos {
	if h := w.s.at[f]; h >= 0 {
		return w.at(h)
	}
	return fieldPos{w.at(0).line, 1}
}

func (w *obsWorker) fail(f int, err error) {
	p := w.where(f)
	w.failed = true
	w.res.errs = append(w.res.errs, &ParseError{File: w.s.file, StartLine: w.at(0).line, Line: p.line, Column: p.col,
		Field: observationColumns[f].name, Err: err})
}

// required reports whether field f is not empty, and records the problem
// when it is. A column missing from the header was reported once already.
func (w *obsWorker) required(f int, v []byte) bool {
	if len(v) > 0 {
		return true
	}
	if w.s.at[f] >= 0 {
		w.fail(f, ErrEmptyField)
	} else {
		w.failed = true
	}
	return false
}

// marketID returns the ID as a string shared by every row that names it,
// and whether it is known.
func (w *obsWorker) marketID(b []byte) (string, bool) {
	if w.lastIDS != "" && bytes.Equal(b, w.lastID) {
		return w.lastIDS, w.lastIDKnown
	}
	w.lastID = append(w.lastID[:0], b...) // the row's bytes are reused
	id, known := w.s.ids[string(b)]
	if w.s.ids == nil {
		id, known = w.intern(b), true
	} else if !known {
		id = string(b)
	}
	w.lastIDS, w.lastIDKnown = id, known
	return id, known
}

// idString returns the ID of a keyed row as a string that outlives the
// chunk.
func (w *obsWorker) idString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	id, _ := w.marketID(b)
	return id
}

func (w *obsWorker) source(b []byte) string {
	// Files name a handful of sources, in any order: look among them
	// before the map.
	for _, s := range w.sources {
		if string(b) == s {
			return s
		}
	}
	s := w.intern(b)
	if len(w.sources) < 8 {
		w.sources = append(w.sources, s)
	}
	return s
}

// intern returns a string equal to b, the same one every time: a large
// file repeats a handful of sources, and its IDs many times each.
func (w *obsWorker) intern(b []byte) string {
	if s, ok := w.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	w.strs[s] = s
	return s
}

// keyed follows the runs of one market ID among the rows whose date
// parses, valid or not, for the duplicate check; in a rescan it records
// the rows whose key is a duplicate.
func (w *obsWorker) keyed(id []byte, d Date) {
	res := w.res
	if dup := w.s.dup; dup != nil {
		if dates, ok := dup[string(id)]; ok && dates[d] {
			res.hits = append(res.hits, dupHit{obsKey: obsKey{string(id), d}, start: w.at(0).line, at: w.where(fDate)})
			w.hit = true
		}
		return
	}
	if res.unsorted {
		return
	}
	if n := len(res.runs); n > 0 && bytes.Equal(id, w.runID) {
		r := &res.runs[n-1]
		if !r.last.Before(d) {
			res.unsorted = true
		}
		r.last = d
		return
	}
	if len(res.runs) == maxRuns {
		// Runs this short are not worth following: let the duplicate
		// check sort the keys instead.
		res.unsorted = true
		return
	}
	w.runID = append(w.runID[:0], id...) // the row's bytes are reused
	res.runs = append(res.runs, keyRun{id: w.idString(id), first: d, last: d})
}

// area reads an area as number() and checkArea did: any float that
// strconv.ParseFloat reads, finite and not negative.
func (w *obsWorker) area(f int, b []byte) (float64, bool) {
	v, ok := parseDecimal(b)
	if !ok {
		s := string(b)
		var err error
		v, err = strconv.ParseFloat(s, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			w.fail(f, fmt.Errorf("%w: %q", ErrNumber, s))
			return 0, false
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			w.fail(f, fmt.Errorf("%w: %q", ErrNotFinite, s))
			return 0, false
		}
	}
	if err := checkArea(v); err != nil {
		w.fail(f, err)
		return 0, false
	}
	return v, true
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseDecimal reads the plain decimals that make up nearly every area,
// [+-]digits[.digits], and gives exactly what strconv.ParseFloat gives:
// when the digits make an integer below 2^53 and at most 22 of them
// follow the point, integer and power of ten are exact and one division
// rounds correctly. Anything else is not ok, for ParseFloat to read.
func parseDecimal(b []byte) (float64, bool) {
	i, neg := 0, false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		i++
	}
	// At most 15 digits: any such integer is below 2^53.
	var mant uint64
	digits, frac := 0, 0
	for ; i < len(b) && b[i]-'0' < 10; i++ {
		mant = mant*10 + uint64(b[i]-'0')
		digits++
	}
	if i < len(b) && b[i] == '.' {
		i++
		for ; i < len(b) && b[i]-'0' < 10; i++ {
			mant = mant*10 + uint64(b[i]-'0')
			frac++
		}
		digits += frac
	}
	if i != len(b) || digits == 0 || digits > 15 {
		return 0, false
	}
	v := float64(mant) / pow10[frac]
	if neg {
		v = -v
	}
	return v, true
}

// parseProvenance is ParseProvenance on bytes.
func parseProvenance(b []byte) (Provenance, error) {
	for p := Published; p <= Synthetic; p++ {
		if string(b) == provenanceNames[p] {
			return p, nil
		}
	}
	return ParseProvenance(string(b))
}
