package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestDocPartsWordsBeforeNumber: words before a document number that ask
// nothing of their own (a title, 那个通告) leave the call one question —
// parting it read the whole call again and parted it the same way, until
// the stack overflowed.
func TestDocPartsWordsBeforeNumber(t *testing.T) {
	h := newTestHotline(t)
	today, err := calendar.ParseDate("2025-03-10")
	require.NoError(t, err)
	for _, q := range []string{
		"森林防火禁火令 祁政通2024年7号 管到哪年",
		"油茶采摘的通告 祁政通2024年8号 还有效吗",
		"那个 祁政发2020年11号 还有效吗",
	} {
		_, _, err := h.Ask(Request{Question: q, Today: today})
		require.NoError(t, err, q)
	}
}
