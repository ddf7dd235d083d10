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

// TestWeekdayToldDone: a weekday said alone, the act told done, is the
// nearer one gone by (我礼拜二…抽了根烟 said on Wednesday); 上个礼拜六 before
// an act told done in the next clause is that day, not a story's time; 礼拜
// 六 before 七月半 is the weekday, 七月半 the festival.
func TestWeekdayToldDone(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct{ today, q, day string }{
		{"2024-09-04", "我礼拜二在山上抽了根烟，会不会有事", "2024-09-03"},
		{"2024-09-04", "礼拜二在山上抽根烟要得不", "2024-09-10"},
		{"2026-03-09", "上个礼拜六城管来收我的摊子，我推了他一把，会怎么样", "2026-03-07"},
		{"2025-09-02", "这个礼拜六七月半，我在屋里神龛前面烧纸", "2025-09-06"},
	} {
		today, err := calendar.ParseDate(tc.today)
		require.NoError(t, err)
		u := h.p.understand(tc.q, today)
		require.NotEmpty(t, u.queries, tc.q)
		require.Equal(t, tc.day, u.queries[0].Date.String(), tc.q)
	}
}
