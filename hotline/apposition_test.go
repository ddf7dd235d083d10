package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestAppositiveDay: a day counted from today followed at once by the
// festival or weekday it falls in (明天清明节) is that day. On 2026-04-04,
// inside the 清明 holiday (4–6 April), 清明节 alone means today; said after
// 明天 it only describes tomorrow.
func TestAppositiveDay(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct{ at, question, date string }{
		{"2026-04-04", "明天清明节我到后山给我爹上坟，烧点纸钱要得不", "2026-04-05"},
		{"2026-04-04", "明天清明节烧纸要得不", "2026-04-05"},
		{"2026-04-04", "清明节烧纸要得不", "2026-04-04"},
		{"2026-04-04", "明天星期天，烧纸要得不", "2026-04-05"},
		{"2026-04-04", "现在是清明节，明天烧纸要得不", "2026-04-05"},
	} {
		t.Run(tc.question, func(t *testing.T) {
			today, err := calendar.ParseDate(tc.at)
			require.NoError(t, err)
			_, q, err := h.Ask(Request{Question: tc.question, Today: today})
			require.NoError(t, err)
			require.Equal(t, tc.date, q.Date.String())
		})
	}
}
