package place

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"github.com/tidwall/rtree"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/internal/fsread"
)

// Source describes one layer, for the receipt of an answer.
type Source struct {
	Layer string // the layer's name in the manifest, e.g. "forest"
	Path  string // the file as loaded, e.g. "testdata/synthetic/forest.geojson"
	// Absent is set when the file is not there: the layer's facts are
	// unknown.
	Absent    bool
	Features  int
	Parts     int  // polygons, lines or points after splitting Multi* geometries
	Synthetic bool // a feature or the collection has "synthetic": true
}

// String is a one-line description, e.g.
// "forest: testdata/synthetic/forest.geojson, 300 features, 340 polygons (synthetic)".
func (s Source) String() string {
	if s.Absent {
		return fmt.Sprintf("%s: %s absent (facts unknown)", s.Layer, s.Path)
	}
	str := fmt.Sprintf("%s: %s, %d features, %d parts", s.Layer, s.Path, s.Features, s.Parts)
	if s.Synthetic {
		str += " (synthetic)"
	}
	return str
}

// feature is what answers need of one GeoJSON feature.
type feature struct {
	id    string // as in messages: quoted if a string, e.g. "F1", 17, #3
	rawID string // as in facts: F1, 17, #3
}

// layer is one loaded layer: its parts and an R-tree over their bounding
// boxes. It is never modified after load.
type layer struct {
	spec     LayerSpec
	src      Source
	label    string // src.Path, plus " (synthetic)" when synthetic
	features []feature
	polys    []polygon // every part: a polygon, a line (open ring) or a point
	index    rtree.RTreeGN[float64, int32]
	grid     grid // the far-away search of a layer that gives distances
	bound    box
	// distance: the layer gives a distance, so its property facts come
	// from the nearest feature outside the containing ones.
	distance bool
	// rank[i] orders feature i by the precedence of its value (0 first);
	// values[y][i] is yield y's value for feature i; codes[i] its division.
	rank   []int32
	values [][]string
	codes  []division.Code
}

// Layers is a set of loaded place layers, as a manifest lists them. A
// layer whose file is absent is there too, and the facts it would give
// are unknown. Layers is immutable after loading and safe for concurrent
// use.
type Layers struct {
	manifest *Manifest
	layers   []*layer
	// yields counts the facts of all layers: the length of Facts.Values.
	yields int
}

// Option configures loading.
type Option func(*loadConfig)

type loadConfig struct {
	label       string
	ctx         context.Context
	limits      fsread.Limits
	manifest    *Manifest
	defManifest *Manifest
}

// Limits on layer files: a county's 林地 layer is tens of megabytes, and
// loading takes about four times a file's size in memory.
const (
	DefaultMaxFileBytes  = 256 << 20 // 256 MiB
	DefaultMaxTotalBytes = 512 << 20 // 512 MiB
)

// WithContext stops loading when ctx is done (between files, and every
// thousand features).
func WithContext(ctx context.Context) Option { return func(c *loadConfig) { c.ctx = ctx } }

// WithLimits bounds the bytes of one layer file and of all of them
// (defaults DefaultMaxFileBytes, DefaultMaxTotalBytes).
func WithLimits(perFile, total int64) Option {
	return func(c *loadConfig) { c.limits.MaxFileBytes, c.limits.MaxTotalBytes = perFile, total }
}

// WithLabel names the directory in errors and sources (by default the
// directory as given, or nothing for LoadFS's ".").
func WithLabel(name string) Option { return func(c *loadConfig) { c.label = name } }

// WithManifest loads the layers m lists, whatever the directory holds.
func WithManifest(m *Manifest) Option { return func(c *loadConfig) { c.manifest = m } }

// WithDefaultManifest loads the layers m lists unless the directory has
// its own layers.yaml: a rule base's manifest, for a directory of layer
// files exported for it.
func WithDefaultManifest(m *Manifest) Option { return func(c *loadConfig) { c.defManifest = m } }

func config(opts []Option) loadConfig {
	c := loadConfig{ctx: context.Background(), limits: fsread.Limits{MaxFileBytes: DefaultMaxFileBytes, MaxTotalBytes: DefaultMaxTotalBytes}}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// LoadDir loads the layers of the directory dir that its manifest lists:
// dir/layers.yaml, or the one given with WithManifest or
// WithDefaultManifest. A listed file that is absent leaves its facts
// unknown; one that is present but unreadable or invalid is an error
// naming the file, feature and position, and so is a dir that does not
// exist or is not a directory (a mistyped path must not pass for "no
// layers"). Files are read as fsread reads them: regular files only,
// nothing outside dir, within the limits.
func LoadDir(dir string, opts ...Option) (*Layers, error) {
	if st, err := os.Stat(dir); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is in the message already
		}
		return nil, fmt.Errorf("place: layers directory %s: %w", dir, err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("place: layers directory %s: not a directory", dir)
	}
	c := config(opts)
	name := dir
	if c.label != "" {
		name = c.label
	}
	return load(fsread.Dir(dir), ".", name, c)
}

// LoadFS is LoadDir for the directory dir of fsys (use "." for its root),
// e.g. an embed.FS or a bundle holding the layers.
func LoadFS(fsys fs.FS, dir string, opts ...Option) (*Layers, error) {
	if st, err := fs.Stat(fsys, dir); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("place: layers directory %s: %w", dir, err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("place: layers directory %s: not a directory", dir)
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("place: layers directory %s: %w", dir, err)
	}
	c := config(opts)
	name := dir
	switch {
	case c.label != "":
		name = c.label
	case dir == ".":
		name = ""
	}
	return load(sub, ".", name, c)
}

// ReadManifest reads the layer manifest name of fsys; ok is false when
// there is none.
func ReadManifest(fsys fs.FS, name string) (m *Manifest, ok bool, err error) {
	r := fsread.New(context.Background(), fsys, "", fsread.Limits{MaxFileBytes: maxManifestBytes})
	if exists, err := r.Exists(name); err != nil || !exists {
		return nil, false, err
	}
	data, err := r.ReadFile(name)
	if err != nil {
		return nil, false, err
	}
	m, err = ParseManifest(data, name)
	return m, err == nil, err
}

func load(fsys fs.FS, dir, name string, c loadConfig) (*Layers, error) {
	r := fsread.New(c.ctx, fsys, name, c.limits)
	m := c.manifest
	if m == nil {
		// The manifest is read within its own limit, not the layers'.
		mr := fsread.New(c.ctx, fsys, name, fsread.Limits{MaxFileBytes: maxManifestBytes})
		mf := path.Join(dir, ManifestFile)
		exists, err := mr.Exists(mf)
		if err != nil {
			return nil, fmt.Errorf("place: %w", err)
		}
		switch {
		case exists:
			data, err := mr.ReadFile(mf)
			if err != nil {
				return nil, fmt.Errorf("place: %w", err)
			}
			if m, err = ParseManifest(data, mr.Path(mf)); err != nil {
				return nil, fmt.Errorf("place: %w", err)
			}
		case c.defManifest != nil:
			m = c.defManifest
		default:
			where := name
			if where == "" {
				where = "the layer directory"
			}
			return nil, fmt.Errorf("place: %s has no %s saying which layers to load", where, ManifestFile)
		}
	}
	l := &Layers{manifest: m}
	for _, spec := range m.Layers {
		file := path.Join(dir, spec.File)
		exists, err := r.Exists(file)
		if err != nil {
			return nil, fmt.Errorf("place: %w", err)
		}
		if !exists {
			l.add(&layer{spec: spec, src: Source{Layer: spec.Name, Path: r.Path(file), Absent: true}})
			continue
		}
		data, err := r.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("place: %w", err)
		}
		ly, err := parseLayer(c.ctx, spec, r.Path(file), data)
		if err != nil {
			return nil, err
		}
		l.add(ly)
	}
	return l, nil
}

func (l *Layers) add(ly *layer) {
	l.layers = append(l.layers, ly)
	l.yields += len(ly.spec.Facts)
}

// ParseLayer parses one layer from GeoJSON, as spec describes it. path
// names the data in errors and in facts' sources. It is for callers that
// keep layers elsewhere than in files, and for tests; see Layers.With.
func ParseLayer(spec LayerSpec, path string, data []byte) (*Layers, error) {
	ly, err := parseLayer(context.Background(), spec, path, data)
	if err != nil {
		return nil, err
	}
	l := &Layers{manifest: &Manifest{File: path, Layers: []LayerSpec{spec}}}
	l.add(ly)
	return l, nil
}

// With returns the layers of l and o together, l's first: several rule
// directories each bring theirs. Two layers giving the same fact, or of
// the same name, are an error naming both.
func (l *Layers) With(o *Layers) (*Layers, error) {
	n := &Layers{manifest: &Manifest{}}
	for _, x := range []*Layers{l, o} {
		if x == nil {
			continue
		}
		if n.manifest.File == "" {
			n.manifest.File = x.manifest.File
		}
		for _, ly := range x.layers {
			for _, prev := range n.layers {
				if prev.spec.Name == ly.spec.Name {
					return nil, fmt.Errorf("place: layer %q of %s is also in %s", ly.spec.Name, ly.src.Path, prev.src.Path)
				}
				for _, y := range ly.spec.Facts {
					if slices.ContainsFunc(prev.spec.Facts, func(p YieldSpec) bool { return p.Fact == y.Fact }) {
						return nil, fmt.Errorf("place: %s and %s both give the fact %s", prev.src.Path, ly.src.Path, y.Fact)
					}
				}
			}
			n.manifest.Layers = append(n.manifest.Layers, ly.spec)
			n.add(ly)
		}
	}
	return n, nil
}

// PropertyValues lists the values the features of the layers hold for
// fact, a property fact (after the manifest's value mapping), each once.
func (l *Layers) PropertyValues(fact string) []string {
	if l == nil {
		return nil
	}
	var out []string
	for _, ly := range l.layers {
		for y, ys := range ly.spec.Facts {
			// An absent layer (its file not given) holds no values.
			if ys.Fact != fact || ys.From != Property || y >= len(ly.values) {
				continue
			}
			for _, v := range ly.values[y] {
				if v != "" && !slices.Contains(out, v) {
					out = append(out, v)
				}
			}
		}
	}
	return out
}

// Manifest is the manifest the layers were loaded by.
func (l *Layers) Manifest() *Manifest {
	if l == nil {
		return &Manifest{}
	}
	return l.manifest
}

// Sources lists the layers, absent ones included, in manifest order.
func (l *Layers) Sources() []Source {
	if l == nil {
		return nil
	}
	out := make([]Source, len(l.layers))
	for i, ly := range l.layers {
		out[i] = ly.src
	}
	return out
}

// Describe is a multi-line description of the layers and the facts each
// gives, for a receipt or the command line.
func (l *Layers) Describe() string {
	if l == nil {
		return "no layers\n"
	}
	var b strings.Builder
	for _, ly := range l.layers {
		var gives []string
		for _, y := range ly.spec.Facts {
			gives = append(gives, y.Fact)
		}
		if ly.spec.Division != "" {
			gives = append(gives, "the division ("+ly.spec.Division+")")
		}
		fmt.Fprintf(&b, "%s → %s\n", ly.src, strings.Join(gives, ", "))
	}
	return b.String()
}

// maxLoadErrors bounds the errors reported for one file: a broken layer
// usually breaks the same way thousands of times.
const maxLoadErrors = 10

func parseLayer(ctx context.Context, spec LayerSpec, label string, data []byte) (*layer, error) {
	d, err := decodeDoc(ctx, data)
	if err != nil {
		return nil, fmt.Errorf("place: %w", decodeError(label, data, err))
	}
	var errs []error
	for _, fd := range checkDoc(d) {
		errs = append(errs, fmt.Errorf("place: %s: %s: %s", label, fd.kind, fd.text))
	}
	for _, f := range d.features {
		for _, fd := range checkFeature(&spec, f, data) {
			if !fd.warning && len(errs) < maxLoadErrors {
				errs = append(errs, fmt.Errorf("place: %s: feature %s: %s: %s", label, f.id, fd.kind, fd.text))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return buildLayer(spec, label, d)
}

// buildLayer turns a checked document into a layer and its index.
func buildLayer(spec LayerSpec, label string, d *doc) (*layer, error) {
	ly := &layer{spec: spec, src: Source{Layer: spec.Name, Path: label, Features: len(d.features), Synthetic: d.synthetic},
		features: make([]feature, 0, len(d.features)), bound: emptyBox(), rank: make([]int32, 0, len(d.features)),
		values: make([][]string, len(spec.Facts))}
	// Lines and points are only ever near a point: their facts are of
	// the nearest feature, at a distance.
	ly.distance = spec.Geometry != Polygons
	for _, y := range spec.Facts {
		if y.From == Distance {
			ly.distance = true
		}
	}
	// Count rings and chunk boxes first so they come from two allocations.
	nParts, nRings, nBoxes := 0, 0, 0
	for _, f := range d.features {
		nParts += len(f.polys) + len(f.lines) + len(f.points)
		nRings += len(f.lines) + len(f.points)
		for _, poly := range f.polys {
			nRings += len(poly)
			for _, r := range poly {
				nBoxes += numChunks(len(r))
			}
		}
		for _, line := range f.lines {
			nBoxes += numChunks(len(line))
		}
		nBoxes += len(f.points)
	}
	if nParts > math.MaxInt32 {
		return nil, fmt.Errorf("place: %s: too many parts (%d)", label, nParts)
	}
	ringArena, boxArena := make([]ring, nRings), make([]box, nBoxes)
	ly.polys = make([]polygon, 0, nParts)
	for _, f := range d.features {
		fi := int32(len(ly.features))
		ly.features = append(ly.features, feature{id: f.id, rawID: f.rawID})
		rank := int32(0)
		for y := range spec.Facts {
			ys := &spec.Facts[y]
			v := ""
			if ys.From == Property {
				if raw, ok := f.props[ys.Property].(string); ok {
					v, _ = ys.value(raw) // checked: known
				}
				if len(ys.Precedence) > 0 {
					if k := slices.Index(ys.Precedence, v); k >= 0 {
						rank = int32(k)
					} else {
						rank = int32(len(ys.Precedence))
					}
				}
			}
			ly.values[y] = append(ly.values[y], v)
		}
		ly.rank = append(ly.rank, rank)
		if spec.Division != "" {
			c, _ := division.Parse(codeString(f.props[spec.Division])) // checked: valid
			ly.codes = append(ly.codes, c)
		}
		for _, poly := range f.polys {
			ly.polys = append(ly.polys, newPolygon(poly, true, fi, &ringArena, &boxArena))
		}
		for _, line := range f.lines {
			ly.polys = append(ly.polys, newPolygon([]orb.Ring{orb.Ring(line)}, false, fi, &ringArena, &boxArena))
		}
		for _, pt := range f.points {
			ly.polys = append(ly.polys, newPolygon([]orb.Ring{{pt, pt}}, false, fi, &ringArena, &boxArena))
		}
	}
	for i := range ly.polys {
		b := ly.polys[i].bound
		ly.index.Insert([2]float64{b.minLon, b.minLat}, [2]float64{b.maxLon, b.maxLat}, int32(i))
		ly.bound.union(b)
	}
	if ly.distance {
		ly.grid = newGrid(ly.polys, ly.bound)
	}
	ly.src.Parts = len(ly.polys)
	ly.label = label
	if ly.src.Synthetic {
		ly.label += " (synthetic)"
	}
	return ly, nil
}
