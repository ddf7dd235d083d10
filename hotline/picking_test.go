package hotline

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// TestPickingRightNotOwnLand: when the right to pick decides an allowed
// picking answer (hired, or with the holder's consent, on another's hill),
// no part of the answer names the fact 在自己承包经营的山林 — neither the
// spoken text nor the readings it cites (the right is 承包经营者本人或经其
// 同意, interpretation right-to-pick); one who says it is their own hill
// hears it as understood.
func TestPickingRightNotOwnLand(t *testing.T) {
	h := newTestHotline(t)
	own, ok := h.eng.Rules().Fact("own_land")
	require.True(t, ok)
	label := own.ZH
	today := calendar.MustDate(2024, 10, 28)
	for _, tc := range []struct {
		question string
		facts    engine.Facts
	}{
		{"去别个山上摘霜降籽，山主同意了的", nil},
		{"帮老板摘霜降籽要得不", nil},
		{"摘霜降籽行不行", engine.Facts{"own_land": false, "picking_right": true}},
	} {
		a, _, err := h.Ask(Request{Question: tc.question, Today: today, Facts: tc.facts})
		require.NoError(t, err)
		require.Equal(t, engine.Allowed, a.Verdict, "%s: %s", tc.question, a.Answer)
		// what the answer says, not what it understood the caller to say
		b, err := json.Marshal([]any{a.Answer, a.Details, a.Reasons, a.FollowUp})
		require.NoError(t, err)
		require.NotContains(t, string(b), label, tc.question)
	}
	a, _, err := h.Ask(Request{Question: "去自家山上摘霜降籽", Today: today})
	require.NoError(t, err)
	require.Equal(t, engine.Allowed, a.Verdict)
	b, err := json.Marshal(a.Query.Understood)
	require.NoError(t, err)
	require.Contains(t, string(b), label, "the caller said it")
}
