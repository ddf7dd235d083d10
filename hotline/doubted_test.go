package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestFactDoubtedLater holds that a fact stated, then asked by the caller
// in a later clause as whether it held (拉没拉茶果), is not taken; a later
// question of how the act is classed (算不算乱倒) takes nothing back.
func TestFactDoubtedLater(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct {
		at, question, fact string
		taken              bool
	}{
		{"2024-10-27", "大村甸镇拉茶籽的三轮车货箱坐人，不晓得那天拉没拉茶果，这个要不要紧", "hauling_oil_tea", false},
		{"2024-10-27", "大村甸镇拉茶籽的三轮车货箱坐人，这个要不要紧", "hauling_oil_tea", true},
		{"2024-09-16", "城里9月14号把渣土倒在空地上，算不算乱倒", "designated_place", true},
	} {
		d, err := calendar.ParseDate(tc.at)
		require.NoError(t, err)
		u := h.p.understand(tc.question, d)
		require.NotEmpty(t, u.queries, tc.question)
		_, ok := u.queries[0].Facts[tc.fact]
		require.Equal(t, tc.taken, ok, tc.question)
	}
}
