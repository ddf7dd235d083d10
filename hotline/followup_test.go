package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestFollowUpRepliesDiffer holds every corpus's follow-up questions to
// one bound: the replies the operator reads under a question must not all
// say the same thing. A question whose every answer reads "要看是不是在城市
// 规划区" tells the caller his answer changes nothing; a reply that still
// turns on a fact only data settles says each outcome instead.
func TestFollowUpRepliesDiffer(t *testing.T) {
	h := newTestHotline(t)
	var asked, same int
	var examples []string
	for _, c := range loadCorpus(t, allCorpora...) {
		today, err := calendar.ParseDate(c.At)
		require.NoError(t, err, c.Q)
		a, _, err := h.Ask(Request{Question: c.Q, Today: today, Lang: Lang(c.Lang)})
		if err != nil || a == nil {
			continue
		}
		for _, f := range a.FollowUp {
			asked++
			differ := false
			for _, r := range f.Replies {
				differ = differ || r.Answer != f.Replies[0].Answer
			}
			if !differ {
				same++
				if len(examples) < 8 {
					examples = append(examples, c.Q+" → "+f.Question+" "+f.Replies[0].Answer)
				}
			}
		}
	}
	t.Logf("%d follow-up questions; %d whose replies all read the same: %q", asked, same, examples)
	require.LessOrEqual(t, same, maxSameReplies, "follow-ups whose every reply reads the same")
}

// maxSameReplies is how many follow-ups in all corpora still have replies
// that read the same (no other question the caller can answer does
// better): 28 before replies said each outcome, 2 now (用建筑垃圾填坑,
// which turns on two more facts); it only falls.
const maxSameReplies = 2
