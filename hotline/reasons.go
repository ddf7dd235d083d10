package hotline

// Why: the deciding reason, the windows, when the verdict changes next, and conditions said in words.

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// decidingReason is the first reason that decides d: one that applies,
// else, for a conditional answer, one that may.
func decidingReason(d *engine.Decision) (engine.Reason, bool) {
	for _, st := range []string{"applies", "may_apply"} {
		for _, r := range d.Reasons() {
			if r.Status == st && r.Text != "" {
				return r, true
			}
		}
	}
	return engine.Reason{}, false
}

func applyingTerms(rs []engine.Reason) bool {
	for _, r := range rs {
		if r.Status == "applies" && r.Effect == string(rules.Allow) && len(r.Terms) > 0 {
			return true
		}
	}
	return false
}

// collectionEnd is the last day of the allowed window of a decision's
// reasons, or the decision's day when there is none.
func (h *Hotline) collectionEnd(d *engine.Decision) calendar.Date {
	end := d.Date
	for _, r := range d.Reasons() {
		for _, w := range r.Windows {
			if strings.Contains(w.Name, "期外") {
				return w.From.AddDays(-1)
			}
		}
	}
	return end
}

func (h *Hotline) factLabel(l Lang, name string) string {
	f, ok := h.eng.Rules().Fact(name)
	switch {
	case !ok && name == engine.PlaceFact:
		return h.cat.T(l, "outcome.place")
	case !ok:
		return name
	}
	if l == EN {
		return f.EN
	}
	return f.ZH
}

// why renders one reason as one sentence with its document, article and
// the quoted text.
func (h *Hotline) why(l Lang, d *engine.Decision, r engine.Reason, eitherWay bool) string {
	c := h.cat
	art := c.Article(l, r.Article)
	var s string
	status := r.Status
	if eitherWay && status == "may_apply" {
		status = "applies"
	} else if eitherWay {
		return ""
	}
	switch status {
	case "applies":
		if d.Verdict == engine.Forbidden && r.Effect != string(rules.Forbid) ||
			d.Verdict == engine.Allowed && r.Effect != string(rules.Allow) {
			return ""
		}
		s = c.T(l, "why.applies", "notice", r.Notice, "article", art, "text", r.Text)
	case "may_apply":
		if d.Verdict != engine.Conditional {
			return ""
		}
		var subj []string
		for _, f := range r.DependsOn {
			if slices.Contains(d.UnknownFacts(), f) {
				subj = append(subj, c.Subject(l, f, h.factLabel(l, f)))
			}
		}
		if len(subj) == 0 {
			return ""
		}
		s = c.T(l, "why.may_apply", "notice", r.Notice, "article", art, "text", r.Text, "depends", strings.Join(subj, c.T(l, "list.sep")))
	case "overridden":
		return c.T(l, "why.overridden", "notice", r.Notice, "article", art, "by", r.OverriddenBy)
	default:
		return ""
	}
	if r.Window != "" {
		s += c.T(l, "why.window", "window", r.Window)
	}
	if r.TitleLevel {
		s += c.T(l, "why.title_level")
	}
	return s
}

// penaltyBans finds the rules whose sentence is a penalty of their own
// (9号 六: 对妨碍执法人员执行公务的,由公安机关……予以处罚): a ban read from the
// clause that punishes the act.
func penaltyBans(eng *engine.Engine) (map[[2]string]bool, map[string]bool) {
	out, acts := map[[2]string]bool{}, map[string]bool{}
	for _, n := range eng.Rules().Notices {
		for _, r := range n.Rules {
			if r.Effect == rules.Forbid && slices.ContainsFunc(r.Penalties, func(p *rules.Penalty) bool { return p.Text == r.Text }) {
				out[[2]string{n.Number, r.ID}] = true
				for _, a := range r.Activities {
					acts[a.ID] = true
				}
			}
		}
	}
	// a kind of a covered activity is covered too
	for _, a := range eng.Rules().Activities {
		for k := a.Parent; k != nil; k = k.Parent {
			if acts[k.ID] {
				acts[a.ID] = true
				break
			}
		}
	}
	return out, acts
}

// banIsPenalty reports whether a forbidden answer rests on a ban read
// from the clause that punishes its act: the penalty is the article's
// whole content, so the answer says it whatever was asked, as its reading
// requires (obstruction-punished-means-forbidden).
func (h *Hotline) banIsPenalty(d *engine.Decision) bool {
	if d.Verdict != engine.Forbidden || !h.penaltyActs[d.Activity().ID] {
		return false
	}
	return slices.ContainsFunc(d.Reasons(), func(r engine.Reason) bool {
		return r.Status == "applies" && h.penaltyBans[[2]string{r.Notice, r.Rule}]
	})
}

// whyAlso is the grounds of a rule that may also forbid an act another
// rule forbids: said with the facts it turns on — those of its unknown
// facts some value of which makes it apply (in a yard or not), not those
// that change nothing (重点森林防火区 inside the 禁火期) — "" for a reason
// that does not forbid, applies already, or turns on none. Decided again
// per value: only for a forbidden answer with such a reason.
func (h *Hotline) whyAlso(l Lang, q *Query, d *engine.Decision, r engine.Reason) string {
	if r.Status != "may_apply" || r.Effect != string(rules.Forbid) || q == nil {
		return ""
	}
	facts := q.EngineFacts()
	var subj []string
	for _, f := range r.DependsOn {
		if _, given := facts[f]; given {
			continue
		}
		fd, ok := h.eng.Rules().Fact(f)
		if !ok {
			continue
		}
		var values []any
		switch fd.Kind {
		case cond.Bool:
			values = []any{true, false}
		case cond.Enum:
			for _, v := range fd.Values {
				values = append(values, v)
			}
		}
		for _, v := range values {
			with := maps.Clone(facts)
			with[f] = v
			dv, err := h.eng.Decide(q.engineQuery(with))
			if err == nil && slices.ContainsFunc(dv.Reasons(), func(o engine.Reason) bool { return o.Rule == r.Rule && o.Status == "applies" }) {
				subj = append(subj, h.cat.Subject(l, f, h.factLabel(l, f)))
				break
			}
		}
	}
	if len(subj) == 0 {
		return ""
	}
	c := h.cat
	s := c.T(l, "why.may_apply", "notice", r.Notice, "article", c.Article(l, r.Article), "text", r.Text, "depends", strings.Join(subj, c.T(l, "list.sep")))
	if r.Window != "" {
		s += c.T(l, "why.window", "window", r.Window)
	}
	return s
}

// windowName is a window's name as said: in Chinese its short name; in
// English, which the rule files do not name windows in, "the period".
func (h *Hotline) windowName(l Lang, name string) string {
	if l == EN {
		return h.cat.T(l, "window.this")
	}
	return shortWindow(name)
}

// shortWindow drops a window name's parenthetical: 禁火期（一般森林防火区）→ 禁火期.
func shortWindow(name string) string {
	if i := strings.Index(name, "（"); i > 0 {
		return name[:i]
	}
	return name
}

// begun says, for each window of a permitting rule that may apply, that
// it began on its first day (寒露籽采摘期从10月8日开始，已经开始了), and
// for each window of a forbidding rule that may apply, the day after its
// last (霜降籽开始采摘日前到10月22日为止，从10月23日起不再因此禁止) —
// unless the next change already says that day.
func (h *Hotline) begun(l Lang, d *engine.Decision, q *Query, said string) []string {
	var out []string
	next := ""
	if d.NextChange != nil {
		next = d.NextChange.Date.String()
	}
	for _, r := range d.Reasons() {
		if r.Defeated() {
			continue
		}
		for _, w := range r.Windows {
			if !w.Start.IsZero() {
				continue
			}
			var s string
			switch {
			case r.Effect == string(rules.Allow) && !w.From.After(d.Date):
				if strings.Contains(said, h.day(l, w.From, q)) {
					continue // the run said already says since when (从10月8日起…)
				}
				s = h.cat.T(l, "when.begun", "window", h.windowName(l, w.Name), "from", h.day(l, w.From, q))
			case r.Effect == string(rules.Forbid) && !w.To.Before(d.Date) && w.To.AddDays(1).String() != next &&
				!h.forbidsOn(q, r.Rule, w.To.AddDays(1)):
				s = h.cat.T(l, "when.until", "window", h.windowName(l, w.Name), "to", h.day(l, w.To, q), "next", h.day(l, w.To.AddDays(1), q))
			default:
				continue
			}
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// forbidsOn reports whether rule still forbids the query's act on day: a
// window that ends is not the ban's end when the rule's next window takes
// over (专项整治期 ends, 常态化整治 goes on forbidding), and saying
// 不再因此禁止 then would read aloud as 可以. Decided only for a when-question
// whose forbidding window ends, never on the common path.
func (h *Hotline) forbidsOn(q *Query, rule string, day calendar.Date) bool {
	eq := q.engineQuery(q.EngineFacts())
	eq.Day, eq.At = day, time.Time{}
	d, err := h.eng.Decide(eq)
	if err != nil {
		return true // unknown: do not say the ban ends
	}
	for _, r := range d.Reasons() {
		if r.Rule == rule && r.Effect == string(rules.Forbid) && !r.Defeated() {
			return true
		}
	}
	return false
}

// nextChange says when the answer changes — "从10月23日起可以", or "起要看
// …" with what it will then depend on (从5月1日起要看是不是重点森林防火区) —
// naming the window that ends.
func (h *Hotline) nextChange(l Lang, d *engine.Decision, q *Query) string {
	if d.NextChange == nil {
		return ""
	}
	c := h.cat
	v := c.Verdict(l, string(d.NextChange.Verdict))
	if at := d.NextChange.At; at.Minute() != 0 {
		// A window with times of day changes the answer within a day:
		// say the hour (从3月1日22点起不可以).
		return c.T(l, "next.plain", "date", h.moment(l, at, q), "verdict", v)
	}
	if d.NextChange.Verdict == engine.Conditional {
		// what it will then depend on: the same question decided that day
		nq := *q
		nq.Date, nq.timed = d.NextChange.Date, false
		if nd, err := h.eng.Decide(nq.engineQuery(q.EngineFacts())); err == nil && nd.Verdict == engine.Conditional {
			v = h.verdictSaid(l, nd)
		}
	}
	next := h.day(l, d.NextChange.Date, q)
	end := d.NextChange.Date.AddDays(-1)
	// The window that ends is named when its name says a period
	// (禁火期到2025年4月30日结束) and it is the only one ending then; a
	// rule's window named otherwise (霜降籽、良种油茶开始采摘日前, 集中参保
	// 缴费期外，等待期满时…) or one of several (寒露籽采摘期 for a caller
	// picking 霜降籽) is not read: the answer says until when it holds.
	var names []string
	for _, r := range d.Reasons() {
		if r.Defeated() {
			continue
		}
		for _, w := range r.Windows {
			if n := shortWindow(w.Name); w.To == end && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	switch {
	case len(names) == 1 && isPeriodName(names[0]):
		return c.T(l, "next.window_end", "window", h.windowName(l, names[0]), "end", h.day(l, end, q), "date", next, "verdict", v)
	case len(names) > 0:
		now := h.verdictSaid(l, d)
		if q != nil && q.byDay {
			// the stretch's first days keep their own verdict (到10月22日不可以)
			now = c.Verdict(l, string(q.firstVerdict))
		}
		return c.T(l, "next.until", "now", now, "end", h.day(l, end, q), "date", next, "verdict", v)
	}
	return c.T(l, "next.plain", "date", next, "verdict", v)
}

// noticeBounds reports whether day is the first after a reason's notice's
// validity ends, or its first day in force: a change of the rule base,
// not a season's turn.
func (h *Hotline) noticeBounds(rs []engine.Reason, day calendar.Date) bool {
	for _, r := range rs {
		if n, ok := h.eng.Rules().Notice(r.Notice); ok && (n.ValidUntil == day.AddDays(-1) || n.Effective == day) {
			return true
		}
	}
	return false
}

// isPeriodName reports whether a window's name says a period, so that
// "…到…结束" reads: 禁火期, 寒露籽采摘期, 专项整治期 — not a rule's
// description (霜降籽、良种油茶开始采摘日前; 集中参保缴费期外，等待期满时…).
func isPeriodName(name string) bool {
	return strings.HasSuffix(name, "期") && !strings.ContainsAny(name, "，,；;")
}

// changeSaid reports whether the next change is read aloud: when a
// window of the decision's rules ends or begins within a year of the day
// asked — a season's turn (禁火期到4月30日结束). A notice's own expiry
// (从2026年1月1日起本规则库没有相关规定 after 选择性参保是禁止的) and a
// change years away are the operator's to read in the details: heard,
// they sound like a permission to come. A question asking when hears a
// season's turn however far: it is the answer.
func (h *Hotline) changeSaid(d *engine.Decision, when bool) bool {
	nc := d.NextChange
	if nc == nil || !when && nc.Date.After(d.Date.AddDays(366)) {
		return false
	}
	if nc.At.Minute() != 0 {
		return true // within a day (a nightly ban's hours)
	}
	// the notice's own expiry first: a window ending with it (the
	// insurance year's late window, to 12月31日) does not make it a
	// season's turn — 从2026年1月1日起本规则库没有相关规定 after 可以 is
	// heard as a permission ending
	rs := d.Reasons()
	if h.noticeBounds(rs, nc.Date) {
		return false
	}
	for _, r := range rs {
		for _, w := range r.Windows {
			if w.To == nc.Date.AddDays(-1) || w.From == nc.Date {
				return true
			}
		}
	}
	return true
}

// verdictSaid is a verdict as said in a sentence about a day: the word, or
// for a conditional answer what it depends on (要看是不是重点森林防火区).
func (h *Hotline) verdictSaid(l Lang, x *engine.Decision) string {
	c := h.cat
	v := c.Verdict(l, string(x.Verdict))
	if x.Verdict == engine.Conditional {
		var subjects []string
		for _, f := range x.UnknownFacts() {
			if len(subjects) < 2 {
				subjects = append(subjects, c.Subject(l, f, h.factLabel(l, f)))
			}
		}
		if len(subjects) > 0 {
			v = c.T(l, "when.depends", "facts", strings.Join(subjects, c.T(l, "list.sep")))
		}
	}
	return v
}

// moment speaks a minute as its day and hour: 3月1日22点, 3月1日6点30分.
func (h *Hotline) moment(l Lang, t calendar.DateTime, q *Query) string {
	date := h.day(l, t.Date(), q)
	return h.cat.T(l, "at", "date", date, "clock", h.clock(l, calendar.ClockText(t.Minute())))
}

// clock speaks a time of day written HH:MM (24:00 the end of a day): 22点.
func (h *Hotline) clock(l Lang, hhmm string) string {
	hh, mm, _ := strings.Cut(hhmm, ":")
	hour, _ := strconv.Atoi(hh)
	key := "clock"
	if mm != "00" {
		key = "clock.minutes"
	}
	return h.cat.T(l, key, "h", strconv.Itoa(hour), "m", mm)
}

// dayParts says the parts of the day asked about whose answer differs
// (当天0点到6点不可以，22点到24点不可以), "" when there are none.
func (h *Hotline) dayParts(l Lang, d *engine.Decision) string {
	if len(d.DayParts) == 0 {
		return ""
	}
	c := h.cat
	parts := make([]string, 0, len(d.DayParts))
	for _, p := range d.DayParts {
		parts = append(parts, c.T(l, "day_part", "from", h.clock(l, p.From), "to", h.clock(l, p.To), "verdict", c.Verdict(l, string(p.Verdict))))
	}
	return c.T(l, "day_parts", "parts", strings.Join(parts, c.T(l, "day_parts.sep")))
}

// condText renders one fact's answer in an outcome: "离山林多远 ≤ 100".
func (h *Hotline) condText(l Lang, fc engine.FactCondition) string {
	subject := h.factLabel(l, fc.Fact)
	switch {
	case len(fc.Places) > 0:
		return h.cat.T(l, "outcome.value", "fact", subject, "value", h.cat.Places(l, fc.Places))
	case fc.Value != nil:
		return h.cat.T(l, "outcome.value", "fact", subject, "value", h.valueLabel(l, fc.Fact, fc.Value))
	case fc.Text == "any":
		return h.cat.T(l, "outcome.any", "fact", subject)
	case len(fc.OtherThan) > 0:
		values := make([]string, len(fc.OtherThan))
		for i, v := range fc.OtherThan {
			values[i] = h.valueLabel(l, fc.Fact, v)
		}
		return h.cat.T(l, "outcome.other_than", "fact", subject, "values", strings.Join(values, h.cat.T(l, "list.sep")))
	}
	return subject + " " + fc.Text
}

func (h *Hotline) valueLabel(l Lang, fact string, v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return h.cat.T(l, "reply.yes")
		}
		return h.cat.T(l, "reply.no")
	case string:
		if s := h.cat.Value(l, fact, x); s != "" {
			return s
		}
		if f, ok := h.eng.Rules().Fact(fact); ok && f.Labels[x] != "" && l == ZH {
			return f.Labels[x]
		}
		return x
	}
	return fmt.Sprint(v)
}
