package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestConditionAsked: a fact said between 要 and 才 is the condition the
// caller asks for (好远 the Xiang 多远), not a fact stated; said plainly it
// is stated.
func TestConditionAsked(t *testing.T) {
	h := newTestHotline(t)
	day, err := calendar.ParseDate("2024-12-03")
	require.NoError(t, err)
	for _, tc := range []struct {
		q     string
		known bool
	}{
		{"烧田埂要离山好远才不犯法", false},
		{"上坟烧纸，要离山好远才准烧", false},
		{"我田离山好远，烧田埂要得不", true},
	} {
		u := h.p.understand(tc.q, day)
		require.NotEmpty(t, u.queries, tc.q)
		_, ok := u.queries[0].Facts["distance_to_forest_m"]
		require.Equal(t, tc.known, ok, tc.q)
	}
}
