package server

import (
	"errors"
	"net/http"
	"strings"
	"sync"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/internal/buildinfo"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/register"
)

// day reads a request's day: empty means today in China.
func (s *Server) day(at string) (calendar.Date, error) {
	m, err := s.moment(at)
	return m.Day(), err
}

// moment reads an `at`: a day or a minute (calendar.ParseMoment); today in
// China when it is empty.
func (s *Server) moment(at string) (calendar.Moment, error) {
	if strings.TrimSpace(at) == "" {
		return calendar.DayMoment(calendar.LocalDay(s.now())), nil
	}
	return calendar.ParseMoment(at)
}

// engineError maps an engine error to a status and code: unknown names
// and contradictory facts are well-formed but meaningless (422).
func engineError(w http.ResponseWriter, err error, q *hotline.Query) {
	var ua *engine.UnknownActivityError
	var fe *engine.FactError
	switch {
	case errors.As(err, &ua):
		writeErrorQuery(w, http.StatusUnprocessableEntity, "unknown_activity", err.Error(), q)
	case errors.As(err, &fe) && fe.Contradiction:
		writeErrorQuery(w, http.StatusUnprocessableEntity, "contradictory_facts", err.Error(), q)
	case errors.As(err, &fe) && fe.Fact == engine.PlaceFact:
		writeErrorQuery(w, http.StatusBadRequest, "bad_place", err.Error(), q)
	case errors.As(err, &fe):
		writeErrorQuery(w, http.StatusBadRequest, "bad_fact", err.Error(), q)
	case errors.Is(err, engine.ErrNoLayers):
		writeErrorQuery(w, http.StatusUnprocessableEntity, "no_layers", err.Error(), q)
	case errors.Is(err, engine.ErrNoDate):
		writeErrorQuery(w, http.StatusBadRequest, "bad_date", err.Error(), q)
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
	// Place is the division asked about: a code or a name (engine.Query.Place).
	Place string `json:"place"`
}

// PointJSON is a place in a request.
type PointJSON struct {
	Lat *float64 `json:"lat"`
	Lon *float64 `json:"lon"`
	CRS string   `json:"crs"`
}

func (s *Server) decisions(w http.ResponseWriter, r *http.Request) {
	h := s.snapshot(w)
	var req DecisionRequest
	if !decode(w, r, &req) {
		return
	}
	if strings.TrimSpace(req.Activity) == "" {
		writeError(w, http.StatusBadRequest, "missing_activity", "activity is required")
		return
	}
	at, err := s.moment(req.At)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_date", "at: "+err.Error())
		return
	}
	facts, err := engine.FactsFromJSON(h.Engine().Rules(), req.Facts, "request")
	if err != nil {
		engineError(w, err, nil)
		return
	}
	q := engine.Query{Activity: req.Activity, Facts: facts, AccuracyM: req.AccuracyM, Place: strings.TrimSpace(req.Place)}
	q.SetMoment(at)
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
	if s.recorder != nil {
		// The recorder keeps the decision: a new one.
		d, err := h.Engine().Decide(q)
		if err != nil {
			engineError(w, err, nil)
			return
		}
		writeJSON(w, http.StatusOK, d)
		s.metrics.decided(d)
		s.state(w).record = &Record{Route: "decisions", Query: q, Decision: d}
		return
	}
	// Nobody keeps the decision once it is written: a reused one.
	d := decisionPool.Get().(*engine.Decision)
	defer decisionPool.Put(d)
	if err := h.Engine().DecideInto(d, q); err != nil {
		engineError(w, err, nil)
		return
	}
	writeJSON(w, http.StatusOK, d)
	s.metrics.decided(d)
}

// decisionPool holds decisions to decide into (engine.DecideInto) when no
// recorder keeps them.
var decisionPool = sync.Pool{New: func() any { return new(engine.Decision) }}

// AskRequest is the body of POST /v1/ask.
type AskRequest struct {
	Question string `json:"question"`
	// At is the day or minute of the call (default now in China); a
	// question naming no day or time of its own is asked about its minute.
	At string `json:"at"`
	// Date and Activity replace what the question says (operator edits).
	Date     string         `json:"date"`
	Activity string         `json:"activity"`
	Facts    map[string]any `json:"facts"`
	Lang     string         `json:"lang"`
	Place    string         `json:"place"`
}

func (s *Server) ask(w http.ResponseWriter, r *http.Request) {
	h := s.snapshot(w)
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
	// the call is now unless the operator gives its day or minute: a
	// question that names no day or time of its own is asked about the
	// call's minute (a nightly ban answers for it)
	at := calendar.TimeMoment(calendar.LocalTime(s.now()))
	if strings.TrimSpace(req.At) != "" {
		if at, err = calendar.ParseMoment(req.At); err != nil {
			writeError(w, http.StatusBadRequest, "bad_date", "at: "+err.Error())
			return
		}
	}
	hr := hotline.Request{Question: req.Question, Today: at.Day(), At: at, Activity: strings.TrimSpace(req.Activity), Lang: lang, Place: strings.TrimSpace(req.Place)}
	if strings.TrimSpace(req.Date) != "" {
		d, err := calendar.ParseDate(strings.TrimSpace(req.Date))
		if err != nil {
			writeError(w, http.StatusBadRequest, "bad_date", "date: "+err.Error())
			return
		}
		hr.Date = &d
	}
	if hr.Facts, err = engine.FactsFromJSON(h.Engine().Rules(), req.Facts, "request"); err != nil {
		engineError(w, err, nil)
		return
	}
	ans, q, err := h.Ask(hr)
	if err != nil {
		s.metrics.asked("error")
		engineError(w, err, q)
		return
	}
	writeJSON(w, http.StatusOK, ans)
	if ans.Verdict == hotline.NotUnderstood {
		s.metrics.asked("not_understood") // answered with what to ask
	} else {
		s.metrics.asked("answered")
	}
	if ans.Decision != nil {
		s.metrics.decided(ans.Decision)
	}
	if s.recorder != nil {
		rec := &Record{Route: "ask", Question: req.Question, Decision: ans.Decision, Answer: ans.Answer, Verdict: string(ans.Verdict)}
		if ans.Decision != nil {
			rec.Query = q.EngineQuery() // the minute decided, when there was one
		}
		s.state(w).record = rec
	}
}

// DocumentJSON is the body of GET /v1/documents/{number}: the register's
// status, its notes in the language asked (?lang=zh|en, Chinese by
// default), and, for an encoded notice, its articles.
type DocumentJSON struct {
	hotline.DocumentAnswer
	Notice *NoticeJSON `json:"notice,omitempty"`
}

// NoticeJSON is an encoded notice's citation data.
type NoticeJSON struct {
	Title      string         `json:"title"`
	Issuer     string         `json:"issuer"`
	Issued     *calendar.Date `json:"issued,omitempty"` // absent when the notice's date is not known
	Effective  calendar.Date  `json:"effective"`
	ValidUntil *calendar.Date `json:"valid_until,omitempty"` // absent while in force until repealed
	Source     string         `json:"source"`
	TitleOnly  bool           `json:"title_only"`
	Articles   []ArticleJSON  `json:"articles"`
}

// ArticleJSON is one rule's quoted text.
type ArticleJSON struct {
	Rule    string `json:"rule"`
	Article string `json:"article"`
	Text    string `json:"text"`
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	h := s.snapshot(w)
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
	lang, err := hotline.ParseLang(r.URL.Query().Get("lang"))
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_lang", "lang: "+err.Error())
		return
	}
	// A well-formed number the register cannot place is an answer — status
	// unknown, and why in the notes — as tonggao doc prints it, not a
	// missing resource: the question was well formed.
	st := h.Engine().Register().Status(n, day)
	nt, encoded := h.Engine().Rules().Notice(n.String())
	out := DocumentJSON{DocumentAnswer: h.Catalog().Document(lang, st)}
	if encoded {
		nj := &NoticeJSON{Title: nt.Title, Issuer: nt.Issuer, Issued: knownDate(nt.Issued), Effective: nt.Effective, ValidUntil: knownDate(nt.ValidUntil),
			Source: nt.Source, TitleOnly: nt.TitleOnly, Articles: []ArticleJSON{}}
		for _, ru := range nt.Rules {
			nj.Articles = append(nj.Articles, ArticleJSON{Rule: ru.ID, Article: ru.Article, Text: ru.Text})
		}
		out.Notice = nj
	}
	writeJSON(w, http.StatusOK, out)
}

// knownDate is d, or nil for the zero date a notice leaves unsaid (no
// printed issue date; no end of validity), so that JSON omits it rather
// than say 0001-01-01.
func knownDate(d calendar.Date) *calendar.Date {
	if d == (calendar.Date{}) {
		return nil
	}
	return &d
}

func (s *Server) calendarDay(w http.ResponseWriter, r *http.Request) {
	d, err := calendar.ParseDate(r.PathValue("date"))
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_date", err.Error())
		return
	}
	out, err := s.snapshot(w).Day(d)
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
	h := s.snapshot(w)
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
	h := s.snapshot(w)
	out := []FactJSON{}
	for _, f := range h.Engine().Rules().Facts {
		fj := FactJSON{Name: f.Name, Type: f.Kind.String(), ZH: f.ZH, EN: f.EN, Unit: f.Unit, Values: f.Values, Labels: f.Labels,
			Question: h.Catalog().Question(hotline.ZH, f.Name, "activity", "", "threshold", "…")}
		out = append(out, fj)
	}
	writeJSON(w, http.StatusOK, out)
}

// Health is the body of GET /healthz: the process is alive and serving
// this rule set.
type Health struct {
	Status      string `json:"status"`
	RuleSet     string `json:"rule_set"`
	HolidayData string `json:"holiday_data"`
	// Feed is the conditions feed serving, when there is one (feed.go).
	Feed *FeedHealth `json:"feed,omitempty"`
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	e := s.snapshot(w).Engine()
	rc := e.Receipt()
	writeJSON(w, http.StatusOK, Health{Status: "ok", RuleSet: rc.RuleSet, HolidayData: rc.HolidayData, Feed: s.feedHealth(e)})
}

// Readiness is the body of GET /readyz: 200 and "ready" when every part
// the answers need is loaded, else 503 and "not_ready" with what is
// missing; "draining" (503) once shutdown has begun, so that a load
// balancer stops sending before the listener closes.
type Readiness struct {
	Status  string            `json:"status"`
	RuleSet string            `json:"rule_set"`
	Checks  map[string]string `json:"checks"`
	Feed    *FeedHealth       `json:"feed,omitempty"`
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	h := s.snapshot(w)
	out := Readiness{Status: "ready", RuleSet: h.Engine().Receipt().RuleSet, Checks: map[string]string{"rules": "ok"}, Feed: s.feedHealth(h.Engine())}
	for _, c := range s.checks {
		if err := c.Ready(); err != nil {
			out.Checks[c.Name], out.Status = err.Error(), "not_ready"
		} else {
			out.Checks[c.Name] = "ok"
		}
	}
	if s.draining.Load() {
		out.Status = "draining"
	}
	status := http.StatusOK
	if out.Status != "ready" {
		status = http.StatusServiceUnavailable
	}
	writeJSON(w, status, out)
}

// Version is the body of GET /v1/version: the build (the same as tonggao
// version prints) and the rule set serving.
type Version struct {
	buildinfo.Info
	RuleSet     string `json:"rule_set"`
	HolidayData string `json:"holiday_data"`
}

func (s *Server) version(w http.ResponseWriter, r *http.Request) {
	rc := s.snapshot(w).Engine().Receipt()
	writeJSON(w, http.StatusOK, Version{Info: buildinfo.Read(), RuleSet: rc.RuleSet, HolidayData: rc.HolidayData})
}

func (s *Server) promMetrics(w http.ResponseWriter, r *http.Request) {
	s.metrics.handler().ServeHTTP(w, r)
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openAPI)
}
