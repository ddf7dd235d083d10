package hotline

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestAnswerMarshalAppend: an answer's MarshalAppend is byte for byte what
// encoding/json writes (without HTML escaping), for every corpus question
// in both languages — decided, several in one call, documents, reports,
// not understood — and for the hostile ones.
func TestAnswerMarshalAppend(t *testing.T) {
	h := newTestHotline(t)
	var qs []Request
	for _, c := range loadCorpus(t, allCorpora...) {
		today, err := calendar.ParseDate(c.At)
		require.NoError(t, err)
		qs = append(qs, Request{Question: c.Q, Today: today}, Request{Question: c.Q, Today: today, Lang: EN})
	}
	for _, hq := range hostileQuestions(h) {
		qs = append(qs, Request{Question: hq.q, Today: calendar.MustDate(2024, 9, 20)})
	}
	kinds := map[Intent]int{}
	var several, decided int
	for _, r := range qs {
		a, _, err := h.Ask(r)
		if err != nil {
			continue
		}
		kinds[a.Intent]++
		if len(a.Answers) > 0 {
			several++
		}
		if a.Decision != nil {
			decided++
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(a))
		got, err := a.MarshalAppend([]byte("x"))
		require.NoError(t, err)
		require.Equal(t, "x"+string(bytes.TrimSuffix(want.Bytes(), []byte("\n"))), string(got), "%q", r.Question)
	}
	require.Greater(t, several, 10)
	require.Greater(t, decided, 100)
	require.Greater(t, len(kinds), 2, "%v", kinds)
	got, err := (*Answer)(nil).MarshalAppend(nil)
	require.NoError(t, err)
	require.Equal(t, "null", string(got))
}
