//go:build !js && nosnapshot

package hotline

// triesSnapshot: go generate links no snapshot of the tables
// (tries_snapshot.go): it writes it. (The WebAssembly build: tries_snapshot_js.go.)
var triesSnapshot = ""
