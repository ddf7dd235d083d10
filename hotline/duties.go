package hotline

import (
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// IntentDuty is a question about what a notice makes someone other than
// the caller do (门前三包是要管么子, 现金冇按时入库 哪个负责, 油茶基地
// 组织人摘果之前要做么子): answered with who bears the duty and the
// notice's own sentence, not with a verdict on an act — a duty is
// nobody's permission and nobody's ban.
const IntentDuty Intent = "duty"

// dutyAsked is the index, in the vocabulary's duties, of the duty a call
// asks about: the first whose words it says (and one of its with-words,
// when it has any), in a call that asks who or what (the grammar's duty
// words); -1 for none.
func (p *parser) dutyAsked(rd *reading) int {
	// the duty's words first: fewer than the ways of asking, and a call
	// that names no duty needs no search for them
	for i, d := range p.voc.Duties {
		if rd.says(d.Words) && (len(d.With) == 0 || rd.says(d.With)) && !rd.says(d.Unless) && !saidFalse(d.Duty, rd) {
			if len(rd.acts) > 0 && rd.says(p.g.OwnPart) {
				// 叫个私人拉走 我有么子责任: the caller's own act asked of
				return -1
			}
			if d.Duty.Refer && len(rd.acts) > 0 {
				// 规划区外有人倒渣土 归哪个管: the act's own answer (no
				// rule there) names who decides where the rules stop
				continue
			}
			// 市场消防整改搞不好会么样: a duty named with no act, asked
			// what follows, asks what the duty is and who bears it
			if !d.Lookup && !rd.says(p.g.Duty) && !p.whetherBears(rd) && (len(rd.acts) > 0 || !rd.says(p.g.Consequence)) {
				return -1
			}
			return i
		}
	}
	return -1
}

// whetherBears reports whether the call asks yes or no whether someone
// bears a duty (开店的要不要负责), not right after a person word: 我要负责不
// asks of the caller's own act.
func (p *parser) whetherBears(rd *reading) bool {
	for _, w := range p.g.DutyWhether {
		if k := strings.Index(rd.text, w); k >= 0 && p.hasSuffixLen(rd.text[:k], p.g.Persons) == 0 {
			return true
		}
	}
	return false
}

// saidFalse reports whether the facts the call states make the duty's
// condition false: 我们村不在城市规划区 有人倒建筑垃圾 归哪个管 asks of no
// department of the measures (they apply in the planning area) but of
// the act there, whose answer names who supervises outside it.
func saidFalse(d *rules.Duty, rd *reading) bool {
	if d.Program == nil || len(rd.facts) == 0 {
		return false
	}
	said := map[string]bool{}
	for _, h := range rd.facts {
		for _, v := range h.w.facts {
			if b, ok := v.V.(bool); ok && !v.Presumed {
				said[v.Fact] = b
			}
		}
	}
	var st cond.State
	for _, v := range d.Program.Vars {
		if v.Macro != nil {
			continue // evaluated in place, from the facts it reads
		}
		switch v.Kind {
		case cond.Bool:
			for len(st.Bool) <= v.Slot {
				st.Bool = append(st.Bool, cond.Unknown)
			}
			if b, ok := said[v.Name]; ok && !v.Window {
				st.Bool[v.Slot] = cond.TriOf(b)
			}
		case cond.Number:
			for len(st.Num) <= v.Slot {
				st.Num = append(st.Num, cond.Num{})
			}
		case cond.Enum:
			for len(st.Str) <= v.Slot {
				st.Str = append(st.Str, "")
			}
		}
	}
	return d.Program.Eval(&st) == cond.False
}

// duty answers a question about a duty: who bears it, first, then the
// notice's sentence — cut to what may be read aloud, never the citation —
// then the notice and article.
func (h *Hotline) duty(u *understanding, req Request) *Answer {
	c, l := h.cat, req.Lang
	q := u.queries[0]
	q.NotUnderstood = []string{}
	du := h.voc.Duties[u.duty].Duty
	a := &Answer{Intent: IntentDuty, Query: q, Details: &Details{Why: []string{c.T(l, "quote", "text", du.Text)},
		NotUnderstood: q.NotUnderstood}, FollowUp: []FollowUp{}, Lang: l,
		// the duty's sentence is the answer's ground, cited as a decision's rules are
		Reasons: []engine.Reason{{Citation: engine.Citation{Notice: du.Notice.Number, NoticeTitle: du.Notice.Title, Article: du.Article, Text: du.Text},
			Status: quotedStatus}}}
	cite := c.T(l, "grounds.cite", "notice", du.Notice.Number, "article", c.Article(l, du.Article))
	// who first, in the headline; who said in several parts (物业管理单位；
	// 未实行物业管理的…：社区居民委员会) does not fit one: the headline
	// cites, and who follows whole
	a.Headline = c.T(l, "duty.who", "who", du.Who)
	if h.voc.Duties[u.duty].Lookup {
		// 我爸医保交了冇: a record, not a permission — where it is kept
		a.Headline = c.T(l, "duty.lookup", "who", du.Who)
	}
	spoken := []string{a.Headline}
	grounds := c.T(l, "grounds", "cites", cite)
	if utf8.RuneCountInString(a.Headline) > maxHeadline(l) {
		a.Headline, grounds = c.T(l, "duty.cite", "cite", cite), ""
		spoken = []string{a.Headline, c.T(l, "duty.who.long", "who", du.Who)}
	}
	room := maxSpoken(l) - utf8.RuneCountInString(strings.Join(spoken, "")+grounds) - len(spoken) - 1
	quote := ""
	if bare := utf8.RuneCountInString(c.T(l, "duty.text", "text", "")); room > bare+8 {
		quote = c.T(l, "duty.text", "text", clipClause(strings.TrimRight(du.Text, "，,；;。"), room-bare))
	}
	spoken = append(spoken, quote, grounds)
	must := []bool{true, true, false, true}
	if len(spoken) == 3 {
		must = []bool{true, false, true}
	}
	a.Answer = fitKeeping(spoken, must, maxSpoken(l))
	return a
}
