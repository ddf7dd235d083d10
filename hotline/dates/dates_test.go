package dates_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/calendar/feast"
	"github.com/tonggao/tonggao/hotline/dates"
)

// TestReadSession3 covers the readings added for the second held-out set:
// 下下周三 is two weeks on, 十一月 is a month (not 国庆), and 前一天 with
// no day named to count from is weak.
func TestReadSession3(t *testing.T) {
	r := newReader(t, dates.Words{
		Next: []string{"下", "下个"}, This: []string{"这"}, Week: []string{"周", "礼拜"},
		Weekdays: map[string]int{"三": 3}, Before: []string{"前一天"}, After: []string{"后第"},
	})
	today := calendar.MustDate(2024, 11, 6) // a Wednesday
	for _, tc := range []struct {
		text string
		want string
		weak bool
	}{
		{"下周三", "2024-11-13", false},
		{"下下周三", "2024-11-20", false},
		{"下下个礼拜三", "2024-11-20", false},
		{"十一月", "2024-11-06", false}, // this month named: the rest of it, from today
		{"十一", "2025-10-01", false},
		{"前一天", "2024-11-05", true},
		{"三天后", "2024-11-09", false},
	} {
		ms := r.Read(tc.text, today)
		require.Len(t, ms, 1, tc.text)
		require.Equal(t, tc.want, ms[0].Date.String(), tc.text)
		require.Equal(t, tc.weak, ms[0].Weak, tc.text)
		require.Equal(t, tc.text, tc.text[ms[0].Start:ms[0].End], tc.text)
	}
}

// TestCounts: a count of days, weeks or months from the day of the call
// (两个礼拜后, 再过一个星期, 三个月后) is a day; 过 after 超 or 经 counts a
// length, not a day; a month needs 个 (三月后 is after March).
func TestCounts(t *testing.T) {
	r := newReader(t, dates.Words{
		Days:       map[string]int{"半个月后": 15},
		CountUnits: map[string]int{"天": 1, "日": 1, "个礼拜": 7, "礼拜": 7, "个星期": 7, "星期": 7, "周": 7},
		MonthUnits: []string{"个月"}, CountNotAfter: []string{"超", "经"},
	})
	today := calendar.MustDate(2025, 1, 31)
	requireOneDay(t, r, today, []dayCase{
		{"三天后", "三天后", "2025-02-03"},
		{"两个礼拜后", "两个礼拜后", "2025-02-14"},
		{"一个星期以后", "一个星期以后", "2025-02-07"},
		{"两周后", "两周后", "2025-02-14"},
		{"再过一个礼拜", "过一个礼拜", "2025-02-07"},
		{"我过两天去", "过两天", "2025-02-02"},
		{"一个月后", "一个月后", "2025-02-28"}, // February has no 31st
		{"三个月以后", "三个月以后", "2025-04-30"},
		{"十三个月后", "十三个月后", "2026-02-28"},
		{"两个月前", "两个月前", "2024-11-30"},
		{"半个月后", "半个月后", "2025-02-15"},
		{"堆了超过三天", "", ""},
		{"经过两天", "", ""},
	})
}

// TestClocks: times of day are read with the part of the day said before
// them; 点 as "a little" or a decimal point is not a time.
func TestClocks(t *testing.T) {
	r := newReader(t, dates.Words{ClockParts: map[string][2]int{
		"下午": {12, 19}, "晚上": {17, 28}, "今晚": {17, 28}, "夜里": {20, 29}, "早上": {4, 11}, "中午": {11, 14}}})
	for _, tc := range []struct {
		text, words, time string
		nextDay           bool
	}{
		{"今晚11点放鞭炮", "今晚11点", "23:00", false},
		{"下午三点半烧田埂", "下午三点半", "15:30", false},
		{"早上7点一刻", "早上7点一刻", "07:15", false},
		{"10点20分上山", "10点20分", "10:20", false},
		{"九点钟", "九点钟", "09:00", false},
		{"中午12点", "中午12点", "12:00", false},
		{"晚上12点", "晚上12点", "00:00", true},
		{"夜里两点", "夜里两点", "02:00", true},
		{"22时", "22时", "22:00", false},
		{"烧一点纸", "", "", false},
		{"离山三点五公里", "", "", false},
		{"买两点东西", "", "", false},
		{"烧的时候", "", "", false},
	} {
		cs := r.Clocks(tc.text)
		if tc.words == "" {
			require.Empty(t, cs, tc.text)
			continue
		}
		require.Len(t, cs, 1, tc.text)
		require.Equal(t, tc.words, cs[0].Words, tc.text)
		require.Equal(t, tc.time, cs[0].String(), tc.text)
		require.Equal(t, tc.nextDay, cs[0].NextDay(), tc.text)
	}
}

// TestFeasts: other calendars' holidays are read by their rules — the next
// occurrence, today while one lasts, the year said, a span for several
// days or a start the evening before, 东正教 moving Easter.
func TestFeasts(t *testing.T) {
	cal, err := calendar.New()
	require.NoError(t, err)
	rule := func(s string, eve bool) feast.Rule {
		r, err := feast.Parse(s)
		require.NoError(t, err)
		r.Eve = eve
		return r
	}
	r, err := dates.New(cal, dates.Words{
		Feasts: map[string]dates.Feast{
			"复活节": {Rule: rule("easter", false)}, "复活节星期一": {Rule: rule("easter+1", false)},
			"逾越节": {Rule: rule("hebrew 15 nisan..+7", true), Note: "从前一天日落开始"},
			"赎罪日": {Rule: rule("hebrew 10 tishrei", true)}, "斋月": {Rule: rule("islamic 1 ramadan..islamic 1 shawwal-1", false)},
		},
		Orthodox: []string{"东正教"},
	})
	require.NoError(t, err)
	for _, tc := range []struct {
		text, today, date, end, note string
	}{
		{"复活节", "2013-02-12", "2013-03-31", "", ""},
		{"复活节", "2013-04-01", "2014-04-20", "", ""}, // passed: next year's
		{"东正教复活节星期一", "2013-02-12", "2013-05-06", "", ""},
		{"2018年逾越节", "2013-02-12", "2018-03-30", "2018-04-07", "从前一天日落开始"},
		{"逾越节", "2018-04-02", "2018-04-02", "2018-04-07", "从前一天日落开始"}, // while it lasts: now
		{"赎罪日", "2013-02-12", "2013-09-13", "2013-09-14", ""},
		{"斋月", "2026-01-01", "2026-02-18", "2026-03-19", ""},
	} {
		today, err := calendar.ParseDate(tc.today)
		require.NoError(t, err)
		var ms []dates.Mention
		for _, m := range r.Read(tc.text, today) {
			if !m.Weak {
				ms = append(ms, m)
			}
		}
		require.Len(t, ms, 1, tc.text)
		require.Equal(t, tc.text[len(tc.text)-len(ms[0].Words):], ms[0].Words, tc.text)
		require.Equal(t, tc.date, ms[0].Date.String(), tc.text)
		if tc.end == "" {
			require.Nil(t, ms[0].MonthEnd, tc.text)
		} else {
			require.NotNil(t, ms[0].MonthEnd, tc.text)
			require.Equal(t, tc.end, ms[0].MonthEnd.String(), tc.text)
		}
		require.Equal(t, tc.note, ms[0].Note, tc.text)
	}
}

// TestMonthSpansAndPast: 上旬/中旬/下旬 are spans of a month (11–20 for
// 中旬), answered as X月份 is; 过了 + a day without a year is the nearest
// occurrence of that day, so that a deadline missed days ago is this
// year's, not next year's.
func TestMonthSpansAndPast(t *testing.T) {
	r := newReader(t, dates.Words{
		Months:     map[string]int{"下个月": 1},
		MonthSpans: map[string][2]int{"上旬": {1, 10}, "中旬": {11, 20}, "下旬": {21, 0}},
		Past:       []string{"过了"},
	})
	for _, tc := range []struct {
		text, today, date, end string
	}{
		{"下个月中旬", "2024-11-06", "2024-12-11", "2024-12-20"},
		{"10月下旬", "2024-09-01", "2024-10-21", "2024-10-31"},
		{"2月下旬", "2024-01-05", "2024-02-21", "2024-02-29"},
		{"中旬", "2024-11-15", "2024-11-15", "2024-11-20"}, // inside it: from today
		{"中旬", "2024-11-25", "2024-12-11", "2024-12-20"}, // past: next month's
		{"上旬", "2024-11-06", "2024-11-06", "2024-11-10"},
		{"过了10月15号", "2024-10-20", "2024-10-20", ""}, // a deadline missed five days ago: the time after it is now
		{"过了10月15号", "2024-09-01", "2024-10-16", ""},
		{"过了10月15号", "2024-10-15", "2024-10-16", ""},
		{"过了1月15号", "2024-12-20", "2025-01-16", ""}, // the coming one is nearer
		{"过了15号", "2024-10-20", "2024-10-20", ""},
		{"过了15号", "2024-10-01", "2024-10-16", ""},
		{"10月15号", "2024-10-20", "2025-10-15", ""}, // without 过了: the next one
	} {
		readOne(t, r, tc.text, tc.today, tc.date, tc.end)
	}
}

// TestSameDayOfAnotherMonth: a word for today after a month or year word is
// that month's (year's) same day, not today — 下个月的今天 asked on 10月5日 is
// 11月5日; a day the month lacks is its last.
func TestSameDayOfAnotherMonth(t *testing.T) {
	r := newReader(t, dates.Words{
		Days:   map[string]int{"今天": 0, "今日": 0, "明天": 1},
		Months: map[string]int{"下个月": 1, "上个月": -1},
		Years:  map[string]int{"明年": 1, "今年": 0},
	})
	for _, tc := range []struct{ text, today, date string }{
		{"下个月的今天", "2024-10-05", "2024-11-05"},
		{"下个月今天", "2024-12-20", "2025-01-20"},
		{"下个月的今天", "2025-01-31", "2025-02-28"},
		{"明年的今天", "2024-10-05", "2025-10-05"},
		{"明年今日", "2024-02-29", "2025-02-28"},
	} {
		readOne(t, r, tc.text, tc.today, tc.date, "")
	}
}

// readOne reads text said on day today, requires one day read from all of
// it, on date, the span ending on end ("" for one day), and returns it.
func readOne(t *testing.T, r *dates.Reader, text, today, date, end string) dates.Mention {
	t.Helper()
	d, err := calendar.ParseDate(today)
	require.NoError(t, err)
	ms := r.Read(text, d)
	require.Len(t, ms, 1, text)
	require.Equal(t, text, ms[0].Words, text)
	require.Equal(t, date, ms[0].Date.String(), text+" at "+today)
	if end == "" {
		require.Nil(t, ms[0].MonthEnd, text)
	} else {
		require.NotNil(t, ms[0].MonthEnd, text)
		require.Equal(t, end, ms[0].MonthEnd.String(), text+" at "+today)
	}
	return ms[0]
}

// TestWeeksAndBareLunarDays: a week said without a day (下个礼拜) is a span
// from its Monday (or today, for this week) to its Sunday; a lunar day said
// alone (初二) is the next day of that number in the lunar calendar; 过了X号
// is marked Past, so that a day said after it wins.
func TestWeeksAndBareLunarDays(t *testing.T) {
	r := newReader(t, dates.Words{
		Next: []string{"下", "下个"}, This: []string{"这", "这个"}, Last: []string{"上", "上个"},
		Week: []string{"周", "礼拜", "星期"}, Weekdays: map[string]int{"三": 3, "天": 7, "末": 6},
		Past: []string{"过了"},
	})
	for _, tc := range []struct {
		text, today, date, end string
		past                   bool
	}{
		{"下个礼拜", "2024-12-18", "2024-12-23", "2024-12-29", false}, // a Wednesday: next Monday to Sunday
		{"下下周", "2024-12-18", "2024-12-30", "2025-01-05", false},
		{"这个星期", "2024-12-18", "2024-12-18", "2024-12-22", false}, // this week: from today
		{"上周", "2024-12-18", "2024-12-09", "2024-12-15", false},
		{"下礼拜三", "2024-12-18", "2024-12-25", "", false}, // a weekday said: one day
		{"初二", "2025-01-20", "2025-01-30", "", false},   // 腊月廿一: 正月初二
		{"初八", "2025-02-05", "2025-02-05", "", false},   // today is 正月初八
		{"初十那天", "2024-10-01", "2024-10-12", "", false}, // 八月廿九: 九月初十
		{"过了15号", "2024-10-01", "2024-10-16", "", true},
	} {
		m := readOne(t, r, tc.text, tc.today, tc.date, tc.end)
		require.Equal(t, tc.past, m.Past, tc.text)
	}
	// 周边 is no week
	for _, text := range []string{"这周边", "市场周边"} {
		require.Empty(t, r.Read(text, calendar.MustDate(2024, 12, 18)), text)
	}
}

// TestSolarTermsAndDottedDays: a solar term names its day when a word of
// TermAfter, a pause or the end follows it, never inside a longer word
// (寒露籽 is a variety, 下大雪 snow); 以后 after this year's day means
// now. A month and day said with a dot are a day unless a unit follows.
func TestSolarTermsAndDottedDays(t *testing.T) {
	r := newReader(t, dates.Words{TermAfter: []string{"那天", "以后", "前后", "后"}, AfterDay: []string{"以后"},
		Since: []string{"以后", "后"}, After: []string{"后第"}, DotNotBefore: []string{"米", "公"}})
	today := calendar.MustDate(2024, 10, 1)
	requireOneDay(t, r, today, []dayCase{
		{"寒露那天开摘", "寒露", "2024-10-08"},
		{"茶籽 霜降 摘得不", "霜降", "2024-10-23"},
		{"霜降", "霜降", "2024-10-23"},
		{"立夏那天烧纸", "立夏", "2025-05-05"},
		{"秋分以后", "秋分", "2024-10-01"}, // 秋分 was 9月22日: after it is now
		{"秋分后烧田埂", "秋分", "2024-10-01"},
		{"秋分后第三天", "秋分后第三天", "2025-09-26"}, // a count from the day, not now
		{"寒露籽好摘了", "", ""},
		{"下大雪了", "", ""},
		{"10.23能摘不", "10.23", "2024-10-23"},
		{"11.23号克山上", "11.23号", "2024-11-23"},
		{"离山1.5公里", "", ""},
		{"离山2.50米", "", ""},
		{"2024.10.23", "2024.10.23", "2024-10-23"},
	})
}

// TestDaysRoundASolarTerm: 霜降前后 is the days round the term, answered for
// the day before it, so that a start on the term's day (霜降籽 from 10月23日)
// is not answered for them all; 霜降前 alone stays the day before.
func TestDaysRoundASolarTerm(t *testing.T) {
	r := newReader(t, dates.Words{TermAfter: []string{"那天", "前后", "左右", "前"}, BeforeDay: []string{"前"},
		AroundTerm: []string{"前后", "左右"}})
	today := calendar.MustDate(2024, 10, 15)
	requireOneDay(t, r, today, []dayCase{
		{"霜降前后摘自家的霜降籽", "霜降前后", "2024-10-22"},
		{"霜降左右摘", "霜降左右", "2024-10-22"},
		{"霜降前摘", "霜降前", "2024-10-22"},
		{"霜降那天摘", "霜降", "2024-10-23"},
	})
}

// TestNotAYear: 年前年后 holds 前年 without naming it: no day two years ago.
func TestNotAYear(t *testing.T) {
	r := newReader(t, dates.Words{Years: map[string]int{"前年": -2, "今年": 0}, NotYears: []string{"年前年后"}})
	today := calendar.MustDate(2025, 1, 10)
	for _, tc := range []struct {
		text   string
		twoAgo bool // a day of 2023 read
	}{
		{"年前年后烧草木灰", false},
		{"前年烧草木灰", true},
	} {
		got := false
		for _, m := range r.Read(tc.text, today) {
			got = got || m.Date.Year() == 2023
		}
		require.Equal(t, tc.twoAgo, got, tc.text)
	}
}

// TestDaysCountedFromAPastDay: N days after a solar term, a festival or a
// lunar day already past this year are counted from this year's when the
// day counted is today or later (立冬后第六天 said on its fifth day), and a
// day's 前一天 may be joined to it by 的 (大年初一的前一天 is 除夕).
func TestDaysCountedFromAPastDay(t *testing.T) {
	cal, err := calendar.New()
	require.NoError(t, err)
	r, err := dates.New(cal, dates.Words{After: []string{"后第"}, Before: []string{"前一天"}, BeforeDays: []string{"前"},
		TermAfter: []string{"后", "前"}})
	require.NoError(t, err)
	for _, tc := range []struct {
		today string
		cases []dayCase
	}{
		{"2024-11-12", []dayCase{
			{"立冬后第六天烧火土灰", "立冬后第六天", "2024-11-13"}, // 立冬 2024-11-07
			{"立冬后第三天", "立冬后第三天", "2025-11-10"},     // 2024's third day is past
		}},
		{"2024-10-28", []dayCase{{"霜降后第五天摘", "霜降后第五天", "2024-10-28"}}}, // today itself
		{"2025-06-16", []dayCase{
			{"端午节后第十六天", "端午节后第十六天", "2025-06-18"}, // after the holiday's last day, 6月2日
			{"端午节后第一天", "端午节后第一天", "2026-06-22"},
		}},
		{"2025-01-20", []dayCase{
			{"大年初一的前一天放鞭炮", "大年初一的前一天", "2025-01-28"},
			{"国庆节的前一天", "国庆节的前一天", "2025-09-30"},
			{"腊月二十三后第二天", "腊月二十三后第二天", "2025-01-24"},
		}},
	} {
		today, err := calendar.ParseDate(tc.today)
		require.NoError(t, err)
		requireOneDay(t, r, today, tc.cases)
	}
}

// dayCase is a text, the words of the one day it names and that day
// (both "" when it names none).
type dayCase struct{ text, words, want string }

// requireOneDay reads each case's text and requires the one day it names,
// said by its words, or none.
func requireOneDay(t *testing.T, r *dates.Reader, today calendar.Date, cases []dayCase) {
	t.Helper()
	for _, tc := range cases {
		ms := r.Read(tc.text, today)
		if tc.want == "" {
			require.Empty(t, ms, tc.text)
			continue
		}
		require.Len(t, ms, 1, tc.text)
		require.Equal(t, tc.want, ms[0].Date.String(), tc.text)
		require.Equal(t, tc.words, tc.text[ms[0].Start:ms[0].End], tc.text)
	}
}

// TestBareHoliday: 节后, 节后第N天, 收假以后, 节前 said with no festival
// named are the public holiday the call is in or near (HolidayNear days of
// its first or last day); with none near they name no day (Bad, Unplaced),
// never the day of the call. A festival named is read first.
func TestBareHoliday(t *testing.T) {
	cal, err := calendar.New()
	require.NoError(t, err)
	r, err := dates.New(cal, dates.Words{After: []string{"后第"}, Before: []string{"前一天"},
		HolidayAfter: []string{"节后", "收假以后", "过完节"}, HolidayBefore: []string{"节前"}, HolidayNear: 7})
	require.NoError(t, err)
	for _, tc := range []struct {
		today, text, words, want string
		unplaced                 bool
	}{
		{"2024-10-05", "节后第三天能烧田埂吗", "节后第三天", "2024-10-10", false}, // 国庆 2024: 10-01 to 10-07
		{"2024-10-05", "收假以后烧", "收假以后", "2024-10-08", false},
		{"2024-10-09", "节后第三天", "节后第三天", "2024-10-10", false}, // two days after it ended
		{"2024-09-27", "节后第一天", "节后第一天", "2024-10-08", false}, // four days before it begins
		{"2025-01-30", "过完节再交", "过完节", "2025-02-05", false},   // 春节 2025: 01-28 to 02-04
		{"2025-03-31", "节前去烧纸", "节前", "2025-04-03", false},    // 清明 2025: 04-04 to 04-06
		{"2025-06-20", "节后第三天", "节后第三天", "", true},            // 端午 ended on 06-02
		{"2025-04-05", "节前", "节前", "2025-04-03", false},       // in the holiday: the day before it, as 节后 is after it
		{"2024-10-09", "节前", "节前", "2024-09-30", false},       // two days after it ended: that holiday's eve
		{"2024-10-05", "国庆节后第三天", "国庆节后第三天", "2024-10-10", false},
	} {
		today, err := calendar.ParseDate(tc.today)
		require.NoError(t, err)
		ms := r.Read(tc.text, today)
		require.Len(t, ms, 1, tc.text)
		require.Equal(t, tc.words, tc.text[ms[0].Start:ms[0].End], tc.text)
		require.Equal(t, tc.unplaced, ms[0].Unplaced, tc.text)
		require.Equal(t, tc.unplaced, ms[0].Bad, tc.text)
		if !tc.unplaced {
			require.Equal(t, tc.want, ms[0].Date.String(), tc.text)
		}
	}
}

// TestFixedDayInItsHoliday: a fixed day of the year (五一, 劳动节) said
// while the statutory holiday it begins still runs is today, as a
// festival's name is; counted from (五一后第三天), it is this year's day
// while the count is still ahead, and next year's once it has gone by.
func TestFixedDayInItsHoliday(t *testing.T) {
	cal, err := calendar.New()
	require.NoError(t, err)
	r, err := dates.New(cal, dates.Words{After: []string{"后第"}, Before: []string{"前一天"},
		Gregorian: map[string]string{"五一": "05-01", "劳动节": "05-01"}})
	require.NoError(t, err)
	for _, tc := range []struct{ today, text, words, want string }{
		{"2025-05-03", "五一在山上烧烤行不行", "五一", "2025-05-03"}, // 劳动节 2025: 05-01 to 05-05
		{"2025-05-05", "五一假期", "五一", "2025-05-05"},
		{"2025-05-01", "劳动节", "劳动节", "2025-05-01"},
		{"2025-04-28", "五一", "五一", "2025-05-01"},
		{"2025-05-08", "五一", "五一", "2026-05-01"}, // the holiday is over
		{"2025-05-03", "五一后第三天", "五一后第三天", "2025-05-04"},
		{"2025-05-08", "五一后第三天", "五一后第三天", "2026-05-04"},
	} {
		today, err := calendar.ParseDate(tc.today)
		require.NoError(t, err)
		ms := r.Read(tc.text, today)
		require.Len(t, ms, 1, tc.text)
		require.Equal(t, tc.words, tc.text[ms[0].Start:ms[0].End], tc.text)
		require.Equal(t, tc.want, ms[0].Date.String(), tc.text+" said on "+tc.today)
	}
}

// TestYearAndMonth: a year said before a month with no day (2024年12月) is
// that year's month, from its first day, whether past or to come; a run of
// five digits is no year.
func TestYearAndMonth(t *testing.T) {
	r := newReader(t, dates.Words{})
	today := calendar.MustDate(2025, 2, 10)
	requireOneDay(t, r, today, []dayCase{
		{"2024年12月", "2024年12月", "2024-12-01"},
		{"弟2024年12月交了", "2024年12月", "2024-12-01"},
		{"2026年3月", "2026年3月", "2026-03-01"},
		{"二〇二五年三月", "二〇二五年三月", "2025-03-01"},
		{"2024年 12月份", "2024年 12月份", "2024-12-01"},
		{"12024年12月", "12月", "2025-12-01"},
	})
}

// TestOneDaySaidTwice: two days said with only a pause between, read ahead
// as two days, are one day in the year both hold when that is the nearer
// (中秋前两天，9月15号 said on 9月20日 is this year's, gone by).
func TestOneDaySaidTwice(t *testing.T) {
	cal, err := calendar.New()
	require.NoError(t, err)
	r, err := dates.New(cal, dates.Words{BeforeDays: []string{"前"}, CountUnits: map[string]int{"天": 1}})
	require.NoError(t, err)
	for _, tc := range []struct {
		text, today string
		want        []string
	}{
		{"中秋前两天，9月15号，在城区路边", "2024-09-20", []string{"2024-09-15", "2024-09-15"}},
		{"中秋前两天，9月15号", "2024-09-01", []string{"2024-09-15", "2024-09-15"}},
		// the ones gone by agree, the next ones are nearer: each as read
		{"9月8号，白露", "2024-09-05", []string{"2024-09-08", "2024-09-07"}},
		// two days apart: a list, not one day
		{"9月14号，9月15号", "2024-09-20", []string{"2025-09-14", "2025-09-15"}},
	} {
		d, err := calendar.ParseDate(tc.today)
		require.NoError(t, err)
		ms := r.Read(tc.text, d)
		var got []string
		for _, m := range ms {
			got = append(got, m.Date.String())
		}
		require.Equal(t, tc.want, got, tc.text)
	}
}

// TestNextYearOfALunarDay: 明年 said of a lunar day between 1 January and
// 春节 counts lunar years — the coming 正月 opens the next lunar year — while
// a day of this lunar year (除夕), a solar term and 2027年 written stay the
// Gregorian year's.
func TestNextYearOfALunarDay(t *testing.T) {
	cal, err := calendar.New()
	require.NoError(t, err)
	r, err := dates.New(cal, dates.Words{Years: map[string]int{"明年": 1, "今年": 0}})
	require.NoError(t, err)
	for _, tc := range []struct{ text, today, date string }{
		{"明年正月十五", "2026-01-20", "2026-03-03"},
		{"明年元宵", "2026-01-20", "2026-03-03"},
		{"明年正月十五", "2026-03-20", "2027-02-20"}, // after 春节: a year on
		{"明年除夕", "2025-12-20", "2026-02-16"},
		{"明年除夕", "2026-01-20", "2027-02-05"},
		{"明年清明", "2026-01-20", "2027-04-05"},
		{"2027年正月十五", "2026-01-20", "2027-02-20"},
	} {
		d, err := calendar.ParseDate(tc.today)
		require.NoError(t, err)
		var got []string
		for _, m := range r.Read(tc.text, d) {
			if !m.Weak {
				got = append(got, m.Date.String())
			}
		}
		require.Equal(t, []string{tc.date}, got, tc.text+" at "+tc.today)
	}
}

// newReader is a day reader over the embedded calendar with words w.
func newReader(t *testing.T, w dates.Words) *dates.Reader {
	t.Helper()
	cal, err := calendar.New()
	require.NoError(t, err)
	r, err := dates.New(cal, w)
	require.NoError(t, err)
	return r
}

// TestYearsEndWithItsYearWord: the year's end said with its year word
// (去年底, 今年年底) is that year's 31 December and sets no year for a
// month said after it (我儿子去年底退伍回来，4月份去交 is this April); a
// past one is the story's time, weak beside any other day.
func TestYearsEndWithItsYearWord(t *testing.T) {
	r := newReader(t, dates.Words{Years: map[string]int{"去年": -1, "今年": 0}, YearParts: map[string]int{"年底": 0}})
	today := calendar.MustDate(2025, 4, 8)
	for _, tc := range []struct {
		text  string
		words []string
		want  []string
		weak  []bool
	}{
		{"去年底退伍回来，4月份去交", []string{"去年底", "4月份"}, []string{"2024-12-31", "2025-04-08"}, []bool{true, false}},
		{"去年年底", []string{"去年年底"}, []string{"2024-12-31"}, []bool{true}},
		{"今年底之前交", []string{"今年底"}, []string{"2025-12-31"}, []bool{false}},
	} {
		ms := r.Read(tc.text, today)
		require.Len(t, ms, len(tc.want), tc.text)
		for k, m := range ms {
			require.Equal(t, tc.words[k], tc.text[m.Start:m.End], tc.text)
			require.Equal(t, tc.want[k], m.Date.String(), tc.text)
			require.Equal(t, tc.weak[k], m.Weak, tc.text)
		}
	}
}

// TestListedDays: days said one after another, joined only by a word of
// DayList (这个礼拜天和下个礼拜一、礼拜二), are one span from the first to
// the last (Note "days"), answered as a week is; days a season apart (10月
// 1号和12月31号) or said with another word between stay apart.
func TestListedDays(t *testing.T) {
	r := newReader(t, dates.Words{
		Next: []string{"下", "下个"}, This: []string{"这", "这个"}, Last: []string{"上", "上个"},
		Week: []string{"周", "礼拜", "星期"}, Weekdays: map[string]int{"一": 1, "二": 2, "五": 5, "六": 6, "天": 7},
		DayList: []string{"和", "跟", "、"},
	})
	for _, tc := range []struct{ text, today, date, end string }{
		{"这个礼拜天和下个礼拜一、礼拜二", "2024-10-03", "2024-10-06", "2024-10-08"}, // a Thursday
		{"这个礼拜五和礼拜六", "2024-09-19", "2024-09-20", "2024-09-21"},
		{"8月31号跟9月1号", "2025-08-27", "2025-08-31", "2025-09-01"},
	} {
		m := readOne(t, r, tc.text, tc.today, tc.date, tc.end)
		require.Equal(t, "days", m.Note, tc.text)
	}
	today := calendar.MustDate(2024, 9, 19)
	for _, text := range []string{"10月1号和12月31号", "这个礼拜五烧纸和礼拜六"} {
		require.Len(t, r.Read(text, today), 2, text)
	}
}
