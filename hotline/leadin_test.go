package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestLastSpan holds lastSpan to the question right before a mark.
func TestLastSpan(t *testing.T) {
	cases := []struct{ text, want string }{
		{"上坟不点香，那还叫上坟？", "那还叫上坟"},
		{"那还叫上坟", "那还叫上坟"},
		{"", ""},
	}
	for _, c := range cases {
		require.Equal(t, c.want, lastSpan(c.text), c.text)
	}
}

// TestLeadInAsksNothing: a question that answers itself, a premise that
// only one case is banned, or a bare judgment, said before a question
// mark, is the caller's lead-in — the case asked after the mark is the
// one answered, alone.
func TestLeadInAsksNothing(t *testing.T) {
	h := newTestHotline(t)
	day, err := calendar.ParseDate("2025-03-20")
	require.NoError(t, err)
	cases := []struct{ q, act string }{
		{"烧纸都不准，那还叫上坟？清明在坟山上烧几张纸冇事吧", "grave_paper_money"},
		{"是不是只有城里才禁放？我们村里结婚放鞭炮总可以吧", "fireworks"},
		{"肯定犯法吧？城里拆房子不洒水", "dry_demolition"},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			u := h.p.understandCall(c.q, day)
			require.Equal(t, IntentDecision, u.intent)
			require.Len(t, u.queries, 1)
			require.Equal(t, c.act, u.queries[0].Activity)
		})
	}
}
