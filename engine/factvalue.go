package engine

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// This file is the one way in for facts given from outside — as text
// (name=value on a command line) or as values decoded from JSON (an HTTP
// request, the WebAssembly façade) — typed by the rule set's schema. Every
// problem is a *FactError, the error Decide raises for facts too.

// ParseFacts reads facts written as name=value pairs, typed by set's
// schema: a number (or a range lo..hi, known only within bounds), a boolean
// (true/false, yes/no, 1/0, 是/否) or one of an enum's values or labels.
// source, if not empty, is prefixed to the pair to say where a range came
// from ("--fact" gives "--fact distance_to_forest_m=95..105").
func ParseFacts(set *rules.Set, pairs []string, source string) (Facts, error) {
	out := make(Facts, len(pairs))
	for _, pair := range pairs {
		name, text, ok := strings.Cut(pair, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return nil, &FactError{Fact: pair, Msg: "write name=value"}
		}
		f, err := lookupFact(set, name)
		if err != nil {
			return nil, err
		}
		src := pair
		if source != "" {
			src = source + " " + pair
		}
		v, err := parseFactText(f, text, src)
		if err != nil {
			return nil, err
		}
		out[name] = v
	}
	return out, nil
}

// ParseFact reads one fact's value from text, as ParseFacts does.
func ParseFact(set *rules.Set, name, text string) (any, error) {
	f, err := lookupFact(set, name)
	if err != nil {
		return nil, err
	}
	return parseFactText(f, text, name+"="+text)
}

// FactsFromJSON types facts decoded from JSON (encoding/json's float64,
// bool, string, nil and map[string]any) by set's schema: a number, or
// {"min": lo, "max": hi} for a number known within bounds, or a string in
// the text form ParseFacts reads; true or false, or a string; an enum's
// value or label. null means unknown: the fact is left out. source names
// where ranges came from ("request").
func FactsFromJSON(set *rules.Set, raw map[string]any, source string) (Facts, error) {
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	slices.Sort(names) // report the first problem by name, whatever the map's order
	out := make(Facts, len(raw))
	for _, name := range names {
		f, err := lookupFact(set, name)
		if err != nil {
			return nil, err
		}
		v, err := factFromJSON(f, raw[name], source)
		if err != nil {
			return nil, err
		}
		if v != nil {
			out[name] = v
		}
	}
	return out, nil
}

func lookupFact(set *rules.Set, name string) (*rules.Fact, error) {
	f, ok := set.Fact(name)
	if !ok {
		return nil, unknownFact(set, name)
	}
	return f, nil
}

// unknownFact reports a fact name the schema lacks, with the closest names.
func unknownFact(set *rules.Set, name string) *FactError {
	names := make([]string, len(set.Facts))
	for i, f := range set.Facts {
		names[i] = f.Name
	}
	msg := "unknown fact"
	if s := rules.Closest(name, names, 3); len(s) > 0 {
		msg += " (did you mean " + strings.Join(s, ", ") + "?)"
	}
	return &FactError{Fact: name, Msg: msg}
}

// parseFactText types one value written as text; src is the Source of a
// range.
func parseFactText(f *rules.Fact, text, src string) (any, error) {
	text = strings.TrimSpace(text)
	switch f.Kind {
	case cond.Number:
		if lo, hi, isRange := strings.Cut(text, ".."); isRange {
			a, err1 := parseNumber(lo)
			b, err2 := parseNumber(hi)
			if err1 != nil || err2 != nil {
				return nil, &FactError{Fact: f.Name, Msg: fmt.Sprintf("%q is not a number range lo..hi", text)}
			}
			return newRange(f, a, b, src)
		}
		x, err := parseNumber(text)
		if err != nil {
			return nil, &FactError{Fact: f.Name, Msg: fmt.Sprintf("%q is not a number", text)}
		}
		return x, nil
	case cond.Bool:
		switch strings.ToLower(text) {
		case "true", "yes", "1", "是":
			return true, nil
		case "false", "no", "0", "否":
			return false, nil
		}
		return nil, &FactError{Fact: f.Name, Msg: fmt.Sprintf("%q is not true or false", text)}
	default:
		return enumValue(f, text)
	}
}

// factFromJSON types one decoded JSON value; nil for null.
func factFromJSON(f *rules.Fact, v any, source string) (any, error) {
	if v == nil {
		return nil, nil
	}
	if s, ok := v.(string); ok {
		return parseFactText(f, s, source)
	}
	switch f.Kind {
	case cond.Number:
		switch x := v.(type) {
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, &FactError{Fact: f.Name, Msg: "want a finite number"}
			}
			return x, nil
		case map[string]any:
			lo, ok1 := x["min"].(float64)
			hi, ok2 := x["max"].(float64)
			if !ok1 || !ok2 || len(x) != 2 {
				return nil, &FactError{Fact: f.Name, Msg: `a range is {"min": lo, "max": hi} with lo ≤ hi`}
			}
			return newRange(f, lo, hi, source)
		}
		return nil, &FactError{Fact: f.Name, Msg: "want a number"}
	case cond.Bool:
		if b, ok := v.(bool); ok {
			return b, nil
		}
		return nil, &FactError{Fact: f.Name, Msg: "want true or false"}
	default:
		return nil, &FactError{Fact: f.Name, Msg: "want one of " + strings.Join(f.Values, ", ")}
	}
}

func parseNumber(s string) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("not a finite number")
	}
	return x, nil
}

func newRange(f *rules.Fact, lo, hi float64, src string) (any, error) {
	if lo > hi {
		return nil, &FactError{Fact: f.Name, Msg: fmt.Sprintf("range %v..%v is empty: write lo..hi with lo ≤ hi", lo, hi)}
	}
	return Range{Lo: lo, Hi: hi, Source: src}, nil
}

func enumValue(f *rules.Fact, s string) (any, error) {
	if c := f.Canonical(s); c != "" {
		return c, nil
	}
	return nil, &FactError{Fact: f.Name, Msg: fmt.Sprintf("%q is not one of %s", s, strings.Join(f.Values, ", "))}
}
