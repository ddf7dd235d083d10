package rules

import "crypto/sha256"

//go:generate env UPDATE_SNAPSHOT=1 go test -run ^TestSnapshot$ .

// The embedded rule base's files as the YAML decoder gives them, built
// into the binary (snapshot_gen.go, written by go generate) so that a
// process loading the embedded rules does not parse YAML: decoding was
// about a third of the CPU time of a cold `tonggao check` (docs/speed.md).
// A file is taken from the snapshot only when its bytes are those the
// snapshot was made from (its SHA-256), so a rule file edited without
// running go generate is still read as written — and TestSnapshot fails
// until the snapshot is regenerated. Everything after decoding (checks,
// conditions, windows) runs as for any rule directory.

// snapshotFile is one decoded file: a notice file or facts.yaml.
type snapshotFile struct {
	sum    string // hex SHA-256 of the file's bytes
	notice *FileSpec
	facts  *FactsFileSpec
}

// fromSnapshot returns the snapshot's entry for a file's bytes, if any,
// when the loader's limits are at least those the snapshot was checked
// under (the defaults): a tighter limit must still refuse what it refuses.
func (l *loader) fromSnapshot(data []byte) *snapshotFile {
	d := DefaultLimits()
	if l.lim.MaxDepth < d.MaxDepth || l.lim.MaxNodes < d.MaxNodes || l.lim.MaxKeys < d.MaxKeys {
		return nil
	}
	sum := sha256.Sum256(data)
	for i := range snapshotFiles {
		if f := &snapshotFiles[i]; len(f.sum) == 2*len(sum) && hexEqual(f.sum, sum[:]) {
			return f
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
