// Package snapshot finds the decoding of a data file built into the binary
// as Go source, by the file's bytes, so that a process does not parse the
// file's YAML at start (docs/speed.md, session 20).
//
// A generated file (written by package snapshottest from a test run by go
// generate) lists each file's SHA-256 with a function building its
// decoding. A decoding is taken only for the very bytes it was made from:
// a file edited without running go generate, and any other root's files (a
// county's own), are decoded as written, and the snapshot's test fails
// until it is made again.
package snapshot

import "crypto/sha256"

// File is one file's decoding: the SHA-256 (lower-case hex) of the bytes
// it was made from, and a function building it afresh (a loader may keep
// and change what it is given, so each load gets its own).
type File[T any] struct {
	Sum    string
	Decode func() *T
}

// Find returns the decoding files hold for data, nil if none was made from
// these bytes.
func Find[T any](files []File[T], data []byte) *T {
	if len(files) == 0 {
		return nil
	}
	sum := sha256.Sum256(data)
	for _, f := range files {
		if SumIs(f.Sum, sum) {
			return f.Decode()
		}
	}
	return nil
}

// SumIs reports whether h is the lower-case hex form of sum, without
// formatting sum (lookups run at every load).
func SumIs(h string, sum [sha256.Size]byte) bool {
	if len(h) != 2*len(sum) {
		return false
	}
	const digits = "0123456789abcdef"
	for i, c := range sum {
		if h[2*i] != digits[c>>4] || h[2*i+1] != digits[c&15] {
			return false
		}
	}
	return true
}
