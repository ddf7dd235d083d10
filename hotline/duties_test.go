package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// A duty of another county's notice is asked about in its own words, from
// its own files: who bears it, and the notice's sentence — never a verdict;
// without a question of who or what, or without the duty's words, the call
// is what it was (TestAnotherCountysDuties).
func TestAnotherCountysDuties(t *testing.T) {
	h, err := countyHotline(t, nil)
	require.NoError(t, err)
	today, err := calendar.ParseDate("2025-05-06")
	require.NoError(t, err)
	for _, tc := range []struct {
		q      string
		intent Intent
		say    []string
	}{
		{q: "夜市收摊以后要做么子", intent: IntentDuty, say: []string{"这由摊主负责。", "清扫摊位", "第四条"}},
		{q: "摆夜市摊的 收了摊 垃圾归谁管", intent: IntentDuty, say: []string{"摊主"}},
		// the duty's words, no question of who or what: the act
		{q: "夜市收摊以后还能摆摊吗", intent: IntentDecision},
		// a question of who, not the duty's words: the act's terms
		{q: "夜市摆摊要去哪里批", intent: IntentDecision, say: []string{"县市场服务中心"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			a, _, err := h.Ask(Request{Question: tc.q, Today: today})
			require.NoError(t, err)
			require.Equal(t, tc.intent, a.Intent, a.Answer)
			for _, s := range tc.say {
				require.Contains(t, a.Answer, s)
			}
			if tc.intent == IntentDuty {
				require.Empty(t, a.Verdict, "a duty is no verdict: %s", a.Answer)
			}
		})
	}
}

// A duties entry naming a duty no notice has, or with no words, is
// refused where it is written.
func TestDutiesTableChecked(t *testing.T) {
	requireCountyVocabularyErrors(t, []vocabularyError{
		{"duties:\n  - {duty: 打扫, words: [收摊]}\n", `vocabulary/words.yaml:2:12: duties: 0 notices have a duty "打扫", want one`},
		{"duties:\n  - {duty: stall-clean-up}\n", `vocabulary/words.yaml:2:12: duties: "stall-clean-up" needs words`},
	})
}
