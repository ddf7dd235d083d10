package place

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
	"github.com/stretchr/testify/require"
)

// The R-tree box search and the grid walk must find the same nearest edge
// as a scan of every polygon, for layers of very mixed polygon sizes (one
// huge polygon stretches the grid's cells), degenerate layers, and points
// inside, near, far from and far outside the layer.
func TestNearestMatchesScan(t *testing.T) {
	rnd := rand.New(rand.NewPCG(11, 12))
	square := func(lat, lon, half float64) orb.Polygon {
		return orb.Polygon{{{lon - half, lat - half}, {lon + half, lat - half}, {lon + half, lat + half}, {lon - half, lat + half}, {lon - half, lat - half}}}
	}
	layers := map[string][]orb.Polygon{
		"one polygon": {square(26.5, 111.8, 0.01)},
		"a thin line": {{{{111.8, 26.5}, {111.8, 26.6}, {111.8, 26.55}, {111.8, 26.5}}}},
	}
	var mixed []orb.Polygon
	for i := range 400 {
		half := 0.0001 * math.Pow(10, rnd.Float64()*2) // 10 m to 1 km
		if i == 0 {
			half = 0.2 // one huge polygon
		}
		mixed = append(mixed, square(26+rnd.Float64(), 111+rnd.Float64(), half))
	}
	layers["mixed sizes"] = mixed

	for name, polys := range layers {
		t.Run(name, func(t *testing.T) {
			spec := LayerSpec{Name: "forest", File: "forest.geojson", Geometry: Polygons, Facts: []YieldSpec{{Fact: "d", From: Distance}}}
			pl := &layer{spec: spec, bound: emptyBox(), features: []feature{{id: "f", rawID: "f"}}, rank: []int32{0}, distance: true, values: [][]string{nil}}
			for _, p := range polys {
				var rings []orb.Ring
				for _, r := range p {
					rings = append(rings, r)
				}
				var ra []ring
				var ba []box
				pl.polys = append(pl.polys, newPolygon(rings, true, 0, &ra, &ba))
			}
			for i := range pl.polys {
				b := pl.polys[i].bound
				pl.index.Insert([2]float64{b.minLon, b.minLat}, [2]float64{b.maxLon, b.maxLat}, int32(i))
				pl.bound.union(b)
			}
			pl.grid = newGrid(pl.polys, pl.bound)
			l := &Layers{manifest: &Manifest{Layers: []LayerSpec{spec}}, layers: []*layer{pl}, yields: 1}
			for range 300 {
				lat, lon := 25.5+rnd.Float64()*2, 110.5+rnd.Float64()*2
				if rnd.IntN(20) == 0 {
					lat, lon = -80+rnd.Float64()*160, -179+rnd.Float64()*358
				}
				f, err := l.Facts(Point{Lat: lat, Lon: lon, CRS: WGS84}, 0)
				require.NoError(t, err)
				plane := newPlane(lat, lon)
				want := math.Inf(1)
				for i := range pl.polys {
					want = plane.polyDist2(&pl.polys[i], want)
				}
				require.InDelta(t, math.Sqrt(want), f.Layers[0].EdgeM, 1e-9*math.Sqrt(want)+1e-9, "%v,%v", lat, lon)
			}
		})
	}
}
