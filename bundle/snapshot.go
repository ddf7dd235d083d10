package bundle

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/register"
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
//
// Since format 2 the snapshot also holds every other YAML file a reader
// would parse — the register (register.yaml) and the layer manifests
// (each rule root's layers.yaml, layers/layers.yaml) — decoded, with their
// checksums, checked and re-derived the same way, so that the WebAssembly
// build links no YAML parser at all (docs/speed.md). A format-1 snapshot
// is still read; the WebAssembly build then refuses a bundle that needs
// one of those files parsed.
const SnapshotFile = "snapshot.json"

// snapshotFormat is the snapshot's format version Build writes; format 1
// (rules only) is still read.
const snapshotFormat = 2

// snapshot is snapshot.json.
type snapshot struct {
	Format int `json:"format"`
	// Roots holds each rule root's decoded files, by the root's
	// directory in the bundle ("rules", "rules/base").
	Roots map[string]*rules.Decoded `json:"roots"`
	// Register is register.yaml decoded (format 2); nil when the bundle
	// has no register.
	Register *registerEntry `json:"register,omitempty"`
	// Layers are the layer manifests decoded (format 2), by path in the
	// bundle: ROOT/layers.yaml for each rule root that has one, and
	// layers/layers.yaml.
	Layers map[string]*manifestEntry `json:"layers,omitempty"`
}

// registerEntry is the register with the SHA-256 of the file it was
// parsed from.
type registerEntry struct {
	SHA256   string             `json:"sha256"`
	Register *register.Register `json:"register"`
}

// manifestEntry is a layer manifest, as place.ParseManifest gives it
// under its path in the bundle, with the SHA-256 of the file.
type manifestEntry struct {
	SHA256   string          `json:"sha256"`
	Manifest *place.Manifest `json:"manifest"`
}

// manifestPaths lists the layer manifests a bundle's files hold, by path:
// each root's and layers/'s.
func manifestPaths(files memFS, roots []string) []string {
	var out []string
	for _, d := range append(slices.Clone(roots), LayersDir) {
		if _, ok := files[d+"/"+place.ManifestFile]; ok {
			out = append(out, d+"/"+place.ManifestFile)
		}
	}
	slices.Sort(out)
	return out
}

// makeSnapshot decodes the rule roots of files (laid out as a bundle).
func makeSnapshot(ctx context.Context, files memFS, roots []string) ([]byte, error) {
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
	if err := decodeOthers(&s, files, roots); err != nil {
		return nil, err
	}
	raw, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	return append(raw, '\n'), nil
}

// decodeOthers decodes the register and the layer manifests of files
// into s (format 2): what a reader would otherwise parse as YAML.
func decodeOthers(s *snapshot, files memFS, roots []string) error {
	if f, ok := files[RegisterFile]; ok {
		reg, err := register.Parse(RegisterFile, f.Data)
		if err != nil {
			return err
		}
		s.Register = &registerEntry{SHA256: sha256Hex(f.Data), Register: reg}
	}
	for _, p := range manifestPaths(files, roots) {
		data := files[p].Data
		m, err := place.ParseManifest(data, p)
		if err != nil {
			return err
		}
		if s.Layers == nil {
			s.Layers = map[string]*manifestEntry{}
		}
		s.Layers[p] = &manifestEntry{SHA256: sha256Hex(data), Manifest: m}
	}
	return nil
}

// readSnapshot reads a bundle's snapshot.json, if it has one, and checks
// it against the manifest: one entry per rule root, and every entry's
// checksum the manifest's for its file; in format 2, an entry for the
// register and for each layer manifest exactly when the bundle has the
// file. It returns nil for a bundle without a snapshot.
func readSnapshot(ct *contents) (*snapshot, error) {
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
	if s.Format != 1 && s.Format != snapshotFormat {
		return nil, fmt.Errorf("%s: format %d; this build reads formats 1 and %d", SnapshotFile, s.Format, snapshotFormat)
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
	if err := checkOthers(&s, ct, roots); err != nil {
		return nil, fmt.Errorf("%s: %w", SnapshotFile, err)
	}
	return &s, nil
}

// checkOthers checks the register and layer manifest entries against the
// bundle's files: none in format 1; in format 2 one for each such file
// and none other, each made from the file's bytes (the checksum the
// manifest lists, which the file was verified against).
func checkOthers(s *snapshot, ct *contents, roots []string) error {
	files := ct.files
	if s.Format == 1 {
		if s.Register != nil || s.Layers != nil {
			return errors.New("format 1 holds rules only")
		}
		return nil
	}
	same := func(p, sum string) error {
		listed, ok := ct.manifest.Files[p]
		switch {
		case !ok:
			return fmt.Errorf("%s is not in the bundle", p)
		case !strings.EqualFold(listed, sum):
			return fmt.Errorf("%s was made from other bytes (sha256 %s): rebuild the bundle", p, sum)
		}
		return nil
	}
	_, hasReg := files[RegisterFile]
	switch {
	case hasReg && (s.Register == nil || s.Register.Register == nil):
		return fmt.Errorf("no entry for %s: rebuild the bundle", RegisterFile)
	case s.Register != nil:
		if err := same(RegisterFile, s.Register.SHA256); err != nil {
			return err
		}
		if s.Register.Register == nil {
			return fmt.Errorf("%s: no register", RegisterFile)
		}
	}
	want := manifestPaths(files, roots)
	got := slices.Sorted(maps.Keys(s.Layers))
	if !slices.Equal(got, want) {
		return fmt.Errorf("holds layer manifests %s; the bundle's are %s: rebuild the bundle", strings.Join(got, ", "), strings.Join(want, ", "))
	}
	for _, p := range want {
		e := s.Layers[p]
		if e == nil || e.Manifest == nil {
			return fmt.Errorf("%s: no manifest", p)
		}
		if err := same(p, e.SHA256); err != nil {
			return err
		}
	}
	return nil
}
