package rules

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules/cond"
)

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

// isID accepts rule, notice and interpretation ids: letters, digits, - and _.
func isID(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		ok := r == '_' || r == '-' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

// declareActivities declares a notice file's activities. An activity id
// another directory declared already is that activity when the two agree
// on name, English name and parent (shared vocabulary, such as 燃放烟花爆竹
// in every county); its synonyms are added to it.
func (l *loader) declareActivities(file string, root int, spec *FileSpec) {
	for _, as := range spec.Activities {
		id := as.ID.Value
		if !isIdent(id) {
			l.errorf(file, as.ID.Pos, "activity id %q: use letters, digits and _", id)
			continue
		}
		if strings.TrimSpace(as.Name.Value) == "" {
			l.errorf(file, as.Pos, "activity %q has no name", id)
		}
		if as.EN.Value == "" {
			l.errorf(file, as.Pos, "activity %q has no English name (en)", id)
		}
		a := &Activity{ID: id, Name: as.Name.Value, EN: as.EN.Value, File: file, Pos: as.Pos}
		a.Implies = l.implies(file, id, as.Implies)
		if prev, ok := l.set.activityBy[id]; ok && prev.ID == id && l.activityRoot[prev] != root {
			if diff := activityDiff(prev, l.activityParent[prev], a, as.Parent); diff != "" {
				l.errorf(file, as.ID.Pos, "activity %q is declared differently in %s:%d (%s): declare it the same in both, or in one directory only",
					id, prev.File, prev.Pos.Line, diff)
				continue
			}
			a = prev // one activity; this file adds its synonyms
		} else {
			l.activityRoot[a], l.activityParent[a] = root, as.Parent
			keys := []Str{as.ID}
			if as.Name.Value != "" {
				keys = append(keys, as.Name)
			}
			if !l.claim(file, a, keys) {
				continue
			}
			l.set.Activities = append(l.set.Activities, a)
		}
		for _, syn := range as.Synonyms {
			switch {
			case strings.TrimSpace(syn.Value) == "":
				l.errorf(file, syn.Pos, "activity %q: empty synonym", id)
			case slices.Contains(a.Synonyms, syn.Value):
			case l.claim(file, a, []Str{syn}):
				a.Synonyms = append(a.Synonyms, syn.Value)
			}
		}
		l.declared[file] = append(l.declared[file], a)
	}
}

// claim makes each key name a, unless it names another activity already.
func (l *loader) claim(file string, a *Activity, keys []Str) bool {
	ok := true
	for _, k := range keys {
		if prev, dup := l.set.activityBy[k.Value]; dup && prev != a {
			l.errorf(file, k.Pos, "%q already names activity %q (%s:%d)", k.Value, prev.ID, prev.File, prev.Pos.Line)
			ok = false
			continue
		}
		l.set.activityBy[k.Value] = a
	}
	return ok
}

// activityDiff names what two declarations of an activity disagree on.
func activityDiff(a *Activity, aParent Str, b *Activity, bParent Str) string {
	switch {
	case a.Name != b.Name:
		return fmt.Sprintf("name %q here, %q there", b.Name, a.Name)
	case a.EN != b.EN:
		return fmt.Sprintf("en %q here, %q there", b.EN, a.EN)
	case aParent.Value != bParent.Value:
		return fmt.Sprintf("parent %q here, %q there", bParent.Value, aParent.Value)
	case !slices.EqualFunc(a.Implies, b.Implies, func(x, y Assignment) bool { return x.String() == y.String() }):
		return "implies"
	}
	return ""
}

// implies checks an activity's implied facts: each names a declared fact
// once, with a value of its type (an enum value or its label).
func (l *loader) implies(file, id string, spec FactValuesSpec) []Assignment {
	var out []Assignment
	for i, k := range spec.Names {
		v := spec.Values[i]
		f, ok := l.set.factByName[k.Value]
		if !ok {
			l.errorf(file, k.Pos, "activity %q implies unknown fact %q%s", id, k.Value, suggestFor(k.Value, slices.Sorted(maps.Keys(l.set.factByName))))
			continue
		}
		if slices.ContainsFunc(out, func(a Assignment) bool { return a.Fact == f }) {
			l.errorf(file, k.Pos, "activity %q implies %s twice", id, f.Name)
			continue
		}
		a := Assignment{Fact: f}
		switch f.Kind {
		case cond.Number:
			x, err := strconv.ParseFloat(v.Value, 64)
			if err != nil || (f.Min != nil && x < *f.Min) || (f.Integer && x != math.Trunc(x)) {
				l.errorf(file, v.Pos, "activity %q implies %s = %q: want a number%s", id, f.Name, v.Value, minText(f))
				continue
			}
			a.Number = x
		case cond.Bool:
			if v.Value != "true" && v.Value != "false" {
				l.errorf(file, v.Pos, "activity %q implies %s = %q: want true or false", id, f.Name, v.Value)
				continue
			}
			a.Bool = v.Value == "true"
		case cond.Enum:
			if a.Enum = f.Canonical(v.Value); a.Enum == "" {
				l.errorf(file, v.Pos, "activity %q implies %s = %q: want one of %s", id, f.Name, v.Value, strings.Join(f.Values, ", "))
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// checkImplies reports an activity whose implied facts contradict each
// other through the implications of facts.yaml.
func (l *loader) checkImplies() {
	for _, a := range l.set.Activities {
		if len(a.Implies) == 0 {
			continue
		}
		st := l.set.NewState()
		for _, x := range a.Implies {
			x.Store(st)
		}
		if err := l.set.Derive(st); err != nil {
			l.errorf(a.File, a.Pos, "activity %q: the facts it implies contradict each other: %v", a.ID, err)
		}
	}
}

func minText(f *Fact) string {
	switch {
	case f.Integer && f.Min != nil:
		return fmt.Sprintf(", a whole number ≥ %v", *f.Min)
	case f.Integer:
		return ", a whole number"
	case f.Min != nil:
		return fmt.Sprintf(" ≥ %v", *f.Min)
	}
	return ""
}

func (l *loader) linkActivities(files []string, specs []*FileSpec) {
	byID := map[string]*Activity{}
	for _, a := range l.set.Activities {
		byID[a.ID] = a
	}
	for i, spec := range specs {
		for _, as := range spec.Activities {
			if as.Parent.Value == "" {
				continue
			}
			a, p := byID[as.ID.Value], byID[as.Parent.Value]
			if a == nil || a.File != files[i] {
				continue // undeclared, or declared (the same) by another file
			}
			if p == nil {
				l.errorf(files[i], as.Parent.Pos, "activity %q: unknown parent %q%s", a.ID, as.Parent.Value, suggestFor(as.Parent.Value, slices.Sorted(maps.Keys(byID))))
				continue
			}
			a.Parent = p
		}
	}
	for _, a := range l.set.Activities {
		seen := map[*Activity]bool{}
		for x := a; x != nil; x = x.Parent {
			if seen[x] {
				l.errorf(a.File, a.Pos, "activity %q: its parents form a cycle", a.ID)
				a.Parent = nil
				break
			}
			seen[x] = true
		}
	}
}

func (l *loader) date(file string, s Str, what string) calendar.Date {
	if s.Value == "" {
		l.errorf(file, s.Pos, "%s is missing", what)
		return calendar.Date{}
	}
	d, err := calendar.ParseDate(s.Value)
	if err != nil {
		l.errorf(file, s.Pos, "%s: %v", what, err)
	}
	return d
}

// UntilRepealed is the last day an open-ended notice (no valid_until) is
// applied to: the last day the calendar's lunar dates and solar terms are
// known. Answers say such a notice is in force until repealed.
var UntilRepealed = calendar.MustDate(calendar.MaxLunarYear, 12, 31)

// identity checks a notice's number and id and registers it by both.
func (l *loader) identity(file string, ns NoticeSpec, n *Notice) {
	if n.ID != "" && !isID(n.ID) {
		l.errorf(file, ns.ID.Pos, "notice.id %q: use letters, digits, - and _", n.ID)
	}
	if n.Number == "" {
		switch {
		case n.ID == "":
			l.errorf(file, Pos{Line: 1}, "notice.number is missing: give the document number as printed (文号), or an id if the notice has none")
		case n.Issuer == "" || ns.Issued.Value == "":
			l.errorf(file, ns.ID.Pos, "notice %q has no number: give its issuer and issued date, by which answers name it", n.ID)
		}
	}
	for _, k := range []Str{ns.Number, ns.ID} {
		if k.Value == "" {
			continue
		}
		if prev, dup := l.set.noticeBy[k.Value]; dup {
			l.errorf(file, k.Pos, "notice %s is also encoded in %s", k.Value, prev.File)
			continue
		}
		l.set.noticeBy[k.Value] = n
	}
	if n.Number == "" && n.ID != "" && n.Issuer != "" {
		// Answers name it by issuer, date and title: two notices must not
		// read the same.
		for _, m := range l.set.Notices {
			if m.Number == "" && m.Name() == n.Name() {
				l.errorf(file, ns.ID.Pos, "notice %q reads the same as %s (%s): give it its number", n.ID, m.ID, n.Name())
			}
		}
	}
}

func (l *loader) buildNotice(file, root string, spec *FileSpec) {
	ns := spec.Notice
	n := &Notice{
		Number: ns.Number.Value, ID: ns.ID.Value, Registration: ns.Registration.Value, Title: ns.Title.Value, Issuer: ns.Issuer.Value,
		ValidityArticle: ns.ValidityArticle.Value, ValidityText: ns.ValidityText.Value, Source: ns.Source.Value,
		TitleOnly: ns.TitleOnly, TitleOnlyNote: ns.TitleOnlyNote.Value, Root: root, File: file, Pos: ns.Number.Pos,
	}
	if n.Number == "" {
		n.Pos = ns.ID.Pos
	}
	n.AppliesIn = l.appliesIn(file, ns.AppliesIn)
	for _, dn := range spec.DataNotes {
		n.DataNotes = append(n.DataNotes, dn.Value)
	}
	if n.Title == "" {
		l.errorf(file, ns.Title.Pos, "notice.title is missing")
	}
	if n.TitleOnly && n.TitleOnlyNote == "" {
		l.errorf(file, ns.Number.Pos, "a title_only notice needs title_only_note saying what is and is not known")
	}
	if ns.Issued.Value != "" {
		n.Issued = l.date(file, ns.Issued, "notice.issued")
	}
	l.identity(file, ns, n)
	n.Effective = l.date(file, ns.Effective, "notice.effective")
	if ns.ValidUntil.Value == "" {
		n.ValidUntil, n.UntilRepealed = UntilRepealed, true
	} else {
		n.ValidUntil = l.date(file, ns.ValidUntil, "notice.valid_until")
	}
	if n.ValidUntil.Before(n.Effective) {
		l.errorf(file, ns.ValidUntil.Pos, "notice.valid_until %s is before effective %s", n.ValidUntil, n.Effective)
	}
	for _, c := range ns.Contacts {
		ct := Contact{Name: c.Name.Value, Article: c.Article.Value, Text: c.Text.Value, Note: c.Note.Value}
		for _, p := range c.Phones {
			ct.Phones = append(ct.Phones, p.Value)
		}
		if ct.Name == "" || len(ct.Phones) == 0 {
			l.errorf(file, c.Pos, "a contact needs a name and phones")
		}
		n.Contacts = append(n.Contacts, ct)
	}
	for _, p := range ns.Penalties {
		if p.Article.Value == "" || p.Text.Value == "" {
			l.errorf(file, p.Pos, "a penalty needs article and text")
		}
		if p.ID.Value != "" && !isID(p.ID.Value) {
			l.errorf(file, p.ID.Pos, "penalty id %q: use letters, digits, - and _", p.ID.Value)
		}
		if p.ID.Value != "" && slices.ContainsFunc(n.Penalties, func(x *Penalty) bool { return x.ID == p.ID.Value }) {
			l.errorf(file, p.ID.Pos, "penalty %q is declared twice", p.ID.Value)
		}
		pen := &Penalty{ID: p.ID.Value, Article: p.Article.Value, Text: p.Text.Value, Who: p.Who.Value, By: p.By.Value}
		for _, x := range p.Sanctions {
			pen.Sanctions = append(pen.Sanctions, x.Value)
		}
		for _, x := range p.Basis {
			pen.Basis = append(pen.Basis, x.Value)
		}
		if f := p.Fine; f != nil {
			switch {
			case f.Min == nil && f.Max == nil:
				l.errorf(file, f.Pos, "a fine needs min or max (yuan)")
			case f.Min != nil && *f.Min < 0, f.Max != nil && *f.Max < 0:
				l.errorf(file, f.Pos, "a fine cannot be negative")
			case f.Min != nil && f.Max != nil && *f.Max < *f.Min:
				l.errorf(file, f.Pos, "fine max %v is below min %v", *f.Max, *f.Min)
			}
			pen.Fine = &Fine{MinYuan: f.Min, MaxYuan: f.Max}
		}
		n.Penalties = append(n.Penalties, pen)
	}
	l.set.Notices = append(l.set.Notices, n)

	interp := map[string]*Interpretation{}
	interpPos := map[string]Pos{}
	badRef := false
	used := map[string]bool{}
	for _, is := range spec.Interpretations {
		id := is.ID.Value
		switch {
		case !isID(id):
			l.errorf(file, is.ID.Pos, "interpretation id %q: use letters, digits, - and _", id)
			continue
		case interp[id] != nil:
			l.errorf(file, is.ID.Pos, "interpretation %q is declared twice", id)
			continue
		case is.Words.Value == "" || is.Reading.Value == "" || is.Alternative.Value == "" || is.Why.Value == "":
			l.errorf(file, is.Pos, "interpretation %q needs words, reading, alternative and why", id)
		}
		it := &Interpretation{ID: id, Words: is.Words.Value, Reading: is.Reading.Value, Alternative: is.Alternative.Value, Why: is.Why.Value}
		interp[id], interpPos[id] = it, is.Pos
		n.Interpretations = append(n.Interpretations, it)
	}
	interps := func(refs []Str) []*Interpretation {
		var out []*Interpretation
		for _, r := range refs {
			it, ok := interp[r.Value]
			if !ok {
				badRef = true
				l.errorf(file, r.Pos, "unknown interpretation %q%s", r.Value, suggestFor(r.Value, slices.Sorted(maps.Keys(interp))))
				continue
			}
			used[r.Value] = true
			out = append(out, it)
		}
		return out
	}
	for _, act := range l.declared[file] {
		if act.Notice == nil {
			act.Notice = n // the first notice to declare it
		}
		n.Activities = append(n.Activities, act)
	}

	// Each notice has its own name space: the facts, then its windows and
	// named conditions in the order written.
	env := cond.NewEnv()
	for _, f := range l.set.Facts {
		_ = env.Declare(f.Var)
	}
	declare := func(id Str, v *cond.Var) bool {
		if !isIdent(id.Value) {
			l.errorf(file, id.Pos, "id %q: use letters, digits and _ (it is used as a name in conditions)", id.Value)
			return false
		}
		if err := env.Declare(v); err != nil {
			l.errorf(file, id.Pos, "%q is already a fact, window or condition", id.Value)
			return false
		}
		return true
	}
	// A window or condition that fails still declares its name, so that the
	// rules using it do not report a second, misleading error.
	placeholder := func(id Str) { declare(id, &cond.Var{Name: id.Value, Kind: cond.Bool, Window: true}) }
	for _, ws := range spec.Windows {
		spec, err := calendar.ParseWindow(ws.When.Value)
		if err != nil {
			placeholder(ws.ID)
			interps(ws.Interpretations)
			p := ws.When.Pos
			var we *calendar.WindowError
			if errors.As(err, &we) && we.Column > 0 {
				p = ws.When.At(we.Column - 1)
			}
			l.errorf(file, p, "window %q: %v", ws.ID.Value, err)
			continue
		}
		w := &Window{ID: ws.ID.Value, Name: ws.Name.Value, Spec: spec, Article: ws.Article.Value, Text: ws.Text.Value,
			Interpretations: interps(ws.Interpretations), Notice: n, Pos: ws.Pos}
		if w.Name == "" || w.Article == "" {
			l.errorf(file, ws.Pos, "window %q needs a name and the article it encodes", w.ID)
		}
		w.Var = &cond.Var{Name: w.ID, Kind: cond.Bool, Slot: l.set.BoolSlots, Window: true}
		if declare(ws.ID, w.Var) {
			l.set.BoolSlots++
			n.Windows = append(n.Windows, w)
		}
	}
	for _, cs := range spec.Conditions {
		prog, err := l.compile(cs.If.Value, env)
		if err != nil {
			placeholder(cs.ID)
			interps(cs.Interpretations)
			l.condErr(file, cs.If, err)
			continue
		}
		c := &Condition{ID: cs.ID.Value, Name: cs.Name.Value, Program: prog, Article: cs.Article.Value, Text: cs.Text.Value,
			Interpretations: interps(cs.Interpretations), Notice: n, Pos: cs.Pos}
		if c.Name == "" || c.Article == "" {
			l.errorf(file, cs.Pos, "condition %q needs a name and the article it encodes", c.ID)
		}
		c.Var = &cond.Var{Name: c.ID, Kind: cond.Bool, Macro: prog}
		if declare(cs.ID, c.Var) {
			n.Conditions = append(n.Conditions, c)
		}
	}
	ruleIDs := map[string]bool{}
	ruleID := func(id Str, what string) {
		switch {
		case !isID(id.Value):
			l.errorf(file, id.Pos, "%s id %q: use letters, digits, - and _", what, id.Value)
		case ruleIDs[id.Value]:
			l.errorf(file, id.Pos, "rule %q is declared twice", id.Value)
		}
		ruleIDs[id.Value] = true
	}
	for _, rs := range spec.Rules {
		r := &Rule{ID: rs.ID.Value, Article: rs.Article.Value, Text: rs.Text.Value, Effect: Effect(rs.Effect.Value),
			Residual: rs.Residual, TitleLevel: rs.TitleLevel || n.TitleOnly, Interpretations: interps(rs.Interpretations), Notice: n, Pos: rs.Pos}
		ruleID(rs.ID, "rule")
		if r.Article == "" || r.Text == "" {
			l.errorf(file, rs.Pos, "rule %q must cite its article and quote its text", r.ID)
		}
		if r.Effect != Forbid && r.Effect != Allow {
			l.errorf(file, rs.Effect.Pos, "rule %q: effect %q is not forbid or allow", r.ID, rs.Effect.Value)
		}
		if len(rs.Activities) == 0 {
			l.errorf(file, rs.Pos, "rule %q governs no activities", r.ID)
		}
		r.Activities = l.activities(file, r.ID, rs.Activities)
		src := rs.If
		if src.Value == "" {
			l.errorf(file, rs.Pos, "rule %q: if is missing (write `if: true` for a rule with no condition)", r.ID)
			continue
		}
		prog, err := l.compile(src.Value, env)
		if err != nil {
			l.condErr(file, src, err)
			continue
		}
		r.Program = prog
		for _, ts := range rs.Terms {
			if ts.Name.Value == "" {
				l.errorf(file, ts.Pos, "rule %q: a term needs a name", r.ID)
			}
			t := Term{Name: ts.Name.Value, Value: ts.Value.Value, Text: ts.Text.Value}
			t.PerPerson = l.perPerson(file, r, ts)
			r.Terms = append(r.Terms, t)
		}
		n.Rules = append(n.Rules, r)
		for _, es := range rs.Except {
			ruleID(es.ID, "exception")
			if x := l.exception(file, r, rs, es, env, interps(es.Interpretations)); x != nil {
				r.Exceptions = append(r.Exceptions, x)
				n.Rules = append(n.Rules, x)
			}
		}
	}
	for i, ps := range ns.Penalties {
		n.Penalties[i].Interpretations = interps(ps.Interpretations)
	}
	l.linkPenalties(file, n, ns.Penalties)
	for _, ds := range spec.Duties {
		d := &Duty{ID: ds.ID.Value, Article: ds.Article.Value, Who: ds.Who.Value, Text: ds.Text.Value, Refer: ds.Refer,
			Interpretations: interps(ds.Interpretations), Notice: n, Pos: ds.Pos}
		if d.Article == "" || d.Text == "" || d.Who == "" {
			l.errorf(file, ds.Pos, "duty %q needs article, who and text", d.ID)
		}
		src := ds.If
		if src.Value == "" {
			src.Value = "true"
		}
		prog, err := l.compile(src.Value, env)
		if err != nil {
			l.condErr(file, ds.If, err)
			continue
		}
		d.Program = prog
		n.Duties = append(n.Duties, d)
	}
	for id := range interp {
		if !used[id] && !badRef {
			l.errorf(file, interpPos[id], "interpretation %q is not referenced by any window, condition, rule, duty or penalty", id)
		}
	}
}

// activities resolves a rule's activity ids.
func (l *loader) activities(file, rule string, refs []Str) []*Activity {
	var out []*Activity
	for _, ar := range refs {
		a, ok := l.set.activityBy[ar.Value]
		if !ok || a.ID != ar.Value {
			l.errorf(file, ar.Pos, "rule %q: unknown activity id %q%s", rule, ar.Value, suggestFor(ar.Value, activityIDs(l.set.Activities)))
			continue
		}
		out = append(out, a)
	}
	return out
}

// exception builds the rule that carves an exception out of forbidding
// rule r: an allowing rule that holds where r holds and the exception's
// condition does, for the exception's activities (or r's), and overrides
// r. Where it holds, r does not forbid; it says so in the notice's words.
func (l *loader) exception(file string, r *Rule, rs RuleSpec, es ExceptSpec, env *cond.Env, interps []*Interpretation) *Rule {
	x := &Rule{ID: es.ID.Value, Article: es.Article.Value, Text: es.Text.Value, Effect: Allow, TitleLevel: r.TitleLevel,
		Interpretations: interps, Notice: r.Notice, Pos: es.Pos, ExceptionOf: r, Overrides: []*Rule{r}}
	if x.Article == "" {
		x.Article = r.Article // "除…外" is in the article that forbids
	}
	ok := true
	if r.Effect != Forbid {
		l.errorf(file, es.Pos, "rule %q: except is for a rule that forbids; narrow an allowing rule's if instead", r.ID)
		ok = false
	}
	if x.Text == "" {
		l.errorf(file, es.Pos, "exception %q must quote the words that state it", x.ID)
		ok = false
	}
	if len(es.Activities) == 0 && es.If.Value == "" {
		l.errorf(file, es.Pos, "exception %q: say what it covers: activities, if, or both", x.ID)
		ok = false
	}
	x.Activities = r.Activities
	if len(es.Activities) > 0 {
		x.Activities = l.activities(file, x.ID, es.Activities)
		for i, a := range x.Activities {
			if !r.Covers(a) {
				l.errorf(file, es.Activities[i].Pos, "exception %q: activity %q is not one rule %q governs (nor a kind of one)", x.ID, a.ID, r.ID)
				ok = false
			}
		}
	}
	x.Program = r.Program
	if es.If.Value != "" {
		if _, err := l.compile(es.If.Value, env); err != nil {
			l.condErr(file, es.If, err)
			return nil
		}
		prog, err := l.compile("("+rs.If.Value+") && ("+es.If.Value+")", env)
		if err != nil {
			l.errorf(file, es.If.Pos, "exception %q with its rule's if: %v", x.ID, err)
			return nil
		}
		x.Program = prog
	}
	if !ok {
		return nil
	}
	return x
}

// linkPenalties attaches each penalty to the rules it punishes (every
// rule when it names none) and resolves its window.
func (l *loader) linkPenalties(file string, n *Notice, specs []PenaltySpec) {
	byID := map[string]*Rule{}
	var ids []string
	for _, r := range n.Rules {
		byID[r.ID] = r
		ids = append(ids, r.ID)
	}
	for i, ps := range specs {
		pen := n.Penalties[i]
		if ps.When.Value != "" {
			for _, w := range n.Windows {
				if w.ID == ps.When.Value {
					pen.When = w
				}
			}
			if pen.When == nil {
				l.errorf(file, ps.When.Pos, "penalty: unknown window %q%s", ps.When.Value, suggestFor(ps.When.Value, windowIDs(n.Windows)))
			}
		}
		if ps.Rules == nil {
			// Every rule that forbids: nobody is punished for what is allowed.
			for _, r := range n.Rules {
				if r.Effect == Forbid {
					pen.Rules = append(pen.Rules, r.ID)
					r.Penalties = append(r.Penalties, pen)
				}
			}
			continue
		}
		for _, ref := range *ps.Rules {
			r, ok := byID[ref.Value]
			if !ok {
				l.errorf(file, ref.Pos, "penalty: unknown rule %q%s", ref.Value, suggestFor(ref.Value, ids))
				continue
			}
			if slices.Contains(r.Penalties, pen) {
				l.errorf(file, ref.Pos, "penalty: rule %q is named twice", ref.Value)
				continue
			}
			pen.Rules = append(pen.Rules, r.ID)
			r.Penalties = append(r.Penalties, pen)
		}
	}
	// Decisions share these: clipped, so that an append copies.
	for _, pen := range n.Penalties {
		pen.Rules, pen.Sanctions, pen.Basis = slices.Clip(pen.Rules), slices.Clip(pen.Sanctions), slices.Clip(pen.Basis)
	}
	for _, r := range n.Rules {
		r.Penalties = slices.Clip(r.Penalties)
	}
}

func windowIDs(ws []*Window) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.ID
	}
	return out
}

func activityIDs(as []*Activity) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func (l *loader) linkOverrides(files []string, specs []*FileSpec) {
	byKey := map[string]*Rule{}
	for _, n := range l.set.Notices {
		for _, r := range n.Rules {
			byKey[r.Key()] = r
		}
	}
	byFile := map[string]*Notice{}
	for _, n := range l.set.Notices {
		byFile[n.File] = n
	}
	for i, spec := range specs {
		n := byFile[files[i]]
		if n == nil {
			continue
		}
		for _, rs := range spec.Rules {
			r := byKey[n.Key()+"#"+rs.ID.Value]
			if r == nil {
				continue
			}
			for _, o := range rs.Overrides {
				key := o.Value
				if !strings.Contains(key, "#") {
					key = n.Key() + "#" + key
				}
				target, ok := byKey[key]
				if !ok {
					l.errorf(files[i], o.Pos, "rule %q overrides unknown rule %q%s", r.ID, o.Value, suggestFor(key, slices.Sorted(maps.Keys(byKey))))
					continue
				}
				if target.Effect == r.Effect {
					l.errorf(files[i], o.Pos, "rule %q overrides %q, which has the same effect", r.ID, o.Value)
				}
				r.Overrides = append(r.Overrides, target)
			}
		}
	}
}

func overrides(a, b *Rule) bool {
	return slices.Contains(a.Overrides, b)
}

// checkConflicts reports a forbid rule and an allow rule that govern the
// same activity, can be in force on the same day and can both hold for some
// facts and windows, when neither overrides the other. An exception is not
// a permission: it only lifts its own rule, and another rule that forbids
// still does. Only rules that share an activity can conflict, so each
// forbid rule is compared with the allow rules found through the
// activities it names (an index), not with every rule: linear in the
// rules where activities are few each.
func (l *loader) checkConflicts() {
	var rules []*Rule
	for _, n := range l.set.Notices {
		rules = append(rules, n.Rules...)
	}
	// The allow rules (by position) naming each activity, and naming a
	// kind of it.
	naming, below := map[*Activity][]int{}, map[*Activity][]int{}
	for i, b := range rules {
		if b.Effect != Allow || b.ExceptionOf != nil {
			continue
		}
		for _, y := range b.Activities {
			naming[y] = append(naming[y], i)
			for z := y.Parent; z != nil; z = z.Parent {
				below[z] = append(below[z], i)
			}
		}
	}
	var sharing []int
	for _, a := range rules {
		if a.Effect != Forbid {
			continue
		}
		// b shares an activity with a: x.IsA(y) or y.IsA(x) for some x of
		// a and y of b.
		sharing = sharing[:0]
		for _, x := range a.Activities {
			for y := x; y != nil; y = y.Parent {
				sharing = append(sharing, naming[y]...)
			}
			sharing = append(sharing, below[x]...)
		}
		slices.Sort(sharing)
		for _, i := range slices.Compact(sharing) {
			b := rules[i]
			if overrides(a, b) || overrides(b, a) {
				continue
			}
			if a.Notice.ValidUntil.Before(b.Notice.Effective) || b.Notice.ValidUntil.Before(a.Notice.Effective) {
				continue
			}
			if !overlap(a.Notice, b.Notice) {
				continue
			}
			if l.set.Satisfiable(a.Program, b.Program) {
				l.errorf(b.Notice.File, b.Pos, "rule %q (allow) and rule %q (forbid, %s:%d) can both apply to the same activity with no stated precedence: add overrides to one of them",
					b.ID, a.ID, a.Notice.File, a.Pos.Line)
			}
		}
	}
}

// perPerson checks a term's amount for each person against its words: the
// figure with its unit (400元) must be in the term's value and in its text
// or a reading the rule cites (个人缴纳200元 is the reading of 50%的资助),
// so that a total counted from it says what the notice says. nil when the
// term states none or it does not agree.
func (l *loader) perPerson(file string, r *Rule, ts TermSpec) *Amount {
	a := ts.PerPerson
	if a == nil {
		return nil
	}
	if a.Amount == nil || a.Unit.Value == "" {
		l.errorf(file, a.Pos, "rule %q: term %q: per_person needs amount and unit", r.ID, ts.Name.Value)
		return nil
	}
	if *a.Amount < 0 {
		l.errorf(file, a.Pos, "rule %q: term %q: per_person amount cannot be negative", r.ID, ts.Name.Value)
		return nil
	}
	amt := Amount{Value: *a.Amount, Unit: a.Unit.Value}
	fig := amt.String()
	if !figureIn(ts.Value.Value, fig) {
		l.errorf(file, a.Pos, "rule %q: term %q: per_person %s is not in its value %q", r.ID, ts.Name.Value, fig, ts.Value.Value)
		return nil
	}
	stated := figureIn(ts.Text.Value, fig)
	for _, it := range r.Interpretations {
		stated = stated || figureIn(it.Reading, fig)
	}
	if !stated {
		l.errorf(file, a.Pos, "rule %q: term %q: per_person %s is stated neither in its text nor in a reading the rule cites", r.ID, ts.Name.Value, fig)
		return nil
	}
	return &amt
}

// figureIn reports whether s writes the figure fig (400元) as a number of
// its own: not the end of a longer one (1400元, 0.400元).
func figureIn(s, fig string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], fig)
		if k < 0 {
			return false
		}
		k += i
		if k == 0 || !strings.ContainsAny(s[k-1:k], "0123456789.") {
			return true
		}
		i = k + 1
	}
}
