package hotline

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/rules"
)

// IntentWhen is a question about a period itself (禁火期什么时候结束,
// 专项整治从几号开始): answered from the windows the rules read, not by a
// decision on an act.
const IntentWhen Intent = "when"

// addPeriods indexes the vocabulary's period words (禁火期, 缴费期). They
// are known words (eachKnownWord): never heard as another word by their
// sound (防火期 is not 防火机).
func (p *parser) addPeriods() {
	p.periods = newTrie()
	p.periodOf = map[string][]int{}
	for i, pd := range p.voc.Periods {
		for _, w := range pd.Words {
			p.periods.addWord(w)
			// a word several rule directories give their own period
			// (森林防火期) names each: the place said chooses
			if !slices.Contains(p.periodOf[w], i) {
				p.periodOf[w] = append(p.periodOf[w], i)
			}
		}
	}
}

// scanPeriods finds the periods a call names, in the order said, each
// once, and marks their words read.
func (p *parser) scanPeriods(rd *reading) []int {
	var out []int
	s := rd.text
	for i := 0; i < len(s); {
		if _, n := p.periods.longest(s[i:]); n > 0 {
			for _, k := range p.periodOf[s[i:i+n]] {
				if !slices.Contains(out, k) {
					out = append(out, k)
				}
			}
			rd.mark(i, i+n)
			i += n
			continue
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return out
}

// undenied are the periods of periods not said as not the time (听讲六月
// 份不是禁火期了, 现在不在禁火期): a period denied is no time of the act.
// A prohibitive word before a period (不准在禁火期烧) denies nothing.
func (p *parser) undenied(rd *reading, periods []int) []int {
	var out []int
	for _, k := range periods {
		denied := false
		for _, w := range p.voc.Periods[k].Words {
			for off := 0; !denied; {
				i := strings.Index(rd.text[off:], w)
				if i < 0 {
					break
				}
				i += off
				off = i + len(w)
				before := rd.text[:i]
				for _, at := range p.g.At {
					before = strings.TrimSuffix(before, at)
				}
				for _, ng := range p.g.Negators {
					if strings.HasSuffix(before, ng) && !slices.Contains(p.g.Prohibitive, ng) && !slices.Contains(p.g.Imperative, ng) {
						denied = true
					}
				}
			}
		}
		if !denied {
			out = append(out, k)
		}
	}
	return out
}

// pastPeriod is 1 + the index of the period of periods (scanPeriods') a
// call says is past — a past word right before its word (过了缴费期) or
// right after it (缴费期过了) — and 0 for none.
func (p *parser) pastPeriod(rd *reading, periods []int) int {
	if len(periods) == 0 || !rd.says(p.g.Past) {
		return 0
	}
	for _, k := range periods {
		for _, w := range p.voc.Periods[k].Words {
			for _, past := range p.g.Past {
				if strings.Contains(rd.text, past+w) || p.saysPast(rd.text, w+past) {
					return k + 1
				}
			}
		}
	}
	return 0
}

// pastAsked reports whether the call asks whether a period of periods is
// over (缴费期过了冇): its end is asked, as a deadline is.
func (p *parser) pastAsked(rd *reading, periods []int) bool {
	for _, k := range periods {
		for _, w := range p.voc.Periods[k].Words {
			for _, past := range p.g.Past {
				for _, a := range p.g.PastAsked {
					if strings.Contains(rd.text, w+past+a) {
						return true
					}
				}
			}
		}
	}
	return false
}

// saysPast reports whether text says s (缴费期过了) other than to ask it
// (缴费期过了冇, 过了没有: whether it is over asks its end, the deadline).
func (p *parser) saysPast(text, s string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], s)
		if k < 0 {
			return false
		}
		i += k + len(s)
		if !p.startsWithAny(text[i:], p.g.PastAsked) {
			return true
		}
	}
}

// afterPeriod moves the day asked of a call that asks about a period's
// aftermath (过了缴费期再交 是不是要多交钱) to the day after the period
// ends: the end of its window holding the day of the call, else the next
// one. A period already over, or one with no window, leaves the day.
func (h *Hotline) afterPeriod(q *Query, today calendar.Date) {
	if q.afterPeriod == 0 || q.DateWords != "" {
		return
	}
	pd := h.voc.Periods[q.afterPeriod-1]
	for _, w := range pd.Windows {
		cw := h.eng.Window(w)
		if cw == nil {
			continue
		}
		iv, n := occurrence(cw, today, w.Notice.Effective, w.Notice.ValidUntil)
		if n == 0 || iv.To.Before(today) {
			continue
		}
		// (禁火期过了，我在山脚烧田埂, said on 5月10日: between two of its
		// windows the period is over now — the day of the call)
		if iv.From.After(today) {
			return
		}
		q.Date, q.dayWeak = iv.To.AddDays(1), false
		q.Understood = append(q.Understood, Understood{Kind: "date", Meaning: q.Date.String(), Value: q.Date.String(), Note: w.Name})
		return
	}
}

// duringPeriod moves the day asked of a call that names a period as the
// time of its act (禁渔期在江上抓鱼, 高考期间晚上能装修吗) and no day: the
// day of the call when it lies in one of the period's windows, else the
// first day of the soonest window to come. Only the windows of notices
// that apply at the place asked about count (文登's 森林防火期, not
// 祁阳's); a period all past leaves the day.
func (h *Hotline) duringPeriod(q *Query, today calendar.Date) {
	if len(q.inPeriods) == 0 || q.DateWords != "" || q.afterPeriod != 0 {
		return
	}
	var next calendar.Date
	var name string
	for _, k := range q.inPeriods {
		for _, w := range h.voc.Periods[k].Windows {
			cw := h.eng.Window(w)
			if cw == nil || !appliesAt(w.Notice, q.Place) {
				continue
			}
			iv, n := occurrence(cw, today, w.Notice.Effective, w.Notice.ValidUntil)
			switch {
			case n == 0 || iv.To.Before(today):
			case !iv.From.After(today):
				return // now is in the period: the day of the call
			case name == "" || iv.From.Before(next):
				next, name = iv.From, w.Name
			}
		}
	}
	if name == "" {
		return
	}
	q.Date, q.dayWeak = next, false
	q.Understood = append(q.Understood, Understood{Kind: "date", Meaning: q.Date.String(), Value: q.Date.String(), Note: name})
}

// appliesAt reports whether notice n applies at (or within) the division
// code place: every notice does when no place is said.
func appliesAt(n *rules.Notice, place string) bool {
	if place == "" || len(n.AppliesIn) == 0 {
		return true
	}
	at := codeOf(place)
	return slices.ContainsFunc(n.AppliesIn, func(c division.Code) bool { return c.Covers(at) || at.Covers(c) })
}

// asksPeriod reports whether a call naming periods asks about them: it
// asks when (几时, 到几号, 截止), or names no act; a question of a document's
// validity (禁火令还有效吗) is the register's, one of an act's consequence
// (会怎么样) the act's.
func (p *parser) asksPeriod(rd *reading, acts []hit) bool {
	// (禁火令是什么时候出的: when the document was issued, not the period)
	// (九月一号还算不算禁火期: 还算不算 of a period named after it asks
	// whether the day is in the period)
	if p.textHas(rd, p.g.Validity) && !p.dayOfPeriodAsked(rd) || p.textHas(rd, p.g.DocumentIssued) || p.textHas(rd, p.g.IssuerAsks) {
		return false
	}
	if len(acts) > 0 && p.textHas(rd, p.g.Consequence) {
		// 占道经营 过了整改期限还不改会怎么样: what follows the act, not
		// when the period ends
		return false
	}
	// (4月30号最后一天在山上烤火，当天还算禁火期吗: an act on a day said,
	// and whether that day is in the period — the act's verdict on the
	// day answers it, and says the period)
	if len(acts) > 0 && p.oneDaySaid(rd) && !p.textHas(rd, p.g.DaysLeft) && p.asksIfIn(rd.text) {
		return false
	}
	// (10月15号那天下雨，整改期最后一天，在城里人行道上摆摊应该冇人管吧: a
	// day named, then described as the period's last — a clause of its own
	// the act's clause follows — asks no deadline: the act's verdict on the
	// day answers, and says the period)
	if len(acts) > 0 && p.oneDaySaid(rd) && !p.textHas(rd, p.g.When) && !p.textHas(rd, p.g.DaysLeft) &&
		p.deadlineDescribes(rd.text) {
		return false
	}
	return len(acts) == 0 || p.textHas(rd, p.g.When) || p.textHas(rd, p.g.Deadline) || p.textHas(rd, p.g.DaysLeft)
}

// deadlineDescribes reports whether every deadline word of text ends a
// clause that asks nothing (no yes/no word) and more of the call follows
// it: 整改期最后一天，在人行道上摆摊 describes the day, where 12月31号是不是
// 最后一天 and 最后一天来得及吗 ask the deadline.
func (p *parser) deadlineDescribes(text string) bool {
	found, describes := false, true
	wordsAt(text, p.g.Deadline, func(w string, i int) bool {
		found = true
		from := i + len(w)
		rest := text[from:]
		r, size := utf8.DecodeRuneInString(rest)
		if size == 0 || !unicode.IsPunct(r) && !unicode.IsSpace(r) || strings.TrimSpace(rest[size:]) == "" {
			describes = false
			return false
		}
		start := 0
		if j := strings.LastIndexFunc(text[:i], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }); j >= 0 {
			_, n := utf8.DecodeRuneInString(text[j:])
			start = j + n
		}
		describes = !p.hasAny(text[start:from], p.yesNo)
		return describes
	})
	return found && describes
}

// oneDaySaid reports whether the call names a day (not a month, a
// holiday of several days, a narrative 现在 or a custom's day).
func (p *parser) oneDaySaid(rd *reading) bool {
	return slices.ContainsFunc(rd.dates, func(m dates.Mention) bool { return !m.Weak && !m.Custom && m.MonthEnd == nil })
}

// asksIfIn reports whether a question of a period asks whether the day is
// in it (还是禁火期吗, 采摘期开始了没有): a yes/no word is said, and no
// `when` word outside one (开始了没 is both).
func (p *parser) asksIfIn(text string) bool {
	t := text
	for _, w := range p.yesNo {
		t = strings.ReplaceAll(t, w, "|")
	}
	if t == text && !aNotA(text) {
		// 还禁火不: a particle ending the call asks too
		end := strings.TrimRightFunc(text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
		if !slices.ContainsFunc(p.g.YesNoEnd, func(w string) bool { return strings.HasSuffix(end, w) }) {
			return false
		}
	}
	return !p.hasAny(t, p.g.When)
}

// aNotA reports whether text asks by a verb said, negated, and said again
// (封不封山, 禁不禁火): a yes/no question.
func aNotA(text string) bool {
	var prev [2]rune
	for _, r := range text {
		if prev[1] == '不' && prev[0] == r && unicode.Is(unicode.Han, r) {
			return true
		}
		prev[0], prev[1] = prev[1], r
	}
	return false
}

// period answers a question about periods: each window's days around the
// day asked (the one it falls in, else the next, else the last), with 每年
// for a yearly one, then each condition that extends the period without
// dates (重点森林防火区全年防火), then the notices and articles.
func (h *Hotline) period(u *understanding, req Request) *Answer {
	c, l := h.cat, req.Lang
	q := u.queries[0]
	if req.Date != nil {
		q.Date = *req.Date
	}
	q.NotUnderstood = []string{}
	a := &Answer{Intent: IntentWhen, Query: q, Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood},
		FollowUp: []FollowUp{}, Reasons: []engine.Reason{}, Lang: l}
	var spoken, cites, lead []string
	yesNo, left := h.p.asksIfIn(u.rd.text), h.p.hasAny(u.rd.text, h.p.g.DaysLeft)
	// 过了整改期还冇整改会怎样: what the notice says of the period (对逾期
	// 未整改的,相关部门将依法处理) is the answer, said whole
	consequence := h.p.hasAny(u.rd.text, h.p.g.Consequence)
	var quoted []string
	now := h.day(l, q.Date, q)
	if q.DateWords == "" || q.Date == q.called {
		now = c.T(l, "period.now")
	}
	first, inAny := "", false
	cite := func(notice, article string) {
		if s := c.T(l, "grounds.cite", "notice", notice, "article", c.Article(l, article)); !slices.Contains(cites, s) {
			cites = append(cites, s)
			// the articles said are the answer's grounds, as a decision's are
			a.Reasons = append(a.Reasons, engine.Reason{Citation: engine.Citation{Notice: notice, Article: article}, Status: quotedStatus})
		}
	}
	for _, k := range u.periods {
		pd := h.voc.Periods[k]
		for _, w := range pd.Windows {
			cw := h.eng.Window(w)
			if cw == nil || !appliesAt(w.Notice, q.Place) {
				continue
			}
			iv, n := occurrence(cw, q.Date, w.Notice.Effective, w.Notice.ValidUntil)
			if n == 0 {
				continue
			}
			key := "period.window"
			if n > 1 { // a window that comes round again while its notice is in force
				key = "period.window.yearly"
			}
			from, to := h.span(l, iv.From, iv.To, q)
			if first == "" {
				first = h.windowName(l, w.Name)
			}
			if !q.Date.Before(iv.From) && !q.Date.After(iv.To) {
				inAny = true
			}
			if (yesNo || left) && !q.Date.Before(iv.From) && !q.Date.After(iv.To) {
				// 还是禁火期吗: yes, until its end — said first
				s := c.T(l, "period.is", "when", now, "name", h.windowName(l, w.Name), "to", to)
				if left {
					key := "period.is.left"
					if iv.To == q.Date {
						key = "period.is.last"
					}
					s = c.T(l, key, "when", now, "name", h.windowName(l, w.Name), "to", to, "n", strconv.Itoa(iv.To.Sub(q.Date)))
				}
				if !slices.Contains(lead, s) {
					lead = append(lead, s)
				}
			}
			if q.DateWords != "" && !q.Date.Before(iv.From) && !q.Date.After(iv.To) {
				// 国庆节为么子也要禁火: the day said falls in a narrower
				// period the same article sets inside this one (特别防护期)
				for _, s := range h.periodsWithin(l, w, pd.Windows, q) {
					if !slices.Contains(lead, s) {
						lead = append(lead, s)
					}
				}
			}
			s := c.T(l, key, "name", h.windowName(l, w.Name), "from", from, "to", to)
			if !slices.Contains(spoken, s) {
				spoken = append(spoken, s)
				a.Details.Windows = append(a.Details.Windows, c.T(l, "window", "name", w.Name, "from", from, "to", to))
				a.Details.Why = append(a.Details.Why, c.T(l, "quote", "text", w.Text))
				if qs := c.T(l, "period.text", "text", w.Text); consequence && !slices.Contains(spoken, qs) {
					spoken = append(spoken, qs)
					quoted = append(quoted, qs)
				}
			}
			cite(w.Notice.Name(), w.Article)
			if h.p.hasAny(u.rd.text, h.p.g.AfterDay) {
				// 专项整治结束以后还查不查: the window of the notice that
				// begins the day after this one ends (常态化整治期)
				for _, nw := range w.Notice.Windows {
					cnw := h.eng.Window(nw)
					if nw == w || cnw == nil {
						continue
					}
					niv, nn := occurrence(cnw, iv.To.AddDays(1), nw.Notice.Effective, nw.Notice.ValidUntil)
					if nn == 0 || niv.From != iv.To.AddDays(1) {
						continue
					}
					from, to := h.span(l, niv.From, niv.To, q)
					if s := c.T(l, "period.window", "name", h.windowName(l, nw.Name), "from", from, "to", to); !slices.Contains(spoken, s) {
						spoken = append(spoken, s)
						a.Details.Windows = append(a.Details.Windows, c.T(l, "window", "name", nw.Name, "from", from, "to", to))
						a.Details.Why = append(a.Details.Why, c.T(l, "quote", "text", nw.Text))
					}
					cite(nw.Notice.Name(), nw.Article)
				}
			}
		}
		for _, cd := range pd.Conditions {
			if !appliesAt(cd.Notice, q.Place) {
				continue
			}
			if s := c.T(l, "period.condition", "name", cd.Name); !slices.Contains(spoken, s) {
				spoken = append(spoken, s)
				a.Details.Why = append(a.Details.Why, c.T(l, "quote", "text", cd.Text))
			}
			cite(cd.Notice.Name(), cd.Article)
		}
	}
	if len(spoken) == 0 {
		a.Headline = c.T(l, "period.none")
		a.Answer = a.Headline
		return a
	}
	if (yesNo || !inAny && q.DateWords == "" && q.Activity == "") && len(lead) == 0 && first != "" {
		// 禁火期几时结束 asked in May: it is not now, said before the
		// next one's days (not when the period only adds to an act's
		// verdict: 禁火期从几号到几号 我想烧田埂)
		lead = []string{c.T(l, "period.is_not", "when", now, "name", first)}
	}
	if len(lead) > 0 {
		// the question answered before the period's days (the window
		// said whole after it)
		spoken = append(lead, spoken...)
	}
	a.Headline = spoken[0]
	if utf8.RuneCountInString(a.Headline) > maxHeadline(l) {
		a.Headline = clip(a.Headline, maxHeadline(l))
	}
	if len(cites) > 3 {
		cites = cites[:3]
	}
	spoken = append(spoken, c.T(l, "grounds", "cites", strings.Join(cites, c.T(l, "list.sep"))))
	must := make([]bool, len(spoken))
	must[0], must[len(must)-1] = true, true
	for k, s := range spoken {
		must[k] = must[k] || slices.Contains(quoted, s)
	}
	a.Answer = fitKeeping(spoken, must, maxSpoken(l))
	return a
}

// periodsWithin says, for each other window of w's notice and article
// that holds the day asked and is not among asked (the windows of the
// period named), that the day is in it: 10月1日也是特别防护期（国庆假期）.
func (h *Hotline) periodsWithin(l Lang, w *rules.Window, asked []*rules.Window, q *Query) []string {
	var out []string
	for _, nw := range w.Notice.Windows {
		if nw == w || nw.Article != w.Article || slices.Contains(asked, nw) {
			continue
		}
		cnw := h.eng.Window(nw)
		if cnw == nil {
			continue
		}
		iv, n := occurrence(cnw, q.Date, nw.Notice.Effective, nw.Notice.ValidUntil)
		if n == 0 || q.Date.Before(iv.From) || q.Date.After(iv.To) {
			continue
		}
		_, to := h.span(l, iv.From, iv.To, q)
		name := nw.Name
		if kind, which, ok := strings.Cut(name, "："); ok {
			name = kind + "（" + which + "）" // 特别防护期（国庆假期）
		}
		out = append(out, h.cat.T(l, "period.within", "when", h.day(l, q.Date, q), "name", name, "to", to))
	}
	return out
}

// occurrence is the interval of w holding day, else the next one, else
// the last one before it — among those within the notice's validity
// [from, to] — and how many intervals lie there (0: none). A window with
// a daily or weekly term (每天20:00至次日6:00, from 6月1日 to 18日) is
// read in runs of days that touch: its period is the run, not one night.
func occurrence(w *calendar.Window, day, from, to calendar.Date) (calendar.Interval, int) {
	var got, run calendar.Interval
	n, found, open := 0, false, false
	take := func(iv calendar.Interval) {
		n++
		if !found {
			got = iv
			found = !iv.To.Before(day)
		}
	}
	for _, iv := range w.Intervals() {
		if iv.To.Before(from) || iv.From.After(to) {
			continue
		}
		if !w.Recurring() {
			take(iv)
			continue
		}
		iv.To = nightsDay(iv)
		switch {
		case !open:
			run, open = iv, true
		case !iv.From.After(run.To.AddDays(1)):
			if iv.To.After(run.To) {
				run.To = iv.To
			}
		default:
			take(run)
			run = iv
		}
	}
	if open {
		take(run)
	}
	return got, n
}

// nightsDay is the last day an interval is named by: a night that runs
// into the next morning (每天20:00至次日凌晨6:00, from 6月1日 to 18日)
// belongs to the day it starts on, as the calendar reads it, so the run
// of 6月1日–18日's nights ends on the 18th, not on the 19th at 6:00.
func nightsDay(iv calendar.Interval) calendar.Date {
	end := iv.End()
	if iv.Clocked() && iv.To.After(iv.From) && end.Date() == iv.To && end.Minute() != 0 && end.Minute() <= iv.Start().Minute() {
		return iv.To.AddDays(-1)
	}
	return iv.To
}

// changes says, for a question asking when of an act (什么时候可以烧田埂,
// 几号可以收新茶籽), how the answer runs around the day asked: since when
// it has been so, when that ends and what it is from then — for a
// conditional answer, what it then depends on. It decides the act with
// the same facts on each day the engine says a window or notice starts or
// stops (ChangeDays) within a year either side. "" when nothing changes.
func (h *Hotline) changes(l Lang, q *Query, d *engine.Decision) string {
	c := h.cat
	days, err := h.eng.ChangeDays(q.Activity, d.Date.AddDays(-366), d.Date.AddDays(366))
	if err != nil {
		return ""
	}
	type run struct {
		from calendar.Date
		sig  string
		d    *engine.Decision
	}
	sig := func(x *engine.Decision) string {
		f := x.UnknownFacts()
		slices.Sort(f)
		return string(x.Verdict) + " " + strings.Join(f, ",")
	}
	facts := q.EngineFacts()
	decideOn := func(day calendar.Date) *engine.Decision {
		dq := *q
		dq.Date, dq.timed = day, false
		x, err := h.eng.Decide(dq.engineQuery(facts))
		if err != nil {
			return nil
		}
		return x
	}
	// the runs before and after the day asked
	var prev, next *run
	cur := &run{sig: sig(d), d: d}
	k, _ := slices.BinarySearchFunc(days, d.Date, func(a, b calendar.Date) int { return a.Compare(b) })
	if k < len(days) && days[k] == d.Date {
		k++
	}
	for i := k - 1; i >= 0; i-- { // latest first: where the run of the day asked began
		x := decideOn(days[i].AddDays(-1))
		if x == nil {
			break
		}
		if s := sig(x); s != cur.sig {
			cur.from, prev = days[i], &run{sig: s, d: x}
			break
		}
	}
	for _, day := range days[k:] {
		x := decideOn(day)
		if x == nil {
			return ""
		}
		if s := sig(x); s != cur.sig {
			next = &run{from: day, sig: s, d: x}
			break
		}
	}
	bounded := next != nil && h.noticeBounds(d.Reasons(), next.from)
	if bounded {
		// 寒露籽几号开摘, 医保几时能报销: the notice's own expiry
		// (从2025年9月8日起本规则库没有相关规定) answers no question of when
		next = nil
	}
	verdict := func(x *engine.Decision) string { return h.verdictSaid(l, x) }
	var parts []string
	// a ban or a question that ended before the day asked: since when it
	// no longer holds (从10月8日起本规则库没有相关规定) — the stricter
	// answer before it is not said: a caller hearing 不可以 takes it for
	// the answer
	since := prev != nil && cur.from != (calendar.Date{}) && rank(prev.d.Verdict) > rank(d.Verdict)
	switch {
	case since && next != nil:
		parts = append(parts, c.T(l, "when.runs_since_until", "from", h.day(l, cur.from, q), "verdict", verdict(d),
			"end", h.day(l, next.from.AddDays(-1), q), "next_from", h.day(l, next.from, q), "next", verdict(next.d)))
	case since:
		parts = append(parts, c.T(l, "when.runs_since", "from", h.day(l, cur.from, q), "verdict", verdict(d)))
	case next != nil:
		parts = append(parts, c.T(l, "when.runs_until", "end", h.day(l, next.from.AddDays(-1), q), "verdict", verdict(d),
			"from", h.day(l, next.from, q), "next", verdict(next.d)))
	}
	if len(parts) == 0 {
		// (医保今年交多少钱，几时截止 in October 2025: nor is a year the
		// same when the notice ends inside it)
		if prev == nil && next == nil && !bounded {
			return c.T(l, "when.same", "verdict", verdict(d))
		}
		return ""
	}
	return c.T(l, "when.changes", "activity", h.actWords(q, d, l), "parts", strings.Join(parts, c.T(l, "when.sep")))
}

// withVerdict puts before a period's answer the verdict on the caller's
// own act the call states (整改期到几时 我在城里人行道上摆摊: 不可以, then
// the period): a caller who says what they do asks whether they may, too.
// The act is decided on a copy of its query, so the period's answer keeps
// its own day and words; a decision that fails leaves the answer as it was.
func (h *Hotline) withVerdict(a *Answer, q *Query, req Request) {
	cp := *q
	cp.Facts = maps.Clone(q.Facts)
	cp.Understood = slices.Clone(q.Understood)
	cp.NotUnderstood = slices.Clone(q.NotUnderstood)
	d, err := h.decide(&cp, req)
	if err != nil || d.Verdict == "" {
		return
	}
	a.Verdict, a.Decision, a.Reasons, a.FollowUp, a.Ask = d.Verdict, d.Decision, d.Reasons, d.FollowUp, d.Ask
	// the decision's answer whole (its question and outcomes decide it),
	// the period's first sentence, then the rest of it as room allows
	parts, must := []string{d.Answer, a.Answer}, []bool{true, false}
	if rest, ok := strings.CutPrefix(a.Answer, a.Headline); ok && rest != "" {
		// the period's first sentence is what was asked: kept too
		parts, must = []string{d.Answer, a.Headline, rest}, []bool{true, true, false}
	}
	a.Answer = fitKeeping(parts, must, maxSpoken(a.Lang))
	a.Headline = d.Headline
}

// earlyWord is the word of the grammar's Early by which act a's clause
// puts it before its time (提前摘茶籽, 霜降籽摘早了, 还冇到时候就摘), not
// denied (冇提前摘); "" for none.
func (p *parser) earlyWord(rd *reading, a hit) string {
	st, end := rd.clauseStart(a.i, a.clause), rd.clauseEnd(a.j, a.clause)
	clause := rd.text[st:end]
	for _, w := range p.g.Early {
		for off := 0; ; {
			k := strings.Index(clause[off:], w)
			if k < 0 {
				break
			}
			k += off
			off = k + len(w)
			if !p.hasSuffixAny(clause[:k], p.g.Negators) {
				return w
			}
		}
	}
	return ""
}

// earlyDay moves the day asked of a call that puts its act before its
// time (提前摘茶籽会罚款不, asked in November) and names no day to the last
// day before the rules open a window for the act: a window of a rule that
// forbids the act ending the day before one of a rule that allows it
// starts (寒露籽开始采摘日前, then 寒露籽采摘期). Of each such pair, the
// run holding the day of the call is that day; else the one whose opening
// holds it, else the next. Of several pairs (the varieties' start days),
// the latest day on which the act is forbidden with the facts said, else
// the earliest — before every start day.
func (h *Hotline) earlyDay(q *Query, req Request) {
	if q.early == "" || q.DateWords != "" || req.Date != nil || q.Activity == "" {
		return
	}
	a, ok := h.eng.Rules().Activity(q.Activity)
	if !ok {
		return
	}
	today := req.Today
	var days []calendar.Date
	for _, n := range h.eng.Rules().Notices {
		for _, rf := range n.Rules {
			if rf.Effect != rules.Forbid || !rf.Covers(a) {
				continue
			}
			for _, wf := range n.Windows {
				if !ruleUses(rf, wf) {
					continue
				}
				for _, ra := range n.Rules {
					if ra.Effect != rules.Allow || !ra.Covers(a) {
						continue
					}
					for _, wa := range n.Windows {
						if ruleUses(ra, wa) {
							if d, ok := h.beforeOpening(wf, wa, today); ok && !slices.Contains(days, d) {
								days = append(days, d)
							}
						}
					}
				}
			}
		}
	}
	if len(days) == 0 {
		return
	}
	slices.SortFunc(days, func(x, y calendar.Date) int { return x.Compare(y) })
	// (我能不能也提前摘 said on 10月25日, every opening gone by: the
	// caller believes it early and asks of today — a consequence asked,
	// 提前摘茶籽会罚款不, is still of the days before)
	if today.After(days[len(days)-1]) && !q.asks.consequence && !q.asks.fine && !h.p.hasAny(q.Question, h.p.g.DoneAsked) {
		return
	}
	pick := days[0]
	facts := q.EngineFacts()
	for _, d := range days[1:] {
		dq := *q
		dq.Date, dq.timed = d, false
		if x, err := h.eng.Decide(dq.engineQuery(facts)); err == nil && x.Verdict == engine.Forbidden {
			pick = d
		}
	}
	q.Date, q.dayWeak = pick, false
	q.Understood = append(q.Understood, Understood{Words: q.early, Kind: "date", Meaning: q.Date.String(), Value: q.Date.String()})
	q.NotUnderstood = slices.DeleteFunc(q.NotUnderstood, func(w string) bool { return w == q.early })
}

// beforeOpening is the last day of a run of window wf that ends the day
// before a run of window wa starts — the run holding today, else the one
// whose following run of wa holds today, else the next — and whether
// there is one.
func (h *Hotline) beforeOpening(wf, wa *rules.Window, today calendar.Date) (calendar.Date, bool) {
	cf, ca := h.eng.Window(wf), h.eng.Window(wa)
	if cf == nil || ca == nil {
		return calendar.Date{}, false
	}
	for _, iv := range cf.Intervals() {
		open := iv.To.AddDays(1)
		if ca.Contains(iv.To) || !ca.Contains(open) {
			continue
		}
		if !today.Before(iv.From) && !today.After(iv.To) {
			return today, true
		}
		if today.After(iv.To) {
			if next, ok := ca.Find(today); ok && next.From == open {
				return iv.To, true
			}
			continue
		}
		return iv.To, true
	}
	return calendar.Date{}, false
}
