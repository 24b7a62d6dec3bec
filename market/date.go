package market

import (
	"fmt"
	"strconv"
	"time"
)

// Precision says how much of an imagery date is known.
type Precision uint8

// The precisions of a Date, from the coarsest.
const (
	YearPrecision Precision = iota + 1
	MonthPrecision
	DayPrecision
)

// String returns "year", "month" or "day".
func (p Precision) String() string {
	switch p {
	case YearPrecision:
		return "year"
	case MonthPrecision:
		return "month"
	case DayPrecision:
		return "day"
	}
	return "unknown"
}

// Date is an imagery date known to the year, the month or the day. The zero
// Date is not a valid date. Dates are comparable with ==; two dates are equal
// only when they have the same precision and the same parts.
type Date struct {
	year  int16
	month uint8 // 0 when unknown
	day   uint8 // 0 when unknown
}

// YearOnly returns a date known only to the year.
func YearOnly(year int) Date { return Date{year: int16(year)} }

// MonthOnly returns a date known to the month.
func MonthOnly(year int, month time.Month) Date {
	return Date{year: int16(year), month: uint8(month)}
}

// Day returns a date known to the day.
func Day(year int, month time.Month, day int) Date {
	return Date{year: int16(year), month: uint8(month), day: uint8(day)}
}

// Year returns the year of d.
func (d Date) Year() int { return int(d.year) }

// Month returns the month of d, or 0 when only the year is known.
func (d Date) Month() time.Month { return time.Month(d.month) }

// DayOfMonth returns the day of d, or 0 when it is not known.
func (d Date) DayOfMonth() int { return int(d.day) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Precision returns how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.day != 0:
		return DayPrecision
	case d.month != 0:
		return MonthPrecision
	}
	return YearPrecision
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e. Dates
// are ordered by year, then month, then day, and an unknown part orders
// before a known one: 2024 < 2024-01 < 2024-01-01. A date known only to the
// year therefore counts as the earliest imagery of that year.
func (d Date) Compare(e Date) int {
	a, b := d.key(), e.key()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d orders before e (see Compare).
func (d Date) Before(e Date) bool { return d.key() < e.key() }

func (d Date) key() int32 { return int32(d.year)<<16 | int32(d.month)<<8 | int32(d.day) }

// String formats d as 2024, 2024-05 or 2024-05-17, as ParseDate reads it.
func (d Date) String() string {
	switch d.Precision() {
	case DayPrecision:
		return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
	case MonthPrecision:
		return fmt.Sprintf("%04d-%02d", d.year, d.month)
	}
	return fmt.Sprintf("%04d", d.year)
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Years accepted by ParseDate. Satellite imagery of markets starts in the
// 1960s; the bounds only catch typing errors.
const (
	MinYear = 1900
	MaxYear = 2999
)

// ParseDate reads a date written YYYY, YYYY-MM or YYYY-MM-DD. It keeps the
// precision it was given and never invents a month or a day. The error
// wraps ErrDate.
func ParseDate(s string) (Date, error) {
	bad := func(why string) (Date, error) {
		return Date{}, fmt.Errorf("%w: %q %s", ErrDate, s, why)
	}
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return bad("is not YYYY, YYYY-MM or YYYY-MM-DD")
	}
	year, ok := digits(s[0:4])
	if !ok {
		return bad("is not YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if year < MinYear || year > MaxYear {
		return bad(fmt.Sprintf("has a year outside %d-%d", MinYear, MaxYear))
	}
	if len(s) == 4 {
		return YearOnly(year), nil
	}
	month, ok := digits(s[5:7])
	if s[4] != '-' || !ok {
		return bad("is not YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if month < 1 || month > 12 {
		return bad("has no such month")
	}
	if len(s) == 7 {
		return MonthOnly(year, time.Month(month)), nil
	}
	day, ok := digits(s[8:10])
	if s[7] != '-' || !ok {
		return bad("is not YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if day < 1 || day > daysIn(year, time.Month(month)) {
		return bad("has no such day")
	}
	return Day(year, time.Month(month), day), nil
}

func digits(s string) (int, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseDate is ParseDate on bytes, without allocating for a valid date.
func parseDate(b []byte) (Date, error) {
	num := func(b []byte) (int, bool) {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	if len(b) != 4 && len(b) != 7 && len(b) != 10 {
		return ParseDate(string(b))
	}
	year, ok := num(b[:4])
	if !ok || year < MinYear || year > MaxYear {
		return ParseDate(string(b))
	}
	if len(b) == 4 {
		return YearOnly(year), nil
	}
	month, ok := num(b[5:7])
	if !ok || b[4] != '-' || month < 1 || month > 12 {
		return ParseDate(string(b))
	}
	if len(b) == 7 {
		return MonthOnly(year, time.Month(month)), nil
	}
	day, ok := num(b[8:10])
	if !ok || b[7] != '-' || day < 1 || day > monthDays(year, month) {
		return ParseDate(string(b))
	}
	return Day(year, time.Month(month), day), nil
}

// monthDays is daysIn without time.Date: the proleptic Gregorian
// calendar's days in month m.
func monthDays(year, m int) int {
	if m == 2 {
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 30 + (m+m/8)%2
}
