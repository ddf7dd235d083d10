package hotline

// Distances said, exact or vague, and the landmark they are measured from.

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/hotline/zh"
)

// distance reads 离山50米, 离林子两百多米, 离山不到一百米, 离山50米左右,
// 离山一里路: a number or a range, never a guessed exact value.
// distMatch is a distance said (m: reDist's match) with where its words
// start and end: from its landmark said before it (离林子, 林子边上) to its
// unit, or from its number to a landmark said after it (五十米 离林子).
type distMatch struct {
	m          []int
	start, end int
	// measured: a landmark is said (before or after the number), not 好几
	// 百米远, far from anything
	measured bool
	// edge is the landmark's edge said as the place measured from (林子边
	// 上五十米): its other facts stand (in the open); "" for 离林子
	edge string
	// is: the landmark is said after the distance as what is there (三四十
	// 米外就是松树林): 外 puts it that far off, not further
	is bool
	// refines: said right after another distance, with no landmark and a
	// bound of its own (大概两百米，可能还冇得两百米; 反正一百五十米是有的):
	// the same distance said more closely, read together with it
	refines bool
}

// distanceMatches are the distances a call says, in order, with their
// landmarks. A distance with no landmark of its own takes one said right
// after it (八十米 离林子); one taken back by a correction word right
// after it (八十米 哦不 一百五十米, 离林子八十米 不对 一百五十米) is
// marked read and dropped, and the one said in its place is measured from
// the same landmark. A distance with no landmark at all, and not said to
// be far, is no distance (两百米的路).
func (p *parser) distanceMatches(rd *reading) []distMatch {
	s := rd.text
	var all []distMatch
	for _, m := range p.reDist.FindAllStringSubmatchIndex(s, -1) {
		if !rd.free(m[0], m[1]) {
			continue
		}
		c := distMatch{m: m, start: m[0], end: m[1]}
		switch {
		case p.hasPrefix(s[m[0]:m[1]], p.voc.Distance.Prefixes):
			c.measured = true
		default:
			// 林子边上五十米, 山边上两百米: the edge said as the place
			// measured from, without 离
			if k := p.edgeBefore(s, m[0]); k >= 0 && rd.free(k, m[0]) {
				c.start, c.measured, c.edge = k, true, s[k:m[0]]
			} else if e := p.landmarkAfter(s, m[1]); e > 0 && rd.free(m[1], e) {
				c.end, c.measured = e, true
			} else if n := p.landmarkIs(s, m[0], m[1]); n > 0 && rd.free(m[1], m[1]+n) {
				// 隔二十来米就是林子: the landmark said after it, as what is there
				c.end, c.measured, c.is = m[1]+n, true, true
				for _, w := range p.voc.Distance.Prefixes {
					if strings.HasSuffix(s[:m[0]], w) && rd.free(m[0]-len(w), m[0]) {
						c.start = m[0] - len(w)
					}
				}
			} else if k := p.landmarkBeforeHome(s, m[0]); k >= 0 && rd.free(k, m[0]) {
				// 后山离屋二十几米: the landmark before 离, the home after
				c.start, c.measured = k, true
			} else if k := p.farSaidBefore(s, m[0]); k >= 0 && rd.free(k, m[0]) {
				// 田离山有好远 两里多路: how far, said again as a number
				c.start, c.measured = k, true
			}
		}
		all = append(all, c)
	}
	var out []distMatch
	for k, c := range all {
		if k+1 < len(all) {
			next := &all[k+1]
			// (the pauses either side, which the matches may hold: 三百米
			// 不是 三十米 corrects as 三百米，不是，三十米 does)
			if between := s[skipSpaceBack(s, c.end):skipSpaceOn(s, next.start)]; p.corrects(between) {
				rd.mark(c.start, c.end)
				if !next.measured {
					next.measured, next.edge = c.measured, c.edge
				}
				continue
			}
		}
		if k+1 < len(all) && c.measured && p.boundsAgain(s, c, all[k+1]) {
			next := &all[k+1]
			next.measured, next.edge, next.refines = true, c.edge, true
		}
		if !c.measured && len(out) > 0 && p.distanceAskedAgain(rd, out[len(out)-1], c) {
			// (离山一百米…算不算禁火区域？一百零一米呢: from the same landmark)
			c.measured, c.edge = true, out[len(out)-1].edge
		}
		if !c.measured && !p.farWithoutLandmark(rd, c.m) {
			continue
		}
		if !c.measured && p.claimedAfterMeasured(rd, out, c) {
			rd.mark(c.start, c.end) // 我老弟讲一百米以外就不管了: what is said of the rule
			continue
		}
		out = append(out, c)
	}
	return out
}

// distanceAskedAgain reports whether c, a distance with no landmark, is
// all its clause says but a turn before it (那) and 呢 after it, in a clause
// after the one of last, a distance measured from a landmark (我在离山一百米
// 的地方烧田埂，算不算禁火区域？一百零一米呢): the place asked again at
// another distance from the same landmark.
func (p *parser) distanceAskedAgain(rd *reading, last, c distMatch) bool {
	cl := rd.clause(c.start)
	if !last.measured || last.is || rd.clause(last.start) >= cl {
		return false
	}
	before := strings.Trim(rd.text[rd.clauseStart(c.start, cl):c.start], pauses)
	after := strings.Trim(rd.text[c.end:rd.clauseEnd(c.end, cl)], pauses)
	return (before == "" || slices.Contains(p.g.ContrastOpen, before)) && slices.Contains(p.g.Ellipsis, after)
}

// claimedAfterMeasured reports whether c, a distance with no landmark said
// to be far (一百米以外), is someone's word about the rule (我老弟讲一百米
// 以外就不管了: a reported word before it in its clause) after the call has
// measured the place's own distance (我们田离山正好一百米): the caller's
// measure stands.
func (p *parser) claimedAfterMeasured(rd *reading, kept []distMatch, c distMatch) bool {
	if !slices.ContainsFunc(kept, func(k distMatch) bool { return k.measured && !k.is }) {
		return false
	}
	t := rd.text[rd.clauseStart(c.start, rd.clause(c.start)):c.start]
	return p.reports(t)
}

// boundsAgain reports whether next, a distance said with no landmark right
// after c, bounds c's distance again (离山大概两百米，可能还冇得两百米，反正
// 一百五十米是有的): a pause and a few words of hedging between them, and
// next says a bound of its own (不到, 冇得, 至少, 是有的 …). A bare second
// distance (离山两百米，五十米外有条河) is something else.
func (p *parser) boundsAgain(s string, c, next distMatch) bool {
	if next.measured || next.start < c.end {
		return false
	}
	between := s[c.end:next.start]
	if r, _ := utf8.DecodeRuneInString(between); between == "" || !clauseBreak(r) || wordRunes(between) > 4 {
		return false
	}
	m := next.m
	if m[2] >= 0 && !contains(p.g.AboutBefore, s[m[2]:m[3]]) {
		return true
	}
	return m[14] >= 0 && contains(p.g.AtLeastAfter, s[m[14]:m[15]])
}

// landmarkDeterminer reports whether a landmark determiner (最近的 of 离
// 最近的山有四百多米) starts at byte i, right after a distance's prefix and
// before its landmark: it picks the landmark out, and is no day word.
func (p *parser) landmarkDeterminer(text string, i int) bool {
	if !p.hasSuffixAny(text[:i], p.voc.Distance.Prefixes) {
		return false
	}
	for _, d := range p.g.LandmarkDeterminers {
		if rest, ok := strings.CutPrefix(text[i:], d); ok && p.startsWithAny(rest, p.voc.Distance.Nouns) {
			return true
		}
	}
	return false
}

// landmarkAfter is the end of a distance landmark said right after byte i
// (五十米 离林子: a prefix and a noun, spaces allowed, and nothing but a
// pause or the call's end after it), or -1.
func (p *parser) landmarkAfter(s string, i int) int {
	t := strings.TrimLeft(s[i:], " ")
	end := -1
	for _, pre := range p.voc.Distance.Prefixes {
		if !strings.HasPrefix(t, pre) {
			continue
		}
		u := strings.TrimLeft(t[len(pre):], " ")
		for _, n := range p.voc.Distance.Nouns {
			if !strings.HasPrefix(u, n) {
				continue
			}
			w := u[len(n):]
			for _, e := range distanceEdges {
				if strings.HasPrefix(w, e) {
					w = w[len(e):]
					break
				}
			}
			if r, _ := utf8.DecodeRuneInString(w); w != "" && !clauseBreak(r) && r != ' ' {
				continue
			}
			if e := len(s) - len(w); e > end {
				end = e
			}
		}
	}
	return end
}

// distanceAsWritten reports whether text[i:j] ends with a distance's
// prefix that a home word, a numeral or a landmark picked out follows
// (竹山离屋三十米, 林子离我家三百米, 田离最近的林子四十米): the prefix is said as written, not heard as another word by its
// sound (竹山里).
func (p *parser) distanceAsWritten(text string, i, j int) bool {
	if !p.hasSuffixAny(text[i:j], p.voc.Distance.Prefixes) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[j:]); isNumeralRune(r) {
		return true
	}
	return p.startsWithAny(text[j:], p.g.Homes) || p.landmarkDeterminer(text, j) // 田离最近的林子
}

// landmarkBeforeHome is where a landmark starts that is said before a
// distance's prefix and a word for the home, right before byte i (后山离屋
// of 后山离屋二十几米; hedges between, 也就, are the match's), or -1.
func (p *parser) landmarkBeforeHome(s string, i int) int {
	t := strings.TrimRight(s[:i], " ")
	for _, h := range p.g.Homes {
		u, ok := strings.CutSuffix(t, h)
		if !ok {
			continue
		}
		for _, pre := range p.voc.Distance.Prefixes {
			v, ok := strings.CutSuffix(strings.TrimRight(u, " "), pre)
			if !ok {
				continue
			}
			if k := p.edgeBefore(v+"边", len(v)+len("边")); k >= 0 {
				return k // (林子边上离屋: an edge said too)
			}
			best := -1
			for _, n := range p.voc.Distance.Nouns {
				if strings.HasSuffix(v, n) && (best < 0 || len(v)-len(n) < best) {
					best = len(v) - len(n)
				}
			}
			if best >= 0 {
				return best
			}
		}
	}
	return -1
}

// distanceEdges are the words that make a landmark its edge (林子边上):
// a distance said right after one is measured from it (林子外面两百米:
// outside it, from its edge).
var distanceEdges = []string{"边缘", "边边上", "边上", "边边", "边", "脚", "缘", "外面", "外头", "外边"} // 缘: 林缘, the forest edge in the operator's shorthand

// edgeBefore is where a landmark's edge said right before byte i starts
// (林子边上 of 林子边上五十米: a distance vocabulary noun ending with an
// edge word, or followed by one), or -1.
func (p *parser) edgeBefore(s string, i int) int {
	t := strings.TrimRight(s[:i], " ")
	best := -1
	for _, n := range p.voc.Distance.Nouns {
		for _, e := range append([]string{""}, distanceEdges...) {
			w := n + e
			if !strings.HasSuffix(t, w) || (e == "" && !hasEdge(n)) {
				continue
			}
			if k := len(t) - len(w); best < 0 || k < best {
				best = k
			}
		}
	}
	return best
}

// hasEdge: the noun names an edge itself (林边上, 山脚).
func hasEdge(n string) bool {
	for _, e := range distanceEdges {
		if strings.HasSuffix(n, e) {
			return true
		}
	}
	return false
}

func (p *parser) distance(rd *reading) {
	// 风力四级, 离重点区域三百米: a number fact said with its own words, read
	// first, so that a distance of its own is not the forest's
	for _, ms := range p.measures {
		add := func(m []int, n float64) {
			unit := ms.Units[rd.text[m[4]:m[5]]]
			var v any = n * unit
			if len(m) > 7 && m[6] >= 0 {
				if rd.text[m[6]:m[7]] == "半" {
					v = (n + 0.5) * unit // 两公里半: half a unit more
				} else {
					v = Span{Min: n * unit, Max: (n + 1) * unit} // 一公里多: more, short of the next
				}
			}
			rd.mark(m[0], m[1])
			rd.facts = append(rd.facts, hit{i: m[0], j: m[1], clause: rd.clause(m[0]), words: rd.text[m[0]:m[1]],
				w: word{facts: []vocab.Value{{Fact: ms.Fact, V: v}}}})
		}
		if p.textHas(rd, ms.Prefixes) {
			countsIn(rd, ms.re, add)
		}
		if ms.after != nil && p.textHas(rd, ms.After) {
			countsIn(rd, ms.after, add) // 四级风: the unit before the fact's word
		}
	}
	if p.reDist != nil && containsAnyRune(rd.text, p.distFirst) && numeralBeforeUnit(rd.text, rd.mayHold(p.distUnits, make([]string, 0, 16))) {
		s := rd.text
		fact := p.voc.Distance.Fact
		last, lastAmt := -1, zh.Amount{} // the distance hit said last, and its amount
		for _, c := range p.distanceMatches(rd) {
			m, start := c.m, c.start
			words := s[start:c.end]
			numText := s[m[4]:m[5]]
			if m[6] >= 0 {
				numText += s[m[6]:m[7]]
			}
			amt, n, ok := zh.ReadAmount(numText)
			if !ok || n != len(numText) {
				rd.q.NotUnderstood = append(rd.q.NotUnderstood, words)
				rd.mark(start, c.end)
				continue
			}
			unit := s[m[8]:m[9]]
			size := p.voc.Distance.Units[unit]
			amt = amt.Scale(size)
			switch {
			case m[10] >= 0 && amt.Exact():
				// 两里多: more than two 里, less than three — 多 widens upward only
				amt = zh.Amount{Lo: amt.Lo, Hi: amt.Lo + size}
			case contains(p.voc.Distance.Vague, unit) || m[12] >= 0 && contains(p.voc.Distance.Vague, unit+s[m[12]:m[13]]):
				amt = zh.About(amt)
			}
			qual := ""
			if m[2] >= 0 {
				qual = s[m[2]:m[3]]
			}
			after := ""
			if m[14] >= 0 {
				after = s[m[14]:m[15]]
			}
			switch {
			case contains(p.g.Less, qual):
				amt = zh.Amount{Lo: 0, Hi: amt.Lo}
			case contains(p.g.AtMost, qual):
				amt = zh.Amount{Lo: 0, Hi: amt.Hi}
			case contains(p.g.More, qual):
				amt = zh.Amount{Lo: amt.Hi + 1, Hi: farMetres}
			case contains(p.g.AtLeast, qual) || contains(p.g.AtLeastAfter, after):
				amt = zh.Amount{Lo: amt.Lo, Hi: farMetres}
			case contains(p.g.AboutBefore, qual) || contains(p.g.AboutAfter, after):
				amt = zh.About(amt)
			}
			switch {
			case contains(p.voc.Distance.Within, after):
				amt = zh.Amount{Lo: 0, Hi: amt.Hi}
			case c.is:
				// 三四十米外就是松树林: the landmark is that far off
			case contains(p.voc.Distance.Beyond, after) && amt.Exact():
				// 一百米以外 is further than 100 m, 100 not included
				amt = zh.Amount{Lo: amt.Lo + 1, Hi: farMetres}
			case contains(p.voc.Distance.Beyond, after) || contains(p.voc.Distance.Above, after):
				amt = zh.Amount{Lo: amt.Lo, Hi: farMetres}
			}
			amt.Lo, amt.Hi = min(max(amt.Lo, 0), farMetres), min(amt.Hi, farMetres)
			if c.refines && last >= 0 {
				// the same distance bounded again: both bounds hold (where
				// they cannot, the later is what the caller settles on)
				if lo, hi := max(amt.Lo, lastAmt.Lo), min(amt.Hi, lastAmt.Hi); lo <= hi {
					amt = zh.Amount{Lo: lo, Hi: hi}
				}
				start = rd.facts[last].i
				words = s[start:c.end]
				rd.facts = slices.Delete(rd.facts, last, last+1)
			}
			var v any = amt.Lo
			if !amt.Exact() {
				v = Span{Min: amt.Lo, Max: amt.Hi}
			}
			vals := []vocab.Value{{Fact: fact, V: v}}
			if c.edge != "" {
				// the landmark's other facts stand (林子边上: in the open);
				// its distance is the one said
				if ws, n := p.facts.longest(c.edge); n > 0 {
					for _, x := range ws {
						for _, f := range x.facts {
							if f.Fact != fact {
								vals = append(vals, f)
							}
						}
					}
				}
			}
			rd.mark(start, c.end)
			last, lastAmt = len(rd.facts), amt
			rd.facts = append(rd.facts, hit{i: start, j: c.end, clause: rd.clause(start), words: words,
				w: word{facts: vals}})
		}
	}
	// 出生91天, 断保刚好90天: the count against the notice's limit. Read
	// before fact words, so that 生下来91天 is not a newborn by 生下来.
	for _, l := range p.dayLimits {
		if !p.textHas(rd, l.Prefixes) {
			continue
		}
		countsIn(rd, l.re, func(m []int, n float64) {
			v := l.Within
			if n > float64(l.Limit) || m[4] >= 0 && n >= float64(l.Limit) { // 90多天 is past 90
				v = l.Beyond
			}
			rd.mark(m[0], m[1])
			rd.facts = append(rd.facts, hit{i: m[0], j: m[1], clause: rd.clause(m[0]), words: rd.text[m[0]:m[1]],
				w: word{facts: v, about: l.about}, counted: true})
		})
	}
	// 伢子8月5号生的, 上个月20号出生的: the day the event happened, and the
	// days from it to the call's day against the limit
	for _, l := range p.dayLimits {
		if len(l.Events) == 0 || !p.textHas(rd, l.Events) {
			continue
		}
		for _, m := range rd.dates {
			if m.Bad || m.Weak {
				continue
			}
			rest := strings.TrimLeft(rd.text[m.End:], " ")
			ev := ""
			for _, w := range l.Events {
				if strings.HasPrefix(rest, w) {
					ev = w
					break
				}
			}
			if ev == "" {
				continue
			}
			day := m.Date
			if day.After(rd.today) {
				// 9月3号出生的, 6月份生的 said in November: this year's
				if d, ok := m.Previous(); ok {
					day = d
				} else if d, err := calendar.NewDate(day.Year()-1, day.Month(), min(day.Day(), 28)); err == nil && !d.After(rd.today) {
					day = d
				}
			}
			end := len(rd.text) - len(rest) + len(ev)
			rd.events = append(rd.events, m.Start)
			if day.After(rd.today) {
				continue // a birth to come says nothing of the count
			}
			v := l.Within
			if n := rd.today.Sub(day); n > l.Limit {
				v = l.Beyond
			}
			rd.mark(m.Start, end)
			rd.facts = append(rd.facts, hit{i: m.Start, j: end, clause: rd.clause(m.Start), words: rd.text[m.Start:end],
				w: word{facts: v, about: l.about}, counted: true})
		}
	}
	if p.reDays != nil && p.textHas(rd, p.voc.DaysSince.Prefixes) {
		countsIn(rd, p.reDays, func(m []int, n float64) {
			rd.facts = append(rd.facts, hit{i: m[0], j: m[1], clause: rd.clause(m[0]), words: rd.text[m[0]:m[1]],
				w: word{facts: []vocab.Value{{Fact: p.voc.DaysSince.Fact, V: n}}}})
		})
	}
}

// countsIn calls add for each match of re (a count of days said with its
// prefix, the number its first group) in text no earlier reading took.
func countsIn(rd *reading, re *regexp.Regexp, add func(m []int, n float64)) {
	for _, m := range re.FindAllStringSubmatchIndex(rd.text, -1) {
		if !rd.free(m[0], m[1]) {
			continue
		}
		if n, ok := zh.Number(rd.text[m[2]:m[3]]); ok {
			add(m, n)
		}
	}
}

// landmarkIs is the length of the landmark said after the distance at
// i..j as what is there (就是林子 of 隔二十来米就是林子), with 隔 or nothing
// before it: 0 for none, or when another landmark is named before it
// (离公路二十米就是林子 measures from the road).
func (p *parser) landmarkIs(s string, i, j int) int {
	before := strings.TrimRight(s[:i], " ")
	for _, w := range p.voc.Distance.Prefixes {
		if strings.HasSuffix(before, w) {
			before = ""
			break
		}
	}
	lo := len(before)
	for k := 0; k < 6 && lo > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(before[:lo])
		lo -= n
	}
	if p.hasAny(before[lo:], p.voc.Distance.Prefixes) {
		return 0
	}
	rest := strings.TrimLeft(s[j:], " ")
	skipped := len(s[j:]) - len(rest)
	for _, c := range p.voc.Distance.LandmarkAfter {
		r, ok := strings.CutPrefix(rest, c)
		if !ok {
			continue
		}
		best := 0
		for _, n := range p.voc.Distance.Nouns {
			if strings.HasPrefix(r, n) && len(n) > best {
				best = len(n)
			}
		}
		if best > 0 {
			return skipped + len(c) + best
		}
	}
	return 0
}

// farSaidBefore is where a landmark's distance said as far (离山有好远,
// 离林子蛮远) starts when it ends right before i, a pause between, so that
// the number said after it is that distance (田离山有好远 两里多路); -1 for
// none.
func (p *parser) farSaidBefore(s string, i int) int {
	before := strings.TrimRight(s[:i], " ，,")
	pause := len(before) < i || strings.HasPrefix(s[i:], " ")
	for _, d := range p.g.FarDegrees {
		if strings.HasSuffix(before, "远"+d) {
			before = strings.TrimSuffix(before, d) // 离山远得很，一里多路
			break
		}
	}
	if !pause || !strings.HasSuffix(before, "远") {
		return -1
	}
	lo := len(before)
	for k := 0; k < 8 && lo > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(before[:lo])
		lo -= n
	}
	best := -1
	for _, w := range p.voc.Distance.Prefixes {
		k := strings.LastIndex(before[lo:], w)
		if k < 0 {
			continue
		}
		rest := before[lo+k+len(w):]
		for _, n := range p.voc.Distance.Nouns {
			if strings.HasPrefix(rest, n) && lo+k > best {
				best = lo + k
			}
		}
	}
	return best
}

// farWithoutLandmark reports whether a distance said with no landmark
// (m matched without 离林子) says how far away the place is: beyond it (三四
// 百米开外) or 远 right after it (好几百米远), with no 离 or 距 just before it
// naming a landmark the vocabulary does not know (离公路三百米远).
func (p *parser) farWithoutLandmark(rd *reading, m []int) bool {
	s := rd.text
	after := ""
	if m[14] >= 0 {
		after = s[m[14]:m[15]]
	}
	if !contains(p.voc.Distance.Beyond, after) && !contains(p.voc.Distance.Above, after) && !strings.HasPrefix(s[m[1]:], "远") {
		return false
	}
	lo := m[0]
	for k := 0; k < 8 && lo > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(s[:lo])
		lo -= n
	}
	for _, w := range p.voc.Distance.Prefixes {
		if strings.Contains(s[lo:m[0]], w) {
			return false
		}
	}
	return true
}

func (p *parser) hasPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// containsAnyRune is strings.ContainsAny for a short set of characters
// outside ASCII: one fast search per character, not a look-up in chars for
// each character of s.
// numeralBeforeUnit reports whether s says a numeral before one of units,
// with at most 来 or 多 and spaces between: what reDist's number and unit
// groups require, so false means reDist cannot match.
func numeralBeforeUnit(s string, units []string) bool {
	for _, u := range units {
		for off := 0; ; {
			i := strings.Index(s[off:], u)
			if i < 0 {
				break
			}
			i += off
			off = i + len(u)
			j := skipSpaceBack(s, i)
			if r, n := utf8.DecodeLastRuneInString(s[:j]); r == '来' || r == '多' {
				j = skipSpaceBack(s, j-n)
			}
			if r, _ := utf8.DecodeLastRuneInString(s[:j]); r >= '0' && r <= '9' || strings.ContainsRune("零〇一二两三四五六七八九十百千几好把半", r) {
				return true
			}
		}
	}
	return false
}

// skipSpaceOn returns the start of s[i:] without its leading spaces
// (regexp's \s: ASCII white space).
func skipSpaceOn(s string, i int) int {
	for i < len(s) && strings.IndexByte(" \t\n\f\r", s[i]) >= 0 {
		i++
	}
	return i
}

// skipSpaceBack returns the end of s[:i] without its trailing spaces
// (regexp's \s: ASCII white space).
func skipSpaceBack(s string, i int) int {
	for i > 0 && strings.IndexByte(" \t\n\f\r", s[i-1]) >= 0 {
		i--
	}
	return i
}

func containsAnyRune(s, chars string) bool {
	for _, r := range chars {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s && s != "" {
			return true
		}
	}
	return false
}
