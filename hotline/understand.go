package hotline

import (
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/rules"
)

// Intent is what a caller wants: a decision on an act, the status of a
// document, a phone number, or several decisions.
type Intent string

// The intents.
const (
	IntentDecision Intent = "decision"
	IntentDocument Intent = "document"
	IntentReport   Intent = "report"
	IntentSeveral  Intent = "several"
)

// understanding is a whole call read: its intent and one query per act
// asked about (none when nothing was understood).
type understanding struct {
	intent  Intent
	queries []*Query
	rd      *reading
	// unanswered counts the acts asked about beyond MaxAnswers: not
	// decided, and said so.
	unanswered int
	// periods are the periods a call asking about them names (IntentWhen),
	// as indexes of the vocabulary's periods.
	periods []int
	// parts are the questions of a call that asks of several documents
	// (祁政发2018年16号还有效吗 祁政通2024年9号呢), or of an act and then a
	// document, each read on its own (IntentSeveral)
	parts []*understanding
	// duty is the index of the vocabulary's duty a call asks about
	// (IntentDuty)
	duty int
	// ownAct: a call asking of a period also states the caller's own
	// act (整改期到几时 我在城里人行道上摆摊): its verdict is said first
	ownAct bool
	// told is the case the caller told allowed before turning to his own
	// (山上烧纸可以，那在屋里烧呢), read on its own: decided, and answered
	// before the turn only when a rule forbids it (Hotline.ask)
	told *Query
}

// locativeAfterNoun reports whether bare verb v is a locative said right
// after a word (手机上, 网上, 镇上): where something is, not the verb 上
// of 上香 — unless the word before it is one that leads a verb (要上,
// 去上, 能上).
func (p *parser) locativeAfterNoun(rd *reading, v hit) bool {
	if v.i == 0 || !slices.Contains(p.g.Locatives, v.words) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(rd.text[:v.i])
	return unicode.Is(unicode.Han, r) && !slices.Contains(p.g.VerbLeads, string(r))
}

// fragmentRunes is the longest call read as a fragment of words with no
// verb (鞭炮 过年 后山, 孔明灯 放得不 山边): a caller's fragment is a few
// words. The days, distances and fact phrases read in it, and its pauses,
// are not counted (鞭炮 屋门口 离山50米 春节 可以不: shorthand states them).
const fragmentRunes = 16

// earlierObject pairs the call's last bare verb with the nearest object
// of its frames said before it in an earlier clause, free of any act or
// fact phrase; ok is false when there is none. One pass over the text
// before the verb, looking words up only where one may start.
func (p *parser) earlierObject(rd *reading) (hit, bool) {
	if len(rd.verbs) == 0 {
		return hit{}, false
	}
	v := rd.verbs[len(rd.verbs)-1]
	fs := p.framesOfHead(v.words)
	if v.neg || v.clause == 0 || len(fs) == 0 {
		return hit{}, false
	}
	s := rd.text
	var best hit
	found := false
	for i := 0; i < v.i && rd.clause(i) < v.clause; {
		r, sz := decodeRune(s[i:])
		if p.objects.first.mayHave(r) && (rd.free(i, i+sz) || p.inLackDenied(rd, i)) && !rd.inAct(i, i+sz) && !slices.ContainsFunc(rd.facts, func(f hit) bool { return f.i <= i && i < f.j }) {
			// (the longest object said there: 建筑垃圾, not the 垃圾 in it;
			// not the kind asked after 算不算: 旧柜子算不算建筑垃圾)
			long := ""
			p.objects.each(s[i:], func(w string) {
				if p.hasSuffixAny(s[:i], p.g.CountsAs) {
					return
				}
				for _, f := range fs {
					if len(w) > len(long) && f.activity != nil && f.objects[w] && p.withEither(rd, f, v.i, 0) {
						long = w
						best, found = hit{i: v.i, j: v.j, clause: v.clause, words: w + "…" + v.words, w: word{activity: f.activity}}, true
					}
				}
			})
			if long != "" {
				i += len(long)
				continue
			}
		}
		i += sz
	}
	return best, found
}

// inLackDenied reports whether byte i lies in the object of an act denied
// only for want of a place (the 拆下来的东西 of 拆下来的东西冇地方放): the
// thing a later clause's bare verb may still take.
func (p *parser) inLackDenied(rd *reading, i int) bool {
	return slices.ContainsFunc(rd.acts, func(h hit) bool {
		return h.neg && h.objStart() <= i && i < h.objEnd() && !(h.i <= i && i < h.j) && p.hasSuffixAny(rd.text[:h.i], p.g.LackPlace)
	})
}

// onlyLackDenied reports whether every act in neg is denied only for want
// of a place (冇地方放: a lack_place word right before its verb) — the
// reason for what the caller does next, which a later bare verb says; true
// for none.
func (p *parser) onlyLackDenied(rd *reading, neg []hit) bool {
	for _, h := range neg {
		if !p.hasSuffixAny(rd.text[:h.i], p.g.LackPlace) {
			return false
		}
	}
	return true
}

// unreadRunes counts the characters of the call that are no pause and
// not read as a day, a time, a distance or a fact phrase, stopping past
// fragmentRunes.
func (p *parser) unreadRunes(rd *reading) int {
	n := 0
	for i, r := range rd.text {
		if n > fragmentRunes {
			break
		}
		if unicode.IsSpace(r) || !rd.free(i, i+utf8.RuneLen(r)) || slices.ContainsFunc(rd.facts, func(f hit) bool { return f.i <= i && i < f.j }) {
			continue
		}
		n++
	}
	return n
}

// MaxAnswers bounds the answers to one call: the acts asked about beyond
// the first MaxAnswers (in the order said) are not decided, and the answer
// says how many were left (a call repeating 白水镇呢 a hundred times would
// otherwise cost a hundred decisions). Callers ask two or three things at
// most.
const MaxAnswers = 5

// understandCall reads a whole call as understand does; a call read as
// one question is then parted at a question mark when it asks two of
// different kinds (questionParts). Only the whole call is parted so: the
// parts other readings make are read by understand.
func (p *parser) understandCall(question string, today calendar.Date) *understanding {
	r := &partReader{p: p, today: today, seen: map[string]*understanding{}, one: map[string]*understanding{}}
	u := r.read(question)
	u.told = p.toldAllowed(u, r)
	return u
}

// toldAllowed is the query of the case the caller knows and tells allowed
// (known_allowed: 山上烧纸可以, 屋里点香不管) before turning to the one he
// asks, read from the call's start to that clause's end; nil when there is
// none, or the call asks of something else than acts.
func (p *parser) toldAllowed(u *understanding, r *partReader) *Query {
	if u.intent != IntentDecision && u.intent != IntentSeveral || len(u.parts) > 0 || u.unanswered > 0 || len(u.queries) >= MaxAnswers {
		return nil
	}
	roles := p.roles(u.rd)
	for c, role := range roles {
		if role != roleKnown {
			continue
		}
		t := clauseText(u.rd, c)
		if !p.hasAny(t, p.g.KnownAllowed) || p.hasAny(t, p.g.Prohibitive) {
			continue
		}
		end := len(u.rd.text)
		for k := range u.rd.text {
			if u.rd.clause(k) > c {
				end = k
				break
			}
		}
		k := r.readOne(u.rd.text[:end])
		if k.intent != IntentDecision || len(k.queries) != 1 || k.queries[0].Activity == "" {
			return nil
		}
		return k.queries[0]
	}
	return nil
}

// partReader reads a call and the words between its question marks, each
// text once: questionParts tries every mark, and a tail read again at each
// made a long call's cost grow beyond its length.
type partReader struct {
	p         *parser
	today     calendar.Date
	seen, one map[string]*understanding // read and parted; read as one
}

// read reads text as understand does, parted at its question marks.
func (r *partReader) read(text string) *understanding {
	if u, ok := r.seen[text]; ok {
		return u
	}
	u := r.readOne(text)
	if u.intent == IntentDecision && u.unanswered == 0 && len(u.parts) == 0 {
		if parts := r.p.choiceParts(text, r); len(parts) > 1 {
			u = &understanding{intent: IntentSeveral, rd: u.rd, parts: parts, queries: []*Query{parts[0].queries[0]}}
		}
	}
	if u.intent != IntentSeveral && u.unanswered == 0 {
		if parts := r.p.questionParts(u.rd, r); len(parts) > 1 {
			u = &understanding{intent: IntentSeveral, rd: u.rd, parts: parts, queries: []*Query{parts[0].queries[0]}}
		}
	}
	r.seen[text] = u
	return u
}

// readOne reads text as understand does.
func (r *partReader) readOne(text string) *understanding {
	if u, ok := r.one[text]; ok {
		return u
	}
	u := r.p.understand(text, r.today)
	r.one[text] = u
	return u
}

// understand reads a call: the acts asked about, with the facts and day
// of each.
func (p *parser) understand(question string, today calendar.Date) *understanding {
	rd := p.read(question, today)
	u := &understanding{intent: IntentDecision, rd: rd}
	if parts := p.docActParts(rd, today); len(parts) > 1 {
		u.intent, u.parts = IntentSeveral, parts
		u.queries = []*Query{parts[0].queries[0]}
		return u
	}
	switch {
	case p.isDocument(rd):
		u.intent = IntentDocument
		parts := p.docParts(rd, today)
		if len(parts) < 2 {
			parts = p.docSubjectParts(rd, today)
		}
		if len(parts) > 1 {
			u.intent, u.parts = IntentSeveral, parts
			u.queries = []*Query{parts[0].queries[0]}
			return u
		}
	// (在高速上开车打电话 罚多少: the 电话 is an act's, the question a fine's)
	// (短信「…举报电话0746-3213950」 这个禁火期到几号: a number pasted is
	// the sender's, asking for none)
	case p.textHas(rd, p.g.Report) && (p.hasAny(p.reportText(rd.ownText()), p.g.Report) || p.writtenThenAsked(rd.ownText())) &&
		!p.textHas(rd, p.g.Fine) && !p.asksLawful(rd):
		// (你们这个电话是哪个单位的 names the hotline, asks no number; nor
		// does 墙上写电话号码, a number written)
		u.intent = IntentReport
		if parts := p.reportParts(rd, today); len(parts) > 1 {
			u.intent, u.parts = IntentSeveral, parts
			u.queries = []*Query{parts[0].queries[0]}
			return u
		}
	}
	if u.intent == IntentDecision {
		if parts := p.compareParts(rd, today); len(parts) > 1 {
			u.intent, u.parts = IntentSeveral, parts
			u.queries = []*Query{parts[0].queries[0]}
			return u
		}
		switch parts := p.pairParts(rd, today); {
		case len(parts) > 1:
			u.intent, u.parts = IntentSeveral, parts
			u.queries = []*Query{parts[0].queries[0]}
			return u
		case len(parts) == 1:
			return parts[0]
		}
		p.dropDocumentDays(rd)
	}
	p.dropPastedDays(rd)
	if u.intent != IntentDocument {
		// 门前三包是要管么子, 装修垃圾找哪个拉走: a duty's words and a
		// question of who or what ask about the duty (a phone number
		// asked for is a report: 找哪个 names no number)
		// (渣土车一路撒土找哪个部门举报 asks whom to report to: 举报 is
		// no word of a duty)
		if k := p.dutyAsked(rd); k >= 0 && !(u.intent == IntentReport && p.textHas(rd, p.reportOnly)) {
			u.intent, u.duty = IntentDuty, k
		}
	}
	periods := p.scanPeriods(rd)
	past := p.pastPeriod(rd, periods)
	acts := p.chooseActs(rd)
	if len(acts) == 0 && u.intent == IntentDecision {
		acts = p.deniedOnly(rd)
	}
	if alarms := p.alarms(rd); u.intent == IntentDecision && len(alarms) > 0 && allInside(acts, alarms) {
		// 山上着火了, 后山起火了 烧起来了: a fire said, with no act asked
		// about but the fire's own words, is reported (the notice asks
		// that it be, at its number)
		u.intent, acts = IntentReport, nil
	}
	// (过了缴费期再交 要等多久: what follows the period, asked of the act)
	// (2023年禁火令还管不管: a year's document asked whether it holds,
	// not the ban period its name holds)
	if len(periods) > 0 && u.intent != IntentReport && u.intent != IntentDuty && !(u.intent == IntentDocument && p.docYear(rd.text, today) != 0) &&
		(past == 0 || len(acts) == 0) && p.asksPeriod(rd, acts) {
		// 禁火期什么时候结束: the period itself, from the rules' windows
		u.intent, u.periods = IntentWhen, periods
		u.ownAct = len(acts) == 1 && p.saidAsOwn(rd, acts[0])
	}
	shared := map[int]bool{} // clauses that hold no act: their facts are everyone's
	actClauses := map[int]bool{}
	for _, h := range acts {
		actClauses[h.clause] = true
	}
	// 电动车没停在消防通道上 停在划好的停车位里: a fact said inside a
	// negated act's words is what is not done, nobody's setting
	var negFacts []int
	for _, h := range rd.acts {
		// (寒露籽我没提前摘 等到10月8号才摘的: the act asked is the denied
		// one done later — its object's facts are the act's)
		// (现在不能摘寒露籽吧: nor the denied act that is itself the one
		// asked — a negative question of it, its object its own)
		if !h.neg || slices.ContainsFunc(acts, func(a hit) bool { return strings.HasPrefix(a.words, h.words+"…") || a.i == h.i && a.j == h.j }) {
			continue
		}
		i, j := h.i, h.j
		if h.wj > 0 {
			i, j = min(i, h.wi), max(j, h.wj)
		}
		if h.at > 0 {
			i = min(i, h.at) // 不在人行道上摆摊: the place it is not done at
		}
		again := h.at == 0 && sameVerbAgain(h, acts)
		for k, f := range rd.facts {
			if f.i >= i && f.j <= j {
				if again && len(f.w.facts) == 1 && f.w.facts[0].V == true {
					// …停在划好的停车位里: the same verb said again
					// elsewhere — the place of the act not done is denied
					// for it (on_fire_lane: false)
					rd.facts[k].neg = true
					continue
				}
				negFacts = append(negFacts, f.i)
			}
		}
	}
	for _, h := range rd.facts {
		// (上个月我邻居在山脚下烧东西: someone else's scene lends no place)
		// (菜市场门口扔烟头，烟头也算乱扔吗: nor a fact asked — no place
		// to ask the act at again)
		if !actClauses[h.clause] && !p.elsewhere(rd, h.clause) && !p.factAsked(rd, h) {
			shared[h.clause] = true
		}
	}
	// 城市规划区里装修垃圾能丢…，还有渣土车…: a fact phrase that opens the
	// call sets the scene for every act (an act's own facts still win)
	// (办喜事 城里街边的人行道上杀鸡行不 桌子板凳堆在人行道上行不: after a
	// clause that names the occasion and no act, the first fact phrase
	// opens the first question's clause and sets the scene all the same)
	opening, oc := p.openingFact(rd, actClauses, len(acts))
	// 寒露籽什么时候能摘？霜降籽呢: a clause of facts ending in 呢, after an
	// act, asks the same of them.
	var extra, refused []hit
	if len(acts) > 0 {
		// 十月五号可以不 十月十号呢: a clause of a day alone, ending in 呢,
		// asks the same on that day
		// lastBefore is the last act said before clause c; askedAgain is
		// it asked again there
		lastBefore := func(c int) hit {
			last := acts[0]
			for _, a := range acts {
				if a.clause < c {
					last = a
				}
			}
			return last
		}
		askedAgain := func(c int) hit {
			last := lastBefore(c)
			last.clause = c
			return last
		}
		// (十月九号能摘不 十月六号能摘不: or a clause asking with the act's
		// verb said again)
		days := map[int]bool{}
		for _, m := range rd.dates {
			if c := rd.clause(m.Start); !actClauses[c] && !shared[c] && c > acts[0].clause &&
				(p.clauseEndsWith(rd, c, p.g.Ellipsis) || p.verbAskedAgain(rd, c, lastBefore(c)) || p.goesAgain(rd, c)) {
				days[c] = true
			}
		}
		for _, c := range keys(days) {
			again := askedAgain(c)
			extra = append(extra, again)
			p.markVerbAgain(rd, again)
		}
		// 装修垃圾能丢河里不 能放社区指定的堆放点不: a later clause of no
		// act that asks with a bare verb alone (not one inside a fact
		// phrase: 堆放点), whose frame takes the last act's object to
		// another act, asks of that act — with its clause's facts its own
		for _, v := range rd.verbs {
			if v.neg || actClauses[v.clause] || v.clause <= acts[0].clause || days[v.clause] || !p.bothAsk(rd, acts[0].clause, v.clause) ||
				slices.ContainsFunc(extra, func(e hit) bool { return e.clause == v.clause }) ||
				slices.ContainsFunc(rd.facts, func(f hit) bool { return f.i <= v.i && v.j <= f.j }) {
				continue
			}
			last := askedAgain(v.clause)
			// (装修垃圾堆到社区指定的点行不行？直接丢到生活垃圾桶里行不行？:
			// a frame whose object is said after the verb, in its clause,
			// and whose with-words the last act's clause says — the thing
			// taken to a place of its own)
			if f := p.frameWithTopic(rd, v, lastBefore(v.clause).clause); f != nil && last.w.activity != nil && f.activity != last.w.activity {
				extra = append(extra, hit{i: v.i, j: v.j, clause: v.clause, words: v.words, w: word{activity: f.activity}})
				delete(shared, v.clause)
				continue
			}
			if last.obj == "" || last.w.activity == nil {
				continue
			}
			for _, f := range p.framesOfHead(v.words) {
				if f.activity != nil && f.activity != last.w.activity && f.objects[last.obj] && p.withEither(rd, f, v.i, 0) {
					extra = append(extra, hit{i: v.i, j: v.j, clause: v.clause, words: last.obj + "…" + v.words, w: word{activity: f.activity}})
					delete(shared, v.clause)
					break
				}
			}
		}
		for _, c := range keys(shared) { // in the order said
			// 低保户交多少 特困户又交多少: or it asks how much or when of them
			// 除夕在城里放鞭炮行不 回乡下在离林子五十米的屋门口放呢: a clause
			// of its own place ending in 呢 asks the same there, whatever
			// its facts (its words are its own, not the first act's)
			// 我爸是低保户 医保交多少 我娘是特困户 交多少: or the clause right
			// after it asks, with nothing of its own to ask it of
			// 能在屋里烧包不 能在坟山上烧不: or a clause asking with the act's
			// verb said again, at a place of its own
			// 我烧田埂离山远得很，我叔叔的田就在山边上，他也烧: or another
			// person's place said in a clause of its own, his bare verb
			// in the next
			placed := c > acts[0].clause && p.placedThenDone(rd, lastBefore(c), c)
			if c > acts[0].clause && (p.clauseEndsWith(rd, c, p.g.Ellipsis) || (p.asks(clauseText(rd, c)) || p.asksNext(rd, c, actClauses)) && p.clauseHasEnum(rd, c) ||
				p.verbAskedAgain(rd, c, lastBefore(c))) || placed {
				again := askedAgain(c)
				extra = append(extra, again)
				delete(shared, c)
				p.markVerbAgain(rd, again)
				if placed {
					next := again
					next.clause = c + 1
					p.markVerbAgain(rd, next)
				}
				// 别个山上的茶籽摘不得，那我摘自家山上的呢: the act refused
				// and the case turned to, asked with 呢 — the turn is what
				// is asked, never the refused case's answer
				last := lastBefore(c)
				if at, ok := p.fallsBack(rd, last); ok && rd.clause(at) == c {
					refused = append(refused, last)
				}
			}
		}
	}
	acts = p.askedInList(rd, acts, extra)
	if len(refused) > 0 {
		acts = slices.DeleteFunc(acts, func(a hit) bool {
			return slices.ContainsFunc(refused, func(r hit) bool { return r.i == a.i && r.j == a.j && r.clause == a.clause })
		})
	}
	if c, ok := p.callerBefore(rd, acts, actClauses); ok {
		// 我在指定的摊位摆，我弟弟在人行道上摆摊: the caller's own case, said
		// first with the act's verb bare, is asked too — its place is its
		// own, not the other's scene
		again := acts[0]
		again.clause = c
		acts = append([]hit{again}, acts...)
		delete(shared, c)
	}
	acts = append(acts, p.deniedDoneByOther(rd, acts, actClauses)...)
	residue := p.residue(rd)
	acts = append(acts, extra...)
	acts = p.askedTwice(rd, acts, actClauses)
	acts = p.splitValues(rd, acts)
	acts = p.dropPastedActs(rd, acts)
	// 在山上抽烟可以不？野炊呢？: the second asks the same of another act
	// 明天去山上烧纸 还想放挂鞭炮: an act whose clause says no fact of its
	// own is done where the act said before it is — the call's scene
	// carries on until a fact is said again (山上烧纸 在屋里烤火 has its own)
	inherit := map[int]int{}
	for k, a := range acts {
		if k == 0 || p.clauseHasOwnFacts(rd, a) {
			continue
		}
		prev := -1
		for _, b := range acts {
			if b.clause < a.clause && b.clause > prev {
				prev = b.clause
			}
		}
		if prev >= 0 {
			inherit[a.clause] = prev
			// 渣土车不盖篷布行不行 超载呢: the act said again is the kind of
			// the earlier act's own family its words name (渣土车超载) —
			// not when said of someone else (我有职工医保还要交居民医保吗？
			// 我爹我娘交居民医保要交好多钱: the parents' is the plain act)
			for _, b := range acts {
				if b.clause == prev {
					if kind := p.kindInTopic(b, a); kind != nil && !p.otherDoer(rd, b, a) {
						acts[k].w.activity = kind
					}
					break
				}
			}
		}
	}
	if len(acts) == 0 {
		q := p.query(rd, hit{clause: -1}, shared, today)
		q.NotUnderstood = residue
		if u.intent == IntentDecision && len(residue) > 0 {
			// 闯红灯罚多少钱: a fine asked of words no rule knows names
			// them as the act no rule covers (never an empty answer)
			q.Act = p.finedWords(rd)
			if q.Act == "" && rd.meantAt > 0 {
				q.Act = p.meantAct(rd, residue)
			} else if q.Act == "" {
				q.Act = p.offTopicAct(rd, residue)
			}
		}
		u.queries = []*Query{q}
		return u
	}
	for _, a := range acts {
		sh := shared
		if _, inh := inherit[a.clause]; !inh && opening >= 0 && a.clause != oc {
			sh = map[int]bool{oc: true}
			for c := range shared {
				sh[c] = true
			}
			// only the opening phrase of its clause, not the first act's
			// facts (a clause 0 with no act sets the scene whole: 我是城区
			// 菜市场边上开店的 送货车…)
			for k, h := range rd.facts {
				if h.clause == oc && k != opening && actClauses[oc] {
					a.skip = append(a.skip[:len(a.skip):len(a.skip)], h.i)
				}
			}
		}
		if from, ok := inherit[a.clause]; ok {
			// 烧纸要得不，放鞭炮呢，点蜡烛呢: each asks what the first did
			sh = map[int]bool{from: true}
			for c, ok := inherit[from]; ok && !sh[c]; c, ok = inherit[c] {
				sh[c] = true
			}
			for c := range shared {
				sh[c] = true
			}
		}
		a.skip = append(a.skip[:len(a.skip):len(a.skip)], negFacts...)
		a.skip = append(a.skip, p.leftBehind(rd, a)...)
		a.skip = append(a.skip, p.broughtBack(rd, a)...)
		a.skip = append(a.skip, p.reachedPlaces(rd)...)
		a.skip = append(a.skip, p.placesOfOthers(rd, a, acts, sh)...)
		a.home = p.burntAtHome(rd, a)
		q := p.query(rd, a, sh, today)
		q.NotUnderstood = residue
		// (医保集中缴费期过了冇: whether it is over asks when it ends, not
		// the time of the act)
		over := p.pastAsked(rd, periods)
		q.asks.deadline = q.asks.deadline || over
		if q.DateWords == "" {
			q.afterPeriod = past
			if past == 0 && u.intent != IntentWhen && !over {
				q.inPeriods = p.undenied(rd, periods)
			}
			if u.intent != IntentWhen {
				q.early = p.earlyWord(rd, a)
			}
		}
		// 摆摊卖烟花: two acts heard as one question (fireworks sold on a
		// street are the stall's wares) are asked once
		if slices.ContainsFunc(u.queries, func(o *Query) bool { return sameQuestion(o, q) }) {
			continue
		}
		u.queries = append(u.queries, q)
	}
	// (the same question asked again is counted once, before the bound)
	if len(u.queries) > MaxAnswers {
		u.unanswered = len(u.queries) - MaxAnswers
		u.queries = u.queries[:MaxAnswers]
	}
	if len(u.queries) > 1 && u.intent == IntentDecision {
		u.intent = IntentSeveral
	}
	return u
}

// sameQuestion reports whether queries a and b ask the same: all but the
// words they were heard in.
func sameQuestion(a, b *Query) bool {
	if a.Activity != b.Activity || a.Act != b.Act {
		return false
	}
	x, y := *a, *b
	x.Understood, y.Understood = nil, nil
	return reflect.DeepEqual(x, y)
}

// frameWithTopic is the frame of the bare verb v whose object is said
// after v in its clause and whose with-words are said before v's clause,
// up to clause c's end (the thing an earlier question named: 装修垃圾…？丢
// 到生活垃圾桶里…？); nil for none.
func (p *parser) frameWithTopic(rd *reading, v hit, c int) *frame {
	st, end := rd.clauseStart(v.i, v.clause), rd.clauseEnd(v.j, v.clause)
	tend := 0
	for tend < st && rd.clause(tend) <= c {
		tend++
	}
	rest, topic := rd.text[v.j:end], rd.text[:tend]
	for _, f := range p.framesOfHead(v.words) {
		if f.activity != nil && len(f.with) > 0 && p.hasAny(topic, f.with) &&
			slices.ContainsFunc(f.byLength, func(o string) bool { return strings.Contains(rest, o) }) {
			return f
		}
	}
	return nil
}

// askedTwice adds, for an act asked about alone, each later clause that
// asks it a question of another kind (医保最迟几号交 晚了交要等好久才能报:
// a deadline, then a waiting period; 出生后几天内要交 交好多钱): a clause
// with no other act that says the act again — its words or a verb of its
// frames — and asks a kind of question (when, money, waiting…) the act's
// own clause does not. Each of the act's questions then asks what its own
// clause asks. A clause asking the same again (交多少 交多少啊), or one
// that names no part of the act (医保交多少钱，什么时候截止), is the same
// question.
func (p *parser) askedTwice(rd *reading, acts []hit, actClauses map[int]bool) []hit {
	if len(acts) != 1 || acts[0].w.activity == nil {
		return acts
	}
	first := acts[0]
	last := rd.clause(len(rd.text) - 1)
	if first.clause >= last {
		return acts // no clause after the act's
	}
	seen := p.askKinds(clauseText(rd, first.clause))
	if seen == 0 {
		return acts
	}
	for c := first.clause + 1; c <= last; c++ {
		t := clauseText(rd, c)
		k := p.askKinds(t)
		if k&^seen == 0 || !p.saysActAgain(rd, first, c, t) {
			continue
		}
		seen |= k
		again := first
		again.clause, again.asksOwn = c, true
		acts = append(acts, again)
	}
	if len(acts) > 1 {
		acts[0].asksOwn = true
	}
	return acts
}

// saysActAgain reports whether clause c (text t) says act a again: a hit
// of the same activity read there and none of another, or, with no act
// read there, a verb of one of its frames (交 of 交医保).
func (p *parser) saysActAgain(rd *reading, a hit, c int, t string) bool {
	same := false
	for _, h := range rd.acts {
		if h.clause != c {
			continue
		}
		if h.w.activity != a.w.activity {
			return false
		}
		same = true
	}
	if same {
		return true
	}
	for _, f := range p.frames {
		if f.activity != a.w.activity {
			continue
		}
		for v := range f.verbs {
			if strings.Contains(t, v) {
				return true
			}
		}
	}
	return false
}

// workAsked reports whether a call that says the enrollee works away (打工)
// asks only whether to pay (base's act), as a yes/no question with no day
// said, neither a kind of question the act's terms answer nor of some who
// do not pay.
func (p *parser) workAsked(rd *reading, base *rules.Activity, neg []hit) bool {
	// (a day said, 过年回来才交还交得不: the day's terms answer)
	if !p.actSaid(rd, base) || p.askKinds(rd.text)&^askMust != 0 || rd.says(p.g.How) || len(rd.dates) > 0 {
		return false
	}
	// (冇得单位交社保: a way of it said not done, the employer's plan)
	// (在外面打工…那就不能交居民医保了吧: but an act guessed banned, 不能 /
	// 不准 before it, is asked whether it may be done, not told undone)
	if slices.ContainsFunc(neg, func(n hit) bool {
		return (n.w.activity == base || p.mannerOf[n.w.activity] == base) && !p.forbidden(rd, n.i)
	}) {
		return false
	}
	return !slices.ContainsFunc(rd.verbs, func(v hit) bool { return p.verbNegated(rd, v) && p.verbOf(v.words, base) })
}

// askMust is askKinds' bit of "must I" (还要交吗): a yes/no question still.
const askMust = 1 << 7

// askKinds are the kinds of question beyond "may I" that t asks, one bit
// each (when, what happens, how much, …).
func (p *parser) askKinds(t string) uint {
	var k uint
	for n, words := range [][]string{p.g.When, p.g.Consequence, p.g.Money, p.g.Deadline, p.g.Benefits, p.g.Waiting, p.g.Where, p.g.Must, p.g.Rate, p.g.Claim} {
		if p.hasAny(t, words) {
			k |= 1 << n
		}
	}
	if p.waitLength(t) {
		k |= 1 << 5 // the waiting kind's bit
	}
	return k
}

// openingFact is the fact phrase that sets the scene of a call of several
// acts, and its clause: the first fact said, at the start of its clause
// (two characters of other words at most), with no act said before that
// clause (城市规划区里 装修垃圾能丢…，还有渣土车…; 办喜事 城里…). -1 for
// none.
func (p *parser) openingFact(rd *reading, actClauses map[int]bool, acts int) (int, int) {
	if acts < 2 || len(rd.facts) == 0 {
		return -1, -1
	}
	first := 0
	for k, f := range rd.facts {
		if f.i < rd.facts[first].i {
			first = k
		}
	}
	oc := rd.facts[first].clause
	for c := 0; c < oc; c++ {
		if actClauses[c] {
			return -1, -1
		}
	}
	start := rd.clauseStart(rd.facts[first].i, oc)
	if bareRunes(rd, start, rd.facts[first].i) > 2 {
		return -1, -1
	}
	return first, oc
}

// verbAskedAgain reports whether clause c, like the clause of act a said
// before it, asks, and says, bare and not denied, a verb of a's frames:
// the act is asked again there (十月九号能摘不 十月六号能摘不; not 医保没交上
// 现在补办可以不, whose first clause tells).
func (p *parser) verbAskedAgain(rd *reading, c int, a hit) bool {
	act := a.w.activity
	if act == nil || !slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.clause == c && !v.neg && p.verbOf(v.words, act) }) {
		return false
	}
	// (倒河边了，有事没？今天又想倒: the act told done and asked of, said
	// again to do)
	if !p.bothAsk(rd, a.clause, c) && !p.againElsewhere(rd, c) && !p.afterFinished(rd, a, c) && !p.byAnother(rd, a, c) && !p.listedPlace(rd, c) &&
		!p.otherPlaced(rd, a, c) && !(a.clause < c && p.doneAsked(rd, a)) {
		return false
	}
	t := strings.TrimLeft(clauseText(rd, c), pauses)
	return !p.startsWithAny(t, p.g.Alternatives)
}

// askedInList drops an act named at no place of its own when two items of
// a list after it ask it again each at a place (七月半烧包，一是在屋里烧，二是
// 在院子里烧…三是去山上坟前烧): the items are the questions, the act named
// first only their topic.
func (p *parser) askedInList(rd *reading, acts, extra []hit) []hit {
	var items []hit
	for _, e := range extra {
		if p.listedPlace(rd, e.clause) {
			items = append(items, e)
		}
	}
	if len(items) < 2 {
		return acts
	}
	return slices.DeleteFunc(acts, func(a hit) bool {
		return a.clause >= 0 && !clausePlaced(rd, a.clause) && a.clause < items[0].clause &&
			slices.ContainsFunc(items, func(e hit) bool { return e.i == a.i && e.j == a.j })
	})
}

// listedPlace reports whether clause c is an item of a list of questions
// (一是在屋里烧，二是在院子里烧，…三是去山上坟前烧) at a place of its own: the
// act's verb said there asks the act again at that place.
func (p *parser) listedPlace(rd *reading, c int) bool {
	return clausePlaced(rd, c) && p.startsWithAny(strings.TrimLeftFunc(clauseText(rd, c), clauseBreakOrSpace), p.g.Enumerators)
}

// againElsewhere reports whether clause c, asking or not, says an act
// again at a place of its own: a fact phrase said there, and 也 right
// before the act's verb or a word of going on to it (go_again: 再去)
// before it (摘自家茶籽，顺便把隔壁山上的也摘点; …摘完了，再去旁边的山上摘一点)
// — the place said first is not this one's.
func (p *parser) againElsewhere(rd *reading, c int) bool {
	if !clausePlaced(rd, c) {
		return false
	}
	for _, v := range rd.verbs {
		if v.clause == c && !v.neg && (p.tooBefore(rd, v.i, c) || p.hasAny(rd.text[rd.clauseStart(v.i, c):v.i], p.g.GoAgain)) {
			return true
		}
	}
	return false
}

// afterFinished reports whether act a, said in an earlier clause, is told
// finished right after its verb (我家的茶籽摘完了) and clause c, at a place
// of its own, says its verb again (明天去别人家山上摘点): the act finished
// there is done again here, a second case.
func (p *parser) afterFinished(rd *reading, a hit, c int) bool {
	if a.clause < 0 || a.clause >= c || !clausePlaced(rd, c) {
		return false
	}
	return p.startsWithAny(rd.text[a.j:], p.g.Finished)
}

// byAnother reports whether clause c, after act a's, opens with someone
// else (others: 他, 邻居) and says the caller's own place (我跟邻居都在自家
// 山上摘茶籽，他顺便摘了我家的几棵; 隔壁的跑到我家山上摘): the act done again
// by another at the caller's, a second case — the place is not the
// other's own (own_fact).
func (p *parser) byAnother(rd *reading, a hit, c int) bool {
	if a.clause < 0 || a.clause >= c || p.voc.OwnFact == "" {
		return false
	}
	if !slices.ContainsFunc(rd.facts, func(f hit) bool {
		return f.clause == c && !f.neg && p.hasAny(f.words, p.g.FirstPerson) &&
			slices.ContainsFunc(f.w.facts, func(v vocab.Value) bool { return v.Fact == p.voc.OwnFact })
	}) {
		return false
	}
	return p.startsWithAny(strings.TrimLeftFunc(clauseText(rd, c), clauseBreakOrSpace), p.g.Others)
}

// otherPlaced reports whether act a's clause names only the caller as the
// one who does it and clause c, after it, opens with another person (我叔叔,
// 他, 邻居) and says a place of its own (我在屋里烧包，我叔叔要去山上烧): the
// act done by that person there, a second case — not a story of someone
// else's (我婆婆讲…，她放在…) nor people said together (我跟我哥都…).
func (p *parser) otherPlaced(rd *reading, a hit, c int) bool {
	if a.clause < 0 || a.clause >= c || !clausePlaced(rd, c) {
		return false
	}
	ta := clauseText(rd, a.clause)
	if !p.onlyCallerNamed(ta) {
		return false
	}
	t := strings.TrimLeftFunc(clauseText(rd, c), clauseBreakOrSpace)
	return p.firstSubject(t) == 0 && !p.callerNamed(t)
}

// placedThenDone reports whether clause c, opened by another person
// (我叔叔的田就在山边上), says his place and no verb of act a, and the clause right
// after it opens with a pronoun, says no act or fact of its own and a's verb
// bare (他也烧): that person's act at his place, a second case, as
// otherPlaced reads it said in one clause. a's clause names only the
// caller.
func (p *parser) placedThenDone(rd *reading, a hit, c int) bool {
	if a.clause < 0 || a.clause >= c || a.w.activity == nil || !clausePlaced(rd, c) || !p.onlyCallerNamed(clauseText(rd, a.clause)) {
		return false
	}
	t := strings.TrimLeftFunc(clauseText(rd, c), clauseBreakOrSpace)
	if p.firstSubject(t) != 0 || p.callerNamed(t) || slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.clause == c }) {
		return false
	}
	n := c + 1
	if !p.pronounOpens(clauseText(rd, n)) || clausePlaced(rd, n) || slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == n }) {
		return false
	}
	return slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.clause == n && !v.neg && p.verbOf(v.words, a.w.activity) })
}

// callerBefore is, for one act asked in a clause opened by another person
// (我弟弟在人行道上摆摊), an earlier clause that names only the caller,
// says a place of its own and the act's verb bare (我在指定的摊位摆): the
// caller's own case of the act — otherPlaced the other way round.
func (p *parser) callerBefore(rd *reading, acts []hit, actClauses map[int]bool) (int, bool) {
	if len(acts) != 1 || acts[0].w.activity == nil || acts[0].clause <= 0 {
		return 0, false
	}
	a := acts[0]
	t := strings.TrimLeftFunc(clauseText(rd, a.clause), clauseBreakOrSpace)
	if p.firstSubject(t) != 0 || p.callerNamed(t) {
		return 0, false
	}
	for c := 0; c < a.clause; c++ {
		tc := clauseText(rd, c)
		if actClauses[c] || !clausePlaced(rd, c) ||
			!p.onlyCallerNamed(tc) {
			continue
		}
		if slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.clause == c && !v.neg && p.verbOf(v.words, a.w.activity) }) {
			return c, true
		}
	}
	return 0, false
}

// deniedDoneByOther is, for each act the caller says he does not do (清明我去
// 扫墓不烧纸), a later clause of no act opened by another person who does
// it, its verb said bare (我老爸非要烧): that person's act, asked — the
// caller's 不 is his own, not the other's.
func (p *parser) deniedDoneByOther(rd *reading, acts []hit, actClauses map[int]bool) []hit {
	var out []hit
	for _, n := range rd.acts {
		if !n.neg || n.w.activity == nil || slices.ContainsFunc(acts, func(a hit) bool { return a.w.activity == n.w.activity }) {
			continue
		}
		tn := clauseText(rd, n.clause)
		if p.firstSubject(tn) >= 0 && !p.onlyCallerNamed(tn) {
			continue
		}
		for c := n.clause + 1; c <= rd.clause(len(rd.text)-1); c++ {
			t := strings.TrimLeftFunc(clauseText(rd, c), clauseBreakOrSpace)
			if actClauses[c] || p.firstSubject(t) != 0 || p.callerNamed(t) {
				continue
			}
			if k := slices.IndexFunc(rd.verbs, func(v hit) bool { return v.clause == c && !v.neg && p.verbOf(v.words, n.w.activity) }); k >= 0 {
				done := n
				done.neg, done.clause = false, c
				out = append(out, done)
				break
			}
		}
	}
	return out
}

// clausePlaced reports whether clause c says a fact phrase of its own,
// not denied.
func clausePlaced(rd *reading, c int) bool {
	return slices.ContainsFunc(rd.facts, func(f hit) bool { return f.clause == c && !f.neg && len(f.w.facts) > 0 })
}

// tooBefore reports whether 也 (pair_too) is said right before the verb
// at byte i of clause c, at most two characters between (霜降籽也顺便摘了;
// not 也跟马路上摆摊一样, a comparison).
func (p *parser) tooBefore(rd *reading, i, c int) bool {
	t := rd.text[rd.clauseStart(i, c):i]
	for _, w := range p.g.PairToo {
		if k := strings.LastIndex(t, w); k >= 0 && utf8.RuneCountInString(t[k+len(w):]) <= 2 {
			return true
		}
	}
	return false
}

// markVerbAgain marks as read a verb of act a's frames said bare in its
// clause, where a is asked again (…回乡下在屋门口放呢: 放 is the 放鞭炮
// asked before, heard, not left as a word not understood).
func (p *parser) markVerbAgain(rd *reading, a hit) {
	if a.w.activity == nil {
		return
	}
	lo, hi := -1, -1
	for k := range rd.text {
		if rd.clause(k) == a.clause {
			if lo < 0 {
				lo = k
			}
			hi = k + 1
		}
	}
	if lo < 0 {
		return
	}
	for _, f := range p.frames {
		if f.activity != a.w.activity {
			continue
		}
		for v := range f.verbs {
			if k := strings.Index(rd.text[lo:hi], v); k >= 0 && rd.free(lo+k, lo+k+len(v)) {
				rd.mark(lo+k, lo+k+len(v))
			}
		}
	}
}

// asksNext reports whether the clause after clause c asks how much or
// when and says no act, fact or day of its own (我娘是特困户 交多少): it
// asks of what clause c said.
func (p *parser) asksNext(rd *reading, c int, actClauses map[int]bool) bool {
	n := c + 1
	if actClauses[n] || p.clauseSaysMore(rd, n) {
		return false
	}
	t := clauseText(rd, n)
	return t != "" && p.asks(t)
}

// factInside: a fact phrase is said inside act h's own words (停在消防通道).
func (p *parser) factInside(rd *reading, h hit) bool {
	i, j := h.i, h.j
	if h.wj > 0 {
		i, j = min(i, h.wi), max(j, h.wj)
	}
	for _, f := range rd.facts {
		if f.i >= i && f.j <= j {
			return true
		}
	}
	return false
}

// clauseHasPlace: clause c says a fact phrase.
func (p *parser) clauseHasPlace(rd *reading, c int) bool {
	for _, f := range rd.facts {
		if f.clause == c {
			return true
		}
	}
	return false
}

// sameVerbAgain: an act asked in another clause begins with the verb the
// negated act n begins with (电动车没停在消防通道上 停在划好的停车位里):
// the caller says where it is done instead of where it is not.
func sameVerbAgain(n hit, acts []hit) bool {
	v, _ := utf8.DecodeRuneInString(n.words)
	for _, a := range acts {
		if r, _ := utf8.DecodeRuneInString(a.words); a.clause != n.clause && r == v {
			return true
		}
	}
	return false
}

// leftBehind are the starts of the fact phrases said before a word of
// coming back (回来, 回家) that is said before act a in its sentence, with
// something done there in between: 上山捡干柴回来烧火做饭 makes the fire
// where the caller came back to, not on the hill (but 退伍军人回来交医保 is
// still a veteran's).
func (p *parser) leftBehind(rd *reading, a hit) []int {
	r := -1
	for _, w := range p.g.Returns {
		// (柴火回来烧: the word of coming back may lie between the object
		// said first and its verb)
		if k := strings.LastIndex(rd.text[:max(a.objStart(), a.i)], w); k > r && sameSentence(rd, k, a.i) {
			r = k
		}
	}
	if r < 0 {
		return nil
	}
	// (退伍军人 今年五月份回来交医保: only a day between, nothing done
	// there — an act or a verb of one must be said between)
	doneAt := func(i, j int) bool {
		for _, hs := range [][]hit{rd.acts, rd.verbs} {
			for _, h := range hs {
				if h.i >= i && h.j <= j {
					return true
				}
			}
		}
		return false
	}
	var out []int
	for _, f := range rd.facts {
		if f.j <= r && strings.TrimSpace(rd.text[f.j:r]) != "" && doneAt(f.j, r) {
			out = append(out, f.i)
		}
	}
	return out
}

// burntAtHome is the home word's reading as a fact phrase of act a when a
// is burning fuel brought back (柴背回来烧火煮饭, 干柴挑回家烧灶): fuel said
// before a word of coming back, a burning verb right after it, and no
// place said between it and a — the fire is the house's stove or hearth,
// not one in the open where the wood was gathered. Nil otherwise.
func (p *parser) burntAtHome(rd *reading, a hit) *hit {
	if p.home == nil || !p.textHas(rd, p.g.Fuel) {
		return nil
	}
	at, end := -1, -1
	for _, w := range p.g.Returns {
		if k := strings.LastIndex(rd.text[:max(a.objStart(), a.i)], w); k > at && sameSentence(rd, k, a.i) {
			at, end = k, k+len(w)
		}
	}
	if at < 0 || !p.hasAny(rd.text[:at], p.g.Fuel) {
		return nil
	}
	rest := strings.TrimLeft(rd.text[end:], "去里后了 ")
	if !p.startsWithAny(rest, p.g.FuelBurnt) {
		return nil
	}
	for _, f := range rd.facts {
		if f.i >= at && f.i < a.j {
			return nil // (回来在院子里烧: the place said is where)
		}
	}
	return &hit{i: at, j: end, w: *p.home, clause: a.clause, words: rd.text[at:end]}
}

// reachedPlaces are the starts of the fact phrases said right after a word
// of reaching (烧到, 掉到), or begun inside one (掉到田里): where a fire
// spread or a thing fell, not where the act was done — 烧田埂烧到山上去了
// burnt a ridge in a field 二三十米 from the hill.
func (p *parser) reachedPlaces(rd *reading) []int {
	var out []int
	for _, w := range p.g.Reached {
		for k := 0; ; {
			i := strings.Index(rd.text[k:], w)
			if i < 0 {
				break
			}
			i += k
			for _, f := range rd.facts {
				if f.i > i && f.i <= i+len(w) {
					out = append(out, f.i)
				}
			}
			k = i + len(w)
		}
	}
	return out
}

// broughtBack are the starts of the fact phrases said right before a word
// of coming back (拉着茶果回来) in a clause after act a's, when a's clause
// goes out after it (车厢里坐人去山上): two legs of one trip, so what is
// brought back is no fact of the act done on the way out.
func (p *parser) broughtBack(rd *reading, a hit) []int {
	if a.clause < 0 {
		return nil
	}
	end := rd.clauseEnd(a.j, a.clause)
	if !p.hasAny(rd.text[a.j:end], p.g.Outward) {
		return nil
	}
	var out []int
	for _, f := range rd.facts {
		if f.clause > a.clause && p.startsWithAny(rd.text[f.j:], p.g.Returns) {
			out = append(out, f.i)
		}
	}
	return out
}

// deniedOnly: every act the call names is said as not done (货…没有摆出来
// 门口不会被查吧, 不在人行道上摆摊 就在自己店里卖): not doing it is what is
// asked — no rule requires an act, so it is answered as an act no rule
// covers, named (never 可以, never not understood). The first such act.
func (p *parser) deniedOnly(rd *reading) []hit {
	if len(rd.acts) == 0 {
		return nil
	}
	var neg []hit
	for _, h := range rd.acts {
		if h.neg {
			neg = append(neg, h)
		}
	}
	// (一家人都在广东打工，屋里的医保就不用交了吧: working said beside the
	// act denied is why it is not done, workBesideRefusal)
	for _, h := range rd.acts {
		if !h.neg && !p.workBesideRefusal(rd, h, neg) {
			return nil
		}
	}
	if len(neg) == 0 {
		return nil
	}
	h := neg[0]
	return []hit{{i: h.i, j: h.j, clause: h.clause, words: h.words, w: word{act: p.deniedLabel(rd, h)}}}
}

// deniedLabel names an act said as not done in the caller's own words with
// their negator (不交医保, 货没有摆出来), read aloud as said: 不 before an
// activity's name (不城乡居民医保参保缴费) is no way anyone talks. The
// activity's name serves only when the caller's words are not at hand.
func (p *parser) deniedLabel(rd *reading, h hit) string {
	if h.words == "" {
		return "不" + actLabel(h)
	}
	if p.hasAny(h.words, p.g.Negators) {
		return h.words
	}
	// the negator said before the act, a few characters back in its clause
	// (不交, 不给她交医保, 没得去烧)
	before := rd.text[rd.clauseStart(h.i, h.clause):h.i]
	best := -1
	for _, n := range p.g.Negators {
		if k := strings.LastIndex(before, n); k > best {
			best = k
		}
	}
	if best >= 0 && utf8.RuneCountInString(before[best:]) <= 6 {
		return before[best:] + rd.text[h.i:h.j]
	}
	return "不" + h.words
}

// docParts parts a call at each document number said after its first
// question (祁政发2018年16号还有效吗 祁政通2024年9号呢: two questions;
// 城区能摆摊不 祁政通2024年9号还有效吗: an act, then a document), each part
// read on its own; nil for a call of one question. What is said before the
// first number is a question of its own only when it names an act.
func (p *parser) docParts(rd *reading, today calendar.Date) []*understanding {
	var cuts []int
	// said: a number said after another without its issuer
	// (…7号和8号), asked as written in full
	said := map[int]string{}
	refs := p.docRefs(rd.text)
	for i, d := range refs {
		if c := clauseStart(rd.text[:d.start]); d.known && i > 0 && !d.of && c > refs[i-1].end {
			// 还有效不 今年的祁政通2024年8号呢: a number after another,
			// in a clause of its own, asks from where that clause starts
			d.start = c
		}
		if d.known && d.start > 0 && (d.of || p.afterPause(rd.text[:d.start])) {
			if i == 0 && p.namesDoc(rd.text[:d.start], d) {
				// 油茶采摘秩序的通告 2024年8号: the words before the
				// first number are its title's — one question
				continue
			}
			cuts = append(cuts, d.start)
			if d.of {
				said[d.start] = d.String() + rd.text[d.end:]
			}
		}
	}
	if len(cuts) == 0 {
		return nil
	}
	var parts []*understanding
	from := 0
	for k, c := range append(cuts, len(rd.text)) {
		if from == 0 && c == len(rd.text) {
			// every cut was words before the number, not a question:
			// the call is one question (reading it again here would
			// part it the same way, without end)
			return nil
		}
		s := strings.TrimSpace(rd.text[from:c])
		if full, ok := said[from]; ok {
			s = strings.TrimSpace(full[:len(full)-(len(rd.text)-c)])
		}
		if s == "" {
			continue
		}
		if from == 0 && c == len(rd.text) {
			// what came before the only number was no question of its
			// own: the call is one question, not read again as a part
			// of itself (which never ended: 上山挖葛根卖 祁政通2024年9号…)
			break
		}
		part := p.understand(s, today)
		if k == 0 && part.intent != IntentDocument && (len(part.queries) == 0 || part.queries[0].Activity == "") {
			continue // 请问 before the first number: part of its question
		}
		if k == 0 && part.intent == IntentDecision && !p.asksIn(s) {
			// 想给屋里人交医保，祁政办函2024年22号还算数不: the act said
			// before the number, asking nothing, is why the document is
			// asked after — no question of its own
			continue
		}
		if k == 0 && part.intent == IntentDocument && !p.issuerSaid(s) && !p.saysDocN(s) {
			continue // words before the number that ask of no document
		}
		parts = append(parts, part)
		from = c
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// reportParts parts a call asking for two numbers (烧山打哪个电话 乱倒垃圾
// 又打哪个; 举报偷倒建筑垃圾打哪个电话 还有菜市场门口乱停车呢) at each
// pause after which a report word is said again, or a clause ending in 呢
// asks the same of something else, each part a report question read on
// its own; nil for a call of one.
// asksLawful tells a report declared with the question whether the act
// breaks the rules (我要举报 … 这个违法不): the verdict is asked, and no
// report word asks a number or whom to call.
func (p *parser) asksLawful(rd *reading) bool {
	if !p.textHas(rd, p.g.Lawful) {
		return false
	}
	text := p.reportText(rd.text)
	for _, w := range p.g.Report {
		if strings.Contains(text, w) && !slices.Contains(p.g.ReportDeclared, w) {
			return false
		}
	}
	return true
}

// declaredOnly says whether every report word said in s only declares a
// report (我要投诉), asking no number or whom to call.
func (p *parser) declaredOnly(s string) bool {
	t := p.reportText(s)
	for _, w := range p.g.Report {
		if strings.Contains(t, w) && !slices.Contains(p.g.ReportDeclared, w) {
			return false
		}
	}
	return true
}

// actWithin says whether an act is said between bytes i and j.
func (rd *reading) actWithin(i, j int) bool {
	return slices.ContainsFunc(rd.acts, func(h hit) bool { return h.i >= i && h.j <= j })
}

func (p *parser) reportParts(rd *reading, today calendar.Date) []*understanding {
	text := rd.text
	asks := func(s string) bool { return p.hasAny(p.reportText(s), p.g.Report) }
	var cuts []int
	from := 0
	spans := pauseSpans(text)
	for k := 1; k < len(spans); k++ {
		i, j := spans[k-1][1], spans[k][0]
		next := text[j:spans[k][1]]
		// (城管把我的东西收走了，我要投诉，城管的电话是多少: a report only
		// declared, then the number asked of no act of its own, is one
		// question)
		if asks(text[from:i]) && (asks(next) && !(p.declaredOnly(text[from:i]) && !rd.actWithin(j, spans[k][1])) || p.hasSuffixAny(next, p.g.Ellipsis)) {
			cuts = append(cuts, j)
			from = j
		}
	}
	if len(cuts) == 0 {
		return nil
	}
	var parts []*understanding
	from = 0
	for _, c := range append(cuts, len(text)) {
		part := p.understand(strings.TrimSpace(text[from:c]), today)
		from = c
		// each part names what it reports — an act, a place, or words of
		// its own (我要举报有人在山上烧纸，打哪个电话 is one question)
		if part.intent == IntentSeveral || len(part.queries) == 0 {
			return nil
		}
		if q := part.queries[0]; q.Activity == "" && q.Act == "" && len(q.Facts) == 0 &&
			!slices.ContainsFunc(q.NotUnderstood, func(w string) bool { return utf8.RuneCountInString(w) >= 2 }) {
			return nil
		}
		// 还有菜市场门口乱停车呢: asks the number as the part before did
		part.intent = IntentReport
		parts = append(parts, part)
	}
	return parts
}
