package calendar

import (
	"fmt"
	"strings"
	"time"
)

// MinutesPerDay is the length of a day in China: no daylight saving time,
// no leap seconds at minute precision.
const MinutesPerDay = 24 * 60

// DateTime is a minute in China's local time (UTC+8), stored as minutes
// since 0001-01-01 00:00 so that comparisons and differences are integer
// operations. Notices state times to the minute ("22时", "12:00"); seconds
// are dropped. The zero value is 0001-01-01 00:00.
type DateTime struct {
	min int64
}

// At returns minute h:m of day d. h may be 24 with m = 0, the end of the
// day, which is the next day's 00:00.
func (d Date) At(h, m int) (DateTime, error) {
	if h < 0 || h > 24 || m < 0 || m > 59 || h == 24 && m != 0 {
		return DateTime{}, fmt.Errorf("time %02d:%02d: want 00:00..23:59, or 24:00 for the end of the day", h, m)
	}
	return d.Start().Add(h*60 + m), nil
}

// Start returns 00:00 of day d.
func (d Date) Start() DateTime { return DateTime{min: int64(d.days) * MinutesPerDay} }

// LocalTime returns the minute in China at instant t, whatever t's
// location, dropping seconds.
func LocalTime(t time.Time) DateTime {
	secs := t.Unix() + chinaOffset
	m := secs / 60
	if secs%60 < 0 {
		m--
	}
	return DateTime{min: m + unixEpochDays*MinutesPerDay}
}

// Date returns the day of t.
func (t DateTime) Date() Date {
	d := t.min / MinutesPerDay
	if t.min%MinutesPerDay < 0 {
		d--
	}
	return Date{days: int32(d)}
}

// Minute returns the minute of the day, 0..1439.
func (t DateTime) Minute() int { return int(t.min - t.Date().Start().min) }

// Clock returns the hour and minute.
func (t DateTime) Clock() (hour, minute int) { m := t.Minute(); return m / 60, m % 60 }

// Add returns t moved by n minutes.
func (t DateTime) Add(n int) DateTime { return DateTime{min: t.min + int64(n)} }

// Sub returns the minutes from u to t (t − u).
func (t DateTime) Sub(u DateTime) int64 { return t.min - u.min }

// Before reports whether t is earlier than u.
func (t DateTime) Before(u DateTime) bool { return t.min < u.min }

// After reports whether t is later than u.
func (t DateTime) After(u DateTime) bool { return t.min > u.min }

// Compare returns -1, 0 or +1.
func (t DateTime) Compare(u DateTime) int {
	switch {
	case t.min < u.min:
		return -1
	case t.min > u.min:
		return 1
	}
	return 0
}

// Valid reports whether t lies within MinYear..MaxYear.
func (t DateTime) Valid() bool { return t.Date().Valid() }

// IsZero reports whether t is the zero DateTime, 0001-01-01 00:00, which
// fields use for "no time".
func (t DateTime) IsZero() bool { return t.min == 0 }

// Time returns the instant t in the China zone.
func (t DateTime) Time() time.Time {
	return time.Unix((t.min-unixEpochDays*MinutesPerDay)*60-chinaOffset, 0).In(China)
}

// String formats t in RFC 3339 with China's offset, to the minute:
// 2026-06-07T23:00+08:00.
func (t DateTime) String() string {
	h, m := t.Clock()
	return t.Date().String() + "T" + ClockText(h*60+m) + "+08:00"
}

// MarshalText formats t as String does.
func (t DateTime) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads a date-time as ParseMoment does; a day alone is
// refused.
func (t *DateTime) UnmarshalText(b []byte) error {
	m, err := ParseMoment(string(b))
	if err != nil {
		return err
	}
	v, ok := m.DateTime()
	if !ok {
		return fmt.Errorf("date-time %q: want a time of day too, e.g. %sT23:00+08:00", b, m.Day())
	}
	*t = v
	return nil
}

// ClockText writes a minute of the day as HH:MM; 1440 is 24:00.
func ClockText(minute int) string {
	h, m := minute/60, minute%60
	return string([]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10)})
}

// Moment is what a question asks about: a day in China, or a minute of
// one. A query with a day is answered for the day; one with a minute, for
// that minute.
type Moment struct {
	t     DateTime
	clock bool
}

// DayMoment is day d as a moment.
func DayMoment(d Date) Moment { return Moment{t: d.Start()} }

// TimeMoment is minute t as a moment.
func TimeMoment(t DateTime) Moment { return Moment{t: t, clock: true} }

// Day returns the moment's day.
func (m Moment) Day() Date { return m.t.Date() }

// DateTime returns the moment's minute and true, or 00:00 of its day and
// false for a day.
func (m Moment) DateTime() (DateTime, bool) { return m.t, m.clock }

// HasClock reports whether the moment names a minute rather than a day.
func (m Moment) HasClock() bool { return m.clock }

// String writes a day as YYYY-MM-DD and a minute as DateTime does.
func (m Moment) String() string {
	if m.clock {
		return m.t.String()
	}
	return m.t.Date().String()
}

// MarshalText writes the moment as String does.
func (m Moment) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a moment as ParseMoment does.
func (m *Moment) UnmarshalText(b []byte) error {
	v, err := ParseMoment(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ParseMoment reads a day or a minute, the one parser for every `at` the
// library, the command line and the HTTP API accept:
//
//	2026-06-07                  a day in China
//	2026-06-07 23:00            China time (also 2026-06-07T23:00, and with :SS)
//	2026-06-07T23:00+08:00      RFC 3339 with any offset or Z, converted to China
//	                            time (2026-06-07T15:00Z is 23:00 in China)
//
// Seconds are dropped: notices count minutes. 24:00 is the end of the day
// (the next day's 00:00).
func ParseMoment(s string) (Moment, error) {
	orig := s
	s = strings.TrimSpace(s)
	bad := func(why string) (Moment, error) {
		return Moment{}, fmt.Errorf("date %q: %s", orig, why)
	}
	const want = "want YYYY-MM-DD, YYYY-MM-DD HH:MM (China time) or RFC 3339 such as 2026-06-07T23:00+08:00"
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return bad(want)
	}
	d, err := parseISODate(s[:10])
	if err != nil {
		return bad(unwrapDateErr(err))
	}
	if len(s) == 10 {
		return DayMoment(d), nil
	}
	if s[10] != ' ' && s[10] != 'T' && s[10] != 't' {
		return bad(want)
	}
	rest := strings.TrimLeft(s[11:], " ")
	// HH:MM[:SS[.fff]] then an optional zone.
	if len(rest) < 5 || rest[2] != ':' || !isDigit(rest[0]) || !isDigit(rest[1]) || !isDigit(rest[3]) || !isDigit(rest[4]) {
		return bad(want)
	}
	h := int(rest[0]-'0')*10 + int(rest[1]-'0')
	mi := int(rest[3]-'0')*10 + int(rest[4]-'0')
	rest = rest[5:]
	sec := 0
	if len(rest) >= 3 && rest[0] == ':' && isDigit(rest[1]) && isDigit(rest[2]) {
		sec = int(rest[1]-'0')*10 + int(rest[2]-'0')
		rest = rest[3:]
		if len(rest) > 0 && rest[0] == '.' {
			i := 1
			for i < len(rest) && isDigit(rest[i]) {
				i++
			}
			if i == 1 {
				return bad(want)
			}
			rest = rest[i:]
		}
		if sec > 59 {
			return bad("seconds must be 00..59")
		}
	}
	if h == 24 && (mi != 0 || sec != 0) || h > 24 || mi > 59 {
		return bad("the time must be 00:00..23:59, or 24:00 for the end of the day")
	}
	t := d.Start().Add(h*60 + mi)
	rest = strings.TrimLeft(rest, " ")
	switch {
	case rest == "":
	case rest == "Z" || rest == "z":
		t = t.Add(8 * 60)
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
		isDigit(rest[1]) && isDigit(rest[2]) && isDigit(rest[4]) && isDigit(rest[5]):
		oh := int(rest[1]-'0')*10 + int(rest[2]-'0')
		om := int(rest[4]-'0')*10 + int(rest[5]-'0')
		if oh > 23 || om > 59 {
			return bad("bad zone offset")
		}
		off := oh*60 + om
		if rest[0] == '-' {
			off = -off
		}
		t = t.Add(8*60 - off) // to UTC, then to China
	default:
		return bad("bad zone: want Z or ±HH:MM after the time, or nothing for China time")
	}
	if !t.Valid() {
		return bad(ErrRange.Error())
	}
	return TimeMoment(t), nil
}
