package server

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
)

//go:embed web
var webFS embed.FS

//go:embed openapi.json
var openAPI []byte

// DefaultMaxBody is the request body limit: a question or a query with
// facts is well under 1 KiB.
const DefaultMaxBody = 64 << 10

// Options configure a Server.
type Options struct {
	// Logger receives one structured access-log record per request
	// (unless AccessLog is set) and the server's other records; nil
	// discards them.
	Logger *slog.Logger
	// AccessLog, if set, receives the access log instead of Logger: one
	// JSON line per request, byte for byte what slog.NewJSONHandler would
	// write for Logger's record, formatted without slog (cheaper). Each
	// line is one Write; the writer must be safe for concurrent use
	// (LogWriter is).
	AccessLog io.Writer
	// MaxBody limits request bodies (default DefaultMaxBody); larger ones
	// get 413.
	MaxBody int64
	// Now is the clock for "today" when a request gives no day; nil is
	// time.Now. Tests set it.
	Now func() time.Time
	// Reload builds a fresh engine from the rule source (a rule directory
	// re-read from disk); it should stop when ctx ends. Nil means the rule
	// set cannot change — it is embedded in the binary — and
	// Server.Reload refuses with ErrReloadUnsupported.
	Reload func(ctx context.Context) (*engine.Engine, error)
	// ReloadHotline, if set, is what Reload calls instead of Reload: it
	// builds the whole hotline — the engine and the words the hotline
	// reads, from the same rule files, so that /v1/ask hears what
	// `tonggao ask` does with the same rules — or returns cur, the
	// hotline serving, when there is nothing new (a bundle URL answering
	// 304). Nil uses Reload and the embedded vocabulary.
	ReloadHotline func(ctx context.Context, cur *hotline.Hotline) (*hotline.Hotline, error)
	// ReloadTimeout bounds one reload (default DefaultReloadTimeout).
	ReloadTimeout time.Duration
	// Checks are what /readyz checks besides the rule set (the place
	// layers; later a feed): each returns nil when its part is ready.
	Checks []Check
	// Recorder, if set, is told of every answered decision and question.
	Recorder Recorder
	// Feed, if set, is the digest of the feed in use, for the records of
	// an engine not bound to one (engine.Refeed binds it: that wins).
	Feed func() string
	// Records, if set, looks decision records up for GET
	// /v1/records/{id} on the admin listener (they hold callers' words:
	// personal data, never on the public listener).
	Records RecordLookup
	// Collectors are more metrics for /metrics (the record writer's).
	Collectors []prometheus.Collector
	// FeedError, if set, says why the conditions feed's last update failed
	// ("" when it did not), for /healthz and /readyz: the last good feed
	// keeps serving meanwhile.
	FeedError func() string
}

// RecordLookup returns the JSON of the decision records of a request id,
// and whether there are any.
type RecordLookup func(ctx context.Context, requestID string) (body []byte, found bool, err error)

// Check is one readiness check of /readyz.
type Check struct {
	Name  string
	Ready func() error
}

// Record is one answered request (200 from POST /v1/decisions or POST
// /v1/ask), as a decision record keeps it.
type Record struct {
	RequestID string
	Time      time.Time
	// Route is "decisions" or "ask".
	Route string
	// Question is the caller's words (ask only).
	Question string
	// Query is what was decided.
	Query    engine.Query
	Decision *engine.Decision
	// Answer is the text read aloud, Verdict the answer's verdict (ask
	// only: not_understood or report when there is no decision).
	Answer, Verdict string
	// RuleSet is the digest of the rule set that answered, Bundle the
	// revision of its bundle (serving a pulled bundle).
	RuleSet, Bundle string
	// Feed is the digest of the feed in use (Options.Feed), if any.
	Feed string
	// Client is the remote address of the connection.
	Client string
}

// A Recorder keeps decision records. Record is called once per answered
// request on the request's goroutine, after the answer is written: it
// must not block (queue the record and return; count what it drops). The
// server does not touch r or r.Decision again, so a recorder may keep
// them until written; it must not change them.
type Recorder interface {
	Record(r *Record)
}

// Server is the HTTP API and the operator page. Create it with New; its
// only mutable state is the hotline in use, which Reload swaps atomically
// (each request takes one snapshot when it starts, so its answer and its
// receipt come from exactly one rule set), and its counters.
type Server struct {
	cur           atomic.Pointer[current]
	build         func(ctx context.Context, cur *hotline.Hotline) (*hotline.Hotline, error)
	reloadTimeout time.Duration
	reloading     atomic.Bool // a build is running (one at a time)
	draining      atomic.Bool // shutting down: /readyz says 503
	log           *slog.Logger
	accessLog     *accessLog
	maxBody       int64
	now           func() time.Time
	idPrefix      string
	seq           atomic.Uint64
	pinyin        pinyinTable
	checks        []Check
	recorder      Recorder
	feed          func() string
	records       RecordLookup
	feedError     func() string
	metrics       *metrics
	mux           *http.ServeMux
}

// Route is one operation of the API, as documented in openapi.json.
type Route struct {
	Method, Path string
}

// New builds the HTTP handler around h.
func New(h *hotline.Hotline, opts Options) *Server {
	s := &Server{build: buildOf(opts), reloadTimeout: opts.ReloadTimeout, log: opts.Logger, maxBody: opts.MaxBody, now: opts.Now,
		pinyin: loadPinyin(), checks: opts.Checks, recorder: opts.Recorder,
		feed: opts.Feed, records: opts.Records, feedError: opts.FeedError}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.AccessLog != nil {
		s.accessLog = &accessLog{w: opts.AccessLog}
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.reloadTimeout <= 0 {
		s.reloadTimeout = DefaultReloadTimeout
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	s.idPrefix = hex.EncodeToString(b[:])
	s.mux = http.NewServeMux()
	var patterns []string
	for _, rt := range s.routes() {
		s.mux.Handle(rt.pattern(), rt.h)
		patterns = append(patterns, rt.pattern())
	}
	s.mux.HandleFunc("GET /{$}", s.page)
	s.mux.HandleFunc("GET /assets/", s.asset)
	s.mux.HandleFunc("/", s.notFound)
	s.metrics = newMetrics(append(patterns, "GET /{$}", "GET /assets/"), append([]prometheus.Collector{newServingCollector(s)}, opts.Collectors...)...)
	s.cur.Store(newCurrent(h))
	s.metrics.ruleSet(h.Engine().Receipt().RuleSet, s.now())
	return s
}

type route struct {
	method, path string
	h            http.HandlerFunc
}

func (r route) pattern() string { return r.method + " " + r.path }

func (s *Server) routes() []route {
	return []route{
		{"POST", "/v1/decisions", s.decisions},
		{"POST", "/v1/ask", s.ask},
		{"GET", "/v1/documents/{number}", s.document},
		{"GET", "/v1/calendar/{date}", s.calendarDay},
		{"GET", "/v1/conditions/{date}", s.conditions},
		{"GET", "/v1/activities", s.activities},
		{"GET", "/v1/facts", s.facts},
		{"GET", "/v1/version", s.version},
		{"GET", "/healthz", s.healthz},
		{"GET", "/readyz", s.readyz},
		{"GET", "/metrics", s.promMetrics},
		{"GET", "/openapi.json", s.openapi},
	}
}

// knownPath reports whether some route serves path (with another method).
func (s *Server) knownPath(path string) bool {
	if path == "/" || strings.HasPrefix(path, "/assets/") {
		return true
	}
	for _, r := range s.routes() {
		if prefix, _, templ := strings.Cut(r.path, "{"); templ {
			if strings.HasPrefix(path, prefix) && len(path) > len(prefix) {
				return true
			}
		} else if path == r.path {
			return true
		}
	}
	return false
}

// notFound answers what no route matched: 405 for a known path with
// another method, else 404 (a POST to an unknown path is 404 too).
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if s.knownPath(r.URL.Path) {
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed on "+r.URL.Path)
		return
	}
	writeError(w, http.StatusNotFound, "not_found", "no such path: "+r.URL.Path)
}

// page serves the operator page.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	b, _ := webFS.ReadFile("web/index.html")
	_, _ = w.Write(b)
}

// asset serves one embedded file of the page; anything else — a missing
// file, a directory — is a JSON 404 like every other error.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := "web/" + strings.TrimPrefix(r.URL.Path, "/assets/")
	if st, err := fs.Stat(webFS, name); err != nil || st.IsDir() || !fs.ValidPath(name) {
		writeError(w, http.StatusNotFound, "not_found", "no such asset: "+r.URL.Path)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeFileFS(w, r, webFS, name)
}

// Routes lists the API operations the server handles (the operator page
// at / and its assets aside).
func (s *Server) Routes() []Route {
	var out []Route
	for _, r := range s.routes() {
		out = append(out, Route{r.method, r.path})
	}
	return out
}

// validRequestID reports whether a client's X-Request-Id is plain enough
// to keep: 1–64 of A–Z a–z 0–9 . _ -.
func validRequestID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Header values every answer carries, shared (net/http only reads them).
var (
	nosniff = []string{"nosniff"}
	// The page loads its script and style from /assets only, is never
	// framed, and the API's JSON is never a document to run.
	csp       = []string{"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"}
	frameDeny = []string{"DENY"}
	referrer  = []string{"no-referrer"}
)

func setSecurityHeaders(h http.Header) {
	h["X-Content-Type-Options"] = nosniff
	h["Content-Security-Policy"] = csp
	h["X-Frame-Options"] = frameDeny
	h["Referrer-Policy"] = referrer
}

// current is the hotline serving, with its X-Rule-Set and (built from a
// bundle) X-Bundle-Revision header values made once per rule set rather
// than once per request.
type current struct {
	h                     *hotline.Hotline
	ruleSetHdr, bundleHdr []string
	feedHdr               []string // X-Feed: the conditions feed's digest, nil without one
}

func newCurrent(h *hotline.Hotline) *current {
	c := &current{h: h, ruleSetHdr: []string{h.Engine().Receipt().RuleSet}}
	if v := h.Engine().Receipt().Bundle; v != "" {
		c.bundleHdr = []string{v}
	}
	if f := h.Engine().Receipt().Feed; f != "" {
		c.feedHdr = []string{f}
	}
	return c
}

// statusWriter records what a handler wrote, for the access log, and
// carries the request's state to its handler (cheaper than a context
// value, which copies the request).
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
	id     [1]string // the X-Request-Id header's value
	reqState
	// conn is the request's connection when it can send a response in
	// one write (a public listener's: see oneWrite), else nil.
	conn *cappedConn
}

// writeWhole answers with status, the header as set and body, in one
// write when the connection can (oneWrite): the header set and body whole
// are flushed at once.
func (w *statusWriter) writeWhole(status int, body []byte) {
	if c := w.conn; c != nil {
		c.gather()
		defer func() { _ = c.send() }()
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
	if w.conn != nil {
		if f, ok := w.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
	}
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// reqState is a request's hotline snapshot and what its handler leaves
// for ServeHTTP to record.
type reqState struct {
	h      *hotline.Hotline
	record *Record
}

// ServeHTTP serves a request with a request id, security headers, a body
// limit, panic recovery, metrics and an access-log record.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := r.Header.Get("X-Request-Id")
	if !validRequestID(id) {
		id = s.idPrefix + "-" + strconv.FormatUint(s.seq.Add(1), 10)
	}
	sw := &statusWriter{ResponseWriter: w}
	sw.conn, _ = r.Context().Value(connKey{}).(*cappedConn)
	sw.id[0] = id
	hdr := w.Header()
	hdr["X-Request-Id"] = sw.id[:] // one allocation with the writer
	setSecurityHeaders(hdr)
	// One snapshot of the hotline per request; the header names its rule
	// set so that even error responses say which rules answered.
	cur := s.cur.Load()
	h := cur.h
	hdr["X-Rule-Set"] = cur.ruleSetHdr
	if cur.bundleHdr != nil {
		hdr["X-Bundle-Revision"] = cur.bundleHdr
	}
	if cur.feedHdr != nil {
		hdr["X-Feed"] = cur.feedHdr
	}
	sw.reqState.h = h
	st := &sw.reqState
	if r.Body != nil {
		// The server's own writer, not sw: only it can mark the connection
		// to close after a body over the limit (an unexported method).
		r.Body = http.MaxBytesReader(w, r.Body, s.maxBody)
	}
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "request_id", id, "panic", fmt.Sprint(p))
			if sw.status == 0 {
				writeError(sw, http.StatusInternalServerError, "internal", "internal error")
			}
		}
		d := time.Since(start)
		s.metrics.forPattern(r.Pattern).observe(sw.status, d)
		ar := accessRecord{id: id, method: r.Method, path: r.URL.Path, status: sw.status, bytes: sw.bytes, duration: d, remote: r.RemoteAddr}
		if s.accessLog != nil {
			ar.time = time.Now()
			s.accessLog.write(ar)
		} else if s.log.Enabled(r.Context(), slog.LevelInfo) {
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "request", ar.attrs()...)
		}
		if st.record != nil && s.recorder != nil {
			rec, rc := st.record, h.Engine().Receipt()
			rec.RequestID, rec.Time, rec.RuleSet, rec.Bundle = id, start, rc.RuleSet, rc.Bundle
			rec.Client = clientOf(r.RemoteAddr)
			// The feed is the one the answering engine was bound to.
			rec.Feed = rc.Feed
			if rec.Feed == "" && s.feed != nil {
				rec.Feed = s.feed()
			}
			s.recorder.Record(rec)
		}
	}()
	s.mux.ServeHTTP(sw, r)
}

// clientOf is the host of a remote address.
func clientOf(remote string) string {
	if host, _, err := net.SplitHostPort(remote); err == nil {
		return host
	}
	return remote
}

// state is the request's state from ServeHTTP; handlers called without
// it (never in this package) get a fresh one on the current hotline.
func (s *Server) state(w http.ResponseWriter) *reqState {
	if sw, ok := w.(*statusWriter); ok {
		return &sw.reqState
	}
	return &reqState{h: s.cur.Load().h}
}
