package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestValidityHearsay holds that a word of validity said as what someone
// says (莫又讲过期了, 不会又讲过期了吧), with no document named, is the
// caller's fear that the day he asks of is past, not a question of a
// document — while a document asked after (祁政通〔2024〕8号讲过期了吗, 那个
// 通告过期了吗) is still one (session 42, set72).
func TestValidityHearsay(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct {
		at, question string
		hearsay      bool
	}{
		{"2024-12-28", "12月31号还能按四百交不，莫又讲过期了", true},
		{"2024-12-28", "12月31号还在摘我屋的霜降籽，不会又讲过期了吧", true},
		{"2024-12-28", "12月31号那个通告过期了吗", false},
		{"2024-12-28", "村干部讲过期了，12月31号那个文件还有效吗", false},
		{"2024-12-28", "我讲过期了，12号那个", false},
	} {
		d, err := calendar.ParseDate(tc.at)
		require.NoError(t, err)
		require.Equal(t, tc.hearsay, h.p.validityHearsay(h.p.read(tc.question, d)), tc.question)
	}
}
