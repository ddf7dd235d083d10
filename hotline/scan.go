package hotline

// Listed act words and fact phrases found in a call.

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/vocab"
)

func (p *parser) scanActs(rd *reading) {
	s := rd.text
	for i := 0; i < len(s); {
		ws, n := p.acts.longest(s[i:])
		if n > 0 && rd.free(i, i+n) && !splitsLatin(s, i, i+n) && !p.cutsObject(s, i, n, ws[0]) && !p.cutsFrame(rd, i, n, ws[0]) && !p.modifiesObject(s, i, n) &&
			!p.straddlesFacts(s, i, n) && !p.seenSaid(s[i:], n) {
			rd.acts = append(rd.acts, hit{i: i, j: i + n, w: ws[0], clause: rd.clause(i), words: s[i : i+n], named: p.placeNamedFor(s[i:], n)})
			i += n
			continue
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
}

// seenSaid reports whether s, whose first n bytes are an act's word, opens
// a word of seeing (看 of 看到) with what was seen said after it: that
// word, not the act (看到山上着火了; not 谁看见了, the looking itself).
func (p *parser) seenSaid(s string, n int) bool {
	for _, w := range p.g.Seen {
		if len(w) > n && strings.HasPrefix(s, w) {
			rest := strings.TrimLeftFunc(s[len(w):], clauseBreakOrSpace)
			return rest != "" && len(rest) == len(s)-len(w) && !p.startsWithAny(rest, p.g.Aspect)
		}
	}
	return false
}

// placeNamedFor reports whether s opens with a place named for the act whose
// listed word is its first n bytes (停车场, 停车位里): a fact phrase, longer,
// of a kind of place (place_kinds).
func (p *parser) placeNamedFor(s string, n int) bool {
	ws, m := p.facts.longest(s)
	if m <= n {
		return false
	}
	for _, w := range ws {
		if slices.ContainsFunc(w.facts, func(v vocab.Value) bool { return slices.Contains(p.g.PlaceKinds, v.Fact) }) {
			return true
		}
	}
	return false
}

// splitsLatin reports whether s[i:j] begins or ends with a Latin letter
// that the text goes on with: yb (医保) is no act inside maybe.
func splitsLatin(s string, i, j int) bool {
	latin := func(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }
	return latin(s[i]) && i > 0 && latin(s[i-1]) || latin(s[j-1]) && j < len(s) && latin(s[j])
}

// modifiesObject reports whether the act's phrase at s[i:i+n] is followed by
// 的 and opens a longer object of a frame whose verb is said after it: it
// says what that object does (拉渣土的车晚上可以上路吗 asks of the truck on
// the road, not of the hauling; 拉渣土的车要办什么证 stays the hauling).
func (p *parser) modifiesObject(s string, i, n int) bool {
	if !strings.HasPrefix(s[i+n:], "的") {
		return false
	}
	m := p.objects.longestLen(s[i:])
	if m <= n {
		return false
	}
	rest := s[i+m:]
	for _, f := range p.byObj[s[i:i+m]] {
		if f.activity == nil {
			continue
		}
		for v := range f.verbs {
			if strings.Contains(rest, v) {
				return true
			}
		}
	}
	return false
}

// cutsObject reports whether the phrase at s[i:i+n] begins with a
// complement said after a verb and ends inside an object of that verb's
// frames, another activity's: 放点烟花 holds 点烟 (a smoke lit) cut from 放…
// 烟花, the fireworks let off.
func (p *parser) cutsObject(s string, i, n int, w word) bool {
	_, sz := utf8.DecodeRuneInString(s[i:])
	if !p.complements[s[i:i+sz]] {
		return false
	}
	for k := i + sz; k < i+n; {
		m := p.objects.longestLen(s[k:])
		if k+m > i+n {
			for _, f := range p.byObj[s[k:k+m]] {
				if f.activity != w.activity && slices.ContainsFunc(keys(f.verbs), func(v string) bool { return strings.HasSuffix(s[:i], v) }) {
					return true
				}
			}
		}
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
	}
	return false
}

// cutsFrame reports whether the phrase at i, n bytes long, is a verb and
// the start of an object that runs past it, the two a frame of another
// covered act whose with-words the clause says: 打茶果的时候砍树枝 holds
// 砍树 (felling) cut from 砍…树枝, the branch cut while picking, and
// 装修垃圾倒垃圾桶里 holds 倒垃圾 cut from 倒…垃圾桶. Said without the
// picking, 砍树枝 stays 砍树.
func (p *parser) cutsFrame(rd *reading, i, n int, w word) bool {
	s := rd.text
	for k := i; k < i+n; {
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
		if k >= i+n {
			break
		}
		m := p.objects.longestLen(s[k:])
		if m == 0 || k+m <= i+n {
			continue
		}
		for _, f := range p.byObj[s[k:k+m]] {
			if f.activity != nil && f.activity != w.activity && f.verbs[s[i:k]] && (len(f.with) == 0 || p.withSaid(rd, f, i)) {
				return true
			}
		}
	}
	return false
}

// towardWords reads the vocabulary's phrases of a place said as where a
// thing is taken (到街上, 往人行道上: a toward word, then a place it also
// knows): what such a phrase adds to its place's own facts.
func (p *parser) towardWords(voc *vocab.Vocabulary) {
	for _, ph := range voc.Phrases {
		for _, w := range ph.Words {
			t := p.longestPrefix(w, p.g.Toward)
			if t == 0 {
				continue
			}
			// (往人行道上: the place, then a locative)
			ws, n := p.facts.longest(w[t:])
			if len(ws) == 0 || n != len(w)-t && !slices.Contains(p.g.Locatives, w[t+n:]) {
				continue
			}
			// (the place's facts as a call reads them: every phrase of its
			// word, as scanFacts merges them; one read for some acts only
			// leaves the fact to add for the rest — 人行道 of rubble)
			var has []vocab.Value
			for _, x := range ws {
				has = append(has, x.facts...)
			}
			var add []vocab.Value
			for _, v := range ph.Facts {
				if !slices.ContainsFunc(has, func(x vocab.Value) bool { return x.Fact == v.Fact && len(x.Of) == 0 }) {
					add = append(add, v)
				}
			}
			if len(add) == 0 {
				continue
			}
			if p.toward == nil {
				p.toward = map[string][]vocab.Value{}
			}
			p.toward[factKey(has)] = add
			if tw := w[:t]; !slices.Contains(p.towardSaid, tw) {
				p.towardSaid = append(p.towardSaid, tw)
			}
		}
	}
}

// hasSuffixLen is the length of the longest of words that s ends with, 0
// for none.
func (p *parser) hasSuffixLen(s string, words []string) int {
	n := 0
	for _, w := range words {
		if len(w) > n && strings.HasSuffix(s, w) {
			n = len(w)
		}
	}
	return n
}

// factKey names a set of facts and their values, in any order, each once
// (a phrase read from two lists states it twice).
func factKey(vs []vocab.Value) string {
	ks := make([]string, 0, len(vs))
	for _, v := range vs {
		ks = append(ks, fmt.Sprintf("%s=%v", v.Fact, v.V))
	}
	slices.Sort(ks)
	return strings.Join(slices.Compact(ks), ",")
}

// towardPlaces gives a place said after a toward word right after an act's
// verb, with other places, locatives and 的 between (泼到城里菜市场门口的街上, 倒到旁边的马路上) what
// the vocabulary's phrase of it right after the toward word adds (到街上:
// no designated place): it is where the thing is taken.
func (p *parser) towardPlaces(rd *reading) {
	if p.toward == nil || !p.hasAny(rd.text, p.towardSaid) {
		return
	}
	s := rd.text
	for k := range rd.facts {
		h := &rd.facts[k]
		add, ok := p.toward[factKey(h.w.facts)]
		if !ok {
			continue
		}
		i := h.i
		for i > 0 {
			if t := p.hasSuffixLen(s[:i], p.towardSaid); t > 0 {
				// (泼到…, 倒到…: right after an act's verb — 我到县城人行道上摆摊
				// is where the caller goes, not where a thing is put)
				put := slices.ContainsFunc(rd.acts, func(a hit) bool { return a.j == i-t || a.objEnd() == i-t })
				if put && rd.clause(i-t) == h.clause {
					w := h.w
					w.facts = append(slices.Clone(w.facts), add...)
					h.w = w
				}
				break
			}
			if j := slices.IndexFunc(rd.facts, func(f hit) bool { return f.j == i && f.clause == h.clause }); j >= 0 {
				i = rd.facts[j].i
				continue
			}
			// (对面: the longest, not 面 of it)
			if l := max(p.hasSuffixLen(s[:i], p.g.Locatives), p.hasSuffixLen(s[:i], p.g.TowardBetween)); l > 0 {
				i -= l
				// (倒到学校外面马路边上: a landmark said before a side of it,
				// right after the toward word — the place is still the fact's)
				if k := p.landmarkAfterToward(rd, i); k > 0 {
					i -= k
				}
				continue
			}
			break
		}
	}
}

// landmarkAfterToward is the length of the landmark (学校, 超市: one to
// three characters no word was read in) that ends at byte i right after a
// toward word (到学校外面), 0 for none.
func (p *parser) landmarkAfterToward(rd *reading, i int) int {
	s := rd.text
	if p.hasSuffixLen(s[:i], p.towardSaid) > 0 {
		return 0
	}
	j := i
	for k := 0; k < 3 && j > 0; k++ {
		r, sz := utf8.DecodeLastRuneInString(s[:j])
		if !isHan(r) || !rd.free(j-sz, j) || slices.ContainsFunc(rd.facts, func(f hit) bool { return f.i < j && j-sz < f.j }) {
			return 0
		}
		j -= sz
		if p.hasSuffixLen(s[:j], p.towardSaid) > 0 {
			return i - j
		}
	}
	return 0
}

func (p *parser) scanFacts(rd *reading) {
	s := rd.text
	for i := 0; i < len(s); {
		ws, n := p.facts.longest(s[i:])
		if r, _ := utf8.DecodeRuneInString(s[i:]); p.own.facts == nil || !p.ownFirst.mayHave(r) {
			// most characters start no owner
		} else if k := p.ownAt(s[i:]); k > n && rd.free(i, i+k) {
			// 我屋后山上有块茶山: the caller's own hill, said as a place of
			// their home (屋门口 in it is no yard)
			rd.facts = append(rd.facts, hit{i: i, j: i + k, w: p.own, clause: rd.clause(i), words: s[i : i+k]})
			i += k
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); p.theirs.facts == nil || !p.theirsFirst.mayHave(r) {
			// most characters start no other holder
		} else if k := p.holdingAt(s[i:], &p.g.Theirs, false); k > n && rd.free(i, i+k) {
			// 隔壁婶娘的茶山: another's hill, said by who holds it — what is
			// done there is what its holding is about (茶山: the picking)
			w := p.theirs
			w.about = p.holdingAbout(s[i:i+k], &p.g.Theirs)
			rd.facts = append(rd.facts, hit{i: i, j: i + k, w: w, clause: rd.clause(i), words: s[i : i+k]})
			i += k
			continue
		}
		if k, w := p.insertedAt(s, i); k > n && rd.free(i, i+k) {
			// 有城管局批的运输核准: the phrase with its noun's modifier
			rd.facts = append(rd.facts, hit{i: i, j: i + k, w: w, clause: rd.clause(i), words: s[i : i+k]})
			i += k
			continue
		}
		if k, w := p.forModified(s, i); k > n && rd.free(i, i+k) {
			// 给住在乡下村口的我妈: whom the act is for, described first
			rd.facts = append(rd.facts, hit{i: i, j: i + k, w: w, clause: rd.clause(i), words: s[i : i+k]})
			i += k
			continue
		}
		if k := p.othersHouse(s[i:]); k > n {
			rd.mark(i, i+k) // 隔壁屋里在烧秸秆: the neighbours' place, not indoors
			i += k
			continue
		}
		if k := p.householdWill(rd, i); n > 0 && k >= n {
			rd.mark(i, i+k) // 我屋里要收拾荒地: the family means to, not indoors
			i += k
			continue
		}
		if k := p.household(s[i:]); n > 0 && k > n {
			rd.mark(i, i+k) // 屋里是低保户: the household, not indoors
			i += k
			continue
		}
		if n > 0 && rd.free(i, i+n) {
			w := ws[0]
			for _, x := range ws[1:] { // 龙山街道: the town, and 城区 from the place table
				w.facts = append(append([]vocab.Value{}, w.facts...), x.facts...)
				if w.note == "" {
					w.note = x.note
				}
				if w.place == "" {
					w.place = x.place
				}
				if w.about == nil {
					w.about = x.about
				}
			}
			if k := p.placeCut(s, i, n, w); k > 0 {
				n = k // 盐城市区: 盐城, then 市区
			}
			rd.facts = append(rd.facts, hit{i: i, j: i + n, w: w, clause: rd.clause(i), words: s[i : i+n]})
			i += n
			continue
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
}

// insertedPhrase is a fact phrase's word cut before a noun that a
// modifier may come before: 有核准 is head 有 and noun 核准.
type insertedPhrase struct {
	head, noun string
	w          word
}

// insertedAt is the length of a fact phrase said at s[i:] with a modifier
// before its noun (有城管局批的运输核准, 办了渣土运输的核准), and its word;
// 0 if none. A head right after a negator is the negation's (冇有城管的
// 核准 is no 有…核准).
func (p *parser) insertedAt(s string, i int) (int, word) {
	if r, _ := utf8.DecodeRuneInString(s[i:]); !p.insertedFirst.mayHave(r) || p.hasSuffixLen(s[:i], p.g.Negators) > 0 {
		return 0, word{}
	}
	for _, ph := range p.inserted {
		rest, ok := strings.CutPrefix(s[i:], ph.head)
		if !ok {
			continue
		}
		n := 0
		for b, r := range rest {
			if b > 0 && strings.HasPrefix(rest[b:], ph.noun) {
				return len(ph.head) + b + len(ph.noun), ph.w
			}
			if n++; n > p.g.Inserted.Span || !unicode.Is(unicode.Han, r) || p.startsWithAny(rest[b:], p.g.Inserted.Stops) {
				break
			}
		}
	}
	return 0, word{}
}

// forModified is the length of a fact phrase opening with a benefactive
// word (给我妈) said at s[i:] with a clause describing the person between
// the two (给住在乡下村口的我妈: 住在乡下村口 ending in the modifier's
// particle), and its word; 0 if none. The clause is of Han characters
// only, no longer than the grammar's inserted span, tells where the
// person is (an at word: 住在, 在长沙读书的 — not a possessor, 同事的爸妈,
// nor a place alone, 城里的亲戚), says no other benefactive and no fact
// of the phrase's own (跟我一起住的孙子 says the household itself); what
// it tells (乡下) is of the person, not of the act.
func (p *parser) forModified(s string, i int) (int, word) {
	b := p.longestPrefix(s[i:], p.g.Benefactive)
	if b == 0 || p.g.Modifier.Particle == "" {
		return 0, word{}
	}
	rest, n := s[i+b:], 0
	for k, r := range rest {
		if n++; n > p.g.Inserted.Span || !unicode.Is(unicode.Han, r) || k > 0 && p.startsWithAny(rest[k:], p.g.Benefactive) {
			break
		}
		after, ok := strings.CutPrefix(rest[k:], p.g.Modifier.Particle)
		if !ok || k == 0 {
			continue
		}
		ws, m := p.facts.longest(s[i:i+b] + after)
		if m > b && len(ws) > 0 && p.hasAny(rest[:k], p.g.At) && !p.factsShared(rest[:k], ws[0]) {
			return b + k + len(p.g.Modifier.Particle) + m - b, ws[0]
		}
	}
	return 0, word{}
}

// factsShared reports whether text s holds a fact phrase stating a fact
// of w's (跟我一起住的: a household member said in the clause itself).
func (p *parser) factsShared(s string, w word) bool {
	for k := range s {
		ws, n := p.facts.longest(s[k:])
		if n == 0 {
			continue
		}
		for _, x := range ws {
			for _, v := range x.facts {
				if slices.ContainsFunc(w.facts, func(y vocab.Value) bool { return y.Fact == v.Fact }) {
					return true
				}
			}
		}
	}
	return false
}

// household is the length of a household word (屋里是, 屋里人) at the
// start of s, 0 for none.
func (p *parser) household(s string) int {
	if r, _ := utf8.DecodeRuneInString(s); !p.householdFirst.mayHave(r) {
		return 0 // most characters start none
	}
	for _, w := range p.g.Household {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	// 屋里的垃圾拖到田边烧了: the household's things, dealt with where
	// they are taken (the thing stays free for its verb)
	for _, w := range p.g.HouseholdThings {
		if rest, ok := strings.CutPrefix(s, w); ok && p.objects.longestLen(p.pastWorn(rest)) > 0 {
			return len(w)
		}
	}
	// 我屋里老头子: a household word followed by a people word
	for _, w := range p.g.HouseholdOf {
		if !strings.HasPrefix(s, w) {
			continue
		}
		for _, pw := range p.g.People {
			if strings.HasPrefix(s[len(w):], pw) {
				return len(w) + len(pw)
			}
		}
		// 我屋里在城区: where the household lives (the place read after it)
		for _, at := range p.g.HouseholdAt {
			if rest, ok := strings.CutPrefix(s[len(w):], at); ok {
				if p.facts.longestLen(rest) > 0 {
					return len(w) + len(at)
				}
			}
		}
	}
	return 0
}

// householdWill is the length of a household word said right after a
// person and before what the household means to do (我屋里要收拾山边的
// 荒地, 我们屋里准备烧田埂: the family is the subject, not indoors), or 0.
// A question word after it (我屋里要得不) leaves the place as it is; a day
// said between them (我屋里九月一号要在坟山上放鞭子) is when.
func (p *parser) householdWill(rd *reading, i int) int {
	text := rd.text
	if !p.hasSuffixAny(text[:i], p.g.Persons) {
		return 0
	}
	s := text[i:]
	for _, w := range p.g.HouseholdOf {
		rest, ok := strings.CutPrefix(s, w)
		if !ok {
			continue
		}
		for _, m := range rd.dates {
			if m.Start == i+len(w) && !m.Bad {
				rest = text[m.End:]
				break
			}
		}
		if p.startsWithAny(rest, p.askedWords()) || p.startsWithAny(rest, p.yesNo) {
			continue
		}
		if p.startsWithAny(rest, p.g.HouseholdWill) {
			return len(w)
		}
	}
	return 0
}

// covered reports whether bytes i..j are inside an activity phrase.
func (rd *reading) inAct(i, j int) bool {
	for _, h := range rd.acts {
		if i < h.j && j > h.i {
			return true
		}
	}
	return false
}

// inCovered reports whether bytes i..j are inside a phrase of an activity
// some rule covers (not of an act no rule covers, such as 装修).
func (rd *reading) inCovered(i, j int) bool {
	for _, h := range rd.acts {
		if h.w.activity != nil && i < h.j && j > h.i {
			return true
		}
	}
	return false
}

// coveredTo reports whether an act a rule covers overlaps bytes i..j and
// runs to j or past it: the word there ends inside the act (烧纸 of
// 烧纸点香), not past it (摘茶籽的时候, whose act ends before its time).
func (rd *reading) coveredTo(i, j int) bool {
	for _, h := range rd.acts {
		if h.w.activity != nil && i < h.j && j > h.i && h.j >= j {
			return true
		}
	}
	return false
}

// dropBareWays takes out of byVerb the frames of a way of an act (its
// manners) that need a with-word and share a verb with the act's own
// frames: said bare, the verb is the act's (交了好久能用 is enrolling, not
// the employee kind beside it); scanFrames still pairs them (scanByVerb).
func (p *parser) dropBareWays() {
	for v, fs := range p.byVerb {
		way := func(f *frame) bool {
			if f.activity == nil || len(f.with) == 0 {
				return false
			}
			for _, g := range fs {
				if g.activity != nil && slices.Contains(p.manners[g.activity.ID], f.activity) {
					return true
				}
			}
			return false
		}
		if slices.ContainsFunc(fs, way) {
			p.byVerb[v] = slices.DeleteFunc(slices.Clone(fs), way)
		}
	}
}

// wayWithin reports whether frame f names a way of doing the covered acts
// said inside bytes i..j, each strictly within them (职工医保 holds
// 医保: the employee kind, a way of enrolling the rules judge apart), so
// that the frame's longer object is read, not the act's word inside it.
func (p *parser) wayWithin(rd *reading, f *frame, i, j int) bool {
	if f.activity == nil {
		return false
	}
	found := false
	for _, h := range rd.acts {
		if h.w.activity == nil || h.j <= i || h.i >= j {
			continue
		}
		if h.i < i || h.j > j || h.j-h.i == j-i || !slices.Contains(p.manners[h.w.activity.ID], f.activity) {
			return false
		}
		found = true
	}
	return found
}
