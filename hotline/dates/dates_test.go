package dates_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/dates"
)

// TestReadSession3 covers the readings added for the second held-out set:
// 下下周三 is two weeks on, 十一月 is a month (not 国庆), and 前一天 with
// no day named to count from is weak.
func TestReadSession3(t *testing.T) {
	cal, err := calendar.New()
	require.NoError(t, err)
	r, err := dates.New(cal, dates.Words{
		Next: []string{"下", "下个"}, This: []string{"这"}, Week: []string{"周", "礼拜"},
		Weekdays: map[string]int{"三": 3}, Before: []string{"前一天"}, After: []string{"后第"},
	})
	require.NoError(t, err)
	today := calendar.MustDate(2024, 11, 6) // a Wednesday
	for _, tc := range []struct {
		text string
		want string
		weak bool
	}{
		{"下周三", "2024-11-13", false},
		{"下下周三", "2024-11-20", false},
		{"下下个礼拜三", "2024-11-20", false},
		{"十一月", "2024-11-06", false}, // this month: from today
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
