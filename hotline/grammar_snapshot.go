package hotline

import "github.com/tonggao/tonggao/internal/snapshot"

//go:generate env UPDATE_SNAPSHOT=1 go test -tags nosnapshot -run ^TestGrammarSnapshot$ .

// mandarin.yaml as the YAML decoder gives it, built into the binary
// (grammar_snapshot_gen.go, written by go generate; package snapshot) so
// that a process does not parse its YAML (docs/speed.md, session 20). It is
// used only when mandarin.yaml's bytes are those it was made from: an
// edited file is decoded as written, and TestGrammarSnapshot fails until
// the snapshot is regenerated. The WebAssembly build links none
// (grammar_snapshot_none.go), as it links no vocabulary snapshot.

// grammarFromSnapshot returns the snapshot's decoding of data, nil if it
// was not made from these bytes.
func grammarFromSnapshot(data []byte) *grammar { return snapshot.Find(grammarSnapshots, data) }
