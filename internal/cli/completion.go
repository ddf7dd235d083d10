package cli

import (
	"context"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Shell completion of flag values: fixed lists, and the activities and
// facts of the rules the command line would load.

// completeFixed completes a flag from a fixed list of values.
func completeFixed(vals ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(vals, cobra.ShellCompDirectiveNoFileComp)
}

// completeDirs completes a flag that names a directory.
func completeDirs(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// ruleSet loads the rule set (without building an engine) for completion;
// nil if it does not load.
func (r *ruleFlags) ruleSet() *rules.Set {
	roots, err := r.roots()
	if err != nil {
		return nil
	}
	set, err := rules.LoadRoots(context.Background(), roots, rules.Limits{})
	if err != nil {
		return nil
	}
	return set
}

// completeActivities completes --activity with the ids, names and
// synonyms of the rules' activities.
func completeActivities(r *ruleFlags) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		set := r.ruleSet()
		if set == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, n := range set.ActivityNames() {
			if strings.HasPrefix(n, prefix) {
				out = append(out, n)
			}
		}
		slices.Sort(out)
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeFacts completes --fact: the fact's name and =, then after the =
// an enum's values or true/false.
func completeFacts(r *ruleFlags) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		set := r.ruleSet()
		if set == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		if name, val, ok := strings.Cut(prefix, "="); ok {
			f, found := set.Fact(name)
			if !found {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			vals := f.Values
			if f.Kind == cond.Bool {
				vals = []string{"true", "false"}
			}
			for _, v := range vals {
				if strings.HasPrefix(v, val) {
					out = append(out, name+"="+v)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		for _, f := range set.Facts {
			if strings.HasPrefix(f.Name, prefix) {
				out = append(out, cobra.CompletionWithDesc(f.Name+"=", f.ZH))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// Completions are registered only when the shell asks for them (the
// hidden __complete command): cobra keeps them in a package-level map,
// which would otherwise grow with every command tree built, and a normal
// start need not pay for them.

// registerCompletions adds the completions of the flags cmd has that
// need nothing but their name.
func (a *app) registerCompletions(cmd *cobra.Command) {
	if !a.completing {
		return
	}
	for name, f := range map[string]cobra.CompletionFunc{
		"lang":     completeFixed("zh", "en"),
		"crs":      completeFixed("wgs84", "gcj02", "bd09"),
		"format":   completeFixed("html", "md"),
		"detail":   completeFixed("auto", "brief", "full"),
		"rules":    completeDirs,
		"layers":   completeDirs,
		"holidays": completeDirs,
	} {
		if cmd.Flags().Lookup(name) != nil {
			_ = cmd.RegisterFlagCompletionFunc(name, f) // fails only for a flag registered twice
		}
	}
}

// registerRuleCompletions completes --activity and --fact from the rules r
// chooses.
func (a *app) registerRuleCompletions(cmd *cobra.Command, r *ruleFlags) {
	if !a.completing {
		return
	}
	_ = cmd.RegisterFlagCompletionFunc("activity", completeActivities(r))
	_ = cmd.RegisterFlagCompletionFunc("fact", completeFacts(r))
}
