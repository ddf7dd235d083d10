package bench

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
)

// difference is one query on which the two encodings disagree, with what
// each side based its answer on.
type difference struct {
	query        map[string]any
	tonggao, opa engine.Verdict
	unknown      []string
	reasons      []string
}

func (d difference) String() string {
	return fmt.Sprintf("%v: tonggao %s %v (reasons %s), opa %s", d.query, d.tonggao, d.unknown, strings.Join(d.reasons, "; "), d.opa)
}

// compare runs every query through the engine and through opa and returns
// the differences and the count of each engine verdict.
func compare(t *testing.T, eng *engine.Engine, qs []Query, opa func(ast.Value) (engine.Verdict, error)) ([]difference, map[engine.Verdict]int) {
	t.Helper()
	var diffs []difference
	counts := map[engine.Verdict]int{}
	for _, q := range qs {
		d, err := eng.Decide(q.Engine)
		require.NoError(t, err, "%v", q.Raw)
		o, err := opa(q.Input)
		require.NoError(t, err, "%v", q.Raw)
		counts[d.Verdict]++
		if d.Verdict == engine.Conditional && !slices.Equal(d.UnknownFacts(), []string{"distance_to_forest_m"}) {
			// A conditional answer must hang on the distance alone, as
			// OPA's partial evaluation (only the distance unknown) does.
			o = "conditional on " + engine.Verdict(strings.Join(d.UnknownFacts(), ","))
		}
		if d.Verdict != o {
			var why []string
			for _, r := range d.Reasons() {
				why = append(why, r.Notice+" "+r.Rule+" "+r.Status)
			}
			diffs = append(diffs, difference{query: q.Raw, tonggao: d.Verdict, opa: o, unknown: d.UnknownFacts(), reasons: why})
		}
	}
	return diffs, counts
}

// report fails with every difference listed.
func report(t *testing.T, diffs []difference) {
	t.Helper()
	if len(diffs) == 0 {
		return
	}
	var b strings.Builder
	for _, d := range diffs {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	t.Fatalf("%d of the queries get different verdicts:\n%s", len(diffs), b.String())
}

// TestSameVerdict: on every fully known query both say forbidden or both
// say no_rule (the fire ban has no allow rules, and every fact it reads is
// given, so conditional would be a bug).
func TestSameVerdict(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	diffs, counts := compare(t, f.eng, f.known, func(in ast.Value) (engine.Verdict, error) { return f.opa.Decide(ctx, in) })
	t.Logf("%d queries: %v; left out (also governed by other notices): %v", len(f.known), counts, f.excluded)
	report(t, diffs)
	require.Equal(t, []engine.Verdict{engine.Forbidden, engine.NoRule}, slices.Sorted(maps.Keys(counts)), "known queries give only forbidden and no_rule")
	// Both verdicts must be common, or the comparison proves little.
	require.Greater(t, counts[engine.Forbidden], len(f.known)/5)
	require.Greater(t, counts[engine.NoRule], len(f.known)/5)
}

// TestSameConditionalVerdict: with the distance unknown, the engine's
// conditional (unknown_facts [distance_to_forest_m]) is OPA's undecided
// partial evaluation, forbidden is a partial result with an empty query, and
// no_rule is a result with no queries.
func TestSameConditionalVerdict(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	diffs, counts := compare(t, f.eng, f.partial, func(in ast.Value) (engine.Verdict, error) { return f.opa.Conditional(ctx, in) })
	t.Logf("%d queries: %v", len(f.partial), counts)
	report(t, diffs)
	require.Len(t, counts, 3, "conditional, forbidden and no_rule all occur")
	require.Greater(t, counts[engine.Conditional], len(f.partial)/5)
}

// TestComparisonHasTeeth: a policy that reads “100米以内” as excluding 100 m
// disagrees on the queries at exactly 100 m, so the comparison can fail.
func TestComparisonHasTeeth(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	data, err := DataDocument(f.eng, f.enc)
	require.NoError(t, err)
	mutated := strings.Replace(Policy, "input.distance_to_forest_m <= 100", "input.distance_to_forest_m < 100", 1)
	require.NotEqual(t, Policy, mutated)
	o, err := newOPA(ctx, mutated, data)
	require.NoError(t, err)
	diffs, _ := compare(t, f.eng, f.known, func(in ast.Value) (engine.Verdict, error) { return o.Decide(ctx, in) })
	require.NotEmpty(t, diffs)
	for _, d := range diffs {
		require.Equal(t, 100.0, d.query["distance_to_forest_m"], "%v", d)
		require.Equal(t, engine.Forbidden, d.tonggao)
	}
}

// TestPolicyMatchesRuleFile: the Rego groups are the fire-ban rules'
// activities, the residual group is the rule marked residual, every rule
// forbids under the same condition the policy encodes, and the special
// windows are windows of the notice with days.
func TestPolicyMatchesRuleFile(t *testing.T) {
	f := setup(t)
	want := map[string][]string{}
	var residuals []string
	for _, r := range f.notice.Rules {
		for _, a := range r.Activities {
			want[r.ID] = append(want[r.ID], a.ID)
		}
		slices.Sort(want[r.ID])
		if r.Residual {
			residuals = append(residuals, r.ID)
		}
		require.Equal(t, "forbid", string(r.Effect), r.ID)
	}
	require.Equal(t, want, f.enc.Groups)
	slices.Sort(residuals)
	require.Equal(t, residuals, f.enc.Residuals)
	data, err := DataDocument(f.eng, f.enc)
	require.NoError(t, err)
	windows := data["windows"].(map[string]any)
	for _, w := range f.enc.SpecialWindows {
		require.NotEmpty(t, windows[w], w)
	}
}

// TestBadInput: an unknown activity is an error on the engine side and
// no_rule on OPA's (the policy knows only the fire ban's words), and a
// policy naming a window the notice lacks is refused.
func TestBadInput(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	in, err := ast.InterfaceToValue(map[string]any{"activity": "不存在的活动", "date": "2025-01-01", "fire_zone": "key", "high_danger_days": 0, "distance_to_forest_m": 0})
	require.NoError(t, err)
	v, err := f.opa.Decide(ctx, in)
	require.NoError(t, err)
	require.Equal(t, engine.NoRule, v)
	_, err = f.eng.Decide(engine.Query{Activity: "不存在的活动", Day: f.known[0].Engine.Day})
	require.Error(t, err)
	enc := *f.enc
	enc.SpecialWindows = []string{"no_such_window"}
	_, err = DataDocument(f.eng, &enc)
	require.ErrorContains(t, err, "no_such_window")
	_, err = Generate(f.eng, nil, Span{}, 10, 1)
	require.Error(t, err)
}
