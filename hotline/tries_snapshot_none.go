//go:build js || nosnapshot

package hotline

// triesSnapshot: the WebAssembly build links no snapshot of the tables
// (tries_snapshot.go), nor does go generate, which writes it.
var triesSnapshot = ""
