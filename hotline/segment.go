package hotline

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// segmenter cuts text into words as go-ego/gse's Segment does — the same
// dictionary, the shortest path of the words' distances, the same
// pseudo-word for a character no word starts with — without gse's
// allocations: gse makes a slice of every character, a pseudo-token on the
// heap for each character no word starts at, and the segments; a call
// made of the parser's own characters spent a fifth of its time there and
// in the collector. The dictionary is read as gse reads it (segmenterOf,
// once, in New). Unlike gse, a word's distance does not hang on the other
// words of the dictionary, and distances are fixed-point integers, so
// that two paths of the same words' lengths in another order (货/堆到 and
// 货堆/到, 火/烧掉 and 火烧/掉) tie exactly and the tie is always broken
// the same way (segDist); gse's float32 sums broke it by the rounding of
// log2 of the dictionary's total, so that a word added anywhere in the
// vocabulary changed how unrelated calls were cut and read (set 15's
// 稻草…一把火烧掉 and a shopkeeper's 货堆到门外, session 41).
// TestSegmenterShortest holds it to the shortest path and its tie rule,
// TestSegmenterAsGse to gse's words wherever gse's path is as short.
type segmenter struct {
	nodes    []segNode // node 0 is the root
	edges    edges     // by rune (ASCII letters lower case, as gse reads them)
	maxUnits int       // the most units a word spans (gse's maxTokenLen)
}

// segNode is a node of the word trie.
type segNode struct {
	// dist is the word's distance (segDist), valid where word is true
	dist int32
	word bool
}

// segScale is the fixed-point scale of the segmenter's distances: a
// distance of one bit is segScale.
const segScale = 1 << 20

// segLogTotal is log2 of the total frequency the segmenter's distances are
// measured from. gse takes the sum of the dictionary's frequencies, so
// that every word added to the vocabulary moved every distance, and with
// them the float32 rounding that broke ties between cuts of a call it
// holds no word of; a fixed total keeps a call's cut to the words said in
// it. Its value is the embedded vocabulary's log2 total when it was fixed
// (session 41, 29,866 words), so that no cut of a path of another length
// changed with it.
const segLogTotal = 25.345749

// segDist is the distance of a word of frequency freq: log2 of the total
// over freq, in fixed point. Integer distances sum exactly in any order:
// paths of the same words' lengths tie exactly, and segment keeps, of the
// paths that tie, the one whose last word is longest (its last word the
// one ending there that starts first, and so back to the start).
func segDist(freq float64) int32 {
	return int32(math.Round((segLogTotal - math.Log2(freq)) * segScale))
}

// pseudoDist is the distance gse gives a character that starts no word
// (32 bits).
const pseudoDist = 32 * segScale

// segUnit is one unit of the text as gse splits it: a character, or a run
// of letters and digits of one or two bytes each (Latin, Cyrillic…).
type segUnit struct {
	i, j int
	word bool // of segment's words: a word of the dictionary, not a character no word starts with
}

// segJump is the shortest path's step ending at a unit: its distance from
// the start and how many units its last word spans.
type segJump struct {
	dist  int64
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
	// (a path's distance is above 0: jumps[k].dist 0 is no path yet; of
	// paths that tie, the one found first — its last word starting first
	// — is kept)
	update := func(k int, base int64, dist int32, units int, word bool) {
		d := base + int64(dist)
		if jumps[k].dist == 0 || jumps[k].dist > d {
			jumps[k] = segJump{d, units, word}
		}
	}
	for cur := range u {
		var base int64
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
