package place_test

import (
	"math"
	"os"
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
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, layer := range []place.Layer{place.Forest, place.Towns} {
			l, err := place.ParseLayer(layer, "fuzz.geojson", data)
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
				if f.DistanceToForestM < 0 || math.IsNaN(f.DistanceToForestM) {
					t.Fatalf("distance %v", f.DistanceToForestM)
				}
			}
		}
		place.CheckFS(fstest.MapFS{"forest.geojson": {Data: data}, "towns.geojson": {Data: data}}, ".", nil)
	})
}
