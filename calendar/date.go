package calendar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// chinaOffset is China Standard Time, UTC+8. China has kept no daylight
// saving time since 1991, so a fixed zone is exact for every date the notices
// use and needs no zoneinfo files on the machine.
const chinaOffset = 8 * 60 * 60

// China is the fixed UTC+8 zone in which notices count their days.
var China = time.FixedZone("CST", chinaOffset)

// MinYear and MaxYear bound the years a Date can hold.
const (
	MinYear = 1
	MaxYear = 9999
)

// Date is a civil calendar day in China (proleptic Gregorian), stored as the
// number of days since 0001-01-01 so that comparisons and differences are
// integer operations. The zero value is 0001-01-01.
type Date struct {
	days int32
}

// ErrRange reports a year outside MinYear..MaxYear.
var ErrRange = errors.New("date out of the supported range 0001-01-01..9999-12-31")

// NewDate returns the date y-m-d, or an error if no such day exists.
func NewDate(y, m, d int) (Date, error) {
	if y < MinYear || y > MaxYear {
		return Date{}, fmt.Errorf("year %d: %w", y, ErrRange)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("month %d: must be 1..12", m)
	}
	if d < 1 || d > DaysIn(y, m) {
		return Date{}, fmt.Errorf("day %d: %04d-%02d has %d days", d, y, m, DaysIn(y, m))
	}
	return Date{days: int32(daysFromCivil(y, m, d))}, nil
}

// MustDate is NewDate for constants in tests and examples; it panics on an
// invalid date and must not be used on input.
func MustDate(y, m, d int) Date {
	dt, err := NewDate(y, m, d)
	if err != nil {
		panic(err)
	}
	return dt
}

// LocalDay returns the day in China at instant t, whatever t's location.
// 2024-08-31T17:00:00Z is already 2024-09-01 in Qiyang.
func LocalDay(t time.Time) Date {
	// Unix seconds shifted to China, floored to whole days.
	secs := t.Unix() + chinaOffset
	day := secs / 86400
	if secs%86400 < 0 {
		day--
	}
	return Date{days: int32(day + unixEpochDays)}
}

// Midnight returns the instant the day starts in China.
func (d Date) Midnight() time.Time {
	return time.Unix((int64(d.days)-unixEpochDays)*86400-chinaOffset, 0).In(China)
}

// ParseDate accepts YYYY-MM-DD (a China calendar day) or an RFC 3339 time,
// which is converted to the China calendar day of that instant.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if len(s) == 10 {
		return parseISODate(s)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD or an RFC 3339 time such as 2024-10-08T09:30:00+08:00", s)
	}
	if y := t.Year(); y < MinYear || y > MaxYear {
		return Date{}, fmt.Errorf("date %q: %w", s, ErrRange)
	}
	d := LocalDay(t)
	if y := d.Year(); y < MinYear || y > MaxYear {
		return Date{}, fmt.Errorf("date %q: %w", s, ErrRange)
	}
	return d, nil
}

func parseISODate(s string) (Date, error) {
	if s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	y, e1 := strconv.Atoi(s[0:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:10])
	if e1 != nil || e2 != nil || e3 != nil || s[0] == '+' || s[0] == '-' || s[5] == '+' || s[8] == '+' {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	dt, err := NewDate(y, m, d)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: %w", s, err)
	}
	return dt, nil
}

// Date returns year, month and day.
func (d Date) Date() (year, month, day int) { return civilFromDays(int64(d.days)) }

// Year returns the Gregorian year.
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns the month 1..12.
func (d Date) Month() int { _, m, _ := d.Date(); return m }

// Day returns the day of the month.
func (d Date) Day() int { _, _, dd := d.Date(); return dd }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 was a Monday.
	return time.Weekday((int64(d.days)%7 + 1) % 7)
}

// AddDays returns d moved by n days (n may be negative). The result is not
// clamped; callers that accept user offsets check the range with Valid.
func (d Date) AddDays(n int) Date { return Date{days: d.days + int32(n)} }

// Sub returns the number of days from e to d (d − e).
func (d Date) Sub(e Date) int { return int(d.days - e.days) }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.days < e.days }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.days > e.days }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	switch {
	case d.days < e.days:
		return -1
	case d.days > e.days:
		return 1
	}
	return 0
}

// Valid reports whether d lies within MinYear..MaxYear.
func (d Date) Valid() bool { return d.days >= 0 && d.days <= maxDays }

// Ordinal returns the day number since 0001-01-01 (0-based), for tables.
func (d Date) Ordinal() int { return int(d.days) }

// FromOrdinal is the inverse of Ordinal.
func FromOrdinal(n int) Date { return Date{days: int32(n)} }

// String formats the date as YYYY-MM-DD.
func (d Date) String() string {
	y, m, dd := d.Date()
	var b [10]byte
	b[0] = byte('0' + y/1000%10)
	b[1] = byte('0' + y/100%10)
	b[2] = byte('0' + y/10%10)
	b[3] = byte('0' + y%10)
	b[4] = '-'
	b[5] = byte('0' + m/10)
	b[6] = byte('0' + m%10)
	b[7] = '-'
	b[8] = byte('0' + dd/10)
	b[9] = byte('0' + dd%10)
	return string(b[:])
}

// MarshalText formats the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses YYYY-MM-DD or RFC 3339.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if IsLeapYear(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// IsLeapYear reports whether y is a Gregorian leap year.
func IsLeapYear(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// unixEpochDays is the ordinal of 1970-01-01.
var unixEpochDays = int64(daysFromCivil(1970, 1, 1))

var maxDays = int32(daysFromCivil(9999, 12, 31))

// daysFromCivil returns days since 0001-01-01 (Howard Hinnant's algorithm,
// shifted so that 0001-01-01 is 0).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 306 // 0000-03-01 based → 0001-01-01 = 0
}

func civilFromDays(n int64) (int, int, int) {
	z := n + 306
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), int(m), int(d)
}
