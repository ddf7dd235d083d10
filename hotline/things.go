package hotline

// What only one activity's rules speak of, and things the vocabulary lacks read by their verb.

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/rules"
)

// actContext is what a call may say that ties a bare verb to one activity
// without naming its object: a fact only its rules read, or a calendar day
// (a solar term, a festival) only its rules' windows name.
type actContext struct {
	facts map[string]bool
	days  []string
	// windows are the windows only its rules read, resolved on first use
	// (seasonSaid): a day said inside one ties its verb as its days do
	windows  []*rules.Window
	once     sync.Once
	resolved []*calendar.Window
}

// ownContextOf finds, for each activity, the facts and the calendar days of
// windows that only rules of that one activity read — the facts a rule of
// several activities reads, or rules of two activities read, tie a verb to
// none of them. A window read by an act and by its manners (mannerOf: the
// collection period of paying and of a worker's paying) is the act's: the
// manner is a way of the same act, said only with its own words.
func ownContextOf(set *rules.Set, mannerOf map[*rules.Activity]*rules.Activity) map[*rules.Activity]*actContext {
	type reader struct {
		a    *rules.Activity
		many bool
	}
	readers := map[string]*reader{} // a fact's name, or a window's notice key and id
	windows := map[string]*rules.Window{}
	for _, n := range set.Notices {
		for _, w := range n.Windows {
			if w.Var != nil {
				windows[n.Key()+"#"+w.Var.Name] = w
			}
		}
		for _, r := range n.Rules {
			if r.Program == nil {
				continue
			}
			for _, v := range r.Program.Vars {
				k := v.Name
				if v.Window {
					k = n.Key() + "#" + v.Name
				}
				rd := readers[k]
				if rd == nil {
					rd = &reader{}
					readers[k] = rd
				}
				var a *rules.Activity
				if len(r.Activities) == 1 {
					a = r.Activities[0]
					if m := mannerOf[a]; m != nil && v.Window {
						a = m
					}
				}
				if a == nil || rd.a != nil && rd.a != a {
					rd.many = true
				} else {
					rd.a = a
				}
			}
		}
	}
	days := append(calendar.TermNames(), calendar.FestivalNames()...)
	out := map[*rules.Activity]*actContext{}
	for k, rd := range readers {
		if rd.many || rd.a == nil {
			continue
		}
		c := out[rd.a]
		if c == nil {
			c = &actContext{facts: map[string]bool{}}
			out[rd.a] = c
		}
		if w, ok := windows[k]; ok {
			c.windows = append(c.windows, w)
			for _, d := range days {
				if strings.Contains(w.Spec.String(), d) && !slices.Contains(c.days, d) {
					c.days = append(c.days, d)
				}
			}
			continue
		}
		if _, ok := set.Fact(k); ok {
			c.facts[k] = true
		}
	}
	for _, c := range out {
		slices.Sort(c.days) // map order is random: keep the lists stable
		slices.SortFunc(c.windows, func(a, b *rules.Window) int {
			return cmp.Or(strings.Compare(a.Notice.Key(), b.Notice.Key()), strings.Compare(a.ID, b.ID))
		})
	}
	return out
}

// contextSaid reports whether the call says something only activity a's
// rules read (自家山上 for the picking's own_land, 寒露): with it, a's bare
// verb (摘) is a's act though its object goes unsaid.
func (p *parser) contextSaid(rd *reading, a *rules.Activity) bool {
	c := p.ownContext[a]
	if c == nil {
		return false
	}
	for _, f := range rd.facts {
		if f.neg {
			continue
		}
		for _, v := range f.w.facts {
			if c.facts[v.Fact] && !v.Presumed {
				return true
			}
		}
	}
	return slices.ContainsFunc(c.days, func(d string) bool { return strings.Contains(rd.text, d) }) ||
		p.seasonSaid(rd, c)
}

// seasonSaid reports whether the call names a day by the calendar (十月五
// 号, 十月八号以前 — not 明天: month_day in mandarin.yaml) that lies inside
// one of c's windows, in any year: the season only that activity's rules
// speak of (要是十月五号去摘呢 is the picking's).
func (p *parser) seasonSaid(rd *reading, c *actContext) bool {
	if len(c.windows) == 0 || len(p.g.MonthDay) == 0 {
		return false
	}
	var said []calendar.Date
	for _, m := range rd.dates {
		if !m.Weak && !m.Bad && !m.Custom && p.hasAny(m.Words, p.g.MonthDay) {
			said = append(said, m.Date)
		}
	}
	if len(said) == 0 {
		return false
	}
	c.once.Do(func() {
		for _, w := range c.windows {
			n := w.Notice
			from, err1 := calendar.NewDate(max(calendar.MinYear, n.Effective.Year()-1), 1, 1)
			to, err2 := calendar.NewDate(min(calendar.MaxYear, n.ValidUntil.Year()+5), 12, 31)
			if err1 != nil || err2 != nil {
				continue
			}
			// a window the engine resolves too: an error here is one New
			// reports there, and this window then ties no verb
			if cw, err := p.cal.Prepare(w.Spec, from, to); err == nil {
				c.resolved = append(c.resolved, cw)
			}
		}
	})
	for _, d := range said {
		for _, cw := range c.resolved {
			if cw.Contains(d) {
				return true
			}
		}
	}
	return false
}

// unknownThings reads a bare verb whose object is a thing the vocabulary
// lacks — a run of characters nothing else read, right after the verb
// (烧旧沙发, 卖盆栽) or said before it in its clause (茶枯饼能在山上烧不,
// 山上的茶枯饼能烧不) — as the verb done to any thing (the grammar's
// unknown_thing, 东西): the act of the verb's frame that takes it, as 烧东西
// and 卖东西 are read, the place then deciding. A clause that already says
// an act keeps it: the verb is that act's.
func (p *parser) unknownThings(rd *reading) {
	if p.g.UnknownThing.Word == "" || len(rd.verbs) == 0 {
		return
	}
	s := rd.text
	var things [][2]int
	for _, v := range rd.verbs {
		f := p.thingFrame(v.words)
		placedOnly := false // read only with nothing but where (摆)
		if f == nil && len(rd.acts) == 0 && p.placedAt(rd, v) > 0 && p.endsBare(rd, v) {
			f, placedOnly = p.placedFrame(rd, v), true
		}
		// (我摆在菜市场门口行不: where said after the verb, the call
		// saying nothing after it but its question)
		if f == nil && len(rd.acts) == 0 {
			if base, end := p.placedAfter(rd, v); end > 0 {
				if pf := p.placedFrame(rd, hit{i: v.i, j: v.j, words: base, clause: v.clause}); pf != nil {
					rd.acts = append(rd.acts, hit{i: v.i, j: end, w: word{activity: pf.activity}, clause: v.clause, words: rd.text[v.i:end]})
					things = append(things, [2]int{v.i, end})
					continue
				}
			}
		}
		if f == nil || slices.ContainsFunc(things, func(t [2]int) bool { return v.i >= t[0] && v.j <= t[1] }) ||
			slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == v.clause && !p.toldApart(h, v) }) {
			continue
		}
		told := slices.Contains(p.g.UnknownThing.Told, v.words)
		asks := p.clauseAsks(rd, v.clause)
		i, j := p.thingAfter(rd, v)
		b := p.disposalBefore(rd, v)
		if i == j && (asks || b > 0) {
			// (told, not asked: only a thing brought by 把 — 风小了晚上再烧
			// says when, not what)
			i, j = p.thingBefore(rd, v)
		}
		if at := p.placedAt(rd, v); i == j && len(rd.acts) == 0 && at > 0 &&
			!slices.ContainsFunc(rd.verbs, func(o hit) bool { return o.clause == v.clause && o.i != v.i && o.i >= at }) {
			// 在山上烧, 在街上卖: no thing at all, only where — the
			// call's one act, asked or not; another bare verb after the
			// place may say what it is (在路边加工卖: a processing stall),
			// one inside it does not (在承包的山上烧)
			rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity}, clause: v.clause, words: v.words})
			things = append(things, [2]int{v.i, v.j})
			continue
		}
		if i == j && len(rd.acts) == 0 && !placedOnly && !told && p.endsBare(rd, v) && p.placeSaidBefore(rd, v) && !p.servesVerb(rd, v) {
			// 摊位在消防通道上 还能卖不, 到城区人行道上随便找个地方卖: the
			// verb alone at the end, where it is done said before it in
			// the sentence — the verb done to any thing there
			rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity}, clause: v.clause, words: v.words})
			things = append(things, [2]int{v.i, v.j})
			continue
		}
		if placedOnly {
			continue
		}
		if i == j && told && b > 0 && slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause != v.clause }) {
			// 自家山上摘茶籽，把路边的刺烧了: beside an act of another
			// clause, 把 says a thing is brought to the fire, whatever the
			// words that name it are — and 了 after the verb what is to be
			// done to it (disposal); alone (想把它烧了) the thing is the
			// topic's, read later
			rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity}, clause: v.clause, words: v.words, wi: b, wj: v.j})
			things = append(things, [2]int{v.i, v.j})
			continue
		}
		if !asks && !told {
			continue
		}
		// (晒干了就在山上烧壳: one character is a thing too when the verb is
		// said at a place, a fire's, and it ends the clause)
		if n := utf8.RuneCountInString(s[i:j]); n < 2 && !(n == 1 && told && p.placedAt(rd, v) > 0 && j == clauseEndTrimmed(rd, v)) || n > maxThingRunes {
			continue
		}
		lo, hi := min(i, v.i), max(j, v.j)
		rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity}, clause: v.clause, words: s[lo:hi], wi: lo, wj: hi, obj: s[i:j]})
		things = append(things, [2]int{i, j}, [2]int{v.i, v.j})
	}
	if len(things) == 0 {
		return
	}
	// the verb that took a thing, and a one-character verb inside the
	// thing (套 of 手套), are no bare verbs
	rd.verbs = slices.DeleteFunc(rd.verbs, func(v hit) bool {
		return slices.ContainsFunc(things, func(t [2]int) bool { return v.i >= t[0] && v.j <= t[1] })
	})
	sort.SliceStable(rd.acts, func(a, b int) bool { return rd.acts[a].i < rd.acts[b].i })
}

// clauseEndTrimmed is where the clause of hit v ends, its closing
// punctuation and spaces left out.
func clauseEndTrimmed(rd *reading, v hit) int {
	end := rd.clauseEnd(v.i, v.clause)
	return v.i + len(strings.TrimRightFunc(rd.text[v.i:end], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }))
}

// disposalBefore is the end of the last disposal word (把) said before
// bare verb v in its clause, 0 for none.
func (p *parser) disposalBefore(rd *reading, v hit) int {
	t, b := rd.text[clauseBegin(rd, v.i):v.i], 0
	for _, d := range p.g.Disposal {
		if k := strings.LastIndex(t, d); k >= 0 {
			b = max(b, clauseBegin(rd, v.i)+k+len(d))
		}
	}
	return b
}

// toldApart reports whether bare verb v, one of unknown_thing's told, is
// an act of its own beside act h of its clause: said after it, and no verb
// h's activity is said by (摘完自家茶籽顺手把茶枯饼烧了 — not 烧纸…烧完).
func (p *parser) toldApart(h hit, v hit) bool {
	if !slices.Contains(p.g.UnknownThing.Told, v.words) || v.i < h.j || h.w.activity == nil {
		return false
	}
	return !slices.ContainsFunc(p.byVerb[v.words], func(f *frame) bool { return f.activity == h.w.activity })
}

// placedAt finds whether bare verb v is said after where it is done,
// an `at` word and a place (在山上烧, 在自己承包的山上烧一下, 在街上卖), in
// its clause: the verb done to any thing there, as 烧东西 is, the place
// deciding. A verb said with no place (村干部同意了我烧) says too little:
// what is done is asked, not presumed; nor is it when the verb does too
// (pair_too: 我也在河边烧) what was said before — the call's other part.
//
// It returns the end of the place, 0 for none.
func (p *parser) placedAt(rd *reading, v hit) int {
	begin, end := clauseBegin(rd, v.i), 0
	if p.hasAny(rd.text[begin:v.i], p.g.PairToo) {
		return 0 // 我也在河边烧: again what another did, said before
	}
	for _, f := range rd.facts {
		if f.clause != v.clause || f.j > v.i || f.i < begin || len(f.w.facts) == 0 {
			continue
		}
		if p.hasAny(rd.text[begin:f.i], p.g.At) {
			e := f.j
			for _, l := range p.g.Locatives { // 承包的山上: the 上 is the place's
				if strings.HasPrefix(rd.text[f.j:v.i], l) {
					e = max(e, f.j+len(l))
				}
			}
			end = max(end, e)
		}
	}
	return end
}

// placeSaidBefore reports whether a place is said before bare verb v in
// its sentence with an `at` or a `toward` word before it in its clause
// (摊位在消防通道上 还能卖不, 到城区人行道上…卖): where the verb said alone
// after it is done.
func (p *parser) placeSaidBefore(rd *reading, v hit) bool {
	for _, f := range rd.facts {
		if f.j > v.i || len(f.w.facts) == 0 || !sameSentence(rd, f.i, v.i) {
			continue
		}
		before := rd.text[clauseBegin(rd, f.i):f.i]
		if p.hasAny(before, p.g.At) || p.hasAny(before, p.g.Toward) {
			return true
		}
	}
	return false
}

// servesVerb reports whether bare verb v follows another verb of its
// clause with nothing between but that verb's short object (加工卖, 抓蛇卖,
// 炸油饼卖): v says what the first act is for, and the first is the act —
// not a verb that only finds the spot (找个地方卖: 个地方 is no object), a
// place's locative (人行道上卖) or a placed verb (摆着卖: the stall).
func (p *parser) servesVerb(rd *reading, v hit) bool {
	for _, o := range rd.verbs {
		if o.clause != v.clause || o.i == v.i || o.j > v.i || utf8.RuneCountInString(rd.text[o.j:v.i]) > 3 ||
			slices.Contains(p.g.UnknownThing.Placed, o.words) ||
			slices.Contains(p.g.Locatives, o.words) && slices.ContainsFunc(rd.facts, func(f hit) bool { return f.j == o.i }) {
			continue
		}
		between := rd.text[o.j:v.i]
		for _, c := range p.g.Classifiers {
			between = strings.TrimPrefix(between, c)
		}
		if between == "" || !p.filler1[between] {
			return true
		}
	}
	return false
}

// placedAfter reads a placed verb (unknown_thing placed: 摆) said with a
// word of where right after it and then the place (摆在菜市场门口, 摆到人行道
// 上, 摆在自家门口台阶上), the clause saying nothing after the place but
// its question: the verb and the end of the place; 0 for none.
func (p *parser) placedAfter(rd *reading, v hit) (string, int) {
	base, rest := "", ""
	for _, pv := range p.g.UnknownThing.Placed {
		if r, ok := strings.CutPrefix(v.words, pv); ok && strings.HasPrefix(rd.text[v.i:], v.words) {
			base, rest = pv, r
		}
	}
	if base == "" {
		return "", 0
	}
	at := v.j
	if rest == "" {
		at += max(p.longestPrefix(rd.text[v.j:], p.g.At), p.longestPrefix(rd.text[v.j:], p.g.Toward))
		if at == v.j {
			return "", 0
		}
	} else if !slices.Contains(p.g.At, rest) && !slices.Contains(p.g.Toward, rest) {
		return "", 0
	}
	end := 0
	for _, f := range rd.facts {
		if f.clause == v.clause && f.i >= at && utf8.RuneCountInString(rd.text[at:f.i]) <= 2 && len(f.w.facts) > 0 {
			end = max(end, f.j)
		}
	}
	if end == 0 {
		return "", 0
	}
	// the place's own locative or a short noun with one (台阶上)
	stop := clauseEndTrimmed(rd, v)
	for k, n := end, 0; k < stop && n < 4; n++ {
		if l := p.longestPrefix(rd.text[k:], p.g.Locatives); l > 0 {
			end = k + l
			break
		}
		_, sz := utf8.DecodeRuneInString(rd.text[k:])
		k += sz
	}
	after := rd.text[end:stop]
	if utf8.RuneCountInString(after) > 6 || !p.clauseAsks(rd, v.clause) ||
		slices.ContainsFunc(rd.verbs, func(o hit) bool { return o.clause == v.clause && o.i >= end }) {
		return "", 0
	}
	return base, end
}

// maxThingRunes is the longest run read as a thing the vocabulary lacks:
// a longer one is a story, not a noun (老头子想趁这几天冇下雨一把).
const maxThingRunes = 6

// thingFrame is the frame of a covered activity that takes verb v, one
// of unknown_thing's verbs, with any thing (its word) and needs no other
// word said; nil for none.
func (p *parser) thingFrame(v string) *frame {
	if !slices.Contains(p.g.UnknownThing.Verbs, v) {
		return nil
	}
	for _, f := range p.byVerb[v] {
		if f.activity != nil && len(f.with) == 0 && f.objects[p.g.UnknownThing.Word] {
			return f
		}
	}
	return nil
}

// endsBare reports whether verb v ends its clause but for question words
// (在人行道上摆, 摆行不行, 能摆不): nothing said after it is its thing.
func (p *parser) endsBare(rd *reading, v hit) bool {
	rest := strings.TrimRightFunc(rd.text[v.j:clauseEndTrimmed(rd, v)], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	return rest == "" || slices.Contains(p.g.Asking, rest) || slices.Contains(p.g.AskingEnd, rest)
}

// placedFrame is the frame of a covered activity that takes verb v, one
// of unknown_thing's placed verbs, with any thing, whose with-words are
// said with it (在城里人行道上摆); nil for none.
func (p *parser) placedFrame(rd *reading, v hit) *frame {
	if !slices.Contains(p.g.UnknownThing.Placed, v.words) {
		return nil
	}
	for _, f := range p.byVerb[v.words] {
		if f.activity != nil && len(f.with) > 0 && f.objects[p.g.UnknownThing.Word] && p.withSaid(rd, f, v.i) {
			return f
		}
	}
	return nil
}

// clauseAsks reports whether clause c asks (行不, 要得不, or 不 at its
// end): a thing the vocabulary lacks is read only in the question, not
// in the story (早摘早卖价钱好).
func (p *parser) clauseAsks(rd *reading, c int) bool {
	t := strings.TrimSpace(clauseText(rd, c))
	t = strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	return p.hasAny(t, p.g.Asking) || slices.ContainsFunc(p.g.AskingEnd, func(e string) bool { return strings.HasSuffix(t, e) })
}

// thingAfter is the run of unread characters right after bare verb v,
// after its complement or 了 (烧掉旧沙发); empty for none.
func (p *parser) thingAfter(rd *reading, v hit) (int, int) {
	i := v.j
	if r, n := decodeRune(rd.text[i:]); n > 0 && (p.isComplement(string(r)) || r == '了') {
		i += n
	}
	return i, p.runEnd(rd, i, len(rd.text))
}

// thingBefore is the last run of two unread characters or more said
// before bare verb v in its clause; empty for none.
func (p *parser) thingBefore(rd *reading, v hit) (int, int) {
	var i, j int
	for k := clauseBegin(rd, v.i); k < v.i; {
		e := p.runEnd(rd, k, v.i)
		if e == k {
			_, n := decodeRune(rd.text[k:])
			k += n
			continue
		}
		if utf8.RuneCountInString(rd.text[k:e]) >= 2 {
			i, j = k, e
		} else {
			i, j = 0, 0 // something unread between the thing and the verb
		}
		k = e
	}
	// between the thing and the verb only what was read (能在山上)
	for k := j; j > 0 && k < v.i; {
		if p.bareVerbAt(rd, k) {
			return 0, 0
		}
		_, n := decodeRune(rd.text[k:])
		k += n
	}
	return i, j
}

// runEnd is the end of the run of unread characters from byte i, at most
// to: a one-character verb inside it, not first, is part of the thing (套
// of 手套, 栽 of 盆栽).
func (p *parser) runEnd(rd *reading, i, to int) int {
	j := i
	for j < to {
		if !p.unreadAt(rd, j) && (j == i || !p.bareVerbAt(rd, j)) {
			break
		}
		_, n := decodeRune(rd.text[j:])
		j += n
	}
	return j
}

// bareVerbAt reports whether a one-character bare verb is at byte k.
func (p *parser) bareVerbAt(rd *reading, k int) bool {
	return slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.i == k && utf8.RuneCountInString(v.words) == 1 })
}

// unreadAt reports whether the character at byte k of the text is one
// nothing read: a Chinese character no day, act, fact or verb holds, at
// which no word the parser knows of two characters or more starts and no
// filler (能, 在, 的) does.
func (p *parser) unreadAt(rd *reading, k int) bool {
	r, _ := decodeRune(rd.text[k:])
	if !isHan(r) || rd.used[k] || rd.inAct(k, k+1) {
		return false
	}
	for _, hs := range [][]hit{rd.facts, rd.verbs} {
		for _, h := range hs {
			if k >= h.i && k < h.j {
				return false
			}
		}
	}
	if n := p.knownAt(rd.text[k:]); n > 0 && utf8.RuneCountInString(rd.text[k:k+n]) >= 2 {
		return false
	}
	_, n := p.filler.longest(rd.text[k:])
	return n == 0
}

// backToDay gives a day word that points back (当天, 当日: back_then and a
// day of its own) said after a single day the day it points to: 霜降籽10月
// 23日开始采摘，请问当天是否可以采摘 asks of the 23rd, whichever clause's
// act the 23rd was said with, not of the day of the call.
func (p *parser) backToDay(ms []dates.Mention) {
	for k := 1; k < len(ms); k++ {
		m, prev := &ms[k], ms[k-1]
		if !slices.Contains(p.g.BackThen, m.Words) || prev.Bad || prev.Weak || prev.MonthEnd != nil || prev.Before || prev.Past {
			continue
		}
		m.Date = prev.Date
	}
}

// ripeningVariety reads a variety told by the term it ripens at (霜降那时候
// 才熟的, 寒露前后就熟透的): the term and the grammar's suffix are the fact
// phrase of the variety (霜降籽), and a day read from the term is dropped —
// the trees' kind is told, not the day of the act.
func (p *parser) ripeningVariety(rd *reading) {
	rp := p.g.Ripens
	if rp.Suffix == "" || !rd.says(rp.Verbs) {
		return
	}
	text := rd.text
	for k := 0; k < len(text); {
		i, n := indexAny(text[k:], rp.Verbs)
		if i < 0 {
			return
		}
		at, end := k+i, k+i+n
		k = end
		start := at
		for { // 霜降那时候才熟: the words between, from the verb back
			n := p.hasSuffixLen(text[:start], rp.Between)
			if n == 0 {
				break
			}
			start -= n
		}
		if h, ok := p.ripeName(text[:start], rp.Suffix); ok {
			h.j, h.clause = end, rd.clause(h.i)
			h.words = text[h.i:end]
			rd.mark(h.i, end)
			rd.facts = append(rd.facts, h)
			rd.dates = slices.DeleteFunc(rd.dates, func(m dates.Mention) bool { return m.Start < end && m.End > h.i })
		}
	}
}

// ripeName finds the name that before ends with and that, with suffix, is
// a whole fact phrase (霜降 + 籽): the hit from the name's start, its
// facts the phrase's.
func (p *parser) ripeName(before, suffix string) (hit, bool) {
	for n, i := 0, len(before); i > 0 && n < 4; n++ {
		_, sz := utf8.DecodeLastRuneInString(before[:i])
		i -= sz
		name := before[i:] + suffix
		ws, l := p.facts.longest(name)
		if l != len(name) {
			continue
		}
		for _, w := range ws {
			if len(w.facts) > 0 {
				return hit{i: i, w: word{facts: w.facts}}, true
			}
		}
	}
	return hit{}, false
}

// indexAny is the first place s says one of ws (the longest there) and the
// length of the word said; -1, 0 if none.
func indexAny(s string, ws []string) (int, int) {
	best, n := -1, 0
	for _, w := range ws {
		if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best || i == best && len(w) > n) {
			best, n = i, len(w)
		}
	}
	return best, n
}

// pastWorn is s past a word for a thing's wear said before it (烂塑料袋,
// 旧鞋子: the thing all the same), or s when none starts it.
func (p *parser) pastWorn(s string) string {
	for _, w := range p.g.Worn {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return rest
		}
	}
	return s
}
