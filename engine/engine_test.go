package engine_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

var (
	once      sync.Once
	shared    *engine.Engine
	sharedErr error
)

func testEngine(t testing.TB) *engine.Engine {
	once.Do(func() {
		set, err := rules.Embedded()
		if err != nil {
			sharedErr = err
			return
		}
		cal, err := calendar.New()
		if err != nil {
			sharedErr = err
			return
		}
		shared, sharedErr = engine.New(set, cal)
	})
	require.NoError(t, sharedErr)
	return shared
}

func day(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDecideSmoke(t *testing.T) {
	e := testEngine(t)
	d, err := e.Decide(engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Facts: engine.Facts{"distance_to_forest_m": 50}})
	require.NoError(t, err)
	b, _ := json.MarshalIndent(d, "", "  ")
	t.Log(string(b))
	require.Equal(t, engine.Forbidden, d.Verdict)
}
