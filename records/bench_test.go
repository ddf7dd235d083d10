package records

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/server"
)

// benchRecord is a decision as the server hands it to the writer.
func benchRecord(b *testing.B) *server.Record {
	eng := embeddedEngine(b)
	q := engine.Query{Activity: "烧田埂", At: time.Date(2024, 10, 3, 10, 0, 0, 0, time.UTC), Facts: engine.Facts{"distance_to_forest_m": 50}}
	d, err := eng.Decide(q)
	require.NoError(b, err)
	return &server.Record{RequestID: "bench-1", Time: q.At, Route: "decisions", Client: "127.0.0.1", Query: q, Decision: d, RuleSet: eng.Receipt().RuleSet}
}

// BenchmarkEncode is the writer's work per record before the database:
// the query's JSON, the decision's outline and the cited articles
// (FormatOutline), against the decision's whole JSON (what FormatFull
// records stored besides).
func BenchmarkEncode(b *testing.B) {
	r := benchRecord(b)
	b.Run("outline", func(b *testing.B) {
		var n int
		for b.Loop() {
			e, err := entryOf(r, false)
			if err != nil {
				b.Fatal(err)
			}
			n = len(e.Decision) + len(e.Query)
		}
		b.ReportMetric(float64(n), "bytes/record")
	})
	b.Run("full", func(b *testing.B) {
		var n int
		for b.Loop() {
			n = len(r.Decision.AppendJSON(nil))
		}
		b.ReportMetric(float64(n), "bytes/record")
	})
}

// BenchmarkAppend writes batches of 80 records (about what the writer
// collects in its 50 ms under load) to a SQLite file: per record.
func BenchmarkAppend(b *testing.B) {
	r := benchRecord(b)
	e, err := entryOf(r, false)
	require.NoError(b, err)
	full := e
	full.Version, full.Decision = FormatFull, r.Decision.AppendJSON(nil)
	for _, tc := range []struct {
		name string
		e    Entry
	}{{"outline", e}, {"full", full}} {
		b.Run(tc.name, func(b *testing.B) {
			s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
			require.NoError(b, err)
			defer s.Close()
			batch := make([]Entry, 80)
			i := 0
			for b.Loop() {
				for k := range batch {
					batch[k] = tc.e
					batch[k].RequestID = fmt.Sprint("r", i, "-", k)
				}
				i++
				if err := s.Append(context.Background(), batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(batch))/1000, "µs/record")
		})
	}
}
