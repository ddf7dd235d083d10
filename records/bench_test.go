package records

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
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
		cpu0 := processCPU()
		for b.Loop() {
			e, err := entryOf(r, false)
			if err != nil {
				b.Fatal(err)
			}
			n = len(e.Decision) + len(e.Query)
		}
		b.ReportMetric(float64(n), "bytes/record")
		b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
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

// BenchmarkWriter is what a record costs the service's CPU: records handed
// to a Writer (as the server does) and written to the store, per record,
// in CPU time of the whole process (the writer's goroutine, the driver, the
// garbage collector) — on a shared machine ns/op counts the waits for a
// core and the disk too, cpu-µs/record does not. PostgreSQL's own CPU is
// not counted (another process): see docs/operations.md for it.
func BenchmarkWriter(b *testing.B) {
	targets := map[string]string{"sqlite": ""}
	if dsn := os.Getenv("TONGGAO_TEST_POSTGRES"); dsn != "" {
		targets["postgres"] = dsn
	}
	for _, name := range []string{"sqlite", "postgres"} {
		target, ok := targets[name]
		if !ok {
			continue
		}
		b.Run(name, func(b *testing.B) {
			at := target
			if at == "" {
				at = filepath.Join(b.TempDir(), "bench.db")
			}
			s, err := Open(context.Background(), at)
			require.NoError(b, err)
			defer s.Close()
			if name == "postgres" {
				_, err = s.db.Exec("TRUNCATE decision_records; TRUNCATE record_batches")
				require.NoError(b, err)
			}
			r := benchRecord(b)
			// A queue that holds them all: the writer takes full batches
			// and nothing waits on it.
			w := NewWriter(s, WriterOptions{Queue: b.N + 1})
			b.ResetTimer()
			cpu0 := processCPU()
			for i := range b.N {
				rec := *r // the server makes one per answer
				rec.RequestID = "bench-" + strconv.Itoa(i)
				w.Record(&rec)
			}
			require.NoError(b, w.Close(context.Background()))
			b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/1e3, "cpu-µs/record")
			b.ReportMetric(0, "ns/op")
			n, err := s.Count(context.Background())
			require.NoError(b, err)
			require.EqualValues(b, b.N, n, "every record written")
		})
	}
}

// processCPU is the process's user + system CPU time so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
