//go:build !js

package cond

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestParseSubsetAgrees holds the parser of builds without expr to expr's:
// whatever it parses, expr parses to the same tree (locations included),
// and every condition that compiles with expr it parses — over random
// conditions, edge cases of expr's syntax and expr's node limit.
func TestParseSubsetAgrees(t *testing.T) {
	env := testEnv(t)
	srcs := []string{
		`0 < distance_to_forest_m < 100`, `0 < distance_to_forest_m <= high_danger_days > 3`,
		`fire_zone not in ["key",]`, `fire_zone in []`, `fire_zone == 'key'`, `distance_to_forest_m > 1_000`,
		`distance_to_forest_m > 007`, `not in_forest_land`, `!!in_forest_land`, `in_forest_land and not season`,
		"in_forest_land  or\n\tseason", `fire_zone == "重点"`, `distance_to_forest_m == -0.5e2`, `distance_to_forest_m == 1e400`,
		`distance_to_forest_m == 0x10`, `distance_to_forest_m == 1.`, `distance_to_forest_m == .5`, `fire_zone == "a\"b"`,
		`fire_zone == "a\\b"`, `in_forest_land // note`, `in_forest_land ? season : true`, `distance_to_forest_m in 1..3`,
		`fire_zone matches "k"`, `not (in_forest_land)`, `season == true == false`, `-distance_to_forest_m < 3`,
		`distance_to_forest_m not in [1, 2] || in_forest_land`, `distance_to_forest_m == 1 not in [true]`, `x$`, `$env`,
		`a.b`, `f(1)`, `[1][0]`, `in_forest_land;season`, `let x = 1; x`, `nil == nil`, `in_forest_land　|| season`,
		`distance_to_forest_m <= 9223372036854775807`, `distance_to_forest_m <= 9223372036854775808`, `1e`, `2_`,
		"fire_zone == \"a\nb\"", `in_forest_land ||`, `(in_forest_land`, `[`, ``, `   `, `in_forest_land )`,
	}
	r := rand.New(rand.NewPCG(18, 5))
	for range 8_000 {
		srcs = append(srcs, genCondition(r, 3))
	}
	// Around expr's node limit.
	for n := 120; n <= 130; n++ {
		srcs = append(srcs, strings.TrimSuffix(strings.Repeat("in_forest_land || ", n), " || "))
		srcs = append(srcs, "fire_zone in ["+strings.TrimSuffix(strings.Repeat(`"key", `, 2*n), ", ")+"]")
	}
	// What the subset leaves to expr (parse.go says why).
	refused := map[string]bool{`distance_to_forest_m == .5`: true, `fire_zone == "a\\b"`: true, `in_forest_land // note`: true,
		`in_forest_land　|| season`: true}
	var parsed, compiled int
	for _, src := range srcs {
		mine, mineErr := ParseSubset(src)
		theirs, theirsErr := Parse(src)
		typeErr := env.typeCheck(src)
		if mineErr == nil {
			parsed++
			require.NoError(t, theirsErr, "%q: the subset parses what expr does not", src)
			require.Equal(t, theirs, mine, src)
			if typeErr != nil {
				require.NotContains(t, typeErr.Error(), "maximum allowed nodes", src)
			}
		} else if strings.Contains(mineErr.Error(), "maximum allowed nodes") {
			require.ErrorContains(t, typeErr, "maximum allowed nodes", src)
		}
		if _, err := Compile(src, env); err == nil {
			compiled++
			if refused[src] {
				require.ErrorContains(t, mineErr, "only the common form", src)
				continue
			}
			require.NoError(t, mineErr, "%q compiles with expr but the subset does not parse it", src)
		}
	}
	t.Logf("%d of %d parsed, %d compile", parsed, len(srcs), compiled)
	require.Greater(t, compiled, 400)
}
