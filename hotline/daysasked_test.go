package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestDayOfTheAct holds which day a call is asked of when it tells a story
// around the act: a claim's day, a 现在 after an act told done, the midnight
// of a year's eve (session 32, fixdays).
func TestDayOfTheAct(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct {
		at, question, date, time string
	}{
		// a claim's day is the rule's as heard, not the act's
		{"2025-05-02", "4月30号那天烧田埂被罚了，田就在山脚边，不是说5月份才解禁吗", "2025-04-30", ""},
		// a 现在 after an act told done tells the story on
		{"2025-01-02", "跨年那晚在山顶放烟花被派出所带走了，现在放出来了，这个到底犯了哪条", "2024-12-31", ""},
		// …but a year said alone is as weak as 现在
		{"2025-05-10", "去年冬天偷摘了别个家的几斤茶籽，现在还会追究不", "2025-05-10", ""},
		// a document's validity asked of then is the act's on its day
		{"2025-03-02", "去年8月25号在山上野炊被人说了，那个时候禁火令生效了没有", "2024-08-25", ""},
		{"2024-09-25", "九月十号城里有人乱倒渣土，那时候这个办法施行了没有", "2024-09-10", ""},
		// an act told done on a day without a year: the one gone by only
		// when it is the nearer, or a year is said with it
		{"2024-10-20", "霜降那天摘茶籽摘过了界，摘到隔壁山上去了", "2024-10-23", ""},
		{"2024-10-08", "茶籽山主打了电话同意我去摘，寒露籽，10月9号", "2024-10-09", ""},
		{"2024-10-26", "10月25号在山上摘了茶籽", "2024-10-25", ""},
		{"2025-12-20", "今年除夕在山上放了鞭子会罚不", "2025-01-28", ""},
		// a day a few days gone by, its act said as it was, is that day;
		// one said with may or will, or a day of the month alone, is ahead
		{"2024-09-16", "城里9月13号把渣土乱倒在空地上，那天有没有规定", "2024-09-13", ""},
		{"2024-09-16", "城里9月14号把渣土倒在空地上，算不算乱倒", "2024-09-14", ""},
		{"2024-09-16", "城里9月14号想把渣土倒在空地上", "2025-09-14", ""},
		{"2024-10-02", "三十号在山上烧稻草", "2024-10-30", ""},
		// a month said right before a festival is its setting
		{"2024-10-05", "九月重阳去山上庙里烧香要得不", "2024-10-11", ""},
		// a day said with 之前 right before another is the bound the day
		// asked keeps inside, not the day (session 37, fix61)
		{"2025-08-20", "赶在九月一号之前8月31号炼山", "2025-08-31", ""},
		{"2025-09-05", "2025年国庆前9月10号摘寒露籽", "2025-09-10", ""},
		// 零点 of a year's eve is the midnight that ends it
		{"2025-01-20", "除夕守岁，零点在屋门口放鞭炮，屋离山五十米", "2025-01-29", "00:00"},
		{"2024-12-20", "12月31号零点在山上放烟花", "2025-01-01", "00:00"},
		{"2024-09-20", "10月1号零点在山上放烟花", "2024-10-01", "00:00"},
	} {
		d, err := calendar.ParseDate(tc.at)
		require.NoError(t, err)
		_, q, err := h.Ask(Request{Question: tc.question, Today: d})
		require.NoError(t, err)
		require.Equal(t, tc.date, q.Date.String(), tc.question)
		if tc.time != "" {
			require.Equal(t, tc.time, q.Time, tc.question)
		}
	}
}
