package hotline

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/stretchr/testify/require"
)

// TestSegmenterAsGse: the parser's segmenter cuts text into the words gse's
// Segment does, over the same dictionary — every corpus question, every
// hostile question, and random text made of the dictionary's own
// characters with letters, digits (a run of them is one unit), spaces and
// punctuation between them, where the shortest path has the most choices.
func TestSegmenterAsGse(t *testing.T) {
	h := newTestHotline(t)
	g := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	require.NoError(t, g.LoadDictStr(h.p.segDict()))
	var texts []string
	for _, c := range loadCorpus(t, allCorpora...) {
		texts = append(texts, c.Q, h.p.script.Fold(c.Q))
	}
	for _, c := range callerCases() {
		texts = append(texts, c.question)
	}
	for _, hq := range hostileQuestions(h) {
		texts = append(texts, hq.q)
	}
	var chars []rune
	seen := map[rune]bool{}
	for i := range g.Dict.Tokens {
		for _, r := range g.Dict.Tokens[i].Text() {
			if !seen[r] {
				seen[r] = true
				chars = append(chars, r)
			}
		}
	}
	others := []string{"，", " ", "3", "12", "ab", "AB", "é", "Я", "１", "🔥", "\xff", "。"}
	rng := rand.New(rand.NewPCG(17, 9))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(40) {
			if rng.IntN(10) == 0 {
				b.WriteString(others[rng.IntN(len(others))])
			} else {
				b.WriteRune(chars[rng.IntN(len(chars))])
			}
		}
		texts = append(texts, b.String())
	}
	require.Greater(t, len(texts), 5000)
	var buf segBuf
	for _, s := range texts {
		var want, got [][3]int
		for _, sg := range g.Segment([]byte(s)) {
			word := 0 // gse's pseudo-word has frequency 1; the dictionary's 2 or more
			if sg.Token().Freq() != 1 {
				word = 1
			}
			want = append(want, [3]int{sg.Start(), sg.End(), word})
		}
		for _, w := range h.p.seg.segment(&buf, s) {
			word := 0
			if w.word {
				word = 1
			}
			got = append(got, [3]int{w.i, w.j, word})
		}
		require.Equal(t, want, got, "%q", s)
	}
	// scanFrames skips the pseudo-words as no verb and no object
	require.True(t, h.p.framesInDict, "a frame's verb or object is not a word of the segmenter's dictionary")
}

// TestDecodeRune: decodeRune is utf8.DecodeRuneInString, and decodeLastRune
// utf8.DecodeLastRuneInString, on every string of one to three bytes (and
// on four bytes with a leading byte before three).
func TestDecodeRune(t *testing.T) {
	var b [4]byte
	check := func(s string) {
		r, n := decodeRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("% x: %U %d, want %U %d", s, r, n, wr, wn)
		}
		r, n = decodeLastRune(s)
		wr, wn = utf8.DecodeLastRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("last of % x: %U %d, want %U %d", s, r, n, wr, wn)
		}
	}
	check("")
	for b0 := range 256 {
		b[0] = byte(b0)
		check(string(b[:1]))
		for b1 := range 256 {
			b[1] = byte(b1)
			check(string(b[:2]))
			for b2 := range 256 {
				b[2] = byte(b2)
				check(string(b[:3]))
				if b0 >= 0x80 && b1 >= 0x80 {
					check("\xf0" + string(b[:3])) // a four-byte lead before them
				}
			}
		}
	}
	check("\xf0\x9f\x94\xa5") // four bytes: 🔥
}
