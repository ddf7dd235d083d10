package hotline

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestAnswersPerCall: a call asking more than MaxAnswers things gets the
// first MaxAnswers answered, in the order said, exactly as a call asking
// only those would; the answer says how many more were not answered, in
// its spoken text (kept before anything else is cut for room) and in
// Unanswered. A call repeating 白水镇呢 a hundred times made a hundred
// decisions.
func TestAnswersPerCall(t *testing.T) {
	h := newTestHotline(t)
	today := calendar.MustDate(2024, 10, 2)
	cases := []struct {
		name  string
		parts []string // the questions asked, joined by ？
		asked int      // the answers the call would get without a bound
		acts  []string // the activities of the answers given, in order
	}{
		{name: "an act, then its facts asked again and again",
			parts: append([]string{"寒露籽什么时候能摘", "霜降籽呢"}, repeat("白水镇呢", 100)...), asked: 102,
			acts: repeat("pick_oil_tea", MaxAnswers)},
		{name: "distinct acts",
			parts: []string{"上坟能点蜡烛吗", "能烧香吗", "能烧纸吗", "能放鞭炮吗", "能放孔明灯吗", "能烧稻草吗", "能烧田埂吗"}, asked: 7,
			acts: []string{"ritual_candles", "ritual_incense", "ritual_paper_money", "fireworks", "sky_lantern"}},
		{name: "one act asked after another, again and again",
			parts: append([]string{"在山上抽烟可以不"}, repeat("野炊呢", 40)...), asked: 2,
			acts: []string{"smoking", "outdoor_cooking"}},
	}
	for _, c := range cases {
		for _, lang := range []Lang{ZH, EN} {
			t.Run(c.name+"/"+string(lang), func(t *testing.T) {
				a, _, err := h.Ask(Request{Question: strings.Join(c.parts, "？"), Today: today, Lang: lang})
				require.NoError(t, err)
				var acts []string
				for _, x := range a.Answers {
					acts = append(acts, x.Query.Activity)
				}
				require.Equal(t, c.acts, acts)
				unanswered := max(c.asked-MaxAnswers, 0)
				require.Equal(t, unanswered, a.Unanswered)
				said := h.cat.T(lang, "several.unanswered", "n", strconv.Itoa(unanswered), "max", strconv.Itoa(MaxAnswers))
				if unanswered == 0 {
					require.NotContains(t, a.Answer, said)
					return
				}
				require.Contains(t, a.Answer, said)
				// the questions answered, asked alone, get the same answers
				alone, _, err := h.Ask(Request{Question: strings.Join(c.parts[:MaxAnswers], "？"), Today: today, Lang: lang})
				require.NoError(t, err)
				require.Zero(t, alone.Unanswered)
				require.Len(t, alone.Answers, MaxAnswers)
				for k := range alone.Answers {
					require.Equal(t, alone.Answers[k].Answer, a.Answers[k].Answer, "answer %d", k+1)
				}
			})
		}
	}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}
