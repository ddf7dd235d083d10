package rules

import "embed"

// The encoded gazette ships inside the library so that it works with no
// set-up: facts.yaml and one file per notice, with their test cases and texts.
//
//go:embed facts.yaml divisions.csv layers.yaml notices/*.yaml vocabulary/*.yaml texts/*.yaml
var embedded embed.FS

// EmbeddedFS returns the embedded rule directory (facts.yaml, divisions.csv, layers.yaml, notices/, vocabulary/, texts/).
func EmbeddedFS() embed.FS { return embedded }

// Embedded loads the embedded rule base.
func Embedded() (*Set, error) { return Load(embedded) }

// EmbeddedDigest is the Digest of the embedded rule base as Load gives it
// (written with the snapshot by go generate and held to the files by
// TestSnapshot): a set with this digest is the embedded rule directory,
// byte for byte, as the only root.
func EmbeddedDigest() string { return snapshotDigest }
