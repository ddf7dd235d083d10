// Package calendar answers calendar questions the way Chinese public notices
// ask them: which local day it is in China, its lunar date, the solar terms
// and festivals, the State Council's statutory holiday arrangements, and
// whether a day lies inside a seasonal window such as "from 清明 −5 days to
// +5 days" or "from 09-01 to 04-30 of the next year".
//
// # Days
//
// A Date is a civil day in China (UTC+8, no daylight saving time since
// 1991), counted without the machine's zoneinfo files. LocalDay converts an
// instant in any zone: 2024-08-31T17:00:00Z is already 2024-09-01 in
// Qiyang. ParseDate reads YYYY-MM-DD and RFC 3339. Dates run from
// 0001-01-01 to 9999-12-31.
//
// # Lunar dates, solar terms and festivals
//
// A Calendar converts between Gregorian and lunar dates (LunarDate, with
// leap months), gives the 24 solar terms of a year on their local day, and
// finds the festivals 元旦, 除夕, 春节, 元宵, 清明, 端午, 中元, 中秋, 重阳,
// 国庆, 寒衣 and 冬至. The tables come from github.com/6tail/lunar-go at
// build time: `go generate ./calendar` writes the lunar months (with leap
// months) and solar-term days of 1899–2101 compactly into tables_gen.go
// (about 6 KB), and a test fails if they no longer match lunar-go. At run
// time a year's table is decoded on first use in about a microsecond, and
// every answer is a table look-up; lunar-go is not linked.
//
// These are supported for Gregorian years MinLunarYear..MaxLunarYear
// (1901..2100), the span over which the package is checked day by day
// against the Hong Kong Observatory's published tables. Outside it the
// functions return an error wrapping ErrLunarRange, which names the range.
// The tests list, by date, the days on which lunar-go and the
// Observatory's table differ, and fail on any other: 30 days from
// 2057-09-28 (a new moon within minutes of midnight), six solar-term days
// before 1980, and 2034-01-01..19, where the transcription drops the leap
// mark of the 闰十一月 that its own row for 2033-12-22 begins. This package
// follows lunar-go on all of them.
//
// Written lunar dates are read by ParseLunarDate in the forms 九月初六,
// 九月廿一 or 九月二十一, 闰四月初一, 腊月三十, 冬月 or 十一月, 正月十五,
// 除夕, and numerically as 09-06 or L04-01 (a leap month). Solar-term names
// are accepted in simplified or traditional characters or in pinyin
// (清明, 驚蟄, Qingming).
//
// # Statutory holidays
//
// The State Council's arrangements (which days are off, which weekend days
// are make-up working days) are data, not code: the JSON files of the
// community project holiday-cn (one YYYY.json per notice year) are compiled
// in (holidays/, by go generate), and WithHolidayFS reads a directory of
// them at run time instead, so a new year's arrangement needs no code
// change. A block of days off includes the
// unlisted weekend days joined to it (与周末连休): holiday-cn lists 2024's
// 端午 as 06-10 alone, and the block is 06-08..06-10. The table (Holidays) is
// an immutable value, safe for concurrent use; lunar-go's own holiday
// tables are not used at run time.
//
// For a notice year after the last published one, the arrangement is
// projected and every answer drawn from it carries Projected = true. The
// projection rule: a one-day festival (元旦, 清明, 端午, 中秋) becomes a
// three-day block joined to a weekend — Saturday, Sunday or Monday: the
// Saturday..Monday; Tuesday: Sunday..Tuesday with the Saturday before worked;
// Wednesday: that day alone; Thursday: Thursday..Saturday with the Sunday
// after worked; Friday: Friday..Sunday. 春节 is 除夕 through 正月初七, from
// the Sunday before when 除夕 is a Monday (the blocks published since the
// 2025 revision: 2025 and 2026). 劳动节 is 05-01..05-05. 国庆节 is 10-01..10-07, or 10-01..10-08 named
// 国庆节、中秋节 when 中秋 falls on 10-01..10-08; when 中秋 falls on
// 09-28..09-30 the joint block is the eight days from 中秋. Make-up days are
// projected only for one-day festivals. Every one-day and 国庆节 block
// published for 2020–2026 follows this rule, as do 春节 2025–2026 and
// 劳动节 2020, 2021 and 2024–2026 (tested against each year). Years before the first published one (2007)
// have no arrangement.
//
// # Days and minutes
//
// Notices also give times of day: "除夕12:00至初三12:00", "每日22时至次日6时",
// "3月1日0时至6月30日24时". A DateTime is a minute in China (no seconds,
// no zoneinfo). ParseMoment reads what a question asks about, a day or a
// minute — 2026-06-07, 2026-06-07 23:00 (China time), or RFC 3339 with any
// offset (2026-06-07T15:00Z is 23:00 in China) — and is the one parser for
// every `at` the command line and the HTTP API accept.
//
// # Windows
//
// A window is a set of days, or of minutes, that recurs every year (or
// every day or week), written on one line:
//
//	window := conj { "|" conj }                     union
//	conj   := term { "&" term }                     intersection: & binds tighter than |
//	term   := "date" YYYY-MM-DD [time] [".." ( YYYY-MM-DD [time] | time )]
//	        | anchor [offset] [time] [".." ( offset [time] | MM-DD [time]
//	                                       | anchor [offset] [time] | time )]
//	        | "daily" time ".." time
//	        | "weekly" WEEKDAY [time] [".." ( WEEKDAY [time] | time )]
//	anchor := "annual" MM-DD | "solar-term" NAME | "lunar" LUNARDATE
//	        | "festival" NAME | "holiday" NAME
//	offset := ("+"|"-") N "d"        (N at most 366)
//	time   := HH:MM                  (00:00..23:59; 24:00, the end of a day, only where a range ends)
//
// Examples:
//
//	annual 09-01..04-30                  every 1 September to 30 April next year
//	date 2024-10-16..2025-01-15          fixed dates
//	solar-term 清明 -5d..+5d              清明 ± 5 days, every year
//	holiday 国庆                          the National Day days off
//	holiday 春节 | festival 除夕 .. festival 元宵
//	annual 01-01 .. solar-term 寒露 -1d
//	lunar 九月初六
//	solar-term 寒露 .. annual 12-31
//	date 2021-02-11 12:00 .. 2021-02-14 12:00
//	festival 除夕 12:00 .. lunar 正月初三 12:00      every year, noon to noon
//	annual 03-01 00:00 .. 06-30 24:00    the same as annual 03-01..06-30
//	daily 22:00..06:00                   every night, across midnight
//	weekly 周六..周日                      every weekend (星期六, 礼拜六, Sat also)
//	date 2026-07-03..2026-07-23 & daily 22:00..06:00   the nights of 3–23 July
//	holiday 国庆 08:00..18:00             08:00 on the first day off to 18:00 on the last
//
// Terms resolve per cycle year Y, every Gregorian year in the span asked
// for:
//
//   - annual MM-DD is that day of Y; 02-29 occurs only in leap years.
//   - solar-term NAME is the term's local day in Y (小寒 in January … 冬至
//     in December).
//   - festival NAME is the festival's day in Y; 除夕 is the eve of 春节 of Y.
//   - lunar LUNARDATE is every day of Y with that lunar month and day. That
//     is one day for most dates, none when the month is short or the leap
//     month missing that year (腊月三十, 闰四月初一), and two for a few dates
//     late in the lunar year (冬月初一 can fall in January and December of
//     the same Gregorian year). Counting every day of Y, rather than the
//     first on or after Y-01-01, means no occurrence is ever skipped or
//     counted twice across cycles; for dates from 正月 to 九月 the two
//     readings agree.
//   - holiday NAME is the block of days off of that festival in the notice
//     of year Y (the 元旦 block can begin in December of Y−1), possibly
//     projected. Names match loosely: 国庆, 国庆节 and 国庆假期 all match
//     国庆节 and the combined 国庆节、中秋节; also 春节, 清明, 劳动节 or
//     五一, 端午, 中秋, 元旦.
//
// An anchor alone is one interval (a day, or a holiday's block); a single
// offset moves it. "anchor -5d..+5d" runs from the anchor's first day − 5
// to its last day + 5. "A .. B" runs from A in Y to the first occurrence of
// B, in Y or else in Y+1, that does not end before A starts: "annual
// 09-01..04-30" in cycle 2024 is 2024-09-01..2025-04-30. A bare MM-DD after
// ".." is short for "annual MM-DD". Labels name the term and its cycle:
// "国庆节 2024", "清明 2026 -5d..+5d", "09-01..04-30 (2024)",
// "除夕 12:00..正月初三 12:00 (2021)".
//
// Times of day. A time after a range's start or end moves that end within
// its day; without one a range starts at 00:00 and ends at 24:00, so day
// ranges keep their meaning, and "annual 03-01 00:00 .. 06-30 24:00" is
// the same window as "annual 03-01..06-30" (the canonical text drops the
// defaults). Ranges are half-open at minute precision: "12:00 .. 12:00"
// includes 12:00 on the first day and ends as 12:00 begins on the last, so
// the minute 12:00 of 初三 is outside and "22:00..06:00" ends as 06:00
// begins. A time alone after ".." ends the range on the start's (last) day
// ("date 2026-06-07 08:00..12:00"). A time needs a range: "festival 除夕
// 20:00" alone is refused (the minute, or the rest of the day?); write
// "festival 除夕 20:00..24:00". A range whose two ends fall on the same day
// must end after it starts: a span across midnight names the next day
// ("date 2026-06-07 22:00..2026-06-08 06:00", "solar-term 清明 22:00..+1d
// 06:00").
//
// daily S..E holds every day from S to E; when E is at or before S the
// span crosses midnight and ends at E the next day (a night). weekly D
// holds every such day of the week; "weekly D1..D2" runs from D1 to the next
// D2 (周五..周一 spans the weekend), with times as for other ranges.
//
// Intersection "A & B" holds where both hold; & binds tighter than |, so
// "A & B | C" is (A & B) | C, and there are no parentheses (write
// "A & B | A & C" for A & (B | C)). One reading is built in: a night — an
// interval of a daily term that crosses midnight — belongs to the day it
// starts on, as "7月3日至23日每日22时至次日6时" is read: in an intersection
// it is kept whole when its start lies inside the other operand and dropped
// otherwise. So "date 2026-07-03..2026-07-23 & daily 22:00..06:00" runs from
// 07-03 22:00 to 07-24 06:00, night by night, and holds neither on 07-03
// before 06:00 nor after 06:00 on 07-24. The plain intersection, should a
// notice mean it, is written with two dailies that do not cross midnight:
// "date 2026-07-03..2026-07-23 & daily 22:00..24:00 | date
// 2026-07-03..2026-07-23 & daily 00:00..06:00". Any other two intervals
// intersect minute by minute.
//
// ParseWindow reports bad text with a *WindowError naming the token and its
// column (in runes), with a "did you mean" for misspelt names:
//
//	window "solar-term 清民": column 12: unknown solar term "清民" (did you mean 清明?)
//
// Calendar.Prepare resolves a spec over a span of days to a Window, whose
// Find answers "is day D inside, and in which interval?" and FindTime "is
// minute T inside?" by binary search over plain integers, without
// allocating; the hours are resolved here, once, not per question.
// NextStart and NextEnd (days) and NextStartTime and NextEndTime (minutes)
// say when the window next comes into force or lapses, treating
// overlapping or touching intervals as one span. For a window with times of
// day, Find reports an interval that touches the day, perhaps for an hour;
// Clocked says whether a window has such intervals. A Window knows only the
// intervals that overlap the span it was prepared for.
package calendar
