package clause

import "crypto/sha256"

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

// snapshotFile is one decoded file: its bytes' SHA-256 (hex) and a
// function building its decoding afresh (each load gets its own).
type snapshotFile struct {
	sum  string
	spec func() *fileSpec
}

// fromSnapshot returns the snapshot's decoding of data, nil if it was not
// made from these bytes.
func fromSnapshot(data []byte) *fileSpec {
	if len(snapshotFiles) == 0 {
		return nil
	}
	sum := sha256.Sum256(data)
	for _, f := range snapshotFiles {
		if len(f.sum) == 2*len(sum) && hexEqual(f.sum, sum[:]) {
			return f.spec()
		}
	}
	return nil
}

// hexEqual reports whether h is the lower-case hex form of b.
func hexEqual(h string, b []byte) bool {
	const digits = "0123456789abcdef"
	for i, c := range b {
		if h[2*i] != digits[c>>4] || h[2*i+1] != digits[c&15] {
			return false
		}
	}
	return true
}
