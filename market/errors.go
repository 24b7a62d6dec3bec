package market

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every problem that reading or building a dataset finds
// wraps one of them: match with errors.Is.
var (
	ErrEmptyFile            = errors.New("empty file")
	ErrSyntax               = errors.New("malformed CSV")
	ErrFieldCount           = errors.New("wrong number of fields")
	ErrMissingColumn        = errors.New("missing required column")
	ErrUnknownColumn        = errors.New("unknown column")
	ErrDuplicateColumn      = errors.New("duplicate column")
	ErrEmptyField           = errors.New("empty required field")
	ErrNumber               = errors.New("not a number")
	ErrDate                 = errors.New("not a date")
	ErrProvenance           = errors.New("unknown provenance")
	ErrNegativeArea         = errors.New("negative area")
	ErrNotFinite            = errors.New("not a finite number")
	ErrCoordinate           = errors.New("coordinate out of range")
	ErrHalfLocation         = errors.New("latitude and longitude must both be given or both be empty")
	ErrDuplicateMarket      = errors.New("duplicate market id")
	ErrDuplicateObservation = errors.New("two observations of one market on one date")
	ErrUnknownMarket        = errors.New("observation of a market not in markets.csv")
)

// ParseError is one problem at one place in a file. Line and Column are
// 1-based and exact, also after quoted fields that span lines; Column
// counts bytes, as encoding/csv does. A problem with a whole row or file
// has Column 1 and an empty Field.
type ParseError struct {
	File      string // file name as given to the reader
	StartLine int    // line where the record starts
	Line      int    // line of the field at fault
	Column    int    // column where the field starts
	Field     string // column name from the header, when known
	Err       error  // what is wrong; wraps a sentinel
}

// Error formats the problem as
// "market: observations.csv:12:3: stall_area_m2: negative area: -40".
// A problem found without a file (NewDataset) has no position.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("market: ")
	if e.File != "" || e.Line > 0 {
		if e.File != "" {
			b.WriteString(e.File)
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%d:%d", e.Line, e.Column)
		if e.StartLine > 0 && e.StartLine != e.Line {
			fmt.Fprintf(&b, " (record from line %d)", e.StartLine)
		}
		b.WriteString(": ")
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "%s: ", e.Field)
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error, which wraps a sentinel.
func (e *ParseError) Unwrap() error { return e.Err }

// Errors is every problem found in one or more files, in file and line
// order. errors.Is and errors.As look into each of them.
type Errors []*ParseError

// Error lists the problems one a line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems, so that errors.Is and errors.As see each.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

func (es Errors) orNil() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
