package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// TestPublished: a fact a data feed published is used where the caller
// said nothing of it, and the answer names its source; what the caller or
// the operator says wins.
func TestPublished(t *testing.T) {
	h := newTestHotline(t)
	pub := []Published{{Fact: "distance_to_forest_m", Value: 30.0, Source: "林业局林地图层"}}
	ans, _, err := h.Ask(Request{Question: "明天烧田埂可以吗", Today: calendar.MustDate(2024, 11, 6), Published: pub})
	require.NoError(t, err)
	require.Equal(t, engine.Forbidden, ans.Verdict)
	require.Contains(t, ans.Answer, "林业局林地图层")
	require.Equal(t, pub, ans.Query.Published)

	ans, _, err = h.Ask(Request{Question: "离山五百米烧田埂可以吗", Today: calendar.MustDate(2024, 11, 6), Published: pub})
	require.NoError(t, err)
	require.Equal(t, engine.NoRule, ans.Verdict, "the caller's own distance wins")
	require.NotContains(t, ans.Answer, "林业局林地图层")
	require.Empty(t, ans.Query.Published)
}
