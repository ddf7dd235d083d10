package hotline

// Follow-up questions: what to ask a caller, each answer's outcome, and the fact left unknown.

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// candidate is one reply to a follow-up question.
type candidate struct {
	value any
	label string
}

// candidates lists the replies worth offering for fact: one per region
// of a number the outcomes distinguish, each value of a bool or enum.
func (h *Hotline) candidates(l Lang, fact string, d *engine.Decision) ([]candidate, string) {
	f, ok := h.eng.Rules().Fact(fact)
	if !ok {
		return nil, ""
	}
	switch f.Kind {
	case cond.Bool:
		return []candidate{{true, h.cat.T(l, "reply.yes")}, {false, h.cat.T(l, "reply.no")}}, ""
	case cond.Enum:
		var out []candidate
		for _, v := range f.Values {
			out = append(out, candidate{v, h.valueLabel(l, fact, v)})
		}
		return out, ""
	}
	unit := ""
	if f.Unit != "" {
		unit = h.cat.T(l, "unit."+f.Unit)
		if strings.HasPrefix(unit, "[") {
			unit = f.Unit
		}
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	var out []candidate
	threshold := ""
	seen := map[string]bool{}
	for _, o := range d.Outcomes() {
		for _, fc := range o.When {
			if fc.Fact != fact {
				continue
			}
			lo, hi := fc.Min, fc.Max
			if lo != nil && f.Min != nil && *lo == *f.Min && !fc.MinOpen {
				lo = nil
			}
			var v float64
			var label string
			switch {
			case lo == nil && hi != nil && !fc.MaxOpen:
				v, label = *hi, h.cat.T(l, "reply.at_most", "n", num(*hi), "unit", unit)
			case lo == nil && hi != nil:
				v, label = math.Max(*hi-1, 0), h.cat.T(l, "reply.less_than", "n", num(*hi), "unit", unit)
			case lo != nil && hi == nil && fc.MinOpen:
				v, label = *lo+1, h.cat.T(l, "reply.more_than", "n", num(*lo), "unit", unit)
			case lo != nil && hi == nil:
				v, label = *lo, h.cat.T(l, "reply.at_least", "n", num(*lo), "unit", unit)
			case lo != nil && hi != nil:
				v = (*lo + *hi) / 2
				if f.Integer {
					v = math.Ceil(v)
				}
				label = h.cat.T(l, "reply.between", "lo", num(*lo), "hi", num(*hi), "unit", unit)
			default:
				continue
			}
			if threshold == "" {
				if hi != nil {
					threshold = num(*hi)
				} else if lo != nil {
					threshold = num(*lo)
				}
			}
			if !seen[label] {
				seen[label] = true
				out = append(out, candidate{v, label})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].value.(float64) < out[j].value.(float64) })
	return out, threshold
}

// followUp picks, among the unknown facts a caller can answer and has not
// already stated, the one whose replies settle the most: the one whose
// replies give the most definite verdicts, first in the engine's order on
// a tie. Each reply is decided now, so the operator can read the answer to
// whatever the caller says.
func (h *Hotline) followUp(l Lang, q *Query, d *engine.Decision, facts []string) (FollowUp, bool) {
	best, bestScore := FollowUp{}, -1
	for _, fact := range facts {
		// (离山百把米: a range said on both sides of a line the rules draw
		// settles nothing — it is asked as if unsaid)
		if v, said := q.Facts[fact]; said {
			if _, span := v.(Span); !span {
				continue
			}
		}
		cands, threshold := h.candidates(l, fact, d)
		if len(cands) < 2 {
			continue
		}
		act := q.ActivityName
		for _, u := range q.Understood {
			// the caller's own words read back best — when they are a
			// short phrase, not a span with the rest of the question
			// inside (树枝能不能在地里烧掉)
			// (and verb first: 田埂烧一下子, 开荒烧山 read back as 您田埂烧的
			// 地方, 您荒烧的地方 garble them — the act's name is said)
			if u.Kind == "activity" && utf8.RuneCountInString(u.Words) <= maxEchoRunes && !strings.Contains(u.Words, "…") && h.p.verbFirst1(u.Words) {
				act = u.Words
			}
		}
		if l == EN && q.ActivityEN != "" {
			act = q.ActivityEN
		}
		fu := FollowUp{Fact: fact, Question: h.cat.Question(l, fact, "activity", strings.TrimPrefix(act, "在"), "threshold", threshold)}
		if fu.Question == "" {
			fu.Question = h.factLabel(l, fact) + "?"
		}
		if you, they := h.cat.T(l, "follow.you"), h.cat.T(l, "follow.they"); you != "" && h.p.hasAny(q.Question, h.p.g.ThirdParty) {
			// 邻居在田里烧田埂: the neighbour's field, not the caller's
			fu.Question = strings.ReplaceAll(fu.Question, you, they)
		}
		score := 0
		verdicts := map[engine.Verdict]bool{}
		for _, cd := range cands {
			facts := q.EngineFacts()
			facts[fact] = cd.value
			rd, err := h.eng.Decide(q.engineQuery(facts))
			if err != nil {
				continue // a reply that contradicts what is known is not offered
			}
			if rd.Verdict != engine.Conditional {
				score += 2
			}
			verdicts[rd.Verdict] = true
			// a reply whose answer still depends says on what (答“超过100米”：
			// 要看是不是在禁放区), not a bare 要看情况
			fu.Replies = append(fu.Replies, Reply{Label: cd.label, Facts: map[string]any{fact: cd.value}, Verdict: rd.Verdict,
				Answer: h.replySaid(l, q, fact, cd.value, rd)})
		}
		if len(fu.Replies) < 2 {
			continue
		}
		score += len(verdicts)
		if !slices.ContainsFunc(fu.Replies, func(r Reply) bool { return r.Answer != fu.Replies[0].Answer }) {
			// every reply reads the same: the caller's answer would
			// change nothing the operator can say — asked only if no
			// other question does better
			score = 0
		}
		if score > bestScore {
			best, bestScore = fu, score
		}
	}
	return best, bestScore >= 0
}

// replySaid is what one reply to a follow-up gives. When it still depends
// only on one fact the operator's data settles, it says each outcome
// (答“不是”：要是在城市规划区里，不可以；不是的话，本规则库没有相关规定) — "要看是不是在
// 城市规划区" under every reply read as if the caller's answer changed
// nothing.
func (h *Hotline) replySaid(l Lang, q *Query, fact string, v any, rd *engine.Decision) string {
	said := h.outcomeSaid(l, fact, rd)
	if rd.Verdict != engine.Conditional {
		return said
	}
	var rest []string
	for _, f := range rd.UnknownFacts() {
		if f == fact {
			continue
		}
		if h.askedOf(f) != "operator" {
			return said
		}
		rest = append(rest, f)
	}
	if len(rest) != 1 {
		return said
	}
	qq := *q
	qq.Facts = maps.Clone(q.Facts)
	if qq.Facts == nil {
		qq.Facts = map[string]any{}
	}
	qq.Facts[fact] = v
	if both := h.bothWays(l, &qq, rd, rest); len(both) == 1 {
		return strings.TrimRight(both[0], "。.")
	}
	return said
}

// markMust marks the last k of n sentences as ones to keep.
func markMust(must []bool, n, k int) []bool {
	for len(must) < n {
		must = append(must, false)
	}
	for i := n - k; i < n; i++ {
		must[i] = true
	}
	return must
}

// yearWindow reads a year said on its own with an act (2025年的医保几号开始交)
// as the year a window of the act's notices is named for (2025年度集中参保
// 缴费期, `year_terms` in mandarin.yaml), when there is one and it has not
// passed: the day asked is that window's first day, or the day of the call
// inside it — not the year's 1 January. The window's name is noted.
func (h *Hotline) yearWindow(q *Query, today calendar.Date) {
	if !q.dayWeak || q.Activity == "" || q.DateWords == "" || q.Date.Month() != 1 || q.Date.Day() != 1 {
		return
	}
	y := q.Date.Year()
	// (2025年度 said as the plan is: year_terms)
	said := q.DateWords == strconv.Itoa(y)+"年" || slices.ContainsFunc(h.p.g.YearTerms, func(t string) bool { return q.DateWords == strconv.Itoa(y)+t })
	if !said && !q.planDay {
		return // a year in words (明年 said alone is when), or more than a year
	}
	a, ok := h.eng.Rules().Activity(q.Activity)
	if !ok {
		return
	}
	for _, n := range h.eng.Rules().Notices {
		if !slices.ContainsFunc(n.Rules, func(r *rules.Rule) bool {
			return slices.ContainsFunc(r.Activities, func(ra *rules.Activity) bool { return a.IsA(ra) || ra.IsA(a) })
		}) {
			continue
		}
		for _, w := range n.Windows {
			if !slices.ContainsFunc(h.p.g.YearTerms, func(t string) bool { return strings.Contains(w.Name, strconv.Itoa(y)+t) }) {
				continue
			}
			cw := h.eng.Window(w)
			if cw == nil {
				continue
			}
			for _, iv := range cw.Intervals() {
				if iv.To.Before(today) {
					continue
				}
				q.Date = iv.From
				if q.Date.Before(today) {
					q.Date = today
				}
				for k := range q.Understood {
					if u := &q.Understood[k]; u.Kind == "date" && u.Words == q.DateWords {
						u.Meaning, u.Value, u.Note = q.Date.String(), q.Date.String(), w.Name
					}
				}
				return
			}
		}
	}
}

// kindSaid is the one kind of the query's activity whose words settle
// only facts the caller said, all as said (拉茶果的货车装超了: overloading
// while hauling oil-tea fruit), nil for none or several. A kind is named
// only by a circumstance said to hold (a yes-or-no fact said yes: while
// picking, hauling fruit, emergency works) that nothing else makes hold:
//   - not by a fact said false: 山上 says the act is not done indoors,
//     which makes 丢烟头 no other act (野外丢烟头 is named when 野外 is);
//   - not by a value of a fact (which road, which variety): where an act
//     is done is a fact of the call, the act stays what was said;
//   - not by a fact the rules' implications derive from another (the
//     right to pick follows from holding the hill): it holds for acts of
//     other kinds too — the holder's own picking is no hired picker's.
func (h *Hotline) kindSaid(q *Query) *rules.Activity {
	a, ok := h.eng.Rules().Activity(q.Activity)
	if !ok {
		return nil
	}
	var fit *rules.Activity
	for _, k := range h.eng.Rules().Activities {
		if k.Parent != a || len(k.Implies) == 0 {
			continue
		}
		all := true
		for _, x := range k.Implies {
			v, said := q.Facts[x.Fact.Name]
			all = all && said && sameValue(v, x.Value()) && (x.Value() == true || slices.Contains(h.p.g.PlaceKinds, x.Fact.Name) ||
				deniedOnly(q, x.Fact.Name, h.p.g.Negators) || othersSaid(q, x.Fact.Name, h.p.g.Others)) && !derived(h.eng.Rules(), x.Fact)
		}
		if all {
			if fit != nil {
				return nil // two kinds fit: the caller's words name neither
			}
			fit = k
		}
	}
	if fit == nil && a.Parent != nil && h.ruledOutOwn(q, a) {
		fit = h.placeSibling(q, a)
	}
	return fit
}

// placeSibling is the one kind beside a (under a's parent) that implies only
// place kinds' facts, each as the call said it (填坑 in a pond not on the
// site: 随意倾倒), nil for none or several.
func (h *Hotline) placeSibling(q *Query, a *rules.Activity) *rules.Activity {
	var fit *rules.Activity
	for _, k := range h.eng.Rules().Activities {
		if k == a || k.Parent != a.Parent || len(k.Implies) == 0 {
			continue
		}
		all := true
		for _, x := range k.Implies {
			v, said := q.Facts[x.Fact.Name]
			all = all && said && sameValue(v, x.Value()) && slices.Contains(h.p.g.PlaceKinds, x.Fact.Name)
		}
		if all {
			if fit != nil {
				return nil
			}
			fit = k
		}
	}
	return fit
}

// ruledOutOwn reports whether a is told apart from its parent only by rules
// the call's other facts rule out: a place kind's fact is said, and every
// rule naming a itself is false on the rest (第二十二条's on-site backfill,
// said of a pond elsewhere) — so the act is its parent's, done there.
func (h *Hotline) ruledOutOwn(q *Query, a *rules.Activity) bool {
	own := h.ownRules[a]
	if len(own) == 0 || !slices.ContainsFunc(h.p.g.PlaceKinds, func(f string) bool { _, said := q.Facts[f]; return said }) {
		return false
	}
	set := h.eng.Rules()
	st := set.NewState()
	for i := range st.Bool {
		st.Bool[i] = cond.Unknown // windows too: only facts may rule a rule out
	}
	for name, v := range q.Facts {
		f, ok := set.Fact(name)
		if !ok || slices.Contains(h.p.g.PlaceKinds, name) {
			// ruled out by the place itself, the kind stays named by its
			// words: 装修垃圾 piled where none is designated is still
			// asked of 第十一条's designated point
			continue
		}
		switch x := v.(type) {
		case bool:
			if f.Kind == cond.Bool {
				st.Bool[f.Var.Slot] = cond.TriOf(x)
			}
		case string:
			if f.Kind == cond.Enum {
				st.Str[f.Var.Slot] = x
			}
		}
	}
	for _, r := range own {
		if r.Program == nil || r.Program.Eval(st) != cond.False {
			return false
		}
	}
	return true
}

// deniedOnly reports whether fact was said false by words that deny (冇批,
// 没得审批: a negator in them, no fact said true): the lack itself said, as
// 未经批准 names the unapproved kind — not a consequence of where (山上: in
// forest land, so not indoors; 上坟: not indoors, yet burning paper there
// may be any rite's).
func deniedOnly(q *Query, fact string, negators []string) bool {
	for _, u := range q.Understood {
		if u.Kind != "fact" || u.Fact != fact || u.Value != false ||
			!slices.ContainsFunc(negators, func(n string) bool { return strings.Contains(u.Words, n) }) {
			continue
		}
		if !slices.ContainsFunc(q.Understood, func(o Understood) bool { return o.Words == u.Words && o.Value != false }) {
			return true
		}
	}
	return false
}

// othersSaid reports whether fact was said false by words naming another
// as whose it is (邻居山上, 隔壁婶娘的茶山: not the caller's own hill) — the
// other named outright, as 他人山上 names the kind, not a consequence of
// where.
func othersSaid(q *Query, fact string, others []string) bool {
	return slices.ContainsFunc(q.Understood, func(u Understood) bool {
		return u.Kind == "fact" && u.Fact == fact && u.Value == false &&
			slices.ContainsFunc(others, func(o string) bool { return strings.Contains(u.Words, o) })
	})
}

// derived reports whether one of the set's implications sets fact true
// (own_land → picking_right): a consequence of other facts.
func derived(set *rules.Set, fact *rules.Fact) bool {
	for _, im := range set.Implications {
		if im.Fact == fact && im.Bool {
			return true
		}
	}
	return false
}

// dropContradicted is q's engine query without the facts a contradiction's
// message names (as whole words), and those facts with their values; none
// when it names none of them.
func dropContradicted(q *Query, msg string) (engine.Query, engine.Facts) {
	return dropNamed(q.engineQuery(q.EngineFacts()), msg)
}

// dropNamed is eq without the facts msg names (as whole words), and those
// facts with their values; none when it names none of them.
func dropNamed(eq engine.Query, msg string) (engine.Query, engine.Facts) {
	var dropped engine.Facts
	for name, v := range eq.Facts {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).MatchString(msg) {
			if dropped == nil {
				dropped = engine.Facts{}
			}
			dropped[name] = v
			delete(eq.Facts, name)
		}
	}
	return eq, dropped
}

// sameEitherWay decides eq with each of the contradicting facts alone put
// back. When every one of them gives the same verdict, and it is not
// 要看情况, which of them is true does not matter: that decision, with the
// first fact by name (so the answer is stable), is the answer, and the
// fact's name is returned. "" otherwise: the contradiction is asked about.
func (h *Hotline) sameEitherWay(eq engine.Query, dropped engine.Facts) (*engine.Decision, string) {
	if len(dropped) < 2 {
		return nil, ""
	}
	names := make([]string, 0, len(dropped))
	for name := range dropped {
		names = append(names, name)
	}
	sort.Strings(names)
	var first *engine.Decision
	for _, name := range names {
		one := eq
		one.Facts = make(engine.Facts, len(eq.Facts)+1)
		for k, v := range eq.Facts {
			one.Facts[k] = v
		}
		one.Facts[name] = dropped[name]
		d, err := h.eng.Decide(one)
		if err != nil || d.Verdict == engine.Conditional || (first != nil && d.Verdict != first.Verdict) {
			return nil, ""
		}
		if first == nil {
			first = d
		}
	}
	return first, names[0]
}

// impliesFact reports whether a's words settle fact.
func impliesFact(a *rules.Activity, fact string) bool {
	for _, x := range a.Implies {
		if x.Fact != nil && x.Fact.Name == fact {
			return true
		}
	}
	return false
}

// actSaid is the caller's own words for the query's activity.
func actSaid(q *Query) string {
	for _, u := range q.Understood {
		if u.Kind == "activity" {
			return u.Words
		}
	}
	return q.ActivityName
}

// spanOfDay decides an act asked of a part of the day said with no clock
// time (q.span: 晚上, 中午, 夜里) at each of its hours. The answer is the
// strictest verdict of the span (不可以, then 要看情况, then no rule, then
// 可以: never 可以 for a span part of which is not), decided at its first
// hour — or, when every hour agrees, at the span's middle hour within the
// day said — and the span's other hours are said after it (q.spanParts).
func (h *Hotline) spanOfDay(q *Query, d *engine.Decision) (*engine.Decision, error) {
	if q.span == nil || q.timed {
		return d, nil
	}
	strict := map[engine.Verdict]int{engine.Forbidden: 0, engine.Conditional: 1, engine.NoRule: 2, engine.Allowed: 3}
	from, to := q.span[0], q.span[1]
	verdicts := make([]engine.Verdict, 0, to-from)
	facts := q.EngineFacts()
	pick, same := from, true
	for hr := from; hr < to; hr++ {
		eq := q.engineQuery(facts)
		t, err := q.Date.AddDays(hr/24).At(hr%24, 0)
		if err != nil {
			return d, nil
		}
		eq.At, eq.Day = t.Time(), calendar.Date{}
		hd, err := h.eng.Decide(eq)
		if err != nil {
			return d, nil // the day's answer, as the facts allow
		}
		verdicts = append(verdicts, hd.Verdict)
		same = same && hd.Verdict == verdicts[0]
		if strict[hd.Verdict] < strict[verdicts[pick-from]] {
			pick = hr
		}
	}
	if same {
		// the middle hour, within the day said (三十夜里 is 除夕's)
		pick = min((from+to)/2, 23)
	}
	q.Date = q.Date.AddDays(pick / 24)
	q.timed, q.minute = true, pick%24*60
	q.Time = calendar.ClockText(q.minute)
	chosen := verdicts[pick-from]
	for i := 0; i < len(verdicts); {
		j := i
		for j < len(verdicts) && verdicts[j] == verdicts[i] {
			j++
		}
		if verdicts[i] != chosen {
			end := calendar.ClockText((from + j) % 24 * 60)
			if (from+j)%24 == 0 {
				end = "24:00" // the day's end, as the engine's day parts say it
			}
			q.spanParts = append(q.spanParts, engine.DayPart{From: calendar.ClockText((from + i) % 24 * 60), To: end, Verdict: verdicts[i]})
		}
		i = j
	}
	return h.eng.Decide(q.engineQuery(facts))
}

// hoursOfDay answers an act asked of a day, with no hour said, whose
// verdict differs between the day's hours (湘潭县's organised burning: not
// from 18:00 to 8:00, the day's hours left to the other conditions): it
// depends on the hour — 要看情况, with every part of the day said — never
// the verdict of most of the day for all of it (the night's 不可以, or a
// 可以 some hours forbid). An answer that depends on a fact already
// (要看情况), or of no rule for most of the day, keeps its own, with the
// hours whose answer differs said.
func hoursOfDay(q *Query, d *engine.Decision) *engine.Decision {
	if q.timed || q.span != nil || len(d.DayParts) == 0 || d.Verdict != engine.Forbidden && d.Verdict != engine.Allowed {
		return d // (most of the day under no rule says the hours some rule bans)
	}
	all := make([]engine.DayPart, 0, 2*len(d.DayParts)+1)
	at := "00:00"
	for _, p := range d.DayParts {
		if p.From != at {
			all = append(all, engine.DayPart{From: at, To: p.From, Verdict: d.Verdict})
		}
		all = append(all, p)
		at = p.To
	}
	if at != "24:00" {
		all = append(all, engine.DayPart{From: at, To: "24:00", Verdict: d.Verdict})
	}
	d.Verdict, d.DayParts = engine.Conditional, all
	q.byHour = true
	return d
}

// daysOfStretch answers an act asked of a stretch of days said in words
// (霜降前后, 寒露到霜降中间那几天: q.stretch) whose verdict changes inside
// it: it depends on the day — 要看情况, the answer saying the day it
// changes — never the first day's 不可以 for days some of which allow it,
// nor its 可以 for days some forbid. A stretch whose days share one
// verdict keeps it; so does an answer that depends on a fact already.
func daysOfStretch(q *Query, d *engine.Decision) *engine.Decision {
	if !q.stretch || q.DateEnd == nil || d.NextChange == nil || d.NextChange.Date.After(*q.DateEnd) ||
		d.Verdict != engine.Forbidden && d.Verdict != engine.Allowed {
		return d
	}
	q.firstVerdict, q.byDay = d.Verdict, true
	d.Verdict = engine.Conditional
	return d
}

// clockedWindows reports whether a window of the rule set has times of
// day (郑州's 7时至23时): only then can a part of the day said change an
// answer, and is it read (daySpan).
func clockedWindows(eng *engine.Engine) bool {
	for _, n := range eng.Rules().Notices {
		for _, w := range n.Windows {
			if cw := eng.Window(w); cw != nil && cw.Clocked() {
				return true
			}
		}
	}
	return false
}

// kindsSaid, for a no_rule answer on an act no rule governs itself whose
// narrower kinds a rule does govern (the decision's kinds_governed note:
// 砍伐油茶树, of which 8号 二 forbids 随意砍伐 while picking), says each such
// kind with its verdict on what the caller said (但随意砍伐油茶树：不可以) —
// a bare "no rule" reads as if nothing bound the act at all. At most two.
func (h *Hotline) kindsSaid(l Lang, q *Query, d *engine.Decision) []string {
	if q == nil || !slices.ContainsFunc(d.Notes(), func(n engine.Note) bool { return n.Code == "kinds_governed" }) {
		return nil
	}
	set := h.eng.Rules()
	act, ok := set.Activity(q.Activity)
	if !ok {
		return nil
	}
	var out []string
	for _, k := range set.Activities {
		if k == act || !k.IsA(act) || len(out) == 2 {
			continue
		}
		kq := *q
		kq.Activity = k.ID
		kd, err := h.eng.Decide(kq.engineQuery(q.EngineFacts()))
		if err != nil || kd.Verdict == engine.NoRule {
			continue
		}
		name := k.Name
		if l == EN && k.EN != "" {
			name = k.EN
		}
		out = append(out, h.cat.T(l, "no_rule.kind", "kind", name, "verdict", h.outcomeSaid(l, "", kd), "grounds", h.grounds(l, kd)))
	}
	return out
}

// noRuleAsk is the sentence closing a no_rule answer: that it is not 可以,
// and whom to ask — the body a notice gives what its rules leave (the
// decision's referred note: outside the planning area, 各镇人民政府), else
// the department in charge. A caller who asked who deals with it (乡里倒渣土
// 归哪个管) is told whom.
func noRuleAsk(c *Catalog, l Lang, d *engine.Decision) string {
	for _, n := range d.Notes() {
		if n.Code == "referred" && n.Args["who"] != "" {
			return c.T(l, "no_rule.referred", "who", n.Args["who"])
		}
	}
	return c.T(l, "no_rule.not_allowed")
}

// householdTotal says what the people the call counts pay in all, from
// the amount a term states for each (6个人一共2400元): "" for one person,
// a count not heard, or nothing to pay. fee is the plan's own amount when
// the term is another's share (低保 200元): members counted apart (五口人，
// 有两个是低保) pay two amounts, and the answer says it has not counted
// them rather than counting every member at one.
func (h *Hotline) householdTotal(l Lang, q *Query, each rules.Amount, fee *rules.Amount) string {
	if q.household < 2 || each.Value == 0 {
		return ""
	}
	if fee != nil && q.apart {
		return h.cat.T(l, "term.total_apart", "count", strconv.Itoa(q.household), "fee", fee.String())
	}
	total := rules.Amount{Value: each.Value * float64(q.household), Unit: each.Unit}
	return h.cat.T(l, "term.total", "count", strconv.Itoa(q.household), "total", total.String())
}
