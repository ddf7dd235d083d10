package feast

import (
	"github.com/tonggao/tonggao/calendar"
)

// Hebrew months, numbered as Reingold & Dershowitz number them: the year's
// count starts at Tishrei (7), the months' at Nisan (1); Adar is 12, and in
// a leap year Adar I is 12 and Adar II 13.
const (
	Nisan = 1 + iota
	Iyyar
	Sivan
	Tammuz
	Av
	Elul
	Tishrei
	Heshvan
	Kislev
	Tevet
	Shevat
	Adar
	AdarII
)

// hebrewEpoch is the rata die of 1 Tishrei AM 1 (Julian 3761 BCE October 7).
const hebrewEpoch = -1373427

// HebrewLeapYear reports whether Hebrew year y has thirteen months.
func HebrewLeapYear(y int) bool { return mod(7*y+1, 19) < 7 }

func mod(a, b int) int { return ((a % b) + b) % b }

// floorDiv is a/b rounded down.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// elapsedDays are the days from the epoch to the molad of Tishrei of year
// y, with the first postponement (the molad's day is moved when it would
// make Tishrei 1 fall on Sunday, Wednesday or Friday).
func elapsedDays(y int) int {
	months := floorDiv(235*y-234, 19)
	parts := 12084 + 13753*months
	days := 29*months + floorDiv(parts, 25920)
	if mod(3*(days+1), 7) < 3 {
		return days + 1
	}
	return days
}

// yearLengthCorrection is the second and third postponement: no year may
// have 356 days, nor a leap year's predecessor 382.
func yearLengthCorrection(y int) int {
	ny0, ny1, ny2 := elapsedDays(y-1), elapsedDays(y), elapsedDays(y+1)
	switch {
	case ny2-ny1 == 356:
		return 2
	case ny1-ny0 == 382:
		return 1
	}
	return 0
}

// hebrewNewYear is the rata die of 1 Tishrei of year y.
func hebrewNewYear(y int) int { return hebrewEpoch + elapsedDays(y) + yearLengthCorrection(y) }

// HebrewYearDays is the length of Hebrew year y: 353–355 or 383–385 days.
func HebrewYearDays(y int) int { return hebrewNewYear(y+1) - hebrewNewYear(y) }

// HebrewMonthDays is the length of month m of Hebrew year y.
func HebrewMonthDays(y, m int) int {
	n := HebrewYearDays(y)
	switch {
	case m == Iyyar || m == Tammuz || m == Elul || m == Tevet || m == AdarII,
		m == Adar && !HebrewLeapYear(y),
		m == Heshvan && n != 355 && n != 385,
		m == Kislev && (n == 353 || n == 383):
		return 29
	}
	return 30
}

func lastHebrewMonth(y int) int {
	if HebrewLeapYear(y) {
		return AdarII
	}
	return Adar
}

// FromHebrew is the civil day that Hebrew date d m y falls on by daylight
// (it begins at sunset the evening before). Adar means Adar II in a leap
// year, where the holidays of Adar are kept; AdarII in a common year is
// Adar. ok is false for a day the month does not have or a result outside
// calendar.Date's range.
func FromHebrew(y, m, d int) (calendar.Date, bool) {
	if m == Adar && HebrewLeapYear(y) {
		m = AdarII
	} else if m == AdarII && !HebrewLeapYear(y) {
		m = Adar
	}
	if m < Nisan || m > lastHebrewMonth(y) || d < 1 || d > HebrewMonthDays(y, m) {
		return calendar.Date{}, false
	}
	n := hebrewNewYear(y) + d - 1
	if m < Tishrei {
		for mm := Tishrei; mm <= lastHebrewMonth(y); mm++ {
			n += HebrewMonthDays(y, mm)
		}
		for mm := Nisan; mm < m; mm++ {
			n += HebrewMonthDays(y, mm)
		}
	} else {
		for mm := Tishrei; mm < m; mm++ {
			n += HebrewMonthDays(y, mm)
		}
	}
	if n < 1 || n > rd(calendar.MustDate(calendar.MaxYear, 12, 31)) {
		return calendar.Date{}, false
	}
	return fromRD(n), true
}
