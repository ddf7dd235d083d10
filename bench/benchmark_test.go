package bench

import (
	"context"
	"testing"
)

// BenchmarkDecision times one fully known decision: engine.Decide over the
// whole embedded rule base against a prepared OPA query of the verdict. Each
// op is the next of the 10,000 generated queries, so both see the same mix.
func BenchmarkDecision(b *testing.B) {
	f := setup(b)
	ctx := context.Background()
	b.Run("tonggao", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := f.eng.Decide(f.known[i%len(f.known)].Engine); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("opa", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := f.opa.Decide(ctx, f.known[i%len(f.known)].Input); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkConditional times one decision with distance_to_forest_m
// unknown: the engine's conditional verdict (it tries each side of 100 m)
// against OPA's partial evaluation with that input unknown.
func BenchmarkConditional(b *testing.B) {
	f := setup(b)
	ctx := context.Background()
	b.Run("tonggao", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := f.eng.Decide(f.partial[i%len(f.partial)].Engine); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("opa", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := f.opa.Conditional(ctx, f.partial[i%len(f.partial)].Input); err != nil {
				b.Fatal(err)
			}
		}
	})
}
