package engine

import (
	"context"
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
	from, to := calendar.MustDate(2020, 1, 1), calendar.MustDate(2031, 12, 31)
	for _, a := range eager.set.Activities {
		w, err := eager.ChangeDays(a.ID, from, to)
		require.NoError(t, err)
		g, err := lazy.ChangeDays(a.ID, from, to)
		require.NoError(t, err)
		require.Equal(t, w, g, a.ID)
	}
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
