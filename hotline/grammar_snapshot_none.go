//go:build js || nosnapshot

package hotline

import "github.com/tonggao/tonggao/internal/snapshot"

// grammarSnapshots: the WebAssembly build links no snapshot of
// mandarin.yaml (grammar_snapshot.go), nor does go generate, which writes it.
var grammarSnapshots []snapshot.File[grammar]
