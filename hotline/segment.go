package hotline

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// segmenter cuts text into words as go-ego/gse's Segment does — the same
// dictionary, the same distances (float32, summed in the same order), the
// same pseudo-word for a character no word starts with, the same ties —
// without gse's allocations: gse makes a slice of every character, a
// pseudo-token on the heap for each character no word starts at, and the
// segments; a call made of the parser's own characters spent a fifth of
// its time there and in the collector. The dictionary is read as gse
// reads it (segmenterOf, once, in New); TestSegmenterAsGse holds the two
// to the same words.
type segmenter struct {
	nodes    []segNode // node 0 is the root
	edges    edges     // by rune (ASCII letters lower case, as gse reads them)
	maxUnits int       // the most units a word spans (gse's maxTokenLen)
}

// segNode is a node of the word trie.
type segNode struct {
	// dist is the word's distance (log2 of the total frequency over the
	// word's), valid where word is true
	dist float32
	word bool
}

// pseudoDist is the distance gse gives a character that starts no word.
const pseudoDist = 32

// segUnit is one unit of the text as gse splits it: a character, or a run
// of letters and digits of one or two bytes each (Latin, Cyrillic…).
type segUnit struct {
	i, j int
	word bool // of segment's words: a word of the dictionary, not a character no word starts with
}

// segJump is the shortest path's step ending at a unit: its distance from
// the start and how many units its last word spans.
type segJump struct {
	dist  float32
	units int
	word  bool // a word of the dictionary, not gse's pseudo-word
}

// segBuf is the work space of one call's segmentation, reused from window
// to window.
type segBuf struct {
	units []segUnit
	jumps []segJump
	words []segUnit
}

// reserve makes room for the units of a text of n characters.
func (b *segBuf) reserve(n int) {
	if cap(b.units) < n {
		b.units = make([]segUnit, 0, n)
		b.jumps = make([]segJump, n)
		b.words = make([]segUnit, 0, n)
	}
}

// alnumUnit reports whether r, of sz bytes, is part of a run that gse
// keeps as one unit.
func alnumUnit(r rune, sz int) bool {
	return sz <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r))
}

// split cuts s into units, as gse's SplitTextToWords.
func (b *segBuf) split(s string) {
	b.units = b.units[:0]
	run := -1 // start of the current run of letters and digits
	for i := 0; i < len(s); {
		r, sz := decodeRune(s[i:])
		if alnumUnit(r, sz) {
			if run < 0 {
				run = i
			}
		} else {
			if run >= 0 {
				b.units = append(b.units, segUnit{i: run, j: i})
				run = -1
			}
			b.units = append(b.units, segUnit{i: i, j: i + sz})
		}
		i += sz
	}
	if run >= 0 {
		b.units = append(b.units, segUnit{i: run, j: len(s)})
	}
}

// segment returns the byte ranges of the words of s, in order, in b's
// space (valid until its next use).
func (sg *segmenter) segment(b *segBuf, s string) []segUnit {
	b.words = b.words[:0]
	if s == "" {
		return nil
	}
	b.split(s)
	u := b.units
	if scanMeter.on {
		scanMeter.units += len(u)
	}
	if cap(b.jumps) < len(u) {
		b.jumps = make([]segJump, len(u))
	}
	jumps := b.jumps[:len(u)]
	clear(jumps)
	update := func(k int, base, dist float32, units int, word bool) {
		d := base + dist
		if jumps[k].dist == 0 || jumps[k].dist > d {
			jumps[k] = segJump{d, units, word}
		}
	}
	for cur := range u {
		var base float32
		if cur > 0 {
			base = jumps[cur-1].dist
		}
		found, first := 0, 0
		n := uint32(0)
	walk:
		for k := cur; k < len(u) && k < cur+sg.maxUnits; k++ {
			for x := u[k].i; x < u[k].j; {
				r, sz := decodeRune(s[x:])
				if r == utf8.RuneError && sz == 1 {
					break walk // gse looks bytes up: an invalid byte is in no word
				}
				if r >= 'A' && r <= 'Z' {
					r += 'a' - 'A'
				}
				n = sg.edges.child(n, r)
				if n == 0 {
					break walk
				}
				x += sz
			}
			if nd := &sg.nodes[n]; nd.word {
				if found == 0 {
					first = k - cur + 1
				}
				found++
				update(k, base, nd.dist, k-cur+1, true)
			}
		}
		if found == 0 || first > 1 {
			update(cur, base, pseudoDist, 1, false)
		}
	}
	// the words, from the last back to the first, then in order
	for k := len(u) - 1; k >= 0; k -= jumps[k].units {
		b.words = append(b.words, segUnit{u[k-jumps[k].units+1].i, u[k].j, jumps[k].word})
	}
	slices.Reverse(b.words)
	return b.words
}

// isWord reports whether w is a word of the dictionary, read as segment
// reads text (ASCII letters lower case).
func (sg *segmenter) isWord(w string) bool {
	n := uint32(0)
	for _, r := range w {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if n = sg.edges.child(n, r); n == 0 {
			return false
		}
	}
	return w != "" && sg.nodes[n].word
}
