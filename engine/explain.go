package engine

import (
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// reasons fills d.Reasons, penalties and contacts from the rules that hold
// (or may hold) in st.
func (e *Engine) reasons(d *Decision, p *plan, st *cond.State, day calendar.Date, sc *scratch) {
	notices := []*rules.Notice{}
	for i, r := range p.rules {
		v := sc.vals[i]
		if v == cond.False {
			continue
		}
		rs := Reason{
			Notice: r.Notice.Number, NoticeTitle: r.Notice.Title, Article: r.Article, Text: r.Text, Rule: r.ID,
			Effect: string(r.Effect), Status: "applies", Windows: []WindowUse{}, Terms: r.Terms, TitleLevel: r.TitleLevel,
		}
		if v == cond.Unknown {
			rs.Status = "may_apply"
			rs.DependsOn = unknownVars(r.Program, st)
		} else if j := defeatedBy(i, p.rules, sc.vals); j >= 0 {
			rs.Status, rs.OverriddenBy = "overridden", p.rules[j].Notice.Number+" "+p.rules[j].Article+" ("+p.rules[j].ID+")"
		}
		interps := append([]*rules.Interpretation(nil), r.Interpretations...)
		var summary []string
		for _, pw := range p.windows {
			if st.Bool[pw.w.Var.Slot] != cond.True || !reads(r.Program, pw.w.Var) {
				continue
			}
			iv, _ := pw.cw.Find(day)
			rs.Windows = append(rs.Windows, WindowUse{ID: pw.w.ID, Name: pw.w.Name, Article: pw.w.Article, From: iv.From, To: iv.To, Label: iv.Label, Projected: iv.Projected})
			summary = append(summary, pw.w.Name+" "+iv.From.String()+"—"+iv.To.String())
			interps = append(interps, pw.w.Interpretations...)
		}
		rs.Window = strings.Join(summary, "；")
		for _, m := range r.Program.Macros {
			c := conditionOf(r.Notice, m)
			if c == nil {
				continue
			}
			// An applying rule shows the conditions that held; one that may
			// apply shows those that may hold too.
			val := c.Program.Eval(st)
			if val == cond.False || (val == cond.Unknown && v == cond.True) {
				continue
			}
			rs.Conditions = append(rs.Conditions, ConditionUse{ID: c.ID, Name: c.Name, Article: c.Article, Text: c.Text, Value: val.String()})
			interps = append(interps, c.Interpretations...)
		}
		rs.Interpretations = dedupe(interps)
		d.Reasons = append(d.Reasons, rs)
		if rs.Status != "overridden" && !containsNotice(notices, r.Notice) {
			notices = append(notices, r.Notice)
		}
	}
	for _, n := range notices {
		for _, pen := range n.Penalties {
			d.Penalties = append(d.Penalties, NoticePenalty{Notice: n.Number, Penalty: pen})
		}
		for _, c := range n.Contacts {
			d.Contacts = append(d.Contacts, NoticeContact{Notice: n.Number, Contact: c})
		}
	}
}

func containsNotice(ns []*rules.Notice, n *rules.Notice) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}

func reads(p *cond.Program, v *cond.Var) bool {
	for _, x := range p.Vars {
		if x == v {
			return true
		}
	}
	return false
}

func conditionOf(n *rules.Notice, v *cond.Var) *rules.Condition {
	for _, c := range n.Conditions {
		if c.Var == v {
			return c
		}
	}
	return nil
}

func dedupe(xs []*rules.Interpretation) []*rules.Interpretation {
	var out []*rules.Interpretation
	for _, x := range xs {
		found := false
		for _, y := range out {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

// unknownVars lists the facts a program reads that st does not know exactly.
func unknownVars(p *cond.Program, st *cond.State) []string {
	var out []string
	for _, v := range p.Vars {
		if v.Window {
			continue
		}
		switch v.Kind {
		case cond.Number:
			if n := st.Num[v.Slot]; n.Known && n.Lo == n.Hi {
				continue
			}
		case cond.Bool:
			if st.Bool[v.Slot] != cond.Unknown {
				continue
			}
		case cond.Enum:
			if st.Str[v.Slot] != "" {
				continue
			}
		}
		out = append(out, v.Name)
	}
	return out
}

// factValues lists the facts the decision knew, given or derived.
func (e *Engine) factValues(st *cond.State, given map[string]string) []FactValue {
	out := []FactValue{}
	for _, f := range e.set.Facts {
		fv := FactValue{Name: f.Name}
		_, isGiven := given[f.Name]
		fv.Derived, fv.Source = !isGiven, given[f.Name]
		switch f.Kind {
		case cond.Number:
			n := st.Num[f.Var.Slot]
			if !n.Known {
				continue
			}
			if n.Lo == n.Hi {
				fv.Value = n.Lo
			} else {
				fv.Value = map[string]float64{"min": n.Lo, "max": n.Hi}
			}
		case cond.Bool:
			if st.Bool[f.Var.Slot] == cond.Unknown {
				continue
			}
			fv.Value = st.Bool[f.Var.Slot] == cond.True
		case cond.Enum:
			if st.Str[f.Var.Slot] == "" {
				continue
			}
			fv.Value = st.Str[f.Var.Slot]
		}
		out = append(out, fv)
	}
	return out
}

// nextChange walks the segments after segment k and returns the first
// day on which the verdict for the same facts differs. Verdicts are
// computed once per distinct window/notice mask.
func (e *Engine) nextChange(p *plan, st *cond.State, k int, now Verdict, sc *scratch) *Change {
	cached := 0
	for j := k + 1; j < len(p.segments); j++ {
		mask := p.segments[j].mask
		v, found := Verdict(""), false
		for _, c := range sc.cache[:cached] {
			if c.mask == mask {
				v, found = c.verdict, true
				break
			}
		}
		if !found {
			v = e.verdictFor(p, st, mask, sc)
			if cached < len(sc.cache) {
				sc.cache[cached] = maskVerdict{mask, v}
				cached++
			}
		}
		if v != now {
			return &Change{Date: p.segments[j].from, Verdict: v}
		}
	}
	return nil
}

// verdictFor decides again for another segment's mask with the same facts.
// It leaves st's windows set for that mask.
func (e *Engine) verdictFor(p *plan, st *cond.State, mask uint64, sc *scratch) Verdict {
	vals := e.evalRules(p, st, mask, sc.vals[len(sc.vals):])
	if hasUnknown(vals) {
		v, _, _ := e.enumerate(p, st, vals, sc)
		return v
	}
	return combine(p.rules, vals)
}
