package hotline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/vocab"
)

// retractFacts drops the fact phrases the caller took back right after
// saying them (他同意了——哦，其实他还不晓得; 物业指定的地方——哦，那里满了;
// 是抢险——不对，也不算抢险): a fact taken back is not stated, so that the
// answer never rests on it; what is said after it, if anything, is read
// there. Its words are heard, not left as words not understood.
func (p *parser) retractFacts(rd *reading) {
	out := rd.facts[:0]
	for _, f := range rd.facts {
		if p.takenBack(rd.text[f.j:]) || p.takenBack(p.afterVerb(rd.text[f.j:])) || p.origin(rd, f) {
			rd.mark(f.i, f.j)
			continue
		}
		out = append(out, f)
	}
	rd.facts = out
}

// origin reports whether fact f is a place said as where someone comes
// from (亲戚从乡里上来): the act asked is done elsewhere.
func (p *parser) origin(rd *reading, f hit) bool {
	return p.endsWithAny(rd.text[:f.i], p.g.Origin.Before) && p.startsWithAny(rd.text[f.j:], p.g.Origin.After)
}

// afterVerb is rest past a verb of one or two characters it starts with
// (给我爹交——哦，是给我老丈人交: the phrase's own act said before the
// pause), or "" when it starts with none.
func (p *parser) afterVerb(rest string) string {
	_, n := utf8.DecodeRuneInString(rest)
	_, m := utf8.DecodeRuneInString(rest[n:])
	for _, k := range []int{n + m, n} {
		if k > 0 && k <= len(rest) && p.verbSet[rest[:k]] {
			return rest[k:]
		}
	}
	return ""
}

// retractPause is a pause a correction is said after: a clause break, a
// space or a dash (——).
func retractPause(r rune) bool {
	return clauseBreak(r) || unicode.IsSpace(r) || r == '—' || r == '-' || r == '～' || r == '…'
}

// takenBack reports whether rest, the words right after a fact phrase,
// take it back: a pause, then a correction word or a retraction (其实,
// 也不算), a filler first or not (哦，其实), or a filler alone between
// pauses (——哦，). With no pause first the words deny or go on (不是在山上
// 是…, 其实 inside a clause), and are read as such.
func (p *parser) takenBack(rest string) bool {
	t := strings.TrimLeftFunc(rest, retractPause)
	if len(t) == len(rest) || t == "" {
		return false
	}
	dash := strings.ContainsAny(rest[:len(rest)-len(t)], "—-")
	for _, w := range p.g.RetractFillers {
		u, ok := strings.CutPrefix(t, w)
		if !ok {
			continue
		}
		v := strings.TrimLeftFunc(u, retractPause)
		if dash && len(v) < len(u) && v != "" {
			return true // ——哦，…: broken off (after a comma 哦 is a breath)
		}
		t = v
		break
	}
	if p.startsWithAny(t, p.g.Corrections) {
		return true
	}
	for _, w := range p.g.Retractions {
		if u, ok := strings.CutPrefix(t, w); ok {
			// 其实就是人行道上: the place said more closely, kept
			return !p.startsWithAny(strings.TrimLeftFunc(u, retractPause), p.g.RetractNarrows)
		}
	}
	for _, w := range p.g.CorrectionsAlone {
		if u, ok := strings.CutPrefix(t, w); ok {
			if r, _ := utf8.DecodeRuneInString(u); u != "" && retractPause(r) {
				return true // 城区，不是，…
			}
		}
	}
	return false
}

// actTakenBack reports whether the caller took act h back right after
// saying it, and where what is meant instead begins: past a pause, a
// correction word (烧稻草——不是，是…; 说错哒), a filler said alone and a word
// opening what is meant (烤火，哦，是在山上晒太阳), or a denial of the act's
// own words (摆摊——不是摆摊，…; 放河灯，哦，不放了); or, the act said as
// refused or known, a turn to another case asked of (鞭子放不得，那用电子
// 鞭炮呢). Whether something else is meant is the caller's (meantElsewhere).
func (p *parser) actTakenBack(rd *reading, h hit) (int, bool) {
	end := max(h.j, h.wj)
	if at, ok := p.fallsBack(rd, h); ok {
		return at, true
	}
	rest := rd.text[end:]
	// (拆开两个户交——哦，不是拆户: the verb that pays closing the act's
	// words, then the pause)
	if v := p.afterVerb(rest); v != "" && h.wj > h.wi {
		if r, _ := utf8.DecodeRuneInString(v); retractPause(r) {
			rest = v
		}
	}
	t := strings.TrimLeftFunc(rest, retractPause)
	if len(t) == len(rest) || t == "" {
		return 0, false
	}
	at := func(s string) int { return len(rd.text) - len(s) }
	filler := false
	for _, w := range p.g.RetractFillers {
		if u, ok := strings.CutPrefix(t, w); ok {
			if v := strings.TrimLeftFunc(u, retractPause); len(v) < len(u) && v != "" {
				t, filler = v, true
			}
			break
		}
	}
	for _, w := range p.g.Corrections {
		if u, ok := strings.CutPrefix(t, w); ok {
			return at(u), true
		}
	}
	for _, w := range p.g.CorrectionsAlone {
		if u, ok := strings.CutPrefix(t, w); ok {
			if r, _ := utf8.DecodeRuneInString(u); u != "" && retractPause(r) {
				return at(u), true // 烧田坎，不是，…
			}
		}
	}
	for _, w := range p.g.ActDenials {
		u, ok := strings.CutPrefix(t, w)
		if !ok {
			continue
		}
		k := strings.IndexFunc(u, retractPause)
		if k < 0 {
			continue
		}
		// (不是摆摊, 也不是偷, 不放了: the act's own words, or its verb,
		// denied — not a manner of it, 不是越界, nor a denial denied, 不是
		// 没有围挡)
		seg := u[:k]
		for _, a := range p.g.Aspect { // 不放了: the verb with its aspect
			if v, ok := strings.CutSuffix(seg, a); ok {
				seg = v
				break
			}
		}
		if seg == "" || p.startsWithAny(seg, p.g.Negators) {
			continue
		}
		if seg == h.words || h.w.activity != nil && p.verbOf(seg, h.w.activity) || p.actWordAt(rd, h, at(u), len(seg)) {
			return at(u[k:]), true
		}
	}
	if filler && p.startsWithAny(t, p.g.MeantOpens) {
		return at(t), true
	}
	return 0, false
}

// actWordAt reports whether the n bytes of text at byte i are a word read
// as act h's own (不是拆户 after 拆开两个户交: the act denied by another of
// its words).
func (p *parser) actWordAt(rd *reading, h hit, i, n int) bool {
	return h.w.activity != nil && slices.ContainsFunc(rd.acts, func(o hit) bool { return o.i == i && o.j == i+n && p.sameAct(o, h) })
}

// baseMeant is the act of which taken-back act h is a way, when what is
// meant instead, from at to the next pause, says no act and no fact but a
// bare verb of that act, not denied (拆开两个户交——哦，不是拆户，是分两天
// 交: paying, the household whole; 两边都交不准，那我只在祁阳交呢) — the
// way let go, the act itself kept. Not what is meant by a fact said with
// it after a correction (…哦不，最后找的是有核准的运输公司拉: the way
// said again otherwise).
func (p *parser) baseMeant(rd *reading, h hit, at int) (hit, bool) {
	base := p.mannerOf[h.w.activity]
	if base == nil {
		return hit{}, false
	}
	t := strings.TrimLeftFunc(rd.text[at:], retractPause)
	end := len(rd.text) - len(t) + len(untilPause(t))
	if slices.ContainsFunc(rd.acts, func(o hit) bool { return o.i >= at && o.i < end }) {
		return hit{}, false
	}
	// (用职工医保账户给我爹交可以，那给我舅舅交呢: a way known allowed, the
	// turn asks it of another — only a way refused is let go for its act,
	// and the case turned to may say where, 那我只在祁阳交呢)
	_, back := p.fallsBack(rd, h)
	if back && !p.hasAny(clauseText(rd, h.clause), p.g.Prohibitive) ||
		!back && slices.ContainsFunc(rd.facts, func(f hit) bool { return f.i >= at && f.i < end }) {
		return hit{}, false
	}
	for _, v := range rd.verbs {
		if v.i >= at && v.j <= end && !p.verbNegated(rd, v) && p.verbOf(v.words, base) {
			return hit{i: v.i, j: v.j, clause: v.clause, words: v.words, w: word{activity: base}}, true
		}
	}
	return hit{}, false
}

// fallsBack reports whether act h is said in a clause that refuses it or
// knows its answer (鞭子放不得, 打火把上山照亮不准的话) and the next clause
// turns to another case and asks it with 呢 alone (那用电子鞭炮呢): where
// that case begins.
func (p *parser) fallsBack(rd *reading, h hit) (int, bool) {
	c := h.clause
	if c < 0 || !p.hasAny(clauseText(rd, c), p.g.Known) {
		return 0, false
	}
	// (山上放孔明灯可以不？那屋里点蜡烛呢？: a clause that asks is a
	// question of its own, not a case known)
	if roles := p.roles(rd); roles != nil && c < len(roles) && roles[c] == roleAsks {
		return 0, false
	}
	start := max(h.j, h.wj)
	for start < len(rd.text) && rd.clause(start) == c {
		start++
	}
	if start >= len(rd.text) {
		return 0, false
	}
	next := rd.clause(start)
	for start < len(rd.text) && rd.clause(start) == next {
		r, n := utf8.DecodeRuneInString(rd.text[start:])
		if !retractPause(r) {
			break
		}
		start += n
	}
	t := rd.text[start:]
	for _, w := range p.g.ContrastOpen {
		if strings.HasPrefix(t, w) && p.clauseEndsWith(rd, next, p.g.Ellipsis) {
			return start + len(w), true
		}
	}
	return 0, false
}

// meantInstead reports whether act h, taken back with what is meant
// beginning at at, is replaced: by another act of pos said from there
// (在山上烧纸——哦不是，是在山上挖冬笋), or, none said and no verb of h's
// said again (在山上烧纸——不对，是在屋门口烧: its place corrected, not the
// act), by words no vocabulary holds (是在田里挖黄鳝) — then rd.meantAt
// is where they begin.
func (p *parser) meantInstead(rd *reading, h hit, at int, pos []hit) bool {
	for _, o := range pos {
		if o.objStart() >= at && (o.w.activity != h.w.activity || o.w.act != h.w.act) {
			return true
		}
	}
	if slices.ContainsFunc(pos, func(o hit) bool { return o.i >= at }) {
		return false
	}
	// (帮别个拉渣土——哦，是帮邻居拉: the act's verb said again, in a phrase
	// of whom it is done for, not denied)
	residue := p.residue(rd)
	if v := p.actVerb(h); v != "" {
		for _, c := range strings.FieldsFunc(rd.text[at:], retractPause) {
			k := strings.Index(c, v)
			if k < 0 || p.startsWithAny(c, p.g.Negators) {
				continue
			}
			if !p.ofOtherThing(c[k+len(v):], residue) {
				return false
			}
		}
	}
	for _, v := range rd.verbs {
		// (那用头灯呢: an instrument taken up is not the act said again)
		if v.i < at || slices.Contains(p.g.Instrument, v.words) {
			continue
		}
		if (h.w.activity != nil && p.verbOf(v.words, h.w.activity) || strings.Contains(h.words, v.words)) && !p.ofOtherThing(untilPause(rd.text[v.j:]), residue) {
			return false
		}
	}
	// (是城区菜市场门口人行道上，城管冇划摊位的地方: what is meant is said
	// right after the correction, up to the next pause — not words of the
	// scene told after it)
	meant := untilPause(strings.TrimLeftFunc(rd.text[at:], retractPause))
	for _, f := range residue {
		// (是在河边沙滩上: a place said more closely names no act)
		if utf8.RuneCountInString(f) >= 2 && strings.Contains(meant, f) && !p.endsWithAny(f, p.g.Locatives) {
			rd.meantAt = at
			return true
		}
	}
	return false
}

// ofOtherThing reports whether rest, said right after an act's verb said
// again, names a thing no vocabulary holds (拉渣土，不对，是拉一车谷子去卖):
// the verb done to another thing is another act, not the one taken back —
// unless the thing touches a notice's topic (点个油灯: a flame still).
func (p *parser) ofOtherThing(rest string, residue []string) bool {
	return slices.ContainsFunc(residue, func(f string) bool {
		return utf8.RuneCountInString(f) >= 2 && !p.endsWithAny(f, p.g.Locatives) && !p.hasAny(f, p.voc.Topics) && strings.Contains(rest, f)
	})
}

// untilPause is s up to its first pause.
func untilPause(s string) string {
	if k := strings.IndexFunc(s, retractPause); k >= 0 {
		return s[:k]
	}
	return s
}

// meantAct is the act the caller meant, in words no vocabulary holds, after
// taking back the one said (rd.meantAt): the longest fragment not
// understood said from there, which no rule is known to cover — "" when
// those words touch a notice's topic (it may be a covered act in words
// the vocabulary lacks, and is asked again).
func (p *parser) meantAct(rd *reading, residue []string) string {
	rest := rd.text[rd.meantAt:]
	// (是在山上晒太阳，冇生火: what is said as not done touches no topic)
	for _, c := range strings.FieldsFunc(rest, retractPause) {
		if !p.startsWithAny(c, p.g.Negators) && p.hasAny(c, p.voc.Topics) {
			return ""
		}
	}
	// (那伢子放几个气球呢: the words from the first not understood to the
	// last, in the clause that says what is meant — 放几个气球, not 放几)
	meant := untilPause(strings.TrimLeftFunc(rest, retractPause))
	lo, hi := -1, -1
	for _, f := range residue {
		if k := strings.Index(meant, f); k >= 0 {
			if lo < 0 || k < lo {
				lo = k
			}
			hi = max(hi, k+len(f))
		}
	}
	if lo >= 0 {
		if w := meant[lo:hi]; utf8.RuneCountInString(w) >= 2 && utf8.RuneCountInString(w) <= 12 {
			return w
		}
	}
	best, n := "", 0
	for _, f := range residue {
		if k := utf8.RuneCountInString(f); k >= 2 && k <= 12 && k > n && strings.Contains(rest, f) {
			best, n = f, k
		}
	}
	return best
}

// actVerb is the verb act h opens with, of its activity's frames (拉 of
// 拉渣土); "" for none.
func (p *parser) actVerb(h hit) string {
	if h.w.activity == nil {
		return ""
	}
	for n, k := 0, 0; n < 2 && k < len(h.words); n++ {
		_, size := utf8.DecodeRuneInString(h.words[k:])
		k += size
		if v := h.words[:k]; p.verbOf(v, h.w.activity) {
			return v
		}
	}
	return ""
}

// placeRetracted drops the fact phrases said with act h, in its clause,
// that the caller took back with it at at and said again after it (在山上
// 烧纸——哦不是，是在屋门口烧纸): a fact of the same name said from at on is
// the one meant, and a place said with 在 or 到 from at on is where.
func (p *parser) placeRetracted(rd *reading, h hit, at int) {
	later := map[string]bool{}
	placed := false // (是在河边沙滩上: a place said with 在 or 到 after it)
	for _, f := range rd.facts {
		if f.i >= at {
			for _, v := range f.w.facts {
				later[v.Fact] = true
			}
			placed = placed || p.saidWhere(rd, f)
		}
	}
	if len(later) == 0 {
		return
	}
	out := rd.facts[:0]
	for _, f := range rd.facts {
		// (在山上野炊——不对，是在河边沙滩上: the place said where the act
		// is done yields to the one said so after the correction, though
		// the two state different facts)
		if f.clause == h.clause && f.j <= at && (slices.ContainsFunc(f.w.facts, func(v vocab.Value) bool { return later[v.Fact] }) || placed && p.saidWhere(rd, f)) {
			rd.mark(f.i, f.j)
			continue
		}
		out = append(out, f)
	}
	rd.facts = out
}

// restatedBack drops the fact phrases the caller took back by saying their
// words again after a pause and a retraction or a denial (在庙里烧香，哦，
// 也不算庙里，是…; 停在菜市场门口——也不是门口，…; 倒在路边——哦不是路边，…):
// the place named again to be denied is not where the act is done, and the
// words said again deny it, stating nothing.
func (p *parser) restatedBack(rd *reading) {
	if len(rd.facts) == 0 {
		return
	}
	// (not a correction word: 应该是, 改到 say what is meant, not what is
	// denied)
	markers := slices.Concat(p.g.Retractions, p.g.PlaceDenials)
	said := slices.Concat(markers, p.g.SaidToBe)
	drop := map[int]bool{} // the starts of the fact phrases taken back
	for k, r := range rd.text {
		if !retractPause(r) {
			continue
		}
		t := strings.TrimLeftFunc(rd.text[k:], retractPause)
		for _, w := range p.g.RetractFillers {
			if u, ok := strings.CutPrefix(t, w); ok {
				t = strings.TrimLeftFunc(u, retractPause)
				break
			}
		}
		for _, w := range said {
			u, ok := strings.CutPrefix(t, w)
			if !ok {
				continue
			}
			// (说是城区: the place said again only to be taken back next)
			sayAgain := !slices.Contains(markers, w)
			// (其实也不算院子: one retraction after another)
			for again := true; again; {
				again = false
				for _, m := range markers {
					if v, ok := strings.CutPrefix(u, m); ok && v != "" {
						u, again = v, true
						break
					}
				}
			}
			e := strings.IndexFunc(u, retractPause)
			if e < 0 {
				e = len(u)
			}
			seg := u[:e]
			if utf8.RuneCountInString(seg) < 2 || sayAgain && !p.takenBack(u[e:]) {
				continue
			}
			at := len(rd.text) - len(u)
			var earlier, again []int
			for _, f := range rd.facts {
				said := rd.text[f.i:f.j]
				switch {
				case f.i >= at && f.j <= at+len(seg): // the words said again
					again = append(again, f.i)
				case f.j <= k && strings.Contains(said, seg):
					earlier = append(earlier, f.i)
				}
			}
			if len(earlier) > 0 {
				for _, i := range slices.Concat(earlier, again) {
					drop[i] = true
				}
			}
			break
		}
	}
	if len(drop) == 0 {
		return
	}
	out := rd.facts[:0]
	for _, f := range rd.facts {
		if drop[f.i] {
			rd.mark(f.i, f.j)
			continue
		}
		out = append(out, f)
	}
	rd.facts = out
}

// peopleOfPlace drops the fact phrases said inside words naming people by
// where they live (城里人倒渣土有人管，我们乡里…; 乡下人在城里马路边摆摊):
// who they are, not where the act is; the words are heard, not left as
// words not understood.
func (p *parser) peopleOfPlace(rd *reading) {
	if len(p.g.PlacePeople) == 0 || len(rd.facts) == 0 {
		return
	}
	var spans [][2]int
	for _, w := range p.g.PlacePeople {
		for from := 0; ; {
			k := strings.Index(rd.text[from:], w)
			if k < 0 {
				break
			}
			k += from
			// (城里人行道: the word's last character runs on into another)
			_, last := utf8.DecodeLastRuneInString(w)
			if !p.startsWithAny(rd.text[k+len(w)-last:], p.g.PeopleNot) {
				spans = append(spans, [2]int{k, k + len(w)})
			}
			from = k + len(w)
		}
	}
	if len(spans) == 0 {
		return
	}
	out := rd.facts[:0]
	for _, f := range rd.facts {
		if slices.ContainsFunc(spans, func(s [2]int) bool { return s[0] <= f.i && f.j <= s[1] }) {
			rd.mark(f.i, f.j)
			continue
		}
		out = append(out, f)
	}
	rd.facts = out
}
