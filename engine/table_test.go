package engine

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// withoutTables makes every plan evaluate its rules, as plans too large
// for a table do.
func withoutTables() Option {
	return func(e *Engine) error { e.noTables = true; return nil }
}

// TestTableAgreesWithEvaluation decides, for every plan of the embedded rule
// base, on the first day of every segment starting in 2024 or 2025 (every
// window of the gazette), every combination of its facts unknown, at each region's
// edges and inside, and (numbers) known only within a range — once looking
// the rules up in the plan's table and once evaluating them — and requires
// the same decision or the same error.
func TestTableAgreesWithEvaluation(t *testing.T) {
	tabled, err := Embedded()
	require.NoError(t, err)
	evaluated, err := Embedded(withoutTables())
	require.NoError(t, err)

	seen := map[*table]bool{}
	decisions, withTable := 0, 0
	for _, a := range tabled.set.Activities {
		p := tabled.plans[a]
		if p.table != nil {
			withTable++
		}
		if p.table == nil || seen[p.table] {
			continue
		}
		seen[p.table] = true
		choices := make([][]any, len(p.table.dims))
		for i, d := range p.table.dims {
			choices[i] = factChoices(d)
		}
		var days []calendar.Date
		for _, s := range p.segments {
			if y := s.from.Year(); y >= 2024 && y <= 2025 {
				days = append(days, s.from)
			}
		}
		total := 1
		for _, c := range choices {
			total *= len(c)
		}
		for n := range total {
			facts := Facts{}
			r := n
			for i, c := range choices {
				if v := c[r%len(c)]; v != nil {
					facts[p.table.dims[i].Var.Name] = v
				}
				r /= len(c)
			}
			for _, day := range days {
				q := Query{Activity: a.ID, Day: day, Facts: facts}
				want, wantErr := evaluated.Decide(q)
				got, gotErr := tabled.Decide(q)
				name := fmt.Sprintf("%s %s %v", a.ID, day, facts)
				if wantErr != nil {
					require.EqualError(t, gotErr, wantErr.Error(), name)
					continue
				}
				require.NoError(t, gotErr, name)
				require.Equal(t, want, got, name)
				decisions++
			}
		}
	}
	t.Logf("%d decisions compared; %d of %d activities have a table", decisions, withTable, len(tabled.set.Activities))
	require.Greater(t, decisions, 10000)
	require.Equal(t, len(tabled.set.Activities), withTable, "every plan of the embedded rule base is small enough for a table")
}

// factChoices lists the values a test gives a dimension's fact: unknown
// (nil), each region's ends and a point inside, ranges inside one region
// and across a threshold, each enum value and one no rule names, true and
// false.
func factChoices(d *rules.Dimension) []any {
	out := []any{nil}
	switch d.Var.Kind {
	case cond.Number:
		for _, r := range d.Regions {
			if !r.LoOpen && !math.IsInf(r.Lo, 0) {
				out = append(out, r.Lo)
			}
			out = append(out, r.Rep)
			if r.Hi > r.Lo && !math.IsInf(r.Hi, 0) {
				out = append(out, Range{Lo: r.Rep, Hi: r.Hi, Source: "test"})
			}
		}
		if len(d.Regions) > 1 {
			out = append(out, Range{Lo: d.Regions[0].Rep, Hi: d.Regions[len(d.Regions)-1].Rep, Source: "test"})
		}
	case cond.Enum:
		for _, v := range d.Fact.Values {
			out = append(out, v)
		}
	default:
		out = append(out, true, false)
	}
	return out
}
