//go:build !js

package cond

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCompileParsedAgrees is what lets CompileParsed skip expr's
// type-check: over random conditions, well and badly typed, every one
// Compile refuses the compiler refuses from its tree too, and every one
// Compile accepts compiles from its tree to the same program. The errors
// CompileParsed gives are Compile's.
func TestCompileParsedAgrees(t *testing.T) {
	env := testEnv(t)
	zone, err := Compile(`in_forest_land || distance_to_forest_m <= 100`, env)
	require.NoError(t, err)
	require.NoError(t, env.Declare(&Var{Name: "in_zone", Kind: Bool, Macro: zone}))
	r := rand.New(rand.NewPCG(18, 3))
	var ok, refused, typeRefused int
	for range 8_000 {
		src := genCondition(r, 3)
		tree, err := Parse(src)
		if err != nil {
			continue
		}
		want, wantErr := Compile(src, env)
		got, gotErr := compile(src, tree, env)
		if wantErr != nil {
			require.Error(t, gotErr, "%s: expr refuses it (%v), the tree compiles", src, wantErr)
			refused++
			if env.typeCheck(src) != nil {
				typeRefused++
			}
		} else {
			require.NoError(t, gotErr, src)
			require.Equal(t, want, got, src)
			ok++
		}
		parsed, parsedErr := CompileParsed(src, tree, env)
		require.Equal(t, wantErr, parsedErr, src)
		require.Equal(t, want, parsed, src)
	}
	t.Logf("%d compiled, %d refused (%d by expr's type-check)", ok, refused, typeRefused)
	require.Greater(t, ok, 400)
	require.Greater(t, typeRefused, 1000)
}

// genCondition writes a random expression over testEnv's names, a named
// condition, an unknown name, constants of every type and operators a
// condition may and may not use.
func genCondition(r *rand.Rand, depth int) string {
	atoms := []string{"distance_to_forest_m", "high_danger_days", "in_forest_land", "season", "fire_zone", "in_zone", "nope",
		"100", "-3", "1.5", "0", `"key"`, `"general"`, `"kee"`, "true", "false", "nil", `[1, 4]`, `["key", "general"]`,
		`["key", 1]`, `[]`, "len(fire_zone)", "now()", "a.b", "1 ? 2 : 3", `{"a": 1}`}
	if depth == 0 || r.IntN(4) == 0 {
		return atoms[r.IntN(len(atoms))]
	}
	switch r.IntN(6) {
	case 0:
		return []string{"!", "not ", "-"}[r.IntN(3)] + genCondition(r, depth-1)
	case 1:
		return "(" + genCondition(r, depth-1) + ")"
	default:
		ops := []string{"&&", "||", "and", "or", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "+", "*", "??", "matches"}
		// Comparisons mostly of a fact with a constant, to reach the
		// compiler's own checks as often as expr's.
		if r.IntN(2) == 0 {
			facts := []string{"distance_to_forest_m", "high_danger_days", "in_forest_land", "season", "fire_zone", "in_zone"}
			lits := []string{"100", "-2", "2.5", `"key"`, `"kee"`, "true", "false", `[1, 2]`, `["key"]`, `["kee"]`, "nil"}
			a, b := facts[r.IntN(len(facts))], lits[r.IntN(len(lits))]
			if r.IntN(4) == 0 {
				a, b = b, a
			}
			return a + " " + ops[4+r.IntN(8)] + " " + b
		}
		return strings.Join([]string{genCondition(r, depth-1), ops[r.IntN(len(ops))], genCondition(r, depth-1)}, " ")
	}
}
