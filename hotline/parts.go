package hotline

// A call that asks several things, or of several people: parted into questions each read on its own.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// pairParts parts a call that tells of two or more people or households,
// each in clauses of its own, and asks of them together (我娘在屋里烤火，
// 我舅在林子里烤火，两个都要得不): each part is the call without the other
// people's clauses, so each is decided on its own facts, not the first's.
// A clause after the last person's that says only a day (…，10月25号) is
// everyone's, and so are the words naming the act before the first person
// (用职工医保个人账户给我爸交…). Where the first person's case is told as
// known (…冇事) and nobody is asked of together, the one part is the
// others'; where no 都 asks of them together but each is said doing the
// act on facts of their own (我摘自家的，我儿子去隔壁山上摘), each is asked.
// nil unless each part is one act.
func (p *parser) pairParts(rd *reading, today calendar.Date) []*understanding {
	text := rd.text
	spans := pauseSpans(text)
	if len(spans) < 2 || len(spans) > 2*MaxAnswers {
		return nil
	}
	owner := make([]int, len(spans)) // 0: everyone's
	glued := -1                      // a span said right after the one before it, with no pause
	var named []int                  // the span naming each person
	n, first, too := 0, 0, 0
	self := false // the last person named is the caller alone
	last := spans[len(spans)-1]
	both := p.hasAny(text[last[0]:last[1]], p.g.PairBoth)
	for k, sp := range spans {
		s := text[sp[0]:sp[1]]
		switch {
		case p.hasAny(s, p.g.PairBoth):
			// (…我妈冇工作，两个人的医保我都帮他们交，要得不: or said after
			// two people were named, naming them (两个人), it asks of both)
			both = both || (n == 0 || n >= 2) && p.hasAny(s, p.g.PairNamed)
		case p.claims(s):
			// 我记得离山五十米以内才不准 (别个讲…): the rule as heard, told
			// by whoever — no one's case of the act
			owner[k] = n
		case p.hasAny(s, p.g.PairSubjects):
			// 单位给我买了社保的，我也交个居民医保: the caller named again
			// is the same person, not a second one
			caller := p.callerOnly(s)
			if caller && self {
				owner[k] = n
				break
			}
			// 我爸的单位交了职工医保，也给他交一份居民的: 他 said as the one
			// an act is done for (给他, 帮他), after someone other than the
			// caller, is that one again, not a third person
			if n > 0 && !self && p.pronounOnly(s) {
				owner[k] = n
				break
			}
			// (我爸有职工医保，他也交一份居民医保: 他 opening the clause after
			// another person named last is that person — 我交居民医保，我儿子
			// 在深圳交了…，他屋里这边也交吧 too)
			if n >= 1 && !self && p.pronounOpens(s) && !p.callerNamed(text[spans[named[n-1]][0]:spans[named[n-1]][1]]) &&
				(n == 1 || toldDone(rd, spans[named[n-1]])) {
				owner[k] = n
				break
			}
			if n == 0 {
				first = k
			}
			n++
			owner[k] = n
			named = append(named, k)
			self = caller
		default:
			owner[k] = n // told of whoever was named last
		}
		if n > 1 && p.hasAny(s, p.g.PairToo) {
			too = n
		}
	}
	// 我的货车是空车去接人，车厢里也坐了人: the last person's 也 asks of
	// everyone (an earlier one's — 我老婆交了…，我单位也帮我交了…，那我还要
	// 再交…不 — tells the story of the one asked last)
	saidBoth := both
	both = both || too > 1 && too == n
	if n < 2 || n > MaxAnswers {
		return nil
	}
	// (用职工医保个人账户给我爸交，再给我表哥也交一个: the act named before
	// the first person, in the first person's clause, is everyone's)
	if at := p.firstSubject(text[spans[first][0]:spans[first][1]]); at > 0 && rd.actWithin(spans[first][0], spans[first][0]+at) {
		sp := spans[first]
		spans = slices.Insert(spans, first, [2]int{sp[0], sp[0] + at})
		spans[first+1][0] = sp[0] + at
		owner = slices.Insert(owner, first, 0)
		for x := range named {
			if named[x] >= first {
				named[x]++
			}
		}
		first++
		glued = first
	}
	apart := false // each asked of only where their cases differ
	k := len(spans) - 1
	for ; k >= 0 && owner[k] != 1; k-- {
	}
	if !both && !p.toldKnown(text, spans[k]) && p.eachDoes(rd, spans, named) {
		// (我摘自家的，我儿子去隔壁山上摘，行不行: people doing one act,
		// each on a case of their own, asked together with no 都 — each
		// is asked of where their facts differ, never one case for all)
		both, apart = true, true
	}
	if !both {
		// 我在屋里烤火冇事，我爸要到林子里烤火: the first person's case
		// told as known, the others' is the one asked — on their own place
		if !p.toldKnown(text, spans[k]) {
			return nil
		}
		var b strings.Builder
		for k, sp := range spans {
			if owner[k] != 1 {
				if b.Len() > 0 {
					b.WriteString("，")
				}
				b.WriteString(text[sp[0]:sp[1]])
			}
		}
		part := p.understand(b.String(), today)
		if part.intent != IntentDecision || len(part.queries) != 1 || part.queries[0].Activity == "" {
			return nil
		}
		return []*understanding{part}
	}
	for k := len(spans) - 1; k >= 0 && owner[k] == n; k-- {
		if p.hasAny(text[spans[k][0]:spans[k][1]], p.g.PairSubjects) {
			break
		}
		// 另一家摘别人山上的，10月25号: a day alone is when both are asked of
		if q := p.understand(text[spans[k][0]:spans[k][1]], today).queries; len(q) == 1 && q[0].Activity == "" && q[0].DateWords != "" {
			owner[k] = 0
		}
	}
	parts := make([]*understanding, 0, n)
	for who := 1; who <= n; who++ {
		var b strings.Builder
		for k, sp := range spans {
			if owner[k] != 0 && owner[k] != who {
				continue
			}
			if b.Len() > 0 && k != glued {
				b.WriteString("，")
			}
			s := text[sp[0]:sp[1]]
			if owner[k] == 0 && k > first {
				for _, w := range p.g.PairDropped {
					s = strings.ReplaceAll(s, w, "")
				}
			}
			b.WriteString(s)
		}
		part := p.understand(b.String(), today)
		if part.intent != IntentDecision || len(part.queries) != 1 || part.queries[0].Activity == "" {
			return nil
		}
		parts = append(parts, part)
	}
	// (给我妈交了医保，我自己单位买了职工医保，我也在村里交一份居民的: the
	// first person's act only told done, the last's asked with 也 alone, is
	// the story of the one asked — the call is read whole)
	if !saidBoth && toldOnly(parts[0]) && !toldOnly(parts[len(parts)-1]) {
		return nil
	}
	if apart && !differ(parts) {
		return nil
	}
	return parts
}

// toldDone reports whether stretch sp says an act and every act in it is
// told done (我儿子在深圳交了那边的居民医保): the story of the one a later 他
// speaks of, not a case asked — after a second person, 他 is that person
// only then (我叔叔在山上烧，他也放鞭炮 may be a third).
func toldDone(rd *reading, sp [2]int) bool {
	found := false
	for _, h := range rd.acts {
		if h.i < sp[0] || h.j > sp[1] || h.w.activity == nil {
			continue
		}
		if !h.bg || h.when {
			return false
		}
		found = true
	}
	return found
}

// toldKnown reports whether the stretch sp of text tells a case as known
// (我在屋里烤火冇事): it ends with a word of Known, neither inside a longer
// asking word (有冇得事) nor followed by a question mark — 她在屋里烧纸有冇得
// 事？ asks it, a question of its own.
func (p *parser) toldKnown(text string, sp [2]int) bool {
	s := text[sp[0]:sp[1]]
	if !p.hasSuffixAny(s, p.g.Known) || p.hasSuffixAny(s, p.g.Asking) {
		return false
	}
	rest := text[sp[1]:]
	return !strings.HasPrefix(rest, "?") && !strings.HasPrefix(rest, "？")
}

// callerOnly reports whether the only person clause s names is the caller:
// every pair subject in it is the first person said as the one an act is
// done for (给我, 帮我), right before a verb lead (我也, 我还, 我想) or as
// himself (我自己) — not 我们, 我爸, 他.
func (p *parser) callerOnly(s string) bool {
	return p.everySubject(s, func(w string, i, j int) bool {
		return slices.Contains(p.g.FirstPerson, w) && !p.kinAt(s[i:]) &&
			(p.hasSuffixAny(s[:i], p.g.PairSelfBefore) || p.startsWithAny(s[j:], p.g.VerbLeads) || p.startsWithAny(s[i:], p.g.Self))
	})
}

// eachDoes reports whether the span naming each person (spans[named[x]])
// says an act or a verb of its own, and none turns from a case known (可以给
// 我儿子交，那给我小舅子交行不): each person said doing something.
func (p *parser) eachDoes(rd *reading, spans [][2]int, named []int) bool {
	for _, k := range named {
		sp := spans[k]
		in := func(h hit) bool { return h.i >= sp[0] && h.j <= sp[1] }
		if !slices.ContainsFunc(rd.acts, in) && !slices.ContainsFunc(rd.verbs, in) || p.startsWithAny(rd.text[sp[0]:sp[1]], p.g.ContrastOpen) {
			return false
		}
	}
	return true
}

// differ reports whether parts are of one activity, each asked on facts
// of its own: some fact's value differs between two of them.
func differ(parts []*understanding) bool {
	a := parts[0].queries[0]
	for _, u := range parts[1:] {
		b := u.queries[0]
		// (…我十月十五号在自己山上摘: nor on days of their own — a day
		// said once is read for the whole call)
		if b.Activity != a.Activity || b.Date != a.Date || b.DateWords != "" || a.DateWords != "" {
			return false
		}
	}
	for _, u := range parts[1:] {
		b := u.queries[0]
		for f, v := range a.Facts {
			if w, ok := b.Facts[f]; ok && !sameValue(v, w) {
				return true
			}
		}
	}
	return false
}

// toldOnly reports whether every act of u's one query's activity is told
// as done (交了医保), none asked.
func toldOnly(u *understanding) bool {
	id := u.queries[0].Activity
	found := false
	for _, h := range u.rd.acts {
		if h.w.activity == nil || h.w.activity.ID != id {
			continue
		}
		if !h.bg || h.when {
			return false
		}
		found = true
	}
	return found
}

// firstSubject is where the first pair subject clause s names starts, -1
// for none.
func (p *parser) firstSubject(s string) int {
	at := -1
	p.everySubject(s, func(_ string, i, _ int) bool {
		if at < 0 || i < at {
			at = i
		}
		return true
	})
	return at
}

// kinAt reports whether s opens with a person the caller names as his kin
// (我爸 of 给我爸交): someone else, not the caller.
func (p *parser) kinAt(s string) bool {
	return slices.ContainsFunc(p.kinNouns, func(k kinNoun) bool { return strings.HasPrefix(s, k.noun) }) || p.startsWithAny(s, p.g.Kin)
}

// onlyCallerNamed reports whether clause s names a pair subject and every
// one it names is the caller (我在屋里烧包; not 我爸, 我跟我哥).
func (p *parser) onlyCallerNamed(s string) bool {
	return p.everySubject(s, func(w string, i, _ int) bool { return slices.Contains(p.g.FirstPerson, w) && !p.kinAt(s[i:]) })
}

// callerNamed reports whether a pair subject clause s names is the caller
// himself (我在…), not his kin (我爸) nor another.
func (p *parser) callerNamed(s string) bool {
	named := false
	p.everySubject(s, func(w string, i, _ int) bool {
		named = named || slices.Contains(p.g.FirstPerson, w) && !p.kinAt(s[i:])
		return true
	})
	return named
}

// pronounOpens reports whether clause s opens with a third-person pronoun
// (他也交) and names no other pair subject.
func (p *parser) pronounOpens(s string) bool {
	s = strings.TrimLeftFunc(s, clauseBreakOrSpace)
	n := p.longestPrefix(s, p.g.ThirdPerson)
	return n > 0 && p.everySubject(s, func(_ string, i, _ int) bool { return i == 0 })
}

// pronounOnly reports whether every pair subject clause s names is a
// third-person pronoun said as the one an act is done for (给他, 帮她).
func (p *parser) pronounOnly(s string) bool {
	return p.everySubject(s, func(w string, i, _ int) bool {
		return slices.Contains(p.g.ThirdPerson, w) && p.hasSuffixAny(s[:i], p.g.PairSelfBefore)
	})
}

// everySubject reports whether clause s names a pair subject and each one
// it names, the word w at s[i:j], is as ok says.
func (p *parser) everySubject(s string, ok func(w string, i, j int) bool) bool {
	found := false
	for _, w := range p.g.PairSubjects {
		for from := 0; ; {
			k := strings.Index(s[from:], w)
			if k < 0 {
				break
			}
			i := from + k
			from = i + len(w)
			if !ok(w, i, from) {
				return false
			}
			found = true
		}
	}
	return found
}

// compareParts parts a call comparing one act on two days (12月交医保跟
// 1月交有什么区别): the words before the join, on the first day, and the
// same words with the second day in the first's place, each followed by
// what is said after the second day (what is compared) — each decided on
// its own day, not the first alone. Nil unless both are one decision.
func (p *parser) compareParts(rd *reading, today calendar.Date) []*understanding {
	var ds []dates.Mention
	for _, m := range rd.dates {
		if !m.Bad && !m.Weak {
			ds = append(ds, m)
		}
	}
	// a year said right before the day is the day's (明年2月份)
	for k := range ds {
		for _, w := range rd.dates {
			if w.Weak && w.End == ds[k].Start {
				ds[k].Start = w.Start
			}
		}
	}
	if len(ds) != 2 || ds[0].End > ds[1].Start || !p.hasAny(rd.text[ds[1].End:], p.g.Compare) {
		return nil
	}
	d1, d2 := ds[0], ds[1]
	join := -1
	for _, w := range p.g.CompareJoin {
		if k := d2.Start - len(w); k > d1.End && strings.HasSuffix(rd.text[:d2.Start], w) {
			join = k
		}
	}
	if join < 0 {
		return nil
	}
	// what is compared is said after the second day (…十二月份交，价钱一样不):
	// each is asked it
	tail := "，" + rd.text[d2.End:]
	first := rd.text[:join]
	second := rd.text[:d1.Start] + rd.text[d2.Start:d2.End] + rd.text[d1.End:join]
	parts := make([]*understanding, 0, 2)
	for _, s := range []string{first, second} {
		part := p.understand(s+tail, today)
		if part.intent != IntentDecision || len(part.queries) != 1 || part.queries[0].Activity == "" {
			return nil
		}
		parts = append(parts, part)
	}
	return parts
}

// pauseSpans are the stretches of text between pauses (spaces and clause
// breaks), as byte offsets [start, end), in order.
func pauseSpans(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		switch pause := clauseBreakOrSpace(r); {
		case pause && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		case !pause && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// docSubjectParts parts a call asking of two documents named by subject
// (森林防火禁火令还有效吗 油茶采摘的通告还有效吗) at each pause after which
// the words to the next pause are a document question of their own; words
// that are not (请问) go with the question before them, or after them at
// the start. A call that says a number is parted by docParts alone (祁政通
// 2024年2号 消防安全除患攻坚的通告还执行不 names one document twice). nil
// for a call of one question.
func (p *parser) docSubjectParts(rd *reading, today calendar.Date) []*understanding {
	spans := pauseSpans(rd.text)
	if len(spans) < 2 || len(p.docRefs(rd.text)) > 0 || p.saysDocN(rd.text) {
		return nil
	}
	var starts []int
	for k, sp := range spans {
		if part := p.understand(rd.text[sp[0]:sp[1]], today); part.intent == IntentDocument {
			starts = append(starts, k)
		}
	}
	if len(starts) < 2 {
		return nil
	}
	var parts []*understanding
	for n, k := range starts {
		from, to := spans[k][0], len(rd.text)
		if n == 0 {
			from = 0
		}
		if n+1 < len(starts) {
			to = spans[starts[n+1]][0]
		}
		part := p.understand(strings.TrimSpace(rd.text[from:to]), today)
		if part.intent != IntentDocument {
			return nil
		}
		parts = append(parts, part)
	}
	return parts
}

// asksIn reports whether the words t ask a question (吗, 要得不, or one
// of AskingEnd last: 城区能摆摊不), not only tell what the caller will do
// (想给屋里人交医保, 屋里办喜事要放鞭炮: why a document is asked after).
func (p *parser) asksIn(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	return p.hasAny(t, p.g.Asking) || slices.ContainsFunc(p.g.AskingEnd, func(e string) bool { return strings.HasSuffix(t, e) })
}

// docActParts parts a call asking of a document and of an act, either
// first (7号文件还有效吗，山上能烧火不; 山上能烧纸不，还有那个禁火令现在还算数不),
// at the first pause where the words before it, read on their own, ask of
// a document and the words after it of a covered act, or the other way
// round; nil for a call of one question. Only a call with a document word
// or number is tried: the parts are read again, each on its own.
func (p *parser) docActParts(rd *reading, today calendar.Date) []*understanding {
	if !p.textHas(rd, p.g.Document) && !(strings.Contains(rd.text, "号") && len(p.docRefs(rd.text)) > 0) {
		return nil
	}
	spans := pauseSpans(rd.text)
	if len(spans) < 2 {
		return nil
	}
	isAct := func(u *understanding) bool {
		return u.intent == IntentDecision && len(u.queries) == 1 && u.queries[0].Activity != ""
	}
	// each part asks (吗, 不, 还算数不): 看到通知说…施行，想确认一下：当天…
	// tells where a day was read, and asks of the act alone
	asks := p.asksIn
	for _, sp := range spans[1:] {
		head, tail := strings.TrimSpace(rd.text[:sp[0]]), strings.TrimSpace(rd.text[sp[0]:])
		// (禁火令是9月1日起施行吗？当天在山上烧荒…: 当天 points back to the
		// document's day, and the call asks of the act that day)
		if !asks(head) || !asks(tail) || p.hasAny(tail, p.g.BackThen) {
			continue
		}
		first := p.understand(head, today)
		if first.intent != IntentDocument && !isAct(first) {
			continue
		}
		second := p.understand(tail, today)
		if first.intent == IntentDocument && isAct(second) || isAct(first) && second.intent == IntentDocument {
			return []*understanding{first, second}
		}
	}
	return nil
}

// questionParts parts a call at a question mark where the question before
// it and the words after it are of two kinds — one asks for no decision (a
// number, a period, a document, a duty) and the other of a covered act
// (山上冒烟了打哪个电话？还有我自己明天能不能上山烧点纸; 禁火期是从哪天到哪天？
// 这个礼拜六在山上野炊): each its own answer, in the order asked, not the
// act folded into the other's answer or dropped. The words after the mark
// may be parted again (…能收新茶籽榨油吗？那个通告是哪个单位发的？我家…行吧).
// nil for a call of one question, or of questions all of one kind.
// A call of more question marks than MaxAnswers is not parted here: each
// mark tried reads the words on both sides.
func (p *parser) questionParts(rd *reading, r *partReader) []*understanding {
	other := func(u *understanding) bool {
		switch u.intent {
		case IntentDocument, IntentReport, IntentDuty:
			// (禁火期是从几号到几号？我在山上守林子想生堆火: a period
			// asked beside an act is answered with its verdict, as one)
			return len(u.parts) == 0
		}
		return false
	}
	// the question right before the mark is itself of that kind, not
	// words of a story before a question of an act (…有人拍照投诉我。
	// 我想问下在城里拉渣土一定要盖起来吗？)
	lastAsks := func(head string, u *understanding) bool {
		sp := pauseSpans(head)
		if len(sp) < 2 {
			return true
		}
		last := r.readOne(head[sp[len(sp)-1][0]:])
		return last.intent == u.intent
	}
	isAct := func(u *understanding) bool {
		return u.intent == IntentDecision && len(u.queries) == 1 && u.queries[0].Activity != ""
	}
	// an act no rule covers, asked of alone (办驾照的体检去哪里？…在城里
	// 人行道上摆摊要罚吗): read with a covered act it is dropped, and its
	// answer (no rule) is the caller's as much as the other's
	// — but words not understood, said as 那…呢, are the act before asked
	// again, not one of their own (…烧田埂，算不算禁火区域？一百零一米呢)
	uncovered := func(u *understanding) bool {
		if u.intent != IntentDecision || len(u.queries) != 1 || u.queries[0].Activity != "" || u.queries[0].Act == "" {
			return false
		}
		// (nor a covered act denied: 我自己没工作能交居民医保吧)
		if slices.ContainsFunc(u.queries[0].Understood, func(w Understood) bool { return w.Kind == "negated" }) {
			return false
		}
		known := slices.ContainsFunc(u.queries[0].Understood, func(w Understood) bool { return w.Kind == "act" })
		return known || !p.hasSuffixAny(u.rd.text, p.g.Ellipsis)
	}
	// the uncovered act is asked right at the mark: the head's last clause
	// or the tail's first names it, not a story told before or after
	// (…我用卷尺量过的…我觉得一百米应该不算吧？冬天在这块田里烧田埂要得不)
	atMark := func(text string, u *understanding, last bool) bool {
		sp := pauseSpans(text)
		if len(sp) < 2 {
			return true
		}
		k := sp[0]
		if last {
			k = sp[len(sp)-1]
		}
		one := r.readOne(strings.TrimSpace(text[k[0]:k[1]]))
		return uncovered(one) && one.queries[0].Act == u.queries[0].Act
	}
	// a part of its own parts holding a question of each kind
	mixed := func(u *understanding) bool {
		return u.intent == IntentSeveral && slices.ContainsFunc(u.parts, other) && slices.ContainsFunc(u.parts, isAct)
	}
	spans := pauseSpans(rd.text)
	if len(spans) < 2 || strings.Count(rd.text, "？")+strings.Count(rd.text, "?") > MaxAnswers {
		return nil
	}
	for _, sp := range spans[1:] {
		before := strings.TrimRightFunc(rd.text[:sp[0]], unicode.IsSpace)
		if !strings.HasSuffix(before, "？") && !strings.HasSuffix(before, "?") {
			continue
		}
		head, tail := strings.TrimSpace(before), strings.TrimSpace(rd.text[sp[0]:])
		if p.hasAny(tail, p.g.BackThen) {
			continue // 当天在山上烧荒: the act asked on the day the other names
		}
		// (哪个讲不准烧纸的？坟山上烧纸有么子文件不准: a rule challenged
		// alone before the mark is the caller's lead-in to the case asked
		// after it, not a question of its own — mandarin.yaml challenge_open)
		// (是不是只有城里才禁放？我们村里…放鞭炮总可以吧: so is a premise
		// that only one case is banned, only_premise, as it is inside one
		// question; and 上坟不点香那还叫上坟？…: a question that answers
		// itself, rhetorical)
		if len(pauseSpans(head)) == 1 && (p.startsWithAny(head, p.g.ChallengeOpen) || p.startsWithAny(head, p.g.OnlyPremise)) ||
			p.hasAny(lastSpan(head), p.g.Rhetorical) {
			continue
		}
		// (read as one first: a head that is of neither kind as one is of
		// neither when parted, and its marks need not be tried)
		if one := r.readOne(head); !isAct(one) && !other(one) && !uncovered(one) {
			continue
		}
		first := r.read(head)
		if !isAct(first) && !uncovered(first) && !(other(first) && lastAsks(head, first)) {
			continue
		}
		second := r.read(tail)
		switch {
		case other(first) && (isAct(second) || mixed(second)), isAct(first) && (other(second) || mixed(second)):
		// (…危房改造有冇得补助？怎么申请: how it is claimed or done asks
		// of the act before, whatever act 申请 may spell alone)
		case uncovered(first) && atMark(head, first, true) && isAct(second) &&
			!p.hasAny(tail, p.g.Claim) && !p.hasAny(tail, p.g.How),
			isAct(first) && uncovered(second) && atMark(tail, second, false):
		case isAct(first) && isAct(second) && p.secondActLost(r.readOne(rd.text), first, second, tail):
		default:
			continue
		}
		parts := []*understanding{first}
		if second.intent == IntentSeveral {
			return append(parts, second.parts...)
		}
		return append(parts, second)
	}
	return nil
}

// secondActLost reports whether a call read whole answers one act where
// the questions either side of a mark ask of two covered acts of their
// own (油坊10月8号收新茶籽榨油可以吗？我在茶山边上烧一堆茶枯饼的壳子行不):
// read whole, the second act's bare verb or frame yields to the first's,
// and the caller's second question goes unanswered. The words after the
// mark must ask themselves (行不, 呢, 吗): a statement after a question
// (…可以不？摘的是我舅舅家的) tells the first act's case, not a second
// question.
func (p *parser) secondActLost(whole, first, second *understanding, tail string) bool {
	if whole.intent != IntentDecision || len(whole.queries) != 1 {
		return false
	}
	a, b := first.queries[0].Activity, second.queries[0].Activity
	if a == b || whole.queries[0].Activity != a && whole.queries[0].Activity != b || p.sameFamily(a, b) {
		return false
	}
	if p.hasAny(tail, p.g.Asking) || p.hasAny(tail, p.g.Where) || p.asks(tail) || p.hasAny(tail, p.g.Wishes) {
		return true
	}
	// (a clause of it ending as a question does: …烧火取暖呢，工地离山很远)
	for _, sp := range pauseSpans(tail) {
		t := strings.TrimRightFunc(tail[sp[0]:sp[1]], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
		if p.endsWithAny(t, p.g.AskingEnd) || p.hasSuffixAny(t, p.g.Ellipsis) {
			return true
		}
	}
	return false
}

// sameFamily reports whether activities a and b (ids) are kinds of one
// root or of one notice's file: two questions of one matter (一家人是不是都要交？只交老人的…要得不;
// 学平险算不算医保？…又在家里交了一遍呢) are one matter asked in steps,
// which the whole call's reading weighs — the partial or second form wins
// there, and read apart the first step would answer the plain act.
func (p *parser) sameFamily(a, b string) bool {
	x, ok1 := p.set.Activity(a)
	y, ok2 := p.set.Activity(b)
	if !ok1 || !ok2 {
		return true
	}
	root := func(k *rules.Activity) *rules.Activity {
		for k.Parent != nil {
			k = k.Parent
		}
		return k
	}
	return root(x) == root(y) || x.File == y.File
}

// lastSpan is text's last part between pauses (the question right before
// its mark).
func lastSpan(text string) string {
	sp := pauseSpans(text)
	if len(sp) == 0 {
		return text
	}
	return text[sp[len(sp)-1][0]:sp[len(sp)-1][1]]
}

// hasSuffixAny: s, its closing punctuation trimmed, ends with one of words.
func (p *parser) hasSuffixAny(s string, words []string) bool {
	s = strings.TrimRight(s, pauses)
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// afterPause: the text before a document number ends at a pause — a space,
// a clause break or a connector (还有) — so the number begins a question of
// its own; 油茶采摘还按祁政通2024年8号执行不 runs into it, one question.
// saidAsOwn reports whether a is said as the caller's own act: a first
// person word before it in its clause (我在城里人行道上摆摊, 我店门口的
// 货摆出去了) or a may-I question in its clause (整治期到几号 城里人行道
// 上堆货要得不), not an act named as a period's subject (摆摊的整改期).
func (p *parser) saidAsOwn(rd *reading, a hit) bool {
	if a.neg || a.clause < 0 || a.i > len(rd.clauses) {
		return false
	}
	from := rd.clauseStart(a.i, a.clause)
	if p.hasAny(rd.text[from:a.i], p.g.FirstPerson) {
		return true
	}
	// (大后天在山上烧荒还来得及不, 结束以后能在人行道上摆摊了不: the
	// act's clause asks of it by a particle at its end or by 是不是就可以,
	// when the period is asked in another clause)
	t := clauseText(rd, a.clause)
	if p.hasAny(t, p.g.Asking) {
		return true
	}
	own := strings.TrimRight(t, pauses)
	return a.clause > 0 && (p.endsWithAny(own, p.g.AskingEnd) || p.hasAny(own, p.g.ActAsks))
}

// clauseStart is where the clause that before ends in starts: after its
// last space or clause break; 0 when it has none.
func clauseStart(before string) int {
	at := 0
	for i, r := range before {
		if unicode.IsSpace(r) || clauseBreak(r) {
			at = i + utf8.RuneLen(r)
		}
	}
	return at
}

func (p *parser) afterPause(before string) bool {
	t := strings.TrimRight(before, " ")
	if t != before || t == "" {
		return true
	}
	if r, _ := utf8.DecodeLastRuneInString(t); clauseBreak(r) {
		return true
	}
	for _, c := range p.g.Connectors {
		if strings.HasSuffix(t, c) {
			return true
		}
	}
	return false
}

// kindInTopic is the kind of the family of topic's activity (its root
// and every kind below it) whose names hold the words of act a, said in a
// later clause that asks the same of it (渣土车不盖篷布行不行 超载呢: 超载
// of a construction-waste truck is 超载运输建筑垃圾, not the oil-tea
// overloading the word names alone); nil when a is of that family
// already, or when none or several kinds fit.
func (p *parser) kindInTopic(topic, a hit) *rules.Activity {
	t, w := topic.w.activity, a.w.activity
	if t == nil || w == nil || a.words == "" {
		return nil
	}
	root := t
	for root.Parent != nil {
		root = root.Parent
	}
	if w.IsA(root) {
		return nil
	}
	var fit *rules.Activity
	for _, k := range p.set.Activities {
		if !k.IsA(root) || !slices.ContainsFunc(append([]string{k.Name}, k.Synonyms...), func(n string) bool { return strings.Contains(n, a.words) }) {
			continue
		}
		if fit != nil {
			return nil // two kinds fit: the words name neither
		}
		fit = k
	}
	return fit
}

// splitValues asks an act once for each of several values of one fact
// said joined (寒露籽和霜降籽今天都能摘吗, 低保户跟特困户交多少): the
// values are joined by a connector (和, 跟, 、) or the second said to be
// there too (values_too: 也有), with nothing else between, and each answer takes one of them — never one of them alone
// for both (我家山上有寒露籽也有霜降籽，今天一起摘 was 可以).
func (p *parser) splitValues(rd *reading, acts []hit) []hit {
	var out []hit
	for _, a := range acts {
		group := p.joinedValues(rd, a, acts)
		if len(group) < 2 {
			out = append(out, a)
			continue
		}
		// 良种油茶跟寒露籽一样10月8号就能摘吧: the value said after the
		// connector and before a likeness (一样), no question of it after,
		// is the standard the first is likened to — the first is asked
		if g := rd.facts[group[1]]; len(group) == 2 && p.likenedTo(rd, g) {
			b := a
			b.skip = append(b.skip[:len(b.skip):len(b.skip)], g.i)
			out = append(out, b)
			continue
		}
		for _, keep := range group {
			b := a
			b.skip = nil
			for _, o := range group {
				if o != keep {
					b.skip = append(b.skip, rd.facts[o].i)
				}
			}
			out = append(out, b)
		}
	}
	return out
}

// likenedTo reports whether the fact phrase g is said right before a word
// of likeness (compare_case: 一样, 一回事) that asks no comparison itself
// (compare: 一样不, 一样吗): X跟g一样… likens X to g and asks of X.
func (p *parser) likenedTo(rd *reading, g hit) bool {
	after := rd.text[g.j:]
	return p.startsWithAny(after, p.g.CompareCase) && !p.startsWithAny(after, p.g.Compare)
}

// joinedValues are the fact phrases (indices in rd.facts) in a's clause
// that give different values of one enum fact, joined by connectors; nil
// when there are not two.
func (p *parser) joinedValues(rd *reading, a hit, acts []hit) []int {
	var group []int
	for k := 0; k+1 < len(rd.facts); k++ {
		f, g, m := rd.facts[k], rd.facts[k+1], k+1
		// (…寒露籽…，我家的是霜降籽，也一起摘了: a value in a clause of its
		// own is the next of its fact, phrases of other facts between)
		if len(f.w.facts) > 0 {
			for x := k + 1; x < len(rd.facts); x++ {
				if h := rd.facts[x]; h.clause != f.clause && len(h.w.facts) > 0 && h.w.facts[0].Fact == f.w.facts[0].Fact {
					if x > k+1 && slices.ContainsFunc(rd.facts[k+1:x], func(o hit) bool { return o.clause == f.clause }) {
						break
					}
					g, m = h, x
					break
				}
			}
		}
		// (我家山上有寒露籽和霜降籽，今天一起摘: or in a clause of no act
		// before the act's, the scene it is done in)
		own := f.clause == a.clause || f.clause < a.clause && !slices.ContainsFunc(acts, func(o hit) bool { return o.clause == f.clause }) ||
			// (明天摘茶籽，我家的寒露籽跟我舅家的霜降籽都摘: or in a later clause
			// saying the act again)
			f.clause > a.clause && slices.ContainsFunc(rd.acts, func(o hit) bool { return o.clause == f.clause && p.sameAct(o, a) })
		if !own || f.neg || g.neg || len(f.w.facts) == 0 || len(g.w.facts) == 0 {
			continue
		}
		// (寒露籽摘得哒啵，我屋里霜降籽也有，一起摘咯: or one in a clause of
		// its own, of no act, said to be there too, right beside the
		// act's — the scene around the act, before it or after)
		if g.clause != f.clause && !p.tooAround(rd, a, f, g, acts) {
			continue
		}
		fv, gv := f.w.facts[0], g.w.facts[0]
		fact, ok := p.set.Fact(fv.Fact)
		if !ok || fact.Kind != cond.Enum || fv.Fact != gv.Fact || sameValue(fv.V, gv.V) {
			continue
		}
		// (有寒露籽也有霜降籽: or the second said to be there too — not
		// two said side by side, one place told twice: 马路边人行道上)
		between := strings.TrimSpace(rd.text[f.j:g.i])
		// (寒露籽霜降籽都有: or said side by side, then 都)
		both := between == "" && p.startsWithAny(rd.text[g.j:], p.g.PairBoth)
		if g.clause == f.clause && between != "、" && !contains(p.g.Connectors, between) && !contains(p.g.ValuesToo, between) && !both &&
			!p.joinedOwned(rd, f.j, g.i) {
			continue
		}
		if len(group) > 0 && group[len(group)-1] != k {
			break // one run of values per act
		}
		if len(group) == 0 {
			group = append(group, k)
		}
		group = append(group, m)
	}
	return group
}

// joinedOwned reports whether the words at i..j, between two values, are a
// connector and whose the second is (我家的寒露籽跟我舅家的霜降籽): a few
// characters ending in 的, holding no act nor verb.
func (p *parser) joinedOwned(rd *reading, i, j int) bool {
	s := strings.TrimSpace(rd.text[i:j])
	n := p.longestPrefix(s, p.g.Connectors)
	if n == 0 {
		return false
	}
	own := s[n:]
	if !strings.HasSuffix(own, "的") || utf8.RuneCountInString(own) > maxOwner {
		return false
	}
	at := i + strings.Index(rd.text[i:j], own)
	in := func(h hit) bool { return h.i < at+len(own) && at < h.j }
	return !slices.ContainsFunc(rd.acts, in) && !slices.ContainsFunc(rd.verbs, in)
}

// maxOwner is the most characters whose a value is said to be, 的 included
// (我舅家的, 隔壁屋里的).
const maxOwner = 6

// tooAround reports whether fact phrases f and g, said in neighbouring
// clauses, are two values of the scene of act a: one in a's clause, the
// other in a clause of no act beside it, said there too (也有 right after
// it, or 还有 right before).
func (p *parser) tooAround(rd *reading, a hit, f, g hit, acts []hit) bool {
	if g.clause != f.clause+1 || f.clause != a.clause && g.clause != a.clause {
		return false
	}
	other := f
	if f.clause == a.clause {
		other = g
	}
	if slices.ContainsFunc(acts, func(o hit) bool { return o.clause == other.clause }) || p.elsewhere(rd, other.clause) {
		return false
	}
	return p.startsWithAny(rd.text[other.j:], p.g.ValuesToo) || slices.ContainsFunc(p.g.ValuesToo, func(w string) bool {
		return strings.HasSuffix(rd.text[:other.i], w)
	}) || other.clause > a.clause && p.doneToo(rd, a, other)
}

// doneToo reports whether a verb of act a's activity is said with 也
// (PairToo) of value v, said in a later clause than a's: in v's own clause
// after it (霜降籽我也想一起摘), or opening the next (我家的是霜降籽，也一起摘了)
// — the value is picked too.
func (p *parser) doneToo(rd *reading, a, v hit) bool {
	too := func(h hit) bool {
		if h.i < v.j || !p.verbOf(h.words, a.w.activity) && h.w.activity != a.w.activity {
			return false
		}
		switch rd.clause(h.i) {
		case v.clause:
			return p.hasAny(rd.text[v.j:h.i], p.g.PairToo)
		case v.clause + 1:
			st := rd.clauseStart(h.i, v.clause+1)
			lead := strings.TrimLeftFunc(rd.text[st:h.i], func(r rune) bool { return unicode.IsSpace(r) || clauseBreak(r) })
			return p.startsWithAny(lead, p.g.PairToo)
		}
		return false
	}
	return slices.ContainsFunc(rd.verbs, too) || slices.ContainsFunc(rd.acts, too)
}

// inFact reports whether byte i of the text is inside a fact phrase said.
func (p *parser) inFact(rd *reading, i int) bool {
	for _, f := range rd.facts {
		if f.i < i && i < f.j {
			return true
		}
	}
	return false
}

// says reports whether the text holds one of words (hasAny on the whole
// text): the characters the text holds, and the pairs of them it holds
// side by side, are indexed once per call, so that the words whose first
// character or first two it lacks cost no search — most, in a long text,
// even one made of the words' own characters, where every first character
// is present.
func (rd *reading) says(words []string) bool {
	rd.index()
	for _, w := range words {
		if rd.mayHold1(w) && rd.search(w) {
			return true
		}
	}
	return false
}

// mayHold1 reports whether the text may hold w (indexed): false when it
// lacks w's first character, or its first two side by side; true for "".
func (rd *reading) mayHold1(w string) bool {
	if rd.plain {
		return true
	}
	if !rd.indexed { // (index is no inlined call: this is tested per word of many lists)
		rd.index()
	}
	r, n := decodeRune(w)
	if w != "" && !rd.present.mayHave(r) {
		return false
	}
	if n < len(w) {
		if r2, _ := decodeRune(w[n:]); !rd.adjacent.mayHave(r, r2) {
			return false
		}
	}
	return true
}

// search reports whether the text holds w, counted (scanMeter). A word
// searched once is not searched again: the kinds of question are asked
// of a call in several places (能报销 by the benefits, the terms, an act
// named by a phrase), and a text that holds the first characters of many
// of them would be searched for each every time.
func (rd *reading) search(w string) bool {
	for _, s := range rd.searched[:rd.nSearched] {
		if s.w == w {
			return s.held
		}
	}
	if scanMeter.on {
		scanMeter.searches++
	}
	held := strings.Contains(rd.text, w)
	if rd.nSearched < len(rd.searched) {
		// (kept in the reading itself: a map would cost every call that
		// searches an allocation)
		rd.searched[rd.nSearched] = searchedWord{w, held}
		rd.nSearched++
	}
	return held
}

// searchedWord is a word searched for in a call's text, and whether the
// text holds it.
type searchedWord struct {
	w    string
	held bool
}

// index records the characters of the text and the pairs of them side
// by side, once (says, textHas).
func (rd *reading) index() {
	if rd.indexed {
		return
	}
	prev := rune(-1)
	for _, r := range rd.text {
		rd.present.add(r)
		if prev >= 0 {
			rd.adjacent.add(prev, r)
		}
		prev = r
	}
	rd.indexed = true
}

// mayHold appends to buf the words the text may hold — all but those whose
// first character, or first two side by side, it lacks (says' index).
func (rd *reading) mayHold(words, buf []string) []string {
	rd.index()
	for _, w := range words {
		if rd.mayHold1(w) {
			buf = append(buf, w)
		}
	}
	return buf
}

// textHas is hasAny(rd.text, words) — the same answer, an empty word
// included — with the text's index (says): a word whose first two
// characters the text never holds side by side is not searched for.
func (p *parser) textHas(rd *reading, words []string) bool {
	s := rd.text
	rd.index()
	for _, w := range words {
		if w == "" {
			// hasAny's way: on a long text, only where the text holds
			// U+FFFD
			if len(s) <= 64 || strings.ContainsRune(s, utf8.RuneError) {
				return true
			}
			continue
		}
		if rd.mayHold1(w) && rd.search(w) {
			return true
		}
	}
	return false
}

func (p *parser) hasAny(s string, words []string) bool {
	for _, w := range words {
		if len(s) > 64 { // a long text: look for the first character first
			r, _ := utf8.DecodeRuneInString(w)
			if !strings.ContainsRune(s, r) {
				continue
			}
		}
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (p *parser) clauseEndsWith(rd *reading, c int, words []string) bool {
	end := -1
	for k := range rd.text {
		if rd.clause(k) == c {
			end = k
		}
	}
	if end < 0 {
		return false
	}
	seg := strings.TrimRight(clauseText(rd, c), pauses)
	for _, w := range words {
		if strings.HasSuffix(seg, w) {
			return true
		}
	}
	return false
}

func clauseText(rd *reading, c int) string {
	var b strings.Builder
	for k := 0; k < len(rd.text); k++ {
		if rd.clause(k) == c {
			b.WriteByte(rd.text[k])
		}
	}
	return b.String()
}

// clauseHasOwnFacts: act a's clause says a fact outside the act's own
// words — a place of its own. A fact its words carry (随地 of 随地吐痰, 乱 of
// 乱贴小广告) says how it is done, not where: 城区菜市场门口…杀鸡不 随地吐痰罚不罚
// asks of spitting there.
func (p *parser) clauseHasOwnFacts(rd *reading, a hit) bool {
	i, j := a.i, a.j
	if a.wj > 0 {
		i, j = min(i, a.wi), max(j, a.wj)
	}
	for _, h := range rd.facts {
		// (生活垃圾桶里 of 塞到生活垃圾桶里: the bin as the place rubbish
		// goes, read for pouring rubbish only, is no fact of mixing's)
		if h.clause == a.clause && (h.i < i || h.j > j) && slices.ContainsFunc(h.w.facts, func(v vocab.Value) bool { return readFor(v, a.w.activity) }) {
			return true
		}
	}
	return false
}

// clauseSaysMore reports whether clause c says a fact or a day of its
// own.
func (p *parser) clauseSaysMore(rd *reading, c int) bool {
	for _, h := range rd.facts {
		if h.clause == c {
			return true
		}
	}
	for _, m := range rd.dates {
		if rd.clause(m.Start) == c {
			return true
		}
	}
	return false
}

// distanceOfObject reports whether distance phrase h is said of act a's
// object: its clause opens with a word of one or two characters, before
// the phrase, that a's words hold (田离林子三十米 of 烧田埂).
func (p *parser) distanceOfObject(rd *reading, h, a hit) bool {
	st := rd.clauseStart(h.i, h.clause)
	subj := strings.TrimSpace(rd.text[st:h.i])
	n := utf8.RuneCountInString(subj)
	return n >= 1 && n <= 2 && strings.Contains(a.words, subj)
}

// deniedHere reports whether clause c says a bare verb only as not done,
// and no act (院子里不烧了): its place is where the act is not done.
func deniedHere(rd *reading, c int) bool {
	for _, h := range rd.acts {
		if h.clause == c {
			return false
		}
	}
	denied := false
	for _, v := range rd.verbs {
		if v.clause == c {
			if !v.neg {
				return false
			}
			denied = true
		}
	}
	return denied
}

// afterFact reports whether fact phrase h is said right after another
// fact phrase, with only 就 / 也 / 都 between (院子挨着林子, 屋就在林子边上):
// the first names the place the second describes.
func (p *parser) afterFact(rd *reading, h hit) bool {
	head := rd.text[:h.i]
	for _, w := range []string{"就", "也", "都"} {
		head = strings.TrimSuffix(head, w)
	}
	for _, f := range rd.facts {
		if f.j == len(head) && f.i < f.j && f.clause == h.clause {
			return true
		}
	}
	return false
}

// bothAsk reports whether clauses a and b both ask (行不, 摘得不).
func (p *parser) bothAsk(rd *reading, a, b int) bool {
	roles := p.roles(rd)
	return a < len(roles) && b < len(roles) && roles[a] == roleAsks && roles[b] == roleAsks
}

// factsDiffer reports whether clauses a and b state one fact with
// different values (寒露籽 … 霜降籽, 屋里 … 坟上): two questions of one
// act, not one said again with more of its setting.
func factsDiffer(rd *reading, a, b int) bool {
	for _, x := range rd.facts {
		if x.clause != a || x.neg {
			continue
		}
		for _, y := range rd.facts {
			if y.clause != b || y.neg {
				continue
			}
			for _, v := range x.w.facts {
				for _, w := range y.w.facts {
					if v.Fact == w.Fact && v.V != w.V && !v.Presumed && !w.Presumed {
						return true
					}
				}
			}
		}
	}
	return false
}

func (p *parser) clauseHasEnum(rd *reading, c int) bool {
	for _, h := range rd.facts {
		if h.clause != c {
			continue
		}
		for _, v := range h.w.facts {
			if f, ok := p.set.Fact(v.Fact); ok && f.Kind == cond.Enum {
				return true
			}
		}
	}
	return false
}
