package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/internal/snapshot/snapshottest"
)

// TestGrammarSnapshot requires grammar_snapshot_gen.go to hold what
// mandarin.yaml decodes to (UPDATE_SNAPSHOT=1, or go generate ./hotline,
// rewrites it), and the snapshot to be used for those bytes only.
func TestGrammarSnapshot(t *testing.T) {
	decoded, err := decodeGrammarYAML(mandarinYAML)
	require.NoError(t, err)
	snapshottest.Check(t, snapshottest.Gen{
		File:    "grammar_snapshot_gen.go",
		Package: "github.com/tonggao/tonggao/hotline",
		Command: "go generate ./hotline",
		Test:    "TestGrammarSnapshot in grammar_snapshot_test.go",
		Source:  "mandarin.yaml",
		Var:     "grammarSnapshots",
		Type:    "grammar",
		Prefix:  "grammarSnap",
	}, []snapshottest.Input[grammar]{{Name: "mandarin.yaml", Data: mandarinYAML, Decoded: decoded}}, grammarFromSnapshot)
}

// TestGrammarNotes requires every note the operator's page shows for a
// word heard otherwise or a fact left unused to be given: a note missing
// from mandarin.yaml would show an empty reason.
func TestGrammarNotes(t *testing.T) {
	g, err := decodeGrammarYAML(mandarinYAML)
	require.NoError(t, err)
	for name, note := range map[string]string{
		"heard_notes.pinyin": g.HeardNotes.Pinyin, "heard_notes.sound": g.HeardNotes.Sound, "heard_notes.doubled": g.HeardNotes.Doubled,
		"unused_notes.open": g.UnusedNotes.Open, "unused_notes.close": g.UnusedNotes.Close,
		"unused_notes.compared": g.UnusedNotes.Compared, "unused_notes.asked": g.UnusedNotes.Asked,
		"unused_notes.unsure": g.UnusedNotes.Unsure, "unused_notes.later": g.UnusedNotes.Later,
		"unused_notes.retracted": g.UnusedNotes.Retracted, "unused_notes.distance": g.UnusedNotes.Distance,
	} {
		require.NotEmpty(t, note, "mandarin.yaml %s", name)
	}
}
