package engine

import (
	"encoding/json"
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/internal/jsonnum"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// A decision's JSON is written by hand (AppendJSON): what it shares with
// the engine — activity, citations, windows, conditions and
// interpretations, outcomes, penalties, contacts, shared notes, receipt —
// as bytes encoded once, the first time a decision needs them (encoding
// them all at load would add ~5 ms to it), and only the query's own parts
// — date, place, verdict, statuses, facts — per call. It is byte for byte
// what encoding/json makes of decisionJSON, the decision's parts as a
// plain struct (TestAppendJSONIsEncodingJSON).
//
// To add an output field: add it (or an accessor) to Decision, to
// decisionJSON and plain below, and to AppendJSON; TestJSONCoversDecision
// fails until all three agree.

// decisionJSON is a decision's JSON form as a plain struct: encoding/json
// of it is the reference for AppendJSON, and the encoding of decisions
// merged from others (rare: a place spanning parts with different rules).
type decisionJSON struct {
	Activity     ActivityRef        `json:"activity"`
	Date         calendar.Date      `json:"date"`
	At           *calendar.DateTime `json:"at,omitempty"`
	Place        *PlaceUse          `json:"place,omitempty"`
	Verdict      Verdict            `json:"verdict"`
	Reasons      []Reason           `json:"reasons"`
	UnknownFacts []string           `json:"unknown_facts"`
	Outcomes     []Outcome          `json:"outcomes,omitempty"`
	DayParts     []DayPart          `json:"day_parts,omitempty"`
	NextChange   *Change            `json:"next_change"`
	Facts        []FactValue        `json:"facts"`
	Penalties    []NoticePenalty    `json:"penalties,omitempty"`
	Contacts     []NoticeContact    `json:"contacts,omitempty"`
	Notes        []Note             `json:"notes,omitempty"`
	Receipt      Receipt            `json:"receipt"`
}

func (d *Decision) plain() decisionJSON {
	return decisionJSON{
		Activity: d.Activity(), Date: d.Date, At: d.At, Place: d.Place, Verdict: d.Verdict, Reasons: d.Reasons(),
		UnknownFacts: d.UnknownFacts(), Outcomes: d.Outcomes(), DayParts: d.DayParts, NextChange: d.NextChange, Facts: d.Facts(),
		Penalties: d.Penalties(), Contacts: d.Contacts(), Notes: d.Notes(), Receipt: d.Receipt(),
	}
}

// MarshalJSON encodes the decision as AppendJSON does.
func (d *Decision) MarshalJSON() ([]byte, error) { return d.AppendJSON(nil), nil }

// AppendJSON appends the decision's JSON to dst: what encoding/json makes
// of it (HTML characters escaped), without its reflection and copies.
func (d *Decision) AppendJSON(dst []byte) []byte {
	if d.mergedParts() != nil {
		b, err := json.Marshal(d.plain())
		if err != nil {
			panic(err) // strings, finite numbers and bools always encode
		}
		return append(dst, b...)
	}
	p := d.p
	e := d.engine()
	dst = append(dst, `{"activity":`...)
	dst = append(dst, p.refJSON...)
	dst = append(dst, `,"date":`...)
	dst = appendDate(dst, d.Date)
	if d.At != nil {
		dst = append(dst, `,"at":`...)
		dst = appendDateTime(dst, *d.At)
	}
	if d.Place != nil {
		dst = append(dst, `,"place":{"code":`...)
		dst = appendString(dst, d.Place.Code)
		if d.Place.Name != "" {
			dst = append(dst, `,"name":`...)
			dst = appendString(dst, d.Place.Name)
		}
		dst = append(dst, `,"source":`...)
		dst = appendString(dst, d.Place.Source)
		dst = append(dst, '}')
	}
	dst = append(dst, `,"verdict":`...)
	dst = appendString(dst, string(d.Verdict))
	dst = append(dst, `,"reasons":[`...)
	for k := range d.reasons {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = d.appendReason(dst, k)
	}
	dst = append(dst, `],"unknown_facts":`...)
	if d.an != nil {
		dst = d.an.appendJSON(dst)
	} else {
		dst = append(dst, `[]`...)
	}
	if len(d.DayParts) > 0 {
		dst = append(dst, `,"day_parts":[`...)
		for i, p := range d.DayParts {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"from":`...)
			dst = appendString(dst, p.From)
			dst = append(dst, `,"to":`...)
			dst = appendString(dst, p.To)
			dst = append(dst, `,"verdict":`...)
			dst = appendString(dst, string(p.Verdict))
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"next_change":`...)
	if c := d.NextChange; c != nil {
		dst = append(dst, `{"date":`...)
		dst = appendDate(dst, c.Date)
		dst = append(dst, `,"at":`...)
		dst = appendDateTime(dst, c.At)
		dst = append(dst, `,"verdict":`...)
		dst = appendString(dst, string(c.Verdict))
		dst = append(dst, '}')
	} else {
		dst = append(dst, `null`...)
	}
	dst = append(dst, `,"facts":[`...)
	for i := range d.facts {
		if i > 0 {
			dst = append(dst, ',')
		}
		x := &d.facts[i]
		dst = x.appendJSON(dst, e.set.Facts[x.index], d.source(x), d.hi(x))
	}
	dst = append(dst, ']')
	var buf [8]*rules.Notice
	ns := d.appendNotices(buf[:0])
	dst = d.appendPenaltiesJSON(dst)
	dst = appendLists(dst, `,"contacts":[`, ns, e.sharedJSON().contacts)
	if notes := d.noteList(); len(notes) > 0 {
		dst = append(dst, `,"notes":[`...)
		for i, n := range notes {
			if i > 0 {
				dst = append(dst, ',')
			}
			switch {
			case n.day != nil:
				dst = append(dst, n.day.head...)
				dst = appendDay(dst, d.day)
				dst = append(dst, n.day.mid...)
				dst = appendDay(dst, d.day)
				dst = append(dst, n.day.tail...)
			case n.json != nil:
				dst = append(dst, n.json...)
			default:
				dst = appendNote(dst, &n.Note)
			}
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"receipt":`...)
	dst = append(dst, e.receiptJSON...)
	return append(dst, '}')
}

// appendLists appends key, the lists of the notices ns (each encoded
// without brackets) and "]", unless they are all empty (omitempty).
func appendLists(dst []byte, key string, ns []*rules.Notice, lists map[*rules.Notice][]byte) []byte {
	first := true
	for _, n := range ns {
		b := lists[n]
		if len(b) == 0 {
			continue
		}
		if first {
			dst, first = append(dst, key...), false
		} else {
			dst = append(dst, ',')
		}
		dst = append(dst, b...)
	}
	if !first {
		dst = append(dst, ']')
	}
	return dst
}

// appendReason appends reason k's JSON: its citation, windows and view
// from the plan's kept bytes, its status from the decision.
func (d *Decision) appendReason(dst []byte, k int) []byte {
	p, rs := d.p, &d.reasons[k]
	i := int(rs.rule)
	ri := &p.info[i]
	dst = append(dst, p.cached(&p.citeJSON[i], func(b []byte) []byte {
		c, err := json.Marshal(ri.citation)
		if err != nil {
			panic(err)
		}
		return append(b, c[:len(c)-1]...) // the fields, open
	})...)
	dst = append(dst, `,"status":"`...)
	dst = append(dst, statusNames[rs.status]...)
	dst = append(dst, '"')
	if rs.status.defeated() {
		dst = append(dst, `,"overridden_by":`...)
		dst = appendString(dst, p.info[rs.by].label)
		if t := p.info[rs.by].citation.Text; t != "" {
			dst = append(dst, `,"overridden_by_text":`...)
			dst = appendString(dst, t)
		}
	}
	if rs.depends != 0 {
		dst = append(dst, `,"depends_on":[`...)
		first := true
		for j, v := range ri.facts {
			if rs.depends&(1<<j) != 0 {
				if !first {
					dst = append(dst, ',')
				}
				dst, first = appendString(dst, v.Name), false
			}
		}
		dst = append(dst, ']')
	}
	sr := p.segRule(int(d.seg), i)
	dst = append(dst, p.cached(&p.segJSON[int(d.seg)*len(p.rules)+i], func(b []byte) []byte {
		b = append(b, `,"window":`...)
		b = appendString(b, sr.summary)
		w, err := json.Marshal(sr.uses)
		if err != nil {
			panic(err)
		}
		return append(append(b, `,"windows":`...), w...)
	})...)
	if v := rs.view; v != nil {
		if v.id > 0 {
			dst = append(dst, p.cached(&p.viewJSON[v.id-1], v.appendJSON)...)
		} else {
			dst = v.appendJSON(dst)
		}
	}
	return append(dst, '}')
}

// cached returns the bytes kept in cell, encoding them with enc (from
// nil) first if no decision has yet.
func (p *plan) cached(cell *atomic.Pointer[[]byte], enc func([]byte) []byte) []byte {
	if b := cell.Load(); b != nil {
		return *b
	}
	b := enc(nil)
	cell.CompareAndSwap(nil, &b)
	return *cell.Load()
}

// appendJSON appends the view's conditions and interpretations, each
// left out when empty.
func (v *condView) appendJSON(dst []byte) []byte {
	if len(v.conds) > 0 {
		b, err := json.Marshal(v.conds)
		if err != nil {
			panic(err)
		}
		dst = append(append(dst, `,"conditions":`...), b...)
	}
	if len(v.interps) > 0 {
		b, err := json.Marshal(v.interps)
		if err != nil {
			panic(err)
		}
		dst = append(append(dst, `,"interpretations":`...), b...)
	}
	return dst
}

// appendJSON appends the analysis's unknown facts and outcomes, encoding
// them once for a kept answer.
func (a *analysis) appendJSON(dst []byte) []byte {
	if b := a.json.Load(); b != nil {
		return append(dst, *b...)
	}
	b := a.encode(nil)
	if a.kept {
		a.json.CompareAndSwap(nil, &b)
	}
	return append(dst, b...)
}

func (a *analysis) encode(dst []byte) []byte {
	dst = append(dst, '[')
	for i, f := range a.unknownFacts {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, f)
	}
	dst = append(dst, ']')
	if len(a.outcomes) > 0 {
		b, err := json.Marshal(a.outcomes)
		if err != nil {
			panic(err)
		}
		dst = append(append(dst, `,"outcomes":`...), b...)
	}
	return dst
}

func (x *fact) appendJSON(dst []byte, f *rules.Fact, src string, hi float64) []byte {
	dst = append(dst, `{"name":`...)
	dst = appendString(dst, f.Name)
	dst = append(dst, `,"value":`...)
	switch f.Kind {
	case cond.Number:
		switch {
		case x.lo == hi:
			dst = appendFloat(dst, x.lo)
		case math.IsInf(hi, 1):
			dst = append(dst, `{"min":`...)
			dst = appendFloat(dst, x.lo)
			dst = append(dst, '}')
		default:
			dst = append(dst, `{"max":`...)
			dst = appendFloat(dst, hi)
			dst = append(dst, `,"min":`...)
			dst = appendFloat(dst, x.lo)
			dst = append(dst, '}')
		}
	case cond.Bool:
		if x.lo == 1 {
			dst = append(dst, `true`...)
		} else {
			dst = append(dst, `false`...)
		}
	default:
		dst = appendString(dst, f.Values[x.enum])
	}
	if x.derived {
		dst = append(dst, `,"derived":true`...)
	}
	if src != "" {
		dst = append(dst, `,"source":`...)
		dst = appendString(dst, src)
	}
	return append(dst, '}')
}

// appendNote appends a note made for one decision: its args in the
// order of their names, as encoding/json writes a map.
func appendNote(dst []byte, n *Note) []byte {
	dst = append(dst, `{"code":`...)
	dst = appendString(dst, n.Code)
	if n.Notice != "" {
		dst = append(dst, `,"notice":`...)
		dst = appendString(dst, n.Notice)
	}
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, n.Text)
	if len(n.Args) > 0 {
		var buf [8]string
		keys := buf[:0]
		for k := range n.Args {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		dst = append(dst, `,"args":{`...)
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, k)
			dst = append(dst, ':')
			dst = appendString(dst, n.Args[k])
		}
		dst = append(dst, '}')
	}
	return append(dst, '}')
}

// prepareJSON makes room for the bytes a plan's decisions keep (see
// cached) and numbers its views.
func (p *plan) prepareJSON() {
	ref, err := json.Marshal(p.ref)
	if err != nil {
		panic(err)
	}
	p.refJSON = ref
	for i, r := range p.rules {
		p.info[i].notInForce = notInForceNote(r)
	}
	p.citeJSON = make([]atomic.Pointer[[]byte], len(p.rules))
	p.segJSON = make([]atomic.Pointer[[]byte], len(p.segments)*len(p.rules))
	n := 0
	for _, byRule := range p.views {
		for _, vs := range byRule {
			for j := range vs {
				n++
				vs[j].id = n
			}
		}
	}
	p.viewJSON = make([]atomic.Pointer[[]byte], n)
}

// prepareJSON encodes what decisions share engine-wide: the receipt now,
// each notice's penalties and contacts when a decision is first encoded
// (a command printing text never needs them, and encoding every penalty
// of every notice was a tenth of a cold check's work after start-up:
// docs/speed.md).
func (e *Engine) prepareJSON() {
	e.receiptJSON = e.receipt.appendJSON(nil)
	e.noticesJSON = &noticesJSON{}
}

// noticesJSON is the JSON of every notice's contacts (without brackets)
// and of each penalty, made once; engines Refeed derives share it.
type noticesJSON struct {
	once      sync.Once
	contacts  map[*rules.Notice][]byte
	penalties map[*rules.Penalty][]byte
}

// sharedJSON returns the notices' contacts' and penalties' JSON, encoding
// them on first use.
func (e *Engine) sharedJSON() *noticesJSON {
	j := e.noticesJSON
	j.once.Do(func() {
		j.contacts = map[*rules.Notice][]byte{}
		j.penalties = e.penaltyJSON()
		for n, cs := range e.contacts {
			if len(cs) > 0 {
				b, _ := json.Marshal(cs)
				j.contacts[n] = b[1 : len(b)-1]
			}
		}
	})
	return j
}

// appendDate appends d as a JSON string, "YYYY-MM-DD".
func appendDate(dst []byte, d calendar.Date) []byte {
	return append(appendDay(append(dst, '"'), d), '"')
}

// appendDay appends d as YYYY-MM-DD.
func appendDay(dst []byte, d calendar.Date) []byte {
	y, m, dd := d.Date()
	return append(dst, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// appendDateTime appends t as a JSON string, "YYYY-MM-DDTHH:MM+08:00".
func appendDateTime(dst []byte, t calendar.DateTime) []byte {
	dst = appendDate(dst, t.Date())
	h, m := t.Clock()
	dst = dst[:len(dst)-1] // reopen the string
	return append(dst, 'T', byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10), '+', '0', '8', ':', '0', '0', '"')
}

// appendFloat appends f as encoding/json writes a float64.
func appendFloat(dst []byte, f float64) []byte { return jsonnum.AppendFloat(dst, f) }

// appendString appends s as a JSON string as encoding/json writes it.
func appendString(dst []byte, s string) []byte { return jsonnum.AppendString(dst, s) }

// appendJSON appends the receipt's JSON, as encoding/json writes it
// (TestReceiptJSON): by hand, because it was an engine's first use of
// encoding/json, a tenth of New in the browser module's start-up
// (docs/speed.md).
func (r Receipt) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"rule_set":`...)
	dst = appendString(dst, r.RuleSet)
	dst = append(dst, `,"holiday_data":`...)
	dst = appendString(dst, r.HolidayData)
	if r.Bundle != "" {
		dst = append(dst, `,"bundle":`...)
		dst = appendString(dst, r.Bundle)
	}
	if r.Feed != "" {
		dst = append(dst, `,"feed":`...)
		dst = appendString(dst, r.Feed)
	}
	return append(dst, '}')
}
