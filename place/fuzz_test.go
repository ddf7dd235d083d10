package place_test

import (
	"math"
	"os"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/tonggao/tonggao/place"
)

// FuzzLoadLayer feeds arbitrary bytes to the GeoJSON loader and the layers
// check: they must return an error or a usable layer, never panic, and a
// loaded layer must answer any valid point.
func FuzzLoadLayer(f *testing.F) {
	for _, name := range []string{"testdata/synthetic/urban.geojson", "testdata/synthetic/fireworks.geojson", "testdata/broken/forest.geojson", "testdata/broken/towns.geojson"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":1,"properties":{"fire_zone":"key"},"geometry":{"type":"MultiPolygon","coordinates":[[[[111.86,26.58],[111.87,26.58],[111.87,26.59],[111.86,26.58]],[[111.865,26.582],[111.866,26.583],[111.866,26.582],[111.865,26.582]]]]}}]}`))
	f.Add([]byte(`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,1e308]]]},"properties":null}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[null]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[]}}]}`))
	m, err := place.ParseManifest([]byte(`layers:
  - {file: forest.geojson, geometry: polygon, facts: [{fact: in, from: inside}, {fact: d, from: distance}, {fact: z, property: fire_zone, values: {key: [重点]}, precedence: [key]}]}
  - {file: towns.geojson, geometry: polygon, division: code, label: name}
  - {file: rivers.geojson, geometry: line, facts: [{fact: r, from: distance}]}
  - {file: sites.geojson, geometry: point, facts: [{fact: s, from: distance}, {fact: k, property: kind}]}
`), "layers.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, spec := range m.Layers {
			l, err := place.ParseLayer(spec, spec.File, data)
			// The loader and the check share one validator: the check
			// reports an error exactly when loading fails.
			probs := place.CheckFS(fstest.MapFS{spec.File: {Data: data}}, ".", nil, place.WithManifest(m))
			checkErr := slices.ContainsFunc(probs, func(p place.Problem) bool { return !p.Warning })
			if (err != nil) != checkErr {
				t.Fatalf("%s: load error %v, but check %v", spec.File, err, probs)
			}
			if err != nil {
				continue
			}
			for _, p := range []place.Point{
				{Lat: 26.58, Lon: 111.86, CRS: place.WGS84},
				{Lat: 0, Lon: 0, CRS: place.WGS84},
				{Lat: -89.9, Lon: 179.9, CRS: place.WGS84},
			} {
				f, err := l.Facts(p, 10)
				if err != nil {
					t.Fatalf("facts for a valid point: %v", err)
				}
				for _, lf := range f.Layers {
					if lf.DistanceM < 0 || math.IsNaN(lf.DistanceM) || lf.EdgeM < 0 || math.IsNaN(lf.EdgeM) {
						t.Fatalf("distance %v, edge %v", lf.DistanceM, lf.EdgeM)
					}
				}
				for _, v := range f.Values {
					if v.Known && v.From == place.Distance && !(0 <= v.Lo && v.Lo <= v.Hi) {
						t.Fatalf("%s: range %v–%v", v.Fact, v.Lo, v.Hi)
					}
				}
			}
		}
	})
}
