package rules

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"slices"
	"strings"
	"sync"

	"github.com/tonggao/tonggao/internal/snapshot"
	"github.com/tonggao/tonggao/rules/cond"
)

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
	if trustLinkedSnapshot {
		if f := linkedSnapshot(data); f != nil {
			return f
		}
	}
	return hashedSnapshot(data)
}

// hashedSnapshot finds the snapshot's entry for data by its SHA-256.
func hashedSnapshot(data []byte) *snapshotFile {
	sum := sha256.Sum256(data)
	for i := range snapshotFiles {
		if f := &snapshotFiles[i]; snapshot.SumIs(f.sum, sum) {
			return f
		}
	}
	return nil
}

// linkedSnapshot finds the snapshot's entry for data by comparing it with
// the embedded files the snapshot was made from, byte for byte, without
// hashing: the WebAssembly build does this (trustLinkedSnapshot), where
// SHA-256 runs in pure Go and hashing every file on each start cost a
// tenth of its start-up (docs/speed.md). The i-th entry was made from the
// i-th file of snapshotOrder: TestSnapshot writes them in that order,
// checks snapshot_gen.go against the files in CI and checks that this
// finds each file's entry, and both the snapshot and the embedded bytes
// are fixed when the binary is linked — so an embedded file is matched to
// its own decoding, and any other bytes (a bundle's, a rule directory's)
// are not the embedded bytes and are looked up by hash as before.
func linkedSnapshot(data []byte) *snapshotFile {
	for i, b := range linkedFiles() {
		if len(b) == len(data) && bytes.Equal(b, data) {
			return &snapshotFiles[i]
		}
	}
	return nil
}

// linkedFiles are the embedded files in snapshot order (snapshotRead's,
// without divisions.csv), nil if they do not line up with the snapshot's
// entries.
var linkedFiles = sync.OnceValue(func() [][]byte {
	out := make([][]byte, 0, len(snapshotFiles))
	for _, name := range snapshotRead {
		if name == DivisionsFile {
			continue
		}
		b, err := embedded.ReadFile(name)
		if err != nil {
			return nil
		}
		out = append(out, b)
	}
	if len(out) != len(snapshotFiles) {
		return nil
	}
	return out
})

// linkedSources gives the embedded rule directory's files as readRoot
// reads them — the same names, in the same order, with the digest a load
// computes over them — from the list and digest written with the snapshot
// (snapshotRead, snapshotDigest), without listing notices/, reading
// through fsread or hashing: each file comes as its snapshot entry
// (divisions.csv as its rows, snapshotDivisions), without its bytes. The WebAssembly build loads the embedded
// rules this way (trustLinkedSnapshot): listing, reading and hashing them
// was a tenth of its start-up, every step of it code run once
// (docs/speed.md). Like the snapshot itself, the list and digest are
// fixed when the binary is linked and TestSnapshot holds them to the
// files. ok is false for any other root, for limits tighter than the
// defaults (which must still refuse what they refuse) and when the
// embedded files do not line up with the list.
func linkedSources(ctx context.Context, roots []Root, lim Limits) (srcs []source, digest string, ok bool) {
	if len(roots) != 1 || roots[0].Decoded != nil || ctx.Err() != nil {
		return nil, "", false
	}
	if fsys, isEmbed := roots[0].FS.(embed.FS); !isEmbed || fsys != embedded {
		return nil, "", false
	}
	d := DefaultLimits()
	if lim.MaxFileBytes < d.MaxFileBytes || lim.MaxTotalBytes < d.MaxTotalBytes || lim.MaxDirEntries < d.MaxDirEntries ||
		lim.MaxDepth < d.MaxDepth || lim.MaxNodes < d.MaxNodes || lim.MaxKeys < d.MaxKeys {
		return nil, "", false
	}
	name := strings.TrimSuffix(roots[0].Name, "/")
	srcs = make([]source, len(snapshotRead))
	next := 0 // the snapshot's entry for the next file other than divisions.csv
	for i, f := range snapshotRead {
		srcs[i] = source{name: f, path: f}
		if name != "" {
			srcs[i].path = name + "/" + f
		}
		if f == DivisionsFile {
			if snapshotDivisions == nil {
				return nil, "", false
			}
			srcs[i].divisions = snapshotDivisions
			continue
		}
		if next == len(snapshotFiles) {
			return nil, "", false
		}
		srcs[i].snap = &snapshotFiles[next]
		next++
	}
	if next != len(snapshotFiles) {
		return nil, "", false
	}
	return srcs, snapshotDigest, true
}

// compile compiles a condition of the file being loaded. A condition the
// embedded rule base holds (any file's, any root's: a tree depends on its
// text alone) is compiled from its tree, built into the binary
// (cond_snapshot_gen.go), without running expr's parser and type-checker
// — most of the rules' share of a cold start. Every other condition is
// parsed and checked by expr as written.
func (l *loader) compile(src string, env *cond.Env) (*cond.Program, error) {
	if l.conditions != nil {
		l.conditions[src] = true
	}
	if tree := l.parsed(src); tree != nil {
		return cond.CompileParsed(src, tree, env)
	}
	return cond.Compile(src, env)
}

// condTree is one condition's text and its tree.
type condTree struct {
	src  string
	tree *cond.Tree
}

// snapshotTree finds a condition's tree in the snapshot (sorted by text).
func snapshotTree(src string) *cond.Tree {
	i, found := slices.BinarySearchFunc(condTrees, src, func(c condTree, s string) int { return strings.Compare(c.src, s) })
	if !found {
		return nil
	}
	return condTrees[i].tree
}
