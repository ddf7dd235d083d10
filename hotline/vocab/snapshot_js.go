//go:build js

package vocab

// snapshotFiles: the WebAssembly build links no snapshot (snapshot.go).
var snapshotFiles []snapshotFile
