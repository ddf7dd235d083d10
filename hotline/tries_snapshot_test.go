//go:build !js

package hotline

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/engine"
)

// newTriesParser is the embedded rule base's parser, its known words,
// segmenter and homophone index made from the snapshot (fromSnapshot)
// or built from the words.
func newTriesParser(t testing.TB, fromSnapshot bool) *parser {
	t.Helper()
	on, wanted := triesSnapshotOn, triesFpWanted
	t.Cleanup(func() { triesSnapshotOn, triesFpWanted = on, wanted })
	triesSnapshotOn, triesFpWanted = fromSnapshot, true
	eng, err := engine.Embedded()
	require.NoError(t, err)
	h, err := New(eng)
	require.NoError(t, err)
	return h.p
}

// TestTriesSnapshot requires tries_gen.txt to be the snapshot of the
// tables New builds for the embedded rule base (UPDATE_SNAPSHOT=1, or go
// generate ./hotline/..., rewrites it), and the tables made from it to be
// those built: the same words, nodes, distances, phrases and indexes.
func TestTriesSnapshot(t *testing.T) {
	built := newTriesParser(t, false)
	want := built.triesSnapshotText(built.triesFP)
	if os.Getenv("UPDATE_SNAPSHOT") != "" {
		require.NoError(t, os.WriteFile("tries_gen.txt", []byte(want), 0o644))
		return
	}
	have, err := os.ReadFile("tries_gen.txt")
	require.NoError(t, err)
	require.True(t, string(have) == want, "tries_gen.txt is stale: run go generate ./hotline/... (TestTriesSnapshot)")
	if triesSnapshot == "" {
		return // (not linked: the WebAssembly build, -tags nosnapshot)
	}
	snap := newTriesParser(t, true)
	require.Nil(t, snap.known.words, "the snapshot was not used")
	require.Equal(t, built.triesFP, snap.triesFP)

	require.Equal(t, built.known.allWords(), snap.known.allWords())
	require.Equal(t, built.known.first, snap.known.first)
	require.Equal(t, built.known.single, snap.known.single)
	require.Equal(t, built.known.pairs, snap.known.pairs)
	require.Equal(t, trieShape(built.known), trieShape(snap.known))

	require.Equal(t, built.seg.maxUnits, snap.seg.maxUnits)
	require.Equal(t, segShape(built.seg), segShape(snap.seg))

	require.Equal(t, built.framePhrases, snap.framePhrases)
	require.Equal(t, built.sound.lines(built.framePhrases), snap.sound.lines(snap.framePhrases))
	require.Equal(t, soundShape(built.sound), soundShape(snap.sound))
	for _, f := range []func(*soundTrie) any{
		func(s *soundTrie) any { return s.starts }, func(s *soundTrie) any { return s.first }, func(s *soundTrie) any { return s.second },
		func(s *soundTrie) any { return s.pairs }, func(s *soundTrie) any { return s.width }, func(s *soundTrie) any { return s.indexed },
	} {
		require.Equal(t, f(built.sound), f(snap.sound))
	}
}

// TestTriesSnapshotElsewhere requires a vocabulary other than the one the
// snapshot was made from to build its tables: one word more changes the
// fingerprint.
func TestTriesSnapshotElsewhere(t *testing.T) {
	p := newTriesParser(t, true)
	fp := p.triesFingerprint(nil)
	p.acts.add("一个快照里没有的词", word{})
	require.NotEqual(t, fp, p.triesFingerprint(nil))
}

// trieShape is every node's path and word, from the root, in the order
// of the characters: two tries of one shape answer alike, whatever their
// nodes' numbers.
func trieShape(t *trie) []string {
	kids := t.edges.children()
	var out []string
	var walk func(n uint32, path []rune)
	walk = func(n uint32, path []rune) {
		out = append(out, string(path)+"|"+t.nodes[n].end+"|"+string(rune('0'+len(t.nodes[n].meanings))))
		for _, c := range kids[n] {
			walk(c[1], append(path, rune(c[0])))
		}
	}
	walk(0, nil)
	return out
}

func segShape(s *segmenter) []segNode {
	kids := s.edges.children()
	var out []segNode
	var walk func(n uint32)
	walk = func(n uint32) {
		out = append(out, s.nodes[n], segNode{dist: int32(len(kids[n]))})
		for _, c := range kids[n] {
			out = append(out, segNode{dist: int32(c[0])})
			walk(c[1])
		}
	}
	walk(0)
	return out
}

func soundShape(s *soundTrie) []string {
	kids := s.edges.children()
	var out []string
	var walk func(n uint32, path []rune)
	walk = func(n uint32, path []rune) {
		out = append(out, string(path)+"|"+s.nodes[n].end)
		for _, c := range kids[n] {
			walk(c[1], append(path, rune(c[0])))
		}
	}
	walk(0, nil)
	return out
}
