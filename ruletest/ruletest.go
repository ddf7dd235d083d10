// Package ruletest runs the declarative cases that guard rule encodings
// (notices/NAME.cases.yaml) and measures what they cover: every rule and
// the first and last day of every window must be exercised by some case.
package ruletest

import (
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Result is the outcome of one case.
type Result struct {
	File     string
	Line     int
	Name     string
	Notice   string
	Decision *engine.Decision
	// Failures say what did not match; empty when the case passed.
	Failures []string
}

// Passed reports whether the case passed.
func (r Result) Passed() bool { return len(r.Failures) == 0 }

func (r Result) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", r.File, r.Line, r.Name, strings.Join(r.Failures, "; "))
}

// Coverage lists, for one notice, what no case exercises.
type Coverage struct {
	Notice         string
	Rules          int
	UncoveredRules []string
	// Edges counts window edges (first and last day of a window); an edge
	// is covered by a case on that day whose reasons show the window.
	Edges          int
	UncoveredEdges []string
}

// Complete reports full coverage.
func (c Coverage) Complete() bool { return len(c.UncoveredRules) == 0 && len(c.UncoveredEdges) == 0 }

// Report is a whole run.
type Report struct {
	Results  []Result
	Passed   int
	Failed   int
	Coverage []Coverage
	// Lint lists rule-file problems loading accepts (rules that can never
	// fire, …); any makes the run fail.
	Lint []engine.LintIssue
}

// OK reports whether every case passed, coverage is complete and lint
// found nothing.
func (r *Report) OK() bool {
	if r.Failed > 0 || len(r.Lint) > 0 {
		return false
	}
	for _, c := range r.Coverage {
		if !c.Complete() {
			return false
		}
	}
	return true
}

// RunFS loads the rules and cases of a rule directory and runs them.
func RunFS(fsys fs.FS, cal *calendar.Calendar) (*Report, error) {
	set, err := rules.Load(fsys)
	if err != nil {
		return nil, err
	}
	cases, err := rules.LoadCases(fsys)
	if err != nil {
		return nil, err
	}
	e, err := engine.New(set, cal)
	if err != nil {
		return nil, err
	}
	return Run(e, cases), nil
}

// Run runs cases against e.
func Run(e *engine.Engine, files []*rules.CaseFile) *Report {
	rep := &Report{}
	for _, f := range files {
		for _, c := range f.Cases {
			res := runCase(e, f, c)
			if res.Passed() {
				rep.Passed++
			} else {
				rep.Failed++
			}
			rep.Results = append(rep.Results, res)
		}
	}
	rep.Coverage = coverage(e, rep.Results)
	rep.Lint = e.Lint()
	return rep
}

func runCase(e *engine.Engine, f *rules.CaseFile, c rules.CaseSpec) Result {
	res := Result{File: f.File, Line: c.Pos.Line, Name: c.Name, Notice: f.Notice}
	fail := func(format string, args ...any) { res.Failures = append(res.Failures, fmt.Sprintf(format, args...)) }
	if _, ok := e.Rules().Notice(f.Notice); !ok {
		fail("unknown notice %q", f.Notice)
		return res
	}
	day, err := calendar.ParseDate(c.At.Value)
	if err != nil {
		fail("at: %v", err)
		return res
	}
	facts, err := caseFacts(e.Rules(), c.Facts)
	if err != nil {
		fail("%v", err)
		return res
	}
	d, err := e.Decide(engine.Query{Activity: c.Activity, Day: day, Facts: facts})
	if c.Want == "error" {
		// The query itself is wrong (contradictory facts, say): the engine
		// must refuse it rather than guess.
		if err == nil {
			fail("want an error, got %s", d.Verdict)
		}
		return res
	}
	if err != nil {
		fail("%v", err)
		return res
	}
	res.Decision = d
	if string(d.Verdict) != c.Want {
		fail("want %s, got %s (reasons: %s)", c.Want, d.Verdict, summary(d))
	}
	for _, want := range c.Rules {
		if !hasReason(d, f.Notice, want) {
			fail("want rule %s among the reasons, got %s", want, summary(d))
		}
	}
	for _, a := range c.Articles {
		found := false
		for _, r := range d.Reasons() {
			found = found || r.Article == a
		}
		if !found {
			fail("want article %s cited, got %s", a, summary(d))
		}
	}
	for _, w := range c.Windows {
		if !hasWindow(d, w) {
			fail("want window %s among the reasons' windows", w)
		}
	}
	if c.Unknown != nil {
		got, want := append([]string(nil), d.UnknownFacts()...), append([]string(nil), (*c.Unknown)...)
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			fail("want unknown facts [%s], got [%s]", strings.Join(want, ", "), strings.Join(got, ", "))
		}
	}
	if c.NextChange != "" {
		got := "none"
		if d.NextChange != nil {
			got = d.NextChange.Date.String()
		}
		if got != c.NextChange {
			fail("want next change %s, got %s", c.NextChange, got)
		}
	}
	for _, code := range c.Notes {
		found := false
		for _, n := range d.Notes() {
			found = found || n.Code == code
		}
		if !found {
			fail("want note %s", code)
		}
	}
	for _, t := range c.Terms {
		found := false
		for _, r := range d.Reasons() {
			for _, term := range r.Terms {
				found = found || term.Name == t
			}
		}
		if !found {
			fail("want term %s", t)
		}
	}
	return res
}

func hasReason(d *engine.Decision, notice, rule string) bool {
	if n, id, ok := strings.Cut(rule, "#"); ok {
		notice, rule = n, id
	}
	for _, r := range d.Reasons() {
		if r.Notice == notice && r.Rule == rule {
			return true
		}
	}
	return false
}

func hasWindow(d *engine.Decision, id string) bool {
	for _, r := range d.Reasons() {
		for _, w := range r.Windows {
			if w.ID == id {
				return true
			}
		}
	}
	return false
}

func summary(d *engine.Decision) string {
	if len(d.Reasons()) == 0 {
		return "none"
	}
	var parts []string
	for _, r := range d.Reasons() {
		parts = append(parts, fmt.Sprintf("%s %s %s/%s", r.Notice, r.Article, r.Rule, r.Status))
	}
	return strings.Join(parts, ", ")
}

// caseFacts converts YAML values to engine facts; a number fact written as
// "lo..hi" is a range.
func caseFacts(set *rules.Set, raw map[string]any) (engine.Facts, error) {
	facts := engine.Facts{}
	for name, v := range raw {
		f, ok := set.Fact(name)
		if !ok {
			return nil, fmt.Errorf("facts: unknown fact %q", name)
		}
		switch x := v.(type) {
		case uint64:
			facts[name] = float64(x)
		case int64:
			facts[name] = float64(x)
		case int:
			facts[name] = float64(x)
		case float64:
			facts[name] = x
		case string:
			if f.Kind == cond.Number {
				lo, hi, ok := strings.Cut(x, "..")
				var a, b float64
				_, err1 := fmt.Sscan(lo, &a)
				_, err2 := fmt.Sscan(hi, &b)
				if !ok || err1 != nil || err2 != nil {
					return nil, fmt.Errorf("facts: %s: %q is not a number or lo..hi", name, x)
				}
				facts[name] = engine.Range{Lo: a, Hi: b, Source: "case"}
				continue
			}
			facts[name] = x
		default:
			facts[name] = v
		}
	}
	return facts, nil
}

// coverage finds the rules and window edges no passing case exercises.
func coverage(e *engine.Engine, results []Result) []Coverage {
	var out []Coverage
	for _, n := range e.Rules().Notices {
		cov := Coverage{Notice: n.Number, Rules: len(n.Rules)}
		for _, r := range n.Rules {
			hit := false
			for _, res := range results {
				if res.Decision != nil && hasReason(res.Decision, n.Number, r.ID) {
					hit = true
					break
				}
			}
			if !hit {
				cov.UncoveredRules = append(cov.UncoveredRules, r.ID)
			}
		}
		for _, w := range n.Windows {
			cw := e.Window(w)
			firsts, lasts := map[calendar.Date]bool{}, map[calendar.Date]bool{}
			for _, iv := range cw.Intervals() {
				if iv.To.Before(n.Effective) || iv.From.After(n.ValidUntil) {
					continue
				}
				firsts[iv.From], lasts[iv.To] = true, true
			}
			cov.Edges += 2
			if !edgeHit(results, w.ID, firsts) {
				cov.UncoveredEdges = append(cov.UncoveredEdges, w.ID+": first day")
			}
			if !edgeHit(results, w.ID, lasts) {
				cov.UncoveredEdges = append(cov.UncoveredEdges, w.ID+": last day")
			}
		}
		out = append(out, cov)
	}
	return out
}

func edgeHit(results []Result, window string, days map[calendar.Date]bool) bool {
	for _, res := range results {
		if res.Decision != nil && days[res.Decision.Date] && hasWindow(res.Decision, window) {
			return true
		}
	}
	return false
}

// Percent is covered/total as a percentage.
func (c Coverage) Percent() float64 {
	total := c.Rules + c.Edges
	if total == 0 {
		return 100
	}
	covered := total - len(c.UncoveredRules) - len(c.UncoveredEdges)
	return math.Round(1000*float64(covered)/float64(total)) / 10
}
