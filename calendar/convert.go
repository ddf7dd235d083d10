package calendar

import "fmt"

// Lunar returns the lunar date of local day d, for d in
// MinLunarYear..MaxLunarYear.
func (c *Calendar) Lunar(d Date) (LunarDate, error) {
	if !d.Valid() {
		return LunarDate{}, fmt.Errorf("lunar date of %s: %w", d, ErrRange)
	}
	if err := checkYear(d.Year()); err != nil {
		return LunarDate{}, fmt.Errorf("lunar date of %s: %w", d, err)
	}
	tab, err := c.year(d.Year())
	if err != nil {
		return LunarDate{}, fmt.Errorf("lunar date of %s: %w", d, err)
	}
	m, ok := tab.monthOf(d)
	if !ok {
		return LunarDate{}, fmt.Errorf("lunar date of %s: not in the lunar table", d)
	}
	return LunarDate{Year: m.year, Month: m.month, Day: d.Sub(m.start) + 1, Leap: m.leap}, nil
}

// monthOf returns the lunar month containing d, which must lie in the
// table's year.
func (t *yearTable) monthOf(d Date) (lunarMonth, bool) {
	for i := len(t.months) - 1; i >= 0; i-- {
		m := t.months[i]
		if !d.Before(m.start) {
			if d.Sub(m.start) < m.days {
				return m, true
			}
			return lunarMonth{}, false
		}
	}
	return lunarMonth{}, false
}

// FromLunar returns the Gregorian day of lunar date l. Day may be LastDay.
// It fails if the month does not exist that year (a leap month that year
// does not have) or is too short (腊月三十 in a 29-day 腊月).
func (c *Calendar) FromLunar(l LunarDate) (Date, error) {
	m, err := c.lunarMonth(l.Year, l.Month, l.Leap)
	if err != nil {
		return Date{}, fmt.Errorf("lunar %d %s: %w", l.Year, l, err)
	}
	day := l.Day
	if day == LastDay {
		day = m.days
	}
	if day < 1 || day > m.days {
		return Date{}, fmt.Errorf("lunar %d %s: %s of lunar year %d has %d days", l.Year, l, LunarDate{Month: l.Month, Leap: l.Leap, Day: 1}.monthText(), l.Year, m.days)
	}
	d := m.start.AddDays(day - 1)
	if err := checkYear(d.Year()); err != nil {
		return Date{}, fmt.Errorf("lunar %d %s: %w", l.Year, l, err)
	}
	return d, nil
}

// lunarMonth finds month (leap) of lunar year ly.
func (c *Calendar) lunarMonth(ly, month int, leap bool) (lunarMonth, error) {
	if month < 1 || month > 12 {
		return lunarMonth{}, fmt.Errorf("month %d must be 1..12", month)
	}
	// Lunar year ly runs from late January or February of Gregorian year
	// ly into early next year; the table of Gregorian year ly holds all of
	// it, and the next table holds it again.
	if ly < MinLunarYear-1 || ly > MaxLunarYear {
		return lunarMonth{}, fmt.Errorf("lunar year %d: %w", ly, ErrLunarRange)
	}
	for _, y := range []int{ly, ly + 1} {
		tab, err := c.year(y)
		if err != nil {
			return lunarMonth{}, err
		}
		for _, m := range tab.months {
			if m.year == ly && m.month == month && m.leap == leap {
				return m, nil
			}
		}
	}
	if leap {
		return lunarMonth{}, fmt.Errorf("lunar year %d has no leap month %d", ly, month)
	}
	return lunarMonth{}, fmt.Errorf("lunar year %d has no month %d", ly, month)
}

// LunarInYear returns every day of Gregorian year y with the lunar month
// and day of l (l.Year is ignored): none, one, or — for dates late in the
// lunar year such as 冬月初一 — two, one from each lunar year.
func (c *Calendar) LunarInYear(l LunarDate, y int) ([]Date, error) {
	if err := checkYear(y); err != nil {
		return nil, err
	}
	return c.lunarInYear(l, y), nil
}

func (c *Calendar) lunarInYear(l LunarDate, y int) []Date {
	var out []Date
	for _, ly := range []int{y - 1, y} {
		m, err := c.lunarMonth(ly, l.Month, l.Leap)
		if err != nil {
			continue
		}
		day := l.Day
		if day == LastDay {
			day = m.days
		}
		if day < 1 || day > m.days {
			continue
		}
		if d := m.start.AddDays(day - 1); d.Year() == y {
			out = append(out, d)
		}
	}
	return out
}

// SolarTerm returns the local day of solar term name (simplified or
// traditional Chinese, or pinyin) in Gregorian year y.
func (c *Calendar) SolarTerm(name string, y int) (Date, error) {
	i, ok := termIndex(name)
	if !ok {
		return Date{}, fmt.Errorf("unknown solar term %q%s", name, didYouMean(name, termCandidates()))
	}
	if err := checkYear(y); err != nil {
		return Date{}, fmt.Errorf("solar term %s: %w", terms[i].name, err)
	}
	tab, err := c.year(y)
	if err != nil {
		return Date{}, fmt.Errorf("solar term %s %d: %w", terms[i].name, y, err)
	}
	return tab.terms[i], nil
}

// SolarTerms returns the 24 solar terms of Gregorian year y, from 小寒 to 冬至.
func (c *Calendar) SolarTerms(y int) ([]SolarTerm, error) {
	if err := checkYear(y); err != nil {
		return nil, err
	}
	tab, err := c.year(y)
	if err != nil {
		return nil, err
	}
	out := make([]SolarTerm, len(terms))
	for i, t := range terms {
		out[i] = SolarTerm{Name: t.name, Pinyin: t.pinyin, Date: tab.terms[i]}
	}
	return out, nil
}

// SolarTermOn returns the solar term that falls on day d, if any.
func (c *Calendar) SolarTermOn(d Date) (SolarTerm, bool) {
	if !d.Valid() || checkYear(d.Year()) != nil {
		return SolarTerm{}, false
	}
	tab, err := c.year(d.Year())
	if err != nil {
		return SolarTerm{}, false
	}
	for i, t := range tab.terms {
		if t == d {
			return SolarTerm{Name: terms[i].name, Pinyin: terms[i].pinyin, Date: d}, true
		}
	}
	return SolarTerm{}, false
}
