package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
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
	decisions := compareTableAndEvaluation(t, tabled, evaluated, 2024, 2025)
	require.Greater(t, decisions, 10000)
}

// TestTableAgreesWithEvaluationClock does the same for the clock-time test
// rule set (testdata/clock), asking also at the minute each segment starts
// and the minute before it, and about the day.
func TestTableAgreesWithEvaluationClock(t *testing.T) {
	tabled, err := Load(os.DirFS("testdata/clock"))
	require.NoError(t, err)
	evaluated, err := Load(os.DirFS("testdata/clock"), withoutTables())
	require.NoError(t, err)
	decisions := compareTableAndEvaluation(t, tabled, evaluated, 2026, 2027)
	require.Greater(t, decisions, 5000)
}

// compareTableAndEvaluation decides the queries the tests above describe
// with both engines and returns how many decisions it compared.
func compareTableAndEvaluation(t *testing.T, tabled, evaluated *Engine, fromYear, toYear int) int {
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
		// A query on the day each segment starts; where segments start at
		// minutes, also at that minute and the one before.
		var moments []calendar.Moment
		for _, s := range p.segments {
			if y := s.from.Date().Year(); y >= fromYear && y <= toYear {
				moments = append(moments, calendar.DayMoment(s.from.Date()))
				if p.clocked {
					moments = append(moments, calendar.TimeMoment(s.from), calendar.TimeMoment(s.from.Add(-1)))
				}
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
			for _, m := range moments {
				q := Query{Activity: a.ID, Facts: facts}
				q.SetMoment(m)
				want, wantErr := evaluated.Decide(q)
				got, gotErr := tabled.Decide(q)
				name := fmt.Sprintf("%s %s %v", a.ID, m, facts)
				if wantErr != nil {
					require.EqualError(t, gotErr, wantErr.Error(), name)
					continue
				}
				require.NoError(t, gotErr, name)
				require.Equal(t, want.plain(), got.plain(), name)
				decisions++
			}
		}
	}
	t.Logf("%d decisions compared; %d of %d activities have a table", decisions, withTable, len(tabled.set.Activities))
	require.Equal(t, len(tabled.set.Activities), withTable, "every plan of the rule base is small enough for a table")
	return decisions
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

// TestAnalysesConcurrent has many goroutines ask, at once, conditional
// questions no query has met before on a fresh engine (so they race to
// keep the answers), and requires the answers of an engine asked one
// question at a time.
func TestAnalysesConcurrent(t *testing.T) {
	fresh, err := Embedded()
	require.NoError(t, err)
	reference, err := Embedded()
	require.NoError(t, err)
	var qs []Query
	for _, act := range []string{"烧田埂", "野炊", "上坟烧纸", "set_up_stall", "dump_construction_waste"} {
		for _, d := range []string{"2024-10-03", "2025-02-01", "2025-04-04", "2025-07-15", "2026-01-20"} {
			day, err := calendar.ParseDate(d)
			require.NoError(t, err)
			for _, facts := range []Facts{{}, {"fire_zone": "general"}, {"distance_to_forest_m": 50.0}, {"high_danger_days": 3.0}, {"urban_area": true}} {
				qs = append(qs, Query{Activity: act, Day: day, Facts: facts})
			}
		}
	}
	want := make([]*Decision, len(qs))
	for i, q := range qs {
		want[i], err = reference.Decide(q)
		require.NoError(t, err)
	}
	const workers = 8
	errs := make(chan error, workers)
	for w := range workers {
		go func() {
			for k := range qs {
				i := (k + w*len(qs)/workers) % len(qs)
				got, err := fresh.Decide(qs[i])
				if err == nil && !assert.ObjectsAreEqual(want[i].plain(), got.plain()) {
					err = fmt.Errorf("%s %s %v: the decisions differ", qs[i].Activity, qs[i].Day, qs[i].Facts)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range workers {
		require.NoError(t, <-errs)
	}
}

// BenchmarkDecideFirst measures a conditional decision that meets its
// partial point for the first time, so that its answer is worked out
// rather than shared: each round forgets the answers the last one kept.
func BenchmarkDecideFirst(b *testing.B) {
	e, err := Embedded()
	require.NoError(b, err)
	for _, bc := range []struct {
		name string
		q    Query
	}{
		{"conditional", Query{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3), Facts: Facts{"fire_zone": "general"}}},
		{"conditional-2-facts", Query{Activity: "野炊", Day: calendar.MustDate(2025, 7, 15), Facts: Facts{"distance_to_forest_m": 50.0}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			a, err := e.Activity(bc.q.Activity)
			require.NoError(b, err)
			t := e.plans[a].table
			_, err = e.Decide(bc.q)
			require.NoError(b, err)
			var kept []int
			for i := range t.analyses {
				if t.analyses[i].Load() != nil {
					kept = append(kept, i)
				}
			}
			require.NotEmpty(b, kept)
			b.ReportAllocs()
			for b.Loop() {
				for _, i := range kept {
					t.analyses[i].Store(nil)
				}
				if _, err := e.Decide(bc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestOutcomesOneFact checks the one-fact shortcut against the general
// projection, on random verdicts over the fire ban's dims.
func TestOutcomesOneFact(t *testing.T) {
	e, err := Embedded()
	require.NoError(t, err)
	a, err := e.Activity("烧田埂")
	require.NoError(t, err)
	p := e.plans[a]
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		sc := &scratch{}
		total := 1
		for _, d := range p.table.dims {
			if rnd.IntN(2) == 0 && len(sc.dims) > 0 {
				continue
			}
			sc.dims = append(sc.dims, d)
			sc.sizes = append(sc.sizes, d.Size())
			sc.strides = append(sc.strides, total)
			total *= d.Size()
		}
		for range total {
			sc.codes = append(sc.codes, verdictCode(rnd.IntN(4)))
		}
		k := rnd.IntN(len(sc.dims))
		sc.relevant, sc.relIdx = sc.dims[k:k+1], []int{k}
		want := e.outcomesN(p, sc)
		require.Equal(t, want, e.outcomes1(p, sc), "codes %v, dims %d, deciding %s", sc.codes, len(sc.dims), sc.dims[k].Var.Name)
	}
}

// FuzzTableAgreesWithEvaluation decides random queries — any activity,
// any day from 2023 to 2033, each fact the plan's rules read unknown, at
// a threshold, anywhere, or within a range — with and without the plans'
// tables, and requires the same decision or the same error.
func FuzzTableAgreesWithEvaluation(f *testing.F) {
	tabled, err := Embedded()
	require.NoError(f, err)
	evaluated, err := Embedded(withoutTables())
	require.NoError(f, err)
	acts := tabled.set.Activities
	start := calendar.MustDate(2023, 1, 1)
	for _, seed := range []uint64{0, 1, 2, 42, 1 << 40} {
		f.Add(uint16(seed), uint16(seed*7), seed)
	}
	f.Fuzz(func(t *testing.T, act, day uint16, seed uint64) {
		a := acts[int(act)%len(acts)]
		p := tabled.plans[a]
		rnd := rand.New(rand.NewPCG(seed, uint64(act)<<16|uint64(day)))
		facts := Facts{}
		for _, d := range p.space.Dimensions(tabled.set.NewState(), func(int) bool { return true }, nil) {
			if v := randomFact(rnd, d); v != nil {
				facts[d.Var.Name] = v
			}
		}
		q := Query{Activity: a.Name, Day: start.AddDays(int(day) % 4000), Facts: facts}
		want, wantErr := evaluated.Decide(q)
		got, gotErr := tabled.Decide(q)
		if wantErr != nil {
			require.EqualError(t, gotErr, wantErr.Error())
			return
		}
		require.NoError(t, gotErr)
		require.Equal(t, want.plain(), got.plain())
	})
}

// randomFact gives a dimension's fact a random value, or nil (unknown).
func randomFact(rnd *rand.Rand, d *rules.Dimension) any {
	if rnd.IntN(4) == 0 {
		return nil
	}
	switch d.Var.Kind {
	case cond.Number:
		r := d.Regions[rnd.IntN(len(d.Regions))]
		x := r.Rep
		switch rnd.IntN(4) {
		case 0:
			if !math.IsInf(r.Lo, 0) {
				x = r.Lo
			}
		case 1:
			x = math.Abs(rnd.NormFloat64()) * 150
			if d.Fact.Integer {
				x = math.Round(x)
			}
		case 2:
			return Range{Lo: x, Hi: x + rnd.Float64()*120, Source: "fuzz"}
		}
		return x
	case cond.Enum:
		if rnd.IntN(8) == 0 {
			return "不是一个值"
		}
		return d.Fact.Values[rnd.IntN(len(d.Fact.Values))]
	}
	return rnd.IntN(2) == 0
}

// TestNoTable: a plan whose facts span too many points, and one whose fact
// an implication links to a fact its rules do not read, get no table and
// are decided by evaluating their rules.
func TestNoTable(t *testing.T) {
	var facts, condition strings.Builder
	facts.WriteString("facts:\n")
	for i := range 9 {
		fmt.Fprintf(&facts, "  - {name: n%d, type: number, zh: 数%d, en: number %d, doc: A number.}\n", i, i, i)
		if i > 0 {
			condition.WriteString(" && ")
		}
		fmt.Fprintf(&condition, "(n%[1]d < 1 || n%[1]d == 2 || n%[1]d > 3 && n%[1]d != 4)", i)
	}
	facts.WriteString(`  - {name: a, type: number, min: 0, zh: 甲, en: a, doc: A number.}
  - {name: b, type: bool, zh: 乙, en: b, doc: A bool.}
implications:
  - if: b
    then: a == 0
`)
	notice := fmt.Sprintf(`notice:
  number: 测试〔2024〕2号
  title: 测试
  effective: 2024-09-01
  valid_until: 2024-12-31
activities:
  - {id: wide, name: 宽, en: wide}
  - {id: linked, name: 连, en: linked}
rules:
  - id: wide
    article: 一
    text: 严禁宽。
    effect: forbid
    activities: [wide]
    if: %s
  - id: linked
    article: 二
    text: 严禁连。
    effect: forbid
    activities: [linked]
    if: a < 5
`, condition.String())
	set, err := rules.Load(fstest.MapFS{"facts.yaml": {Data: []byte(facts.String())}, "notices/t.yaml": {Data: []byte(notice)}})
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	e, err := New(set, cal)
	require.NoError(t, err)
	for _, id := range []string{"wide", "linked"} {
		a, err := e.Activity(id)
		require.NoError(t, err)
		require.Nil(t, e.plans[a].table, id)
	}
	all := Facts{}
	for i := range 9 {
		all[fmt.Sprintf("n%d", i)] = 2.0
	}
	day := calendar.MustDate(2024, 10, 1)
	d, err := e.Decide(Query{Activity: "wide", Day: day, Facts: all})
	require.NoError(t, err)
	require.Equal(t, Forbidden, d.Verdict)
	all["n8"] = 4.0
	d, err = e.Decide(Query{Activity: "wide", Day: day, Facts: all})
	require.NoError(t, err)
	require.Equal(t, NoRule, d.Verdict)
	delete(all, "n8")
	d, err = e.Decide(Query{Activity: "wide", Day: day, Facts: all})
	require.NoError(t, err)
	require.Equal(t, Conditional, d.Verdict)
	require.Equal(t, []string{"n8"}, d.UnknownFacts())
	d, err = e.Decide(Query{Activity: "linked", Day: day, Facts: Facts{"b": true}})
	require.NoError(t, err)
	require.Equal(t, Forbidden, d.Verdict, "b ⇒ a = 0 < 5")
	d, err = e.Decide(Query{Activity: "linked", Day: day})
	require.NoError(t, err)
	require.Equal(t, Conditional, d.Verdict)
	require.Equal(t, []string{"a"}, d.UnknownFacts())
}
