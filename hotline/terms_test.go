package hotline

import (
	"context"
	"os"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// countyHotline is a hotline on testdata/county alone: a made-up notice
// with its own terms and its own asks table, none of 祁阳's rules or words.
func countyHotline(t *testing.T, fsys fstest.MapFS) (*Hotline, error) {
	t.Helper()
	root := rules.Root{Name: "testdata/county", FS: os.DirFS("testdata/county")}
	if fsys != nil {
		root = rules.Root{Name: "county", FS: fsys}
	}
	e, err := engine.LoadRoots(context.Background(), []rules.Root{root}, rules.Limits{})
	require.NoError(t, err)
	return New(e, Root{FS: root.FS, Name: root.Name})
}

// Which question words ask for which term is the rule set's data: another
// county's notice answers "how much", "which department", "what hours",
// "how is it paid" and "what does it say" from its own files, with no Go
// written for it; a term asked for is said, and said first, never a bare
// 可以 (TestAnotherCountysTerms).
func TestAnotherCountysTerms(t *testing.T) {
	h, err := countyHotline(t, nil)
	require.NoError(t, err)
	today, err := calendar.ParseDate("2025-05-06")
	require.NoError(t, err)
	permit := engine.Facts{"has_permit": true}
	for _, tc := range []struct {
		q       string
		facts   engine.Facts
		verdict engine.Verdict
		say     []string
		nosay   []string
	}{
		{q: "夜市摆摊一个月交多少钱", facts: permit, verdict: engine.Allowed, say: []string{"摊位费：每月150元"}},
		{q: "夜市摆摊可以按年交吗", facts: permit, verdict: engine.Allowed, say: []string{"按月缴纳"}, nosay: []string{"可以："}},
		{q: "夜市摆摊几点到几点", facts: permit, verdict: engine.Allowed, say: []string{"每晚18时至23时"}},
		// a ban that may apply says the body it names
		{q: "夜市摆摊要去哪里批", verdict: engine.Conditional, say: []string{"县市场服务中心"}},
		// what the notice says: the deciding rule's own sentence
		{q: "对夜市摆摊是怎么规定的", facts: engine.Facts{"has_permit": false}, verdict: engine.Forbidden, say: []string{"未经审批不得摆摊"}},
		// nothing asked: the terms said unasked (the fee)
		{q: "夜市摆摊行不行", facts: permit, verdict: engine.Allowed, say: []string{"每月150元"}, nosay: []string{"每晚18时"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			a, _, err := h.Ask(Request{Question: tc.q, Today: today, Facts: tc.facts})
			require.NoError(t, err)
			require.Equal(t, tc.verdict, a.Verdict, a.Answer)
			for _, s := range tc.say {
				require.Contains(t, a.Answer, s)
			}
			for _, s := range tc.nosay {
				require.NotContains(t, a.Answer, s)
			}
		})
	}
}

// An asks table naming a term no rule states, or a kind of question the
// grammar has not, is refused where it is written.
func TestAsksTableChecked(t *testing.T) {
	requireCountyVocabularyErrors(t, []vocabularyError{
		{"asks:\n  - {words: [多少钱], terms: [管理费]}\n", `vocabulary/words.yaml:2:28: asks: no rule of the rule set states a term "管理费"`},
		{"asks:\n  - {kind: price, terms: [摊位费]}\n", `vocabulary/words.yaml:2:12: asks: "price" is no kind of question`},
		{"unasked: [押金]\n", `vocabulary/words.yaml:1:11: asks: no rule of the rule set states a term "押金"`},
		{"asks:\n  - {terms: [摊位费]}\n", `vocabulary/words.yaml:2:14: asks: give words or a kind of question`},
	})
}

// vocabularyError is a vocabulary file's text and the error it must get.
type vocabularyError struct{ yaml, want string }

// requireCountyVocabularyErrors loads the made-up county's rules with each
// case's text as its vocabulary and requires the error, where it is written.
func requireCountyVocabularyErrors(t *testing.T, cases []vocabularyError) {
	t.Helper()
	base := fstest.MapFS{}
	for _, name := range []string{"facts.yaml", "notices/test-night-market.yaml"} {
		b, err := os.ReadFile("testdata/county/" + name)
		require.NoError(t, err)
		base[name] = &fstest.MapFile{Data: b}
	}
	for _, tc := range cases {
		fsys := fstest.MapFS{"vocabulary/words.yaml": &fstest.MapFile{Data: []byte(tc.yaml)}}
		for k, v := range base {
			fsys[k] = v
		}
		_, err := countyHotline(t, fsys)
		require.ErrorContains(t, err, tc.want, tc.yaml)
	}
}

// A listed act's title words that no document of the register holds are
// refused where they are written; those some title holds find it.
func TestListedTitlesChecked(t *testing.T) {
	reg := newTestHotline(t).Engine().Register()
	_, err := listedActs(reg, []vocab.Listed{{Words: []string{"钓鱼"}, Title: "钓鱼比赛", File: "vocabulary/listed.yaml", Pos: rules.Pos{Line: 3, Col: 30}}})
	require.ErrorContains(t, err, `vocabulary/listed.yaml:3:30: listed: no document of the register has "钓鱼比赛" in its title`)
	got, err := listedActs(reg, []vocab.Listed{{Words: []string{"钓鱼"}, Title: "垂钓"}})
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Contains(t, got[0].docs[0].Title, "垂钓")
	got, err = listedActs(nil, []vocab.Listed{{Words: []string{"钓鱼"}, Title: "垂钓"}})
	require.NoError(t, err, "no register: nothing is listed")
	require.Empty(t, got)
	empty, err := register.New()
	require.NoError(t, err)
	got, err = listedActs(empty, []vocab.Listed{{Words: []string{"钓鱼"}, Title: "垂钓"}})
	require.NoError(t, err, "a register of no documents (a bundle without register.yaml): nothing is listed")
	require.Empty(t, got)
}
