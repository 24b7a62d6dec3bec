package genlarge_test

import (
	"bytes"
	"testing"

	"github.com/jangmadang/marketarea/internal/genlarge"
	"github.com/jangmadang/marketarea/market"
)

func write(t *testing.T, c genlarge.Config) (markets, observations []byte) {
	t.Helper()
	var m, o bytes.Buffer
	if err := genlarge.Write(&m, &o, c); err != nil {
		t.Fatal(err)
	}
	return m.Bytes(), o.Bytes()
}

func TestWriteIsDeterministic(t *testing.T) {
	m1, o1 := write(t, genlarge.Config{Rows: 5000, Seed: 3})
	m2, o2 := write(t, genlarge.Config{Rows: 5000, Seed: 3})
	if !bytes.Equal(m1, m2) || !bytes.Equal(o1, o2) {
		t.Error("the same seed gave different files")
	}
	if _, o3 := write(t, genlarge.Config{Rows: 5000, Seed: 4}); bytes.Equal(o1, o3) {
		t.Error("another seed gave the same observations")
	}
}

func TestWriteMakesAValidDatasetOfTheRowsAsked(t *testing.T) {
	mb, ob := write(t, genlarge.Config{Rows: 20_000, Markets: 37, Seed: 1})
	markets, err := market.ReadMarkets(bytes.NewReader(mb), market.MarketsFile)
	if err != nil {
		t.Fatal(err)
	}
	obs, err := market.ReadObservations(bytes.NewReader(ob), market.ObservationsFile, markets)
	if err != nil {
		t.Fatal(err)
	}
	if len(markets) != 37 || len(obs) != 20_000 {
		t.Errorf("%d markets and %d observations, want 37 and 20000", len(markets), len(obs))
	}
	if _, err := market.NewDataset(markets, obs); err != nil {
		t.Error(err)
	}
}

func TestWriteRefusesMoreRowsThanDates(t *testing.T) {
	var m, o bytes.Buffer
	if err := genlarge.Write(&m, &o, genlarge.Config{Rows: genlarge.MaxPerMarket + 1, Markets: 1}); err == nil {
		t.Error("no error for more rows than a market can have")
	}
}
