package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// checkCmd is "tonggao check": one decision, as an operator reads it out or
// as JSON.
func (a *app) checkCmd() *cobra.Command {
	var (
		activity string
		asJSON   bool
		lang     string
		exitCode bool
		qf       *queryFlags
	)
	cmd := &cobra.Command{
		Use:     "check --activity NAME [flags]",
		GroupID: groupDecide,
		Short:   "Decide whether an activity is allowed at a time and place",
		Long: `Decide whether an activity is allowed on a day at a place: the verdict
(forbidden, allowed, conditional or no_rule) with the articles it rests on,
what each unknown fact would change, and when the answer next changes.
No rule is never "allowed".`,
		Example: `  tonggao check --activity 烧田埂 --at 2024-10-03 --fact distance_to_forest_m=50
  tonggao check --activity 野炊 --at 2024-11-11 --fact distance_to_forest_m=95..105 --json
  tonggao check --activity 野炊 --lat 26.35 --lon 111.76 --crs wgs84 --layers DIR
  tonggao check --activity 烧田埂 --exit-code && echo allowed`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if activity == "" {
				return usageErrorf("--activity is required")
			}
			l, err := hotline.ParseLang(lang)
			if err != nil {
				return usageErrorf("--lang: %v", err)
			}
			eng, q, err := qf.build(a.now)
			if err != nil {
				return err
			}
			q.Activity = activity
			d, err := eng.Decide(q)
			if err != nil {
				return err
			}
			if asJSON {
				if err := writeJSON(a.stdout, d, true); err != nil {
					return err
				}
			} else {
				writeDecision(a.stdout, d, l)
			}
			if exitCode {
				return exitStatus(statusOf(d.Verdict))
			}
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&activity, "activity", "", "`activity`: id, Chinese name or synonym (e.g. 烧田埂)")
	fs.BoolVar(&asJSON, "json", false, "print the decision as JSON")
	fs.StringVar(&lang, "lang", "zh", "`language` of the printed decision: zh or en (the rule text is quoted as written)")
	fs.BoolVar(&exitCode, "exit-code", false, "exit with the verdict's status: 0 allowed, 3 forbidden, 4 conditional, 5 no_rule")
	qf = addQueryFlags(fs)
	return cmd
}

// parseFactsText turns k=v pairs into typed facts using the rule set's
// schema. A number may be given as a range lo..hi.
func parseFactsText(set *rules.Set, kvs []string) (engine.Facts, error) {
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
