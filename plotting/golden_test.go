package plotting_test

import (
	"bytes"
	"flag"
	"image"
	"image/draw"
	_ "image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// regen rewrites the golden files: go test ./plotting/ -regen
//
// checkPlot has the signature and the behaviour of
// gonum.org/v1/plot/cmpimg.CheckPlot, which this package cannot import
// until go.sum lists cmpimg's dependency rsc.io/pdf (go get
// gonum.org/v1/plot/cmpimg@v0.17.0). Then replace checkPlot with
// cmpimg.CheckPlot and delete this file: cmpimg defines the same -regen
// flag.
var regen = flag.Bool("regen", false, "rewrite the golden files in testdata")

// checkPlot runs example, which writes testdata/NAME for each name, and
// compares each file with testdata/NAME_golden.EXT: PNG images pixel by
// pixel, other formats byte by byte. With -regen it makes the new files
// the goldens.
func checkPlot(example func(), t *testing.T, filenames ...string) {
	t.Helper()
	example()
	for _, name := range filenames {
		path := filepath.Join("testdata", name)
		ext := filepath.Ext(path)
		golden := strings.TrimSuffix(path, ext) + "_golden" + ext
		if *regen {
			if err := os.Rename(path, golden); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("reading %s: %v", path, err)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("reading golden file: %v", err)
			continue
		}
		same, err := equalImages(ext, got, want)
		if err != nil {
			t.Errorf("comparing %s: %v", path, err)
			continue
		}
		if !same {
			t.Errorf("%s differs from %s (run go test -regen if the change is intended)", path, golden)
		}
	}
}

// equalImages compares two encoded images: PNG by their pixels, so that
// the encoder's choices do not matter, other formats by their bytes.
func equalImages(ext string, a, b []byte) (bool, error) {
	if ext != ".png" {
		return bytes.Equal(a, b), nil
	}
	ia, _, err := image.Decode(bytes.NewReader(a))
	if err != nil {
		return false, err
	}
	ib, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return false, err
	}
	if ia.Bounds() != ib.Bounds() {
		return false, nil
	}
	return bytes.Equal(rgba(ia).Pix, rgba(ib).Pix), nil
}

func rgba(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok {
		return r
	}
	r := image.NewRGBA(img.Bounds())
	draw.Draw(r, r.Bounds(), img, img.Bounds().Min, draw.Src)
	return r
}
