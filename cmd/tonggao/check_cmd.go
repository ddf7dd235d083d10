package main

import (
	"time"

	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// multiFlag collects a repeatable flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// parseAt reads --at: a date or an RFC 3339 time; empty means now.
func parseAt(s string) (calendar.Date, error) {
	if s == "" {
		return calendar.LocalDay(time.Now()), nil
	}
	return calendar.ParseDate(s)
}

// parseFacts turns k=v pairs into typed facts using the rule set's schema.
// A number may be given as a range lo..hi.
func parseFacts(set *rules.Set, kvs []string) (engine.Facts, error) {
	facts := engine.Facts{}
	for _, kv := range kvs {
		name, val, ok := strings.Cut(kv, "=")
		name, val = strings.TrimSpace(name), strings.TrimSpace(val)
		if !ok || name == "" {
			return nil, fmt.Errorf("--fact %q: write name=value", kv)
		}
		f, found := set.Fact(name)
		if !found {
			names := make([]string, len(set.Facts))
			for i, f := range set.Facts {
				names[i] = f.Name
			}
			msg := fmt.Sprintf("--fact %s: unknown fact", name)
			if s := rules.Closest(name, names, 3); len(s) > 0 {
				msg += " (did you mean " + strings.Join(s, ", ") + "?)"
			}
			return nil, errors.New(msg)
		}
		switch f.Kind {
		case cond.Number:
			if lo, hi, isRange := strings.Cut(val, ".."); isRange {
				a, err1 := strconv.ParseFloat(lo, 64)
				b, err2 := strconv.ParseFloat(hi, 64)
				if err1 != nil || err2 != nil {
					return nil, fmt.Errorf("--fact %s: %q is not a number range lo..hi", name, val)
				}
				facts[name] = engine.Range{Lo: a, Hi: b, Source: "--fact " + kv}
				continue
			}
			x, err := strconv.ParseFloat(val, 64)
			if err != nil {
				return nil, fmt.Errorf("--fact %s: %q is not a number", name, val)
			}
			facts[name] = x
		case cond.Bool:
			switch strings.ToLower(val) {
			case "true", "yes", "1", "是":
				facts[name] = true
			case "false", "no", "0", "否":
				facts[name] = false
			default:
				return nil, fmt.Errorf("--fact %s: %q is not true or false", name, val)
			}
		default:
			facts[name] = val
		}
	}
	return facts, nil
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tonggao check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	activity := fs.String("activity", "", "activity: id, Chinese name or synonym (e.g. 烧田埂)")
	asJSON := fs.Bool("json", false, "print the decision as JSON")
	lang := fs.String("lang", "zh", "language of the printed decision: zh or en (the rule text is quoted as written)")
	qf := addQueryFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tonggao check --activity NAME [--at DATE] [--fact name=value ...] [--lat N --lon E --crs wgs84|gcj02|bd09 --layers DIR] [--lang zh|en] [--json]")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if *activity == "" {
		fmt.Fprintln(stderr, "tonggao check: --activity is required")
		return 2
	}
	l, err := hotline.ParseLang(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao check: --lang: %v\n", err)
		return 2
	}
	eng, q, err := qf.build()
	if err != nil {
		fmt.Fprintf(stderr, "tonggao check: %v\n", err)
		return 2
	}
	q.Activity = *activity
	d, err := eng.Decide(q)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao check: %v\n", err)
		return 2
	}
	if *asJSON {
		return writeJSON(stdout, stderr, d)
	}
	writeDecision(stdout, d, l)
	return 0
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "tonggao: %v\n", err)
		return 1
	}
	return 0
}
