package hotline

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// segmenterOf builds the segmenter from a dictionary in gse's format (a
// word, its frequency and a part of speech a line: segDict) as gse's
// LoadDictStr reads it — the same words, cut into the same units (runs of
// letters and digits of one or two bytes each, ASCII letters lower case),
// the first of a word given twice kept, a one-character word's frequency
// 2 — without gse's double-array trie and its distances, which the
// hotline never reads: they were a fifth of New. Its distances are
// segDist's, measured from a fixed total, not gse's sum of the
// frequencies. TestSegmenterOfAsGse holds its words to gse's reading.
func segmenterOf(dict string) *segmenter {
	var entries []segEntry
	for line := range strings.SplitSeq(dict, "\n") {
		fields := strings.Split(line, " ")
		if len(fields) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(strings.TrimSpace(fields[1]), 64)
		if err != nil {
			continue
		}
		entries = append(entries, segEntry{strings.TrimSpace(fields[0]), freq})
	}
	return segmenterOfEntries(entries)
}

// segEntry is a word of the segmenter's dictionary, as segmenterOf reads
// it from a line, and its frequency.
type segEntry struct {
	text string
	freq float64
}

// segmenterOfEntries builds the segmenter from the dictionary's words as
// segmenterOf reads them: New gives them so (parser.segEntries), without
// writing and reading back the dictionary's text.
func segmenterOfEntries(entries []segEntry) *segmenter {
	const minFreq = 2 // gse's MinTokenFreq
	type token struct {
		text  string
		freq  float64
		units int
	}
	tokens := make([]token, 0, len(entries))
	seen := make(map[string]bool, len(entries))
	maxUnits := 0
	for _, e := range entries {
		text, freq := e.text, e.freq
		if freq < minFreq {
			continue
		}
		if utf8.RuneCountInString(text) < 2 {
			freq = 2
		}
		key, units := segUnits(text)
		if seen[key] {
			continue
		}
		seen[key] = true
		tokens = append(tokens, token{key, freq, units})
		maxUnits = max(maxUnits, units)
	}
	// (room made first: a trie grown a word at a time rehashes every edge
	// each time it doubles. A word's characters are at most its nodes, but
	// the words share their first characters: the embedded vocabulary's
	// 84k characters make 37k nodes, so room for half the characters is
	// made, and a vocabulary that needs more grows the table once)
	runes := 0
	for _, t := range tokens {
		runes += utf8.RuneCountInString(t.text)
	}
	s := &segmenter{nodes: make([]segNode, 1, runes/2+1), maxUnits: maxUnits}
	s.edges.reserve(runes / 2)
	for _, t := range tokens {
		n := uint32(0)
		for _, r := range t.text {
			n = follow(&s.edges, &s.nodes, n, r)
		}
		if !s.nodes[n].word {
			s.nodes[n] = segNode{dist: segDist(t.freq), word: true}
		}
	}
	return s
}

// segUnits is a dictionary word as gse keeps it (its SplitTextToWords
// joined, runs of letters and digits lower case) and its number of units.
func segUnits(w string) (string, int) {
	if !hasLetterRun(w) {
		return w, utf8.RuneCountInString(w) // (most words: one unit a character, kept as they are)
	}
	var b strings.Builder
	b.Grow(len(w))
	units := 0
	run := -1 // start of the current run of letters and digits
	flush := func(i int) {
		if run >= 0 {
			for _, c := range []byte(w[run:i]) {
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			units++
			run = -1
		}
	}
	for i := 0; i < len(w); {
		r, sz := utf8.DecodeRuneInString(w[i:])
		if sz <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
			if run < 0 {
				run = i
			}
		} else {
			flush(i)
			b.WriteString(w[i : i+sz])
			units++
		}
		i += sz
	}
	flush(len(w))
	return b.String(), units
}

// hasLetterRun tells whether w holds a letter or digit of one or two bytes,
// which segUnits joins into runs.
func hasLetterRun(w string) bool {
	for _, r := range w {
		if utf8.RuneLen(r) <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
			return true
		}
	}
	return false
}
