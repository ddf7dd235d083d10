package engine_test

import (
	"bytes"
	"io/fs"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

func placeEngine(t *testing.T) (*engine.Engine, *place.Layers) {
	t.Helper()
	layers, err := place.LoadDir("../place/testdata/synthetic")
	require.NoError(t, err)
	set, err := rules.Embedded()
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	e, err := engine.New(set, cal, engine.WithLayers(layers))
	require.NoError(t, err)
	return e, layers
}

// walkOut moves north from a forest vertex until the layer says the point
// is outside forest land at a distance in [lo, hi].
func walkOut(t *testing.T, layers *place.Layers, lo, hi float64) (place.Point, place.LayerFacts) {
	t.Helper()
	start := place.Point{Lat: 26.3534128, Lon: 111.7616375, CRS: place.WGS84} // a vertex of SYN-F00001
	for step := 0; step < 5000; step++ {
		p := place.Point{Lat: start.Lat + float64(step)*0.00001, Lon: start.Lon, CRS: place.WGS84}
		f, err := layers.Facts(p, 0)
		require.NoError(t, err)
		lf, _ := f.Layer("forest")
		if !lf.Inside && lf.DistanceM >= lo && lf.DistanceM <= hi {
			return p, lf
		}
	}
	t.Fatalf("no point %v–%v m from forest found", lo, hi)
	return place.Point{}, place.LayerFacts{}
}

func TestDecideWithPoint(t *testing.T) {
	e, layers := placeEngine(t)
	vertex := place.Point{Lat: 26.3534128, Lon: 111.7616375, CRS: place.WGS84}
	d, err := e.Decide(engine.Query{Activity: "野炊", Day: day("2025-07-10"), Point: &vertex})
	require.NoError(t, err)
	require.Equal(t, engine.Forbidden, d.Verdict, "a vertex of a key-zone forest polygon is forest land; key zones ban fire all year")

	near, nf := walkOut(t, layers, 40, 60)
	d, err = e.Decide(engine.Query{Activity: "野炊", Day: day("2024-10-03"), Point: &near})
	require.NoError(t, err)
	require.Equal(t, engine.Forbidden, d.Verdict, "%.1f m from forest in season", nf.DistanceM)
	var src string
	for _, f := range d.Facts() {
		if f.Name == "distance_to_forest_m" {
			src = f.Source
		}
	}
	require.Contains(t, src, "forest.geojson")

	far, _ := walkOut(t, layers, 150, 300)
	d, err = e.Decide(engine.Query{Activity: "野炊", Day: day("2024-10-03"), Point: &far})
	require.NoError(t, err)
	require.Equal(t, engine.NoRule, d.Verdict)

	// Explicit facts win over derived ones.
	d, err = e.Decide(engine.Query{Activity: "野炊", Day: day("2024-10-03"), Point: &far, Facts: engine.Facts{"distance_to_forest_m": 10.0}})
	require.NoError(t, err)
	require.Equal(t, engine.Forbidden, d.Verdict)

	// A GPS accuracy that straddles the 100 m line makes the answer conditional.
	edge, ef := walkOut(t, layers, 97, 103)
	d, err = e.Decide(engine.Query{Activity: "野炊", Day: day("2024-10-03"), Point: &edge, AccuracyM: 10})
	require.NoError(t, err)
	require.Equal(t, engine.Conditional, d.Verdict, "%.1f m ± 10 m", ef.DistanceM)
	require.Equal(t, []string{"distance_to_forest_m"}, d.UnknownFacts())
	codes := []string{}
	for _, n := range d.Notes() {
		codes = append(codes, n.Code)
	}
	require.Contains(t, codes, "verify_on_ground")

	// GCJ-02 points are converted first: the same GCJ-02 numbers as a WGS-84
	// point land ~600 m away.
	gcj, err := near.To(place.GCJ02)
	require.NoError(t, err)
	d, err = e.Decide(engine.Query{Activity: "野炊", Day: day("2024-10-03"), Point: &gcj})
	require.NoError(t, err)
	require.Equal(t, engine.Forbidden, d.Verdict)

	_, err = e.Decide(engine.Query{Activity: "野炊", Day: day("2024-10-03"), Point: &place.Point{Lat: 26.5, Lon: 111.8}})
	require.Error(t, err, "a point without a coordinate system is refused")
}

// The point's township is its place: the town fact follows from it, and a
// place named in the query that the point lies in is refined by it.
func TestPointGivesPlace(t *testing.T) {
	e, layers := placeEngine(t)
	centre := place.Point{Lat: 26.58, Lon: 111.86, CRS: place.WGS84}
	f, err := layers.Facts(centre, 0)
	require.NoError(t, err)
	require.Len(t, string(f.Division), 9)
	d, err := e.Decide(engine.Query{Activity: "野炊", Day: day("2025-07-10"), Point: &centre})
	require.NoError(t, err)
	require.NotNil(t, d.Place)
	require.Equal(t, string(f.Division), d.Place.Code)
	require.Contains(t, d.Place.Source, "towns.geojson")
	var town string
	for _, fv := range d.Facts() {
		if fv.Name == "town" {
			town = fv.Value.(string)
		}
	}
	require.Equal(t, d.Place.Name, town)

	// A point outside every town gives no place; the one county loaded is it.
	far := place.Point{Lat: 28, Lon: 113, CRS: place.WGS84}
	d, err = e.Decide(engine.Query{Activity: "野炊", Day: day("2025-07-10"), Point: &far})
	require.NoError(t, err)
	require.Nil(t, d.Place)
}

// The layers' manifest must name facts the rules declare, with their types
// and values.
func TestLayerFactsMustBeDeclared(t *testing.T) {
	set, err := rules.Embedded()
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	for _, tc := range []struct{ manifest, want string }{
		{"layers:\n  - {file: a.geojson, geometry: polygon, facts: [{fact: in_lake, from: inside}]}\n", "m.yaml:2: layer a gives the fact in_lake, which facts.yaml does not declare"},
		{"layers:\n  - {file: a.geojson, geometry: polygon, facts: [{fact: fire_zone, from: inside}]}\n", "m.yaml:2: layer a gives fire_zone from inside, a bool, but facts.yaml declares it enum"},
		{"layers:\n  - {file: a.geojson, geometry: line, facts: [{fact: urban_area, from: distance}]}\n", "a number, but facts.yaml declares it bool"},
	} {
		m, err := place.ParseManifest([]byte(tc.manifest), "m.yaml")
		require.NoError(t, err)
		l, err := place.ParseLayer(m.Layers[0], "a.geojson", []byte(`{"type":"FeatureCollection","features":[]}`))
		require.NoError(t, err)
		_, err = engine.New(set, cal, engine.WithLayers(l))
		require.ErrorContains(t, err, tc.want)
	}
	m, err := place.ParseManifest([]byte("layers:\n  - {file: a.geojson, geometry: polygon, facts: [{fact: fire_zone, property: zone}]}\n"), "m.yaml")
	require.NoError(t, err)
	l, err := place.ParseLayer(m.Layers[0], "a.geojson", []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"zone":"extreme"},"geometry":{"type":"Polygon","coordinates":[[[111.86,26.58],[111.87,26.58],[111.87,26.59],[111.86,26.58]]]}}]}`))
	require.NoError(t, err)
	_, err = engine.New(set, cal, engine.WithLayers(l))
	require.ErrorContains(t, err, `layer a gives fire_zone = "extreme", which is not one of key, general`)
}

// The embedded rule base's layer manifest is the one the synthetic layers
// carry: the test data is laid out as an operator would lay out theirs.
func TestEmbeddedManifestIsSynthetics(t *testing.T) {
	emb, err := fs.ReadFile(rules.EmbeddedFS(), place.ManifestFile)
	require.NoError(t, err)
	syn, err := os.ReadFile("../place/testdata/synthetic/layers.yaml")
	require.NoError(t, err)
	// The shipped manifest names its JSON Schema on its first line
	// (schema/); the copy in testdata need not.
	_, emb, _ = bytes.Cut(emb, []byte("\n"))
	require.Equal(t, string(emb), string(syn))
}
