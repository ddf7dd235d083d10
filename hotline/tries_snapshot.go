//go:build !js

package hotline

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/zh"
)

//go:generate env UPDATE_SNAPSHOT=1 go test -tags nosnapshot -run ^TestTriesSnapshot$ .

// The three largest tables New builds — the known words (p.known), the
// segmenter's dictionary (p.seg) and the homophone index (p.sound with
// p.framePhrases) — were most of a CLI process's start (docs/speed.md,
// session 26): gathering their words from the vocabulary's maps, a
// string map of every word, 24.7k verb–object pairs sounded out, and
// random writes into fresh hash tables. For the embedded rule base they
// are built from tries_gen.txt instead (go generate ./hotline/...): each
// table's words, sorted so that each trie is laid out in one pass, a
// node at a time, without a look-up. The snapshot is used only when the
// words New would build them from are those it was made from (a
// fingerprint of them, triesFingerprint); any other rule directory or
// vocabulary builds them as before. TestTriesSnapshot fails when the
// snapshot is stale and holds the tables it gives to those built.
// The WebAssembly build links none of this (tries_snapshot_js.go).

func (f *fingerprint) add(tag byte, k int, parts ...string) {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	h = (h ^ uint64(tag)) * prime
	h = (h ^ uint64(k)) * prime
	for _, s := range parts {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * prime
		}
		h = (h ^ 0xff) * prime // (the parts' boundaries)
	}
	// splitmix64's finaliser: a sum of raw FNV values would cancel
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	f.sum += h
	f.n++
}

func (f fingerprint) String() string { return fmt.Sprintf("%016x-%d", f.sum, f.n) }

// triesFingerprint is the fingerprint of what the three tables are built
// from, once the acts, the facts and the frames are complete: every
// word added to the known words (eachKnownWord, the same words the
// table is built from), each act's word with its activities (the
// segmenter leaves out words of an act no rule covers and those another
// act's frame runs past), each fact's word with whether it names a
// place (a place is not heard by its sound), the frames in order with
// their activity, verbs, objects and with-words, and the words the
// homophone index adds in order (validity, reports, festivals heard,
// periods). The pinyin table is the binary's own (zh): a change to it is
// caught by TestTriesSnapshot.
func (p *parser) triesFingerprint(knownLists [][]string) fingerprint {
	var fp fingerprint
	p.eachKnownWord(knownLists, func(w string) { fp.add('k', 0, w) })
	for w, ms := range p.acts.words {
		for _, m := range ms {
			id := "\x00"
			if m.activity != nil {
				id = m.activity.ID
			}
			fp.add('a', 0, w, id)
		}
	}
	for w, ms := range p.facts.words {
		for _, m := range ms {
			fp.add('f', 0, w, strconv.FormatBool(m.place == "" && m.outside == ""))
		}
	}
	for i, f := range p.frames {
		id := "\x00"
		if f.activity != nil {
			id = f.activity.ID
		}
		fp.add('F', i, id)
		for v := range f.verbs {
			fp.add('v', i, v)
		}
		for o := range f.objects {
			fp.add('o', i, o)
		}
		for j, w := range f.with {
			fp.add('w', i<<16|j, w)
		}
	}
	for i, w := range p.g.Validity {
		fp.add('V', i, w)
	}
	for i, r := range p.voc.Reports {
		fp.add('R', i, strconv.FormatBool(r.Alarm))
		for j, w := range r.Words {
			fp.add('r', i<<16|j, w)
		}
	}
	for i, w := range p.g.HeardFestivals {
		fp.add('H', i, w)
	}
	for i, pd := range p.voc.Periods {
		for j, w := range pd.Words {
			fp.add('P', i<<16|j, w)
		}
	}
	return fp
}

// The snapshot's text: a header line, then three sections, each a line
// naming it and its count, then a word a line:
//
//	tonggao tries 1 <fingerprint>
//	known <n>            the known words, in byte order
//	seg <n> <maxUnits>   the segmenter's words as it keeps them, in byte order
//	sound <n>            the homophone index's words, by their sounds: each
//	                     line a mark and a word — '=' a word, '+' a word that
//	                     is also a frame's phrase (p.framePhrases), '.' a
//	                     path without a word (characters whose first
//	                     readings are its sounds)
const triesMagic = "tonggao tries 1"

// triesFromSnapshotFor sets p.known, p.seg, p.sound and p.framePhrases
// from the linked snapshot when it was made from the words they are made
// of (knownLists and the finished acts, facts and frames), and reports
// whether it did. The homophone index is made on another goroutine, which
// closes soundDone when it is set.
func (p *parser) triesFromSnapshotFor(knownLists [][]string, py *zh.Pinyin, soundDone chan struct{}) bool {
	if !triesFpWanted && (triesSnapshot == "" || !triesSnapshotOn) {
		return false
	}
	p.triesFP = p.triesFingerprint(knownLists)
	if triesSnapshot == "" || !triesSnapshotOn {
		return false
	}
	head, rest, ok := strings.Cut(triesSnapshot, "\n")
	if !ok || head != triesMagic+" "+p.triesFP.String() {
		return false
	}
	section := func(name string) ([]string, []int) {
		line, r, _ := strings.Cut(rest, "\n")
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != name {
			panic(fmt.Sprintf("hotline: tries_gen.txt: want section %s, have %q", name, line))
		}
		nums := make([]int, len(f)-1)
		for i, s := range f[1:] {
			nums[i], _ = strconv.Atoi(s)
		}
		words := make([]string, 0, nums[0])
		for range nums[0] {
			var w string
			w, r, _ = strings.Cut(r, "\n")
			words = append(words, w)
		}
		rest = r
		return words, nums
	}
	known, _ := section("known")
	seg, segNums := section("seg")
	sound, _ := section("sound")
	go func() {
		defer close(soundDone)
		p.sound, p.framePhrases = soundTrieOfSorted(sound, py)
	}()
	p.seg = segmenterOfSorted(seg, segNums[1])
	p.known = trieOfSorted(known)
	return true
}

// trieOfSorted is the trie of plain words (as addWord adds them) ws, in
// byte order and distinct: each node is made once, after its parent,
// without looking up the edges of the words before it. Its words map is
// not kept (the known words are only read: allWords lists them).
func trieOfSorted(ws []string) *trie {
	t := &trie{}
	runes := 0
	for _, w := range ws {
		runes += utf8.RuneCountInString(w)
	}
	// (the words share their first characters: about half as many nodes)
	t.nodes = make([]trieNode, 1, runes/2+1)
	el := make(edgeList, 0, runes/2)
	layOut(ws, func(w string, _ int) {
		t.index(w)
	}, func(parent uint32, r rune) uint32 {
		c := uint32(len(t.nodes))
		t.nodes = append(t.nodes, trieNode{})
		el.add(parent, r, c)
		return c
	}, func(n uint32, w string) {
		t.nodes[n] = trieNode{end: w, meanings: plainMeaning[:1:1]}
	})
	t.edges.fill(el)
	return t
}

// layOut walks the words ws, in byte order, through a trie by their
// characters: first is called with each word, make with each node not
// yet made (its parent and character), end with each word's node. A
// word shares with the one before it the nodes of their common prefix.
func layOut(ws []string, first func(w string, i int), make func(parent uint32, r rune) uint32, end func(n uint32, w string)) {
	var path []uint32 // path[k] is the node after the prefix's k+1st character
	var prev string
	for i, w := range ws {
		if w == "" {
			continue
		}
		first(w, i)
		// the characters w shares with prev, whole
		k, common := 0, 0
		for k < len(w) && k < len(prev) && w[k] == prev[k] {
			k++
		}
		for i := 0; i < k; {
			_, sz := utf8.DecodeRuneInString(w[i:])
			if i+sz > k {
				break
			}
			i += sz
			common++
		}
		path = path[:common]
		at := 0
		for range common {
			_, sz := utf8.DecodeRuneInString(w[at:])
			at += sz
		}
		n := uint32(0)
		if common > 0 {
			n = path[common-1]
		}
		for _, r := range w[at:] {
			n = make(n, r)
			path = append(path, n)
		}
		end(n, w)
		prev = w
	}
}

// segmenterOfSorted is the segmenter of the words ws as segmenterOfEntries
// keeps them (segUnits), in byte order and distinct: their frequencies
// and distances are segmenterOfEntries's, from their lengths.
func segmenterOfSorted(ws []string, maxUnits int) *segmenter {
	runes := 0
	for _, w := range ws {
		runes += utf8.RuneCountInString(w)
	}
	s := &segmenter{nodes: make([]segNode, 1, runes/2+1), maxUnits: maxUnits}
	el := make(edgeList, 0, runes/2)
	layOut(ws, func(string, int) {}, func(parent uint32, r rune) uint32 {
		c := uint32(len(s.nodes))
		s.nodes = append(s.nodes, segNode{})
		el.add(parent, r, c)
		return c
	}, func(n uint32, w string) {
		s.nodes[n] = segNode{dist: segDist(segWordFreq(w)), word: true}
	})
	s.edges.fill(el)
	return s
}

// segWordFreq is the frequency segmenterOfEntries gives a word of the
// dictionary: segFreq, and 2 for a word of one character.
func segWordFreq(key string) float64 {
	if utf8.RuneCountInString(key) < 2 {
		return 2
	}
	return float64(segFreq(key))
}

// soundTrieOfSorted is the homophone index of the snapshot's sound lines
// (marks and words, in the order of their sounds) and the frames' phrases
// among them.
func soundTrieOfSorted(lines []string, py *zh.Pinyin) (*soundTrie, map[string]bool) {
	t := newSoundTrie(py)
	t.nodes = make([]soundNode, 1, 3*len(lines))
	el := make(edgeList, 0, 3*len(lines))
	phrases := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "+") {
			phrases++
		}
	}
	framePhrases := make(map[string]bool, phrases)
	var path []uint32
	var prev []uint16
	var sounds []uint16
	var buf [6]uint16
	for _, l := range lines {
		mark, w := l[0], l[1:]
		sounds = sounds[:0]
		for _, r := range w {
			rs := py.AppendSyllables(buf[:0], r)
			sounds = append(sounds, rs[0])
		}
		common := 0
		for common < len(sounds) && common < len(prev) && sounds[common] == prev[common] {
			common++
		}
		path = path[:common]
		n := uint32(0)
		if common > 0 {
			n = path[common-1]
		}
		for k := common; k < len(sounds); k++ {
			c := uint32(len(t.nodes))
			t.nodes = append(t.nodes, soundNode{})
			el.add(n, rune(sounds[k]), c)
			if k == 1 {
				t.starts[[2]uint16{sounds[0], sounds[1]}] = true
			}
			n = c
			path = append(path, n)
		}
		switch mark {
		case '+':
			framePhrases[w] = true
			fallthrough
		case '=':
			t.nodes[n].end = w
		}
		prev = append(prev[:0], sounds...)
	}
	t.edges.fill(el)
	t.index()
	return t, framePhrases
}

// triesSnapshotText is the snapshot of p's three tables (built, not from
// a snapshot), made from the words fingerprinted fp.
func (p *parser) triesSnapshotText(fp fingerprint) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s\n", triesMagic, fp)
	known := p.known.allWords()
	fmt.Fprintf(&b, "known %d\n", len(known))
	for _, w := range known {
		b.WriteString(w + "\n")
	}
	seg := p.seg.allWords()
	fmt.Fprintf(&b, "seg %d %d\n", len(seg), p.seg.maxUnits)
	for _, w := range seg {
		b.WriteString(w + "\n")
	}
	sound := p.sound.lines(p.framePhrases)
	fmt.Fprintf(&b, "sound %d\n", len(sound))
	for _, l := range sound {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// children lists the edges of a trie by parent: (character, child),
// in the order of the characters.
func (e *edges) children() map[uint32][][2]uint32 {
	out := map[uint32][][2]uint32{}
	for i, k := range e.keys {
		if k != 0 {
			parent := uint32(k>>32) - 1
			out[parent] = append(out[parent], [2]uint32{uint32(k), e.kids[i]})
		}
	}
	for _, cs := range out {
		slices.SortFunc(cs, func(a, b [2]uint32) int { return cmp.Compare(a[0], b[0]) })
	}
	return out
}

// allWords are the segmenter's words as it keeps them, in byte order.
func (s *segmenter) allWords() []string {
	kids := s.edges.children()
	var out []string
	var walk func(n uint32, prefix []rune)
	walk = func(n uint32, prefix []rune) {
		if s.nodes[n].word {
			out = append(out, string(prefix))
		}
		for _, c := range kids[n] {
			walk(c[1], append(prefix, rune(c[0])))
		}
	}
	walk(0, nil)
	slices.Sort(out)
	return out
}

// lines are the homophone index as the snapshot's sound lines: every
// path that ends a word or ends no longer one, in the order of their
// sounds (then of their words). A path without a word is spelt with
// characters whose first reading is each of its sounds.
func (t *soundTrie) lines(framePhrases map[string]bool) []string {
	kids := t.edges.children()
	spell := map[uint16]rune{} // a sound → the first character read so
	var buf [6]uint16
	for r := rune(0x3400); r <= 0x9FFF; r++ {
		if rs := t.py.AppendSyllables(buf[:0], r); len(rs) > 0 {
			if _, ok := spell[rs[0]]; !ok {
				spell[rs[0]] = r
			}
		}
	}
	var out []string
	var walk func(n uint32, path []rune)
	walk = func(n uint32, path []rune) {
		switch end := t.nodes[n].end; {
		case end != "" && framePhrases[end]:
			out = append(out, "+"+end)
		case end != "":
			out = append(out, "="+end)
		case len(kids[n]) == 0 && n != 0:
			out = append(out, "."+string(path))
		}
		for _, c := range kids[n] {
			walk(c[1], append(path, spell[uint16(c[0])]))
		}
	}
	walk(0, nil)
	return out
}
