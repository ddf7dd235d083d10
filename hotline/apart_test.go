package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestTwoActsApart: two covered acts of different notices asked either side
// of a question mark get an answer each (secondActLost), while two steps of
// one matter stay one question read whole; a clause naming another
// question's place first keeps its distance to that question
// (placesOfOthers); items of a list ask the act at their places
// (listedPlace, askedInList).
func TestTwoActsApart(t *testing.T) {
	h := newTestHotline(t)
	for _, c := range []struct {
		q     string
		day   calendar.Date
		acts  []string
		dists []bool // whether each answer took the distance said
	}{
		{"油坊10月8号收新茶籽榨油可以吗？我在茶山边上烧一堆茶枯饼的壳子行不，离山三十米", calendar.MustDate(2024, 10, 2),
			[]string{"buy_new_seed_for_pressing", "outdoor_fire"}, nil},
		{"一家人是不是都要交？只交老人的，年轻的不交，要得不", calendar.MustDate(2024, 10, 21),
			[]string{"selective_enrolment"}, nil},
		{"办丧事在自家院子里烧纸，院子离山八十米，还有出殡路上沿路放鞭炮要得不", calendar.MustDate(2024, 12, 5),
			[]string{"ritual_paper_money", "fireworks"}, []bool{true, false}},
		{"过年初一在城里小区楼下放鞭炮行不，那回乡下老屋门口放呢，老屋挨着山", calendar.MustDate(2025, 1, 20),
			[]string{"fireworks", "fireworks"}, []bool{false, true}},
		{"今天在山上抽烟，离林子五十米，会不会罚？离林子两百米呢", calendar.MustDate(2024, 12, 12),
			[]string{"smoking", "smoking"}, []bool{true, true}},
		// (the words after the mark ask in a clause of their own)
		{"城区工地自己挖出来的土在工地上回填，这个要不要批？晚上工地上烧火取暖呢，工地离山很远", calendar.MustDate(2024, 11, 25),
			[]string{"backfill_with_construction_waste", "fire_for_warmth"}, nil},
		// (items of a list, each at its place; the distance is the yard's)
		{"七月半烧包，一是在屋里烧，二是在院子里烧，院子离山十米，三是去山上坟前烧，哪个行", calendar.MustDate(2025, 8, 25),
			[]string{"ritual_paper_money", "ritual_paper_money", "ritual_paper_money"}, []bool{false, true, false}},
	} {
		u := h.p.understandCall(c.q, c.day)
		var qs []*Query
		if len(u.parts) > 0 {
			for _, pt := range u.parts {
				qs = append(qs, pt.queries...)
			}
		} else {
			qs = u.queries
		}
		var acts []string
		for _, q := range qs {
			acts = append(acts, q.Activity)
		}
		require.Equal(t, c.acts, acts, c.q)
		for i, want := range c.dists {
			_, ok := qs[i].Facts["distance_to_forest_m"]
			require.Equal(t, want, ok, "%s: answer %d", c.q, i+1)
		}
	}
}
