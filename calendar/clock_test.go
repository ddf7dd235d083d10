package calendar

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func minute(s string) DateTime {
	m, err := ParseMoment(s)
	if err != nil {
		panic(err)
	}
	t, ok := m.DateTime()
	if !ok {
		panic("no time in " + s)
	}
	return t
}

func TestParseMoment(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2026-06-07", "2026-06-07"},
		{" 2026-06-07 ", "2026-06-07"},
		{"2026-06-07 23:00", "2026-06-07T23:00+08:00"},
		{"2026-06-07T23:00", "2026-06-07T23:00+08:00"},
		{"2026-06-07 23:00:59", "2026-06-07T23:00+08:00"}, // seconds are dropped
		{"2026-06-07T23:00+08:00", "2026-06-07T23:00+08:00"},
		{"2026-06-07T23:00:30.5+08:00", "2026-06-07T23:00+08:00"},
		{"2026-06-07T15:00Z", "2026-06-07T23:00+08:00"},
		{"2026-06-07T15:00:00Z", "2026-06-07T23:00+08:00"},
		{"2026-06-07T17:00+10:00", "2026-06-07T15:00+08:00"},
		{"2026-06-07T10:00-05:00", "2026-06-07T23:00+08:00"}, // no daylight time anywhere in the arithmetic
		{"2026-06-07T20:15+05:45", "2026-06-07T22:30+08:00"}, // Nepal
		{"2026-06-07T20:00-08:00", "2026-06-08T12:00+08:00"}, // the next day in China
		{"2026-12-31T16:00Z", "2027-01-01T00:00+08:00"},      // the next year in China
		{"2024-02-28T16:30Z", "2024-02-29T00:30+08:00"},      // a leap day
		{"2026-06-07 24:00", "2026-06-08T00:00+08:00"},       // the end of the day
		{"2024-02-28T24:00+08:00", "2024-02-29T00:00+08:00"},
	} {
		m, err := ParseMoment(tc.in)
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, m.String(), tc.in)
		var back Moment
		require.NoError(t, back.UnmarshalText([]byte(m.String())))
		require.Equal(t, m, back)
		if dt, ok := m.DateTime(); ok {
			require.True(t, m.HasClock())
			// Agrees with the standard library, seconds truncated.
			if strings.ContainsAny(tc.in[10:], "Z+-") && !strings.Contains(tc.in, "24:00") {
				std, err := time.Parse(time.RFC3339, strings.Replace(strings.Replace(tc.in, "Z", ":00Z", 1), ":00:00Z", ":00Z", 1))
				if err == nil {
					require.Equal(t, LocalTime(std), dt, tc.in)
				}
			}
			require.Equal(t, dt, LocalTime(dt.Time()), "Time round trip %s", tc.in)
		} else {
			require.False(t, m.HasClock())
			require.Equal(t, tc.want, m.Day().String())
		}
	}
	for _, in := range []string{
		"", "2026", "2026-6-7", "2026-06-07X23:00", "2026-06-07 23", "2026-06-07 23:60", "2026-06-07 25:00",
		"2026-06-07 24:01", "2026-06-07 23:00+8", "2026-06-07 23:00 CST", "2026-06-07 23:00+24:00", "2026-06-31",
		"2026-06-07 23:00:61", "2026-06-07 23:00:00.", "9999-12-31T23:00-08:00", "0001-01-01T07:00+08:00Z",
	} {
		m, err := ParseMoment(in)
		require.Error(t, err, "%s: %v", in, m)
		require.Contains(t, err.Error(), "date ", in)
	}
	_, err := ParseMoment("0001-01-01T00:59+09:00")
	require.ErrorContains(t, err, "0001-01-01..9999-12-31")

	var dt DateTime
	require.NoError(t, dt.UnmarshalText([]byte("2026-06-07T15:00Z")))
	require.Equal(t, "2026-06-07T23:00+08:00", dt.String())
	require.ErrorContains(t, dt.UnmarshalText([]byte("2026-06-07")), "want a time of day too")
}

func TestDateTime(t *testing.T) {
	d := day("2024-02-29")
	at, err := d.At(22, 30)
	require.NoError(t, err)
	require.Equal(t, "2024-02-29T22:30+08:00", at.String())
	require.Equal(t, d, at.Date())
	h, m := at.Clock()
	require.Equal(t, [2]int{22, 30}, [2]int{h, m})
	require.Equal(t, 22*60+30, at.Minute())
	end, err := d.At(24, 0)
	require.NoError(t, err)
	require.Equal(t, day("2024-03-01").Start(), end)
	for _, bad := range [][2]int{{24, 1}, {25, 0}, {-1, 0}, {0, 60}} {
		_, err := d.At(bad[0], bad[1])
		require.Error(t, err, "%v", bad)
	}
	require.Equal(t, int64(90), at.Add(90).Sub(at))
	require.True(t, at.Before(at.Add(1)) && at.Add(1).After(at))
	require.Equal(t, 0, at.Compare(at))
	require.Equal(t, -1, at.Compare(end))
	require.Equal(t, "2024-02-29T22:30:00+08:00", at.Time().Format(time.RFC3339))
	require.Equal(t, at, LocalTime(time.Date(2024, 2, 29, 14, 30, 59, 0, time.UTC)))
	require.Equal(t, "00:00 23:59 24:00", ClockText(0)+" "+ClockText(1439)+" "+ClockText(1440))
	// Before the Unix epoch, minutes floor the same way.
	require.Equal(t, "1969-12-31T23:59+08:00", LocalTime(time.Date(1969, 12, 31, 15, 59, 30, 0, time.UTC)).String())
	require.Equal(t, "0001-01-01T00:00+08:00", day("0001-01-01").Start().String())
	require.True(t, day("9999-12-31").Start().Add(1439).Valid())
	require.False(t, day("9999-12-31").Start().Add(1440).Valid())
}

func TestParseWindowClockCanonical(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"date 2021-02-11 12:00 .. 2021-02-14 12:00", "date 2021-02-11 12:00..2021-02-14 12:00"},
		{"date 2021-02-11 12:00..2021-02-14", "date 2021-02-11 12:00..2021-02-14"},
		{"date 2026-06-07 08:00..12:00", "date 2026-06-07 08:00..12:00"},
		{"date 2026-06-07 00:00..24:00", "date 2026-06-07 00:00..24:00"}, // both kept around a bare end
		{"date 2026-06-07 .. 2026-06-08 00:00", "date 2026-06-07..2026-06-08 00:00"},
		{"festival 除夕 12:00 .. lunar 正月初三 12:00", "festival 除夕 12:00 .. lunar 正月初三 12:00"},
		{"annual 03-01 00:00 .. 06-30 24:00", "annual 03-01..06-30"},
		{"annual 03-01 0:00..06-30 24：00", "annual 03-01..06-30"},
		{"annual 12-31 20:00..01-01 02:00", "annual 12-31 20:00..01-01 02:00"},
		{"solar-term 清明 -1d 06:00..+1d 18:00", "solar-term 清明 -1d 06:00..+1d 18:00"},
		{"solar-term 清明 22:00..+1d 06:00", "solar-term 清明 22:00..+1d 06:00"},
		{"holiday 国庆 08:00..18:00", "holiday 国庆节 08:00..18:00"},
		{"festival 除夕 20:00..24:00", "festival 除夕 20:00..24:00"},
		{"daily 22:00..06:00", "daily 22:00..06:00"},
		{"daily 8:00 .. 12:00", "daily 08:00..12:00"},
		{"daily 18:00..00:00", "daily 18:00..24:00"},
		{"daily 00:00..24:00", "daily 00:00..24:00"},
		{"weekly 周六..周日", "weekly 周六..周日"},
		{"weekly 星期六 .. 星期天", "weekly 周六..周日"},
		{"weekly 礼拜五 18:00..礼拜一 08:00", "weekly 周五 18:00..周一 08:00"},
		{"weekly Sat..sunday", "weekly 周六..周日"},
		{"weekly 周三", "weekly 周三"},
		{"weekly 周三 08:00..12:00", "weekly 周三 08:00..12:00"},
		{"date 2026-07-03..2026-07-23 & daily 22:00..06:00", "date 2026-07-03..2026-07-23 & daily 22:00..06:00"},
		{"date 2026-07-03..2026-07-23&daily 22:00..06:00|holiday 春节", "date 2026-07-03..2026-07-23 & daily 22:00..06:00 | holiday 春节"},
		{"annual 06-01..08-31 ＆ weekly 周六..周日 ｜ holiday 国庆", "annual 06-01..08-31 & weekly 周六..周日 | holiday 国庆节"},
	} {
		spec, err := ParseWindow(tc.in)
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, spec.String(), tc.in)
		again, err := ParseWindow(spec.String())
		require.NoError(t, err)
		require.Equal(t, spec, again, "canonical text reads back to the same spec")
	}
}

func TestParseWindowClockErrors(t *testing.T) {
	for _, tc := range []struct {
		in     string
		col    int
		token  string
		substr string
	}{
		{"festival 除夕 20:00", 13, "20:00", "a time of day needs the end of its range"},
		{"date 2026-06-07 08:00", 17, "08:00", "needs the end of its range"},
		{"weekly 周六 08:00", 11, "08:00", "needs the end"},
		{"date 2026-06-07 22:00..06:00", 24, "06:00", "ends (06:00) before it starts (22:00) on the same day"},
		{"date 2026-06-07 12:00..2026-06-07 12:00", 35, "12:00", "before it starts"},
		{"date 2026-06-07..2026-06-07 00:00", 29, "00:00", "before it starts"},
		{"festival 除夕 20:00..00:00", 20, "00:00", "24:00 for the end of the day"},
		{"solar-term 清明 22:00..+0d 06:00", 26, "06:00", "before it starts"},
		{"annual 03-01 24:00..06-30", 14, "24:00", "24:00 is the end of a day"},
		{"annual 03-01 25:00..06-30", 14, "25:00", "hours must be 00..23"},
		{"annual 03-01 08:60..06-30", 14, "08:60", "minutes must be 00..59"},
		{"annual 03-01 8:0..06-30", 14, "8:0", "want HH:MM"},
		{"annual 03-01..06-30 24:01", 21, "24:01", "hours must be"},
		{"daily", 1, "daily", "missing times"},
		{"daily 22:00", 7, "22:00", "needs the end of its range"},
		{"daily 22:00..", 12, "..", "dangling"},
		{"daily 22:00..周日", 14, "周日", "bad time"},
		{"daily 06:00..06:00", 14, "06:00", "empty or the whole day"},
		{"daily 夜间", 7, "夜间", "bad time"},
		{"weekly", 1, "weekly", "missing day of the week"},
		{"weekly 周八", 8, "周八", "unknown day of the week"},
		{"weekly 周六..周捌", 12, "周捌", "unknown day of the week"},
		{"weekly 周六 18:00..08:00", 18, "08:00", "before it starts"},
		{"annual 09-01 .. daily 22:00..06:00", 17, "daily", "cannot end a range"},
		{"annual 09-01 &", 14, "&", "empty intersection operand"},
		{"& annual 09-01", 1, "&", "empty intersection operand"},
		{"annual 09-01 & | annual 10-01", 16, "|", "empty intersection operand"},
		{"annual 09-01 & & daily 22:00..06:00", 16, "&", "empty intersection operand"},
		{"annual 09-01 daily 22:00..06:00", 14, "daily", `want "|", "&" or the end`},
		{"dialy 22:00..06:00", 1, "dialy", "did you mean daily?"},
	} {
		_, err := ParseWindow(tc.in)
		require.Error(t, err, tc.in)
		var we *WindowError
		require.True(t, errors.As(err, &we), tc.in)
		require.Equal(t, tc.col, we.Column, "%q: %v", tc.in, err)
		require.Equal(t, tc.token, we.Token, tc.in)
		require.Contains(t, err.Error(), tc.substr, tc.in)
		if tc.token != "" {
			require.True(t, strings.HasPrefix(string([]rune(tc.in)[tc.col-1:]), tc.token), tc.in)
		}
	}
}

// minuteSpan is an interval at minute precision, for comparisons.
type minuteSpan struct{ start, end string }

func minuteSpans(w *Window) []minuteSpan {
	var out []minuteSpan
	for _, iv := range w.Intervals() {
		out = append(out, minuteSpan{iv.Start().String()[:16], iv.End().String()[:16]})
	}
	return out
}

func TestPrepareClockTimes(t *testing.T) {
	c := newCal(t)
	for _, tc := range []struct {
		text     string
		from, to string
		want     []minuteSpan
		labels   []string
	}{
		{"date 2021-02-11 12:00 .. 2021-02-14 12:00", "2021-01-01", "2021-12-31",
			[]minuteSpan{{"2021-02-11T12:00", "2021-02-14T12:00"}}, []string{"2021-02-11 12:00..2021-02-14 12:00"}},
		// The same span every year: 2021's 除夕 is 02-11, 2026's is 02-16.
		{"festival 除夕 12:00 .. lunar 正月初三 12:00", "2021-01-01", "2021-12-31",
			[]minuteSpan{{"2021-02-11T12:00", "2021-02-14T12:00"}}, []string{"除夕 12:00..正月初三 12:00 (2021)"}},
		{"festival 除夕 12:00 .. lunar 正月初三 12:00", "2026-01-01", "2026-12-31",
			[]minuteSpan{{"2026-02-16T12:00", "2026-02-19T12:00"}}, nil},
		// 24:00 is the end of the day: the same days as without times.
		{"annual 03-01 00:00 .. 06-30 24:00", "2026-01-01", "2026-12-31",
			[]minuteSpan{{"2026-03-01T00:00", "2026-07-01T00:00"}}, []string{"03-01..06-30 (2026)"}},
		// Across the new year.
		{"annual 12-31 20:00..01-01 02:00", "2026-01-01", "2026-12-31",
			[]minuteSpan{{"2025-12-31T20:00", "2026-01-01T02:00"}, {"2026-12-31T20:00", "2027-01-01T02:00"}},
			[]string{"12-31 20:00..01-01 02:00 (2025)", "12-31 20:00..01-01 02:00 (2026)"}},
		// Nights across midnight, the one before the span reaching into it.
		{"daily 22:00..06:00", "2024-02-28", "2024-03-01",
			[]minuteSpan{{"2024-02-27T22:00", "2024-02-28T06:00"}, {"2024-02-28T22:00", "2024-02-29T06:00"},
				{"2024-02-29T22:00", "2024-03-01T06:00"}, {"2024-03-01T22:00", "2024-03-02T06:00"}},
			[]string{"22:00..06:00", "22:00..06:00", "22:00..06:00", "22:00..06:00"}},
		{"daily 22:00..06:00", "2025-12-31", "2026-01-01",
			[]minuteSpan{{"2025-12-30T22:00", "2025-12-31T06:00"}, {"2025-12-31T22:00", "2026-01-01T06:00"}, {"2026-01-01T22:00", "2026-01-02T06:00"}}, nil},
		{"daily 08:00..12:00 | daily 14:00..18:00", "2026-06-07", "2026-06-07",
			[]minuteSpan{{"2026-06-07T08:00", "2026-06-07T12:00"}, {"2026-06-07T14:00", "2026-06-07T18:00"}}, nil},
		{"weekly 周六..周日", "2026-06-01", "2026-06-14",
			[]minuteSpan{{"2026-06-06T00:00", "2026-06-08T00:00"}, {"2026-06-13T00:00", "2026-06-15T00:00"}}, []string{"周六..周日", "周六..周日"}},
		{"weekly 周五 18:00..周一 08:00", "2026-06-08", "2026-06-08",
			[]minuteSpan{{"2026-06-05T18:00", "2026-06-08T08:00"}}, nil},
		{"weekly 周一..周一", "2026-06-08", "2026-06-08", []minuteSpan{{"2026-06-08T00:00", "2026-06-09T00:00"}}, nil},
		{"weekly 周一 08:00..周一 06:00", "2026-06-08", "2026-06-08", // a week less two hours
			[]minuteSpan{{"2026-06-01T08:00", "2026-06-08T06:00"}, {"2026-06-08T08:00", "2026-06-15T06:00"}}, nil},
		// The nights of 3–23 July: each kept whole by the day it starts on.
		{"date 2026-07-03..2026-07-23 & daily 22:00..06:00", "2026-07-01", "2026-07-31",
			nightly("2026-07-03", 21), nil},
		// Order does not matter.
		{"daily 22:00..06:00 & date 2026-07-03..2026-07-23", "2026-07-01", "2026-07-31",
			nightly("2026-07-03", 21), nil},
		// Asked only about the last morning, the last night still counts.
		{"date 2026-07-03..2026-07-23 & daily 22:00..06:00", "2026-07-24", "2026-07-24",
			[]minuteSpan{{"2026-07-23T22:00", "2026-07-24T06:00"}}, []string{"2026-07-03..2026-07-23 & 22:00..06:00"}},
		{"date 2026-07-03..2026-07-23 & daily 22:00..06:00", "2026-07-25", "2026-07-31", nil, nil},
		// The plain intersection, written out.
		{"date 2026-07-03..2026-07-04 & daily 22:00..24:00 | date 2026-07-03..2026-07-04 & daily 00:00..06:00", "2026-07-01", "2026-07-31",
			[]minuteSpan{{"2026-07-03T00:00", "2026-07-03T06:00"}, {"2026-07-03T22:00", "2026-07-04T00:00"},
				{"2026-07-04T00:00", "2026-07-04T06:00"}, {"2026-07-04T22:00", "2026-07-05T00:00"}}, nil},
		// A clocked operand cuts a night only by its start.
		{"date 2026-07-03 23:00..2026-07-05 & daily 22:00..06:00", "2026-07-01", "2026-07-31",
			[]minuteSpan{{"2026-07-04T22:00", "2026-07-05T06:00"}, {"2026-07-05T22:00", "2026-07-06T06:00"}}, nil},
		// Two ordinary operands intersect minute by minute: weekends of summer.
		{"annual 07-01..08-31 & weekly 周六..周日", "2026-08-25", "2026-09-30",
			[]minuteSpan{{"2026-08-29T00:00", "2026-08-31T00:00"}}, []string{"07-01..08-31 (2026) & 周六..周日"}},
		{"annual 08-30..09-02 & weekly 周六..周日", "2026-08-25", "2026-09-30", // the weekend of 08-29 cut to its Sunday
			[]minuteSpan{{"2026-08-30T00:00", "2026-08-31T00:00"}}, nil},
		{"daily 08:00..18:00 & daily 12:00..20:00", "2026-06-07", "2026-06-07",
			[]minuteSpan{{"2026-06-07T12:00", "2026-06-07T18:00"}}, []string{"08:00..18:00 & 12:00..20:00"}},
		{"daily 22:00..06:00 & daily 23:00..07:00", "2026-06-07", "2026-06-07",
			[]minuteSpan{{"2026-06-06T23:00", "2026-06-07T06:00"}, {"2026-06-07T23:00", "2026-06-08T06:00"}}, nil},
		// & binds tighter than |.
		{"date 2026-07-03 & daily 08:00..12:00 | date 2026-07-04", "2026-07-01", "2026-07-31",
			[]minuteSpan{{"2026-07-03T08:00", "2026-07-03T12:00"}, {"2026-07-04T00:00", "2026-07-05T00:00"}}, nil},
		// Leap days: 02-29 occurs only in leap years, times and all.
		{"annual 02-29 20:00..03-01 08:00", "2023-01-01", "2025-12-31",
			[]minuteSpan{{"2024-02-29T20:00", "2024-03-01T08:00"}}, nil},
		{"holiday 国庆 08:00..18:00", "2024-01-01", "2024-12-31",
			[]minuteSpan{{"2024-10-01T08:00", "2024-10-07T18:00"}}, []string{"国庆节 2024 08:00..18:00"}},
		{"solar-term 清明 -1d 06:00..+1d 18:00", "2026-01-01", "2026-12-31",
			[]minuteSpan{{"2026-04-04T06:00", "2026-04-06T18:00"}}, []string{"清明 2026 -1d 06:00..+1d 18:00"}},
		{"festival 除夕 20:00..24:00", "2026-01-01", "2026-12-31",
			[]minuteSpan{{"2026-02-16T20:00", "2026-02-17T00:00"}}, []string{"除夕 2026 20:00..24:00"}},
		// An end anchor that would end before the start moves to the next year.
		{"festival 除夕 18:00 .. festival 除夕 12:00", "2025-01-01", "2025-12-31",
			[]minuteSpan{{"2024-02-09T18:00", "2025-01-28T12:00"}, {"2025-01-28T18:00", "2026-02-16T12:00"}}, nil},
	} {
		spec, err := ParseWindow(tc.text)
		require.NoError(t, err, tc.text)
		w, err := c.Prepare(spec, day(tc.from), day(tc.to))
		require.NoError(t, err, tc.text)
		require.Equal(t, tc.want, minuteSpans(w), tc.text)
		if tc.labels != nil {
			var ls []string
			for _, iv := range w.Intervals() {
				ls = append(ls, iv.Label)
			}
			require.Equal(t, tc.labels, ls, tc.text)
		}
	}
}

// nightly lists n nights of 22:00..06:00 from the day first.
func nightly(first string, n int) []minuteSpan {
	var out []minuteSpan
	for i := range n {
		d := day(first).AddDays(i)
		out = append(out, minuteSpan{d.String() + "T22:00", d.AddDays(1).String() + "T06:00"})
	}
	return out
}

// TestFindTimeAtEdges asks about the minutes around every edge of the two
// windows of the test notice: fireworks allowed from 除夕 12:00 to 初三
// 12:00, and a construction-noise ban every night 22:00–06:00.
func TestFindTimeAtEdges(t *testing.T) {
	c := newCal(t)
	fireworks := window(t, c, "festival 除夕 12:00 .. lunar 正月初三 12:00", "2026-01-01", "2026-12-31")
	night := window(t, c, "daily 22:00..06:00", "2026-01-01", "2026-12-31")
	for _, tc := range []struct {
		w    *Window
		at   string
		in   bool
		next string // NextStartTime
		end  string // NextEndTime
	}{
		{fireworks, "2026-02-16 11:59", false, "2026-02-16T12:00+08:00", "2026-02-19T12:00+08:00"},
		{fireworks, "2026-02-16 12:00", true, "", "2026-02-19T12:00+08:00"},
		{fireworks, "2026-02-19 11:59", true, "", "2026-02-19T12:00+08:00"},
		{fireworks, "2026-02-19 12:00", false, "", ""},
		{night, "2026-06-07 21:59", false, "2026-06-07T22:00+08:00", "2026-06-08T06:00+08:00"},
		{night, "2026-06-07 22:00", true, "2026-06-08T22:00+08:00", "2026-06-08T06:00+08:00"},
		{night, "2026-06-07 24:00", true, "2026-06-08T22:00+08:00", "2026-06-08T06:00+08:00"},
		{night, "2026-06-08 05:59", true, "2026-06-08T22:00+08:00", "2026-06-08T06:00+08:00"},
		{night, "2026-06-08 06:00", false, "2026-06-08T22:00+08:00", "2026-06-09T06:00+08:00"},
		{night, "2026-12-31 23:30", true, "", "2027-01-01T06:00+08:00"},
	} {
		at := minute(tc.at)
		iv, ok := tc.w.FindTime(at)
		require.Equal(t, tc.in, ok, tc.at)
		require.Equal(t, ok, tc.w.ContainsTime(at), tc.at)
		if ok {
			require.True(t, iv.ContainsTime(at), tc.at)
		}
		ns, ok := tc.w.NextStartTime(at)
		require.Equal(t, tc.next != "", ok, tc.at)
		if ok {
			require.Equal(t, tc.next, ns.String(), "NextStartTime(%s)", tc.at)
		}
		ne, ok := tc.w.NextEndTime(at)
		require.Equal(t, tc.end != "", ok, tc.at)
		if ok {
			require.Equal(t, tc.end, ne.String(), "NextEndTime(%s)", tc.at)
		}
	}
	require.True(t, fireworks.Clocked())
	require.False(t, fireworks.Recurring())
	require.True(t, night.Recurring())
	// Day questions: a day touched by a night is found; the days of a
	// clocked range are its first to its last.
	iv, ok := fireworks.Find(day("2026-02-19"))
	require.True(t, ok)
	require.Equal(t, day("2026-02-16"), iv.From)
	require.Equal(t, day("2026-02-19"), iv.To)
	_, ok = fireworks.Find(day("2026-02-20"))
	require.False(t, ok)
	d, ok := fireworks.NextEnd(day("2026-02-01"))
	require.True(t, ok)
	require.Equal(t, "2026-02-19", d.String())
	d, ok = fireworks.NextStart(day("2026-02-15"))
	require.True(t, ok)
	require.Equal(t, "2026-02-16", d.String())
}

// TestFindTimeMatchesScan compares FindTime with a linear scan every 10
// minutes over a month, for a union of overlapping clocked terms.
func TestFindTimeMatchesScan(t *testing.T) {
	c := newCal(t)
	w := window(t, c, "date 2026-07-03..2026-07-23 & daily 22:00..06:00 | daily 12:00..14:00 | weekly 周五 18:00..周一 08:00 | date 2026-07-10 13:00..2026-07-12 09:30 | annual 07-20", "2026-07-01", "2026-07-31")
	for at := day("2026-06-30").Start(); at.Before(day("2026-08-02").Start()); at = at.Add(10) {
		var want Interval
		found := false
		for _, iv := range w.Intervals() {
			if iv.ContainsTime(at) {
				want, found = iv, true
				break
			}
		}
		got, ok := w.FindTime(at)
		require.Equal(t, found, ok, at.String())
		require.Equal(t, want, got, at.String())
		// NextEndTime: the end of the merged span.
		if ok {
			end, ok := w.NextEndTime(at)
			require.True(t, ok)
			require.False(t, w.ContainsTime(end), "%s: the span ends at %s", at, end)
			require.True(t, w.ContainsTime(end.Add(-1)), "%s", at)
		}
	}
}

func TestFindTimeDoesNotAllocate(t *testing.T) {
	c := newCal(t)
	w := window(t, c, "date 2026-07-03..2026-07-23 & daily 22:00..06:00 | festival 除夕 12:00 .. lunar 正月初三 12:00", "2020-01-01", "2030-12-31")
	at := minute("2026-07-05 23:00")
	allocs := testing.AllocsPerRun(1000, func() {
		if _, ok := w.FindTime(at); !ok {
			panic("not found")
		}
	})
	require.Zero(t, allocs)
}
