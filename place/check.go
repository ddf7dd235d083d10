package place

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Problem is one thing wrong with a layer directory, found by Check.
type Problem struct {
	File    string // file path, e.g. "layers/forest.geojson"
	Feature string // feature id as in load errors ("F1", 17, "#3"), "" for the file
	Kind    string // a short stable tag, e.g. "self-intersection"
	Message string
}

func (p Problem) String() string {
	if p.Feature == "" {
		return fmt.Sprintf("%s: %s: %s", p.File, p.Kind, p.Message)
	}
	return fmt.Sprintf("%s: feature %s: %s: %s", p.File, p.Feature, p.Kind, p.Message)
}

// Problem kinds.
const (
	KindRead         = "read"              // unreadable file or invalid GeoJSON
	KindNoLayers     = "no-layers"         // a directory without any layer file
	KindUnknownFile  = "unknown-file"      // a .geojson file that is not a layer
	KindGeometry     = "geometry"          // missing or non-polygonal geometry
	KindRing         = "invalid-ring"      // too few positions, NaN, out of range
	KindSwapped      = "swapped"           // latitude and longitude look swapped
	KindUnclosed     = "unclosed-ring"     // first and last positions differ
	KindWinding      = "winding"           // RFC 7946 §3.1.6: exterior CCW, holes CW
	KindSelfCross    = "self-intersection" // a ring crosses itself
	KindHole         = "hole-outside"      // a hole not inside its exterior
	KindProperty     = "property"          // a bad fire_zone, town code or name
	KindDuplicateID  = "duplicate-id"      // two features with one id
	KindCRS          = "crs"               // a declared CRS other than WGS-84/CGCS2000
	KindShifted      = "shifted"           // coordinates look GCJ-02 or BD-09 shifted
	maxRingProblems  = 3                   // per ring and kind, to keep reports short
	maxShiftedSample = 50000               // vertices sampled for the shift test
)

// Check validates the layer files in dir and returns the problems found,
// each naming the file and feature; none means the layers are clean. It
// checks more than loading does: winding, closure, self-intersections and
// holes, coordinates that look swapped, and, when a towns layer is present,
// layers whose coordinates fit the towns better after undoing a GCJ-02 or
// BD-09 offset (which a layer digitised from an Amap or Baidu map has).
func Check(dir string) []Problem {
	return CheckFS(os.DirFS(dir), ".", func(name string) string { return filepath.Join(dir, name) })
}

// CheckFS is Check for the directory dir of fsys; label turns a file name
// into the path shown in problems (nil: path.Join(dir, name)).
func CheckFS(fsys fs.FS, dir string, label func(string) string) []Problem {
	if label == nil {
		label = func(name string) string { return path.Join(dir, name) }
	}
	var probs []Problem
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return []Problem{{File: label("."), Kind: KindRead, Message: err.Error()}}
	}
	known := map[string]bool{}
	for _, l := range layerOrder {
		known[l.File()] = true
	}
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.HasSuffix(strings.ToLower(n), ".geojson") && !known[n] {
			probs = append(probs, Problem{File: label(n), Kind: KindUnknownFile,
				Message: fmt.Sprintf("not a layer file, ignored by the loader (layers are %s)", layerFiles())})
		}
	}
	parsed := map[Layer]*geojson.FeatureCollection{}
	labels := map[Layer]string{}
	for _, l := range layerOrder {
		data, err := fs.ReadFile(fsys, path.Join(dir, l.File()))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		file := label(l.File())
		labels[l] = file
		if err != nil {
			probs = append(probs, Problem{File: file, Kind: KindRead, Message: err.Error()})
			continue
		}
		fc, err := decode(data)
		if err != nil {
			probs = append(probs, Problem{File: file, Kind: KindRead, Message: err.Error()})
			continue
		}
		parsed[l] = fc
		probs = append(probs, checkCollection(l, file, fc)...)
	}
	if len(labels) == 0 {
		probs = append(probs, Problem{File: label("."), Kind: KindNoLayers,
			Message: fmt.Sprintf("no layer files (%s)", layerFiles())})
	}
	if towns := parsed[Towns]; towns != nil {
		if ref, err := buildLayer(Towns, labels[Towns], towns); err == nil && len(ref.polys) > 0 {
			for _, l := range layerOrder {
				if fc := parsed[l]; fc != nil && l != Towns {
					if p, ok := checkShift(ref, labels[l], fc); ok {
						probs = append(probs, p)
					}
				}
			}
		}
	}
	return probs
}

func layerFiles() string {
	names := make([]string, len(layerOrder))
	for i, l := range layerOrder {
		names[i] = l.File()
	}
	return strings.Join(names, ", ")
}

func checkCollection(l Layer, file string, fc *geojson.FeatureCollection) []Problem {
	var probs []Problem
	if c, ok := fc.ExtraMembers["crs"]; ok && !crsIsWGS84(c) {
		probs = append(probs, Problem{File: file, Kind: KindCRS,
			Message: fmt.Sprintf("declares crs %s; layers must be WGS-84 or CGCS2000 longitude/latitude (RFC 7946; ogr2ogr -t_srs EPSG:4326)", crsName(c))})
	}
	ids := map[string]int{}
	for i, f := range fc.Features {
		id := featureID(i, f)
		add := func(kind, format string, args ...any) {
			probs = append(probs, Problem{File: file, Feature: id, Kind: kind, Message: fmt.Sprintf(format, args...)})
		}
		if f.ID != nil {
			if j, dup := ids[id]; dup {
				add(KindDuplicateID, "same id as feature #%d", j)
			} else {
				ids[id] = i
			}
		}
		if _, err := parseFeature(l, i, f); err != nil {
			kind := KindProperty
			if _, ok := f.Geometry.(orb.Polygon); !ok {
				if _, ok := f.Geometry.(orb.MultiPolygon); !ok {
					kind = KindGeometry
				}
			}
			add(kind, "%v", err)
		}
		if l == Towns {
			code := codeString(f.Properties["code"])
			if len(code) != 9 || strings.Trim(code, "0123456789") != "" {
				add(KindProperty, "code %q is not a 9-digit township division code", code)
			}
		}
		for pi, poly := range polygons(f.Geometry) {
			where := ""
			if _, multi := f.Geometry.(orb.MultiPolygon); multi {
				where = fmt.Sprintf("polygon %d ", pi)
			}
			for _, msg := range checkPolygon(poly) {
				add(msg.kind, "%s%s", where, msg.text)
			}
		}
	}
	return probs
}

// crsName is the name in a GeoJSON 2008 "crs" member
// ({"type":"name","properties":{"name":...}}), or the member as it is.
func crsName(c any) string {
	if m, ok := c.(map[string]any); ok {
		if p, ok := m["properties"].(map[string]any); ok {
			if n, ok := p["name"].(string); ok {
				return strconv.Quote(n)
			}
		}
	}
	return fmt.Sprint(c)
}

func crsIsWGS84(c any) bool {
	s := strings.ToUpper(fmt.Sprint(c))
	for _, ok := range []string{"CRS84", "EPSG::4326", "EPSG:4326", "EPSG::4490", "EPSG:4490", "CGCS2000", "WGS84", "WGS 84"} {
		if strings.Contains(s, ok) {
			return true
		}
	}
	return false
}

type finding struct{ kind, text string }

func checkPolygon(p orb.Polygon) []finding {
	var out []finding
	if len(p) == 0 {
		return []finding{{KindRing, "polygon has no rings"}}
	}
	var ext ring
	for ri, r := range p {
		name := "exterior ring"
		if ri > 0 {
			name = fmt.Sprintf("hole %d", ri)
		}
		bad := false
		for pi, pt := range r {
			if err := checkPosition(pt); err != nil {
				kind := KindRing
				if strings.Contains(err.Error(), "swapped") {
					kind = KindSwapped
				}
				out = append(out, finding{kind, fmt.Sprintf("%s position %d: %v", name, pi, err)})
				bad = true
				break
			}
		}
		if len(r) > 0 && !bad && looksSwapped(r[0]) {
			out = append(out, finding{KindSwapped, fmt.Sprintf("%s starts at [%v, %v], which reads as latitude, longitude in China; GeoJSON is [longitude, latitude]", name, r[0][0], r[0][1])})
		}
		if len(r) > 0 && r[0] != r[len(r)-1] {
			out = append(out, finding{KindUnclosed, fmt.Sprintf("%s is not closed: first position %v, last %v", name, r[0], r[len(r)-1])})
		}
		n := len(r)
		if n > 0 && r[0] == r[n-1] {
			n--
		}
		if n < 3 {
			out = append(out, finding{KindRing, fmt.Sprintf("%s has %d distinct positions, want at least 3", name, n)})
			continue
		}
		if bad {
			continue
		}
		area := signedArea(r)
		switch {
		case area == 0:
			out = append(out, finding{KindRing, fmt.Sprintf("%s has zero area", name)})
		case ri == 0 && area < 0:
			out = append(out, finding{KindWinding, "exterior ring is clockwise; RFC 7946 wants counter-clockwise (ogr2ogr -lco RFC7946=YES fixes it)"})
		case ri > 0 && area > 0:
			out = append(out, finding{KindWinding, fmt.Sprintf("%s is counter-clockwise; RFC 7946 wants holes clockwise (ogr2ogr -lco RFC7946=YES fixes it)", name)})
		}
		rg := newRing(r)
		for k, x := range selfIntersections(&rg) {
			if k == maxRingProblems {
				break
			}
			out = append(out, finding{KindSelfCross, fmt.Sprintf("%s: segment %d crosses segment %d near [%.7f, %.7f]", name, x.i, x.j, x.at[0], x.at[1])})
		}
		if ri == 0 {
			ext = rg
		} else if len(ext.pts) > 0 {
			p := polygon{rings: []ring{ext}, bound: emptyBox()}
			for _, c := range ext.chunks {
				p.bound.union(c)
			}
			outside := 0
			for _, pt := range r {
				if !p.contains(pt[1], pt[0]) && !onRing(&ext, pt) {
					outside++
				}
			}
			if outside > 0 {
				out = append(out, finding{KindHole, fmt.Sprintf("%s has %d of %d positions outside the exterior ring", name, outside, len(r))})
			}
		}
	}
	return out
}

// looksSwapped reports a position that is out of China as [lon, lat] but in
// it as [lat, lon] — the commonest mistake when a table is turned into
// GeoJSON by hand.
func looksSwapped(pt orb.Point) bool {
	return !InChina(pt[1], pt[0]) && InChina(pt[0], pt[1])
}

// signedArea is the ring's shoelace area in square degrees, positive for
// counter-clockwise.
func signedArea(r orb.Ring) float64 {
	var s float64
	for i := 0; i+1 < len(r); i++ {
		s += (r[i][0] - r[0][0]) * (r[i+1][1] - r[0][1])
		s -= (r[i+1][0] - r[0][0]) * (r[i][1] - r[0][1])
	}
	return s / 2
}

func onRing(r *ring, pt orb.Point) bool {
	pl := newPlane(pt[1], pt[0])
	return pl.ringDist2(r, onEdgeM*onEdgeM) < onEdgeM*onEdgeM
}

type crossing struct {
	i, j int
	at   orb.Point
}

// selfIntersections finds pairs of non-adjacent segments of r that touch or
// cross, comparing only segments whose chunk boxes overlap.
func selfIntersections(r *ring) []crossing {
	var out []crossing
	segs := len(r.pts) - 1
	for ci, a := range r.chunks {
		for cj := ci; cj < len(r.chunks); cj++ {
			b := r.chunks[cj]
			if a.maxLon < b.minLon || b.maxLon < a.minLon || a.maxLat < b.minLat || b.maxLat < a.minLat {
				continue
			}
			for i := ci * chunkSize; i < min((ci+1)*chunkSize, segs); i++ {
				j0 := cj * chunkSize
				if cj == ci {
					j0 = i + 2
				}
				for j := j0; j < min((cj+1)*chunkSize, segs); j++ {
					if j <= i+1 || (i == 0 && j == segs-1) {
						continue // adjacent segments share a vertex
					}
					if at, ok := intersect(r.pts[i], r.pts[i+1], r.pts[j], r.pts[j+1]); ok {
						out = append(out, crossing{i, j, at})
						if len(out) > maxRingProblems {
							return out
						}
					}
				}
			}
		}
	}
	return out
}

// intersect reports whether segments p1–p2 and q1–q2 share a point.
func intersect(p1, p2, q1, q2 orb.Point) (orb.Point, bool) {
	d1 := orient(q1, q2, p1)
	d2 := orient(q1, q2, p2)
	d3 := orient(p1, p2, q1)
	d4 := orient(p1, p2, q2)
	if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
		t := d1 / (d1 - d2)
		return orb.Point{p1[0] + t*(p2[0]-p1[0]), p1[1] + t*(p2[1]-p1[1])}, true
	}
	switch {
	case d1 == 0 && onSegment(q1, q2, p1):
		return p1, true
	case d2 == 0 && onSegment(q1, q2, p2):
		return p2, true
	case d3 == 0 && onSegment(p1, p2, q1):
		return q1, true
	case d4 == 0 && onSegment(p1, p2, q2):
		return q2, true
	}
	return orb.Point{}, false
}

func orient(a, b, c orb.Point) float64 {
	return (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
}

func onSegment(a, b, p orb.Point) bool {
	return math.Min(a[0], b[0]) <= p[0] && p[0] <= math.Max(a[0], b[0]) &&
		math.Min(a[1], b[1]) <= p[1] && p[1] <= math.Max(a[1], b[1])
}

// checkShift compares how many of a layer's vertices fall outside the towns
// as they are and after undoing a GCJ-02 or BD-09 offset. The offset is
// 0.6–1.2 km, so a layer digitised from an Amap or Baidu map has vertices
// spill across the county border that fit once converted. It is a
// heuristic: it needs the towns layer to be right, and says so.
func checkShift(towns *polyLayer, file string, fc *geojson.FeatureCollection) (Problem, bool) {
	var pts []orb.Point
	for _, f := range fc.Features {
		for _, poly := range polygons(f.Geometry) {
			for _, r := range poly {
				pts = append(pts, r...)
			}
		}
	}
	if len(pts) == 0 {
		return Problem{}, false
	}
	step := max(1, len(pts)/maxShiftedSample)
	outside := func(conv func(lat, lon float64) (float64, float64)) int {
		n := 0
		for i := 0; i < len(pts); i += step {
			lon, lat := pts[i][0], pts[i][1]
			if checkPosition(pts[i]) != nil || !InChina(lat, lon) {
				continue
			}
			lat, lon = conv(lat, lon)
			if towns.find(lat, lon) < 0 {
				n++
			}
		}
		return n
	}
	asIs := outside(func(lat, lon float64) (float64, float64) { return lat, lon })
	sampled := (len(pts) + step - 1) / step
	if asIs < 10 || asIs*500 < sampled { // a handful, or under 0.2 %: border noise
		return Problem{}, false
	}
	type cand struct {
		crs CRS
		n   int
	}
	cands := []cand{
		{GCJ02, outside(GCJ02ToWGS84)},
		{BD09, outside(func(lat, lon float64) (float64, float64) { return GCJ02ToWGS84(BD09ToGCJ02(lat, lon)) })},
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].n < cands[j].n })
	if best := cands[0]; best.n*3 < asIs {
		return Problem{File: file, Kind: KindShifted, Message: fmt.Sprintf(
			"%d of %d sampled vertices lie outside the towns layer, but only %d if the coordinates are read as %s: the layer looks %s-shifted (digitised from a Chinese web map?); convert it to WGS-84",
			asIs, sampled, best.n, best.crs, strings.ToUpper(string(best.crs)))}, true
	}
	return Problem{}, false
}

// KindDivision marks a town whose code or name disagrees with the division
// list passed to CheckDivisions.
const KindDivision = "division"

// CheckDivisions compares the towns layer in dir with a list of township
// divisions (code → name, e.g. read from qiyang-towns.csv): a town whose
// code is not in the list, or whose name differs from the list's, is a
// problem. Towns of the list missing from the layer are not: a layer may
// cover part of a county. It returns nil when dir has no towns layer.
func CheckDivisions(dir string, divisions map[string]string) []Problem {
	file := filepath.Join(dir, Towns.File())
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return []Problem{{File: file, Kind: KindRead, Message: err.Error()}}
	}
	fc, err := decode(data)
	if err != nil {
		return []Problem{{File: file, Kind: KindRead, Message: err.Error()}}
	}
	var probs []Problem
	for i, f := range fc.Features {
		code := codeString(f.Properties["code"])
		name, _ := f.Properties["name"].(string)
		want, ok := divisions[code]
		switch {
		case !ok:
			probs = append(probs, Problem{File: file, Feature: featureID(i, f), Kind: KindDivision,
				Message: fmt.Sprintf("code %q (%s) is not in the division list", code, name)})
		case want != name:
			probs = append(probs, Problem{File: file, Feature: featureID(i, f), Kind: KindDivision,
				Message: fmt.Sprintf("code %s is %q in the division list, but the layer names it %q", code, want, name)})
		}
	}
	return probs
}
