package server

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/loadtest"
)

// discardWriter is a ResponseWriter that keeps nothing, so a benchmark
// measures the handler, not a recorder's buffers.
type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(code int)        { w.code = code }

// benchServe sends one request body to path through ServeHTTP b.N times
// (request decoding, facts, the engine, JSON output, headers, metrics and
// the access log to a discarding writer, as `serve` formats it).
func benchServe(b *testing.B, method, path, body string) {
	benchServeStatus(b, method, path, body, 200)
}

func benchServeStatus(b *testing.B, method, path, body string, status int) {
	s := New(newTestHotline(b), Options{Now: func() time.Time { return time.Date(2024, 10, 2, 3, 0, 0, 0, time.UTC) }, AccessLog: io.Discard})
	req, err := http.NewRequest(method, path, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.RemoteAddr = "192.0.2.1:4000"
	w := &discardWriter{}
	rd := strings.NewReader(body)
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		rd.Reset(body)
		req.Body = io.NopCloser(rd)
		w.h, w.code = http.Header{}, 0
		s.ServeHTTP(w, req)
		if w.code != status {
			b.Fatalf("status %d, want %d", w.code, status)
		}
	}
	// CPU time of the whole process (every thread, GC included) per
	// request: on a shared, loaded machine ns/op counts the time waiting
	// for a core too, cpu-ns/op does not.
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
}

// processCPU is the process's user + system CPU time so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkServeMix serves each request of the load test's built-in mix
// (loadtest/mix.txt) on its own: which kinds of request its CPU per
// request goes to.
func BenchmarkServeMix(b *testing.B) {
	for i, rq := range loadtest.DefaultMix() {
		name := fmt.Sprintf("%02d-%s-%s", i, rq.Method, strings.TrimPrefix(rq.Path, "/"))
		b.Run(name, func(b *testing.B) { benchServeStatus(b, rq.Method, rq.Path, rq.Body, rq.Status) })
	}
}

func BenchmarkServeDecisionKnown(b *testing.B) {
	benchServe(b, "POST", "/v1/decisions", `{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50}}`)
}

func BenchmarkServeDecisionConditional(b *testing.B) {
	benchServe(b, "POST", "/v1/decisions", `{"activity":"烧田埂","at":"2024-10-03"}`)
}

func BenchmarkServeAsk(b *testing.B) {
	benchServe(b, "POST", "/v1/ask", `{"question":"10月3日烧田埂行不行","at":"2024-09-20"}`)
}

func BenchmarkServeHealthz(b *testing.B) {
	benchServe(b, "GET", "/healthz", "")
}

// BenchmarkMetricsPerRequest is what metrics add to a served decision:
// the route's counter and histogram, and the decision's counter.
func BenchmarkMetricsPerRequest(b *testing.B) {
	s := New(newTestHotline(b), Options{})
	d, err := s.Engine().Decide(engine.Query{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3), Facts: engine.Facts{"distance_to_forest_m": 50.0}})
	if err != nil {
		b.Fatal(err)
	}
	rm := s.metrics.forPattern("POST /v1/decisions")
	b.ReportAllocs()
	for b.Loop() {
		rm.observe(200, 37*time.Microsecond)
		s.metrics.decided(d)
	}
}

func BenchmarkMetricsObserve(b *testing.B) {
	s := New(newTestHotline(b), Options{})
	rm := s.metrics.forPattern("POST /v1/decisions")
	b.ReportAllocs()
	for b.Loop() {
		rm.observe(200, 37*time.Microsecond)
	}
}
