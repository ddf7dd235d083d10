//go:build js

package clause

// snapshotFiles: the WebAssembly build links no snapshot (snapshot.go).
var snapshotFiles []snapshotFile
