package bundle

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/tonggao/tonggao/rules"
)

// SnapshotFile is the bundle's compiled snapshot: its rule roots' files as
// the YAML decoder gives them (rules.Decoded), each entry with the
// SHA-256 of the file it was decoded from. Build writes it; the manifest
// lists it with its checksum like every file, so a signature covers it.
//
// Reading: the WebAssembly build, which has no YAML decoder for rules,
// loads the rules from the snapshot alone. Every other build re-derives
// the snapshot from the bundle's YAML and refuses the bundle unless the
// two agree entry for entry, positions included, then loads from it too —
// so both read the same rules and give the same decisions. Each entry
// must name the checksum the manifest gives its file, and every rule file
// must have its entry, in every build: a snapshot left behind when a YAML
// file was edited is refused even where it cannot be re-derived. What
// the WebAssembly build cannot check — a snapshot that is consistent with
// the checksums but was not made by decoding them — is what the
// publisher's signature vouches for (WithKeys): building the snapshot is
// part of the build the publisher signs.
const SnapshotFile = "snapshot.json"

// snapshotFormat is the snapshot's format version.
const snapshotFormat = 1

// snapshot is snapshot.json.
type snapshot struct {
	Format int `json:"format"`
	// Roots holds each rule root's decoded files, by the root's
	// directory in the bundle ("rules", "rules/base").
	Roots map[string]*rules.Decoded `json:"roots"`
}

// makeSnapshot decodes the rule roots of files (laid out as a bundle).
func makeSnapshot(ctx context.Context, files fs.FS, roots []string) ([]byte, error) {
	s := snapshot{Format: snapshotFormat, Roots: map[string]*rules.Decoded{}}
	for _, dir := range roots {
		sub, err := fs.Sub(files, dir)
		if err != nil {
			return nil, err
		}
		d, err := rules.DecodeRoot(ctx, rules.Root{Name: dir, FS: sub}, rules.Limits{})
		if err != nil {
			return nil, err
		}
		s.Roots[dir] = d
	}
	raw, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	return append(raw, '\n'), nil
}

// readSnapshot reads a bundle's snapshot.json, if it has one, and checks
// it against the manifest: one entry per rule root, and every entry's
// checksum the manifest's for its file. It returns nil for a bundle
// without a snapshot.
func readSnapshot(ct *contents) (map[string]*rules.Decoded, error) {
	f, ok := ct.files[SnapshotFile]
	if !ok {
		return nil, nil
	}
	var s snapshot
	dec := json.NewDecoder(bytes.NewReader(f.Data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%s: %w", SnapshotFile, err)
	}
	if s.Format != snapshotFormat {
		return nil, fmt.Errorf("%s: format %d; this build reads format %d", SnapshotFile, s.Format, snapshotFormat)
	}
	m := ct.manifest
	roots := m.RootDirs()
	var got []string
	for r := range s.Roots {
		got = append(got, r)
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(roots))
	if !slices.Equal(got, want) {
		return nil, fmt.Errorf("%s: holds roots %s; the manifest's are %s", SnapshotFile, strings.Join(got, ", "), strings.Join(want, ", "))
	}
	for _, r := range roots {
		d := s.Roots[r]
		if d == nil {
			return nil, fmt.Errorf("%s: root %s: no files", SnapshotFile, r)
		}
		for _, name := range d.Names() {
			p := r + "/" + name
			sum, _ := d.SHA256(name)
			listed, ok := m.Files[p]
			if !ok {
				return nil, fmt.Errorf("%s: %s is not in the bundle", SnapshotFile, p)
			}
			if !strings.EqualFold(listed, sum) {
				return nil, fmt.Errorf("%s: %s was made from other bytes (sha256 %s; the file's is %s): rebuild the bundle", SnapshotFile, p, sum, listed)
			}
		}
	}
	return s.Roots, nil
}
