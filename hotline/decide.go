package hotline

// Deciding a query: the engine asked, facts presumed or dropped, and answers for what no rule decides.

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/clause"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// decide answers one query.
func (h *Hotline) decide(q *Query, req Request) (*Answer, error) {
	c, l := h.cat, req.Lang
	if req.Date != nil {
		if *req.Date != q.Date {
			q.DateWords = "" // another day than the words said
		}
		q.Date, q.badDay = *req.Date, false
	}
	if req.Activity != "" {
		a, err := h.eng.Activity(req.Activity)
		if err != nil {
			return nil, err
		}
		q.Activity, q.ActivityName, q.ActivityEN, q.Act = a.ID, a.Name, a.EN, ""
	}
	h.yearWindow(q, req.Today)
	h.afterPeriod(q, req.Today)
	for k, v := range req.Facts {
		if r, ok := v.(engine.Range); ok {
			q.Facts[k] = Span{Min: r.Lo, Max: r.Hi}
			continue
		}
		q.Facts[k] = v
	}
	if req.Place != "" {
		q.Place = req.Place
	}
	h.duringPeriod(q, req.Today)
	h.earlyDay(q, req)
	for _, p := range req.Published {
		if _, said := q.Facts[p.Fact]; !said && p.Fact != "" {
			q.Facts[p.Fact] = p.Value
			q.Published = append(q.Published, p)
		}
	}
	if q.Activity == "" || q.badDay {
		return h.notDecided(q, l), nil
	}
	if q.outside != "" && q.Place == "" {
		if !h.p.anywhereAct(q.Activity) {
			return h.outsideAnswer(q, l), nil
		}
		// 我在长沙交医保: the person's place, which the rules speak of
		// themselves (户籍地, 常住地), not the act's
		q.outside = ""
		q.Understood = slices.DeleteFunc(q.Understood, func(u Understood) bool { return u.Kind == "place" && u.Value == "" })
	}
	if req.Activity == "" {
		// 拉茶果的货车车厢里坐人, 老板请我去摘: the kind the caller's facts
		// make the act (carrying people while hauling oil-tea fruit, picking
		// as a hired picker) is asked about and named — and where no rule
		// names the act itself (拉茶果的货车装超了), it is the kind a rule
		// names
		if k := h.kindSaid(q); k != nil {
			q.Activity, q.ActivityName, q.ActivityEN = k.ID, k.Name, k.EN
		}
	}
	d, err := h.eng.Decide(q.engineQuery(q.EngineFacts()))
	var fe *engine.FactError
	if err != nil && errors.As(err, &fe) && fe.Contradiction && fe.Activity != "" && req.Activity == "" {
		// 灶屋里烧稻草: the place said contradicts what the act's words
		// imply (露天焚烧 is outdoors): the act is not that kind. The
		// nearest kind above it that implies nothing of the fact is asked
		// about; with none, no rule is named for the words said.
		if a, ok := h.eng.Rules().Activity(q.Activity); ok {
			kept := false
			for p := a.Parent; p != nil; p = p.Parent {
				if !impliesFact(p, fe.Fact) {
					eq := q.engineQuery(q.EngineFacts())
					eq.Activity = p.ID
					pd, perr := h.eng.Decide(eq)
					if perr == nil && pd.Verdict == engine.Allowed {
						// 请了人去偷摘: the kind above is 可以 on the fact
						// said, where the act's own word says the opposite
						// (偷摘 is no right to pick). A 可以 never comes of
						// dropping the words of the act asked: it is
						// decided on its own words, without that fact.
						aq := q.engineQuery(q.EngineFacts())
						delete(aq.Facts, fe.Fact)
						ad, aerr := h.eng.Decide(aq)
						var ae *engine.FactError
						if aerr != nil && errors.As(aerr, &ae) && ae.Contradiction {
							// 跑到自家山上抢摘: the fact is derived (own_land →
							// picking_right), so the said facts it follows from
							// go too — whose hill it is does not make a
							// snatching a picking
							if dq, dropped := dropNamed(aq, ae.Msg); len(dropped) > 0 {
								ad, aerr = h.eng.Decide(dq)
							}
						}
						if aerr == nil && ad.Verdict != engine.Allowed {
							d, err, kept = ad, nil, true
							break
						}
					}
					q.Activity, q.ActivityName, q.ActivityEN = p.ID, p.Name, p.EN
					d, err = pd, perr
					break
				}
			}
			if q.Activity == a.ID && !kept {
				q.Act = actSaid(q)
				q.Activity, q.ActivityName, q.ActivityEN = "", "", ""
				return h.notDecided(q, l), nil
			}
		}
	} else if err != nil && errors.As(err, &fe) && fe.Contradiction && req.Activity == "" {
		// 离林子200米炼山: what the act's words imply (炼山 is on forest
		// land) contradicts a fact said through the rules' implications.
		// The nearest kind above it that implies nothing is asked about,
		// if the caller's facts hold there; if not, they contradict each
		// other, and that is said as before.
		if a, ok := h.eng.Rules().Activity(q.Activity); ok && len(a.Implies) > 0 {
			for p := a.Parent; p != nil; p = p.Parent {
				if len(p.Implies) > 0 {
					continue
				}
				eq := q.engineQuery(q.EngineFacts())
				eq.Activity = p.ID
				if pd, perr := h.eng.Decide(eq); perr == nil {
					if pd.Verdict == engine.Allowed {
						// 几个人跑到自家山上抢摘: 抢摘 says no right to pick,
						// the hill's holder says one — the act is decided on
						// its own words without the facts that contradict
						// them: a 可以 never comes of dropping the act's words
						if dq, dropped := dropNamed(q.engineQuery(q.EngineFacts()), fe.Msg); len(dropped) > 0 {
							if ad, aerr := h.eng.Decide(dq); aerr == nil && ad.Verdict != engine.Allowed {
								d, err = ad, nil
								break
							}
						}
					}
					q.Activity, q.ActivityName, q.ActivityEN = p.ID, p.Name, p.EN
					d, err = pd, nil
				}
				break
			}
		}
	}
	if err != nil && errors.As(err, &fe) && fe.Contradiction && len(req.Facts) == 0 && fe.Fact != engine.PlaceFact {
		// 屋里要摆酒…在屋门口放鞭炮: places said in different clauses of a
		// long call contradict each other (indoors ⇒ not in the yard). Not
		// guessed between: every fact the contradiction names is dropped
		// and the act decided without them, so the answer asks where.
		if dq, dropped := dropContradicted(q, fe.Msg); len(dropped) > 0 {
			if dd, derr := h.eng.Decide(dq); derr == nil {
				d, err = dd, nil
				if ad, kept := h.sameEitherWay(dq, dropped); kept != "" && dd.Verdict == engine.Conditional {
					// 老人家上山那天烧纸，离山五十米: on the hill or fifty
					// metres off it, the ban holds either way — said so,
					// not asked. The fact kept is the one the rest of the
					// answer (the day it changes) is decided with.
					d = ad
					for name := range dropped {
						if name != kept {
							delete(q.Facts, name)
						}
					}
				}
			}
		}
	}
	if err != nil {
		if errors.As(err, &fe) && len(req.Facts) == 0 && fe.Fact != engine.PlaceFact {
			// Facts read from the question that contradict each other are
			// not guessed between: ask.
			q.NotUnderstood = append(q.NotUnderstood, fe.Error())
			return h.notDecided(q, l), nil
		}
		return nil, err
	}
	if d, err = h.spanOfDay(q, d); err != nil {
		return nil, err
	}
	if d.Verdict == engine.Conditional || d.Verdict == engine.Allowed {
		d = h.presume(q, d)
	}
	d = hoursOfDay(q, d)
	d = daysOfStretch(q, d)
	if q.Unread > 0 && d.Verdict == engine.Allowed {
		// what was not read may have changed it: never 可以 on part of a call
		return h.unreadAllowed(q, l), nil
	}
	if d.Verdict == engine.Allowed {
		for _, at := range q.unstated {
			for _, t := range at.unstated {
				if !givesTerm(d, t) {
					// 看病能报多少, 交了的医保能退吗: the rules say nothing
					// of it — not 可以 for enrolling
					return h.termNotGiven(q, d, l, t, at.terms), nil
				}
			}
		}
	}
	a := h.Render(q, d, l)
	_ = c
	return a, nil
}

// presume reads a call's silence on a fact the answer depends on as the
// vocabulary's unsaid value for it (questions.yaml: a works not said to be
// an emergency is not one, 第十七条 being an exception the works claim),
// and decides again with it — unless that would answer 可以: an answer is
// never allowed by what the caller did not say. The facts so read are
// q.presumed; the answer says the other outcome (Render).
func (h *Hotline) presume(q *Query, d *engine.Decision) *engine.Decision {
	var set []string
	unknown := d.UnknownFacts()
	if d.Verdict == engine.Allowed {
		// no fact changes 可以: those a reason that may apply waits on
		unknown = mayApplyFacts(d)
	}
	for _, f := range unknown {
		qu, ok := h.voc.Questions[f]
		if !ok || qu.Unsaid == nil {
			continue
		}
		if _, said := q.Facts[f]; said {
			continue
		}
		fact, ok := h.eng.Rules().Fact(f)
		if !ok {
			continue
		}
		var v any = fact.Canonical(qu.Unsaid.Value)
		if fact.Kind == cond.Bool {
			v = qu.Unsaid.Value == "true"
		}
		q.Facts[f] = v
		set = append(set, f)
	}
	if len(set) == 0 {
		return d
	}
	nd, err := h.eng.Decide(q.engineQuery(q.EngineFacts()))
	unset := func() {
		for _, f := range set {
			delete(q.Facts, f)
		}
	}
	switch {
	case err != nil:
		unset()
		return d
	case d.Verdict == engine.Allowed:
		// 可以 already, whatever the fact (出渣 with 核准: 第十五条): the
		// silence only drops the exception's reason, which would be cited
		// as if it applied (第十七条 with no emergency said); the exception
		// is not said, as the answer needs none
		unset()
		if nd.Verdict == engine.Allowed {
			return nd
		}
		return d
	case nd.Verdict == engine.Allowed:
		unset()
		return d
	}
	q.presumed = set
	return nd
}

// mayApplyFacts are the facts the reasons of d that may apply depend on.
func mayApplyFacts(d *engine.Decision) []string {
	var out []string
	for _, r := range d.Reasons() {
		if r.Status != "may_apply" {
			continue
		}
		for _, f := range r.DependsOn {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// interpretation is the rule set's interpretation id, nil if none has it.
func (h *Hotline) interpretation(id string) *rules.Interpretation {
	for _, n := range h.eng.Rules().Notices {
		for _, it := range n.Interpretations {
			if it.ID == id {
				return it
			}
		}
	}
	return nil
}

// silentTexts says, for each term asked in words a notice's text would
// state it in (asks' text: 登记, 报备), the deciding notices whose text
// holds none of those words: 摘茶籽要去哪里登记 hears that 祁政通〔2024〕8号
// says nothing of registering, beside the picking's own answer, whose
// verdict stands. A notice the rule base has no text of (title only) is
// never said silent, nor one whose text holds a word (办法 第十三条's 备案).
func (h *Hotline) silentTexts(l Lang, q *Query, d *engine.Decision) []string {
	var out []string
	for _, at := range q.inText {
		var silent []string
		for _, r := range d.Reasons() {
			if r.Notice == "" || slices.Contains(silent, r.Notice) {
				continue
			}
			if t := h.noticeText(r.Notice); t != nil && !textHolds(t, at.text) {
				silent = append(silent, r.Notice)
			}
		}
		if len(silent) == 0 {
			continue
		}
		for _, term := range at.unstated {
			out = append(out, h.cat.T(l, "term.not_in_text", "notice", strings.Join(silent, h.cat.T(l, "list.sep")), "term", h.cat.T(l, "term_name."+term)))
		}
	}
	return out
}

// noticeText is the text of the notice numbered number, nil if the rule
// base has none.
func (h *Hotline) noticeText(number string) *clause.Text {
	if h.texts == nil {
		return nil
	}
	for _, t := range h.texts.Texts {
		if t.Notice != nil && t.Notice.Number == number {
			return t
		}
	}
	return nil
}

// textHolds reports whether an article of t holds one of words.
func textHolds(t *clause.Text, words []string) bool {
	for _, a := range t.Articles {
		for _, w := range words {
			if strings.Contains(a.Text, w) {
				return true
			}
		}
	}
	return false
}

// givesTerm: a reason of d states the term.
func givesTerm(d *engine.Decision, name string) bool {
	for _, r := range d.Reasons() {
		for _, t := range r.Terms {
			if t.Name == name {
				return true
			}
		}
	}
	return false
}

// expiredSaid says, for an answer of no rule, each notice that governed the
// act but whose validity had ended by the day asked (盐城's examination
// notice asked of July): the caller hears that the rule is gone, not that
// there never was one. The engine's no_current_notice note says which.
func (h *Hotline) expiredSaid(l Lang, d *engine.Decision, q *Query) []string {
	var out []string
	for _, n := range d.Notes() {
		if n.Code != "no_current_notice" {
			continue
		}
		to, err := calendar.ParseDate(n.Args["to"])
		if err != nil {
			continue
		}
		out = append(out, h.cat.T(l, "no_rule.expired", "notice", n.Notice, "to", h.day(l, to, q)))
	}
	return out
}

// termNotGiven answers a question for a term no rule states (看病能报多少):
// no rule on it, naming it, then the terms the rules do state beside it
// (the vocabulary's: what they say of the benefits), if any.
func (h *Hotline) termNotGiven(q *Query, d *engine.Decision, l Lang, term string, beside []string) *Answer {
	c := h.cat
	a := h.Render(q, d, l)
	a.Verdict = engine.NoRule
	a.FollowUp, a.Ask = []FollowUp{}, ""
	name := c.T(l, "term_name."+term)
	a.Headline = h.headFit(l, "head.no_term", h.actWords(q, d, l), h.whenOf(l, d.Date, q), "term", name)
	spoken := []string{a.Headline}
	if len(beside) > 0 {
		bq := *q
		bq.asks, bq.terms = askFlags{}, beside
		spoken = append(spoken, h.terms(l, &bq, d)...)
	}
	spoken = append(spoken, c.T(l, "no_rule.not_allowed"))
	must := make([]bool, len(spoken))
	must[0], must[len(must)-1] = true, true
	a.Answer = fitKeeping(spoken, must, maxSpoken(l))
	return a
}

// outsideAnswer answers a call about a place no loaded notice covers
// (北京今天能放鞭炮吗): no rule, saying the rule base holds no notices for
// it — never another place's answer.
func (h *Hotline) outsideAnswer(q *Query, l Lang) *Answer {
	c := h.cat
	a := &Answer{Query: q, Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood}, FollowUp: []FollowUp{}, Reasons: []engine.Reason{}, Lang: l,
		Verdict: engine.NoRule}
	act := q.ActivityName
	if l == EN && q.ActivityEN != "" {
		act = q.ActivityEN
	}
	a.Headline = c.T(l, "head.no_place_notices", "place", q.outside, "act", act, "when", h.whenOf(l, q.Date, q))
	if utf8.RuneCountInString(a.Headline) > maxHeadline(l) {
		// a long act's name: the place alone
		a.Headline = c.T(l, "head.short.no_place_notices", "place", q.outside)
	}
	a.Answer = fit([]string{a.Headline, c.T(l, "no_rule.not_allowed")}, maxSpoken(l))
	return a
}

// notDecided answers a query with no activity: no_rule naming an act no
// rule covers, or NotUnderstood with the question to ask.
func (h *Hotline) notDecided(q *Query, l Lang) *Answer {
	c := h.cat
	a := &Answer{Query: q, Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood}, FollowUp: []FollowUp{}, Reasons: []engine.Reason{}, Lang: l}
	switch {
	case !q.badDay && h.placeAsked(q, a):
	case q.Act != "" && !q.badDay:
		a.Verdict = engine.NoRule
		a.Headline = c.T(l, "head.no_rule_act", "act", q.Act, "when", h.whenOf(l, q.Date, q))
		a.Answer = fitKeeping([]string{a.Headline, h.listedSaid(l, q), c.T(l, "no_rule.not_allowed")}, []bool{true, false, true}, maxSpoken(l))
	case q.badDay:
		a.Verdict = NotUnderstood
		a.Headline = c.T(l, "head.bad_day", "words", strings.Join(q.badWords, c.T(l, "list.sep")))
		if q.unknownDay {
			a.Headline = c.T(l, "head.unknown_day", "words", strings.Join(q.badWords, c.T(l, "list.sep")))
		}
		if q.unplacedDay {
			a.Headline = c.T(l, "head.unplaced_day", "words", strings.Join(q.badWords, c.T(l, "list.sep")))
		}
		if len(q.badWords) == 0 {
			a.Headline = c.T(l, "head.bad_day.unsaid")
		}
		a.Ask = c.T(l, "ask.day")
		a.Answer = fit([]string{a.Headline, c.T(l, "follow.ask", "question", a.Ask)}, maxSpoken(l))
	default:
		a.Verdict = NotUnderstood
		a.Headline = c.T(l, "head.not_understood")
		a.Ask = c.T(l, "ask.activity")
		parts := []string{a.Headline, c.T(l, "follow.ask", "question", a.Ask)}
		if u := understoodText(q); u != "" {
			parts = append(parts, c.T(l, "understood", "what", u))
		}
		a.Answer = fit(parts, maxSpoken(l))
	}
	if q.Unread > 0 {
		a.Answer = fitKeeping([]string{a.Answer, h.unreadText(l, q)}, []bool{true, true}, maxSpoken(l))
	}
	return a
}

// placeAsked answers a call that names a township and asks no act, or
// only what the township counts as (龙山街道算城区吗, 浯溪街道属于城市规划区吗):
// the place table's reading of it (街道按城区理解), then the question of
// the act. It reports whether it answered.
func (h *Hotline) placeAsked(q *Query, a *Answer) bool {
	p, ok := h.placeOf(q)
	if !ok {
		return false
	}
	c, l := h.cat, a.Lang
	note := p.Note
	if l == EN {
		// the table's reading in the answer's language: the facts it gives
		var said []string
		for _, u := range q.Understood {
			if u.Kind == "fact" && u.Words == p.Words && u.Fact != "" {
				said = append(said, h.saidAs(l, u.Fact, u.Value))
			}
		}
		note = strings.Join(said, c.T(l, "list.sep"))
	}
	a.Verdict = NotUnderstood
	a.Headline = c.T(l, "head.place", "place", p.Words, "note", note)
	a.Ask = c.T(l, "ask.activity")
	a.Answer = fit([]string{a.Headline, c.T(l, "follow.ask", "question", a.Ask)}, maxSpoken(l))
	return true
}

// placeOf is the township a call with no act names, with the place
// table's reading (Understood.Note), when that reading is all it asks: a
// zone asked of it that the reading does not speak of (白水镇是不是重点森林
// 防火区) is not.
func (h *Hotline) placeOf(q *Query) (Understood, bool) {
	if q.Activity != "" || q.Act != "" && !slices.Contains(h.p.g.PlaceAsks, q.Act) {
		return Understood{}, false
	}
	i := slices.IndexFunc(q.Understood, func(u Understood) bool { return u.Kind == "place" && u.Note != "" })
	if i < 0 {
		return Understood{}, false
	}
	p := q.Understood[i]
	for _, u := range q.Understood {
		if u.Kind == "fact" && u.Fact == "" && !strings.Contains(p.Note, u.Words) {
			return Understood{}, false
		}
	}
	return p, true
}

// unreadAllowed answers a call cut short (Query.Unread) whose act is
// allowed on what was read: not understood, asking for it again briefly.
func (h *Hotline) unreadAllowed(q *Query, l Lang) *Answer {
	c := h.cat
	a := &Answer{Query: q, Verdict: NotUnderstood, Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood}, FollowUp: []FollowUp{}, Reasons: []engine.Reason{}, Lang: l}
	a.Headline = c.T(l, "head.unread")
	a.Ask = c.T(l, "ask.shorter")
	a.Answer = fit([]string{a.Headline, c.T(l, "follow.ask", "question", a.Ask), h.unreadText(l, q)}, maxSpoken(l))
	return a
}

// unreadText says that a call was cut short (Query.Unread).
func (h *Hotline) unreadText(l Lang, q *Query) string {
	return h.cat.T(l, "unread", "n", strconv.Itoa(MaxRead), "rest", strconv.Itoa(q.Unread))
}

func understoodText(q *Query) string {
	var parts []string
	for _, u := range q.Understood {
		// each thing heard once (山上 read as a place and as two facts)
		if (u.Kind == "date" || u.Kind == "place" || u.Kind == "fact") && !slices.Contains(parts, u.Words) {
			parts = append(parts, u.Words)
		}
	}
	return strings.Join(parts, "、")
}

// day is a day as spoken: 10月3日, with the year when it is not the
// question's.
// whenOf is a day as a headline's "when": 10月3日, or " on 2024-10-03".
func (h *Hotline) whenOf(l Lang, d calendar.Date, q *Query) string {
	if q != nil && q.timed && d == q.Date {
		if t, err := d.At(q.minute/60, q.minute%60); err == nil {
			if l == EN {
				return h.cat.T(l, "when", "date", h.moment(l, t, q))
			}
			return h.moment(l, t, q) // 今晚11点: 11月6日23点
		}
	}
	if q != nil && q.dayPassed != (calendar.Date{}) && d == q.Date && q.dayPassed.Before(d) {
		// 过了12月31号 said on 1月10日: that day has passed, today is answered
		// (the day said without its year: the one just passed, as said)
		_, m, dd := q.dayPassed.Date()
		months := h.months[ZH]
		if l == EN {
			months = h.months[EN]
		}
		passed := h.cat.T(l, "day", "d", strconv.Itoa(dd), "month", months[m-1])
		return h.cat.T(l, "when.passed", "date", h.day(l, d, q), "passed", passed)
	}
	if q != nil && q.byDay && d == q.Date && q.DateEnd != nil {
		// 霜降前后 whose verdict changes inside it: the stretch answered
		// (10月20日到10月26日), not its first day
		return h.cat.T(l, "when.stretch", "date", h.day(l, d, q), "end", h.day(l, *q.DateEnd, q))
	}
	if q != nil && q.dayBefore && d == q.Date && q.DateWords != "" {
		// 寒露前摘: said as the caller said it, 10月8日以前, not 10月7日
		return h.cat.T(l, "when.before", "date", h.day(l, d.AddDays(1), q))
	}
	return h.cat.T(l, "when", "date", h.day(l, d, q))
}

// day is a day as said (catalogue day, day.year): 10月3日, 3 October; with
// the year when it is not the question's (or the caller said it).
func (h *Hotline) day(l Lang, d calendar.Date, q *Query) string {
	y, m, dd := d.Date()
	key := "day"
	if q != nil && q.DateWords != "" && strings.Contains(q.DateWords, strconv.Itoa(y)) || y != todayYear(q) {
		key = "day.year"
	}
	months := h.months[ZH]
	if l == EN {
		months = h.months[EN]
	}
	return h.cat.T(l, key, "y", strconv.Itoa(y), "d", strconv.Itoa(dd), "month", months[m-1])
}

// span is a period from one day to another as said: each end with its
// year when the two are in different years (2024年9月1日, 2025年4月30日 —
// never 2024年9月1日到4月30日).
func (h *Hotline) span(l Lang, from, to calendar.Date, q *Query) (string, string) {
	if from.Year() != to.Year() {
		q = nil // a day said with no question says its year
	}
	return h.day(l, from, q), h.day(l, to, q)
}

// todayYear is the year the question speaks in: the call's (a day asked
// about in another year — 明年的今天, 十月一号 asked on 10月5日 — is said
// with its year), or the day asked about's own when the call's is unknown.
func todayYear(q *Query) int {
	if q == nil {
		return 0
	}
	if q.called != (calendar.Date{}) {
		return q.called.Year()
	}
	return q.Date.Year()
}

// isoDate is compiled on first use: every command of the binary runs the
// package initialisers of all (docs/speed.md).
var isoDate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([0-9]{4})-([0-9]{2})-([0-9]{2})`) })

// spokenDates rewrites ISO days in a text the way they are read out:
// 2025-01-01 → 2025年1月1日.
func spokenDates(s string) string {
	return isoDate().ReplaceAllStringFunc(s, func(m string) string {
		y, _ := strconv.Atoi(m[0:4])
		mo, _ := strconv.Atoi(m[5:7])
		d, _ := strconv.Atoi(m[8:10])
		return fmt.Sprintf("%d年%d月%d日", y, mo, d)
	})
}

// maxEchoRunes is the longest of the caller's words for an act read back
// in a follow-up question (放点鞭炮, 烧田埂草); longer spans hold the rest
// of the question.
const maxEchoRunes = 6

// maxNameRunes is the longest of the caller's words that name an act in
// an answer's first sentence (搭个遮阳棚卖菜).
const maxNameRunes = 8

// actWords are the caller's own words for the activity, when short.
func (h *Hotline) actWords(q *Query, d *engine.Decision, l Lang) string {
	if l == EN && d.Activity().EN != "" {
		return d.Activity().EN
	}
	name := d.Activity().Name
	// a long name gives way to the words said — but not 13 characters
	// (同时参加居民医保和职工医保), which the words said (单位买了社保)
	// would misname
	if utf8.RuneCountInString(name) > 13 {
		for _, u := range q.Understood {
			if u.Kind == "activity" && utf8.RuneCountInString(u.Words) < utf8.RuneCountInString(name) && utf8.RuneCountInString(u.Words) >= 2 {
				name = u.Words
				// (拉渣土的车晚上几点可以跑: words longer than a name spoken
				// back hold the rest of the question — the activity's own
				// phrase nearest them names it)
				// (用我的账户: words with a person in them, spoken back,
				// would be the operator's — nor are they a name)
				if !h.p.startsWithVerb(u.Words) || utf8.RuneCountInString(u.Words) > maxNameRunes || h.p.hasAny(u.Words, h.p.g.Persons) {
					// 路堵死, 核准证租给, 职工医保卡里的钱: words said
					// object first or with no verb are no name for an
					// act — the activity's own phrase nearest them is
					// (卸货堵路, 出租建筑垃圾运输核准)
					if act, ok := h.eng.Rules().Activity(d.Activity().ID); ok {
						if s := h.p.nearestSynonym(act.Synonyms, u.Words); s != "" {
							name = s
						}
					}
				}
			}
		}
	}
	if utf8.RuneCountInString(name) > 14 {
		name = string([]rune(name)[:13]) + "…"
	}
	return name
}

// startsWithVerb reports whether words begin with a verb of the vocabulary's
// frames (搭个遮阳棚, 带一桶汽油): said so, they name an act.
func (p *parser) startsWithVerb(words string) bool {
	// (拖拉机的私人: a verb that begins a longer object, 拖 of 拖拉机, is
	// no verb said)
	obj := p.objects.longestLen(words)
	n := 0
	for i := range words {
		if n++; n > 3 {
			break
		}
		if i > 0 && i >= obj && p.verbSet[words[:i]] {
			return true
		}
	}
	return p.verbSet[words]
}

// nearestSynonym is the synonym of at most 14 characters sharing the most
// characters with the words said (at least two), a verb said counting
// three (核准的文件借给 is 出借…核准, not 涂改…核准文件), the first among
// equals; "" for none.
func (p *parser) nearestSynonym(synonyms []string, said string) string {
	best, bestScore := "", 1
	for _, s := range synonyms {
		if utf8.RuneCountInString(s) > 14 {
			continue
		}
		score, seen := 0, map[rune]bool{}
		for _, r := range s {
			if !seen[r] && strings.ContainsRune(said, r) {
				score++
				if p.verbSet[string(r)] {
					score += 2
				}
			}
			seen[r] = true
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}
