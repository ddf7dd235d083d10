package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestHabitDay holds that the time said in a clause that tells a habit
// (往年八月份, 每年九月初, 9月份我天天) is colour beside a day a later clause
// names for the act, which is the day asked of — but not a day the habit
// runs to (一直摘到过年), and not where no habit is told (session 38,
// set65).
func TestHabitDay(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct{ at, question, day string }{
		{"2025-08-12", "往年八月份都在山上烧火土灰，今年8月20号还照样烧，我们是重点防火区", "2025-08-20"},
		{"2024-08-29", "每年九月初我都上山给我爷爷做生日烧纸，今年9月5号去", "2024-09-05"},
		{"2024-09-22", "9月份我天天在城里人行道上摆摊，9月20号那天也摆了，那天算违规不", "2024-09-20"},
		{"2024-12-05", "十二月份我天天去摘自家的寒露籽，要一直摘到过年", "2024-12-05"},
	} {
		d, err := calendar.ParseDate(tc.at)
		require.NoError(t, err)
		_, q, err := h.Ask(Request{Question: tc.question, Today: d})
		require.NoError(t, err, tc.question)
		require.Equal(t, tc.day, q.Date.String(), tc.question)
	}
}
