package calendar

import (
	"fmt"
	"strings"
)

// festival describes a named day, fixed in the Gregorian calendar, the lunar
// calendar or by a solar term.
type festival struct {
	name    string
	aliases []string
	kind    festivalKind
	month   int // Gregorian or lunar month
	day     int // Gregorian or lunar day; LastDay for 除夕
	term    int // index into terms for festivalTerm
}

type festivalKind int

const (
	festivalGregorian festivalKind = iota
	festivalLunar
	festivalTerm
)

// festivals lists the festivals the issue asks for, then a few more that
// matter to fire-safety notices in Hunan (中元, 重阳, 寒衣 are days of
// graveside offerings and paper burning).
var festivals = []festival{
	{name: "元旦", aliases: []string{"元旦节", "新年"}, kind: festivalGregorian, month: 1, day: 1},
	{name: "除夕", aliases: []string{"大年三十", "年三十"}, kind: festivalLunar, month: 12, day: LastDay},
	{name: "春节", aliases: []string{"春節", "大年初一", "正月初一"}, kind: festivalLunar, month: 1, day: 1},
	{name: "元宵", aliases: []string{"元宵节", "元宵節", "上元", "上元节", "正月十五"}, kind: festivalLunar, month: 1, day: 15},
	{name: "清明", aliases: []string{"清明节", "清明節"}, kind: festivalTerm, term: 6},
	{name: "端午", aliases: []string{"端午节", "端午節", "端阳"}, kind: festivalLunar, month: 5, day: 5},
	{name: "中元", aliases: []string{"中元节", "中元節", "鬼节"}, kind: festivalLunar, month: 7, day: 15},
	{name: "中秋", aliases: []string{"中秋节", "中秋節"}, kind: festivalLunar, month: 8, day: 15},
	{name: "重阳", aliases: []string{"重阳节", "重陽", "重陽節"}, kind: festivalLunar, month: 9, day: 9},
	{name: "国庆", aliases: []string{"国庆节", "國慶", "國慶節", "十一"}, kind: festivalGregorian, month: 10, day: 1},
	{name: "寒衣", aliases: []string{"寒衣节", "寒衣節", "十月朝"}, kind: festivalLunar, month: 10, day: 1},
	{name: "冬至", aliases: []string{"冬至节"}, kind: festivalTerm, term: 23},
}

// FestivalNames returns the canonical names of the known festivals.
func FestivalNames() []string {
	out := make([]string, len(festivals))
	for i, f := range festivals {
		out[i] = f.name
	}
	return out
}

func festivalIndex(name string) (int, bool) {
	name = strings.TrimSpace(name)
	for i, f := range festivals {
		if name == f.name {
			return i, true
		}
		for _, a := range f.aliases {
			if name == a {
				return i, true
			}
		}
	}
	return 0, false
}

func festivalCandidates() []string {
	var c []string
	for _, f := range festivals {
		c = append(c, f.name)
		c = append(c, f.aliases...)
	}
	return c
}

// Festival returns the day of festival name in Gregorian year y: 元旦 01-01,
// 除夕 (the last day of the twelfth lunar month, the eve of 春节 in y), 春节
// (正月初一), 元宵 (正月十五), 清明 (the solar term), 端午 (五月初五), 中元
// (七月十五), 中秋 (八月十五), 重阳 (九月初九), 国庆 (10-01), 寒衣 (十月初一),
// 冬至 (the solar term). Common variants such as 春節, 中秋节 and 国庆节 are
// accepted.
func (c *Calendar) Festival(name string, y int) (Date, error) {
	i, ok := festivalIndex(name)
	if !ok {
		return Date{}, fmt.Errorf("unknown festival %q%s", name, didYouMean(name, festivalCandidates()))
	}
	if err := checkYear(y); err != nil {
		return Date{}, fmt.Errorf("festival %s: %w", festivals[i].name, err)
	}
	d, ok := c.festivalIn(i, y)
	if !ok {
		return Date{}, fmt.Errorf("festival %s: no occurrence in %d", festivals[i].name, y)
	}
	return d, nil
}

// festivalIn returns festival i in Gregorian year y (within the slot range).
func (c *Calendar) festivalIn(i, y int) (Date, bool) {
	f := festivals[i]
	switch f.kind {
	case festivalGregorian:
		d, err := NewDate(y, f.month, f.day)
		return d, err == nil
	case festivalTerm:
		tab, err := c.year(y)
		if err != nil {
			return Date{}, false
		}
		return tab.terms[f.term], true
	}
	tab, err := c.year(y)
	if err != nil {
		return Date{}, false
	}
	return tab.festivalLunar(f)
}

// festivalLunar finds lunar festival f in the table's Gregorian year using
// only this table, so that it can run while the table is being built.
func (t *yearTable) festivalLunar(f festival) (Date, bool) {
	// 除夕 is the day before 春节 of this year, so the last day of the
	// previous lunar year; every other lunar festival here falls in the
	// lunar year that starts in this Gregorian year.
	if f.month == 12 && f.day == LastDay {
		ny, ok := t.lunarDay(t.year, 1, 1)
		return ny.AddDays(-1), ok
	}
	return t.lunarDay(t.year, f.month, f.day)
}

// lunarDay finds the non-leap lunar month-day of lunar year ly among this
// table's months.
func (t *yearTable) lunarDay(ly, month, day int) (Date, bool) {
	for _, m := range t.months {
		if m.year == ly && m.month == month && !m.leap && day >= 1 && day <= m.days {
			return m.start.AddDays(day - 1), true
		}
	}
	return Date{}, false
}

// FestivalsOn returns the names of the festivals that fall on day d.
func (c *Calendar) FestivalsOn(d Date) []string {
	out := []string{}
	if !d.Valid() || checkYear(d.Year()) != nil {
		return out
	}
	for i, f := range festivals {
		if fd, ok := c.festivalIn(i, d.Year()); ok && fd == d {
			out = append(out, f.name)
		}
	}
	return out
}
