package market

// The CSV files of a dataset directory.
const (
	MarketsFile      = "markets.csv"
	ObservationsFile = "observations.csv"
)

// column is one column of a file's schema.
type column struct {
	name string
	// inHeader: the header must name the column. An optional column that
	// the header leaves out reads as empty in every row.
	inHeader bool
	// nonEmpty: every row must give a value.
	nonEmpty bool
}

// The columns of markets.csv and observations.csv, in the order Write uses.
var (
	marketColumns = []column{
		{"id", true, true}, {"name", true, true}, {"province", false, false},
		{"county", false, false}, {"town", false, false}, {"lat", false, false},
		{"lon", false, false}, {"notes", false, false},
	}
	observationColumns = []column{
		{"market_id", true, true}, {"date", true, true}, {"stall_area_m2", true, true},
		{"open_area_m2", false, false}, {"source", true, true}, {"provenance", true, true},
	}
)

// marketRow and observationRow map CSV rows to strings through gocsv; the
// checks that turn them into a Market or an Observation are ours, so that
// every problem gets its exact position.
type marketRow struct {
	ID       string `csv:"id"`
	Name     string `csv:"name"`
	Province string `csv:"province"`
	County   string `csv:"county"`
	Town     string `csv:"town"`
	Lat      string `csv:"lat"`
	Lon      string `csv:"lon"`
	Notes    string `csv:"notes"`
}

type observationRow struct {
	MarketID   string `csv:"market_id"`
	Date       string `csv:"date"`
	StallArea  string `csv:"stall_area_m2"`
	OpenArea   string `csv:"open_area_m2"`
	Source     string `csv:"source"`
	Provenance string `csv:"provenance"`
}
