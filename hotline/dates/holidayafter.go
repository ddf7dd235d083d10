package dates

import "github.com/tonggao/tonggao/calendar"

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
