package feast

import (
	"math"
	"math/bits"

	"github.com/tonggao/tonggao/calendar"
)

// The modern Hindu calendars of Reingold & Dershowitz (Calendrical
// Calculations, 3rd ed., ch. 18 "Modern Hindu Calendars"): the true Sun and
// Moon of the Surya Siddhanta, computed with its sine table and epicycles,
// seen from Ujjain; days begin at sunrise. Moments are rata die with a
// fraction, in Ujjain's local time.

// Hindu lunar months (amanta: each begins at a new moon), numbered as
// Reingold & Dershowitz number them.
const (
	Chaitra = 1 + iota
	Vaisakha
	Jyaishtha
	Ashadha
	Shravana
	Bhadrapada
	Ashvina
	Kartika
	Margashirsha
	Pausha
	Magha
	Phalguna
)

// Signs of the sidereal zodiac, the Hindu solar months (Mesha … Mina).
const (
	Mesha = 1 + iota
	Vrishabha
	Mithuna
	Karka
	Simha
	Kanya
	Tula
	Vrischika
	Dhanu
	Makara
	Kumbha
	Mina
)

const (
	hinduEpoch = -1132959 // Kali Yuga: Julian 3102 BCE February 18
	// hinduCreation is hinduEpoch − 1955880000 × the sidereal year, a whole
	// number of days.
	hinduCreation = -714403429586
	hinduSolarEra = 3179 // Saka
	hinduLunarEra = 3044 // Vikrama

	// periods as exact fractions num/den of days
	siderealYearNum, siderealYearDen         = 394479457, 1080000        // 365 279457/1080000
	siderealMonthNum, siderealMonthDen       = 394479457, 14438334       // 27 4644439/14438334
	anomalisticYearNum, anomalisticYearDen   = 1577917828000, 4319999613 // 1577917828000/(4320000000−387)
	anomalisticMonthNum, anomalisticMonthDen = 1577917828, 57265137      // 1577917828/(57753336−488199)

	hinduSiderealYear  = float64(siderealYearNum) / siderealYearDen
	hinduSynodicMonth  = 29 + 7087771.0/13358334
	ujjainLatitude     = 23 + 9.0/60
	arcMinutes225      = 225.0 / 60 // a step of the sine table
	nakshatraArc       = 800.0 / 60
	siderealDayRatio   = 1577917828.0 / 1582237828
	convergenceEpsilon = 1e-7 // days, for the searches
)

// HinduLunar is a day of the modern Hindu lunisolar calendar (amanta):
// Vikrama year, month (Chaitra = 1), whether the month is an added
// (adhika) one, the lunar day (tithi at sunrise, 1–30: 1–15 the bright
// fortnight, 16–30 the dark, 30 the new moon), and whether the day repeats
// the one before (the same tithi at two sunrises).
type HinduLunar struct {
	Year      int
	Month     int
	LeapMonth bool
	Day       int
	LeapDay   bool
}

// HinduSolar is a day of the modern Hindu solar calendar (Orissa rule):
// Saka year, sidereal sign (Mesha = 1), and day of the month.
type HinduSolar struct {
	Year, Month, Day int
}

// meanPosition is the mean longitude in degrees at moment tee of a body
// that goes round in num/den days, counted from the creation; the whole
// turns are taken off in integers, so the position keeps its precision.
func meanPosition(tee float64, num, den uint64) float64 {
	n := math.Floor(tee)
	x := uint64(int64(n) - hinduCreation)
	hi, lo := bits.Mul64(x%num, den)
	r := bits.Rem64(hi, lo, num)
	turns := (float64(r) + (tee-n)*float64(den)) / float64(num)
	return 360 * (turns - math.Floor(turns))
}

func fmod(x, y float64) float64 { return x - y*math.Floor(x/y) }

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// hinduSineTable is entry k of the Surya Siddhanta's sine table (steps of
// 225′, radius 3438), as a fraction of the radius.
func hinduSineTable(k int) float64 {
	exact := 3438 * math.Sin(float64(k)*arcMinutes225*math.Pi/180)
	err := 0.215 * sign(exact) * sign(math.Abs(exact)-1716)
	return math.RoundToEven(exact+err) / 3438
}

// hinduSine interpolates the table linearly.
func hinduSine(theta float64) float64 {
	entry := theta / arcMinutes225
	f := fmod(entry, 1)
	return f*hinduSineTable(int(math.Ceil(entry))) + (1-f)*hinduSineTable(int(math.Floor(entry)))
}

// hinduArcsin inverts hinduSine.
func hinduArcsin(amp float64) float64 {
	if amp < 0 {
		return -hinduArcsin(-amp)
	}
	pos := 0
	for amp > hinduSineTable(pos) {
		pos++
	}
	below := hinduSineTable(pos - 1)
	return arcMinutes225 * (float64(pos-1) + (amp-below)/(hinduSineTable(pos)-below))
}

// hinduTruePosition is the longitude of a body on an epicycle of relative
// size size, shrinking by change, at moment tee.
func hinduTruePosition(tee float64, num, den uint64, size float64, anum, aden uint64, change float64) float64 {
	lambda := meanPosition(tee, num, den)
	offset := hinduSine(meanPosition(tee, anum, aden))
	contraction := math.Abs(offset) * change * size
	equation := hinduArcsin(offset * (size - contraction))
	return fmod(lambda-equation, 360)
}

// HinduSolarLongitude is the Sun's sidereal longitude in degrees at moment
// tee (rata die and fraction, Ujjain time).
func HinduSolarLongitude(tee float64) float64 {
	return hinduTruePosition(tee, siderealYearNum, siderealYearDen, 14.0/360, anomalisticYearNum, anomalisticYearDen, 1.0/42)
}

// HinduLunarLongitude is the Moon's sidereal longitude in degrees at
// moment tee.
func HinduLunarLongitude(tee float64) float64 {
	return hinduTruePosition(tee, siderealMonthNum, siderealMonthDen, 32.0/360, anomalisticMonthNum, anomalisticMonthDen, 1.0/96)
}

// hinduZodiac is the Sun's sign at tee, 1–12.
func hinduZodiac(tee float64) int { return int(HinduSolarLongitude(tee)/30) + 1 }

// hinduLunarPhase is the Moon's elongation from the Sun, 0–360.
func hinduLunarPhase(tee float64) float64 {
	return fmod(HinduLunarLongitude(tee)-HinduSolarLongitude(tee), 360)
}

// Tithi is the lunar day in course at moment tee, 1–30.
func Tithi(tee float64) int { return int(hinduLunarPhase(tee)/12) + 1 }

// hinduNewMoonBefore is the last new moon before tee, found closely enough
// to know the Sun's sign at it.
func hinduNewMoonBefore(tee float64) float64 {
	tau := tee - hinduLunarPhase(tee)/360*hinduSynodicMonth
	lo, hi := tau-1, math.Min(tee, tau+1)
	x := (lo + hi) / 2
	for hinduZodiac(lo) != hinduZodiac(hi) && hi-lo > convergenceEpsilon {
		if hinduLunarPhase(x) < 180 {
			hi = x
		} else {
			lo = x
		}
		x = (lo + hi) / 2
	}
	return x
}

// invertAngular is the moment in [lo, hi] at which the angle f reaches y.
func invertAngular(f func(float64) float64, y, lo, hi float64) float64 {
	for hi-lo > convergenceEpsilon {
		x := (lo + hi) / 2
		if fmod(f(x)-y, 360) < 180 {
			hi = x
		} else {
			lo = x
		}
	}
	return (lo + hi) / 2
}

// hinduLunarDayAtOrAfter is the moment lunar day k begins at or after tee.
func hinduLunarDayAtOrAfter(k, tee float64) float64 {
	phase := (k - 1) * 12
	tau := tee + fmod(phase-hinduLunarPhase(tee), 360)/360*hinduSynodicMonth
	return invertAngular(hinduLunarPhase, phase, math.Max(tee, tau-2), tau+2)
}

// hinduSolarLongitudeAtOrAfter is the moment the Sun reaches longitude
// lambda at or after tee.
func hinduSolarLongitudeAtOrAfter(lambda, tee float64) float64 {
	tau := tee + hinduSiderealYear/360*fmod(lambda-HinduSolarLongitude(tee), 360)
	return invertAngular(HinduSolarLongitude, lambda, math.Max(tee, tau-5), tau+5)
}

// hinduCalendarYear is the Kali Yuga solar year in course at tee.
func hinduCalendarYear(tee float64) int {
	return int(math.RoundToEven((tee-hinduEpoch)/hinduSiderealYear - HinduSolarLongitude(tee)/360))
}

// hinduDailyMotion is the Sun's sidereal motion in degrees per day.
func hinduDailyMotion(date float64) float64 {
	mean := 360 / hinduSiderealYear
	anomaly := meanPosition(date, anomalisticYearNum, anomalisticYearDen)
	epicycle := 14.0/360 - math.Abs(hinduSine(anomaly))/1080
	entry := int(anomaly / arcMinutes225)
	step := hinduSineTable(entry+1) - hinduSineTable(entry)
	factor := -3438.0 / 225 * step * epicycle
	return mean * (factor + 1)
}

// hinduTropicalLongitude is the Sun's tropical longitude, with the Surya
// Siddhanta's precession (a libration of ±27° in 7200 years).
func hinduTropicalLongitude(date float64) float64 {
	days := math.Floor(date - hinduEpoch)
	precession := 27 - math.Abs(54-fmod(27+108*600/1577917828.0*days, 108))
	return fmod(HinduSolarLongitude(date)-precession, 360)
}

// hinduRisingSign is the tabulated speed of rising of the Sun's sign.
func hinduRisingSign(date float64) float64 {
	i := int(hinduTropicalLongitude(date) / 30)
	return [...]float64{1670.0 / 1800, 1795.0 / 1800, 1935.0 / 1800, 1935.0 / 1800, 1795.0 / 1800, 1670.0 / 1800}[mod(i, 6)]
}

func hinduSolarSiderealDifference(date float64) float64 {
	return hinduDailyMotion(date) * hinduRisingSign(date)
}

// hinduEquationOfTime is the time from true to mean midnight.
func hinduEquationOfTime(date float64) float64 {
	offset := hinduSine(meanPosition(date, anomalisticYearNum, anomalisticYearDen))
	equationSun := offset * 57.3 * (14.0/360 - math.Abs(offset)/1080)
	return hinduDailyMotion(date) / 360 * equationSun / 360 * hinduSiderealYear
}

// hinduAscensionalDifference is the difference between the Sun's right
// and oblique ascension at Ujjain.
func hinduAscensionalDifference(date float64) float64 {
	sinDelta := 1397.0 / 3438 * hinduSine(hinduTropicalLongitude(date))
	diurnalRadius := hinduSine(90 + hinduArcsin(sinDelta))
	tanPhi := hinduSine(ujjainLatitude) / hinduSine(90+ujjainLatitude)
	return hinduArcsin(-sinDelta * tanPhi / diurnalRadius)
}

// HinduSunrise is the moment of sunrise at Ujjain on rata die date.
func HinduSunrise(date int) float64 {
	d := float64(date)
	return d + 0.25 - hinduEquationOfTime(d) +
		siderealDayRatio/360*(hinduAscensionalDifference(d)+hinduSolarSiderealDifference(d)/4)
}

// HinduSunset is the moment of sunset at Ujjain on rata die date.
func HinduSunset(date int) float64 {
	d := float64(date)
	return d + 0.75 - hinduEquationOfTime(d) +
		siderealDayRatio/360*(-hinduAscensionalDifference(d)+3*hinduSolarSiderealDifference(d)/4)
}

// HinduSolarFrom is the day of the modern Hindu solar calendar (Orissa
// rule: a month begins on the day whose next sunrise sees the Sun in its
// sign) that civil day d is.
func HinduSolarFrom(d calendar.Date) HinduSolar {
	date := rd(d)
	critical := HinduSunrise(date + 1)
	month := hinduZodiac(critical)
	year := hinduCalendarYear(critical) - hinduSolarEra
	begin := date - 3 - mod(int(math.Floor(HinduSolarLongitude(critical))), 30)
	for hinduZodiac(HinduSunrise(begin+1)) != month {
		begin++
	}
	return HinduSolar{Year: year, Month: month, Day: date - begin + 1}
}

// HinduLunarFrom is the day of the modern Hindu lunisolar calendar that
// civil day d is: the tithi at sunrise, in the month begun by the last new
// moon, which takes its name from the sign the Sun is in at that new moon
// and is an added month when the next new moon finds the Sun in the same
// sign.
func HinduLunarFrom(d calendar.Date) HinduLunar {
	date := rd(d)
	critical := HinduSunrise(date)
	day := Tithi(critical)
	leapDay := day == Tithi(HinduSunrise(date-1))
	lastNewMoon := hinduNewMoonBefore(critical)
	nextNewMoon := hinduNewMoonBefore(math.Floor(lastNewMoon) + 35)
	solarMonth := hinduZodiac(lastNewMoon)
	leapMonth := solarMonth == hinduZodiac(nextNewMoon)
	month := mod(solarMonth, 12) + 1
	yd := date
	if month <= 2 {
		yd += 180
	}
	year := hinduCalendarYear(float64(yd)) - hinduLunarEra
	return HinduLunar{Year: year, Month: month, LeapMonth: leapMonth, Day: day, LeapDay: leapDay}
}

// Nakshatra is the lunar station (1–27, Ashvini … Revati) the Moon is in
// at sunrise on civil day d.
func Nakshatra(d calendar.Date) int {
	return int(HinduLunarLongitude(HinduSunrise(rd(d)))/nakshatraArc) + 1
}

// fromHinduLunar is the rata die of Hindu lunar date l (R&D's
// fixed-from-hindu-lunar).
func fromHinduLunar(l HinduLunar) int {
	approx := hinduEpoch + hinduSiderealYear*(float64(l.Year+hinduLunarEra)+float64(l.Month-1)/12)
	s := int(math.Floor(approx - hinduSiderealYear/360*(fmod(HinduSolarLongitude(approx)-float64(l.Month-1)*30+180, 360)-180)))
	k := Tithi(float64(s) + 0.25)
	temp := k
	if k <= 3 || k >= 27 {
		mid := HinduLunarFrom(fromRD(s - 15))
		if mid.Month != l.Month || mid.LeapMonth && !l.LeapMonth {
			temp = mod(k+15, 30) - 15
		} else {
			temp = mod(k-15, 30) + 15
		}
	}
	est := s + l.Day - temp
	tau := est - mod(Tithi(float64(est)+0.25)-l.Day+15, 30) + 15
	date := tau - 1
	for {
		t := Tithi(HinduSunrise(date))
		if t == l.Day || t == mod(l.Day, 30)+1 {
			break
		}
		date++
	}
	if l.LeapDay {
		date++
	}
	return date
}

// hinduLunarOnOrBefore reports whether a is on or before b.
func hinduLunarOnOrBefore(a, b HinduLunar) bool {
	switch {
	case a.Year != b.Year:
		return a.Year < b.Year
	case a.Month != b.Month:
		return a.Month < b.Month
	case a.LeapMonth != b.LeapMonth:
		return a.LeapMonth
	case a.Day != b.Day:
		return a.Day < b.Day
	}
	return !a.LeapDay || b.LeapDay
}

// hinduDateOccur is the rata die on which lunar day day of month month of
// Vikrama year year is kept: the day it is in course at sunrise; when it
// is in course at no sunrise (an expunged day), the day it begins; in an
// expunged month, the month that takes its place (R&D's hindu-date-occur).
func hinduDateOccur(year, month, day int) int {
	try := fromHinduLunar(HinduLunar{Year: year, Month: month, Day: day})
	at := try
	if day > 15 {
		at -= 5
	}
	mid := HinduLunarFrom(fromRD(at))
	if mid.Month != month {
		l := HinduLunar{Year: mid.Year, Month: mid.Month, LeapMonth: mid.LeapMonth, Day: day}
		d := try
		for hinduLunarOnOrBefore(HinduLunarFrom(fromRD(d)), l) {
			d++
		}
		return d - 1
	}
	if HinduLunarFrom(fromRD(try)).Day != day {
		return try - 1
	}
	return try
}

// sixGhatikas is six ghatikas (three muhurtas), in days: 2 h 24 min.
const sixGhatikas = 6.0 / 60

// hinduTithiLasting is the rata die at whose sunrise at Ujjain lunar day
// day of month month of Vikrama year year is in course, if it lasts six
// ghatikas past that sunrise; else the day before, whose afternoon it
// holds (a lunar day lasts 20 hours or more, so it began before that
// noon). This is how the almanacs place a rite kept in the afternoon on
// the full moon (Raksha Bandhan: 2013-08-20, the full moon ending at
// 07:14 on the 21st).
func hinduTithiLasting(year, month, day int) int {
	d := hinduDateOccur(year, month, day)
	rise := HinduSunrise(d)
	if Tithi(rise) != day {
		return d
	}
	if ends := hinduLunarDayAtOrAfter(float64(day%30+1), rise); ends-rise < sixGhatikas {
		return d - 1
	}
	return d
}

// hinduTithiAtSunset is the rata die at whose sunset at Ujjain lunar day
// day of month month of Vikrama year year is in course, or, when it begins
// and ends between two sunsets, the day it begins (R&D's
// hindu-tithi-occur, with the time of day taken at sunset).
func hinduTithiAtSunset(year, month, day int) int {
	approx := hinduDateOccur(year, month, day)
	begins := hinduLunarDayAtOrAfter(float64(day), float64(approx-2))
	try := int(math.Floor(begins))
	if begins <= HinduSunset(try) || Tithi(HinduSunset(try+1)) != day {
		return try
	}
	return try + 1
}

// sankranti is the moment the Sun enters sign at or after tee.
func sankranti(sign int, tee float64) float64 {
	return hinduSolarLongitudeAtOrAfter(float64(sign-1)*30, tee)
}

// solarMonthStart is the rata die of the first day of the solar month sign
// that begins at or after tee: the civil day (midnight to midnight at
// Ujjain) in which the Sun enters the sign. The Tamil rule takes the day
// of the entry if it comes before sunset, else the next; the Surya
// Siddhanta's Sun enters about five hours after the modern (Lahiri) one,
// so midnight here stands for sunset there.
func solarMonthStart(sign int, tee float64) int {
	return int(math.Floor(sankranti(sign, tee)))
}

// nakshatraIn is the last day of the solar month sign beginning in
// Gregorian year y whose sunrise finds the Moon in lunar station star;
// ok is false when the month has none.
func nakshatraIn(star, sign, y int) (int, bool) {
	jan1 := float64(rd(calendar.MustDate(y, 1, 1)))
	first := solarMonthStart(sign, jan1)
	next := solarMonthStart(mod(sign, 12)+1, float64(first))
	for d := next - 1; d >= first; d-- {
		if Nakshatra(fromRD(d)) == star {
			return d, true
		}
	}
	return 0, false
}
