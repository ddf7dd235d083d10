package place

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ManifestFile names a rule directory's layer manifest.
const ManifestFile = "layers.yaml"

// Manifest says which GeoJSON files a rule directory's place facts come
// from, what their features are, and which fact each gives a point. No
// layer file or fact name is known to Go code: the manifest names them all.
type Manifest struct {
	// File names the manifest in errors, e.g. "rules/layers.yaml".
	File   string
	Layers []LayerSpec
}

// Geometry is what a layer's features are.
type Geometry string

// Geometries.
const (
	Polygons Geometry = "polygon" // areas: forest land, towns, zones (Polygon, MultiPolygon)
	Lines    Geometry = "line"    // rivers, roads (LineString, MultiLineString)
	Points   Geometry = "point"   // sites: exam halls, markets (Point, MultiPoint)
)

// From is how a fact is read from a layer.
type From string

// Ways to read a fact.
const (
	// Inside: a bool, true inside a feature (polygons only).
	Inside From = "inside"
	// Distance: a number of metres to the nearest feature, 0 inside one.
	Distance From = "distance"
	// Property: an enum, a feature property's value — of the feature
	// containing the point, or of the nearest one when the layer also
	// gives a distance (or is made of lines or points).
	Property From = "property"
)

// LayerSpec is one layer of a manifest.
type LayerSpec struct {
	// Name names the layer in sources and messages; by default the file
	// name without .geojson.
	Name string
	// File is the GeoJSON file, relative to the layer directory.
	File     string
	Geometry Geometry
	// About says what the layer is, for people ("林地（林地一张图）").
	About string
	// Facts are the facts a point gets from the layer.
	Facts []YieldSpec
	// Division, if set, is the feature property holding a GB/T 2260
	// division code: a point inside the feature is in that division, which
	// decides the notices that apply there (polygons only).
	Division string
	// Label, if set, is the feature property that names a feature (a
	// town's name), for messages and checks.
	Label string
	// Manifest and Line say where the layer is written, for messages.
	Manifest string
	Line     int
}

// YieldSpec is one fact a layer gives.
type YieldSpec struct {
	Fact string
	From From
	// Property is the feature property read (From = Property).
	Property string
	// Values maps each value of the fact to the property values that
	// mean it, beside the value itself: key ← 重点, 重点森林防火区. A
	// property value mapped to none is a load error. Without Values any
	// value is taken as it is.
	Values map[string][]string
	// Precedence orders the fact's values: where features overlap, the
	// containing feature with the earliest value in it wins (key before
	// general: the stricter reading). The layer's other facts come from
	// the same feature.
	Precedence []string
	Line       int
}

// ManifestFileSpec is layers.yaml as written, every key with its YAML name;
// package schema generates the file's JSON Schema from it.
type ManifestFileSpec = manifestSpec

// manifestSpec is the YAML form.
type manifestSpec struct {
	Layers []layerYAML `yaml:"layers"`
}

type layerYAML struct {
	Line     int         `yaml:"-"`
	Name     string      `yaml:"name"`
	File     string      `yaml:"file"`
	Geometry string      `yaml:"geometry"`
	About    string      `yaml:"about"`
	Facts    []yieldYAML `yaml:"facts"`
	Division string      `yaml:"division"`
	Label    string      `yaml:"label"`
}

type yieldYAML struct {
	Line       int                 `yaml:"-"`
	Fact       string              `yaml:"fact"`
	From       string              `yaml:"from"`
	Property   string              `yaml:"property"`
	Values     map[string][]string `yaml:"values"`
	Precedence []string            `yaml:"precedence"`
}

// maxManifestBytes bounds a manifest: a county's is a few kilobytes.
const maxManifestBytes = 256 << 10

// ParseManifest reads a layer manifest. file names it in errors, which
// say file:line.
func ParseManifest(data []byte, file string) (*Manifest, error) {
	if len(data) > maxManifestBytes {
		return nil, fmt.Errorf("%s: %d bytes; a layer manifest is at most %d", file, len(data), maxManifestBytes)
	}
	spec, err := decodeManifest(data, file)
	if err != nil {
		return nil, err
	}
	m := &Manifest{File: file}
	var errs []error
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
	}
	names, files, facts := map[string]int{}, map[string]int{}, map[string]int{}
	for _, ly := range spec.Layers {
		ls := LayerSpec{Name: ly.Name, File: ly.File, Geometry: Geometry(ly.Geometry), About: ly.About, Division: ly.Division, Label: ly.Label, Manifest: file, Line: ly.Line}
		switch {
		case ls.File == "":
			fail(ly.Line, "a layer needs a file")
			continue
		case !validFile(ls.File):
			fail(ly.Line, "file %q: give a .geojson file inside the layer directory (a relative path without ..)", ls.File)
			continue
		}
		if ls.Name == "" {
			ls.Name = strings.TrimSuffix(pathBase(ls.File), ".geojson")
		}
		if prev, dup := names[ls.Name]; dup {
			fail(ly.Line, "layer %q is also on line %d", ls.Name, prev)
		}
		if prev, dup := files[ls.File]; dup {
			fail(ly.Line, "file %s is also on line %d", ls.File, prev)
		}
		names[ls.Name], files[ls.File] = ly.Line, ly.Line
		switch ls.Geometry {
		case Polygons, Lines, Points:
		case "":
			fail(ly.Line, "layer %q: geometry is missing (polygon, line or point)", ls.Name)
		default:
			fail(ly.Line, "layer %q: geometry %q is not polygon, line or point", ls.Name, ly.Geometry)
		}
		if ls.Division != "" && ls.Geometry != Polygons {
			fail(ly.Line, "layer %q: only polygons give a division", ls.Name)
		}
		if len(ly.Facts) == 0 && ls.Division == "" {
			fail(ly.Line, "layer %q gives no facts and no division", ls.Name)
		}
		precedence := 0
		for _, y := range ly.Facts {
			ys := YieldSpec{Fact: y.Fact, From: From(y.From), Property: y.Property, Values: y.Values, Precedence: y.Precedence, Line: y.Line}
			if ys.Property != "" && ys.From == "" {
				ys.From = Property
			}
			switch {
			case ys.Fact == "":
				fail(y.Line, "layer %q: a fact needs its name (fact:)", ls.Name)
				continue
			case ys.From == Property && ys.Property == "":
				fail(y.Line, "fact %s: from property needs the property's name (property:)", ys.Fact)
			case ys.From != Property && ys.Property != "":
				fail(y.Line, "fact %s: property %q is read only with from: property", ys.Fact, ys.Property)
			case ys.From == Inside && ls.Geometry != Polygons:
				fail(y.Line, "fact %s: only polygons have an inside; a %s layer gives a distance or a property", ys.Fact, ls.Geometry)
			case ys.From != Inside && ys.From != Distance && ys.From != Property:
				fail(y.Line, "fact %s: from %q is not inside, distance or property", ys.Fact, y.From)
			}
			if (len(ys.Values) > 0 || len(ys.Precedence) > 0) && ys.From != Property {
				fail(y.Line, "fact %s: values and precedence go with from: property", ys.Fact)
			}
			if len(ys.Precedence) > 0 {
				if precedence++; precedence > 1 {
					fail(y.Line, "layer %q: only one fact may give a precedence", ls.Name)
				}
			}
			if prev, dup := facts[ys.Fact]; dup {
				fail(y.Line, "fact %s is also given on line %d: one layer gives each fact", ys.Fact, prev)
			}
			facts[ys.Fact] = y.Line
			ls.Facts = append(ls.Facts, ys)
		}
		m.Layers = append(m.Layers, ls)
	}
	if len(spec.Layers) == 0 {
		fail(1, "no layers")
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return m, nil
}

// With returns the layers of m and o together, m's first: several rule
// directories each bring a manifest. A layer name, file or fact in both
// is an error naming both. Either may be nil.
func (m *Manifest) With(o *Manifest) (*Manifest, error) {
	if m == nil {
		return o, nil
	}
	if o == nil {
		return m, nil
	}
	n := &Manifest{File: m.File, Layers: slices.Clone(m.Layers)}
	for _, l := range o.Layers {
		for _, p := range n.Layers {
			switch {
			case p.Name == l.Name:
				return nil, fmt.Errorf("%s:%d: layer %q is also in %s:%d", l.Manifest, l.Line, l.Name, p.Manifest, p.Line)
			case p.File == l.File:
				return nil, fmt.Errorf("%s:%d: file %s is also a layer of %s:%d", l.Manifest, l.Line, l.File, p.Manifest, p.Line)
			}
			for _, y := range l.Facts {
				if slices.ContainsFunc(p.Facts, func(x YieldSpec) bool { return x.Fact == y.Fact }) {
					return nil, fmt.Errorf("%s:%d: fact %s is also given by layer %q of %s:%d", l.Manifest, y.Line, y.Fact, p.Name, p.Manifest, p.Line)
				}
			}
		}
		n.Layers = append(n.Layers, l)
	}
	return n, nil
}

// Layer returns the manifest's layer called name.
func (m *Manifest) Layer(name string) (LayerSpec, bool) {
	for _, l := range m.Layers {
		if l.Name == name {
			return l, true
		}
	}
	return LayerSpec{}, false
}

// Files lists the layer files, in manifest order.
func (m *Manifest) Files() []string {
	out := make([]string, len(m.Layers))
	for i, l := range m.Layers {
		out[i] = l.File
	}
	return out
}

// Facts lists every fact the manifest gives, in order.
func (m *Manifest) Facts() []string {
	var out []string
	for _, l := range m.Layers {
		for _, y := range l.Facts {
			out = append(out, y.Fact)
		}
	}
	return out
}

// value maps a property value to the fact's value: itself or, with
// Values, the value it is listed under (case and spaces aside). ok is
// false for a value the mapping does not know.
func (y *YieldSpec) value(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(y.Values) == 0 {
		return raw, true
	}
	for v, alts := range y.Values {
		if strings.EqualFold(raw, v) || slices.ContainsFunc(alts, func(a string) bool { return strings.EqualFold(raw, strings.TrimSpace(a)) }) {
			return v, true
		}
	}
	return "", false
}

// valueNames lists the values a mapping accepts, for messages.
func (y *YieldSpec) valueNames() string {
	var out []string
	for v, alts := range y.Values {
		out = append(out, v)
		out = append(out, alts...)
	}
	slices.Sort(out)
	return strings.Join(slices.Compact(out), ", ")
}

func validFile(f string) bool {
	return strings.HasSuffix(strings.ToLower(f), ".geojson") && !strings.HasPrefix(f, "/") && !strings.Contains(f, "\\") &&
		!slices.Contains(strings.Split(f, "/"), "..") && !bytes.ContainsAny([]byte(f), "\x00:")
}

func pathBase(f string) string {
	if i := strings.LastIndexByte(f, '/'); i >= 0 {
		return f[i+1:]
	}
	return f
}

// Clone returns a copy of m that shares nothing with it that a caller may
// change (layers and their facts); nil for nil.
func (m *Manifest) Clone() *Manifest {
	if m == nil {
		return nil
	}
	c := &Manifest{File: m.File, Layers: slices.Clone(m.Layers)}
	for i := range c.Layers {
		c.Layers[i].Facts = slices.Clone(c.Layers[i].Facts)
	}
	return c
}
