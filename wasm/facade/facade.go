// Package facade is the JSON-in, JSON-out surface of the rule base for
// hosts that cannot call Go directly: the WebAssembly build in the parent
// directory exposes it to JavaScript (a browser or a phone's WebView), with
// no server. Every call takes one JSON string and returns one:
// {"ok":true,"result":…} or {"ok":false,"error":"…"}; nothing panics on bad
// input.
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
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/patrol"
	"github.com/tonggao/tonggao/place"
)

// Facade answers calls with one bundle. It is immutable; loading another
// bundle returns a new Facade.
type Facade struct {
	b *patrol.Bundle
	// h is the hotline, built on the first ask: check and here do not
	// need it, and building it (its vocabulary, grammar and segmenter)
	// was most of the module's start-up (docs/speed.md).
	h   func() (*hotline.Hotline, error)
	now func() time.Time
}

// New builds a facade on a bundle; now is the clock for "today" (nil:
// time.Now).
func New(b *patrol.Bundle, now func() time.Time) (*Facade, error) {
	if b == nil {
		return nil, errors.New("facade: no bundle")
	}
	if now == nil {
		now = time.Now
	}
	h := sync.OnceValues(func() (*hotline.Hotline, error) { return hotline.New(b.Engine) })
	return &Facade{b: b, h: h, now: now}, nil
}

// Embedded is New on the rule base built into the binary, without layers.
// Each activity's plan is built on the first question about it
// (engine.PlanOnDemand): an app asks about a few activities, and building
// all of them was most of the module's start-up (docs/speed.md).
func Embedded() (*Facade, error) {
	b, err := patrol.EmbeddedBundle(nil, engine.PlanOnDemand())
	if err != nil {
		return nil, err
	}
	return New(b, nil)
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

// Ask answers a question in Chinese (or English with "lang":"en") through
// the hotline package.
func (f *Facade) Ask(req string) string {
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
	lang, err := hotline.ParseLang(r.Lang)
	if err != nil {
		return f.respond(nil, err)
	}
	h, err := f.h()
	if err != nil {
		return f.respond(nil, err)
	}
	a, _, err := h.Ask(hotline.Request{Question: r.Question, Today: today, Facts: facts, Lang: lang})
	return f.respond(a, err)
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
	nf, err := New(b, f.now)
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
