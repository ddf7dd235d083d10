package engine

import (
	"fmt"
	"slices"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// LintIssue is a rule-file problem that loading accepts but that is almost
// certainly a mistake.
type LintIssue struct {
	File string
	Line int
	Msg  string
}

func (l LintIssue) String() string { return fmt.Sprintf("%s:%d: %s", l.File, l.Line, l.Msg) }

// Lint looks for rules that can never fire (their windows never hold while
// the notice is in force, or their conditions contradict each other), facts
// without labels, and
// one article quoted with the same words to forbid and to allow the same
// situation.
func (e *Engine) Lint() []LintIssue {
	var out []LintIssue
	for _, f := range e.set.Facts {
		if f.ZH == "" || f.EN == "" {
			out = append(out, LintIssue{File: f.File, Line: f.Pos.Line, Msg: fmt.Sprintf("fact %s has no zh or en label for answers", f.Name)})
		}
	}
	for _, n := range e.set.Notices {
		for i, r := range n.Rules {
			switch {
			case !e.set.Satisfiable(r.Program):
				out = append(out, LintIssue{File: n.File, Line: r.Pos.Line, Msg: fmt.Sprintf("rule %q can never fire: its conditions contradict each other", r.ID)})
			case !e.canFire(r):
				out = append(out, LintIssue{File: n.File, Line: r.Pos.Line, Msg: fmt.Sprintf("rule %q can never fire: its windows never hold while the notice is in force", r.ID)})
			}
			for _, o := range n.Rules[i+1:] {
				// The two faces of one sentence ("核准后方可…": forbidden without
				// a permit, allowed with one) are fine; the same words both
				// forbidding and allowing in one situation are not.
				if o.Article == r.Article && o.Text == r.Text && o.Effect != r.Effect && sharesAny(o, r) && e.set.Satisfiable(o.Program, r.Program) {
					out = append(out, LintIssue{File: n.File, Line: o.Pos.Line, Msg: fmt.Sprintf("rule %q quotes article %s with the same words as rule %q (line %d) for the opposite effect in the same situation", o.ID, o.Article, r.ID, r.Pos.Line)})
				}
			}
		}
	}
	return out
}

func sharesAny(a, b *rules.Rule) bool {
	for _, x := range a.Activities {
		for _, y := range b.Activities {
			if x.IsA(y) || y.IsA(x) {
				return true
			}
		}
	}
	return false
}

// canFire reports whether, at some minute the notice is in force, the rule's
// windows leave its condition not false with every fact unknown.
func (e *Engine) canFire(r *rules.Rule) bool {
	n := r.Notice
	var ws []*rules.Window
	times := []calendar.DateTime{n.Effective.Start()}
	for _, v := range r.Program.Vars {
		if w := windowOf(n, v); w != nil && !slices.Contains(ws, w) {
			ws = append(ws, w)
			for _, iv := range e.window(w).Intervals() {
				times = append(times, iv.Start(), iv.End())
			}
		}
	}
	st := e.set.NewState()
	for _, t := range times {
		if !e.inForce(n, t.Date()) {
			continue
		}
		for _, w := range ws {
			st.Bool[w.Var.Slot] = cond.TriOf(e.window(w).ContainsTime(t))
		}
		if r.Program.Eval(st) != cond.False {
			return true
		}
	}
	return false
}
