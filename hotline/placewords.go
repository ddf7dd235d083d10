package hotline

// Words built at load from places, holdings, ages, kin and words no act is asked with.

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/rules"
)

// placeWords adds the names of the rule set's divisions (divisions.csv of
// every rule directory) as words that name the place asked about — 金水区,
// 文登, 山西 — when the notices apply in more than one place, so that a
// caller who names one is answered by its notices alone. A name is heard
// whole and without its level word (the grammar's place_suffixes: 文登区
// → 文登, 管城回族区 → 管城, 管城区); a word the vocabulary already gives
// a meaning (a township of the town fact, a phrase) keeps it. The places
// outside the notices' area — the vocabulary's (a neighbouring county)
// and the grammar's (provinces, their capitals) — are words with one
// rule base too: an act done there is under none of its notices.
func (p *parser) placeWords(voc *vocab.Vocabulary) {
	if p.set.Divisions != nil && severalPlaces(p.set) {
		for _, d := range p.set.Divisions.All() {
			for _, n := range placeNames(d.Name, p.g.PlaceSuffixes) {
				if _, known := p.facts.words[n]; known || utf8.RuneCountInString(n) < 2 || !hasHan(n) {
					continue
				}
				p.facts.add(n, word{place: d.Code.String()})
			}
		}
	}
	var applies []division.Code
	for _, n := range p.set.Notices {
		applies = append(applies, n.AppliesIn...)
	}
	if len(applies) == 0 {
		return // the notices apply wherever they are asked: nowhere is outside
	}
	p.areaWords(applies)
	// 北京, 长沙, 祁东: a place that neither lies within a division a
	// notice applies in nor holds one (湖南 holds 祁阳, 太原 lies in 山西)
	outside := maps.Clone(p.g.OutsidePlaces)
	if voc != nil {
		maps.Copy(outside, voc.OutsidePlaces)
	}
	for _, code := range keys(outside) { // in one order on every start
		name, c := outside[code], codeOf(code)
		if slices.ContainsFunc(applies, func(d division.Code) bool { return d.Covers(c) || c.Covers(d) }) {
			continue
		}
		if p.set.Divisions != nil && slices.ContainsFunc(p.set.Divisions.All(), func(d division.Division) bool { return d.Code.Covers(c) || c.Covers(d.Code) }) {
			continue
		}
		for _, n := range placeNames(name, p.g.PlaceSuffixes) {
			if _, known := p.facts.words[n]; known || utf8.RuneCountInString(n) < 2 {
				continue
			}
			p.facts.add(n, word{outside: name})
		}
	}
	p.outsideBefore = longestFirst(set2(p.g.OutsideBackground.Before))
	p.outsideAfter = longestFirst(set2(p.g.OutsideBackground.After))
	p.outsideLinking = longestFirst(set2(p.g.OutsideBackground.Linking))
	p.outsideHome = longestFirst(set2(p.g.OutsideBackground.Home))
	p.outsideBack = longestFirst(set2(p.g.OutsideBackground.Back))
}

// areaWords makes the names of the divisions the notices apply in words
// of their place (到祁阳这边山上, 在祁阳城里, 我们祁阳县): the rule base's
// own area said by name is inside it, and the act's place over a place
// outside it said elsewhere in the call. A county-level city is said by
// the county it was too (the grammar's county_city).
func (p *parser) areaWords(applies []division.Code) {
	if p.set.Divisions == nil {
		return
	}
	for _, c := range applies {
		name := p.set.Divisions.Name(c)
		if name == "" {
			continue
		}
		names := placeNames(name, p.g.PlaceSuffixes)
		if cc := p.g.CountyCity; c.Level() == division.County && cc.Level != "" && strings.HasSuffix(name, cc.Level) {
			for _, f := range cc.Former {
				names = append(names, strings.TrimSuffix(name, cc.Level)+f)
			}
		}
		for _, n := range names {
			if _, known := p.facts.words[n]; known || utf8.RuneCountInString(n) < 2 || !hasHan(n) {
				continue
			}
			p.facts.add(n, word{place: c.String()})
		}
	}
}

// placeNames are the words a division's name is said by: the name, and
// the name less its longest level word with each everyday ending of it.
func placeNames(name string, suffixes map[string][]string) []string {
	out := []string{name}
	best := ""
	for suf := range suffixes {
		if strings.HasSuffix(name, suf) && len(suf) > len(best) {
			best = suf
		}
	}
	if best == "" {
		return out
	}
	short := strings.TrimSuffix(name, best)
	out = append(out, short)
	for _, end := range suffixes[best] {
		out = append(out, short+end)
	}
	return out
}

// severalPlaces reports whether the notices apply in more than one
// division none of which covers the others: only then does naming a place
// choose among them.
func severalPlaces(set *rules.Set) bool {
	var codes []division.Code
	for _, n := range set.Notices {
		codes = append(codes, n.AppliesIn...)
	}
	var top division.Code
	for _, c := range codes {
		covered := false
		for _, d := range codes {
			covered = covered || d != c && d.Covers(c)
		}
		if covered || c == top {
			continue
		}
		if top != "" {
			return true
		}
		top = c
	}
	return false
}

// placeCut is the length of a place word cut before its last character
// when that character starts a longer word of another meaning (盐城市区:
// 盐城, then 市区 the urban area); 0 to keep it whole.
func (p *parser) placeCut(s string, i, n int, w word) int {
	if w.place == "" || len(w.facts) > 0 {
		return 0
	}
	_, last := utf8.DecodeLastRuneInString(s[i : i+n])
	k := n - last
	ws, m := p.facts.longest(s[i+k:])
	if m <= last || len(ws) == 0 || ws[0].place != "" {
		return 0
	}
	if short, ok := p.facts.words[s[i:i+k]]; !ok || len(short) == 0 || short[0].place != w.place {
		return 0
	}
	return k
}

// unseenWords reads the grammar's unseen clause for this rule set: the
// facts its vocabulary gives a phrase of that shape (趁人家不注意), so that
// any such clause said (趁山主冇看见) states them. Phrases that disagree
// leave it none: the clause then only keeps its verb from being an act.
func (p *parser) unseenWords(voc *vocab.Vocabulary) {
	for _, ng := range p.g.Negators {
		if !slices.Contains(p.g.Prohibitive, ng) && !slices.Contains(p.g.Imperative, ng) {
			p.unseenNeg = append(p.unseenNeg, ng)
		}
	}
	p.unseenSees = slices.Clone(p.g.Unseen.Perceive)
	for _, l := range [][]string{p.unseenNeg, p.unseenSees} {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	p.unseen, _ = agreedPhrase(voc, p.unseenAt)
}

// agreedPhrase is what the vocabulary's phrases of a grammar clause's
// shape (the words at reads whole) all state; ok is false when none is of
// that shape or two state different facts — the clause then states none.
func agreedPhrase(voc *vocab.Vocabulary, at func(string) int) (_ word, ok bool) {
	var agreed *word
	for _, ph := range voc.Phrases {
		for _, w := range ph.Words {
			if at(w) != len(w) {
				continue
			}
			if agreed == nil {
				agreed = &word{facts: ph.Facts, note: ph.Note}
			} else if !slices.EqualFunc(agreed.facts, ph.Facts, func(a, b vocab.Value) bool { return a.Fact == b.Fact && sameValue(a.V, b.V) }) {
				return word{}, false
			}
		}
	}
	if agreed == nil {
		return word{}, false
	}
	return *agreed, true
}

// ownWords reads the grammar's Own and Theirs for this rule set: the facts
// the vocabulary's phrases state of words each reads whole (自家的山:
// own_land, and forest land; 别人的山: not own), unless two phrases give
// one fact different values.
func (p *parser) ownWords(voc *vocab.Vocabulary) {
	p.own = p.holdingWords(voc, &p.g.Own, true, &p.ownFirst)
	p.theirs = p.holdingWords(voc, &p.g.Theirs, false, &p.theirsFirst)
}

// holdingWords sorts the holding grammar h's lists longest first and
// returns what the vocabulary's phrases state of words it reads whole,
// adding its owners' first characters to first; no facts when they
// disagree or there are none.
func (p *parser) holdingWords(voc *vocab.Vocabulary, h *Holding, own bool, first *runeBits) word {
	for _, l := range [][]string{h.Owners, h.Between, h.Holdings} {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	var facts []vocab.Value
	for _, ph := range voc.Phrases {
		if !slices.ContainsFunc(ph.Words, func(w string) bool { return p.holdingAt(w, h, own) == len(w) }) {
			continue
		}
		for _, v := range ph.Facts {
			k := slices.IndexFunc(facts, func(x vocab.Value) bool { return x.Fact == v.Fact })
			switch {
			case k < 0:
				facts = append(facts, v)
			case !sameValue(facts[k].V, v.V):
				return word{} // the vocabulary does not agree on what such words say
			}
		}
	}
	if len(facts) == 0 {
		return word{}
	}
	for _, w := range h.Owners {
		r, _ := utf8.DecodeRuneInString(w)
		first.add(r)
	}
	return word{facts: facts}
}

// holdingAbout is the activity the holding that ends words is about in the
// vocabulary (茶山: the picking), nil for none.
func (p *parser) holdingAbout(words string, h *Holding) *rules.Activity {
	for _, w := range h.Holdings {
		if strings.HasSuffix(words, w) {
			if ws, n := p.facts.longest(w); n == len(w) {
				for _, x := range ws {
					if x.about != nil {
						return x.about
					}
				}
			}
			return nil
		}
	}
	return nil
}

// ownAt is the length of a hill said as a place of the caller's home
// (grammar Own) that s starts with, 0 for none: the longest that ends
// with a holding.
func (p *parser) ownAt(s string) int {
	return p.holdingAt(s, &p.g.Own, true)
}

// holdingAt is the length of a hill said by whose it is (grammar h) that s
// starts with, 0 for none: the longest that ends with a holding. The
// caller's own (own) is not one when the clause goes on to name another's.
func (p *parser) holdingAt(s string, o *Holding, own bool) int {
	k := p.longestPrefix(s, o.Owners)
	if k == 0 {
		return 0
	}
	end := 0
	for steps := 0; steps < 6 && k < len(s); steps++ {
		if h := p.longestPrefix(s[k:], o.Holdings); h > 0 {
			if !p.hasPrefix(s[k+h:], o.NotAfter) && (!own || !p.othersLater(s[k+h:])) {
				end = k + h
			}
			if b := p.longestPrefix(s[k:], o.Between); b <= h {
				k += h
				continue
			}
		}
		b := p.longestPrefix(s[k:], o.Between)
		if b == 0 {
			// its size said between (我屋5亩茶山) is no word of whose it is
			b = p.measureLen(s[k:])
		}
		if b == 0 {
			break
		}
		k += b
	}
	return end
}

// ageAt is the length of an age said as a range (七十几, 六十好几, 八十来岁:
// grammar AgeTens and AgeAbout, then 岁 or not) that s starts with, 0 for
// none.
func (p *parser) ageAt(s string) int {
	t := p.longestPrefix(s, p.g.AgeTens)
	if t == 0 {
		return 0
	}
	a := p.longestPrefix(s[t:], p.g.AgeAbout)
	if a == 0 {
		return 0
	}
	return t + a + p.longestPrefix(s[t+a:], p.g.Age) // (八十来岁)
}

// ageWithWho is the length of an age said as a range that s starts
// with, or of a people word and the age right after it, 0 for none.
func (p *parser) ageWithWho(s string) int {
	if n := p.ageAt(s); n > 0 {
		return n
	}
	if pw := p.longestPrefix(s, p.g.People); pw > 0 {
		if n := p.ageAt(s[pw:]); n > 0 {
			return pw + n
		}
	}
	return 0
}

// saysAgeRange reports whether s says an age as a range (七十几).
func (p *parser) saysAgeRange(s string) bool {
	for i, r := range s {
		if p.ageFirst.mayHave(r) && p.ageAt(s[i:]) > 0 {
			return true
		}
	}
	return false
}

// othersLater reports whether the clause s goes on in names another as
// the one whose it is (我们屋后面那片山是别人家的).
func (p *parser) othersLater(s string) bool {
	if k := strings.IndexFunc(s, clauseBreakOrSpace); k >= 0 {
		s = s[:k]
	}
	return p.hasAny(s, p.g.Others)
}

// unseenAt is the length of the unseen clause (趁他冇看到, 等他看不到)
// that s starts with, 0 for none.
func (p *parser) unseenAt(s string) int {
	u := &p.g.Unseen
	for _, o := range u.Opens {
		if !strings.HasPrefix(s, o) {
			continue
		}
		k := len(o)
		for n := 0; n <= u.Who && k < len(s); n++ {
			rest := s[k:]
			for _, w := range u.Unable {
				if strings.HasPrefix(rest, w) {
					return k + len(w)
				}
			}
			for _, ng := range p.unseenNeg {
				if !strings.HasPrefix(rest, ng) {
					continue
				}
				for _, w := range p.unseenSees {
					if strings.HasPrefix(rest[len(ng):], w) {
						return k + len(ng) + len(w)
					}
				}
			}
			r, sz := utf8.DecodeRuneInString(rest)
			if !isHan(r) {
				break
			}
			k += sz
		}
	}
	return 0
}

// unseenSpans marks the unseen clauses of the call (趁他冇看到): its
// perception verb is no act, nor its who a place (他屋里人), and returns
// where they are, for the facts they state.
func (p *parser) unseenSpans(rd *reading) [][2]int {
	s := rd.text
	var out [][2]int
	for _, o := range p.g.Unseen.Opens {
		for k := 0; k < len(s); {
			i := strings.Index(s[k:], o)
			if i < 0 {
				break
			}
			i += k
			if n := p.unseenAt(s[i:]); n > 0 && rd.free(i, i+n) {
				rd.mark(i, i+n)
				out = append(out, [2]int{i, i + n})
				k = i + n
				continue
			}
			k = i + len(o)
		}
	}
	return out
}

// unaskedWords reads the grammar's unasked clause for this rule set as
// unseenWords does: the facts its vocabulary gives a phrase of that shape
// (没跟他讲, 人家冇同意), so that any such clause said (冇告诉山主) states
// them; phrases that disagree leave it none, and the clause is not read.
func (p *parser) unaskedWords(voc *vocab.Vocabulary) {
	u := &p.g.Unasked
	for _, l := range [][]string{u.Not, u.To, u.Tell, u.Holders, u.Told, u.Say, u.Adverbs, u.Consent} {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	p.unasked, _ = agreedPhrase(voc, p.unaskedAt)
}

// unaskedAt is the length of the unasked clause that s starts with (冇跟
// 主人讲, 没告诉山主; 承包户冇同意, 山主也冇答应), 0 for none.
func (p *parser) unaskedAt(s string) int {
	u := &p.g.Unasked
	prefix := func(s string, l []string) int {
		for _, w := range l {
			if strings.HasPrefix(s, w) {
				return len(w)
			}
		}
		return 0
	}
	holder := func(s string) int {
		if n := prefix(s, u.Holders); n > 0 {
			return n
		}
		return prefix(s, u.Told)
	}
	if n := prefix(s, u.Not); n > 0 {
		rest := s[n:]
		if k := prefix(rest, u.Tell); k > 0 {
			if h := holder(rest[k:]); h > 0 {
				return n + k + h
			}
		}
		if k := prefix(rest, u.To); k > 0 {
			if h := holder(rest[k:]); h > 0 {
				if v := prefix(rest[k+h:], u.Say); v > 0 {
					return n + k + h + v
				}
			}
		}
		return 0
	}
	h := prefix(s, u.Holders)
	if h == 0 {
		return 0
	}
	k := h + prefix(s[h:], u.Adverbs)
	if n := prefix(s[k:], u.Not); n > 0 {
		if v := prefix(s[k+n:], u.Consent); v > 0 {
			return k + n + v
		}
	}
	return 0
}

// unaskedSpans marks the unasked clauses of the call (冇跟主人讲): their
// verbs (讲, 同意) are no act, nor their holder a place, and returns where
// they are, for the facts they state.
func (p *parser) unaskedSpans(rd *reading) [][2]int {
	s := rd.text
	if !rd.says(p.g.Unasked.Not) {
		return nil
	}
	var out [][2]int
	for k := 0; k < len(s); {
		if n := p.unaskedAt(s[k:]); n > 0 && rd.free(k, k+n) {
			rd.mark(k, k+n)
			out = append(out, [2]int{k, k + n})
			k += n
			continue
		}
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
	}
	return out
}

// clauseBegin is the byte where the clause holding byte i begins.
func clauseBegin(rd *reading, i int) int {
	return rd.clauseStart(i, rd.clause(i))
}

// topicPairsOf are the pairs of characters side by side in a word a notice
// or the vocabulary names a covered activity by — its name and synonyms,
// its words, its frames' verbs, objects and with-words, the noun classes
// frames take. A fragment not understood that holds one may be such a word
// typed wrong (丢旧户 of 丢旧窗户, 不盖篷不 of 不盖篷布), so it is never
// named as an act no rule covers.
func topicPairsOf(set *rules.Set, voc *vocab.Vocabulary) map[[2]rune]struct{} {
	out := map[[2]rune]struct{}{}
	add := func(words ...string) {
		for _, w := range words {
			var prev rune
			for _, r := range w {
				if isHan(prev) && isHan(r) {
					out[[2]rune{prev, r}] = struct{}{}
				}
				prev = r
			}
		}
	}
	for _, a := range set.Activities {
		add(a.Name)
		add(a.Synonyms...)
	}
	for _, a := range voc.Activities {
		add(a.Words...)
		for _, f := range a.Frames {
			add(f.Verbs...)
			add(f.Objects...)
			add(f.With...)
		}
	}
	for _, words := range voc.Nouns {
		add(words...)
	}
	return out
}

// holdsTopicPair reports whether w holds two characters side by side that
// a covered activity's words hold (topicPairsOf).
func (p *parser) holdsTopicPair(w string) bool {
	var prev rune
	for _, r := range w {
		if _, ok := p.topicPairs[[2]rune{prev, r}]; ok {
			return true
		}
		prev = r
	}
	return false
}

// kinNoun is a person a phrase names after a word of doing for, and the
// facts the phrase states of doing it for them.
type kinNoun struct {
	noun  string
	facts []vocab.Value
}

// kinOwned is a phrase that opens with a person (老公的账户给我): the
// person, the rest of it, and the facts it states.
type kinOwned struct {
	noun, rest string
	facts      []vocab.Value
}

// kinWords reads, once, the people the vocabulary's phrases name after
// one of the grammar's ForWords (给我爸: 我爸), each with its phrase's
// facts; a person two phrases state differently is left out.
func (p *parser) kinWords(voc *vocab.Vocabulary) {
	byNoun := map[string][]vocab.Value{}
	var mixed map[string]bool
	for _, ph := range voc.Phrases {
		if len(ph.Facts) == 0 || slices.ContainsFunc(ph.Facts, func(v vocab.Value) bool { return !slices.Contains(p.g.ForFacts, v.Fact) }) {
			continue // (帮别人拉茶果: no person's facts)
		}
		for _, w := range ph.Words {
			for _, f := range p.g.ForWords {
				n, ok := strings.CutPrefix(w, f)
				if !ok || utf8.RuneCountInString(n) < 2 || slices.Contains(p.g.ForSelf, n) {
					continue
				}
				if old, seen := byNoun[n]; seen && !slices.EqualFunc(old, ph.Facts, func(a, b vocab.Value) bool { return a.Fact == b.Fact && sameValue(a.V, b.V) }) {
					if mixed == nil {
						mixed = map[string]bool{}
					}
					mixed[n] = true
				}
				byNoun[n] = ph.Facts
			}
		}
	}
	for n, facts := range byNoun {
		if !mixed[n] {
			p.kinNouns = append(p.kinNouns, kinNoun{noun: n, facts: facts})
		}
	}
	slices.SortFunc(p.kinNouns, func(a, b kinNoun) int { return cmp.Or(len(b.noun)-len(a.noun), strings.Compare(a.noun, b.noun)) })
	// the phrases that open with a person (老公的账户给我): what follows the
	// person, said after a pronoun instead (他的账户给我), is said of the
	// person named before it (kinOwn)
	for _, ph := range voc.Phrases {
		if len(ph.Facts) == 0 || slices.ContainsFunc(ph.Facts, func(v vocab.Value) bool { return !slices.Contains(p.g.ForFacts, v.Fact) }) {
			continue
		}
		for _, w := range ph.Words {
			for _, k := range p.kinNouns {
				if rest, ok := strings.CutPrefix(w, k.noun); ok && rest != "" && p.longestPrefix(rest, p.g.People) == 0 {
					p.kinOwned = append(p.kinOwned, kinOwned{noun: k.noun, rest: rest, facts: ph.Facts})
					break
				}
			}
		}
	}
}
