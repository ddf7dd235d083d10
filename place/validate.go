package place

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/tonggao/tonggao/division"
)

// One validator for loading and for `tonggao layers check`, so that the two
// cannot disagree: what would make an answer wrong is an error — the
// loader refuses the layer for it and the check reports it — and what is
// untidy but answers the same is a warning, which only the check reports.

// Problem kinds.
const (
	KindRead         = "read"              // unreadable file, invalid JSON, not a FeatureCollection
	KindNoLayers     = "no-layers"         // a directory without any layer file
	KindUnknownFile  = "unknown-file"      // a .geojson file the manifest does not name (warning)
	KindGeometry     = "geometry"          // missing geometry, or not the layer's kind
	KindPosition     = "position"          // a position that is not two or three finite numbers (RFC 7946 §3.1.1)
	KindRing         = "invalid-ring"      // too few positions, zero area, out-of-range coordinates
	KindSwapped      = "swapped"           // latitude and longitude look swapped
	KindUnclosed     = "unclosed-ring"     // first and last positions differ (RFC 7946 §3.1.6)
	KindWinding      = "winding"           // exterior not counter-clockwise, or a hole not clockwise (warning)
	KindSelfCross    = "self-intersection" // a ring crosses itself
	KindHole         = "hole-outside"      // a hole not inside its exterior
	KindProperty     = "property"          // a property value the manifest does not allow
	KindDuplicateID  = "duplicate-id"      // two features with one id (warning)
	KindCRS          = "crs"               // a declared CRS other than WGS-84/CGCS2000
	KindShifted      = "shifted"           // coordinates look GCJ-02 or BD-09 shifted (warning: a heuristic)
	maxRingProblems  = 3                   // per ring and kind, to keep reports short
	maxShiftedSample = 50000               // vertices sampled for the shift test
)

// finding is one problem of a feature or file, before it is placed.
type finding struct {
	kind, text string
	warning    bool
}

// checkDoc checks what a whole file declares.
func checkDoc(d *doc) []finding {
	if d.hasCRS && !crsIsWGS84(d.crs) {
		return []finding{{kind: KindCRS, text: fmt.Sprintf("declares crs %s; layers must be WGS-84 or CGCS2000 longitude/latitude (RFC 7946; ogr2ogr -t_srs EPSG:4326)", crsName(d.crs))}}
	}
	return nil
}

// checkFeature checks one feature against its layer's spec. data is the
// file, to place positions by line and column.
func checkFeature(spec *LayerSpec, f *feat, data []byte) []finding {
	var out []finding
	add := func(kind, format string, args ...any) {
		out = append(out, finding{kind: kind, text: fmt.Sprintf(format, args...)})
	}
	var ge *geomError
	switch {
	case errors.As(f.bad, &ge) && ge.path != "":
		add(KindPosition, "%s", ge.at(data))
	case f.bad != nil:
		add(KindGeometry, "%s", ge.at(data))
	case f.kind == "":
		add(KindGeometry, "no geometry")
	case !spec.Geometry.allows(f.kind):
		add(KindGeometry, "geometry is %s; the layer's features are %s", f.kind, spec.Geometry.types())
	}
	for i := range spec.Facts {
		y := &spec.Facts[i]
		if y.From != Property {
			continue
		}
		switch v := f.props[y.Property].(type) {
		case nil:
		case string:
			if _, ok := y.value(v); !ok {
				add(KindProperty, "%s is %q; want one of %s", y.Property, v, y.valueNames())
			}
		default:
			add(KindProperty, "%s is %v; want text", y.Property, v)
		}
	}
	if spec.Division != "" {
		raw, ok := f.props[spec.Division]
		code := codeString(raw)
		switch {
		case !ok || raw == nil:
			add(KindProperty, "no %s property: a %s feature names its GB/T 2260 division code", spec.Division, spec.Name)
		default:
			if _, err := division.Parse(code); err != nil {
				add(KindProperty, "%s: %v", spec.Division, err)
			}
		}
	}
	if spec.Label != "" {
		if s, ok := f.props[spec.Label].(string); !ok || strings.TrimSpace(s) == "" {
			out = append(out, finding{kind: KindProperty, text: fmt.Sprintf("no %s property naming the feature", spec.Label), warning: true})
		}
	}
	if f.bad != nil || !spec.Geometry.allows(f.kind) {
		return out
	}
	for pi, poly := range f.polys {
		where := ""
		if len(f.polys) > 1 || f.kind == "MultiPolygon" {
			where = fmt.Sprintf("polygon %d ", pi)
		}
		for _, fd := range checkPolygon(poly) {
			fd.text = where + fd.text
			out = append(out, fd)
		}
	}
	for li, line := range f.lines {
		where := "line"
		if f.kind == "MultiLineString" {
			where = fmt.Sprintf("line %d", li)
		}
		if len(line) < 2 {
			add(KindRing, "%s has %d position(s); a line needs 2 or more (RFC 7946 §3.1.4)", where, len(line))
		}
		out = append(out, checkPositions(where, line)...)
	}
	if len(f.points) > 0 {
		out = append(out, checkPositions("point", f.points)...)
	}
	return out
}

// allows reports whether a GeoJSON geometry type is of this kind.
func (g Geometry) allows(kind string) bool {
	switch g {
	case Polygons:
		return kind == "Polygon" || kind == "MultiPolygon"
	case Lines:
		return kind == "LineString" || kind == "MultiLineString"
	case Points:
		return kind == "Point" || kind == "MultiPoint"
	}
	return false
}

func (g Geometry) types() string {
	switch g {
	case Polygons:
		return "polygons (Polygon or MultiPolygon)"
	case Lines:
		return "lines (LineString or MultiLineString)"
	}
	return "points (Point or MultiPoint)"
}

// checkPositions checks that positions are longitude/latitude in range.
func checkPositions(what string, pts []orb.Point) []finding {
	for pi, pt := range pts {
		if err := checkPosition(pt); err != nil {
			kind := KindRing
			if strings.Contains(err.Error(), "swapped") {
				kind = KindSwapped
			}
			return []finding{{kind: kind, text: fmt.Sprintf("%s position %d: %v", what, pi, err)}}
		}
	}
	if len(pts) > 0 && looksSwapped(pts[0]) {
		return []finding{{kind: KindSwapped, text: fmt.Sprintf("%s starts at [%v, %v], which reads as latitude, longitude in China; GeoJSON is [longitude, latitude]", what, pts[0][0], pts[0][1])}}
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

// checkPolygon checks one polygon's rings: positions, closure, size, area,
// winding, self-intersections, holes.
func checkPolygon(p orb.Polygon) []finding {
	var out []finding
	fail := func(kind, format string, args ...any) {
		out = append(out, finding{kind: kind, text: fmt.Sprintf(format, args...)})
	}
	if len(p) == 0 {
		return []finding{{kind: KindRing, text: "polygon has no rings"}}
	}
	var ext ring
	for ri, r := range p {
		name := "exterior ring"
		if ri > 0 {
			name = fmt.Sprintf("hole %d", ri)
		}
		pos := checkPositions(name, r)
		out = append(out, pos...)
		if len(r) > 0 && r[0] != r[len(r)-1] {
			fail(KindUnclosed, "%s is not closed: first position %v, last %v (RFC 7946 §3.1.6)", name, r[0], r[len(r)-1])
		}
		n := len(r)
		if n > 0 && r[0] == r[n-1] {
			n--
		}
		if n < 3 {
			fail(KindRing, "%s has %d distinct positions; want at least 3 (4 with the closing one, RFC 7946 §3.1.6)", name, n)
			continue
		}
		if len(pos) > 0 {
			continue
		}
		area := signedArea(r)
		switch {
		case area == 0:
			fail(KindRing, "%s has zero area", name)
		case ri == 0 && area < 0:
			out = append(out, finding{kind: KindWinding, warning: true, text: "exterior ring is clockwise; RFC 7946 wants counter-clockwise (ogr2ogr -lco RFC7946=YES fixes it)"})
		case ri > 0 && area > 0:
			out = append(out, finding{kind: KindWinding, warning: true, text: fmt.Sprintf("%s is counter-clockwise; RFC 7946 wants holes clockwise (ogr2ogr -lco RFC7946=YES fixes it)", name)})
		}
		rg := newRing(r, true)
		for k, x := range selfIntersections(&rg) {
			if k == maxRingProblems {
				break
			}
			fail(KindSelfCross, "%s: segment %d crosses segment %d near [%.7f, %.7f]", name, x.i, x.j, x.at[0], x.at[1])
		}
		if ri == 0 {
			ext = rg
		} else if len(ext.pts) > 0 {
			outside := 0
			ep := polygon{rings: []ring{ext}, bound: emptyBox(), area: true}
			for _, c := range ext.chunks {
				ep.bound.union(c)
			}
			for _, pt := range r {
				if !ep.contains(pt[1], pt[0]) && !onRing(&ext, pt) {
					outside++
				}
			}
			if outside > 0 {
				fail(KindHole, "%s has %d of %d positions outside the exterior ring", name, outside, len(r))
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

// codeString reads a division code written as a string or a JSON number.
func codeString(v any) string {
	switch c := v.(type) {
	case string:
		return strings.TrimSpace(c)
	case float64:
		if c == math.Trunc(c) && math.Abs(c) < 1e15 {
			return strconv.FormatInt(int64(c), 10)
		}
	}
	return fmt.Sprint(v)
}
