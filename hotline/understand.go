package hotline

import (
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/hotline/zh"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
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
		for _, c := range sortedKeys(days) {
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
		for _, c := range sortedKeys(shared) { // in the order said
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
	for _, h := range rd.acts {
		if !h.neg {
			return nil
		}
	}
	h := rd.acts[0]
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

// pairParts parts a call that tells of two or more people or households,
// each in clauses of its own, and asks of them together (我娘在屋里烤火，
// 我舅在林子里烤火，两个都要得不): each part is the call without the other
// people's clauses, so each is decided on its own facts, not the first's.
// A clause after the last person's that says only a day (…，10月25号) is
// everyone's, and so are the words naming the act before the first person
// (用职工医保个人账户给我爸交…). Where the first person's case is told as
// known (…冇事) and nobody is asked of together, the one part is the
// others'; where no 都 asks of them together but each is said doing the
// act on facts of their own (我摘自家的，我儿子去隔壁山上摘), each is asked.
// nil unless each part is one act.
func (p *parser) pairParts(rd *reading, today calendar.Date) []*understanding {
	text := rd.text
	spans := pauseSpans(text)
	if len(spans) < 2 || len(spans) > 2*MaxAnswers {
		return nil
	}
	owner := make([]int, len(spans)) // 0: everyone's
	glued := -1                      // a span said right after the one before it, with no pause
	var named []int                  // the span naming each person
	n, first, too := 0, 0, 0
	self := false // the last person named is the caller alone
	last := spans[len(spans)-1]
	both := p.hasAny(text[last[0]:last[1]], p.g.PairBoth)
	for k, sp := range spans {
		s := text[sp[0]:sp[1]]
		switch {
		case p.hasAny(s, p.g.PairBoth):
			// (…我妈冇工作，两个人的医保我都帮他们交，要得不: or said after
			// two people were named, naming them (两个人), it asks of both)
			both = both || (n == 0 || n >= 2) && p.hasAny(s, p.g.PairNamed)
		case p.claims(s):
			// 我记得离山五十米以内才不准 (别个讲…): the rule as heard, told
			// by whoever — no one's case of the act
			owner[k] = n
		case p.hasAny(s, p.g.PairSubjects):
			// 单位给我买了社保的，我也交个居民医保: the caller named again
			// is the same person, not a second one
			caller := p.callerOnly(s)
			if caller && self {
				owner[k] = n
				break
			}
			// 我爸的单位交了职工医保，也给他交一份居民的: 他 said as the one
			// an act is done for (给他, 帮他), after someone other than the
			// caller, is that one again, not a third person
			if n > 0 && !self && p.pronounOnly(s) {
				owner[k] = n
				break
			}
			// (我爸有职工医保，他也交一份居民医保: 他 opening the clause after
			// another person named last is that person — 我交居民医保，我儿子
			// 在深圳交了…，他屋里这边也交吧 too)
			if n >= 1 && !self && p.pronounOpens(s) && !p.callerNamed(text[spans[named[n-1]][0]:spans[named[n-1]][1]]) &&
				(n == 1 || toldDone(rd, spans[named[n-1]])) {
				owner[k] = n
				break
			}
			if n == 0 {
				first = k
			}
			n++
			owner[k] = n
			named = append(named, k)
			self = caller
		default:
			owner[k] = n // told of whoever was named last
		}
		if n > 1 && p.hasAny(s, p.g.PairToo) {
			too = n
		}
	}
	// 我的货车是空车去接人，车厢里也坐了人: the last person's 也 asks of
	// everyone (an earlier one's — 我老婆交了…，我单位也帮我交了…，那我还要
	// 再交…不 — tells the story of the one asked last)
	saidBoth := both
	both = both || too > 1 && too == n
	if n < 2 || n > MaxAnswers {
		return nil
	}
	// (用职工医保个人账户给我爸交，再给我表哥也交一个: the act named before
	// the first person, in the first person's clause, is everyone's)
	if at := p.firstSubject(text[spans[first][0]:spans[first][1]]); at > 0 && rd.actWithin(spans[first][0], spans[first][0]+at) {
		sp := spans[first]
		spans = slices.Insert(spans, first, [2]int{sp[0], sp[0] + at})
		spans[first+1][0] = sp[0] + at
		owner = slices.Insert(owner, first, 0)
		for x := range named {
			if named[x] >= first {
				named[x]++
			}
		}
		first++
		glued = first
	}
	apart := false // each asked of only where their cases differ
	k := len(spans) - 1
	for ; k >= 0 && owner[k] != 1; k-- {
	}
	if !both && !p.toldKnown(text, spans[k]) && p.eachDoes(rd, spans, named) {
		// (我摘自家的，我儿子去隔壁山上摘，行不行: people doing one act,
		// each on a case of their own, asked together with no 都 — each
		// is asked of where their facts differ, never one case for all)
		both, apart = true, true
	}
	if !both {
		// 我在屋里烤火冇事，我爸要到林子里烤火: the first person's case
		// told as known, the others' is the one asked — on their own place
		if !p.toldKnown(text, spans[k]) {
			return nil
		}
		var b strings.Builder
		for k, sp := range spans {
			if owner[k] != 1 {
				if b.Len() > 0 {
					b.WriteString("，")
				}
				b.WriteString(text[sp[0]:sp[1]])
			}
		}
		part := p.understand(b.String(), today)
		if part.intent != IntentDecision || len(part.queries) != 1 || part.queries[0].Activity == "" {
			return nil
		}
		return []*understanding{part}
	}
	for k := len(spans) - 1; k >= 0 && owner[k] == n; k-- {
		if p.hasAny(text[spans[k][0]:spans[k][1]], p.g.PairSubjects) {
			break
		}
		// 另一家摘别人山上的，10月25号: a day alone is when both are asked of
		if q := p.understand(text[spans[k][0]:spans[k][1]], today).queries; len(q) == 1 && q[0].Activity == "" && q[0].DateWords != "" {
			owner[k] = 0
		}
	}
	parts := make([]*understanding, 0, n)
	for who := 1; who <= n; who++ {
		var b strings.Builder
		for k, sp := range spans {
			if owner[k] != 0 && owner[k] != who {
				continue
			}
			if b.Len() > 0 && k != glued {
				b.WriteString("，")
			}
			s := text[sp[0]:sp[1]]
			if owner[k] == 0 && k > first {
				for _, w := range p.g.PairDropped {
					s = strings.ReplaceAll(s, w, "")
				}
			}
			b.WriteString(s)
		}
		part := p.understand(b.String(), today)
		if part.intent != IntentDecision || len(part.queries) != 1 || part.queries[0].Activity == "" {
			return nil
		}
		parts = append(parts, part)
	}
	// (给我妈交了医保，我自己单位买了职工医保，我也在村里交一份居民的: the
	// first person's act only told done, the last's asked with 也 alone, is
	// the story of the one asked — the call is read whole)
	if !saidBoth && toldOnly(parts[0]) && !toldOnly(parts[len(parts)-1]) {
		return nil
	}
	if apart && !differ(parts) {
		return nil
	}
	return parts
}

// toldDone reports whether stretch sp says an act and every act in it is
// told done (我儿子在深圳交了那边的居民医保): the story of the one a later 他
// speaks of, not a case asked — after a second person, 他 is that person
// only then (我叔叔在山上烧，他也放鞭炮 may be a third).
func toldDone(rd *reading, sp [2]int) bool {
	found := false
	for _, h := range rd.acts {
		if h.i < sp[0] || h.j > sp[1] || h.w.activity == nil {
			continue
		}
		if !h.bg || h.when {
			return false
		}
		found = true
	}
	return found
}

// toldKnown reports whether the stretch sp of text tells a case as known
// (我在屋里烤火冇事): it ends with a word of Known, neither inside a longer
// asking word (有冇得事) nor followed by a question mark — 她在屋里烧纸有冇得
// 事？ asks it, a question of its own.
func (p *parser) toldKnown(text string, sp [2]int) bool {
	s := text[sp[0]:sp[1]]
	if !p.hasSuffixAny(s, p.g.Known) || p.hasSuffixAny(s, p.g.Asking) {
		return false
	}
	rest := text[sp[1]:]
	return !strings.HasPrefix(rest, "?") && !strings.HasPrefix(rest, "？")
}

// callerOnly reports whether the only person clause s names is the caller:
// every pair subject in it is the first person said as the one an act is
// done for (给我, 帮我), right before a verb lead (我也, 我还, 我想) or as
// himself (我自己) — not 我们, 我爸, 他.
func (p *parser) callerOnly(s string) bool {
	return p.everySubject(s, func(w string, i, j int) bool {
		return slices.Contains(p.g.FirstPerson, w) && !p.kinAt(s[i:]) &&
			(p.hasSuffixAny(s[:i], p.g.PairSelfBefore) || p.startsWithAny(s[j:], p.g.VerbLeads) || p.startsWithAny(s[i:], p.g.Self))
	})
}

// eachDoes reports whether the span naming each person (spans[named[x]])
// says an act or a verb of its own, and none turns from a case known (可以给
// 我儿子交，那给我小舅子交行不): each person said doing something.
func (p *parser) eachDoes(rd *reading, spans [][2]int, named []int) bool {
	for _, k := range named {
		sp := spans[k]
		in := func(h hit) bool { return h.i >= sp[0] && h.j <= sp[1] }
		if !slices.ContainsFunc(rd.acts, in) && !slices.ContainsFunc(rd.verbs, in) || p.startsWithAny(rd.text[sp[0]:sp[1]], p.g.ContrastOpen) {
			return false
		}
	}
	return true
}

// differ reports whether parts are of one activity, each asked on facts
// of its own: some fact's value differs between two of them.
func differ(parts []*understanding) bool {
	a := parts[0].queries[0]
	for _, u := range parts[1:] {
		b := u.queries[0]
		// (…我十月十五号在自己山上摘: nor on days of their own — a day
		// said once is read for the whole call)
		if b.Activity != a.Activity || b.Date != a.Date || b.DateWords != "" || a.DateWords != "" {
			return false
		}
	}
	for _, u := range parts[1:] {
		b := u.queries[0]
		for f, v := range a.Facts {
			if w, ok := b.Facts[f]; ok && !sameValue(v, w) {
				return true
			}
		}
	}
	return false
}

// toldOnly reports whether every act of u's one query's activity is told
// as done (交了医保), none asked.
func toldOnly(u *understanding) bool {
	id := u.queries[0].Activity
	found := false
	for _, h := range u.rd.acts {
		if h.w.activity == nil || h.w.activity.ID != id {
			continue
		}
		if !h.bg || h.when {
			return false
		}
		found = true
	}
	return found
}

// firstSubject is where the first pair subject clause s names starts, -1
// for none.
func (p *parser) firstSubject(s string) int {
	at := -1
	p.everySubject(s, func(_ string, i, _ int) bool {
		if at < 0 || i < at {
			at = i
		}
		return true
	})
	return at
}

// kinAt reports whether s opens with a person the caller names as his kin
// (我爸 of 给我爸交): someone else, not the caller.
func (p *parser) kinAt(s string) bool {
	return slices.ContainsFunc(p.kinNouns, func(k kinNoun) bool { return strings.HasPrefix(s, k.noun) }) || p.startsWithAny(s, p.g.Kin)
}

// onlyCallerNamed reports whether clause s names a pair subject and every
// one it names is the caller (我在屋里烧包; not 我爸, 我跟我哥).
func (p *parser) onlyCallerNamed(s string) bool {
	return p.everySubject(s, func(w string, i, _ int) bool { return slices.Contains(p.g.FirstPerson, w) && !p.kinAt(s[i:]) })
}

// callerNamed reports whether a pair subject clause s names is the caller
// himself (我在…), not his kin (我爸) nor another.
func (p *parser) callerNamed(s string) bool {
	named := false
	p.everySubject(s, func(w string, i, _ int) bool {
		named = named || slices.Contains(p.g.FirstPerson, w) && !p.kinAt(s[i:])
		return true
	})
	return named
}

// pronounOpens reports whether clause s opens with a third-person pronoun
// (他也交) and names no other pair subject.
func (p *parser) pronounOpens(s string) bool {
	s = strings.TrimLeftFunc(s, clauseBreakOrSpace)
	n := p.longestPrefix(s, p.g.ThirdPerson)
	return n > 0 && p.everySubject(s, func(_ string, i, _ int) bool { return i == 0 })
}

// pronounOnly reports whether every pair subject clause s names is a
// third-person pronoun said as the one an act is done for (给他, 帮她).
func (p *parser) pronounOnly(s string) bool {
	return p.everySubject(s, func(w string, i, _ int) bool {
		return slices.Contains(p.g.ThirdPerson, w) && p.hasSuffixAny(s[:i], p.g.PairSelfBefore)
	})
}

// everySubject reports whether clause s names a pair subject and each one
// it names, the word w at s[i:j], is as ok says.
func (p *parser) everySubject(s string, ok func(w string, i, j int) bool) bool {
	found := false
	for _, w := range p.g.PairSubjects {
		for from := 0; ; {
			k := strings.Index(s[from:], w)
			if k < 0 {
				break
			}
			i := from + k
			from = i + len(w)
			if !ok(w, i, from) {
				return false
			}
			found = true
		}
	}
	return found
}

// compareParts parts a call comparing one act on two days (12月交医保跟
// 1月交有什么区别): the words before the join, on the first day, and the
// same words with the second day in the first's place, each followed by
// what is said after the second day (what is compared) — each decided on
// its own day, not the first alone. Nil unless both are one decision.
func (p *parser) compareParts(rd *reading, today calendar.Date) []*understanding {
	var ds []dates.Mention
	for _, m := range rd.dates {
		if !m.Bad && !m.Weak {
			ds = append(ds, m)
		}
	}
	// a year said right before the day is the day's (明年2月份)
	for k := range ds {
		for _, w := range rd.dates {
			if w.Weak && w.End == ds[k].Start {
				ds[k].Start = w.Start
			}
		}
	}
	if len(ds) != 2 || ds[0].End > ds[1].Start || !p.hasAny(rd.text[ds[1].End:], p.g.Compare) {
		return nil
	}
	d1, d2 := ds[0], ds[1]
	join := -1
	for _, w := range p.g.CompareJoin {
		if k := d2.Start - len(w); k > d1.End && strings.HasSuffix(rd.text[:d2.Start], w) {
			join = k
		}
	}
	if join < 0 {
		return nil
	}
	// what is compared is said after the second day (…十二月份交，价钱一样不):
	// each is asked it
	tail := "，" + rd.text[d2.End:]
	first := rd.text[:join]
	second := rd.text[:d1.Start] + rd.text[d2.Start:d2.End] + rd.text[d1.End:join]
	parts := make([]*understanding, 0, 2)
	for _, s := range []string{first, second} {
		part := p.understand(s+tail, today)
		if part.intent != IntentDecision || len(part.queries) != 1 || part.queries[0].Activity == "" {
			return nil
		}
		parts = append(parts, part)
	}
	return parts
}

// pauseSpans are the stretches of text between pauses (spaces and clause
// breaks), as byte offsets [start, end), in order.
func pauseSpans(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		switch pause := clauseBreakOrSpace(r); {
		case pause && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		case !pause && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// docSubjectParts parts a call asking of two documents named by subject
// (森林防火禁火令还有效吗 油茶采摘的通告还有效吗) at each pause after which
// the words to the next pause are a document question of their own; words
// that are not (请问) go with the question before them, or after them at
// the start. A call that says a number is parted by docParts alone (祁政通
// 2024年2号 消防安全除患攻坚的通告还执行不 names one document twice). nil
// for a call of one question.
func (p *parser) docSubjectParts(rd *reading, today calendar.Date) []*understanding {
	spans := pauseSpans(rd.text)
	if len(spans) < 2 || len(p.docRefs(rd.text)) > 0 || p.saysDocN(rd.text) {
		return nil
	}
	var starts []int
	for k, sp := range spans {
		if part := p.understand(rd.text[sp[0]:sp[1]], today); part.intent == IntentDocument {
			starts = append(starts, k)
		}
	}
	if len(starts) < 2 {
		return nil
	}
	var parts []*understanding
	for n, k := range starts {
		from, to := spans[k][0], len(rd.text)
		if n == 0 {
			from = 0
		}
		if n+1 < len(starts) {
			to = spans[starts[n+1]][0]
		}
		part := p.understand(strings.TrimSpace(rd.text[from:to]), today)
		if part.intent != IntentDocument {
			return nil
		}
		parts = append(parts, part)
	}
	return parts
}

// asksIn reports whether the words t ask a question (吗, 要得不, or one
// of AskingEnd last: 城区能摆摊不), not only tell what the caller will do
// (想给屋里人交医保, 屋里办喜事要放鞭炮: why a document is asked after).
func (p *parser) asksIn(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	return p.hasAny(t, p.g.Asking) || slices.ContainsFunc(p.g.AskingEnd, func(e string) bool { return strings.HasSuffix(t, e) })
}

// docActParts parts a call asking of a document and of an act, either
// first (7号文件还有效吗，山上能烧火不; 山上能烧纸不，还有那个禁火令现在还算数不),
// at the first pause where the words before it, read on their own, ask of
// a document and the words after it of a covered act, or the other way
// round; nil for a call of one question. Only a call with a document word
// or number is tried: the parts are read again, each on its own.
func (p *parser) docActParts(rd *reading, today calendar.Date) []*understanding {
	if !p.textHas(rd, p.g.Document) && !(strings.Contains(rd.text, "号") && len(p.docRefs(rd.text)) > 0) {
		return nil
	}
	spans := pauseSpans(rd.text)
	if len(spans) < 2 {
		return nil
	}
	isAct := func(u *understanding) bool {
		return u.intent == IntentDecision && len(u.queries) == 1 && u.queries[0].Activity != ""
	}
	// each part asks (吗, 不, 还算数不): 看到通知说…施行，想确认一下：当天…
	// tells where a day was read, and asks of the act alone
	asks := p.asksIn
	for _, sp := range spans[1:] {
		head, tail := strings.TrimSpace(rd.text[:sp[0]]), strings.TrimSpace(rd.text[sp[0]:])
		// (禁火令是9月1日起施行吗？当天在山上烧荒…: 当天 points back to the
		// document's day, and the call asks of the act that day)
		if !asks(head) || !asks(tail) || p.hasAny(tail, p.g.BackThen) {
			continue
		}
		first := p.understand(head, today)
		if first.intent != IntentDocument && !isAct(first) {
			continue
		}
		second := p.understand(tail, today)
		if first.intent == IntentDocument && isAct(second) || isAct(first) && second.intent == IntentDocument {
			return []*understanding{first, second}
		}
	}
	return nil
}

// questionParts parts a call at a question mark where the question before
// it and the words after it are of two kinds — one asks for no decision (a
// number, a period, a document, a duty) and the other of a covered act
// (山上冒烟了打哪个电话？还有我自己明天能不能上山烧点纸; 禁火期是从哪天到哪天？
// 这个礼拜六在山上野炊): each its own answer, in the order asked, not the
// act folded into the other's answer or dropped. The words after the mark
// may be parted again (…能收新茶籽榨油吗？那个通告是哪个单位发的？我家…行吧).
// nil for a call of one question, or of questions all of one kind.
// A call of more question marks than MaxAnswers is not parted here: each
// mark tried reads the words on both sides.
func (p *parser) questionParts(rd *reading, r *partReader) []*understanding {
	other := func(u *understanding) bool {
		switch u.intent {
		case IntentDocument, IntentReport, IntentDuty:
			// (禁火期是从几号到几号？我在山上守林子想生堆火: a period
			// asked beside an act is answered with its verdict, as one)
			return len(u.parts) == 0
		}
		return false
	}
	// the question right before the mark is itself of that kind, not
	// words of a story before a question of an act (…有人拍照投诉我。
	// 我想问下在城里拉渣土一定要盖起来吗？)
	lastAsks := func(head string, u *understanding) bool {
		sp := pauseSpans(head)
		if len(sp) < 2 {
			return true
		}
		last := r.readOne(head[sp[len(sp)-1][0]:])
		return last.intent == u.intent
	}
	isAct := func(u *understanding) bool {
		return u.intent == IntentDecision && len(u.queries) == 1 && u.queries[0].Activity != ""
	}
	// an act no rule covers, asked of alone (办驾照的体检去哪里？…在城里
	// 人行道上摆摊要罚吗): read with a covered act it is dropped, and its
	// answer (no rule) is the caller's as much as the other's
	// — but words not understood, said as 那…呢, are the act before asked
	// again, not one of their own (…烧田埂，算不算禁火区域？一百零一米呢)
	uncovered := func(u *understanding) bool {
		if u.intent != IntentDecision || len(u.queries) != 1 || u.queries[0].Activity != "" || u.queries[0].Act == "" {
			return false
		}
		// (nor a covered act denied: 我自己没工作能交居民医保吧)
		if slices.ContainsFunc(u.queries[0].Understood, func(w Understood) bool { return w.Kind == "negated" }) {
			return false
		}
		known := slices.ContainsFunc(u.queries[0].Understood, func(w Understood) bool { return w.Kind == "act" })
		return known || !p.hasSuffixAny(u.rd.text, p.g.Ellipsis)
	}
	// the uncovered act is asked right at the mark: the head's last clause
	// or the tail's first names it, not a story told before or after
	// (…我用卷尺量过的…我觉得一百米应该不算吧？冬天在这块田里烧田埂要得不)
	atMark := func(text string, u *understanding, last bool) bool {
		sp := pauseSpans(text)
		if len(sp) < 2 {
			return true
		}
		k := sp[0]
		if last {
			k = sp[len(sp)-1]
		}
		one := r.readOne(strings.TrimSpace(text[k[0]:k[1]]))
		return uncovered(one) && one.queries[0].Act == u.queries[0].Act
	}
	// a part of its own parts holding a question of each kind
	mixed := func(u *understanding) bool {
		return u.intent == IntentSeveral && slices.ContainsFunc(u.parts, other) && slices.ContainsFunc(u.parts, isAct)
	}
	spans := pauseSpans(rd.text)
	if len(spans) < 2 || strings.Count(rd.text, "？")+strings.Count(rd.text, "?") > MaxAnswers {
		return nil
	}
	for _, sp := range spans[1:] {
		before := strings.TrimRightFunc(rd.text[:sp[0]], unicode.IsSpace)
		if !strings.HasSuffix(before, "？") && !strings.HasSuffix(before, "?") {
			continue
		}
		head, tail := strings.TrimSpace(before), strings.TrimSpace(rd.text[sp[0]:])
		if p.hasAny(tail, p.g.BackThen) {
			continue // 当天在山上烧荒: the act asked on the day the other names
		}
		// (哪个讲不准烧纸的？坟山上烧纸有么子文件不准: a rule challenged
		// alone before the mark is the caller's lead-in to the case asked
		// after it, not a question of its own — mandarin.yaml challenge_open)
		// (是不是只有城里才禁放？我们村里…放鞭炮总可以吧: so is a premise
		// that only one case is banned, only_premise, as it is inside one
		// question; and 上坟不点香那还叫上坟？…: a question that answers
		// itself, rhetorical)
		if len(pauseSpans(head)) == 1 && (p.startsWithAny(head, p.g.ChallengeOpen) || p.startsWithAny(head, p.g.OnlyPremise)) ||
			p.hasAny(lastSpan(head), p.g.Rhetorical) {
			continue
		}
		// (read as one first: a head that is of neither kind as one is of
		// neither when parted, and its marks need not be tried)
		if one := r.readOne(head); !isAct(one) && !other(one) && !uncovered(one) {
			continue
		}
		first := r.read(head)
		if !isAct(first) && !uncovered(first) && !(other(first) && lastAsks(head, first)) {
			continue
		}
		second := r.read(tail)
		switch {
		case other(first) && (isAct(second) || mixed(second)), isAct(first) && (other(second) || mixed(second)):
		// (…危房改造有冇得补助？怎么申请: how it is claimed or done asks
		// of the act before, whatever act 申请 may spell alone)
		case uncovered(first) && atMark(head, first, true) && isAct(second) &&
			!p.hasAny(tail, p.g.Claim) && !p.hasAny(tail, p.g.How),
			isAct(first) && uncovered(second) && atMark(tail, second, false):
		case isAct(first) && isAct(second) && p.secondActLost(r.readOne(rd.text), first, second, tail):
		default:
			continue
		}
		parts := []*understanding{first}
		if second.intent == IntentSeveral {
			return append(parts, second.parts...)
		}
		return append(parts, second)
	}
	return nil
}

// secondActLost reports whether a call read whole answers one act where
// the questions either side of a mark ask of two covered acts of their
// own (油坊10月8号收新茶籽榨油可以吗？我在茶山边上烧一堆茶枯饼的壳子行不):
// read whole, the second act's bare verb or frame yields to the first's,
// and the caller's second question goes unanswered. The words after the
// mark must ask themselves (行不, 呢, 吗): a statement after a question
// (…可以不？摘的是我舅舅家的) tells the first act's case, not a second
// question.
func (p *parser) secondActLost(whole, first, second *understanding, tail string) bool {
	if whole.intent != IntentDecision || len(whole.queries) != 1 {
		return false
	}
	a, b := first.queries[0].Activity, second.queries[0].Activity
	if a == b || whole.queries[0].Activity != a && whole.queries[0].Activity != b || p.sameFamily(a, b) {
		return false
	}
	if p.hasAny(tail, p.g.Asking) || p.hasAny(tail, p.g.Where) || p.asks(tail) || p.hasAny(tail, p.g.Wishes) {
		return true
	}
	// (a clause of it ending as a question does: …烧火取暖呢，工地离山很远)
	for _, sp := range pauseSpans(tail) {
		t := strings.TrimRightFunc(tail[sp[0]:sp[1]], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
		if p.endsWithAny(t, p.g.AskingEnd) || p.hasSuffixAny(t, p.g.Ellipsis) {
			return true
		}
	}
	return false
}

// sameFamily reports whether activities a and b (ids) are kinds of one
// root or of one notice's file: two questions of one matter (一家人是不是都要交？只交老人的…要得不;
// 学平险算不算医保？…又在家里交了一遍呢) are one matter asked in steps,
// which the whole call's reading weighs — the partial or second form wins
// there, and read apart the first step would answer the plain act.
func (p *parser) sameFamily(a, b string) bool {
	x, ok1 := p.set.Activity(a)
	y, ok2 := p.set.Activity(b)
	if !ok1 || !ok2 {
		return true
	}
	root := func(k *rules.Activity) *rules.Activity {
		for k.Parent != nil {
			k = k.Parent
		}
		return k
	}
	return root(x) == root(y) || x.File == y.File
}

// lastSpan is text's last part between pauses (the question right before
// its mark).
func lastSpan(text string) string {
	sp := pauseSpans(text)
	if len(sp) == 0 {
		return text
	}
	return text[sp[len(sp)-1][0]:sp[len(sp)-1][1]]
}

// hasSuffixAny: s, its closing punctuation trimmed, ends with one of words.
func (p *parser) hasSuffixAny(s string, words []string) bool {
	s = strings.TrimRight(s, pauses)
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// afterPause: the text before a document number ends at a pause — a space,
// a clause break or a connector (还有) — so the number begins a question of
// its own; 油茶采摘还按祁政通2024年8号执行不 runs into it, one question.
// saidAsOwn reports whether a is said as the caller's own act: a first
// person word before it in its clause (我在城里人行道上摆摊, 我店门口的
// 货摆出去了) or a may-I question in its clause (整治期到几号 城里人行道
// 上堆货要得不), not an act named as a period's subject (摆摊的整改期).
func (p *parser) saidAsOwn(rd *reading, a hit) bool {
	if a.neg || a.clause < 0 || a.i > len(rd.clauses) {
		return false
	}
	from := rd.clauseStart(a.i, a.clause)
	if p.hasAny(rd.text[from:a.i], p.g.FirstPerson) {
		return true
	}
	// (大后天在山上烧荒还来得及不, 结束以后能在人行道上摆摊了不: the
	// act's clause asks of it by a particle at its end or by 是不是就可以,
	// when the period is asked in another clause)
	t := clauseText(rd, a.clause)
	if p.hasAny(t, p.g.Asking) {
		return true
	}
	own := strings.TrimRight(t, pauses)
	return a.clause > 0 && (p.endsWithAny(own, p.g.AskingEnd) || p.hasAny(own, p.g.ActAsks))
}

// clauseStart is where the clause that before ends in starts: after its
// last space or clause break; 0 when it has none.
func clauseStart(before string) int {
	at := 0
	for i, r := range before {
		if unicode.IsSpace(r) || clauseBreak(r) {
			at = i + utf8.RuneLen(r)
		}
	}
	return at
}

func (p *parser) afterPause(before string) bool {
	t := strings.TrimRight(before, " ")
	if t != before || t == "" {
		return true
	}
	if r, _ := utf8.DecodeLastRuneInString(t); clauseBreak(r) {
		return true
	}
	for _, c := range p.g.Connectors {
		if strings.HasSuffix(t, c) {
			return true
		}
	}
	return false
}

// kindInTopic is the kind of the family of topic's activity (its root
// and every kind below it) whose names hold the words of act a, said in a
// later clause that asks the same of it (渣土车不盖篷布行不行 超载呢: 超载
// of a construction-waste truck is 超载运输建筑垃圾, not the oil-tea
// overloading the word names alone); nil when a is of that family
// already, or when none or several kinds fit.
func (p *parser) kindInTopic(topic, a hit) *rules.Activity {
	t, w := topic.w.activity, a.w.activity
	if t == nil || w == nil || a.words == "" {
		return nil
	}
	root := t
	for root.Parent != nil {
		root = root.Parent
	}
	if w.IsA(root) {
		return nil
	}
	var fit *rules.Activity
	for _, k := range p.set.Activities {
		if !k.IsA(root) || !slices.ContainsFunc(append([]string{k.Name}, k.Synonyms...), func(n string) bool { return strings.Contains(n, a.words) }) {
			continue
		}
		if fit != nil {
			return nil // two kinds fit: the words name neither
		}
		fit = k
	}
	return fit
}

// splitValues asks an act once for each of several values of one fact
// said joined (寒露籽和霜降籽今天都能摘吗, 低保户跟特困户交多少): the
// values are joined by a connector (和, 跟, 、) or the second said to be
// there too (values_too: 也有), with nothing else between, and each answer takes one of them — never one of them alone
// for both (我家山上有寒露籽也有霜降籽，今天一起摘 was 可以).
func (p *parser) splitValues(rd *reading, acts []hit) []hit {
	var out []hit
	for _, a := range acts {
		group := p.joinedValues(rd, a, acts)
		if len(group) < 2 {
			out = append(out, a)
			continue
		}
		// 良种油茶跟寒露籽一样10月8号就能摘吧: the value said after the
		// connector and before a likeness (一样), no question of it after,
		// is the standard the first is likened to — the first is asked
		if g := rd.facts[group[1]]; len(group) == 2 && p.likenedTo(rd, g) {
			b := a
			b.skip = append(b.skip[:len(b.skip):len(b.skip)], g.i)
			out = append(out, b)
			continue
		}
		for _, keep := range group {
			b := a
			b.skip = nil
			for _, o := range group {
				if o != keep {
					b.skip = append(b.skip, rd.facts[o].i)
				}
			}
			out = append(out, b)
		}
	}
	return out
}

// likenedTo reports whether the fact phrase g is said right before a word
// of likeness (compare_case: 一样, 一回事) that asks no comparison itself
// (compare: 一样不, 一样吗): X跟g一样… likens X to g and asks of X.
func (p *parser) likenedTo(rd *reading, g hit) bool {
	after := rd.text[g.j:]
	return p.startsWithAny(after, p.g.CompareCase) && !p.startsWithAny(after, p.g.Compare)
}

// joinedValues are the fact phrases (indices in rd.facts) in a's clause
// that give different values of one enum fact, joined by connectors; nil
// when there are not two.
func (p *parser) joinedValues(rd *reading, a hit, acts []hit) []int {
	var group []int
	for k := 0; k+1 < len(rd.facts); k++ {
		f, g, m := rd.facts[k], rd.facts[k+1], k+1
		// (…寒露籽…，我家的是霜降籽，也一起摘了: a value in a clause of its
		// own is the next of its fact, phrases of other facts between)
		if len(f.w.facts) > 0 {
			for x := k + 1; x < len(rd.facts); x++ {
				if h := rd.facts[x]; h.clause != f.clause && len(h.w.facts) > 0 && h.w.facts[0].Fact == f.w.facts[0].Fact {
					if x > k+1 && slices.ContainsFunc(rd.facts[k+1:x], func(o hit) bool { return o.clause == f.clause }) {
						break
					}
					g, m = h, x
					break
				}
			}
		}
		// (我家山上有寒露籽和霜降籽，今天一起摘: or in a clause of no act
		// before the act's, the scene it is done in)
		own := f.clause == a.clause || f.clause < a.clause && !slices.ContainsFunc(acts, func(o hit) bool { return o.clause == f.clause }) ||
			// (明天摘茶籽，我家的寒露籽跟我舅家的霜降籽都摘: or in a later clause
			// saying the act again)
			f.clause > a.clause && slices.ContainsFunc(rd.acts, func(o hit) bool { return o.clause == f.clause && p.sameAct(o, a) })
		if !own || f.neg || g.neg || len(f.w.facts) == 0 || len(g.w.facts) == 0 {
			continue
		}
		// (寒露籽摘得哒啵，我屋里霜降籽也有，一起摘咯: or one in a clause of
		// its own, of no act, said to be there too, right beside the
		// act's — the scene around the act, before it or after)
		if g.clause != f.clause && !p.tooAround(rd, a, f, g, acts) {
			continue
		}
		fv, gv := f.w.facts[0], g.w.facts[0]
		fact, ok := p.set.Fact(fv.Fact)
		if !ok || fact.Kind != cond.Enum || fv.Fact != gv.Fact || sameValue(fv.V, gv.V) {
			continue
		}
		// (有寒露籽也有霜降籽: or the second said to be there too — not
		// two said side by side, one place told twice: 马路边人行道上)
		between := strings.TrimSpace(rd.text[f.j:g.i])
		// (寒露籽霜降籽都有: or said side by side, then 都)
		both := between == "" && p.startsWithAny(rd.text[g.j:], p.g.PairBoth)
		if g.clause == f.clause && between != "、" && !contains(p.g.Connectors, between) && !contains(p.g.ValuesToo, between) && !both &&
			!p.joinedOwned(rd, f.j, g.i) {
			continue
		}
		if len(group) > 0 && group[len(group)-1] != k {
			break // one run of values per act
		}
		if len(group) == 0 {
			group = append(group, k)
		}
		group = append(group, m)
	}
	return group
}

// joinedOwned reports whether the words at i..j, between two values, are a
// connector and whose the second is (我家的寒露籽跟我舅家的霜降籽): a few
// characters ending in 的, holding no act nor verb.
func (p *parser) joinedOwned(rd *reading, i, j int) bool {
	s := strings.TrimSpace(rd.text[i:j])
	n := p.longestPrefix(s, p.g.Connectors)
	if n == 0 {
		return false
	}
	own := s[n:]
	if !strings.HasSuffix(own, "的") || utf8.RuneCountInString(own) > maxOwner {
		return false
	}
	at := i + strings.Index(rd.text[i:j], own)
	in := func(h hit) bool { return h.i < at+len(own) && at < h.j }
	return !slices.ContainsFunc(rd.acts, in) && !slices.ContainsFunc(rd.verbs, in)
}

// maxOwner is the most characters whose a value is said to be, 的 included
// (我舅家的, 隔壁屋里的).
const maxOwner = 6

// tooAround reports whether fact phrases f and g, said in neighbouring
// clauses, are two values of the scene of act a: one in a's clause, the
// other in a clause of no act beside it, said there too (也有 right after
// it, or 还有 right before).
func (p *parser) tooAround(rd *reading, a hit, f, g hit, acts []hit) bool {
	if g.clause != f.clause+1 || f.clause != a.clause && g.clause != a.clause {
		return false
	}
	other := f
	if f.clause == a.clause {
		other = g
	}
	if slices.ContainsFunc(acts, func(o hit) bool { return o.clause == other.clause }) || p.elsewhere(rd, other.clause) {
		return false
	}
	return p.startsWithAny(rd.text[other.j:], p.g.ValuesToo) || slices.ContainsFunc(p.g.ValuesToo, func(w string) bool {
		return strings.HasSuffix(rd.text[:other.i], w)
	}) || other.clause > a.clause && p.doneToo(rd, a, other)
}

// doneToo reports whether a verb of act a's activity is said with 也
// (PairToo) of value v, said in a later clause than a's: in v's own clause
// after it (霜降籽我也想一起摘), or opening the next (我家的是霜降籽，也一起摘了)
// — the value is picked too.
func (p *parser) doneToo(rd *reading, a, v hit) bool {
	too := func(h hit) bool {
		if h.i < v.j || !p.verbOf(h.words, a.w.activity) && h.w.activity != a.w.activity {
			return false
		}
		switch rd.clause(h.i) {
		case v.clause:
			return p.hasAny(rd.text[v.j:h.i], p.g.PairToo)
		case v.clause + 1:
			st := rd.clauseStart(h.i, v.clause+1)
			lead := strings.TrimLeftFunc(rd.text[st:h.i], func(r rune) bool { return unicode.IsSpace(r) || clauseBreak(r) })
			return p.startsWithAny(lead, p.g.PairToo)
		}
		return false
	}
	return slices.ContainsFunc(rd.verbs, too) || slices.ContainsFunc(rd.acts, too)
}

// inFact reports whether byte i of the text is inside a fact phrase said.
func (p *parser) inFact(rd *reading, i int) bool {
	for _, f := range rd.facts {
		if f.i < i && i < f.j {
			return true
		}
	}
	return false
}

func sortedKeys(m map[int]bool) []int {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	return ks
}

// says reports whether the text holds one of words (hasAny on the whole
// text): the characters the text holds, and the pairs of them it holds
// side by side, are indexed once per call, so that the words whose first
// character or first two it lacks cost no search — most, in a long text,
// even one made of the words' own characters, where every first character
// is present.
func (rd *reading) says(words []string) bool {
	rd.index()
	for _, w := range words {
		if rd.mayHold1(w) && rd.search(w) {
			return true
		}
	}
	return false
}

// mayHold1 reports whether the text may hold w (indexed): false when it
// lacks w's first character, or its first two side by side; true for "".
func (rd *reading) mayHold1(w string) bool {
	if rd.plain {
		return true
	}
	if !rd.indexed { // (index is no inlined call: this is tested per word of many lists)
		rd.index()
	}
	r, n := decodeRune(w)
	if w != "" && !rd.present.mayHave(r) {
		return false
	}
	if n < len(w) {
		if r2, _ := decodeRune(w[n:]); !rd.adjacent.mayHave(r, r2) {
			return false
		}
	}
	return true
}

// search reports whether the text holds w, counted (scanMeter). A word
// searched once is not searched again: the kinds of question are asked
// of a call in several places (能报销 by the benefits, the terms, an act
// named by a phrase), and a text that holds the first characters of many
// of them would be searched for each every time.
func (rd *reading) search(w string) bool {
	for _, s := range rd.searched[:rd.nSearched] {
		if s.w == w {
			return s.held
		}
	}
	if scanMeter.on {
		scanMeter.searches++
	}
	held := strings.Contains(rd.text, w)
	if rd.nSearched < len(rd.searched) {
		// (kept in the reading itself: a map would cost every call that
		// searches an allocation)
		rd.searched[rd.nSearched] = searchedWord{w, held}
		rd.nSearched++
	}
	return held
}

// searchedWord is a word searched for in a call's text, and whether the
// text holds it.
type searchedWord struct {
	w    string
	held bool
}

// index records the characters of the text and the pairs of them side
// by side, once (says, textHas).
func (rd *reading) index() {
	if rd.indexed {
		return
	}
	prev := rune(-1)
	for _, r := range rd.text {
		rd.present.add(r)
		if prev >= 0 {
			rd.adjacent.add(prev, r)
		}
		prev = r
	}
	rd.indexed = true
}

// mayHold appends to buf the words the text may hold — all but those whose
// first character, or first two side by side, it lacks (says' index).
func (rd *reading) mayHold(words, buf []string) []string {
	rd.index()
	for _, w := range words {
		if rd.mayHold1(w) {
			buf = append(buf, w)
		}
	}
	return buf
}

// textHas is hasAny(rd.text, words) — the same answer, an empty word
// included — with the text's index (says): a word whose first two
// characters the text never holds side by side is not searched for.
func (p *parser) textHas(rd *reading, words []string) bool {
	s := rd.text
	rd.index()
	for _, w := range words {
		if w == "" {
			// hasAny's way: on a long text, only where the text holds
			// U+FFFD
			if len(s) <= 64 || strings.ContainsRune(s, utf8.RuneError) {
				return true
			}
			continue
		}
		if rd.mayHold1(w) && rd.search(w) {
			return true
		}
	}
	return false
}

func (p *parser) hasAny(s string, words []string) bool {
	for _, w := range words {
		if len(s) > 64 { // a long text: look for the first character first
			r, _ := utf8.DecodeRuneInString(w)
			if !strings.ContainsRune(s, r) {
				continue
			}
		}
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (p *parser) clauseEndsWith(rd *reading, c int, words []string) bool {
	end := -1
	for k := range rd.text {
		if rd.clause(k) == c {
			end = k
		}
	}
	if end < 0 {
		return false
	}
	seg := strings.TrimRight(clauseText(rd, c), pauses)
	for _, w := range words {
		if strings.HasSuffix(seg, w) {
			return true
		}
	}
	return false
}

func clauseText(rd *reading, c int) string {
	var b strings.Builder
	for k := 0; k < len(rd.text); k++ {
		if rd.clause(k) == c {
			b.WriteByte(rd.text[k])
		}
	}
	return b.String()
}

// clauseHasOwnFacts: act a's clause says a fact outside the act's own
// words — a place of its own. A fact its words carry (随地 of 随地吐痰, 乱 of
// 乱贴小广告) says how it is done, not where: 城区菜市场门口…杀鸡不 随地吐痰罚不罚
// asks of spitting there.
func (p *parser) clauseHasOwnFacts(rd *reading, a hit) bool {
	i, j := a.i, a.j
	if a.wj > 0 {
		i, j = min(i, a.wi), max(j, a.wj)
	}
	for _, h := range rd.facts {
		// (生活垃圾桶里 of 塞到生活垃圾桶里: the bin as the place rubbish
		// goes, read for pouring rubbish only, is no fact of mixing's)
		if h.clause == a.clause && (h.i < i || h.j > j) && slices.ContainsFunc(h.w.facts, func(v vocab.Value) bool { return readFor(v, a.w.activity) }) {
			return true
		}
	}
	return false
}

// clauseSaysMore reports whether clause c says a fact or a day of its
// own.
func (p *parser) clauseSaysMore(rd *reading, c int) bool {
	for _, h := range rd.facts {
		if h.clause == c {
			return true
		}
	}
	for _, m := range rd.dates {
		if rd.clause(m.Start) == c {
			return true
		}
	}
	return false
}

// distanceOfObject reports whether distance phrase h is said of act a's
// object: its clause opens with a word of one or two characters, before
// the phrase, that a's words hold (田离林子三十米 of 烧田埂).
func (p *parser) distanceOfObject(rd *reading, h, a hit) bool {
	st := rd.clauseStart(h.i, h.clause)
	subj := strings.TrimSpace(rd.text[st:h.i])
	n := utf8.RuneCountInString(subj)
	return n >= 1 && n <= 2 && strings.Contains(a.words, subj)
}

// deniedHere reports whether clause c says a bare verb only as not done,
// and no act (院子里不烧了): its place is where the act is not done.
func deniedHere(rd *reading, c int) bool {
	for _, h := range rd.acts {
		if h.clause == c {
			return false
		}
	}
	denied := false
	for _, v := range rd.verbs {
		if v.clause == c {
			if !v.neg {
				return false
			}
			denied = true
		}
	}
	return denied
}

// afterFact reports whether fact phrase h is said right after another
// fact phrase, with only 就 / 也 / 都 between (院子挨着林子, 屋就在林子边上):
// the first names the place the second describes.
func (p *parser) afterFact(rd *reading, h hit) bool {
	head := rd.text[:h.i]
	for _, w := range []string{"就", "也", "都"} {
		head = strings.TrimSuffix(head, w)
	}
	for _, f := range rd.facts {
		if f.j == len(head) && f.i < f.j && f.clause == h.clause {
			return true
		}
	}
	return false
}

// bothAsk reports whether clauses a and b both ask (行不, 摘得不).
func (p *parser) bothAsk(rd *reading, a, b int) bool {
	roles := p.roles(rd)
	return a < len(roles) && b < len(roles) && roles[a] == roleAsks && roles[b] == roleAsks
}

// factsDiffer reports whether clauses a and b state one fact with
// different values (寒露籽 … 霜降籽, 屋里 … 坟上): two questions of one
// act, not one said again with more of its setting.
func factsDiffer(rd *reading, a, b int) bool {
	for _, x := range rd.facts {
		if x.clause != a || x.neg {
			continue
		}
		for _, y := range rd.facts {
			if y.clause != b || y.neg {
				continue
			}
			for _, v := range x.w.facts {
				for _, w := range y.w.facts {
					if v.Fact == w.Fact && v.V != w.V && !v.Presumed && !w.Presumed {
						return true
					}
				}
			}
		}
	}
	return false
}

func (p *parser) clauseHasEnum(rd *reading, c int) bool {
	for _, h := range rd.facts {
		if h.clause != c {
			continue
		}
		for _, v := range h.w.facts {
			if f, ok := p.set.Fact(v.Fact); ok && f.Kind == cond.Enum {
				return true
			}
		}
	}
	return false
}

// rumouredBan reports whether the call tells a covered act someone said is
// banned (讲…不准用火, 说…不能烧纸) beside acts no rule covers that no
// clause asks of (村里开会，讲山上不准用火，是真的吗; 我姑讲清明不准烧纸了，
// 只能插花，是不是真的): the ban heard is what the caller checks, not the
// meeting it was heard at nor what is said to be left.
func (p *parser) rumouredBan(rd *reading, pos, neg []hit) bool {
	roles := p.roles(rd)
	for _, h := range pos {
		if h.w.activity != nil || roles != nil && roles[h.clause] == roleAsks {
			return false
		}
	}
	for _, b := range neg {
		if b.w.activity == nil || b.bg || !p.forbidden(rd, b.i) {
			continue
		}
		if t := rd.text[rd.clauseStart(b.i, b.clause):b.i]; !p.hasAny(t, p.g.Reported) || !p.tells(t) {
			continue
		}
		// each other act told before the ban, or after it as what is said
		// to be left (只能插花) — not one turned to (那挖点野菜总可以吧)
		if !slices.ContainsFunc(pos, func(h hit) bool {
			return h.i > b.i && !p.startsWithAny(strings.TrimLeft(rd.text[rd.clauseStart(h.i, h.clause):], pauses), p.g.Focus)
		}) {
			return true
		}
	}
	return false
}

// quotedAside drops the acts said inside the notice's words the caller
// quotes when his own words say the act he means: the quote is what he
// read, his act what he asks of. His own act is one a rule covers; or one
// no rule covers, of two characters or more, said after the quote, not
// measured by the quoted word, with the quoted act's verb denied (秸秆禁烧
// …我把稻草捆回家喂牛，不烧 — but "严禁…烧纸钱"，我清明去上坟 is the quoted
// act done there, and …煮猪潲，这算野炊吧 measures by it); or a bare verb
// that only one act of the quoted act's notice has, with a fact said in
// his own words that the quoted act's own words deny (越界采摘…我是帮亲戚
// 摘，他同意了的: the consent is no 越界). A bare verb alone takes the
// quoted act's object (…"抢摘"…抢着摘), so it keeps the quote.
func (p *parser) quotedAside(rd *reading, pos []hit) []hit {
	if len(rd.pasted) == 0 {
		return pos
	}
	quoted := func(i int) bool { return p.inQuoted(rd, i) }
	var qs []hit
	end := 0 // where the last quoted act's quote ends
	for _, h := range pos {
		if quoted(h.i) && h.w.activity != nil {
			qs = append(qs, h)
			for _, sp := range rd.pasted {
				if h.i >= sp[0] && h.i < sp[1] {
					end = max(end, sp[1])
				}
			}
		}
	}
	if len(qs) == 0 {
		return pos
	}
	// (…不烧: the quoted act's own verb denied in his words)
	refused := slices.ContainsFunc(rd.acts, func(n hit) bool {
		return n.neg && !quoted(n.i) && slices.ContainsFunc(qs, func(q hit) bool { return n.w.activity == q.w.activity })
	}) || slices.ContainsFunc(rd.verbs, func(v hit) bool {
		return !quoted(v.i) && p.verbNegated(rd, v) && slices.ContainsFunc(qs, func(q hit) bool { return p.verbOf(v.words, q.w.activity) })
	})
	own := slices.ContainsFunc(pos, func(h hit) bool {
		if quoted(h.i) {
			return false
		}
		if h.w.activity != nil {
			// (not the background of a person, 开私人三轮车的师傅, nor the
			// quoted act said again, 90天内可以参保)
			return !h.bg && !slices.ContainsFunc(qs, func(q hit) bool { return q.w.activity == h.w.activity })
		}
		return refused && utf8.RuneCountInString(h.words) > 1 && h.i >= end && !p.hasAny(rd.text[h.j:], p.g.CountsAs)
	})
	denied := slices.ContainsFunc(rd.facts, func(f hit) bool {
		if quoted(f.i) || f.neg {
			return false
		}
		return slices.ContainsFunc(qs, func(q hit) bool {
			return slices.ContainsFunc(q.w.activity.Implies, func(a rules.Assignment) bool {
				return slices.ContainsFunc(f.w.facts, func(v vocab.Value) bool { return v.Fact == a.Fact.Name && v.V != a.Value() })
			})
		})
	})
	for _, v := range rd.verbs {
		if own || !denied {
			break
		}
		if quoted(v.i) || p.verbNegated(rd, v) {
			continue
		}
		a := p.onlyActivityOf(v.words)
		own = a != nil && slices.ContainsFunc(qs, func(q hit) bool { return q.w.activity.Notice == a.Notice })
	}
	// (通知写的"不得将同一户籍家庭成员拆户参保"，那我只给孩子交，大人都不交:
	// an act told done by some and not by the others, in bare verbs after
	// the quote, is the caller's own — its partial form, not the quoted act)
	if !own {
		h, ok := p.partialVerbs(rd, nil)
		own = ok && h.i >= end && !quoted(h.i)
	}
	if !own {
		return pos
	}
	return slices.DeleteFunc(pos, func(h hit) bool { return quoted(h.i) })
}

// chooseActs picks the acts asked about: not the negated ones (只扫墓不烧
// 纸), only the focused ones when some are (只是在旁边看), not the
// background of another (摘茶籽的时候), not an uncovered act beside a
// covered one (上坟烧纸), not a kind's parent beside the kind (生火煮东西),
// and a partial form when an act is both done and not done (老人交、年轻人
// 不交). One per distinct activity, in the order said.
func (p *parser) chooseActs(rd *reading) []hit {
	// the people an act is done or not done by are said within this many
	// characters before it, in its clause (年轻的出去打工了不交)
	const peopleWindow = 10
	var pos, neg []hit
	for _, h := range rd.acts {
		if h.neg {
			neg = append(neg, h)
			continue
		}
		pos = append(pos, h)
	}
	// 香不点，插在坟上: the thing of an act denied with one verb, said with
	// another verb of the act (a frame read in either order), is done
	// without what is denied — the unlit incense stuck in burns nothing, an
	// act no rule covers
	// 玉米秆子还堆在地里 我老伴说烧了好种油菜 … 这几天能烧不: the clause
	// that asks decides the act, not the story told before it
	pos = p.countedAs(rd, pos)
	pos = p.askedActs(rd, pos)
	pos = p.thingNarrowed(rd, pos)
	pos = p.quotedAside(rd, pos)
	if len(pos) > 0 && p.uncoveredBesideBan(rd, pos, neg) {
		// 城区装修垃圾为么子不能丢进生活垃圾桶: the uncovered word before a
		// covered act said as banned, in its clause, names a thing (装修
		// of 装修垃圾) — the ban is what is asked
		pos = nil
	}
	if len(pos) > 0 && p.rumouredBan(rd, pos, neg) {
		pos = nil
	}
	if len(pos) == 0 {
		// 城管说我店门口不能摆东西 是真的吗: every act said as forbidden —
		// whether it is, is what is asked
		for _, h := range neg {
			// 不买医保会怎么样: an act refused, and the call asks in words
			// of its own for a term the act's rules state (what not
			// enrolling brings): the act is asked about, the term answers
			if !h.bg && p.forbidden(rd, h.i) {
				h.neg = false
				pos = append(pos, h)
			} else if !h.bg && h.w.activity != nil && p.asksStated(rd, h.w.activity.ID) {
				h.neg = false
				rd.q.refused = true
				pos = append(pos, h)
			}
		}
		if len(pos) > 0 {
			neg = nil
		}
	}
	for _, h := range neg {
		rd.q.Understood = append(rd.q.Understood, Understood{Words: h.words, Kind: "negated", Meaning: "不" + actLabel(h)})
	}
	// 烧田坎，不是，是在田里挖黄鳝; 鞭子放不得，那敲锣打鼓呢: an act taken
	// back, or refused and fallen back from, for another act or for words
	// no vocabulary holds, is not asked (actTakenBack)
	if len(pos) > 0 {
		kept := pos[:0:0]
		for _, h := range pos {
			// 落叶是在院子里烧还是扫到垃圾桶里: a choice whose option the
			// call ends on is another verb and no act of the vocabulary
			if at, ok := p.choiceEndsOff(rd, h, pos); ok {
				end := rd.clauseEnd(at, h.clause)
				kept = append(kept, hit{i: at, j: end, clause: h.clause, words: rd.text[at:end], w: word{act: rd.text[at:end]}})
				continue
			}
			if at, ok := p.actTakenBack(rd, h); ok {
				if p.meantInstead(rd, h, at, pos) {
					continue
				}
				p.placeRetracted(rd, h, at)
				// 别个山上的茶籽摘不得，那我摘自家山上的呢: the act refused,
				// then said again in the case turned to, is asked there
				// only — the refused case's answer is the caller's own
				if _, back := p.fallsBack(rd, h); back && slices.ContainsFunc(pos, func(o hit) bool { return o.i >= at && p.sameAct(o, h) }) {
					continue
				}
			}
			kept = append(kept, h)
		}
		pos = kept
		if len(pos) == 0 && rd.meantAt > 0 {
			return nil
		}
	}
	// 放鞭炮 哦不 放孔明灯: an act the caller took back by a correction right
	// after it is not asked; the one said after the correction is
	if len(pos) > 1 {
		kept := pos[:0:0]
		for _, h := range pos {
			if !p.actRetracted(rd, h, pos) {
				kept = append(kept, h)
			}
		}
		pos = kept
	}
	// 拉渣土的时候超载: an act said beside another whose way of doing it
	// (超载 of a haul: 超载运输建筑垃圾) is also a way of the other's is
	// that way
	if len(pos) > 1 {
		for k, o := range pos {
			if o.w.activity == nil {
				continue
			}
			for _, h := range pos {
				if h.w.activity == nil || h.w.activity == o.w.activity {
					continue
				}
				m := slices.IndexFunc(p.manners[o.w.activity.ID], func(a *rules.Activity) bool {
					return slices.Contains(p.manners[h.w.activity.ID], a)
				})
				if m < 0 {
					continue
				}
				// (帮人拉渣土…晚上拉白天拉: one act is itself a way of the
				// other — the hours of the haul — and that way is what is
				// asked, not a third way the two only share)
				switch {
				case slices.Contains(p.manners[h.w.activity.ID], o.w.activity):
				case slices.Contains(p.manners[o.w.activity.ID], h.w.activity):
					pos[k].w.activity = h.w.activity
				default:
					pos[k].w.activity = p.manners[o.w.activity.ID][m]
				}
				break
			}
		}
	}
	// 交了职工医保，哦，已经辞职了，断了半年了，交居民医保要得不: a way
	// told done, then ended, is no way held when its act is asked after
	if len(pos) > 1 {
		kept := pos[:0:0]
		for _, h := range pos {
			if !p.wayEnded(rd, h, pos) {
				kept = append(kept, h)
			}
		}
		pos = kept
	}
	// 正月初八去厂里上班: a way of an act named only beside the act (上班
	// of enrolling) is only what is done when nothing of the act is
	// said; beside a way the rules forbid outright (上班有社保, 职工医保
	// and 居民医保) it yields to that way
	kept := pos[:0:0]
	for _, h := range pos {
		base := p.mannerOf[h.w.activity]
		if base != nil && p.beside[h.w.activity] {
			if slices.ContainsFunc(pos, func(o hit) bool { return p.outright[o.w.activity] && p.mannerOf[o.w.activity] == base }) {
				continue
			}
			// 儿子在外面打工，医保还在屋里交不交: working away (打工)
			// asked only whether to pay, whether the person has the
			// employee plan decides (二（一）, 二（六）); asked where,
			// until when, how much, how long or how (儿子在广东打工医保在
			// 哪交), or told as who pays and who does not (年轻的在外面打工
			// 不交), or of no payment at all (老公在外面打工，我去摘茶籽),
			// it is the caller's story, as it was before
			if slices.Contains(p.g.WorkAway, h.words) && !p.workAsked(rd, base, neg) {
				continue
			}
			if !p.actSaid(rd, base) {
				h.w = word{act: h.words} // (what is done, of no rule: 去厂里上班)
			}
		}
		kept = append(kept, h)
	}
	pos = kept
	// 老头子有职工医保，我交居民的: a way of an act told of one person and
	// the act asked after it for another is that other's plain act
	if len(pos) > 1 {
		kept := pos[:0:0]
		for _, o := range pos {
			// (我跟我老婆都有职工医保，小孩的医保交居民的…我老婆也想交一份
			// 居民的: but not when it is asked after it of one it was told
			// of too — the way is that one's, still asked)
			if !slices.ContainsFunc(pos, func(h hit) bool { return p.otherPerson(rd, o, h) }) ||
				slices.ContainsFunc(pos, func(h hit) bool { return p.toldOfToo(rd, o, h) }) {
				kept = append(kept, o)
			}
		}
		pos = kept
	}
	// 我爸妈在外地交了职工医保，我还在读书，要交吗: the way told of
	// another than the caller the only act, and its act asked after it by
	// a bare verb, the caller alone named between — the caller's plain act
	if len(pos) == 1 {
		// (asked in its own clause: not 老人单独在观音滩交，我们在城里交，
		// 要得不 — the caller's act the other half of a way told of both)
		// (我和老婆在广东交了职工医保，屋里三个人要交多少: or the way told of
		// the caller, the act asked by others named in its own clause)
		if h, ok := p.bareActAfter(rd, pos[0]); ok && (p.endsQuestion(rd, h.clause) || p.clauseEndsWith(rd, h.clause, p.g.Money)) &&
			p.otherPerson(rd, pos[0], h) && !p.toldOfToo(rd, pos[0], h) &&
			(!p.callerNamed(clauseText(rd, pos[0].clause)) && p.callerBetween(rd, pos[0], h) ||
				p.callerNamed(clauseText(rd, pos[0].clause)) && p.othersAsk(rd, h)) {
			pos = []hit{h}
		} else if h, ok := p.householdTotal(rd, pos[0]); ok {
			pos = []hit{h}
		}
	}
	// 医保想各交各的: an act and a way of doing it that the rules judge
	// apart (拆户, 重复参保), both said: the call asks about the way
	if len(pos) > 1 {
		kept := pos[:0:0]
		for _, h := range pos {
			manner := false
			if h.w.activity != nil {
				for _, o := range pos {
					// (医保交多少钱？能分开交不？: not when the act is asked
					// first, in a question of its own — two questions; said
					// after the way, 用职工医保账户给我爸交…我自己还能交不, the
					// act is asked in the way's story)
					// (我有职工医保还要交居民医保吗？我爹我娘交居民医保要交好多钱？:
					// nor when asked after the way, apart, for someone else)
					manner = manner || o.w.activity != nil && slices.Contains(p.manners[h.w.activity.ID], o.w.activity) &&
						!(p.apart(rd, h, o) && (h.i < o.i || p.otherDoer(rd, o, h)))
				}
			}
			if !manner {
				kept = append(kept, h)
			}
		}
		pos = kept
		// 单位交了职工医保，家里还要交吗: two ways of one act said in a
		// call tell one story — the first said is asked about
		// (只给小孩交行不行？两个地方都交行不行？: but two asked apart are
		// two questions)
		seen := map[string]hit{}
		kept = pos[:0:0]
		for _, h := range pos {
			// (a way of two acts — 不盖篷布 of the haul and of the truck
			// on the road at an hour — is of the first listed, storyOf:
			// taken from the map in its random order, two breaches told
			// were one answer or two by chance)
			base := ""
			if a := p.storyOf[h.w.activity]; h.w.activity != nil && a != nil {
				base = a.ID
			}
			if first, ok := seen[base]; base != "" && ok && !p.apart(rd, first, h) {
				// (我有职工医保，用职工医保账户帮我爸交: a way said in a
				// later clause for someone named there, after one told
				// of nobody else, is what is asked — the first is the
				// payer's own state)
				// (老公有职工医保，能用他的账户给我交: or for the caller, the
				// first told of someone else — the holder's state, not the
				// caller's)
				if first.clause < h.clause && !p.forOther(rd, first.clause) &&
					(p.forOther(rd, h.clause) || p.forCaller(clauseText(rd, h.clause)) && p.otherHolder(rd, first)) {
					if k := slices.IndexFunc(kept, func(o hit) bool { return o.i == first.i && o.j == first.j }); k >= 0 {
						kept[k] = h
						seen[base] = h
					}
				}
				continue
			}
			if _, ok := seen[base]; !ok && base != "" {
				seen[base] = h
			}
			kept = append(kept, h)
		}
		pos = kept
	}
	// 只交三个人的: an act for only some of the people
	for k, h := range pos {
		if h.w.activity == nil || p.partial[h.w.activity.ID] == nil || !h.focus {
			continue
		}
		// (只有我娘没交医保，现在补交要得不: the one left out, the act
		// asked now for her — the household made whole)
		if p.onlyLeftOut(rd, h.i) && p.doneLater(rd, h, peopleWindow) {
			continue
		}
		// (我一个人住，只给我自己交医保: a household of one, no one left out)
		if p.peopleNear(rd, h) && !p.householdOfOne(rd.text) {
			h.w.activity = p.partial[h.w.activity.ID]
			// (菜市场门口乱倒菜叶子会罚吗？还有医保我们家只想给小孩交: the
			// others asked in questions of their own keep their answers)
			if p.sentencesApart(rd, h, pos) {
				pos[k] = h
				break
			}
			return []hit{h}
		}
	}
	// partial: the same act (or a bare verb of it) done and not done
	for k, h := range pos {
		if h.w.activity == nil || p.partial[h.w.activity.ID] == nil {
			continue
		}
		// (医保老人交年轻人不交行不行？两个地方都交行不行？: with the other
		// acts each asked apart, only its own clause's words tell, and the
		// others keep their answers)
		apart := len(pos) > 1 && !slices.ContainsFunc(pos, func(o hit) bool { return o.i != h.i && !p.apart(rd, h, o) })
		// (…乱倒菜叶子会罚吗？还有医保我们家想给小孩交，大人不交行吗: the
		// others asked in sentences of their own, its own sentence tells)
		inSentence := !apart && p.sentencesApart(rd, h, pos)
		apart = apart || inSentence
		own := func(i int) bool { return !apart || rd.clause(i) == h.clause || inSentence && oneSentence(rd, i, h.i) }
		a := h.w.activity
		// the people not doing it, by their word: those doing it must be
		// others (我老娘的医保还没交 is one person's act not done yet, no
		// part of a household; 孩子都冇交过…这些孩子能交吗 the same
		// children), and one not done yet but asked later is no part left
		// out (伢子还没交，现在交得不)
		var notBy [4]string
		nots := notBy[:0]
		for _, n := range neg {
			if n.w.activity == a && own(n.i) && p.before(rd, n.i, p.g.People, peopleWindow) && !p.doneLater(rd, n, peopleWindow) {
				nots = append(nots, p.peopleBefore(rd, n.i, peopleWindow))
			}
		}
		for _, v := range rd.verbs {
			// (不是只给伢子交: the only denied, not the act)
			if p.verbNegated(rd, v) && own(v.i) && p.verbOf(v.words, a) && p.before(rd, v.i, p.g.People, peopleWindow) && !p.doneLater(rd, v, peopleWindow) &&
				!p.onlyDenied(rd, v.i, peopleWindow) {
				nots = append(nots, p.peopleBefore(rd, v.i, peopleWindow))
			}
			// (我们两口子明年再交: put off to another year, not done
			// this year by those people)
			if !p.verbNegated(rd, v) && own(v.i) && p.verbOf(v.words, a) && p.putOff(rd, v.i) && p.before(rd, v.i, p.g.People, peopleWindow) {
				nots = append(nots, p.peopleBefore(rd, v.i, peopleWindow))
			}
		}
		not := len(nots) > 0
		others := func(i int) bool {
			by := p.peopleBefore(rd, i, peopleWindow)
			return by != "" && !slices.Contains(nots, by)
		}
		// done by some: the act itself, or a bare verb of it, with people
		// before it (医保屋里人都交，就我娘不交)
		done := others(h.i)
		for _, v := range rd.verbs {
			if !p.verbNegated(rd, v) && own(v.i) && p.verbOf(v.words, a) && others(v.i) {
				done = true
			}
		}
		if not && done {
			h.w.activity = p.partial[a.ID]
			if apart {
				pos[k] = h
				break
			}
			return []hit{h}
		}
	}
	// 医保只交三个, 一个交一个不交, 除了老倌子其他人都交: the one act
	// said, for part of a group told by a count or a phrase of part
	// (not 屋里四口人，我在单位有医保，他们三个交农合: the one left out told
	// to hold the employee plan in a clause before — the rest are all of
	// those the plan enrols; but 我有职工医保，屋里其他人只交两个 is part)
	if len(pos) == 1 && pos[0].w.activity != nil && p.partial[pos[0].w.activity.ID] != nil && p.someOf(rd, pos[0].w.activity) &&
		!(p.exemptTold(rd, pos[0]) && !p.before(rd, pos[0].i, p.g.Only, 4)) {
		h := pos[0]
		h.w.activity = p.partial[h.w.activity.ID]
		return []hit{h}
	}
	if h, ok := p.partialVerbs(rd, pos); ok && len(pos) > 0 {
		// (屋里大人交细伢子不交要得不？两个地方都交要得不？: asked apart
		// from every other act, a question of its own, in the order said)
		k := 0
		for k < len(pos) && pos[k].i < h.i {
			k++
		}
		pos = slices.Insert(pos, k, h)
	}
	if len(pos) == 0 {
		// 老人交、年轻人不交: bare verbs of one activity, done and not done
		if h, ok := p.partialVerbs(rd, pos); ok {
			return []hit{h}
		}
		// 去年冇交，今年现在交要得不: the same verb not done, then done, by
		// no people told apart — the one act, asked now
		if h, ok := p.doneAfterAll(rd); ok {
			return []hit{h}
		}
		// 我家三口人只交两个人的: a bare verb of an act with a partial
		// form, for part of a group said with people words
		if p.hasAny(rd.text, p.g.People) {
			for _, a := range p.partialOf {
				if p.someOf(rd, a) {
					return []hit{{words: rd.text, w: word{activity: p.partial[a.ID]}}}
				}
			}
		}
		// 装修垃圾不扔垃圾桶 也不乱倒 就放物业指定的堆放点: what is not
		// done with a thing, then a bare verb after it whose frame takes
		// that thing to another act — what is done with it instead
		for _, v := range rd.verbs {
			if v.neg {
				continue
			}
			for _, n := range neg {
				if n.obj == "" || n.w.activity == nil || v.i < max(n.j, n.objEnd()) {
					continue
				}
				for _, f := range p.framesOfHead(v.words) {
					if f.activity != nil && f.activity != n.w.activity && f.objects[n.obj] && p.withEither(rd, f, v.i, 0) {
						return []hit{{i: v.i, j: v.j, clause: v.clause, words: n.obj + "…" + v.words, w: word{activity: f.activity}}}
					}
				}
			}
		}
		// 没交医保 明年2月份再交要得不: an act said as not done, and later
		// a bare verb of it, not negated — what is not done yet is what is
		// asked
		for _, v := range rd.verbs {
			if v.neg {
				continue
			}
			for _, n := range neg {
				// (not done at a place, then another verb: what is done
				// instead — 不在人行道上摆摊 就在自己店里卖 is no stall)
				if n.at > 0 && !strings.Contains(n.words, v.words) {
					continue
				}
				// (没停在消防通道上 停在划好的车位里: an act named by its
				// place, not done there; the verb said again with a place of
				// its own is done elsewhere)
				if p.factInside(rd, n) && p.clauseHasPlace(rd, v.clause) {
					continue
				}
				// (香不点，插在坟上: another verb of the act after its own
				// verb denied is the act done without what is denied — the
				// incense unlit burns nothing; only the verb said again, 没交
				// … 再交, is the act asked)
				if a := n.w.activity; a != nil && v.i >= max(n.j, n.objEnd()) && p.verbOf(v.words, a) && !p.otherVerbOf(n, v.words) {
					return []hit{{i: v.i, j: v.j, clause: v.clause, words: n.words + "…" + v.words, w: word{activity: a}}}
				}
			}
		}
		// 田埂……烧得不: the object said first, as the topic, and its verb
		// alone in a later clause
		for _, v := range rd.verbs {
			if v.neg || !p.startsWithObject(rd) {
				continue
			}
			// (香不点燃，就插在坟前: the topic said with its verb denied,
			// and another verb of it later — done without what is denied)
			if slices.ContainsFunc(neg, func(n hit) bool { return strings.HasPrefix(rd.text, n.words) && p.otherVerbOf(n, v.words) }) {
				continue
			}
			for _, f := range p.framesOfHead(v.words) {
				if f.activity == nil || !p.withEither(rd, f, v.i, 0) {
					continue
				}
				for _, o := range f.byLength {
					// (not the first characters of a fact phrase: 菜市场门口…叫卖 is not 卖菜)
					if strings.HasPrefix(rd.text, o) && len(o) < v.i && !p.inFact(rd, len(o)) {
						return []hit{{i: v.i, j: v.j, clause: v.clause, words: rd.text[:len(o)] + "…" + v.words, w: word{activity: f.activity}}}
					}
				}
			}
		}
		// 我去摘可以吗: a bare verb that only one activity has, when an
		// object of its frames is said elsewhere in the call (寒露籽, 油茶)
		// or what only its rules read (自家山上, 同意了我, 寒露以前),
		// or the call asks whether it must still be done (60岁还要交吗) or
		// what a rule's terms say of it (过了12月31号还能交吗 交了啥时候能用)
		var mustSaid []string // the "must I still" words said, found once
		mustRead, terms := false, false
		for _, v := range rd.verbs {
			a := p.onlyActivityOf(v.words)
			// (寒露以前都不能摘: a verb said as forbidden is asked about)
			if v.neg && !p.forbidden(rd, v.i) || a == nil || p.startsWithAny(rd.text[v.i:], p.g.WhereTo) || p.closesPlace(rd, v) || p.locativeAfterNoun(rd, v) {
				continue // (上哪里交罚款: going where, not 上香; 手机上交: on the phone)
			}
			// (低保户的补助要去申请不: a phrase said that belongs to
			// another activity — the group is the insurance plan's — is
			// what the call is about, not the one act its bare verb has)
			if slices.ContainsFunc(rd.facts, func(f hit) bool { return f.w.about != nil && !f.neg && f.w.about != a }) {
				continue
			}
			if !mustRead {
				for _, m := range p.g.Must {
					if rd.mayHold1(m) && rd.search(m) {
						mustSaid = append(mustSaid, m)
					}
				}
				terms = rd.says(p.g.Benefits) || p.waitSaid(rd) || rd.says(p.g.Deadline) || p.asksTerms(rd)
				mustRead = true
			}
			// the verb said inside "must I still" (还要交) is no filler
			must := false
			for _, m := range mustSaid {
				must = must || strings.Contains(m, v.words)
			}
			// (a verb that is also a filler, 交, only when it ends what its
			// clause says: 等到明年三月份再交是不是也可以 — not 交罚款)
			// (垃圾分类是么子规定: a verb of one character that runs on into
			// characters nothing read is the first of a word the vocabulary
			// lacks, and a question of the rules' terms does not make it 分)
			if must || terms && !p.runsOn(rd, v) || (!p.filler1[v.words] || p.endsClause(rd, v)) && (p.objectSaid(rd, a) || p.contextSaid(rd, a)) {
				return []hit{{i: v.i, j: v.j, clause: v.clause, words: v.words, w: word{activity: a}}}
			}
		}
		// 一样交四百 … 一个人到底好多, 到底交好多: money asked, and a
		// bare verb said right before an amount or inside the question of
		// money itself — what is paid is the one act's fee
		if h, ok := p.paidAmount(rd); ok {
			return []hit{h}
		}
		// 低保户交多少: a phrase that belongs to one activity, with a verb
		// of it or a question of amount, time or place
		asks := rd.says(p.g.Money) || rd.says(p.g.When) || rd.says(p.g.Deadline) ||
			rd.says(p.g.Benefits) || p.waitSaid(rd) || rd.says(p.g.Where) ||
			rd.says(p.g.Must) || rd.says(p.g.Rate) || p.asksTerms(rd)
		for _, f := range rd.facts {
			if f.w.about == nil || f.neg {
				continue
			}
			verb := false
			for _, v := range rd.verbs {
				verb = verb || !v.neg && p.verbOf(v.words, f.w.about)
			}
			// (帮别人拉 … 渣土车: or an object of it said in the call)
			if verb || asks || p.objectSaid(rd, f.w.about) {
				return []hit{{i: f.i, j: f.j, clause: f.clause, words: f.words, w: word{activity: f.w.about}}}
			}
		}
		// 去年12月没交医保 现在怎么办: an act not done yet (没, 还冇 — not
		// 不, which refuses it), and the call asks what to do now: the
		// act is asked about, done now
		if rd.says(p.g.Remedy) {
			for _, n := range neg {
				if n.w.activity != nil && p.before(rd, n.i, p.g.NotYet, 3) {
					n.neg = false
					return []hit{n}
				}
			}
		}
		// 长满了茅草 … 我想烧掉 明天下午烧: the call's last verb, bare and
		// not denied, takes the nearest object of its frames said in an
		// earlier clause that no act or fact phrase holds — the story
		// named what the question then only says the verb of
		// (not beside a denied act: 摩托车没停在消防通道上 停在划好的车位里
		// — unless it is denied only for want of a place: 拆下来的东西冇地方放，
		// 先在楼道里堆几天)
		if h, ok := p.earlierObject(rd); ok && p.onlyLackDenied(rd, neg) {
			return []hit{h}
		}
		// 鞭炮 过年 后山: a fragment with no verb at all names its act by an
		// object only one covered activity's frames have (a short call
		// only: a long run of words with no verb is noise, not a fragment)
		if len(rd.verbs) == 0 && len(neg) == 0 && p.unreadRunes(rd) <= fragmentRunes {
			for _, o := range p.lone {
				if i := strings.Index(rd.text, o); i >= 0 && rd.free(i, i+len(o)) && !p.negated(rd, i, true) {
					a := p.byObj[o][0].activity
					return []hit{{i: i, j: i + len(o), clause: rd.clause(i), words: o, w: word{activity: a}}}
				}
			}
		}
	}
	// 城里修房子的建筑垃圾，拉到郊区倒掉，要得不: the only acts read are
	// uncovered ones said as what a thing is from (修房子的): the call's last
	// bare verb takes that thing, said in an earlier clause, as above
	// (not a choice weighed: 是倒在村口还是拉到城区的消纳场，村口的要得不)
	// — and, when the one covered act said is denied only for want of a
	// place, any uncovered act beside it is the story's setting (城里屋里装修，
	// 拆下来的东西冇地方放，先在楼道里堆几天)
	uncovered := !slices.ContainsFunc(pos, func(h hit) bool { return h.w.activity != nil })
	fromThing := len(neg) == 0 && !slices.ContainsFunc(pos, func(h hit) bool { return !h.bg })
	lacking := len(neg) > 0 && p.onlyLackDenied(rd, neg)
	if len(pos) > 0 && uncovered && (fromThing || lacking) && !p.hasAny(rd.text, p.g.Alternatives) {
		if h, ok := p.earlierObject(rd); ok {
			return []hit{h}
		}
	}
	focused := pos[:0:0]
	for _, h := range pos {
		if h.focus {
			focused = append(focused, h)
		}
	}
	if len(focused) > 0 {
		// (只插花不烧纸，但是放了一挂鞭炮: a covered act in a later clause
		// that turns from the focused ones is said beside them — its ban
		// is never lost to 只)
		// (我只是献花，我妈要烧纸钱: nor is one another person is said to do
		// in a clause of his own — 只 bounds the caller's own acts; nor one
		// in a later clause that asks of it: 不烧纸只献花，放挂鞭行不 — 只
		// bounds its own clause, not the question after it)
		last := focused[len(focused)-1].clause
		for _, h := range pos {
			if h.focus || h.w.activity == nil || h.clause <= last {
				continue
			}
			opening := strings.TrimLeft(rd.text[rd.clauseStart(h.i, h.clause):], pauses)
			if p.startsWithAny(opening, p.g.FocusEnds) || p.firstSubject(opening) == 0 && !p.callerNamed(opening) || p.clauseAsks(rd, h.clause) {
				focused = append(focused, h)
			}
		}
		pos = focused
	}
	// 医保异地就医要不要备案: covered acts named only by a noun (医保: no
	// verb of a frame in it) before an uncovered act in its clause are
	// that act's topic; the uncovered act is what is asked
	for _, h := range pos {
		if h.w.activity == nil && !h.bg && p.topicOf(rd, h, pos) {
			return []hit{h}
		}
	}
	// 医保交了，那看病是去卫生院还是去县医院: the covered acts all told
	// done, each in a clause before an uncovered act's, are the story's
	// premise; the uncovered act is what is asked
	if len(pos) > 1 {
		var asked []hit
		for _, h := range pos {
			if h.w.activity == nil && !h.bg && p.afterDone(rd, h, pos) {
				asked = append(asked, h)
			}
		}
		if len(asked) > 0 {
			pos = asked
		}
	}
	if len(pos) > 1 {
		// 交了医保看病能报多少: an uncovered act (看) said after a covered
		// one as its background is no foreground of its own — the covered
		// act stays the topic
		anyCovered := false
		for _, h := range pos {
			anyCovered = anyCovered || h.w.activity != nil && !h.mod
		}
		var fg []hit
		for _, h := range pos {
			if (!h.bg || p.doneAsked(rd, h)) && (h.w.activity != nil || !anyCovered || p.askedApart(rd, h, pos)) {
				fg = append(fg, h)
			}
		}
		if len(fg) == 0 {
			// 摘茶籽的时候顺手折了几根枝子: every act is background, the
			// time of another and a thing done; the time is not asked
			// (野炊完了去拜年: but a covered act said as the time of an
			// uncovered one, in its clause or right before the next
			// clause opens with it — 野炊完了 去旅游 — is done that day
			// too: its ban is answered, never lost to the custom; 茶籽摘
			// 完了，过几天把…砍了 tells a step of another day)
			coveredFg := slices.ContainsFunc(pos, func(h hit) bool { return !h.when && h.w.activity != nil })
			withUncovered := func(h hit) bool {
				return slices.ContainsFunc(pos, func(o hit) bool {
					return !o.when && o.w.activity == nil &&
						(o.clause == h.clause || o.clause == h.clause+1 && opensClause(rd, o) && !clauseHasDate(rd, o.clause))
				})
			}
			for _, h := range pos {
				if !h.when || !coveredFg && h.w.activity != nil && !h.mod && withUncovered(h) {
					fg = append(fg, h)
				}
			}
			// (收油茶果的三轮车超载了: an act that only describes a noun is
			// no foreground beside one told of that noun, after it in its
			// clause — or in the next, when the noun ends the clause as
			// its topic: 拉渣土的车，车牌子上糊满了泥巴)
			fg = slices.DeleteFunc(fg, func(h hit) bool {
				return h.mod && slices.ContainsFunc(fg, func(o hit) bool {
					return !o.mod && o.w.activity != nil && o.i > h.j && (o.clause == h.clause || o.clause == h.clause+1 && modEndsClause(rd, h))
				})
			})
		}
		if len(fg) > 0 {
			// (我在自家山上摘茶籽，烧了一堆火，没事吧: an act told done after
			// every act asked, of a notice none of them is of, is of the
			// scene asked about — its ban is answered, never lost to the
			// act asked)
			pos = slices.DeleteFunc(pos, func(h hit) bool {
				return !slices.ContainsFunc(fg, func(o hit) bool { return o.i == h.i && o.j == h.j }) && !doneAfter(h, fg)
			})
		}
	}
	// 搭个棚子卖东西: an act right after another in its clause, with no
	// 和 between, says what the first is for; the first is asked about
	// (but 运渣土不盖篷布 names a kind of the first: the kind is asked)
	// (拿打火机点茅草: the first takes up an instrument for the second,
	// and the second is asked about)
	// (摘茶籽抽支烟, 交医保放鞭炮: acts of two notices are two questions —
	// one is no purpose of the other, and the ban is never lost to it)
	if len(pos) > 1 {
		var keep []hit
		last := -1 // the index in pos of keep's last hit
		for k, h := range pos {
			if k > 0 {
				prev := pos[k-1]
				// measured from the end of what the first act said: a
				// frame's object after its verb is part of it (搭个遮阳棚卖菜)
				pj := max(prev.j, prev.objEnd())
				// right reports whether the second act, said from byte hi,
				// follows the first as one breath (no connector, pause,
				// time or sequence between)
				right := func(hi int) bool {
					return prev.w.activity != nil && h.w.activity != nil && prev.clause == h.clause && !prev.focus && !h.focus &&
						hi >= pj && bareRunes(rd, pj, hi) <= 3 && !p.hasAny(rd.text[pj:hi], p.g.Connectors) &&
						!p.hasAny(rd.text[pj:hi], p.g.Ellipsis) && !strings.ContainsAny(rd.text[pj:hi], " \t\u3000") &&
						!p.timeBetween(rd, pj, hi) && !p.hasAny(rd.text[pj:hi], p.g.Sequence) &&
						prev.w.activity.Notice == h.w.activity.Notice &&
						prev.words != h.words && !strings.Contains(rd.text[prev.i:hi], h.words) && !h.w.activity.IsA(prev.w.activity) &&
						!kindsOfOne(prev.w.activity, h.w.activity)
				}
				// (摘茶籽折树枝: the first is the setting the second's
				// frame needs, when it is done — the second is asked)
				setting := last == k-1 && (p.startsWithAny(prev.words, p.g.Instrument) || p.settingOf(prev, h))
				if right(h.i) {
					if !setting {
						continue
					}
					keep = keep[:len(keep)-1]
				} else if setting && h.wj > 0 && right(min(h.i, h.objStart())) {
					// (摘茶籽把茶树枝折断了: the setting, then the second's
					// object said before its verb)
					keep = keep[:len(keep)-1]
				}
			}
			keep = append(keep, h)
			last = k
		}
		pos = keep
	}
	covered := false
	for _, h := range pos {
		if h.w.activity != nil {
			covered = true
		}
	}
	var out []hit
	for _, h := range pos {
		if covered && h.w.activity == nil && !p.askedApart(rd, h, pos) {
			continue
		}
		drop := false
		for _, o := range pos {
			// (渣土车拉渣 不盖篷布: or the next clause of one sentence, parted
			// by a space only)
			// (拉了三十个摘茶籽的人去茶山，超载了: or its words are what a frame
			// of the kind needs said with it, in a clause of its own)
			if o.w.activity != nil && h.w.activity != nil && o.w.activity != h.w.activity && (sameSentence(rd, o.i, h.i) || p.withOfKind(o, h)) && o.w.activity.IsA(h.w.activity) &&
				!p.hasAny(rd.text[min(o.i, h.i):max(o.i, h.i)], p.g.Connectors) {
				drop = true // 生火煮东西: a kind of it is named (but not 倒渣土和乱倒垃圾)
			}
		}
		for _, o := range out {
			// (屋里烤火要紧不 到山上烤火呢: the same act asked again, of
			// another place or day, in a question of its own)
			// (屋里神龛前烧香行不 坟上烧香行不: or both clauses ask, and each
			// states a fact the other states otherwise)
			// (自家山上寒露籽摘了，霜降籽也顺便摘了: or said again with 也, of a
			// fact the first states otherwise — a second case, asking or not)
			again := o.clause != h.clause && (p.clauseEndsWith(rd, h.clause, p.g.Ellipsis) && p.clauseSaysMore(rd, h.clause) ||
				(p.bothAsk(rd, o.clause, h.clause) || p.tooBefore(rd, h.i, h.clause)) &&
					factsDiffer(rd, o.clause, h.clause)) ||
				// (今天…摘了霜降籽，没事吧？明天摘寒露籽可以吧: or the first
				// told done and asked of, the second still to do)
				o.clause < h.clause && !h.bg && p.doneAsked(rd, o)
			if o.w.activity == h.w.activity && o.w.act == h.w.act && (o.clause == h.clause || h.w.activity != nil) && !again {
				drop = true
			}
		}
		for k, o := range out {
			// (晒谷坪上晒谷子, 放电子鞭炮: two uncovered acts of one
			// clause where one's name holds the other's are one act,
			// said once, by the longer name)
			if drop || o.w.activity != nil || h.w.activity != nil || o.clause != h.clause {
				continue
			}
			if on, hn := o.actName(), h.actName(); strings.Contains(on, hn) {
				drop = true
			} else if strings.Contains(hn, on) {
				out[k], drop = h, true
			}
		}
		if !drop {
			out = append(out, h)
		}
	}
	return p.electricMeans(rd, p.doneUnlit(rd, out, neg))
}

// electricMeans: an act of fire for cooking or warmth (unlit_kinds) said
// in a clause with an appliance that burns nothing (electric: 用电炉子煮
// 饭) is done with nothing burning — an act no rule covers, named by the
// caller's words from the appliance to the act.
func (p *parser) electricMeans(rd *reading, pos []hit) []hit {
	for m, h := range pos {
		if h.w.activity == nil || h.neg || !slices.ContainsFunc(p.g.UnlitKinds, func(id string) bool {
			k, ok := p.set.Activity(id)
			return ok && h.w.activity.IsA(k)
		}) {
			continue
		}
		lo, hi := rd.clauseStart(h.i, h.clause), rd.clauseEnd(h.i, h.clause)
		for _, e := range p.g.Electric {
			k := strings.Index(rd.text[lo:hi], e)
			if k < 0 {
				continue
			}
			k += lo
			// right beside the act, a word or two between at most (用电炉子来
			// 煮饭, 煮饭用电炉子): another act's stove is not this one's
			if gap := between(k, k+len(e), min(h.i, h.objStart()), max(h.j, h.objEnd())); utf8.RuneCountInString(rd.text[gap[0]:gap[1]]) > 2 {
				continue
			}
			from, to := min(k, h.i, h.objStart()), max(k+len(e), h.j, h.objEnd())
			name := rd.text[from:to]
			switch {
			case to == k+len(e) && from == k: // the act's words inside the appliance's (取暖器)
				name = p.g.ElectricVerb + e
			case utf8.RuneCountInString(name) > maxActName:
				name = e + h.words
			}
			if from == k && !strings.HasPrefix(name, p.g.ElectricVerb) && strings.HasSuffix(rd.text[:k], p.g.ElectricVerb) {
				name = p.g.ElectricVerb + name
			}
			pos[m].w = word{act: name}
			break
		}
	}
	return pos
}

// between is the bytes between spans i..j and a..b of one text (empty
// when they overlap).
func between(i, j, a, b int) [2]int {
	switch {
	case j <= a:
		return [2]int{j, a}
	case b <= i:
		return [2]int{b, i}
	}
	return [2]int{i, i}
}

// maxActName is the longest run of the caller's words an act is named by
// (用电炉子煮饭); a longer one is named by its parts.
const maxActName = 10

// doneAfter reports whether act h, told done (background, not the time of
// another), is said after every act of fg and is of a notice none of them
// is of.
func doneAfter(h hit, fg []hit) bool {
	if !h.bg || h.when || h.mod || h.w.activity == nil {
		return false
	}
	return !slices.ContainsFunc(fg, func(o hit) bool {
		return o.j > h.i || o.w.activity != nil && o.w.activity.Notice == h.w.activity.Notice
	})
}

// withOfKind reports whether act h's words are a with-word of a frame of
// act o's, said in the clause right after o's (超载 of 拉…摘茶籽的人): the
// frame's act is h done in o's kind, not h asked of its own.
func (p *parser) withOfKind(o, h hit) bool {
	if h.clause != o.clause+1 {
		return false
	}
	for _, f := range p.frames {
		if f.activity == o.w.activity && f.withNext && slices.Contains(f.with, h.words) {
			return true
		}
	}
	return false
}

// kindsOfOne reports whether a and b are two kinds of one act, neither a
// kind of the other (烧纸 and 放炮 are both 野外用火): said one after the
// other (放挂鞭子烧点纸, 点香烧纸放鞭) they are acts listed in one
// breath, not one done for the other (搭个棚子卖东西).
func kindsOfOne(a, b *rules.Activity) bool {
	if a.IsA(b) || b.IsA(a) {
		return false
	}
	for x := a.Parent; x != nil; x = x.Parent {
		if b.IsA(x) {
			return true
		}
	}
	return false
}

// closesPlace reports whether the verb v is a postposition that closes a
// place opened by `at` earlier in its clause (在高速上开车: 上 is where,
// not 上香).
func (p *parser) closesPlace(rd *reading, v hit) bool {
	if !slices.Contains(p.g.Locatives, v.words) {
		return false
	}
	st := rd.clauseStart(v.i, v.clause)
	return p.hasAny(rd.text[st:v.i], p.g.At)
}

// finedWords are the words said before a question of a fine (罚多少) in
// its clause, without a pause or a place word before them (在高速上开车打
// 电话 罚多少 → 在高速上开车打电话): the act the caller asks the fine of;
// "" when no fine is asked or nothing is said before it.
func (p *parser) finedWords(rd *reading) string {
	k := -1
	for _, w := range p.g.Fine {
		if i := strings.Index(rd.text, w); i >= 0 && (k < 0 || i < k) {
			k = i
		}
	}
	if k <= 0 {
		return ""
	}
	words := strings.TrimFunc(rd.text[:k], func(r rune) bool { return !unicode.Is(unicode.Han, r) })
	for _, w := range p.g.Consequence { // 被抓了: what happens, not the act
		words = strings.TrimSuffix(words, w)
	}
	if n := utf8.RuneCountInString(words); n < 2 || n > 20 || strings.ContainsFunc(words, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
		return ""
	}
	return words
}

// offTopicAct is the act a question asks of in words no vocabulary holds,
// in a call that says no word of any notice's topic (vocabulary topics:
// 火, 鞭炮, 油茶, 垃圾, 摊, 医保 …): the longest fragment not understood,
// which no rule covers (村里搞拔河比赛可以吗). "" when the call touches a
// notice or leaves a fragment holding two characters side by side of a
// covered activity's words (topicPairsOf) — then it may be a covered act
// typed wrong or in words the vocabulary lacks, and is asked again —,
// talks to the hotline (你是机器人吗), neither asks nor tells a wish (她想…:
// told to the hotline, a wish asks), or leaves no fragment of two
// characters or more.
func (p *parser) offTopicAct(rd *reading, residue []string) string {
	t := strings.TrimRight(strings.TrimSpace(rd.text), "。.！!")
	if len(p.voc.Topics) == 0 || p.hasAny(t, p.voc.Topics) || p.hasAny(t, p.g.Addressed) {
		return ""
	}
	if !strings.ContainsAny(t, "?？") && !p.hasAny(t, p.g.Asking) && !p.endsWithAny(t, p.g.AskingEnd) && !p.asksKind(t) &&
		!p.hasAny(t, p.g.Wishes) {
		return ""
	}
	best, n := "", 0
	for _, f := range residue {
		if p.holdsTopicPair(f) {
			return ""
		}
		if k := utf8.RuneCountInString(f); k >= 2 && k <= 12 && k > n {
			best, n = f, k
		}
	}
	return best
}

// clauseHasDate reports whether a day is said in clause c.
func clauseHasDate(rd *reading, c int) bool {
	return slices.ContainsFunc(rd.dates, func(m dates.Mention) bool { return rd.clause(m.Start) == c })
}

// clauseHasMonthDay reports whether clause c says a day by its month and
// day (8月31号, 十月七日): a day said by the calendar, which a time said in
// another clause does not move (a festival's name, 新年, may be the day the
// time brings in).
func clauseHasMonthDay(rd *reading, c int) bool {
	return slices.ContainsFunc(rd.dates, func(m dates.Mention) bool {
		return rd.clause(m.Start) == c && !m.Bad && !m.Weak && !m.Custom && strings.Contains(m.Words, "月") && strings.ContainsAny(m.Words, "号日")
	})
}

// openingDay is the day said first in clause c, when it opens the clause
// and is said outright (no 现在 of a story, no day named by a custom);
// nil for none.
func openingDay(rd *reading, c int) *dates.Mention {
	for k := range rd.dates {
		m := &rd.dates[k]
		if rd.clause(m.Start) != c {
			continue
		}
		if m.Weak || m.Custom || m.Bad || strings.Trim(rd.text[rd.clauseStart(m.Start, c):m.Start], pauses) != "" {
			return nil
		}
		return m
	}
	return nil
}

// opensClause reports whether act h opens its clause, but for a subject
// or a verb of going before it (去旅游, 我就去赶集).
func opensClause(rd *reading, h hit) bool {
	st := rd.clauseStart(h.i, h.clause)
	const lead = 3
	return utf8.RuneCountInString(strings.Trim(rd.text[st:h.i], pauses)) <= lead
}

// actName is an uncovered act's name: the act's own word, else the words
// said.
func (h hit) actName() string {
	if h.w.act != "" {
		return h.w.act
	}
	return h.words
}

// topicOf reports whether every covered act of pos is a noun said before
// the uncovered act h, a listed phrase (异地就医), in its clause: a listed
// word holding no verb of a frame, no frame's verb and object.
func (p *parser) topicOf(rd *reading, h hit, pos []hit) bool {
	if h.obj != "" || h.wj > 0 {
		return false // a frame's verb and object (种杉树) is a purpose, not the question
	}
	covered := false
	for _, o := range pos {
		if o.w.activity == nil {
			continue
		}
		if o.j > h.i && o.wj == 0 && o.obj == "" {
			// (the claim's own word, 报销, is a word of the covered act too)
			if p.claimedAfter(rd, h, o) || covered && p.hasAny(o.words, p.g.Claimed) {
				covered = true
				continue
			}
		}
		// (围着篝火唱歌: a word for the fire itself, what a fire's act
		// makes, names the fire lit — the act around it is its purpose,
		// as 烧火唱歌's, no topic's question)
		if o.clause != h.clause || o.j > h.i || o.wj > 0 || o.obj != "" || p.holdsVerb(o.words) ||
			p.hasAny(rd.text[o.j:h.i], p.g.Sequence) || p.hasAny(o.words, p.g.Made) {
			return false
		}
		covered = true
	}
	return covered
}

// claimMeansRunes bounds what may stand between a treatment and the plan
// taken up to pay for it (能用老家的).
const claimMeansRunes = 6

// claimedAfter reports whether the covered noun o (医保), said right
// after the uncovered act h — in its clause or opening the next — is
// followed in its clause by a word asking whether the plan pays back
// (打狂犬疫苗医保报不报, 在外地看病 医保能报销不): what is asked is whether h
// is paid for, which is h's question, not the paying in.
func (p *parser) claimedAfter(rd *reading, h, o hit) bool {
	if o.i < h.j || o.clause != h.clause && o.clause != h.clause+1 {
		return false
	}
	// (在外地看病能用老家的医保报销吗: the plan taken up as the means, and
	// whose it is, between them)
	if n := bareRunes(rd, h.j, o.i); n > 2 && (n > claimMeansRunes || !p.hasAny(rd.text[h.j:o.i], p.g.Instrument)) {
		return false
	}
	end := rd.clauseEnd(o.j, o.clause)
	// (from o's start: 报销 is itself a word of the covered act)
	return p.hasAny(rd.text[o.i:end], p.g.Claimed)
}

// verbNegated reports whether bare verb v is denied: by a negator of its
// own, or by one that took the fact phrase right before it (不给老婆交: the
// 不 of 给老婆 denies the paying, for her).
func (p *parser) verbNegated(rd *reading, v hit) bool {
	return v.neg || slices.ContainsFunc(rd.facts, func(f hit) bool { return f.neg && f.clause == v.clause && f.j == v.i })
}

// doneAfterAll finds a bare verb of one act said not done (冇交) and later
// said again, not denied, ending its clause (今年现在交要得不): that act.
func (p *parser) doneAfterAll(rd *reading) (hit, bool) {
	for _, v := range rd.verbs {
		if v.neg || !p.endsClause(rd, v) {
			continue
		}
		if !slices.ContainsFunc(rd.verbs, func(n hit) bool { return n.neg && n.words == v.words && n.i < v.i }) {
			continue
		}
		if a := p.onlyActivityOf(v.words); a != nil {
			return hit{i: v.i, j: v.j, clause: v.clause, words: v.words, w: word{activity: a}}, true
		}
	}
	return hit{}, false
}

// partialWindow is how far before a verb, in characters, the people it is
// done for are looked for (老人交、年轻人不交).
const partialWindow = 10

// partialVerbs is the act done by only some that bare verbs of one
// activity say, done and not done (老人交、年轻人不交), in one clause asked
// apart from every act of pos.
func (p *parser) partialVerbs(rd *reading, pos []hit) (hit, bool) {
	for _, v := range rd.verbs {
		if v.neg || p.putOff(rd, v.i) {
			continue
		}
		for k := range rd.verbs { // (by reference: a hit is large, and this is verbs × verbs)
			n := &rd.verbs[k]
			// (我们两口子明年再交: put off to another year is not done
			// this year, as 不交 is)
			later := !n.neg && p.putOff(rd, n.i)
			// (一家人不是只交一个: the only denied, not the act — more
			// than one pays)
			if !n.neg && !later || n.words != v.words || len(pos) > 0 && n.clause != v.clause || n.neg && p.onlyDenied(rd, n.i, 4) {
				continue
			}
			a := p.onlyActivityOf(v.words)
			if a == nil || p.partial[a.ID] == nil {
				continue
			}
			// (今年冇交，现在交; 学校那边冇交，我回户籍地交: the same
			// person's act not done then or there, done now or here —
			// part of a household is told by its people, and others)
			if !p.before(rd, v.i, p.g.People, partialWindow) && !p.before(rd, n.i, p.g.People, partialWindow) ||
				p.peopleBefore(rd, v.i, partialWindow) == p.peopleBefore(rd, n.i, partialWindow) || !later && p.doneLater(rd, *n, partialWindow) {
				continue
			}
			h := hit{i: v.i, j: v.j, clause: v.clause, words: v.words, w: word{activity: p.partial[a.ID]}}
			if slices.ContainsFunc(pos, func(o hit) bool { return !p.apart(rd, h, o) }) {
				continue
			}
			return h, true
		}
	}
	return hit{}, false
}

// peopleBefore is the people word nearest before byte i (the longest of
// those ending there), within runes characters of it in its clause (see
// before); "" for none. Two acts with the same word are done by the same
// people.
func (p *parser) peopleBefore(rd *reading, i, runes int) string {
	s, start := rd.text, rd.windowStart(i, runes)
	end, word := -1, ""
	for _, w := range p.g.People {
		if k := strings.LastIndex(s[start:i], w); k >= 0 && (k+len(w) > end || k+len(w) == end && len(w) > len(word)) {
			end, word = k+len(w), w
		}
	}
	return word
}

// doneLater reports whether act or verb n, said not done, is said again
// after it, not denied, by the same people, or in a clause naming none, or
// by any when n's own clause names none (伢子还没交，现在交得不): one not
// done yet, asked now — no part left out.
func (p *parser) doneLater(rd *reading, n hit, runes int) bool {
	by := p.peopleBefore(rd, n.i, runes)
	for _, v := range rd.verbs {
		if v.i <= n.j || p.verbNegated(rd, v) || n.w.activity != nil && !p.verbOf(v.words, n.w.activity) ||
			n.w.activity == nil && v.words != n.words {
			continue
		}
		// (屋里人都冇交，就我交了: told done by one only, the household
		// left out — not the one not done, asked now)
		if p.startsWithAny(rd.text[v.j:], p.g.Aspect) || p.before(rd, v.i, p.g.Only, 2) {
			continue
		}
		// (只交伢子的: people said after the verb are its own)
		// (几个孩子，都冇交过医保……这些孩子能交吗: not done by people said
		// in a clause before, any said later are they)
		if w := p.peopleBefore(rd, v.i, runes); w == by || by == "" || w == "" && !p.hasAny(clauseText(rd, v.clause), p.g.People) {
			return true
		}
	}
	return false
}

// putOff reports whether the verb at byte i is put off to another year by
// a word right before it (明年再交): those people leave the year's act
// undone, as a negator would say.
func (p *parser) putOff(rd *reading, i int) bool {
	before := rd.text[rd.windowStart(i, 5):i]
	return slices.ContainsFunc(p.g.PutOff, func(w string) bool { return strings.HasSuffix(before, w) })
}

// goesAgain reports whether clause c, of a day of its own, says only that
// the caller goes again (8月31号去山上坟前烧纸，9月1号再去一趟): a word of
// going on (go_again) and no act, verb or fact of its own — the act before
// it done again that day.
func (p *parser) goesAgain(rd *reading, c int) bool {
	in := func(hs []hit) bool { return slices.ContainsFunc(hs, func(h hit) bool { return h.clause == c }) }
	return p.hasAny(clauseText(rd, c), p.g.GoAgain) && !in(rd.acts) && !in(rd.verbs) && !in(rd.facts)
}

// apart reports whether acts a and b are asked in questions of their own:
// in two clauses that both end as questions (行不行？…要得不？), not one
// that only holds an asking word in a story (多交一份能多报销一点).
func (p *parser) apart(rd *reading, a, b hit) bool {
	return a.clause != b.clause && p.bothAsk(rd, a.clause, b.clause) && p.endsQuestion(rd, a.clause) && p.endsQuestion(rd, b.clause)
}

// sentencesApart reports whether every act of pos but h is asked in a
// sentence of its own, apart from h's: a question that ends before h's
// sentence begins, or begins after it ends.
func (p *parser) sentencesApart(rd *reading, h hit, pos []hit) bool {
	return len(pos) > 1 && !slices.ContainsFunc(pos, func(o hit) bool {
		return o.i != h.i && (o.clause < 0 || oneSentence(rd, o.i, h.i) || !p.endsQuestion(rd, o.clause))
	})
}

// oneSentence reports whether bytes i and j are in one sentence of the
// call: no sentence stop between them.
func oneSentence(rd *reading, i, j int) bool {
	if i > j {
		i, j = j, i
	}
	return !strings.ContainsAny(rd.text[i:j], sentenceStops)
}

// endsQuestion reports whether clause c ends as a question: with an
// asking word, or followed by a question mark.
func (p *parser) endsQuestion(rd *reading, c int) bool {
	if p.clauseEndsWith(rd, c, p.g.Asking) || p.clauseEndsWith(rd, c, p.g.AskingEnd) {
		return true
	}
	end := 0
	for end < len(rd.text) && rd.clause(end) <= c {
		end++
	}
	return strings.HasPrefix(rd.text[end:], "?") || strings.HasPrefix(rd.text[end:], "？")
}

// afterDone reports whether every covered act of pos (one at least) is
// told done in a clause before uncovered act h's (医保交了，那看病去哪个医院).
func (p *parser) afterDone(rd *reading, h hit, pos []hit) bool {
	any := false
	for _, o := range pos {
		if o.w.activity == nil {
			continue
		}
		if o.clause < 0 || o.clause >= h.clause {
			return false
		}
		// (医保交了, 合作医疗交过了: the clause ends on the act done — not
		// on its result, 野炊完了 去旅游, the time of the next act)
		t := strings.TrimRightFunc(clauseText(rd, o.clause), retractPause)
		done := false
		for _, w := range p.g.DoneAfter {
			if u, ok := strings.CutSuffix(t, w); ok && !p.endsWithAny(u, p.g.DoneResult) {
				done = true
			}
		}
		if o.when || !done || p.hasAny(t, p.g.Asking) || p.hasAny(t, p.g.DoneNot) {
			return false
		}
		any = true
	}
	return any
}

// askedApart reports whether the uncovered act h is asked in a question
// of its own: every covered act beside it is asked in another clause that
// ends in 呢 (到河里钓鱼要得不 在山上烧烤呢), or h's clause and each covered
// act's both ask (到河里钓鱼犯不犯法，在山上烧烤犯不犯法), so h keeps its
// answer.
func (p *parser) askedApart(rd *reading, h hit, pos []hit) bool {
	for _, o := range pos {
		if o.w.activity != nil && (o.clause == h.clause || !p.clauseEndsWith(rd, o.clause, p.g.Ellipsis) && !p.apart(rd, h, o) &&
			!p.listedApart(rd, h, o)) {
			return false
		}
	}
	return true
}

// listedApart reports whether uncovered act h and covered act o, in
// clauses of their own, are items of a list of questions: h's clause opens
// with a word that turns to another question (…放鞭炮；还有山上扫墓, 二是…),
// or o's does and h's is itself asked or wished (我想在山上采点野生蘑菇，
// 还有…点盘蚊香), or both clauses open with days of their own — not the
// scene the list is of (我们在城区建房，一是…).
// (Not 顺便: an errand and a covered act done while on it, 去后山挂青 顺便
// 烧点纸钱, are keyed as the one act asked.)
func (p *parser) listedApart(rd *reading, h, o hit) bool {
	if h.clause == o.clause || h.clause < 0 || o.clause < 0 {
		return false
	}
	turns := func(c int) bool {
		t := strings.TrimLeftFunc(clauseText(rd, c), retractPause)
		return p.startsWithAny(t, p.g.TurnsTo) || p.startsWithAny(t, p.g.Enumerators)
	}
	if turns(h.clause) {
		return true
	}
	// (除夕…放烟花，初一去山上坟前点蜡烛，初二去河边钓鱼，都行吗: each on a
	// day of its own that opens its clause — no errand the other is done
	// on)
	if a, b := openingDay(rd, h.clause), openingDay(rd, o.clause); a != nil && b != nil && a.Date != b.Date {
		return true
	}
	ht := clauseText(rd, h.clause)
	return o.clause > h.clause && turns(o.clause) && (p.endsQuestion(rd, h.clause) || p.hasAny(ht, p.g.Wishes))
}

func (p *parser) startsWithAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// bareRunes counts the characters of text[i:j] outside the fact phrases
// said there: 账户给我娘交医保 and 账户能给邻居交医保 are as near.
// timeBetween reports whether a time is said in rd.text[i:j]: a day or a
// part of the day (摘茶籽晚上在山上烤火: the second act is done at a time
// of its own, no purpose of the first, as one after 再 or 然后 is).
func (p *parser) timeBetween(rd *reading, i, j int) bool {
	if slices.ContainsFunc(rd.dates, func(m dates.Mention) bool { return m.Start >= i && m.Start < j }) {
		return true
	}
	for w := range p.g.DaySpans {
		if strings.Contains(rd.text[i:j], w) {
			return true
		}
	}
	return false
}

func bareRunes(rd *reading, i, j int) int {
	n := utf8.RuneCountInString(rd.text[i:j])
	for _, f := range rd.facts {
		if f.i >= i && f.j <= j {
			n -= utf8.RuneCountInString(rd.text[f.i:f.j])
		}
	}
	return n
}

func actLabel(h hit) string {
	if h.w.activity != nil {
		return h.w.activity.Name
	}
	return h.words
}

// startsWithObject reports whether the text starts with an object of a
// frame (objByFirst), found once per call; always true when plain.
func (p *parser) startsWithObject(rd *reading) bool {
	if p.plain {
		return true
	}
	if !rd.startsRead {
		r, _ := decodeRune(rd.text)
		rd.startsObj = slices.ContainsFunc(p.objByFirst[r], func(o string) bool { return strings.HasPrefix(rd.text, o) })
		rd.startsRead = true
	}
	return rd.startsObj
}

// framesOfHead are the frames of verb v, or, when it has none of its own
// that a topic could be the object of, of its head without a complement
// (烧掉 → 烧, 烧完 → 烧).
func (p *parser) framesOfHead(v string) []*frame {
	fs := p.byVerb[v]
	for _, c := range p.g.Complements {
		if head, ok := strings.CutSuffix(v, c); ok && head != "" {
			fs = append(fs[:len(fs):len(fs)], p.byVerb[head]...)
		}
	}
	return fs
}

// longestFirst are m's keys, longest first, then in order: the same
// choice on every run.
func longestFirst(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

func (p *parser) verbOf(v string, a *rules.Activity) bool {
	for _, f := range p.byVerb[v] {
		if f.activity == a {
			return true
		}
	}
	return false
}

// otherVerbOf reports whether the denied act n was said with a verb of its
// frames other than v (香不点 … 插: 点 denied, 插 said): v is then a manner
// of doing without what is denied, not the denied act done after all.
func (p *parser) otherVerbOf(n hit, v string) bool {
	if strings.Contains(n.words, v) {
		return false
	}
	for i := range n.words {
		for j := i + 1; j <= len(n.words) && j-i <= 9; j++ {
			if w := n.words[i:j]; utf8.ValidString(w) && p.verbOf(w, n.w.activity) {
				return true
			}
		}
	}
	return false
}

// inFact reports whether the byte at i lies in the words of a fact read.
func inFact(rd *reading, i int) bool {
	return slices.ContainsFunc(rd.facts, func(f hit) bool { return f.i <= i && i < f.j })
}

// peopleNear: a people word (老人, 三个人) within a few characters of an act.
func (p *parser) peopleNear(rd *reading, h hit) bool {
	lo, hi := h.i, h.j
	for n := 0; n < 6 && lo > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(rd.text[:lo])
		lo -= sz
	}
	for n := 0; n < 8 && hi < len(rd.text); n++ {
		_, sz := utf8.DecodeRuneInString(rd.text[hi:])
		hi += sz
	}
	return p.hasAny(rd.text[lo:hi], p.g.People)
}

// objectSaid reports whether an object of two or more characters of one
// of a's frames is said anywhere in the text.
func (p *parser) objectSaid(rd *reading, a *rules.Activity) bool {
	return p.objectsSaid(rd)[a]
}

// objectsSaid are the activities an object of two or more characters of
// whose frames (p.objects) is said anywhere in the text, found in one pass
// over it when first asked for: objectSaid is asked for every bare verb of
// a call, and searching the text for every object each time made a call of
// many verbs cost verbs × objects × its length (and looking each of an
// activity's objects up, verbs × objects).
func (p *parser) objectsSaid(rd *reading) map[*rules.Activity]bool {
	if rd.objects != nil {
		return rd.objects
	}
	rd.objects = map[*rules.Activity]bool{}
	s := rd.text
	for i := 0; i < len(s); {
		r, sz := decodeRune(s[i:])
		if p.objects.first.mayHave(r) {
			p.objects.each(s[i:], func(w string) {
				for _, f := range p.byObj[w] {
					rd.objects[f.activity] = true
				}
			})
		}
		i += sz
	}
	return rd.objects
}

// paidAmount finds, in a call that asks about money (好多, 多少钱), the
// one act of a bare verb said right before an amount (交四百块) or
// opening the question of money (交好多: the verb is inside the money
// word, so no bare verb was read).
func (p *parser) paidAmount(rd *reading) (hit, bool) {
	// (罚款交好多: a fine's money, no act's fee)
	if !rd.says(p.g.Money) && !rd.says(p.g.AmountAsked) || p.textHas(rd, p.g.Fine) || p.textHas(rd, p.g.Consequence) {
		return hit{}, false
	}
	// (我是特困户…今年也不用出钱吧: the group said is the insurance plan's,
	// whose fee is asked — not the 出 of 出渣)
	other := func(a *rules.Activity) bool {
		return slices.ContainsFunc(rd.facts, func(f hit) bool { return f.w.about != nil && !f.neg && f.w.about != a })
	}
	for _, v := range rd.verbs {
		if v.neg || v.j >= len(rd.text) || rd.clause(v.j) != v.clause {
			continue
		}
		if r, _ := decodeRune(rd.text[v.j:]); !zh.IsNumeral(r) && (r < '0' || r > '9') {
			continue
		}
		if a := p.onlyActivityOf(v.words); a != nil && !other(a) {
			return hit{i: v.i, j: v.j, clause: v.clause, words: v.words, w: word{activity: a}}, true
		}
	}
	for _, m := range p.g.Money {
		k := strings.Index(rd.text, m)
		if k < 0 {
			continue
		}
		// (the longest verb first: 缴纳 before 缴)
		for n := len(m) - 1; n > 0; n-- {
			if !utf8.RuneStart(m[n]) || p.byVerb[m[:n]] == nil {
				continue
			}
			if a := p.onlyActivityOf(m[:n]); a != nil && !other(a) {
				return hit{i: k, j: k + n, clause: rd.clause(k), words: m[:n], w: word{activity: a}}, true
			}
		}
	}
	return hit{}, false
}

// endsClause reports whether bare verb v is the last thing its clause
// says: nothing but fillers and asking words after it (再交呢, 交是不是也
// 可以), no object of its own.
// runsOn reports whether bare verb v is one character followed in its
// clause by a character that begins no filler or question word (分 of 分类,
// 分家 — whatever reads the next, 家 of a place): likely the first
// character of a longer word.
func (p *parser) runsOn(rd *reading, v hit) bool {
	if utf8.RuneCountInString(v.words) != 1 || v.j >= len(rd.text) || rd.clause(v.j) != v.clause {
		return false
	}
	r, _ := decodeRune(rd.text[v.j:])
	return isHan(r) && p.filler.longestLen(rd.text[v.j:]) == 0 &&
		p.longestPrefix(rd.text[v.j:], p.g.Asking) == 0
}

func (p *parser) endsClause(rd *reading, v hit) bool {
	for k := v.j; k < len(rd.text) && rd.clause(k) == v.clause; {
		r, sz := decodeRune(rd.text[k:])
		if !isHan(r) {
			k += sz
			continue
		}
		n := max(p.filler.longestLen(rd.text[k:]), p.longestPrefix(rd.text[k:], p.g.Asking))
		if n == 0 {
			return false
		}
		k += n
	}
	return true
}

// onlyActivityOf is the one activity bare verb v is a verb of, or nil.
// The ways of doing an act that its rules judge apart (its manners: 又交
// 一次 of paying) take their own objects or with-words, so the verb alone
// (等到明年三月份再交) is still the act's.
func (p *parser) onlyActivityOf(v string) *rules.Activity {
	var a *rules.Activity
	many := false
	for _, f := range p.byVerb[v] {
		if f.activity == nil {
			// an uncovered act's frame (摘 of 摘柚子) is read only with
			// its own objects said: the verb alone is still the one
			// covered act's (我去摘可以吗)
			continue
		}
		if a != nil && a != f.activity {
			many = true
		}
		a = f.activity
	}
	if !many {
		return a
	}
	for _, f := range p.byVerb[v] {
		if f.activity == nil {
			continue
		}
		ways := p.manners[f.activity.ID]
		if !slices.ContainsFunc(p.byVerb[v], func(g *frame) bool {
			return g.activity != nil && g.activity != f.activity && !slices.Contains(ways, g.activity)
		}) {
			return f.activity
		}
	}
	return nil
}

// placesOfOthers are the facts (their starts) of the clauses of no act
// that open by naming the place of another question's act and not of a's
// (办丧事在自家院子里烧纸，院子离山八十米，还有出殡路上沿路放鞭炮; 河边放孔明灯
// 可以吗？河边离山二十米。城里广场放烟花呢; …那回乡下老屋门口放呢，老屋挨着山):
// the distance such a clause says is of that place, and a, asked at a
// place of its own, does not take it. The clause's first two characters
// name the place when another act's clause says them and a's does not.
func (p *parser) placesOfOthers(rd *reading, a hit, acts []hit, shared map[int]bool) []int {
	if a.clause < 0 {
		return nil
	}
	others := map[int]bool{}
	for _, b := range acts {
		if b.clause >= 0 && b.clause != a.clause && p.questionsApart(rd, a, b) {
			others[b.clause] = true
		}
	}
	if len(others) == 0 {
		return nil
	}
	own := clauseText(rd, a.clause)
	var skip []int
	for _, c := range sortedKeys(shared) {
		if c == a.clause || others[c] {
			continue
		}
		rs := []rune(strings.TrimLeftFunc(clauseText(rd, c), clauseBreakOrSpace))
		if len(rs) < 2 || !unicode.Is(unicode.Han, rs[0]) || !unicode.Is(unicode.Han, rs[1]) {
			continue
		}
		lead := string(rs[:2])
		// (离林子五十米 opening its clause is the distance itself, no place)
		at := strings.Index(rd.text, string(rs))
		if slices.ContainsFunc(rd.facts, func(h hit) bool {
			return h.i <= at && at < h.j && slices.ContainsFunc(h.w.facts, func(v vocab.Value) bool { return v.Fact == p.voc.Distance.Fact })
		}) {
			continue
		}
		if strings.Contains(own, lead) || !slices.ContainsFunc(sortedKeys(others), func(k int) bool { return strings.Contains(clauseText(rd, k), lead) }) {
			continue
		}
		for _, h := range rd.facts {
			if h.clause == c {
				skip = append(skip, h.i)
			}
		}
	}
	return skip
}

// questionsApart reports whether acts a and b are asked in questions of
// their own: the earlier one's clause asks (…放鞭炮行不), or a question
// mark, a turn (还有, 另外), an item of a list (二是) or 那 is said between them — not two steps of one
// story (火已经点着了，在烧田埂，田埂离山五十米).
func (p *parser) questionsApart(rd *reading, a, b hit) bool {
	if b.clause < a.clause {
		a, b = b, a
	}
	if p.clauseAsks(rd, a.clause) {
		return true
	}
	// (by clauses: an act asked again in a clause of its own keeps the
	// words it was first said in)
	from, to := -1, -1
	for k := range rd.text {
		switch c := rd.clause(k); {
		case c == a.clause:
			from = k + 1
		case c == b.clause && to < 0:
			to = k
		}
	}
	if from < 0 || to < 0 || from >= to {
		return false
	}
	// (the later clause's opening word too: 二是在院子里烧)
	between := rd.text[from:to]
	opens := strings.TrimLeftFunc(clauseText(rd, b.clause), clauseBreakOrSpace)
	return strings.ContainsAny(between, "？?") || p.hasAny(between, p.g.TurnsTo) || strings.Contains(between, "那") ||
		p.startsWithAny(opens, p.g.TurnsTo) || p.startsWithAny(opens, p.g.Enumerators) || strings.HasPrefix(opens, "那")
}

// query builds the query for one act: its activity, the facts of its
// clause and of the clauses that name no act, and its day.
func (p *parser) query(rd *reading, a hit, shared map[int]bool, today calendar.Date) *Query {
	q := &Query{Question: rd.q.Question, Unread: rd.q.Unread, Facts: map[string]any{}, Understood: append([]Understood{}, rd.q.Understood...), NotUnderstood: []string{}, called: today}
	if t := p.termActivity(rd, a); t != nil {
		a.w.activity = t
	}
	if a.w.activity != nil {
		q.Activity, q.ActivityName, q.ActivityEN = a.w.activity.ID, a.w.activity.Name, a.w.activity.EN
		q.Understood = append(q.Understood, Understood{Words: a.words, Kind: "activity", Meaning: a.w.activity.Name, Value: a.w.activity.ID})
	} else if a.w.act != "" || a.clause >= 0 {
		q.Act = a.w.act
		if q.Act == "" {
			q.Act = a.words
		}
		q.Understood = append(q.Understood, Understood{Words: a.words, Kind: "act", Meaning: q.Act})
	}
	explicitDistance, ownDistance, saidDistance := false, false, false
	for _, h := range rd.facts {
		if a.clause >= 0 && h.clause != a.clause && !shared[h.clause] {
			continue
		}
		for _, v := range h.w.facts {
			saidDistance = saidDistance || v.Fact == p.voc.Distance.Fact && !v.Presumed && !h.neg
			if v.Fact == p.voc.Distance.Fact && h.w.note == "" {
				explicitDistance = true
				// (山里才准烧田埂 田离林子三十米: a distance said of the act's
				// own object, 田 of 田埂, is the act's as if said in its clause)
				ownDistance = ownDistance || h.clause == a.clause || p.distanceOfObject(rd, h, a)
			}
		}
	}
	// the act's own clause first: its facts win over the story's
	// (家里老人说… 去山上烧纸)
	ordered := make([]hit, 0, len(rd.facts)+1)
	if a.home != nil {
		ordered = append(ordered, *a.home) // (柴背回来烧: burnt at home)
	}
	for _, h := range rd.facts {
		if h.clause == a.clause {
			ordered = append(ordered, h)
		}
	}
	for _, h := range rd.facts {
		if h.clause != a.clause {
			ordered = append(ordered, h)
		}
	}
	// then the clauses nearest it: 坟就在后山的林子里头 said next to the act
	// wins over 我们屋里那个老人家… told earlier in the call
	if a.clause >= 0 {
		rest := ordered[len(ordered)-(len(rd.facts)-countClause(rd.facts, a.clause)):]
		sort.SliceStable(rest, func(i, j int) bool { return absInt(rest[i].clause-a.clause) < absInt(rest[j].clause-a.clause) })
	}
	// a clause that asks and turns to another case (那给我小舅子交行不,
	// 我老婆的爸爸也能交不) after one that does not ask: its facts first, and
	// the same fact said otherwise before it yields — the case asked is the
	// one turned to
	turn := p.turnClause(rd)
	if turn >= 0 {
		sort.SliceStable(ordered, func(i, j int) bool { return ordered[i].clause == turn && ordered[j].clause != turn })
	}
	var turnFacts map[string]bool
	yields := func(h hit, fact string) bool { return turn >= 0 && h.clause != turn && turnFacts[fact] }
	// a count against a limit first: 生下来91天 … 还算新生儿吗 is past 90
	// days whatever word the question names the case by
	sort.SliceStable(ordered, func(i, j int) bool { return ordered[i].counted && !ordered[j].counted })
	// a case asked to be taken as (还能按新生儿交吗) last: a value stated
	// elsewhere (出生三个多月) is the fact
	sort.SliceStable(ordered, func(i, j int) bool {
		return !p.before(rd, ordered[i].i, p.g.AskedAs, 2) && p.before(rd, ordered[j].i, p.g.AskedAs, 2)
	})
	// what others are said to do tells of theirs (隔壁寒露籽都在摘了): a
	// value said of the caller's own anywhere (我家种的是良种油茶) wins
	// over one in the act's clause that others do
	if a.clause >= 0 && p.hasAny(clauseText(rd, a.clause), p.g.Others) {
		theirs := make(map[int]bool, len(ordered))
		for _, h := range ordered {
			theirs[h.i] = p.othersDo(rd, a, h.i)
		}
		sort.SliceStable(ordered, func(i, j int) bool { return !theirs[ordered[i].i] && theirs[ordered[j].i] })
	}
	// a clause whose subject is another, opening with one (我们村是重点防火区，
	// 隔壁村是一般区，凭么子我们…), tells of theirs: a value said in any
	// other clause wins over its
	theirsClause := map[int]bool{}
	for _, h := range ordered {
		if _, seen := theirsClause[h.clause]; !seen {
			theirsClause[h.clause] = h.clause >= 0 && h.clause != a.clause && p.startsWithAny(strings.TrimLeftFunc(clauseText(rd, h.clause), clauseBreakOrSpace), p.g.Others)
		}
	}
	sort.SliceStable(ordered, func(i, j int) bool { return !theirsClause[ordered[i].clause] && theirsClause[ordered[j].clause] })
	// presumed are the facts taken from a phrase that only presumes them
	// (市场分的摊位: on no fire lane): a phrase stating the fact itself
	// (消防通道上), said anywhere, wins over it
	var presumed map[string]bool
	// setEnd is where the phrase that set each fact ends: a place said right
	// before another that ends with a locative (家门口路边, 家门口的路边) only
	// says which one is meant, and the place is the later one's (headOver);
	// a phrase of no place (承包了别人的茶山) is no such head
	var setEnd map[string]int
	// (院子后面的山上, 禾场对面的林子里: a direction between them says the
	// later place lies there from the first — it is the place)
	headOver := func(h hit, fact string) bool {
		e, ok := setEnd[fact]
		if !ok || h.neg || h.i < e || !p.hasSuffixAny(h.words, p.g.Locatives) {
			return false
		}
		between := strings.TrimSuffix(rd.text[e:h.i], "的")
		return between == "" || slices.Contains(p.g.Directions, between)
	}
	var undoable []hit // phrases taken whose facts others may undo (Unless)
	for _, h := range ordered {
		if a.clause >= 0 && h.clause != a.clause && !shared[h.clause] || slices.Contains(a.skip, h.i) {
			continue
		}
		// (通告说"禁止在街道、人行道上宰杀"，我在摊位里面杀鱼: a place or a fact
		// said inside the notice's words the caller quotes is the notice's,
		// not where he is — set 54)
		if p.inQuoted(rd, h.i) && !p.inQuoted(rd, a.i) {
			continue
		}
		// 屋里翻修的渣土倒在马路边: a place said in a clause describing the
		// object is where the thing came from; the place said with the act
		// is where it is done
		if p.originOfObject(rd, a, h) {
			continue
		}
		// (办了核准的可以拉渣土，那我帮隔壁拉，冇办核准…: a case the caller
		// knows is only contrasted with the one turned to and asked in its
		// own words — its facts are not the call's, even when the act asked
		// is named only there; a turn asked with 呢 alone, 坟山上点蜡烛不准，
		// 那点个油灯呢, leaves the rest of the case known as it was)
		if h.clause >= 0 && p.knownCase(rd, h.clause) && !p.turnElliptical(rd, h.clause) {
			q.Understood = append(q.Understood, Understood{Words: h.words, Kind: "fact", Meaning: p.unused(p.g.UnusedNotes.Compared)})
			continue
		}
		// (我屋里伯伯去年在后山放孔明灯 … 我想在自家院子里抽根烟: a story
		// of another time lends no place to an act said with its own)
		// (院子里不烧了 搬到堂屋…烧纸: nor does where it is no longer done)
		if a.clause >= 0 && h.clause != a.clause && (p.pastStory(rd, h.clause) || deniedHere(rd, h.clause)) && p.clauseHasOwnFacts(rd, a) {
			continue
		}
		// 算不算重点森林防火区我也不晓得: the caller asks it, so it is not
		// taken (the answer asks it or states both outcomes)
		// (拉茶籽的三轮车货箱坐人，不晓得那天拉没拉茶果: the fact said, then
		// asked by the caller in a later clause, is not known after all)
		if p.factAsked(rd, h) || p.askedLater(rd, h) {
			q.Understood = append(q.Understood, Understood{Words: h.words, Kind: "fact", Meaning: p.unused(p.g.UnusedNotes.Asked)})
			continue
		}
		// 搞不清是寒露籽还是霜降籽: one of two values, the caller not knowing
		// which — the answer asks it or states both outcomes
		if p.eitherSaid(rd, h) {
			q.Understood = append(q.Understood, Understood{Words: h.words, Kind: "fact", Meaning: p.unused(p.g.UnusedNotes.Unsure)})
			continue
		}
		// 就在工地里回填还是运到别个的鱼塘去填: the option said first yields
		// to the one the call ends on
		if p.chosenOver(rd, h) {
			q.Understood = append(q.Understood, Understood{Words: h.words, Kind: "fact", Meaning: p.unused(p.g.UnusedNotes.Later)})
			continue
		}
		// 在乡里街上杀鸡卖——哦，应该是城区的街上: the value taken back yields
		// to the one the correction says
		if p.correctedOver(rd, h) {
			q.Understood = append(q.Understood, Understood{Words: h.words, Kind: "fact", Meaning: p.unused(p.g.UnusedNotes.Retracted)})
			continue
		}
		denied := 0
		if h.neg {
			denied = deniedFact(h.w.facts)
		}
		// a phrase is one reading of the place: when a fact of it is
		// contradicted by one already taken (城里拆房子的渣土 拉到乡下…倒:
		// 乡下 is where, 城里 whence), none of its facts is taken
		contradicted, yielded := false, false
		for k, v := range h.w.facts {
			if h.neg && k != denied || !readFor(v, a.w.activity) {
				continue
			}
			// (a value the phrase only presumes yields to one said, and
			// contradicts nothing: 屋就在林子边，在屋门口…)
			if val, ok := phraseValue(v.V, h.neg); ok && !v.Presumed {
				// (a value only presumed yields to one said: 赶集的时候在城里)
				if old, dup := q.Facts[v.Fact]; dup && !sameValue(old, val) && !presumed[v.Fact] && !headOver(h, v.Fact) {
					contradicted = true
					yielded = yielded || yields(h, v.Fact)
				}
			}
		}
		if yielded {
			q.Understood = append(q.Understood, Understood{Words: h.words, Kind: "fact", Meaning: p.unused(p.g.UnusedNotes.Later)})
			continue
		}
		// (院子挨着林子: but a place said right before the phrase is what
		// lies there — the phrase then tells that place's distance only)
		onlyDistance := contradicted && !h.neg && p.afterFact(rd, h)
		if contradicted && len(h.w.facts) > 1 && !onlyDistance {
			q.NotUnderstood = append(q.NotUnderstood, h.words)
			continue
		}
		for k, v := range h.w.facts {
			if h.neg && k != denied {
				continue // 不在山上 denies what the phrase names, not what it implies
			}
			if !readFor(v, a.w.activity) {
				continue // 路边 is no designated place for rubble, yet may be a stall's pitch
			}
			if onlyDistance && v.Fact != p.voc.Distance.Fact {
				continue
			}
			f, _ := p.set.Fact(v.Fact)
			val, ok := phraseValue(v.V, h.neg)
			if !ok {
				q.NotUnderstood = append(q.NotUnderstood, h.words)
				continue
			}
			// 我在山上干活，那块田离林子有两百米: the distance said wins over
			// 山上 said in passing.
			// (but 冬至克山上烧香 … 屋离山几百米: 山上 in the act's own clause
			// is where it is done, the distance another clause's)
			// A vague word for the distance (山边, 林子边上) yields to a
			// number said anywhere in the act's reach, in either order
			// (在山边的田里烧田埂 田离林子一百五十米): it only guessed what
			// the number says.
			inPassing := h.clause != a.clause || ownDistance || a.clause < 0
			vague := v.Fact == p.voc.Distance.Fact && h.w.note != ""
			// (挂山那天 坟在田中间 离山好远: a custom that only presumes the
			// hill yields to any distance said, vague or not)
			if explicitDistance && (inPassing && v.Fact == "in_forest_land" && val == true || vague) ||
				saidDistance && v.Presumed && v.Fact == "in_forest_land" && val == true {
				q.Understood = append(q.Understood, Understood{Words: h.words, Kind: "fact", Fact: v.Fact, Meaning: p.unused(p.g.UnusedNotes.Distance)})
				continue
			}
			// 别人到我家山上摘茶籽: the caller's hill is not the picker's
			if v.Fact == p.voc.OwnFact && val == true && p.hasAny(h.words, p.g.FirstPerson) && p.othersDo(rd, a, h.i) {
				val = false
			}
			if old, dup := q.Facts[v.Fact]; dup {
				if sameValue(old, val) {
					continue
				}
				if v.Presumed {
					continue // it yields to the value said
				}
				if !presumed[v.Fact] && !headOver(h, v.Fact) {
					q.NotUnderstood = append(q.NotUnderstood, h.words)
					continue
				}
				delete(presumed, v.Fact)
				q.Understood = slices.DeleteFunc(q.Understood, func(u Understood) bool { return u.Kind == "fact" && u.Fact == v.Fact })
			}
			if v.Presumed {
				if presumed == nil {
					presumed = map[string]bool{}
				}
				presumed[v.Fact] = true
			}
			q.Facts[v.Fact] = val
			if setEnd == nil {
				setEnd = map[string]int{}
			}
			setEnd[v.Fact] = h.j
			if turn >= 0 && h.clause == turn {
				if turnFacts == nil {
					turnFacts = map[string]bool{}
				}
				turnFacts[v.Fact] = true
			}
			kind := "fact"
			if v.Fact == "town" {
				kind = "place"
			}
			_ = f
			q.Understood = append(q.Understood, Understood{Words: h.words, Kind: kind, Fact: v.Fact, Value: val,
				Meaning: p.factMeaning(v.Fact, val), Note: h.w.note})
		}
		if len(h.w.unless) > 0 && !h.neg {
			undoable = append(undoable, h)
		}
	}
	p.undo(undoable, q)
	p.kinBefore(rd, q)
	p.kinPlaced(rd, q)
	p.kinOwn(rd, q)
	p.placeSaid(rd, a, q)
	// in forest land and a distance phrase (山上 … 山边): in forest land wins
	if q.Facts["in_forest_land"] == true {
		if _, ok := q.Facts[p.voc.Distance.Fact].(Span); ok {
			delete(q.Facts, p.voc.Distance.Fact)
		}
	}
	p.day(rd, a, q, today)
	p.clock(rd, a, q)
	if q.Activity == "" {
		return q // nothing to ask more about
	}
	says := rd.says
	text := rd.text
	q.ownAsk, q.required = a.asksOwn, a.required
	if a.asksOwn {
		// 医保最迟几号交 晚了交要等好久才能报: each question of the act
		// asks what its own clause asks
		text = clauseText(rd, a.clause)
		says = func(words []string) bool { return p.hasAny(text, words) }
	}
	if !p.hasAny(rd.text, p.g.PerHead) {
		var whole bool
		q.household, whole, q.apart = p.householdCount(rd.text)
		// (我家五口人，我和老婆有职工医保，屋里三个人要交多少: the people
		// counted in the act's own clause, after the story, are the ones
		// asked for — not the whole household told before)
		if n, _, apart := p.householdCount(clauseText(rd, a.clause)); a.clause > 0 && n > 0 && n < q.household {
			q.household, q.apart = n, apart
		} else if k := p.leftOut(rd, a.w.activity); whole && k > 0 && q.household > k {
			// (一家四口，老公有职工医保: the husband pays none of it)
			q.household -= k
		}
		// (我跟老伴还有孙子交居民医保: the people named one by one as who
		// does the act, when no count said says more)
		// (the sentence's, not the clause's: 还有 may open a clause)
		if !whole {
			if n := p.namedPeople(rd.text[afterLast(rd.text, a.i, clauseMarks):a.i]); n > q.household {
				q.household = n
			}
		}
	}
	q.asks = askFlags{
		when:        says(p.g.When) && p.asksWhen(text),
		consequence: says(p.g.Consequence),
		money:       says(p.g.Money),
		deadline:    says(p.g.Deadline) || says(p.g.DaysLeft),
		daysLeft:    says(p.g.DaysLeft),
		benefits:    says(p.g.Benefits),
		waiting:     says(p.g.Waiting) || p.waitLength(text),
		where:       says(p.g.Where),
		must:        says(p.g.Must),
		claim:       says(p.g.Claim),
		how:         says(p.g.How),
		fine:        says(p.g.Fine),
		basis:       says(p.g.PenaltyBasis),
	}
	q.asks.consequence = q.asks.consequence || q.asks.fine || q.asks.basis
	// 八月底…烧火土灰 9月1号起是不是又不准了: a later day said as where
	// something starts asks when the answer changes
	q.asks.when = q.asks.when || p.changeDaySaid(rd, q)
	for i, at := range p.termAsks {
		if !says(at.words) && !(at.wait && p.waitLength(text)) || at.refused && !p.asksRefusal(rd, q.Activity, at) {
			continue
		}
		if len(at.text) > 0 {
			q.inText = append(q.inText, &p.termAsks[i])
			continue // said beside the act's own answer (Render)
		}
		if len(at.unstated) > 0 {
			q.unstated = append(q.unstated, &p.termAsks[i])
			continue // its terms are said only beside the term not stated
		}
		q.quote = q.quote || at.quote
		for _, t := range at.terms {
			if !slices.Contains(q.terms, t) {
				q.terms = append(q.terms, t)
			}
			if at.each && !slices.Contains(q.termsEach, t) {
				q.termsEach = append(q.termsEach, t)
			}
		}
	}
	if len(q.termsEach) > 0 {
		for _, f := range rd.facts {
			for _, v := range f.w.facts {
				if f.neg && !slices.Contains(q.denied, v.Fact) {
					q.denied = append(q.denied, v.Fact)
				}
			}
		}
	}
	if rd.says(p.g.Age) || p.saysAgeRange(rd.text) {
		q.ageSaid = true
		for _, u := range q.Understood {
			if u.Kind == "fact" && p.hasAny(u.Words, p.g.Age) {
				q.ageSaid = false
			}
		}
	}
	q.claimed = p.claimedBounds(rd)
	return q
}

// claimedBounds are the bounds of a number fact a claim states (我记得离山
// 五十米以内才不准; 听说一百米以外就不管了): a distance said with a bound
// (以内, 以外) in a clause that tells a claim is the rule as heard, not the
// place of the act — a bare distance there (听说离山五十米烧田埂要罚) may be
// the place, and is not taken.
func (p *parser) claimedBounds(rd *reading) []claimedBound {
	var out []claimedBound
	for _, h := range rd.facts {
		if h.clause < 0 || h.neg || !p.claims(clauseText(rd, h.clause)) {
			continue
		}
		for _, v := range h.w.facts {
			sp, ok := v.V.(Span)
			if !ok || v.Presumed {
				continue
			}
			switch {
			case sp.Min == 0 && sp.Max < farMetres:
				out = append(out, claimedBound{fact: v.Fact, bound: sp.Max, words: h.words})
			case sp.Max >= farMetres && sp.Min > 0:
				// 一百米以外 was read as 101 and on: the bound said is 100
				out = append(out, claimedBound{fact: v.Fact, bound: sp.Min - 1, words: h.words})
			}
		}
	}
	return out
}

// changeDaySaid reports whether the call says, besides the day asked, a
// later day followed by a word of a start (9月1号起, 10月8号以后): it asks
// whether the answer changes then.
func (p *parser) changeDaySaid(rd *reading, q *Query) bool {
	if q.DateWords == "" {
		return false
	}
	for _, m := range rd.dates {
		if m.Bad || m.Weak || m.Words == q.DateWords || !m.Date.After(q.Date) {
			continue
		}
		if p.startsWithAny(rd.text[m.End:], p.g.FromDay) {
			return true
		}
	}
	return false
}

// termActivity is, for a call asking for terms (谁负责, 几天内) of an act
// whose rules state none of them, the activity whose rules do and whose
// frames take the object said (装修垃圾谁负责清运: the rules of hauling
// name no one who clears; those of piling decoration waste name 物业 and
// 2日); nil when there is none, or more than one.
func (p *parser) termActivity(rd *reading, a hit) *rules.Activity {
	if a.w.activity == nil || a.obj == "" {
		return nil
	}
	var asked []string
	for _, at := range p.termAsks {
		if rd.says(at.words) || at.wait && p.waitLength(rd.text) {
			asked = append(asked, at.terms...)
		}
	}
	if len(asked) == 0 || p.statesTerm(a.w.activity, asked) {
		return nil
	}
	var found *rules.Activity
	for _, f := range p.frames {
		if f.activity == nil || f.activity == a.w.activity || !f.objects[a.obj] || !p.statesTerm(f.activity, asked) {
			continue
		}
		if slices.Contains(p.manners[f.activity.ID], a.w.activity) {
			// 渣土晚上拉到路边倒掉: a breach of the haul said with the
			// hour is what is asked (the vocabulary's manners), the hour
			// is only when
			return nil
		}
		if found != nil && found != f.activity {
			return nil
		}
		found = f.activity
	}
	return found
}

// statesTerm reports whether a rule covering act states one of the terms
// named.
func (p *parser) statesTerm(act *rules.Activity, names []string) bool {
	for _, n := range p.set.Notices {
		for _, r := range n.Rules {
			if !r.Covers(act) {
				continue
			}
			for _, t := range r.Terms {
				if slices.Contains(names, t.Name) {
					return true
				}
			}
		}
	}
	return false
}

// asksStated reports whether the call asks, by words of the terms table's
// own (not a kind's), for a term the rules of activity id state.
func (p *parser) asksStated(rd *reading, id string) bool {
	if len(p.stated[id]) == 0 {
		return false // (most acts state no term: no search)
	}
	for _, at := range p.termAsks {
		if len(at.own) == 0 || !slices.ContainsFunc(at.terms, func(t string) bool { return p.stated[id][t] }) {
			continue
		}
		if rd.says(at.own) {
			return true
		}
	}
	return false
}

// asksRefusal reports whether a refusal's asks entry (医保不交犯法啵) asks
// of the act: the act is said as not done, and its rules state what not
// doing it brings (one of the entry's terms).
func (p *parser) asksRefusal(rd *reading, act string, at askTerms) bool {
	if !slices.ContainsFunc(at.terms, func(t string) bool { return p.stated[act][t] }) {
		return false
	}
	return rd.q.refused || rd.says(p.g.NotDone)
}

// asksTerms reports whether the call says words that ask for a rule's
// terms (the vocabulary's asks table).
func (p *parser) asksTerms(rd *reading) bool {
	if !rd.termsRead { // (chooseActs asks twice)
		// (a refusal's words, 犯法不, ask of an act said as not done: no
		// bare verb is an act for them)
		rd.termsAsked = slices.ContainsFunc(p.termAsks, func(at askTerms) bool {
			return !at.refused && (rd.says(at.words) || at.wait && p.waitLength(rd.text))
		})
		rd.termsRead = true
	}
	return rd.termsAsked
}

// phraseValue is the value a fact phrase gives its fact: a range as a
// Span (one number when its ends meet), a bool denied when the phrase is
// negated; ok is false for a negated phrase of a value that is no bool.
func phraseValue(v any, neg bool) (any, bool) {
	if r, ok := v.([2]float64); ok {
		if r[0] == r[1] {
			v = r[0]
		} else {
			v = Span{Min: r[0], Max: r[1]}
		}
	}
	if !neg {
		return v, true
	}
	b, ok := v.(bool)
	return !b, ok
}

// deniedFact is the index of the fact a negated phrase denies: its first
// (不在山上: in forest land, not "not indoors"; 不是自家的山: whose the hill
// is, not the hill), or none, -1, when that states what a place is not
// (不在坟上 says nothing of the yard, 不去别人山上 nothing of whose hill
// is picked on, 不在屋里 nothing of forest land).
func deniedFact(facts []vocab.Value) int {
	if len(facts) > 0 && facts[0].V == false {
		return -1
	}
	return 0
}

// narrative reports whether m is said right after a narrative 现在 (现在
// 是十一月): the present described, not the day asked about.
func (p *parser) narrative(rd *reading, prev dates.Mention, m *dates.Mention) bool {
	_, weak := p.g.WeakDays[prev.Words]
	return weak && prev.End <= m.Start && utf8.RuneCountInString(rd.text[prev.End:m.Start]) <= 2
}

// presentAsked reports whether m, a day said right after a narrative 现在,
// is one day said in act a's own clause and that clause asks (一是现在十月
// 四号能不能摘？二是十月八号可以摘不？): the present said is the day asked,
// not a story's — another question's day must not take its place.
func (p *parser) presentAsked(rd *reading, a hit, m *dates.Mention) bool {
	return a.clause >= 0 && m.MonthEnd == nil && rd.clause(m.Start) == a.clause && p.endsQuestion(rd, a.clause)
}

// appositive reports whether m names again the day said right before it,
// with nothing between (明天清明节, 明天星期六) or only a word of DayIs
// (今年霜降是十月二十三号吧): the first, said as a day counted from today or
// a festival, is the day meant; what follows it only describes it.
func (p *parser) appositive(rd *reading, prev dates.Mention, m *dates.Mention) bool {
	// (元旦过了1月2号: a bound passed, then the day asked, names no day twice)
	if prev.Bad || prev.Weak || prev.Past || prev.End > m.Start {
		return false
	}
	return prev.End == m.Start || slices.Contains(p.g.DayIs, rd.text[prev.End:m.Start])
}

// equated reports whether day k of rd is told the date of by the day said
// right after it (霜降是十月二十三号): the pair tells the calendar.
func (p *parser) equated(rd *reading, k int) bool {
	return k+1 < len(rd.dates) && rd.dates[k].End < rd.dates[k+1].Start && p.appositive(rd, rd.dates[k], &rd.dates[k+1])
}

// day picks the act's day: one said in its clause, else the last said
// before it (a long call tells its story first), else the first said in
// the call, else a narrative 现在, else today. A day said right after a
// narrative 现在 (现在是十一月) is narrative too.
func (p *parser) day(rd *reading, a hit, q *Query, today calendar.Date) {
	var pick, before *dates.Mention
	bad := false
	// a day said wins over a custom's usual one (冬至去坟上挂青: 冬至)
	said := false
	for _, m := range rd.dates {
		said = said || !m.Bad && !m.Weak && !m.Custom
	}
	for k := range rd.dates {
		m := &rd.dates[k]
		if m.Bad {
			bad = true
			continue
		}
		if p.retracted(rd, k) || m.Custom && said || slices.Contains(rd.events, m.Start) {
			continue
		}
		if m.Weak || k > 0 && p.narrative(rd, rd.dates[k-1], m) && !p.presentAsked(rd, a, m) || p.inModifier(rd, m, a) {
			continue
		}
		if p.pointsBack(rd, k) {
			continue // 9月1日起施行，…当天在山上…: the day said before it
		}
		if k > 0 && p.appositive(rd, rd.dates[k-1], m) {
			continue
		}
		if m.Past && laterDay(rd.dates[k+1:]) {
			continue // 过了4月30号就不禁火了吧，5月3号…: the later day is asked about
		}
		if a.clause >= 0 && rd.clause(m.Start) != a.clause && p.knownCase(rd, rd.clause(m.Start)) {
			continue // 是不是只有清明上坟才不准，…: the contrasted case's day
		}
		if p.banDay(rd, a, m) {
			continue // 不是说九月一号才禁火吗，现在八月份…: the rule's day
		}
		if p.storyTime(rd, a, m) {
			continue // 去年冬天我回来烧了一回…今年…: the story's time
		}
		if a.clause >= 0 && rd.clause(m.Start) != a.clause && p.asksAgainOn(rd, rd.clause(m.Start), a) {
			continue // 今天在山上烧纸不行，那下个月呢: the day of the act asked again
		}
		if a.clause >= 0 && rd.clause(m.Start) == a.clause {
			// in the act's clause, the last day said before the act
			// (过年回来 除夕晚上在屋门口放鞭炮), else the first after it
			if pick != nil && rd.clause(pick.Start) == a.clause && m.Start > a.i {
				break
			}
			pick = m
			if m.Start > a.i {
				break
			}
			continue
		}
		if a.clause >= 0 && rd.clause(m.Start) < a.clause {
			before = m
		}
		if pick == nil {
			pick = m
		}
	}
	if before != nil && (pick == nil || a.clause < 0 || rd.clause(pick.Start) != a.clause) {
		pick = before
	}
	// 春节回来过年的时候放了鞭炮 元宵节还能在山上放不: a day said in the
	// clause that asks wins over one of a clause that does not
	if m := p.claimedDay(rd, a, pick); m != nil {
		pick = m
	} else if m := p.askedDay(rd, a, pick); m != nil {
		pick = m
	} else if m := p.restatedDay(rd, a, pick, today); m != nil {
		pick = m
	} else if m := p.habitDay(rd, a, pick); m != nil {
		pick = m
	}
	if pick == nil {
		// (现在就交明年的医保: the plan's year names which plan, when the
		// rule base holds it, and 现在 is the day — the year only without
		// one; a plan it does not hold, 明年的医保 said in 2025, is asked
		// about whatever day is said)
		var plan *dates.Mention
		for k := range rd.dates {
			m := &rd.dates[k]
			if !m.Weak || m.Bad || p.inModifier(rd, m, a) || p.storyTime(rd, a, m) ||
				a.clause >= 0 && rd.clause(m.Start) != a.clause && p.asksAgainOn(rd, rd.clause(m.Start), a) {
				continue
			}
			if y, ok := p.ownerYear(rd, m, a); ok {
				if !p.planHeld(a, y) {
					pick = m
					break
				}
				if plan == nil {
					plan = m
				}
				continue
			}
			if p.thingsYear(rd, m) {
				continue // 收点去年的陈茶籽: which year's seed, not the day
			}
			if pick == nil || a.clause >= 0 && rd.clause(m.Start) == a.clause {
				pick = m
			}
		}
		if pick == nil {
			pick = plan
		}
	}
	// 医保去年十二月没交 现在还能补交吗: a past day told, then 现在 — the
	// present is asked about, not the story (a year alone is as weak as
	// 现在: 医保去年冇交 现在补交要好多钱) — unless the day is the act's
	// own, told done (十月一号交的医保，今年还能报销不: 今年 is the benefit's)
	if pick != nil && pick.Date.Before(today) && !p.toldByModifier(rd, a, pick) && (pick.Weak || !p.toldDone(rd, a, pick)) {
		for k := range rd.dates {
			// (前天交了医保，是二〇二六年的: a year said before 的 names
			// which year's plan, no day)
			if m := &rd.dates[k]; m != pick && m.Weak && !m.Bad && m.Start >= pick.End && !m.Date.Before(today) && !p.inModifier(rd, m, a) &&
				!p.yearOwned(rd, m) {
				pick = m
				break
			}
		}
	}
	if pick == nil {
		q.Date = today
		q.dayWeak = true
		q.badDay = bad
		for _, m := range rd.dates {
			if m.Bad {
				q.NotUnderstood = append(q.NotUnderstood, m.Words)
				q.badWords = append(q.badWords, m.Words)
				q.unknownDay = q.unknownDay || m.Note != "" // a Bad mention with a note is a day not known
				q.unplacedDay = q.unplacedDay || m.Unplaced
			}
		}
		return
	}
	if d, ok := p.storyYearless(rd, pick, today); ok {
		pick.Date = d
	}
	// 寒露籽10月7号就摘了 said on 10月9日: what was done was done this
	// year, not next
	// (10月8号才摘的, 是…的: only when that day is the nearer — 是老板请我
	// 去帮他摘茶籽的 … 10月26号 said on the 24th is why, not when)
	// (别个寒露籽都开摘了，我十月十五号在自己山上摘犯法不: a day said in a
	// clause after the act told done, one that asks, is the day asked of,
	// not the story's)
	// (邻居10月5号已经把寒露籽摘了，这算提前摘吗: the act said again in the
	// day's own clause is what tells the day gone by, not the question's)
	// (国庆那天在山上放了烟花 said on 10月3日: a festival read as today, a
	// day of its holiday, told done was done on its own day this year)
	const holidayDays = 8
	// (城里9月13号把渣土乱倒在空地上，那天有没有规定 said on 9月16日: a day
	// a few days gone by, the act said of it with nothing of may or will,
	// is that day — no one means the one a year off without 明年; a day of
	// the month said alone, its next a month off, is left as it was:
	// 三十号 said on 10月2日 is still the 30th to come)
	const justPastDays, yearOffDays = 7, 300
	if d, ok := pick.Previous(); ok && (pick.Date.After(today) || pick.Date == today && today.Sub(d) <= holidayDays) && !p.askedAfterDone(rd, a, pick) {
		told := p.dayAct(rd, a, pick)
		nearer := today.Sub(d) < pick.Date.Sub(today) || pick.Date == today
		// (霜降那天摘茶籽摘过了界 said three days before 霜降: told done or
		// not, the day a year gone is not meant without a year said — 今年除夕
		// 在山上放了鞭子 said in December is this year's, gone by)
		yearSaid := slices.ContainsFunc(rd.dates, func(m dates.Mention) bool { return m.Weak && m.End == pick.Start })
		if (nearer || yearSaid) && (p.done(rd, told, nearer, pick.Start) || nearer && p.lookedBack(rd, told, pick.Start) ||
			today.Sub(d) <= justPastDays && pick.Date.Sub(today) >= yearOffDays && p.toldThen(rd, told)) {
			pick.Date = d
			if pick.MonthEnd != nil {
				pick.MonthEnd = pick.PreviousEnd()
			}
		}
	}
	q.Date, q.DateWords = pick.Date, pick.Words
	q.dayWeak = pick.Weak
	if y, ok := p.ownerYear(rd, pick, a); ok {
		q.planDay = p.planHeld(a, y)
		if !q.planDay {
			q.planYear = y
			q.heldYear, q.planNotice = p.heldBefore(a, y)
		}
	}
	q.dayBefore = pick.Before
	q.dayPassed = pick.Passed
	q.stretch = pick.Stretch && pick.MonthEnd != nil
	q.DateEnd = pick.MonthEnd
	note := pick.Note
	switch note {
	case "month":
		note = "按该月第一天回答"
	case "week":
		note = "按该周第一天回答"
	}
	q.Understood = append(q.Understood, Understood{Words: pick.Words, Kind: "date", Meaning: pick.Date.String(), Value: pick.Date.String(), Note: note})
}

// placeSaidAt is the end of a place read as a fact right at byte i, after
// a word of `at` or `toward` if any (河边, 在河边, 到河边), ending by byte
// end; false for none.
func (p *parser) placeSaidAt(rd *reading, i, end int) (int, bool) {
	for _, w := range slices.Concat(p.g.At, p.g.Toward, []string{""}) {
		if !strings.HasPrefix(rd.text[i:], w) {
			continue
		}
		for _, f := range rd.facts {
			if f.i == i+len(w) && f.j > f.i && f.j <= end {
				return f.j, true
			}
		}
	}
	return 0, false
}

// toldThen reports whether act a is said of its day as it was, not as
// it may or will be: its clause holds no word of DoneNot (能, 想, 准备,
// 要是). A day just gone by, said with such an act, is the day gone.
func (p *parser) toldThen(rd *reading, a hit) bool {
	if a.clause < 0 {
		return false
	}
	lo, hi := a.objStart(), max(a.j, a.objEnd())
	st, end := rd.clauseStart(lo, a.clause), rd.clauseEnd(hi, a.clause)
	return !p.hasAny(rd.text[st:end], p.g.DoneNot)
}

// toldDone reports whether act a is told done on day m (跨年那晚在山顶放烟花
// 被派出所带走了, 去年9月10号在城里倒的渣土): a 现在 said after it tells
// the story on (现在放出来了, 现在被城管翻出来查), and the act is asked of
// its own day. (A year said alone is no day of the act's: 去年冬天偷摘了…，
// 现在还会追究不 asks of now.)
func (p *parser) toldDone(rd *reading, a hit, m *dates.Mention) bool {
	told := p.dayAct(rd, a, m)
	return p.done(rd, told, true, m.Start) || p.lookedBack(rd, told, m.Start)
}

// claimedDay is the day said in a clause after the one the day picked is
// in, when that one tells a claim — what someone said or the caller
// recalls (别个讲霜降籽十月八号开摘; 我记得…农历九月二十一开摘) — and the later
// clause, no claim itself, says act a again (its act or a bare verb of
// it) with a day of its own (我自家的霜降籽十月十号摘): the claim's day is
// the rule's as heard, right or wrong, and the caller's act is asked of
// its own day. nil when the day picked is in no claim, or no later clause
// says the act again with a day.
func (p *parser) claimedDay(rd *reading, a hit, pick *dates.Mention) *dates.Mention {
	if pick == nil || pick.Weak || a.w.activity == nil {
		return nil
	}
	c0 := rd.clause(pick.Start)
	if !p.claims(clauseText(rd, c0)) {
		return nil
	}
	same := func(x *rules.Activity) bool { return x != nil && (x.IsA(a.w.activity) || a.w.activity.IsA(x)) }
	for k := range rd.dates {
		m := &rd.dates[k]
		c := rd.clause(m.Start)
		if c <= c0 || m.Bad || m.Weak || m.Custom || p.claims(clauseText(rd, c)) || p.retracted(rd, k) ||
			slices.Contains(rd.events, m.Start) || p.inModifier(rd, m, a) || k > 0 && p.appositive(rd, rd.dates[k-1], m) ||
			p.equated(rd, k) || p.pointsBack(rd, k) {
			continue
		}
		again := slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == c && !h.neg && same(h.w.activity) }) ||
			slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.clause == c && !v.neg && p.verbOf(v.words, a.w.activity) })
		if again {
			return m
		}
	}
	return nil
}

// claims reports whether clause text t tells a claim: what someone said
// (a word of Reported, 听说, 别个讲) or what the caller recalls (Recalled:
// 我记得).
func (p *parser) claims(t string) bool {
	return p.reports(t) || p.hasAny(t, p.g.Recalled)
}

// restatedDay is the day said in a clause after act a's, one that tells
// no story, where a's own bare verb says the act again (过年放鞭子是老规矩，
// 除夕夜在屋门口放): a's clause told the act in general, of the occasion
// picked there (过年), and the act asked is the one said again with a day
// of that occasion (within occasionDays of it). nil when a's clause asks,
// or the day picked is not in it.
func (p *parser) restatedDay(rd *reading, a hit, pick *dates.Mention, today calendar.Date) *dates.Mention {
	const occasionDays = 15 // 过年 runs from 除夕 to 元宵
	if pick == nil || a.clause < 0 || a.w.activity == nil || rd.clause(pick.Start) != a.clause {
		return nil
	}
	roles := p.roles(rd)
	if roles == nil || a.clause >= len(roles) || roles[a.clause] == roleAsks {
		return nil
	}
	for k := range rd.dates {
		m := &rd.dates[k]
		c := rd.clause(m.Start)
		if c <= a.clause || c >= len(roles) || roles[c] == roleStory || m.Bad || m.Weak || m.Custom || m.Date.Before(today) ||
			m.Date == pick.Date || max(m.Date.Sub(pick.Date), pick.Date.Sub(m.Date)) > occasionDays ||
			p.retracted(rd, k) || slices.Contains(rd.events, m.Start) || p.inModifier(rd, m, a) {
			continue
		}
		again := slices.ContainsFunc(rd.verbs, func(v hit) bool { return v.clause == c && !v.neg && p.verbOf(v.words, a.w.activity) })
		other := slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == c })
		if again && !other {
			return m
		}
	}
	return nil
}

// habitDay is the first day said in a clause after act a's when the day
// picked is in a's clause and that clause tells a habit (往年八月份都在山上
// 烧火土灰, 每年九月初我都上山烧纸, 9月份我天天在城里摆摊; mandarin.yaml
// habit) and the later clause names a day of its own with no other act
// in it (今年8月20号还照样烧, 今年9月5号去, 9月20号那天也摆了): the habit's
// time is colour, and the day named is the one the act is asked of — not
// a day the habit runs to (要一直摘到过年: toward). nil when a's clause
// tells no habit, or no later clause names such a day.
func (p *parser) habitDay(rd *reading, a hit, pick *dates.Mention) *dates.Mention {
	if pick == nil || a.clause < 0 || a.w.activity == nil || rd.clause(pick.Start) != a.clause ||
		!p.hasAny(clauseText(rd, a.clause), p.g.Habit) {
		return nil
	}
	for k := range rd.dates {
		m := &rd.dates[k]
		c := rd.clause(m.Start)
		if c <= a.clause || m.Bad || m.Weak || m.Custom || p.retracted(rd, k) || slices.Contains(rd.events, m.Start) ||
			p.inModifier(rd, m, a) || p.otherActIn(rd, c, a) || p.hasSuffixAny(rd.text[:m.Start], p.g.Toward) {
			continue // (一直摘到过年: the habit's end, not a day of its own)
		}
		return m
	}
	return nil
}

// dayAct is the act whose telling says whether day m is gone by: act a
// when m is said in a's clause, else the first of a's activity said again
// in m's clause before a's (an act hit, or a bare verb of it: 10月5号已经把
// 寒露籽摘了，这算提前摘吗), else a.
func (p *parser) dayAct(rd *reading, a hit, m *dates.Mention) hit {
	c := rd.clause(m.Start)
	if a.clause < 0 || c >= a.clause || a.w.activity == nil {
		return a
	}
	for _, hs := range [][]hit{rd.acts, rd.verbs} {
		for _, h := range hs {
			if h.clause == c && !h.neg && (h.w.activity == a.w.activity || h.w.activity == nil && p.verbOf(h.words, a.w.activity)) {
				return h
			}
		}
	}
	return a
}

// askedAfterDone reports whether day m is said in a clause after act a's
// that asks (roleAsks): what a tells done before it is the story, and the
// day belongs to the question.
func (p *parser) askedAfterDone(rd *reading, a hit, m *dates.Mention) bool {
	c := rd.clause(m.Start)
	if a.clause < 0 || c <= a.clause {
		return false
	}
	roles := p.roles(rd)
	return roles != nil && c < len(roles) && roles[c] == roleAsks
}

// storyTime reports whether day m is said in a clause of its own that
// tells the story of another time — before act a (老伴前年走哒 … 在山上生一
// 小堆火烤一下手) or after the question (医保还能交不，我去年没交) — while
// a's clause tells none and nothing after it points back to that time
// (去年七月半……那次在山上烧纸): the story's time, not the act's day.
func (p *parser) storyTime(rd *reading, a hit, m *dates.Mention) bool {
	if a.clause < 0 {
		return false
	}
	c := rd.clause(m.Start)
	return c != a.clause && p.pastStory(rd, c) && !p.pastStory(rd, a.clause) && !p.hasAny(rd.text[m.End:], p.g.BackThen)
}

// ownerYear is the year of weak day m when it is said right before 的
// and act a's noun (明年的医保, 2025年的医保, 下一年度的医保), or right
// after the noun, its 的 standing for it (居民医保明年的交了没): it names
// whose the thing is — which year's plan — not when the act is done.
func (p *parser) ownerYear(rd *reading, m *dates.Mention, a hit) (int, bool) {
	if a.w.activity == nil || !p.yearOwned(rd, m) ||
		m.End+len(p.g.Modifier.Particle) != a.objStart() && m.Start != a.objEnd() {
		return 0, false
	}
	return m.Date.Year(), true // (a year said is read as its first day, or today in this one)
}

// yearOwned reports whether weak day m is a year said right before 的
// (是二〇二六年的, 2025年的医保): which year's thing, not a day.
func (p *parser) yearOwned(rd *reading, m *dates.Mention) bool {
	part := p.g.Modifier.Particle
	if _, ok := p.g.Years[m.Words]; !ok && !strings.HasSuffix(m.Words, "年") && !p.hasSuffixAny(m.Words, p.g.YearTerms) {
		return false
	}
	return part != "" && strings.HasPrefix(rd.text[m.End:], part)
}

// thingsYear reports whether weak day m is a year said before 的 and a
// thing (收点去年的陈茶籽, 烧今年的稻草): which year's thing it is, not the
// day of the act — unless a time follows the 的 (去年的时候, 去年的今天:
// not_head, a day of its own) or a clause's own word (stops).
func (p *parser) thingsYear(rd *reading, m *dates.Mention) bool {
	if !p.yearOwned(rd, m) {
		return false
	}
	at := m.End + len(p.g.Modifier.Particle)
	rest := rd.text[at:]
	if rest == "" || p.hasPrefix(rest, p.g.Modifier.NotHead) || p.hasPrefix(rest, p.g.Modifier.Stops) {
		return false
	}
	return !slices.ContainsFunc(rd.dates, func(d dates.Mention) bool { return d.Start == at })
}

// heldBefore is the latest year before y whose plan the rule base holds
// for activity a (planHeld), within maxPlanBack years, and its notice's
// number; 0 and "" for none.
func (p *parser) heldBefore(a hit, y int) (int, string) {
	for x := y - 1; x >= y-maxPlanBack; x-- {
		if n := p.planNotice(a, x); n != "" {
			return x, n
		}
	}
	return 0, ""
}

// maxPlanBack is how many years before one asked a held plan is sought.
const maxPlanBack = 3

// planHeld reports whether a rule of activity a has a window named for
// year y (2025年度集中参保缴费期: `year_terms` in mandarin.yaml): the rule
// base holds that year's plan.
func (p *parser) planHeld(a hit, y int) bool {
	return p.planNotice(a, y) != ""
}

// planNotice is the number of the notice whose window named for year y
// holds activity a's plan (planHeld), "" for none.
func (p *parser) planNotice(a hit, y int) string {
	for _, n := range p.set.Notices {
		if !slices.ContainsFunc(n.Rules, func(r *rules.Rule) bool { return r.Covers(a.w.activity) }) {
			continue
		}
		for _, w := range n.Windows {
			if slices.ContainsFunc(p.g.YearTerms, func(t string) bool { return strings.Contains(w.Name, strconv.Itoa(y)+t) }) {
				return n.Number
			}
		}
	}
	return ""
}

// toldByModifier reports whether day m is said right before the clause
// that tells act a done by describing its noun (十二月三十一号交的医保).
func (p *parser) toldByModifier(rd *reading, a hit, m *dates.Mention) bool {
	v := p.modifiedVerb(rd, a)
	return v >= 0 && m.End <= v && rd.clause(m.Start) == rd.clause(v) && utf8.RuneCountInString(rd.text[m.End:v]) <= 1
}

// askedDay is the first day said after the day picked in a clause of a
// long call that asks (roleAsks), when the day picked is in one that does
// not: the story's
// festival (过年回来) is not the day asked (除夕…放鞭炮可以吗); nil when the
// picked day's clause asks, or no clause that asks says a day.
func (p *parser) askedDay(rd *reading, a hit, pick *dates.Mention) *dates.Mention {
	if pick == nil || pick.Weak || !slices.ContainsFunc(rd.dates, func(m dates.Mention) bool { return m.Start >= pick.End }) {
		return nil // no day said after it: the clauses' roles are not read
	}
	roles := p.roles(rd)
	if roles == nil || roles[rd.clause(pick.Start)] == roleAsks {
		return nil
	}
	// (昨天…摘了几斤霜降籽，有事没？后天去摘寒露籽: an act told done and
	// asked of keeps the day its clause says)
	if rd.clause(pick.Start) == a.clause && p.doneAsked(rd, a) {
		return nil
	}
	// (年年都是霜降那天摘，我想二十二号摘…要得不: a day of a clause that
	// tells the story — a custom, another year — yields to one said after
	// it in a clause that goes on to the question, not only one that asks)
	story := roles[rd.clause(pick.Start)] == roleStory
	for k := range rd.dates {
		m := &rd.dates[k]
		role := roles[rd.clause(m.Start)]
		if m.Start < pick.End || m.Bad || m.Weak || role != roleAsks && !(story && role == roleNone) || slices.Contains(rd.events, m.Start) ||
			p.retracted(rd, k) || p.inModifier(rd, m, a) || k > 0 && p.appositive(rd, rd.dates[k-1], m) || p.equated(rd, k) ||
			p.pointsBack(rd, k) || p.claimOnly(rd, m) {
			continue
		}
		// (八月中旬在山上坟前烧纸…要得不？那九月份呢: a clause that asks the
		// act again of a day of its own is a question of its own — its day
		// is not this act's)
		if c := rd.clause(m.Start); c != a.clause && p.asksAgainOn(rd, c, a) {
			continue
		}
		// (今年七月半…门口烧包行吗？下个月10号去山上坟前烧纸呢; 今年七月半去
		// 烧纸，还有中秋回来在山上放烟花可以不: a later clause of an act of its
		// own says that act's day, once a's question is put or a's own
		// clause names a's day)
		if c := rd.clause(m.Start); c > a.clause && a.clause >= 0 && p.otherActIn(rd, c, a) &&
			(rd.clause(pick.Start) == a.clause || slices.Contains(roles[a.clause:c], roleAsks)) {
			continue
		}
		return m
	}
	return nil
}

// otherActIn reports whether clause c says an act other than a's (not a
// said again: 国庆…烧过田埂 元旦在山上烧田埂要得不 asks of the later day).
func (p *parser) otherActIn(rd *reading, c int, a hit) bool {
	return slices.ContainsFunc(rd.acts, func(h hit) bool {
		return h.clause == c && !h.neg && (h.w.activity != a.w.activity || h.w.activity == nil && h.words != a.words)
	})
}

// asksAgainOn reports whether clause c, which names no act of its own,
// asks act a again after a's own question was put — may it be done, or
// the case known (要得不？那九月份呢; 不行，那下个月呢) — in a clause from a's
// on: it ends in 呢 or says a's verb again. (老公家的良种油茶，那10月23号
// 呢 and 霜降籽几号开摘，我十月二十三号摘得不 ask one question, of that day.)
func (p *parser) asksAgainOn(rd *reading, c int, a hit) bool {
	roles := p.roles(rd)
	if a.clause < 0 || c <= a.clause || roles == nil || c >= len(roles) || slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == c }) {
		return false
	}
	put := false
	for k := a.clause; k < c && !put; k++ {
		put = roles[k] == roleKnown || roles[k] == roleAsks && p.askKinds(clauseText(rd, k)) == 0
	}
	return put && (p.clauseEndsWith(rd, c, p.g.Ellipsis) || p.verbAskedAgain(rd, c, a))
}

// claimOnly reports whether day m is said in a clause that tells a claim
// (claims: 不是说5月份才解禁吗, 不是说10月15号前整改就行吗) and names no act:
// the day is the rule's as the caller heard it, not a day the act is asked
// of.
func (p *parser) claimOnly(rd *reading, m *dates.Mention) bool {
	c := rd.clause(m.Start)
	return p.claims(clauseText(rd, c)) && !slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == c })
}

// pointsBack reports whether day k of rd is a word pointing back (当天:
// back_then) said after another day: it names that day, not one of its own
// (看到通知说禁火令9月1日起施行，想确认一下：当天在山上烧田埂算违规吗).
func (p *parser) pointsBack(rd *reading, k int) bool {
	return k > 0 && !rd.dates[k-1].Bad && !rd.dates[k-1].Weak && slices.Contains(p.g.BackThen, rd.dates[k].Words)
}

// othersDo reports whether someone other than the caller is said, in act
// a's clause before byte i (a place said there) and before the act, as the
// one who does it (别人到我家山上摘, 他越界到我山上摘).
func (p *parser) othersDo(rd *reading, a hit, i int) bool {
	if a.clause < 0 || rd.clause(i) != a.clause {
		return false
	}
	// (…，他顺便摘了我家的几棵: an act asked again in a later clause is
	// done where its fact is said, its words being the first clause's)
	st := i
	if rd.clause(a.i) == a.clause {
		st = min(i, a.objStart(), a.i)
	}
	lo := rd.clauseStart(st, a.clause)
	return p.hasAny(rd.text[lo:st], p.g.Others)
}

// done reports whether act a is told as done in its clause — nothing in
// it saying it may or will be (DoneNot: 能摘了吧) — by a word of
// DoneBefore before it (已经), or one of DoneAfter right after its verb and
// complements (就摘了, 摘完了) with no question after it in the clause (摘了
// 行不行 asks for it) and no 把 before it (把稻草烧了 is the request).
//
// With nearer, 是…的 at the clause's end (DoneEnd: 10月9号才摘的) tells it
// done too; so does DoneAfter between the verb and its object (摘了几担茶籽)
// when the day, said at byte day, is in the act's clause.
func (p *parser) done(rd *reading, a hit, nearer bool, day int) bool {
	if a.clause < 0 {
		return false
	}
	lo, hi := a.objStart(), max(a.j, a.objEnd())
	st, end := rd.clauseStart(lo, a.clause), rd.clauseEnd(hi, a.clause)
	if p.hasAny(rd.text[st:end], p.g.DoneNot) {
		return false
	}
	if p.hasAny(rd.text[st:lo], p.g.DoneBefore) {
		return true
	}
	// (把稻草烧了 asks for it — but 十月七号我就把寒露籽摘了, the day gone
	// by the nearer, tells it done)
	if strings.Contains(rd.text[st:lo], "把") && !nearer {
		return false
	}
	// 十二月三十一号交的医保 said on 1月3日: the act's own verb with 的
	// before its noun tells the act done, when the day gone by is the
	// nearer (十二月三十一号交的医保算期内吧 said in November supposes)
	if nearer && p.modifiedVerb(rd, a) >= 0 {
		return true
	}
	rest := rd.text[hi:end]
	// 10月6号摘了几担茶籽, 烧了纸: the aspect between the verb and its
	// object, the day said in the act's own clause (过年的时候放了鞭炮 元宵节
	// 还能放不 asks of 元宵 to come)
	// (重阳节去山上上坟，烧了纸: the day said in a clause of the same
	// story before the act's, nothing asked or supposed between)
	sameStory := rd.clause(day) == a.clause ||
		rd.clause(day) < a.clause && day < st && !p.hasAny(rd.text[day:st], p.g.Asking) && !p.hasAny(rd.text[day:st], p.g.DoneNot)
	if _, n := utf8.DecodeRuneInString(rd.text[lo:hi]); n < hi-lo && sameStory &&
		p.hasAny(rd.text[lo+n:hi], p.g.DoneAfter) {
		// (9月10号在山上烧了纸犯法不 said on the 11th: asked of, the act
		// is still told done when the day gone by is the nearer)
		return nearer || !p.hasAny(rest, p.g.Asking)
	}
	// 八月二十五号在后山上烧的荒: 是…的 right after the verb, its object
	// after it, the day gone by the nearer
	if _, n := utf8.DecodeRuneInString(rd.text[lo:hi]); nearer && n < hi-lo && sameStory && p.startsWithAny(rd.text[lo+n:hi], p.g.DoneEnd) {
		return !p.hasAny(rest, p.g.Asking)
	}
	for trimmed := true; trimmed; {
		trimmed = false
		for _, c := range p.g.Complements {
			if r, ok := strings.CutPrefix(rest, c); ok {
				rest, trimmed = r, true
			}
		}
		for _, c := range p.g.DoneResult {
			if r, ok := strings.CutPrefix(rest, c); ok {
				rest, trimmed = r, true
			}
		}
		// (9月10号…把垃圾倒河边了，有事没: the place it went to, said
		// right after the verb, then the aspect)
		if r, ok := p.placeSaidAt(rd, end-len(rest), end); ok {
			rest, trimmed = rd.text[r:end], true
		}
	}
	for _, w := range p.g.DoneAfter {
		if r, ok := strings.CutPrefix(rest, w); ok {
			return !p.hasAny(r, p.g.Asking)
		}
	}
	// 10月9号才摘的: 是…的 at the clause's end tells what was done
	return nearer && slices.Contains(p.g.DoneEnd, strings.TrimSpace(rest))
}

// lookedBack reports whether a clause after act a's (and after the day,
// said at byte day), or the rest of its own clause after it (5月1号烧田埂
// 被罚了), looks back on the act as done (DoneLater: 被城管抓了, 那时候还冇
// 这个规定), nothing in the act's clause saying it may or will be, or
// asking it.
func (p *parser) lookedBack(rd *reading, a hit, day int) bool {
	if a.clause < 0 || rd.clause(day) > a.clause {
		return false
	}
	st, end := a.i, a.i
	for st > 0 && rd.clause(st-1) == a.clause {
		st--
	}
	for end < len(rd.text) && rd.clause(end) == a.clause {
		end++
	}
	own := rd.text[st:end]
	if p.hasAny(own, p.g.DoneNot) || p.hasAny(own, p.g.Asking) {
		return false
	}
	return p.hasAny(rd.text[min(max(a.j, a.objEnd()), end):], p.g.DoneLater)
}

// retracted reports whether the caller took back day k by correcting it
// right after (十月八号 不对 十月七号; 明天——不对，后天): a correction word, and
// little else, between it and the next day said.
func (p *parser) retracted(rd *reading, k int) bool {
	// (清明过后十五天: two readings of one stretch overlap — nothing is
	// said between them to take either back)
	if k+1 >= len(rd.dates) || rd.dates[k].End > rd.dates[k+1].Start {
		return false
	}
	between := rd.text[rd.dates[k].End:rd.dates[k+1].Start]
	// 九月底摘茶籽呃九月二十八号: a filler right before the next day
	// restates the day (dictated: no pause between)
	if p.hasSuffixAny(between, p.g.Restates) && !rd.dates[k+1].Bad && !rd.dates[k+1].Weak {
		return true
	}
	if p.chooses(between) {
		return true
	}
	if utf8.RuneCountInString(between) > 8 {
		// …后来又想 改到二十九: a correction word right before the next
		// day takes the first back however much was said between
		t := strings.TrimRight(between, " ")
		for _, c := range p.g.Corrections {
			if strings.HasSuffix(t, c) {
				return true
			}
		}
		return false
	}
	return p.corrects(between)
}

// corrects reports whether the words between two things said take the
// first back: a correction word and little else (八十米 哦不 一百五十米), or
// a word that corrects only when said alone between pauses (烧稻草 不是 烧
// 田埂草, where 不是在山上 denies).
func (p *parser) corrects(between string) bool {
	// (the pauses are no words: 交新农合——不对，我说的是交养老保险)
	if wordRunes(between) > 8 {
		return false
	}
	if p.hasAny(between, p.g.Corrections) {
		return true
	}
	pause := func(r rune) bool { return r == ' ' || clauseBreak(r) }
	first, _ := utf8.DecodeRuneInString(between)
	last, _ := utf8.DecodeLastRuneInString(between)
	return pause(first) && pause(last) && slices.Contains(p.g.CorrectionsAlone, strings.TrimFunc(between, pause))
}

// wordRunes counts the characters of s other than pauses and marks.
func wordRunes(s string) int {
	n := 0
	for _, r := range s {
		if !retractPause(r) && !unicode.IsPunct(r) {
			n++
		}
	}
	return n
}

// chooses reports whether the words between two things said offer the
// second in the first's place, as a choice the caller weighs (是十月七号摘
// 还是十月八号摘, 堆到指定的地方还是丢到垃圾桶里): an alternative word and
// little else. The call is answered for the option it ends on — the one
// the caller would fall to — as a correction is for the word said last.
func (p *parser) chooses(between string) bool {
	if utf8.RuneCountInString(between) > 10 {
		return false
	}
	for _, w := range p.g.Alternatives {
		if strings.Contains(between, w) {
			return true
		}
	}
	return false
}

// actRetracted reports whether the caller took back act h by a correction
// right after it: another act said after it, with a correction word and
// little else between (放鞭炮 哦不 放孔明灯, 摘茶籽 不对 收茶籽).
func (p *parser) actRetracted(rd *reading, h hit, acts []hit) bool {
	end := max(h.j, h.wj)
	for _, o := range acts {
		start := o.i
		// (the object said before both, 装修垃圾是拉到…还是…堆: from o's verb)
		if o.wj > o.wi && o.wi < start && o.wi >= end {
			start = o.wi
		}
		if start < end || o.w.activity == h.w.activity && o.w.act == h.w.act {
			continue
		}
		between := rd.text[end:start]
		// (拉到物业指定的点还是在家门口路边堆两天: each option with its
		// place, one alternative word between them in one clause)
		if p.corrects(between) {
			return true
		}
		if (p.chooses(between) || h.clause == o.clause && p.oneAlternative(between)) && !p.hasAny(rd.text[start:], p.g.ChooseEach) {
			// (医保是交居民医保还是交职工医保，我冇得单位，交居民医保要得
			// 不: the caller fell to the first option, asked again after
			// the choice — the second is the one let go)
			if p.optionAskedAgain(h, o, acts) {
				continue
			}
			return true
		}
	}
	// (…the second option, let go when the first is asked again)
	for _, f := range acts {
		if f.clause <= h.clause && max(f.j, f.wj) <= h.i && !p.sameAct(f, h) &&
			p.chooses(rd.text[max(f.j, f.wj):h.i]) && p.optionAskedAgain(f, h, acts) {
			return true
		}
	}
	return false
}

// wayEnded reports whether way h of an act, told done, is ended by a word
// of WayEnded in a later clause that names no one (…交了职工医保，哦，已经
// 辞职了，断了半年了), with its act asked in a clause after that: the way
// is held no more when the act is asked. Not when the ending is denied
// (没断), nor said of someone (老婆辞职了: hers, not the way's holder's).
func (p *parser) wayEnded(rd *reading, h hit, pos []hit) bool {
	base := p.mannerOf[h.w.activity]
	if h.w.activity == nil || base == nil || h.neg {
		return false
	}
	for _, o := range pos {
		if o.w.activity != base || o.clause <= h.clause+1 {
			continue
		}
		for c := h.clause + 1; c < o.clause; c++ {
			t := clauseText(rd, c)
			if p.hasAny(t, p.g.WayEnded) && !p.hasAny(t, p.g.People) && !p.hasAny(t, p.g.Persons) && !p.hasAny(t, p.g.Negators) {
				return true
			}
		}
	}
	return false
}

// choiceEndsOff reports whether act h is the first option of a choice said
// in its clause whose second, the one the call ends on, opens with a bare
// verb of another act and names no act of pos (落叶是在院子里烧还是扫到垃圾
// 桶里: sweeping, of no rule) — answered, as chooses answers a choice, for
// the option said last: words no vocabulary holds, from where they begin.
// Not when a word of choose_each asks of each (哪个可以), nor when the
// second option says h's own verb again (是在院子里烧还是在田里烧: a choice
// of places).
func (p *parser) choiceEndsOff(rd *reading, h hit, pos []hit) (int, bool) {
	end := max(h.j, h.wj)
	s := rd.text[end:rd.clauseEnd(end, h.clause)]
	alt, n := -1, 0
	for _, w := range p.g.Alternatives {
		if k := strings.Index(s, w); k >= 0 && (alt < 0 || k < alt) {
			alt, n = k, len(w)
		}
	}
	if alt < 0 || !p.chooses(s[:alt+n]) || p.hasAny(rd.text[end:], p.g.ChooseEach) {
		return 0, false
	}
	at := end + alt + n
	if slices.ContainsFunc(pos, func(o hit) bool { return o.i >= at || o.wi >= at && o.wj > o.wi }) {
		return 0, false
	}
	opens := false
	for _, v := range rd.verbs {
		if v.i < at || v.clause != h.clause {
			continue
		}
		if h.w.activity != nil && p.verbOf(v.words, h.w.activity) {
			return 0, false
		}
		opens = opens || utf8.RuneCountInString(rd.text[at:v.i]) <= 1
	}
	return at, opens
}

// optionAskedAgain reports whether first, an option of a choice whose
// other option is second, is said again in a clause after second's: the
// option the caller fell to.
func (p *parser) optionAskedAgain(first, second hit, acts []hit) bool {
	return slices.ContainsFunc(acts, func(g hit) bool { return g.clause > second.clause && p.sameAct(g, first) })
}

// sameAct reports whether hits h and o name one act, covered or not.
func (p *parser) sameAct(h, o hit) bool {
	return h.w.activity == o.w.activity && h.w.act == o.w.act
}

// laterDay reports whether ms holds a day said plainly (not a narrative
// 现在, not a day that names none).
func laterDay(ms []dates.Mention) bool {
	for _, m := range ms {
		if !m.Bad && !m.Weak {
			return true
		}
	}
	return false
}

// clock picks the act's time of day: one said in its clause, else the only
// one said in the call — unless the act's clause says a day of its own and
// the time is said with another (半夜十二点一过就是9月1号了，我8月31号白天
// 把田埂烧完: the midnight tells when the ban starts, not when the act is
// done). A time after midnight said of the night before (今晚12点) moves the
// day on.
func (p *parser) clock(rd *reading, a hit, q *Query) {
	var pick *dates.Clock
	for k := range rd.clocks {
		c := &rd.clocks[k]
		if a.clause >= 0 && rd.clause(c.Start) == a.clause {
			pick = c
			break
		}
	}
	if pick == nil && len(rd.clocks) == 1 && !(a.clause >= 0 && clauseHasMonthDay(rd, a.clause) && clauseHasDate(rd, rd.clause(rd.clocks[0].Start))) {
		pick = &rd.clocks[0]
	}
	if pick == nil {
		if p.afterMidnight(rd, a) {
			q.Date = q.Date.AddDays(1)
		}
		p.daySpan(rd, a, q)
		return
	}
	// (a midnight kept up to on a year's first day, 迎新年…守到十二点 said in
	// 腊月, is the one that brings it in, not the one that ends it)
	seenIn := pick.Minute == 24*60 && p.yearsEve(q.Date.AddDays(-1))
	if pick.NextDay() && !seenIn || pick.Minute == 0 && p.yearsEve(q.Date) {
		q.Date = q.Date.AddDays(1)
	}
	q.timed, q.minute, q.Time = true, pick.Minute%(24*60), pick.String()
	q.Understood = append(q.Understood, Understood{Words: pick.Words, Kind: "time", Meaning: q.Time, Value: q.Time})
}

// afterMidnight reports whether the act is told at a part of the night that
// lies wholly past its midnight (after_midnight: 今晚下半夜, 5月1号后半夜),
// in its clause or, with none there, in the call: the night is the day
// said, its second half the next day's first hours.
func (p *parser) afterMidnight(rd *reading, a hit) bool {
	if a.clause >= 0 && p.hasAny(clauseText(rd, a.clause), p.g.AfterMidnight) {
		return true
	}
	return len(rd.clocks) == 0 && p.hasAny(rd.text, p.g.AfterMidnight)
}

// yearsEve reports whether day d is the last of a year, lunar (除夕) or
// Gregorian (12月31日): 零点 said of it is the midnight that ends it, the
// watch kept to see the year in (除夕守岁，零点放鞭炮 is 正月初一 00:00), not
// the small hours before its own day began.
func (p *parser) yearsEve(d calendar.Date) bool {
	next := d.AddDays(1)
	if next.Month() == 1 && next.Day() == 1 {
		return true
	}
	l, err := p.cal.Lunar(next)
	return err == nil && l.Month == 1 && l.Day == 1 && !l.Leap
}

func countClause(hs []hit, c int) int {
	n := 0
	for _, h := range hs {
		if h.clause == c {
			n++
		}
	}
	return n
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// alarms are the spans of words that report by themselves (vocabulary
// reports marked alarm: 着火, 起火), not denied (没着火).
func (p *parser) alarms(rd *reading) [][2]int {
	var out [][2]int
	for _, r := range p.voc.Reports {
		if !r.Alarm {
			continue
		}
		for _, w := range r.Words {
			for i := 0; rd.mayHold1(w); {
				k := strings.Index(rd.text[i:], w)
				if k < 0 {
					break
				}
				if !p.negated(rd, i+k, false) {
					out = append(out, [2]int{i + k, i + k + len(w)})
				}
				i += k + len(w)
			}
		}
	}
	return out
}

// allInside reports whether every act lies within one of spans (烧起来了
// is the fire reported, not an act).
func allInside(acts []hit, spans [][2]int) bool {
	for _, h := range acts {
		in := false
		for _, sp := range spans {
			in = in || h.i >= sp[0] && h.j <= sp[1]
		}
		if !in {
			return false
		}
	}
	return true
}

// reportText is text without the words that name a phone number asking for
// none: the hotline itself (你们这个电话) and a number written or posted
// (墙上写电话号码, 公示施工单位和投诉电话).
func (p *parser) reportText(text string) string {
	text = p.selfBlank.Replace(text)
	if p.reWritten != nil {
		text = p.reWritten.ReplaceAllString(text, "\x00")
	}
	return text
}

// writtenThenAsked reports whether text, after a number written or posted
// (通告上写的举报电话3399110是城管的), asks in a clause of its own for another
// by its owner (那市场监管局的是多少; mandarin.yaml report_after_written): the
// 的 stands for the number, so the written one does not make the call ask
// for none.
func (p *parser) writtenThenAsked(text string) bool {
	_, ok := p.afterWritten(text)
	return ok
}

// afterWritten is the text of text after its first number written or
// posted, when it goes on in a clause of its own and ends asking for
// another number by its owner (writtenThenAsked).
func (p *parser) afterWritten(text string) (string, bool) {
	if p.reWritten == nil {
		return "", false
	}
	loc := p.reWritten.FindStringIndex(text)
	if loc == nil {
		return "", false
	}
	rest := strings.TrimRight(text[loc[1]:], pauses)
	// (写电话号码的是多少: the same clause as the number written asks of
	// no other)
	if !strings.ContainsAny(rest, "，,。；;？?") || !p.endsWithAny(rest, p.g.ReportAfterWritten) {
		return "", false
	}
	return rest, true
}

// placeSaid sets the query's place to the division the call names
// anywhere in it (金水区, 盐城的 said after the question, 钱塘江): the
// place is the whole call's, not one clause's. Of several named, the
// deepest wins when each lies within it (郑州金水区); places that do not
// nest are the act's clause's, or, when it names none, not used.
func (p *parser) placeSaid(rd *reading, a hit, q *Query) {
	var said []hit
	outside := -1
	for k, h := range rd.facts {
		// (我在冷水滩那边的山上烧荒，跟祁阳这边一样管不: the place of the
		// case compared is not where the act is done)
		if h.w.place != "" && !h.neg && !p.knownCase(rd, rd.clause(h.i)) {
			said = append(said, h)
		}
		if h.w.outside != "" && !h.neg && outside < 0 && !p.outsideBackground(rd, h) && !p.homeElsewhere(rd, a, h) {
			outside = k
		}
	}
	if outside >= 0 {
		// 我是祁阳人，在长沙那边山上烧纸: the rule base's own place said as
		// where the caller comes from is not the act's, done outside
		said = slices.DeleteFunc(said, func(h hit) bool { return p.outsideBackground(rd, h) })
	}
	if len(said) == 0 {
		if outside >= 0 {
			// 北京今天能放鞭炮吗: a place no loaded notice covers, and none
			// they cover — not to be answered from another place's notices
			o := rd.facts[outside]
			q.outside = o.w.outside
			q.Understood = append(q.Understood, Understood{Words: o.words, Kind: "place", Meaning: o.w.outside})
		}
		return
	}
	best := said[0]
	for _, h := range said[1:] {
		switch b, c := codeOf(best.w.place), codeOf(h.w.place); {
		case b.Covers(c):
			best = h
		case c.Covers(b):
		default:
			var own []hit
			for _, x := range said {
				if x.clause == a.clause {
					own = append(own, x)
				}
			}
			if len(own) == 0 {
				for _, x := range said {
					q.NotUnderstood = append(q.NotUnderstood, x.words)
				}
				return
			}
			best = own[len(own)-1]
		}
	}
	q.Place = best.w.place
	q.Understood = append(q.Understood, Understood{Words: best.words, Kind: "place", Value: best.w.place,
		Meaning: p.set.Divisions.Name(codeOf(best.w.place))})
}

// outsideBackground reports whether the place outside the rule base's
// area at h is said as where someone works, lives, studies, comes from or
// goes back to (在冷水滩上班, 祁东嫁过来的, 从祁东回来) — the caller's story,
// not where the act asked about is done.
func (p *parser) outsideBackground(rd *reading, h hit) bool {
	before, after := rd.text[:h.i], rd.text[h.j:]
	for _, w := range p.outsideBefore {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	for linked := true; linked; {
		linked = false
		// 回广东 走之前: a pause between the name and what follows it
		if r, n := utf8.DecodeRuneInString(after); n > 0 && (unicode.IsSpace(r) || clauseBreak(r)) {
			after, linked = after[n:], true
			continue
		}
		for _, w := range p.outsideLinking {
			if strings.HasPrefix(after, w) {
				after, linked = after[len(w):], true
				break
			}
		}
	}
	for _, w := range p.outsideAfter {
		if strings.HasPrefix(after, w) {
			return !p.backToPlace(after[len(w):])
		}
	}
	return false
}

// backToPlace reports whether the text right after a place's story (在零陵
// 上班) begins, after any pause, with a word pointing back to the place
// (那边山上烧烤, 打工那边宿舍后面): the act is done there.
func (p *parser) backToPlace(rest string) bool {
	for {
		r, n := utf8.DecodeRuneInString(rest)
		if n == 0 || !(unicode.IsSpace(r) || clauseBreak(r)) {
			break
		}
		rest = rest[n:]
	}
	return slices.ContainsFunc(p.outsideBack, func(w string) bool { return strings.HasPrefix(rest, w) })
}

// homeElsewhere reports whether the place outside the rule base's area at
// h is said in a clause other than the act's, and the act's own clause
// says it is done at home (我伯伯在广州，问他老家屋后山上的寒露籽): the
// home is the act's place, the other where someone is.
func (p *parser) homeElsewhere(rd *reading, a hit, h hit) bool {
	if h.clause == a.clause || len(p.outsideHome) == 0 {
		return false
	}
	i, j := a.i, a.i
	for i > 0 && int(rd.clauses[i-1]) == a.clause {
		i--
	}
	for j < len(rd.text) && int(rd.clauses[j]) == a.clause {
		j++
	}
	own := rd.text[i:j]
	return slices.ContainsFunc(p.outsideHome, func(w string) bool { return strings.Contains(own, w) })
}

// anywhereAct reports whether the activity id, or the act it is a way
// of, is one whose place is the person's (vocab.Activity.Anywhere): a
// place outside the rule base's area said with it does not take it out.
func (p *parser) anywhereAct(id string) bool {
	for a := range p.anywhere {
		if a.ID == id || slices.ContainsFunc(p.manners[a.ID], func(m *rules.Activity) bool { return m.ID == id }) {
			return true
		}
	}
	return false
}

// codeOf is a division code as written (410100) in its canonical form
// (4101), which Covers compares by prefix.
func codeOf(s string) division.Code {
	c, err := division.Parse(s)
	if err != nil {
		return division.Code(s)
	}
	return c
}

// daySpan reads a part of the day said with no clock time (除夕晚上, 中午
// 放, 夜里装修) in the act's clause, else in the call: the longest of the
// grammar's day spans. The answer decides the act at its hours
// (spanOfDay). A rule set with no window that has times of day has no
// use for it.
func (p *parser) daySpan(rd *reading, a hit, q *Query) {
	if !p.clocked {
		return
	}
	texts := []string{rd.text}
	if a.clause >= 0 {
		texts = []string{clauseText(rd, a.clause), rd.text}
	}
	for _, t := range texts {
		best := ""
		for w := range p.g.DaySpans {
			if len(w) > len(best) && strings.Contains(t, w) {
				best = w
			}
		}
		if best == "" {
			continue
		}
		sp := p.g.DaySpans[best]
		q.span = &sp
		q.Understood = append(q.Understood, Understood{Words: best, Kind: "time",
			Meaning: calendar.ClockText(sp[0]%24*60) + "-" + calendar.ClockText(sp[1]%24*60)})
		return
	}
}

// settingOf reports whether act h was read from a frame whose with-words
// include prev's own words (折…树枝 said with 摘茶籽): prev says when h is
// done, as 摘茶籽的时候 would, and h is what is asked.
func (p *parser) settingOf(prev, h hit) bool {
	if h.obj == "" || h.w.activity == nil {
		return false
	}
	for _, f := range p.byObj[h.obj] {
		if f.activity == h.w.activity && slices.Contains(f.with, prev.words) {
			return true
		}
	}
	return false
}

// someOf reports whether the call says act a done for only part of a
// group: a phrase of part (有的人交, 交一半), 除了 then all the others
// (除了他 其他人都交), a verb of a with only before it and people or a
// count right after it (只交三个, 就交一个人的), a count right after a
// verb of a with people said before it (屋里七口人交五个人的), or a verb
// of a done and another not done, each after people or a count (一个交
// 一个不交).
func (p *parser) someOf(rd *reading, a *rules.Activity) bool {
	const window = 10 // as chooseActs' peopleWindow
	s := rd.text
	if p.hasAny(s, p.g.SomeOf) {
		return true
	}
	for _, e := range p.g.Except {
		if i := strings.Index(s, e); i >= 0 && p.hasAny(s[i+len(e):], p.g.AllOf) {
			return true
		}
	}
	group := append(slices.Clip(p.g.People), p.g.Counts...)
	done, not := false, false
	for i := 0; i < len(s); {
		_, sz := utf8.DecodeRuneInString(s[i:])
		n := 0
		for k, m := i, 0; k < len(s) && m < 3; m++ {
			_, z := utf8.DecodeRuneInString(s[k:])
			k += z
			if p.verbOf(s[i:k], a) {
				n = k - i
			}
		}
		if n == 0 {
			i += sz
			continue
		}
		if inFact(rd, i) { // (老板没交社保: the fact told, not the act)
			i += n
			continue
		}
		after := strings.TrimLeft(s[i+n:], "了的给")
		// (a fraction with the group said anywhere before: 屋里人多，医保交一半)
		if p.longestPrefix(after, p.g.Fractions) > 0 && p.hasAny(s[:i], p.g.People) &&
			!slices.ContainsFunc(rd.facts, func(f hit) bool { return !f.neg }) {
			return true
		}
		if p.onlyFor(rd, i) {
			return true
		}
		counted := p.countAt(after)
		if counted || p.longestPrefix(after, p.g.People) > 0 {
			if p.onlyBefore(rd, i, 4) || counted && p.before(rd, i, p.g.People, window) && !p.onlyDenied(rd, i, window) {
				return true
			}
		}
		if p.before(rd, i, group, window) {
			if p.before(rd, i, p.g.Negators, 1) {
				not = true
				// (只有我娘没交，现在补交要得不: the one left out, asked
				// now, is no part left out)
				if p.onlyLeftOut(rd, i) && !p.doneLater(rd, hit{i: i, j: i + n, words: s[i : i+n], w: word{activity: a}}, window) {
					return true
				}
			} else {
				done = true
			}
		}
		i += n
	}
	return done && not
}

// onlyFor reports whether the verb at byte i is said after a word of only
// in its clause that sets apart the ones the act is done for: one of
// OnlyFor (只给身体差的那个交) with more than one person counted before it
// (屋里两个老人，一个身体好一个身体差), or one of OnlySome with a people word
// between it and the verb (只给伢子交, 只想给小孩交) — the only not denied
// (不是只给伢子交). The act is done for only some, the rest left out.
func (p *parser) onlyFor(rd *reading, i int) bool {
	const window = 12 // runes from the word of only to the verb (只给身体差的那个)
	start := rd.windowStart(i, window)
	s := rd.text[start:i]
	denied := func(k int) bool { return p.endsWithAny(rd.text[:start+k], p.g.OnlyDenied) }
	for _, w := range p.g.OnlyFor {
		if k := strings.LastIndex(s, w); k >= 0 && !denied(k) {
			if n, _, _ := p.householdCount(rd.text[:start+k]); n >= 2 {
				return true
			}
		}
	}
	if p.before(rd, i, p.g.Negators, 1) {
		return false
	}
	for _, w := range p.g.OnlySome {
		if k := strings.LastIndex(s, w); k >= 0 && !denied(k) && p.hasAny(s[k+len(w):], p.g.People) &&
			!p.householdOfOne(rd.text) {
			return true
		}
	}
	return false
}

// onlyBefore reports whether a word of only is said within runes
// characters before byte i, not denied (只交一个, not 不是只交一个).
func (p *parser) onlyBefore(rd *reading, i, runes int) bool {
	return p.before(rd, i, p.g.Only, runes) && !p.onlyDenied(rd, i, runes)
}

// onlyDenied reports whether a word of only said within runes characters
// before byte i is itself denied (一家人不是只交一个，全家五口都交): the
// caller says the act is not done by some only.
func (p *parser) onlyDenied(rd *reading, i, runes int) bool {
	start := rd.windowStart(i, runes)
	for _, w := range p.g.Only {
		if k := strings.LastIndex(rd.text[start:i], w); k >= 0 && p.endsWithAny(rd.text[:start+k], p.g.OnlyDenied) {
			return true
		}
	}
	return false
}

// onlyLeftOut reports whether the verb at byte i is denied of people said
// right before its negator with a word of only before them, in its clause
// (屋里就一个人冇交医保, 就我一个人冇交, 只有我娘没交): one left out says the
// rest did it, so the act is done for part of the group.
func (p *parser) onlyLeftOut(rd *reading, i int) bool {
	const onlyBefore = 3 // runes between the word of only and the people (就我一个人)
	s := rd.text[rd.windowStart(i, 12):i]
	neg := 0
	for _, w := range p.g.Negators {
		if len(w) > neg && strings.HasSuffix(s, w) {
			neg = len(w)
		}
	}
	s = s[:len(s)-neg]
	people := 0
	for _, w := range p.g.People {
		if len(w) > people && strings.HasSuffix(s, w) {
			people = len(w)
		}
	}
	if neg == 0 || people == 0 {
		return false
	}
	s = s[:len(s)-people]
	if r := []rune(s); len(r) > onlyBefore {
		s = string(r[len(r)-onlyBefore:])
	}
	return slices.ContainsFunc(p.g.Only, func(w string) bool { return strings.Contains(s, w) })
}

// countAt reports whether s starts with a count of people (三个, 几个),
// not of something else (三个月).
func (p *parser) countAt(s string) bool {
	n := p.countLen(s)
	return n > 0 && p.longestPrefix(s[n:], p.g.CountsNot) == 0
}

// countLen is the length of the count s starts with: one of Counts (三个,
// 几个), or a numeral typed in digits or said in characters with one of
// the units of people (4个, 5口) — 0 when none.
func (p *parser) countLen(s string) int {
	if n := p.longestPrefix(s, p.g.Counts); n > 0 {
		return n
	}
	k := numeralLen(s)
	if k == 0 {
		return 0
	}
	if u := max(p.longestPrefix(s[k:], p.g.PeopleUnits), p.longestPrefix(s[k:], p.g.HeadUnits)); u > 0 {
		return k + u
	}
	return 0
}

// otherPerson reports whether the way of an act m is told of one person
// in an earlier clause and the act h asked for another: each clause says
// whose it is (老头子有职工医保 … 我交居民的), and h's is not done for the
// one told of (屋里还给他交 is for him).
func (p *parser) otherPerson(rd *reading, m, h hit) bool {
	if m.w.activity == nil || h.w.activity == nil || m.clause >= h.clause ||
		!slices.Contains(p.manners[h.w.activity.ID], m.w.activity) {
		return false
	}
	// (我有职工医保还要交居民医保吗？我爹我娘交居民医保要交好多钱？: the way
	// asked in a question of its own is no story of the one it is told of)
	return !p.apart(rd, m, h) && p.otherDoer(rd, m, h)
}

// bareActAfter is the act of which m is a way, said by the last bare
// verb of it, not denied, in a clause after m's (…交了职工医保，我还在读书，
// 要交吗: 交, enrolling), or by the verb of a question of money there.
func (p *parser) bareActAfter(rd *reading, m hit) (hit, bool) {
	base := p.mannerOf[m.w.activity]
	if base == nil {
		return hit{}, false
	}
	for k := len(rd.verbs) - 1; k >= 0; k-- {
		v := rd.verbs[k]
		if v.clause > m.clause && !p.verbNegated(rd, v) && p.verbOf(v.words, base) {
			return hit{i: v.i, j: v.j, clause: v.clause, words: v.words, w: word{activity: base}}, true
		}
	}
	// (…屋里三个人要交多少: or the verb inside the question of money)
	if h, ok := p.paidAmount(rd); ok && h.clause > m.clause && h.w.activity == base {
		return h, true
	}
	return hit{}, false
}

// householdTotal is the act of which way m is a way, when m is told of
// someone other than the caller (老公有职工医保) in a call that counts its
// household whole and asks an amount after m's clause (一家四口，…，一共交
// 多少钱): the household's act, which the way leaves to the rest of them
// (leftOut counts those it leaves out).
func (p *parser) householdTotal(rd *reading, m hit) (hit, bool) {
	base := p.mannerOf[m.w.activity]
	if base == nil || m.neg {
		return hit{}, false
	}
	who := p.subject(rd, m)
	if who == "" || slices.Contains(p.g.FirstPerson, who) || slices.Contains(p.g.Self, who) {
		return hit{}, false
	}
	if _, whole, _ := p.householdCount(rd.text); !whole || !p.hasAny(rd.text[rd.clauseEnd(m.i, m.clause):], p.g.Money) {
		return hit{}, false
	}
	return hit{i: m.i, j: m.j, clause: m.clause, words: m.words, w: word{activity: base}}, true
}

// leftOut is how many of a household counted whole a way of act a takes
// out of it (老公有职工医保: the employee plan held), each told of someone:
// none of them pays the household's premium.
func (p *parser) leftOut(rd *reading, a *rules.Activity) int {
	n := 0
	for _, o := range rd.acts {
		if !o.neg && o.w.activity != nil && p.mannerOf[o.w.activity] == a && p.subject(rd, o) != "" {
			n++
		}
	}
	return n
}

// othersAsk reports whether the clause of bare act h names, before it,
// people other than the caller as the ones who do it (屋里三个人要交多少,
// 我爸妈要交吗) — not the caller, nor one it is done for (给我爸交).
func (p *parser) othersAsk(rd *reading, h hit) bool {
	s := rd.text[p.clauseStart(rd, h.i):h.i]
	doer := p.subjectOf(s)
	return doer != "" && !slices.Contains(p.g.Persons, doer) && !slices.Contains(p.g.Self, doer) &&
		!p.hasAny(s, p.g.Benefactive)
}

// exemptTold reports whether a way of h's act that takes a person out of
// it (the employee plan: 我在单位有医保) is told, not denied, in a clause
// before h's.
func (p *parser) exemptTold(rd *reading, h hit) bool {
	return slices.ContainsFunc(rd.acts, func(m hit) bool {
		return m.clause < h.clause && !m.neg && m.w.activity != nil && slices.Contains(p.manners[h.w.activity.ID], m.w.activity)
	})
}

// callerBetween reports whether a clause after m's, up to h's, names the
// caller alone (我还在读书).
func (p *parser) callerBetween(rd *reading, m, h hit) bool {
	for c := m.clause + 1; c <= h.clause; c++ {
		if p.onlyCallerNamed(clauseText(rd, c)) {
			return true
		}
	}
	return false
}

// toldOfToo reports whether act h, asked after way m of its act (as
// otherPerson reads them), is done by someone named in m's clause before it
// (我跟我老婆都有职工医保 … 我老婆也想交).
func (p *parser) toldOfToo(rd *reading, m, h hit) bool {
	if m.w.activity == nil || h.w.activity == nil || m.clause >= h.clause ||
		!slices.Contains(p.manners[h.w.activity.ID], m.w.activity) {
		return false
	}
	doer := p.subject(rd, h)
	if doer == "" {
		return false
	}
	// (not 我 of 我儿子单位有社保: a person word right after it names
	// another, or after a word of the home, 我家老倌子)
	s := rd.text[p.clauseStart(rd, m.i):m.i]
	for k := strings.Index(s, doer); k >= 0; {
		at := k + len(doer)
		if p.longestPrefix(s[at:], p.g.People) == 0 && p.longestPrefix(s[at+p.longestPrefix(s[at:], p.g.OfHome):], p.g.People) == 0 {
			return true
		}
		n := strings.Index(s[at:], doer)
		if n < 0 {
			break
		}
		k = at + n
	}
	return false
}

// otherDoer reports whether hit h's clause names someone else than hit m's
// as the one who acts (老头子有职工医保，我交居民的) — not 他 of the one told
// of, nor an act done for a third person (帮他交).
func (p *parser) otherDoer(rd *reading, m, h hit) bool {
	holder, doer := p.subject(rd, m), p.subject(rd, h)
	t := rd.text[p.clauseStart(rd, h.i):h.i]
	// (单位给员工交了职工医保，他老婆冇上班，能在老家交居民医保不: a clause
	// that names no one carries on from the person of a clause between
	// the two, the one it tells of)
	for c := h.clause - 1; doer == "" && c > m.clause; c-- {
		t = clauseText(rd, c)
		doer = p.leadingPerson(t)
		// (…交了职工医保，我还在读书，要交吗: or a person who opens it)
		if lead := strings.TrimLeftFunc(t, clauseBreakOrSpace); doer == "" {
			doer = lead[:p.longestPrefix(lead, p.g.Persons)]
		}
	}
	// (单位交了职工医保，他伢子能交居民医保不: the plan told held of no one
	// named is the caller's, and a relative who opens the asking clause
	// someone else — not one the act is done for, 给我爸妈交, nor one who
	// bids the caller do it, 屋里人叫我交, nor a bare pronoun, 他们)
	if holder == "" && doer != "" {
		if p.leadingPerson(t) == doer && !p.startsWithAny(doer, p.g.Persons) &&
			!p.hasAny(t[strings.Index(t, doer)+len(doer):], p.g.Persons) {
			holder = "我"
		}
	}
	for _, w := range p.g.Self {
		if holder == w {
			holder = "我"
		}
		if doer == w {
			doer = "我"
		}
	}
	if holder == "" || doer == "" || holder == doer {
		return false
	}
	// (我儿子在广州上班，他的医保…: 他 is the one told of, unless that
	// was the caller — 我退休了有职工医保 … 她交居民医保)
	if slices.Contains(p.g.ThirdPerson, doer) && !slices.Contains(p.g.Persons, holder) {
		return false
	}
	// (我爸有职工医保，他也交一份居民医保: nor when the holder is the caller's
	// kin, 我爸 read as 我 — 他 is that one)
	if slices.Contains(p.g.ThirdPerson, doer) && slices.ContainsFunc(p.kinNouns, func(k kinNoun) bool {
		return strings.Contains(rd.text[p.clauseStart(rd, m.i):m.i], k.noun)
	}) {
		return false
	}
	// (老爸有职工医保，我帮他交居民医保: 他 is the holder, the act done for
	// him — unless the holder is the caller alone, whom 他 never names, and
	// a clause between names another: 我自己有职工医保，我老婆冇工作，给她
	// 交居民医保 is done for the wife)
	if p.pronounOfBetween(rd, m, h) {
		return true
	}
	s := rd.text[p.clauseStart(rd, h.i):h.i]
	for _, b := range p.g.Benefactive {
		for _, t := range p.g.ThirdPerson {
			if strings.Contains(s, b+t) {
				return false
			}
		}
	}
	return true
}

// pronounOfBetween reports whether a third-person pronoun in h's clause
// names someone a clause between m's and h's tells of (我自己有职工医保，我
// 老婆冇工作，给她交…: 她 is the wife), not the one m tells of: m's clause
// names the caller alone, whom 他 and 她 never name.
func (p *parser) pronounOfBetween(rd *reading, m, h hit) bool {
	if !p.onlyCallerNamed(clauseText(rd, m.clause)) {
		return false
	}
	for c := m.clause + 1; c < h.clause; c++ {
		if who := p.subjectOf(clauseText(rd, c)); who != "" && !slices.Contains(p.g.Persons, who) && !slices.Contains(p.g.Self, who) {
			return true
		}
	}
	return false
}

// forOther reports whether clause c names someone the act is done for by a
// phrase of the vocabulary that opens with a benefactive word (给我爸,
// 帮我娘), other than the caller (给我自己), or by a pronoun (帮她交: the
// person named before it, kinBefore).
func (p *parser) forOther(rd *reading, c int) bool {
	if c >= 0 && p.hasAny(clauseText(rd, c), p.g.ForPronouns) {
		return true
	}
	for _, f := range rd.facts {
		if f.clause != c {
			continue
		}
		for _, b := range p.g.Benefactive {
			if rest, ok := strings.CutPrefix(f.words, b); ok && !p.startsWithAny(rest, p.g.Self) {
				return true
			}
		}
	}
	return false
}

// forCaller reports whether text s names the caller as the one an act is
// done for (给我交, 帮我缴), not a person of the caller's (给我爸).
func (p *parser) forCaller(s string) bool {
	for _, b := range p.g.Benefactive {
		for i := 0; ; {
			k := strings.Index(s[i:], b)
			if k < 0 {
				break
			}
			i += k + len(b)
			if n := p.longestPrefix(s[i:], p.g.Persons); n > 0 && slices.Contains(p.g.Self, s[i:i+n]) ||
				n > 0 && slices.Contains(p.g.FirstPerson, s[i:i+n]) && p.longestPrefix(s[i+n:], p.g.People) == 0 {
				return true
			}
		}
	}
	return false
}

// otherHolder reports whether hit h's clause tells of a person named,
// other than the caller (老公有职工医保).
func (p *parser) otherHolder(rd *reading, h hit) bool {
	s := p.subject(rd, h)
	return s != "" && !slices.Contains(p.g.Persons, s) && !slices.Contains(p.g.Self, s)
}

// subject is the person a hit's clause starts from, before the hit: a
// people word (我儿子 is 儿子), a person, or a count of people (屋里三个交
// 居民医保), "" when none is said.
func (p *parser) subject(rd *reading, h hit) string {
	return p.subjectOf(rd.text[p.clauseStart(rd, h.i):h.i])
}

// leadingPerson is the people word text s opens with, after a person
// (他老婆 is 老婆), "" when s opens with none.
func (p *parser) leadingPerson(s string) string {
	s = strings.TrimLeftFunc(s, clauseBreakOrSpace)
	rest := s[p.longestPrefix(s, p.g.Persons):]
	if n := p.longestPrefix(rest, p.g.People); n > 0 {
		return rest[:n]
	}
	return ""
}

// subjectOf is the person text s starts from, as subject reads it.
func (p *parser) subjectOf(s string) string {
	for i := 0; i < len(s); {
		if n := p.longestPrefix(s[i:], p.g.People); n > 0 {
			return s[i : i+n]
		}
		if p.countAt(s[i:]) {
			return s[i : i+p.countLen(s[i:])]
		}
		if n := p.longestPrefix(s[i:], p.g.Persons); n > 0 {
			if m := p.longestPrefix(s[i+n:], p.g.People); m > 0 {
				return s[i+n : i+n+m]
			}
			// (我屋里老倌子, 我家老人: the kin of the home said between)
			if h := p.longestPrefix(s[i+n:], p.g.OfHome); h > 0 {
				if m := p.longestPrefix(s[i+n+h:], p.g.People); m > 0 {
					return s[i+n+h : i+n+h+m]
				}
			}
			return s[i : i+n]
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return ""
}

// clauseStart is where the clause holding byte i starts.
func (p *parser) clauseStart(rd *reading, i int) int {
	c, start := rd.clause(i), i
	for start > 0 {
		_, sz := utf8.DecodeLastRuneInString(rd.text[:start])
		if rd.clause(start-sz) != c {
			break
		}
		start -= sz
	}
	return start
}

// actSaid reports whether act a is said in the call: a phrase or frame of
// it, done or not, or a bare verb of it.
func (p *parser) actSaid(rd *reading, a *rules.Activity) bool {
	return slices.ContainsFunc(rd.acts, func(h hit) bool { return h.w.activity == a }) ||
		slices.ContainsFunc(rd.verbs, func(v hit) bool { return p.verbOf(v.words, a) })
}

// uncoveredBesideBan reports whether every act in pos is one no rule
// covers, said before a covered act a prohibitive word negates in the same
// clause (装修垃圾不能丢进生活垃圾桶), or in a later clause that asks when
// the uncovered act's does not (清明上山挂青，坟前不能烧纸了吧: the ban is
// asked, the errand around it told).
func (p *parser) uncoveredBesideBan(rd *reading, pos, neg []hit) bool {
	roles := p.roles(rd)
	asks := func(c int) bool { return c >= 0 && c < len(roles) && roles[c] == roleAsks }
	for _, h := range pos {
		if h.w.activity != nil || !slices.ContainsFunc(neg, func(n hit) bool {
			near := n.clause == h.clause || n.clause > h.clause && asks(n.clause) && !asks(h.clause)
			return n.w.activity != nil && !n.bg && near && h.j <= n.i && p.forbidden(rd, n.i)
		}) {
			return false
		}
	}
	return true
}

// readFor reports whether value v of a phrase is read in a call about
// activity a: v names no activities (vocab.Value.Of), or a is one of them
// or a kind of one.
func readFor(v vocab.Value, a *rules.Activity) bool {
	if len(v.Of) == 0 {
		return true
	}
	for k := a; k != nil; k = k.Parent {
		if slices.Contains(v.Of, k.ID) {
			return true
		}
	}
	return false
}

// unused is the note of a fact heard and left out of the decision, for
// the reason given.
func (p *parser) unused(reason string) string {
	return p.g.UnusedNotes.Open + reason + p.g.UnusedNotes.Close
}

// undo drops the facts of phrases in hs whose Unless the call's facts meet
// (请了人去摘别人山上的: whoever hires on another's hill is no holder, so
// the hiring says nothing of the holder's consent).
func (p *parser) undo(hs []hit, q *Query) {
	for _, h := range hs {
		met := true
		for _, u := range h.w.unless {
			if v, ok := q.Facts[u.Fact]; !ok || !sameValue(v, u.V) {
				met = false
				break
			}
		}
		if !met {
			continue
		}
		for _, v := range h.w.facts {
			if old, ok := q.Facts[v.Fact]; !ok || !sameValue(old, v.V) {
				continue
			}
			delete(q.Facts, v.Fact)
			q.Understood = slices.DeleteFunc(q.Understood, func(u Understood) bool {
				return u.Kind == "fact" && u.Fact == v.Fact && u.Words == h.words
			})
			u := h.w.unless[0]
			q.Understood = append(q.Understood, Understood{Words: h.words, Kind: "fact",
				Meaning: p.unused(p.factMeaning(u.Fact, u.V))})
		}
	}
}

// turnClause is the clause of rd that asks and turns to another case than
// one said before it in a clause that does not ask (…，那给我小舅子交行不;
// …，我老婆的爸爸也能交不: mandarin.yaml contrast_open, also_asks); -1 if
// none.
func (p *parser) turnClause(rd *reading) int {
	if len(rd.text) == 0 {
		return -1
	}
	roles := p.roles(rd)
	for c := rd.clause(len(rd.text) - 1); c > 0; c-- {
		t := strings.Trim(clauseText(rd, c), pauses)
		if roles == nil || roles[c] != roleAsks {
			if t == "" || !p.endsWithAny(t, p.g.ConfirmEnd) {
				continue
			}
		}
		if !p.startsWithAny(t, p.g.ContrastOpen) && !p.hasAny(t, p.g.AlsoAsks) {
			return -1
		}
		if roles == nil || slices.ContainsFunc(roles[:c], func(r clauseRole) bool { return r != roleAsks }) {
			return c
		}
		return -1
	}
	return -1
}

// kinBefore gives a phrase of doing for a pronoun (帮他交) the facts of
// the person named before it (我爸问…帮他交: for his father), when none of
// them was read otherwise.
func (p *parser) kinBefore(rd *reading, q *Query) {
	at := -1
	for _, w := range p.g.ForPronouns {
		if k := strings.Index(rd.text, w); k >= 0 && (at < 0 || k < at) {
			at = k
		}
	}
	if at <= 0 {
		return
	}
	best, bestAt := -1, -1
	for i, k := range p.kinNouns {
		if j := strings.LastIndex(rd.text[:at], k.noun); j > bestAt {
			best, bestAt = i, j
		}
	}
	if best < 0 {
		return
	}
	k := p.kinNouns[best]
	for _, v := range k.facts {
		if _, said := q.Facts[v.Fact]; said {
			return
		}
	}
	for _, v := range k.facts {
		q.Facts[v.Fact] = v.V
		q.Understood = append(q.Understood, Understood{Words: k.noun, Kind: "fact", Fact: v.Fact, Value: v.V,
			Meaning: p.factMeaning(v.Fact, v.V)})
	}
}

// kinPlaced gives a phrase of doing for kin said with where the kin is
// between (给大忠桥的老娘交: 给, a place, 的, 老娘) the facts the phrase
// states of that kin (给老娘: a close relative), when none of them was
// read otherwise: the place says where the person lives, not who.
func (p *parser) kinPlaced(rd *reading, q *Query) {
	part := p.g.Modifier.Particle
	if part == "" {
		return
	}
	for _, f := range rd.facts {
		rest, ok := strings.CutPrefix(rd.text[f.j:], part)
		if !ok || !slices.ContainsFunc(p.g.ForWords, func(w string) bool { return strings.HasSuffix(rd.text[:f.i], w) }) {
			continue
		}
		k := slices.IndexFunc(p.kinNouns, func(k kinNoun) bool { return strings.HasPrefix(rest, k.noun) })
		if k < 0 {
			continue
		}
		kin := p.kinNouns[k]
		if slices.ContainsFunc(kin.facts, func(v vocab.Value) bool { _, said := q.Facts[v.Fact]; return said }) {
			return
		}
		for _, v := range kin.facts {
			q.Facts[v.Fact] = v.V
			q.Understood = append(q.Understood, Understood{Words: kin.noun, Kind: "fact", Fact: v.Fact, Value: v.V,
				Meaning: p.factMeaning(v.Fact, v.V)})
		}
		return
	}
}

// kinOwn gives a phrase that opens with a person, said with a pronoun in
// the person's stead (老公有职工医保，能用他的账户给我交: 他的账户给我), the
// facts it states of that person when that person is the one named last
// before it, and none of them was read otherwise.
func (p *parser) kinOwn(rd *reading, q *Query) {
	for _, o := range p.kinOwned {
		for _, t := range p.g.ThirdPerson {
			at := strings.Index(rd.text, t+o.rest)
			if at <= 0 {
				continue
			}
			bestAt, best := -1, ""
			for _, k := range p.kinNouns {
				if j := strings.LastIndex(rd.text[:at], k.noun); j > bestAt {
					bestAt, best = j, k.noun
				}
			}
			if best != o.noun || slices.ContainsFunc(o.facts, func(v vocab.Value) bool { _, said := q.Facts[v.Fact]; return said }) {
				continue
			}
			for _, v := range o.facts {
				q.Facts[v.Fact] = v.V
				q.Understood = append(q.Understood, Understood{Words: t + o.rest, Kind: "fact", Fact: v.Fact, Value: v.V,
					Meaning: p.factMeaning(v.Fact, v.V)})
			}
		}
	}
}

// banDay reports whether day m is said of the ban itself, not of act a:
// in a clause of its own, before a word of the ban (不是说九月一号才禁火吗，
// 现在八月份在山上烧点杂草) — when the ban begins or ends is what the caller
// heard, the act is asked of the day it is done — unless the clause asks
// whether that day is in the ban (4月30号那天还算不算禁火期).
func (p *parser) banDay(rd *reading, a hit, m *dates.Mention) bool {
	c := rd.clause(m.Start)
	if a.clause < 0 || c == a.clause || slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == c }) {
		return false
	}
	end := rd.clauseEnd(m.End, c)
	// (看到通知说禁火令9月1日起施行，想确认一下：当天…: the act's day points
	// back to the rule's, as a story's does)
	// (村委会念的"禁火期"是9月1号到第二年4月30号，那现在8月中旬…: or the
	// days a period named before them is told to run)
	return (p.hasAny(rd.text[m.End:end], p.g.RumouredBan) && !p.hasAny(rd.text[m.End:end], p.g.BanDayAsked) || p.periodToldBefore(rd, m)) &&
		!p.hasAny(rd.text[end:], p.g.BackThen)
}

// periodToldBefore reports whether a period is named before day m in its
// sentence, no act nor pause said between (禁火期是9月1号到第二年4月30号:
// 第二 parts a clause, not the telling): the day bounds the period told.
func (p *parser) periodToldBefore(rd *reading, m *dates.Mention) bool {
	lo := afterLast(rd.text, m.Start, sentenceMarks)
	if slices.ContainsFunc(rd.acts, func(h hit) bool { return h.i >= lo && h.i < m.Start }) {
		return false
	}
	s := rd.text[lo:m.Start]
	for i := 0; i < len(s); {
		// (禁火九月一号才开始，今天八月三十号: a pause between, and the day
		// is the caller's own)
		if _, n := p.periods.longest(s[i:]); n > 0 && !strings.ContainsAny(s[i+n:], "，,；;、 ") {
			return true
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return false
}

// doneUnlit: an act of fire with the fire making itself denied right after
// it, parted from it by a pause at most (插香不点火; 插几根香，不点火的), is
// done with nothing burning — an act no rule covers, named with what is
// denied. A thing denied
// (不生火堆) or a fire act said alone (生火，不点火) is left as it was.
func (p *parser) doneUnlit(rd *reading, pos, neg []hit) []hit {
	for _, n := range neg {
		if n.w.activity == nil || !slices.Contains(p.g.Unlit, n.words) {
			continue
		}
		for m, h := range pos {
			if h.w.activity == nil || h.w.activity == n.w.activity || h.bg || n.i < max(h.j, h.objEnd()) {
				continue
			}
			between := strings.TrimFunc(rd.text[max(h.j, h.objEnd()):n.i], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
			// (不生火堆: the fire words go on as a thing, 火堆, not the fire
			// making itself)
			if p.startsWithAny(rd.text[max(n.j, n.objEnd()):], p.g.UnlitThings) {
				continue
			}
			if slices.Contains(p.g.Negators, between) {
				// named by the caller's words, the denial with them
				pos[m].w = word{act: h.words + between + n.words}
				return pos
			}
		}
	}
	return pos
}

// thingNarrowed: a covered act whose thing is named again in a later clause
// by an act no rule covers, the uncovered act's name holding one of the covered
// act's objects (放鞭子，我用的是电子鞭炮: 电子鞭炮 holds 鞭炮), says what
// the thing was — one no rule covers; the covered act is not asked. A
// covered act asked in a question of its own (坟前放鞭炮可以不？那放电子炮
// 呢？) keeps its answer.
func (p *parser) thingNarrowed(rd *reading, pos []hit) []hit {
	if len(pos) < 2 {
		return pos
	}
	kept := pos[:0:0]
	for _, h := range pos {
		if h.w.activity == nil || h.neg || p.endsQuestion(rd, h.clause) ||
			!slices.ContainsFunc(pos, func(u hit) bool {
				return u.w.activity == nil && u.clause > h.clause && p.holdsObjectOf(u.words, h.w.activity)
			}) {
			kept = append(kept, h)
		}
	}
	return kept
}

// holdsObjectOf reports whether the words s hold an object of one of a's
// frames, two characters long at least (电子鞭炮 holds 鞭炮).
func (p *parser) holdsObjectOf(s string, a *rules.Activity) bool {
	for _, f := range p.frames {
		if f.activity != a {
			continue
		}
		for o := range f.objects {
			if utf8.RuneCountInString(o) >= 2 && strings.Contains(s, o) {
				return true
			}
		}
	}
	return false
}

// originOfObject reports whether fact h is said in a clause that describes
// act a's object (屋里 of 屋里翻修的渣土: a verb and 的 between the place and
// the act's words) while a place of the same fact is said after the act
// begins, in its clause, that says otherwise (…倒在马路边: on a road, not in
// a building): the thing's origin, not the act's place. (镇上建房子的渣土倒在村
// 口路边: both outside the town, and 镇上 still says the area.)
func (p *parser) originOfObject(rd *reading, a, h hit) bool {
	start := min(a.i, a.objStart())
	if a.clause < 0 || h.clause != a.clause || h.neg || h.j >= start {
		return false
	}
	between := rd.text[h.j:start]
	if !strings.HasSuffix(between, "的") || between == "的" || strings.ContainsFunc(between, clauseBreakOrSpace) {
		return false
	}
	return slices.ContainsFunc(rd.facts, func(o hit) bool {
		return o.clause == a.clause && o.i >= start && !o.neg && slices.ContainsFunc(o.w.facts, func(v vocab.Value) bool {
			return slices.ContainsFunc(h.w.facts, func(w vocab.Value) bool { return w.Fact == v.Fact && !sameValue(w.V, v.V) })
		})
	})
}

// modEndsClause reports whether act h, which describes a noun, is said at
// the end of its clause with only the noun after it (拉渣土的车，…): the
// clause names a thing as the topic of the next, no act of its own.
func modEndsClause(rd *reading, h hit) bool {
	rest := rd.text[h.j:rd.clauseEnd(h.j, h.clause)]
	rest = strings.TrimRightFunc(rest, clauseBreakOrSpace)
	return strings.HasPrefix(rest, "的") && utf8.RuneCountInString(rest) <= modTopicRunes
}

// modTopicRunes bounds the noun after a describing act's 的 that ends its
// clause as a topic (的车, 的车子, 的三轮车).
const modTopicRunes = 5

// asksWhen reports whether some word of When in s asks when: not one of
// when_condition's after said after one of its asked words in its
// sentence, with no other word of When there (要办么子证才能放 asks what
// must be done first).
func (p *parser) asksWhen(s string) bool {
	wc := &p.g.WhenCondition
	asks := false
	wordsAt(s, p.g.When, func(w string, at int) bool {
		asks = !slices.Contains(wc.After, w) || !p.hasAny(s[afterLast(s, at, clauseMarks):at], wc.Asked)
		return !asks
	})
	return asks
}
