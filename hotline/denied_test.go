package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// TestDeniedLabel: a call whose only act is said as not done is answered
// as no rule, naming the act in the caller's words with their negator —
// never 不 before an activity's name (不城乡居民医保参保缴费), never 可以.
func TestDeniedLabel(t *testing.T) {
	h := newTestHotline(t)
	tests := []struct{ q, say, not string }{
		{"今年不交医保了，要不要紧", "不交医保", "不城乡居民"},
		{"我不烧纸可以吧", "不烧纸", "不烧纸钱"},
		{"货没有摆出来，门口不会被查吧", "货没有摆出来", "不货"},
	}
	today, err := calendar.ParseDate("2024-11-20")
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			a, _, err := h.Ask(Request{Question: tt.q, Today: today, Lang: ZH})
			require.NoError(t, err)
			require.Equal(t, engine.NoRule, a.Verdict)
			require.Contains(t, a.Answer, "11月20日"+tt.say+"。")
			require.NotContains(t, a.Answer, tt.not)
		})
	}
}
