package hotline

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules/cond"
)

// maxRuledOutCites is how many rules a ruled-out sentence names aloud (the
// details name them all).
const maxRuledOutCites = 2

// ruledOut finds, for a no_rule decision, whether what the caller said took
// the act out of a rule in force that day: the query is decided again
// without the facts said, and when that answer is not no_rule, each fact
// whose absence alone changes it is named (or, when none does alone, the
// facts said that the answer without them turns on). Only a no_rule answer
// pays for it — a few decisions more — and nothing is said when the day or
// the act itself is what no rule covers. Facts a feed published or the
// answer presumed are not the caller's and are kept.
func (h *Hotline) ruledOut(l Lang, q *Query, d *engine.Decision) *RuledOut {
	if d.Verdict != engine.NoRule || q.Activity == "" {
		return nil
	}
	var said []string
	for f := range q.Facts {
		if slices.ContainsFunc(q.Published, func(p Published) bool { return p.Fact == f }) || slices.Contains(q.presumed, f) {
			continue
		}
		said = append(said, f)
	}
	if len(said) == 0 {
		return nil
	}
	slices.Sort(said) // one call, one answer: the map's order is random
	without := func(drop ...string) *engine.Decision {
		facts := q.EngineFacts()
		for _, f := range drop {
			delete(facts, f)
		}
		rd, err := h.eng.Decide(q.engineQuery(facts))
		if err != nil || rd.Verdict == engine.NoRule {
			return nil
		}
		return rd
	}
	bare := without(said...)
	if bare == nil {
		return nil
	}
	var named []string
	var by *engine.Decision
	if len(said) == 1 {
		named, by = said, bare // its absence alone is bare's
	}
	for _, f := range said[:len(said)-len(named)] {
		if rd := without(f); rd != nil {
			named = append(named, f)
			if by == nil {
				by = rd
			}
		}
	}
	if len(named) == 0 {
		// only together (a township said by its name and as not 城区):
		// the facts said that the answer without them turns on
		by = bare
		for _, f := range said {
			if bare.Verdict != engine.Conditional || slices.Contains(bare.UnknownFacts(), f) {
				named = append(named, f)
			}
		}
	}
	if len(named) == 0 {
		return nil
	}
	ro := &RuledOut{Facts: named, Verdict: by.Verdict, said: map[string]any{}}
	for _, f := range named {
		ro.said[f] = q.Facts[f]
	}
	for _, r := range by.Reasons() {
		if r.Defeated() || r.Status == "may_apply" && !slices.ContainsFunc(named, func(f string) bool { return slices.Contains(r.DependsOn, f) }) {
			continue
		}
		if c := r.Notice + " " + r.Article; !slices.Contains(ro.Rules, c) {
			ro.Rules = append(ro.Rules, c)
		}
	}
	if len(ro.Rules) == 0 {
		return nil // nothing to name: a fact said changed the answer some other way
	}
	for _, f := range named {
		// the words the fact was read from: of several (在山边…离林子有两百米),
		// those that gave the value kept, else the last said
		w, exact := "", false
		for _, u := range q.Understood {
			if u.Fact != f || strings.TrimSpace(u.Words) == "" || exact {
				continue
			}
			w, exact = strings.TrimSpace(u.Words), reflect.DeepEqual(u.Value, q.Facts[f])
		}
		if v, ok := q.Facts[f].(bool); ok && !v && w != "" && strings.Contains(h.factLabel(l, f), w) {
			// 不在禁放区 read as the fact's own name, its 不 outside the
			// words: said as the fact's value, not quoted as if it held
			w = h.saidAs(l, f, false)
		}
		if w != "" && !slices.Contains(ro.Words, w) {
			ro.Words = append(ro.Words, w)
		}
	}
	if len(named) == 1 {
		ro.Reach = h.reach(l, q, named[0], by)
	}
	return ro
}

// reach says what of fact the rules cover, with the fact unsaid (d): the
// values of it under which the answer is not no_rule — 不超过100米, 重点森林
// 防火区, 在城区 — or "" when they are not one value or range.
func (h *Hotline) reach(l Lang, q *Query, fact string, d *engine.Decision) string {
	f, ok := h.eng.Rules().Fact(fact)
	if !ok {
		return ""
	}
	cands, _ := h.candidates(l, fact, d)
	var in []candidate
	for _, cd := range cands {
		if rd := h.decideWith(q, fact, cd.value); rd != nil && rd.Verdict != engine.NoRule {
			in = append(in, cd)
		}
	}
	if len(in) != 1 {
		return ""
	}
	if f.Kind == cond.Bool {
		// 是 and 不是 say nothing alone: the fact's own words, or not
		if in[0].value == true {
			return h.factLabel(l, fact)
		}
		return h.cat.T(l, "ruled_out.not", "fact", h.factLabel(l, fact))
	}
	if l == EN {
		// a reply's label begins a sentence (At most 100 m); the reach
		// is said inside one
		return lowerFirst(in[0].label)
	}
	return in[0].label
}

// lowerFirst lowers an ASCII capital beginning s.
func lowerFirst(s string) string {
	if s != "" && 'A' <= s[0] && s[0] <= 'Z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// ruledOutSaid is the sentence naming what the caller said that took the
// act out of the rules, and the rules' reach: "您说的“离山两百来米”不在祁政通
// 〔2024〕7号第三条管的范围里（它只管不超过100米）。" — in at most room
// characters where it can be.
func (h *Hotline) ruledOutSaid(l Lang, ro *RuledOut, room int) string {
	c := h.cat
	// one notice is named once, with its articles (9号第一条、第五条)
	var notices []string
	articles := map[string][]string{}
	for _, r := range ro.Rules {
		notice, article, _ := strings.Cut(r, " ")
		if !slices.Contains(notices, notice) {
			if len(notices) == maxRuledOutCites {
				continue
			}
			notices = append(notices, notice)
		}
		if article != "" && article != "标题" {
			articles[notice] = append(articles[notice], c.Article(l, article))
		}
	}
	var cites []string
	for _, n := range notices {
		s := n
		if as := articles[n]; len(as) > 0 {
			s = c.T(l, "grounds.cite", "notice", n, "article", strings.Join(as, c.T(l, "list.sep")))
		}
		cites = append(cites, s)
	}
	words := ro.Words
	if len(words) == 0 || l == EN {
		// English names the facts in English: the caller's words are
		// Chinese
		words = nil
		for _, f := range ro.Facts {
			if w := h.saidAs(l, f, ro.said[f]); !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
	}
	if len(words) > 2 {
		words = words[:2]
	}
	say := func(words, cites []string, reach string) string {
		key := "ruled_out"
		if reach != "" {
			key = "ruled_out.reach"
		}
		return c.T(l, key, "words", strings.Join(words, c.T(l, "list.sep")), "rules", strings.Join(cites, c.T(l, "list.sep")), "reach", reach)
	}
	// Within room, shorter as needed — one fact's words, the first rule,
	// no reach — rather than cut whole for a long call's words.
	s := say(words, cites, ro.Reach)
	if utf8.RuneCountInString(s) > room && len(words) > 1 {
		words = words[:1]
		s = say(words, cites, ro.Reach)
	}
	if utf8.RuneCountInString(s) > room && len(cites) > 1 {
		cites = cites[:1]
		s = say(words, cites, ro.Reach)
	}
	if utf8.RuneCountInString(s) > room && ro.Reach != "" {
		s = say(words, cites, "")
	}
	return s
}

// saidAs says a fact as the query gave it, where the caller's words are not
// to be quoted (English, a fact the operator added): 不在建筑物里, not inside
// a building, a key fire-prevention area; a number by its fact's name.
func (h *Hotline) saidAs(l Lang, fact string, v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return h.factLabel(l, fact)
		}
		return h.cat.T(l, "ruled_out.not", "fact", h.factLabel(l, fact))
	case string:
		return h.valueLabel(l, fact, x)
	case float64:
		return h.cat.T(l, "ruled_out.value", "fact", h.factLabel(l, fact), "value", strconv.FormatFloat(x, 'f', -1, 64))
	case Span:
		v := strconv.FormatFloat(x.Min, 'f', -1, 64) + "–" + strconv.FormatFloat(x.Max, 'f', -1, 64)
		if x.Max >= farMetres {
			v = strconv.FormatFloat(x.Min, 'f', -1, 64) + "+"
		}
		return h.cat.T(l, "ruled_out.value", "fact", h.factLabel(l, fact), "value", v)
	}
	return h.factLabel(l, fact)
}
