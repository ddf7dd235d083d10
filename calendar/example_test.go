package calendar_test

import (
	"errors"
	"fmt"

	"github.com/tonggao/tonggao/calendar"
)

// When is Qingming 2026, and the fire-ban window around it?
func Example_qingming() {
	cal, err := calendar.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	qm, err := cal.SolarTerm("清明", 2026)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("清明 2026:", qm)

	spec, err := calendar.ParseWindow("solar-term 清明 -5d..+5d")
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := cal.Prepare(spec, calendar.MustDate(2026, 1, 1), calendar.MustDate(2026, 12, 31))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, iv := range w.Intervals() {
		fmt.Printf("%s: %s..%s\n", iv.Label, iv.From, iv.To)
	}
	iv, ok := w.Find(calendar.MustDate(2026, 4, 8))
	fmt.Println("2026-04-08 inside:", ok, iv.Label)
	end, _ := w.NextEnd(calendar.MustDate(2026, 4, 8))
	fmt.Println("lifts after:", end)
	// Output:
	// 清明 2026: 2026-04-05
	// 清明 2026 -5d..+5d: 2026-03-31..2026-04-10
	// 2026-04-08 inside: true 清明 2026 -5d..+5d
	// lifts after: 2026-04-10
}

// Which lunar date is 2024-10-08?
func Example_lunarDate() {
	cal, err := calendar.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := calendar.ParseDate("2024-10-08")
	if err != nil {
		fmt.Println(err)
		return
	}
	l, err := cal.Lunar(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	term, _ := cal.SolarTermOn(d)
	fmt.Printf("%s is 农历%s (lunar year %d), solar term %s (%s)\n", d, l, l.Year, term.Name, term.Pinyin)

	// The gazette writes 九月二十一; both spellings read the same.
	l2, _ := calendar.ParseLunarDate("九月二十一")
	l2.Year = 2024
	back, _ := cal.FromLunar(l2)
	fmt.Println(l2, "=", back)
	// Output:
	// 2024-10-08 is 农历九月初六 (lunar year 2024), solar term 寒露 (Hanlu)
	// 九月廿一 = 2024-10-23
}

// Statutory holidays come from the published arrangements; later years are
// projected and say so.
func ExampleCalendar_Holiday() {
	cal, err := calendar.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []string{"2024-10-01", "2024-10-12", "2024-10-08", "2027-10-01"} {
		d, _ := calendar.ParseDate(s)
		h, ok := cal.Holiday(d)
		fmt.Println(s, ok, h.Name, h.Off, h.Projected)
	}
	fmt.Println(cal.HolidayVersion())
	// Output:
	// 2024-10-01 true 国庆节 true false
	// 2024-10-12 true 国庆节 false false
	// 2024-10-08 false  false false
	// 2027-10-01 true 国庆节 true true
	// holiday-cn 2007–2026; 2027+ projected
}

// Bad window text is reported with the token and its column.
func ExampleParseWindow_error() {
	_, err := calendar.ParseWindow("solar-term 清民")
	fmt.Println(err)
	var we *calendar.WindowError
	if errors.As(err, &we) {
		fmt.Println(we.Column, we.Token)
	}
	// Output:
	// window "solar-term 清民": column 12: unknown solar term "清民" (did you mean 清明?)
	// 12 清民
}

// A window that crosses the new year belongs to the cycle in which it
// starts.
func ExampleCalendar_Prepare() {
	cal, err := calendar.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	spec, _ := calendar.ParseWindow("annual 09-01..04-30 | holiday 国庆")
	w, err := cal.Prepare(spec, calendar.MustDate(2024, 9, 1), calendar.MustDate(2025, 3, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, iv := range w.Intervals() {
		fmt.Printf("%s..%s %s\n", iv.From, iv.To, iv.Label)
	}
	// Only intervals overlapping the prepared span are known.
	_, ok := w.NextStart(calendar.MustDate(2025, 5, 1))
	fmt.Println("next start after 2025-05-01 known:", ok)
	// Output:
	// 2024-09-01..2025-04-30 09-01..04-30 (2024)
	// 2024-10-01..2024-10-07 国庆节 2024
	// next start after 2025-05-01 known: false
}

// A question is about a day or a minute; every minute is China's.
func ExampleParseMoment() {
	for _, s := range []string{"2026-06-07", "2026-06-07 23:00", "2026-06-07T15:00Z", "2026-06-07T10:00-05:00"} {
		m, err := calendar.ParseMoment(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(m, m.HasClock())
	}
	// Output:
	// 2026-06-07 false
	// 2026-06-07T23:00+08:00 true
	// 2026-06-07T23:00+08:00 true
	// 2026-06-07T23:00+08:00 true
}

// Windows with times of day: every night across midnight, and the nights of
// three weeks (a night belongs to the day it starts on).
func ExampleWindow_FindTime() {
	cal, err := calendar.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	spec, _ := calendar.ParseWindow("date 2026-07-03..2026-07-23 & daily 22:00..06:00")
	w, err := cal.Prepare(spec, calendar.MustDate(2026, 7, 1), calendar.MustDate(2026, 7, 31))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []string{"2026-07-03 05:00", "2026-07-03 22:00", "2026-07-24 05:59", "2026-07-24 06:00"} {
		m, _ := calendar.ParseMoment(s)
		t, _ := m.DateTime()
		if iv, ok := w.FindTime(t); ok {
			fmt.Println(s, "inside", iv.Label)
		} else {
			fmt.Println(s, "outside")
		}
	}
	t, _ := calendar.MustDate(2026, 7, 10).At(23, 0)
	until, _ := w.NextEndTime(t)
	next, _ := w.NextStartTime(t)
	fmt.Println("until", until, "next", next)
	// Output:
	// 2026-07-03 05:00 outside
	// 2026-07-03 22:00 inside 2026-07-03..2026-07-23 & 22:00..06:00
	// 2026-07-24 05:59 inside 2026-07-03..2026-07-23 & 22:00..06:00
	// 2026-07-24 06:00 outside
	// until 2026-07-11T06:00+08:00 next 2026-07-11T22:00+08:00
}
