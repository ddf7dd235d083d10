package dates_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/dates"
)

// TestLunarDayHolidayAfter: a lunar day's word marked HolidayAfter (过完年)
// said before the public holiday holding the day is over is that
// holiday's first day after, as 过完节 is; said after it, now (Since); a
// word not so marked (过了年) stays the day itself.
func TestLunarDayHolidayAfter(t *testing.T) {
	cal, err := calendar.New()
	require.NoError(t, err)
	newYear := calendar.LunarDate{Month: 1, Day: 1}
	r, err := dates.New(cal, dates.Words{LunarDays: map[string]dates.LunarDay{
		"过完年": {Date: newYear, Since: 90, HolidayAfter: true},
		"过了年": {Date: newYear, Since: 90},
	}})
	require.NoError(t, err)
	for _, tc := range []struct{ today, text, want string }{
		{"2025-01-20", "过完年烧田埂", "2025-02-05"}, // 春节 2025: 01-28 to 02-04
		{"2024-12-20", "过完年烧田埂", "2025-02-05"},
		{"2025-01-31", "过完年烧田埂", "2025-02-05"}, // in the holiday
		{"2025-02-04", "过完年烧田埂", "2025-02-05"}, // its last day
		{"2025-02-05", "过完年烧田埂", "2025-02-05"}, // over: now
		{"2025-03-10", "过完年烧田埂", "2025-03-10"},
		{"2025-01-20", "过了年烧田埂", "2025-01-29"},
	} {
		today, err := calendar.ParseDate(tc.today)
		require.NoError(t, err)
		ms := r.Read(tc.text, today)
		require.Len(t, ms, 1, tc.text)
		require.Equal(t, tc.want, ms[0].Date.String(), tc.today+" "+tc.text)
	}
}
