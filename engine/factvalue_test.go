package engine_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/engine"
)

func TestParseFacts(t *testing.T) {
	set := testEngine(t).Rules()
	got, err := engine.ParseFacts(set, []string{
		"distance_to_forest_m=50", "in_forest_land=否", " fire_zone = 一般森林防火区 ", "high_danger_days=1..3", "planning_area=yes",
	}, "--fact")
	require.NoError(t, err)
	require.Equal(t, engine.Facts{"distance_to_forest_m": 50.0, "in_forest_land": false, "fire_zone": "general",
		"high_danger_days": engine.Range{Lo: 1, Hi: 3, Source: "--fact high_danger_days=1..3"}, "planning_area": true}, got)

	for _, tc := range []struct {
		pair, fact, msg string
	}{
		{"distanse_to_forest_m=1", "distanse_to_forest_m", "unknown fact (did you mean distance_to_forest_m?)"},
		{"distance_to_forest_m", "distance_to_forest_m", "write name=value"},
		{"=5", "=5", "write name=value"},
		{"distance_to_forest_m=far", "distance_to_forest_m", `"far" is not a number`},
		{"distance_to_forest_m=NaN", "distance_to_forest_m", `"NaN" is not a number`},
		{"distance_to_forest_m=5..x", "distance_to_forest_m", `"5..x" is not a number range lo..hi`},
		{"distance_to_forest_m=9..1", "distance_to_forest_m", "range 9..1 is empty"},
		{"in_forest_land=maybe", "in_forest_land", `"maybe" is not true or false`},
		{"fire_zone=kee", "fire_zone", `"kee" is not one of key, general`},
	} {
		_, err := engine.ParseFacts(set, []string{tc.pair}, "")
		var fe *engine.FactError
		require.ErrorAs(t, err, &fe, tc.pair)
		require.Equal(t, tc.fact, fe.Fact, tc.pair)
		require.Contains(t, fe.Msg, tc.msg, tc.pair)
		require.False(t, fe.Contradiction)
	}
}

func TestFactsFromJSON(t *testing.T) {
	set := testEngine(t).Rules()
	got, err := engine.FactsFromJSON(set, map[string]any{
		"distance_to_forest_m": 50.0, "in_forest_land": "否", "fire_zone": "一般森林防火区",
		"high_danger_days": map[string]any{"min": 1.0, "max": 3.0}, "town": nil, "planning_area": true,
	}, "request")
	require.NoError(t, err)
	require.Equal(t, engine.Facts{"distance_to_forest_m": 50.0, "in_forest_land": false, "fire_zone": "general",
		"high_danger_days": engine.Range{Lo: 1, Hi: 3, Source: "request"}, "planning_area": true}, got)

	got, err = engine.FactsFromJSON(set, map[string]any{"distance_to_forest_m": "95..105"}, "request")
	require.NoError(t, err)
	require.Equal(t, engine.Facts{"distance_to_forest_m": engine.Range{Lo: 95, Hi: 105, Source: "request"}}, got, "a string takes the text form")

	for _, bad := range []map[string]any{
		{"distanse_to_forest_m": 1.0},
		{"distance_to_forest_m": true},
		{"distance_to_forest_m": map[string]any{"min": 5.0, "max": 1.0}},
		{"distance_to_forest_m": map[string]any{"min": 5.0}},
		{"in_forest_land": 1.0},
		{"fire_zone": "red"},
		{"town": 3.0},
	} {
		_, err := engine.FactsFromJSON(set, bad, "request")
		var fe *engine.FactError
		require.ErrorAs(t, err, &fe, "%v", bad)
	}

	// Of several wrong facts the first by name is reported, whatever the
	// map's order.
	for range 20 {
		_, err := engine.FactsFromJSON(set, map[string]any{"zz": 1.0, "fire_zone": "red", "aa": 1.0}, "request")
		var fe *engine.FactError
		require.ErrorAs(t, err, &fe)
		require.Equal(t, "aa", fe.Fact)
	}
}

// The parsed facts are what Decide takes, and Decide's own fact errors are
// the same type.
func TestParsedFactsDecide(t *testing.T) {
	eng := testEngine(t)
	facts, err := engine.ParseFacts(eng.Rules(), []string{"in_forest_land=true", "distance_to_forest_m=50"}, "")
	require.NoError(t, err)
	_, err = eng.Decide(engine.Query{Activity: "野炊", Day: day("2024-11-11"), Facts: facts})
	var fe *engine.FactError
	require.ErrorAs(t, err, &fe)
	require.True(t, fe.Contradiction)

	_, err = eng.Decide(engine.Query{Activity: "野炊", Day: day("2024-11-11"), Facts: engine.Facts{"distanse_to_forest_m": 1.0}})
	require.ErrorAs(t, err, &fe)
	_, perr := engine.ParseFacts(eng.Rules(), []string{"distanse_to_forest_m=1"}, "")
	require.Equal(t, perr.Error(), err.Error(), "one wording for an unknown fact")
}

func ExampleParseFacts() {
	eng, err := engine.Embedded()
	if err != nil {
		panic(err)
	}
	facts, err := engine.ParseFacts(eng.Rules(), []string{"distance_to_forest_m=95..105", "fire_zone=一般森林防火区"}, "--fact")
	fmt.Println(facts["distance_to_forest_m"], facts["fire_zone"], err)

	_, err = engine.ParseFacts(eng.Rules(), []string{"distance_to_forest=50"}, "--fact")
	var fe *engine.FactError
	fmt.Println(errors.As(err, &fe), err)
	// Output:
	// {95 105 --fact distance_to_forest_m=95..105} general <nil>
	// true fact distance_to_forest: unknown fact (did you mean distance_to_forest_m?)
}
