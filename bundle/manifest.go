package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"
)

// The parts of a bundle. Every file under RulesDir, HolidaysDir and
// LayersDir, and RegisterFile, must be listed in the manifest with its
// checksum; the manifest and the signature are the only other entries.
const (
	ManifestFile  = "bundle.json"
	SignatureFile = "bundle.sig"
	RulesDir      = "rules"
	HolidaysDir   = "holidays"
	LayersDir     = "layers"
	ConditionsDir = "conditions"
	RegisterFile  = "register.yaml"
	// SnapshotFile ("snapshot.json") is declared in snapshot.go.
)

// maxManifestBytes bounds bundle.json and bundle.sig: a manifest lists a
// path and a 64-digit checksum per file, 10,000 files at most.
const maxManifestBytes = 4 << 20

// Manifest is bundle.json.
type Manifest struct {
	// Version names the bundle, e.g. "2025-07-01.1": its revision, which
	// every answer decided with it reports.
	Version string `json:"version"`
	// Roots are the rule directories in loading order (rules.LoadRoots):
	// "rules" itself, or directories under it such as "rules/base" and
	// "rules/qiyang". Empty means ["rules"].
	Roots []string `json:"roots,omitempty"`
	// Files maps slash-separated paths to lowercase hex SHA-256.
	Files map[string]string `json:"files"`
	// Feed describes the conditions feed in conditions/, if the bundle
	// carries one: an officer offline answers from the last published
	// level and sees how old it is.
	Feed *FeedInfo `json:"feed,omitempty"`
}

// FeedInfo is what a bundle's manifest says of its conditions feed.
type FeedInfo struct {
	// Digest is the feed's digest (feed.Feed.Digest): every answer decided
	// with it names it.
	Digest string `json:"digest"`
	// Issued is when its newest row was published.
	Issued time.Time `json:"issued"`
	Rows   int       `json:"rows"`
}

// RootDirs is Roots, or ["rules"] when it is empty.
func (m *Manifest) RootDirs() []string {
	if len(m.Roots) == 0 {
		return []string{RulesDir}
	}
	return m.Roots
}

// parseManifest reads bundle.json strictly: one object, no unknown or
// duplicate keys, a version, well-formed paths and checksums, roots under
// rules/ that hold every rule file.
func parseManifest(raw []byte) (Manifest, error) {
	var m Manifest
	if len(raw) > maxManifestBytes {
		return m, fmt.Errorf("%s: %d bytes; at most %d", ManifestFile, len(raw), maxManifestBytes)
	}
	if err := decodeStrict(raw, &m); err != nil {
		return m, fmt.Errorf("%s: %w", ManifestFile, err)
	}
	if strings.TrimSpace(m.Version) == "" {
		return m, fmt.Errorf("%s: no version", ManifestFile)
	}
	if len(m.Version) > 200 || strings.ContainsAny(m.Version, "\r\n\x00") {
		return m, fmt.Errorf("%s: version %.40q: at most 200 characters on one line", ManifestFile, m.Version)
	}
	var errs []error
	for _, p := range slices.Sorted(maps.Keys(m.Files)) {
		if !validDataPath(p) {
			errs = append(errs, fmt.Errorf("%s: listed path %q is not %s, %s or a file under %s/, %s/ or %s/", ManifestFile, p, RegisterFile, SnapshotFile, RulesDir, HolidaysDir, LayersDir))
			continue
		}
		if !isSHA256(m.Files[p]) {
			errs = append(errs, fmt.Errorf("%s: %s: checksum %.80q is not 64 hex digits", ManifestFile, p, m.Files[p]))
		}
	}
	if err := checkRoots(m); err != nil {
		errs = append(errs, err)
	}
	return m, errors.Join(errs...)
}

// checkRoots checks that the roots are distinct directories under rules/
// (or rules/ alone), that each holds a facts.yaml or notices, and that
// every file under rules/ lies in one of them.
func checkRoots(m Manifest) error {
	roots := m.RootDirs()
	var errs []error
	for i, r := range roots {
		if r != RulesDir && (!strings.HasPrefix(r, RulesDir+"/") || strings.Count(r, "/") != 1 || !fs.ValidPath(r)) {
			errs = append(errs, fmt.Errorf("%s: root %q is not %s or a directory directly under it", ManifestFile, r, RulesDir))
			continue
		}
		if slices.Contains(roots[:i], r) {
			errs = append(errs, fmt.Errorf("%s: root %q is listed twice", ManifestFile, r))
		}
		if r == RulesDir && len(roots) > 1 {
			errs = append(errs, fmt.Errorf("%s: root %q holds the others; list the directories under it", ManifestFile, r))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	for _, p := range slices.Sorted(maps.Keys(m.Files)) {
		if !strings.HasPrefix(p, RulesDir+"/") {
			continue
		}
		if rootOf(roots, p) == "" {
			errs = append(errs, fmt.Errorf("%s: %s is in no rule root (roots: %s)", ManifestFile, p, strings.Join(roots, ", ")))
		}
	}
	return errors.Join(errs...)
}

// rootOf is the root holding p, or "".
func rootOf(roots []string, p string) string {
	for _, r := range roots {
		if strings.HasPrefix(p, r+"/") {
			return r
		}
	}
	return ""
}

// validDataPath reports whether p may be listed: a clean relative path
// (no "..", no backslash, no empty element) that is the register or lies
// under one of the data directories.
func validDataPath(p string) bool {
	if !fs.ValidPath(p) || strings.Contains(p, `\`) || p == "." {
		return false
	}
	if p == RegisterFile || p == SnapshotFile {
		return true
	}
	for _, d := range []string{RulesDir, HolidaysDir, LayersDir, ConditionsDir} {
		if strings.HasPrefix(p, d+"/") {
			return true
		}
	}
	return false
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// encodeManifest is the manifest's bytes as Build writes them: indented,
// keys sorted, so the same files give the same bytes.
func encodeManifest(m Manifest) ([]byte, error) {
	raw, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(raw, '\n'), nil
}
