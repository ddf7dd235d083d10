package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestFireTopicInEarlierClause: a fire made (一把火, 点把火) in a clause of its
// own burns what an earlier clause named — not only the call's first clause
// (早稻割完了，稻草…，想一把火点了 is burning straw, not 野外用火), and only by a
// frame whose words to be said with are said (荒地上的茅草…一把火烧了 is 烧荒:
// no 田埂 said, no ridge's grass).
func TestFireTopicInEarlierClause(t *testing.T) {
	h := newTestHotline(t)
	today := calendar.MustDate(2025, 5, 10)
	for _, tc := range []struct {
		question, activity string
	}{
		{"早稻割完了，田里那些稻草铺得到处都是，想一把火点了省得费事，要得不", "open_burning_straw"},
		{"油菜收完了，油菜秆子堆在田中间，点把火一烧了之行不行", "open_burning_straw"},
		{"稻草堆在田里，点把火烧了行不行", "open_burning_straw"},
		{"河边那块荒地上的茅草长得比人高，一把火烧了干净，可以不", "burn_wasteland"},
		{"田坎上的草好深哒，后日想一把火烧掉", "burn_field_ridge"},
	} {
		a, _, err := h.Ask(Request{Question: tc.question, Today: today})
		require.NoError(t, err)
		require.Equal(t, tc.activity, a.Query.Activity, "%s: %s", tc.question, a.Answer)
	}
}

// TestNamedTopic: a thing that ends its clause after a few words only naming
// it (三轮车装修垃圾, 自己家装修垃圾) is what the next clause's verb is done to;
// not when the words before it do or deny something or ask what it counts as.
func TestNamedTopic(t *testing.T) {
	h := newTestHotline(t)
	today := calendar.MustDate(2025, 3, 10)
	for _, tc := range []struct {
		question, activity, not string
	}{
		{question: "三轮车装修垃圾，倒在城里路边，要紧不", activity: "dump_construction_waste_at_will"},
		{question: "就一三轮车装修垃圾，在城里路边随便倒一下，要紧不", activity: "dump_construction_waste_at_will"},
		{question: "元宵节在城里街边卖汤圆，摆个小摊子行不行", activity: "set_up_stall"}, // (卖 does: no topic)
		{question: "旧沙发旧柜子算不算建筑垃圾，丢在城里小区路边", not: "dump_construction_waste"},
	} {
		a, _, err := h.Ask(Request{Question: tc.question, Today: today})
		require.NoError(t, err)
		if tc.not != "" {
			require.NotContains(t, a.Query.Activity, tc.not, "%s: %s", tc.question, a.Answer)
			continue
		}
		require.Equal(t, tc.activity, a.Query.Activity, "%s: %s", tc.question, a.Answer)
	}
}
