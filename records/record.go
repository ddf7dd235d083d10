package records

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/internal/jsonnum"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/server"
)

// Entry is one decision record as stored.
type Entry struct {
	// Seq is the store's own key, in order of writing: a decision_records
	// row's (records written before batches), or for a record kept in a
	// batch, 2⁴⁰ + the batch row's seq × 4096 + its place in the batch.
	Seq       int64     `json:"seq"`
	RequestID string    `json:"request_id"`
	Time      time.Time `json:"time"`
	// Route is "decisions" or "ask".
	Route  string `json:"route"`
	Client string `json:"client"`
	// Version is the record's format: what Decision holds (FormatFull,
	// FormatOutline, FormatQuotes).
	Version int `json:"version"`
	// Question is the caller's words (ask), phone numbers masked unless
	// the writer keeps them.
	Question string `json:"question,omitempty"`
	Activity string `json:"activity"`
	Verdict  string `json:"verdict"`
	// Cited are the articles of the reasons that apply, "notice 第N条",
	// separated by "; ".
	Cited string `json:"cited"`
	// Answer is the text read aloud (ask).
	Answer  string `json:"answer,omitempty"`
	RuleSet string `json:"rule_set"`
	// Feed is the digest of the feed the answer used, when there is one.
	Feed string `json:"feed,omitempty"`
	// Bundle is the revision of the bundle that answered, for a server
	// pulling signed bundles.
	Bundle string `json:"bundle,omitempty"`
	// Query is what was decided (QueryJSON); Decision is the decision's
	// Outline (FormatOutline, FormatQuotes) or, in records of FormatFull, the decision
	// as the API gave it; both null for a question not understood. A
	// replay re-derives the whole decision under RuleSet.
	Query    json.RawMessage `json:"query"`
	Decision json.RawMessage `json:"decision"`
}

// QueryJSON is an engine query as a record keeps it: enough to decide it
// again (Sourced facts keep their value, not their source).
type QueryJSON struct {
	Activity string `json:"activity"`
	// At is the minute asked about (RFC 3339), Day the day when the query
	// gave a day alone.
	At        string         `json:"at,omitempty"`
	Day       string         `json:"day,omitempty"`
	Facts     map[string]any `json:"facts,omitempty"`
	Point     *PointJSON     `json:"point,omitempty"`
	AccuracyM float64        `json:"accuracy_m,omitempty"`
	Place     string         `json:"place,omitempty"`
}

// PointJSON is a query's point.
type PointJSON struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
	CRS string  `json:"crs"`
}

// EncodeQuery is q in its record form.
func EncodeQuery(q engine.Query) QueryJSON {
	out := QueryJSON{Activity: q.Activity, AccuracyM: q.AccuracyM, Place: q.Place}
	if !q.At.IsZero() {
		out.At = q.At.Format(time.RFC3339)
	} else if q.Day != (calendar.Date{}) {
		out.Day = q.Day.String()
	}
	if len(q.Facts) > 0 {
		out.Facts = make(map[string]any, len(q.Facts))
		for k, v := range q.Facts {
			out.Facts[k] = factJSON(v)
		}
	}
	if q.Point != nil {
		out.Point = &PointJSON{Lat: q.Point.Lat, Lon: q.Point.Lon, CRS: string(q.Point.CRS)}
	}
	return out
}

// factJSON is a fact value as FactsFromJSON reads it back.
func factJSON(v any) any {
	switch x := v.(type) {
	case engine.Sourced:
		return factJSON(x.Value)
	case engine.Range:
		return map[string]any{"min": x.Lo, "max": x.Hi}
	case int:
		return float64(x)
	}
	return v
}

// appendQueryJSON appends q's record form (EncodeQuery) as encoding/json
// writes it, without reflection or the map of facts: the writer encodes
// one per record.
func appendQueryJSON(dst []byte, q engine.Query) ([]byte, error) {
	dst = append(dst, `{"activity":`...)
	dst = jsonnum.AppendString(dst, q.Activity)
	if !q.At.IsZero() {
		dst = append(dst, `,"at":`...)
		dst = jsonnum.AppendString(dst, q.At.Format(time.RFC3339))
	} else if q.Day != (calendar.Date{}) {
		dst = append(dst, `,"day":`...)
		dst = jsonnum.AppendString(dst, q.Day.String())
	}
	if len(q.Facts) > 0 {
		var keys [16]string
		names := keys[:0]
		for k := range q.Facts {
			names = append(names, k)
		}
		slices.Sort(names)
		dst = append(dst, `,"facts":{`...)
		for i, k := range names {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = jsonnum.AppendString(dst, k)
			dst = append(dst, ':')
			var err error
			if dst, err = appendFactJSON(dst, q.Facts[k]); err != nil {
				return dst, fmt.Errorf("fact %s: %w", k, err)
			}
		}
		dst = append(dst, '}')
	}
	if p := q.Point; p != nil {
		var err error
		dst = append(dst, `,"point":{"lat":`...)
		if dst, err = appendNumber(dst, p.Lat); err != nil {
			return dst, err
		}
		dst = append(dst, `,"lon":`...)
		if dst, err = appendNumber(dst, p.Lon); err != nil {
			return dst, err
		}
		dst = append(dst, `,"crs":`...)
		dst = jsonnum.AppendString(dst, string(p.CRS))
		dst = append(dst, '}')
	}
	if q.AccuracyM != 0 {
		var err error
		dst = append(dst, `,"accuracy_m":`...)
		if dst, err = appendNumber(dst, q.AccuracyM); err != nil {
			return dst, err
		}
	}
	if q.Place != "" {
		dst = append(dst, `,"place":`...)
		dst = jsonnum.AppendString(dst, q.Place)
	}
	return append(dst, '}'), nil
}

// appendFactJSON appends a fact value as factJSON gives it to
// encoding/json; a value of another type is encoded by encoding/json.
func appendFactJSON(dst []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case engine.Sourced:
		return appendFactJSON(dst, x.Value)
	case engine.Range:
		dst = append(dst, `{"max":`...)
		dst, err := appendNumber(dst, x.Hi)
		if err != nil {
			return dst, err
		}
		dst = append(dst, `,"min":`...)
		if dst, err = appendNumber(dst, x.Lo); err != nil {
			return dst, err
		}
		return append(dst, '}'), nil
	case int:
		return appendNumber(dst, float64(x))
	case float64:
		return appendNumber(dst, x)
	case bool:
		return strconv.AppendBool(dst, x), nil
	case string:
		return jsonnum.AppendString(dst, x), nil
	}
	b, err := json.Marshal(v)
	return append(dst, b...), err
}

// appendNumber appends f as encoding/json writes a float64, which refuses
// NaN and ±Inf.
func appendNumber(dst []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dst, fmt.Errorf("unsupported value: %v", f)
	}
	return jsonnum.AppendFloat(dst, f), nil
}

// Query is the record's query for the rule set set, to decide again.
func (q QueryJSON) Query(set *rules.Set) (engine.Query, error) {
	out := engine.Query{Activity: q.Activity, AccuracyM: q.AccuracyM, Place: q.Place}
	switch {
	case q.At != "":
		t, err := time.Parse(time.RFC3339, q.At)
		if err != nil {
			return out, fmt.Errorf("record query at: %w", err)
		}
		out.At = t
	case q.Day != "":
		d, err := calendar.ParseDate(q.Day)
		if err != nil {
			return out, fmt.Errorf("record query day: %w", err)
		}
		out.Day = d
	}
	facts, err := engine.FactsFromJSON(set, q.Facts, "record")
	if err != nil {
		return out, fmt.Errorf("record query facts: %w", err)
	}
	out.Facts = facts
	if q.Point != nil {
		out.Point = &place.Point{Lat: q.Point.Lat, Lon: q.Point.Lon, CRS: place.CRS(q.Point.CRS)}
	}
	return out, nil
}

// phoneNumber matches what a caller may say of a phone number: a Chinese
// mobile number (with or without +86), a landline with its area code, or
// any run of seven or more digits.
var phoneNumber = regexp.MustCompile(`(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}|\d{7,}`)

// PhoneMask replaces a masked number in a question.
const PhoneMask = "[号码]"

// MaskPhones masks phone numbers in s.
func MaskPhones(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	return phoneNumber.ReplaceAllString(s, PhoneMask)
}

// entryOf turns a server record into an entry (on the writer's
// goroutine: the encoding is off the request's path).
func entryOf(r *server.Record, keepPhones bool) (Entry, error) {
	var arena []byte
	return entryIn(r, keepPhones, &arena)
}

// entryIn is entryOf with the entry's query and outline appended to
// *arena (the writer's, one for a batch: one allocation, not two a
// record). The entry keeps slices of it: the caller must not write over
// them while the entry is in use.
func entryIn(r *server.Record, keepPhones bool, arena *[]byte) (Entry, error) {
	e := Entry{RequestID: r.RequestID, Time: r.Time, Route: r.Route, Client: r.Client, Question: r.Question,
		Answer: r.Answer, RuleSet: r.RuleSet, Feed: r.Feed, Bundle: r.Bundle, Activity: r.Query.Activity, Version: Format}
	if !keepPhones {
		e.Question = MaskPhones(e.Question)
	}
	e.Query, e.Decision, e.Verdict = json.RawMessage("null"), json.RawMessage("null"), r.Verdict
	if e.Verdict == "" {
		e.Verdict = "not_understood"
	}
	if r.Decision != nil {
		b, start := *arena, len(*arena)
		b, err := appendQueryJSON(b, r.Query)
		if err != nil {
			return e, fmt.Errorf("record %s: query: %w", r.RequestID, err)
		}
		mid := len(b)
		var cited [256]byte
		b, c := appendOutline(b, r.Decision, cited[:0])
		// Slices of the arena as it is now: a later append that grows it
		// copies it and leaves these as they are.
		e.Query, e.Decision = b[start:mid:mid], b[mid:len(b):len(b)]
		e.Cited, e.Verdict = string(c), string(r.Decision.Verdict)
		e.Activity = r.Decision.Activity().ID
		*arena = b
	}
	return e, nil
}
