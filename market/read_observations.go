package market

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"unsafe"

	"github.com/gocarina/gocsv"
)

// observations.csv is read in chunks of whole records, parsed and checked
// in parallel and merged in file order, so that the result, and every
// problem with its position, is what reading the file record by record
// with encoding/csv and gocsv gives. A chunk without a quote is parsed
// byte by byte; one with a quote goes through encoding/csv.
const chunkSize = 512 << 10

// obsScan is what every worker needs to know about the file: read-only
// once the header is read.
type obsScan struct {
	file string
	// ids maps each known market ID to itself, so that observations share
	// the ID strings; nil when any ID goes.
	ids   map[string]string
	width int                      // fields in the header
	col   [numObsFields]int        // the column gocsv maps each field to, or -1
	at    [numObsFields]int        // the header's column of that name, or -1
	dup   map[string]map[Date]bool // in a rescan: the duplicate keys
	chunk int                      // bytes in a chunk
}

// readObservations checks observations against known (when not nil) and
// returns those free of problems, in file order, the problems, and an I/O
// error.
func readObservations(r io.Reader, name string, known map[string]int) ([]Observation, Errors, error) {
	return readObservationsChunked(r, name, known, chunkSize, nil)
}

// datasetOrder is the order of a dataset's observations: by market index,
// then date.
type datasetOrder struct {
	markets int
	index   map[string]int // every ID known, none -1
}

// readObservationsChunked is readObservations with chunks of about chunk
// bytes: tests make them small. With sortTo, the observations are for a
// dataset: when they are free of problems, they may come back in dataset
// order; with problems, they may be in any order (no dataset is built).
func readObservationsChunked(r io.Reader, name string, known map[string]int, chunk int, sortTo *datasetOrder) ([]Observation, Errors, error) {
	rs, err := rewindable(r)
	if err != nil {
		return nil, nil, fmt.Errorf("market: reading %s: %w", name, err)
	}
	start, err := rs.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, nil, fmt.Errorf("market: reading %s: %w", name, err)
	}
	s := &obsScan{file: name, chunk: chunk}
	if known != nil {
		s.ids = make(map[string]string, len(known))
		for id := range known {
			s.ids[id] = id
		}
	}
	// Count the lines first, for room for every row in one allocation
	// that the workers fill in place: a merged copy costs more than
	// reading the file twice.
	lines, size, err := countLines(rs)
	if err != nil {
		return nil, nil, fmt.Errorf("market: reading %s: %w", name, err)
	}
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return nil, nil, fmt.Errorf("market: reading %s: %w", name, err)
	}
	var room []Observation
	if lines <= size/minRowBytes+1 {
		room = make([]Observation, lines)
		adviseHugePages(room)
		touch(room)
	}
	p, err := s.pass(rs, room)
	if err != nil {
		return nil, nil, fmt.Errorf("market: reading %s: %w", name, err)
	}
	errs := p.errs
	if p.unsorted && sortTo != nil && len(errs) == 0 {
		// Some market's rows are not one run in date order. The dataset
		// needs them sorted: sorted, two rows with one key are neighbours.
		sortByMarket(sortTo.markets, sortTo.index, p.obs)
		p.unsorted = hasNeighbourDuplicate(p.obs)
	}
	if p.unsorted {
		// Look for duplicates the long way, then read again for their
		// positions.
		if s.dup = duplicateKeys(p.obs, p.extras); len(s.dup) > 0 {
			if _, err := rs.Seek(start, io.SeekStart); err != nil {
				return nil, nil, fmt.Errorf("market: reading %s: %w", name, err)
			}
			again, err := s.pass(rs, nil)
			if err != nil {
				return nil, nil, fmt.Errorf("market: reading %s: %w", name, err)
			}
			errs = append(errs, s.duplicateErrs(again.hits)...)
			if sortTo == nil { // else in dataset order and not wanted
				p.obs = dropDuplicates(p.obs, s.dup, again.hits)
			}
		}
	}
	// Problems in line and column order; on one spot, in the order found.
	slices.SortStableFunc(errs, func(a, b *ParseError) int {
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Column, b.Column)
	})
	if p.obs == nil {
		p.obs = []Observation{} // as before: empty, not nil
	}
	return p.obs, errs, nil
}

// rewindable returns r as a ReadSeeker, reading it into memory when it
// cannot seek.
func rewindable(r io.Reader) (io.ReadSeeker, error) {
	if rs, ok := r.(io.ReadSeeker); ok {
		return rs, nil
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return bytes.NewReader(b), nil
}

// touch writes to every page of fresh memory, in parallel. Making room
// starts a garbage collection, which reads all of it: reading a page not
// yet written maps the zero page, and writing it later faults a second
// time, doubling the kernel's work. A page written first faults once.
func touch(room []Observation) {
	const step = 4096 / int(unsafe.Sizeof(Observation{})) // at least one per page
	var wg sync.WaitGroup
	n := runtime.GOMAXPROCS(0)
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			part := room[len(room)*w/n : len(room)*(w+1)/n]
			for i := 0; i < len(part); i += step {
				part[i].StallArea = 0
			}
		}()
	}
	wg.Wait()
}

// minRowBytes is the shortest a valid row can be: five required fields,
// the shortest "2019" and "measured", and their commas. A file with
// shorter lines on average is no dataset; its rows are not worth room
// made in advance.
const minRowBytes = 1 + 4 + 1 + 1 + 8 + 4

// countLines returns the number of lines in r (newlines, plus one) and
// its size in bytes.
func countLines(r io.Reader) (lines, size int, err error) {
	buf := make([]byte, 256<<10)
	lines = 1
	for {
		n, err := r.Read(buf)
		lines += bytes.Count(buf[:n], []byte{'\n'})
		size += n
		if err == io.EOF {
			return lines, size, nil
		}
		if err != nil {
			return 0, 0, err
		}
	}
}

// passResult is one reading of the file.
type passResult struct {
	obs      []Observation
	errs     Errors
	unsorted bool // keyed rows of some market ID are not one run in date order
	extras   []obsKey
	hits     []dupHit
}

// pass reads the file once: the header, then the records in parallel.
// room, when not nil, has a place for every row: the workers write the
// rows of a chunk into its part of room, and the result is room with the
// gaps (blank lines, rows with problems) closed up.
func (s *obsScan) pass(r io.Reader, room []Observation) (*passResult, error) {
	sp := &splitter{r: r, size: s.chunk}
	res := &passResult{}
	line, err := s.header(sp, res)
	if err != nil || s.width == 0 {
		return res, err
	}

	workers := runtime.GOMAXPROCS(0)
	nbuf := workers + 2
	type chunk struct {
		seq    int
		data   []byte
		quoted bool
		off    int // where its rows go in room
	}
	chunks := make(chan chunk, nbuf)
	results := make(chan *chunkResult, nbuf)
	bufs := make(chan []byte, nbuf) // a chunk in flight holds one
	outs := make(chan []Observation, nbuf)
	for range nbuf {
		bufs <- nil
	}
	var splitErr error
	go func() {
		defer close(chunks)
		off := 0
		for seq := 0; ; seq++ {
			data, quoted, err := sp.next(<-bufs)
			if err != nil {
				if err != io.EOF {
					splitErr = err
				}
				return
			}
			chunks <- chunk{seq, data, quoted, off}
			if room != nil {
				// A chunk has no more records than lines.
				off += bytes.Count(data, []byte{'\n'})
				if len(data) > 0 && data[len(data)-1] != '\n' {
					off++
				}
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := s.newWorker()
			for c := range chunks {
				var out []Observation
				if room != nil {
					// Past the end only if the file grew since it was
					// counted: the rows then go elsewhere.
					out = room[min(c.off, len(room)):][:0]
				} else {
					select {
					case out = <-outs:
					default:
					}
				}
				r := w.parse(c.seq, c.data, c.quoted, out)
				r.buf = c.data
				results <- r
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	m := merger{res: res, line: line, room: room}
	waiting := make(map[int]*chunkResult)
	next := 0
	for r := range results {
		waiting[r.seq] = r
		for r := waiting[next]; r != nil; r = waiting[next] {
			delete(waiting, next)
			next++
			m.merge(r)
			bufs <- r.buf
			if room == nil {
				outs <- r.obs
			}
		}
	}
	if m.room != nil {
		res.obs = room[:m.n:m.n]
		clear(room[m.n:m.end]) // what was moved down
	}
	return res, splitErr
}

// header reads the header with encoding/csv, as readTable did, and sets
// up the columns. It returns the line the data starts on.
func (s *obsScan) header(sp *splitter, res *passResult) (int, error) {
	bom := false // checked for a byte-order mark
	for {
		if err := sp.fill(); err != nil {
			return 0, err
		}
		if !bom {
			if len(sp.buf) < 3 && !sp.eof {
				continue
			}
			// Columns count from the first character a user sees.
			sp.buf = bytes.TrimPrefix(sp.buf, []byte("\xef\xbb\xbf"))
			bom = true
		}
		n, rec, pos, errs, ok := readHeader(sp.buf, sp.eof, s.file)
		if !ok {
			continue
		}
		res.errs = append(res.errs, errs...)
		if rec == nil {
			res.errs = append(res.errs, &ParseError{File: s.file, StartLine: 1, Line: 1, Column: 1, Err: ErrEmptyFile})
			sp.buf = sp.buf[:0]
			return 0, nil
		}
		line := 1 + bytes.Count(sp.buf[:n], []byte{'\n'})
		sp.buf = sp.buf[n:]
		t := &table{file: s.file, headerPos: pos}
		t.checkHeader(rec, observationColumns)
		res.errs = append(res.errs, t.errs...)
		s.width = len(rec)
		for f, c := range observationColumns {
			s.at[f] = -1
			if i, ok := t.header[c.name]; ok {
				s.at[f] = i
			}
		}
		return line, s.mapColumns(rec)
	}
}

// readHeader reads records from data until one parses: the header. The
// records before it are problems. ok is false when data may end before
// the header does; rec is nil when there is no header at all.
func readHeader(data []byte, atEOF bool, file string) (n int, rec []string, pos []fieldPos, errs Errors, ok bool) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return len(data), nil, nil, errs, atEOF
		}
		if !atEOF && cr.InputOffset() >= int64(len(data)) {
			return 0, nil, nil, nil, false
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			errs = append(errs, &ParseError{File: file, StartLine: perr.StartLine,
				Line: perr.Line, Column: perr.Column, Err: fmt.Errorf("%w: %w", ErrSyntax, perr.Err)})
			continue
		}
		pos := make([]fieldPos, len(rec))
		for i := range rec {
			rec[i] = dropCRBeforeLF(rec[i])
			pos[i].line, pos[i].col = cr.FieldPos(i)
		}
		return int(cr.InputOffset()), rec, pos, errs, true
	}
}

// mapColumns asks gocsv which column it maps each field to (it also
// matches a header name with spaces around it, and the last of two
// columns of one name wins), by mapping one row that names the columns.
func (s *obsScan) mapColumns(header []string) error {
	probe := make([]string, len(header))
	for i := range probe {
		probe[i] = strconv.Itoa(i)
	}
	var rows []observationRow
	if err := gocsv.UnmarshalCSV(&sliceReader{[][]string{header, probe}}, &rows); err != nil {
		return fmt.Errorf("mapping columns: %w", err)
	}
	row := rows[0]
	for f, v := range []string{row.MarketID, row.Date, row.StallArea, row.OpenArea, row.Source, row.Provenance} {
		s.col[f] = -1
		if v != "" {
			s.col[f], _ = strconv.Atoi(v)
		}
	}
	return nil
}

// merger puts the chunks' results together in file order.
type merger struct {
	res  *passResult
	line int           // where the next chunk starts
	room []Observation // where the workers write, or nil
	n    int           // rows in room so far, gaps closed
	end  int           // the end of the last rows written to room
	// the last run of keyed rows and the IDs whose run is over
	runID   string
	runLast Date
	ran     map[string]bool
}

func (m *merger) merge(r *chunkResult) {
	res := m.res
	off := m.line - 1
	for _, e := range r.errs {
		e.StartLine += off
		e.Line += off
	}
	res.errs = append(res.errs, r.errs...)
	for i := range r.hits {
		r.hits[i].start += off
		r.hits[i].at.line += off
	}
	res.hits = append(res.hits, r.hits...)
	m.line += r.newlines
	if m.room != nil && len(r.obs) > 0 {
		at := cap(m.room) - cap(r.obs)
		if at < 0 || at >= len(m.room) || &m.room[at] != &r.obs[0] {
			// The rows are not in room: the file grew since it was
			// counted. Go on by appending, to a copy: workers are
			// still writing to room.
			res.obs = m.room[:m.n:m.n]
			m.room = nil
		}
	}
	if m.room == nil {
		res.obs = append(res.obs, r.obs...)
	} else if len(r.obs) > 0 {
		// The rows are in room already, at the chunk's offset.
		at := cap(m.room) - cap(r.obs)
		if at != m.n {
			copy(m.room[m.n:], r.obs)
		}
		m.n += len(r.obs)
		m.end = at + len(r.obs)
	}
	res.extras = append(res.extras, r.extras...)
	m.runs(r)
}

// runs checks that the keyed rows of each market ID are one run in date
// order, in which case no two share a date.
func (m *merger) runs(r *chunkResult) {
	if r.unsorted {
		m.res.unsorted = true
	}
	if m.res.unsorted || len(r.runs) == 0 {
		return
	}
	if m.ran == nil {
		m.ran = make(map[string]bool)
	}
	for i, run := range r.runs {
		if i == 0 && len(m.ran) > 0 && run.id == m.runID {
			if !m.runLast.Before(run.first) {
				m.res.unsorted = true
				return
			}
		} else {
			if m.ran[run.id] {
				m.res.unsorted = true
				return
			}
			m.ran[run.id] = true
		}
		m.runID, m.runLast = run.id, run.last
	}
}

// hasNeighbourDuplicate reports whether two neighbours in obs have one
// market ID and date.
func hasNeighbourDuplicate(obs []Observation) bool {
	for i := 1; i < len(obs); i++ {
		if obs[i].Date == obs[i-1].Date && obs[i].MarketID == obs[i-1].MarketID {
			return true
		}
	}
	return false
}

// duplicateKeys returns the keys (ID and date) that more than one keyed
// row has.
func duplicateKeys(obs []Observation, extras []obsKey) map[string]map[Date]bool {
	num := make(map[string]uint64)
	var ids []string
	keys := make([]uint64, 0, len(obs)+len(extras))
	last, lastNum := "", uint64(0)
	add := func(id string, d Date) {
		if id != last || len(ids) == 0 {
			n, ok := num[id]
			if !ok {
				n = uint64(len(ids))
				num[id] = n
				ids = append(ids, id)
			}
			last, lastNum = id, n
		}
		keys = append(keys, lastNum<<32|uint64(uint32(d.key())))
	}
	for _, o := range obs {
		add(o.MarketID, o.Date)
	}
	for _, k := range extras {
		add(k.id, k.date)
	}
	slices.Sort(keys)
	dup := make(map[string]map[Date]bool)
	for i := 1; i < len(keys); i++ {
		if keys[i] != keys[i-1] {
			continue
		}
		id := ids[keys[i]>>32]
		k := uint32(keys[i])
		if dup[id] == nil {
			dup[id] = make(map[Date]bool)
		}
		dup[id][Date{year: int16(k >> 16), month: uint8(k >> 8), day: uint8(k)}] = true
	}
	return dup
}

// dropDuplicates removes from obs the rows that repeat a key and have no
// other problem: a row with a problem is left out.
func dropDuplicates(obs []Observation, dup map[string]map[Date]bool, hits []dupHit) []Observation {
	// The valid hits are the rows of obs with a duplicate key, in the same
	// order; all but the first of each key go.
	seen := make(map[obsKey]bool)
	var drop []bool
	for _, h := range hits {
		if h.valid {
			drop = append(drop, seen[h.obsKey])
		}
		seen[h.obsKey] = true
	}
	return slices.DeleteFunc(obs, func(o Observation) bool {
		if dates, ok := dup[o.MarketID]; !ok || !dates[o.Date] {
			return false
		}
		d := drop[0]
		drop = drop[1:]
		return d
	})
}

// duplicateErrs reports every keyed row but the first of each duplicate
// key, as the row checks did.
func (s *obsScan) duplicateErrs(hits []dupHit) Errors {
	first := make(map[obsKey]int)
	var errs Errors
	for _, h := range hits {
		line, dup := first[h.obsKey]
		if !dup {
			first[h.obsKey] = h.at.line
			continue
		}
		errs = append(errs, &ParseError{File: s.file, StartLine: h.start, Line: h.at.line, Column: h.at.col, Field: "date",
			Err: fmt.Errorf("%w: %q on %v (first on line %d)", ErrDuplicateObservation, h.id, h.date, line)})
	}
	return errs
}
