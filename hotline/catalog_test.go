package hotline

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/zh"
)

func TestChineseNumbers(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"50", 50, true}, {"12.5", 12.5, true}, {"一百", 100, true}, {"两百", 200, true}, {"一百五十", 150, true},
		{"两百五", 250, true}, {"十五", 15, true}, {"二十", 20, true}, {"三千", 3000, true}, {"一千零五十", 1050, true},
		{"五", 5, true}, {"", 0, false}, {"百米", 0, false}, {"abc", 0, false},
	} {
		got, ok := zh.Number(tc.in)
		require.Equal(t, tc.ok, ok, tc.in)
		if ok {
			require.Equal(t, tc.want, got, tc.in)
		}
	}
}

func TestCatalogueNeedsBothLanguages(t *testing.T) {
	_, err := LoadCatalog([]byte("messages:\n  verdict.allowed: {zh: 可以}\n"))
	require.ErrorContains(t, err, "verdict.allowed: needs zh and en")
	_, err = LoadCatalog([]byte("messages:\n  penalty: {zh: \"违者：{text}\", en: \"Violators\"}\n"))
	require.ErrorContains(t, err, "zh uses {text}, en uses")
	_, err = LoadCatalog([]byte("mesages: {}\n"))
	require.Error(t, err)
	l, err := ParseLang("EN")
	require.NoError(t, err)
	require.Equal(t, EN, l)
	_, err = ParseLang("fr")
	require.Error(t, err)
}

// Every caller question renders completely in both languages: no missing
// catalogue key ([key]) and no unfilled placeholder ({name}).
func TestEveryAnswerRendersInBothLanguages(t *testing.T) {
	h := newTestHotline(t)
	unfilled := regexp.MustCompile(`\{[a-z_]+\}|\[[a-z_.]+\]`)
	for _, tc := range callerCases() {
		today, err := calendar.ParseDate(tc.at)
		require.NoError(t, err)
		for _, l := range []Lang{ZH, EN} {
			ans, _, err := h.Ask(Request{Question: tc.question, Today: today, Lang: l})
			require.NoError(t, err)
			require.NotRegexp(t, unfilled, ans.Answer, "%s (%s)", tc.question, l)
			for _, f := range ans.FollowUp {
				require.NotRegexp(t, unfilled, f.Question)
				require.NotEmpty(t, f.Replies)
			}
			if l == EN {
				if ans.Intent == IntentSeveral {
					ans = ans.Answers[0]
				}
				first := strings.SplitN(strings.SplitN(ans.Answer, ":", 2)[0], ".", 2)[0]
				require.Contains(t, []string{"No", "Yes", "It depends", "The rule base has no rule on this"}, first, tc.question)
			}
		}
	}
}

func TestEveryFactHasAQuestion(t *testing.T) {
	h := newTestHotline(t)
	for _, f := range h.eng.Rules().Facts {
		require.NotEmpty(t, h.cat.Question(ZH, f.Name), "fact %s has no follow-up question in catalog.yaml", f.Name)
		require.NotEmpty(t, h.cat.Question(EN, f.Name), "fact %s has no English follow-up question", f.Name)
	}
}

func TestParseFacts(t *testing.T) {
	set := newTestHotline(t).eng.Rules()
	got, err := ParseFacts(set, map[string]any{
		"distance_to_forest_m": 50.0, "in_forest_land": "否", "fire_zone": "一般森林防火区",
		"high_danger_days": map[string]any{"min": 1.0, "max": 3.0}, "town": nil,
	})
	require.NoError(t, err)
	require.Equal(t, engine.Facts{"distance_to_forest_m": 50.0, "in_forest_land": false, "fire_zone": "general",
		"high_danger_days": engine.Range{Lo: 1, Hi: 3, Source: "request"}}, got)
	for _, bad := range []map[string]any{
		{"distanse_to_forest_m": 1.0},
		{"distance_to_forest_m": true},
		{"distance_to_forest_m": map[string]any{"min": 5.0, "max": 1.0}},
		{"in_forest_land": 1.0},
		{"fire_zone": "red"},
		{"town": 3.0},
	} {
		_, err := ParseFacts(set, bad)
		var fe *FactError
		require.ErrorAs(t, err, &fe, "%v", bad)
	}
}

func TestQuestionsWithoutAnActivity(t *testing.T) {
	h := newTestHotline(t)
	// 纸扎: a word of a notice's topic (纸), the act not heard — asked again
	for _, q := range []string{"", "喂喂喂听得到吗", "明天在山上", "我想问问那个纸扎的要办证吗", "你是机器人吗"} {
		ans, parsed, err := h.Ask(Request{Question: q, Today: calendar.MustDate(2024, 10, 2)})
		require.NoError(t, err, q)
		require.Equal(t, NotUnderstood, ans.Verdict, q)
		require.NotEmpty(t, ans.Ask, q)
		require.Empty(t, parsed.Activity)
	}
	_, parsed, _ := h.Ask(Request{Question: "喂喂喂听得到吗", Today: calendar.MustDate(2024, 10, 2)})
	require.Equal(t, []string{"听"}, parsed.NotUnderstood)
}

// A question of words no vocabulary holds, in a call that touches no
// notice's topic, is of an act no rule covers, named by those words.
func TestQuestionsOfAnUnheardActOffTopic(t *testing.T) {
	h := newTestHotline(t)
	for q, act := range map[string]string{"我想问问养猫要办证吗": "养猫", "下个礼拜村里搞拔河比赛可以吗": "拔河比赛"} {
		ans, _, err := h.Ask(Request{Question: q, Today: calendar.MustDate(2024, 10, 2)})
		require.NoError(t, err, q)
		require.Equal(t, engine.NoRule, ans.Verdict, q)
		require.Contains(t, ans.Answer, act, q)
		require.NotContains(t, ans.Answer, "可以。", q)
	}
}

// TestArticleEnglish: article references read in English with Arabic
// numbers; Chinese keeps them as printed.
func TestArticleEnglish(t *testing.T) {
	c, err := EmbeddedCatalog()
	require.NoError(t, err)
	for _, tc := range []struct{ in, en, zh string }{
		{"三", "article 3", "第三条"},
		{"第十九条", "article 19", "第十九条"},
		{"第十九条（二）", "article 19(2)", "第十九条（二）"},
		{"二（四）", "article 2(4)", "二（四）"},
		{"第三十一条", "article 31", "第三十一条"},
		{"标题", "title", "标题"},
		{"祁政发〔2024〕4号", "祁政发〔2024〕4号", "祁政发〔2024〕4号"},
	} {
		require.Equal(t, tc.en, c.Article(EN, tc.in), tc.in)
		require.Equal(t, tc.zh, c.Article(ZH, tc.in), tc.in)
	}
}
