package place_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/place/internal/synth"
)

// BenchmarkCheckWithPoint is a full decision from a GPS point — CRS
// conversion, place facts from 20,000 forest polygons of ~50 vertices,
// and the decision over the whole embedded rule base. It lives here, in an
// external test package, because only place's tests may use the synthetic
// layer generator.
func BenchmarkCheckWithPoint(b *testing.B) {
	cfg := synth.Default()
	cfg.Forests, cfg.Vertices = 20000, 50
	layers, err := synth.Generate(cfg)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for name, data := range layers {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	l, err := place.LoadDir(dir, place.WithManifest(manifest))
	if err != nil {
		b.Fatal(err)
	}
	e, err := engine.Embedded(engine.WithLayers(l))
	if err != nil {
		b.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(3, 3))
	pts := make([]place.Point, 1024)
	for i := range pts {
		pts[i] = place.Point{Lat: 26.58 + (rnd.Float64()-0.5)*0.5, Lon: 111.86 + (rnd.Float64()-0.5)*0.5, CRS: place.WGS84}
	}
	day := calendar.MustDate(2024, 10, 3)
	b.ReportAllocs()
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	start := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	i := 0
	for b.Loop() {
		p := pts[i%len(pts)]
		i++
		if _, err := e.Decide(engine.Query{Activity: "野炊", Day: day, Point: &p, AccuracyM: 5}); err != nil {
			b.Fatal(err)
		}
	}
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	b.ReportMetric(float64(time.Duration(ru.Utime.Nano()+ru.Stime.Nano())-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkScalePolygons shows how loading and a point's facts grow with the
// forest layer: 1,000, 20,000 and 200,000 polygons of ~50 vertices.
func BenchmarkScalePolygons(b *testing.B) {
	for _, n := range []int{1000, 20000, 200000} {
		cfg := synth.Default()
		cfg.Forests, cfg.Vertices = n, 50
		layers, err := synth.Generate(cfg)
		if err != nil {
			b.Fatal(err)
		}
		dir := b.TempDir()
		for name, data := range layers {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		start := time.Now()
		l, err := place.LoadDir(dir, place.WithManifest(manifest))
		if err != nil {
			b.Fatal(err)
		}
		loadMS := float64(time.Since(start).Microseconds()) / 1000
		rnd := rand.New(rand.NewPCG(5, 5))
		pts := make([]place.Point, 1024)
		for i := range pts {
			pts[i] = place.Point{Lat: 26.58 + (rnd.Float64()-0.5)*0.5, Lon: 111.86 + (rnd.Float64()-0.5)*0.5, CRS: place.WGS84}
		}
		b.Run(fmt.Sprintf("polygons=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			var pf place.Facts
			for b.Loop() {
				if err := l.FactsInto(&pf, pts[i%len(pts)], 5); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(loadMS, "load-ms")
		})
	}
}
