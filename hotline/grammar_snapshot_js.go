//go:build js

package hotline

// The WebAssembly build links no snapshot of mandarin.yaml
// (grammar_snapshot.go).
var (
	grammarSnapshotSum string
	grammarSnapshot    func() *grammar
)
