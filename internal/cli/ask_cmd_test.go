package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAskCommand(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"the issue's example", []string{"ask", "我在白水镇，今天能烧秸秆吗", "--at", "2026-11-28"}, 0,
			[]string{"不可以：11月28日露天焚烧秸秆是禁止的。", "祁政通〔2023〕6号"}},
		{"a follow-up question with the answer for each reply", []string{"ask", "10月3日烧田埂行不行", "--at", "2024-09-20"}, 0,
			[]string{"要看情况", "请问：您烧田埂的地方离山林（林地边上）有没有100米？", "答“不超过100米”：不可以", "答“超过100米”：本规则库没有相关规定"}},
		{"the reply added as a fact", []string{"ask", "10月3日烧田埂行不行", "--at", "2024-09-20", "--fact", "distance_to_forest_m=80"}, 0,
			[]string{"不可以", "禁火期到2025年4月30日结束"}},
		{"flags after the question", []string{"ask", "--at", "2024-09-20", "10月3日烧田埂行不行", "--lang", "en"}, 0,
			[]string{"It depends:", "Ask: Is the place of burning field ridges within 100 m of forest land"}},
		{"what was not understood is said", []string{"ask", "偷摘别人的茶籽会怎么样，顺便遛鸟", "--at", "2024-10-05"}, 0,
			[]string{"没有听懂的话：遛鸟"}},
		{"no activity", []string{"ask", "我想问问那个纸扎的要办证吗"}, 2, []string{"没有听出您要问哪件事", "纸扎"}},
		{"an act no rule covers, in words no list holds", []string{"ask", "我想问问养猫要办证吗"}, 0, []string{"本规则库没有相关规定", "养猫"}},
		{"no question", []string{"ask"}, 2, []string{"give the question"}},
		{"bad language", []string{"ask", "烧田埂", "--lang", "fr"}, 2, []string{"--lang"}},
		{"bad fact", []string{"ask", "烧田埂", "--fact", "distance=5"}, 2, []string{"unknown fact"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCmd(tc.args...)
			require.Equal(t, tc.code, code, "stdout: %s\nstderr: %s", out, errOut)
			for _, c := range tc.contains {
				require.Contains(t, out+errOut, c)
			}
		})
	}
}

// ask --json prints an answer object even when nothing was understood:
// verdict not_understood, the parsed question, and what to ask.
func TestAskJSONNotUnderstood(t *testing.T) {
	code, out, _ := runCmd("ask", "养猫", "--json")
	require.Equal(t, 2, code)
	var v struct {
		Verdict string `json:"verdict"`
		Ask     string `json:"ask"`
		Query   struct {
			NotUnderstood []string `json:"not_understood"`
		} `json:"query"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &v), out)
	require.Equal(t, "not_understood", v.Verdict)
	require.NotEmpty(t, v.Ask)
	require.Equal(t, []string{"养猫"}, v.Query.NotUnderstood)
}

func TestAskJSON(t *testing.T) {
	code, out, errOut := runCmd("ask", "我在白水镇，今天能烧秸秆吗", "--at", "2026-11-28", "--json")
	require.Equal(t, 0, code, errOut)
	var v struct {
		Query struct {
			Activity string         `json:"activity"`
			Date     string         `json:"date"`
			Facts    map[string]any `json:"facts"`
		} `json:"query"`
		Verdict  string            `json:"verdict"`
		Answer   string            `json:"answer"`
		FollowUp []json.RawMessage `json:"follow_up"`
		Reasons  []struct {
			Notice  string `json:"notice"`
			Article string `json:"article"`
		} `json:"reasons"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	require.Equal(t, "forbidden", v.Verdict)
	require.Equal(t, "open_burning_straw", v.Query.Activity)
	require.Equal(t, "2026-11-28", v.Query.Date)
	require.Equal(t, "白水镇", v.Query.Facts["town"])
	require.True(t, strings.HasPrefix(v.Answer, "不可以"))
	require.NotNil(t, v.FollowUp)
	require.NotEmpty(t, v.Reasons)
}

// TestAskAtMinute: --at with a minute is the call's own: a question that
// names no day or time is asked about that minute and says it; a day or
// a time the question names wins; --at with a day alone sets no minute.
func TestAskAtMinute(t *testing.T) {
	type query struct {
		Date         string `json:"date"`
		Time         string `json:"time"`
		TimeFromCall bool   `json:"time_from_call"`
	}
	ask := func(question, at string) (query, string) {
		code, out, errOut := runCmd("ask", question, "--at", at, "--json")
		require.Equal(t, 0, code, errOut)
		var v struct {
			Query    query  `json:"query"`
			Headline string `json:"headline"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &v), out)
		return v.Query, v.Headline
	}
	q, head := ask("在山上烧纸行不行", "2024-10-03 21:30")
	require.Equal(t, query{"2024-10-03", "21:30", true}, q)
	require.Contains(t, head, "10月3日21点30分")
	q, _ = ask("现在在山上烧纸行不行", "2024-10-03T13:30:00Z") // 21:30 in China
	require.Equal(t, query{"2024-10-03", "21:30", true}, q)
	q, _ = ask("明天在山上烧纸行不行", "2024-10-03 21:30")
	require.Equal(t, query{"2024-10-04", "", false}, q)
	q, _ = ask("今晚11点在山上烧纸行不行", "2024-10-03 21:30")
	require.Equal(t, query{"2024-10-03", "23:00", false}, q)
	q, _ = ask("在山上烧纸行不行", "2024-10-03")
	require.Equal(t, query{"2024-10-03", "", false}, q)
}
