package hotline

// From an act asked to the engine's query: its facts, the terms asked, its day, its time and its place.

import (
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
	"github.com/tonggao/tonggao/rules"
)

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

// waited reports whether day m is said right before a word of WaitedDay
// (下下个礼拜三才能摘): it tells when the act may begin, as the caller
// believes the rule, not when he will do it.
func (p *parser) waited(rd *reading, m *dates.Mention) bool {
	rest := strings.TrimLeft(rd.text[m.End:], " ")
	return slices.ContainsFunc(p.g.WaitedDay, func(w string) bool { return strings.HasPrefix(rest, w) })
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
		if p.waited(rd, m) && laterDay(rd.dates[k+1:]) {
			continue // 霜降籽是下下个礼拜三才能摘吧？我想这个周末就摘: the later day is the act's
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
	case "days":
		note = "按所说的第一天回答"
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
	return c != a.clause && p.pastStory(rd, c) && !p.pastStory(rd, a.clause) && !p.hasAny(rd.text[m.End:], p.g.BackThen) &&
		!p.doneOnDayNamed(rd, a, m)
}

// doneOnDayNamed reports whether day m, one day named with a story word
// inside it (上个礼拜六, 上个礼拜五重阳), is the day act a was done on: a
// is told done in a clause that names no day of its own (上个礼拜六城管来收
// 我的摊子，我推了他一把). 上个礼拜 alone is a story's time; with the
// weekday it is a day, and the act told done without another was done then.
func (p *parser) doneOnDayNamed(rd *reading, a hit, m *dates.Mention) bool {
	return !m.Weak && m.MonthEnd == nil && p.hasAny(m.Words, p.g.Story) && !clauseHasDate(rd, a.clause) &&
		p.done(rd, a, true, m.Start)
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
