//go:build js || nosnapshot

package hotline

// The WebAssembly build links no snapshot of mandarin.yaml
// (grammar_snapshot.go), nor does go generate, which writes it.
var (
	grammarSnapshotSum string
	grammarSnapshot    func() *grammar
)
