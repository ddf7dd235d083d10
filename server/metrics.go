package server

import (
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/internal/buildinfo"
)

// metrics are the server's Prometheus metrics, in a registry of its own
// (no global state: two servers in one process count apart). The
// per-request path touches only pre-resolved counters and one histogram:
// label values are looked up once per route and status, not hashed per
// request.
type metrics struct {
	reg       *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	decisions *prometheus.CounterVec
	asks      *prometheus.CounterVec
	reloads   *prometheus.CounterVec
	loadedAt  prometheus.Gauge
	ruleInfo  *prometheus.GaugeVec

	h        http.Handler
	routes   map[string]*routeMetrics // by mux pattern
	other    *routeMetrics
	mu       sync.Mutex // ruleInfo's one label
	ruleSetV string
}

// routeMetrics are one route's counters by status code, filled lazily.
type routeMetrics struct {
	name    string
	latency prometheus.Observer
	codes   [600]atomic.Pointer[prometheus.Counter]
	vec     *prometheus.CounterVec
}

func (rm *routeMetrics) observe(code int, d time.Duration) {
	rm.latency.Observe(d.Seconds())
	if code < 100 || code >= len(rm.codes) {
		code = 0
	}
	c := rm.codes[code].Load()
	if c == nil {
		cc := rm.vec.WithLabelValues(rm.name, strconv.Itoa(code))
		rm.codes[code].Store(&cc)
		c = &cc
	}
	(*c).Inc()
}

// latencyBuckets span a known-facts decision (tens of µs) to a slow ask
// under load (hundreds of ms).
var latencyBuckets = []float64{.00005, .0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5}

func newMetrics(routes []string, more ...prometheus.Collector) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tonggao_http_requests_total", Help: "HTTP requests answered, by route and status code.",
	}, []string{"route", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "tonggao_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route.", Buckets: latencyBuckets,
	}, []string{"route"})
	m.decisions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tonggao_decisions_total", Help: "Decisions answered (POST /v1/decisions and /v1/ask), by verdict and the notice of the first reason that applies (empty for none).",
	}, []string{"verdict", "notice"})
	m.asks = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tonggao_ask_total", Help: "Questions to POST /v1/ask, by outcome: answered, not_understood (no activity recognised), or error.",
	}, []string{"outcome"})
	m.reloads = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "tonggao_reloads_total", Help: "Rule-set reloads and activations, by result: ok, refused, timeout, busy, unsupported.",
	}, []string{"result"})
	m.loadedAt = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "tonggao_rule_set_loaded_timestamp_seconds", Help: "When the rule set serving now was loaded (Unix time); its age is time() minus this.",
	})
	m.ruleInfo = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "tonggao_rule_set_info", Help: "The rule set serving now: 1, with its digest as a label.",
	}, []string{"digest"})
	bi := buildinfo.Read()
	build := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "tonggao_build_info", Help: "The running build: 1, with its version and revision as labels.",
		ConstLabels: prometheus.Labels{"version": bi.Version, "revision": bi.Revision, "goversion": bi.GoVersion},
	})
	build.Set(1)
	m.reg.MustRegister(m.requests, m.latency, m.decisions, m.asks, m.reloads, m.loadedAt, m.ruleInfo, build,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.reg.MustRegister(more...)
	m.h = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	m.routes = map[string]*routeMetrics{}
	for _, r := range routes {
		m.routes[r] = m.route(r)
	}
	m.other = m.route("other")
	for _, o := range []string{"answered", "not_understood", "error"} {
		m.asks.WithLabelValues(o)
	}
	for _, r := range []string{"ok", "refused", "timeout", "busy", "unsupported"} {
		m.reloads.WithLabelValues(r)
	}
	return m
}

func (m *metrics) route(name string) *routeMetrics {
	return &routeMetrics{name: name, latency: m.latency.WithLabelValues(name), vec: m.requests}
}

// forPattern returns the metrics of the route the mux matched.
func (m *metrics) forPattern(p string) *routeMetrics {
	if rm, ok := m.routes[p]; ok {
		return rm
	}
	return m.other
}

func (m *metrics) decided(d *engine.Decision) {
	m.decisions.WithLabelValues(string(d.Verdict), d.FirstApplyingNotice()).Inc()
}

func (m *metrics) asked(outcome string) { m.asks.WithLabelValues(outcome).Inc() }

func (m *metrics) reloaded(result string) { m.reloads.WithLabelValues(result).Inc() }

func (m *metrics) ruleSet(digest string, at time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ruleSetV != "" && m.ruleSetV != digest {
		m.ruleInfo.DeleteLabelValues(m.ruleSetV)
	}
	m.ruleSetV = digest
	m.ruleInfo.WithLabelValues(digest).Set(1)
	m.loadedAt.Set(float64(at.UnixNano()) / 1e9)
}

func (m *metrics) handler() http.Handler {
	return m.h
}
