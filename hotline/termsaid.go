package hotline

// The terms a call asks of (how much, until when, how long to wait) said from the rules' terms.

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// saidTerm is one sentence of terms said: the term's name (untilTerm for
// the day a window ends), the sentence, and its value; left is the days
// from the day asked to a window's end (untilTerm only).
type saidTerm struct {
	name, text, value string
	left              int
}

// untilTerm names the sentence of terms that says when a window ends;
// waitingTerm is the rules' term of a wait before benefits start.
const (
	untilTerm   = "until"
	waitingTerm = "waiting_period"
)

// termsOf is terms with each sentence's term.
// termsHead is the headline's key for an allowed act asked beyond "may I":
// a how or where question (学生医保在哪里交) hears what the plan says, with
// no permission nobody asked for; others hear 可以 on the terms below.
func termsHead(q *Query) string {
	if q.asks.where || q.asks.how {
		return "head.plan"
	}
	return "head.allowed.terms"
}

func (h *Hotline) termsOf(l Lang, q *Query, d *engine.Decision) []saidTerm {
	type term struct {
		name, value, text string
		from              int // the reason it comes from
		perPerson         *rules.Amount
	}
	var ts []term
	seen := map[string]bool{}
	reasons := d.Reasons()
	if d.Verdict == engine.Allowed && !applyingTerms(reasons) {
		// Every reply gives the same verdict (a newborn, a veteran, none of
		// these): the terms said are those of the common case, "none".
		facts, changed := q.EngineFacts(), false
		for _, r := range reasons {
			for _, name := range r.DependsOn {
				if _, given := facts[name]; given {
					continue
				}
				if f, ok := h.eng.Rules().Fact(name); ok && f.Kind == cond.Enum && slices.Contains(f.Values, "none") {
					facts[name], changed = "none", true
				}
			}
		}
		if changed {
			if rd, err := h.eng.Decide(q.engineQuery(facts)); err == nil {
				reasons = rd.Reasons()
			}
		}
	}
	asked := len(q.terms) > 0
	collect := func(permissionsThatMay bool) {
		for i, r := range reasons {
			// the terms asked for are said from any rule that decides (谁负责
			// of a ban, 规定区域 of a rule that may apply); those said unasked
			// only from a permission that applies (缴费：400元/人)
			allow := r.Effect == string(rules.Allow)
			mayApply := asked && r.Status == "may_apply" && (!allow || permissionsThatMay)
			if r.Status != "applies" && !mayApply || !asked && !allow {
				continue
			}
			for _, t := range r.Terms {
				if !seen[t.Name] {
					seen[t.Name] = true
					ts = append(ts, term{t.Name, t.Value, t.Text, i, t.PerPerson})
				}
			}
		}
	}
	collect(false)
	if asked && d.Verdict == engine.Conditional && !slices.ContainsFunc(q.terms, func(n string) bool { return seen[n] }) {
		// 装修垃圾谁负责清运 (conditional on the place): no rule that holds
		// says who; the permission that may hold does (物业, 2日)
		collect(true)
	}
	if len(ts) == 0 {
		return nil
	}
	has := func(n string) bool { return seen[n] }
	// Which terms the call asks for is the vocabulary's asks table (多少钱
	// → fee, assistance); a call asking for none hears its unasked terms
	// (the amount), and a deadline asked after the window hears the wait.
	want := map[string]bool{}
	a := q.asks
	for _, n := range q.terms {
		want[n] = true
	}
	late := has(waitingTerm) && d.Date.After(h.collectionEnd(d))
	if a.deadline && late {
		want[waitingTerm] = true
	}
	if !asked && !a.when || !asked && a.deadline {
		for _, n := range h.voc.Unasked {
			want[n] = true
		}
		if late {
			want[waitingTerm] = true
		}
	}
	// an assistance rule of its own says the amount for this person: it
	// replaces the fee
	from := map[string]int{}
	for _, t := range ts {
		from[t.name] = t.from
	}
	if want["assistance"] && has("assistance") && has("fee") && from["assistance"] != from["fee"] {
		want["fee"] = false
	}
	if len(want) == 0 {
		return nil // 多久内, 几时: the rule's own sentence answers it
	}
	var until, named []saidTerm
	if a.deadline || a.money && len(want) <= 2 && len(q.termsEach) == 0 {
		for _, r := range reasons {
			for _, w := range r.Windows {
				if !w.To.Before(d.Date) && r.Effect == string(rules.Allow) && r.Status == "applies" {
					to := h.day(l, w.To, nil)
					s := h.cat.T(l, "term.until", "window", h.windowName(l, w.Name), "to", to)
					if !slices.ContainsFunc(until, func(t saidTerm) bool { return t.text == s }) {
						until = append(until, saidTerm{untilTerm, s, to, w.To.Sub(d.Date)})
					}
				}
			}
		}
	}
	for _, t := range ts {
		if !want[t.name] {
			continue
		}
		v := spokenDates(t.value)
		key, name := "term."+t.name, t.name
		if _, ok := h.cat.Messages[key]; !ok {
			key = "term.other"
			if _, ok := h.cat.Messages["term_name."+t.name]; ok {
				key, name = "term.named", h.cat.T(l, "term_name."+t.name)
			} else if !isASCII(t.name) {
				// a rule set's own term named in words (清运责任人):
				// the name says what the value is
				key = "term.named"
			}
		}
		said := h.cat.T(l, key, "value", v, "name", name)
		if t.perPerson != nil {
			var fee *rules.Amount
			if t.name != "fee" {
				for _, f := range ts {
					if f.name == "fee" {
						fee = f.perPerson
					}
				}
			}
			said += h.householdTotal(l, q, *t.perPerson, fee)
		}
		named = append(named, saidTerm{name: t.name, text: said, value: v})
	}
	if asked {
		// 新生儿到哪里办: the terms asked are said in the order the
		// vocabulary asks them (参保地点 before 参保方式), not the order of
		// the rules that state them — what is cut for room is the later
		slices.SortStableFunc(named, func(x, y saidTerm) int {
			return cmp.Compare(askedAt(q.terms, x.name), askedAt(q.terms, y.name))
		})
	}
	for _, n := range q.termsEach {
		if !has(n) {
			if s := h.termEach(l, q, d, n); s != "" {
				named = append(named, saidTerm{name: n, text: s, value: s})
			}
		}
	}
	if a.money && !a.deadline {
		// 交多少钱: the amount first, the day it must be paid by after
		return append(named, until...)
	}
	return append(until, named...)
}

// askedAt is where name stands among the terms asked; one not asked (said
// unasked, as the amount) comes after them.
func askedAt(asked []string, name string) int {
	if i := slices.Index(asked, name); i >= 0 {
		return i
	}
	return len(asked)
}

// termEach says a term the rules give only for some values of a fact the
// call leaves open, for each value that gives it (医保有补贴没 — 资助：特困、
// 重度残疾、孤儿等个人缴费全额资助；低保…资助50%): said for the common case
// alone, the answer was the fee of one who gets no help. "" when no fact
// left open gives it.
func (h *Hotline) termEach(l Lang, q *Query, d *engine.Decision, name string) string {
	given := q.EngineFacts()
	for _, r := range d.Reasons() {
		if !slices.ContainsFunc(r.Terms, func(t rules.Term) bool { return t.Name == name }) {
			continue
		}
		for _, f := range r.DependsOn {
			fd, ok := h.eng.Rules().Fact(f)
			if _, said := given[f]; said || !ok || fd.Kind != cond.Enum || slices.Contains(q.denied, f) {
				continue
			}
			var parts []string
			for _, v := range fd.Values {
				rd := h.decideWith(q, f, v)
				if rd == nil {
					continue
				}
				for _, rr := range rd.Reasons() {
					k := slices.IndexFunc(rr.Terms, func(t rules.Term) bool { return t.Name == name })
					if rr.Status != "applies" || k < 0 {
						continue
					}
					parts = append(parts, h.cat.T(l, "term.each", "label", h.cat.Value(l, f, v), "value", spokenDates(rr.Terms[k].Value)))
					break
				}
			}
			if len(parts) == 0 {
				continue
			}
			v := strings.Join(parts, h.cat.T(l, "term.each.sep"))
			if _, ok := h.cat.Messages["term."+name]; ok {
				return h.cat.T(l, "term."+name, "value", v)
			}
			return h.cat.T(l, "term.named", "value", v, "name", name)
		}
	}
	return ""
}

// headFit is the headline key says with the act named, or, when that is
// longer than a first sentence may be, without it.
func (h *Hotline) headFit(l Lang, key, act, when string, kv ...string) string {
	s := h.cat.T(l, key, append([]string{"activity", act, "when", when}, kv...)...)
	if utf8.RuneCountInString(s) > maxHeadline(l) {
		s = h.cat.T(l, key, append([]string{"activity", "", "when", when}, kv...)...)
		// the act's slot left empty leaves its spaces (Yes:  on 20 October)
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return s
}

// numberUnsaid reports whether text holds a number (a run of digits)
// that said does not.
// onlyDaysPassed reports whether the only numbers of a rule's text the
// answer does not say are days on or before the day asked (寒露籽…开始采摘
// 时间统一为 2024 年 10 月 8 日, asked of 10月20日): a start already reached
// is no condition left to the caller, and 可以，但有条件 would send them
// looking for one.
func onlyDaysPassed(text string, day calendar.Date, said string) bool {
	rest := printedDay().ReplaceAllStringFunc(text, func(m string) string {
		g := printedDay().FindStringSubmatch(m)
		y, _ := strconv.Atoi(g[1])
		mo, _ := strconv.Atoi(g[2])
		dd, _ := strconv.Atoi(g[3])
		if dt, err := calendar.NewDate(y, mo, dd); err == nil && !dt.After(day) {
			return ""
		}
		return m
	})
	return rest != text && !numberUnsaid(rest, said)
}

// printedDay is a day as notices print it, spaces and all (2024 年 10 月 8
// 日); compiled on first use.
var printedDay = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日`)
})

func numberUnsaid(text, said string) bool {
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if !strings.Contains(said, text[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// sharesRun reports whether a and b have n characters in a row in common
// (小孩刚生 is read as 新生儿…, which the newborn rule's sentence says).
func sharesRun(a, b string, n int) bool {
	rb := []rune(b)
	for i := 0; i+n <= len(rb); i++ {
		if strings.Contains(a, string(rb[i:i+n])) {
			return true
		}
	}
	return false
}

// valuePart is what a fact's meaning says after its name (居民医保参保特殊
// 情形：新生儿… → 新生儿…).
func valuePart(meaning string) string {
	if i := strings.LastIndex(meaning, "："); i >= 0 {
		return meaning[i+len("："):]
	}
	return meaning
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
