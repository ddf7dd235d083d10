package engine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
)

// impliesNotice forbids dumping at a place not designated for it; 偷倒
// says by its own words that the place is not designated.
const impliesNotice = `notice:
  number: 测试〔2024〕2号
  title: 测试通告
  effective: 2024-09-01
  valid_until: 2025-08-31
activities:
  - id: dump
    name: 倾倒
    en: dumping
  - id: dump_at_will
    name: 随意倾倒
    en: dumping at will
    parent: dump
    synonyms: [偷倒]
    implies: {designated_place: false}
rules:
  - id: ban
    article: 一
    text: 不得随意倾倒。
    effect: forbid
    activities: [dump]
    if: "!designated_place"
`

func TestActivityImpliesFacts(t *testing.T) {
	e, err := engineFor(t, impliesNotice)
	require.NoError(t, err)
	at := day("2024-10-01")

	// The neutral act asks whether the place was designated.
	d, err := e.Decide(engine.Query{Activity: "倾倒", Day: at})
	require.NoError(t, err)
	require.Equal(t, engine.Conditional, d.Verdict)
	require.Equal(t, []string{"designated_place"}, d.UnknownFacts())

	// The qualified act answers it: forbidden, no question.
	d, err = e.Decide(engine.Query{Activity: "偷倒", Day: at})
	require.NoError(t, err)
	require.Equal(t, engine.Forbidden, d.Verdict)
	require.Empty(t, d.UnknownFacts())
	require.Contains(t, d.Facts(), engine.FactValue{Name: "designated_place", Value: false, Source: "activity:随意倾倒"})

	// Saying the same again is fine; saying the opposite is an error that
	// names the activity.
	_, err = e.Decide(engine.Query{Activity: "偷倒", Day: at, Facts: engine.Facts{"designated_place": false}})
	require.NoError(t, err)
	_, err = e.Decide(engine.Query{Activity: "偷倒", Day: at, Facts: engine.Facts{"designated_place": true}})
	var fe *engine.FactError
	require.ErrorAs(t, err, &fe)
	require.True(t, fe.Contradiction)
	require.Equal(t, "随意倾倒", fe.Activity)
	require.EqualError(t, err, "fact designated_place: contradicts the activity: “随意倾倒” means designated_place = false")

	// Here, at a designated place, leaves the act out rather than failing.
	h, err := e.Here(engine.Query{Day: at, Facts: engine.Facts{"designated_place": true}})
	require.NoError(t, err)
	for _, n := range h.Notices {
		require.Empty(t, n.Restricted)
	}
	h, err = e.Here(engine.Query{Day: at, Facts: engine.Facts{"designated_place": false}})
	require.NoError(t, err)
	require.Len(t, h.Notices, 1)
	require.Len(t, h.Notices[0].Restricted, 2)
	for _, f := range h.Facts {
		require.NotContains(t, f.Source, "activity:", "here's facts are the place's")
	}
}
