package feast

import "github.com/tonggao/tonggao/calendar"

//go:generate node gen/ummalqura.mjs

// Islamic months.
const (
	Muharram = 1 + iota
	Safar
	RabiI
	RabiII
	JumadaI
	JumadaII
	Rajab
	Shaban
	Ramadan
	Shawwal
	DhuAlQada
	DhuAlHijja
)

// FromIslamic is the civil day that Islamic date d m y of the Umm al-Qura
// calendar falls on by daylight (it begins at sunset the evening before).
// ok is false outside MinIslamicYear..MaxIslamicYear or for a day the
// month does not have.
func FromIslamic(y, m, d int) (calendar.Date, bool) {
	if y < MinIslamicYear || y > MaxIslamicYear || m < Muharram || m > DhuAlHijja || d < 1 || d > IslamicMonthDays(y, m) {
		return calendar.Date{}, false
	}
	row := ummAlQura[y-MinIslamicYear]
	n := int(row.start)
	for mm := Muharram; mm < m; mm++ {
		n += IslamicMonthDays(y, mm)
	}
	return fromRD(n + d - 1), true
}

// IslamicMonthDays is the length of month m of Islamic year y in the Umm
// al-Qura calendar (29 or 30), or 0 outside the table.
func IslamicMonthDays(y, m int) int {
	if y < MinIslamicYear || y > MaxIslamicYear || m < Muharram || m > DhuAlHijja {
		return 0
	}
	if ummAlQura[y-MinIslamicYear].long&(1<<(m-1)) != 0 {
		return 30
	}
	return 29
}
