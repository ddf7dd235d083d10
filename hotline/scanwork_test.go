package hotline

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestScanWork: the work of reading a call, counted (scanMeter), not timed —
// per character read, for the recognised question of BenchmarkAsk and each
// hostile question of BenchmarkUnrecognisedRatio. Session 9's counts: trie
// steps 4.6 a character for the recognised question, 0–4.7 for the hostile
// ones (the parser's own characters 2.8, four-byte characters 4.7: every
// one may start a word); the segmenter runs over each character at most
// once (windows never overlap); no hostile question searches the whole text
// for a word; the days are read at most twice (by the homophone pass, and
// again when its corrections touch a day's characters). Vocabulary that
// lengthens the tries' walks, a pass that reads the text once more, or the
// days read a third time fails here: then measure the ratio
// (docs/speed.md) before raising a bound.
func TestScanWork(t *testing.T) {
	h := newTestHotline(t)
	today := calendar.MustDate(2024, 9, 20)
	const (
		stepsPerChar   = 8  // trie edges looked up, a character read
		unitsPerChar   = 1  // units segmented, a character read
		charsPerSearch = 10 // characters read for each whole-text search of a word
		dayReadings    = 2
	)
	type q struct{ name, q string }
	qs := []q{{"recognised", "我在白水镇，10月3日能在山边烧田埂草吗"}}
	for _, hq := range hostileQuestions(h) {
		qs = append(qs, q{hq.name, hq.q})
	}
	for _, c := range qs {
		t.Run(c.name, func(t *testing.T) {
			scanMeter.steps, scanMeter.units, scanMeter.searches, scanMeter.dayRun = 0, 0, 0, 0
			scanMeter.on = true
			_, _, err := h.Ask(Request{Question: c.q, Today: today})
			scanMeter.on = false
			require.NoError(t, err)
			text, _ := readable(c.q)
			n := utf8.RuneCountInString(text)
			msg := fmt.Sprintf("%d characters read: %d trie steps (%.1f a character), %d units segmented (%.1f), %d searches, %d readings of the days",
				n, scanMeter.steps, float64(scanMeter.steps)/float64(n), scanMeter.units, float64(scanMeter.units)/float64(n), scanMeter.searches, scanMeter.dayRun)
			t.Log(msg)
			require.LessOrEqual(t, scanMeter.steps, stepsPerChar*n, msg)
			require.LessOrEqual(t, scanMeter.units, unitsPerChar*n, msg)
			require.LessOrEqual(t, scanMeter.searches, n/charsPerSearch, msg)
			require.LessOrEqual(t, scanMeter.dayRun, dayReadings, msg)
		})
	}
}

// TestDedupe: the first of each string, in order, never nil — by
// comparison for a few, by a map for many.
func TestDedupe(t *testing.T) {
	require.Equal(t, []string{}, dedupe(nil))
	require.Equal(t, []string{"a", "b", "c"}, dedupe([]string{"a", "b", "a", "c", "b"}))
	var many, want []string
	for k := range 100 {
		many = append(many, fmt.Sprint(k%40))
		if k < 40 {
			want = append(want, fmt.Sprint(k))
		}
	}
	require.Equal(t, want, dedupe(many))
}
