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
