package calendar

import (
	"fmt"
	"slices"
	"time"
)

// projectHolidays guesses the arrangement of notice year y, which has not
// been published, from the rules the State Council has followed since the
// 2025 revision of the national holiday regulations. The rule, also stated
// in the package documentation:
//
//   - A one-day festival (元旦, 清明, 端午, 中秋) becomes a three-day block
//     joined to a weekend: on Saturday, Sunday or Monday the block is
//     Saturday–Monday; on Tuesday it is Sunday–Tuesday with the Saturday
//     before worked; on Thursday it is Thursday–Saturday with the Sunday
//     after worked; on Friday it is Friday–Sunday; on Wednesday only the day
//     itself.
//   - 春节: from 除夕 through 正月初七 (eight days); when 除夕 falls on a
//     Monday the Sunday before joins (nine days, as in 2026). These are the
//     two blocks published under the revised regulations (2025: 除夕
//     01-28..初七 02-04; 2026: 腊月廿八 02-15..初七 02-23); the blocks of
//     2008–2024 followed the old ones (除夕..初六, or 初一..初七/初八) and
//     are not projected from. Make-up days are not projected.
//   - 劳动节: 05-01 through 05-05. Make-up days are not projected.
//   - 国庆节: 10-01 through 10-07. When 中秋 falls on 10-01..10-08 the two
//     are one block 10-01..10-08 (国庆节、中秋节); when it falls on
//     09-28..09-30 the block runs eight days from 中秋 (中秋节、国庆节).
//     Make-up days are not projected.
//
// The published years 2020–2026 follow this rule for every one-day block
// and every 国庆节 block, 2025–2026 for 春节, and 2020, 2021 and 2024–2026
// for 劳动节 (2022 and 2023 ran 04-30..05-04 and 04-29..05-03); the test
// TestProjectionRuleOnPublishedYears holds each of these claims to the data.
func projectHolidays(y int, tab *yearTable) ([]HolidayBlock, error) {
	date := func(m, d int) Date { return MustDate(y, m, d) }
	lunarDay := func(m, d int) (Date, error) {
		day, ok := tab.lunarDay(y, m, d)
		if !ok {
			return Date{}, fmt.Errorf("projecting holidays %d: no lunar %s", y, LunarDate{Month: m, Day: d})
		}
		return day, nil
	}
	spring, err := lunarDay(1, 1)
	if err != nil {
		return nil, err
	}
	dragon, err := lunarDay(5, 5)
	if err != nil {
		return nil, err
	}
	moon, err := lunarDay(8, 15)
	if err != nil {
		return nil, err
	}

	var blocks []HolidayBlock
	add := func(k holidayKinds, name string, from, to Date, work ...Date) {
		blocks = append(blocks, HolidayBlock{Name: name, Year: y, From: from, To: to, Work: work, Projected: true, kinds: k})
	}
	oneDay := func(k holidayKinds, name string, d Date) {
		switch d.Weekday() {
		case time.Saturday:
			add(k, name, d, d.AddDays(2))
		case time.Sunday:
			add(k, name, d.AddDays(-1), d.AddDays(1))
		case time.Monday:
			add(k, name, d.AddDays(-2), d)
		case time.Tuesday:
			add(k, name, d.AddDays(-2), d, d.AddDays(-3))
		case time.Wednesday:
			add(k, name, d, d)
		case time.Thursday:
			add(k, name, d, d.AddDays(2), d.AddDays(3))
		case time.Friday:
			add(k, name, d, d.AddDays(2))
		}
	}

	oneDay(kindNewYear, "元旦", date(1, 1))
	eve := spring.AddDays(-1)
	if eve.Weekday() == time.Monday {
		eve = eve.AddDays(-1)
	}
	add(kindSpring, "春节", eve, spring.AddDays(6)) // 正月初七 is 初一 + 6
	oneDay(kindQingming, "清明节", tab.terms[6])
	add(kindLabour, "劳动节", date(5, 1), date(5, 5))
	oneDay(kindDragonBoat, "端午节", dragon)
	switch {
	case !moon.Before(date(10, 1)) && !moon.After(date(10, 8)):
		add(kindNational|kindMidAutumn, "国庆节、中秋节", date(10, 1), date(10, 8))
	case !moon.Before(date(9, 28)) && moon.Before(date(10, 1)):
		add(kindMidAutumn|kindNational, "中秋节、国庆节", moon, moon.AddDays(7))
	default:
		oneDay(kindMidAutumn, "中秋节", moon)
		add(kindNational, "国庆节", date(10, 1), date(10, 7))
	}
	slices.SortFunc(blocks, func(a, b HolidayBlock) int { return a.From.Compare(b.From) })
	return blocks, nil
}
