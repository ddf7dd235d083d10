package hotline

// Who the act is done by or for: part of a household, another person, kin.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/rules"
)

// someOf reports whether the call says act a done for only part of a
// group: a phrase of part (有的人交, 交一半), 除了 then all the others
// (除了他 其他人都交), a verb of a with only before it and people or a
// count right after it (只交三个, 就交一个人的), a count right after a
// verb of a with people said before it (屋里七口人交五个人的), or a verb
// of a done and another not done, each after people or a count (一个交
// 一个不交).
func (p *parser) someOf(rd *reading, a *rules.Activity) bool {
	const window = 10 // as chooseActs' peopleWindow
	s := rd.text
	if p.hasAny(s, p.g.SomeOf) {
		return true
	}
	for _, e := range p.g.Except {
		if i := strings.Index(s, e); i >= 0 && p.hasAny(s[i+len(e):], p.g.AllOf) {
			return true
		}
	}
	group := append(slices.Clip(p.g.People), p.g.Counts...)
	done, not := false, false
	for i := 0; i < len(s); {
		_, sz := utf8.DecodeRuneInString(s[i:])
		n := 0
		for k, m := i, 0; k < len(s) && m < 3; m++ {
			_, z := utf8.DecodeRuneInString(s[k:])
			k += z
			if p.verbOf(s[i:k], a) {
				n = k - i
			}
		}
		if n == 0 {
			i += sz
			continue
		}
		if inFact(rd, i) { // (老板没交社保: the fact told, not the act)
			i += n
			continue
		}
		after := strings.TrimLeft(s[i+n:], "了的给")
		// (a fraction with the group said anywhere before: 屋里人多，医保交一半)
		if p.longestPrefix(after, p.g.Fractions) > 0 && p.hasAny(s[:i], p.g.People) &&
			!slices.ContainsFunc(rd.facts, func(f hit) bool { return !f.neg }) {
			return true
		}
		if p.onlyFor(rd, i) {
			return true
		}
		counted := p.countAt(after)
		if counted || p.longestPrefix(after, p.g.People) > 0 {
			if p.onlyBefore(rd, i, 4) || counted && p.before(rd, i, p.g.People, window) && !p.onlyDenied(rd, i, window) {
				return true
			}
		}
		if p.before(rd, i, group, window) {
			if p.before(rd, i, p.g.Negators, 1) {
				not = true
				// (只有我娘没交，现在补交要得不: the one left out, asked
				// now, is no part left out)
				if p.onlyLeftOut(rd, i) && !p.doneLater(rd, hit{i: i, j: i + n, words: s[i : i+n], w: word{activity: a}}, window) {
					return true
				}
			} else {
				done = true
			}
		}
		i += n
	}
	return done && not
}

// onlyFor reports whether the verb at byte i is said after a word of only
// in its clause that sets apart the ones the act is done for: one of
// OnlyFor (只给身体差的那个交) with more than one person counted before it
// (屋里两个老人，一个身体好一个身体差), or one of OnlySome with a people word
// between it and the verb (只给伢子交, 只想给小孩交) — the only not denied
// (不是只给伢子交). The act is done for only some, the rest left out.
func (p *parser) onlyFor(rd *reading, i int) bool {
	const window = 12 // runes from the word of only to the verb (只给身体差的那个)
	start := rd.windowStart(i, window)
	s := rd.text[start:i]
	denied := func(k int) bool { return p.endsWithAny(rd.text[:start+k], p.g.OnlyDenied) }
	for _, w := range p.g.OnlyFor {
		if k := strings.LastIndex(s, w); k >= 0 && !denied(k) {
			if n, _, _ := p.householdCount(rd.text[:start+k]); n >= 2 {
				return true
			}
		}
	}
	if p.before(rd, i, p.g.Negators, 1) {
		return false
	}
	for _, w := range p.g.OnlySome {
		if k := strings.LastIndex(s, w); k >= 0 && !denied(k) && p.hasAny(s[k+len(w):], p.g.People) &&
			!p.householdOfOne(rd.text) {
			return true
		}
	}
	return false
}

// onlyBefore reports whether a word of only is said within runes
// characters before byte i, not denied (只交一个, not 不是只交一个).
func (p *parser) onlyBefore(rd *reading, i, runes int) bool {
	return p.before(rd, i, p.g.Only, runes) && !p.onlyDenied(rd, i, runes)
}

// onlyDenied reports whether a word of only said within runes characters
// before byte i is itself denied (一家人不是只交一个，全家五口都交): the
// caller says the act is not done by some only.
func (p *parser) onlyDenied(rd *reading, i, runes int) bool {
	start := rd.windowStart(i, runes)
	for _, w := range p.g.Only {
		if k := strings.LastIndex(rd.text[start:i], w); k >= 0 && p.endsWithAny(rd.text[:start+k], p.g.OnlyDenied) {
			return true
		}
	}
	return false
}

// onlyLeftOut reports whether the verb at byte i is denied of people said
// right before its negator with a word of only before them, in its clause
// (屋里就一个人冇交医保, 就我一个人冇交, 只有我娘没交): one left out says the
// rest did it, so the act is done for part of the group.
func (p *parser) onlyLeftOut(rd *reading, i int) bool {
	const onlyBefore = 3 // runes between the word of only and the people (就我一个人)
	s := rd.text[rd.windowStart(i, 12):i]
	neg := 0
	for _, w := range p.g.Negators {
		if len(w) > neg && strings.HasSuffix(s, w) {
			neg = len(w)
		}
	}
	s = s[:len(s)-neg]
	people := 0
	for _, w := range p.g.People {
		if len(w) > people && strings.HasSuffix(s, w) {
			people = len(w)
		}
	}
	if neg == 0 || people == 0 {
		return false
	}
	s = s[:len(s)-people]
	if r := []rune(s); len(r) > onlyBefore {
		s = string(r[len(r)-onlyBefore:])
	}
	return slices.ContainsFunc(p.g.Only, func(w string) bool { return strings.Contains(s, w) })
}

// countAt reports whether s starts with a count of people (三个, 几个),
// not of something else (三个月).
func (p *parser) countAt(s string) bool {
	n := p.countLen(s)
	return n > 0 && p.longestPrefix(s[n:], p.g.CountsNot) == 0
}

// countLen is the length of the count s starts with: one of Counts (三个,
// 几个), or a numeral typed in digits or said in characters with one of
// the units of people (4个, 5口) — 0 when none.
func (p *parser) countLen(s string) int {
	if n := p.longestPrefix(s, p.g.Counts); n > 0 {
		return n
	}
	k := numeralLen(s)
	if k == 0 {
		return 0
	}
	if u := max(p.longestPrefix(s[k:], p.g.PeopleUnits), p.longestPrefix(s[k:], p.g.HeadUnits)); u > 0 {
		return k + u
	}
	return 0
}

// otherPerson reports whether the way of an act m is told of one person
// in an earlier clause and the act h asked for another: each clause says
// whose it is (老头子有职工医保 … 我交居民的), and h's is not done for the
// one told of (屋里还给他交 is for him).
func (p *parser) otherPerson(rd *reading, m, h hit) bool {
	if m.w.activity == nil || h.w.activity == nil || m.clause >= h.clause ||
		!slices.Contains(p.manners[h.w.activity.ID], m.w.activity) {
		return false
	}
	// (我有职工医保还要交居民医保吗？我爹我娘交居民医保要交好多钱？: the way
	// asked in a question of its own is no story of the one it is told of)
	return !p.apart(rd, m, h) && p.otherDoer(rd, m, h)
}

// bareActAfter is the act of which m is a way, said by the last bare
// verb of it, not denied, in a clause after m's (…交了职工医保，我还在读书，
// 要交吗: 交, enrolling), or by the verb of a question of money there.
func (p *parser) bareActAfter(rd *reading, m hit) (hit, bool) {
	base := p.mannerOf[m.w.activity]
	if base == nil {
		return hit{}, false
	}
	for k := len(rd.verbs) - 1; k >= 0; k-- {
		v := rd.verbs[k]
		if v.clause > m.clause && !p.verbNegated(rd, v) && p.verbOf(v.words, base) {
			return hit{i: v.i, j: v.j, clause: v.clause, words: v.words, w: word{activity: base}}, true
		}
	}
	// (…屋里三个人要交多少: or the verb inside the question of money)
	if h, ok := p.paidAmount(rd); ok && h.clause > m.clause && h.w.activity == base {
		return h, true
	}
	return hit{}, false
}

// householdTotal is the act of which way m is a way, when m is told of
// someone other than the caller (老公有职工医保) in a call that counts its
// household whole and asks an amount after m's clause (一家四口，…，一共交
// 多少钱): the household's act, which the way leaves to the rest of them
// (leftOut counts those it leaves out).
func (p *parser) householdTotal(rd *reading, m hit) (hit, bool) {
	base := p.mannerOf[m.w.activity]
	if base == nil || m.neg {
		return hit{}, false
	}
	who := p.subject(rd, m)
	if who == "" || slices.Contains(p.g.FirstPerson, who) || slices.Contains(p.g.Self, who) {
		return hit{}, false
	}
	if _, whole, _ := p.householdCount(rd.text); !whole || !p.hasAny(rd.text[rd.clauseEnd(m.i, m.clause):], p.g.Money) {
		return hit{}, false
	}
	return hit{i: m.i, j: m.j, clause: m.clause, words: m.words, w: word{activity: base}}, true
}

// leftOut is how many of a household counted whole a way of act a takes
// out of it (老公有职工医保: the employee plan held), each told of someone:
// none of them pays the household's premium.
func (p *parser) leftOut(rd *reading, a *rules.Activity) int {
	n := 0
	for _, o := range rd.acts {
		if !o.neg && o.w.activity != nil && p.mannerOf[o.w.activity] == a && p.subject(rd, o) != "" {
			n++
		}
	}
	return n
}

// othersAsk reports whether the clause of bare act h names, before it,
// people other than the caller as the ones who do it (屋里三个人要交多少,
// 我爸妈要交吗) — not the caller, nor one it is done for (给我爸交).
func (p *parser) othersAsk(rd *reading, h hit) bool {
	s := rd.text[p.clauseStart(rd, h.i):h.i]
	doer := p.subjectOf(s)
	return doer != "" && !slices.Contains(p.g.Persons, doer) && !slices.Contains(p.g.Self, doer) &&
		!p.hasAny(s, p.g.Benefactive)
}

// exemptTold reports whether a way of h's act that takes a person out of
// it (the employee plan: 我在单位有医保) is told, not denied, in a clause
// before h's.
func (p *parser) exemptTold(rd *reading, h hit) bool {
	return slices.ContainsFunc(rd.acts, func(m hit) bool {
		return m.clause < h.clause && !m.neg && m.w.activity != nil && slices.Contains(p.manners[h.w.activity.ID], m.w.activity)
	})
}

// callerBetween reports whether a clause after m's, up to h's, names the
// caller alone (我还在读书).
func (p *parser) callerBetween(rd *reading, m, h hit) bool {
	for c := m.clause + 1; c <= h.clause; c++ {
		if p.onlyCallerNamed(clauseText(rd, c)) {
			return true
		}
	}
	return false
}

// toldOfToo reports whether act h, asked after way m of its act (as
// otherPerson reads them), is done by someone named in m's clause before it
// (我跟我老婆都有职工医保 … 我老婆也想交).
func (p *parser) toldOfToo(rd *reading, m, h hit) bool {
	if m.w.activity == nil || h.w.activity == nil || m.clause >= h.clause ||
		!slices.Contains(p.manners[h.w.activity.ID], m.w.activity) {
		return false
	}
	doer := p.subject(rd, h)
	if doer == "" {
		return false
	}
	// (not 我 of 我儿子单位有社保: a person word right after it names
	// another, or after a word of the home, 我家老倌子)
	s := rd.text[p.clauseStart(rd, m.i):m.i]
	for k := strings.Index(s, doer); k >= 0; {
		at := k + len(doer)
		if p.longestPrefix(s[at:], p.g.People) == 0 && p.longestPrefix(s[at+p.longestPrefix(s[at:], p.g.OfHome):], p.g.People) == 0 {
			return true
		}
		n := strings.Index(s[at:], doer)
		if n < 0 {
			break
		}
		k = at + n
	}
	return false
}

// otherDoer reports whether hit h's clause names someone else than hit m's
// as the one who acts (老头子有职工医保，我交居民的) — not 他 of the one told
// of, nor an act done for a third person (帮他交).
func (p *parser) otherDoer(rd *reading, m, h hit) bool {
	holder, doer := p.subject(rd, m), p.subject(rd, h)
	t := rd.text[p.clauseStart(rd, h.i):h.i]
	// (单位给员工交了职工医保，他老婆冇上班，能在老家交居民医保不: a clause
	// that names no one carries on from the person of a clause between
	// the two, the one it tells of)
	for c := h.clause - 1; doer == "" && c > m.clause; c-- {
		t = clauseText(rd, c)
		doer = p.leadingPerson(t)
		// (…交了职工医保，我还在读书，要交吗: or a person who opens it)
		if lead := strings.TrimLeftFunc(t, clauseBreakOrSpace); doer == "" {
			doer = lead[:p.longestPrefix(lead, p.g.Persons)]
		}
	}
	// (单位交了职工医保，他伢子能交居民医保不: the plan told held of no one
	// named is the caller's, and a relative who opens the asking clause
	// someone else — not one the act is done for, 给我爸妈交, nor one who
	// bids the caller do it, 屋里人叫我交, nor a bare pronoun, 他们)
	if holder == "" && doer != "" {
		if p.leadingPerson(t) == doer && !p.startsWithAny(doer, p.g.Persons) &&
			!p.hasAny(t[strings.Index(t, doer)+len(doer):], p.g.Persons) {
			holder = "我"
		}
	}
	for _, w := range p.g.Self {
		if holder == w {
			holder = "我"
		}
		if doer == w {
			doer = "我"
		}
	}
	if holder == "" || doer == "" || holder == doer {
		return false
	}
	// (我儿子在广州上班，他的医保…: 他 is the one told of, unless that
	// was the caller — 我退休了有职工医保 … 她交居民医保)
	if slices.Contains(p.g.ThirdPerson, doer) && !slices.Contains(p.g.Persons, holder) {
		return false
	}
	// (我爸有职工医保，他也交一份居民医保: nor when the holder is the caller's
	// kin, 我爸 read as 我 — 他 is that one)
	if slices.Contains(p.g.ThirdPerson, doer) && slices.ContainsFunc(p.kinNouns, func(k kinNoun) bool {
		return strings.Contains(rd.text[p.clauseStart(rd, m.i):m.i], k.noun)
	}) {
		return false
	}
	// (老爸有职工医保，我帮他交居民医保: 他 is the holder, the act done for
	// him — unless the holder is the caller alone, whom 他 never names, and
	// a clause between names another: 我自己有职工医保，我老婆冇工作，给她
	// 交居民医保 is done for the wife)
	if p.pronounOfBetween(rd, m, h) {
		return true
	}
	s := rd.text[p.clauseStart(rd, h.i):h.i]
	for _, b := range p.g.Benefactive {
		for _, t := range p.g.ThirdPerson {
			if strings.Contains(s, b+t) {
				return false
			}
		}
	}
	return true
}

// pronounOfBetween reports whether a third-person pronoun in h's clause
// names someone a clause between m's and h's tells of (我自己有职工医保，我
// 老婆冇工作，给她交…: 她 is the wife), not the one m tells of: m's clause
// names the caller alone, whom 他 and 她 never name.
func (p *parser) pronounOfBetween(rd *reading, m, h hit) bool {
	if !p.onlyCallerNamed(clauseText(rd, m.clause)) {
		return false
	}
	for c := m.clause + 1; c < h.clause; c++ {
		if who := p.subjectOf(clauseText(rd, c)); who != "" && !slices.Contains(p.g.Persons, who) && !slices.Contains(p.g.Self, who) {
			return true
		}
	}
	return false
}

// forOther reports whether clause c names someone the act is done for by a
// phrase of the vocabulary that opens with a benefactive word (给我爸,
// 帮我娘), other than the caller (给我自己), or by a pronoun (帮她交: the
// person named before it, kinBefore).
func (p *parser) forOther(rd *reading, c int) bool {
	if c >= 0 && p.hasAny(clauseText(rd, c), p.g.ForPronouns) {
		return true
	}
	for _, f := range rd.facts {
		if f.clause != c {
			continue
		}
		for _, b := range p.g.Benefactive {
			if rest, ok := strings.CutPrefix(f.words, b); ok && !p.startsWithAny(rest, p.g.Self) {
				return true
			}
		}
	}
	return false
}

// forCaller reports whether text s names the caller as the one an act is
// done for (给我交, 帮我缴), not a person of the caller's (给我爸).
func (p *parser) forCaller(s string) bool {
	for _, b := range p.g.Benefactive {
		for i := 0; ; {
			k := strings.Index(s[i:], b)
			if k < 0 {
				break
			}
			i += k + len(b)
			if n := p.longestPrefix(s[i:], p.g.Persons); n > 0 && slices.Contains(p.g.Self, s[i:i+n]) ||
				n > 0 && slices.Contains(p.g.FirstPerson, s[i:i+n]) && p.longestPrefix(s[i+n:], p.g.People) == 0 {
				return true
			}
		}
	}
	return false
}

// otherHolder reports whether hit h's clause tells of a person named,
// other than the caller (老公有职工医保).
func (p *parser) otherHolder(rd *reading, h hit) bool {
	s := p.subject(rd, h)
	return s != "" && !slices.Contains(p.g.Persons, s) && !slices.Contains(p.g.Self, s)
}

// subject is the person a hit's clause starts from, before the hit: a
// people word (我儿子 is 儿子), a person, or a count of people (屋里三个交
// 居民医保), "" when none is said.
func (p *parser) subject(rd *reading, h hit) string {
	return p.subjectOf(rd.text[p.clauseStart(rd, h.i):h.i])
}

// leadingPerson is the people word text s opens with, after a person
// (他老婆 is 老婆), "" when s opens with none.
func (p *parser) leadingPerson(s string) string {
	s = strings.TrimLeftFunc(s, clauseBreakOrSpace)
	rest := s[p.longestPrefix(s, p.g.Persons):]
	if n := p.longestPrefix(rest, p.g.People); n > 0 {
		return rest[:n]
	}
	return ""
}

// subjectOf is the person text s starts from, as subject reads it.
func (p *parser) subjectOf(s string) string {
	for i := 0; i < len(s); {
		if n := p.longestPrefix(s[i:], p.g.People); n > 0 {
			return s[i : i+n]
		}
		if p.countAt(s[i:]) {
			return s[i : i+p.countLen(s[i:])]
		}
		if n := p.longestPrefix(s[i:], p.g.Persons); n > 0 {
			if m := p.longestPrefix(s[i+n:], p.g.People); m > 0 {
				return s[i+n : i+n+m]
			}
			// (我屋里老倌子, 我家老人: the kin of the home said between)
			if h := p.longestPrefix(s[i+n:], p.g.OfHome); h > 0 {
				if m := p.longestPrefix(s[i+n+h:], p.g.People); m > 0 {
					return s[i+n+h : i+n+h+m]
				}
			}
			return s[i : i+n]
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return ""
}

// clauseStart is where the clause holding byte i starts.
func (p *parser) clauseStart(rd *reading, i int) int {
	c, start := rd.clause(i), i
	for start > 0 {
		_, sz := utf8.DecodeLastRuneInString(rd.text[:start])
		if rd.clause(start-sz) != c {
			break
		}
		start -= sz
	}
	return start
}

// actSaid reports whether act a is said in the call: a phrase or frame of
// it, done or not, or a bare verb of it.
func (p *parser) actSaid(rd *reading, a *rules.Activity) bool {
	return slices.ContainsFunc(rd.acts, func(h hit) bool { return h.w.activity == a }) ||
		slices.ContainsFunc(rd.verbs, func(v hit) bool { return p.verbOf(v.words, a) })
}

// uncoveredBesideBan reports whether every act in pos is one no rule
// covers, said before a covered act a prohibitive word negates in the same
// clause (装修垃圾不能丢进生活垃圾桶), or in a later clause that asks when
// the uncovered act's does not (清明上山挂青，坟前不能烧纸了吧: the ban is
// asked, the errand around it told).
func (p *parser) uncoveredBesideBan(rd *reading, pos, neg []hit) bool {
	roles := p.roles(rd)
	asks := func(c int) bool { return c >= 0 && c < len(roles) && roles[c] == roleAsks }
	for _, h := range pos {
		if h.w.activity != nil || !slices.ContainsFunc(neg, func(n hit) bool {
			near := n.clause == h.clause || n.clause > h.clause && asks(n.clause) && !asks(h.clause)
			return n.w.activity != nil && !n.bg && near && h.j <= n.i && p.forbidden(rd, n.i)
		}) {
			return false
		}
	}
	return true
}

// readFor reports whether value v of a phrase is read in a call about
// activity a: v names no activities (vocab.Value.Of), or a is one of them
// or a kind of one.
func readFor(v vocab.Value, a *rules.Activity) bool {
	if len(v.Of) == 0 {
		return true
	}
	for k := a; k != nil; k = k.Parent {
		if slices.Contains(v.Of, k.ID) {
			return true
		}
	}
	return false
}

// unused is the note of a fact heard and left out of the decision, for
// the reason given.
func (p *parser) unused(reason string) string {
	return p.g.UnusedNotes.Open + reason + p.g.UnusedNotes.Close
}

// undo drops the facts of phrases in hs whose Unless the call's facts meet
// (请了人去摘别人山上的: whoever hires on another's hill is no holder, so
// the hiring says nothing of the holder's consent).
func (p *parser) undo(hs []hit, q *Query) {
	for _, h := range hs {
		met := true
		for _, u := range h.w.unless {
			if v, ok := q.Facts[u.Fact]; !ok || !sameValue(v, u.V) {
				met = false
				break
			}
		}
		if !met {
			continue
		}
		for _, v := range h.w.facts {
			if old, ok := q.Facts[v.Fact]; !ok || !sameValue(old, v.V) {
				continue
			}
			delete(q.Facts, v.Fact)
			q.Understood = slices.DeleteFunc(q.Understood, func(u Understood) bool {
				return u.Kind == "fact" && u.Fact == v.Fact && u.Words == h.words
			})
			u := h.w.unless[0]
			q.Understood = append(q.Understood, Understood{Words: h.words, Kind: "fact",
				Meaning: p.unused(p.factMeaning(u.Fact, u.V))})
		}
	}
}

// turnClause is the clause of rd that asks and turns to another case than
// one said before it in a clause that does not ask (…，那给我小舅子交行不;
// …，我老婆的爸爸也能交不: mandarin.yaml contrast_open, also_asks); -1 if
// none.
func (p *parser) turnClause(rd *reading) int {
	if len(rd.text) == 0 {
		return -1
	}
	roles := p.roles(rd)
	for c := rd.clause(len(rd.text) - 1); c > 0; c-- {
		t := strings.Trim(clauseText(rd, c), pauses)
		if roles == nil || roles[c] != roleAsks {
			if t == "" || !p.endsWithAny(t, p.g.ConfirmEnd) {
				continue
			}
		}
		if !p.startsWithAny(t, p.g.ContrastOpen) && !p.hasAny(t, p.g.AlsoAsks) {
			return -1
		}
		if roles == nil || slices.ContainsFunc(roles[:c], func(r clauseRole) bool { return r != roleAsks }) {
			return c
		}
		return -1
	}
	return -1
}

// kinBefore gives a phrase of doing for a pronoun (帮他交) the facts of
// the person named before it (我爸问…帮他交: for his father), when none of
// them was read otherwise.
func (p *parser) kinBefore(rd *reading, q *Query) {
	at := -1
	for _, w := range p.g.ForPronouns {
		if k := strings.Index(rd.text, w); k >= 0 && (at < 0 || k < at) {
			at = k
		}
	}
	if at <= 0 {
		return
	}
	best, bestAt := -1, -1
	for i, k := range p.kinNouns {
		if j := strings.LastIndex(rd.text[:at], k.noun); j > bestAt {
			best, bestAt = i, j
		}
	}
	if best < 0 {
		return
	}
	k := p.kinNouns[best]
	for _, v := range k.facts {
		if _, said := q.Facts[v.Fact]; said {
			return
		}
	}
	for _, v := range k.facts {
		q.Facts[v.Fact] = v.V
		q.Understood = append(q.Understood, Understood{Words: k.noun, Kind: "fact", Fact: v.Fact, Value: v.V,
			Meaning: p.factMeaning(v.Fact, v.V)})
	}
}

// kinPlaced gives a phrase of doing for kin said with where the kin is
// between (给大忠桥的老娘交: 给, a place, 的, 老娘) the facts the phrase
// states of that kin (给老娘: a close relative), when none of them was
// read otherwise: the place says where the person lives, not who.
func (p *parser) kinPlaced(rd *reading, q *Query) {
	part := p.g.Modifier.Particle
	if part == "" {
		return
	}
	for _, f := range rd.facts {
		rest, ok := strings.CutPrefix(rd.text[f.j:], part)
		if !ok || !slices.ContainsFunc(p.g.ForWords, func(w string) bool { return strings.HasSuffix(rd.text[:f.i], w) }) {
			continue
		}
		k := slices.IndexFunc(p.kinNouns, func(k kinNoun) bool { return strings.HasPrefix(rest, k.noun) })
		if k < 0 {
			continue
		}
		kin := p.kinNouns[k]
		if slices.ContainsFunc(kin.facts, func(v vocab.Value) bool { _, said := q.Facts[v.Fact]; return said }) {
			return
		}
		for _, v := range kin.facts {
			q.Facts[v.Fact] = v.V
			q.Understood = append(q.Understood, Understood{Words: kin.noun, Kind: "fact", Fact: v.Fact, Value: v.V,
				Meaning: p.factMeaning(v.Fact, v.V)})
		}
		return
	}
}

// kinOwn gives a phrase that opens with a person, said with a pronoun in
// the person's stead (老公有职工医保，能用他的账户给我交: 他的账户给我), the
// facts it states of that person when that person is the one named last
// before it, and none of them was read otherwise.
func (p *parser) kinOwn(rd *reading, q *Query) {
	for _, o := range p.kinOwned {
		for _, t := range p.g.ThirdPerson {
			at := strings.Index(rd.text, t+o.rest)
			if at <= 0 {
				continue
			}
			bestAt, best := -1, ""
			for _, k := range p.kinNouns {
				if j := strings.LastIndex(rd.text[:at], k.noun); j > bestAt {
					bestAt, best = j, k.noun
				}
			}
			if best != o.noun || slices.ContainsFunc(o.facts, func(v vocab.Value) bool { _, said := q.Facts[v.Fact]; return said }) {
				continue
			}
			for _, v := range o.facts {
				q.Facts[v.Fact] = v.V
				q.Understood = append(q.Understood, Understood{Words: t + o.rest, Kind: "fact", Fact: v.Fact, Value: v.V,
					Meaning: p.factMeaning(v.Fact, v.V)})
			}
		}
	}
}

// banDay reports whether day m is said of the ban itself, not of act a:
// in a clause of its own, before a word of the ban (不是说九月一号才禁火吗，
// 现在八月份在山上烧点杂草) — when the ban begins or ends is what the caller
// heard, the act is asked of the day it is done — unless the clause asks
// whether that day is in the ban (4月30号那天还算不算禁火期).
func (p *parser) banDay(rd *reading, a hit, m *dates.Mention) bool {
	c := rd.clause(m.Start)
	if a.clause < 0 || c == a.clause || slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == c }) {
		return false
	}
	end := rd.clauseEnd(m.End, c)
	// (看到通知说禁火令9月1日起施行，想确认一下：当天…: the act's day points
	// back to the rule's, as a story's does)
	// (村委会念的"禁火期"是9月1号到第二年4月30号，那现在8月中旬…: or the
	// days a period named before them is told to run)
	return (p.hasAny(rd.text[m.End:end], p.g.RumouredBan) && !p.hasAny(rd.text[m.End:end], p.g.BanDayAsked) || p.periodToldBefore(rd, m)) &&
		!p.hasAny(rd.text[end:], p.g.BackThen)
}

// periodToldBefore reports whether a period is named before day m in its
// sentence, no act nor pause said between (禁火期是9月1号到第二年4月30号:
// 第二 parts a clause, not the telling): the day bounds the period told.
func (p *parser) periodToldBefore(rd *reading, m *dates.Mention) bool {
	lo := afterLast(rd.text, m.Start, sentenceMarks)
	if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.i >= lo && h.i < m.Start }) {
		return false
	}
	s := rd.text[lo:m.Start]
	for i := 0; i < len(s); {
		// (禁火九月一号才开始，今天八月三十号: a pause between, and the day
		// is the caller's own)
		if _, n := p.periods.longest(s[i:]); n > 0 && !strings.ContainsAny(s[i+n:], "，,；;、 ") {
			return true
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return false
}

// doneUnlit: an act of fire with the fire making itself denied right after
// it, parted from it by a pause at most (插香不点火; 插几根香，不点火的), is
// done with nothing burning — an act no rule covers, named with what is
// denied. A thing denied
// (不生火堆) or a fire act said alone (生火，不点火) is left as it was.
func (p *parser) doneUnlit(rd *reading, pos, neg []hit) []hit {
	for _, n := range neg {
		if n.w.activity == nil || !slices.Contains(p.g.Unlit, n.words) {
			continue
		}
		for m, h := range pos {
			if h.w.activity == nil || h.w.activity == n.w.activity || h.bg || n.i < max(h.j, h.objEnd()) {
				continue
			}
			between := strings.TrimFunc(rd.text[max(h.j, h.objEnd()):n.i], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
			// (不生火堆: the fire words go on as a thing, 火堆, not the fire
			// making itself)
			if p.startsWithAny(rd.text[max(n.j, n.objEnd()):], p.g.UnlitThings) {
				continue
			}
			if slices.Contains(p.g.Negators, between) {
				// named by the caller's words, the denial with them
				pos[m].w = word{act: h.words + between + n.words}
				return pos
			}
		}
	}
	return pos
}

// thingNarrowed: a covered act whose thing is named again in a later clause
// by an act no rule covers, the uncovered act's name holding one of the covered
// act's objects (放鞭子，我用的是电子鞭炮: 电子鞭炮 holds 鞭炮), says what
// the thing was — one no rule covers; the covered act is not asked. A
// covered act asked in a question of its own (坟前放鞭炮可以不？那放电子炮
// 呢？) keeps its answer.
func (p *parser) thingNarrowed(rd *reading, pos []hit) []hit {
	if len(pos) < 2 {
		return pos
	}
	kept := pos[:0:0]
	for _, h := range pos {
		if h.w.activity == nil || h.neg || p.endsQuestion(rd, h.clause) ||
			!slices.ContainsFunc(pos, func(u hit) bool {
				return u.w.activity == nil && u.clause > h.clause && p.holdsObjectOf(u.words, h.w.activity)
			}) {
			kept = append(kept, h)
		}
	}
	return kept
}

// holdsObjectOf reports whether the words s hold an object of one of a's
// frames, two characters long at least (电子鞭炮 holds 鞭炮).
func (p *parser) holdsObjectOf(s string, a *rules.Activity) bool {
	for _, f := range p.frames {
		if f.activity != a {
			continue
		}
		for o := range f.objects {
			if utf8.RuneCountInString(o) >= 2 && strings.Contains(s, o) {
				return true
			}
		}
	}
	return false
}

// originOfObject reports whether fact h is said in a clause that describes
// act a's object (屋里 of 屋里翻修的渣土: a verb and 的 between the place and
// the act's words) while a place of the same fact is said after the act
// begins, in its clause, that says otherwise (…倒在马路边: on a road, not in
// a building): the thing's origin, not the act's place. (镇上建房子的渣土倒在村
// 口路边: both outside the town, and 镇上 still says the area.)
func (p *parser) originOfObject(rd *reading, a, h hit) bool {
	start := min(a.i, a.objStart())
	if a.clause < 0 || h.clause != a.clause || h.neg || h.j >= start {
		return false
	}
	between := rd.text[h.j:start]
	if !strings.HasSuffix(between, "的") || between == "的" || strings.ContainsFunc(between, clauseBreakOrSpace) {
		return false
	}
	return slices.ContainsFunc(rd.facts, func(o hit) bool {
		return o.clause == a.clause && o.i >= start && !o.neg && slices.ContainsFunc(o.w.facts, func(v vocab.Value) bool {
			return slices.ContainsFunc(h.w.facts, func(w vocab.Value) bool { return w.Fact == v.Fact && !sameValue(w.V, v.V) })
		})
	})
}

// modEndsClause reports whether act h, which describes a noun, is said at
// the end of its clause with only the noun after it (拉渣土的车，…): the
// clause names a thing as the topic of the next, no act of its own.
func modEndsClause(rd *reading, h hit) bool {
	rest := rd.text[h.j:rd.clauseEnd(h.j, h.clause)]
	rest = strings.TrimRightFunc(rest, clauseBreakOrSpace)
	return strings.HasPrefix(rest, "的") && utf8.RuneCountInString(rest) <= modTopicRunes
}

// modTopicRunes bounds the noun after a describing act's 的 that ends its
// clause as a topic (的车, 的车子, 的三轮车).
const modTopicRunes = 5

// asksWhen reports whether some word of When in s asks when: not one of
// when_condition's after said after one of its asked words in its
// sentence, with no other word of When there (要办么子证才能放 asks what
// must be done first).
func (p *parser) asksWhen(s string) bool {
	wc := &p.g.WhenCondition
	asks := false
	wordsAt(s, p.g.When, func(w string, at int) bool {
		asks = !slices.Contains(wc.After, w) || !p.hasAny(s[afterLast(s, at, clauseMarks):at], wc.Asked)
		return !asks
	})
	return asks
}
