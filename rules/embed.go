package rules

import "embed"

//go:generate env UPDATE_SNAPSHOT=1 go test -run ^TestWasmFiles$ .

// EmbeddedFS returns the embedded rule directory (facts.yaml, divisions.csv, layers.yaml, notices/, vocabulary/, texts/;
// the decide build's holds the first four only: embed_decide.go).
func EmbeddedFS() embed.FS { return embedded }

// Embedded loads the embedded rule base.
func Embedded() (*Set, error) { return Load(embedded) }

// EmbeddedDigest is the Digest of the embedded rule base as Load gives it
// (written with the snapshot by go generate and held to the files by
// TestSnapshot): a set with this digest is the embedded rule directory,
// byte for byte, as the only root.
func EmbeddedDigest() string { return snapshotDigest }
