package patrol

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// clockBundle is a bundle of the engine's clock-time test notice
// (engine/testdata/clock): windows with times of day, none about 祁阳.
func clockBundle(t testing.TB) *Bundle {
	t.Helper()
	m := fstest.MapFS{}
	for _, f := range []string{"facts.yaml", "notices/test-2026-01-clock.yaml"} {
		data, err := os.ReadFile("../engine/testdata/clock/" + f)
		require.NoError(t, err)
		m[f] = &fstest.MapFile{Data: data}
	}
	e, err := engine.Load(m)
	require.NoError(t, err)
	return &Bundle{Engine: e, Version: "clock-test"}
}

func TestYearWithHours(t *testing.T) {
	y, err := clockBundle(t).Year(2026)
	require.NoError(t, err)
	require.Len(t, y.Notices, 1)
	type span struct{ name, from, to, repeat string }
	var got []span
	for _, d := range y.Notices[0].Days {
		if d.Kind == "window" {
			got = append(got, span{d.Name, d.FromText(), d.ToText(), d.RepeatText()})
		}
	}
	require.Equal(t, []span{
		// The notice takes effect in the night that began on 2025-12-31.
		{"夜间", "2026-01-01 00:00", "2026-01-01 06:00", ""},
		// The nights starting in 2026 are one recurring span; the last
		// ends on 2027-01-01.
		{"夜间", "2026-01-01", "2027-01-01", "每日22:00—次日06:00"},
		// 除夕 2026 is 02-16; 正月初三 is 02-19.
		{"春节燃放时段", "2026-02-16 12:00", "2026-02-19 12:00", ""},
		{"高考期间", "2026-06-07 07:00", "2026-06-09 18:00", ""},
		// The night of 06-09 ends at 07:00 on 06-10.
		{"高考期间夜间", "2026-06-07", "2026-06-10", "每日20:00—次日07:00"},
	}, got)
}

func TestICSWithHours(t *testing.T) {
	y, err := clockBundle(t).Year(2026)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteICS(&buf, y, stamp))
	cal, err := ics.ParseCalendar(strings.NewReader(buf.String()))
	require.NoError(t, err)
	var spring, night map[string]string
	for _, ev := range cal.Events() {
		p := map[string]string{}
		for _, pr := range ev.Properties {
			p[pr.IANAToken] = pr.Value
		}
		switch s := p["SUMMARY"]; {
		case strings.Contains(s, "春节燃放时段"):
			spring = p
		case strings.Contains(s, "夜间") && !strings.Contains(s, "高考") && p["RRULE"] != "":
			night = p
		}
	}
	require.NotNil(t, spring)
	require.NotNil(t, night)
	// 除夕 12:00 China time is 04:00 UTC.
	require.Equal(t, "20260216T040000Z", spring["DTSTART"])
	require.Equal(t, "20260219T040000Z", spring["DTEND"])
	require.NotContains(t, spring, "RRULE")
	// The first night, 2026-01-01 22:00 to 01-02 06:00, every day through
	// the last one starting on 12-31.
	require.Equal(t, "20260101T140000Z", night["DTSTART"])
	require.Equal(t, "20260101T220000Z", night["DTEND"])
	require.Equal(t, "FREQ=DAILY;UNTIL=20261231T140000Z", night["RRULE"])
	require.Contains(t, night["DESCRIPTION"], "每日22:00—次日06:00")
}

func TestTimelineWithHours(t *testing.T) {
	b := clockBundle(t)
	q := engine.Query{Facts: engine.Facts{"residential_area": true, "near_exam_site": false}}
	tls, err := b.Timeline(q, []string{"夜间施工"}, calendar.MustDate(2026, 3, 1), calendar.MustDate(2026, 3, 2))
	require.NoError(t, err)
	type span struct {
		start, end string
		v          engine.Verdict
	}
	var got []span
	for _, iv := range tls[0].Intervals {
		got = append(got, span{iv.Start.String(), iv.End.String(), iv.Verdict})
	}
	require.Equal(t, []span{
		{"2026-03-01T00:00+08:00", "2026-03-01T06:00+08:00", engine.Forbidden},
		{"2026-03-01T06:00+08:00", "2026-03-01T22:00+08:00", engine.NoRule},
		{"2026-03-01T22:00+08:00", "2026-03-02T06:00+08:00", engine.Forbidden},
		{"2026-03-02T06:00+08:00", "2026-03-02T22:00+08:00", engine.NoRule},
		{"2026-03-02T22:00+08:00", "2026-03-03T00:00+08:00", engine.Forbidden},
	}, got)
}
