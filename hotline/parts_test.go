package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestDocPartsEnd: a call with one document number after words that are
// no question of their own is one question — reading it in parts read the
// whole call again as its own part, without end (a stack overflow that
// killed the process: found by comparing every corpus pair's answer).
func TestDocPartsEnd(t *testing.T) {
	h := newTestHotline(t)
	for _, q := range []string{
		"上山挖葛根卖 祁政通2024年9号市场整治的文件还有效吗",
		"上山挖葛根卖祁政通2024年9号还有效吗",
		"挖葛根卖 祁政发2018年16号",
	} {
		a, _, err := h.Ask(Request{Question: q, Today: calendar.MustDate(2024, 9, 20)})
		require.NoError(t, err, q)
		require.NotEmpty(t, a.Answer, q)
	}
}
