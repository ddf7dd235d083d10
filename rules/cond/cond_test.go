//go:build !js

package cond

import (
	"strings"

	"math/rand/v2"
	"testing"

	"github.com/expr-lang/expr"
	"github.com/stretchr/testify/require"
)

func testEnv(t *testing.T) *Env {
	t.Helper()
	env := NewEnv()
	require.NoError(t, env.Declare(&Var{Name: "distance_to_forest_m", Kind: Number, Slot: 0}))
	require.NoError(t, env.Declare(&Var{Name: "high_danger_days", Kind: Number, Slot: 1}))
	require.NoError(t, env.Declare(&Var{Name: "in_forest_land", Kind: Bool, Slot: 0}))
	require.NoError(t, env.Declare(&Var{Name: "season", Kind: Bool, Slot: 1, Window: true}))
	require.NoError(t, env.Declare(&Var{Name: "fire_zone", Kind: Enum, Slot: 0, Values: []string{"key", "general"}}))
	return env
}

func TestCompileErrors(t *testing.T) {
	env := testEnv(t)
	for _, tc := range []struct{ src, want string }{
		{"", "empty condition"},
		{"distance_to_forest_m", "expected bool"},
		{"distance <= 100", "unknown name distance"},
		{"fire_zone == \"keyy\"", `fire_zone has no value "keyy"`},
		{"distance_to_forest_m + 1 <= 100", "a comparison needs a fact on one side"},
		{"now() > 1", "unknown name now"},
		{"len(fire_zone) > 1", "len"},
		{"distance_to_forest_m <= high_danger_days", "compare it with a number"},
		{"in_forest_land && (", "unexpected token"},
		{"season == 1", "mismatched types"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			_, err := Compile(tc.src, env)
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.want)
			var ce *Error
			require.ErrorAs(t, err, &ce)
			require.GreaterOrEqual(t, ce.Column, 1)
		})
	}
}

func TestErrorColumn(t *testing.T) {
	_, err := Compile(`in_forest_land || fire_zone == "kee"`, testEnv(t))
	var ce *Error
	require.ErrorAs(t, err, &ce)
	require.Equal(t, 32, ce.Column) // the opening quote of "kee"
}

func TestKleeneAndRanges(t *testing.T) {
	env := testEnv(t)
	p, err := Compile(`(in_forest_land || distance_to_forest_m <= 100) && (fire_zone == "key" || season || high_danger_days >= 2)`, env)
	require.NoError(t, err)
	require.Equal(t, map[string][]float64{"distance_to_forest_m": {100}, "high_danger_days": {2}}, p.Thresholds)
	names := []string{}
	for _, v := range p.Vars {
		names = append(names, v.Name)
	}
	require.Equal(t, []string{"in_forest_land", "distance_to_forest_m", "fire_zone", "season", "high_danger_days"}, names)

	st := func(dist Num, inForest Tri, season Tri, zone string, hd Num) *State {
		return &State{Num: []Num{dist, hd}, Bool: []Tri{inForest, season}, Str: []string{zone}}
	}
	unk := Num{}
	for _, tc := range []struct {
		name string
		s    *State
		want Tri
	}{
		{"all unknown but season", st(unk, Unknown, True, "", unk), Unknown},
		{"in forest in season", st(unk, True, True, "", unk), True},
		{"50 m in season", st(Exact(50), False, True, "", unk), True},
		{"150 m", st(Exact(150), False, True, "key", unk), False},
		{"100 m is inside (inclusive)", st(Exact(100), False, True, "", unk), True},
		{"100.01 m is outside", st(Exact(100.01), False, True, "", unk), False},
		{"range straddles 100", st(Num{Lo: 95, Hi: 105, Known: true}, False, True, "", unk), Unknown},
		{"range below 100", st(Num{Lo: 80, Hi: 99, Known: true}, False, True, "", unk), True},
		{"out of season, zone unknown", st(Exact(50), False, False, "", Exact(0)), Unknown},
		{"out of season, general, no danger", st(Exact(50), False, False, "general", Exact(1)), False},
		{"out of season, general, danger 2 days", st(Exact(50), False, False, "general", Exact(2)), True},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, p.Eval(tc.s))
		})
	}
}

// TestAgreesWithExpr checks the compiled programs against expr's own VM on
// random fully known inputs: the two must agree on every condition.
func TestAgreesWithExpr(t *testing.T) {
	env := testEnv(t)
	srcs := []string{
		`(in_forest_land || distance_to_forest_m <= 100) && (fire_zone == "key" || season || high_danger_days >= 2)`,
		`!(distance_to_forest_m > 50) or not season`,
		`fire_zone in ["key"] && 3 < high_danger_days`,
		`fire_zone != "general" || distance_to_forest_m == 0 || high_danger_days in [1, 4]`,
		`in_forest_land == false && season == true`,
		`fire_zone not in ["key", "general"]`,
	}
	r := rand.New(rand.NewPCG(1, 2))
	zones := []string{"key", "general"}
	for _, src := range srcs {
		p, err := Compile(src, env)
		require.NoError(t, err, src)
		types := map[string]any{"distance_to_forest_m": 0.0, "high_danger_days": 0.0, "in_forest_land": false, "season": false, "fire_zone": ""}
		ep, err := expr.Compile(src, expr.Env(types), expr.AsBool())
		require.NoError(t, err)
		for i := 0; i < 500; i++ {
			d := float64(r.IntN(4) * 50)
			hd := float64(r.IntN(6))
			inF, season := r.IntN(2) == 1, r.IntN(2) == 1
			zone := zones[r.IntN(2)]
			vals := map[string]any{"distance_to_forest_m": d, "high_danger_days": hd, "in_forest_land": inF, "season": season, "fire_zone": zone}
			want, err := expr.Run(ep, vals)
			require.NoError(t, err)
			s := &State{Num: []Num{Exact(d), Exact(hd)}, Bool: []Tri{TriOf(inF), TriOf(season)}, Str: []string{zone}}
			require.Equal(t, TriOf(want.(bool)), p.Eval(s), "%s with %v", src, vals)
		}
	}
}

func TestMacros(t *testing.T) {
	env := testEnv(t)
	zone, err := Compile(`in_forest_land || distance_to_forest_m <= 100`, env)
	require.NoError(t, err)
	require.NoError(t, env.Declare(&Var{Name: "in_zone", Kind: Bool, Macro: zone}))
	p, err := Compile(`in_zone && season`, env)
	require.NoError(t, err)
	require.Len(t, p.Macros, 1)
	require.Equal(t, []float64{100}, p.Thresholds["distance_to_forest_m"])
	s := &State{Num: []Num{Exact(10), {}}, Bool: []Tri{False, True}, Str: []string{""}}
	require.Equal(t, True, p.Eval(s))
	_, err = Compile(`in_zone == 1`, env)
	require.Error(t, err)
}

func BenchmarkEval(b *testing.B) {
	env := NewEnv()
	_ = env.Declare(&Var{Name: "distance_to_forest_m", Kind: Number, Slot: 0})
	_ = env.Declare(&Var{Name: "high_danger_days", Kind: Number, Slot: 1})
	_ = env.Declare(&Var{Name: "in_forest_land", Kind: Bool, Slot: 0})
	_ = env.Declare(&Var{Name: "season", Kind: Bool, Slot: 1, Window: true})
	_ = env.Declare(&Var{Name: "fire_zone", Kind: Enum, Slot: 0, Values: []string{"key", "general"}})
	p, _ := Compile(`(in_forest_land || distance_to_forest_m <= 100) && (fire_zone == "key" || season || high_danger_days >= 2)`, env)
	s := &State{Num: []Num{Exact(50), Exact(0)}, Bool: []Tri{False, False}, Str: []string{"general"}}
	b.ReportAllocs()
	for b.Loop() {
		p.Eval(s)
	}
}

// TestCostIsBoundedAtLoadTime: a chain of named conditions, each naming
// the previous one twice, doubles the work per link; compiling refuses it
// once the expanded cost passes MaxCost.
func TestCostIsBoundedAtLoadTime(t *testing.T) {
	env := testEnv(t)
	prev := "in_forest_land"
	var err error
	for k := 0; k < 30; k++ {
		var p *Program
		p, err = Compile("("+prev+" && season) || ("+prev+" && !season)", env)
		if err != nil {
			break
		}
		name := "c" + string(rune('a'+k))
		require.NoError(t, env.Declare(&Var{Name: name, Kind: Bool, Macro: p}))
		prev = name
	}
	require.ErrorContains(t, err, "steps with its named conditions expanded")
	_, err = Compile(strings.Repeat("x", MaxSourceBytes+1), env)
	require.ErrorContains(t, err, "bytes long")
}
