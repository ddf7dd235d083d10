package place_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/place"
)

// Metres per degree at Qiyang, roughly: enough to place test points; the
// distances themselves are always checked against vincenty.
const (
	mPerDegLat = 110790.0
	mPerDegLon = 99590.0
)

// offset returns the point e metres east and n metres north of lat, lon,
// approximately.
func offset(lat, lon, e, n float64) (float64, float64) {
	return lat + n/mPerDegLat, lon + e/(mPerDegLon)
}

func wgs(lat, lon float64) place.Point { return place.Point{Lat: lat, Lon: lon, CRS: place.WGS84} }

// collection builds a GeoJSON FeatureCollection of the given features.
func collection(t testing.TB, feats ...*geojson.Feature) []byte {
	t.Helper()
	fc := geojson.NewFeatureCollection()
	for _, f := range feats {
		fc.Append(f)
	}
	b, err := fc.MarshalJSON()
	require.NoError(t, err)
	return b
}

func feature(id string, g orb.Geometry, props map[string]any) *geojson.Feature {
	f := geojson.NewFeature(g)
	f.ID = id
	for k, v := range props {
		f.Properties[k] = v
	}
	return f
}

// square returns a counter-clockwise ring of side metres centred at lat, lon.
func square(lat, lon, side float64) orb.Ring {
	h := side / 2
	var r orb.Ring
	for _, c := range [][2]float64{{-h, -h}, {h, -h}, {h, h}, {-h, h}, {-h, -h}} {
		la, lo := offset(lat, lon, c[0], c[1])
		r = append(r, orb.Point{lo, la})
	}
	return r
}

func reversed(r orb.Ring) orb.Ring {
	out := make(orb.Ring, len(r))
	for i := range r {
		out[i] = r[len(r)-1-i]
	}
	return out
}

func loadForest(t testing.TB, feats ...*geojson.Feature) *place.Layers {
	t.Helper()
	l, err := place.ParseLayer(specOf(t, "forest"), "forest.geojson", collection(t, feats...))
	require.NoError(t, err)
	return l
}

func facts(t testing.TB, l *place.Layers, lat, lon, u float64) view {
	t.Helper()
	f, err := l.Facts(wgs(lat, lon), u)
	require.NoError(t, err)
	return viewOf(f)
}

// truthDist is the geodesic distance from p to the segment a–b (a straight
// line in longitude/latitude, as RFC 7946 defines edges), by ternary search
// along the segment with vincenty: independent of the package's plane.
func truthDist(pLat, pLon float64, a, b orb.Point) float64 {
	d := func(s float64) float64 {
		return vincenty(pLat, pLon, a[1]+s*(b[1]-a[1]), a[0]+s*(b[0]-a[0]))
	}
	lo, hi := 0.0, 1.0
	for range 60 { // (2/3)^60 of a kilometre edge is below a micrometre
		m1, m2 := lo+(hi-lo)/3, hi-(hi-lo)/3
		if d(m1) < d(m2) {
			hi = m2
		} else {
			lo = m1
		}
	}
	return d((lo + hi) / 2)
}

// pointAt returns the point on the outward normal of edge a–b (of a
// counter-clockwise ring) through its midpoint whose geodesic distance to the
// edge is want metres, by bisection on truthDist.
func pointAt(a, b orb.Point, want float64) (lat, lon float64) {
	mLat, mLon := (a[1]+b[1])/2, (a[0]+b[0])/2
	ex, ny := (b[0]-a[0])*mPerDegLon, (b[1]-a[1])*mPerDegLat
	l := math.Hypot(ex, ny)
	nx, nyy := ny/l, -ex/l // right of the direction of travel: outside a CCW ring
	at := func(s float64) (float64, float64) { return offset(mLat, mLon, nx*s, nyy*s) }
	lo, hi := 0.0, want*2
	for range 48 {
		s := (lo + hi) / 2
		la, lo2 := at(s)
		if truthDist(la, lo2, a, b) < want {
			lo = s
		} else {
			hi = s
		}
	}
	return at((lo + hi) / 2)
}

// A tilted quadrilateral: no edge is along a meridian or parallel.
func tilted() orb.Ring {
	var r orb.Ring
	for _, c := range [][2]float64{{-400, -250}, {350, -420}, {520, 380}, {-300, 460}, {-400, -250}} {
		la, lo := offset(qiyangLat, qiyangLon, c[0], c[1])
		r = append(r, orb.Point{lo, la})
	}
	return r
}

func TestDistanceAgainstGeodesic(t *testing.T) {
	ring := tilted()
	l := loadForest(t, feature("F1", orb.Polygon{ring}, map[string]any{"fire_zone": "key"}))
	worst := 0.0
	defer func() { t.Logf("largest difference from the geodesic: %.2f mm", worst*1000) }()
	for i := 0; i+1 < len(ring); i++ {
		for _, want := range []float64{0.5, 10, 50, 99, 100, 101, 150, 500} {
			lat, lon := pointAt(ring[i], ring[i+1], want)
			f := facts(t, l, lat, lon, 0)
			require.False(t, f.InForestLand, "edge %d at %v m", i, want)
			require.InDelta(t, want, f.DistanceToForestM, 0.005, "edge %d at %v m", i, want)
			require.Equal(t, f.DistanceToForestM, f.DistanceToEdgeM)
			if want <= 150 {
				worst = math.Max(worst, math.Abs(f.DistanceToForestM-want))
			}
			require.Equal(t, "key", f.FireZone)
		}
	}
}

// The zone is "林地及林地外距林地边缘100米以内": 99 m away is inside it,
// 101 m is not, on every edge, and the margin is far larger than the error.
func TestNinetyNineAndHundredOneMetres(t *testing.T) {
	ring := tilted()
	l := loadForest(t, feature("F1", orb.Polygon{ring}, nil))
	for i := 0; i+1 < len(ring); i++ {
		lat, lon := pointAt(ring[i], ring[i+1], 99)
		require.LessOrEqual(t, facts(t, l, lat, lon, 0).DistanceToForestM, 100.0)
		lat, lon = pointAt(ring[i], ring[i+1], 101)
		require.Greater(t, facts(t, l, lat, lon, 0).DistanceToForestM, 100.0)
		// 5 cm either side of the line still decides correctly.
		lat, lon = pointAt(ring[i], ring[i+1], 99.95)
		require.LessOrEqual(t, facts(t, l, lat, lon, 0).DistanceToForestM, 100.0)
		lat, lon = pointAt(ring[i], ring[i+1], 100.05)
		require.Greater(t, facts(t, l, lat, lon, 0).DistanceToForestM, 100.0)
	}
}

// The same against a polygon of the synthetic layer, found by its id.
func TestDistanceOnSyntheticForest(t *testing.T) {
	data, err := os.ReadFile("testdata/synthetic/forest.geojson")
	require.NoError(t, err)
	fc, err := geojson.UnmarshalFeatureCollection(data)
	require.NoError(t, err)
	l, err := place.LoadDir("testdata/synthetic")
	require.NoError(t, err)
	checked := 0
	for _, f := range fc.Features[:25] {
		poly, ok := f.Geometry.(orb.Polygon)
		if !ok {
			continue
		}
		ext := poly[0]
		for i := 0; i+1 < len(ext); i += 7 {
			lat, lon := pointAt(ext[i], ext[i+1], 99)
			want := math.Inf(1)
			// Star-shaped rings are not convex: the nearest edge may be
			// another one, so the truth is the minimum over the ring.
			// Only edges within a metre of the nearest by the plane need
			// the geodesic.
			near := math.Inf(1)
			for j := 0; j+1 < len(ext); j++ {
				near = math.Min(near, planeDist(lat, lon, ext[j], ext[j+1]))
			}
			for j := 0; j+1 < len(ext); j++ {
				if planeDist(lat, lon, ext[j], ext[j+1]) < near+1 {
					want = math.Min(want, truthDist(lat, lon, ext[j], ext[j+1]))
				}
			}
			got := facts(t, l, lat, lon, 0)
			if got.InForestLand || got.ForestFeature != fmt.Sprint(f.ID) {
				continue // the normal ran into this or another forest
			}
			require.InDelta(t, want, got.DistanceToForestM, 0.005, "feature %v edge %d", f.ID, i)
			checked++
		}
	}
	require.Greater(t, checked, 30)
}

func TestHolesAndMultiPolygons(t *testing.T) {
	outer := square(qiyangLat, qiyangLon, 1000)
	hole := reversed(square(qiyangLat, qiyangLon, 400))
	partLat, partLon := offset(qiyangLat, qiyangLon, 3000, 0)
	part2 := square(partLat, partLon, 200)
	l := loadForest(t,
		feature("holed", orb.Polygon{outer, hole}, map[string]any{"fire_zone": "general"}),
		feature("multi", orb.MultiPolygon{
			{square(qiyangLat+0.05, qiyangLon, 300)},
			{part2},
		}, map[string]any{"fire_zone": "key"}),
	)
	tests := []struct {
		name       string
		e, n       float64 // metres from the centre
		inForest   bool
		distance   float64 // to forest (0 inside)
		edge       float64
		feature    string
		fireZone   string
		edgeApprox float64
	}{
		{name: "centre of the hole", e: 0, n: 0, distance: 200, edge: 200, feature: "holed", fireZone: "general"},
		{name: "in the hole near its edge", e: 190, n: 0, distance: 10, edge: 10, feature: "holed", fireZone: "general"},
		{name: "in the forest ring", e: 300, n: 0, inForest: true, edge: 100, feature: "holed", fireZone: "general"},
		{name: "outside", e: 600, n: 0, distance: 100, edge: 100, feature: "holed", fireZone: "general"},
		{name: "second part of the multipolygon", e: 3000, n: 50, inForest: true, edge: 50, feature: "multi", fireZone: "key"},
		{name: "near the second part", e: 3150, n: 0, distance: 50, edge: 50, feature: "multi", fireZone: "key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lat, lon := offset(qiyangLat, qiyangLon, tt.e, tt.n)
			f := facts(t, l, lat, lon, 0)
			require.True(t, f.ForestKnown)
			require.Equal(t, tt.inForest, f.InForestLand)
			// Test points are placed with approximate scales: 0.5 % slack.
			require.InDelta(t, tt.distance, f.DistanceToForestM, 0.005*tt.edge+0.01)
			require.InDelta(t, tt.edge, f.DistanceToEdgeM, 0.005*tt.edge+0.01)
			require.Equal(t, tt.feature, f.ForestFeature)
			require.Equal(t, tt.fireZone, f.FireZone)
			require.Equal(t, "forest.geojson", f.ForestSource)
		})
	}
}

// Points exactly on a vertex or an edge are in forest land: the boundary
// belongs to it, and the even-odd rule cannot be trusted there.
func TestOnVertexAndEdge(t *testing.T) {
	outer := tilted()
	hole := reversed(square(qiyangLat, qiyangLon, 200))
	sq := square(qiyangLat+0.02, qiyangLon, 300) // has parallel (horizontal) edges
	l := loadForest(t, feature("F", orb.Polygon{outer, hole}, nil), feature("S", orb.Polygon{sq}, nil))
	var pts []orb.Point
	for _, r := range []orb.Ring{outer, hole, sq} {
		for i := 0; i+1 < len(r); i++ {
			pts = append(pts, r[i], orb.Point{(r[i][0] + r[i+1][0]) / 2, (r[i][1] + r[i+1][1]) / 2})
		}
	}
	for _, p := range pts {
		f := facts(t, l, p[1], p[0], 0)
		require.True(t, f.InForestLand, "%v", p)
		require.Zero(t, f.DistanceToForestM, "%v", p)
		require.Zero(t, f.DistanceToEdgeM, "%v", p)
	}
}

func TestUncertainty(t *testing.T) {
	ring := tilted()
	l := loadForest(t, feature("F", orb.Polygon{ring}, nil))
	cen := orb.Point{(ring[0][0] + ring[2][0]) / 2, (ring[0][1] + ring[2][1]) / 2}
	lat, lon := pointAt(ring[0], ring[1], 3)
	f := facts(t, l, lat, lon, 5)
	require.True(t, f.ForestEdgeUncertain, "3 m outside, ±5 m")
	require.Equal(t, 5.0, f.UncertaintyM)
	f = facts(t, l, lat, lon, 2)
	require.False(t, f.ForestEdgeUncertain, "3 m outside, ±2 m")

	// Inside, 4 m from the edge: in_forest_land is uncertain at ±5 m.
	in := orb.Point{ring[0][0] + (cen[0]-ring[0][0])*0.01, ring[0][1] + (cen[1]-ring[0][1])*0.01}
	f = facts(t, l, in[1], in[0], 5)
	require.True(t, f.InForestLand)
	require.Zero(t, f.DistanceToForestM)
	require.Greater(t, f.DistanceToEdgeM, 0.0)
	require.Less(t, f.DistanceToEdgeM, 5.0)
	require.True(t, f.ForestEdgeUncertain)

	for _, u := range []float64{-1, math.NaN(), math.Inf(1)} {
		_, err := l.Facts(wgs(lat, lon), u)
		require.Error(t, err, "uncertainty %v", u)
	}
}

func TestFireZonePrefersKey(t *testing.T) {
	l := loadForest(t,
		feature("G", orb.Polygon{square(qiyangLat, qiyangLon, 500)}, map[string]any{"fire_zone": "一般森林防火区"}),
		feature("K", orb.Polygon{square(qiyangLat, qiyangLon, 300)}, map[string]any{"fire_zone": "重点"}),
		feature("N", orb.Polygon{square(qiyangLat+0.1, qiyangLon, 300)}, nil),
	)
	f := facts(t, l, qiyangLat, qiyangLon, 0)
	require.Equal(t, "key", f.FireZone)
	require.Equal(t, "K", f.ForestFeature)
	f = facts(t, l, qiyangLat+0.1, qiyangLon, 0)
	require.Equal(t, "", f.FireZone)
	z, _ := f.Value("fire_zone")
	require.False(t, z.Known, "a forest without fire_zone leaves the zone unknown")
}

func TestAbsentLayersAreUnknown(t *testing.T) {
	l, err := place.LoadFS(fstest.MapFS{"layers.yaml": {Data: mustRead(t, "testdata/synthetic/layers.yaml")}}, ".")
	require.NoError(t, err)
	f := facts(t, l, qiyangLat, qiyangLon, 0)
	require.False(t, f.ForestKnown || f.TownKnown || f.UrbanKnown || f.PlanningKnown || f.FireworksKnown)
	require.Len(t, f.Values, 6)
	for _, v := range f.Values {
		require.False(t, v.Known, v.Fact)
	}
	require.Empty(t, f.Division)
	require.Len(t, l.Sources(), 5)
	for _, s := range l.Sources() {
		require.True(t, s.Absent, s.Layer)
	}
	require.Contains(t, l.Describe(), "forest: forest.geojson absent (facts unknown) → in_forest_land, distance_to_forest_m, fire_zone")

	// A nil *Layers is an empty set, not a crash.
	var none *place.Layers
	_, err = none.Facts(wgs(qiyangLat, qiyangLon), 0)
	require.NoError(t, err)
	require.Empty(t, none.Sources())
	require.Equal(t, "no layers\n", none.Describe())
	both, err := none.With(nil)
	require.NoError(t, err)
	require.Empty(t, both.Sources())

	// An empty forest layer says nothing: more likely missing data than
	// no forest anywhere.
	l = loadForest(t)
	f = facts(t, l, qiyangLat, qiyangLon, 0)
	require.True(t, f.ForestKnown)
	require.False(t, f.InForestLand)
	require.True(t, math.IsInf(f.DistanceToForestM, 1))
	for _, v := range f.Values {
		require.False(t, v.Known, v.Fact)
	}
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	return data
}

func TestSyntheticLayers(t *testing.T) {
	l, err := place.LoadDir("testdata/synthetic")
	require.NoError(t, err)
	srcs := l.Sources()
	require.Len(t, srcs, 5)
	for _, s := range srcs {
		require.True(t, s.Synthetic, s.Layer)
	}
	// The city centre: 街道, urban, planning area, fireworks zone.
	f := facts(t, l, qiyangLat, qiyangLon, 0)
	require.True(t, f.TownKnown)
	require.Contains(t, []string{"龙山街道", "长虹街道", "浯溪街道"}, f.Town)
	require.Len(t, f.TownCode, 9)
	require.True(t, f.UrbanArea && f.PlanningArea && f.FireworksBanZone)
	require.Contains(t, f.TownSource, "(synthetic)")
	// A GPS fix that may be on either side of the urban boundary says so.
	urban, err := os.ReadFile("testdata/synthetic/urban.geojson")
	require.NoError(t, err)
	ufc, err := geojson.UnmarshalFeatureCollection(urban)
	require.NoError(t, err)
	v0 := ufc.Features[0].Geometry.(orb.Polygon)[0][0]
	lat, lon := offset(v0[1], v0[0], 3, 0) // 3 m east of a vertex on the east side
	f = facts(t, l, lat, lon, 10)
	require.True(t, f.UrbanEdgeUncertain)
	require.False(t, f.TownEdgeUncertain || f.PlanningEdgeUncertain)
	f = facts(t, l, lat, lon, 2)
	require.False(t, f.UrbanEdgeUncertain)
	f = facts(t, l, lat, lon, 0)
	require.False(t, f.UrbanEdgeUncertain)

	// Far out in the county: a 镇, not urban.
	lat, lon = offset(qiyangLat, qiyangLon, 15000, 12000)
	f = facts(t, l, lat, lon, 0)
	require.True(t, strings.HasSuffix(f.Town, "镇"), f.Town)
	require.False(t, f.UrbanArea || f.PlanningArea)
	// Outside the county: known, but in no town, so in no known division.
	f = facts(t, l, 28, 113, 0)
	require.True(t, f.TownKnown)
	require.Empty(t, f.Town)
	require.Empty(t, f.Division)
	require.Contains(t, f.TownSource, "towns.geojson")

	// Every town of the division list's annex appears once.
	towns := readTownNames(t)
	seen := map[string]bool{}
	for lat := 26.2; lat < 27.0; lat += 0.01 {
		for lon := 111.5; lon < 112.25; lon += 0.01 {
			seen[facts(t, l, lat, lon, 0).Town] = true
		}
	}
	for _, name := range towns {
		require.True(t, seen[name], name)
	}
}

// readTownNames reads the 22 towns of the medical-insurance annex from the
// shared division list, skipping when it is absent.
func readTownNames(t *testing.T) []string {
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "data", "divisions", "qiyang-towns.csv"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared division list is absent (%v): CI needs ../shared", err)
		}
		t.Skipf("shared division list not available: %v", err)
	}
	skip := "金洞镇 凤凰乡 石鼓源乡 晒北滩瑶族乡 原种场 畜牧场"
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
		cols := strings.Split(line, ",")
		name := strings.Trim(cols[1], `"`)
		if !strings.Contains(skip, name) {
			out = append(out, name)
		}
	}
	require.Len(t, out, 22)
	return out
}

// The index, the chunk boxes and the growing search must give exactly what
// a brute-force scan of every polygon gives, with orb's planar containment
// as an independent point-in-polygon.
func TestIndexAgreesWithBruteForce(t *testing.T) {
	data, err := os.ReadFile("testdata/synthetic/forest.geojson")
	require.NoError(t, err)
	fc, err := geojson.UnmarshalFeatureCollection(data)
	require.NoError(t, err)
	l, err := place.LoadDir("testdata/synthetic")
	require.NoError(t, err)
	rnd := rand.New(rand.NewPCG(3, 4))
	// Random points over the county, some far away (the grid walk), and a
	// few across the world (rings far outside the grid).
	var pts [][2]float64
	for range 150 {
		lat := qiyangLat + (rnd.Float64()-0.5)*0.7
		lon := qiyangLon + (rnd.Float64()-0.5)*0.7
		if rnd.IntN(10) == 0 {
			lat += 1
		}
		pts = append(pts, [2]float64{lat, lon})
	}
	pts = append(pts, [2]float64{qiyangLat, qiyangLon}, [2]float64{26.2, 111.3}, [2]float64{-60, -170}, [2]float64{0, 0}, [2]float64{80, 111.86})
	for _, pt := range pts {
		lat, lon := pt[0], pt[1]
		inside := false
		best := math.Inf(1)
		for _, f := range fc.Features {
			var mp orb.MultiPolygon
			switch g := f.Geometry.(type) {
			case orb.Polygon:
				mp = orb.MultiPolygon{g}
			case orb.MultiPolygon:
				mp = g
			}
			if planar.MultiPolygonContains(mp, orb.Point{lon, lat}) {
				inside = true
			}
			for _, p := range mp {
				for _, r := range p {
					for i := 0; i+1 < len(r); i++ {
						best = math.Min(best, planeDist(lat, lon, r[i], r[i+1]))
					}
				}
			}
		}
		f := facts(t, l, lat, lon, 0)
		require.Equal(t, inside, f.InForestLand, "%v,%v", lat, lon)
		require.InDelta(t, best, f.DistanceToEdgeM, 1e-6*best+1e-9, "%v,%v", lat, lon)
	}
}

// planeDist is the textbook point–segment distance in the local plane with
// WGS-84 radii of curvature at the query point.
func planeDist(lat, lon float64, a, b orb.Point) float64 {
	const ae, e2 = 6378137.0, 0.0066943799901413165
	phi := lat * math.Pi / 180
	w := 1 - e2*math.Sin(phi)*math.Sin(phi)
	kx := ae / math.Sqrt(w) * math.Cos(phi) * math.Pi / 180
	ky := ae * (1 - e2) / (w * math.Sqrt(w)) * math.Pi / 180
	ax, ay := (a[0]-lon)*kx, (a[1]-lat)*ky
	bx, by := (b[0]-lon)*kx, (b[1]-lat)*ky
	dx, dy := bx-ax, by-ay
	s := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		s = math.Max(0, math.Min(1, -(ax*dx+ay*dy)/l2))
	}
	return math.Hypot(ax+s*dx, ay+s*dy)
}

// A phone on Amap reports GCJ-02: the same physical spot must give the same
// facts as its GPS fix, and reading the GCJ-02 numbers as WGS-84 must not.
func TestFactsConvertCRS(t *testing.T) {
	l, err := place.LoadDir("testdata/synthetic")
	require.NoError(t, err)
	lat, lon := 26.70, 111.95
	w := facts(t, l, lat, lon, 0)
	for _, crs := range []place.CRS{place.GCJ02, place.BD09} {
		p, err := wgs(lat, lon).To(crs)
		require.NoError(t, err)
		pf, err := l.Facts(p, 0)
		require.NoError(t, err)
		f := viewOf(pf)
		require.InDelta(t, w.DistanceToForestM, f.DistanceToForestM, 1e-3)
		require.Equal(t, w.Town, f.Town)
		wrong := facts(t, l, p.Lat, p.Lon, 0)
		require.Greater(t, math.Abs(wrong.DistanceToForestM-w.DistanceToForestM), 1.0)
	}
	_, err = l.Facts(place.Point{Lat: lat, Lon: lon}, 0)
	require.ErrorContains(t, err, "coordinate system")
}

func TestConcurrentFacts(t *testing.T) {
	l, err := place.LoadDir("testdata/synthetic")
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rnd := rand.New(rand.NewPCG(uint64(g), 9))
			for range 500 {
				_, err := l.Facts(wgs(qiyangLat+(rnd.Float64()-0.5)*0.5, qiyangLon+(rnd.Float64()-0.5)*0.5), 5)
				if err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestLoadErrors(t *testing.T) {
	poly := `{"type":"Polygon","coordinates":[[[111.86,26.58],[111.87,26.58],[111.87,26.59],[111.86,26.58]]]}`
	feat := func(id, geom, props string) string {
		return `{"type":"Feature","id":` + id + `,"properties":` + props + `,"geometry":` + geom + `}`
	}
	fcol := func(feats ...string) string {
		return `{"type":"FeatureCollection","features":[` + strings.Join(feats, ",") + `]}`
	}
	ring := func(positions string) string {
		return `{"type":"Polygon","coordinates":[[` + positions + `]]}`
	}
	tests := []struct {
		name  string
		layer string
		data  string
		want  []string // substrings of the error; empty: no error
	}{
		{"valid", "forest", fcol(feat(`"F1"`, poly, `{"fire_zone":"key"}`)), nil},
		{"single feature", "forest", feat(`"F1"`, poly, `{}`), nil},
		{"type after coordinates", "forest", fcol(`{"geometry":{"coordinates":[[[111.86,26.58],[111.87,26.58],[111.87,26.59],[111.86,26.58]]],"type":"Polygon"},"type":"Feature","properties":null}`), nil},
		{"altitudes", "forest", fcol(feat(`"A"`, ring(`[111.86,26.58,120],[111.87,26.58,121.5],[111.87,26.59,-3],[111.86,26.58,120]`), `{}`)), nil},
		{"not json", "forest", `{"type":`, []string{"forest.geojson:1:9:"}},
		{"trailing garbage", "forest", fcol() + ` x`, []string{"forest.geojson:1:", "after the GeoJSON object"}},
		{"a bare geometry", "forest", poly, []string{"forest.geojson:1:", "FeatureCollection"}},
		{"null feature", "forest", fcol(`null`), []string{"feature #0 is null"}},
		{"feature without type", "forest", fcol(`{"geometry":null,"properties":{}}`), []string{`feature #0 has type ""`}},
		{"twice the same member", "forest", fcol(`{"type":"Feature","geometry":null,"geometry":null}`), []string{`member "geometry" is given twice`}},
		{"no geometry", "forest", fcol(feat(`"F2"`, `null`, `{}`)), []string{`feature "F2"`, "no geometry"}},
		{"line", "forest", fcol(feat(`"L1"`, `{"type":"LineString","coordinates":[[111.8,26.5],[111.9,26.6]]}`, `{}`)), []string{`feature "L1"`, "LineString"}},
		{"numeric id", "forest", fcol(feat(`17`, `{"type":"Point","coordinates":[111.8,26.5]}`, `{}`)), []string{"feature 17", "Point"}},
		{"no id", "forest", fcol(feat(`null`, `{"type":"Point","coordinates":[111.8,26.5]}`, `{}`)), []string{"feature #0"}},
		{"object id", "forest", fcol(feat(`{}`, poly, `{}`)), []string{"id must be a string or a number"}},
		{"collection", "forest", fcol(feat(`"G"`, `{"type":"GeometryCollection","geometries":[]}`, `{}`)), []string{`feature "G"`, "GeometryCollection"}},
		{"swapped", "forest", fcol(feat(`"S"`, ring(`[26.58,111.86],[26.58,111.87],[26.59,111.87],[26.58,111.86]`), `{}`)), []string{`feature "S"`, "swapped"}},
		{"out of range", "forest", fcol(feat(`"R"`, ring(`[200,26.58],[201,26.58],[201,26.59],[200,26.58]`), `{}`)), []string{`feature "R"`, "out of range"}},
		{"two positions", "forest", fcol(feat(`"T"`, ring(`[111.86,26.58],[111.87,26.58],[111.86,26.58]`), `{}`)), []string{`feature "T"`, "2 distinct positions"}},
		{"empty polygon", "forest", fcol(feat(`"E"`, `{"type":"Polygon","coordinates":[]}`, `{}`)), []string{`feature "E"`, "no rings"}},
		{"bad fire zone", "forest", fcol(feat(`"Z"`, poly, `{"fire_zone":"extreme"}`)), []string{`feature "Z"`, "fire_zone is \"extreme\"", "重点森林防火区"}},
		{"numeric fire zone", "forest", fcol(feat(`"Z"`, poly, `{"fire_zone":1}`)), []string{`feature "Z"`, "fire_zone"}},
		{"town without code", "towns", fcol(feat(`"T"`, poly, `{"name":"龙山街道"}`)), []string{"towns.geojson", `feature "T"`, "no code property"}},
		{"town with a bad code", "towns", fcol(feat(`"T"`, poly, `{"code":"4311810","name":"龙山街道"}`)), []string{`feature "T"`, "code: division code \"4311810\" has 7 digits"}},
		{"town with numeric code", "towns", fcol(feat(`"T"`, poly, `{"code":431181001,"name":"龙山街道"}`)), nil},
		// RFC 7946 §3.1.1: a position is two or three numbers. These were
		// read as 0 (a vertex at 0°, 0° put a point 1,100 km away within
		// 897 m of forest) or their extra numbers dropped.
		{"null position", "forest", fcol(feat(`"N"`, ring(`[111.86,26.58],null,[111.87,26.59],[111.86,26.58]`), `{}`)), []string{`feature "N"`, "position: ring 0 position 1 (line 1, column", "the position is null"}},
		{"one number", "forest", fcol(feat(`"O"`, ring(`[111.86,26.58],[111.87],[111.87,26.59],[111.86,26.58]`), `{}`)), []string{`feature "O"`, "ring 0 position 1", "has 1 number(s); want 2 or 3"}},
		{"four numbers", "forest", fcol(feat(`"F"`, ring(`[111.86,26.58,1,2],[111.87,26.58],[111.87,26.59],[111.86,26.58]`), `{}`)), []string{`ring 0 position 0`, "has 4 number(s)"}},
		{"empty position", "forest", fcol(feat(`"E"`, ring(`[111.86,26.58],[],[111.87,26.59],[111.86,26.58]`), `{}`)), []string{`ring 0 position 1`, "has no numbers"}},
		{"null number", "forest", fcol(feat(`"N"`, ring(`[111.86,null],[111.87,26.58],[111.87,26.59],[111.86,26.58]`), `{}`)), []string{`ring 0 position 0`, "number 2 of the position is null"}},
		{"string number", "forest", fcol(feat(`"S"`, ring(`["111.86",26.58],[111.87,26.58],[111.87,26.59],[111.86,26.58]`), `{}`)), []string{`ring 0 position 0`, "number 1 of the position is a string"}},
		{"infinite number", "forest", fcol(feat(`"I"`, ring(`[1e400,26.58],[111.87,26.58],[111.87,26.59],[111.86,26.58]`), `{}`)), []string{`ring 0 position 0`, "not finite"}},
		{"a ring of numbers", "forest", fcol(feat(`"R"`, `{"type":"Polygon","coordinates":[[111.86,26.58,111.87]]}`, `{}`)), []string{`ring 0 position 0`, "want a position"}},
		{"multipolygon part", "forest", fcol(feat(`"M"`, `{"type":"MultiPolygon","coordinates":[[[[111.86,26.58],[111.87,26.58],[111.87,26.59],[111.86,26.58]]],[[[111.86,26.58],[111.87,26.58],[111.87],[111.86,26.58]]]]}`, `{}`)), []string{`polygon 1 ring 0 position 2`}},
		{"invalid number", "forest", fcol(feat(`"X"`, ring(`[01.5,26.58],[111.87,26.58],[111.87,26.59],[111.86,26.58]`), `{}`)), []string{"forest.geojson:1:"}},
		// Degenerate rings the check flagged and the loader took.
		{"zero area", "forest", fcol(feat(`"Z"`, ring(`[111.86,26.58],[111.87,26.58],[111.88,26.58],[111.86,26.58]`), `{}`)), []string{`feature "Z"`, "zero area"}},
		{"unclosed", "forest", fcol(feat(`"U"`, ring(`[111.86,26.58],[111.87,26.58],[111.87,26.59],[111.86,26.59]`), `{}`)), []string{`feature "U"`, "not closed"}},
		{"bow tie", "forest", fcol(feat(`"B"`, ring(`[111.86,26.58],[111.88,26.60],[111.88,26.58],[111.86,26.59],[111.86,26.58]`), `{}`)), []string{`feature "B"`, "self-intersection"}},
		{"symmetric bow tie", "forest", fcol(feat(`"B"`, ring(`[111.86,26.58],[111.87,26.59],[111.87,26.58],[111.86,26.59],[111.86,26.58]`), `{}`)), []string{`feature "B"`, "zero area"}},
		{"crs", "forest", `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[]}`, []string{"crs", "EPSG:3857"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := place.ParseLayer(specOf(t, tt.layer), tt.layer+".geojson", []byte(tt.data))
			if len(tt.want) == 0 {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			for _, w := range tt.want {
				require.ErrorContains(t, err, w)
			}
			// The check agrees: what loading refuses, it reports as an error.
			probs := place.CheckFS(fstest.MapFS{"layers.yaml": {Data: mustRead(t, "testdata/synthetic/layers.yaml")}, tt.layer + ".geojson": {Data: []byte(tt.data)}}, ".", nil)
			require.True(t, slices.ContainsFunc(probs, func(p place.Problem) bool { return !p.Warning }), "check: %v", probs)
		})
	}
}

// A regression: a forest layer with one null position put a point
// 1,100 km from any forest within 897 m of it; it is now refused, and the
// same layer without the bad position gives the true distance.
func TestNullPositionIsNotZero(t *testing.T) {
	bad := `{"type":"FeatureCollection","features":[{"type":"Feature","id":"F","properties":{},"geometry":{"type":"Polygon","coordinates":[[[111.86,26.58],[111.87,26.58],null,[111.87,26.59],[111.86,26.58]]]}}]}`
	_, err := place.ParseLayer(specOf(t, "forest"), "forest.geojson", []byte(bad))
	require.ErrorContains(t, err, "the position is null")
	good := strings.Replace(bad, "null,", "", 1)
	l, err := place.ParseLayer(specOf(t, "forest"), "forest.geojson", []byte(good))
	require.NoError(t, err)
	f := facts(t, l, 26.58-9.9, 111.86, 0) // ~1,100 km south
	require.Greater(t, f.DistanceToForestM, 1.0e6)
}

func TestLoadFS(t *testing.T) {
	data, err := os.ReadFile("testdata/synthetic/urban.geojson")
	require.NoError(t, err)
	fsys := fstest.MapFS{
		"layers/layers.yaml":    {Data: mustRead(t, "testdata/synthetic/layers.yaml")},
		"layers/urban.geojson":  {Data: data},
		"layers/forest.geojson": {Data: []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":"B","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}`)},
	}
	_, err = place.LoadFS(fsys, "layers")
	require.ErrorContains(t, err, `layers/forest.geojson: feature "B"`)

	delete(fsys, "layers/forest.geojson")
	l, err := place.LoadFS(fsys, "layers")
	require.NoError(t, err)
	f := facts(t, l, qiyangLat, qiyangLon, 0)
	require.True(t, f.UrbanKnown && f.UrbanArea)
	require.False(t, f.ForestKnown)
	require.Equal(t, "layers/urban.geojson (synthetic)", f.UrbanSource)

	// Without a manifest of its own, a directory takes the one given.
	delete(fsys, "layers/layers.yaml")
	_, err = place.LoadFS(fsys, "layers")
	require.ErrorContains(t, err, "place: layers has no layers.yaml")
	l, err = place.LoadFS(fsys, "layers", place.WithDefaultManifest(manifest))
	require.NoError(t, err)
	require.True(t, facts(t, l, qiyangLat, qiyangLon, 0).UrbanArea)

	// With adds another directory's layers; the same fact twice is an error.
	forestSpec := specOf(t, "forest")
	forest := loadForest(t, feature("F", orb.Polygon{square(qiyangLat, qiyangLon, 100)}, nil))
	urbanOnly, err := place.ParseLayer(specOf(t, "urban"), "urban.geojson", data)
	require.NoError(t, err)
	both, err := urbanOnly.With(forest)
	require.NoError(t, err)
	f = facts(t, both, qiyangLat, qiyangLon, 0)
	require.True(t, f.UrbanKnown && f.ForestKnown && f.InForestLand)
	forestSpec.Name = "forest2"
	forest2, err := place.ParseLayer(forestSpec, "other/forest.geojson", collection(t))
	require.NoError(t, err)
	_, err = forest.With(forest2)
	require.ErrorContains(t, err, "forest.geojson and other/forest.geojson both give the fact in_forest_land")
}

// Layer files are read with the service's discipline: regular files
// only, nothing outside the directory, within size limits.
func TestLoadDirReadsSafely(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "layers.yaml"), mustRead(t, "testdata/synthetic/layers.yaml"), 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "towns.geojson"), 0o755))
	_, err := place.LoadDir(dir)
	require.ErrorContains(t, err, "towns.geojson")
	require.ErrorContains(t, err, "directory")
	require.NoError(t, os.Remove(filepath.Join(dir, "towns.geojson")))

	outside := filepath.Join(t.TempDir(), "urban.geojson")
	require.NoError(t, os.WriteFile(outside, mustRead(t, "testdata/synthetic/urban.geojson"), 0o644))
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "urban.geojson")))
	_, err = place.LoadDir(dir)
	require.ErrorContains(t, err, "urban.geojson")
	require.ErrorContains(t, err, "outside")
	require.NoError(t, os.Remove(filepath.Join(dir, "urban.geojson")))

	require.NoError(t, os.WriteFile(filepath.Join(dir, "urban.geojson"), mustRead(t, "testdata/synthetic/urban.geojson"), 0o644))
	_, err = place.LoadDir(dir, place.WithLimits(1000, 1<<20))
	require.ErrorContains(t, err, "urban.geojson: file too large")
	l, err := place.LoadDir(dir)
	require.NoError(t, err)
	require.True(t, facts(t, l, qiyangLat, qiyangLon, 0).UrbanArea)

	// A byte-order mark is tolerated.
	_, err = place.ParseLayer(specOf(t, "urban"), "urban.geojson", append([]byte("\ufeff"), mustRead(t, "testdata/synthetic/urban.geojson")...))
	require.NoError(t, err)
}

// TestLoadDirMissing: a directory that does not exist, or a file, is an
// error naming it, not an empty set of layers.
func TestLoadDirMissing(t *testing.T) {
	dir := t.TempDir()
	_, err := place.LoadDir(filepath.Join(dir, "no-such-dir"))
	require.ErrorContains(t, err, "no-such-dir")
	require.ErrorIs(t, err, os.ErrNotExist)
	file := filepath.Join(dir, "forest.geojson")
	require.NoError(t, os.WriteFile(file, []byte(`{"type":"FeatureCollection","features":[]}`), 0o644))
	_, err = place.LoadDir(file)
	require.ErrorContains(t, err, "forest.geojson: not a directory")
	l, err := place.LoadDir(dir, place.WithManifest(manifest)) // present, with one empty layer: fine
	require.NoError(t, err)
	require.NotNil(t, l)
	_, err = place.LoadFS(fstest.MapFS{}, "layers")
	require.ErrorContains(t, err, "layers directory layers")
}
