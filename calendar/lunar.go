package calendar

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// LunarDate is a day of the Chinese lunisolar calendar (农历).
//
// Year is the lunar year, which begins on 春节: 2024-01-15 is in lunar year
// 2023 (腊月初五). Month is 1..12, Leap marks an intercalary month (闰月),
// which follows the ordinary month of the same number. Day is 1..30, or
// LastDay for "the last day of the month", which is how 除夕 (the last day of
// 腊月, the 29th or the 30th) is written.
type LunarDate struct {
	Year  int  `json:"year"`
	Month int  `json:"month"`
	Day   int  `json:"day"`
	Leap  bool `json:"leap"`
}

// LastDay as LunarDate.Day means the month's last day (29th or 30th).
const LastDay = -1

var (
	monthNames = [13]string{"", "正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "冬月", "腊月"}
	digitNames = [11]string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
)

// String writes the month and day the way an almanac does: 九月初六,
// 闰四月初一, 腊月三十, 九月廿一; the last day of 腊月 given as LastDay is
// 除夕. The year is not part of the text.
func (l LunarDate) String() string {
	if l.Month < 1 || l.Month > 12 || l.Day < LastDay || l.Day == 0 || l.Day > 30 {
		return fmt.Sprintf("LunarDate(%d,%d,%d,%t)", l.Year, l.Month, l.Day, l.Leap)
	}
	if l.Day == LastDay {
		if l.Month == 12 && !l.Leap {
			return "除夕"
		}
		return l.monthText() + "末日"
	}
	return l.monthText() + dayText(l.Day)
}

func (l LunarDate) monthText() string {
	if l.Leap {
		return "闰" + monthNames[l.Month]
	}
	return monthNames[l.Month]
}

func dayText(d int) string {
	switch {
	case d <= 10:
		return "初" + digitNames[d]
	case d < 20:
		return "十" + digitNames[d-10]
	case d == 20:
		return "二十"
	case d < 30:
		return "廿" + digitNames[d-20]
	}
	return "三十"
}

// ParseLunarDate reads a lunar month and day in any common written form:
// 九月初六, 九月廿一 or 九月二十一, 闰四月初一 (閏 too), 腊月三十, 冬月 or
// 十一月, 正月十五, 除夕 (the last day of 腊月), and the numeric forms 09-06
// and L04-01 (a leap month). The Year of the result is 0: the written forms
// carry no year.
func ParseLunarDate(s string) (LunarDate, error) {
	orig := s
	s = strings.TrimSpace(s)
	if s == "" {
		return LunarDate{}, fmt.Errorf("lunar date %q: empty", orig)
	}
	if s == "除夕" || s == "大年三十" {
		return LunarDate{Month: 12, Day: LastDay}, nil
	}
	if c := s[0]; c >= '0' && c <= '9' || c == 'L' || c == 'l' {
		return parseNumericLunar(orig, s)
	}
	var l LunarDate
	rest := s
	for _, p := range []string{"闰", "閏"} {
		if strings.HasPrefix(rest, p) {
			l.Leap = true
			rest = rest[len(p):]
		}
	}
	i := strings.Index(rest, "月")
	if i < 0 {
		return LunarDate{}, fmt.Errorf("lunar date %q: want a month such as 九月 or 闰四月 followed by a day such as 初六", orig)
	}
	m, ok := parseLunarMonth(rest[:i])
	if !ok {
		return LunarDate{}, fmt.Errorf("lunar date %q: unknown lunar month %q", orig, rest[:i+len("月")])
	}
	l.Month = m
	dayPart := rest[i+len("月"):]
	d, ok := parseLunarDay(dayPart)
	if !ok {
		if dayPart == "" {
			return LunarDate{}, fmt.Errorf("lunar date %q: missing day (初一 … 三十)", orig)
		}
		return LunarDate{}, fmt.Errorf("lunar date %q: bad lunar day %q (want 初一 … 三十)", orig, dayPart)
	}
	l.Day = d
	return l, nil
}

func parseNumericLunar(orig, s string) (LunarDate, error) {
	var l LunarDate
	if s[0] == 'L' || s[0] == 'l' {
		l.Leap = true
		s = s[1:]
	}
	ms, ds, ok := strings.Cut(s, "-")
	m, err1 := strconv.Atoi(ms)
	d, err2 := strconv.Atoi(ds)
	if !ok || err1 != nil || err2 != nil || len(ms) > 2 || len(ds) > 2 || strings.ContainsAny(ms+ds, "+-") {
		return LunarDate{}, fmt.Errorf("lunar date %q: want MM-DD or LMM-DD (leap month), e.g. 09-06 or L04-01", orig)
	}
	if m < 1 || m > 12 {
		return LunarDate{}, fmt.Errorf("lunar date %q: month %d must be 1..12", orig, m)
	}
	if d < 1 || d > 30 {
		return LunarDate{}, fmt.Errorf("lunar date %q: day %d must be 1..30", orig, d)
	}
	l.Month, l.Day = m, d
	return l, nil
}

func parseLunarMonth(s string) (int, bool) {
	switch s {
	case "正", "端", "元":
		return 1, true
	case "冬":
		return 11, true
	case "腊", "臘":
		return 12, true
	}
	n, ok := parseChineseNumber(s)
	if !ok || n < 1 || n > 12 {
		return 0, false
	}
	return n, true
}

func parseLunarDay(s string) (int, bool) {
	if rest, ok := strings.CutPrefix(s, "初"); ok {
		n, ok := parseChineseNumber(rest)
		if !ok || n < 1 || n > 10 || utf8.RuneCountInString(rest) != 1 {
			return 0, false
		}
		return n, true
	}
	n, ok := parseChineseNumber(s)
	// 一 … 十 alone are written 初一 … 初十.
	if !ok || n < 11 || n > 30 {
		return 0, false
	}
	return n, true
}

// parseChineseNumber reads 1..39 written as 一 … 九, 十, 十一, 二十, 二十一,
// 廿一, 卅 and the like.
func parseChineseNumber(s string) (int, bool) {
	digit := func(r rune) int {
		return strings.IndexRune("〇一二三四五六七八九", r) / len("一")
	}
	rs := []rune(s)
	switch len(rs) {
	case 1:
		switch rs[0] {
		case '十':
			return 10, true
		case '廿':
			return 20, true
		case '卅':
			return 30, true
		}
		if d := digit(rs[0]); d > 0 {
			return d, true
		}
	case 2:
		switch {
		case rs[0] == '十' && digit(rs[1]) > 0:
			return 10 + digit(rs[1]), true
		case rs[0] == '廿' && digit(rs[1]) > 0:
			return 20 + digit(rs[1]), true
		case rs[0] == '卅' && digit(rs[1]) > 0:
			return 30 + digit(rs[1]), true
		case rs[1] == '十' && (rs[0] == '二' || rs[0] == '三'):
			return 10 * digit(rs[0]), true
		}
	case 3:
		if rs[1] == '十' && (rs[0] == '二' || rs[0] == '三') && digit(rs[2]) > 0 {
			return 10*digit(rs[0]) + digit(rs[2]), true
		}
	}
	return 0, false
}
