package place

import (
	"fmt"
	"math"
)

// Facts are what the layers say about one point, in the names the rules
// use. Each layer's facts carry a Known flag: false means the layer was not
// loaded, and a rule that needs the fact must answer "conditional", never
// treat it as false.
//
// The package holds no thresholds from the notices. It reports distances
// and the caller's uncertainty; the engine compares them with the
// thresholds in the rule files (e.g. 100 m from forest land) and answers
// "verify on the ground" when the uncertainty straddles one.
type Facts struct {
	Point        Point   // the WGS-84 point the facts are for
	UncertaintyM float64 // the position uncertainty the caller passed, in metres

	ForestKnown bool // the forest layer is loaded
	// InForestLand (in_forest_land) is true inside a forest polygon or on
	// its boundary, false in a hole or outside.
	InForestLand bool
	// DistanceToForestM (distance_to_forest_m) is the distance in metres to
	// the nearest forest land, 0 inside it. +Inf if the layer has no polygons.
	DistanceToForestM float64
	// DistanceToEdgeM is the distance in metres to the nearest forest
	// boundary, from outside or inside. Edges shared by adjacent forest
	// polygons count, which can only make a point look closer to an edge.
	DistanceToEdgeM float64
	// ForestEdgeUncertain reports DistanceToEdgeM <= UncertaintyM: the
	// point may be on either side of the forest boundary.
	ForestEdgeUncertain bool
	// FireZone (fire_zone) is "key" (重点森林防火区) or "general"
	// (一般森林防火区) for the forest containing the point — "key" if several
	// do — or, outside forest land, for the nearest forest; "" if that
	// forest does not say.
	FireZone      string
	ForestFeature string // the id of that forest feature ("#3": the fourth, which has no id)
	ForestSource  string // the forest layer's path, marked "(synthetic)" if so

	TownKnown  bool   // the towns layer is loaded
	Town       string // town (name as in the division list), "" outside every town
	TownCode   string // its 9-digit division code
	TownSource string
	// TownEdgeUncertain, and UrbanEdgeUncertain and so on below, report a
	// boundary of the layer within UncertaintyM of the point: the point may
	// lie on its other side (another town, outside the urban area, ...).
	// They are false when UncertaintyM is 0.
	TownEdgeUncertain bool

	UrbanKnown         bool
	UrbanArea          bool // urban_area
	UrbanEdgeUncertain bool
	UrbanSource        string

	PlanningKnown         bool
	PlanningArea          bool // planning_area
	PlanningEdgeUncertain bool
	PlanningSource        string

	FireworksKnown         bool
	FireworksBanZone       bool // fireworks_ban_zone
	FireworksEdgeUncertain bool
	FireworksSource        string
}

// Fact names used by the rules.
const (
	FactInForestLand      = "in_forest_land"
	FactDistanceToForestM = "distance_to_forest_m"
	FactFireZone          = "fire_zone"
	FactTown              = "town"
	FactUrbanArea         = "urban_area"
	FactPlanningArea      = "planning_area"
	FactFireworksBanZone  = "fireworks_ban_zone"
)

// FactNames lists the rule facts Facts can give, for Fact.
var FactNames = [...]string{
	FactInForestLand, FactDistanceToForestM, FactFireZone, FactTown,
	FactUrbanArea, FactPlanningArea, FactFireworksBanZone,
}

// Fact returns the rule fact called name (see FactNames), the layer file it
// comes from, and whether it is known. A fact is unknown when its layer is
// absent, and also fire_zone when the forest does not say and
// distance_to_forest_m when the forest layer has no polygons. Unlike
// Facts it may allocate.
func (f Facts) Fact(name string) (value any, source string, known bool) {
	switch name {
	case FactInForestLand:
		return f.InForestLand, f.ForestSource, f.ForestKnown
	case FactDistanceToForestM:
		return f.DistanceToForestM, f.ForestSource, f.ForestKnown && !math.IsInf(f.DistanceToForestM, 1)
	case FactFireZone:
		return f.FireZone, f.ForestSource, f.ForestKnown && f.FireZone != ""
	case FactTown:
		return f.Town, f.TownSource, f.TownKnown
	case FactUrbanArea:
		return f.UrbanArea, f.UrbanSource, f.UrbanKnown
	case FactPlanningArea:
		return f.PlanningArea, f.PlanningSource, f.PlanningKnown
	case FactFireworksBanZone:
		return f.FireworksBanZone, f.FireworksSource, f.FireworksKnown
	}
	return nil, "", false
}

// onEdgeM is how close to a boundary, in metres, a point counts as on it.
// Survey coordinates carry no more than millimetre meaning, and the even-odd
// rule is arbitrary exactly on an edge, so boundary points are decided by
// distance: they belong to the forest (the notice's "林地" includes its
// boundary).
const onEdgeM = 1e-3

// Facts returns the facts for p, converted to WGS-84 first.
// uncertaintyM is the position's uncertainty in metres (e.g. the GPS
// accuracy), 0 if exact; it must be finite and non-negative. Facts does not
// allocate.
func (l *Layers) Facts(p Point, uncertaintyM float64) (Facts, error) {
	w, err := p.WGS84()
	if err != nil {
		return Facts{}, fmt.Errorf("place: facts: %w", err)
	}
	if !(uncertaintyM >= 0) || math.IsInf(uncertaintyM, 1) {
		return Facts{}, fmt.Errorf("place: facts: uncertainty %v m, want a finite value ≥ 0", uncertaintyM)
	}
	f := Facts{Point: w, UncertaintyM: uncertaintyM}
	if l == nil {
		return f, nil
	}
	lat, lon := w.Lat, w.Lon
	pl := newPlane(lat, lon)
	if fl := l.forest; fl != nil {
		fl.forestFacts(&f, pl)
	}
	u := uncertaintyM
	if t := l.towns; t != nil {
		f.TownKnown, f.TownSource = true, t.label
		if i := t.find(lat, lon); i >= 0 {
			ft := &t.features[i]
			f.Town, f.TownCode = ft.name, ft.code
		}
		f.TownEdgeUncertain = t.edgeWithin(pl, u)
	}
	if a := l.urban; a != nil {
		f.UrbanKnown, f.UrbanArea, f.UrbanSource = true, a.find(lat, lon) >= 0, a.label
		f.UrbanEdgeUncertain = a.edgeWithin(pl, u)
	}
	if a := l.planning; a != nil {
		f.PlanningKnown, f.PlanningArea, f.PlanningSource = true, a.find(lat, lon) >= 0, a.label
		f.PlanningEdgeUncertain = a.edgeWithin(pl, u)
	}
	if a := l.fireworks; a != nil {
		f.FireworksKnown, f.FireworksBanZone, f.FireworksSource = true, a.find(lat, lon) >= 0, a.label
		f.FireworksEdgeUncertain = a.edgeWithin(pl, u)
	}
	return f, nil
}

// edgeWithin reports whether a boundary of the layer lies within r metres
// of the plane's origin.
func (a *polyLayer) edgeWithin(pl plane, r float64) bool {
	if r <= 0 {
		return false
	}
	r2 := math.Nextafter(r*r, math.Inf(1)) // "within" includes r itself
	found := false
	dLat, dLon := pl.pad(r)
	a.index.Search([2]float64{pl.lon0 - dLon, pl.lat0 - dLat}, [2]float64{pl.lon0 + dLon, pl.lat0 + dLat},
		func(_, _ [2]float64, i int32) bool {
			found = pl.polyDist2(&a.polys[i], r2) < r2
			return !found
		})
	return found
}

// find returns the feature index of the first polygon containing lat, lon
// (in file order), or -1.
func (a *polyLayer) find(lat, lon float64) int32 {
	found := int32(-1)
	foundPoly := int32(math.MaxInt32)
	pt := [2]float64{lon, lat}
	a.index.Search(pt, pt, func(_, _ [2]float64, i int32) bool {
		// Prefer the earliest polygon so overlapping features answer the
		// same whatever the index's internal order.
		if i < foundPoly && a.polys[i].contains(lat, lon) {
			found, foundPoly = a.polys[i].feature, i
		}
		return true
	})
	return found
}

// forestFacts fills the forest facts. The common case, a point in or near
// forest, is answered by one R-tree search of the box within firstSearchM
// metres (padded, see plane.pad); it tests every polygon whose box contains
// the point, and if the nearest edge it finds is within the radius, nothing
// outside the box can be closer. Otherwise rings of grid cells are walked
// outwards (see grid.nearest) until the next ring is farther than the
// nearest edge found.
func (a *polyLayer) forestFacts(f *Facts, pl plane) {
	f.ForestKnown, f.ForestSource = true, a.label
	lat, lon := pl.lat0, pl.lon0
	best := math.Inf(1) // squared metres
	nearest, inside := int32(-1), int32(-1)
	// Candidates are tested nearest box first, so that the nearest edge is
	// found early and prunes the rest. They are gathered in a fixed array
	// to stay allocation-free; any beyond it are tested as they come.
	var cand [maxCandidates]struct {
		d2 float64
		i  int32
	}
	n := 0
	test := func(i int32) {
		p := &a.polys[i]
		if p.contains(lat, lon) {
			if inside < 0 || a.features[p.feature].fireZone == FireZoneKey && a.features[inside].fireZone != FireZoneKey {
				inside = p.feature
			}
		}
		if d := pl.polyDist2(p, best); d < best {
			best, nearest = d, p.feature
		}
	}
	dLat, dLon := pl.pad(firstSearchM)
	a.index.Search([2]float64{lon - dLon, lat - dLat}, [2]float64{lon + dLon, lat + dLat},
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
			break // sorted: the rest are farther still
		}
		test(c.i)
	}
	if best > firstSearchM*firstSearchM {
		a.grid.nearest(a.polys, pl, &best, &nearest)
	}
	edge := math.Sqrt(best)
	f.DistanceToEdgeM = edge
	f.ForestEdgeUncertain = edge <= f.UncertaintyM
	switch {
	case inside >= 0 || (nearest >= 0 && edge <= onEdgeM):
		if inside < 0 {
			inside = nearest
		}
		f.InForestLand = true
		f.DistanceToForestM = 0
		f.FireZone, f.ForestFeature = a.features[inside].fireZone, a.features[inside].rawID
		if edge <= onEdgeM {
			f.DistanceToEdgeM = 0
		}
	case nearest >= 0:
		f.DistanceToForestM = edge
		f.FireZone, f.ForestFeature = a.features[nearest].fireZone, a.features[nearest].rawID
	default:
		f.DistanceToForestM = math.Inf(1)
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
