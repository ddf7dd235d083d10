package hotline

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// FactError reports a fact given with the wrong name or type; it is the
// caller's mistake (HTTP 400), not a meaningless query.
type FactError struct {
	Fact string
	Msg  string
}

func (e *FactError) Error() string { return "fact " + e.Fact + ": " + e.Msg }

// ParseFacts converts facts decoded from JSON (numbers, booleans, strings,
// and {"min":…,"max":…} for a number known within bounds) into engine
// facts, checking names and types against the rule set's schema. An enum
// may be given by value or by its Chinese label.
func ParseFacts(set *rules.Set, raw map[string]any) (engine.Facts, error) {
	out := engine.Facts{}
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names) // report the first problem deterministically
	for _, name := range names {
		v := raw[name]
		f, ok := set.Fact(name)
		if !ok {
			msg := "unknown fact"
			all := make([]string, len(set.Facts))
			for i, f := range set.Facts {
				all[i] = f.Name
			}
			if s := rules.Closest(name, all, 3); len(s) > 0 {
				msg += " (did you mean " + strings.Join(s, ", ") + "?)"
			}
			return nil, &FactError{name, msg}
		}
		if v == nil {
			continue // null: unknown
		}
		switch f.Kind {
		case cond.Number:
			switch x := v.(type) {
			case float64:
				out[name] = x
			case string:
				n, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
				if err != nil {
					return nil, &FactError{name, fmt.Sprintf("%q is not a number", x)}
				}
				out[name] = n
			case map[string]any:
				lo, ok1 := x["min"].(float64)
				hi, ok2 := x["max"].(float64)
				if !ok1 || !ok2 || len(x) != 2 || lo > hi {
					return nil, &FactError{name, `a range is {"min": lo, "max": hi} with lo ≤ hi`}
				}
				out[name] = engine.Range{Lo: lo, Hi: hi, Source: "request"}
			default:
				return nil, &FactError{name, "want a number"}
			}
		case cond.Bool:
			switch x := v.(type) {
			case bool:
				out[name] = x
			case string:
				switch strings.ToLower(strings.TrimSpace(x)) {
				case "true", "yes", "1", "是":
					out[name] = true
				case "false", "no", "0", "否":
					out[name] = false
				default:
					return nil, &FactError{name, fmt.Sprintf("%q is not true or false", x)}
				}
			default:
				return nil, &FactError{name, "want true or false"}
			}
		default:
			s, ok := v.(string)
			if !ok {
				return nil, &FactError{name, "want one of " + strings.Join(f.Values, ", ")}
			}
			c := f.Canonical(s)
			if c == "" {
				return nil, &FactError{name, fmt.Sprintf("%q is not one of %s", s, strings.Join(f.Values, ", "))}
			}
			out[name] = c
		}
	}
	return out, nil
}
