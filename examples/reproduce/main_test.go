package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jangmadang/marketarea/data"
	"github.com/jangmadang/marketarea/market"
)

func defaults() options {
	return options{format: "text", from: 2020, to: 2025, known: -1, topK: 4}
}

func TestEveryPostFigureIsChecked(t *testing.T) {
	o := defaults()
	o.format = "json"
	var out bytes.Buffer
	if err := run(o, &out); err != nil {
		t.Fatal(err)
	}
	var res struct {
		Figures []map[string]any `json:"figures"`
		Checks  []map[string]any `json:"checks"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	figs, err := data.PostFigures()
	if err != nil {
		t.Fatal(err)
	}
	checked := map[string]string{}
	for _, c := range res.Checks {
		checked[c["id"].(string)], _ = c["verdict"].(string)
	}
	for _, f := range figs {
		if v := checked[f.ID]; v == "" {
			t.Errorf("%s: no verdict", f.ID)
		}
	}
	if len(res.Figures) == 0 {
		t.Error("no figures")
	}
}

// The JSON field order is part of the interface.
func TestJSONFieldOrder(t *testing.T) {
	o := defaults()
	o.format = "json"
	var out bytes.Buffer
	if err := run(o, &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	order := []string{`"figures"`, `"id"`, `"value"`, `"unit"`, `"checks"`, `"id"`, `"published"`, `"computed"`, `"unit"`, `"rule"`, `"verdict"`, `"note"`}
	at := 0
	for _, key := range order {
		i := strings.Index(s[at:], key)
		if i < 0 {
			t.Fatalf("%s not found after offset %d", key, at)
		}
		at += i
	}
}

// A user's directory with bad data gets every problem with its position
// and no table.
func TestBadDataGivesPositionsAndNoTable(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("markets.csv", "id,name\na,A\n")
	write("observations.csv", "market_id,date,stall_area_m2,source,provenance\na,2020,-5,GE,measured\nb,2021,10,GE,measured\n")
	o := defaults()
	o.dataDir = dir
	var out bytes.Buffer
	err := run(o, &out)
	var es market.Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("got %v, want two problems", err)
	}
	if !strings.Contains(err.Error(), "observations.csv:2:8") || !strings.Contains(err.Error(), "observations.csv:3:1") {
		t.Errorf("positions missing from %q", err)
	}
	if out.Len() != 0 {
		t.Errorf("printed a partial table:\n%s", out.String())
	}
}

// A user's data without published figures prints the computed figures.
func TestUserDataWithoutPublishedFigures(t *testing.T) {
	dir := t.TempDir()
	ds, err := market.NewDataset(
		[]market.Market{{ID: "a", Name: "A", Town: "T"}, {ID: "b", Name: "B", Town: "T"}},
		[]market.Observation{
			{MarketID: "a", Date: market.YearOnly(2018), StallArea: 100, Source: "GE", Provenance: market.Measured},
			{MarketID: "a", Date: market.YearOnly(2022), StallArea: 160, Source: "GE", Provenance: market.Measured},
			{MarketID: "b", Date: market.YearOnly(2018), StallArea: 50, Source: "GE", Provenance: market.Measured},
			{MarketID: "b", Date: market.YearOnly(2021), StallArea: 0, Source: "GE", Provenance: market.Measured},
		})
	if err != nil {
		t.Fatal(err)
	}
	if err := market.WriteDataset(dir, ds); err != nil {
		t.Fatal(err)
	}
	o := defaults()
	o.dataDir, o.from, o.to = dir, 2019, 2023
	var out bytes.Buffer
	if err := run(o, &out); err != nil {
		t.Fatal(err)
	}
	// net = (160-100) + (0-50) = 10 over 4 years = 2.50 a year
	for _, want := range []string{"net_growth_2019_2023", "10", "avg_annual_net_2019_2023", "2.50", "markets_closed"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestBadFormatIsRefused(t *testing.T) {
	o := defaults()
	o.format = "xml"
	if err := run(o, &bytes.Buffer{}); err == nil {
		t.Fatal("no error")
	}
}
