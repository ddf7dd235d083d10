package hotline

import (
	"reflect"
	"strings"
	"unicode/utf8"
)

// maxChoiceOption is the most characters an option of a choice asked as a
// question of its own may hold (拿回家在堂屋里烧: a verb, a place, a way).
const maxChoiceOption = 16

// choiceParts parts a call whose question is a choice between two options
// (寒露籽是明天摘还是后天摘好？自家的; 装修垃圾是拉到指定的点还是堆在路边？):
// the first opened by a word of choice_opens, the second closed by the
// call's only question mark. The caller asks which of the two may be
// done, so each option is answered, read with the words before and after
// the choice — not only the option the call ends on, as a choice said in
// passing is (chooses). nil when either option reads as no covered act
// of its own, or both read alike.
func (p *parser) choiceParts(text string, r *partReader) []*understanding {
	if strings.Count(text, "？")+strings.Count(text, "?") != 1 {
		return nil
	}
	q := strings.IndexAny(text, questionMarks)
	start := 0
	for i, c := range text[:q] {
		if clauseBreakOrSpace(c) {
			start = i + utf8.RuneLen(c)
		}
	}
	clause := text[start:q]
	// (…在老家交还是在长沙交？两边都交行不行: the words after ask a
	// question of their own, of a third way)
	if p.asksAfter(text[q:]) || p.hasAny(text, p.g.Doubt) || p.hasAny(text, p.g.ChooseEach) {
		return nil
	}
	alt, altLen, n := -1, 0, 0
	for _, w := range p.g.Alternatives {
		if k := strings.Index(clause, w); k >= 0 {
			alt, altLen = k, len(w)
			n += strings.Count(clause, w)
		}
	}
	if n != 1 {
		return nil
	}
	open, openLen := p.choiceOpen(clause[:alt])
	if open < 0 {
		return nil
	}
	first, second := clause[open+openLen:alt], clause[alt+altLen:]
	for _, o := range []string{first, second} {
		if k := utf8.RuneCountInString(o); k == 0 || k > maxChoiceOption {
			return nil
		}
	}
	before, after := text[:start+open+openLen], text[q:]
	a, b := r.readOne(before+first+after), r.readOne(before+second+after)
	for _, u := range []*understanding{a, b} {
		if u.intent != IntentDecision || len(u.queries) != 1 || u.queries[0].Activity == "" || len(u.parts) > 0 {
			return nil
		}
	}
	qa, qb := a.queries[0], b.queries[0]
	if qa.Activity == qb.Activity && qa.Date == qb.Date && reflect.DeepEqual(qa.Facts, qb.Facts) {
		return nil
	}
	return []*understanding{a, b}
}

// choiceOpen is where the word opening a choice's first option is said in
// s, the words before the alternative word — its last such word, not one
// held by a word of choice_opens_not (但是, 是不是) — and its length; -1
// when none is said.
func (p *parser) choiceOpen(s string) (int, int) {
	for _, w := range p.g.ChoiceOpens {
		for k := strings.LastIndex(s, w); k >= 0; k = strings.LastIndex(s[:k], w) {
			if !p.heldBy(s, k, len(w), p.g.ChoiceOpensNot) {
				return k, len(w)
			}
		}
	}
	return -1, 0
}

// heldBy reports whether the word said at s[k:k+n] is part of one of
// words said around it.
func (p *parser) heldBy(s string, k, n int, words []string) bool {
	for _, w := range words {
		for i := max(0, k+n-len(w)); i <= k && i+len(w) <= len(s); i++ {
			if s[i:i+len(w)] == w {
				return true
			}
		}
	}
	return false
}

// asksAfter reports whether the words after a question mark ask a
// question of their own (两边都交行不行).
func (p *parser) asksAfter(s string) bool {
	t := strings.Trim(s, pauses)
	if t == "" {
		return false
	}
	return p.hasAny(t, p.g.Asking) || p.endsWithAny(t, p.g.AskingEnd)
}
