package engine_test

import (
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/ruletest"
)

// The clock-time test rule set (testdata/clock): a test notice with a
// noon-to-noon fireworks span (除夕 12:00 to 初三 12:00), a nightly
// construction ban (22:00 to 06:00) and an examination's days and nights.
var (
	clockOnce sync.Once
	clockEng  *engine.Engine
	clockErr  error
)

func clockEngine(t testing.TB) *engine.Engine {
	clockOnce.Do(func() { clockEng, clockErr = engine.Load(os.DirFS("testdata/clock")) })
	require.NoError(t, clockErr)
	return clockEng
}

func at(s string) calendar.Moment {
	m, err := calendar.ParseMoment(s)
	if err != nil {
		panic(err)
	}
	return m
}

func clockQuery(activity, when string, facts engine.Facts) engine.Query {
	q := engine.Query{Activity: activity, Facts: facts}
	q.SetMoment(at(when))
	return q
}

// TestClockCases runs the test notice's cases (minute edges of every
// window) and requires full coverage.
func TestClockCases(t *testing.T) {
	e := clockEngine(t)
	cases, err := rules.LoadCases(os.DirFS("testdata/clock"))
	require.NoError(t, err)
	rep := ruletest.Run(e, cases)
	for _, r := range rep.Results {
		require.Empty(t, r.Failures, "%s:%d %s", r.File, r.Line, r.Name)
	}
	require.Greater(t, rep.Passed, 20)
	for _, c := range rep.Coverage {
		require.True(t, c.Complete(), "%s: rules %v, edges %v", c.Notice, c.UncoveredRules, c.UncoveredEdges)
	}
}

// TestDayQueryWithHours asks about whole days of a plan whose windows have
// hours: the verdict over most of the day, and the parts that differ.
func TestDayQueryWithHours(t *testing.T) {
	e := clockEngine(t)
	urban := engine.Facts{"urban_area": true}
	resident := engine.Facts{"residential_area": true, "near_exam_site": false}
	for _, tc := range []struct {
		name     string
		q        engine.Query
		verdict  engine.Verdict
		parts    []engine.DayPart
		next     string
		nextWhat engine.Verdict
	}{
		// 除夕: forbidden until noon, allowed after; 12 hours each, the
		// earlier wins the tie.
		{"除夕", clockQuery("fireworks", "2026-02-16", urban), engine.Forbidden,
			[]engine.DayPart{{From: "12:00", To: "24:00", Verdict: engine.Allowed}}, "2026-02-16T12:00+08:00", engine.Allowed},
		{"初一, all day", clockQuery("fireworks", "2026-02-17", urban), engine.Allowed, nil, "2026-02-19T12:00+08:00", engine.Forbidden},
		{"初三", clockQuery("fireworks", "2026-02-19", urban), engine.Allowed,
			[]engine.DayPart{{From: "12:00", To: "24:00", Verdict: engine.Forbidden}}, "2026-02-19T12:00+08:00", engine.Forbidden},
		// A night-time ban: no rule by day, forbidden at both ends.
		{"an ordinary day", clockQuery("施工", "2026-03-10", resident), engine.NoRule,
			[]engine.DayPart{{From: "00:00", To: "06:00", Verdict: engine.Forbidden}, {From: "22:00", To: "24:00", Verdict: engine.Forbidden}},
			"2026-03-10T22:00+08:00", engine.Forbidden},
		// The morning after the last examination night, with the place's
		// nearness to the site unknown: that hour depends on it.
		{"06-10, near a site unknown", clockQuery("施工", "2026-06-10", engine.Facts{"residential_area": true}), engine.NoRule,
			[]engine.DayPart{{From: "00:00", To: "06:00", Verdict: engine.Forbidden}, {From: "06:00", To: "07:00", Verdict: engine.Conditional}, {From: "22:00", To: "24:00", Verdict: engine.Forbidden}},
			"2026-06-10T22:00+08:00", engine.Forbidden},
		// The notice's first day: the night that began the evening before
		// is banned from 00:00, when the notice takes effect.
		{"the first day", clockQuery("施工", "2026-01-01", resident), engine.NoRule,
			[]engine.DayPart{{From: "00:00", To: "06:00", Verdict: engine.Forbidden}, {From: "22:00", To: "24:00", Verdict: engine.Forbidden}},
			"2026-01-01T22:00+08:00", engine.Forbidden},
	} {
		d, err := e.Decide(tc.q)
		require.NoError(t, err, tc.name)
		require.Nil(t, d.At, tc.name)
		require.Equal(t, tc.verdict, d.Verdict, tc.name)
		require.Equal(t, tc.parts, d.DayParts, tc.name)
		require.NotNil(t, d.NextChange, tc.name)
		require.Equal(t, tc.next, d.NextChange.At.String(), tc.name)
		require.Equal(t, tc.nextWhat, d.NextChange.Verdict, tc.name)
	}
}

// TestDecisionJSONWithHours shows the decision's new parts as the API
// sends them.
func TestDecisionJSONWithHours(t *testing.T) {
	e := clockEngine(t)
	d, err := e.Decide(clockQuery("施工", "2026-03-10T15:00Z", engine.Facts{"residential_area": true, "near_exam_site": false}))
	require.NoError(t, err)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	s := string(b)
	require.Contains(t, s, `"date":"2026-03-10","at":"2026-03-10T23:00+08:00","verdict":"forbidden"`)
	require.Contains(t, s, `"from":"2026-03-10","to":"2026-03-11","start":"2026-03-10T22:00+08:00","end":"2026-03-11T06:00+08:00","label":"22:00..06:00"`)
	require.Contains(t, s, `"window":"夜间 2026-03-10 22:00—2026-03-11 06:00"`)
	require.Contains(t, s, `"next_change":{"date":"2026-03-11","at":"2026-03-11T06:00+08:00","verdict":"no_rule"}`)
	require.NotContains(t, s, "day_parts")

	// Whole days keep their JSON, next_change gaining its minute (00:00).
	d, err = testEngine(t).Decide(engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Facts: engine.Facts{"distance_to_forest_m": 50}})
	require.NoError(t, err)
	b, err = json.Marshal(d)
	require.NoError(t, err)
	s = string(b)
	require.NotContains(t, s, `"at":"2024`)
	require.NotContains(t, s, `"start"`)
	require.NotContains(t, s, "day_parts")
	require.Contains(t, s, `"next_change":{"date":"2025-05-01","at":"2025-05-01T00:00+08:00","verdict":`)
}

// TestMinuteQueriesOnWholeDays: on a rule base without times of day, a
// question at any minute of a day gets the day's answer (with the minute).
func TestMinuteQueriesOnWholeDays(t *testing.T) {
	e := testEngine(t)
	facts := engine.Facts{"distance_to_forest_m": 50.0, "fire_zone": "general", "high_danger_days": 0.0}
	byDay, err := e.Decide(engine.Query{Activity: "烧田埂", Day: day("2025-04-30"), Facts: facts})
	require.NoError(t, err)
	for _, when := range []string{"2025-04-30 00:00", "2025-04-30 12:34", "2025-04-30 23:59", "2025-04-30T15:59Z"} {
		d, err := e.Decide(clockQuery("烧田埂", when, facts))
		require.NoError(t, err, when)
		require.NotNil(t, d.At)
		d.At = nil
		want, err := json.Marshal(byDay)
		require.NoError(t, err)
		got, err := json.Marshal(d)
		require.NoError(t, err)
		require.JSONEq(t, string(want), string(got), when)
	}
	d, err := e.Decide(clockQuery("烧田埂", "2025-04-30T16:00Z", facts)) // 05-01 00:00 in China
	require.NoError(t, err)
	require.Equal(t, "2025-05-01", d.Date.String())
	require.NotEqual(t, byDay.Verdict, d.Verdict)
}

// TestQueryAtAnyZone: At is an instant in any zone; the engine answers for
// its minute in China.
func TestQueryAtAnyZone(t *testing.T) {
	e := clockEngine(t)
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("EDT", -4*3600) // no zoneinfo on the machine
	}
	// 2026-03-10 10:00 in New York (daylight time, UTC−4) is 22:00 in China.
	q := engine.Query{Activity: "施工", At: time.Date(2026, 3, 10, 10, 0, 0, 0, ny), Facts: engine.Facts{"residential_area": true, "near_exam_site": false}}
	d, err := e.Decide(q)
	require.NoError(t, err)
	require.Equal(t, "2026-03-10T22:00+08:00", d.At.String())
	require.Equal(t, engine.Forbidden, d.Verdict)
	q.At = q.At.Add(-time.Minute)
	d, err = e.Decide(q)
	require.NoError(t, err)
	require.Equal(t, engine.NoRule, d.Verdict)
}

func TestHereAtAMinute(t *testing.T) {
	e := clockEngine(t)
	facts := engine.Facts{"residential_area": true, "near_exam_site": false, "urban_area": true}
	h, err := e.Here(clockQuery("", "2026-03-10 23:00", facts))
	require.NoError(t, err)
	require.Equal(t, "2026-03-10T23:00+08:00", h.At.String())
	require.Len(t, h.Notices, 1)
	require.Len(t, h.Notices[0].Windows, 1)
	require.Equal(t, "night", h.Notices[0].Windows[0].ID)
	require.Equal(t, "2026-03-10T22:00+08:00", h.Notices[0].Windows[0].Start.String())
	var restricted []string
	for _, r := range h.Notices[0].Restricted {
		restricted = append(restricted, r.Activity.ID+" "+string(r.Verdict))
	}
	require.ElementsMatch(t, []string{"fireworks forbidden", "noisy_construction forbidden"}, restricted)
	h, err = e.Here(clockQuery("", "2026-03-10 12:00", facts))
	require.NoError(t, err)
	require.Empty(t, h.Notices[0].Windows)

	// A day alone: the nightly ban is listed for the day, with its hours,
	// and the reasons of those hours.
	h, err = e.Here(clockQuery("", "2026-03-10", facts))
	require.NoError(t, err)
	var night *engine.Restriction
	for i, r := range h.Notices[0].Restricted {
		if r.Activity.ID == "noisy_construction" {
			night = &h.Notices[0].Restricted[i]
		}
	}
	require.NotNil(t, night, "a ban in some hours of the day is a restriction of the day")
	require.Equal(t, engine.Forbidden, night.Verdict)
	require.Equal(t, []string{"二"}, night.Articles)
	require.Equal(t, []engine.DayPart{{From: "00:00", To: "06:00", Verdict: engine.Forbidden}, {From: "22:00", To: "24:00", Verdict: engine.Forbidden}}, night.Hours)
}

func TestChangeTimes(t *testing.T) {
	e := clockEngine(t)
	ts, err := e.ChangeTimes("施工", at("2026-03-10 12:00").Day().Start().Add(12*60), at("2026-03-12 12:00").Day().Start().Add(12*60))
	require.NoError(t, err)
	var got []string
	for _, t := range ts {
		got = append(got, t.String())
	}
	require.Equal(t, []string{"2026-03-10T22:00+08:00", "2026-03-11T06:00+08:00", "2026-03-11T22:00+08:00", "2026-03-12T06:00+08:00"}, got)
	days, err := e.ChangeDays("施工", day("2026-03-10"), day("2026-03-12"))
	require.NoError(t, err)
	require.Equal(t, []calendar.Date{day("2026-03-11"), day("2026-03-12")}, days)
}

// TestClockDecisionAllocations: a question at a minute costs what the same
// question about a whole day costs; the hours were resolved at load.
func TestClockDecisionAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector")
	}
	e := clockEngine(t)
	allocs := func(q engine.Query) float64 {
		return testing.AllocsPerRun(100, func() {
			if _, err := e.Decide(q); err != nil {
				panic(err)
			}
		})
	}
	urban := engine.Facts{"urban_area": true}
	exam := engine.Facts{"near_exam_site": true, "residential_area": false}
	for _, pair := range [][2]engine.Query{
		// 初一 is allowed all day, 06-08 forbidden all day (examination).
		{clockQuery("fireworks", "2026-02-17 20:00", urban), clockQuery("fireworks", "2026-02-17", urban)},
		{clockQuery("施工", "2026-06-08 23:00", exam), clockQuery("施工", "2026-06-08", exam)},
	} {
		require.Equal(t, allocs(pair[1]), allocs(pair[0]), "%s at %s", pair[0].Activity, pair[0].At)
	}
}

// TestNightlyUntilRepealed: a nightly ban in a notice with no end date is
// resolved to the calendar's last year (some 55,000 segments); the
// segments' reasons are built when first asked about, once, by however
// many decisions ask at the same time.
func TestNightlyUntilRepealed(t *testing.T) {
	notice, err := os.ReadFile("testdata/clock/notices/test-2026-01-clock.yaml")
	require.NoError(t, err)
	facts, err := os.ReadFile("testdata/clock/facts.yaml")
	require.NoError(t, err)
	open := strings.Replace(string(notice), "  valid_until: 2027-12-31\n", "", 1)
	require.NotEqual(t, string(notice), open)
	e, err := engine.Load(fstest.MapFS{"facts.yaml": {Data: facts}, "notices/t.yaml": {Data: []byte(open)}})
	require.NoError(t, err)
	resident := engine.Facts{"residential_area": true, "near_exam_site": false}
	var wg sync.WaitGroup
	out := make([]string, 8)
	for i := range out {
		wg.Go(func() {
			d, err := e.Decide(clockQuery("施工", "2090-03-10 23:00", resident))
			if err != nil {
				out[i] = err.Error()
				return
			}
			b, _ := json.Marshal(d)
			out[i] = string(b)
		})
	}
	wg.Wait()
	for _, s := range out[1:] {
		require.Equal(t, out[0], s)
	}
	require.Contains(t, out[0], `"verdict":"forbidden"`)
	require.Contains(t, out[0], `"start":"2090-03-10T22:00+08:00","end":"2090-03-11T06:00+08:00"`)
	require.Contains(t, out[0], `"window":"夜间 2090-03-10 22:00—2090-03-11 06:00"`)
	require.Contains(t, out[0], `"next_change":{"date":"2090-03-11","at":"2090-03-11T06:00+08:00","verdict":"no_rule"}`)
	d, err := e.Decide(clockQuery("施工", "2090-03-11 12:00", resident))
	require.NoError(t, err)
	require.Equal(t, engine.NoRule, d.Verdict)
}

// BenchmarkDecideClock: decisions with windows that have times of day,
// beside the same question about a whole-day window at a minute.
func BenchmarkDecideClock(b *testing.B) {
	e := clockEngine(b)
	resident := engine.Facts{"residential_area": true, "near_exam_site": false}
	for _, bc := range []struct {
		name string
		e    *engine.Engine
		q    engine.Query
	}{
		{"known-minute-night", e, clockQuery("施工", "2026-03-10 23:00", resident)},
		{"known-minute-span", e, clockQuery("fireworks", "2026-02-17 20:00", engine.Facts{"urban_area": true})},
		{"known-day-with-hours", e, clockQuery("施工", "2026-03-10", resident)},
		{"conditional-minute", e, clockQuery("施工", "2026-06-07 20:30", engine.Facts{"residential_area": false})},
		{"embedded-known-minute", testEngine(b), clockQuery("烧田埂", "2024-10-03 09:30", engine.Facts{"distance_to_forest_m": 50.0, "fire_zone": "general", "high_danger_days": 0.0})},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				if _, err := bc.e.Decide(bc.q); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
		})
	}
}

// BenchmarkRetainedDailyWindow reports the memory an engine keeps for the
// test notice (a nightly window over the notice's two years, resolved over
// 2025–2032), beside the same notice with its windows made whole days and
// the notice in force until repealed (its nights resolved to 2100).
func BenchmarkRetainedDailyWindow(b *testing.B) {
	notice, err := os.ReadFile("testdata/clock/notices/test-2026-01-clock.yaml")
	require.NoError(b, err)
	facts, err := os.ReadFile("testdata/clock/facts.yaml")
	require.NoError(b, err)
	days := strings.NewReplacer("festival 除夕 12:00 .. lunar 正月初三 12:00", "festival 除夕 .. lunar 正月初三",
		"daily 22:00..06:00", "annual 01-01..12-31",
		"date 2026-06-07 07:00..2026-06-09 18:00", "date 2026-06-07..2026-06-09",
		"date 2026-06-07..2026-06-09 & daily 20:00..07:00", "date 2026-06-07..2026-06-10").Replace(string(notice))
	open := strings.Replace(string(notice), "  valid_until: 2027-12-31\n", "", 1)
	for _, bc := range []struct{ name, notice string }{{"clock", string(notice)}, {"whole-days", days}, {"clock-until-repealed", open}} {
		b.Run(bc.name, func(b *testing.B) {
			fsys := fstest.MapFS{"facts.yaml": {Data: facts}, "notices/t.yaml": {Data: []byte(bc.notice)}}
			keep := make([]*engine.Engine, 0, 64)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			for b.Loop() {
				e, err := engine.Load(fsys)
				if err != nil {
					b.Fatal(err)
				}
				if len(keep) < cap(keep) {
					keep = append(keep, e)
				}
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(len(keep)), "retained-B/engine")
			runtime.KeepAlive(keep)
		})
	}
}
