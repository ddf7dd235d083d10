package dates_test

import (
	"fmt"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/dates"
)

// Days as callers say them, read on 2024-10-02 (a Wednesday in the
// national-day holiday).
func ExampleReader_Read() {
	cal, _ := calendar.New()
	r, err := dates.New(cal, dates.Words{
		Days: map[string]int{"明天": 1, "后天": 2}, WeakDays: map[string]int{"现在": 0},
		Months: map[string]int{"下个月": 1}, MonthParts: map[string]int{"月底": 0, "月初": 1},
		Next: []string{"下"}, This: []string{"这"}, Week: []string{"周"},
		Weekdays: map[string]int{"一": 1, "三": 3, "六": 6}, Lunar: []string{"农历"}, After: []string{"后第"},
		Before: []string{"前一天"}, Past: []string{"过了"},
		LunarDays: map[string]dates.LunarDay{"小年": {Date: calendar.LunarDate{Month: 12, Day: 24}}},
	})
	if err != nil {
		panic(err)
	}
	today := calendar.MustDate(2024, 10, 2)
	for _, s := range []string{"下周三", "下个月5号", "月底", "国庆节后第三天", "清明节前一天", "农历九月初六", "小年", "过了15号", "十月三号", "2026年清明"} {
		for _, m := range r.Read(s, today) {
			if !m.Weak { // a year said alone (2026年) only sets the year
				fmt.Println(s, m.Date)
			}
		}
	}
	// Output:
	// 下周三 2024-10-09
	// 下个月5号 2024-11-05
	// 月底 2024-10-31
	// 国庆节后第三天 2024-10-10
	// 清明节前一天 2025-04-03
	// 农历九月初六 2024-10-08
	// 小年 2025-01-23
	// 过了15号 2024-10-16
	// 十月三号 2024-10-03
	// 2026年清明 2026-04-05
}
