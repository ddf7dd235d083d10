package clause

import "github.com/tonggao/tonggao/internal/snapshot"

//go:generate env UPDATE_SNAPSHOT=1 go test -tags nosnapshot -run ^TestSnapshot$ .

// The embedded rule base's texts (texts/*.yaml) as the YAML decoder gives
// them, built into the binary (snapshot_gen.go, written by go generate)
// so that a process does not parse their YAML, as the vocabulary's
// (hotline/vocab/snapshot.go; docs/speed.md, session 20). A file is taken
// from the snapshot only when its bytes are those the snapshot was made
// from (its SHA-256): a file edited without running go generate, and any
// other root's texts, is decoded as written — and TestSnapshot fails
// until the snapshot is regenerated. Everything after decoding runs as
// for any file. The WebAssembly build links no snapshot (snapshot_none.go).

// fromSnapshot returns the snapshot's decoding of data, nil if it was not
// made from these bytes.
func fromSnapshot(data []byte) *fileSpec { return snapshot.Find(snapshotFiles, data) }
