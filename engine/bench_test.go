package engine_test

import (
	"testing"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// decideCases are BenchmarkDecide's and BenchmarkDecideInto's queries.
var decideCases = []struct {
	name string
	q    engine.Query
}{
	{"known", engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Facts: engine.Facts{"distance_to_forest_m": 50.0, "fire_zone": "general", "high_danger_days": 0.0}}},
	{"known-no-rule", engine.Query{Activity: "烧田埂", Day: day("2025-07-03"), Facts: engine.Facts{"distance_to_forest_m": 150.0, "fire_zone": "general", "high_danger_days": 0.0}}},
	{"conditional", engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Facts: engine.Facts{"fire_zone": "general"}}},
	{"conditional-2-facts", engine.Query{Activity: "野炊", Day: day("2025-07-15"), Facts: engine.Facts{"distance_to_forest_m": 50.0}}},
}

// BenchmarkDecide measures one decision over the whole embedded rule base.
func BenchmarkDecide(b *testing.B) {
	e := testEngine(b)
	for _, bc := range decideCases {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				if _, err := e.Decide(bc.q); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
		})
	}
}

// BenchmarkDecideInto measures the same decisions into one reused
// Decision, as the server makes them.
func BenchmarkDecideInto(b *testing.B) {
	e := testEngine(b)
	for _, bc := range decideCases {
		b.Run(bc.name, func(b *testing.B) {
			var d engine.Decision
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				if err := e.DecideInto(&d, bc.q); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
		})
	}
}

// BenchmarkLoad measures load + validate + compile of the embedded rule
// base and preparing the engine (calendar tables included).
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	start := cpuTime()
	defer reportCPU(b, start)
	for b.Loop() {
		set, err := rules.Embedded()
		if err != nil {
			b.Fatal(err)
		}
		cal, err := calendar.New()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := engine.New(set, cal); err != nil {
			b.Fatal(err)
		}
	}
}
