package engine_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/register"
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
		reg, err := register.Embedded()
		if err != nil {
			sharedErr = err
			return
		}
		shared, sharedErr = engine.New(set, cal, engine.WithRegister(reg))
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

func TestRegisterKnowsEncodedNotices(t *testing.T) {
	e := testEngine(t)
	reg := e.Register()
	require.NotNil(t, reg)
	for _, n := range e.Rules().Notices {
		st, err := reg.Lookup(n.Number, n.Effective)
		require.NoError(t, err)
		require.Equal(t, register.InForce, st.Status, "%s on its first day", n.Number)
		st, err = reg.Lookup(n.Number, n.ValidUntil.AddDays(1))
		require.NoError(t, err)
		require.NotEqual(t, register.InForce, st.Status, "%s the day after its validity", n.Number)
	}
}

func TestRegisterDisagreementIsALoadError(t *testing.T) {
	set, err := rules.Embedded()
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	num, err := register.ParseNumber("祁政通〔2024〕7号")
	require.NoError(t, err)
	until := day("2030-01-01")
	from := day("2024-09-01")
	reg, err := register.New(register.Entry{Number: num, Title: "祁阳市人民政府关于发布森林防火禁火令的通告", ValidFrom: &from, ValidUntil: &until})
	require.NoError(t, err)
	_, err = engine.New(set, cal, engine.WithRegister(reg))
	require.ErrorContains(t, err, "disagree")
}

func TestChangeDays(t *testing.T) {
	e := testEngine(t)
	days, err := e.ChangeDays("烧田埂", day("2024-09-01"), day("2024-12-31"))
	require.NoError(t, err)
	var s []string
	for _, d := range days {
		s = append(s, d.String())
	}
	// National Day 2024 window: 10-01 … 10-07.
	require.Equal(t, []string{"2024-10-01", "2024-10-08"}, s)
}
