package engine

import (
	"context"
	"encoding/json"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

// TestPlanOnDemand: an engine that plans each activity on its first query
// builds nothing up front, and then gives byte for byte the decisions and
// change days of one that planned everything in New, with first queries
// about the same activities racing each other.
func TestPlanOnDemand(t *testing.T) {
	eager, qs := kindQueries(t)
	layers, err := place.LoadDir("../place/testdata/synthetic")
	require.NoError(t, err)
	extra := fstest.MapFS{"notices/synthetic.yaml": {Data: []byte(openEndedNotice)}}
	lazy, err := LoadRoots(context.Background(), []rules.Root{{FS: rules.EmbeddedFS()}, {Name: "synthetic", FS: extra}}, rules.Limits{}, WithLayers(layers), PlanOnDemand())
	require.NoError(t, err)
	built := func(e *Engine) (n int) {
		for _, ps := range e.sets {
			for _, p := range ps.all() {
				if p.segments != nil {
					n++
				}
			}
		}
		return n
	}
	for _, ps := range lazy.sets {
		require.NotNil(t, ps.lazy, "plans wait for their first query")
		require.Empty(t, ps.plans, "PlanOnDemand made plans in New")
	}
	require.Zero(t, built(lazy), "PlanOnDemand built plans in New")
	require.Positive(t, built(eager))

	// One query plans its activity, and only the plans it needs.
	_, err = lazy.Decide(Query{Activity: "烧纸", Day: calendar.MustDate(2025, 4, 4)})
	require.NoError(t, err)
	require.Positive(t, built(lazy))
	require.Less(t, built(lazy), built(eager))

	want := make([][]byte, len(qs))
	for i, q := range qs {
		if d, err := eager.Decide(q); err == nil {
			want[i] = d.AppendJSON(nil)
		}
	}
	// First queries race: each goroutine asks about every activity once,
	// in its own order; then every query is compared.
	firsts := map[string]Query{}
	for _, q := range qs {
		if _, ok := firsts[q.Activity]; !ok {
			firsts[q.Activity] = q
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			order := slices.Collect(maps.Values(firsts))
			rand.New(rand.NewPCG(uint64(g), 1)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, q := range order {
				_, _ = lazy.Decide(q)
			}
		})
	}
	wg.Wait()
	for i, q := range qs {
		var got []byte
		if d, err := lazy.Decide(q); err == nil {
			got = d.AppendJSON(nil)
		}
		require.Equal(t, string(want[i]), string(got), "%+v", q)
	}

	// Change days, on a fresh engine so that they plan first.
	lazy, err = LoadRoots(context.Background(), []rules.Root{{FS: rules.EmbeddedFS()}, {Name: "synthetic", FS: extra}}, rules.Limits{}, WithLayers(layers), PlanOnDemand())
	require.NoError(t, err)
	sameChangeDays(t, eager, lazy)
}

// TestPlanOnDemandClock: the same for windows with times of day.
func TestPlanOnDemandClock(t *testing.T) {
	eager, err := Load(os.DirFS("testdata/clock"))
	require.NoError(t, err)
	lazy, err := Load(os.DirFS("testdata/clock"), PlanOnDemand())
	require.NoError(t, err)
	for _, a := range eager.set.Activities {
		for _, s := range eager.plans[a].segments {
			for _, m := range []calendar.Moment{calendar.TimeMoment(s.from.Add(1)), calendar.DayMoment(s.from.Date())} {
				q := Query{Activity: a.ID}
				q.SetMoment(m)
				w, werr := eager.Decide(q)
				g, gerr := lazy.Decide(q)
				require.Equal(t, werr, gerr)
				if werr == nil {
					require.Equal(t, string(w.AppendJSON(nil)), string(g.AppendJSON(nil)), "%s %v", a.ID, m)
				}
			}
		}
	}
}

// TestWindowsOnDemand: planning on demand over the embedded rule base
// and holidays, New leaves every window to its first use
// (linkedWindows), and decisions, change days, what is restricted here,
// the lint and every window resolved are byte for byte those of an engine
// that resolved and checked them all in New. Any other rule set, or
// other holidays, is resolved and checked in New as before.
func TestWindowsOnDemand(t *testing.T) {
	eager, err := Embedded()
	require.NoError(t, err)
	lazy, err := Embedded(PlanOnDemand())
	require.NoError(t, err)
	pending := func(e *Engine) (n int) {
		for _, s := range e.windows {
			if s.cal != nil && s.cw == nil {
				n++
			}
		}
		return n
	}
	require.NotEmpty(t, lazy.windows)
	require.Equal(t, len(lazy.windows), pending(lazy), "New resolved a window")
	require.Zero(t, pending(eager))

	_, err = lazy.Decide(Query{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3), Facts: Facts{"distance_to_forest_m": 50.0}})
	require.NoError(t, err)
	require.Positive(t, pending(lazy), "one question resolves only its activity's windows")
	require.Less(t, pending(lazy), len(lazy.windows))

	n := 0
	for _, a := range eager.set.Activities {
		p := eager.plans[a]
		var facts []Facts
		facts = append(facts, nil)
		if p.table != nil {
			for i, d := range p.table.dims {
				for _, v := range factChoices(d) {
					if v != nil && i < 3 {
						facts = append(facts, Facts{d.Var.Name: v})
					}
				}
			}
		}
		for k, s := range p.segments {
			if y := s.from.Date().Year(); (y < 2023 || y > 2027) && k != len(p.segments)-1 {
				continue
			}
			for _, f := range facts {
				q := Query{Activity: a.ID, Facts: f}
				q.SetMoment(calendar.DayMoment(s.from.Date()))
				w, werr := eager.Decide(q)
				g, gerr := lazy.Decide(q)
				require.Equal(t, werr, gerr)
				if werr == nil {
					require.Equal(t, string(w.AppendJSON(nil)), string(g.AppendJSON(nil)), "%s %v %v", a.ID, s.from, f)
					n++
				}
			}
		}
	}
	require.Greater(t, n, 500)

	fresh, err := Embedded(PlanOnDemand())
	require.NoError(t, err)
	sameChangeDays(t, eager, fresh)
	fresh, err = Embedded(PlanOnDemand())
	require.NoError(t, err)
	for _, day := range []calendar.Date{calendar.MustDate(2024, 2, 10), calendar.MustDate(2024, 10, 3), calendar.MustDate(2025, 7, 10), calendar.MustDate(2026, 4, 5)} {
		for _, f := range []Facts{nil, {"in_forest_land": true, "fire_zone": "key"}} {
			w, werr := eager.Here(Query{Day: day, Facts: f})
			g, gerr := fresh.Here(Query{Day: day, Facts: f})
			require.Equal(t, werr, gerr)
			wj, err := json.Marshal(w)
			require.NoError(t, err)
			gj, err := json.Marshal(g)
			require.NoError(t, err)
			require.Equal(t, string(wj), string(gj), "%s %v", day, f)
		}
	}
	fresh, err = Embedded(PlanOnDemand())
	require.NoError(t, err)
	require.Equal(t, eager.Lint(), fresh.Lint())
	for i, nt := range eager.set.Notices {
		for j, w := range nt.Windows {
			lw := lazy.set.Notices[i].Windows[j]
			require.Equal(t, w.ID, lw.ID)
			require.NotNil(t, lazy.Window(lw), w.ID)
			require.Equal(t, eager.Window(w), lazy.Window(lw), w.ID)
		}
	}
	require.Zero(t, pending(lazy), "Window resolved every window")

	// Another rule set (the embedded one beside another root), or other
	// holidays: resolved in New, and its windows checked there.
	extra := fstest.MapFS{"notices/synthetic.yaml": {Data: []byte(openEndedNotice)}}
	other, err := LoadRoots(context.Background(), []rules.Root{{FS: rules.EmbeddedFS()}, {Name: "synthetic", FS: extra}}, rules.Limits{}, PlanOnDemand())
	require.NoError(t, err)
	require.Zero(t, pending(other))
	set, err := rules.Embedded()
	require.NoError(t, err)
	h, err := calendar.LoadHolidays(os.DirFS("../calendar/holidays")) // the same data, not the embedded table
	require.NoError(t, err)
	cal, err := calendar.New(calendar.WithHolidays(h))
	require.NoError(t, err)
	own, err := New(set, cal, PlanOnDemand())
	require.NoError(t, err)
	require.Zero(t, pending(own))
	require.Equal(t, len(lazy.windows), len(own.windows))
}

// sameChangeDays requires b to give a's change days for every activity
// over 2020–2031.
func sameChangeDays(t *testing.T, a, b *Engine) {
	t.Helper()
	from, to := calendar.MustDate(2020, 1, 1), calendar.MustDate(2031, 12, 31)
	for _, act := range a.set.Activities {
		w, err := a.ChangeDays(act.ID, from, to)
		require.NoError(t, err)
		g, err := b.ChangeDays(act.ID, from, to)
		require.NoError(t, err)
		require.Equal(t, w, g, act.ID)
	}
}
