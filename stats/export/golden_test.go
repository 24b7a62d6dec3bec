package export_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/jangmadang/marketarea/stats/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The exports of the fixture are compared byte for byte with
// testdata/fixture.*: the output is deterministic, and a change to it is
// a change a user sees (go test -update rewrites them).
func TestExportsMatchGoldenFiles(t *testing.T) {
	dir := t.TempDir()
	w, err := export.WriteDir(dir, fixture())
	if err != nil {
		t.Fatal(err)
	}
	if w.Unlocated != 2 {
		t.Errorf("unlocated %d, want 2", w.Unlocated)
	}
	for _, name := range w.Files {
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "fixture."+filepath.Base(name))
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", filepath.Base(name), golden, got)
		}
	}
}

func TestWriteDirWritesTheFourFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "dir")
	w, err := export.WriteDir(dir, fixture())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{export.ResultsFile, export.GrossByYearFile, export.GeoJSONFile, export.KMLFile}
	if len(w.Files) != len(want) {
		t.Fatalf("files %v, want %v", w.Files, want)
	}
	for i, name := range w.Files {
		if name != filepath.Join(dir, want[i]) {
			t.Errorf("file %d: %s, want %s", i, name, filepath.Join(dir, want[i]))
		}
		if fi, err := os.Stat(name); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestWriteDirReportsAnUnwritableDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := export.WriteDir(filepath.Join(file, "sub"), fixture()); err == nil {
		t.Error("no error for a directory under a file")
	}
}
