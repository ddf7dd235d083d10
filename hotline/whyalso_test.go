package hotline

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestWhyNamesEveryForbiddingArticle: a forbidden answer's grounds (the
// operator's details) name every article that forbids the act, the one that
// may forbid it too with what it turns on — straw burnt 80 m from the forest
// in the fire ban is banned by 6号's title and, away from a yard, by 7号
// 第三条 — not only the title-level notice that decides it.
func TestWhyNamesEveryForbiddingArticle(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct {
		question string
		today    calendar.Date
		says     []string
		notSays  []string
	}{
		{"烧稻草 离林子八十米远", calendar.MustDate(2024, 11, 6), []string{"祁政通〔2024〕7号第三条", "院子"}, []string{"重点森林防火区"}},
		{"在离林地80米的地方烧稻草", calendar.MustDate(2024, 11, 20), []string{"祁政通〔2024〕7号第三条", "院子"}, []string{"重点森林防火区"}},
		{"离山五十米烧点落叶 行不", calendar.MustDate(2025, 3, 2), []string{"祁政通〔2024〕7号第三条"}, nil},
	} {
		t.Run(tc.question, func(t *testing.T) {
			a, _, err := h.Ask(Request{Question: tc.question, Today: tc.today})
			require.NoError(t, err)
			require.Equal(t, "forbidden", string(a.Verdict), a.Answer)
			why := strings.Join(a.Details.Why, "\n")
			for _, s := range tc.says {
				require.Contains(t, why, s)
			}
			for _, s := range tc.notSays {
				require.NotContains(t, why, s)
			}
		})
	}
}
