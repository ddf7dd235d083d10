package calendar

import (
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

func newCal(t testing.TB) *Calendar {
	t.Helper()
	c, err := New()
	require.NoError(t, err)
	return c
}

func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestGazetteFacts checks the dates printed in the gazette (祁阳市人民政府公报
// 2024年第3期).
func TestGazetteFacts(t *testing.T) {
	c := newCal(t)
	for _, tc := range []struct {
		term, date, lunar string
	}{
		{"寒露", "2024-10-08", "九月初六"},
		{"霜降", "2024-10-23", "九月二十一"},
	} {
		d, err := c.SolarTerm(tc.term, 2024)
		require.NoError(t, err)
		require.Equal(t, tc.date, d.String())
		want, err := ParseLunarDate(tc.lunar)
		require.NoError(t, err)
		want.Year = 2024
		got, err := c.Lunar(d)
		require.NoError(t, err)
		require.Equal(t, want, got)
		back, err := c.FromLunar(got)
		require.NoError(t, err)
		require.Equal(t, d, back)
	}
}

func TestParseLunarDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want LunarDate
		text string
	}{
		{"九月初六", LunarDate{Month: 9, Day: 6}, "九月初六"},
		{"九月廿一", LunarDate{Month: 9, Day: 21}, "九月廿一"},
		{"九月二十一", LunarDate{Month: 9, Day: 21}, "九月廿一"},
		{"九月二十", LunarDate{Month: 9, Day: 20}, "九月二十"},
		{"闰四月初一", LunarDate{Month: 4, Day: 1, Leap: true}, "闰四月初一"},
		{"閏五月十五", LunarDate{Month: 5, Day: 15, Leap: true}, "闰五月十五"},
		{"腊月三十", LunarDate{Month: 12, Day: 30}, "腊月三十"},
		{"臘月初八", LunarDate{Month: 12, Day: 8}, "腊月初八"},
		{"十二月廿九", LunarDate{Month: 12, Day: 29}, "腊月廿九"},
		{"冬月初一", LunarDate{Month: 11, Day: 1}, "冬月初一"},
		{"十一月十一", LunarDate{Month: 11, Day: 11}, "冬月十一"},
		{"正月十五", LunarDate{Month: 1, Day: 15}, "正月十五"},
		{"一月初十", LunarDate{Month: 1, Day: 10}, "正月初十"},
		{"除夕", LunarDate{Month: 12, Day: LastDay}, "除夕"},
		{"09-06", LunarDate{Month: 9, Day: 6}, "九月初六"},
		{"L04-01", LunarDate{Month: 4, Day: 1, Leap: true}, "闰四月初一"},
		{" 9-6 ", LunarDate{Month: 9, Day: 6}, "九月初六"},
	} {
		got, err := ParseLunarDate(tc.in)
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, got, tc.in)
		require.Equal(t, tc.text, got.String(), tc.in)
		again, err := ParseLunarDate(got.String())
		require.NoError(t, err)
		require.Equal(t, got, again)
	}
	for _, bad := range []string{"", "九月", "九月初十一", "九月三十一", "十三月初一", "九月初〇", "九月十", "月初一", "九初六", "13-01", "09-31", "09-00", "L", "0x-01", "+9-6", "9--6", "闰", "九月一"} {
		_, err := ParseLunarDate(bad)
		require.Error(t, err, bad)
	}
}

func TestLunarConversion(t *testing.T) {
	c := newCal(t)
	for _, tc := range []struct {
		date string
		want LunarDate
	}{
		{"2024-10-08", LunarDate{2024, 9, 6, false}},
		{"2024-01-15", LunarDate{2023, 12, 5, false}},  // before 春节: still lunar 2023
		{"2023-03-22", LunarDate{2023, 2, 1, true}},    // 闰二月初一
		{"2025-01-28", LunarDate{2024, 12, 29, false}}, // 除夕 on the 29th
		{"2024-02-09", LunarDate{2023, 12, 30, false}}, // 除夕 on the 30th
		{"1901-01-01", LunarDate{1900, 11, 11, false}},
		{"2100-12-31", LunarDate{2100, 12, 1, false}},
		{"2033-12-22", LunarDate{2033, 11, 1, true}}, // the 2033 problem: 闰十一月
	} {
		got, err := c.Lunar(day(tc.date))
		require.NoError(t, err, tc.date)
		require.Equal(t, tc.want, got, tc.date)
		back, err := c.FromLunar(got)
		require.NoError(t, err)
		require.Equal(t, tc.date, back.String())
	}

	d, err := c.FromLunar(LunarDate{Year: 2024, Month: 12, Day: LastDay})
	require.NoError(t, err)
	require.Equal(t, "2025-01-28", d.String())

	for _, tc := range []struct {
		l    LunarDate
		want string
	}{
		{LunarDate{2024, 12, 30, false}, "has 29 days"},
		{LunarDate{2024, 4, 1, true}, "no leap month 4"},
		{LunarDate{2024, 13, 1, false}, "month 13"},
		{LunarDate{2024, 9, 0, false}, "has 29 days"},
		{LunarDate{1850, 1, 1, false}, "1901..2100"},
		{LunarDate{9999, 1, 1, false}, "1901..2100"},
		{LunarDate{2100, 12, 2, false}, "1901..2100"}, // 2101-01-01
	} {
		_, err := c.FromLunar(tc.l)
		require.ErrorContains(t, err, tc.want, "%+v", tc.l)
	}

	for _, s := range []string{"0001-01-01", "1900-12-31", "2101-01-01", "9999-12-31"} {
		_, err := c.Lunar(day(s))
		require.ErrorIs(t, err, ErrLunarRange, s)
		require.ErrorContains(t, err, "1901..2100")
	}
	_, err = c.Lunar(FromOrdinal(-5))
	require.ErrorIs(t, err, ErrRange)
}

func TestLunarInYear(t *testing.T) {
	c := newCal(t)
	for _, tc := range []struct {
		lunar string
		year  int
		want  []string
	}{
		{"九月初六", 2024, []string{"2024-10-08"}},
		{"冬月初一", 2025, []string{"2025-12-20"}},
		{"腊月初八", 2022, []string{"2022-01-10", "2022-12-30"}}, // twice in one Gregorian year
		{"冬月十五", 2026, []string{"2026-01-03", "2026-12-23"}},
		{"冬月十五", 2025, nil}, // lunar 2024's fell in 2024, lunar 2025's falls in 2026
		{"腊月三十", 2025, nil}, // 腊月 of lunar 2024 has 29 days
		{"腊月三十", 2024, []string{"2024-02-09"}},
		{"闰四月初一", 2024, nil},
		{"闰六月初一", 2025, []string{"2025-07-25"}},
	} {
		l, err := ParseLunarDate(tc.lunar)
		require.NoError(t, err)
		got, err := c.LunarInYear(l, tc.year)
		require.NoError(t, err)
		var gs []string
		for _, d := range got {
			gs = append(gs, d.String())
		}
		require.Equal(t, tc.want, gs, "%s %d", tc.lunar, tc.year)
	}
	_, err := c.LunarInYear(LunarDate{Month: 1, Day: 1}, 1900)
	require.ErrorIs(t, err, ErrLunarRange)
}

func TestSolarTerms(t *testing.T) {
	c := newCal(t)
	ts, err := c.SolarTerms(2026)
	require.NoError(t, err)
	require.Len(t, ts, 24)
	require.Equal(t, SolarTerm{"小寒", "Xiaohan", day("2026-01-05")}, ts[0])
	require.Equal(t, "Qingming", ts[6].Pinyin)
	require.Equal(t, "2026-04-05", ts[6].Date.String())
	require.Equal(t, "冬至", ts[23].Name)
	for i := 1; i < len(ts); i++ {
		require.True(t, ts[i-1].Date.Before(ts[i].Date))
	}
	for _, name := range []string{"清明", "Qingming", "qingming", "清明节"} {
		d, err := c.SolarTerm(name, 2026)
		require.NoError(t, err)
		require.Equal(t, "2026-04-05", d.String())
	}
	for _, tc := range []struct{ name, date string }{{"驚蟄", "2024-03-05"}, {"穀雨", "2024-04-19"}, {"處暑", "2024-08-22"}, {"Shuangjiang", "2024-10-23"}, {"Hanlu", "2024-10-08"}} {
		d, err := c.SolarTerm(tc.name, 2024)
		require.NoError(t, err)
		require.Equal(t, tc.date, d.String(), tc.name)
	}
	_, err = c.SolarTerm("清民", 2026)
	require.ErrorContains(t, err, `unknown solar term "清民" (did you mean 清明?)`)
	_, err = c.SolarTerm("清明", 2101)
	require.ErrorIs(t, err, ErrLunarRange)
	_, err = c.SolarTerms(0)
	require.ErrorIs(t, err, ErrLunarRange)

	st, ok := c.SolarTermOn(day("2024-10-08"))
	require.True(t, ok)
	require.Equal(t, "寒露", st.Name)
	_, ok = c.SolarTermOn(day("2024-10-09"))
	require.False(t, ok)
	_, ok = c.SolarTermOn(day("1800-01-06"))
	require.False(t, ok)
	require.Len(t, TermNames(), 24)
}

func TestFestivals(t *testing.T) {
	c := newCal(t)
	for _, tc := range []struct {
		name string
		year int
		want string
	}{
		{"元旦", 2024, "2024-01-01"},
		{"除夕", 2024, "2024-02-09"}, // 腊月三十
		{"除夕", 2025, "2025-01-28"}, // 腊月廿九
		{"春节", 2025, "2025-01-29"},
		{"春節", 2025, "2025-01-29"},
		{"元宵", 2025, "2025-02-12"},
		{"清明", 2026, "2026-04-05"},
		{"端午", 2024, "2024-06-10"},
		{"中秋节", 2024, "2024-09-17"},
		{"中秋", 2025, "2025-10-06"},
		{"国庆", 2024, "2024-10-01"},
		{"国庆节", 2024, "2024-10-01"},
		{"重阳", 2024, "2024-10-11"},
		{"冬至", 2024, "2024-12-21"},
		{"除夕", 1901, "1901-02-18"},
	} {
		d, err := c.Festival(tc.name, tc.year)
		require.NoError(t, err, tc.name)
		require.Equal(t, tc.want, d.String(), "%s %d", tc.name, tc.year)
	}
	_, err := c.Festival("中秋结", 2024)
	require.ErrorContains(t, err, "did you mean 中秋?")
	_, err = c.Festival("春节", 1900)
	require.ErrorIs(t, err, ErrLunarRange)
	require.Equal(t, []string{"除夕"}, c.FestivalsOn(day("2025-01-28")))
	require.Equal(t, []string{"清明"}, c.FestivalsOn(day("2026-04-05")))
	require.Equal(t, []string{}, c.FestivalsOn(day("2024-10-08")))
	require.Equal(t, []string{}, c.FestivalsOn(day("0001-01-01")))
	require.Contains(t, FestivalNames(), "元宵")
}

func TestHolidays(t *testing.T) {
	c := newCal(t)
	for _, tc := range []struct {
		date string
		want HolidayDay
		ok   bool
	}{
		{"2024-10-01", HolidayDay{"国庆节", true, false}, true},
		{"2024-10-08", HolidayDay{}, false},
		{"2024-10-12", HolidayDay{"国庆节", false, false}, true},
		{"2024-09-29", HolidayDay{"国庆节", false, false}, true},
		{"2024-06-08", HolidayDay{"端午节", true, false}, true}, // the joined weekend
		{"2025-10-08", HolidayDay{"国庆节、中秋节", true, false}, true},
		{"2023-12-30", HolidayDay{"元旦", true, false}, true}, // 2024's notice
		{"2007-05-01", HolidayDay{"劳动节", true, false}, true},
		{"2007-10-01", HolidayDay{"国庆节", true, false}, true},
		{"2027-10-01", HolidayDay{"国庆节", true, true}, true},
		{"2027-02-05", HolidayDay{"春节", true, true}, true}, // 除夕
		{"2027-02-12", HolidayDay{"春节", true, true}, true}, // 正月初七
		{"2027-02-13", HolidayDay{}, false},                // 初八: a Saturday, not part of the block
		{"2028-01-23", HolidayDay{}, false},                // the Sunday before a Tuesday 除夕
		{"2029-02-10", HolidayDay{}, false},                // the Saturday before a Monday 除夕
		{"2029-02-11", HolidayDay{"春节", true, true}, true}, // the Sunday before it joins
		{"2029-02-19", HolidayDay{"春节", true, true}, true}, // 初七
		{"2029-02-20", HolidayDay{}, false},
		{"2006-10-01", HolidayDay{}, false},
		{"9999-12-31", HolidayDay{}, false},
	} {
		got, ok := c.Holiday(day(tc.date))
		require.Equal(t, tc.ok, ok, tc.date)
		require.Equal(t, tc.want, got, tc.date)
	}

	for _, name := range []string{"国庆", "国庆节", "国庆假期", "十一", "國慶"} {
		b, err := c.HolidayPeriod(name, 2025)
		require.NoError(t, err, name)
		require.Equal(t, "国庆节、中秋节", b.Name)
		require.Equal(t, "2025-10-01", b.From.String())
		require.Equal(t, "2025-10-08", b.To.String())
		require.Equal(t, []Date{day("2025-09-28"), day("2025-10-11")}, b.Work)
	}
	for _, tc := range []struct{ name, from, to string }{
		{"五一", "2024-05-01", "2024-05-05"},
		{"劳动节", "2024-05-01", "2024-05-05"},
		{"清明节", "2024-04-04", "2024-04-06"},
		{"春节", "2024-02-10", "2024-02-17"},
		{"元旦", "2023-12-30", "2024-01-01"},
		{"中秋", "2024-09-15", "2024-09-17"},
		{"端午", "2024-06-08", "2024-06-10"},
		{"清明", "2014-04-05", "2014-04-07"},
	} {
		y := day(tc.to).Year()
		b, err := c.HolidayPeriod(tc.name, y)
		require.NoError(t, err, tc.name)
		require.Equal(t, tc.from+".."+tc.to, b.From.String()+".."+b.To.String(), tc.name)
	}
	_, err := c.HolidayPeriod("国庆后", 2024)
	require.ErrorContains(t, err, "unknown holiday")
	_, err = c.HolidayPeriod("国疫", 2024)
	require.ErrorContains(t, err, "did you mean")
	_, err = c.HolidayPeriod("国庆", 2006)
	require.ErrorContains(t, err, "no arrangement")
	_, err = c.HolidayPeriod("国庆", 2200)
	require.ErrorIs(t, err, ErrLunarRange)

	bs, err := c.HolidayBlocks(2015)
	require.NoError(t, err)
	require.Len(t, bs, 8) // with the one-off 抗日战争…纪念日 block
}

// TestProjectionRuleOnPublishedYears holds the projection rule to every
// published arrangement 2007–2026: per festival, the years whose published
// block (days off, and make-up days for one-day festivals) the rule
// reproduces must be exactly those the documentation claims among the
// years it claims them for, and it shows the projected 2027.
func TestProjectionRuleOnPublishedYears(t *testing.T) {
	c := newCal(t)
	kinds := []holidayKinds{kindNewYear, kindSpring, kindQingming, kindLabour, kindDragonBoat, kindMidAutumn, kindNational}
	reproduced := map[holidayKinds][]int{}
	for y := 2007; y <= 2026; y++ {
		tab, err := c.year(y)
		require.NoError(t, err)
		proj, err := projectHolidays(y, tab)
		require.NoError(t, err)
		for _, k := range kinds {
			i := slices.IndexFunc(proj, func(b HolidayBlock) bool { return b.kinds&k != 0 })
			require.GreaterOrEqual(t, i, 0)
			p := proj[i]
			b, ok, err := c.holidayPeriod(k, y)
			require.NoError(t, err)
			if !ok {
				continue // 清明, 端午 and 中秋 became holidays in 2008
			}
			same := b.From == p.From && b.To == p.To
			if p.kinds&(kindSpring|kindLabour|kindNational) == 0 {
				same = same && slices.Equal(b.Work, p.Work) // make-up days are projected only for these
			}
			if same {
				reproduced[k] = append(reproduced[k], y)
			}
		}
	}
	since := func(ys []int, from int) []int {
		return slices.DeleteFunc(slices.Clone(ys), func(y int) bool { return y < from })
	}
	years := func(from, to int) []int {
		var out []int
		for y := from; y <= to; y++ {
			out = append(out, y)
		}
		return out
	}
	// One-day festivals and 国庆节: every year 2020–2026.
	for _, k := range []holidayKinds{kindNewYear, kindQingming, kindDragonBoat, kindMidAutumn, kindNational} {
		require.Equal(t, years(2020, 2026), since(reproduced[k], 2020), "kind %v", k)
	}
	// 劳动节: 2022 (04-30..05-04) and 2023 (04-29..05-03) were arranged otherwise.
	require.Equal(t, []int{2020, 2021, 2024, 2025, 2026}, since(reproduced[kindLabour], 2020))
	// 春节: exactly the two years published under the revised regulations
	// (2025 除夕..初七; 2026 from the Sunday before a Monday 除夕); none of
	// 2007–2024 (除夕..初六, 初一..初七 in 2014, 初一..初八 in 2024).
	require.Equal(t, []int{2025, 2026}, reproduced[kindSpring])

	bs, err := c.HolidayBlocks(2027)
	require.NoError(t, err)
	var got []string
	for _, b := range bs {
		require.True(t, b.Projected)
		got = append(got, b.Name+" "+b.From.String()+".."+b.To.String())
	}
	require.Equal(t, []string{
		"元旦 2027-01-01..2027-01-03",
		"春节 2027-02-05..2027-02-12",
		"清明节 2027-04-03..2027-04-05",
		"劳动节 2027-05-01..2027-05-05",
		"端午节 2027-06-09..2027-06-09",
		"中秋节 2027-09-15..2027-09-15",
		"国庆节 2027-10-01..2027-10-07",
	}, got)
}

func TestLoadHolidaysErrors(t *testing.T) {
	for _, tc := range []struct {
		name, json, want string
	}{
		{"bad json", `{`, "unexpected end"},
		{"wrong year", `{"year": 2023, "days": []}`, "file says year 2023"},
		{"bad date", `{"year": 2024, "days": [{"name": "x", "date": "2024-13-01", "isOffDay": true}]}`, "month 13"},
		{"no flag", `{"year": 2024, "days": [{"name": "x", "date": "2024-10-01"}]}`, "missing isOffDay"},
		{"twice", `{"year": 2024, "days": [{"name": "x", "date": "2024-10-01", "isOffDay": true}, {"name": "y", "date": "2024-10-01", "isOffDay": true}]}`, "listed twice"},
		{"far", `{"year": 2024, "days": [{"name": "x", "date": "2030-10-01", "isOffDay": true}]}`, "too far"},
		{"only work", `{"year": 2024, "days": [{"name": "x", "date": "2024-10-01", "isOffDay": false}]}`, "no day off"},
		{"empty", `{"year": 2024, "days": []}`, "no published arrangement"},
	} {
		_, err := LoadHolidays(mapFS{"2024.json": tc.json})
		require.ErrorContains(t, err, tc.want, tc.name)
	}
	_, err := New(WithHolidays(nil))
	require.Error(t, err)
	h, err := LoadHolidays(mapFS{"2030.json": `{"year": 2030, "days": [{"name": "国庆节", "date": "2030-10-01", "isOffDay": true}]}`, "schema.json": `{}`})
	require.NoError(t, err)
	c, err := New(WithHolidays(h))
	require.NoError(t, err)
	require.Equal(t, "holiday-cn 2030–2030; 2031+ projected", c.HolidayVersion())
	got, ok := c.Holiday(day("2030-10-01"))
	require.True(t, ok)
	require.False(t, got.Projected)
	got, ok = c.Holiday(day("2031-10-01"))
	require.True(t, ok)
	require.True(t, got.Projected)
}

// TestConcurrentUse runs first-use table building from many goroutines;
// run with -race.
func TestConcurrentUse(t *testing.T) {
	c := newCal(t)
	spec, err := ParseWindow("solar-term 清明 -5d..+5d | holiday 国庆 | lunar 九月初六")
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			y := 2020 + i%6
			w, err := c.Prepare(spec, MustDate(y, 1, 1), MustDate(y+1, 12, 31))
			if err != nil {
				errs <- err
				return
			}
			if _, ok := w.Find(MustDate(y, 10, 3)); !ok {
				errs <- errors.New("国庆 not found")
			}
			if _, err := c.Lunar(MustDate(y, 6, 1)); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
}

func TestPrecompute(t *testing.T) {
	c := newCal(t)
	require.NoError(t, c.Precompute(1800, 1905))
	require.NoError(t, c.Precompute(2095, 2300))
}

func TestHolidayBlocksAreCopies(t *testing.T) {
	c := newCal(t)
	b, err := c.HolidayPeriod("国庆", 2024)
	require.NoError(t, err)
	b.Work[0] = Date{}
	bs, err := c.HolidayBlocks(2024)
	require.NoError(t, err)
	bs[len(bs)-1].Work[0] = Date{}
	h, ok := c.Holiday(day("2024-09-29"))
	require.True(t, ok)
	require.False(t, h.Off)
}

// TestEdgesNeverPanic walks the edges of the Date range through every
// look-up; each must answer or fail, not panic.
func TestEdgesNeverPanic(t *testing.T) {
	c := newCal(t)
	spec, err := ParseWindow("annual 09-01..04-30 | solar-term 清明 -5d..+5d | lunar 除夕 | holiday 元旦 -3d..+3d | festival 除夕 .. festival 元宵")
	require.NoError(t, err)
	annual, err := ParseWindow("annual 12-31 -366d..+366d | annual 02-29")
	require.NoError(t, err)
	for _, d := range []Date{FromOrdinal(-1), FromOrdinal(0), day("1900-12-31"), day("1901-01-01"), day("2100-12-31"), day("2101-01-01"), day("9999-12-31"), FromOrdinal(int(maxDays) + 1), FromOrdinal(1 << 30)} {
		_, _ = c.Lunar(d)
		_, _ = c.Holiday(d)
		_, _ = c.SolarTermOn(d)
		_ = c.FestivalsOn(d)
		_, _ = c.Prepare(spec, d, d)
		_, _ = c.Prepare(annual, d, d)
		for _, y := range []int{d.Year() - 1, d.Year(), d.Year() + 1} {
			_, _ = c.SolarTerms(y)
			_, _ = c.Festival("除夕", y)
			_, _ = c.HolidayBlocks(y)
			_, _ = c.HolidayPeriod("元旦", y)
			_, _ = c.FromLunar(LunarDate{Year: y, Month: 12, Day: LastDay})
			_, _ = c.LunarInYear(LunarDate{Month: 11, Day: 30}, y)
		}
	}
	w, err := c.Prepare(annual, day("0001-01-01"), day("9999-12-31"))
	require.NoError(t, err)
	require.Greater(t, len(w.Intervals()), 9999)
}
