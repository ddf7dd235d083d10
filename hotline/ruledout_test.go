package hotline

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// TestRuledOut: a no_rule answer the caller's facts brought about names
// the rules and the facts in its details and says them aloud, never 可以;
// an answer a rule decides, or one with nothing said, names nothing.
func TestRuledOut(t *testing.T) {
	h := newTestHotline(t)
	tests := []struct {
		name, q, at string
		lang        Lang
		want        *RuledOut // nil: nothing ruled out
		say         string
	}{
		{"distance beyond the zone", "明天在田里烧荒草 离山两百来米 要得不", "2024-11-20", ZH,
			&RuledOut{Rules: []string{"祁政通〔2024〕7号 三"}, Facts: []string{"distance_to_forest_m"}, Words: []string{"离山两百来米"}, Reach: "不超过100米", Verdict: engine.Conditional},
			"您说的“离山两百来米”不在祁政通〔2024〕7号第三条管的范围里（它只管不超过100米）。"},
		{"a general zone in summer", "六月份在一般防火区离山五十米烧田埂可以不", "2025-06-01", ZH,
			&RuledOut{Rules: []string{"祁政通〔2024〕7号 三"}, Facts: []string{"fire_zone"}, Words: []string{"一般防火区"}, Reach: "重点森林防火区", Verdict: engine.Conditional},
			"（它只管重点森林防火区）"},
		{"a township", "白水镇街上占道经营要罚款不", "2024-11-20", ZH,
			&RuledOut{Facts: []string{"urban_area"}, Reach: "在城区"}, "祁政通〔2024〕9号"},
		{"in English, the facts in English", "明天在田里烧荒草 离山两百来米 要得不", "2024-11-20", EN,
			&RuledOut{Facts: []string{"distance_to_forest_m"}, Reach: "at most 100 m"}, "(it covers only at most 100 m)"},
		{"forbidden: nothing to name", "离山五十米烧荒要得不", "2024-11-20", ZH, nil, ""},
		{"conditional: nothing to name", "明天在田里烧荒草 要得不", "2024-11-20", ZH, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			today, err := calendar.ParseDate(tt.at)
			require.NoError(t, err)
			a, _, err := h.Ask(Request{Question: tt.q, Today: today, Lang: tt.lang})
			require.NoError(t, err)
			require.NotEqual(t, engine.Allowed, a.Verdict)
			require.LessOrEqual(t, utf8.RuneCountInString(a.Answer), maxSpoken(tt.lang))
			if tt.want == nil {
				require.Empty(t, a.Details.RuledOut)
				return
			}
			require.Equal(t, engine.NoRule, a.Verdict)
			require.Len(t, a.Details.RuledOut, 1)
			got := a.Details.RuledOut[0]
			require.Equal(t, tt.want.Facts, got.Facts)
			require.Equal(t, tt.want.Reach, got.Reach)
			if tt.want.Rules != nil {
				require.Equal(t, tt.want.Rules, got.Rules)
				require.Equal(t, tt.want.Words, got.Words)
				require.Equal(t, tt.want.Verdict, got.Verdict)
			}
			require.Contains(t, a.Answer, tt.say)
		})
	}
}
