package records

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"

	"github.com/tonggao/tonggao/engine"
)

// ErrNoDecision is Replay's error for a record without a decision (a
// question that was not understood).
var ErrNoDecision = errors.New("records: the record holds no decision to replay (the question was not understood)")

// Replayed is a record decided again.
type Replayed struct {
	RequestID string `json:"request_id"`
	// Format is the record's format (FormatFull, FormatOutline,
	// FormatQuotes).
	Format int `json:"format"`
	// RuleSet is the record's rule set, Under the one it was decided
	// again under (the same unless asked for another).
	RuleSet string `json:"rule_set"`
	Under   string `json:"replayed_under"`
	Verdict string `json:"verdict"`
	Was     string `json:"was"`
	Cited   string `json:"cited"`
	WasCit  string `json:"was_cited"`
	// Same: the decision is the same in every field but its receipt.
	Same bool `json:"same"`
	// Differences names the decision's fields that differ.
	Differences []string `json:"differences,omitempty"`
	// Decision is the new decision, in full.
	Decision json.RawMessage `json:"decision"`
}

// Replay decides e's query again with eng and compares the decision with
// the one recorded, field by field: in a FormatOutline record, the
// outline's fields (date, verdict, reasons, unknown facts, next change,
// place), and in a FormatQuotes one the words quoted too ("quotes"); in a FormatFull one, every field of the decision but its
// receipt. A record of a format this build does not know is refused
// (ErrFormat).
func Replay(e Entry, eng *engine.Engine) (*Replayed, error) {
	format := e.Version
	if format == 0 {
		format = Format
	}
	if format < FormatFull || format > FormatQuotes {
		return nil, fmt.Errorf("record %s is in format %d; this build reads formats %d to %d — replay it with the tonggao that wrote it or a newer one: %w",
			e.RequestID, e.Version, FormatFull, FormatQuotes, ErrFormat)
	}
	if string(e.Query) == "null" || len(e.Query) == 0 {
		return nil, ErrNoDecision
	}
	var qj QueryJSON
	if err := json.Unmarshal(e.Query, &qj); err != nil {
		return nil, fmt.Errorf("record %s: query: %w", e.RequestID, err)
	}
	q, err := qj.Query(eng.Rules())
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", e.RequestID, err)
	}
	d, err := eng.Decide(q)
	if err != nil {
		return nil, fmt.Errorf("record %s: decide again: %w", e.RequestID, err)
	}
	now, cited := outlineOf(d)
	out := &Replayed{RequestID: e.RequestID, Format: format, RuleSet: e.RuleSet, Under: eng.Receipt().RuleSet, Verdict: string(d.Verdict), Was: e.Verdict,
		Cited: cited, WasCit: e.Cited, Decision: d.AppendJSON(nil)}
	if format == FormatFull {
		out.Differences, err = fullDifferences(e.Decision, out.Decision)
	} else {
		var was Outline
		if err = json.Unmarshal(e.Decision, &was); err == nil {
			out.Differences = was.differences(now)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", e.RequestID, err)
	}
	slices.Sort(out.Differences)
	out.Same = len(out.Differences) == 0
	return out, nil
}

// fullDifferences are the fields but the receipt in which two decisions'
// JSON differ in meaning.
func fullDifferences(wasJSON, nowJSON []byte) ([]string, error) {
	var was, now map[string]any
	if err := json.Unmarshal(wasJSON, &was); err != nil {
		return nil, fmt.Errorf("decision: %w", err)
	}
	if err := json.Unmarshal(nowJSON, &now); err != nil {
		return nil, fmt.Errorf("decision again: %w", err)
	}
	delete(was, "receipt")
	delete(now, "receipt")
	var out []string
	for k := range was {
		if !reflect.DeepEqual(was[k], now[k]) {
			out = append(out, k)
		}
	}
	for k := range now {
		if _, ok := was[k]; !ok {
			out = append(out, k)
		}
	}
	return out, nil
}
