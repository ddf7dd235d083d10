// Package ruletest runs the declarative cases that guard rule encodings
// (notices/NAME.cases.yaml) and measures what they cover: every rule must
// be cited by the answer of some passing case, and the first and last day
// of every part of every window must be tried. It loads rules as the
// engine does for `tonggao check` (engine.LoadRoots), so that a rule
// directory passes its tests exactly when it loads for answering.
//
// It sits above engine and rules: the harness drives the engine.
package ruletest

import (
	"context"
	"fmt"
	"io/fs"
	"math"
	"slices"
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

// RunFS loads the rules and cases of one rule directory and runs them.
func RunFS(fsys fs.FS) (*Report, error) {
	return RunRoots(context.Background(), []rules.Root{{FS: fsys}}, rules.Limits{})
}

// RunRoots loads rule directories together as engine.LoadRoots does (with
// the register of documents in force and the embedded holiday data, and
// opts), and runs the cases of every one of them.
func RunRoots(ctx context.Context, roots []rules.Root, lim rules.Limits, opts ...engine.Option) (*Report, error) {
	e, err := engine.LoadRoots(ctx, roots, lim, opts...)
	if err != nil {
		return nil, err
	}
	cases, err := rules.LoadCasesRoots(ctx, roots, lim)
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
	set := e.Rules()
	n, ok := set.Notice(f.Notice)
	if !ok {
		fail("unknown notice %q", f.Notice)
		return res
	}
	at, err := calendar.ParseMoment(c.At.Value)
	if err != nil {
		fail("at: %v", err)
		return res
	}
	facts, err := caseFacts(e.Rules(), c.Facts)
	if err != nil {
		fail("%v", err)
		return res
	}
	place := c.Place
	if place == "" && len(n.AppliesIn) == 1 {
		// A case is asked where its notice applies, so that notices of
		// other places loaded beside it do not change its answer.
		place = n.AppliesIn[0].String()
	}
	q := engine.Query{Activity: c.Activity, Facts: facts, Place: place}
	q.SetMoment(at)
	d, err := e.Decide(q)
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
		if !hasReason(set, d, n, want) {
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
		// A day, or a minute where the case gives one.
		got, want := "none", c.NextChange
		if d.NextChange != nil {
			got = d.NextChange.Date.String()
			if m, err := calendar.ParseMoment(want); err == nil && m.HasClock() {
				got, want = d.NextChange.At.String(), m.String()
			}
		}
		if got != want {
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
	if c.Penalties != nil {
		var got []string
		for _, pen := range d.Penalties() {
			// A penalty names its notice as answers cite it (a notice
			// without a number by issuer, date and title); cases name
			// notices by key.
			id := pen.ID
			if pen.Notice != n.Name() {
				id = noticeKey(set, pen.Notice) + "#" + id
			}
			got = append(got, id)
		}
		want := append([]string(nil), (*c.Penalties)...)
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			fail("want penalties [%s], got [%s]", strings.Join(want, ", "), strings.Join(got, ", "))
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

// hasReason reports whether rule (an id of notice n's, or KEY#id of
// another notice's) is among d's reasons.
func hasReason(set *rules.Set, d *engine.Decision, n *rules.Notice, rule string) bool {
	if key, id, ok := strings.Cut(rule, "#"); ok {
		other, found := set.Notice(key)
		if !found {
			return false
		}
		n, rule = other, id
	}
	return reason(d, n, rule) != nil
}

func reason(d *engine.Decision, n *rules.Notice, rule string) *engine.Reason {
	name := n.Name()
	for k := range d.NumReasons() {
		if r := d.Reason(k); r.Notice == name && r.Rule == rule {
			return &r
		}
	}
	return nil
}

// cites reports whether d's answer cites rule r of notice n: as the rule
// that decides (a forbidding rule that applies in a forbidden answer, an
// allowing one in an allowed answer) or as one the answer depends on (in
// a conditional answer). A rule that is among the reasons but set aside,
// or that does not change the answer, is not cited.
func cites(d *engine.Decision, n *rules.Notice, r *rules.Rule) bool {
	rs := reason(d, n, r.ID)
	if rs == nil || rs.Defeated() {
		return false
	}
	switch d.Verdict {
	case engine.Forbidden:
		return rs.Status == "applies" && r.Effect == rules.Forbid
	case engine.Allowed:
		return rs.Status == "applies" && r.Effect == rules.Allow
	case engine.Conditional:
		return true
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
	if d.NumReasons() == 0 {
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

// coverage finds, per notice, the rules no passing case's answer cites and
// the window edges no passing case tries: the first and last day of each
// part of a window ("A | B": each of A and B) where it starts or ends the
// window, in some year within the notice's validity, on a day the window
// shows among the reasons.
func coverage(e *engine.Engine, results []Result) []Coverage {
	var passed []*engine.Decision
	for _, res := range results {
		if res.Passed() && res.Decision != nil {
			passed = append(passed, res.Decision)
		}
	}
	var out []Coverage
	for _, n := range e.Rules().Notices {
		cov := Coverage{Notice: n.Name(), Rules: len(n.Rules)}
		for _, r := range n.Rules {
			if !slices.ContainsFunc(passed, func(d *engine.Decision) bool { return cites(d, n, r) }) {
				cov.UncoveredRules = append(cov.UncoveredRules, r.ID)
			}
		}
		for _, w := range n.Windows {
			// An edge is a first or last day, or, for an interval with
			// times of day, its first or last minute.
			firsts, lasts := map[calendar.Moment]bool{}, map[calendar.Moment]bool{}
			for _, sp := range merge(partIntervals(e, n, w, w.Spec)) {
				firsts[sp.first], lasts[sp.last] = true, true
			}
			parts := w.Spec.Terms()
			for _, part := range parts {
				// A part's edge that falls inside another part changes no
				// answer, so no case could check it: only the part's days
				// that start or end the window count.
				pf, pl := map[calendar.Moment]bool{}, map[calendar.Moment]bool{}
				for _, iv := range partIntervals(e, n, w, part) {
					if f := firstEdge(iv); firsts[f] {
						pf[f] = true
					}
					if l := lastEdge(iv); lasts[l] {
						pl[l] = true
					}
				}
				name := w.ID
				if len(parts) > 1 {
					name += " (" + part.String() + ")"
				}
				for _, edge := range []struct {
					days map[calendar.Moment]bool
					what string
				}{{pf, "first day"}, {pl, "last day"}} {
					if len(edge.days) == 0 {
						continue
					}
					cov.Edges++
					if !edgeHit(passed, w.ID, edge.days) {
						cov.UncoveredEdges = append(cov.UncoveredEdges, name+": "+edge.what)
					}
				}
			}
		}
		out = append(out, cov)
	}
	return out
}

// partIntervals resolves one part of window w within its notice's
// validity; a window of one part is resolved already.
func partIntervals(e *engine.Engine, n *rules.Notice, w *rules.Window, part calendar.WindowSpec) []calendar.Interval {
	var ivs []calendar.Interval
	if part == w.Spec {
		ivs = e.Window(w).Intervals()
	} else if cw, err := e.Calendar().Prepare(part, n.Effective, n.ValidUntil); err == nil {
		ivs = cw.Intervals() // the whole window resolved, so each part does
	}
	var out []calendar.Interval
	for _, iv := range ivs {
		if !iv.To.Before(n.Effective) && !iv.From.After(n.ValidUntil) {
			out = append(out, iv)
		}
	}
	return out
}

// span is a run of a window without a break, by its first and last edge.
type span struct {
	first, last calendar.Moment
	end         calendar.DateTime
}

// firstEdge is an interval's first day, or its first minute if it starts
// within a day; lastEdge its last day, or last minute.
func firstEdge(iv calendar.Interval) calendar.Moment {
	if iv.Clocked() {
		return calendar.TimeMoment(iv.Start())
	}
	return calendar.DayMoment(iv.From)
}

func lastEdge(iv calendar.Interval) calendar.Moment {
	if iv.Clocked() {
		return calendar.TimeMoment(iv.End().Add(-1))
	}
	return calendar.DayMoment(iv.To)
}

// merge joins intervals that overlap or touch, to the minute: the spans in
// which a window holds without a break.
func merge(ivs []calendar.Interval) []span {
	ivs = slices.Clone(ivs)
	slices.SortFunc(ivs, func(a, b calendar.Interval) int { return a.Start().Compare(b.Start()) })
	var out []span
	for _, iv := range ivs {
		if k := len(out) - 1; k >= 0 && !iv.Start().After(out[k].end) {
			if iv.End().After(out[k].end) {
				out[k].end, out[k].last = iv.End(), lastEdge(iv)
			}
			continue
		}
		out = append(out, span{first: firstEdge(iv), last: lastEdge(iv), end: iv.End()})
	}
	return out
}

// edgeHit reports whether a passing case asked on an edge's day (or at its
// minute) and its answer shows the window.
func edgeHit(passed []*engine.Decision, window string, edges map[calendar.Moment]bool) bool {
	for _, d := range passed {
		if (edges[calendar.DayMoment(d.Date)] || d.At != nil && edges[calendar.TimeMoment(*d.At)]) && hasWindow(d, window) {
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

// noticeKey is the key (number or id) of the notice answers cite as name.
func noticeKey(set *rules.Set, name string) string {
	for _, n := range set.Notices {
		if n.Name() == name {
			return n.Key()
		}
	}
	return name
}
