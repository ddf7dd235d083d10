package patrol

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tonggao/tonggao/bundle"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/place"
)

// A bundle is a directory (or a zip file of one) holding everything the
// engine needs offline; its layout, verification and limits are package
// bundle's (docs/patrol.md, docs/operations.md): the service pulls the
// same artefact over HTTP.
const (
	ManifestFile = bundle.ManifestFile
	RulesDir     = bundle.RulesDir
	HolidaysDir  = bundle.HolidaysDir
	LayersDir    = bundle.LayersDir
)

// Manifest is bundle.json.
type Manifest = bundle.Manifest

// Bundle is a loaded, validated bundle: an engine ready to decide.
type Bundle struct {
	// Version is the manifest's version; decision receipts carry it.
	Version string
	// Digest is the SHA-256 of the manifest, which pins every file.
	Digest string
	Engine *engine.Engine
	// Layers are the bundle's place layers, nil if it has none.
	Layers *place.Layers
	// Feed is the conditions feed the bundle carries (its manifest's
	// word: digest, issue, rows), nil if none: the engine answers from it.
	Feed *bundle.FeedInfo
	// placeFacts are the facts the layers' manifest names (Year's
	// conditions on where); the embedded bundle reads its manifest on
	// first use, so that opening it parses no YAML (docs/speed.md).
	placeFacts func() ([]string, error)
}

// BundleError is a bundle that failed validation. The app keeps the bundle
// it has.
type BundleError = bundle.Error

// BundleOption configures OpenBundle.
type BundleOption = bundle.Option

// WithCaseCheck also runs the rule files' test cases (*.cases.yaml) and
// rejects the bundle if any fails or leaves a rule or window edge
// uncovered: the strongest check that new rules behave before an app
// switches to them.
func WithCaseCheck() BundleOption { return bundle.WithCaseCheck() }

// OpenBundle validates and loads the bundle at the root of fsys.
func OpenBundle(fsys fs.FS, opts ...BundleOption) (*Bundle, error) {
	return of(bundle.OpenFS(fsys, "fs", opts...))
}

// OpenBundleDir is OpenBundle for a directory: regular files only (a
// symlink in it is refused, as its zip would be), each listed with its
// checksum.
func OpenBundleDir(dir string, opts ...BundleOption) (*Bundle, error) {
	return of(bundle.OpenDir(dir, opts...))
}

// OpenBundleFile validates and loads a zipped bundle. If wantSHA256 is not
// empty, the file's SHA-256 (hex) must equal it: the checksum the update
// was published with.
func OpenBundleFile(file, wantSHA256 string, opts ...BundleOption) (*Bundle, error) {
	return of(bundle.OpenFile(file, append(opts, bundle.WithSHA256(wantSHA256))...))
}

// OpenBundleZip is OpenBundleFile for a zip already in memory (a WebView
// download, say); name labels errors.
func OpenBundleZip(data []byte, wantSHA256, name string, opts ...BundleOption) (*Bundle, error) {
	return of(bundle.OpenZip(data, name, append(opts, bundle.WithSHA256(wantSHA256))...))
}

// FromBundle is the patrol view of a bundle the service loaded.
func FromBundle(b *bundle.Bundle) *Bundle {
	return &Bundle{Version: b.Version, Digest: b.Digest, Engine: b.Engine, Layers: b.Layers, Feed: b.Manifest.Feed, placeFacts: known(manifestFacts(b.LayerManifest))}
}

// known is placeFacts for facts already read.
func known(facts []string) func() ([]string, error) {
	return func() ([]string, error) { return facts, nil }
}

func of(b *bundle.Bundle, err error) (*Bundle, error) {
	if err != nil {
		return nil, err
	}
	return FromBundle(b), nil
}

// manifestFacts lists a manifest's facts; none for no manifest.
func manifestFacts(m *place.Manifest) []string {
	if m == nil {
		return nil
	}
	return m.Facts()
}

// MakeManifest computes the manifest of the data files at the root of fsys.
func MakeManifest(fsys fs.FS, version string) (Manifest, error) {
	return bundle.MakeManifest(fsys, version)
}

// WriteBundleZip writes the data files at the root of src, with a fresh
// manifest, as a zipped bundle. The bytes depend only on the files and the
// version (no timestamps), so the same data gives the same checksum.
func WriteBundleZip(w io.Writer, src fs.FS, version string) error {
	_, err := bundle.WriteZip(w, src, version)
	return err
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
	data, err := bundle.ReadFile(newFile, bundle.Limits{})
	if err != nil {
		return nil, err
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
// "embedded-" and the first 12 hex digits of the rule-set digest. opts
// configure its engine (engine.PlanOnDemand for an app that must start
// fast).
func EmbeddedBundle(layers *place.Layers, opts ...engine.Option) (*Bundle, error) {
	opts = opts[:len(opts):len(opts)]
	if layers != nil {
		opts = append(opts, engine.WithLayers(layers))
	}
	e, err := engine.Embedded(opts...)
	if err != nil {
		return nil, err
	}
	digest := strings.TrimPrefix(e.Rules().Digest, "sha256:")
	v := "embedded-" + digest[:min(12, len(digest))]
	placeFacts := known(manifestFacts(layers.Manifest()))
	if layers == nil {
		placeFacts = embeddedPlaceFacts()
	}
	return &Bundle{Version: v, Digest: e.Rules().Digest, Engine: e, Layers: layers, placeFacts: placeFacts}, nil
}
