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
	// Decision is the new decision.
	Decision json.RawMessage `json:"decision"`
}

// Replay decides e's query again with eng and compares the decision with
// the one recorded.
func Replay(e Entry, eng *engine.Engine) (*Replayed, error) {
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
	out := &Replayed{RequestID: e.RequestID, RuleSet: e.RuleSet, Under: eng.Receipt().RuleSet, Verdict: string(d.Verdict), Was: e.Verdict,
		Cited: cited(d), WasCit: e.Cited, Decision: d.AppendJSON(nil)}
	var was, now map[string]any
	if err := json.Unmarshal(e.Decision, &was); err != nil {
		return nil, fmt.Errorf("record %s: decision: %w", e.RequestID, err)
	}
	if err := json.Unmarshal(out.Decision, &now); err != nil {
		return nil, fmt.Errorf("record %s: decision again: %w", e.RequestID, err)
	}
	delete(was, "receipt")
	delete(now, "receipt")
	for k := range was {
		if !reflect.DeepEqual(was[k], now[k]) {
			out.Differences = append(out.Differences, k)
		}
	}
	for k := range now {
		if _, ok := was[k]; !ok {
			out.Differences = append(out.Differences, k)
		}
	}
	slices.Sort(out.Differences)
	out.Same = len(out.Differences) == 0
	return out, nil
}
