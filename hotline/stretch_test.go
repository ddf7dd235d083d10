package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// TestStretchOfDays holds that a stretch of days said in words (霜降前后,
// 寒露到霜降中间那几天) is answered for the stretch: 要看情况 when the verdict
// changes inside it, the change said; its own verdict when every day
// shares one (session 36, fix5957).
func TestStretchOfDays(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct {
		at, question string
		verdict      engine.Verdict
		from, to     string
		say          string
	}{
		{"2024-10-15", "霜降前后摘自家的霜降籽，行不行", engine.Conditional, "2024-10-20", "2024-10-26", "从10月23日起可以"},
		{"2024-10-24", "霜降前后摘自家的霜降籽，行不行", engine.Allowed, "2024-10-24", "2024-10-26", ""},
		{"2024-10-05", "寒露到霜降中间那几天，摘自家的寒露籽呢", engine.Allowed, "2024-10-09", "2024-10-22", ""},
		{"2024-10-05", "寒露到霜降中间那几天，摘自家的霜降籽要得不", engine.Forbidden, "2024-10-09", "2024-10-22", ""},
	} {
		d, err := calendar.ParseDate(tc.at)
		require.NoError(t, err)
		a, q, err := h.Ask(Request{Question: tc.question, Today: d})
		require.NoError(t, err, tc.question)
		require.Equal(t, tc.verdict, a.Verdict, tc.question)
		require.Equal(t, tc.from, q.Date.String(), tc.question)
		require.NotNil(t, q.DateEnd, tc.question)
		require.Equal(t, tc.to, q.DateEnd.String(), tc.question)
		require.Contains(t, a.Answer, tc.say, tc.question)
	}
}
