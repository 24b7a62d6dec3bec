package market

import (
	"bytes"
	"errors"
	"io"
)

// splitter cuts a CSV stream into chunks of whole records, so that chunks
// can be parsed in parallel and each parsed alone gives what
// encoding/csv gives on the whole stream. A record ends at a newline that
// is not inside a quoted field; where that is, is decided by the same
// rules encoding/csv follows, including its handling of malformed quotes.
type splitter struct {
	r    io.Reader
	buf  []byte // read and not yet handed out
	eof  bool
	size int // the size of a chunk
}

// fill reads more of the stream into s.buf, at least doubling what it
// can hold, so that repeated calls read the stream in linear time.
func (s *splitter) fill() error {
	if s.eof {
		return nil
	}
	if cap(s.buf)-len(s.buf) < len(s.buf)+4096 {
		s.buf = append(make([]byte, 0, 2*cap(s.buf)+64<<10), s.buf...)
	}
	n, err := io.ReadFull(s.r, s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	return s.readErr(err)
}

func (s *splitter) readErr(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		s.eof = true
		return nil
	}
	return err
}

// next returns a chunk of whole records in dst (reused when large
// enough), with whether it holds a quote, or io.EOF at the end.
func (s *splitter) next(dst []byte) (chunk []byte, quoted bool, err error) {
	if len(s.buf) == 0 && s.eof {
		return nil, false, io.EOF
	}
	if cap(dst) < s.size {
		dst = make([]byte, 0, s.size)
	}
	dst = append(dst[:0], s.buf...)
	s.buf = s.buf[:0]
	for {
		if !s.eof && len(dst) < cap(dst) {
			n, err := io.ReadFull(s.r, dst[len(dst):cap(dst)])
			dst = dst[:len(dst)+n]
			if err := s.readErr(err); err != nil {
				return nil, false, err
			}
		}
		cut, quoted := recordsEnd(dst, s.eof)
		if cut > 0 || s.eof {
			s.buf = append(s.buf, dst[cut:]...)
			return dst[:cut], quoted, nil
		}
		// Not one whole record yet: a very long line or quoted field.
		dst = append(dst, make([]byte, cap(dst))...)[:len(dst)]
	}
}

// recordsEnd returns the length of the longest prefix of data that ends
// at a record boundary (all of data at the end of the stream), and
// whether that prefix holds a quote. data starts at a record boundary.
func recordsEnd(data []byte, atEOF bool) (n int, quoted bool) {
	if atEOF {
		return len(data), bytes.IndexByte(data, '"') >= 0
	}
	last := bytes.LastIndexByte(data, '\n') + 1
	pos := 0
	for {
		q := bytes.IndexByte(data[pos:last], '"')
		if q < 0 {
			return last, quoted
		}
		quoted = true
		// Lines without a quote are whole records: the record holding
		// the quote starts at its line.
		start := pos + bytes.LastIndexByte(data[pos:pos+q], '\n') + 1
		end, ok := recordEnd(data, start)
		if !ok {
			return start, start > 0 && bytes.IndexByte(data[:start], '"') >= 0
		}
		if end >= last {
			return end, true
		}
		pos = end
	}
}

// recordEnd returns where the record that starts at data[i] ends (just
// past its last newline), or false when data ends first. It follows
// encoding/csv (Comma ',', LazyQuotes false): a newline inside a quoted
// field continues the record, and a malformed quote ends the record with
// the line it is on.
func recordEnd(data []byte, i int) (int, bool) {
	for i < len(data) {
		if data[i] == '"' {
			// Quoted field: find its closing quote.
			i++
			for {
				q := bytes.IndexByte(data[i:], '"')
				if q < 0 || i+q+1 >= len(data) {
					return 0, false
				}
				i += q + 1
				c := data[i]
				if c == '"' { // `""`: an escaped quote
					i++
					continue
				}
				if c == ',' {
					i++
					break
				}
				if c == '\n' {
					return i + 1, true
				}
				if c == '\r' {
					if i+1 >= len(data) {
						return 0, false
					}
					if data[i+1] == '\n' {
						return i + 2, true
					}
				}
				// ErrQuote: encoding/csv drops the rest of the line.
				return lineEnd(data, i)
			}
			continue
		}
		// Unquoted field: up to a comma or the end of the line.
		j := bytes.IndexAny(data[i:], ",\n\"")
		if j < 0 {
			return 0, false
		}
		switch data[i+j] {
		case ',':
			i += j + 1
		case '\n':
			return i + j + 1, true
		default: // ErrBareQuote: the rest of the line is dropped.
			return lineEnd(data, i+j)
		}
	}
	return 0, false
}

func lineEnd(data []byte, i int) (int, bool) {
	nl := bytes.IndexByte(data[i:], '\n')
	if nl < 0 {
		return 0, false
	}
	return i + nl + 1, true
}
