package export_test

import (
	"time"

	"github.com/jangmadang/marketarea/market"
	"github.com/jangmadang/marketarea/stats"
)

// fixture is a small survey with what exports must get right: names that
// need quoting and escaping, a market without a location, dates of every
// precision, fractional areas, every status and a synthetic stand-in. The
// market at lat 38.5, lon 125.7 tells longitude from latitude.
func fixture() *stats.Changes {
	m := func(id, name, province, town string, loc market.Location) market.Market {
		return market.Market{ID: id, Name: name, Province: province, Town: town, Location: loc}
	}
	o := func(id string, d market.Date, area float64, p market.Provenance) market.Observation {
		return market.Observation{MarketID: id, Date: d, StallArea: area, Source: "Google Earth", Provenance: p}
	}
	pub, meas, syn := market.Published, market.Measured, market.Synthetic
	ds, err := market.NewDataset(
		[]market.Market{
			m("sariwon", "Sariwon Market #2", "North Hwanghae", "Sariwon", market.At(38.5, 125.7)),
			m("quote", `Market "A", B & C <#1> ]]>`, "South Pyongan", `Sunchon & "Pukchang" <#2>`, market.At(39.43, 125.93)),
			m("nowhere", "Market, location withheld", "", "", market.Location{}),
			m("closed", "Haksan Market", "", "", market.At(39.430997, 126.021379)),
			m("shrank", "Hyesan Market", "Ryanggang", "Hyesan", market.At(41.4, 128.18)),
			m("flat", "Stand-in market 001", "", "Stand-in town 001", market.Location{}),
			m("late", "Late Market", "", "", market.At(40, 127)), // left out: no baseline
		},
		[]market.Observation{
			o("sariwon", market.YearOnly(2019), 0, pub),
			o("sariwon", market.MonthOnly(2021, time.June), 1345.5, meas),
			o("quote", market.YearOnly(2020), 800, meas),
			o("quote", market.Day(2024, time.May, 17), 1210.25, meas),
			o("nowhere", market.YearOnly(2018), 300, meas),
			o("nowhere", market.YearOnly(2023), 450, meas),
			o("closed", market.YearOnly(2020), 400, pub),
			o("closed", market.YearOnly(2024), 0, pub),
			o("shrank", market.YearOnly(2020), 2000, meas),
			o("shrank", market.YearOnly(2022), 1500, meas),
			o("flat", market.YearOnly(2020), 720, syn),
			o("flat", market.MonthOnly(2024, time.December), 720, syn),
			o("late", market.YearOnly(2022), 100, meas),
		})
	if err != nil {
		panic(err)
	}
	c, err := stats.ChangesOver(ds, stats.Window{From: 2020, To: 2025}, stats.Tolerance{})
	if err != nil {
		panic(err)
	}
	return c
}
