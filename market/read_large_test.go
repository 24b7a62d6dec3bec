package market

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jangmadang/marketarea/internal/genlarge"
)

// generated returns a generated dataset of rows observations, as files.
func generated(t *testing.T, rows int) (markets, observations []byte) {
	t.Helper()
	var m, o bytes.Buffer
	if err := genlarge.Write(&m, &o, genlarge.Config{Rows: rows, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	return m.Bytes(), o.Bytes()
}

func TestReadGeneratedAgreesWithReference(t *testing.T) {
	mb, ob := generated(t, 30_000)
	markets, index, errs, err := readMarkets(bytes.NewReader(mb), MarketsFile)
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	want, wantErrs, err := readObservationsRef(bytes.NewReader(ob), ObservationsFile, index)
	if err != nil || len(wantErrs) > 0 {
		t.Fatal(err, wantErrs)
	}
	got, gotErrs, err := readObservations(bytes.NewReader(ob), ObservationsFile, index)
	if err != nil || len(gotErrs) > 0 {
		t.Fatal(err, gotErrs)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("observations differ from the reference reader's")
	}
	// And so does the dataset built from them, sorted as before.
	d := build(markets, index, got)
	ref := build(markets, index, want)
	if !reflect.DeepEqual(d.obs, ref.obs) || !reflect.DeepEqual(d.start, ref.start) {
		t.Fatal("datasets differ")
	}
}

// TestReadLargeFileReportsBadRowsExactly puts problems near the end of a
// file of many chunks, and in a file whose rows are out of order, and
// checks their exact positions against the reference.
func TestReadLargeFileReportsBadRowsExactly(t *testing.T) {
	_, ob := generated(t, 40_000)
	lines := strings.SplitAfter(string(ob), "\n")
	n := len(lines) - 1 // the last "line" is empty
	if n < 40_000 {
		t.Fatalf("%d lines", n)
	}
	bad := slices.Clone(lines)
	// Line n-3 (1-based): a negative area in the third column.
	fields := strings.Split(bad[n-4], ",")
	fields[2] = "-40"
	bad[n-4] = strings.Join(fields, ",")
	// Line n: a date that is not one, with no final newline after it.
	fields = strings.Split(strings.TrimSuffix(bad[n-1], "\n"), ",")
	fields[1] = "2019-02-30"
	bad[n-1] = strings.Join(fields, ",")
	in := []byte(strings.Join(bad, ""))

	_, err := ReadObservations(bytes.NewReader(in), ObservationsFile, nil)
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 2 {
		t.Fatalf("got %v, want two problems", err)
	}
	col := len(fields[0]) + 2
	wantArea := fmt.Sprintf("market: observations.csv:%d:%d: stall_area_m2: negative area: -40", n-3,
		len(strings.Split(lines[n-4], ",")[0])+len(strings.Split(lines[n-4], ",")[1])+3)
	wantDate := fmt.Sprintf("market: observations.csv:%d:%d: date: not a date: \"2019-02-30\" has no such day", n, col)
	if errs[0].Error() != wantArea || errs[1].Error() != wantDate {
		t.Errorf("got\n%v\nwant\n%s\n%s", err, wantArea, wantDate)
	}
	if !errors.Is(errs[0], ErrNegativeArea) || !errors.Is(errs[1], ErrDate) {
		t.Errorf("sentinels: %v", err)
	}
	sameAsReference(t, in, nil, chunkSize)

	// Rows out of order, with a duplicate far from its first: the long
	// way round, and still exact.
	swapped := slices.Clone(lines)
	swapped[1], swapped[n-2] = swapped[n-2], swapped[1]
	swapped = append(swapped[:n], swapped[5]) // line n+1 repeats line 6
	in = []byte(strings.Join(swapped, ""))
	_, err = ReadObservations(bytes.NewReader(in), ObservationsFile, nil)
	if !errors.As(err, &errs) || len(errs) != 1 || !errors.Is(errs[0], ErrDuplicateObservation) ||
		errs[0].Line != n+1 || !strings.Contains(errs[0].Error(), "(first on line 6)") {
		t.Errorf("got %v, want a duplicate on line %d of line 6", err, n+1)
	}
	sameAsReference(t, in, nil, chunkSize)
}

// TestReadDatasetOutOfOrder reads a generated file with its rows
// shuffled: the dataset is the one the reference reader builds, and a
// duplicate is reported at the same place.
func TestReadDatasetOutOfOrder(t *testing.T) {
	mb, ob := generated(t, 20_000)
	lines := strings.SplitAfter(strings.TrimSuffix(string(ob), "\n"), "\n")
	rows := lines[1:]
	rng := rand.New(rand.NewPCG(5, 6))
	rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	rows[len(rows)-1] += "\n"
	shuffled := lines[0] + strings.Join(rows, "")

	_, index, _, _ := readMarkets(bytes.NewReader(mb), MarketsFile)
	markets, _, _, _ := readMarkets(bytes.NewReader(mb), MarketsFile)
	for name, in := range map[string]string{
		"shuffled":                  shuffled,
		"with a duplicate":          shuffled + rows[3],
		"with a duplicate and more": shuffled + rows[3] + strings.Replace(rows[9], ",", ",x", 1),
	} {
		fsys := fstest.MapFS{MarketsFile: {Data: mb}, ObservationsFile: {Data: []byte(in)}}
		got, err := ReadDatasetFS(fsys, ".")
		want, wantErrs, _ := readObservationsRef(strings.NewReader(in), ObservationsFile, index)
		if len(wantErrs) > 0 {
			var errs Errors
			if !errors.As(err, &errs) || describe(errs) != describe(wantErrs) {
				t.Errorf("%s: got %v, want\n%v", name, err, wantErrs)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if ref := build(markets, index, want); !reflect.DeepEqual(got.obs, ref.obs) || !reflect.DeepEqual(got.start, ref.start) {
			t.Errorf("%s: the dataset differs from the reference", name)
		}
	}
}
