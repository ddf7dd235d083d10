package hotline

// The scope of what was heard: negation, modifiers, doers, purposes and what a clause asks.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/rules"
)

// maxDoneBefore is the most characters said between a verb told done
// (交了) and the act's object named after it (那边的居民医保).
const maxDoneBefore = 6

// scope marks negation, focus and background on acts and facts.
func (p *parser) scope(rd *reading) {
	s := rd.text
	for k := range rd.acts {
		h := &rd.acts[k]
		h.neg = p.negated(rd, h.i, true) && !p.othersDenial(rd, h.i)
		if at := p.deniedAt(rd, h.i); !h.neg && at > 0 {
			h.neg, h.at = true, at
		}
		h.focus = p.before(rd, h.i, p.g.Focus, 8)
		rest := s[h.j:]
		// (摘完了: a complement said before 了, the act done all the same)
		if r, n := decodeRune(rest); n > 0 && strings.HasPrefix(rest[n:], p.g.DoneParticle) && p.isComplement(string(r)) {
			rest = rest[n:]
		}
		// (把垃圾倒河边了，有事没: the place it went to, said right after the
		// verb, then 了, and what it brings asked — 多的倒到河边了，可以吗 may
		// ask of it still)
		if h.clause >= 0 && p.toldAsked(rd, *h) {
			if r, ok := p.placeSaidAt(rd, h.j, rd.clauseEnd(h.j, h.clause)); ok && strings.HasPrefix(s[r:], p.g.DoneParticle) {
				rest = s[r:]
			}
		}
		step := p.thenStep(rd, *h) || h.w.activity != nil && slices.Contains(p.g.Held, s[h.i:h.j])
		// (把稻草烧了 asks for it; 把垃圾倒河边了，有事没 tells it done and
		// asks what follows)
		if (strings.HasPrefix(rest, p.g.DoneParticle) || p.doneBefore(rd, *h)) && (!p.disposal(rd, h) || p.toldAsked(rd, *h)) && !(h.neg && p.forbidden(rd, h.i)) && !step &&
			!p.mayAfterDone(rd, *h) {
			// 老家交了医保: done already, the story not the question (but
			// 又不准烧田埂了 says the ban has come: nothing was done)
			h.bg = true
		}
		// the object of a frame may follow the verb
		after := strings.TrimLeft(skipObject(rest), " ")
		// (医保什么时候截止: 时候 that asks when is the question, not a
		// background clause — said after another act's question, the
		// act was dropped as the scene of it)
		asksWhen := slices.ContainsFunc(p.g.When, func(w string) bool {
			return strings.HasPrefix(strings.TrimLeft(rest, " "), w) && p.hasSuffixAny(w, p.g.Background)
		})
		for _, b := range p.g.Background {
			if strings.HasPrefix(after, b) && !asksWhen {
				h.bg, h.when = true, true
			}
		}
		for _, b := range p.g.InPassing {
			if strings.HasPrefix(skipObject(rest), b) {
				h.bg, h.when = true, true
			}
		}
		for _, b := range p.g.Finished {
			if strings.HasPrefix(s[h.j:], b) && !step {
				h.bg, h.when = true, true
			}
		}
	}
	for k := range rd.verbs {
		rd.verbs[k].neg = p.negated(rd, rd.verbs[k].i, true)
	}
	// 居民医保在户口那边交了: an act named by its object, whose own verb
	// follows in the clause with 了, is done already: the story
	for k := range rd.acts {
		h := &rd.acts[k]
		if h.w.activity == nil {
			continue
		}
		if v, ok := p.ownVerbDenied(rd, *h); ok {
			// (said back as 不交医保, the verb before its object)
			h.neg, h.words = true, v+h.words
			continue
		}
		for _, v := range rd.verbs {
			if v.clause == h.clause && v.i >= h.j && strings.HasPrefix(s[v.j:], p.g.DoneParticle) && p.verbOf(v.words, h.w.activity) {
				h.bg = true
			}
			// (在深圳交了那边的居民医保: or said before it, 了 right after
			// the verb and a few words between — no other verb)
			if v.clause == h.clause && v.j <= h.i && h.wj == 0 && strings.HasPrefix(s[v.j:], p.g.DoneParticle) && p.verbOf(v.words, h.w.activity) &&
				utf8.RuneCountInString(s[v.j:h.i]) <= maxDoneBefore &&
				!slices.ContainsFunc(rd.verbs, func(o hit) bool { return o.i > v.i && o.j <= h.i }) {
				h.bg = true
			}
		}
	}
	for k := range rd.facts {
		rd.facts[k].neg = p.negated(rd, rd.facts[k].i, false)
		for _, h := range rd.acts {
			if h.at > 0 && rd.facts[k].i >= h.at && rd.facts[k].j <= h.i {
				rd.facts[k].neg = false // the place of a denied act, not denied alone
			}
		}
	}
}

// ownVerbDenied reports whether act h, named by its object alone (医保,
// no verb of it in its words), has its own verb said after it in its
// clause only refused (屋里的医保就不用交了吧, 医保今年不交了: refuse right
// before it): the act said as not to be done, as 不交医保 is — not the
// act done already, nor one not done yet (医保还没交), nor asked (医保交
// 不交: the verb said plainly too). The verb is returned.
func (p *parser) ownVerbDenied(rd *reading, h hit) (string, bool) {
	if h.w.activity == nil || h.neg || h.wj > h.wi || p.actVerb(h) != "" {
		return "", false
	}
	denied := ""
	for _, v := range rd.verbs {
		if v.clause != h.clause || v.i < h.j || !p.verbOf(v.words, h.w.activity) {
			continue
		}
		if !v.neg || !p.endsWithAny(rd.text[:v.i], p.g.Refuse) {
			return "", false
		}
		denied = v.words
	}
	return denied, denied != ""
}

// modifiers reads an act said in a clause that describes a noun (杀鸡的毛,
// 卖剩下的菜叶子, 装修拆下来的旧门窗): it is background, and the act asked is
// the one said after the noun (…的毛能在门口烧不). Alone in a call it is
// still the act asked (摆摊的地方在哪里), but at the verb of it said again
// after the noun (去年交过医保的人今年还要交吗: 交). Each clause is kept in
// rd.mods, so that a day said right before it (去年摘剩的) is not taken as
// the day asked.
func (p *parser) modifiers(rd *reading) {
	m := &p.g.Modifier
	if m.Particle == "" {
		return
	}
	for k := range rd.acts {
		h := &rd.acts[k]
		if h.neg || h.bg {
			continue
		}
		end := p.modifierAfter(rd.text, h.objEnd(), true)
		// 卖剩下的菜: the frame's object after its verb is the head
		if end < 0 && h.wj > h.j && h.wi == h.i {
			if e := p.modifierAfter(rd.text, h.j, false); e > 0 && e <= h.wj && rd.text[e:h.wj] == h.obj {
				end = e
			}
		}
		if end < 0 {
			continue
		}
		h.bg, h.mod = true, true
		rd.mods = append(rd.mods, [2]int{h.objStart(), end})
		for _, v := range rd.verbs {
			if !v.neg && v.clause == h.clause && v.i >= end && h.w.activity != nil && p.verbOf(v.words, h.w.activity) {
				h.i, h.j, h.wi, h.wj = v.i, v.j, 0, 0
				break
			}
		}
	}
	// a bare verb may describe the noun too (去年摘剩的茶籽壳: 摘 without
	// its object): its day is the clause's
	for _, v := range rd.verbs {
		if end := p.modifierAfter(rd.text, v.j, true); end > 0 && !v.neg {
			rd.mods = append(rd.mods, [2]int{v.i, end})
		}
	}
}

// doers sets apart as the story an act said as its doer (偷茶籽的, 烧田埂的
// 那个人: the act, the particle, then the clause's end or a word of doer)
// when a later clause asks may I of something the call names no act for
// (抓到偷茶籽的，把他的车扣下来总可以吧): the caller asks of what he will do
// to the doer, which no notice covers — never of the doer's act. A
// penalty or a report asked (放鞭炮的被抓了，罚多少) is the act's own.
func (p *parser) doers(rd *reading) {
	m := &p.g.Modifier
	if len(m.Doer) == 0 || len(rd.acts) == 0 {
		return
	}
	for k := range len(rd.acts) {
		h := &rd.acts[k]
		// (偷茶籽的被我抓到了: told as the story already, still the doer)
		if h.neg || h.w.activity == nil {
			continue
		}
		rest, ok := strings.CutPrefix(rd.text[h.objEnd():], m.Particle)
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !clauseBreak(r) && !unicode.IsSpace(r) && !p.startsWithAny(rest, m.Doer) {
			continue
		}
		// (我是卖菜的, 我开渣土车的: the caller's own trade, whose act a
		// later question asks of — not 我抓到偷茶籽的, the object of 抓到)
		if p.hasSuffixLen(rd.text[:h.i], m.DoerNotAfter) > 0 {
			continue
		}
		if k := p.asksOfNoAct(rd, h); k >= 0 {
			h.bg, h.mod = true, true
			p.doneToDoer(rd, k)
		}
	}
}

// doneToDoer adds, as an act no rule covers, what clause k asks may be
// done (把他的车扣下来 of 把他的车扣下来总可以吧; 打他一顿 of 我能打他一顿不):
// the clause without the caller and the modal before it and the asking
// words after — when it holds a verb read, and once.
func (p *parser) doneToDoer(rd *reading, k int) {
	if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == k }) ||
		!slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.clause == k }) {
		return
	}
	i := 0 // (a clause's bytes run together)
	for i < len(rd.text) && rd.clause(i) != k {
		i++
	}
	j := rd.clauseEnd(i, k)
	s := strings.Trim(rd.text[i:j], "？?。！!，,、 ")
	for {
		n := len(s)
		for _, w := range slices.Concat(p.g.ConfirmEnd, p.g.Asking, p.g.AskingEnd, p.g.Modifier.DoerAsk) {
			s = strings.TrimSuffix(s, w)
		}
		for _, w := range p.g.Modifier.DoerAsk {
			s = strings.TrimPrefix(s, w)
		}
		if len(s) == n {
			break
		}
	}
	if utf8.RuneCountInString(s) < 2 {
		return
	}
	at := strings.Index(rd.text[i:j], s)
	rd.acts = append(rd.acts, hit{i: i + at, j: i + at + len(s), w: word{act: s}, clause: k, words: s})
	rd.mark(i+at, i+at+len(s))
}

// asksOfNoAct is the first clause after doer act d's that asks may I (a
// word of asking, or one of asking_end or confirm_end ending it: 总可以吧)
// of something done to the doer: it names him (third_person) and holds a
// verb that is not d's, no act read and no consequence asked; -1 for none.
func (p *parser) asksOfNoAct(rd *reading, d *hit) int {
	last := rd.clause(len(rd.text) - 1)
	for k := d.clause + 1; k <= last; k++ {
		if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == k && h.w.activity != nil }) ||
			!slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.clause == k && !p.verbOf(v.words, d.w.activity) }) ||
			!p.hasAny(clauseText(rd, k), p.g.ThirdPerson) {
			continue
		}
		s := strings.TrimRight(clauseText(rd, k), "？?。！! ")
		if s == "" {
			continue
		}
		if p.hasAny(s, p.g.Consequence) {
			return -1 // 罚不罚: the doer's act is asked of
		}
		if p.hasAny(s, p.g.Asking) || slices.ContainsFunc(slices.Concat(p.g.AskingEnd, p.g.ConfirmEnd), func(e string) bool { return strings.HasSuffix(s, e) }) {
			return k
		}
	}
	return -1
}

// modifierAfter is where the head noun begins when the text from byte i
// is what a verb leaves (剩下, 下来; after one other verb when other),
// the particle and a head noun, else -1.
func (p *parser) modifierAfter(s string, i int, other bool) int {
	m := &p.g.Modifier
	if l := p.longestPrefixOf(s[i:], m.Suffixes, &p.suffixFirst); l > 0 && other {
		i += l // 杀鸭子拔下来的毛: the noun's suffix the act left
	}
	for n := 0; ; n++ {
		if rest, ok := strings.CutPrefix(s[i:], m.Particle); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			if !isHan(r) || p.startsWithAny(rest, m.NotHead) || p.startsWithAny(rest, m.Stops) {
				return -1
			}
			return i + len(m.Particle)
		}
		if l := p.longestPrefixOf(s[i:], m.Left, &p.leftFirst); l > 0 {
			i += l
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		if !other || n > 0 || !isHan(r) || p.startsWithAny(s[i:], m.Stops) {
			return -1
		}
		i += sz
	}
}

// longestPrefix is the length of the longest of words s begins with, 0
// for none.
func (p *parser) longestPrefix(s string, words []string) int {
	n := 0
	for _, w := range words {
		if len(w) > n && strings.HasPrefix(s, w) {
			n = len(w)
		}
	}
	return n
}

// longestPrefixOf is longestPrefix, 0 without a look when s starts with
// no first character of words (first; looked through when plain).
func (p *parser) longestPrefixOf(s string, words []string, first *runeBits) int {
	if r, _ := decodeRune(s); !p.plain && (s == "" || !first.mayHave(r)) {
		return 0
	}
	return p.longestPrefix(s, words)
}

// inModifier reports whether day mention m is said right before a clause
// that describes a noun (去年摘剩的茶籽壳), in which act a is not, or with
// what is left before the particle (去年过年剩的鞭炮): the day is the
// clause's.
func (p *parser) inModifier(rd *reading, m *dates.Mention, a hit) bool {
	// (去年过年剩的: a day said right before another is read with it)
	for k := range rd.dates {
		if n := &rd.dates[k]; n.Start == m.End && n.End > n.Start {
			m = n
		}
	}
	if e := p.modifierAfter(rd.text, m.End, false); e > m.End+len(p.g.Modifier.Particle) && a.i >= e {
		return true
	}
	for _, md := range rd.mods {
		if m.End <= md[0] && rd.clause(m.Start) == rd.clause(md[0]) && utf8.RuneCountInString(rd.text[m.End:md[0]]) <= 1 &&
			!(a.i >= md[0] && a.i < md[1]) && p.modifiedVerb(rd, a) != md[0] {
			return true
		}
	}
	return false
}

// modifiedVerb is where the verb starts of a clause that describes act
// a's own noun with a verb of a's (十二月三十一号交的医保: 交 of paying,
// 医保 its object): the clause tells the act itself, and the day said
// before it is the act's. -1 when a is not said so.
func (p *parser) modifiedVerb(rd *reading, a hit) int {
	if a.w.activity == nil || a.wj > 0 {
		return -1 // (a frame said with its own verb: no noun described)
	}
	for _, md := range rd.mods {
		if md[1] != a.i {
			continue
		}
		for _, v := range rd.verbs {
			if v.i == md[0] && !v.neg && p.verbOf(v.words, a.w.activity) {
				return v.i
			}
		}
	}
	return -1
}

// purposes reads a verb said right after an act that makes a fire, with
// no object of its own, as what the fire is for: 生堆火烤一下 is 烤火,
// 点茅草玩 is 玩火. The verb must have a frame whose object names what
// the act makes (火, `made` in mandarin.yaml) — 烤 in 烤火, 玩 in 玩火 —
// and the act before it must be a kind of that frame's activity's parent
// (or the parent itself), made with a verb of the parent's own fire
// frame (生, 点, 烧): 放鞭炮玩 and 烤红薯 are left as they are. The act
// then is the one the verb names.
func (p *parser) purposes(rd *reading) {
	for _, v := range rd.verbs {
		if v.neg {
			continue
		}
		b := p.madeWith(v.words)
		if b == nil || b.Parent == nil {
			continue
		}
		for k := range rd.acts {
			h := &rd.acts[k]
			a := h.w.activity
			if a == nil || a == b || h.neg || h.clause != v.clause || h.objEnd() > v.i || bareRunes(rd, h.objEnd(), v.i) > 3 ||
				!a.IsA(b.Parent) || !p.firedBy(rd, h, b.Parent) {
				continue
			}
			// nothing but a measure or a complement between (一下, 堆, 着)
			if gap := rd.text[h.objEnd():v.i]; strings.ContainsFunc(gap, clauseBreakOrSpace) {
				continue
			}
			h.w.activity = b
			h.w.act = ""
			h.words = rd.text[h.objStart():v.j]
			h.i, h.j, h.wi, h.wj = h.objStart(), v.j, 0, 0
		}
	}
	// 渣土拉到田里倒掉: a later verb in the clause that takes the act's
	// own object, with no object of its own, says what is done with it
	for k := range rd.acts {
		h := &rd.acts[k]
		if h.w.activity == nil || h.obj == "" || h.neg {
			continue
		}
		if b, n := p.laterVerb(rd, h); b != nil {
			h.w.activity = b
			h.words = rd.text[h.objStart():n]
			h.i, h.j, h.wi, h.wj = h.objStart(), n, 0, 0
		}
	}
}

// laterVerb finds, within a few characters after act h in its clause,
// a verb of another covered activity's frame that has h's object (倒 of
// 倒渣土 after 拉渣土到田里), not negated and not part of another act;
// it returns that activity and the byte where the verb ends.
func (p *parser) laterVerb(rd *reading, h *hit) (*rules.Activity, int) {
	s := rd.text
	toward := false // 拉到田里倒掉: the verb after taking it somewhere
	for n, i := 0, h.objEnd(); n < 8 && i < len(s); n++ {
		r, sz := utf8.DecodeRuneInString(s[i:])
		if clauseBreakOrSpace(r) {
			break
		}
		if !toward {
			toward = p.startsWithAny(s[i:], p.g.Toward)
			i += sz
			continue
		}
		// (nor a verb inside a fact phrase: 拉到指定的堆放点 piles nothing)
		if rd.inAct(i, i+sz) || !rd.free(i, i+sz) || inFactAt(rd, i) {
			i += sz
			continue
		}
		for _, f := range p.laterFrames(h, s[i:]) {
			if f.activity == nil || f.activity == h.w.activity || h.w.activity.IsA(f.activity) || f.activity.IsA(h.w.activity) || !p.withEither(rd, f, i, h.objStart()) {
				continue
			}
			long := ""
			for v := range f.verbs {
				if len(v) > len(long) && strings.HasPrefix(s[i:], v) && !strings.HasPrefix(s[i+len(v):], "是") {
					long = v
				}
			}
			if long != "" && !p.negated(rd, i, true) {
				// (倒掉, 丢掉了: the complement is the verb's, not left unheard)
				end := i + len(long)
				if r, n := decodeRune(s[end:]); n > 0 && p.isComplement(string(r)) {
					end += n
				}
				return f.activity, end
			}
		}
		i += sz
	}
	return nil, 0
}

// laterFrames are the frames a verb at the start of t may be read in
// after act h: those that take h's object, and — when none of them has a
// verb there — those of a verb there that take the kind of thing h's own
// frame takes (装修的垃圾, listed for hauling, is the rubble 倒 takes).
func (p *parser) laterFrames(h *hit, t string) []*frame {
	fs := p.byObj[h.obj]
	for _, f := range fs {
		for v := range f.verbs {
			if strings.HasPrefix(t, v) {
				return fs
			}
		}
	}
	var own []*frame
	for _, f := range fs {
		if f.activity == h.w.activity {
			own = append(own, f)
		}
	}
	if len(own) == 0 {
		return fs
	}
	var kin []*frame
	for n, k := 0, 0; n < 2 && k < len(t); n++ { // the verbs of a chain are short (倒, 丢掉)
		_, sz := utf8.DecodeRuneInString(t[k:])
		k += sz
		for _, g := range p.byVerb[t[:k]] {
			for _, f := range own {
				if p.kin[f][g] && !slices.Contains(kin, g) {
					kin = append(kin, g)
				}
			}
		}
	}
	return append(slices.Clip(fs), kin...)
}

func clauseBreakOrSpace(r rune) bool { return clauseBreak(r) || unicode.IsSpace(r) }

// inFactAt reports whether byte i is in a fact phrase read, its first
// byte included.
func inFactAt(rd *reading, i int) bool {
	for _, f := range rd.facts {
		if f.i <= i && i < f.j {
			return true
		}
	}
	return false
}

// madeWith is the activity of verb v's frame whose object names what an
// act makes (烤 → 烤火's activity), nil when v has none.
func (p *parser) madeWith(v string) *rules.Activity {
	for _, f := range p.byVerb[v] {
		for _, m := range p.g.Made {
			if f.objects[m] && f.activity != nil {
				return f.activity
			}
		}
	}
	return nil
}

// firedBy reports whether act h is said with a verb of one of parent's
// frames that make a fire (生火, 点茅草, 烧一堆).
func (p *parser) firedBy(rd *reading, h *hit, parent *rules.Activity) bool {
	verb := h.words
	if h.wj > 0 {
		verb = rd.text[h.i:h.j]
	}
	for _, f := range p.frames {
		if f.activity != parent || !slices.ContainsFunc(p.g.Made, func(m string) bool { return f.objects[m] }) {
			continue
		}
		for fv := range f.verbs {
			if h.wj > 0 && verb == fv || h.wj == 0 && strings.HasPrefix(verb, fv) {
				return true
			}
		}
	}
	return false
}

// disposal reports whether the object of act h is brought before its verb
// by 把 (把田里的稻草烧了): then 了 says what is to be done to it — the
// question — not what was done.
func (p *parser) disposal(rd *reading, h *hit) bool {
	return h.wj > 0 && h.wi < h.i && p.before(rd, h.wi, p.g.Disposal, 6)
}

// skipObject skips up to four runes that are not punctuation: the object
// of a frame, written after its verb.
func skipObject(s string) string {
	for _, b := range []string{"的时候", "时候", "的时"} {
		for n, i := 0, 0; n <= 4 && i <= len(s); n++ {
			if strings.HasPrefix(s[i:], b) {
				return s[i:]
			}
			if i == len(s) {
				break
			}
			r, sz := utf8.DecodeRuneInString(s[i:])
			if !isHan(r) && unicode.IsPunct(r) {
				break
			}
			i += sz
		}
	}
	return s
}

// othersDenial: the negator of the act at i is said of someone else that
// an employer word names before it in the clause (单位不交职工医保了, 厂里不
// 给我交了): what the employer no longer does, not the caller's act
// denied — the caller still asks about the act.
func (p *parser) othersDenial(rd *reading, i int) bool {
	start, k, ng := p.negation(rd, i, true)
	if ng == "" || len(p.g.Employer) == 0 {
		return false
	}
	at := start + k
	from := at
	for from > 0 && rd.clause(from-1) == rd.clause(at) {
		from--
	}
	return p.hasAny(rd.text[from:at], p.g.Employer)
}

// negated reports whether a negator governs the word at byte i: one of the
// last few characters before it, in its clause, after any other phrase. A
// negator between two equal characters is a question (能不能, 是不是).
// Facts are negated only by 不/没 forms (别在山上抽烟 does not deny 山上).
func (p *parser) negated(rd *reading, i int, act bool) bool {
	_, _, ng := p.negation(rd, i, act)
	return ng != ""
}

// factAsked reports whether the fact phrase h is asked, not stated: said
// right before a question of where it lies (禁放区在哪里; fact_where), or
// right after a question of itself in its clause (算不算重点森林防火区, 是不是
// 林地; fact_asked in mandarin.yaml) — unless a prohibition follows it in
// the clause: then the question is of the ban at the place said (是不是山上
// 现在不准烧火了, 是不是坟山上不让放炮了).
func (p *parser) factAsked(rd *reading, h hit) bool {
	// 禁放区是哪些地方: where it lies is asked
	for _, w := range p.g.FactWhere.Words {
		if strings.HasPrefix(rd.text[h.j:], w) && endsClause(rd.text, h.j+len(w), p.g.FactWhere.Ends) {
			return true
		}
	}
	asked := false
	if p.askedWhether(rd, h) || p.conditionAsked(rd, h) || p.endsAsking(rd, h) || p.guessed(rd, h) {
		return true
	}
	for _, w := range p.g.FactAsked {
		if strings.HasSuffix(rd.text[:h.i], w) && rd.clause(h.i-len(w)) == rd.clause(h.i) {
			asked = true
			break
		}
		// 有冇划位置: the question word runs into a phrase that opens with
		// its negator (冇划位置)
		if from := max(0, h.i-len(w)+1); from < h.i {
			if k := strings.Index(rd.text[from:min(len(rd.text), h.i+len(w))], w); k >= 0 && from+k < h.i && rd.clause(from+k) == rd.clause(h.i) {
				asked = true
				break
			}
		}
	}
	if asked || p.aNotA(rd, h) {
		end := rd.clauseEnd(h.j, h.clause)
		return !p.hasAny(rd.text[h.j:end], p.g.Prohibitive)
	}
	return false
}

// endsAsking reports whether fact phrase h ends a clause of no act nor verb that
// asks by a particle alone after it (城区也划了禁放区吗): whether the fact
// holds is asked, not said.
func (p *parser) endsAsking(rd *reading, h hit) bool {
	rest := strings.Trim(rd.text[h.j:rd.clauseEnd(h.j, h.clause)], pauses)
	inClause := func(a hit) bool { return a.clause == h.clause }
	return slices.Contains(p.g.FactQuestionEnd, rest) && !slices.ContainsFunc(rd.acts, inClause) && !slices.ContainsFunc(rd.verbs, inClause)
}

// guessed reports whether fact phrase h is the caller's guess put as a
// question (我们村不是禁放区吧, 这里算林地吧): a copula said right before it or
// opening it, past a negator, and only a guessing particle after it
// ending a clause of no act nor verb (fact_guessed).
func (p *parser) guessed(rd *reading, h hit) bool {
	g := &p.g.FactGuessed
	rest := strings.Trim(rd.text[h.j:rd.clauseEnd(h.j, h.clause)], pauses)
	if !slices.Contains(g.Ends, rest) {
		return false
	}
	inClause := func(a hit) bool { return a.clause == h.clause }
	if slices.ContainsFunc(rd.acts, inClause) || slices.ContainsFunc(rd.verbs, inClause) {
		return false
	}
	said := rd.text[h.i:h.j]
	if r, n := utf8.DecodeRuneInString(said); p.negatorRune(r) {
		said = said[n:] // 不是禁放区
	}
	return p.startsWithAny(said, g.Copulas) || p.endsWithAny(rd.text[rd.clauseStart(h.i, h.clause):h.i], g.Copulas)
}

// askedLater reports whether a fact phrase in a later clause than h asks
// whether a fact h states held (A-not-A, or a negator ending its clause) (拉茶籽的三轮车…，不晓得那天拉没拉茶果): the caller's own
// doubt, said after, takes back what the first phrase seemed to state, so
// h is not taken and the answer asks the fact.
func (p *parser) askedLater(rd *reading, h hit) bool {
	for _, o := range rd.facts {
		if o.clause <= h.clause || o.i < h.j || !sharesFact(h, o) {
			continue
		}
		// (算不算乱倒 asks how the act is classed, not whether the
		// fact said before held: only the caller's own doubt of it)
		if p.askedWhether(rd, o) || p.aNotA(rd, o) {
			return true
		}
	}
	return false
}

// sharesFact reports whether phrases a and b state a value of the same
// fact.
func sharesFact(a, b hit) bool {
	for _, x := range a.w.facts {
		for _, y := range b.w.facts {
			if x.Fact == y.Fact && !x.Presumed && !y.Presumed {
				return true
			}
		}
	}
	return false
}

// conditionAsked reports whether the fact phrase h is the condition the
// caller asks for, not one said: a word of fact_condition.before right
// before it and one of fact_condition.after right after it, in its clause
// (要离山好远才准烧: how far one must be, not that one is far).
func (p *parser) conditionAsked(rd *reading, h hit) bool {
	before := rd.text[rd.clauseStart(h.i, h.clause):h.i]
	after := rd.text[h.j:rd.clauseEnd(h.j, h.clause)]
	return slices.ContainsFunc(p.g.FactCondition.Before, func(w string) bool { return strings.HasSuffix(before, w) }) &&
		slices.ContainsFunc(p.g.FactCondition.After, func(w string) bool { return strings.HasPrefix(after, w) })
}

// aNotA reports whether the fact phrase h is the verb of an A-not-A
// question (有没有划摊位 heard as 有 + 没有划摊位, 划没划摊位 as 划没 + 划摊位):
// the phrase's own verb said on both sides of a negator asks the fact, so
// a phrase that holds the negator states nothing, nor does the one after.
func (p *parser) aNotA(rd *reading, h hit) bool {
	from := rd.clauseStart(h.i, h.clause)
	before := rd.text[from:h.i]
	a, na := utf8.DecodeLastRuneInString(before)
	r0, n0 := utf8.DecodeRuneInString(rd.text[h.i:])
	if na == 0 || n0 == 0 {
		return p.aNotAAfter(rd, h)
	}
	// 有|没有划摊位: the phrase opens with the negator
	if p.negatorRune(r0) {
		if r1, _ := utf8.DecodeRuneInString(rd.text[h.i+n0:]); r1 == a {
			return true
		}
	}
	// 划没|划摊位: the verb and the negator said before the phrase
	if p.negatorRune(a) {
		if x, _ := utf8.DecodeLastRuneInString(before[:len(before)-na]); x == r0 {
			return true
		}
	}
	return p.aNotAAfter(rd, h)
}

// aNotAAfter reports whether the fact phrase h ends with the word its
// question repeats after a negator (离山远|不远, 离山近|不近): the caller asks
// whether it holds (离山远不远我不晓得), and says nothing of it.
func (p *parser) aNotAAfter(rd *reading, h hit) bool {
	last, n := utf8.DecodeLastRuneInString(rd.text[h.i:h.j])
	ng, k := utf8.DecodeRuneInString(rd.text[h.j:])
	if n == 0 || k == 0 || !p.negatorRune(ng) || rd.clause(h.j) != h.clause {
		return false
	}
	again, _ := utf8.DecodeRuneInString(rd.text[h.j+k:])
	return again == last
}

// negatorRune reports whether r alone is a negator (不, 没, 冇).
func (p *parser) negatorRune(r rune) bool {
	for _, ng := range p.g.Negators {
		if c, n := utf8.DecodeRuneInString(ng); n == len(ng) && c == r {
			return true
		}
	}
	return false
}

// askedWhether reports whether the fact phrase h is said as a question of
// whether it holds (fact_whether in mandarin.yaml): its own negator between
// its verb said twice (办没办手续), or a negator right after it that ends
// its clause (人家同意了没有) — the caller does not know it.
func (p *parser) askedWhether(rd *reading, h hit) bool {
	said, c := rd.text[h.i:h.j], rd.clause(h.i)
	for _, ng := range p.g.FactWhether {
		if rest, ok := strings.CutPrefix(said, ng); ok && rest != "" {
			verb, _ := utf8.DecodeRuneInString(rest)
			prev, n := utf8.DecodeLastRuneInString(rd.text[:h.i])
			if n > 0 && prev == verb && rd.clause(h.i-n) == c {
				return true
			}
		}
		// (同意了没有: the aspect between)
		j := h.j
		for _, d := range p.g.DoneAfter {
			if strings.HasPrefix(rd.text[j:], d+ng) {
				j += len(d)
				break
			}
		}
		if strings.HasPrefix(rd.text[j:], ng) && rd.clause(j) == c && endsClause(rd.text, j+len(ng), p.g.FactWhere.Ends) {
			return true
		}
	}
	return false
}

// endsClause reports whether only words of ends (particles) lie between
// byte i of the text and the end of its clause.
func endsClause(text string, i int, ends []string) bool {
	for i < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) || clauseBreak(r) {
			return true
		}
		k := 0
		for _, e := range ends {
			if strings.HasPrefix(text[i:], e) {
				k = max(k, len(e))
			}
		}
		if k == 0 {
			return false
		}
		i += k
	}
	return true
}

// doubted reports whether the fact phrase h, followed by between and
// another value, is said after a word of doubt in its clause (分不清寒露籽
// 霜降籽): the two, side by side or joined, are what the caller cannot tell
// apart (doubt and doubt_joined in mandarin.yaml).
func (p *parser) doubted(rd *reading, h, second hit, between string) bool {
	if between != "" && !slices.Contains(p.g.DoubtJoined, between) {
		return false
	}
	from := rd.clauseStart(h.i, h.clause)
	if p.hasAny(rd.text[from:h.i], p.g.Doubt) {
		return true
	}
	// (寒露籽跟霜降籽我分不清: the doubt said after the two, in their clause)
	to := rd.clauseEnd(second.j, second.clause)
	return p.hasAny(rd.text[second.j:to], p.g.Doubt)
}

// chosenOver reports whether the fact phrase h is one option of a choice
// the caller weighs (就在工地里回填还是运到别个的鱼塘去填, 先摘寒露籽还是先摘
// 霜降籽): another value of the same fact said after it, an alternative
// word and little else between, and no word asking of each after them
// (choose_each). The call is answered for the option said last.
func (p *parser) chosenOver(rd *reading, h hit) bool {
	for _, o := range rd.facts {
		if o.i < h.j || !p.chooses(rd.text[h.j:o.i]) && !p.optionsOf(rd, h, o) || p.hasAny(rd.text[o.j:], p.g.ChooseEach) {
			continue
		}
		if otherValue(h, o) {
			return true
		}
		// 是在屋里点香还是在屋门口禾场里点: two places, each where its option
		// is done, are the choice even when they state different facts
		if p.optionsOf(rd, h, o) && p.saidWhere(rd, h) && p.saidWhere(rd, o) {
			return true
		}
	}
	return false
}

// saidWhere reports whether the fact phrase h is said right after a word of
// at or toward (在屋里, 拿到河边, 摆到门口人行道上): the place an option is
// done at or taken to.
func (p *parser) saidWhere(rd *reading, h hit) bool {
	before := rd.text[:h.i]
	for _, w := range slices.Concat(p.g.Toward, p.g.At) {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// correctedOver reports whether the fact phrase h is a place or value the
// caller took back by a correction said after it, with more between than
// the phrase alone (在乡里街上杀鸡卖——哦，应该是城区的街上; 在村里路边乱摆摊，
// 哦不对，是在城区人行道上): another value of the same fact said after a
// pause and words that take back what came before (takenBack), within
// maxCorrected characters. retractFacts drops a phrase the correction
// follows right away; this one the act or other words part from it.
func (p *parser) correctedOver(rd *reading, h hit) bool {
	for _, o := range rd.facts {
		if o.i < h.j || !otherValue(h, o) {
			continue
		}
		between := rd.text[h.j:o.i]
		if utf8.RuneCountInString(between) > maxCorrected {
			continue
		}
		for k, r := range between {
			if retractPause(r) && p.takenBack(rd.text[h.j+k:]) {
				return true
			}
		}
	}
	return false
}

// maxCorrected is the most characters said between a fact phrase and the
// other value of its fact a correction says (街上杀鸡卖——哦，应该是).
const maxCorrected = 24

// optionsOf reports whether fact phrases h and o lie in the two options of
// one choice said in a clause (是在城区人行道上摆摊卖橘子还是回村里马路边摆):
// the same clause, one alternative word between them, and no more than
// maxOption characters — each option may carry its own verb and object,
// which chooses' "little else" does not allow.
func (p *parser) optionsOf(rd *reading, h, o hit) bool {
	return h.clause == o.clause && p.oneAlternative(rd.text[h.j:o.i])
}

// oneAlternative reports whether between, said between two options of a
// choice in one clause, holds exactly one alternative word and no more
// than maxOption characters.
func (p *parser) oneAlternative(between string) bool {
	if utf8.RuneCountInString(between) > maxOption {
		return false
	}
	n := 0
	for _, w := range p.g.Alternatives {
		n += strings.Count(between, w)
	}
	return n == 1
}

// maxOption is the most characters said between the places of a choice's
// two options in one clause (上摆摊卖橘子还是回: the first option's verb and
// object, the alternative word, the second's verb).
const maxOption = 16

// otherValue reports whether fact phrases h and o name two values of one
// fact (寒露籽, 霜降籽: the variety).
func otherValue(h, o hit) bool {
	for _, v := range h.w.facts {
		for _, u := range o.w.facts {
			if v.Fact == u.Fact && !sameValue(v.V, u.V) {
				return true
			}
		}
	}
	return false
}

// eitherSaid reports whether the fact phrase h names one value of a fact
// and another phrase names another value of it, the two joined by a word
// of choice (搞不清是寒露籽还是霜降籽; either in mandarin.yaml): the caller
// does not know which, so neither is taken and the answer asks it.
func (p *parser) eitherSaid(rd *reading, h hit) bool {
	for _, o := range rd.facts {
		first, second := h, o
		if o.i < h.i {
			first, second = o, h
		}
		if o.i == h.i || first.j > second.i {
			continue
		}
		between := strings.Trim(rd.text[first.j:second.i], " \t\u3000")
		doubt := p.doubted(rd, first, second, between)
		if !slices.Contains(p.g.Either, between) && !doubt {
			continue
		}
		// 是停到划好的停车区还是随便停在门口: the first value the place a
		// verb goes to (到, 在 after the verb), no doubt said — two ways the
		// caller weighs, answered for the last (chosenOver), not a doubt
		// (是先去办批准还是不办直接搭: the second value a way the act's
		// verb said right after it is done in — two ways weighed, too)
		if !doubt && (p.wentTo(rd, first) || p.startsWithVerb(rd.text[second.j:])) {
			continue
		}
		if otherValue(h, o) {
			return true
		}
	}
	return false
}

// wentTo reports whether the fact phrase h is said right after a verb and
// a word of toward or at (停到划好的停车区, 摆在店里): the place an act goes
// to, one of the options a caller weighs.
func (p *parser) wentTo(rd *reading, h hit) bool {
	before := rd.text[:h.i]
	for _, w := range slices.Concat(p.g.Toward, p.g.At) {
		if rest, ok := strings.CutSuffix(before, w); ok && rest != "" && p.endsWithVerb(rest) {
			return true
		}
	}
	return false
}

// deniedAt is where the place starts at which the act at i is denied (0
// for none): a negator right before 在 and the place (fact phrases and
// locatives: 不在人行道上摆摊, 冇在城区人行道上乱摆摊) — the caller does not
// do it there. A prohibitive or imperative negator (不能在…, 别在…) is left
// to negated, which reads it.
func (p *parser) deniedAt(rd *reading, i int) int {
	s := rd.text
	j := i
	for j > 0 && rd.clause(j-1) == rd.clause(i) {
		if f := factEndingAt(rd, j); f >= 0 {
			j = f
			continue
		}
		n := 0
		for _, l := range p.g.Locatives {
			if len(l) > n && strings.HasSuffix(s[:j], l) {
				n = len(l)
			}
		}
		if n == 0 {
			break
		}
		j -= n
	}
	if j == i {
		return 0
	}
	for _, at := range p.g.At {
		if !strings.HasSuffix(s[:j], at) {
			continue
		}
		before := s[:j-len(at)]
		for _, ng := range p.g.Negators {
			if strings.HasSuffix(before, ng) && !slices.Contains(p.g.Prohibitive, ng) && !slices.Contains(p.g.Imperative, ng) &&
				!p.inNotNegator(s, len(before)-len(ng), ng) && rd.clause(len(before)-len(ng)) == rd.clause(i) {
				return j
			}
		}
	}
	return 0
}

// factEndingAt is the start of the fact phrase that ends at byte j, or -1.
func factEndingAt(rd *reading, j int) int {
	for _, f := range rd.facts {
		if f.j == j && f.i < j {
			return f.i
		}
	}
	return -1
}

// forbidden reports whether the act at i is negated by a prohibitive word
// (不能摆, 不准放): asked about, when nothing else is.
func (p *parser) forbidden(rd *reading, i int) bool {
	start, k, ng := p.negation(rd, i, true)
	if ng == "" {
		return false
	}
	for _, w := range p.g.Prohibitive {
		if inWord(rd.text[start:i], k, ng, w) {
			return true
		}
	}
	return false
}

// negation finds the negator ng ("" for none) of the act or fact at i,
// at offset k of the window that starts at start.
func (p *parser) negation(rd *reading, i int, act bool) (start, k int, ng string) {
	s := rd.text
	// 不给老婆交: whom the act is for, said right before it, is no part of
	// the act's clause a negator must reach across
	if f := factEndingAt(rd, i); f >= 0 && f < i && act && p.longestPrefix(s[f:i], p.g.Benefactive) > 0 {
		return p.negation(rd, f, act)
	}
	start = i
	for n := 0; n < 4 && start > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(s[:start])
		if rd.clause(start-sz) != rd.clause(i) || rd.usedByOther(start-sz) {
			break
		}
		start -= sz
	}
	window := s[start:i]
	if !p.plain && !p.negFirst.anyIn(window) {
		return 0, 0, "" // (most windows: no negator starts in it)
	}
	for _, ng = range p.g.Negators {
		if !act && (slices.Contains(p.g.Prohibitive, ng) || slices.Contains(p.g.Imperative, ng)) {
			continue
		}
		k = strings.LastIndex(window, ng)
		if k < 0 {
			continue
		}
		if !act && p.inProhibitive(window, k, ng) {
			continue // 不能在山上烧纸: 山上 is where the act would be, not denied
		}
		if p.hasAny(window[k+len(ng):], p.g.NegBreaks) {
			continue // 还没熟我先摘: 没 denies 熟
		}
		if !act && p.hasAny(window[k+len(ng):], p.g.FactNegBreaks) {
			continue // 没人管的山上: 没 denies 管
		}
		at := start + k
		// 能不能, 可不可以, 是不是, 有没有: a question, not a negation
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		next, _ := utf8.DecodeRuneInString(s[at+len(ng):])
		_, first := utf8.DecodeRuneInString(ng)
		next1, _ := utf8.DecodeRuneInString(s[at+first:])
		if (prev == next || prev == next1) && prev != utf8.RuneError {
			continue
		}
		if p.inNotNegator(s, at, ng) {
			continue
		}
		if act && p.hasAny(s[rd.clauseStart(at, rd.clause(at)):at], p.g.StillToDo) {
			continue // 还有茶籽冇摘: the work still to do, asked of
		}
		// 车轮子没冲洗带了泥上路: the negator opens a verb of its own (没冲洗,
		// a frame's verb) that ends before the act — it denies that verb
		if act && slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.i == at && v.j > at+len(ng) && v.j <= i }) {
			continue
		}
		// 能收新茶籽不 能摘…: a question's 不 before a pause, not a negation
		if unicode.IsSpace(next) {
			continue
		}
		return start, k, ng
	}
	return 0, 0, ""
}

// inProhibitive reports whether the negator ng at window[k:] is part of a
// prohibitive word there (the 不 of 不能).
func (p *parser) inProhibitive(window string, k int, ng string) bool {
	for _, w := range p.g.Prohibitive {
		if inWord(window, k, ng, w) {
			return true
		}
	}
	for _, w := range p.g.Imperative {
		if inWord(window, k, ng, w) {
			return true
		}
	}
	return false
}

// inWord reports whether ng at s[k:] lies inside an occurrence of w.
func inWord(s string, k int, ng, w string) bool {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		if i <= k && k+len(ng) <= i+len(w) {
			return true
		}
		off = i + 1
	}
	return false
}

// inNotNegator reports whether the negator ng at s[at:] is part of a word
// that negates nothing (别个 is "others", 特别 "especially").
func (p *parser) inNotNegator(s string, at int, ng string) bool {
	return p.inAnyWord(s, at, ng, p.g.NotNegators)
}

// inAnyWord reports whether the w found at s[at:] is part of one of words
// said there (我跟你讲 holds a 讲 that reports nothing).
func (p *parser) inAnyWord(s string, at int, w string, words []string) bool {
	for _, x := range words {
		for off := 0; ; {
			k := strings.Index(x[off:], w)
			if k < 0 {
				break
			}
			k += off
			if at-k >= 0 && strings.HasPrefix(s[at-k:], x) {
				return true
			}
			off = k + 1
		}
	}
	return false
}

// usedByOther: byte k is part of a date, a fact phrase or an act.
func (rd *reading) usedByOther(k int) bool {
	if rd.used[k] {
		return true
	}
	for _, h := range rd.facts {
		if k >= h.i && k < h.j {
			return true
		}
	}
	for _, h := range rd.acts {
		if k >= h.i && k < h.j {
			return true
		}
	}
	return false
}

func (p *parser) before(rd *reading, i int, words []string, runes int) bool {
	s, start := rd.text, rd.windowStart(i, runes)
	for _, w := range words {
		if strings.Contains(s[start:i], w) {
			return true
		}
	}
	return false
}

// windowStart is where the window of runes characters before byte i
// starts, within i's clause.
func (rd *reading) windowStart(i, runes int) int {
	start := i
	for n := 0; n < runes && start > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(rd.text[:start])
		if rd.clause(start-sz) != rd.clause(i) {
			break
		}
		start -= sz
	}
	return start
}
