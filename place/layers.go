package place

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/tidwall/rtree"
)

// Layer names one of the place layers. Each is read from the file
// <layer>.geojson in a layer directory.
type Layer string

const (
	Forest    Layer = "forest"    // forest land (林地), with optional fire_zone
	Towns     Layer = "towns"     // township boundaries, with code and name
	Urban     Layer = "urban"     // the urban area (城区)
	Planning  Layer = "planning"  // the city planning area (城市规划区)
	Fireworks Layer = "fireworks" // fireworks no-discharge zones (禁放区)
)

// layerOrder is the order layers are loaded and reported in.
var layerOrder = [...]Layer{Forest, Towns, Urban, Planning, Fireworks}

// AllLayers lists every layer in the order they are loaded and reported.
func AllLayers() []Layer { return slices.Clone(layerOrder[:]) }

// File is the layer's file name in a layer directory, e.g. "forest.geojson".
func (l Layer) File() string { return string(l) + ".geojson" }

// Fire zone values of the forest layer's fire_zone property.
const (
	FireZoneKey     = "key"     // 重点森林防火区
	FireZoneGeneral = "general" // 一般森林防火区
)

// Source describes one loaded layer, for the receipt of an answer.
type Source struct {
	Layer     Layer
	Path      string // the file as named to LoadDir or LoadFS, e.g. "testdata/synthetic/forest.geojson"
	Features  int
	Polygons  int  // polygons after splitting MultiPolygons
	Synthetic bool // a feature or the collection has "synthetic": true
}

// String is a one-line description, e.g.
// "forest: testdata/synthetic/forest.geojson, 300 features, 340 polygons (synthetic)".
func (s Source) String() string {
	str := fmt.Sprintf("%s: %s, %d features, %d polygons", s.Layer, s.Path, s.Features, s.Polygons)
	if s.Synthetic {
		str += " (synthetic)"
	}
	return str
}

// feature is what the facts need of one GeoJSON feature's properties.
type feature struct {
	id       string // as in messages: quoted if a string, e.g. "F1", 17, #3
	rawID    string // as in facts: F1, 17, #3
	fireZone string // forest: key, general or ""
	name     string // towns
	code     string // towns
}

// polyLayer is one loaded layer: its polygons and an R-tree over their
// bounding boxes. It is never modified after load.
type polyLayer struct {
	src      Source
	label    string // src.Path, plus " (synthetic)" when synthetic
	features []feature
	polys    []polygon
	index    rtree.RTreeGN[float64, int32]
	grid     grid // forest only: the far-from-forest search
	bound    box
}

// Layers is a set of loaded place layers. A nil layer is absent, and the
// facts it would give are unknown. Layers is immutable after loading and
// safe for concurrent use.
type Layers struct {
	forest, towns, urban, planning, fireworks *polyLayer
}

func (l *Layers) slot(name Layer) **polyLayer {
	switch name {
	case Forest:
		return &l.forest
	case Towns:
		return &l.towns
	case Urban:
		return &l.urban
	case Planning:
		return &l.planning
	case Fireworks:
		return &l.fireworks
	}
	return nil
}

// LoadDir loads the layers in dir: forest.geojson, towns.geojson,
// urban.geojson, planning.geojson and fireworks.geojson. Every file is
// optional; an absent file leaves its facts unknown. A file that is present
// but unreadable or invalid is an error naming the file and feature, and so
// is a dir that does not exist or is not a directory (a mistyped path must
// not pass for "no layers").
func LoadDir(dir string) (*Layers, error) {
	return load(os.DirFS(dir), ".", func(name string) string { return filepath.Join(dir, name) })
}

// LoadFS is LoadDir for the directory dir of fsys (use "." for its root),
// e.g. an embed.FS holding the layers.
func LoadFS(fsys fs.FS, dir string) (*Layers, error) {
	return load(fsys, dir, func(name string) string { return path.Join(dir, name) })
}

func load(fsys fs.FS, dir string, label func(string) string) (*Layers, error) {
	if st, err := fs.Stat(fsys, dir); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is in the message already
		}
		return nil, fmt.Errorf("place: layers directory %s: %w", label("."), err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("place: layers directory %s: not a directory", label("."))
	}
	var l Layers
	for _, name := range layerOrder {
		data, err := fs.ReadFile(fsys, path.Join(dir, name.File()))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("place: %s: %w", label(name.File()), err)
		}
		pl, err := parseLayer(name, label(name.File()), data)
		if err != nil {
			return nil, err
		}
		*l.slot(name) = pl
	}
	return &l, nil
}

// ParseLayer parses one layer from GeoJSON. path names the data in errors
// and in facts' sources. It is exported for callers that keep layers
// elsewhere than in files; see Layers.With.
func ParseLayer(name Layer, path string, data []byte) (*Layers, error) {
	var l Layers
	slot := l.slot(name)
	if slot == nil {
		return nil, fmt.Errorf("place: unknown layer %q", string(name))
	}
	pl, err := parseLayer(name, path, data)
	if err != nil {
		return nil, err
	}
	*slot = pl
	return &l, nil
}

// With returns a new Layers holding l's layers and, in place of them, the
// layers present in o.
func (l *Layers) With(o *Layers) *Layers {
	var n Layers
	if l != nil {
		n = *l
	}
	if o == nil {
		return &n
	}
	for _, name := range layerOrder {
		if p := *o.slot(name); p != nil {
			*n.slot(name) = p
		}
	}
	return &n
}

// Sources lists the loaded layers, in the order of AllLayers.
func (l *Layers) Sources() []Source {
	if l == nil {
		return nil
	}
	var out []Source
	for _, name := range layerOrder {
		if p := *l.slot(name); p != nil {
			out = append(out, p.src)
		}
	}
	return out
}

// Describe is a multi-line description of the loaded and absent layers,
// for a receipt or the command line.
func (l *Layers) Describe() string {
	if l == nil {
		l = &Layers{}
	}
	var b strings.Builder
	for _, name := range layerOrder {
		if p := *l.slot(name); p != nil {
			fmt.Fprintln(&b, p.src)
		} else {
			fmt.Fprintf(&b, "%s: absent (facts unknown)\n", name)
		}
	}
	return b.String()
}

// maxLoadErrors bounds the errors reported for one file: a broken layer
// usually breaks the same way thousands of times.
const maxLoadErrors = 10

// decode parses a GeoJSON FeatureCollection (or a lone Feature) with orb,
// turning a panic in the decoder into an error: layer files come from
// outside and must never crash the caller.
func decode(data []byte) (fc *geojson.FeatureCollection, err error) {
	defer func() {
		if r := recover(); r != nil {
			fc, err = nil, fmt.Errorf("invalid GeoJSON: %v", r)
		}
	}()
	// Tolerate a UTF-8 byte-order mark, which Windows tools write.
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	fc, err = geojson.UnmarshalFeatureCollection(trimmed)
	if err != nil {
		// A single Feature is also valid GeoJSON; accept it as a collection of one.
		f, ferr := geojson.UnmarshalFeature(trimmed)
		if ferr != nil || f.Type != "Feature" {
			return nil, fmt.Errorf("invalid GeoJSON FeatureCollection: %w", err)
		}
		fc = geojson.NewFeatureCollection()
		fc.Append(f)
	}
	for i, f := range fc.Features {
		if f == nil {
			return nil, fmt.Errorf("feature #%d is null", i)
		}
	}
	return fc, nil
}

func parseLayer(name Layer, label string, data []byte) (*polyLayer, error) {
	fc, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("place: %s: %w", label, err)
	}
	return buildLayer(name, label, fc)
}

// buildLayer turns a decoded collection into a layer and its index.
func buildLayer(name Layer, label string, fc *geojson.FeatureCollection) (*polyLayer, error) {
	pl := &polyLayer{
		src:      Source{Layer: name, Path: label, Features: len(fc.Features)},
		features: make([]feature, 0, len(fc.Features)),
		bound:    emptyBox(),
	}
	if v, ok := fc.ExtraMembers["synthetic"].(bool); ok && v {
		pl.src.Synthetic = true
	}
	// Count rings and chunk boxes first so they come from two allocations.
	nPolys, nRings, nBoxes := 0, 0, 0
	for _, f := range fc.Features {
		for _, poly := range polygons(f.Geometry) {
			nPolys++
			nRings += len(poly)
			for _, r := range poly {
				nBoxes += numChunks(len(r))
			}
		}
	}
	ringArena, boxArena := make([]ring, nRings), make([]box, nBoxes)
	pl.polys = make([]polygon, 0, nPolys)
	var errs []error
	fail := func(e error) {
		if len(errs) < maxLoadErrors {
			errs = append(errs, e)
		}
	}
	for i, f := range fc.Features {
		ft, err := parseFeature(name, i, f)
		if err != nil {
			fail(fmt.Errorf("place: %s: feature %s: %w", label, featureID(i, f), err))
			continue
		}
		if v, ok := f.Properties["synthetic"].(bool); ok && v {
			pl.src.Synthetic = true
		}
		fi := int32(len(pl.features))
		pl.features = append(pl.features, ft)
		for _, poly := range polygons(f.Geometry) {
			if err := checkCoords(poly); err != nil {
				fail(fmt.Errorf("place: %s: feature %s: %w", label, ft.id, err))
				continue
			}
			pl.polys = append(pl.polys, newPolygon(poly, fi, &ringArena, &boxArena))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(pl.polys) > math.MaxInt32 {
		return nil, fmt.Errorf("place: %s: too many polygons (%d)", label, len(pl.polys))
	}
	for i := range pl.polys {
		b := pl.polys[i].bound
		pl.index.Insert([2]float64{b.minLon, b.minLat}, [2]float64{b.maxLon, b.maxLat}, int32(i))
		pl.bound.union(b)
	}
	if name == Forest {
		pl.grid = newGrid(pl.polys, pl.bound)
	}
	pl.src.Polygons = len(pl.polys)
	pl.label = label
	if pl.src.Synthetic {
		pl.label += " (synthetic)"
	}
	return pl, nil
}

// featureID names feature i for messages: its GeoJSON id, else its "id"
// property, else "#i" (0-based position in the file).
func featureID(i int, f *geojson.Feature) string {
	id := f.ID
	if id == nil && f.Properties != nil {
		id = f.Properties["id"]
	}
	switch v := id.(type) {
	case string:
		if v != "" {
			return strconv.Quote(v)
		}
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return "#" + strconv.Itoa(i)
}

func parseFeature(name Layer, i int, f *geojson.Feature) (feature, error) {
	ft := feature{id: featureID(i, f)}
	ft.rawID = ft.id
	if uq, err := strconv.Unquote(ft.id); err == nil {
		ft.rawID = uq
	}
	switch f.Geometry.(type) {
	case orb.Polygon, orb.MultiPolygon:
	case nil:
		return ft, fmt.Errorf("no geometry")
	default:
		return ft, fmt.Errorf("geometry is %s, want Polygon or MultiPolygon", f.Geometry.GeoJSONType())
	}
	switch name {
	case Forest:
		z, err := parseFireZone(f.Properties["fire_zone"])
		if err != nil {
			return ft, err
		}
		ft.fireZone = z
	case Towns:
		ft.name, _ = f.Properties["name"].(string)
		ft.code = codeString(f.Properties["code"])
		if ft.name == "" {
			return ft, fmt.Errorf("town has no name property")
		}
	}
	return ft, nil
}

// parseFireZone accepts key and general, and the notice's own words for
// them, so a forestry bureau's attribute table can be used as it is.
func parseFireZone(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("fire_zone is %v, want \"key\" or \"general\"", v)
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "key", "重点", "重点森林防火区", "重点火险区":
		return FireZoneKey, nil
	case "general", "一般", "一般森林防火区", "一般火险区":
		return FireZoneGeneral, nil
	}
	return "", fmt.Errorf("fire_zone is %q, want \"key\" or \"general\"", s)
}

// codeString reads a division code written as a string or a JSON number.
func codeString(v any) string {
	switch c := v.(type) {
	case string:
		return c
	case float64:
		if c == math.Trunc(c) && math.Abs(c) < 1e15 {
			return strconv.FormatInt(int64(c), 10)
		}
	}
	return ""
}

// polygons returns the polygons of a Polygon or MultiPolygon geometry.
func polygons(g orb.Geometry) []orb.Polygon {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}

// checkCoords rejects what would make answers wrong rather than merely
// untidy: empty polygons, rings of fewer than three distinct positions,
// and coordinates that are not finite longitude/latitude pairs. Winding,
// closure and self-intersections are left to Check: the even-odd rule
// answers the same whatever the winding.
func checkCoords(p orb.Polygon) error {
	if len(p) == 0 {
		return fmt.Errorf("polygon has no rings")
	}
	for ri, r := range p {
		n := len(r)
		if n > 0 && r[0] == r[n-1] {
			n--
		}
		if n < 3 {
			return fmt.Errorf("ring %d has %d distinct positions, want at least 3", ri, n)
		}
		for pi, pt := range r {
			// The fast test is false for NaN, so only bad positions pay
			// for the detailed one.
			if pt[0] >= -180 && pt[0] <= 180 && pt[1] >= -90 && pt[1] <= 90 {
				continue
			}
			if err := checkPosition(pt); err != nil {
				return fmt.Errorf("ring %d position %d: %w", ri, pi, err)
			}
		}
	}
	return nil
}

func checkPosition(pt orb.Point) error {
	lon, lat := pt[0], pt[1]
	if math.IsNaN(lon) || math.IsNaN(lat) || math.IsInf(lon, 0) || math.IsInf(lat, 0) {
		return fmt.Errorf("coordinate [%v, %v] is not finite", lon, lat)
	}
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		if lon >= -90 && lon <= 90 && lat >= -180 && lat <= 180 {
			return fmt.Errorf("coordinate [%v, %v] has latitude %v out of range; GeoJSON is [longitude, latitude]: are they swapped?", lon, lat, lat)
		}
		return fmt.Errorf("coordinate [%v, %v] is out of range", lon, lat)
	}
	return nil
}
