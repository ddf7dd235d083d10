package vocab

import (
	"testing"

	"github.com/tonggao/tonggao/internal/snapshot/snapshottest"
	"github.com/tonggao/tonggao/rules"
)

// TestSnapshot requires snapshot_gen.go to hold what the embedded
// rules/vocabulary/*.yaml decode to (UPDATE_SNAPSHOT=1, or go generate ./hotline/vocab,
// rewrites it), each file's entry to be found for its bytes and for no others.
func TestSnapshot(t *testing.T) {
	snapshottest.Check(t, snapshottest.Gen{
		Package: "github.com/tonggao/tonggao/hotline/vocab",
		Source:  "rules/vocabulary/*.yaml",
		Imports: []snapshottest.Import{{Path: "github.com/tonggao/tonggao/rules", Type: "Str"}},
	}, snapshottest.DirInputs(t, rules.EmbeddedFS(), Dir, decodeYAML), fromSnapshot)
}
