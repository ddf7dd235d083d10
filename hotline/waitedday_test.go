package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestWaitedDay: a day said right before 才能 (下下个礼拜三才能摘) tells when
// the act may begin, as the caller believes the rule; a day said after it
// in the call is the one the act is done on. Said alone it stays the day
// asked.
func TestWaitedDay(t *testing.T) {
	h := newTestHotline(t)
	today := calendar.MustDate(2024, 10, 9) // a Wednesday
	for _, tc := range []struct{ q, day string }{
		{"霜降籽是下下个礼拜三才能摘吧？我想这个周末就摘，自家山上的", "2024-10-12"},
		{"霜降籽是下下个礼拜三才能摘吧", "2024-10-23"},
		{"自家的霜降籽下个礼拜一摘要得不", "2024-10-14"},
	} {
		u := h.p.understand(tc.q, today)
		require.NotEmpty(t, u.queries, tc.q)
		require.Equal(t, tc.day, u.queries[0].Date.String(), tc.q)
	}
}
