package bench

import (
	"context"
	"testing"
)

// loop runs op on the generated queries in turn and reports, besides ns/op
// (wall), cpu-ns/op: the process CPU time per op, which the other processes
// on a shared machine inflate far less than the wall time.
func loop(b *testing.B, qs []Query, op func(Query) error) {
	b.ReportAllocs()
	start, ok := processCPU()
	n := 0
	for i := 0; b.Loop(); i++ {
		if err := op(qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if end, ok2 := processCPU(); ok && ok2 && n > 0 {
		b.ReportMetric(float64(end-start)/float64(n), "cpu-ns/op")
	}
}

// BenchmarkDecision times one fully known decision: engine.Decide over the
// whole embedded rule base against a prepared OPA query of the verdict. Each
// op is the next of the 10,000 generated queries, so both see the same mix.
func BenchmarkDecision(b *testing.B) {
	f := setup(b)
	ctx := context.Background()
	b.Run("tonggao", func(b *testing.B) {
		loop(b, f.known, func(q Query) error { _, err := f.eng.Decide(q.Engine); return err })
	})
	// The same mix cut to its first 64 queries, whose facts stay in the
	// cache: the difference is the cost of reading a query's facts from
	// memory (10,000 prepared queries do not fit the cache; a server's
	// freshly parsed query does).
	b.Run("tonggao-64", func(b *testing.B) {
		loop(b, f.known[:64], func(q Query) error { _, err := f.eng.Decide(q.Engine); return err })
	})
	b.Run("opa", func(b *testing.B) {
		loop(b, f.known, func(q Query) error { _, err := f.opa.Decide(ctx, q.Input); return err })
	})
}

// BenchmarkConditional times one decision with distance_to_forest_m
// unknown: the engine's conditional verdict (it tries each side of 100 m)
// against OPA's partial evaluation with that input unknown.
func BenchmarkConditional(b *testing.B) {
	f := setup(b)
	ctx := context.Background()
	b.Run("tonggao", func(b *testing.B) {
		loop(b, f.partial, func(q Query) error { _, err := f.eng.Decide(q.Engine); return err })
	})
	b.Run("opa", func(b *testing.B) {
		loop(b, f.partial, func(q Query) error { _, err := f.opa.Conditional(ctx, q.Input); return err })
	})
}
