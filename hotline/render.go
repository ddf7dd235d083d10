package hotline

// Rendering a decision as the spoken answer and its details: verdict, day, grounds, fines, both ways of an unknown fact.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Render turns a decision into the answer read out to a caller.
func (h *Hotline) Render(q *Query, d *engine.Decision, l Lang) *Answer {
	c := h.cat
	a := &Answer{Intent: IntentDecision, Query: q, Verdict: d.Verdict, FollowUp: []FollowUp{}, Reasons: d.Reasons(), Decision: d, Lang: l,
		Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood}}
	act := h.actWords(q, d, l)
	when := h.whenOf(l, d.Date, q)
	if q.Place != "" && d.Place != nil && d.Place.Name != "" {
		// 钱塘区能放鞭炮吗: the place the caller named, whose notices
		// answered (本规则库没有相关规定：1月20日在钱塘区燃放烟花爆竹)
		when += c.T(l, "where.town", "town", d.Place.Name)
	}
	var subjects []string
	var callerFacts, operatorFacts []string
	for _, f := range d.UnknownFacts() {
		if h.askedOf(f) == "operator" {
			operatorFacts = append(operatorFacts, f)
		} else {
			callerFacts = append(callerFacts, f)
		}
		if len(subjects) < 2 {
			subjects = append(subjects, c.Subject(l, f, h.factLabel(l, f)))
		}
	}
	if len(subjects) == 0 && q.byHour {
		subjects = append(subjects, c.T(l, "subject.hour")) // 要看几点
	}
	if len(subjects) == 0 && q.byDay {
		subjects = append(subjects, c.T(l, "subject.day")) // 要看哪一天
	}
	head := string(d.Verdict)
	if q.required && d.Verdict == engine.Forbidden {
		head = "required" // 要盖篷布吗: 要, and the breach is forbidden
	}
	a.Headline = c.T(l, "head."+head, "activity", act, "when", when, "facts", strings.Join(subjects, c.T(l, "list.sep")))
	if utf8.RuneCountInString(a.Headline) > maxHeadline(l) {
		a.Headline = c.T(l, "head."+head, "activity", act, "when", when, "facts", subjects0(subjects))
	}
	if utf8.RuneCountInString(a.Headline) > maxHeadline(l) {
		a.Headline = c.T(l, "head.short."+head, "when", when)
	}
	plainHead := a.Headline
	// Details: every reason with its quotation, outcomes, penalties …
	for _, r := range a.Reasons {
		if s := h.why(l, d, r, false); s != "" {
			a.Details.Why = append(a.Details.Why, s)
		}
		for _, w := range r.Windows {
			from, to := h.day(l, w.From, nil), h.day(l, w.To, nil)
			if !w.Start.IsZero() {
				from, to = h.moment(l, w.Start, nil), h.moment(l, w.End, nil)
			}
			s := c.T(l, "window", "name", w.Name, "from", from, "to", to)
			if !slices.Contains(a.Details.Windows, s) {
				a.Details.Windows = append(a.Details.Windows, s)
			}
		}
		for _, it := range r.Interpretations {
			s := c.T(l, "interpretation", "words", it.Words, "reading", it.Reading)
			if !slices.Contains(a.Details.Interpretations, s) {
				a.Details.Interpretations = append(a.Details.Interpretations, s)
			}
		}
	}
	if d.Verdict == engine.Forbidden {
		// 烧稻草 80 m from the forest: 6号's title decides it, and 7号 三
		// forbids it too away from a yard — the operator sees both
		for _, r := range a.Reasons {
			if s := h.whyAlso(l, q, d, r); s != "" && !slices.Contains(a.Details.Why, s) {
				a.Details.Why = append(a.Details.Why, s)
			}
		}
	}
	if len(a.Details.Why) == 0 && (d.Verdict == engine.Forbidden || d.Verdict == engine.Allowed) {
		for _, r := range a.Reasons {
			if s := h.why(l, d, r, true); s != "" && !slices.Contains(a.Details.Why, s) {
				a.Details.Why = append(a.Details.Why, s)
			}
		}
	}
	for _, u := range q.Understood {
		// One phrase gives several facts (长虹街道: town, 城区, 规划区), each
		// with the same note: say it once.
		if s := c.T(l, "read.fact_note", "words", u.Words, "note", u.Note); u.Note != "" && !slices.Contains(a.Details.Interpretations, s) {
			a.Details.Interpretations = append(a.Details.Interpretations, s)
		}
	}
	var unsaid []string // the other outcome of a fact the call said nothing of
	for _, f := range q.presumed {
		u := h.voc.Questions[f].Unsaid
		if it := h.interpretation(u.Interpretation); it != nil {
			if s := c.T(l, "interpretation", "words", it.Words, "reading", it.Reading); !slices.Contains(a.Details.Interpretations, s) {
				a.Details.Interpretations = append(a.Details.Interpretations, s)
			}
		}
		say := u.Say.ZH
		if l == EN {
			say = u.Say.EN
		}
		unsaid = append(unsaid, say)
	}
	for _, o := range d.Outcomes() {
		var parts []string
		for _, fc := range o.When {
			parts = append(parts, h.condText(l, fc))
		}
		a.Details.Outcomes = append(a.Details.Outcomes, c.T(l, "outcome", "when", strings.Join(parts, c.T(l, "outcome.and")), "verdict", c.Verdict(l, string(o.Verdict))))
	}
	a.Details.DayParts = h.dayParts(l, d)
	if a.Details.DayParts == "" && q != nil && len(q.spanParts) > 0 {
		a.Details.DayParts = h.dayParts(l, &engine.Decision{DayParts: q.spanParts})
	}
	a.Details.NextChange = h.nextChange(l, d, q)
	for _, p := range d.Penalties() {
		a.Details.Penalties = append(a.Details.Penalties, p.Text)
	}
	for _, ct := range d.Contacts() {
		a.Details.Contacts = append(a.Details.Contacts, c.T(l, "contact", "name", ct.Name, "phones", ct.Dial(c.T(l, "list.or"))))
	}
	for _, n := range d.Notes() {
		text := n.Text
		if _, ok := c.Messages["note."+n.Code]; ok {
			kv := make([]string, 0, 2*len(n.Args))
			for k, v := range n.Args {
				kv = append(kv, k, v)
			}
			text = c.T(l, "note."+n.Code, kv...)
		}
		a.Details.Notes = append(a.Details.Notes, text)
	}
	said := h.termsOf(l, q, d)
	season, seasonMust := h.seasonTerms(l, q, d)
	if len(season) > 0 {
		// the season says its own days: a later window's end (期外…到
		// 10月1日截止) is no deadline to say beside them
		said = slices.DeleteFunc(said, func(t saidTerm) bool { return t.name == untilTerm })
	}
	terms := make([]string, len(said))
	for i, t := range said {
		terms[i] = t.text
	}
	a.Details.Terms = terms
	headTerm := func(k int) bool { // the k-th term said as the headline
		for _, who := range []string{act, ""} { // the act named, if room
			if s := c.T(l, "head.terms", "activity", who, "when", when, "term", terms[k]); utf8.RuneCountInString(s) <= maxHeadline(l) {
				a.Headline, terms = s, slices.Delete(slices.Clone(terms), k, k+1)
				a.headSaysTerm = true
				return true
			}
		}
		return false
	}
	waitTerm := slices.IndexFunc(said, func(t saidTerm) bool { return t.name == waitingTerm })
	if d.Verdict == engine.Allowed && len(terms) > 0 {
		// A question beyond "may I" about an allowed act (几时开始报销,
		// 60岁还要交吗, 交多少钱, 几时截止) is answered by what the rule
		// says, never by a bare 可以 for the act.
		switch {
		case q.asks.must && (!q.asks.money || q.ageSaid):
			// 60岁还要交吗: 要 — but 特困户还要交钱吗 asks the amount
			// (个人缴纳0元), which 要： would answer wrongly
			key := "head.must.plain"
			if q.ageSaid {
				key = "head.must" // an age said, and no rule reads one
			}
			a.Headline = c.T(l, key, "activity", act, "when", when)
		case waitTerm >= 0 && strings.ContainsAny(said[waitTerm].value, "；;"):
			// 缴费期内交的有没有等待期: a wait with cases (连续参保的无；
			// 未连续参保的90天) is said as its cases, after a headline
			// that says there are some — not put raw after 有等待期
			a.Headline = h.headFit(l, "head.allowed.wait.cases", act, when)
		case waitTerm >= 0:
			// 过了截止日期还能交吗: yes, with a wait before it pays —
			// said first, never a bare 可以
			a.Headline = h.headFit(l, "head.allowed.wait", act, when, "wait", said[waitTerm].value)
			a.headSaysTerm = true
			terms = slices.Delete(slices.Clone(terms), waitTerm, waitTerm+1) // said in the headline
		case q.asks.benefits || q.asks.waiting:
			if !headTerm(0) {
				a.Headline = h.headFit(l, termsHead(q), act, when)
			}
		case q.asks.deadline && slices.ContainsFunc(said, func(t saidTerm) bool { return t.name == untilTerm }):
			k := slices.IndexFunc(said, func(t saidTerm) bool { return t.name == untilTerm })
			a.Headline = h.headFit(l, "head.until", act, when, "to", said[k].value)
			if q.asks.daysLeft {
				// 还有几天截止: the count, said with the day
				key := "head.until.left"
				if said[k].left == 0 {
					key = "head.until.last"
				}
				a.Headline = h.headFit(l, key, act, when, "to", said[k].value, "n", strconv.Itoa(said[k].left))
			}
			a.headSaysTerm = true
			terms = slices.Delete(slices.Clone(terms), k, k+1)
		case q.asks.money || q.asks.deadline || len(q.terms) > 0:
			// 一年交一次还是按月交, 要自己去申请吗: the term asked for is
			// the answer, not the act's 可以; where or how it is done
			// (到哪里办) hears that it may be done so, then the terms
			if termsHead(q) == "head.plan" || !headTerm(0) {
				a.Headline = h.headFit(l, termsHead(q), act, when)
			}
		}
	}
	if d.Verdict == engine.Conditional {
		if f, ok := h.followUp(l, q, d, callerFacts); ok {
			a.FollowUp = append(a.FollowUp, f)
			a.Ask = f.Question
		}
	}
	// The spoken text: the headline, the grounds in short, what the
	// caller asked beyond "may I", when it changes, and the question.
	spoken := []string{a.Headline}
	must := []bool{true} // what decides the answer is never cut for room
	// 什么时候可以烧田埂: a question asking when is answered by the days
	// the answer changes on, right after the verdict for the day asked
	changes := ""
	if q.asks.when {
		// 茶籽今年几时开摘 of a past season's notice: its days with their
		// year, and that none is held for this year
		if changes = h.pastSeason(l, q, d); changes == "" {
			changes = h.changes(l, q, d)
		}
	}
	if changes != "" {
		spoken = append(spoken, changes)
		must = markMust(must, len(spoken), 1)
	}
	groundsAt := -1 // where the grounds are said, -1 for nowhere
	if g := h.grounds(l, d); g != "" {
		spoken = append(spoken, g)
		groundsAt = len(spoken) - 1
	}
	if w := h.witnessSaid(l, q, d); w != "" {
		spoken = append(spoken, w) // 邻居在烧田埂: whom to report it to, as room allows
	}
	spoken = append(spoken, unsaid...)
	if q.quote {
		// 对停车是怎么规定的: what the notice says is the deciding rule's
		// own sentence, right after where it is said
		if r, ok := decidingReason(d); ok {
			spoken = append(spoken, c.T(l, "quote", "text", clip(r.Text, 60)))
			a.asked = append(a.asked, spoken[len(spoken)-1])
		}
	}
	lacking, given := h.feedSpoken(l, d, q)
	spoken = append(spoken, lacking...)
	for _, p := range q.Published {
		spoken = append(spoken, c.T(l, "published", "fact", h.factLabel(l, p.Fact), "source", p.Source))
	}
	var special string // the rule a special case said points to (新生儿)
	if d.Verdict == engine.Allowed {
		// the rule the question's own words point to (新生儿 …) says when
		best, bestScore := "", -1
		var bestTerms []rules.Term
		for _, r := range a.Reasons {
			if r.Status != "applies" || r.Effect != string(rules.Allow) {
				continue
			}
			score := 0
			for _, u := range q.Understood {
				if (u.Kind == "fact" || u.Kind == "place") && (strings.Contains(r.Text, u.Words) || sharesRun(r.Text, valuePart(u.Meaning), 3)) {
					score++
				}
			}
			if score > bestScore {
				best, bestScore, bestTerms = r.Text, score, r.Terms
			}
		}
		saidText := a.Headline + strings.Join(terms, "") // the headline may say a term
		for _, t := range bestTerms {
			if t.Value != "" && strings.Contains(saidText, spokenDates(t.Value)) && !numberUnsaid(best, saidText) {
				// its terms are said already (低保户: 200元) — unless it
				// holds a number they do not (新生儿: 出生后90天内)
				bestScore = 0
			}
		}
		switch {
		case best != "" && q.asks.when && len(terms) == 0:
			spoken = append(spoken, c.T(l, "quote", "text", clip(best, 60)))
			a.asked = append(a.asked, spoken[len(spoken)-1])
		case best != "" && bestScore > 0 && !onlyDaysPassed(best, d.Date, saidText):
			// 新生儿交医保要多少钱: the amount asked, and the rule of the case
			// said, which holds its window (出生后90天内), after it
			special = c.T(l, "quote", "text", clip(best, 40))
		}
	}
	if special != "" && a.Headline == plainHead {
		// the case's own rule holds a condition (出生后90天内): not a
		// bare 可以
		a.Headline = h.headFit(l, "head.allowed.but", act, when)
		spoken[0] = a.Headline
	}
	if q.asks.when && d.Verdict != engine.Allowed {
		// 寒露籽几号开摘, asked after the day: the day it began, and that
		// it has begun (the headline says what it still depends on)
		spoken = append(spoken, h.begun(l, d, q, changes)...)
	}
	spoken = append(spoken, terms...)
	a.asked = append(a.asked, terms...)
	planHead := groundsAt > 0 && len(terms) > 0 && a.Headline == h.headFit(l, "head.plan", act, when)
	if len(season) > 0 {
		// 今年交好多钱 asked after the season: what it set, after what
		// holds on the day — never cut for room when it is the caller's
		// own (低保户: 200元)
		spoken = append(spoken, season...)
		if seasonMust {
			must = markMust(must, len(spoken), len(season))
		}
		a.asked = append(a.asked, season...)
	}
	if special != "" {
		a.asked = append(a.asked, special)
	}
	if len(q.terms) > 0 && len(terms) > 0 && d.Verdict != engine.Allowed {
		// 谁负责, 停哪里 of a ban: the term asked for is the answer, never
		// cut for room (an allowed answer says it in the headline)
		must = markMust(must, len(spoken)-len(terms)+1, 1)
	}
	if special != "" {
		spoken = append(spoken, special)
		if a.Headline != plainHead {
			// 可以，但有条件 says the condition: never cut for room
			// (新生儿的医保在哪里办 lost 出生后90天内 to the places)
			must = markMust(must, len(spoken), 1)
		}
	}
	if d.Verdict == engine.Conditional && len(operatorFacts) > 0 {
		both := h.bothWays(l, q, d, operatorFacts)
		spoken = append(spoken, both...)
		must = markMust(must, len(spoken), len(both))
	}
	if a.Details.DayParts != "" {
		spoken = append(spoken, a.Details.DayParts)
	}
	// The day's parts already say a change within the day.
	// (2026年的医保几号开始交: a plan's year not held says so below, not
	// when the rule base stops speaking)
	if a.Details.NextChange != "" && (a.Details.DayParts == "" || d.NextChange.Date != d.Date) && changes == "" && h.changeSaid(d, q.asks.when) &&
		q.planYear == 0 {
		spoken = append(spoken, a.Details.NextChange)
	}
	if cs := h.claimSaid(l, q, d); cs != "" {
		// 离山五十米以内才不准: the bound heard was wrong — the right one
		// is kept before what else there is room for
		spoken = append(spoken, cs)
		must = markMust(must, len(spoken), 1)
	}
	if q.asks.consequence || h.banIsPenalty(d) {
		if p, np := h.penaltySaid(l, q, d); p != "" {
			spoken = append(spoken, p)
			if q.asks.consequence && d.Verdict == engine.Forbidden {
				// 哪个来处分 of a ban: the penalty is what was asked — kept
				// before any note the call's other words bring (带头: 8号
				// 三); a conditional's question comes first
				must = markMust(must, len(spoken), 1)
			}
			if q.asks.fine {
				// 罚多少: the amount, or that the notice states none
				spoken = append(spoken, h.fineSaid(l, np))
				must = markMust(must, len(spoken), 1)
			}
			if q.asks.basis && len(np.Basis) > 0 {
				// 按么子法规处理: the laws the penalty's text names
				spoken = append(spoken, c.T(l, "penalty.basis", "basis", strings.Join(np.Basis, c.T(l, "list.clause"))))
				must = markMust(must, len(spoken), 1)
			}
		}
	}
	if silent := h.silentTexts(l, q, d); len(silent) > 0 {
		// 摘茶籽要去哪里登记: the notice says nothing of it — said, never
		// an office guessed
		spoken = append(spoken, silent...)
		must = markMust(must, len(spoken), len(silent))
	}
	if a.Ask != "" {
		spoken = append(spoken, c.T(l, "follow.ask", "question", a.Ask))
		must = markMust(must, len(spoken), 1)
	}
	if d.Verdict == engine.NoRule {
		expired := h.expiredSaid(l, d, q)
		if q.planYear != 0 && q.heldYear != 0 {
			// 2026年的医保交好多 asked in 2025: the plan's year the rule
			// base does not hold — which year it holds, not that a notice
			// of that other year lapsed
			expired = []string{h.cat.T(l, "no_rule.plan_year", "notice", q.planNotice, "held", strconv.Itoa(q.heldYear),
				"year", strconv.Itoa(q.planYear))}
		}
		spoken = append(spoken, expired...)
		must = markMust(must, len(spoken), len(expired))
		notAllowed := noRuleAsk(c, l, d)
		if ro := h.ruledOut(l, q, d); ro != nil {
			// 离山两百来米烧荒: a rule governs the act, what the caller
			// said put it outside — said, so that no_rule is not heard as
			// "no notice covers burning"
			a.Details.RuledOut = append(a.Details.RuledOut, *ro)
			// room: what the headline and the sentences kept after it leave
			room := maxSpoken(l) - utf8.RuneCountInString(a.Headline) - utf8.RuneCountInString(notAllowed)
			for _, e := range expired {
				room -= utf8.RuneCountInString(e)
			}
			if l == EN {
				room -= 3 // the spaces between sentences
			}
			spoken = append(spoken, h.ruledOutSaid(l, ro, room))
			must = markMust(must, len(spoken), 1)
		} else if ks := h.kindsSaid(l, q, d); len(ks) > 0 {
			// 摘茶籽的时候砍油茶树: no rule on felling itself, but one on
			// 随意砍伐 — said, with its verdict on what the caller said
			spoken = append(spoken, ks...)
			must = markMust(must, len(spoken), len(ks))
		}
		spoken = append(spoken, notAllowed)
		must = markMust(must, len(spoken), 1)
	}
	if q.Unread > 0 {
		spoken = append(spoken, h.unreadText(l, q))
		must = markMust(must, len(spoken), 1)
	}
	// The feed's values last: what fits of them after what must be said.
	spoken = append(spoken, given...)
	a.Answer = fitKeeping(spoken, must, maxSpoken(l))
	if planHead {
		// 学生医保在哪里交 …，可以这样办：: the way the plan says follows
		// its opening, and the grounds come after what is said of it (not
		// 可以这样办：依据…) — the sentences kept for room the same
		if g := spoken[groundsAt]; strings.Contains(a.Answer, g) {
			var kept []string
			for k, x := range spoken {
				if k != groundsAt && x != "" && strings.Contains(a.Answer, x) {
					kept = append(kept, x)
				}
			}
			a.Answer = fit(append(kept, g), maxSpoken(l))
		}
	}
	return a
}

// feedSpoken says what the conditions feed gave the decision: lacking
// says, plainly, a published fact the loaded feed has no value for
// (stale, the place missing, differing inside the place: the operator
// checks it); given, the values it gave, those published daily (the day's
// level) first: "据…7月14日发布的森林火险气象等级，白水镇为4。"
func (h *Hotline) feedSpoken(l Lang, d *engine.Decision, q *Query) (lacking, given []string) {
	c := h.cat
	var daily, other []string
	for _, n := range d.Notes() {
		switch n.Code {
		case "published_none":
			// no feed is configured at all: a fact of the deployment, not
			// of this call — the operator reads it in the details; the
			// answer already states each outcome (要是重点森林防火区，…)
		case "published_missing", "published_stale", "published_varies":
			lacking = append(lacking, spokenDates(h.noteText(l, n)))
		case "published":
			f, ok := h.eng.Rules().Fact(n.Args["fact"])
			if !ok {
				continue
			}
			issued := n.Args["issued"]
			if day, err := calendar.ParseDate(strings.SplitN(issued, " ", 2)[0]); err == nil {
				issued = h.day(l, day, q)
			}
			kv := []string{"source", n.Args["source"], "issued", issued, "label", h.factLabel(l, f.Name), "place", n.Args["place"], "value", n.Args["value"]}
			key := "feed.value"
			if from := n.Args["counted_from"]; from != "" {
				key = "feed.counted"
				kv = append(kv, "counted", h.factLabel(l, from))
			}
			if f.Published == rules.Daily || f.Consecutive != nil {
				daily = append(daily, c.T(l, key, kv...))
			} else {
				other = append(other, c.T(l, key, kv...))
			}
		}
	}
	return lacking, append(daily, other...)
}

// noteText is a note in language l: the catalogue's rendering of its
// parts where it has one, else the engine's text.
func (h *Hotline) noteText(l Lang, n engine.Note) string {
	if _, ok := h.cat.Messages["note."+n.Code]; !ok {
		return n.Text
	}
	kv := make([]string, 0, 2*len(n.Args))
	for k, v := range n.Args {
		if k == "label" && n.Args["fact"] != "" {
			v = h.factLabel(l, n.Args["fact"]) // the engine's label is Chinese
		}
		kv = append(kv, k, v)
	}
	return h.cat.T(l, "note."+n.Code, kv...)
}

func subjects0(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// clip shortens a quotation to n characters with "…", never inside a
// number or a day (“…统一为 2024 年 10 月 2…” is heard as 10月2日): a cut
// that would end on a digit, or on a date's 年/月/日 after one, goes back
// to before the whole run.
func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	k := n - 1
	j, digit := k, false
	for j > 0 && strings.ContainsRune("0123456789０１２３４５６７８９ .年月日号时点分%％", rs[j-1]) {
		if unicode.IsDigit(rs[j-1]) {
			digit = true
		}
		j--
	}
	if digit {
		k = j
	}
	return strings.TrimRight(string(rs[:k]), " ，、；,;") + "…"
}

// penaltySaid is what the answer reads of the penalties when the caller
// asks what happens: one penalty, said by whom and what
// (违者由政法部门依法从快处理，…) — never the article's sentence cut at
// 60 characters inside a law's title. A penalty addressed to some people
// only (党员干部, 国家工作人员, 施工单位) is read when the question names
// them, and then first; among the rest, the one whose text names the act (偷摘 → 政法部门),
// then one that names who acts. "" when none fits: the verdict answers
// 犯法不, and details keep every penalty.
// fineSaid is what penalty p states of the amount: its fine in yuan, or
// that its article states none (罚多少 of a notice whose penalty names
// who punishes but no sum).
func (h *Hotline) fineSaid(l Lang, p engine.NoticePenalty) string {
	c := h.cat
	cite := c.T(l, "grounds.cite", "notice", p.Notice, "article", c.Article(l, p.Article))
	if f := p.Fine; f != nil && (f.MinYuan != nil || f.MaxYuan != nil) {
		yuan := func(v *float64) string { return strconv.FormatFloat(*v, 'f', -1, 64) }
		switch {
		case f.MinYuan != nil && f.MaxYuan != nil:
			return c.T(l, "penalty.fine_range", "min", yuan(f.MinYuan), "max", yuan(f.MaxYuan), "cite", cite)
		case f.MaxYuan != nil:
			return c.T(l, "penalty.fine_max", "max", yuan(f.MaxYuan), "cite", cite)
		default:
			return c.T(l, "penalty.fine_min", "min", yuan(f.MinYuan), "cite", cite)
		}
	}
	return c.T(l, "penalty.no_fine", "cite", cite)
}

func (h *Hotline) penaltySaid(l Lang, q *Query, d *engine.Decision) (string, engine.NoticePenalty) {
	act := q.ActivityName
	for _, u := range q.Understood {
		if u.Kind == "activity" {
			act += "|" + u.Words
		}
	}
	best, bestScore := -1, -1
	for i, p := range d.Penalties() {
		if p.Who != "" && !strings.Contains(q.Question, p.Who) && !h.p.hasAny(q.Question, h.p.g.PenaltyPeople[p.Who]) {
			continue
		}
		score := 0
		if p.Who != "" {
			score += 4 // (党员干部…哪个来处分: the penalty for the people named)
		}
		for body, words := range h.p.g.PenaltyAsked {
			if strings.Contains(p.Text, body) && h.p.hasAny(q.Question, words) {
				score += 8 // (派出所管不管: the penalty the police give)
				break
			}
		}
		if sharesRun(p.Text, act, 2) {
			score += 2
		}
		if p.By != "" {
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return "", engine.NoticePenalty{}
	}
	p := d.Penalties()[best]
	c := h.cat
	switch {
	case len(p.Sanctions) > 0 && p.By != "":
		return c.T(l, "penalty.by", "by", p.By, "sanctions", strings.Join(p.Sanctions, c.T(l, "list.clause"))), p
	case len(p.Sanctions) > 0 && l == EN:
		return c.T(l, "penalty.sanctions", "sanctions", strings.Join(p.Sanctions, c.T(l, "list.clause"))), p
	}
	// a penalty that names no one who acts (涉嫌犯罪的, 国家工作人员…的):
	// its own words say whom and when it applies
	return c.T(l, "penalty", "text", clipClause(p.Text, 60)), p
}

// clipClause shortens a text to n characters at its last clause break
// (，；。) within them, else as clip does.
func clipClause(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	for k := n - 1; k > n/2; k-- {
		if strings.ContainsRune("，；。,;", rs[k]) {
			return string(rs[:k]) + "…"
		}
	}
	return clip(s, n)
}

// askedOf says who can answer a fact: caller (the default) or operator.
func (h *Hotline) askedOf(fact string) string {
	if q, ok := h.voc.Questions[fact]; ok {
		return q.AskedOf
	}
	return "caller"
}

// grounds cites the documents and articles that decide, in short.
func (h *Hotline) grounds(l Lang, d *engine.Decision) string {
	var cites []string
	// what decides first: of a verdict of 不可以, the rules that forbid on
	// what is known before those that would on what is not (湘潭县's
	// organised burning, asked with no hour: the night's clause, not the
	// pollution clauses that depend on the air)
	rs := d.Reasons() // a fresh copy, sorted in place
	if d.Verdict == engine.Forbidden {
		slices.SortStableFunc(rs, func(a, b engine.Reason) int { return min(len(a.DependsOn), 1) - min(len(b.DependsOn), 1) })
	}
	for _, r := range rs {
		if r.Status == "overridden" {
			continue
		}
		if d.Verdict == engine.Forbidden && r.Effect != string(rules.Forbid) && r.Status == "applies" {
			continue
		}
		if d.Verdict == engine.Allowed && r.Effect != string(rules.Allow) && r.Status == "applies" {
			continue
		}
		s := h.cat.T(l, "grounds.cite", "notice", r.Notice, "article", h.cat.Article(l, r.Article))
		if r.TitleLevel {
			s = r.Notice + h.cat.T(l, "grounds.title_only")
		}
		if !slices.Contains(cites, s) {
			cites = append(cites, s)
		}
	}
	if len(cites) == 0 {
		return ""
	}
	if len(cites) > 3 {
		cites = cites[:3]
	}
	return h.cat.T(l, "grounds", "cites", strings.Join(cites, h.cat.T(l, "list.sep")))
}

// bothWay is one fact of a both-ways sentence said by its values: the
// fact, its "yes" value as said, its "no" value, and the decisions with
// each.
type bothWay struct {
	fact, label string
	no          any
	dy, dn      *engine.Decision
}

// bothWays states what each answer to a fact only data can settle gives:
// "如果那里属于重点森林防火区：不可以；否则：本规则库没有相关规定。"
func (h *Hotline) bothWays(l Lang, q *Query, d *engine.Decision, facts []string) []string {
	var out []string
	var ways []bothWay
	for _, fact := range facts {
		f, ok := h.eng.Rules().Fact(fact)
		if !ok {
			continue
		}
		var yes, no any
		switch f.Kind {
		case cond.Bool:
			yes, no = true, false
		case cond.Enum:
			if len(f.Values) == 0 {
				continue
			}
			yes = f.Values[0]
			if len(f.Values) > 1 {
				no = f.Values[1]
			}
		case cond.Number:
			cands, _ := h.candidates(l, fact, d)
			if len(cands) < 2 {
				continue
			}
			yes, no = cands[len(cands)-1].value, cands[0].value
		}
		dy := h.decideWith(q, fact, yes)
		dn := h.decideWith(q, fact, no)
		if dy == nil || dn == nil || dy.Verdict == dn.Verdict {
			continue
		}
		label := h.cat.Subject(l, fact, h.factLabel(l, fact))
		msg := "both.subject" // a yes/no fact: its subject, then each answer
		other := ""
		if s := h.cat.Value(l, fact, fmt.Sprint(yes)); s != "" {
			label, msg = s, "both"
			if other = h.cat.Value(l, fact, fmt.Sprint(no)); other != "" {
				msg = "both.values" // 要是重点森林防火区，…；一般森林防火区的话，…
			}
		}
		out = append(out, h.cat.T(l, msg, "if", label, "else", other, "yes", h.outcomeSaid(l, fact, dy), "no", h.outcomeSaid(l, fact, dn)))
		if msg != "both.subject" {
			ways = append(ways, bothWay{fact, label, no, dy, dn})
		}
		if len(out) == 2 {
			break
		}
	}
	if e := h.eitherWay(l, q, ways); len(out) == 2 && e != "" {
		return []string{e}
	}
	return out
}

// eitherWay says two facts only data can settle in one sentence when
// either gives the same verdict and each, denied, leaves the answer to
// the other: "要是在禁放区里或者重点森林防火区，不可以；都不是的话，…" —
// said one by one, each sentence's other outcome sent the caller to the
// other sentence. "" when they do not.
func (h *Hotline) eitherWay(l Lang, q *Query, ws []bothWay) string {
	if len(ws) != 2 || ws[0].dy.Verdict != ws[1].dy.Verdict {
		return ""
	}
	for k, w := range ws {
		if w.dn.Verdict != engine.Conditional || !slices.Contains(w.dn.UnknownFacts(), ws[1-k].fact) || w.no == nil {
			return ""
		}
	}
	facts := q.EngineFacts()
	facts[ws[0].fact], facts[ws[1].fact] = ws[0].no, ws[1].no
	dnn, err := h.eng.Decide(q.engineQuery(facts))
	if err != nil || dnn.Verdict == ws[0].dy.Verdict {
		return ""
	}
	return h.cat.T(l, "both.either", "if", ws[0].label, "or", ws[1].label, "yes", h.outcomeSaid(l, "", ws[0].dy), "no", h.outcomeSaid(l, "", dnn))
}

// decideWith decides the query again with one fact set; nil when it
// cannot be.
func (h *Hotline) decideWith(q *Query, fact string, v any) *engine.Decision {
	if v == nil {
		return nil
	}
	facts := q.EngineFacts()
	facts[fact] = v
	rd, err := h.eng.Decide(q.engineQuery(facts))
	if err != nil {
		return nil
	}
	return rd
}

// outcomeSaid is one outcome of a both-ways sentence: its verdict, or for
// one that still depends, what on (不在禁放区的话，要看离山林多远) — a bare
// 要看情况 there leaves the caller with nothing, and the question asked
// after it may be about something else.
func (h *Hotline) outcomeSaid(l Lang, fact string, d *engine.Decision) string {
	if d.Verdict == engine.Conditional {
		var subjects []string
		for _, f := range d.UnknownFacts() {
			if f != fact && len(subjects) < 2 {
				subjects = append(subjects, h.cat.Subject(l, f, h.factLabel(l, f)))
			}
		}
		if len(subjects) > 0 {
			return h.cat.T(l, "both.depends", "facts", strings.Join(subjects, h.cat.T(l, "list.sep")))
		}
	}
	return h.cat.Verdict(l, string(d.Verdict))
}

// terms renders the rule terms the caller asked about (how much, until
// when, from when, the waiting period, where), or by default the amount
// and the deadline, for an answer that has them.
func (h *Hotline) terms(l Lang, q *Query, d *engine.Decision) []string {
	ts := h.termsOf(l, q, d)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}
