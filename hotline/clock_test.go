package hotline

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// TestSpokenHours holds the spoken answer to the hours of a window with
// times of day (the engine's clock-time test notice, nothing about 祁阳):
// a question about a day under a nightly ban says which hours differ, and a
// change within a day is said with its hour.
func TestSpokenHours(t *testing.T) {
	m := fstest.MapFS{}
	for _, f := range []string{"facts.yaml", "notices/test-2026-01-clock.yaml"} {
		data, err := os.ReadFile("../engine/testdata/clock/" + f)
		require.NoError(t, err)
		m[f] = &fstest.MapFile{Data: data}
	}
	e, err := engine.Load(m)
	require.NoError(t, err)
	h, err := New(e, Root{FS: m, Name: "clock"})
	require.NoError(t, err)

	for _, tc := range []struct {
		name, question string
		today          calendar.Date
		facts          engine.Facts
		lang           Lang
		says, notSays  []string
	}{
		{"a day under a nightly ban", "今天能施工吗", calendar.MustDate(2026, 3, 1),
			engine.Facts{"residential_area": true, "near_exam_site": false}, ZH,
			[]string{"当天0点到6点不可以，22点到24点不可以。"}, []string{"从3月1日22点起"}},
		{"the same in English", "今天能施工吗", calendar.MustDate(2026, 3, 1),
			engine.Facts{"residential_area": true, "near_exam_site": false}, EN,
			[]string{"That day 0:00 to 6:00: "}, nil},
		{"noon to noon, the day before", "明天城区能放鞭炮吗", calendar.MustDate(2026, 2, 15),
			engine.Facts{"urban_area": true}, ZH,
			// 0–12 banned, 12–24 allowed: it depends on the hour, never the
			// morning's 不可以 for the whole day
			[]string{"要看情况", "当天0点到12点不可以，12点到24点可以。"}, nil},
		{"inside the span, its end to the hour", "今天城区能放鞭炮吗", calendar.MustDate(2026, 2, 17),
			engine.Facts{"urban_area": true}, ZH,
			[]string{"从2月19日12点起不可以。"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, _, err := h.Ask(Request{Question: tc.question, Today: tc.today, Facts: tc.facts, Lang: tc.lang})
			require.NoError(t, err)
			for _, s := range tc.says {
				require.Contains(t, a.Answer, s)
			}
			for _, s := range tc.notSays {
				require.NotContains(t, a.Answer, s)
			}
		})
	}
	// A time said in the question is the minute decided: the nightly ban
	// holds at 今晚11点 and not at 下午3点; 今晚12点 is the next day's 00:00.
	night := engine.Facts{"residential_area": true, "near_exam_site": false}
	for _, tc := range []struct {
		question, time, date string
		verdict              engine.Verdict
	}{
		{"今晚11点能施工吗", "23:00", "2026-03-01", engine.Forbidden},
		{"今天晚上十一点钟能施工吗", "23:00", "2026-03-01", engine.Forbidden},
		{"今天下午3点能施工吗", "15:00", "2026-03-01", engine.NoRule},
		{"明天早上7点半施工行不行", "07:30", "2026-03-02", engine.NoRule},
		{"明天早上5点施工行不行", "05:00", "2026-03-02", engine.Forbidden},
		{"今晚12点能施工吗", "00:00", "2026-03-02", engine.Forbidden},
		{"22点能施工吗", "22:00", "2026-03-01", engine.Forbidden},
		// session 12: 凌晨, 晚上八点, 下午三点以后 (answered from 15:00, the
		// next change at 22:00 said), 十点过后
		{"明天凌晨三点能施工吗", "03:00", "2026-03-02", engine.Forbidden},
		{"今天晚上八点能施工吗", "20:00", "2026-03-01", engine.NoRule},
		{"今天下午三点以后能施工吗", "15:00", "2026-03-01", engine.NoRule},
		{"今晚十点过后施工行不", "22:00", "2026-03-01", engine.Forbidden},
	} {
		a, q, err := h.Ask(Request{Question: tc.question, Today: calendar.MustDate(2026, 3, 1), Facts: night})
		require.NoError(t, err)
		require.Equal(t, tc.time, q.Time, tc.question)
		require.Equal(t, tc.date, q.Date.String(), tc.question)
		require.Equal(t, tc.verdict, a.Verdict, "%s: %s", tc.question, a.Answer)
	}
	// The call's own minute (Request.At) is the moment asked about when
	// the question names neither a day nor a time: a question asked at
	// 23:00 about now is under the nightly ban, at 15:00 it is not; a day
	// or a time the caller says wins over it.
	for _, tc := range []struct {
		question, at, time, date string
		fromCall                 bool
		verdict                  engine.Verdict
	}{
		{"能施工吗", "2026-03-01 23:00", "23:00", "2026-03-01", true, engine.Forbidden},
		{"现在能施工吗", "2026-03-01 23:00", "23:00", "2026-03-01", true, engine.Forbidden},
		{"现在能施工吗", "2026-03-01 15:00", "15:00", "2026-03-01", true, engine.NoRule},
		{"明天早上7点半施工行不行", "2026-03-01 23:00", "07:30", "2026-03-02", false, engine.NoRule},
		{"下午3点能施工吗", "2026-03-01 23:00", "15:00", "2026-03-01", false, engine.NoRule},
		{"明天能施工吗", "2026-03-01 15:00", "", "2026-03-02", false, engine.NoRule},
		{"能施工吗", "2026-03-01", "", "2026-03-01", false, engine.NoRule}, // a day: the hours are listed
	} {
		at, err := calendar.ParseMoment(tc.at)
		require.NoError(t, err)
		a, q, err := h.Ask(Request{Question: tc.question, At: at, Facts: night})
		require.NoError(t, err)
		require.Equal(t, tc.time, q.Time, "%s at %s", tc.question, tc.at)
		require.Equal(t, tc.fromCall, q.TimeFromCall, "%s at %s", tc.question, tc.at)
		require.Equal(t, tc.date, q.Date.String(), "%s at %s", tc.question, tc.at)
		require.Equal(t, tc.verdict, a.Verdict, "%s at %s: %s", tc.question, tc.at, a.Answer)
		if tc.time == "" && tc.date == "2026-03-01" {
			require.Contains(t, a.Answer, "22点到24点不可以", tc.question)
		}
	}
	a, _, err := h.Ask(Request{Question: "今天城区能放鞭炮吗", Today: calendar.MustDate(2026, 2, 17), Facts: engine.Facts{"urban_area": true}})
	require.NoError(t, err)
	require.Contains(t, a.Details.Windows, "春节燃放时段：2026年2月16日12点至2026年2月19日12点")
}
