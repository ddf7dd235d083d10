package hotline

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/stretchr/testify/require"
)

// TestSegmenterAsGse: the parser's segmenter cuts text into words of gse's
// dictionary as gse's Segment does, or into others as short — every corpus
// question, every hostile question, and random text made of the
// dictionary's own characters with letters, digits (a run of them is one
// unit), spaces and punctuation between them, where the shortest path has
// the most choices. Measured by the segmenter's own distances, gse's cut
// is never shorter; the two differ only where gse, whose distances hang on
// its dictionary's total and whose float32 sums round, took another of
// the cuts that tie or a cut a rounding away (segmenter).
func TestSegmenterAsGse(t *testing.T) {
	h := newTestHotline(t)
	g := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	require.NoError(t, g.LoadDictStr(h.p.segDict()))
	texts := segTexts(t, h, g.Dict.Tokens)
	require.Greater(t, len(texts), 5000)
	var buf segBuf
	same := 0
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
		if slices.Equal(want, got) {
			same++
			continue
		}
		require.LessOrEqual(t, segCost(h.p.seg, s, got), segCost(h.p.seg, s, want), "%q: %v, gse %v", s, got, want)
	}
	// (ties and roundings are few: most texts are cut as gse cuts them)
	require.Greater(t, same, len(texts)*9/10)
	// scanFrames skips the pseudo-words as no verb and no object
	require.True(t, h.p.framesInDict, "a frame's verb or object is not a word of the segmenter's dictionary")
}

// segTexts are the texts the segmenter is tried on: every corpus question
// (as said and folded), every caller case and hostile question, and 3,000
// random texts of the dictionary's characters with others between them.
func segTexts(t *testing.T, h *Hotline, tokens []gse.Token) []string {
	t.Helper()
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
	rng := rand.New(rand.NewPCG(17, 9))
	others := []string{"，", " ", "3", "12", "ab", "AB", "é", "Я", "１", "🔥", "\xff", "。"}
	for range 3000 {
		texts = append(texts, segRandomText(rng, segChars(tokens), others, 40))
	}
	return texts
}

// segChars are the characters of the dictionary's words, each once.
func segChars(tokens []gse.Token) []rune {
	var chars []rune
	seen := map[rune]bool{}
	for i := range tokens {
		for _, r := range tokens[i].Text() {
			if !seen[r] {
				seen[r] = true
				chars = append(chars, r)
			}
		}
	}
	return chars
}

// segRandomText is a text of 1 to n pieces: mostly the dictionary's
// characters, one in ten another piece.
func segRandomText(rng *rand.Rand, chars []rune, others []string, n int) string {
	var b strings.Builder
	for range 1 + rng.IntN(n) {
		if rng.IntN(10) == 0 {
			b.WriteString(others[rng.IntN(len(others))])
		} else {
			b.WriteRune(chars[rng.IntN(len(chars))])
		}
	}
	return b.String()
}

// segCost is the distance of a cut of s (byte ranges, and whether each is
// a word of the dictionary) by the segmenter's distances.
func segCost(sg *segmenter, s string, cut [][3]int) int64 {
	var d int64
	for _, c := range cut {
		if c[2] == 0 {
			d += pseudoDist
			continue
		}
		n := uint32(0)
		for _, r := range strings.ToLower(s[c[0]:c[1]]) {
			n = sg.edges.child(n, r)
		}
		d += int64(sg.nodes[n].dist)
	}
	return d
}

// TestSegmenterShortest: of every cut of a short text into the
// dictionary's words and pseudo-words (a unit that is no word alone), the
// segmenter takes the shortest, and of the shortest that tie the one
// whose last word is longest, then the word before it, back to the start
// — found here by trying every cut, on random texts of the dictionary's
// characters and on the two calls whose cut once hung on the rounding of
// gse's total (火/烧掉 and 火烧/掉, 货/堆到 and 货堆/到, each of the same
// words' lengths).
func TestSegmenterShortest(t *testing.T) {
	h := newTestHotline(t)
	sg := h.p.seg
	var chars []rune
	seen := map[rune]bool{}
	for _, w := range sg.allWords() {
		for _, r := range w {
			if !seen[r] {
				seen[r] = true
				chars = append(chars, r)
			}
		}
	}
	texts := []string{"一把火烧掉", "货堆到门外"}
	rng := rand.New(rand.NewPCG(41, 7))
	for range 2000 {
		texts = append(texts, segRandomText(rng, chars, []string{"，", "12", "ab"}, 10))
	}
	var buf segBuf
	for _, s := range texts {
		var got [][3]int
		for _, w := range sg.segment(&buf, s) {
			word := 0
			if w.word {
				word = 1
			}
			got = append(got, [3]int{w.i, w.j, word})
		}
		require.Equal(t, shortestCut(sg, s), got, "%q", s)
	}
	var got []string
	for _, w := range sg.segment(&buf, "一把火烧掉") {
		got = append(got, "一把火烧掉"[w.i:w.j])
	}
	require.Equal(t, []string{"一", "把", "火", "烧掉"}, got)
}

// shortestCut finds, by trying every cut of s into units' words and
// pseudo-words, the shortest by segCost, and of those that tie the one
// whose words' lengths, read from the last back, are longest first.
func shortestCut(sg *segmenter, s string) [][3]int {
	var b segBuf
	b.split(s)
	u := slices.Clone(b.units)
	var best [][3]int
	var bestCost int64
	better := func(cut [][3]int, cost int64) bool {
		if best == nil || cost != bestCost {
			return best == nil || cost < bestCost
		}
		for i, j := len(cut)-1, len(best)-1; i >= 0 && j >= 0; i, j = i-1, j-1 {
			if a, b := cut[i][1]-cut[i][0], best[j][1]-best[j][0]; a != b {
				return a > b
			}
		}
		return false
	}
	var try func(k int, cut [][3]int)
	try = func(k int, cut [][3]int) {
		if k == len(u) {
			if c := segCost(sg, s, cut); better(cut, c) {
				best, bestCost = slices.Clone(cut), c
			}
			return
		}
		if !sg.isWord(s[u[k].i:u[k].j]) {
			try(k+1, append(cut, [3]int{u[k].i, u[k].j, 0}))
		}
		for e := k; e < len(u) && e < k+sg.maxUnits; e++ {
			if sg.isWord(s[u[k].i:u[e].j]) {
				try(e+1, append(cut, [3]int{u[k].i, u[e].j, 1}))
			}
		}
	}
	try(0, nil)
	return best
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
