package data_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/internal/gensurvey"
	"github.com/jangmadang/marketarea/market"
)

// The shipped survey must be exactly what the generator makes from the
// shipped named markets and figures: otherwise someone edited one without
// rerunning the other.
func TestSurveyIsWhatTheGeneratorMakes(t *testing.T) {
	named, err := data.Named()
	if err != nil {
		t.Fatal(err)
	}
	figs, err := data.PostFigures()
	if err != nil {
		t.Fatal(err)
	}
	panel, err := gensurvey.FromFigures(named, figs, gensurvey.Seed)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := market.WriteDataset(dir, panel); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{market.MarketsFile, market.ObservationsFile} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := fs.ReadFile(data.FS, data.SurveyDir+"/"+name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("survey/%s differs from the generator's output: run go generate ./data", name)
		}
	}
}

func TestNamedMarketsArePublishedOnly(t *testing.T) {
	named, err := data.Named()
	if err != nil {
		t.Fatal(err)
	}
	if named.Len() != 9 {
		t.Errorf("named markets: got %d, want the post's 9", named.Len())
	}
	for _, o := range named.AllObservations() {
		if o.Provenance != market.Published {
			t.Errorf("named observation %s %v is %v, want published", o.MarketID, o.Date, o.Provenance)
		}
	}
}

// A stand-in must say what it is and must not sit on the map.
func TestStandInsSayWhatTheyAre(t *testing.T) {
	ds, err := data.Survey()
	if err != nil {
		t.Fatal(err)
	}
	named, err := data.Named()
	if err != nil {
		t.Fatal(err)
	}
	standIns := 0
	for _, m := range ds.Markets() {
		if _, ok := named.Market(m.ID); ok {
			continue
		}
		standIns++
		if !strings.HasPrefix(m.Name, "Stand-in") || m.Location.Known {
			t.Errorf("stand-in %s: name %q, location known %v", m.ID, m.Name, m.Location.Known)
		}
		for _, o := range ds.Observations(m.ID) {
			if o.Provenance != market.Synthetic || o.Source != gensurvey.StandInSource {
				t.Errorf("stand-in %s observation %v: %v from %q", m.ID, o.Date, o.Provenance, o.Source)
			}
		}
	}
	if standIns == 0 {
		t.Error("no stand-ins found")
	}
	// Every published observation of a named market is in the survey
	// unchanged.
	for _, o := range named.AllObservations() {
		found := false
		for _, s := range ds.Observations(o.MarketID) {
			found = found || s == o
		}
		if !found {
			t.Errorf("published observation %s %v missing from the survey", o.MarketID, o.Date)
		}
	}
}

func TestNationalGrossKeepsUnpublishedYearsMissing(t *testing.T) {
	s, err := data.NationalGross()
	if err != nil {
		t.Fatal(err)
	}
	first, last := s.Span()
	if first != 2011 || last != 2021 {
		t.Errorf("span %d-%d, want 2011-2021", first, last)
	}
	missing := s.MissingYears()
	if len(missing) != 8 || missing[0] != 2011 || missing[7] != 2018 {
		t.Errorf("missing years %v, want 2011-2018", missing)
	}
	for _, y := range []int{2019, 2020, 2021} {
		if _, ok := s.Value(y); !ok {
			t.Errorf("%d has no value", y)
		}
	}
}

func TestAuxiliaryFilesRead(t *testing.T) {
	figs, err := data.PostFigures()
	if err != nil {
		t.Fatal(err)
	}
	est, err := data.OtherEstimates()
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) == 0 || len(est) == 0 {
		t.Fatalf("%d figures, %d estimates", len(figs), len(est))
	}
	for _, iso := range []string{"PRK", "KOR"} {
		if b, err := data.Outline(iso); err != nil || !bytes.Contains(b, []byte(`"Polygon"`)) {
			t.Errorf("outline %s: %v", iso, err)
		}
	}
	if _, err := data.Outline("XXX"); err == nil {
		t.Error("outline XXX: no error")
	}
}
