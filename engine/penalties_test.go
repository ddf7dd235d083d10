package engine_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
)

// TestPenaltiesOfTheRulesThatApply: a decision lists the penalties of the
// rules that apply, not the notice's whole article; a deadline that has
// passed is not said.
func TestPenaltiesOfTheRulesThatApply(t *testing.T) {
	e := testEngine(t)
	ids := func(d *engine.Decision) []string {
		var out []string
		for _, p := range d.Penalties() {
			out = append(out, p.Notice+"#"+p.ID)
		}
		return out
	}
	// 8号二: buying new seed before 10-08 — no penalty for early picking.
	d, err := e.Decide(engine.Query{Activity: "收购新茶籽榨油", Day: day("2024-10-01")})
	require.NoError(t, err)
	require.Equal(t, engine.Forbidden, d.Verdict)
	require.Equal(t, []string{"祁政通〔2024〕8号#party-discipline"}, ids(d))

	// 9号六: during the self-correction period the deadline is said …
	stall := engine.Facts{"urban_area": true, "road_kind": "pavement", "designated_place": false, "market_vicinity": false, "on_fire_lane": false}
	d, err = e.Decide(engine.Query{Activity: "摆摊", Day: day("2024-10-01"), Facts: stall})
	require.NoError(t, err)
	require.ElementsMatch(t, []string{"祁政通〔2024〕9号#self-correction", "祁政通〔2024〕9号#after-deadline"}, ids(d))
	// … in 2025 it is not, and obstruction never follows a stall.
	d, err = e.Decide(engine.Query{Activity: "摆摊", Day: day("2025-06-01"), Facts: stall})
	require.NoError(t, err)
	require.Equal(t, []string{"祁政通〔2024〕9号#after-deadline"}, ids(d))

	// A rule that allows carries no penalty.
	d, err = e.Decide(engine.Query{Activity: "摘茶籽", Day: day("2024-10-10"), Facts: engine.Facts{"oil_tea_variety": "寒露籽", "own_land": true}})
	require.NoError(t, err)
	require.Equal(t, engine.Allowed, d.Verdict)
	require.Empty(t, d.Penalties())

	// The structured parts reach JSON beside the quoted text.
	d, err = e.Decide(engine.Query{Activity: "野外用火", Day: day("2024-10-03"), Facts: engine.Facts{"in_forest_land": true}})
	require.NoError(t, err)
	b, err := json.Marshal(d.Penalties())
	require.NoError(t, err)
	whole, err := json.Marshal(d)
	require.NoError(t, err)
	require.Contains(t, string(whole), `"who":"国家工作人员"`, "AppendJSON writes the same penalties")
	require.Contains(t, string(b), `"who":"国家工作人员"`)
	require.Contains(t, string(b), `"by":"公安部门","sanctions":["治安管理处罚"],"basis":["《中华人民共和国治安管理处罚法》"]`)
	// Carrying fire into the forest is not 野外用火: only the general
	// sentences of 五 follow it.
	d, err = e.Decide(engine.Query{Activity: "带火种进山", Day: day("2024-10-03"), Facts: engine.Facts{"in_forest_land": true}})
	require.NoError(t, err)
	require.Equal(t, []string{"祁政通〔2024〕7号#public-security", "祁政通〔2024〕7号#crime"}, ids(d))
}
