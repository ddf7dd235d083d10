package hotline

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// TestSameAnswerEveryProcess: two hotlines built apart answer every call
// of the tuned corpus alike, byte for byte. Words come from maps, and Go
// orders a map's keys afresh on every range: a reading that leans on that
// order (two day words as long, 年三十 and 三十夜 in 年三十夜里) answers one
// way in one process and another way in the next — a record the city's IT
// department could not reproduce. Each build draws its own map orders, so
// a reading that leans on one differs between the two with good odds.
func TestSameAnswerEveryProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two hotlines and asks the tuned corpus of each")
	}
	build := func() *Hotline {
		eng, err := engine.Embedded()
		require.NoError(t, err)
		h, err := New(eng)
		require.NoError(t, err)
		return h
	}
	a, b := build(), build()
	for _, c := range loadCorpus(t, callersGlob) {
		today, err := calendar.ParseDate(c.At)
		require.NoError(t, err, c.Q)
		ask := func(h *Hotline) string {
			ans, _, err := h.Ask(Request{Question: c.Q, Today: today, Lang: ZH})
			if err != nil {
				return "error: " + err.Error()
			}
			out, err := json.Marshal(ans)
			require.NoError(t, err)
			return string(out)
		}
		require.Equal(t, ask(a), ask(b), "%s: %q (at %s)", c.file, c.Q, c.At)
	}
}
