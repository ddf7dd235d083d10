package place

import (
	"math"

	"github.com/paulmach/orb"
)

// WGS-84 ellipsoid.
const (
	wgsA  = 6378137.0
	wgsF  = 1 / 298.257223563
	wgsE2 = wgsF * (2 - wgsF)
)

// plane is a local tangent plane at a query point: it maps lon/lat degrees to
// metres east and north of the point using the WGS-84 radii of curvature
// there (the prime vertical N for east, the meridian M for north). At the
// 100 m scale of the fire-ban buffer it agrees with a geodesic to about a
// millimetre, where a sphere is 0.4 % (40 cm) off.
type plane struct {
	lon0, lat0 float64
	kx, ky     float64 // metres per degree east and north
}

func newPlane(lat, lon float64) plane {
	phi := lat * math.Pi / 180
	s := math.Sin(phi)
	w := 1 - wgsE2*s*s
	n := wgsA / math.Sqrt(w)
	m := wgsA * (1 - wgsE2) / (w * math.Sqrt(w))
	return plane{
		lon0: lon, lat0: lat,
		kx: n * math.Cos(phi) * math.Pi / 180,
		ky: m * math.Pi / 180,
	}
}

// pad returns the half-widths in degrees of a box around the plane's origin
// that surely contains every point within r metres. It pads by 1 % and 1 m
// more than r, and takes the longitude scale on the poleward side of the
// box, because a search box that is too small would silently miss forest
// (a sphere-based pad gives 99.7 m for 100 m).
func (p plane) pad(r float64) (dLat, dLon float64) {
	r = r*1.01 + 1
	dLat = r / p.ky
	poleward := math.Min(math.Abs(p.lat0)+dLat, 89.9) * math.Pi / 180
	dLon = r / (p.kx / math.Cos(p.lat0*math.Pi/180) * math.Cos(poleward))
	return dLat, dLon
}

// box is an axis-aligned bounding box in degrees.
type box struct {
	minLon, minLat, maxLon, maxLat float64
}

func emptyBox() box {
	return box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
}

// extend grows b to hold p. Plain comparisons, not math.Min and math.Max:
// coordinates are checked finite before, and this is the loader's inner loop.
func (b *box) extend(p orb.Point) {
	if p[0] < b.minLon {
		b.minLon = p[0]
	}
	if p[0] > b.maxLon {
		b.maxLon = p[0]
	}
	if p[1] < b.minLat {
		b.minLat = p[1]
	}
	if p[1] > b.maxLat {
		b.maxLat = p[1]
	}
}

func (b *box) union(c box) {
	b.minLon = math.Min(b.minLon, c.minLon)
	b.maxLon = math.Max(b.maxLon, c.maxLon)
	b.minLat = math.Min(b.minLat, c.minLat)
	b.maxLat = math.Max(b.maxLat, c.maxLat)
}

func (b box) containsPoint(lat, lon float64) bool {
	return lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat
}

// dist2 is the squared distance in metres, in plane p, from p's origin to b.
// It is on the hot path: plain comparisons, not math.Max, which pays for
// NaN and signed-zero rules the finite coordinates here do not need.
func (p plane) dist2(b box) float64 {
	var dx, dy float64
	if b.minLon > p.lon0 {
		dx = (b.minLon - p.lon0) * p.kx
	} else if p.lon0 > b.maxLon {
		dx = (p.lon0 - b.maxLon) * p.kx
	}
	if b.minLat > p.lat0 {
		dy = (b.minLat - p.lat0) * p.ky
	} else if p.lat0 > b.maxLat {
		dy = (p.lat0 - b.maxLat) * p.ky
	}
	return dx*dx + dy*dy
}

// chunkSize is the number of ring segments that share one bounding box.
// Boxes let long rings (real 林地 layers have rings of thousands of
// vertices) skip most segments in both the containment and distance tests.
const chunkSize = 16

// ring is a closed ring (last position equals the first) of lon/lat
// positions, or an open line, with one bounding box per chunkSize
// segments. A point is a line of one zero-length segment.
type ring struct {
	pts    []orb.Point
	chunks []box
}

// newRing makes a ring of pts, closing it if closed is set.
func newRing(pts []orb.Point, closed bool) ring { return newRingIn(pts, closed, nil) }

// numChunks is the number of chunk boxes of a ring of n positions.
func numChunks(n int) int { return (n + chunkSize - 1) / chunkSize }

// newRingIn is newRing taking its chunk boxes from the front of *arena when
// it has room, so that loading a layer allocates a few large slices rather
// than one per ring.
func newRingIn(pts []orb.Point, closed bool, arena *[]box) ring {
	if n := len(pts); closed && n > 0 && pts[0] != pts[n-1] {
		// Close the ring on a copy: the caller's slice may be shared.
		pts = append(pts[:n:n], pts[0])
	}
	segs := len(pts) - 1
	nc := numChunks(max(segs, 0))
	var chunks []box
	if arena != nil && len(*arena) >= nc {
		chunks, *arena = (*arena)[:0:nc], (*arena)[nc:]
	} else {
		chunks = make([]box, 0, nc)
	}
	r := ring{pts: pts, chunks: chunks}
	for i := 0; i < segs; i += chunkSize {
		b := emptyBox()
		end := min(i+chunkSize, segs)
		for j := i; j <= end; j++ {
			b.extend(pts[j])
		}
		r.chunks = append(r.chunks, b)
	}
	return r
}

// crossings reports whether a ray from lat, lon towards +longitude crosses
// the ring an odd number of times (the even-odd rule). Points exactly on an
// edge may go either way; callers decide those by distance.
func (r *ring) crossings(lat, lon float64) bool {
	odd := false
	segs := len(r.pts) - 1
	for c, b := range r.chunks {
		if lat < b.minLat || lat >= b.maxLat || b.maxLon < lon {
			continue
		}
		end := min((c+1)*chunkSize, segs)
		for i := c * chunkSize; i < end; i++ {
			a, e := r.pts[i], r.pts[i+1]
			if (a[1] > lat) != (e[1] > lat) {
				x := a[0] + (lat-a[1])*(e[0]-a[0])/(e[1]-a[1])
				if lon < x {
					odd = !odd
				}
			}
		}
	}
	return odd
}

// dist2 returns the squared distance in metres from the plane's origin to the
// ring, or best if the ring is no closer than best.
func (p plane) ringDist2(r *ring, best float64) float64 {
	segs := len(r.pts) - 1
	for c, b := range r.chunks {
		if p.dist2(b) >= best {
			continue
		}
		end := min((c+1)*chunkSize, segs)
		ax := (r.pts[c*chunkSize][0] - p.lon0) * p.kx
		ay := (r.pts[c*chunkSize][1] - p.lat0) * p.ky
		for i := c * chunkSize; i < end; i++ {
			e := r.pts[i+1]
			ex := (e[0] - p.lon0) * p.kx
			ey := (e[1] - p.lat0) * p.ky
			if d := segDist2(ax, ay, ex, ey); d < best {
				best = d
			}
			ax, ay = ex, ey
		}
	}
	return best
}

// segDist2 is the squared distance from the origin to the segment a–e.
func segDist2(ax, ay, ex, ey float64) float64 {
	dx, dy := ex-ax, ey-ay
	// The projection of the origin onto the line is before a, after e, or
	// between them; comparing dot products avoids a division in the first
	// two cases.
	dot := -(ax*dx + ay*dy)
	if dot <= 0 {
		return ax*ax + ay*ay
	}
	l2 := dx*dx + dy*dy
	if dot >= l2 {
		return ex*ex + ey*ey
	}
	t := dot / l2
	x, y := ax+t*dx, ay+t*dy
	return x*x + y*y
}

// polygon is one part of a feature: a polygon (an exterior ring and its
// holes), or a line or a point (one open ring). A Multi* feature becomes
// several parts sharing a feature index.
type polygon struct {
	rings   []ring
	bound   box
	feature int32
	area    bool // a polygon, which has an inside
}

// newPolygon builds a part, taking its rings and chunk boxes from the
// arenas when they have room (see newRingIn). area says the rings are a
// polygon's (closed), not a line's or a point's.
func newPolygon(rings []orb.Ring, area bool, feature int32, ringArena *[]ring, boxArena *[]box) polygon {
	p := polygon{bound: emptyBox(), feature: feature, area: area}
	if n := len(rings); len(*ringArena) >= n {
		p.rings, *ringArena = (*ringArena)[:n:n], (*ringArena)[n:]
	} else {
		p.rings = make([]ring, n)
	}
	for i, r := range rings {
		p.rings[i] = newRingIn(r, area, boxArena)
		// All rings, not just the exterior: a malformed hole outside its
		// exterior must still be found by the index.
		for _, b := range p.rings[i].chunks {
			p.bound.union(b)
		}
	}
	return p
}

// contains reports whether lat, lon is inside p by the even-odd rule over
// all its rings, so holes are excluded whatever their winding.
func (p *polygon) contains(lat, lon float64) bool {
	if !p.area || !p.bound.containsPoint(lat, lon) {
		return false
	}
	odd := false
	for i := range p.rings {
		if p.rings[i].crossings(lat, lon) {
			odd = !odd
		}
	}
	return odd
}

// dist2 is the squared distance in metres from the plane's origin to p's
// boundary (any ring), or best if no closer.
func (pl plane) polyDist2(p *polygon, best float64) float64 {
	if pl.dist2(p.bound) >= best {
		return best
	}
	for i := range p.rings {
		best = pl.ringDist2(&p.rings[i], best)
	}
	return best
}
