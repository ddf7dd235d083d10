package hotline

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestDayReaderShortcuts holds the date reader's shortcuts — a pattern run
// only on the stretches of its characters that hold one of its anchors,
// left out where a mention took them, a pass skipped when the text lacks
// its characters — to the reader without them (dates.Reader.Ungated: every
// pattern on the whole text, every pass run): on every question of every
// corpus, as asked and as the parser reads it, on the hostile questions
// and on Duckling's day corpus, both find the same days and times. A
// shortcut that drops a match fails here.
func TestDayReaderShortcuts(t *testing.T) {
	h := newTestHotline(t)
	gated, ungated := h.p.dates, h.p.dates.Ungated()
	same := func(text string, today calendar.Date) {
		t.Helper()
		require.Equal(t, ungated.Read(text, today), gated.Read(text, today), "days in %q", text)
		require.Equal(t, ungated.Clocks(text), gated.Clocks(text), "times in %q", text)
	}
	today := calendar.MustDate(2024, 10, 3)
	n := 0
	for _, c := range loadCorpus(t, allCorpora...) {
		same(c.Q, today)
		same(h.p.read(c.Q, today).text, today)
		n++
	}
	require.Greater(t, n, 1000, "the corpora")
	for _, hq := range hostileQuestions(h) {
		same(hq.q, today)
	}
	f, err := os.Open(sharedFile(t, "duckling-zh/time-days.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d ducklingDay
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d))
		ref, err := time.Parse("2006-01-02T15:04:05", d.Reference)
		require.NoError(t, err)
		same(h.p.script.Fold(d.Text), calendar.MustDate(ref.Year(), int(ref.Month()), ref.Day()))
	}
	require.NoError(t, sc.Err())
}
