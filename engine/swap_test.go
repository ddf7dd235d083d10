package engine_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
)

func TestCurrentReload(t *testing.T) {
	first := testEngine(t)
	cur := engine.NewCurrent(first)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				d, err := cur.Engine().Decide(engine.Query{Activity: "野炊", Day: day("2024-10-03"), Facts: engine.Facts{"distance_to_forest_m": 10.0}})
				if err != nil || d.Verdict != engine.Forbidden || d.Receipt().RuleSet == "" {
					t.Errorf("decision during reload: %v %v", d, err)
					return
				}
			}
		}()
	}
	for i := 0; i < 20; i++ {
		_, err := cur.Reload(func() (*engine.Engine, error) { return first, nil })
		require.NoError(t, err)
		got, err := cur.Reload(func() (*engine.Engine, error) { return nil, errors.New("bad rule set") })
		require.Error(t, err)
		require.Same(t, first, got, "a failed reload keeps the old engine")
	}
	close(stop)
	wg.Wait()
	require.Same(t, first, cur.Engine())
}
