package feast

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tonggao/tonggao/calendar"
)

// Rule is a holiday's definition: a day, or a span of days, fixed by one of
// the package's calendars. It is a value and safe for concurrent use.
type Rule struct {
	from, to point
	span     bool
	// Eve: the holiday begins at sunset on the civil day before its first
	// day, and that day is its first.
	Eve bool
	// Moves are days added when the (first) day falls on a weekday: Tisha
	// B'Av on a Saturday is kept on Sunday (Moves[time.Saturday] = 1).
	Moves [7]int
	// Lead: the festival's days begin this many days before its day
	// (Pongal's Bhogi is the day before Thai Pongal).
	Lead int
}

// point is a base day plus an offset in days.
type point struct {
	base   base
	month  int // hebrew, islamic, hindu; the sign of sankranti and nakshatra
	day    int // the lunar day of hindu, the station of nakshatra
	offset int
	sunset bool // hindu: the lunar day in course at sunset, not sunrise
	// lasting (hindu): at sunrise, if it lasts six ghatikas past it, else
	// the day before
	lasting bool
}

type base int

const (
	baseNone base = iota
	baseEaster
	baseOrthodoxEaster
	baseHebrew
	baseIslamic
	baseHindu
	baseSankranti
	baseNakshatra
)

var hebrewMonths = map[string]int{"nisan": Nisan, "iyyar": Iyyar, "iyar": Iyyar, "sivan": Sivan, "tammuz": Tammuz, "av": Av,
	"elul": Elul, "tishrei": Tishrei, "heshvan": Heshvan, "cheshvan": Heshvan, "kislev": Kislev, "tevet": Tevet, "shevat": Shevat,
	"adar": Adar, "adar1": Adar, "adar2": AdarII}

var islamicMonths = map[string]int{"muharram": Muharram, "safar": Safar, "rabi1": RabiI, "rabi2": RabiII, "jumada1": JumadaI,
	"jumada2": JumadaII, "rajab": Rajab, "shaban": Shaban, "ramadan": Ramadan, "shawwal": Shawwal, "dhulqada": DhuAlQada,
	"dhulhijja": DhuAlHijja}

var hinduMonths = map[string]int{"chaitra": Chaitra, "vaisakha": Vaisakha, "jyaishtha": Jyaishtha, "ashadha": Ashadha,
	"shravana": Shravana, "bhadrapada": Bhadrapada, "ashvina": Ashvina, "kartika": Kartika, "margashirsha": Margashirsha,
	"pausha": Pausha, "magha": Magha, "phalguna": Phalguna}

var hinduSigns = map[string]int{"mesha": Mesha, "vrishabha": Vrishabha, "mithuna": Mithuna, "karka": Karka, "simha": Simha,
	"kanya": Kanya, "tula": Tula, "vrischika": Vrischika, "dhanu": Dhanu, "makara": Makara, "kumbha": Kumbha, "mina": Mina}

// Parse reads a rule: a point, or two joined by "..", the second of which
// may be only an offset from the first ("hebrew 25 kislev..+7"). A point
// is a base and an optional offset in days:
//
//	easter, easter+49, easter-46    Easter Sunday (Gregorian computus)
//	orthodox-easter-2               Easter Sunday (Julian computus)
//	hebrew 10 tishrei               a day of the Hebrew calendar
//	islamic 1 shawwal               a day of the Umm al-Qura calendar
//	hindu 30 ashvina                a lunar day (tithi 1–30; 15 the full
//	                                moon, 30 the new) of an amanta month of
//	                                the modern Hindu calendar, kept on the
//	                                day it is in course at sunrise
//	hindu 15 phalguna sunset        … on the day it is in course at sunset
//	hindu 15 shravana lasting       … on the day it is in course at sunrise
//	                                if it lasts six ghatikas (2 h 24 min)
//	                                past that sunrise, else the day before
//	                                (Raksha Bandhan, kept in the afternoon)
//	sankranti makara                the first day of a Hindu solar month: the
//	                                civil day the Sun enters the sidereal sign
//	nakshatra 22 simha              the day of that solar month whose sunrise
//	                                finds the Moon in the lunar station (1–27),
//	                                the later when it has two
//
// Hebrew months: nisan iyyar sivan tammuz av elul tishrei heshvan kislev
// tevet shevat adar (Adar II in a leap year) adar1 adar2. Islamic months:
// muharram safar rabi1 rabi2 jumada1 jumada2 rajab shaban ramadan shawwal
// dhulqada dhulhijja. Hindu months: chaitra vaisakha jyaishtha ashadha
// shravana bhadrapada ashvina kartika margashirsha pausha magha phalguna;
// signs: mesha vrishabha mithuna karka simha kanya tula vrischika dhanu
// makara kumbha mina.
func Parse(s string) (Rule, error) {
	var r Rule
	a, b, span := strings.Cut(strings.TrimSpace(s), "..")
	var err error
	if r.from, err = parsePoint(a); err != nil {
		return Rule{}, fmt.Errorf("%q: %w", s, err)
	}
	if !span {
		r.to = r.from
		return r, nil
	}
	r.span = true
	b = strings.TrimSpace(b)
	if strings.HasPrefix(b, "+") {
		n, err := strconv.Atoi(b[1:])
		if err != nil || n < 1 {
			return Rule{}, fmt.Errorf("%q: %q is not a number of days after the first", s, b)
		}
		r.to = r.from
		r.to.offset += n
		return r, nil
	}
	if r.to, err = parsePoint(b); err != nil {
		return Rule{}, fmt.Errorf("%q: %w", s, err)
	}
	if r.to.base != r.from.base {
		return Rule{}, fmt.Errorf("%q: a span's two ends must be of one calendar", s)
	}
	return r, nil
}

func parsePoint(s string) (point, error) {
	s = strings.TrimSpace(s)
	var p point
	// the offset: the last + or - after the base's name
	body := s
	if i := strings.LastIndexAny(s, "+-"); i > 0 && !strings.HasSuffix(s[:i], "orthodox") {
		n, err := strconv.Atoi(strings.TrimSpace(s[i+1:]))
		if err != nil {
			return p, fmt.Errorf("%q: offset %q is not a number of days", s, s[i+1:])
		}
		if s[i] == '-' {
			n = -n
		}
		p.offset, body = n, strings.TrimSpace(s[:i])
	}
	f := strings.Fields(body)
	switch {
	case len(f) == 1 && f[0] == "easter":
		p.base = baseEaster
	case len(f) == 1 && f[0] == "orthodox-easter":
		p.base = baseOrthodoxEaster
	case len(f) == 3 && (f[0] == "hebrew" || f[0] == "islamic"):
		months := hebrewMonths
		p.base = baseHebrew
		if f[0] == "islamic" {
			months, p.base = islamicMonths, baseIslamic
		}
		m, ok := months[f[2]]
		if !ok {
			return p, fmt.Errorf("%q: no %s month %q", s, f[0], f[2])
		}
		d, err := strconv.Atoi(f[1])
		if err != nil || d < 1 || d > 30 {
			return p, fmt.Errorf("%q: day %q is not 1..30", s, f[1])
		}
		p.month, p.day = m, d
	case (len(f) == 3 || len(f) == 4) && f[0] == "hindu":
		m, ok := hinduMonths[f[2]]
		if !ok {
			return p, fmt.Errorf("%q: no hindu month %q", s, f[2])
		}
		d, err := strconv.Atoi(f[1])
		if err != nil || d < 1 || d > 30 {
			return p, fmt.Errorf("%q: lunar day %q is not 1..30", s, f[1])
		}
		if len(f) == 4 && f[3] != "sunset" && f[3] != "lasting" {
			return p, fmt.Errorf("%q: %q is neither sunset nor lasting", s, f[3])
		}
		p.base, p.month, p.day = baseHindu, m, d
		p.sunset, p.lasting = len(f) == 4 && f[3] == "sunset", len(f) == 4 && f[3] == "lasting"
	case len(f) == 2 && f[0] == "sankranti":
		m, ok := hinduSigns[f[1]]
		if !ok {
			return p, fmt.Errorf("%q: no sign %q", s, f[1])
		}
		p.base, p.month = baseSankranti, m
	case len(f) == 3 && f[0] == "nakshatra":
		m, ok := hinduSigns[f[2]]
		if !ok {
			return p, fmt.Errorf("%q: no sign %q", s, f[2])
		}
		d, err := strconv.Atoi(f[1])
		if err != nil || d < 1 || d > 27 {
			return p, fmt.Errorf("%q: lunar station %q is not 1..27", s, f[1])
		}
		p.base, p.month, p.day = baseNakshatra, m, d
	default:
		return p, fmt.Errorf("%q: want easter, orthodox-easter, hebrew DAY MONTH, islamic DAY MONTH, hindu DAY MONTH [sunset|lasting], "+
			"sankranti SIGN or nakshatra STATION SIGN, with an optional +N or -N", s)
	}
	return p, nil
}

// Span is one occurrence of a rule: its civil days From..To, both
// included; Day is the day the rule defines (after any move), From the
// eve before it for a rule that begins at sunset, or the first of the days
// that lead to it.
type Span struct {
	From, To, Day calendar.Date
}

// In returns the occurrences of r whose defined day falls in Gregorian
// year y, in order: none when y is outside the calendar's range, two when
// an Islamic holiday comes round twice in one year.
func (r Rule) In(y int) []Span {
	if y < calendar.MinYear+1 || y > calendar.MaxYear-1 {
		return nil
	}
	var out []Span
	for _, cy := range r.cycles(y) {
		from, ok1 := r.from.day1(cy)
		to, ok2 := r.to.day1(cy)
		if !ok1 || !ok2 || from.Year() != y {
			continue
		}
		if mv := r.Moves[from.Weekday()]; mv != 0 {
			from, to = from.AddDays(mv), to.AddDays(mv)
		}
		s := Span{From: from.AddDays(-r.Lead), To: to, Day: from}
		if r.Eve {
			s.From = s.From.AddDays(-1)
		}
		out = append(out, s)
	}
	return out
}

// cycles are the years of the rule's own calendar that may put its day in
// Gregorian year y.
func (r Rule) cycles(y int) []int {
	switch r.from.base {
	case baseHebrew:
		return []int{y + 3760, y + 3761}
	case baseIslamic:
		// an Islamic year is 354 or 355 days: about 33 to 32 Gregorian ones
		iy := (y - 622) * 33 / 32
		return []int{iy - 1, iy, iy + 1}
	case baseHindu:
		// the Vikrama year begins in March or April
		return []int{y + 56, y + 57}
	}
	return []int{y}
}

// day1 is the point's day in year cy of its calendar.
func (p point) day1(cy int) (calendar.Date, bool) {
	var d calendar.Date
	ok := true
	switch p.base {
	case baseEaster:
		d = Easter(cy)
	case baseOrthodoxEaster:
		d = OrthodoxEaster(cy)
	case baseHebrew:
		d, ok = FromHebrew(cy, p.month, p.day)
	case baseIslamic:
		d, ok = FromIslamic(cy, p.month, p.day)
	case baseHindu:
		if p.sunset {
			d = fromRD(hinduTithiAtSunset(cy, p.month, p.day))
		} else if p.lasting {
			d = fromRD(hinduTithiLasting(cy, p.month, p.day))
		} else {
			d = fromRD(hinduDateOccur(cy, p.month, p.day))
		}
	case baseSankranti:
		d = fromRD(solarMonthStart(p.month, float64(rd(calendar.MustDate(cy, 1, 1)))))
	case baseNakshatra:
		var n int
		n, ok = nakshatraIn(p.day, p.month, cy)
		d = fromRD(n)
	default:
		return d, false
	}
	return d.AddDays(p.offset), ok
}

// Weekday reads the short English weekday name a definition uses (sun,
// mon … sat).
func Weekday(name string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(name, d.String()[:3]) {
			return d, true
		}
	}
	return 0, false
}

// Orthodox is r with Easter taken by the Julian computus (东正教复活节星期一
// is orthodox-easter+1); ok is false for a rule not defined from Western
// Easter.
func (r Rule) Orthodox() (Rule, bool) {
	if r.from.base != baseEaster {
		return r, false
	}
	r.from.base, r.to.base = baseOrthodoxEaster, baseOrthodoxEaster
	return r, true
}
