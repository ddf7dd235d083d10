package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestLaterVerbTakesThing: an act denied only for want of a place (冇地方放)
// gives way to a later clause's bare verb, which takes the thing it named;
// a thing opening its clause with a verb of its state after it (苞谷秆子晒干
// 了) is the thing a later verb leaves out; 了 and what the thing is then
// used as (烧了当肥) end the verb.
func TestLaterVerbTakesThing(t *testing.T) {
	h := newTestHotline(t)
	day := calendar.MustDate(2025, 5, 8)
	for _, tc := range []struct {
		q, act string
	}{
		{q: "城里屋里装修，拆下来的东西冇地方放，先在楼道里堆几天", act: "pile_decoration_waste"},
		{q: "城区自家屋里装修，渣土冇地方放，也先倒到路边，算不算", act: "dump_construction_waste_at_will"},
		{q: "苞谷秆子晒干了，想在地里烧了当肥", act: "open_burning_straw"},
		{q: "苞谷秆子晒干了，想在地里烧了", act: "open_burning_straw"},
	} {
		u := h.p.understand(tc.q, day)
		require.Len(t, u.queries, 1, tc.q)
		require.Equal(t, tc.act, u.queries[0].Activity, tc.q)
	}
}

// TestMonthPartAfterMonth: a month part that does not name the month itself
// (最后一天) is one only right after a month.
func TestMonthPartAfterMonth(t *testing.T) {
	h := newTestHotline(t)
	day := calendar.MustDate(2025, 8, 25)
	for _, tc := range []struct {
		q, want string
	}{
		{q: "八月份最后一天在山上烧枝丫", want: "2025-08-31"},
		{q: "整改期最后一天还可以摆摊吧", want: ""},
	} {
		var got []string
		for _, m := range h.p.read(tc.q, day).dates {
			got = append(got, m.Date.String())
		}
		if tc.want == "" {
			require.Empty(t, got, tc.q)
			continue
		}
		require.Contains(t, got, tc.want, tc.q)
	}
}
