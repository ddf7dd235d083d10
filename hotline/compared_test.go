package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestMarkCompared: a clause that sets two cases side by side is the pair
// compared when the caller's own case is said after it (roleKnown, with the
// premise before it that names no one of the caller's), or, opening with a
// joining word, it asks of the case before it and only sets apart what it
// says of the other.
func TestMarkCompared(t *testing.T) {
	h := newTestHotline(t)
	day, err := calendar.ParseDate("2024-10-09")
	require.NoError(t, err)
	for _, tc := range []struct {
		q        string
		known    []int // clauses marked roleKnown
		compared []int // clauses that join a compared case
	}{
		{q: "寒露籽是10月8号开摘，霜降籽跟它一样不？我家山上的霜降籽10月15号摘得不", known: []int{0, 1}},
		{q: "抢险的跟我们不一样吧？我们城里工地挖地基出渣，核准冇办", known: []int{0}},
		{q: "我有核准证，跟那些冇证的不一样吧？我在城里帮工地拉渣土", compared: []int{1}},
		{q: "不摘茶籽的时候砍自家的老油茶树，跟摘的时候折枝一样管吗", compared: []int{1}},
		{q: "12月交医保跟1月交有什么区别"},
	} {
		rd := h.p.read(tc.q, day)
		roles := h.p.roles(rd)
		var known, compared []int
		for c, r := range roles {
			if r == roleKnown {
				known = append(known, c)
			}
			if comparedIn(rd, c) {
				compared = append(compared, c)
			}
		}
		require.Equal(t, tc.known, known, tc.q)
		require.Equal(t, tc.compared, compared, tc.q)
	}
}

// TestAskingText: a consequence told done to someone (被抓了, 被罚了) asks
// nothing, so the clause that tells it is the call's story; one asked (会不
// 会被抓, 被罚吗) still asks.
func TestAskingText(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct {
		clause string
		asks   bool
	}{
		{clause: "别人在我山上偷摘被抓了", asks: false},
		{clause: "他在田里烧秸秆被罚了", asks: false},
		{clause: "在山上烧荒会不会被抓", asks: true},
		{clause: "烧秸秆会被罚吗", asks: true},
	} {
		require.Equal(t, tc.asks, h.p.asksKind(h.p.askingText(tc.clause)), tc.clause)
	}
}

// TestComparedPlace: the place of the case compared is not where the act
// is done (placeSaid).
func TestComparedPlace(t *testing.T) {
	h := newTestHotline(t)
	day, err := calendar.ParseDate("2024-12-20")
	require.NoError(t, err)
	u := h.p.understand("我在冷水滩那边的山上烧荒，跟祁阳这边一样管不", day)
	require.Len(t, u.queries, 1)
	require.NotEmpty(t, u.queries[0].outside+u.queries[0].Place)
	require.NotEqual(t, "431181", u.queries[0].Place)
}
