package dates

import (
	"strings"

	"github.com/tonggao/tonggao/calendar"
)

// holidayAfter is the first day after the public holiday that holds the
// lunar day l's first occurrence on or after from, when that holiday is
// not over by today: 过完年 said in 腊月 or in the days off is the day work
// starts again, as 过完节 is read (HolidayAfter). False when no holiday
// holds the day, or it is over (the time after it is then now or later,
// as Since reads it).
func (r *Reader) holidayAfter(l calendar.LunarDate, from, today calendar.Date) (calendar.Date, bool) {
	d, ok := r.lunarDay(l, from, 0)
	if !ok {
		return calendar.Date{}, false
	}
	blocks, err := r.cal.HolidayBlocks(d.Year())
	if err != nil {
		return calendar.Date{}, false
	}
	for _, b := range blocks {
		if !d.Before(b.From) && !d.After(b.To) {
			if today.After(b.To) {
				return calendar.Date{}, false
			}
			return b.To.AddDays(1), true
		}
	}
	return calendar.Date{}, false
}

// holidayAfterNamed is the length of a word saying a holiday is over
// (HolidayNamed: 放完假, 收假以后) that rest opens with, 0 for none: said
// right after a festival's name (国庆放完假了) it is that festival's
// holiday the caller means.
func (r *Reader) holidayAfterNamed(rest string) int {
	k := 0
	for _, w := range r.w.HolidayNamed {
		if len(w) > k && strings.HasPrefix(rest, w) {
			k = len(w)
		}
	}
	return k
}

// afterHoliday is the mention of name's holiday said over (国庆放完假了,
// from i to j): the first day after the holiday whose last day is end,
// while that holiday is to come or running; once the holiday the caller
// means is over — the one just gone, when it is the nearer and no year
// is said — the time after it is now, the day of the call, with the note
// that the day said has passed (as 过了15号 said on the 20th).
func (r *Reader) afterHoliday(name string, i, j int, end, today calendar.Date, year int) Mention {
	m := Mention{Start: i, End: j, Date: end.AddDays(1), Past: true}
	if year == 0 {
		if _, pend, ok := r.festivalAt(name, end.Year()-1); ok && pend.Before(today) && today.Sub(pend) < m.Date.Sub(today) {
			m.Date = pend.AddDays(1)
		}
	}
	if m.Date.Before(today) {
		m.Passed = m.Date.AddDays(-1)
		m.Date, m.Note = today, r.w.PastNote
	}
	return m
}
