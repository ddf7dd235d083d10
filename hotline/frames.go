package hotline

// Verb–object frames: acts said with their verb and object apart, in either order, with words between.

import (
	"iter"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/zh"
	"github.com/tonggao/tonggao/rules"
)

// scanFrames pairs verbs and objects, as whole words of the segmented
// text, in either order, within a clause and a few characters apart.
func (p *parser) scanFrames(rd *reading) {
	s := rd.text
	type tok = frameTok
	// Only the text around a verb can hold a frame: segment those windows
	// (a verb, eight characters before it for an object said first, twelve
	// after), so that a long question without one costs little.
	windows := p.verbWindows(s)
	n := 0 // a token is a character or more: the windows' bytes bound them
	for _, w := range windows {
		n += w[1] - w[0]
	}
	// the tokens and the segmenter's space, reused from call to call: a
	// long call would otherwise allocate them anew each time
	sc := frameScratchPool.Get().(*frameScratch)
	defer sc.put()
	sc.seg.reserve(n)
	toks := slices.Grow(sc.toks[:0], n+4)
	defer func() { sc.toks = toks }()
	for _, w := range windows {
		for _, sg := range p.seg.segment(&sc.seg, s[w[0]:w[1]]) {
			i, j := w[0]+sg.i, w[0]+sg.j
			// 一把火烧掉: after a measure word, a verb that begins with what
			// an act makes (火烧) is that object and the verb (火, 烧)
			word := sg.word || !p.framesInDict
			if n := len(toks); n > 0 && toks[n-1].j == i && p.isComplement(toks[n-1].t) {
				if k := p.madePrefix(s[i:j]); k > 0 {
					toks = append(toks, tok{i, i + k, s[i : i+k], true})
					i += k
					word = true
				}
			}
			// 摘完了: a fact phrase the dictionary joined that opens
			// with a frame's verb and goes on with a complement states
			// the act done; its verb is still the act's (霜降籽…就摘完了)
			if k := p.verbOpensFact(s[i:j]); k > 0 {
				toks = append(toks, tok{i, i + k, s[i : i+k], true})
				i = i + k
			}
			// 我家寒露籽10月8日能摘: a fact phrase the dictionary joined
			// that ends with a frame's object leaves the object to the verb
			if sg.word && j-i > 3 && inFactAt(rd, i) {
				if k := p.objectSuffix(s[i:j]); k > 0 {
					toks = append(toks, tok{i, i + k, s[i : i+k], true})
					i += k
				}
			}
			toks = append(toks, tok{i, j, s[i:j], word})
		}
	}
	usedObj := sc.used // object token → taken, by a covered act (true) or an act no rule covers
	// verbOfIn reports whether the clause of byte i says a verb of frame
	// f: an object said across a pause is that verb's, not one said before
	// the pause (不在坟上点 在屋里点对蜡烛: the candles are lit indoors);
	// a measure after a numeral is no verb (一堆装修的垃圾 放到…: the 堆
	// counts the waste, and 放到 across the pause takes it)
	verbOfIn := func(f *frame, i int) bool {
		for _, t := range toks {
			if t.word && rd.clause(t.i) == rd.clause(i) && f.verbs[t.t] && !p.countedMeasure(s, t.i, t.j) {
				return true
			}
		}
		return false
	}
	for vi, v := range toks {
		if !v.word {
			continue // no verb
		}
		fs := p.framesOfVerb(v.t)
		if stem := p.bareAfterMade(toks, vi); stem != "" {
			fs = p.framesOfVerb(stem)
		}
		if len(fs) == 0 {
			continue
		}
		// (社区指定的堆放点: a verb inside a place said before it is that
		// place's noun, no verb of the call)
		if factAround(rd, v.i, v.j) > 0 {
			continue
		}
		// 两个地方都参保: a verb that is itself an act's listed word (参保)
		// may still be the verb of a frame of a way of that act, whose
		// object says the way; only those frames are tried, and the act's
		// word gives way to the way found
		listed := -1
		if rd.inAct(v.i, v.j) || !rd.free(v.i, v.j) {
			if listed, fs = p.waysOfListed(rd, fs, v.i, v.j); listed < 0 {
				continue
			}
		}
		// 烧点纸, 混点生活垃圾: a one-character verb right after a verb or
		// an act is a measure word or a complement, not a verb — not after
		// a word that holds an act and goes on past it, its time
		// (摘茶籽的时候点盘蚊香: 点 is the coil's verb)
		if vi > 0 && p.isComplement(v.t) && toks[vi-1].j == v.i && (p.verbSet[toks[vi-1].t] && !p.filler1[toks[vi-1].t] || rd.coveredTo(toks[vi-1].i, toks[vi-1].j)) {
			continue
		}
		// 瓷砖碎渣一大堆, 两车渣土: after a numeral, a measure
		if p.countedMeasure(s, v.i, v.j) {
			continue
		}
		// match is the verb's frame that token oi is an object of
		match := func(oi int) *frame {
			o := toks[oi]
			if !o.word || !p.mayBeObject(o.t) || !sameSentence(rd, o.i, v.i) {
				return nil // no object, or not this verb's
			}
			covered := rd.inCovered(o.i, o.j)
			for _, f := range fs {
				// 交了那边的职工医保: an object that holds an act's word
				// (医保) is the act only when it names a way of it
				if covered && !p.wayWithin(rd, f, o.i, o.j) {
					continue
				}
				// an object is one act's, but what an act no rule covers
				// took may be taken again by one a rule covers: 竹子砍了在山上
				// 烧掉 burns the bamboo cut
				if used, ok := usedObj[oi]; ok && (used || f.activity == nil) {
					continue
				}
				if f.objects[o.t] && p.withSaid(rd, f, v.i) && (rd.clause(o.i) == rd.clause(v.i) || !verbOfIn(f, o.i)) {
					return f
				}
			}
			return nil
		}
		// The object after the verb first, then the one before it; an
		// object that names what the act makes (烧一把火: the fire) yields
		// to one that names what it acts on (垃圾烧一把火, 落叶…一把火点了),
		// and is taken only in the verb's own clause: 不在山上烧 在屋里火盆里
		// 烧点纸 makes no fire of 火盆 across the pause.
		made, madeF := -1, (*frame)(nil)
		take := func(oi int, f *frame) {
			o := toks[oi]
			i, j := min(v.i, o.i), max(v.j, o.j)
			if oi < vi && vi+1 < len(toks) && toks[vi+1].i == v.j && p.isComplement(toks[vi+1].t) {
				j = toks[vi+1].j // 旧瓷砖…倒掉: the complement is the verb's
			}
			// the act's word inside the object gives way to the way it names,
			// and so does the verb's own (listed)
			rd.acts = slices.DeleteFunc(rd.acts, func(h hit) bool {
				return h.w.activity != nil && (h.i >= o.i && h.j <= o.j && h.j-h.i < o.j-o.i || listed >= 0 && h.i == v.i && h.j == v.j) &&
					slices.Contains(p.manners[h.w.activity.ID], f.activity)
			})
			rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity, act: actName(f, v.t, o.t)},
				clause: rd.clause(v.i), words: s[i:j], wi: i, wj: j, obj: o.t})
			// 砍了的油茶树枝能不能烧掉: a verb said before its object with
			// only 的 (and aspect) between describes the object; the
			// object stays free for the verb the call asks
			if oi < vi || !p.describes(s[v.j:o.i]) {
				usedObj[oi] = usedObj[oi] || f.activity != nil
			}
		}
		found := false
		gap := 0
		// 烧成灰肥: after a resultative complement, what the act makes
		result := vi+1 < len(toks) && p.result[toks[vi+1].t] && toks[vi+1].i == v.j
		for oi := vi + 1; oi < len(toks) && gap <= 6; oi++ {
			// 要自己处理 在城区把装修垃圾倒在…: what 把 brings forward is the
			// object of the verb after it (not 一把火, a measure)
			if o := toks[oi]; o.i > v.j && slices.Contains(p.g.Disposal, o.t) {
				// (放个把烟花, 摘斤把茶籽: after the verb's own measure word it
				// is "one or so", and the object follows)
				if r, _ := utf8.DecodeLastRuneInString(s[:o.i]); !isNumeralRune(r) && !slices.Contains(p.g.Classifiers, s[v.j:o.i]) {
					break
				}
			}
			if f := match(oi); f != nil {
				if !p.made[toks[oi].t] && !(result && oi > vi+1) {
					take(oi, f)
					found = true
					break
				}
				if made < 0 && rd.clause(toks[oi].i) == rd.clause(v.i) {
					made, madeF = oi, f
				}
			}
			g := gapRunes(rd, v, toks[oi])
			// 两三百块钱: a number the segmenter left in single numerals is
			// one number, counted once
			if prev := toks[oi-1]; oi-1 > vi && prev.j == toks[oi].i && g > 0 && numeralAt(prev.t, true) && numeralAt(toks[oi].t, false) {
				g--
			}
			g = p.countedGap(s, toks[oi].i, toks[oi].j, g)
			gap += g
		}
		gap = 0
		for oi := vi - 1; !found && oi >= 0 && gap <= 8; oi-- {
			// (烟花算不算燃放: a thing said before a word
			// asking what it counts as is measured by the verb after, not
			// its object)
			if p.hasAny(s[toks[oi].j:v.i], p.g.CountsAsBetween) {
				break
			}
			if f := match(oi); f != nil {
				if !p.made[toks[oi].t] {
					take(oi, f)
					found = true
					break
				}
				if made < 0 && rd.clause(toks[oi].i) == rd.clause(v.i) {
					made, madeF = oi, f
				}
			}
			gap += utf8.RuneCountInString(toks[oi].t)
		}
		// only what the act makes was said near the verb: what it acts on
		// may be said earlier in the verb's clause, past a place (旧木板想在
		// 工地边上一把火烧了), when the verb follows the made thing — one
		// of its frames' or not (落叶…堆在空坪里一把火烧掉: 烧掉 takes no 火)
		madeBefore := vi > 0 && (made >= 0 && made == vi-1 || made < 0 && p.made[toks[vi-1].t] && rd.clause(toks[vi-1].i) == rd.clause(v.i))
		if !found && madeBefore {
			for oi := vi - 2; oi >= 0 && rd.clause(toks[oi].i) == rd.clause(v.i); oi-- {
				if f := match(oi); f != nil && !p.made[toks[oi].t] {
					take(oi, f)
					found = true
					break
				}
			}
		}
		// or the call's topic, said in a clause before the verb's, the
		// nearest first (田坎上的草好深哒，后日想一把火烧掉; 早稻割完了，
		// 稻草铺得到处都是，想一把火点了: the straw, not the harvest)
		for c := rd.clause(v.i) - 1; !found && made >= 0 && c >= 0; c-- {
			if oi, f := p.topicObject(rd, toks, fs, usedObj, c, v.i); f != nil {
				take(oi, f)
				found = true
			}
		}
		if !found && made >= 0 {
			take(made, madeF)
			found = true
		}
		if !found {
			if f, ob := p.objectSaidBefore(rd, v.i, v.j, fs, sc.verbs); f != nil {
				rd.acts = append(rd.acts, hit{i: v.i, j: v.j, w: word{activity: f.activity}, clause: rd.clause(v.i), words: v.t, obj: ob})
				found = true
			}
		}
		if !found {
			sc.verbs = append(sc.verbs, hit{i: v.i, j: v.j, clause: rd.clause(v.i), words: v.t, w: word{verb: true}})
		}
	}
	// the bare verbs, gathered in the scratch space: one allocation of the
	// size needed, not one for each doubling (a hit is large)
	rd.verbs = append(rd.verbs, sc.verbs...)
	p.topics(rd)
	for _, h := range rd.acts {
		if h.w.activity != nil && h.obj != "" && h.wj > 0 && h.wi < h.i {
			p.topicOption(rd, h.wi, h.obj, h.j)
		}
	}
	// 装修垃圾堆在门口: an act no rule covers (装修) said inside the object
	// of one a rule covers yields to it — in the act's clause, or inside
	// the object itself when the act's verb is said after a pause
	// (装修垃圾不扔垃圾桶 也不乱倒: the 装修 is the waste's).
	kept := rd.acts[:0]
	for _, h := range rd.acts {
		drop := false
		if h.w.activity == nil {
			for _, o := range rd.acts {
				if o.w.activity != nil && (o.clause == h.clause && h.i < o.objEnd() && h.j > o.objStart() || o.inObject(s, h.i, h.j)) {
					drop = true
				}
			}
		}
		if !drop {
			kept = append(kept, h)
		}
	}
	rd.acts = kept
	sort.SliceStable(rd.acts, func(a, b int) bool { return rd.acts[a].i < rd.acts[b].i })
}

// soundFramePhrases adds to the homophone pass each frame's verb said
// right before one of its objects (稍田埂 is 烧田埂, 到瓷砖 倒瓷砖, 处莉砖头
// 处理砖头): a one-character verb or object typed wrong is otherwise no
// word the pass knows. Only phrases of three characters or more (two
// sound like everyday speech too often), and only a sound that names one
// activity and no word added before: a slip that could be either of two
// acts is left as typed, never heard as the one a rule treats otherwise.
func (p *parser) soundFramePhrases(py *zh.Pinyin) {
	var b []byte
	key := func(w string) string {
		var buf [6]uint16
		b = b[:0]
		for _, r := range w {
			rs := py.AppendSyllables(buf[:0], r)
			if len(rs) == 0 {
				return ""
			}
			b = append(strconv.AppendUint(b, uint64(rs[0]), 10), '.')
		}
		return string(b)
	}
	// a phrase's key is its verb's and its object's, each made once: a
	// verb is said with every object of its frame ("" for a word with a
	// character that has no reading, and for the empty word)
	keyOf := make(map[string]string, p.frameWordCount()/2)
	wordKey := func(w string) string {
		k, ok := keyOf[w]
		if !ok {
			k = key(w)
			keyOf[w] = k
		}
		return k
	}
	// a sound's phrase is the first in byte order of those that sound
	// alike; mixed when they name two activities
	type phrase struct {
		w     string
		act   *rules.Activity
		mixed bool
	}
	n := 0
	for _, f := range p.frames {
		if f.activity != nil && len(f.with) == 0 {
			n += len(f.verbs) * len(f.objects)
		}
	}
	byKey := make(map[string]phrase, n)
	order := make([]string, 0, n)
	var k []byte
	for _, f := range p.frames {
		// a frame that needs a word said with it (乱倒渣土's 乱) is not its
		// act by the phrase alone: the phrase is heard for the frames that
		// need none, and the parser reads the with-word as before
		if f.activity == nil || len(f.with) > 0 {
			continue
		}
		objs := keys(f.objects) // (sorted once a frame, not once a verb)
		for _, v := range keys(f.verbs) {
			for _, o := range objs {
				if utf8.RuneCountInString(v)+utf8.RuneCountInString(o) < 3 {
					continue
				}
				kv, ko := wordKey(v), wordKey(o)
				if v != "" && kv == "" || o != "" && ko == "" {
					continue // a character without a reading
				}
				// (the key is looked up without making a string of it:
				// most pairs' sounds are already known)
				k = append(append(k[:0], kv...), ko...)
				if ph, ok := byKey[string(k)]; ok {
					ph.mixed = ph.mixed || ph.act != f.activity
					if w := v + o; w < ph.w {
						ph.w = w
					}
					byKey[string(k)] = ph
					continue
				}
				ks := string(k)
				order = append(order, ks)
				byKey[ks] = phrase{w: v + o, act: f.activity}
			}
		}
	}
	slices.Sort(order)
	p.framePhrases = make(map[string]bool, len(order))
	for _, k := range order {
		ph := byKey[k]
		if ph.mixed || p.sound.has(ph.w) {
			continue
		}
		p.sound.add(ph.w)
		p.framePhrases[ph.w] = true
	}
}

// soundLongVerbs adds to the homophone pass each frame's verb of four
// characters or more (混在一起堆, 混堆在一起), said alone: a verb that long
// is no everyday speech, and hearing it only gives back the frame's own
// verb, whose object and with-words the parser still reads as written
// (混在颐起堆碎砖 is 混在一起堆碎砖; a frame that needs a with-word has
// no phrase in soundFramePhrases). Added after the phrases, so a phrase
// that sounds alike is heard first.
func (p *parser) soundLongVerbs() {
	const minRunes = 4
	for _, f := range p.frames {
		if f.activity == nil {
			continue
		}
		for _, v := range keys(f.verbs) {
			if utf8.RuneCountInString(v) >= minRunes && !p.sound.has(v) {
				p.sound.add(v)
			}
		}
	}
}

// frameWordsDistinct counts the frames' distinct verbs and objects, and
// their characters.
func (p *parser) frameWordsDistinct() (words, runes int) {
	seen := make(map[string]bool, len(p.frames)*4)
	for _, f := range p.frames {
		for _, m := range []map[string]bool{f.verbs, f.objects} {
			for w := range m {
				if !seen[w] {
					seen[w] = true
					runes += utf8.RuneCountInString(w)
				}
			}
		}
	}
	return len(seen), runes
}

// frameWordCount counts the characters of the frames' verbs and objects.
func (p *parser) frameWordCount() int {
	n := 0
	for _, f := range p.frames {
		for _, m := range []map[string]bool{f.verbs, f.objects} {
			for w := range m {
				n += utf8.RuneCountInString(w)
			}
		}
	}
	return n
}

// waysOfListed returns, when bytes i..j are exactly an act's listed word
// and nothing else's, that hit's index and the frames of fs that are ways
// of that act (参保 and the frame of paying in two places); -1 otherwise.
func (p *parser) waysOfListed(rd *reading, fs []*frame, i, j int) (int, []*frame) {
	at := -1
	for k, h := range rd.acts {
		if i < h.j && j > h.i {
			if h.i != i || h.j != j || h.w.activity == nil || at >= 0 {
				return -1, nil
			}
			at = k
		}
	}
	if at < 0 {
		return -1, nil
	}
	var ways []*frame
	for _, f := range fs {
		if f.activity != nil && slices.Contains(p.manners[rd.acts[at].w.activity.ID], f.activity) {
			ways = append(ways, f)
		}
	}
	if len(ways) == 0 {
		return -1, nil
	}
	return at, ways
}

// topics pairs an object said as the topic of a clause with a verb of its
// frames said later in that clause or the next of its sentence with no
// object of its own: 离林子边三十米的田埂 要等到几时才准烧, 规划区里
// 装修垃圾在自家门口马路边堆了一个礼拜了. The topic is first in its clause
// after only the fact phrases, days and distances said there (and a 的
// after them); an object said anywhere else is not taken across words.
func (p *parser) topics(rd *reading) {
	s := rd.text
	for cs := 0; cs < len(s); cs++ {
		if cs > 0 && rd.clause(cs) == rd.clause(cs-1) {
			continue
		}
		k := p.topicStart(rd, cs)
		n := p.objects.longestLen(s[k:])
		described := false
		if n == 0 {
			k, n = p.describedTopic(rd, k)
			described = n > 0
		}
		if n == 0 {
			k, n = p.namedTopic(rd, k)
		}
		if n == 0 || rd.inCovered(k, k+n) || p.inFact(rd, k+n) || p.made[s[k:k+n]] || p.objectTakenSaid(rd, k, k+n) {
			continue // (火 is what an act makes, never a topic)
		}
		o := s[k : k+n]
		// (装修垃圾三袋，堆在路边; 建筑垃圾两三车，倒在…: how much of it, said
		// right after it, is the topic's own, and the verb is sought past it)
		from := k + n
		from += p.measureLen(s[from:])
		// (瓷砖碎片算不算建筑垃圾，倒在路边行不行: a topic the rest of its
		// clause only measures by a notice's word is the thing the next
		// clause's verb is done to)
		next := 0
		if from < len(s) && p.startsWithAny(s[from:], p.g.CountsAsBetween) {
			next = rd.clauseEnd(from, rd.clause(from))
		} else if described {
			continue
		}
		if p.pairTopic(rd, k, o, from, next) || described {
			continue
		}
		// (三轮车装修垃圾，倒在城里路边: the first thing named only says
		// whose or which; the thing that ends the clause is the topic)
		if k, n := p.namedTopic(rd, k+n); n > 0 && !rd.inCovered(k, k+n) && !p.made[s[k:k+n]] && !p.objectTakenSaid(rd, k, k+n) {
			p.pairTopic(rd, k, s[k:k+n], k+n+p.measureLen(s[k+n:]), 0)
		}
	}
}

// pairTopic pairs the topic o at byte k with the first verb of its frames
// said from byte from (or, failing that, from next when next > 0), and
// reports whether it did.
func (p *parser) pairTopic(rd *reading, k int, o string, from, next int) bool {
	s := rd.text
	for _, f := range p.byObj[o] {
		if f.activity == nil {
			continue
		}
		vi, vj := p.laterVerbOf(rd, f, from)
		if vj == 0 && next > 0 && next < len(s) {
			vi, vj = p.laterVerbOf(rd, f, next)
		}
		// a frame's with-words hold for a topic as for an object (老房子
		// 拆了 is no dry demolition unless 不洒水 is said)
		if vj > 0 && p.withEither(rd, f, vi, k) {
			rd.acts = append(rd.acts, hit{i: vi, j: vj, w: word{activity: f.activity, act: actName(f, s[vi:vj], o)},
				clause: rd.clause(vi), words: o + "…" + s[vi:vj], wi: k, wj: vj, obj: o})
			rd.verbs = slices.DeleteFunc(rd.verbs, func(h hit) bool { return h.i == vi })
			return true
		}
	}
	return false
}

// maxDescribing is how long a description said before a topic may be
// (装修敲下来的瓷砖碎片, 拆旧房子拆下来的砖头瓦片).
const maxDescribing = 10

// describedTopic is the topic said after a description that ends in 的 at
// the clause's start (装修敲下来的瓷砖碎片算不算建筑垃圾，倒在…): the thing
// described is the clause's topic as a bare one is, when the clause goes
// on to ask what it counts as. k is the clause's topic start; k, 0 when
// no object follows such a 的.
func (p *parser) describedTopic(rd *reading, k int) (int, int) {
	s := rd.text
	for i := range rd.describing(k) {
		if strings.HasPrefix(s[i:], "的") && i > k {
			j := i + len("的")
			if m := p.objects.longestLen(s[j:]); m > 0 {
				return j, m
			}
			return k, 0
		}
	}
	return k, 0
}

// describing yields the bytes where the first maxDescribing+1 characters
// of byte k's clause from k start: where a topic said after a few words
// describing or naming it may start.
func (rd *reading) describing(k int) iter.Seq[int] {
	return func(yield func(int) bool) {
		s := rd.text
		if k >= len(s) {
			return
		}
		c := rd.clause(k)
		for i, n := k, 0; i < len(s) && rd.clause(i) == c && n <= maxDescribing; n++ {
			if !yield(i) {
				return
			}
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
		}
	}
}

// namedTopic is the object that ends its clause within a few words from
// byte k that only name it (三轮车装修垃圾，倒在城里路边: past the tricycle,
// the waste); k, 0 when there is none, or when the words before it do or
// deny something (卖汤圆，摆个摊; 周围冇得东西，烧不起来) or ask what it
// counts as (旧柜子算不算建筑垃圾, whose verb the counting reading pairs).
func (p *parser) namedTopic(rd *reading, k int) (int, int) {
	s := rd.text
	for i := range rd.describing(k) {
		if m := p.objects.longestLen(s[i:]); m > 0 && rd.endsClause(i+m+p.measureLen(s[i+m:]), rd.clause(k)) {
			if rd.inAct(k, i) || rd.verbIn(k, i) || p.hasAny(s[k:i], p.g.Negators) || p.hasAny(s[k:i], p.g.CountsAsBetween) {
				return k, 0
			}
			return i, m
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); clauseBreak(r) {
			break
		}
	}
	return k, 0
}

// verbIn reports whether a bare verb was read inside bytes i..j.
func (rd *reading) verbIn(i, j int) bool {
	return slices.ContainsFunc(rd.verbs, func(h hit) bool { return i < h.j && j > h.i })
}

// endsClause reports whether byte i, past spaces, ends clause c.
func (rd *reading) endsClause(i, c int) bool {
	s := rd.text
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return rd.clause(i) != c || clauseBreak(r)
		}
		i += w
	}
	return true
}

// topicOption pairs the object o said before its verb (at byte k) with the
// verb of a choice's other option, said after an alternative word in the
// clause of the verb that took it (城区装修的渣土，是拉到消纳场还是直接倒到河边; 装修垃圾是
// 直接拉到物业指定的点还是在家门口路边堆两天): each option is the topic's
// act, and the call is answered for the one it ends on (actRetracted).
func (p *parser) topicOption(rd *reading, k int, o string, from int) {
	s := rd.text
	c := rd.clause(from - 1)
	end := from
	for end < len(s) && rd.clause(end) == c {
		end++
	}
	at := -1
	for _, w := range p.g.Alternatives {
		if x := strings.Index(s[from:end], w); x >= 0 && (at < 0 || from+x < at) {
			at = from + x + len(w)
		}
	}
	if at < 0 || utf8.RuneCountInString(s[from:at]) > maxOption {
		return
	}
	for _, f := range p.byObj[o] {
		if f.activity == nil {
			continue
		}
		if vi, vj := p.laterVerbOf(rd, f, at); vj > 0 && rd.clause(vi) == c && p.withEither(rd, f, vi, k) {
			rd.acts = append(rd.acts, hit{i: vi, j: vj, w: word{activity: f.activity, act: actName(f, s[vi:vj], o)},
				clause: c, words: o + "…" + s[vi:vj], wi: k, wj: vj, obj: o})
			rd.verbs = slices.DeleteFunc(rd.verbs, func(h hit) bool { return h.i == vi })
			return
		}
	}
}

// objectTakenSaid reports whether bytes i..j are inside what an act found
// took that is not denied: a topic taken by a denied act is still the
// topic of a later verb of another frame (装修垃圾不乱倒 只堆在物业指定的地方
// piles the waste; the 停 of 摩托车没停在消防通道上 停在车位里 is the
// denied act's own frame's, which laterVerbOf leaves).
func (p *parser) objectTakenSaid(rd *reading, i, j int) bool {
	for _, h := range rd.acts {
		if h.w.activity != nil && i < h.objEnd() && j > h.objStart() && !p.negated(rd, h.i, true) {
			return true
		}
	}
	return false
}

// topicStart is the first byte of the clause starting at cs past its
// opening spaces and stops and the facts, days and distances read there,
// with a 的 after them.
func (p *parser) topicStart(rd *reading, cs int) int {
	s, c := rd.text, rd.clause(cs)
	k := cs
	for k < len(s) && rd.clause(k) == c {
		r, n := utf8.DecodeRuneInString(s[k:])
		if unicode.IsSpace(r) || clauseBreak(r) {
			k += n
			continue
		}
		j := k
		for j < len(s) && rd.used[j] {
			j++
		}
		for _, f := range rd.facts {
			if f.i == k {
				j = max(j, f.j)
			}
		}
		if j == k {
			// (就两袋装修垃圾, 那一车渣土: how little or how much of it,
			// said before it, is no word of its own)
			j = k + p.longestPrefix(s[k:], p.g.Only)
			j += p.measureLen(s[j:])
		}
		if j == k || rd.clause(j-1) != c {
			break
		}
		k = j
		if strings.HasPrefix(s[k:], "的") { // 三十米的田埂
			k += len("的")
		}
	}
	return k
}

// countedMeasure reports whether the complement s[i:j] is a measure: said
// after a numeral or a demonstrative (一大堆, 两车, 那堆纸箱子), and not
// followed by a count of its own (那点几根香: a measure counts a thing, not
// another count — 点 is the verb).
func (p *parser) countedMeasure(s string, i, j int) bool {
	return p.isComplement(s[i:j]) && p.endsWithAny(s[:i], p.g.MeasuresAfter) && p.measureLen(s[j:]) == 0
}

// measureLen is the length of the measure s starts with: numerals or
// demonstratives (measures_after: 一小, 两, 这, 那一) then a classifier
// (车, 袋, 堆); 0 when s starts with none.
func (p *parser) measureLen(s string) int {
	k := 0
	for k < len(s) {
		if n := p.longestPrefix(s[k:], p.g.MeasuresAfter); n > 0 {
			k += n
			continue
		}
		if r, n := utf8.DecodeRuneInString(s[k:]); isNumeralRune(r) {
			k += n
			continue
		}
		break
	}
	if k == 0 {
		return 0
	}
	if n := p.longestPrefix(s[k:], p.g.Classifiers); n > 0 {
		return k + n
	}
	return 0
}

// maxClauseRunes is how far a clause is searched for a word said later in
// it: longer than any clause a caller says between pauses, short enough
// that a long run with no pause costs no search from every word in it.
const maxClauseRunes = 24

// laterVerbOf is the first verb of frame f after byte from, in from's
// clause or the next of its sentence, when no act has taken it, it is in
// no fact phrase (摘完了) and has no object of its own after it; 0, 0 for
// none. The topic is the first verb's only: 摩托车没停在消防通道上 停在
// 划好的车位里 gives the second 停 no topic.
func (p *parser) laterVerbOf(rd *reading, f *frame, from int) (int, int) {
	s := rd.text
	for i, n := from, 0; i < len(s) && n < 2*maxClauseRunes && rd.clause(i) <= rd.clause(from)+1 && sameSentence(rd, from, i); n++ {
		// the longest verb said there (堆在, not 堆): f.verbs is a map,
		// and the first found must not depend on its order
		v := ""
		for w := range f.verbs {
			if len(w) > len(v) && strings.HasPrefix(s[i:], w) {
				v = w
			}
		}
		if v != "" {
			j := i + len(v)
			// (物业指定的堆放点 放起: a verb inside a place said before it,
			// 堆放 of 堆放点, is that place's noun; the verb is later)
			if e := factAround(rd, i, j); e > 0 {
				i = e
				continue
			}
			if rd.inAct(i, j) || !rd.free(i, j) || p.inFact(rd, i+1) || p.objects.longestLen(s[j:]) > 0 {
				return 0, 0
			}
			// (倒掉, 烧掉: the complement is the verb's, not left unheard)
			if r, n := decodeRune(s[j:]); n > 0 && p.isComplement(string(r)) && rd.free(j, j+n) {
				j += n
			}
			return i, j
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return 0, 0
}

// factAround is the end of the fact phrase read that begins before the
// word at bytes i..j and runs on past it (堆放 of 社区指定的堆放点), 0 for
// none: a fact that ends with the word (偷偷倒) leaves it a verb.
func factAround(rd *reading, i, j int) int {
	for _, f := range rd.facts {
		if f.i < i && j < f.j {
			return f.j
		}
	}
	return 0
}

// isComplement reports whether t is one of the grammar's complements
// (p.complements), looked up only when it starts with one's first
// character (always, when plain).
func (p *parser) isComplement(t string) bool {
	if r, _ := decodeRune(t); !p.plain && !p.complFirst.mayHave(r) {
		return false
	}
	return p.complements[t]
}

// describes reports whether the words between a verb and its object
// after it make the verb a clause describing the object: 的, after at
// most aspect particles and complements (砍了的, 砍掉的).
func (p *parser) describes(between string) bool {
	t, ok := strings.CutSuffix(between, "的")
	if !ok {
		return false
	}
	for _, r := range t {
		if c := string(r); !slices.Contains(p.g.Aspect, c) && !p.isComplement(c) {
			return false
		}
	}
	return true
}

// verbOpensFact is the length of the frame's verb a fact phrase t opens
// with when a complement follows it (摘 of 摘完了), or 0: t as a whole is
// no verb, and the segmenter, whose dictionary holds the fact phrases,
// would otherwise hide the verb inside it.
func (p *parser) verbOpensFact(t string) int {
	if r, n := decodeRune(t); n == len(t) || !p.plain && !p.verbStarts.mayHave(r) || len(p.framesOfVerb(t)) > 0 {
		return 0 // (most tokens start no verb)
	}
	if _, n := p.facts.longest(t); n != len(t) {
		return 0
	}
	for k := len(t) - 1; k > 0; k-- {
		if !utf8.RuneStart(t[k]) || len(p.framesOfVerb(t[:k])) == 0 {
			continue
		}
		if r, n := decodeRune(t[k:]); n > 0 && p.isComplement(string(r)) {
			return k
		}
	}
	return 0
}

// framesOfVerb are the frames whose verb t is (p.byVerb), looked up only
// when t starts with a verb's first character (always, when plain).
func (p *parser) framesOfVerb(t string) []*frame {
	if r, _ := decodeRune(t); !p.plain && !p.verbStarts.mayHave(r) {
		return nil
	}
	return p.scanByVerb[t]
}

// mayBeObject reports whether t may be an object of a frame: false when
// it starts with no object's first character (never, when plain).
func (p *parser) mayBeObject(t string) bool {
	r, _ := decodeRune(t)
	return p.plain || p.objStarts.mayHave(r)
}

// objectSuffix is where, in t, the longest frame object it ends with
// starts, when all before it is one word heard as no act's (我家寒露籽:
// 我家); 0 when there is none.
func (p *parser) objectSuffix(t string) int {
	_, k := decodeRune(t)
	for k < len(t) {
		found := false
		p.objects.each(t[k:], func(w string) { found = found || len(w) == len(t)-k })
		// (what comes before is a word of who holds it, 我家, 自家: 灵房子
		// is no 房子)
		if found && p.filler.longestLen(t[:k]) == k {
			return k
		}
		_, n := decodeRune(t[k:])
		k += n
	}
	return 0
}

// frameTok is a word of a frame's window: bytes i..j of the text.
type frameTok struct {
	i, j int
	t    string
	// word: a word of the segmenter's dictionary, or may be a frame's
	// verb or object; false for a character no word starts with
	word bool
}

// frameScratch is scanFrames' work space, kept in a pool between calls.
type frameScratch struct {
	toks  []frameTok
	seg   segBuf
	used  map[int]bool
	verbs []hit
}

var frameScratchPool = sync.Pool{New: func() any { return &frameScratch{used: map[int]bool{}} }}

// put returns the space to the pool, holding no text.
func (sc *frameScratch) put() {
	clear(sc.toks)
	sc.toks = sc.toks[:0]
	clear(sc.verbs)
	sc.verbs = sc.verbs[:0]
	clear(sc.used)
	frameScratchPool.Put(sc)
}

// withOutsideDistance reports whether one of words is said in
// rd.text[lo:hi] outside a distance phrase: the landmark a distance is
// measured from (离坟山五六十米烧纸钱) is not where the act is.
func (p *parser) withOutsideDistance(rd *reading, lo, hi int, words []string) bool {
	for _, w := range words {
		for from := lo; from < hi; {
			k := strings.Index(rd.text[from:hi], w)
			if k < 0 {
				break
			}
			k += from
			if !slices.ContainsFunc(rd.facts, func(f hit) bool {
				return f.i <= k && k+len(w) <= f.j && len(f.w.facts) > 0 && f.w.facts[0].Fact == p.voc.Distance.Fact
			}) {
				return true
			}
			from = k + len(w)
		}
	}
	return false
}

// withSaid reports whether the clause of byte i says one of frame f's
// with-words, or f has none. A clause parted from its neighbour by a space
// only is one sentence with it, as a verb and its object may be
// (装修垃圾 丢垃圾桶, typed with a space for the pause).
func (p *parser) withSaid(rd *reading, f *frame, i int) bool {
	if len(f.with) == 0 {
		return true
	}
	c := rd.clause(i)
	lo, hi := rd.clauseStart(i, c), rd.clauseEnd(i, c)
	if lo > 0 && (rd.text[lo] == ' ' || rd.text[lo-1] == ' ') {
		for lo > 0 && rd.clause(lo-1) >= c-1 {
			lo--
		}
	}
	if hi < len(rd.text) && (f.withNext || rd.text[hi] == ' ' || rd.text[hi-1] == ' ') {
		next := c + 1
		// (拆旧房子洒么子水，灰又不大，不洒水总可以吧: a clause of no act and
		// no fact, a remark between, does not part the act from its way
		// said after — one that says a fact is a case of its own: 以前单位交
		// 的职工医保，断保60天了，现在交居民医保)
		inNext := func(h hit) bool { return h.clause == next }
		if f.withNext && !slices.ContainsFunc(rd.acts, inNext) && !slices.ContainsFunc(rd.facts, inNext) {
			next++
		}
		for hi < len(rd.text) && rd.clause(hi) <= next {
			hi++
		}
	}
	if f.withBefore {
		lo = 0
	}
	if p.withOutsideDistance(rd, lo, hi, f.with) {
		return true
	}
	// a topic said before in short clauses of its own, with no act of a
	// rule in them (装修垃圾，直接丢楼下的垃圾桶里; 装修垃圾,能不能,直接丢进
	// 小区的垃圾桶): the thing the verb is done to, as a topic is for a bare
	// verb (topics)
	for n := 0; n < withTopicClauses && lo > 0; n++ {
		pc := rd.clause(lo - 1)
		plo := rd.clauseStart(lo-1, pc)
		t := rd.text[plo:lo]
		// (an act inside the with-word that ends the clause, 拉渣土 of 拉渣土的
		// 车, only names the topic: 城里那些拉渣土的车，车牌子上糊满了泥巴 is the
		// muck truck's plate)
		if n == 0 && p.endsWithOwnActs(rd, pc, plo, strings.TrimRightFunc(t, clauseBreakOrSpace), f.with) {
			return true
		}
		if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == pc && h.w.activity != nil }) {
			break
		}
		// (冇得物业的老宿舍楼装修，垃圾堆到…: a clause however long that
		// ends with the with-word is its topic, said right before)
		if n == 0 && p.hasSuffixAny(strings.TrimRightFunc(t, clauseBreakOrSpace), f.with) {
			return true
		}
		// (城管来了两个人要收我的菜，我推了他一把: nor one however long that
		// opens with it, the one the clause tells of, right before)
		if n == 0 && p.startsWithAny(strings.TrimLeftFunc(t, clauseBreakOrSpace), f.with) {
			return true
		}
		if utf8.RuneCountInString(t) > withTopicRunes {
			break
		}
		if p.hasAny(t, f.with) {
			return true
		}
		lo = plo
	}
	// a long call tells what the verb is done to in the story's clauses
	// before it, however long (…拆下来的瓷砖和水泥块不多，就两三袋。楼下就
	// 有个生活垃圾桶，我想…丢到垃圾桶里去): a few clauses back, none of them
	// an act of a rule's
	lo = rd.clauseStart(i, c)
	for n := 0; n < withStoryClauses && lo > 0; n++ {
		pc := rd.clause(lo - 1)
		plo := rd.clauseStart(lo-1, pc)
		if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == pc && h.w.activity != nil }) {
			break
		}
		if p.hasAny(rd.text[plo:lo], f.with) {
			return true
		}
		lo = plo
	}
	return false
}

// endsWithOwnActs reports whether clause text t (starting at byte lo of the
// call, clause pc) ends with one of words and every act of a rule said in it
// lies inside that word: the clause names a thing by what is done with it
// (拉渣土的车), no act of its own.
func (p *parser) endsWithOwnActs(rd *reading, pc int, lo int, t string, words []string) bool {
	for _, w := range words {
		if !strings.HasSuffix(t, w) {
			continue
		}
		wi, wj := lo+len(t)-len(w), lo+len(t)
		if !slices.ContainsFunc(rd.acts, func(h hit) bool {
			return h.clause == pc && h.w.activity != nil && (h.i < wi || h.j > wj)
		}) {
			return true
		}
	}
	return false
}

// withTopicClauses and withTopicRunes bound a topic said in clauses of its own
// before a verb's (装修垃圾,能不能,直接丢进…): two clauses back, each short.
const (
	withTopicClauses = 2
	withTopicRunes   = 10
	withStoryClauses = 4
)

// withEither reports whether frame f's with-words are said in the clause of
// its verb (byte v) or of its object (byte o), said apart: every way a verb
// finds its object holds them, as the verb–object search does (渣土拉到路边
// 倒了 is no emergency's discharge unless 抢险 is said).
func (p *parser) withEither(rd *reading, f *frame, v, o int) bool {
	return p.withSaid(rd, f, v) || p.withSaid(rd, f, o)
}

// madePrefix is the length of an object that names what an act makes (火)
// at the start of t when the rest of t is a frame's verb (火烧), else 0.
func (p *parser) madePrefix(t string) int {
	for _, m := range p.g.Made {
		if rest, ok := strings.CutPrefix(t, m); ok && p.verbSet[rest] {
			return len(m)
		}
	}
	return 0
}

// bareAfterMade is the bare verb of the verb token vi when it says a
// complement after it (烧掉) right after what an act makes said after a
// measure word (一把火烧掉, cut 火/烧掉), or "": the verb is then read as
// its bare verb, as when the cut is 火烧/掉 and madePrefix parts 火烧 —
// 烧 takes 火, and the straw or bank grass burned with it, which 烧掉's
// own frames may not. Which of the two cuts of the same words' lengths
// the segmenter keeps is no reason to read the act otherwise.
func (p *parser) bareAfterMade(toks []frameTok, vi int) string {
	if vi < 2 {
		return ""
	}
	v, m, w := toks[vi], toks[vi-1], toks[vi-2]
	if m.j != v.i || w.j != m.i || !p.made[m.t] || !p.isComplement(w.t) {
		return ""
	}
	for _, c := range p.g.Complements {
		if stem, ok := strings.CutSuffix(v.t, c); ok && stem != "" && p.verbSet[stem] {
			return stem
		}
	}
	return ""
}

// verbWindows are the byte ranges of s around each character that starts
// a frame's verb with a character that may start one of its objects
// nearby, merged where they overlap.
func (p *parser) verbWindows(s string) [][2]int {
	var out [][2]int
	topic, _ := utf8.DecodeRuneInString(s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !p.verbStarts.mayHave(r) {
			i += n
			continue
		}
		objs := p.verbFirst[r]
		if objs == nil {
			i += n
			continue
		}
		sole := p.soleFirst[r]
		// (a digit is not counted: a day said between the object and the
		// verb, 寒露籽10月8日可以摘, is a few characters of speech)
		lo := i
		for k := 0; k < 8 && lo > 0; {
			r, sz := decodeLastRune(s[:lo])
			lo -= sz
			if r < '0' || r > '9' {
				k++
			}
		}
		// (旧木板想在工地边上一把火烧了: a verb right after what the act
		// makes points back to what it burns, said earlier in its clause
		// past a place — the window reaches the clause's start)
		if p.endsWithAny(s[:i], p.g.Made) {
			for k := 0; k < madeReach && lo > 0; k++ {
				r, sz := decodeLastRune(s[:lo])
				if clauseBreak(r) {
					break
				}
				lo -= sz
			}
		}
		hi := i
		for k := 0; k < 12 && hi < len(s); k++ {
			_, sz := decodeRune(s[hi:])
			hi += sz
		}
		// the object may be the call's topic, said first (田埂离林子四五十米，后日烧得不)
		near := sole || objs[topic]
		if !near {
			oh := p.objFirstHash[r]
			for _, x := range s[lo:hi] {
				if oh.mayHave(x) && objs[x] {
					near = true
					break
				}
			}
		}
		if !near {
			i += n
			continue
		}
		if len(out) > 0 && lo <= out[len(out)-1][1] {
			out[len(out)-1][1] = hi
		} else {
			out = append(out, [2]int{lo, hi})
		}
		i += n
	}
	// The first clause, when short, may be the call's topic: the object
	// of a verb said in a later clause (稻草捆好哒，一把火点了).
	if len(out) > 0 && out[0][0] > 0 {
		for k, n := 0, 0; k < len(s) && n <= topicRunes; n++ {
			r, sz := utf8.DecodeRuneInString(s[k:])
			if clauseBreak(r) || hanSpace(s, k) { // 油菜秆子晒干了 想…烧成灰
				if k >= out[0][0] {
					out[0][0] = 0
				} else {
					out = append([][2]int{{0, k}}, out...)
				}
				break
			}
			k += sz
		}
	}
	return out
}

// topicRunes is the longest first clause read as the call's topic.
const topicRunes = 16

// madeReach is how far back in its clause a verb said right after what the
// act makes (一把火烧了) looks for what it acts on.
const madeReach = 24

func actName(f *frame, v, o string) string {
	if f.activity != nil {
		return ""
	}
	return v + o
}

// topicObject finds, in clause c, the first object of one of the frames fs
// not taken by another act, not inside a covered phrase and not a thing the
// act makes, whose frame's words to be said with are said with the verb at
// byte vi: what a fire made later in the call burns (稻草…一把火点了; 荒地上
// 的茅草…一把火烧了 is no ridge's grass, 田埂 unsaid).
func (p *parser) topicObject(rd *reading, toks []frameTok, fs []*frame, usedObj map[int]bool, c, vi int) (int, *frame) {
	for oi, o := range toks {
		if rd.clause(o.i) != c || usedObj[oi] || rd.inCovered(o.i, o.j) || p.made[o.t] {
			continue
		}
		for _, f := range fs {
			if f.objects[o.t] && p.withSaid(rd, f, vi) {
				return oi, f
			}
		}
	}
	return -1, nil
}

// objectSaidBefore finds the object a verb at i..j leaves out (摆摊卖烟花，
// 晚上在山脚放几个; 带点鞭炮，到了就放): the verb counts it (几个, 一挂), ends
// with a complement (烧掉, 烧一下) or says nothing after it in its clause
// right after a word that puts it next or says it may (就放, 能放), and an earlier clause of its
// sentence (two clauses back at most) named, for an act of another
// notice or none, an object of one of the verb's covered frames fs — the thing said once is what
// both acts are done to — or named free, held by a bare verb of bare, the
// call's bare verbs found so far (freeObject). The frame and the object
// ending nearest before the verb's clause (the longest there), or nil.
func (p *parser) objectSaidBefore(rd *reading, i, j int, fs []*frame, bare []hit) (*frame, string) {
	c := rd.clause(i)
	if c <= 0 {
		return nil, ""
	}
	cs, end := rd.clauseStart(i, c), rd.clauseEnd(j, c)
	if j > end {
		return nil, ""
	}
	rest := strings.TrimSpace(rd.text[j:end])
	// (烧掉, 烧一下: a complement, counted or not, says the verb's end)
	counted := p.startsWithAny(rest, p.g.Complements) || utf8.RuneCountInString(rd.text[i:j]) > 1 && p.endsWithAny(rd.text[i:j], p.g.Complements)
	// (倒了一些到河里: 了 before the count)
	for _, m := range p.g.MeasuresAfter {
		if r, ok := strings.CutPrefix(strings.TrimPrefix(rest, p.g.DoneParticle), m); ok && (p.startsWithAny(r, p.g.Classifiers) || p.startsWithAny(r, p.g.Complements)) {
			counted = true
		}
	}
	// (还有些倒在绿化带里, 多的倒到河边: where the thing ended up ends the
	// verb as a complement does)
	if p.placeAfter(rd, j, end) {
		counted = true
	}
	// (卖不完的在门口放了, 送到指定地点，在那烧了: 了 closing the clause
	// ends the verb as a complement does)
	// (…倒在村口空地上行不行？烧了呢: or 了 and the particle asking the same)
	// (烧了当肥: or 了 and what the thing is then used as)
	if r, ok := strings.CutPrefix(rest, p.g.DoneParticle); ok && (r == "" || p.startsWithAny(r, p.g.Asking) || p.startsWithAny(r, p.g.Ellipsis) || p.startsWithAny(r, p.g.UsedAs)) {
		counted = true
	}
	if !counted && rest != "" && !p.startsWithAny(rest, p.g.Asking) {
		return nil, ""
	}
	// said with nothing after it, the verb follows a word that puts it
	// next (到了就放) or that may (能放): 物业指定点 is no 点 of a fire
	// (摘完放: or right after another verb said finished, the step after it)
	if !counted && !p.endsWithAny(rd.text[cs:i], p.g.ThenStep) && !p.endsWithAny(rd.text[cs:i], p.g.DoneNot) && !p.endsWithAny(rd.text[cs:i], p.g.Finished) {
		return nil, ""
	}
	var best *frame
	bestOb, at := "", -1 // at: where the best object ends
	for _, f := range fs {
		if !p.withSaid(rd, f, i) {
			continue
		}
		for _, ob := range f.byLength {
			k := strings.LastIndex(rd.text[:cs], ob)
			e := k + len(ob)
			// (…帮人拉装修垃圾挣点钱，要办证吗？拉不完的在山边烧了行不: a
			// question between asks of the thing too, the next asks on)
			if k < 0 || e < at || e == at && len(ob) <= len(bestOb) || c-rd.clause(k) > 2 || strings.ContainsAny(rd.text[k:i], "。！!\n") {
				continue
			}
			// named for an act of another notice or none (卖烟花), ending
			// its words (not 医保 of 医保卡丢了) — the same act said again is
			// asked again by the clauses' own reading (…除夕在屋门口放; 别个在
			// 田里烧稻草，我也在田里烧: the verb has a frame of that act), and a
			// later verb in that act's own clause by laterVerb (拉到河边倒了);
			// another act of its notice is what the verb does to the thing
			// next (装修垃圾放到指定点，还有些倒在绿化带里)
			if !slices.ContainsFunc(rd.acts, func(h hit) bool {
				return min(h.i, h.objStart()) <= k && e == objectEnd(h) &&
					(h.w.activity == nil || h.clause != c && !slices.ContainsFunc(fs, func(g *frame) bool {
						return g.activity == h.w.activity
					}))
			}) && !p.freeObject(rd, k, e, i, bare) {
				continue
			}
			best, bestOb, at = f, ob, e
		}
	}
	if best == nil || best.activity == nil {
		return nil, "" // (电子鞭炮: the longest object there names no covered act)
	}
	return best, bestOb
}

// placeAfter reports whether the words right after a verb ending at j,
// in its clause ending at end, say where its thing ended up: 在 or 到 (At,
// Toward), after 了 and a count (倒了一些到河里), and a place read as a fact
// right after it (倒在绿化带里).
func (p *parser) placeAfter(rd *reading, j, end int) bool {
	x := j
	if strings.HasPrefix(rd.text[x:end], p.g.DoneParticle) {
		x += len(p.g.DoneParticle)
	}
	for _, m := range p.g.MeasuresAfter {
		if r, ok := strings.CutPrefix(rd.text[x:end], m); ok {
			if n := p.longestPrefix(r, p.g.Classifiers); n > 0 {
				x += len(m) + n
			}
			break
		}
	}
	n := p.longestPrefix(rd.text[x:end], p.g.At)
	if n == 0 {
		n = p.longestPrefix(rd.text[x:end], p.g.Toward)
	}
	if n == 0 {
		return false
	}
	return slices.ContainsFunc(rd.facts, func(f hit) bool { return (f.i == x || f.i == x+n) && f.j <= end })
}

// freeObject reports whether the object said at k..e, before a verb at
// i, is said free — in no act's words nor a fact phrase — as the object of
// a bare verb of no frame that takes it, a few characters before it, and
// no other frame's object is said between it and the verb (背篓里带了几挂
// 鞭炮，摘完放: the firecrackers carried are what is let off; a topic said
// with no verb, 这几袋装修垃圾，…倒掉, is read as a topic).
func (p *parser) freeObject(rd *reading, k, e, i int, bare []hit) bool {
	if slices.ContainsFunc(rd.acts, func(h hit) bool { return min(h.i, h.objStart()) < e && k < max(h.j, h.objEnd()) }) ||
		slices.ContainsFunc(rd.facts, func(f hit) bool { return f.i < e && k < f.j }) {
		return false
	}
	// (苞谷秆子晒干了，想在地里烧了: or the topic opening its clause, what
	// its own verb says of it a state — no frame of it takes the thing)
	c := rd.clause(k)
	topic := strings.TrimLeft(rd.text[rd.clauseStart(k, c):k], pauses) == "" && slices.ContainsFunc(bare, func(v hit) bool {
		return v.clause == c && v.i >= e && utf8.RuneCountInString(rd.text[e:v.i]) <= maxHeldGap
	})
	if !topic && !slices.ContainsFunc(bare, func(v hit) bool {
		return v.clause == c && v.j <= k && utf8.RuneCountInString(rd.text[v.j:k]) <= maxHeldGap
	}) {
		return false
	}
	for x := e; x < i; {
		if p.objects.longestLen(rd.text[x:]) > 0 {
			return false
		}
		_, sz := utf8.DecodeRuneInString(rd.text[x:])
		x += sz
	}
	return true
}

// maxHeldGap is the most characters between a bare verb and the object it
// holds (带了几挂鞭炮: 了几挂).
const maxHeldGap = 4

// objectEnd is where act h's object ends as said: before its verb when
// said first (垃圾拉到…), else the end of its words.
func objectEnd(h hit) int {
	if h.obj != "" && h.wj > 0 && h.wi < h.i {
		return h.wi + len(h.obj)
	}
	return max(h.j, h.objEnd())
}

// insideDenial reports whether act h's words lie inside a fact phrase
// that opens with a negator before them (有社保 in 没有社保: the employee
// plan not had, a fact said, is no act of holding it).
func (p *parser) insideDenial(rd *reading, h hit) bool {
	return slices.ContainsFunc(rd.facts, func(f hit) bool {
		return f.i < h.i && h.j <= f.j && p.startsWithAny(rd.text[f.i:h.i], p.g.Negators)
	})
}

// doneBefore reports whether 了 right before act h says it done (交了医保:
// the act's own verb, then 了, then its words). 了 after a word of
// something else (累了生堆火, 天黑了烧纸) closes that, not the act.
func (p *parser) doneBefore(rd *reading, h hit) bool {
	before, ok := strings.CutSuffix(rd.text[:h.i], p.g.DoneParticle)
	if !ok {
		return false
	}
	if h.w.activity == nil {
		return true
	}
	// the verb's last one to three characters (交, 缴纳, 参保缴费's 缴费)
	end := len(before)
	for range 3 {
		_, n := utf8.DecodeLastRuneInString(before[:end])
		if n == 0 {
			break
		}
		end -= n
		if p.verbOf(before[end:], h.w.activity) {
			return true
		}
	}
	return false
}

// thenStep reports whether act h, told finished or done (烧完纸, 烧了纸),
// is a step of a plan: a word of ThenStep follows it in its clause, at
// most a person said between (烧完纸我就去交医保), and neither its clause
// says it was (已经) nor what follows says may (摘完茶籽就可以烧稻草了吧).
// Such a step is asked like the next one — its ban is never lost to it.
func (p *parser) thenStep(rd *reading, h hit) bool {
	if h.clause < 0 || h.w.activity == nil {
		return false
	}
	lo, hi := min(h.i, h.objStart()), max(h.j, h.objEnd())
	st, end := rd.clauseStart(lo, h.clause), rd.clauseEnd(hi, h.clause)
	if hi > end || p.hasAny(rd.text[st:lo], p.g.DoneBefore) {
		return false
	}
	rest := rd.text[hi:end]
	for _, w := range p.g.ThenStep {
		k := strings.Index(rest, w)
		if k < 0 || utf8.RuneCountInString(rest[:k]) > 3 {
			continue
		}
		after := strings.TrimLeft(rest[k+len(w):], " ")
		if after != "" && !p.startsWithAny(after, p.g.DoneNot) && !p.startsWithAny(after, p.g.Asking) {
			return true
		}
	}
	return false
}

// mayAfterDone reports whether act h, said with 了 (done_after), is
// followed in its clause by nothing but words asking may it be done (去摘了
// 行不, 烧了要得不): a plan asked of, not a thing done — unless they ask
// whether it brings trouble (撒了点土要紧不: done_asked).
func (p *parser) mayAfterDone(rd *reading, h hit) bool {
	if h.clause < 0 {
		return false
	}
	end := max(h.j, h.objEnd())
	rest := strings.TrimRight(rd.text[end:rd.clauseEnd(end, h.clause)], pauses)
	for _, w := range p.g.DoneAfter {
		if r, ok := strings.CutPrefix(rest, w); ok && slices.Contains(p.g.Asking, r) && !slices.Contains(p.g.DoneAsked, r) {
			return true
		}
	}
	return false
}
