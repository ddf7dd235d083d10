package hotline

import (
	"testing"

	"github.com/go-ego/gse"
	"github.com/stretchr/testify/require"
)

// newSegmenter builds the trie from a dictionary gse has read: its words,
// their frequencies and the longest word's units, with the segmenter's
// distances (segDist, from a fixed total, not gse's).
func newSegmenter(d *gse.Dictionary) *segmenter {
	s := &segmenter{nodes: []segNode{{}}, maxUnits: d.MaxTokenLen()}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		n := uint32(0)
		for _, r := range t.Text() {
			n = follow(&s.edges, &s.nodes, n, r)
		}
		if !s.nodes[n].word { // the first of a word given twice, as gse keeps it
			s.nodes[n] = segNode{dist: segDist(t.Freq()), word: true}
		}
	}
	return s
}

// TestSegmenterOfAsGse: the segmenter read from the dictionary by
// segmenterOf is the one built from gse's reading of it — every word, its
// frequency's distance and the longest word's units.
func TestSegmenterOfAsGse(t *testing.T) {
	h := newTestHotline(t)
	dict := h.p.segDict()
	g := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	require.NoError(t, g.LoadDictStr(dict))
	want := newSegmenter(g.Dict)
	// (the parser's own is built from the same words, not read from the
	// text: segEntries)
	for _, got := range []*segmenter{segmenterOf(dict), h.p.seg} {
		require.Equal(t, want.maxUnits, got.maxUnits)
		require.Equal(t, len(want.nodes), len(got.nodes))
		n := 0
		for i := range g.Dict.Tokens {
			w := g.Dict.Tokens[i].Text()
			wn, gn := uint32(0), uint32(0)
			for _, r := range w {
				wn, gn = want.edges.child(wn, r), got.edges.child(gn, r)
			}
			require.True(t, got.nodes[gn].word, w)
			require.Equal(t, want.nodes[wn], got.nodes[gn], w)
			n++
		}
		words := 0
		for _, x := range got.nodes {
			if x.word {
				words++
			}
		}
		require.Equal(t, n, words)
	}
	// a dictionary gse would read oddly: capitals, digits, a word said twice, one character, a bad frequency
	odd := "AB12烧 90 x\nab12烧 90 x\n火 50 x\n烧田埂 x n\n炼山 1 n\n\n单独"
	require.NoError(t, (&gse.Segmenter{SkipLog: true, NotLoadHMM: true}).LoadDictStr(odd))
	g = &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	require.NoError(t, g.LoadDictStr(odd))
	want, got := newSegmenter(g.Dict), segmenterOf(odd)
	require.Equal(t, want.maxUnits, got.maxUnits)
	require.Equal(t, want.nodes, got.nodes)
}
