package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/ruletest"
)

// testCmd is "tonggao test": the declarative cases of a rule directory,
// like `opa test`.
func (a *app) testCmd() *cobra.Command {
	var (
		verbose, asJSON bool
		rf              *ruleFlags
	)
	cmd := &cobra.Command{
		Use:     "test [DIR] [flags]",
		GroupID: groupData,
		Short:   "Run the declarative test cases of a rule directory",
		Long: `Run the test cases of a rule directory (cases: in each notice file), report
the notices' coverage (every rule cited by a case, every window edge tried)
and lint findings. DIR (facts.yaml, notices/) is tested alone; without it,
the rules check loads: the embedded rule base and each --rules directory.

Exit status 0 when every case passes with full coverage and no lint, 1 when
not (or when the rules fail to load), 2 on bad usage.`,
		Example: `  tonggao test
  tonggao test examples/notices/yongzhou -v`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("want at most one rule directory, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var roots []rules.Root
			if len(args) == 1 {
				if rf.chosen() {
					return usageErrorf("give DIR or --rules/--embedded, not both")
				}
				root, err := dirRoot(args[0])
				if err != nil {
					return err
				}
				roots = []rules.Root{root}
			} else {
				var err error
				if roots, err = rf.roots(); err != nil {
					return err
				}
			}
			// The engine check would build, and the cases of every root.
			eng, err := loadRoots(roots)
			if err != nil {
				return failed("bad_rules", err) // rules that do not load fail their test
			}
			cases, err := rules.LoadCasesRoots(context.Background(), roots, rules.Limits{})
			if err != nil {
				return failed("bad_rules", err)
			}
			rep := ruletest.Run(eng, cases)
			if asJSON {
				if err := writeJSON(a.stdout, testJSON(rep), true); err != nil {
					return err
				}
			} else {
				a.writeTest(rep, verbose)
			}
			if !rep.OK() {
				return exitStatus(exitFailed)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print every case, not only failures")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the cases, coverage and lint as JSON")
	rf = addRuleFlags(cmd.Flags())
	aliasFlags(cmd.Flags(), map[string]string{"v": "verbose"})
	return cmd
}

func (a *app) writeTest(rep *ruletest.Report, verbose bool) {
	w := a.stdout
	for _, r := range rep.Results {
		switch {
		case !r.Passed():
			fmt.Fprintln(w, r)
		case verbose:
			fmt.Fprintf(w, "%s:%d: %s: ok\n", r.File, r.Line, r.Name)
		}
	}
	for _, c := range rep.Coverage {
		fmt.Fprintf(w, "coverage %s: %.1f%% (%d rules, %d window edges)", c.Notice, c.Percent(), c.Rules, c.Edges)
		if len(c.UncoveredRules) > 0 {
			fmt.Fprintf(w, "; no case for rules %v", c.UncoveredRules)
		}
		if len(c.UncoveredEdges) > 0 {
			fmt.Fprintf(w, "; no case for %v", c.UncoveredEdges)
		}
		fmt.Fprintln(w)
	}
	for _, l := range rep.Lint {
		fmt.Fprintf(w, "lint: %s\n", l)
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", rep.Passed, rep.Failed)
}

// testReport is the --json form of a test run.
type testReport struct {
	OK       bool           `json:"ok"`
	Passed   int            `json:"passed"`
	Failed   int            `json:"failed"`
	Cases    []testCase     `json:"cases"`
	Coverage []testCoverage `json:"coverage"`
	Lint     []string       `json:"lint"`
}

type testCase struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Name     string   `json:"name"`
	Notice   string   `json:"notice"`
	Passed   bool     `json:"passed"`
	Failures []string `json:"failures,omitempty"`
}

type testCoverage struct {
	Notice         string   `json:"notice"`
	Percent        float64  `json:"percent"`
	Rules          int      `json:"rules"`
	UncoveredRules []string `json:"uncovered_rules,omitempty"`
	Edges          int      `json:"edges"`
	UncoveredEdges []string `json:"uncovered_edges,omitempty"`
}

func testJSON(rep *ruletest.Report) testReport {
	out := testReport{OK: rep.OK(), Passed: rep.Passed, Failed: rep.Failed, Cases: []testCase{}, Coverage: []testCoverage{}, Lint: []string{}}
	for _, r := range rep.Results {
		out.Cases = append(out.Cases, testCase{File: r.File, Line: r.Line, Name: r.Name, Notice: r.Notice, Passed: r.Passed(), Failures: r.Failures})
	}
	for _, c := range rep.Coverage {
		out.Coverage = append(out.Coverage, testCoverage{c.Notice, c.Percent(), c.Rules, c.UncoveredRules, c.Edges, c.UncoveredEdges})
	}
	for _, l := range rep.Lint {
		out.Lint = append(out.Lint, l.String())
	}
	return out
}
