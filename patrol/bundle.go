package patrol

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/ruletest"
)

// A bundle is a directory (or a zip file of one) holding everything the
// engine needs offline:
//
//	bundle.json        the manifest: version and the SHA-256 of every file
//	rules/facts.yaml   the rule base (rules.Load layout; *.cases.yaml optional)
//	rules/notices/…
//	holidays/YYYY.json holiday-cn files (optional: the embedded ones otherwise)
//	layers/*.geojson   place layers (optional: no point queries otherwise)
//
// Every file under rules/, holidays/ and layers/ must be listed in the
// manifest with its checksum, so a half-copied or tampered bundle fails
// validation instead of deciding with part of its data.
const (
	ManifestFile = "bundle.json"
	RulesDir     = "rules"
	HolidaysDir  = "holidays"
	LayersDir    = "layers"
)

// Manifest is bundle.json.
type Manifest struct {
	// Version names the bundle, e.g. "2025-07-01.1"; decision receipts
	// carry it.
	Version string `json:"version"`
	// Files maps slash-separated paths to lowercase hex SHA-256.
	Files map[string]string `json:"files"`
}

// Bundle is a loaded, validated bundle: an engine ready to decide.
type Bundle struct {
	// Version is the manifest's version.
	Version string
	// Digest is the SHA-256 of the manifest, which pins every file.
	Digest string
	Engine *engine.Engine
	// Layers are the bundle's place layers, nil if it has none.
	Layers *place.Layers
	// placeFacts are the facts the layers' manifest names.
	placeFacts []string
}

// BundleError is a bundle that failed validation. The app keeps the bundle
// it has.
type BundleError struct {
	Source string
	Err    error
}

func (e *BundleError) Error() string { return "patrol: bundle " + e.Source + ": " + e.Err.Error() }
func (e *BundleError) Unwrap() error { return e.Err }

// BundleOption configures OpenBundle.
type BundleOption func(*bundleConfig)

type bundleConfig struct {
	runCases bool
}

// WithCaseCheck also runs the rule files' test cases (*.cases.yaml) and
// rejects the bundle if any fails or leaves a rule or window edge
// uncovered: the strongest check that new rules behave before an app
// switches to them.
func WithCaseCheck() BundleOption { return func(c *bundleConfig) { c.runCases = true } }

// OpenBundle validates and loads the bundle at the root of fsys.
func OpenBundle(fsys fs.FS, opts ...BundleOption) (*Bundle, error) {
	return openBundle(fsys, "fs", opts)
}

// OpenBundleDir is OpenBundle for a directory.
func OpenBundleDir(dir string, opts ...BundleOption) (*Bundle, error) {
	return openBundle(os.DirFS(dir), dir, opts)
}

// OpenBundleFile validates and loads a zipped bundle. If wantSHA256 is not
// empty, the file's SHA-256 (hex) must equal it: the checksum the update
// was published with.
func OpenBundleFile(file, wantSHA256 string, opts ...BundleOption) (*Bundle, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, &BundleError{Source: file, Err: err}
	}
	return OpenBundleZip(data, wantSHA256, file, opts...)
}

// OpenBundleZip is OpenBundleFile for a zip already in memory (a WebView
// download, say); name labels errors.
func OpenBundleZip(data []byte, wantSHA256, name string, opts ...BundleOption) (*Bundle, error) {
	if wantSHA256 != "" {
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); !strings.EqualFold(got, strings.TrimSpace(wantSHA256)) {
			return nil, &BundleError{Source: name, Err: fmt.Errorf("checksum %s, want %s", got, wantSHA256)}
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &BundleError{Source: name, Err: err}
	}
	return openBundle(zr, name, opts)
}

func openBundle(fsys fs.FS, name string, opts []BundleOption) (*Bundle, error) {
	var cfg bundleConfig
	for _, o := range opts {
		o(&cfg)
	}
	b, err := loadBundle(fsys, cfg)
	if err != nil {
		return nil, &BundleError{Source: name, Err: err}
	}
	return b, nil
}

func loadBundle(fsys fs.FS, cfg bundleConfig) (*Bundle, error) {
	raw, err := fs.ReadFile(fsys, ManifestFile)
	if err != nil {
		return nil, err
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestFile, err)
	}
	if strings.TrimSpace(m.Version) == "" {
		return nil, fmt.Errorf("%s: no version", ManifestFile)
	}
	if err := verify(fsys, m); err != nil {
		return nil, err
	}
	rfs, err := fs.Sub(fsys, RulesDir)
	if err != nil {
		return nil, err
	}
	set, err := rules.Load(rfs)
	if err != nil {
		return nil, err
	}
	var calOpts []calendar.Option
	if exists(fsys, HolidaysDir) {
		hfs, err := fs.Sub(fsys, HolidaysDir)
		if err != nil {
			return nil, err
		}
		calOpts = append(calOpts, calendar.WithHolidayFS(hfs))
	}
	cal, err := calendar.New(calOpts...)
	if err != nil {
		return nil, err
	}
	reg, err := register.Embedded()
	if err != nil {
		return nil, err
	}
	engOpts := []engine.Option{engine.WithRegister(reg), engine.WithBundle(m.Version)}
	// The layers directory holds the files the rules' manifest lists
	// (rules/layers.yaml), unless it brings a manifest of its own.
	manifest, _, err := place.ReadManifest(rfs, place.ManifestFile)
	if err != nil {
		return nil, err
	}
	var layers *place.Layers
	if exists(fsys, LayersDir) {
		if layers, err = place.LoadFS(fsys, LayersDir, place.WithDefaultManifest(manifest)); err != nil {
			return nil, err
		}
		engOpts = append(engOpts, engine.WithLayers(layers))
		manifest = layers.Manifest()
	}
	e, err := engine.New(set, cal, engOpts...)
	if err != nil {
		return nil, err
	}
	if cfg.runCases {
		cases, err := rules.LoadCases(rfs)
		if err != nil {
			return nil, err
		}
		if rep := ruletest.Run(e, cases); !rep.OK() {
			return nil, fmt.Errorf("rule cases: %d passed, %d failed or coverage incomplete", rep.Passed, rep.Failed)
		}
	}
	sum := sha256.Sum256(raw)
	return &Bundle{Version: m.Version, Digest: hex.EncodeToString(sum[:]), Engine: e, Layers: layers, placeFacts: manifestFacts(manifest)}, nil
}

// manifestFacts lists a manifest's facts; none for no manifest.
func manifestFacts(m *place.Manifest) []string {
	if m == nil {
		return nil
	}
	return m.Facts()
}

// verify checks every listed file's checksum and that no data file is
// unlisted.
func verify(fsys fs.FS, m Manifest) error {
	var errs []error
	for _, p := range sortedKeys(m.Files) {
		if !fs.ValidPath(p) || !isDataPath(p) {
			errs = append(errs, fmt.Errorf("%s: listed path %q is not under %s/, %s/ or %s/", ManifestFile, p, RulesDir, HolidaysDir, LayersDir))
			continue
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != strings.ToLower(m.Files[p]) {
			errs = append(errs, fmt.Errorf("%s: checksum %s, manifest says %s", p, got, m.Files[p]))
		}
	}
	present, err := dataFiles(fsys)
	if err != nil {
		return err
	}
	for _, p := range present {
		if _, ok := m.Files[p]; !ok {
			errs = append(errs, fmt.Errorf("%s: not in %s", p, ManifestFile))
		}
	}
	if !slices.Contains(present, path.Join(RulesDir, rules.FactsFile)) {
		errs = append(errs, fmt.Errorf("no %s/%s", RulesDir, rules.FactsFile))
	}
	return errors.Join(errs...)
}

func isDataPath(p string) bool {
	for _, d := range []string{RulesDir, HolidaysDir, LayersDir} {
		if strings.HasPrefix(p, d+"/") {
			return true
		}
	}
	return false
}

func exists(fsys fs.FS, p string) bool {
	st, err := fs.Stat(fsys, p)
	return err == nil && st.IsDir()
}

// dataFiles lists the regular files under the data directories, sorted.
func dataFiles(fsys fs.FS) ([]string, error) {
	var out []string
	for _, d := range []string{RulesDir, HolidaysDir, LayersDir} {
		if !exists(fsys, d) {
			continue
		}
		err := fs.WalkDir(fsys, d, func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if de.Type().IsRegular() {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// MakeManifest computes the manifest of the data files at the root of fsys.
func MakeManifest(fsys fs.FS, version string) (Manifest, error) {
	if strings.TrimSpace(version) == "" {
		return Manifest{}, errors.New("patrol: a bundle needs a version")
	}
	files, err := dataFiles(fsys)
	if err != nil {
		return Manifest{}, err
	}
	m := Manifest{Version: version, Files: map[string]string{}}
	for _, p := range files {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return Manifest{}, err
		}
		sum := sha256.Sum256(data)
		m.Files[p] = hex.EncodeToString(sum[:])
	}
	return m, nil
}

// WriteBundleZip writes the data files at the root of src, with a fresh
// manifest, as a zipped bundle. The bytes depend only on the files and the
// version (no timestamps), so the same data gives the same checksum.
func WriteBundleZip(w io.Writer, src fs.FS, version string) error {
	m, err := MakeManifest(src, version)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	add := func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	raw, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := add(ManifestFile, append(raw, '\n')); err != nil {
		return err
	}
	for _, p := range sortedKeys(m.Files) {
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		if err := add(p, data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Names of the installed bundles in an app's bundle directory.
const (
	CurrentBundle  = "current.zip"
	PreviousBundle = "previous.zip"
)

// Install validates the zipped bundle newFile (against wantSHA256 if given)
// and only then makes it dir's current bundle, keeping the one it replaces
// as the previous bundle. The switch is a rename, so a crash leaves either
// the old or the new bundle current, never a mix. If validation fails,
// nothing in dir changes and the error says why. Run one Install at a time
// per directory (the app's updater).
func Install(dir, newFile, wantSHA256 string, opts ...BundleOption) (*Bundle, error) {
	data, err := os.ReadFile(newFile)
	if err != nil {
		return nil, &BundleError{Source: newFile, Err: err}
	}
	b, err := OpenBundleZip(data, wantSHA256, newFile, opts...)
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, ".incoming-*.zip")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	cur := filepath.Join(dir, CurrentBundle)
	if _, err := os.Stat(cur); err == nil {
		if err := os.Rename(cur, filepath.Join(dir, PreviousBundle)); err != nil {
			return nil, err
		}
	}
	if err := os.Rename(tmp.Name(), cur); err != nil {
		return nil, err
	}
	return b, nil
}

// OpenInstalled opens dir's current bundle or, if it fails validation, the
// previous one. fellBack reports that the previous bundle is in use; err
// joins both failures when neither opens.
func OpenInstalled(dir string, opts ...BundleOption) (b *Bundle, fellBack bool, err error) {
	b, err1 := OpenBundleFile(filepath.Join(dir, CurrentBundle), "", opts...)
	if err1 == nil {
		return b, false, nil
	}
	b, err2 := OpenBundleFile(filepath.Join(dir, PreviousBundle), "", opts...)
	if err2 == nil {
		return b, true, nil
	}
	return nil, false, errors.Join(err1, err2)
}

// EmbeddedBundle is the bundle built into the library: the embedded rule
// base and holiday data, no layers, unless layers are given. Its version is
// "embedded-" and the first 12 hex digits of the rule-set digest.
func EmbeddedBundle(layers *place.Layers) (*Bundle, error) {
	var opts []engine.Option
	if layers != nil {
		opts = append(opts, engine.WithLayers(layers))
	}
	e, err := engine.Embedded(opts...)
	if err != nil {
		return nil, err
	}
	digest := strings.TrimPrefix(e.Rules().Digest, "sha256:")
	v := "embedded-" + digest[:min(12, len(digest))]
	manifest := layers.Manifest()
	if layers == nil {
		if manifest, _, err = place.ReadManifest(rules.EmbeddedFS(), place.ManifestFile); err != nil {
			return nil, err
		}
	}
	return &Bundle{Version: v, Digest: e.Rules().Digest, Engine: e, Layers: layers, placeFacts: manifestFacts(manifest)}, nil
}
