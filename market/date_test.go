package market_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/jangmadang/marketarea/market"
)

func TestParseDateKeepsPrecision(t *testing.T) {
	for _, c := range []struct {
		in        string
		want      market.Date
		precision market.Precision
	}{
		{"2024", market.YearOnly(2024), market.YearPrecision},
		{"2024-05", market.MonthOnly(2024, time.May), market.MonthPrecision},
		{"2024-05-17", market.Day(2024, time.May, 17), market.DayPrecision},
		{"2024-02-29", market.Day(2024, time.February, 29), market.DayPrecision},
		{"2000-02-29", market.Day(2000, time.February, 29), market.DayPrecision},
		{"2023-12-31", market.Day(2023, time.December, 31), market.DayPrecision},
		{"2023-01", market.MonthOnly(2023, time.January), market.MonthPrecision},
		{"1900", market.YearOnly(market.MinYear), market.YearPrecision},
		{"2999-12-31", market.Day(market.MaxYear, time.December, 31), market.DayPrecision},
	} {
		got, err := market.ParseDate(c.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", c.in, err)
			continue
		}
		if got != c.want || got.Precision() != c.precision {
			t.Errorf("ParseDate(%q) = %v with precision %v, want %v with precision %v", c.in, got, got.Precision(), c.want, c.precision)
		}
		if s := got.String(); s != c.in {
			t.Errorf("ParseDate(%q).String() = %q", c.in, s)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{
		"", "24", "202", "20245", "2024-", "2024-5", "2024-5-17", "2024-05-7",
		"2024/05/17", "2024.05", "17-05-2024", "2024-05-17T00:00", " 2024", "2024 ",
		"-024", "+024", "２０２４", "2024-1a", "2024-05-1x", "2024-05_17", "2024_05",
		"2024-13", "2024-00", "2024-05-00", "2024-05-32", "2023-02-29", "1900-02-29",
		"2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31",
		"1899", "3000", "0000", "9999-01-01",
	} {
		d, err := market.ParseDate(in)
		if !errors.Is(err, market.ErrDate) {
			t.Errorf("ParseDate(%q) = %v, %v; want an error wrapping ErrDate", in, d, err)
		}
		if !d.IsZero() {
			t.Errorf("ParseDate(%q) returned %v with its error, want the zero Date", in, d)
		}
	}
}

func TestDateStringRoundTrip(t *testing.T) {
	for y := market.MinYear; y <= market.MaxYear; y += 37 {
		dates := []market.Date{market.YearOnly(y)}
		for m := time.January; m <= time.December; m++ {
			dates = append(dates, market.MonthOnly(y, m))
			last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
			for _, d := range []int{1, 15, last} {
				dates = append(dates, market.Day(y, m, d))
			}
		}
		for _, d := range dates {
			got, err := market.ParseDate(d.String())
			if err != nil || got != d {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", d.String(), got, err, d)
			}
			var u market.Date
			text, _ := d.MarshalText()
			if err := u.UnmarshalText(text); err != nil || u != d {
				t.Errorf("UnmarshalText(%q) = %v, %v; want %v", text, u, err, d)
			}
		}
	}
}

func TestDateUnmarshalTextRejects(t *testing.T) {
	d := market.YearOnly(2020)
	if err := d.UnmarshalText([]byte("2020-02-30")); !errors.Is(err, market.ErrDate) {
		t.Errorf("got %v, want ErrDate", err)
	}
	if d != market.YearOnly(2020) {
		t.Errorf("a failed UnmarshalText changed the date to %v", d)
	}
}

func TestDateCompareOrdersUnknownPartsFirst(t *testing.T) {
	// In order: a coarser date counts as the start of its period.
	ordered := []market.Date{
		market.YearOnly(2023),
		market.Day(2023, time.December, 31),
		market.YearOnly(2024),
		market.MonthOnly(2024, time.January),
		market.Day(2024, time.January, 1),
		market.Day(2024, time.January, 31),
		market.MonthOnly(2024, time.February),
		market.Day(2024, time.February, 29),
		market.MonthOnly(2024, time.December),
		market.YearOnly(2025),
	}
	for i, a := range ordered {
		for j, b := range ordered {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := a.Compare(b); got != want {
				t.Errorf("%v.Compare(%v) = %d, want %d", a, b, got, want)
			}
			if got := a.Before(b); got != (i < j) {
				t.Errorf("%v.Before(%v) = %t, want %t", a, b, got, i < j)
			}
		}
	}
	shuffled := slices.Clone(ordered)
	slices.Reverse(shuffled)
	slices.SortFunc(shuffled, market.Date.Compare)
	if !slices.Equal(shuffled, ordered) {
		t.Errorf("sorted: %v, want %v", shuffled, ordered)
	}
}

func TestDateEqualityNeedsSamePrecision(t *testing.T) {
	if market.YearOnly(2024) == market.MonthOnly(2024, time.January) {
		t.Error("2024 == 2024-01")
	}
	if market.MonthOnly(2024, time.January) == market.Day(2024, time.January, 1) {
		t.Error("2024-01 == 2024-01-01")
	}
	if market.Day(2024, time.May, 17) != market.Day(2024, time.May, 17) {
		t.Error("2024-05-17 != 2024-05-17")
	}
}

func TestDateParts(t *testing.T) {
	for _, c := range []struct {
		d                 market.Date
		year              int
		month             time.Month
		day               int
		precision, String string
	}{
		{market.YearOnly(2024), 2024, 0, 0, "year", "2024"},
		{market.MonthOnly(2024, time.May), 2024, time.May, 0, "month", "2024-05"},
		{market.Day(2024, time.May, 7), 2024, time.May, 7, "day", "2024-05-07"},
	} {
		if c.d.Year() != c.year || c.d.Month() != c.month || c.d.DayOfMonth() != c.day ||
			c.d.Precision().String() != c.precision || c.d.String() != c.String || c.d.IsZero() {
			t.Errorf("%v: year %d, month %d, day %d, precision %v, zero %t; want %d, %d, %d, %s, false",
				c.d, c.d.Year(), c.d.Month(), c.d.DayOfMonth(), c.d.Precision(), c.d.IsZero(), c.year, c.month, c.day, c.precision)
		}
	}
	if !(market.Date{}).IsZero() {
		t.Error("the zero Date is not zero")
	}
}
