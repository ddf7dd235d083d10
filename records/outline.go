package records

import (
	"encoding/hex"
	"errors"
	"slices"
	"strings"

	"github.com/cespare/xxhash/v2"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/internal/jsonnum"
)

// Record formats: what an entry's Decision holds. Format 1 (the first
// records) kept the decision as the API gave it, 6–9 KB, most of it the
// quoted articles that the rule set kept by digest gives back; format 2
// keeps its Outline, a few hundred bytes, and a replay re-derives the
// rest under the rule set the record names. A store reads both; a record
// of a later format is refused (ErrFormat) rather than misread.
const (
	FormatFull    = 1
	FormatOutline = 2
	// FormatQuotes is FormatOutline with the quotes' fingerprint
	// (Outline.Quotes): a replay reports a change in the words quoted to
	// the caller too.
	FormatQuotes = 3
	// Format is the format written now.
	Format = FormatQuotes
)

// ErrFormat is the error for a record written in a format this build does
// not read (by a newer tonggao).
var ErrFormat = errors.New("records: record format not known to this build")

// Outline is a decision as a format-2 record keeps it: what was told —
// the day, the verdict, each reason's rule and status, the facts it
// turned on, when it would change, the place — without what the rule set
// gives back (the quoted articles, windows, penalties, notes). A replay
// derives the outline of the decision again and names the fields that
// differ (by the decision's own field names: verdict, reasons, …).
type Outline struct {
	Date    string `json:"date"`
	Verdict string `json:"verdict"`
	// Reasons are the decision's reasons: rule id, status and, for a
	// defeated one, the rule that sets it aside, in order.
	Reasons      []RuleStatus `json:"reasons"`
	UnknownFacts []string     `json:"unknown_facts,omitempty"`
	// NextChange is the next change's minute and verdict
	// ("2024-10-08T00:00 allowed"), if any.
	NextChange string `json:"next_change,omitempty"`
	// Place is the division's code, when the decision names one.
	Place string `json:"place,omitempty"`
	// Quotes is a fingerprint (XXH64, hex) of the words the decision
	// quotes: each reason's notice, notice title, article, quoted text and
	// the words of the rule that sets it aside (FormatQuotes; empty in
	// FormatOutline records).
	Quotes string `json:"quotes,omitempty"`
}

// RuleStatus is one reason of an outline.
type RuleStatus struct {
	Rule         string `json:"rule"`
	Status       string `json:"status"`
	OverriddenBy string `json:"overridden_by,omitempty"`
}

// outlineOf is d's outline and the articles it cites (cited).
func outlineOf(d *engine.Decision) (Outline, string) {
	o := Outline{Date: d.Date.String(), Verdict: string(d.Verdict), Reasons: make([]RuleStatus, d.NumReasons())}
	var b strings.Builder
	h := xxhash.New()
	for k := range o.Reasons {
		r := d.Cited(k)
		o.Reasons[k] = RuleStatus{Rule: r.Rule, Status: r.Status, OverriddenBy: r.OverriddenBy}
		for _, q := range [...]string{r.Notice, r.NoticeTitle, r.Article, r.Text, r.OverriddenByText} {
			h.WriteString(q)
			h.Write([]byte{0})
		}
		if r.Status != "applies" && r.Status != "may_apply" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(r.Notice)
		if r.Article != "" {
			b.WriteString(" ")
			b.WriteString(r.Article)
		}
	}
	if d.Verdict == engine.Conditional {
		o.UnknownFacts = d.UnknownFacts()
	}
	if c := d.NextChange; c != nil {
		o.NextChange = c.At.String() + " " + string(c.Verdict)
	}
	if d.Place != nil {
		o.Place = d.Place.Code
	}
	var sum [8]byte
	o.Quotes = hex.EncodeToString(h.Sum(sum[:0]))
	return o, b.String()
}

// appendOutline appends d's outline as o.appendJSON writes the Outline
// outlineOf gives, and the articles it cites to cited, without building
// the Outline: the writer encodes one per record.
func appendOutline(dst []byte, d *engine.Decision, cited []byte) ([]byte, []byte) {
	dst = append(dst, `{"date":`...)
	dst = appendJSONString(dst, d.Date.String())
	dst = append(dst, `,"verdict":`...)
	dst = appendJSONString(dst, string(d.Verdict))
	dst = append(dst, `,"reasons":[`...)
	h := xxhash.New()
	n := 0
	for k := range d.NumReasons() {
		r := d.Cited(k)
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"rule":`...)
		dst = appendJSONString(dst, r.Rule)
		dst = append(dst, `,"status":`...)
		dst = appendJSONString(dst, r.Status)
		if r.OverriddenBy != "" {
			dst = append(dst, `,"overridden_by":`...)
			dst = appendJSONString(dst, r.OverriddenBy)
		}
		dst = append(dst, '}')
		for _, q := range [...]string{r.Notice, r.NoticeTitle, r.Article, r.Text, r.OverriddenByText} {
			h.WriteString(q)
			h.Write([]byte{0})
		}
		if r.Status != "applies" && r.Status != "may_apply" {
			continue
		}
		if n > 0 {
			cited = append(cited, "; "...)
		}
		n++
		cited = append(cited, r.Notice...)
		if r.Article != "" {
			cited = append(cited, ' ')
			cited = append(cited, r.Article...)
		}
	}
	dst = append(dst, ']')
	if d.Verdict == engine.Conditional {
		if fs := d.UnknownFacts(); len(fs) > 0 {
			dst = append(dst, `,"unknown_facts":[`...)
			for k, f := range fs {
				if k > 0 {
					dst = append(dst, ',')
				}
				dst = appendJSONString(dst, f)
			}
			dst = append(dst, ']')
		}
	}
	if c := d.NextChange; c != nil {
		dst = append(dst, `,"next_change":`...)
		dst = appendJSONString(dst, c.At.String()+" "+string(c.Verdict))
	}
	if d.Place != nil && d.Place.Code != "" {
		dst = append(dst, `,"place":`...)
		dst = appendJSONString(dst, d.Place.Code)
	}
	var sum [8]byte
	var hexSum [16]byte
	hex.Encode(hexSum[:], h.Sum(sum[:0]))
	dst = append(dst, `,"quotes":"`...)
	dst = append(dst, hexSum[:]...)
	return append(dst, `"}`...), cited
}

// differences names the fields in which two outlines differ, by the
// decision's field names.
func (o Outline) differences(now Outline) []string {
	var out []string
	if o.Date != now.Date {
		out = append(out, "date")
	}
	if o.Verdict != now.Verdict {
		out = append(out, "verdict")
	}
	if !slices.Equal(o.Reasons, now.Reasons) {
		out = append(out, "reasons")
	}
	if !slices.Equal(o.UnknownFacts, now.UnknownFacts) {
		out = append(out, "unknown_facts")
	}
	if o.NextChange != now.NextChange {
		out = append(out, "next_change")
	}
	if o.Place != now.Place {
		out = append(out, "place")
	}
	// A FormatOutline record has no fingerprint to compare.
	if o.Quotes != "" && o.Quotes != now.Quotes {
		out = append(out, "quotes")
	}
	return out
}

// appendJSON appends the outline's JSON (as encoding/json writes it) to
// dst, without reflection: the writer encodes one per record.
func (o Outline) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"date":`...)
	dst = appendJSONString(dst, o.Date)
	dst = append(dst, `,"verdict":`...)
	dst = appendJSONString(dst, o.Verdict)
	dst = append(dst, `,"reasons":[`...)
	for k, r := range o.Reasons {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"rule":`...)
		dst = appendJSONString(dst, r.Rule)
		dst = append(dst, `,"status":`...)
		dst = appendJSONString(dst, r.Status)
		if r.OverriddenBy != "" {
			dst = append(dst, `,"overridden_by":`...)
			dst = appendJSONString(dst, r.OverriddenBy)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, ']')
	if len(o.UnknownFacts) > 0 {
		dst = append(dst, `,"unknown_facts":[`...)
		for k, f := range o.UnknownFacts {
			if k > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, f)
		}
		dst = append(dst, ']')
	}
	if o.NextChange != "" {
		dst = append(dst, `,"next_change":`...)
		dst = appendJSONString(dst, o.NextChange)
	}
	if o.Place != "" {
		dst = append(dst, `,"place":`...)
		dst = appendJSONString(dst, o.Place)
	}
	if o.Quotes != "" {
		dst = append(dst, `,"quotes":`...)
		dst = appendJSONString(dst, o.Quotes)
	}
	return append(dst, '}')
}

// appendJSONString appends s as encoding/json writes a string.
func appendJSONString(dst []byte, s string) []byte { return jsonnum.AppendString(dst, s) }
