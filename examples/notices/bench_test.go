package notices_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// theFive is 祁阳's embedded set and the four directories the "AllFive"
// benchmarks were first measured with (docs/speed.md); directories added
// since (shanxi) are left out so that the figures stay comparable.
func theFive(b *testing.B) []rules.Root {
	b.Helper()
	var out []rules.Root
	for _, r := range allPlaces(b) {
		switch r.Name {
		case "rules", "examples/notices/zhengzhou", "examples/notices/qiantang", "examples/notices/yancheng", "examples/notices/wendeng":
			out = append(out, r)
		}
	}
	if len(out) != 5 {
		b.Fatalf("want 5 roots, found %d", len(out))
	}
	return out
}

// Loading the five jurisdictions (祁阳's embedded set and four of the
// directories here): parse, check, resolve every window to minutes, plan
// every activity.
func BenchmarkLoadAllFive(b *testing.B) {
	roots := theFive(b)
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		if _, err := engine.LoadRoots(context.Background(), roots, rules.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
}

// processCPU is the process's CPU time (user + system) in nanoseconds: on
// a machine shared with other jobs it is disturbed far less than wall time
// (docs/speed.md), so the benchmarks report it beside ns/op.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Nanoseconds()
}

// The same 祁阳 question with the embedded set alone: what loading the
// other four costs a decision about 祁阳 (nothing, if the plans are per
// place).
func BenchmarkDecideEmbeddedOnly(b *testing.B) {
	e, err := engine.LoadRoots(context.Background(), []rules.Root{embedded()}, rules.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	q := engine.Query{Activity: "烧田埂", Day: day(b, "2024-10-03"), Place: "431181",
		Facts: engine.Facts{"distance_to_forest_m": 50, "fire_zone": "general"}}
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		if _, err := e.Decide(q); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
}

// A decision with every fact known, at a minute inside a clock-time window
// (郑州's 除夕 07:00 – 初一 01:00), with all five jurisdictions loaded.
func BenchmarkDecideAllFive(b *testing.B) {
	e, err := engine.LoadRoots(context.Background(), theFive(b), rules.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		q    engine.Query
	}{
		{"zhengzhou-clock", engine.Query{Activity: "放鞭炮", At: at("2025-01-28 20:00"), Place: "410105",
			Facts: engine.Facts{"heavy_pollution_warning": false, "listed_no_fireworks_place": false, "distance_to_key_area_m": 2000}}},
		{"yancheng-night", engine.Query{Activity: "建筑施工", At: at("2022-06-03 23:00"), Place: "320900",
			Facts: engine.Facts{"urban_area": true}}},
		{"qiantang-exception", engine.Query{Activity: "钓鱼", At: at("2025-04-10 09:00"), Place: "330114",
			Facts: engine.Facts{"in_fishing_ban_waters": true}}},
		{"qiyang-day", engine.Query{Activity: "烧田埂", Day: day(b, "2024-10-03"), Place: "431181",
			Facts: engine.Facts{"distance_to_forest_m": 50, "fire_zone": "general"}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if _, err := e.Decide(bc.q); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			cpu0 := processCPU()
			for b.Loop() {
				if _, err := e.Decide(bc.q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}
