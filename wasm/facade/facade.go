// Package facade is the JSON-in, JSON-out surface of the rule base for
// hosts that cannot call Go directly: the WebAssembly build in the parent
// directory exposes it to JavaScript (a browser or a phone's WebView), with
// no server. Every call takes one JSON string and returns one:
// {"ok":true,"result":…} or {"ok":false,"error":"…"}; nothing panics on bad
// input.
//
// The facade itself decides only (check, here, loadBundle, version). Ask
// answers questions in words when the facade is built WithAsk — package
// wasm/facade/ask gives the hotline's — so that a module built without it
// links no hotline (its segmenter, dictionary, vocabulary and regular
// expressions): the WebAssembly build is two modules, ./wasm/decide
// without the hotline and ./wasm with it (docs/patrol.md).
package facade

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/internal/jsonnum"
	"github.com/tonggao/tonggao/patrol"
	"github.com/tonggao/tonggao/place"
)

// Facade answers calls with one bundle. It is immutable; loading another
// bundle returns a new Facade.
type Facade struct {
	b *patrol.Bundle
	// asker answers questions in words, built on the first ask: check and
	// here do not need it, and building the hotline (its vocabulary,
	// grammar and segmenter) was most of the module's start-up
	// (docs/speed.md). Nil when the facade has no Asker.
	asker   func() (Asker, error)
	options []Option
	now     func() time.Time
}

// An Asker answers a question in words with one bundle's engine: the
// hotline, in package wasm/facade/ask. Its result is marshalled as the
// reply's result.
type Asker interface {
	Ask(r AskRequest, today calendar.Date, facts engine.Facts) (any, error)
}

// An Option configures a facade; a facade on a loaded bundle keeps its
// options.
type Option func(*config)

type config struct {
	newAsker func(*engine.Engine) (Asker, error)
}

// WithAsk makes Ask answer with the Asker newAsker builds for the bundle's
// engine, on the first question. Without it Ask replies that the module
// decides only.
func WithAsk(newAsker func(*engine.Engine) (Asker, error)) Option {
	return func(c *config) { c.newAsker = newAsker }
}

// ErrNoAsk is Ask's error in a facade without an Asker.
var ErrNoAsk = errors.New("this module decides only (check, here): questions in words are answered by the module built from ./wasm, which has the hotline (docs/patrol.md)")

// New builds a facade on a bundle; now is the clock for "today" (nil:
// time.Now).
func New(b *patrol.Bundle, now func() time.Time, opts ...Option) (*Facade, error) {
	if b == nil {
		return nil, errors.New("facade: no bundle")
	}
	if now == nil {
		now = time.Now
	}
	var c config
	for _, o := range opts {
		o(&c)
	}
	f := &Facade{b: b, now: now, options: opts}
	if c.newAsker != nil {
		f.asker = sync.OnceValues(func() (Asker, error) { return c.newAsker(b.Engine) })
	}
	return f, nil
}

// Embedded is New on the rule base built into the binary, without layers.
// Each activity's plan is built on the first question about it
// (engine.PlanOnDemand): an app asks about a few activities, and building
// all of them was most of the module's start-up (docs/speed.md).
func Embedded(opts ...Option) (*Facade, error) {
	b, err := patrol.EmbeddedBundle(nil, engine.PlanOnDemand())
	if err != nil {
		return nil, err
	}
	return New(b, nil, opts...)
}

// Bundle returns the bundle the facade decides with.
func (f *Facade) Bundle() *patrol.Bundle { return f.b }

// Query is the JSON form of a check or here request.
type Query struct {
	Activity string         `json:"activity,omitempty"`
	Date     string         `json:"date,omitempty"` // YYYY-MM-DD, or an RFC 3339 time; default today in China
	Facts    map[string]any `json:"facts,omitempty"`
	Point    *struct {
		Lat float64 `json:"lat"`
		Lon float64 `json:"lon"`
		CRS string  `json:"crs"`
	} `json:"point,omitempty"`
	AccuracyM float64 `json:"accuracy_m,omitempty"`
	// Place is the division asked about: a code or a name (engine.Query.Place).
	Place string `json:"place,omitempty"`
}

// AskRequest is the JSON form of an ask request.
type AskRequest struct {
	Question string         `json:"question"`
	Today    string         `json:"today,omitempty"`
	Facts    map[string]any `json:"facts,omitempty"`
	Lang     string         `json:"lang,omitempty"`
}

type reply struct {
	OK     bool   `json:"ok"`
	Result any    `json:"result,omitempty"`
	Error  string `json:"error,omitempty"`
	Bundle string `json:"bundle,omitempty"`
}

func (f *Facade) respond(v any, err error) string {
	if d, ok := v.(*patrol.Decision); ok && err == nil && d != nil && d.Decision != nil {
		return string(f.appendDecision(make([]byte, 0, 8<<10), d))
	}
	r := reply{OK: err == nil, Result: v, Bundle: f.b.Version}
	if err != nil {
		r.Result, r.Error = nil, err.Error()
	}
	out, merr := json.Marshal(r)
	if merr != nil {
		out, _ = json.Marshal(reply{Error: merr.Error()})
	}
	return string(out)
}

// appendDecision appends the reply to a check: what encoding/json makes
// of reply{OK: true, Result: d, Bundle: …}, written without it. The
// decision's JSON is its own AppendJSON (which patrol.Decision's embedded
// MarshalJSON gives too); encoding/json would check and compact those
// bytes again, a twentieth of a browser's start-up to its first answer
// (docs/speed.md). TestRespondAsEncodingJSON holds the two equal.
func (f *Facade) appendDecision(dst []byte, d *patrol.Decision) []byte {
	dst = append(dst, `{"ok":true,"result":`...)
	dst = d.AppendJSON(dst)
	if f.b.Version != "" {
		dst = append(dst, `,"bundle":`...)
		dst = jsonnum.AppendString(dst, f.b.Version)
	}
	return append(dst, '}')
}

// Check decides one activity: engine.Decision with the bundle version.
func (f *Facade) Check(req string) string {
	q, err := f.query(req, true)
	if err != nil {
		return f.respond(nil, err)
	}
	d, err := f.b.Decide(q)
	return f.respond(d, err)
}

// Here lists what is restricted at the place on the day.
func (f *Facade) Here(req string) string {
	q, err := f.query(req, false)
	if err != nil {
		return f.respond(nil, err)
	}
	h, err := f.b.Here(q)
	return f.respond(h, err)
}

// Ask answers a question in Chinese (or English with "lang":"en") with the
// facade's Asker (WithAsk), or replies ErrNoAsk.
func (f *Facade) Ask(req string) string {
	if f.asker == nil {
		return f.respond(nil, ErrNoAsk)
	}
	var r AskRequest
	if err := decode(req, &r); err != nil {
		return f.respond(nil, err)
	}
	today := calendar.LocalDay(f.now())
	if r.Today != "" {
		d, err := calendar.ParseDate(r.Today)
		if err != nil {
			return f.respond(nil, fmt.Errorf("today: %w", err))
		}
		today = d
	}
	facts, err := engine.FactsFromJSON(f.b.Engine.Rules(), r.Facts, "request")
	if err != nil {
		return f.respond(nil, err)
	}
	a, err := f.asker()
	if err != nil {
		return f.respond(nil, err)
	}
	return f.respond(a.Ask(r, today, facts))
}

// LoadBundle validates a zipped bundle given as base64 (with its SHA-256 in
// hex, or "" to rely on the manifest alone) and returns a facade on it, and
// the JSON reply to hand back. On failure the facade is nil and the caller
// keeps the one it has.
func (f *Facade) LoadBundle(zipBase64, sha256Hex string) (*Facade, string) {
	data, err := base64.StdEncoding.DecodeString(strings.TrimSpace(zipBase64))
	if err != nil {
		return nil, f.respond(nil, fmt.Errorf("bundle: %w", err))
	}
	b, err := patrol.OpenBundleZip(data, sha256Hex, "bundle")
	if err != nil {
		return nil, f.respond(nil, err)
	}
	nf, err := New(b, f.now, f.options...)
	if err != nil {
		return nil, f.respond(nil, err)
	}
	return nf, nf.respond(map[string]string{"version": b.Version, "digest": b.Digest}, nil)
}

// Version names the bundle and the data inside it.
func (f *Facade) Version() string {
	rec := f.b.Engine.Receipt()
	return f.respond(map[string]any{"bundle": f.b.Version, "rule_set": rec.RuleSet, "holiday_data": rec.HolidayData, "layers": f.b.Layers != nil}, nil)
}

func decode(req string, v any) error {
	dec := json.NewDecoder(strings.NewReader(req))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("request: %w", err)
	}
	return nil
}

func (f *Facade) query(req string, needActivity bool) (engine.Query, error) {
	var r Query
	if err := decode(req, &r); err != nil {
		return engine.Query{}, err
	}
	if needActivity && strings.TrimSpace(r.Activity) == "" {
		return engine.Query{}, errors.New("request: activity is required")
	}
	q := engine.Query{Activity: r.Activity, AccuracyM: r.AccuracyM, Place: strings.TrimSpace(r.Place)}
	if r.Date == "" {
		q.Day = calendar.LocalDay(f.now())
	} else {
		// A day, or a minute (China time, or RFC 3339 with any offset).
		m, err := calendar.ParseMoment(r.Date)
		if err != nil {
			return engine.Query{}, fmt.Errorf("date: %w", err)
		}
		q.SetMoment(m)
	}
	facts, err := engine.FactsFromJSON(f.b.Engine.Rules(), r.Facts, "request")
	if err != nil {
		return engine.Query{}, err
	}
	q.Facts = facts
	if r.Point != nil {
		crs, err := place.ParseCRS(r.Point.CRS)
		if err != nil {
			return engine.Query{}, fmt.Errorf("point: %w", err)
		}
		q.Point = &place.Point{Lat: r.Point.Lat, Lon: r.Point.Lon, CRS: crs}
	}
	return q, nil
}
