package server

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/register"
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
	// Logger receives one structured access-log record per request; nil
	// discards them.
	Logger *slog.Logger
	// MaxBody limits request bodies (default DefaultMaxBody); larger ones
	// get 413.
	MaxBody int64
	// Now is the clock for "today" when a request gives no day; nil is
	// time.Now. Tests set it.
	Now func() time.Time
	// Reload builds a fresh engine from the rule source (a rule directory
	// re-read from disk). Nil means the rule set cannot change — it is
	// embedded in the binary — and Server.Reload refuses with
	// ErrReloadUnsupported.
	Reload func() (*engine.Engine, error)
}

// Server is the HTTP API and the operator page. Create it with New;
// its only mutable state is a request counter and the hotline in use,
// which Reload swaps atomically: each request takes one snapshot when it
// starts, so its answer and its receipt come from exactly one rule set.
type Server struct {
	cur      *engine.Current
	h        atomic.Pointer[hotline.Hotline]
	reloadMu sync.Mutex // one reload at a time
	build    func() (*engine.Engine, error)
	log      *slog.Logger
	maxBody  int64
	now      func() time.Time
	idPrefix string
	seq      atomic.Uint64
	pinyin   pinyinTable
	mux      *http.ServeMux
}

// Route is one operation of the API, as documented in openapi.json.
type Route struct {
	Method, Path string
}

// New builds the HTTP handler around h.
func New(h *hotline.Hotline, opts Options) *Server {
	s := &Server{cur: engine.NewCurrent(h.Engine()), build: opts.Reload, log: opts.Logger, maxBody: opts.MaxBody, now: opts.Now, pinyin: loadPinyin()}
	s.h.Store(h)
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	if s.now == nil {
		s.now = time.Now
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	s.idPrefix = hex.EncodeToString(b[:])
	s.mux = http.NewServeMux()
	for _, rt := range s.routes() {
		s.mux.Handle(rt.pattern(), rt.h)
	}
	s.mux.HandleFunc("POST "+AdminReloadPath, s.adminReload)
	static, _ := fs.Sub(webFS, "web")
	files := http.FileServerFS(static)
	s.mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && !strings.HasPrefix(r.URL.Path, "/assets/") {
			if s.knownPath(r.URL.Path) {
				writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed on "+r.URL.Path)
				return
			}
			writeError(w, http.StatusNotFound, "not_found", "no such path: "+r.URL.Path)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/assets/") {
			r2 := r.Clone(r.Context())
			r2.URL.Path = strings.TrimPrefix(r.URL.Path, "/assets")
			w.Header().Set("Cache-Control", "no-cache")
			files.ServeHTTP(w, r2)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		b, _ := webFS.ReadFile("web/index.html")
		_, _ = w.Write(b)
	})
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed on "+r.URL.Path)
	})
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
		{"GET", "/v1/activities", s.activities},
		{"GET", "/v1/facts", s.facts},
		{"GET", "/healthz", s.healthz},
		{"GET", "/openapi.json", s.openapi},
	}
}

// knownPath reports whether some route serves path (with another method).
func (s *Server) knownPath(path string) bool {
	for _, r := range s.routes() {
		if prefix, _, templ := strings.Cut(r.path, "{"); templ {
			if strings.HasPrefix(path, prefix) && len(path) > len(prefix) {
				return true
			}
		} else if path == r.path {
			return true
		}
	}
	return path == AdminReloadPath
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

var requestIDRe = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// statusWriter records what a handler wrote, for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
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

// ServeHTTP serves a request with a request id, a body limit, panic
// recovery and an access-log record.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := r.Header.Get("X-Request-Id")
	if !requestIDRe.MatchString(id) {
		id = fmt.Sprintf("%s-%d", s.idPrefix, s.seq.Add(1))
	}
	w.Header().Set("X-Request-Id", id)
	// One snapshot of the hotline per request; the header names its rule
	// set so that even error responses say which rules answered.
	h := s.h.Load()
	w.Header().Set("X-Rule-Set", h.Engine().Receipt().RuleSet)
	r = r.WithContext(context.WithValue(r.Context(), hotlineKey{}, h))
	sw := &statusWriter{ResponseWriter: w}
	if r.Body != nil {
		r.Body = http.MaxBytesReader(sw, r.Body, s.maxBody)
	}
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "request_id", id, "panic", fmt.Sprint(p))
			if sw.status == 0 {
				writeError(sw, http.StatusInternalServerError, "internal", "internal error")
			}
		}
		s.log.Info("request", "request_id", id, "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"bytes", sw.bytes, "duration_ms", float64(time.Since(start).Microseconds())/1000, "remote", r.RemoteAddr)
	}()
	s.mux.ServeHTTP(sw, r)
}

// ErrorBody is the JSON of every error response.
type ErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
	// Query is the parsed question, for /v1/ask errors after parsing.
	Query *hotline.Query `json:"query,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeErrorQuery(w, status, code, msg, nil)
}

// maxMessage bounds an error message in runes: messages quote the input
// (an unknown activity, a bad date), and a 60 KB name must not come back
// as a 60 KB answer.
const maxMessage = 300

func writeErrorQuery(w http.ResponseWriter, status int, code, msg string, q *hotline.Query) {
	if r := []rune(msg); len(r) > maxMessage {
		msg = string(r[:maxMessage]) + "…"
	}
	var b ErrorBody
	b.Error.Code, b.Error.Message, b.Query = code, msg, q
	writeJSON(w, status, b)
}

// decode reads one JSON object into v: 413 above the body limit, 400 for
// anything that is not exactly one object of the documented fields.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("request body over %d bytes", tooBig.Limit))
			return false
		}
		if errors.Is(err, io.EOF) {
			writeError(w, http.StatusBadRequest, "bad_json", "empty body: send a JSON object")
			return false
		}
		writeError(w, http.StatusBadRequest, "bad_json", "request body: "+err.Error())
		return false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("request body over %d bytes", tooBig.Limit))
			return false
		}
		writeError(w, http.StatusBadRequest, "bad_json", "request body: one JSON object only")
		return false
	}
	return true
}

// day reads a request's day: empty means today in China.
func (s *Server) day(at string) (calendar.Date, error) {
	if strings.TrimSpace(at) == "" {
		return calendar.LocalDay(s.now()), nil
	}
	return calendar.ParseDate(strings.TrimSpace(at))
}

// engineError maps an engine error to a status and code: unknown names
// and contradictory facts are well-formed but meaningless (422).
func engineError(w http.ResponseWriter, err error, q *hotline.Query) {
	var ua *engine.UnknownActivityError
	var fe *engine.FactError
	var hf *hotline.FactError
	switch {
	case errors.As(err, &hf):
		writeErrorQuery(w, http.StatusBadRequest, "bad_fact", err.Error(), q)
	case errors.As(err, &ua):
		writeErrorQuery(w, http.StatusUnprocessableEntity, "unknown_activity", err.Error(), q)
	case errors.As(err, &fe) && fe.Contradiction:
		writeErrorQuery(w, http.StatusUnprocessableEntity, "contradictory_facts", err.Error(), q)
	case errors.As(err, &fe):
		writeErrorQuery(w, http.StatusBadRequest, "bad_fact", err.Error(), q)
	case errors.Is(err, hotline.ErrNoActivity):
		writeErrorQuery(w, http.StatusUnprocessableEntity, "no_activity", err.Error(), q)
	case errors.Is(err, calendar.ErrRange):
		writeErrorQuery(w, http.StatusUnprocessableEntity, "date_out_of_range", err.Error(), q)
	default:
		writeErrorQuery(w, http.StatusUnprocessableEntity, "cannot_decide", err.Error(), q)
	}
}

// DecisionRequest is the body of POST /v1/decisions.
type DecisionRequest struct {
	Activity  string         `json:"activity"`
	At        string         `json:"at"`
	Facts     map[string]any `json:"facts"`
	Point     *PointJSON     `json:"point"`
	AccuracyM float64        `json:"accuracy_m"`
}

// PointJSON is a place in a request.
type PointJSON struct {
	Lat *float64 `json:"lat"`
	Lon *float64 `json:"lon"`
	CRS string   `json:"crs"`
}

func (s *Server) decisions(w http.ResponseWriter, r *http.Request) {
	h := s.snapshot(r)
	var req DecisionRequest
	if !decode(w, r, &req) {
		return
	}
	if strings.TrimSpace(req.Activity) == "" {
		writeError(w, http.StatusBadRequest, "missing_activity", "activity is required")
		return
	}
	day, err := s.day(req.At)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_date", "at: "+err.Error())
		return
	}
	facts, err := hotline.ParseFacts(h.Engine().Rules(), req.Facts)
	if err != nil {
		engineError(w, err, nil)
		return
	}
	q := engine.Query{Activity: req.Activity, Day: day, Facts: facts, AccuracyM: req.AccuracyM}
	if req.AccuracyM < 0 {
		writeError(w, http.StatusBadRequest, "bad_point", "accuracy_m must be ≥ 0")
		return
	}
	if req.Point != nil {
		if req.Point.Lat == nil || req.Point.Lon == nil {
			writeError(w, http.StatusBadRequest, "bad_point", "point needs lat and lon")
			return
		}
		crs, err := place.ParseCRS(req.Point.CRS)
		if err != nil {
			writeError(w, http.StatusBadRequest, "bad_point", "point.crs: "+err.Error())
			return
		}
		q.Point = &place.Point{Lat: *req.Point.Lat, Lon: *req.Point.Lon, CRS: crs}
		// A coordinate out of range or outside China in a Chinese CRS is
		// the caller's mistake (400), not something the engine cannot
		// decide (422).
		if _, err := q.Point.WGS84(); err != nil {
			writeError(w, http.StatusBadRequest, "bad_point", "point: "+err.Error())
			return
		}
	}
	d, err := h.Engine().Decide(q)
	if err != nil {
		engineError(w, err, nil)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// AskRequest is the body of POST /v1/ask.
type AskRequest struct {
	Question string `json:"question"`
	// At is the day of the call (default today in China).
	At string `json:"at"`
	// Date and Activity replace what the question says (operator edits).
	Date     string         `json:"date"`
	Activity string         `json:"activity"`
	Facts    map[string]any `json:"facts"`
	Lang     string         `json:"lang"`
}

func (s *Server) ask(w http.ResponseWriter, r *http.Request) {
	h := s.snapshot(r)
	var req AskRequest
	if !decode(w, r, &req) {
		return
	}
	if strings.TrimSpace(req.Question) == "" && strings.TrimSpace(req.Activity) == "" {
		writeError(w, http.StatusBadRequest, "missing_question", "question is required")
		return
	}
	if len([]rune(req.Question)) > 500 {
		writeError(w, http.StatusBadRequest, "question_too_long", "a question is at most 500 characters")
		return
	}
	lang, err := hotline.ParseLang(req.Lang)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_lang", err.Error())
		return
	}
	today, err := s.day(req.At)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_date", "at: "+err.Error())
		return
	}
	hr := hotline.Request{Question: req.Question, Today: today, Activity: strings.TrimSpace(req.Activity), Lang: lang}
	if strings.TrimSpace(req.Date) != "" {
		d, err := calendar.ParseDate(strings.TrimSpace(req.Date))
		if err != nil {
			writeError(w, http.StatusBadRequest, "bad_date", "date: "+err.Error())
			return
		}
		hr.Date = &d
	}
	if hr.Facts, err = hotline.ParseFacts(h.Engine().Rules(), req.Facts); err != nil {
		engineError(w, err, nil)
		return
	}
	ans, q, err := h.Ask(hr)
	if err != nil {
		if errors.Is(err, hotline.ErrNoActivity) {
			writeErrorQuery(w, http.StatusUnprocessableEntity, "no_activity", h.Catalog().T(lang, "no_activity"), q)
			return
		}
		engineError(w, err, q)
		return
	}
	writeJSON(w, http.StatusOK, ans)
}

// DocumentJSON is the body of GET /v1/documents/{number}: the register's
// status and, for an encoded notice, its articles.
type DocumentJSON struct {
	register.Status
	Notice *NoticeJSON `json:"notice,omitempty"`
}

// NoticeJSON is an encoded notice's citation data.
type NoticeJSON struct {
	Title      string        `json:"title"`
	Issuer     string        `json:"issuer"`
	Issued     calendar.Date `json:"issued"`
	Effective  calendar.Date `json:"effective"`
	ValidUntil calendar.Date `json:"valid_until"`
	Source     string        `json:"source"`
	TitleOnly  bool          `json:"title_only"`
	Articles   []ArticleJSON `json:"articles"`
}

// ArticleJSON is one rule's quoted text.
type ArticleJSON struct {
	Rule    string `json:"rule"`
	Article string `json:"article"`
	Text    string `json:"text"`
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	h := s.snapshot(r)
	n, err := register.ParseNumber(r.PathValue("number"))
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_number", err.Error())
		return
	}
	day, err := s.day(r.URL.Query().Get("at"))
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_date", "at: "+err.Error())
		return
	}
	reg := h.Engine().Register()
	st := reg.Status(n, day)
	nt, encoded := h.Engine().Rules().Notice(n.String())
	if _, listed := reg.Entry(n); !listed && st.Status == register.Unknown && !encoded {
		writeError(w, http.StatusNotFound, "unknown_document", n.String()+": the register does not list it and cannot infer its status")
		return
	}
	out := DocumentJSON{Status: st}
	if encoded {
		nj := &NoticeJSON{Title: nt.Title, Issuer: nt.Issuer, Issued: nt.Issued, Effective: nt.Effective, ValidUntil: nt.ValidUntil,
			Source: nt.Source, TitleOnly: nt.TitleOnly, Articles: []ArticleJSON{}}
		for _, ru := range nt.Rules {
			nj.Articles = append(nj.Articles, ArticleJSON{Rule: ru.ID, Article: ru.Article, Text: ru.Text})
		}
		out.Notice = nj
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) calendarDay(w http.ResponseWriter, r *http.Request) {
	d, err := calendar.ParseDate(r.PathValue("date"))
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_date", err.Error())
		return
	}
	out, err := s.snapshot(r).Day(d)
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, "date_out_of_range", err.Error())
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// ActivityJSON is one activity for the operator page's search.
type ActivityJSON struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	EN       string   `json:"en"`
	Synonyms []string `json:"synonyms"`
	// Pinyin holds the toneless pinyin and the initials of the name and of
	// each synonym, for search.
	Pinyin []string `json:"pinyin"`
	Notice string   `json:"notice"`
}

func (s *Server) activities(w http.ResponseWriter, r *http.Request) {
	h := s.snapshot(r)
	out := []ActivityJSON{}
	for _, a := range h.Engine().Rules().Activities {
		aj := ActivityJSON{ID: a.ID, Name: a.Name, EN: a.EN, Synonyms: append([]string{}, a.Synonyms...), Pinyin: []string{}}
		if a.Notice != nil {
			aj.Notice = a.Notice.Number
		}
		for _, n := range append([]string{a.Name}, a.Synonyms...) {
			full, ini := s.pinyin.of(n)
			aj.Pinyin = append(aj.Pinyin, full, ini)
		}
		out = append(out, aj)
	}
	writeJSON(w, http.StatusOK, out)
}

// FactJSON is one fact of the schema, for the operator page's fields.
type FactJSON struct {
	Name     string            `json:"name"`
	Type     string            `json:"type"`
	ZH       string            `json:"zh"`
	EN       string            `json:"en"`
	Unit     string            `json:"unit,omitempty"`
	Values   []string          `json:"values,omitempty"`
	Labels   map[string]string `json:"labels,omitempty"`
	Question string            `json:"question,omitempty"`
}

func (s *Server) facts(w http.ResponseWriter, r *http.Request) {
	h := s.snapshot(r)
	out := []FactJSON{}
	for _, f := range h.Engine().Rules().Facts {
		fj := FactJSON{Name: f.Name, Type: f.Kind.String(), ZH: f.ZH, EN: f.EN, Unit: f.Unit, Values: f.Values, Labels: f.Labels,
			Question: h.Catalog().Question(hotline.ZH, f.Name, "activity", "", "threshold", "…")}
		out = append(out, fj)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	h := s.snapshot(r)
	rc := h.Engine().Receipt()
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "rule_set": rc.RuleSet, "holiday_data": rc.HolidayData})
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openAPI)
}
