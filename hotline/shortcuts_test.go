package hotline

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestParseShortcuts holds the parser's shortcuts — a whole-text search
// skipped when the text's index of characters (reading.mayHold1) says the
// word cannot be there, a table looked up only for the characters its words
// start with — to the parser without them (parser.ungated: every gate
// passed, every search made): on every question of every corpus, on the
// day it is asked, and on the hostile questions, both give the same
// answer, query and all. A shortcut that drops a match fails here.
func TestParseShortcuts(t *testing.T) {
	h := newTestHotline(t)
	plain := *h
	plain.p = h.p.ungated()
	same := func(q string, today calendar.Date) {
		t.Helper()
		req := Request{Question: q, Today: today}
		a, qa, err := h.Ask(req)
		require.NoError(t, err, q)
		b, qb, err := plain.Ask(req)
		require.NoError(t, err, q)
		ja, err := json.Marshal(a)
		require.NoError(t, err)
		jb, err := json.Marshal(b)
		require.NoError(t, err)
		require.Equal(t, string(jb), string(ja), "answer to %q", q)
		ja, err = json.Marshal(qa)
		require.NoError(t, err)
		jb, err = json.Marshal(qb)
		require.NoError(t, err)
		require.Equal(t, string(jb), string(ja), "query of %q", q)
	}
	n := 0
	for _, c := range loadCorpus(t, allCorpora...) {
		today, err := calendar.ParseDate(c.At)
		require.NoError(t, err)
		same(c.Q, today)
		n++
	}
	require.Greater(t, n, 1000, "the corpora")
	for _, hq := range hostileQuestions(h) {
		same(hq.q, calendar.MustDate(2024, 9, 20))
	}
}
