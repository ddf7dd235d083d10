package hotline

import (
	"slices"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/zh"
)

// trie finds the longest known word at a place in the text, in time
// proportional to the word's length.
type trie struct {
	nodes []trieNode // node 0 is the root
	edges edges
	words map[string][]word
	first runeBits // the first characters of its words: most text starts none
	// single are the characters that are words alone; pairs a hash set of
	// the first two characters of the others: a long unknown text is
	// passed over mostly without a map look-up
	single runeBits
	pairs  pairBits
}

// pairBits is a set of hashed character pairs (false positives only).
type pairBits [1 << 10]uint64

func pairHash(a, b rune) uint32 { return (uint32(a)*0x9E3779B1 ^ uint32(b)) & (1<<16 - 1) }

func (p *pairBits) add(a, b rune) { h := pairHash(a, b); p[h>>6] |= 1 << (h & 63) }

func (p *pairBits) has(a, b rune) bool { h := pairHash(a, b); return p[h>>6]&(1<<(h&63)) != 0 }

// runeBits is a set of characters of the Basic Multilingual Plane; others
// are always "maybe" (the caller looks further).
type runeBits [1 << 10]uint64

func (b *runeBits) add(r rune) {
	if r < 1<<16 {
		b[r>>6] |= 1 << (r & 63)
	}
}

func (b *runeBits) mayHave(r rune) bool { return r >= 1<<16 || b[r>>6]&(1<<(r&63)) != 0 }

// anyIn reports whether s holds a character b may have.
func (b *runeBits) anyIn(s string) bool {
	for _, r := range s {
		if b.mayHave(r) {
			return true
		}
	}
	return false
}

// runeHash is a small set of hashed characters (false positives only):
// the characters of one text.
type runeHash [16]uint64

func (h *runeHash) add(r rune) { k := uint32(r) * 0x9E3779B1 >> 22; h[k>>6] |= 1 << (k & 63) }

func (h *runeHash) mayHave(r rune) bool {
	k := uint32(r) * 0x9E3779B1 >> 22
	return h[k>>6]&(1<<(k&63)) != 0
}

// pairHash64 is a small set of hashed pairs of characters (false
// positives only): the pairs side by side in one text.
type pairHash64 [64]uint64

func (h *pairHash64) add(a, b rune) {
	k := (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77) >> 20
	h[k>>6] |= 1 << (k & 63)
}

func (h *pairHash64) mayHave(a, b rune) bool {
	k := (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77) >> 20
	return h[k>>6]&(1<<(k&63)) != 0
}

type trieNode struct {
	end string // the word ending here, "" for none
	// meanings are the word's (t.words[end]), kept here so that a match
	// costs no look-up by string
	meanings []word
}

// decodeRune is utf8.DecodeRuneInString with the common cases inline: a
// byte of ASCII, and three bytes that are always valid (U+1000–U+CFFF,
// U+E000–U+FFFF: every Chinese character of the basic plane) — the
// tries read a call character by character, several times over.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 {
		b0, b1, b2 := s[0], s[1], s[2]
		if (b0 >= 0xE1 && b0 <= 0xEC || b0 >= 0xEE) && b0 <= 0xEF && b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

// decodeLastRune is utf8.DecodeLastRuneInString with the same common cases
// inline as decodeRune.
func decodeLastRune(s string) (rune, int) {
	n := len(s)
	if n >= 3 {
		b0, b1, b2 := s[n-3], s[n-2], s[n-1]
		if (b0 >= 0xE1 && b0 <= 0xEC || b0 >= 0xEE) && b0 <= 0xEF && b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	if n > 0 && s[n-1] < utf8.RuneSelf {
		return rune(s[n-1]), 1
	}
	return utf8.DecodeLastRuneInString(s)
}

func newTrie() *trie { return newTrieSize(0) }

// newTrieSize is a trie with room for about n words.
func newTrieSize(n int) *trie {
	return &trie{nodes: []trieNode{{}}, words: make(map[string][]word, n)}
}

// reserve makes room for n more nodes (at most one a character of the
// words to be added), so that adding them does not grow the tables again.
func (t *trie) reserve(n int) {
	t.edges.reserve(n)
	t.nodes = slices.Grow(t.nodes, n)
}

// reserveFor makes room for the n words word(i) (at most one node a
// character), added to a finished trie: the variants New adds to the
// acts' trie would otherwise grow its tables, a copy of every edge, most
// of adding them (docs/speed.md, session 26).
func (t *trie) reserveFor(n int, word func(i int) string) {
	runes := 0
	for i := range n {
		runes += utf8.RuneCountInString(word(i))
	}
	t.reserve(runes)
}

// runesIn counts the characters of the words of ws.
func runesIn(ws ...[]string) int {
	n := 0
	for _, l := range ws {
		for _, w := range l {
			n += utf8.RuneCountInString(w)
		}
	}
	return n
}

func (t *trie) add(w string, meaning word) {
	if w == "" {
		return
	}
	n := t.insert(w)
	t.words[w] = append(t.words[w], meaning)
	t.nodes[n].end, t.nodes[n].meanings = w, t.words[w]
}

// index records w's first character, and its first two (or that it is one
// character), in the filters a look-up checks before it walks.
func (t *trie) index(w string) {
	r, sz := utf8.DecodeRuneInString(w)
	t.first.add(r)
	if sz == len(w) {
		t.single.add(r)
	} else {
		r2, _ := utf8.DecodeRuneInString(w[sz:])
		t.pairs.add(r, r2)
	}
}

// insert adds w's path (w not empty) and returns the node it ends at.
func (t *trie) insert(w string) uint32 {
	if _, ok := t.words[w]; !ok {
		t.index(w)
	}
	n := uint32(0)
	for _, r := range w {
		n = follow(&t.edges, &t.nodes, n, r)
	}
	return n
}

// plainMeaning is the meaning of a word added by addWord: one, empty,
// shared by every such word (never appended to: its capacity is one).
var plainMeaning = []word{{}}

// addWord adds w with no meaning of its own, as add(w, word{}) did once
// for each time it is added, without a copy of the empty meaning for each:
// the tries whose words are only words (known, filler, objects) hold
// thousands of them.
func (t *trie) addWord(w string) {
	if _, ok := t.words[w]; ok || w == "" {
		return
	}
	n := t.insert(w)
	t.words[w] = plainMeaning[:1:1]
	t.nodes[n].end, t.nodes[n].meanings = w, t.words[w]
}

// longest returns the meanings of the longest word s starts with, and its
// length in bytes (0 for none).
func (t *trie) longest(s string) ([]word, int) {
	n, k := t.longestNode(s)
	if n == 0 {
		return nil, 0
	}
	return t.nodes[n].meanings, k
}

// longestLen is the length in bytes of the longest word s starts with (0
// for none).
func (t *trie) longestLen(s string) int {
	_, k := t.longestNode(s)
	return k
}

// longestNode is the node of the longest word s starts with and its
// length in bytes (0, 0 for none).
func (t *trie) longestNode(s string) (uint32, int) {
	r, sz := decodeRune(s)
	if s == "" || !t.first.mayHave(r) {
		return 0, 0
	}
	if r < 1<<16 && !t.single.mayHave(r) {
		if r2, _ := decodeRune(s[sz:]); !t.pairs.has(r, r2) {
			return 0, 0 // no word of two or more starts with these two
		}
	}
	n, best, bestLen := uint32(0), uint32(0), 0
	for i := 0; i < len(s); {
		r, sz := decodeRune(s[i:])
		n = t.edges.child(n, r)
		if n == 0 {
			break
		}
		i += sz
		if t.nodes[n].end != "" {
			best, bestLen = n, i
		}
	}
	return best, bestLen
}

// each calls fn with every word s starts with, shortest first.
func (t *trie) each(s string, fn func(w string)) {
	n := uint32(0)
	for i := 0; i < len(s); {
		r, sz := decodeRune(s[i:])
		n = t.edges.child(n, r)
		if n == 0 {
			return
		}
		i += sz
		if t.nodes[n].end != "" {
			fn(t.nodes[n].end)
		}
	}
}

// soundTrie finds a known word that sounds like the text: the same
// toneless pinyin, any reading of each character (桔 is ju or jie).
type soundTrie struct {
	nodes []soundNode // node 0 is the root
	edges edges       // by syllable (zh.Pinyin.AppendSyllables)
	// starts are the pairs of syllables that start a word, as added
	starts map[[2]uint16]bool
	py     *zh.Pinyin
	// first are the characters one of whose readings starts a word,
	// filled by index once the words are added
	first   runeBits
	indexed bool
	// pairs holds, for every two syllables that start a word, bit
	// a*width+b: a word is two characters or more, so text whose first two
	// characters have no such pair of readings matches none, and is passed
	// over without walking the trie (text made of the parser's own
	// characters starts a word's first syllable almost everywhere)
	pairs []uint64
	width int
	// second are the characters one of whose readings is a word's second
	// syllable: tested before the pairs, without reading the first's
	second runeBits
	// also are the further readings a character typed is heard by: by
	// default only its first (能 is néng, not its rare tái — 这两样能做不 is
	// no 阳台); the archaic readings of common characters in the table
	// made everyday speech sound like known words (在给 as 宰鸡, 搞活 as 烤火)
	also map[rune][]uint16
}

type soundNode struct {
	end string
}

func newSoundTrie(py *zh.Pinyin) *soundTrie {
	return &soundTrie{nodes: []soundNode{{}}, starts: map[[2]uint16]bool{}, py: py}
}

// reserve makes room for n more nodes, as trie.reserve.
func (t *soundTrie) reserve(n int) {
	t.edges.reserve(n)
	t.nodes = slices.Grow(t.nodes, n)
}

// add indexes a word of two or more Chinese characters by its first
// readings (a word's characters are read as usual).
func (t *soundTrie) add(w string) {
	if utf8.RuneCountInString(w) < 2 {
		return
	}
	n := uint32(0)
	var buf [6]uint16
	var first uint16
	k := 0
	for _, r := range w {
		rs := t.py.AppendSyllables(buf[:0], r)
		if len(rs) == 0 {
			return
		}
		c := follow(&t.edges, &t.nodes, n, rune(rs[0]))
		switch k {
		case 0:
			first = rs[0]
		case 1:
			t.starts[[2]uint16{first, rs[0]}] = true
		}
		k++
		n = c
	}
	if t.nodes[n].end == "" {
		t.nodes[n].end = w
	}
}

// has reports whether a word sounding as w, by its characters' first
// readings, was added.
func (t *soundTrie) has(w string) bool {
	n := uint32(0)
	var buf [6]uint16
	for _, r := range w {
		rs := t.py.AppendSyllables(buf[:0], r)
		if len(rs) == 0 {
			return false
		}
		if n = t.edges.child(n, rune(rs[0])); n == 0 {
			return false
		}
	}
	return t.nodes[n].end != ""
}

// index records the characters that may start a word, once every word is
// added: most text starts none, and is passed over without a lookup.
func (t *soundTrie) index() {
	var buf [6]uint16
	for r := rune(0x3400); r <= 0x9FFF; r++ {
		for _, rd := range t.py.AppendSyllables(buf[:0], r) {
			if t.edges.child(0, rune(rd)) != 0 {
				t.first.add(r)
				break
			}
		}
	}
	t.width = 1
	for ab := range t.starts {
		t.width = max(t.width, int(ab[0])+1, int(ab[1])+1)
	}
	t.pairs = make([]uint64, (t.width*t.width+63)/64)
	seconds := map[uint16]bool{}
	for ab := range t.starts {
		k := int(ab[0])*t.width + int(ab[1])
		t.pairs[k/64] |= 1 << (k % 64)
		seconds[ab[1]] = true
	}
	for r := rune(0x3400); r <= 0x9FFF; r++ {
		for _, rd := range t.py.AppendSyllables(buf[:0], r) {
			if seconds[rd] {
				t.second.add(r)
				break
			}
		}
	}
	t.indexed = true
}

// mayStart reports whether a word may start with characters r1, r2: some
// reading of each makes a pair of syllables that starts one.
func (t *soundTrie) mayStart(r1, r2 rune) bool {
	a0, as := t.py.Syllables(r1)
	if a0 == 0 {
		return false
	}
	b0, bs := t.py.Syllables(r2)
	if b0 == 0 {
		return false
	}
	if t.startsWith(a0, b0, bs) {
		return true
	}
	for _, a := range as {
		if t.startsWith(a, b0, bs) {
			return true
		}
	}
	return false
}

// startsWith reports whether syllable a followed by b0 or one of bs starts
// a word.
func (t *soundTrie) startsWith(a, b0 uint16, bs []uint16) bool {
	if int(a) >= t.width {
		return false
	}
	row := int(a) * t.width
	if k := row + int(b0); int(b0) < t.width && t.pairs[k/64]&(1<<(k%64)) != 0 {
		return true
	}
	for _, b := range bs {
		if k := row + int(b); int(b) < t.width && t.pairs[k/64]&(1<<(k%64)) != 0 {
			return true
		}
	}
	return false
}

// match returns the longest known word the start of s sounds like, and
// the bytes of s it spans; a text character is read its most common way,
// or one of also.
func (t *soundTrie) match(s string) (string, int) {
	if t.indexed {
		r, sz := decodeRune(s)
		if !t.first.mayHave(r) {
			return "", 0
		}
		if r2, _ := decodeRune(s[sz:]); r2 < 0x3400 || r2 > 0x9FFF || !t.second.mayHave(r2) || !t.mayStart(r, r2) {
			return "", 0
		}
	}
	best, bestLen := t.walk(0, s, 0, "", 0)
	if utf8.RuneCountInString(s[:bestLen]) < 2 {
		return "", 0
	}
	return best, bestLen
}

func (t *soundTrie) walk(n uint32, s string, i int, best string, bestLen int) (string, int) {
	if e := t.nodes[n].end; e != "" && i > bestLen {
		best, bestLen = e, i
	}
	if i >= len(s) {
		return best, bestLen
	}
	r, sz := decodeRune(s[i:])
	first, _ := t.py.Syllables(r)
	if first == 0 {
		return best, bestLen
	}
	if c := t.edges.child(n, rune(first)); c != 0 {
		best, bestLen = t.walk(c, s, i+sz, best, bestLen)
	}
	for _, rd := range t.also[r] {
		if c := t.edges.child(n, rune(rd)); c != 0 {
			best, bestLen = t.walk(c, s, i+sz, best, bestLen)
		}
	}
	return best, bestLen
}

// allWords are the trie's words, in byte order.
func (t *trie) allWords() []string {
	var out []string
	for _, n := range t.nodes {
		if n.end != "" {
			out = append(out, n.end)
		}
	}
	slices.Sort(out)
	return out
}

// triesSnapshotOn is false in tests that build the known words, the
// segmenter and the homophone index as a rule directory other than the
// embedded one would (tries_snapshot.go; BenchmarkNewBuilt).
var triesSnapshotOn = true

// triesFpWanted makes newParser keep the fingerprint of those tables'
// words (p.triesFP) when no snapshot is linked: go generate writes it.
var triesFpWanted = false

// fingerprint is an order-free hash of a multiset of items (each a few
// strings and a number): the sum of each item's mixed FNV-1a hash, and
// their count (tries_snapshot.go).
type fingerprint struct{ sum, n uint64 }
