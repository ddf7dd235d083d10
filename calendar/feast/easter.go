package feast

import "github.com/tonggao/tonggao/calendar"

// Easter is Easter Sunday of Gregorian year y by the Gregorian computus
// (the Anonymous Gregorian algorithm, as Meeus gives it), for the churches
// of the West.
func Easter(y int) calendar.Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return calendar.MustDate(y, month, day)
}

// OrthodoxEaster is Easter Sunday of Gregorian year y by the Julian
// computus of the Orthodox churches (Meeus's Julian algorithm), given as
// its Gregorian day.
func OrthodoxEaster(y int) calendar.Date {
	a, b, c := y%4, y%7, y%19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	month := (d + e + 114) / 31
	day := (d+e+114)%31 + 1
	return fromJulian(y, month, day)
}

// fromJulian is the Gregorian day of Julian-calendar date y-m-d.
func fromJulian(y, m, d int) calendar.Date {
	// days from 0001-01-01 (Julian) counted as Reingold & Dershowitz's
	// fixed-from-julian, then shifted onto the Gregorian count
	yy := y - 1
	n := 365*yy + yy/4 + (367*m-362)/12 + d
	if m > 2 {
		if y%4 == 0 {
			n--
		} else {
			n -= 2
		}
	}
	// Julian 0001-01-03 is Gregorian 0001-01-01 (rata die 1): the Julian
	// count runs two days behind
	return fromRD(n - 2)
}

// fromRD is the day of rata die n (0001-01-01 Gregorian is 1).
func fromRD(n int) calendar.Date { return calendar.FromOrdinal(n - 1) }

// rd is the rata die of d.
func rd(d calendar.Date) int { return d.Ordinal() + 1 }
