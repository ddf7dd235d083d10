package hotline

// Choosing the acts a call asks about among those heard: not the denied, the background, the quoted or the told.

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/hotline/zh"
	"github.com/tonggao/tonggao/rules"
)

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
	// 刚出生的孙子…单独交: a manner said of a case the rules enrol alone
	// is the act itself (unlessManner)
	for k, h := range pos {
		if p.unlessManner(rd, h) {
			pos[k].w.activity = p.mannerOf[h.w.activity]
		}
	}
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
	// 在外面打工，不交医保冇得事吧: working away said beside its act said
	// as not done is why it is not done — the refusal is what is asked
	pos = keepHits(pos, func(h hit) bool { return !p.workBesideRefusal(rd, h, neg) })
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
				if b, ok := p.baseMeant(rd, h, at); ok {
					kept = append(kept, b)
					continue
				}
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
		pos = keepHits(pos, func(h hit) bool { return !p.actRetracted(rd, h, pos) })
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
		pos = keepHits(pos, func(h hit) bool { return !p.wayEnded(rd, h, pos) })
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
		// (我跟我老婆都有职工医保，小孩的医保交居民的…我老婆也想交一份
		// 居民的: but not when it is asked after it of one it was told
		// of too — the way is that one's, still asked)
		pos = keepHits(pos, func(o hit) bool {
			return !slices.ContainsFunc(pos, func(h hit) bool { return p.otherPerson(rd, o, h) }) ||
				slices.ContainsFunc(pos, func(h hit) bool { return p.toldOfToo(rd, o, h) })
		})
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
		} else if h, ok := p.heldByTheRest(rd, pos[0]); ok {
			// (我屋里五口人，只给三个交，哦，另外两个在外面交了职工医保的:
			// no member left out, so no part of the household either)
			return []hit{h}
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
		// that thing to another act — what is done with it instead (not
		// an act denied only for want of a place: 装修垃圾冇地方放，堆在楼道里
		// goes on with the same act, asked by the bare verb below)
		for _, v := range rd.verbs {
			if v.neg {
				continue
			}
			for _, n := range neg {
				if n.obj == "" || n.w.activity == nil || v.i < max(n.j, n.objEnd()) || p.onlyLackDenied(rd, []hit{n}) {
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
	for _, c := range keys(shared) {
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
		if strings.Contains(own, lead) || !slices.ContainsFunc(keys(others), func(k int) bool { return strings.Contains(clauseText(rd, k), lead) }) {
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

// keepHits is the hits of hs that keep holds, in a new slice, hs left as
// it was: keep may read the whole of hs (an act retracted by a later one)
// while the filter runs.
func keepHits(hs []hit, keep func(hit) bool) []hit {
	kept := hs[:0:0]
	for _, h := range hs {
		if keep(h) {
			kept = append(kept, h)
		}
	}
	return kept
}

// workBesideRefusal reports whether act h is working (在外面打工, 上班), a
// way of an act named only beside it (beside), said in a call where that
// act is said as not done, not as forbidden (医保就不交了吧, 不交医保冇得
// 事吧): the work is the reason told, the act refused is what is asked.
func (p *parser) workBesideRefusal(rd *reading, h hit, neg []hit) bool {
	base := p.mannerOf[h.w.activity]
	if base == nil || !p.beside[h.w.activity] {
		return false
	}
	return slices.ContainsFunc(neg, func(n hit) bool { return n.w.activity == base && !n.bg && !p.forbidden(rd, n.i) })
}

// heldByTheRest is the act of which way m is a way (the employee plan
// held), said by a bare verb of it for a count of people in a clause
// before m's (只给三个交), when m's clause counts the others (另外两个在外
// 面交了职工医保的) and the two counts make the household counted whole
// (五口人): those not paid for hold the way, so the household is paid for
// whole — its plain act, no part of it left out and no one enrolled twice.
func (p *parser) heldByTheRest(rd *reading, m hit) (hit, bool) {
	base := p.mannerOf[m.w.activity]
	if base == nil || m.neg || m.clause < 1 {
		return hit{}, false
	}
	n, whole, _ := p.householdCount(rd.text)
	held := p.peopleCounted(rd.text[p.clauseStart(rd, m.i):m.i])
	if !whole || held == 0 {
		return hit{}, false
	}
	for _, v := range rd.verbs {
		if v.clause >= m.clause || p.verbNegated(rd, v) || !p.verbOf(v.words, base) {
			continue
		}
		if paid := p.peopleCounted(clauseText(rd, v.clause)); paid > 0 && paid+held == n {
			return hit{i: v.i, j: v.j, clause: v.clause, words: v.words, w: word{activity: base}}, true
		}
	}
	return hit{}, false
}

// peopleCounted is the sum of the counts of people text s says (三个, 两
// 个, 4个: countAt), 0 for none.
func (p *parser) peopleCounted(s string) int {
	sum := 0
	for i := 0; i < len(s); {
		if p.countAt(s[i:]) {
			k := p.countLen(s[i:])
			if x, ok := zh.Number(s[i : i+numeralLen(s[i:])]); ok && x >= 1 && x == float64(int(x)) {
				sum += int(x)
			}
			i += k
			continue
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return sum
}

// unlessManner reports whether act h is a manner whose words, with a fact
// of its vocabulary's unless stated (not denied) in the call, name the act
// it is a way of (刚出生的孙子，出生才20天，以后每年都要单独交吗: the
// newborn's own enrolment, a case 二（四） lists, no household split).
func (p *parser) unlessManner(rd *reading, h hit) bool {
	vs := p.mannerUnless[h.w.activity]
	if len(vs) == 0 || p.mannerOf[h.w.activity] == nil {
		return false
	}
	return slices.ContainsFunc(rd.facts, func(f hit) bool {
		return !f.neg && slices.ContainsFunc(f.w.facts, func(v vocab.Value) bool {
			return slices.ContainsFunc(vs, func(u vocab.Value) bool { return u.Fact == v.Fact && u.V == v.V })
		})
	})
}
