package place

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"runtime"
	"testing"

	"github.com/paulmach/orb/geojson"

	"github.com/tonggao/tonggao/place/internal/synth"
)

// benchLayers generates a synthetic forest of n polygons of about vertices
// vertices each, plus the other layers, spread over a county-sized area.
func benchLayers(tb testing.TB, n, vertices int) synth.Layers {
	tb.Helper()
	cfg := synth.Default()
	cfg.Forests, cfg.Vertices = n, vertices
	cfg.Towns = []synth.Town{
		{Code: "431181001", Name: "A", Subdistrict: true},
		{Code: "431181101", Name: "B"}, {Code: "431181102", Name: "C"}, {Code: "431181103", Name: "D"},
	}
	layers, err := synth.Generate(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return layers
}

// benchManifest is the synthetic layers' manifest.
func benchManifest(tb testing.TB) *Manifest {
	tb.Helper()
	data, err := os.ReadFile("testdata/synthetic/layers.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	m, err := ParseManifest(data, "layers.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func loadAll(tb testing.TB, layers synth.Layers) *Layers {
	tb.Helper()
	m := benchManifest(tb)
	l := &Layers{manifest: m}
	for _, spec := range m.Layers {
		ly, err := parseLayer(context.Background(), spec, spec.File, layers[spec.File])
		if err != nil {
			tb.Fatal(err)
		}
		l.add(ly)
	}
	return l
}

// forestDistance is the distance to forest in f (the first layer).
func forestDistance(f Facts) float64 { return f.Layers[0].DistanceM }

func benchPoints(n int) []Point {
	rnd := rand.New(rand.NewPCG(7, 7))
	pts := make([]Point, n)
	for i := range pts {
		pts[i] = Point{Lat: 26.58 + (rnd.Float64()-0.5)*0.5, Lon: 111.86 + (rnd.Float64()-0.5)*0.5, CRS: WGS84}
	}
	return pts
}

// BenchmarkIndexBuild builds the forest layer (polygons, chunk boxes and
// the R-tree) from an already decoded collection of 20,000 polygons of ~50
// vertices.
func BenchmarkIndexBuild(b *testing.B) {
	data := benchLayers(b, 20000, 50)["forest.geojson"]
	d, err := decodeDoc(context.Background(), data)
	if err != nil {
		b.Fatal(err)
	}
	spec, _ := benchManifest(b).Layer("forest")
	b.ReportAllocs()
	cpu, n := startCPU(), 0
	for b.Loop() {
		if _, err := buildLayer(spec, "forest.geojson", d); err != nil {
			b.Fatal(err)
		}
		n++
	}
	cpu.report(b, n)
}

// BenchmarkFacts answers all facts for random points in the county, with
// all five layers loaded and 20,000 forest polygons of ~50 vertices.
func BenchmarkFacts(b *testing.B) {
	l := loadAll(b, benchLayers(b, 20000, 50))
	runtime.GC() // the generator's garbage is not the benchmark's
	pts := benchPoints(4096)
	b.ReportAllocs()
	cpu := startCPU()
	i := 0
	var f Facts
	for b.Loop() {
		if err := l.FactsInto(&f, pts[i%len(pts)], 10); err != nil {
			b.Fatal(err)
		}
		i++
	}
	cpu.report(b, i)
}

// BenchmarkFactsNear is BenchmarkFacts for points inside forest or within
// 300 m of it: the points the fire ban is about.
func BenchmarkFactsNear(b *testing.B) {
	benchFactsWhere(b, func(f Facts) bool { return forestDistance(f) <= 300 })
}

// BenchmarkFactsFar is BenchmarkFacts for points more than 1 km from forest
// (the city centre, outside the county), which need the best-first walk.
func BenchmarkFactsFar(b *testing.B) {
	benchFactsWhere(b, func(f Facts) bool { return forestDistance(f) > 1000 })
}

func benchFactsWhere(b *testing.B, keep func(Facts) bool) {
	l := loadAll(b, benchLayers(b, 20000, 50))
	var pts []Point
	for _, p := range benchPoints(20000) {
		if f, err := l.Facts(p, 10); err == nil && keep(f) {
			pts = append(pts, p)
		}
	}
	runtime.GC()
	b.ReportAllocs()
	cpu := startCPU()
	i := 0
	var f Facts
	for b.Loop() {
		if err := l.FactsInto(&f, pts[i%len(pts)], 10); err != nil {
			b.Fatal(err)
		}
		i++
	}
	cpu.report(b, i)
}

// BenchmarkFactsGCJ02 is BenchmarkFacts for points given in GCJ-02, which
// adds the iterative conversion.
func BenchmarkFactsGCJ02(b *testing.B) {
	l := loadAll(b, benchLayers(b, 20000, 50))
	runtime.GC() // the generator's garbage is not the benchmark's
	pts := benchPoints(4096)
	for i, p := range pts {
		pts[i], _ = p.To(GCJ02)
	}
	b.ReportAllocs()
	cpu := startCPU()
	i := 0
	var f Facts
	for b.Loop() {
		if err := l.FactsInto(&f, pts[i%len(pts)], 10); err != nil {
			b.Fatal(err)
		}
		i++
	}
	cpu.report(b, i)
}

// The 40 MB layer: ~26,500 forest polygons of ~50 vertices.
func bench40MB(b *testing.B) []byte {
	data := benchLayers(b, 26500, 50)["forest.geojson"]
	b.SetBytes(int64(len(data)))
	b.ReportMetric(float64(len(data))/1e6, "MB")
	return data
}

// BenchmarkLoad40MB loads a 40 MB forest layer: decode, validate, index.
func BenchmarkLoad40MB(b *testing.B) {
	data := bench40MB(b)
	b.ReportAllocs()
	cpu, n := startCPU(), 0
	spec, _ := benchManifest(b).Layer("forest")
	for b.Loop() {
		if _, err := parseLayer(context.Background(), spec, "forest.geojson", data); err != nil {
			b.Fatal(err)
		}
		n++
	}
	cpu.report(b, n)
}

// BenchmarkDecode40MB only decodes the same file with orb's GeoJSON reader:
// the baseline that loading must stay within 2× of.
func BenchmarkDecode40MB(b *testing.B) {
	data := bench40MB(b)
	b.ReportAllocs()
	cpu, n := startCPU(), 0
	for b.Loop() {
		if _, err := geojson.UnmarshalFeatureCollection(data); err != nil {
			b.Fatal(err)
		}
		n++
	}
	cpu.report(b, n)
}

// BenchmarkDecodeJSON40MB decodes the same file with encoding/json into
// generic values: the cost of merely reading the JSON.
func BenchmarkDecodeJSON40MB(b *testing.B) {
	data := bench40MB(b)
	b.ReportAllocs()
	cpu, n := startCPU(), 0
	for b.Loop() {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
		n++
	}
	cpu.report(b, n)
}

func TestFactsDoNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	l := loadAll(t, benchLayers(t, 2000, 50))
	pts := benchPoints(64)
	for _, crs := range []CRS{WGS84, GCJ02, BD09} {
		i := 0
		var f Facts
		allocs := testing.AllocsPerRun(200, func() {
			p, _ := pts[i%len(pts)].To(crs)
			if err := l.FactsInto(&f, p, 10); err != nil {
				t.Fatal(err)
			}
			i++
		})
		if allocs != 0 {
			t.Fatalf("%s: %v allocations per Facts, want 0", crs, allocs)
		}
	}
}
