//go:build js || nosnapshot

package vocab

import "github.com/tonggao/tonggao/internal/snapshot"

// snapshotFiles: the WebAssembly build links no snapshot (snapshot.go),
// nor does go generate, which writes it (its source may no longer
// compile once the types it fills have changed).
var snapshotFiles []snapshot.File[fileSpec]
