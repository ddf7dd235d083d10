package engine

import (
	"context"
	"math/rand/v2"
	"os"
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
			for _, p := range ps.plans {
				if p.segments != nil {
					n++
				}
			}
		}
		return n
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
	var wg sync.WaitGroup
	got := make([][][]byte, 2)
	for g := range got {
		got[g] = make([][]byte, len(qs))
		wg.Go(func() {
			for _, i := range rand.New(rand.NewPCG(uint64(g), 1)).Perm(len(qs)) {
				if d, err := lazy.Decide(qs[i]); err == nil {
					got[g][i] = d.AppendJSON(nil)
				}
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i, q := range qs {
			require.Equal(t, string(want[i]), string(got[g][i]), "goroutine %d, %+v", g, q)
		}
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
