package hotline

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/feed"
)

// TestFeedAnswers: "今天能在山边烧田埂吗" in July, for a township, with a
// conditions feed: the answer says the level the feed published that day
// and who published it; past the feed's last day it says plainly that the
// feed has none and the operator checks; for a township the feed does not
// cover it says that; without a feed, the details say that none is loaded
// (not read aloud: the answer states each outcome). The caller is never
// asked the level or the class.
func TestFeedAnswers(t *testing.T) {
	h := newTestHotline(t)
	examples, err := feed.ReadDir(context.Background(), "../examples/conditions", feed.Limits{})
	require.NoError(t, err)
	// A feed with 白水镇's own rows only: other townships are missing.
	levels, err := os.ReadFile("../examples/conditions/levels.csv")
	require.NoError(t, err)
	var own []string
	for _, line := range strings.Split(string(levels), "\n") {
		if strings.HasPrefix(line, "date,") || strings.Contains(line, ",431181107,") {
			own = append(own, line)
		}
	}
	require.Len(t, own, 7)
	baishuiOnly, err := feed.New("test", feed.Limits{}, feed.File{Name: "levels.csv", Data: []byte(strings.Join(own, "\n") + "\n")})
	require.NoError(t, err)

	const question = "今天能在山边烧田埂吗"
	for _, tc := range []struct {
		name  string
		feed  *feed.Feed
		town  string
		day   calendar.Date
		want  []string
		never []string
	}{
		{"fresh", examples, "白水镇", calendar.MustDate(2025, 7, 14),
			[]string{"据示例气象台（非官方）7月14日发布的森林火险气象等级，白水镇为4。"},
			[]string{"请值班人员核实", "要看情况"}},
		{"fresh county row", examples, "茅竹镇", calendar.MustDate(2025, 7, 14),
			[]string{"据示例气象台（非官方）7月14日发布的森林火险气象等级，茅竹镇为3。", "这不等于“可以”"},
			[]string{"请值班人员核实"}},
		{"stale", examples, "白水镇", calendar.MustDate(2025, 7, 20),
			[]string{"条件数据没有白水镇2025年7月20日的森林火险气象等级（最近一次为2025年7月18日", "按未知处理：请值班人员核实"},
			[]string{"白水镇为4"}},
		{"township missing", baishuiOnly, "茅竹镇", calendar.MustDate(2025, 7, 14),
			[]string{"条件数据没有茅竹镇的森林防火区类别，按未知处理：请值班人员核实。"},
			[]string{"茅竹镇为"}},
		{"no feed", nil, "白水镇", calendar.MustDate(2025, 7, 14),
			nil,
			[]string{"白水镇为", "没有加载条件数据", "请值班人员核实"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			eng, err := h.eng.Refeed(tc.feed)
			require.NoError(t, err)
			fh, err := h.WithEngine(eng)
			require.NoError(t, err)
			ans, _, err := fh.Ask(Request{Question: "我在" + tc.town + "，" + question, Today: tc.day})
			require.NoError(t, err)
			for _, w := range tc.want {
				require.Contains(t, ans.Answer, w)
			}
			for _, w := range tc.never {
				require.NotContains(t, ans.Answer, w)
			}
			if tc.feed == nil {
				// no feed configured: a fact of the deployment, for the
				// operator in the details, not read to every caller
				require.Contains(t, strings.Join(ans.Details.Notes, ""), "没有加载条件数据，森林防火区类别未知：请值班人员核实")
			}
			require.NotEqual(t, engine.Verdict(""), ans.Verdict)
			require.NotContains(t, ans.Ask, "火险", "the caller is not asked what the feed publishes")
			require.NotContains(t, ans.Ask, "防火区")
			if tc.feed != nil {
				require.Equal(t, tc.feed.Digest(), ans.Decision.Receipt().Feed, "the answer names the feed it used")
			}
		})
	}
}
