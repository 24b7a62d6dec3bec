package market

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// sameAsReference checks that the parallel reader, with chunks of every
// size in chunks, gives what the reader before it gave on in: the same
// observations and the same problems, with the same positions and
// messages, in the same order.
func sameAsReference(t *testing.T, in []byte, known map[string]int, chunks ...int) {
	t.Helper()
	want, wantErrs, wantErr := readObservationsRef(bytes.NewReader(in), "obs.csv", known)
	for _, chunk := range chunks {
		got, gotErrs, gotErr := readObservationsChunked(bytes.NewReader(in), "obs.csv", known, chunk, nil)
		if (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("chunk %d: error %v, want %v", chunk, gotErr, wantErr)
		}
		if len(got) != 0 || len(want) != 0 {
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("chunk %d: observations differ:\n got %v\nwant %v", chunk, got, want)
			}
		}
		if g, w := describe(gotErrs), describe(wantErrs); g != w {
			t.Fatalf("chunk %d on %q: problems differ:\n got:\n%s\nwant:\n%s", chunk, in, g, w)
		}
	}
}

// describe lists problems with every field and the sentinels they wrap.
func describe(errs Errors) string {
	var b strings.Builder
	for _, e := range errs {
		fmt.Fprintf(&b, "%s|%d|%d|%d|%s|%v|", e.File, e.StartLine, e.Line, e.Column, e.Field, e)
		for _, s := range []error{ErrEmptyFile, ErrSyntax, ErrFieldCount, ErrMissingColumn, ErrUnknownColumn,
			ErrDuplicateColumn, ErrEmptyField, ErrNumber, ErrDate, ErrProvenance, ErrNegativeArea, ErrNotFinite,
			ErrDuplicateObservation, ErrUnknownMarket} {
			if errors.Is(e, s) {
				fmt.Fprintf(&b, "%v;", s)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

const obsHeader = "market_id,date,stall_area_m2,open_area_m2,source,provenance\n"

// readerCases are inputs whose reading depends on records, quotes, lines
// and chunk boundaries.
var readerCases = map[string]string{
	"valid":                 obsHeader + "a,2019,10,,G,measured\na,2020-05,12.5,3,G,published\nb,2021-02-28,0,,P,synthetic\n",
	"no final newline":      obsHeader + "a,2019,10,,G,measured\na,2020,11,,G,measured",
	"crlf and bom":          "\xef\xbb\xbf" + strings.ReplaceAll(obsHeader+"a,2019,10,,G,measured\n\r\nb,2020,1,,G,measured\r\n", "\n", "\r\n"),
	"final cr":              obsHeader + "a,2019,10,,G,measured\r",
	"blank lines":           "\n\n" + obsHeader + "\n\na,2019,10,,G,measured\n\n\nb,2019,1,,G,measured\n\n",
	"quoted fields":         obsHeader + "\"a\",2019,\"10\",,\"Google \"\"Earth\"\"\",measured\n\"b\",2020,1,,G,measured\n",
	"multi-line quote":      obsHeader + "a,2019,10,,\"Google\nEarth\n\",measured\nb,2020,-1,,G,measured\na,2020,x,,\"P\r\nQ\",measured\n",
	"bare quote":            obsHeader + "a,2019,10,,Goo\"gle,measured\nb,2020,1,,G,measured\n",
	"bad quote":             obsHeader + "a,2019,10,,\"Goo\"gle,measured\nb,2020,1,,G,measured\n",
	"unclosed quote":        obsHeader + "a,2019,10,,\"Google,measured\nb,2020,1,,G,measured\n",
	"quote then cr":         obsHeader + "a,2019,10,,\"G\"\r\r\nb,2020,1,,G,measured\n",
	"cr before crlf":        obsHeader + "a,2019,10,,\"Google\r\r\nEarth\r\n\",measured\nb,2020,1,,\"x\r\r\r\ny\ry\",measured\n",
	"blank then bad header": "\n\r\nmarket_id,date,colour,stall_area_m2,source\na,2019,red,1,G\n",
	"quoted eof cr":         obsHeader + "a,2019,10,,G,\"measured\"\r",
	"field count":           obsHeader + "a,2019,10,,G\na,2019,10,,G,measured,extra,more\nb,2020,1,,G,measured\n",
	"every problem": obsHeader + ",,,,,\nzz,2019-13,-1,NaN,,other\na,20x9,1e400,abc,G,measured\n" +
		"a,2019-02-29,0x1p3,-0,G,measured\na,2019,1_0,+.5,G,measured\n",
	"duplicates in order":  obsHeader + "a,2019,1,,G,measured\na,2019,2,,G,measured\nb,2019,1,,G,measured\n",
	"duplicates apart":     obsHeader + "a,2019,1,,G,measured\nb,2019,1,,G,measured\na,2019,2,,G,measured\na,2019,3,x,G,measured\n",
	"duplicates bad rows":  obsHeader + "zz,2019,1,,G,measured\nzz,2019,x,,G,measured\n,2018,1,,G,measured\n,2018,1,,G,measured\n",
	"unsorted no dups":     obsHeader + "a,2020,1,,G,measured\na,2019,2,,G,measured\nb,2019,1,,G,measured\na,2021,1,,G,measured\n",
	"precision order":      obsHeader + "a,2019-01-01,1,,G,measured\na,2019-01,1,,G,measured\na,2019,1,,G,measured\n",
	"header reordered":     "provenance,source,open_area_m2,stall_area_m2,date,market_id\nmeasured,G,,1,2019,a\nmeasured,G,x,-1,2019,a\n",
	"header short":         "market_id,date,stall_area_m2\na,2019,1\n",
	"header duplicate":     "market_id,date,date,stall_area_m2,source,provenance\na,2019,2020,1,G,measured\na,2019,,1,G,measured\n",
	"header spaces":        " market_id,date , stall_area_m2,source,provenance,x\na,2019,x,G,measured,1\n,,,,,\n",
	"header quoted":        "\"market_id\",\"date\",stall_area_m2,source,provenance\n\"a\",2019,1,G,measured\n",
	"bad header record":    "\"market_id,date\nmarket_id,date,stall_area_m2,source,provenance\na,2019,1,G,measured\n",
	"only bad records":     "a\"b\n\"c\"d\n",
	"empty":                "",
	"only blank lines":     "\n\r\n\n",
	"header only":          obsHeader,
	"header without nl":    strings.TrimSuffix(obsHeader, "\n"),
	"long line":            obsHeader + "a,2019,1,," + strings.Repeat("G", 300) + ",measured\nb,2019,1,,G,measured\n",
	"unknown market later": obsHeader + "a,2019,1,,G,measured\nq,2019,1,,G,measured\n",
}

func TestReadObservationsAgreesWithReference(t *testing.T) {
	known := map[string]int{"a": 0, "b": 1, "bad": -1}
	for name, in := range readerCases {
		t.Run(name, func(t *testing.T) {
			chunks := []int{1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, chunkSize}
			sameAsReference(t, []byte(in), nil, chunks...)
			sameAsReference(t, []byte(in), known, chunks...)
		})
	}
}

func TestReadObservationsChunkBoundaryInsideQuotedField(t *testing.T) {
	// A quoted field spanning lines, with escaped quotes, CRLF and commas
	// inside, and problems before and after it: every chunk size puts a
	// boundary somewhere inside or next to it.
	in := obsHeader + "a,2018,1,,G,measured\n" +
		"a,2019,2,,\"Google\r\n\"\"Earth\"\",\n,\nPro\",measured\n" +
		"a,2019-05,-3,,G,measured\n" +
		"b,\"2020\",\"4\",,\"x\ny\",published\n" +
		"b,2020,5,,G,measured\n"
	chunks := make([]int, 0, len(in))
	for n := 1; n <= len(in)+1; n++ {
		chunks = append(chunks, n)
	}
	sameAsReference(t, []byte(in), map[string]int{"a": 0, "b": 1}, chunks...)
}

func TestReadObservationsFromAStreamThatCannotSeek(t *testing.T) {
	in := readerCases["duplicates apart"]
	_, want, _ := readObservationsRef(strings.NewReader(in), "obs.csv", nil)
	_, got, err := readObservations(iotest.HalfReader(strings.NewReader(in)), "obs.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if describe(got) != describe(want) {
		t.Errorf("problems differ:\n got:\n%s\nwant:\n%s", describe(got), describe(want))
	}
}

func TestReadObservationsReportsReadError(t *testing.T) {
	r := iotest.TimeoutReader(strings.NewReader(obsHeader + "a,2019,1,,G,measured\n"))
	if _, _, err := readObservations(r, "obs.csv", nil); err == nil {
		t.Error("no error from a failing reader")
	}
}

func TestParseDecimalAgreesWithParseFloat(t *testing.T) {
	for _, s := range []string{"0", "-0", "+0", "1", "10", "12.5", "1234.25", "0.1", "0.3", ".5", "5.", "-.5",
		"9007199254740992", "9007199254740993", "900719925474099.3", "0.0000000000000000000001",
		"0.00000000000000000000001", "123456789012345678901234", "1.7976931348623157", "3.14159265358979323846"} {
		got, ok := parseDecimal([]byte(s))
		if !ok {
			continue
		}
		var want float64
		if _, err := fmt.Sscan(s, &want); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if got != want || (got == 0 && fmt.Sprint(1/got) != fmt.Sprint(1/want)) {
			t.Errorf("parseDecimal(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzReadObservationsAgreesWithReference(f *testing.F) {
	for _, in := range readerCases {
		f.Add([]byte(in), uint8(7))
	}
	known := map[string]int{"a": 0, "b": 1, "bad": -1}
	f.Fuzz(func(t *testing.T, in []byte, chunk uint8) {
		sameAsReference(t, in, nil, int(chunk)+1, chunkSize)
		sameAsReference(t, in, known, int(chunk)+1)
	})
}

func TestReadObservationsManyShortRuns(t *testing.T) {
	// More runs of one market ID in a chunk than are followed, with and
	// without a duplicate among them.
	var b strings.Builder
	b.WriteString(obsHeader)
	for i := range 3 * maxRuns {
		fmt.Fprintf(&b, "m%d,2019,1,,G,measured\n", i)
	}
	in := b.String()
	sameAsReference(t, []byte(in), nil, chunkSize)
	sameAsReference(t, []byte(in+"m7,2019,2,,G,measured\n"), nil, chunkSize, 4096)
}

// growingFile reads as first until it is rewound, then as second: a file
// appended to while it is read.
type growingFile struct {
	*bytes.Reader
	second []byte
}

func (g *growingFile) Seek(off int64, whence int) (int64, error) {
	if whence == io.SeekStart && g.second != nil {
		g.Reader, g.second = bytes.NewReader(g.second), nil
	}
	return g.Reader.Seek(off, whence)
}

func TestReadObservationsOfAFileThatGrows(t *testing.T) {
	var first, more strings.Builder
	first.WriteString(obsHeader)
	for i := range 2000 {
		fmt.Fprintf(&first, "m%d,2019,1,,G,measured\n", i)
	}
	more.WriteString(first.String())
	for i := range 2000 {
		fmt.Fprintf(&more, "n%d,2019,1,,G,measured\n", i)
	}
	for _, chunk := range []int{100, 4096, chunkSize} {
		got, errs, err := readObservationsChunked(&growingFile{bytes.NewReader([]byte(first.String())), []byte(more.String())},
			"obs.csv", nil, chunk, nil)
		want, _, _ := readObservationsRef(strings.NewReader(more.String()), "obs.csv", nil)
		if err != nil || len(errs) > 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("chunk %d: %d rows, %v %v; want the %d rows of the grown file", chunk, len(got), err, errs, len(want))
		}
	}
}
