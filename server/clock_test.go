package server_test

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/server"
)

// TestAtWithHours holds the API's `at` to the minute with the engine's
// clock-time test notice (nothing about 祁阳): a date-time is decided at
// that minute in any zone, never silently as its day; a day alone answers
// for the day with the hours that differ; next_change is a date-time.
func TestAtWithHours(t *testing.T) {
	m := fstest.MapFS{}
	for _, f := range []string{"facts.yaml", "notices/test-2026-01-clock.yaml"} {
		data, err := os.ReadFile("../engine/testdata/clock/" + f)
		require.NoError(t, err)
		m[f] = &fstest.MapFile{Data: data}
	}
	e, err := engine.Load(m)
	require.NoError(t, err)
	h, err := hotline.New(e, hotline.Root{FS: m, Name: "clock"})
	require.NoError(t, err)
	s := server.New(h, server.Options{})

	type decision struct {
		Verdict  string `json:"verdict"`
		At       string `json:"at"`
		DayParts []struct {
			From, To, Verdict string
		} `json:"day_parts"`
		NextChange struct {
			At      string `json:"at"`
			Verdict string `json:"verdict"`
		} `json:"next_change"`
	}
	decide := func(at string) decision {
		body := `{"activity":"夜间施工","at":"` + at + `","facts":{"residential_area":true,"near_exam_site":false}}`
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("POST", "/v1/decisions", strings.NewReader(body)))
		require.Equal(t, 200, w.Code, w.Body.String())
		var d decision
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &d))
		return d
	}
	for _, at := range []string{"2026-06-07T23:00+08:00", "2026-06-07 23:00", "2026-06-07T15:00Z"} {
		d := decide(at)
		require.Equal(t, "forbidden", d.Verdict, at)
		require.Equal(t, "2026-06-07T23:00+08:00", d.At, at)
		require.Equal(t, "2026-06-08T06:00+08:00", d.NextChange.At, at)
	}
	d := decide("2026-06-07 12:00")
	require.Equal(t, "no_rule", d.Verdict)
	require.Equal(t, "2026-06-07T22:00+08:00", d.NextChange.At)
	require.Empty(t, d.DayParts, "a minute has no parts")

	d = decide("2026-06-07")
	require.Len(t, d.DayParts, 2, "a day alone says the hours that differ")
	require.Equal(t, "00:00", d.DayParts[0].From)
	require.Equal(t, "24:00", d.DayParts[1].To)

	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("POST", "/v1/decisions", strings.NewReader(`{"activity":"夜间施工","at":"2026-06-07 25:00"}`)))
	require.Equal(t, 400, w.Code)
	require.Contains(t, w.Body.String(), "bad_date")
}

// TestAskAtTheCallsMinute: POST /v1/ask with `at` a minute asks a question
// that names no day or time of its own about that minute (the nightly ban
// holds at 23:00, not at noon), and the decision record keeps the minute
// decided, not its day.
func TestAskAtTheCallsMinute(t *testing.T) {
	m := fstest.MapFS{}
	for _, f := range []string{"facts.yaml", "notices/test-2026-01-clock.yaml"} {
		data, err := os.ReadFile("../engine/testdata/clock/" + f)
		require.NoError(t, err)
		m[f] = &fstest.MapFile{Data: data}
	}
	e, err := engine.Load(m)
	require.NoError(t, err)
	h, err := hotline.New(e, hotline.Root{FS: m, Name: "clock"})
	require.NoError(t, err)
	recs := make(chan *server.Record, 4)
	s := server.New(h, server.Options{Recorder: recordInto(recs)})
	ask := func(question, at string) (verdict, clock string, fromCall bool, rec *server.Record) {
		body := `{"question":"` + question + `","at":"` + at + `","facts":{"residential_area":true,"near_exam_site":false}}`
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("POST", "/v1/ask", strings.NewReader(body)))
		require.Equal(t, 200, w.Code, w.Body.String())
		var a struct {
			Verdict string `json:"verdict"`
			Query   struct {
				Time         string `json:"time"`
				TimeFromCall bool   `json:"time_from_call"`
			} `json:"query"`
		}
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &a))
		select {
		case rec = <-recs:
		case <-time.After(5 * time.Second):
			t.Fatal("no record")
		}
		return a.Verdict, a.Query.Time, a.Query.TimeFromCall, rec
	}
	v, clock, fromCall, rec := ask("现在能施工吗", "2026-06-07 23:00")
	require.Equal(t, "forbidden", v)
	require.Equal(t, "23:00", clock)
	require.True(t, fromCall)
	require.Equal(t, "2026-06-07T23:00:00+08:00", rec.Query.At.Format(time.RFC3339), "the record keeps the minute")
	require.Equal(t, calendar.Date{}, rec.Query.Day)

	v, clock, _, _ = ask("能施工吗", "2026-06-07T04:00Z") // 12:00 in China
	require.Equal(t, "no_rule", v)
	require.Equal(t, "12:00", clock)

	v, clock, fromCall, rec = ask("明天能施工吗", "2026-06-07 23:00") // a day said: the day
	require.Equal(t, "no_rule", v)
	require.Empty(t, clock)
	require.False(t, fromCall)
	require.Equal(t, "2026-06-08", rec.Query.Day.String())
}

// recordInto is a server.Recorder that sends each record to a channel.
type recordInto chan *server.Record

func (c recordInto) Record(r *server.Record) { c <- r }
