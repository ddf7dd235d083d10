package bundle

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"io/fs"
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// Bundle is a verified, loaded bundle: an engine ready to decide, with
// what it was built from.
type Bundle struct {
	// Version is the manifest's version, the bundle's revision: every
	// decision's receipt reports it (engine.Receipt.Bundle).
	Version string
	// Digest is the hex SHA-256 of the manifest, which pins every file.
	Digest string
	// KeyID names the key whose signature was verified ("" when none was
	// asked for).
	KeyID  string
	Engine *engine.Engine
	// Layers are the bundle's place layers, nil if it has none.
	Layers *place.Layers
	// LayerManifest is the manifest the layers were (or would be) loaded
	// by: the rule roots' layers.yaml together; empty when none has one.
	LayerManifest *place.Manifest
	// Roots are the rule directories, in loading order, for the hotline's
	// vocabulary (hotline.New).
	Roots []rules.Root
	// Manifest is bundle.json.
	Manifest Manifest

	raw, sig []byte
	files    fs.FS
}

// Option configures opening a bundle.
type Option func(*config)

type config struct {
	ctx      context.Context
	runCases bool
	keys     []ed25519.PublicKey
	lim      Limits
	rules    rules.Limits
	sha256   string
}

// WithCaseCheck also runs the rule files' test cases (*.cases.yaml) and
// refuses the bundle if any fails or leaves a rule or window edge
// uncovered: the strongest check that new rules behave before switching.
func WithCaseCheck() Option { return func(c *config) { c.runCases = true } }

// WithKeys requires bundle.sig to hold a valid signature of the manifest
// by one of keys; without this option a signature is not checked.
func WithKeys(keys ...ed25519.PublicKey) Option {
	return func(c *config) { c.keys = append(c.keys, keys...) }
}

// WithLimits bounds the reading (see Limits) and, with rl, the rule load.
func WithLimits(l Limits, rl rules.Limits) Option {
	return func(c *config) { c.lim, c.rules = l, rl }
}

// WithSHA256 requires a zipped bundle's bytes to have this SHA-256 (hex):
// the checksum an update was published with.
func WithSHA256(sum string) Option { return func(c *config) { c.sha256 = strings.TrimSpace(sum) } }

// WithContext bounds reading and loading by ctx.
func WithContext(ctx context.Context) Option { return func(c *config) { c.ctx = ctx } }

func configure(opts []Option) config {
	c := config{ctx: context.Background()}
	for _, o := range opts {
		o(&c)
	}
	c.lim = c.lim.withDefaults()
	return c
}

// ArchiveLimit is the largest zipped bundle opts let OpenZip read
// (WithLimits' MaxArchiveBytes, or its default): what a download may read
// before handing the bundle to OpenZip.
func ArchiveLimit(opts ...Option) int64 { return configure(opts).lim.MaxArchiveBytes }

// OpenZip verifies and loads a zipped bundle; name labels errors.
func OpenZip(data []byte, name string, opts ...Option) (*Bundle, error) {
	c := configure(opts)
	if c.sha256 != "" {
		if got := sha256Hex(data); !strings.EqualFold(got, c.sha256) {
			return nil, &Error{Source: name, Err: fmt.Errorf("checksum %s, want %s", got, c.sha256)}
		}
	}
	ct, err := readZip(data, c.lim)
	if err != nil {
		return nil, &Error{Source: name, Err: err}
	}
	return finish(ct, name, c)
}

// OpenFile verifies and loads a zipped bundle on disk (a regular file).
func OpenFile(path string, opts ...Option) (*Bundle, error) {
	c := configure(opts)
	data, err := readFile(path, c.lim)
	if err != nil {
		return nil, &Error{Source: path, Err: err}
	}
	return OpenZip(data, path, opts...)
}

// OpenDir verifies and loads a bundle unpacked in a directory, exactly as
// its zip would be: regular files only (a symlink is refused even if it
// points inside), each listed with its checksum.
func OpenDir(dir string, opts ...Option) (*Bundle, error) {
	c := configure(opts)
	ct, err := readDir(c.ctx, dir, c.lim)
	if err != nil {
		return nil, &Error{Source: dir, Err: err}
	}
	return finish(ct, dir, c)
}

// OpenFS is OpenDir for the bundle at the root of fsys.
func OpenFS(fsys fs.FS, name string, opts ...Option) (*Bundle, error) {
	c := configure(opts)
	ct, err := readTree(c.ctx, fsys, name, c.lim)
	if err != nil {
		return nil, &Error{Source: name, Err: err}
	}
	return finish(ct, name, c)
}

func finish(ct *contents, name string, c config) (*Bundle, error) {
	var keyID string
	if len(c.keys) > 0 {
		id, err := verifySignature(ct.raw, ct.sig, c.keys)
		if err != nil {
			return nil, &Error{Source: name, Err: err}
		}
		keyID = id
	}
	b, err := load(ct, c)
	if err != nil {
		return nil, &Error{Source: name, Err: err}
	}
	b.KeyID = keyID
	return b, nil
}

// load builds the engine from verified contents.
func load(ct *contents, c config) (*Bundle, error) {
	m := ct.manifest
	fsys := ct.files
	var roots []rules.Root
	for _, d := range m.RootDirs() {
		sub, err := fs.Sub(fsys, d)
		if err != nil {
			return nil, err
		}
		roots = append(roots, rules.Root{Name: d, FS: sub})
	}
	snap, err := readSnapshot(ct)
	if err != nil {
		return nil, err
	}
	if snap != nil {
		if err := checkSnapshot(c.ctx, roots, snap, ct, c.rules); err != nil {
			return nil, err
		}
		for i := range roots {
			roots[i].Decoded = snap.Roots[roots[i].Name]
		}
	}
	set, err := rules.LoadRoots(c.ctx, roots, c.rules)
	if err != nil {
		return nil, err
	}
	var calOpts []calendar.Option
	if hasDir(fsys, HolidaysDir) {
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
	// The register of documents in force is the bundle's own; a bundle
	// without one has an empty register (nothing is known of documents
	// the rules do not encode), never another county's.
	reg, err := register.New()
	switch data, ok := fsys[RegisterFile]; {
	case ok && snap != nil && snap.Register != nil:
		reg = snap.Register.Register
	case ok:
		reg, err = register.Parse(RegisterFile, data.Data)
	}
	if err != nil {
		return nil, err
	}
	var layersFS fs.FS
	if hasDir(fsys, LayersDir) {
		if layersFS, err = fs.Sub(fsys, LayersDir); err != nil {
			return nil, err
		}
	}
	var manifests map[string]*place.Manifest
	if snap != nil && snap.Format >= 2 {
		manifests = map[string]*place.Manifest{}
		for p, e := range snap.Layers {
			manifests[p] = e.Manifest
		}
	}
	layers, lm, err := loadLayers(c.ctx, roots, layersFS, LayersDir, manifests)
	if err != nil {
		return nil, err
	}
	engOpts := []engine.Option{engine.WithRegister(reg), engine.WithBundle(m.Version)}
	if layers != nil {
		engOpts = append(engOpts, engine.WithLayers(layers))
	}
	e, err := engine.New(set, cal, engOpts...)
	if err != nil {
		return nil, err
	}
	// The feed the bundle carries: the one its manifest names, bound to
	// the rules, or the bundle is refused.
	switch {
	case hasDir(fsys, ConditionsDir):
		f, err := readFeed(c.ctx, fsys)
		if err != nil {
			return nil, err
		}
		if m.Feed == nil || m.Feed.Digest != f.Digest() {
			return nil, fmt.Errorf("%s: the conditions feed is %s; the manifest names %v", ConditionsDir, f.Digest(), m.Feed)
		}
		if e, err = e.Refeed(f); err != nil {
			return nil, fmt.Errorf("%s: %w", ConditionsDir, err)
		}
	case m.Feed != nil:
		return nil, fmt.Errorf("%s names a conditions feed (%s) and the bundle has no %s/", ManifestFile, m.Feed.Digest, ConditionsDir)
	}
	if c.runCases {
		if err := runCases(c.ctx, roots, e, c.rules); err != nil {
			return nil, err
		}
	}
	return &Bundle{Version: m.Version, Digest: ct.digest(), Engine: e, Layers: layers, LayerManifest: lm, Roots: roots,
		Manifest: m, raw: ct.raw, sig: ct.sig, files: fsys}, nil
}

// LoadLayers loads the place layers of rule directories: each root's
// layers.yaml names its layers; a layer whose file the root holds comes
// from the root (a directory of notices from elsewhere brings its own
// layers), the others from dir (a bundle's layers/, a --layers
// directory), by its own layers.yaml or the roots'. It returns nil layers
// when there are none, and the manifest they were loaded by (without
// layers, the roots' manifests together).
func LoadLayers(ctx context.Context, roots []rules.Root, dir fs.FS, dirName string) (*place.Layers, *place.Manifest, error) {
	return loadLayers(ctx, roots, dir, dirName, nil)
}

// loadLayers is LoadLayers with the manifests decoded already (a bundle's
// snapshot), by path (ROOT/layers.yaml, DIRNAME/layers.yaml), when
// manifests is not nil: then no layers.yaml is read, and one without its
// entry is taken as absent (readSnapshot has checked there is none).
func loadLayers(ctx context.Context, roots []rules.Root, dir fs.FS, dirName string, manifests map[string]*place.Manifest) (*place.Layers, *place.Manifest, error) {
	var out *place.Layers
	var all, rest *place.Manifest
	for _, root := range roots {
		var m *place.Manifest
		var ok bool
		var err error
		if manifests != nil {
			m, ok = manifests[root.Name+"/"+place.ManifestFile]
			if ok {
				m = m.Clone()
			}
		} else if m, ok, err = place.ReadManifest(root.FS, place.ManifestFile); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", root.Name, err)
		}
		if !ok {
			continue
		}
		m.File = root.Name + "/" + place.ManifestFile
		own := &place.Manifest{File: m.File}
		others := &place.Manifest{File: m.File}
		for i := range m.Layers {
			m.Layers[i].Manifest = m.File
			l := m.Layers[i]
			if _, err := fs.Stat(root.FS, l.File); err == nil {
				own.Layers = append(own.Layers, l)
			} else {
				others.Layers = append(others.Layers, l)
			}
		}
		if all, err = all.With(m); err != nil {
			return nil, nil, err
		}
		if len(own.Layers) > 0 {
			l, err := place.LoadFS(root.FS, ".", place.WithManifest(own), place.WithLabel(root.Name), place.WithContext(ctx))
			if err != nil {
				return nil, nil, err
			}
			if out, err = out.With(l); err != nil {
				return nil, nil, err
			}
		}
		if len(others.Layers) > 0 {
			if rest, err = rest.With(others); err != nil {
				return nil, nil, err
			}
		}
	}
	if dir != nil {
		opts := []place.Option{place.WithDefaultManifest(rest), place.WithLabel(dirName), place.WithContext(ctx)}
		if m, ok := manifests[dirName+"/"+place.ManifestFile]; ok {
			opts = append(opts, place.WithManifest(m.Clone()))
		}
		l, err := place.LoadFS(dir, ".", opts...)
		if err != nil {
			return nil, nil, err
		}
		if out, err = out.With(l); err != nil {
			return nil, nil, err
		}
	}
	if out != nil {
		return out, out.Manifest(), nil
	}
	if all == nil {
		all = &place.Manifest{}
	}
	return out, all, nil
}

func hasDir(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && st.IsDir()
}

// Files is the bundle's verified files, the manifest and signature among
// them: what Store keeps and Write rewrites.
func (b *Bundle) Files() fs.FS { return b.files }

// Zip is the bundle as a zip: the manifest and signature as verified and
// every file, in the order Build writes them (so a bundle opened from
// Build's output gives the same bytes back).
func (b *Bundle) Zip() ([]byte, error) { return writeZip(b.raw, b.sig, b.files, b.Manifest) }

// ReadManifestOnly is for tools: the manifest of a zipped bundle file,
// verified like OpenFile does but without loading the rules.
func ReadManifestOnly(path string) (Manifest, string, error) {
	data, err := readFile(path, Limits{})
	if err != nil {
		return Manifest{}, "", &Error{Source: path, Err: err}
	}
	ct, err := readZip(data, Limits{})
	if err != nil {
		return Manifest{}, "", &Error{Source: path, Err: err}
	}
	return ct.manifest, ct.digest(), nil
}
