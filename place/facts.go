package place

import (
	"fmt"
	"math"

	"github.com/tonggao/tonggao/division"
)

// Facts are what the layers say about one point. The manifest says which
// facts there are; the package knows no fact's name, and holds no
// threshold from the notices: it reports distances widened by the
// caller's position uncertainty, and the rules decide.
type Facts struct {
	Point        Point   // the WGS-84 point the facts are for
	UncertaintyM float64 // the position uncertainty the caller passed, in metres
	// Layers holds what each layer found, in manifest order.
	Layers []LayerFacts
	// Values holds each fact the layers give, in manifest order (a layer's
	// facts in the order it lists them).
	Values []Value
	// Division is the division the point lies in, from the first layer
	// with divisions that places it ("" when none does, or the point may
	// lie in either of two: then it is their common division, if any).
	Division       division.Code
	DivisionSource string
}

// LayerFacts is what one layer found about a point.
type LayerFacts struct {
	Layer string
	Known bool // the layer is loaded (its file is not absent)
	// Inside is true inside a polygon or on its boundary, false in a hole
	// or outside.
	Inside bool
	// DistanceM is the distance in metres to the nearest feature, 0 inside
	// one; +Inf when the layer gives no distance or has no features.
	DistanceM float64
	// EdgeM is the distance in metres to the nearest boundary (polygons)
	// or feature (lines, points), from inside or outside; +Inf when not
	// worked out. Edges shared by adjacent polygons count, which can only
	// make a point look closer to an edge.
	EdgeM float64
	// EdgeUncertain reports a boundary within UncertaintyM: the point may
	// lie on its other side. It is false when UncertaintyM is 0.
	EdgeUncertain bool
	// Feature is the id of the feature the facts come from — containing
	// the point or, for a layer that gives distances, the nearest — "" for
	// none ("#3": the fourth, which has no id).
	Feature string
	Source  string // the layer's path, marked "(synthetic)" if so
	feature int32
}

// Value is one fact a point gets from a layer: a bool (from: inside), a
// number of metres (from: distance) or a value (from: property).
type Value struct {
	Fact string
	From From
	// Known is false when the layer is absent, the feature does not say,
	// or the position's uncertainty puts the point on either side of a
	// boundary; the fact is then unknown, never false.
	Known bool
	Bool  bool
	// Lo and Hi bound a distance: equal when the position is exact, a
	// range ± its uncertainty otherwise (never below 0).
	Lo, Hi float64
	Enum   string
	Source string
}

// Value returns the fact called name, if the layers give it.
func (f *Facts) Value(name string) (Value, bool) {
	for _, v := range f.Values {
		if v.Fact == name {
			return v, true
		}
	}
	return Value{}, false
}

// Layer returns what the layer called name found.
func (f *Facts) Layer(name string) (LayerFacts, bool) {
	for _, lf := range f.Layers {
		if lf.Layer == name {
			return lf, true
		}
	}
	return LayerFacts{}, false
}

// onEdgeM is how close to a boundary, in metres, a point counts as on it.
// Survey coordinates carry no more than millimetre meaning, and the even-odd
// rule is arbitrary exactly on an edge, so boundary points are decided by
// distance: they belong to the polygon (the notice's "林地" includes its
// boundary).
const onEdgeM = 1e-3

// Facts returns the facts for p, converted to WGS-84 first. uncertaintyM
// is the position's uncertainty in metres (e.g. the GPS accuracy), 0 if
// exact; it must be finite and non-negative. It allocates the result's
// slices; FactsInto does not allocate.
func (l *Layers) Facts(p Point, uncertaintyM float64) (Facts, error) {
	var f Facts
	err := l.FactsInto(&f, p, uncertaintyM)
	return f, err
}

// FactsInto is Facts into f, reusing its slices: with their capacity from
// an earlier call it does not allocate.
func (l *Layers) FactsInto(f *Facts, p Point, uncertaintyM float64) error {
	w, err := p.WGS84()
	if err != nil {
		return fmt.Errorf("place: facts: %w", err)
	}
	if !(uncertaintyM >= 0) || math.IsInf(uncertaintyM, 1) {
		return fmt.Errorf("place: facts: uncertainty %v m, want a finite value ≥ 0", uncertaintyM)
	}
	f.Point, f.UncertaintyM, f.Division, f.DivisionSource = w, uncertaintyM, "", ""
	f.Layers, f.Values = f.Layers[:0], f.Values[:0]
	if l == nil {
		return nil
	}
	pl := newPlane(w.Lat, w.Lon)
	for _, ly := range l.layers {
		lf := LayerFacts{Layer: ly.spec.Name, Source: ly.label, DistanceM: math.Inf(1), EdgeM: math.Inf(1), feature: -1}
		if !ly.src.Absent {
			lf.Known = true
			ly.find(&lf, pl, uncertaintyM)
		}
		f.Layers = append(f.Layers, lf)
		ly.appendValues(f, &lf, uncertaintyM)
		if f.Division == "" && ly.codes != nil && lf.Known {
			f.Division = ly.division(&lf, pl, uncertaintyM)
			if f.Division != "" {
				f.DivisionSource = ly.label
			}
		}
	}
	return nil
}

// find fills lf for the point at the plane's origin.
func (ly *layer) find(lf *LayerFacts, pl plane, u float64) {
	if ly.distance {
		ly.nearest(lf, pl)
		lf.EdgeUncertain = lf.EdgeM <= u
	} else {
		lf.feature = ly.containing(pl.lat0, pl.lon0)
		lf.Inside = lf.feature >= 0
		lf.EdgeUncertain = ly.edgeWithin(pl, u)
	}
	if lf.feature >= 0 {
		lf.Feature = ly.features[lf.feature].rawID
	}
}

// appendValues appends the layer's facts for the point to f.Values.
func (ly *layer) appendValues(f *Facts, lf *LayerFacts, u float64) {
	// A polygon layer that gives both inside and distance: where the
	// uncertainty straddles the boundary, inside is unknown and the
	// distance a range from 0, so the rules decide at the threshold.
	for y := range ly.spec.Facts {
		ys := &ly.spec.Facts[y]
		v := Value{Fact: ys.Fact, From: ys.From, Source: lf.Source}
		if !lf.Known {
			f.Values = append(f.Values, v)
			continue
		}
		d, e := lf.DistanceM, lf.EdgeM
		switch ys.From {
		case Inside:
			switch {
			case ly.distance && math.IsInf(d, 1):
				// No polygons at all: more likely missing data than none.
			case lf.EdgeUncertain && u > 0:
				// Either side of the boundary.
			default:
				v.Known, v.Bool = true, lf.Inside
			}
		case Distance:
			switch {
			case math.IsInf(d, 1): // the layer has no features
			case lf.Inside && lf.EdgeUncertain && u > 0:
				v.Known, v.Lo, v.Hi = true, 0, math.Max(0, u-e)
			case lf.Inside:
				v.Known = true
			case d <= u:
				v.Known, v.Lo, v.Hi = true, 0, d+u
			default:
				v.Known, v.Lo, v.Hi = true, d-u, d+u
			}
		case Property:
			// A layer without distances answers for the feature containing
			// the point, unless it may lie in another; one with distances,
			// for the containing or else the nearest feature.
			if lf.feature >= 0 && (ly.distance || !lf.EdgeUncertain) {
				v.Enum = ly.values[y][lf.feature]
				v.Known = v.Enum != ""
			}
		}
		f.Values = append(f.Values, v)
	}
}

// division is the division of the feature containing the point; where the
// uncertainty reaches another feature, their common division; "" outside
// every feature.
func (ly *layer) division(lf *LayerFacts, pl plane, u float64) division.Code {
	if !lf.Inside || lf.feature < 0 {
		return ""
	}
	c := ly.codes[lf.feature]
	if !lf.EdgeUncertain {
		return c
	}
	r2 := math.Nextafter(u*u, math.Inf(1))
	dLat, dLon := pl.pad(u)
	inAll := true
	ly.index.Search([2]float64{pl.lon0 - dLon, pl.lat0 - dLat}, [2]float64{pl.lon0 + dLon, pl.lat0 + dLat},
		func(_, _ [2]float64, i int32) bool {
			p := &ly.polys[i]
			if pl.polyDist2(p, r2) < r2 {
				if c = division.Common(c, ly.codes[p.feature]); c == "" {
					return false
				}
				if !p.contains(pl.lat0, pl.lon0) {
					inAll = false // and maybe in no feature at all
				}
			}
			return true
		})
	if !inAll {
		// Beyond the boundary may be outside every feature: only a
		// division that the layer covers entirely would still be sure.
		return ""
	}
	return c
}

// edgeWithin reports whether a boundary of the layer lies within r metres
// of the plane's origin.
func (ly *layer) edgeWithin(pl plane, r float64) bool {
	if r <= 0 {
		return false
	}
	r2 := math.Nextafter(r*r, math.Inf(1)) // "within" includes r itself
	found := false
	dLat, dLon := pl.pad(r)
	ly.index.Search([2]float64{pl.lon0 - dLon, pl.lat0 - dLat}, [2]float64{pl.lon0 + dLon, pl.lat0 + dLat},
		func(_, _ [2]float64, i int32) bool {
			found = pl.polyDist2(&ly.polys[i], r2) < r2
			return !found
		})
	return found
}

// containing returns the feature of the polygon containing lat, lon that
// comes first by precedence, then in file order, or -1.
func (ly *layer) containing(lat, lon float64) int32 {
	found := int32(-1)
	foundPoly := int32(math.MaxInt32)
	pt := [2]float64{lon, lat}
	ly.index.Search(pt, pt, func(_, _ [2]float64, i int32) bool {
		// Prefer the earliest polygon so overlapping features answer the
		// same whatever the index's internal order.
		p := &ly.polys[i]
		if ly.better(p.feature, i, found, foundPoly) && p.contains(lat, lon) {
			found, foundPoly = p.feature, i
		}
		return true
	})
	return found
}

// better reports whether feature f (of part i) comes before feature g (of
// part j): by the precedence of its value, then in file order.
func (ly *layer) better(f, i, g, j int32) bool {
	if g < 0 {
		return true
	}
	if rf, rg := ly.rank[f], ly.rank[g]; rf != rg {
		return rf < rg
	}
	return i < j
}

// nearest fills lf with the containing or nearest feature and the
// distances. The common case, a point in or near a feature, is answered
// by one R-tree search of the box within firstSearchM metres (padded, see
// plane.pad); it tests every part whose box contains the point, and if the
// nearest edge it finds is within the radius, nothing outside the box can
// be closer. Otherwise rings of grid cells are walked outwards (see
// grid.nearest) until the next ring is farther than the nearest edge
// found.
func (ly *layer) nearest(lf *LayerFacts, pl plane) {
	lat, lon := pl.lat0, pl.lon0
	best := math.Inf(1) // squared metres
	nearest, inside, insidePoly := int32(-1), int32(-1), int32(math.MaxInt32)
	// Candidates are tested nearest box first, so that the nearest edge is
	// found early and prunes the rest. They are gathered in a fixed array
	// to stay allocation-free; any beyond it are tested as they come.
	var cand [maxCandidates]struct {
		d2 float64
		i  int32
	}
	n := 0
	test := func(i int32) {
		p := &ly.polys[i]
		if ly.better(p.feature, i, inside, insidePoly) && p.contains(lat, lon) {
			inside, insidePoly = p.feature, i
		}
		if d := pl.polyDist2(p, best); d < best {
			best, nearest = d, p.feature
		}
	}
	dLat, dLon := pl.pad(firstSearchM)
	ly.index.Search([2]float64{lon - dLon, lat - dLat}, [2]float64{lon + dLon, lat + dLat},
		func(min, max [2]float64, i int32) bool {
			if n == len(cand) {
				test(i)
				return true
			}
			cand[n].d2, cand[n].i = pl.dist2(box{min[0], min[1], max[0], max[1]}), i
			n++
			return true
		})
	// Insertion sort: n is small.
	for j := 1; j < n; j++ {
		for k := j; k > 0 && cand[k].d2 < cand[k-1].d2; k-- {
			cand[k], cand[k-1] = cand[k-1], cand[k]
		}
	}
	for _, c := range cand[:n] {
		if c.d2 > best {
			break // sorted: the rest are farther still (a containing part's box is 0 away)
		}
		test(c.i)
	}
	if best > firstSearchM*firstSearchM {
		ly.grid.nearest(ly.polys, pl, &best, &nearest)
	}
	edge := math.Sqrt(best)
	lf.EdgeM = edge
	switch {
	case inside >= 0 || (nearest >= 0 && edge <= onEdgeM && ly.spec.Geometry == Polygons):
		if inside < 0 {
			inside = nearest
		}
		lf.Inside, lf.DistanceM, lf.feature = true, 0, inside
		if edge <= onEdgeM {
			lf.EdgeM = 0
		}
	case nearest >= 0:
		lf.DistanceM, lf.feature = edge, nearest
	}
}

// firstSearchM is the radius of the first, plain box search. Any value is
// correct; this one answers a point near forest, the case that matters for
// the fire ban, without the best-first walk's priority queue.
const firstSearchM = 300

// maxCandidates bounds the candidates of the first search that are sorted
// by distance; real 林地 layers put a few to a few dozen polygons within
// 300 m of a point.
const maxCandidates = 64
