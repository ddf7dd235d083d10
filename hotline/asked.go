package hotline

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/rules"
)

// A long call tells a story first and asks last: 我是白水镇的 … 玉米秆子还堆在
// 地里 我老伴说烧了好种油菜 … 这几天能烧不. The clause that asks decides the
// act; a clause that tells the story — another time, what was done to
// someone, what someone said, who the caller is — is not the act asked when
// the call asks of another, and someone else's scene (邻居在山脚下烧东西)
// lends the call none of its places. The words are the grammar's
// (mandarin.yaml: asking, asking_end, story, reported, identity).

// clauseRole is what one clause of a call does.
type clauseRole uint8

const (
	roleNone  clauseRole = iota
	roleAsks             // it asks (能烧不, 行不行): its act is the one asked
	roleStory            // it tells: what happened, what was said, who is calling
	roleKnown            // a case the caller knows, contrasted with the one asked next (屋里点香不管，那…)
)

// roles are the roles of rd's clauses, read once; nil for a call of one
// clause or one in which no clause asks.
func (p *parser) roles(rd *reading) []clauseRole {
	if rd.rolesRead {
		return rd.roles
	}
	rd.rolesRead = true
	if len(rd.text) == 0 {
		return nil
	}
	n := rd.clause(len(rd.text)-1) + 1
	if n < 2 {
		return nil
	}
	out := make([]clauseRole, n)
	asked, who := false, false
	start := 0
	for c := 0; c < n; c++ {
		end := rd.clauseEnd(start, c)
		t := strings.Trim(rd.text[start:end], pauses)
		// a clause ends with the mark that opens the next one (…能烧不？)
		marked := strings.HasPrefix(rd.text[end:], "?") || strings.HasPrefix(rd.text[end:], "？")
		switch {
		case t == "":
		// (…卖，这样可以吧: a clause that ends in the answer hoped for
		// asks it)
		case marked || p.hasAny(t, p.g.Asking) || p.endsWithAny(t, p.g.AskingEnd) || p.asksKind(p.askingText(t)) || p.hasAny(t, p.g.Compare) ||
			p.startsWithAny(t, p.g.OnlyPremise) || p.endsWithAny(t, p.g.ConfirmEnd) || p.presumes(t):
			out[c], asked = roleAsks, true
		case asked && p.hasAny(t, p.g.Fallback):
			// 不让烧的话我就只献花: the plan if the answer is no
			out[c] = roleStory
		case p.identifies(t):
			// (同时交…——哦，我是想职工医保停了以后再交居民的: 我是…的 said
			// later corrects the act; who calls is said first)
			out[c], who = roleStory, c == 0
		case p.tells(t):
			out[c] = roleStory
		}
		start = end
	}
	p.markKnown(rd, out)
	p.markCompared(rd, out)
	// (我是卖菜的，摊子上的烂菜叶子倒在…街上: who calls, then what is
	// done — a call that asks of nothing in words asks of the act, not
	// the trade)
	// (…，跟一般区比，…: a case compared is set apart though no clause asks)
	if !asked && !who && !slices.Contains(out, roleAsks) && !slices.Contains(rd.compared, true) {
		return nil
	}
	rd.roles = out
	return out
}

// presumes reports whether clause t asks with the answer guessed (香都不准
// 点吧, 坟前不能烧纸了吧): it ends in a presumed ending and holds a word of
// a ban (mandarin.yaml presumed_end, presumed), so the act it names is the
// one asked, not an errand told before it (清明上山挂青).
func (p *parser) presumes(t string) bool {
	return p.endsWithAny(strings.TrimRight(t, pauses), p.g.PresumedEnd) && p.hasAny(t, p.g.Presumed)
}

// markKnown marks the clauses of out that tell a case the caller already
// knows the answer to (山上烧纸不准我晓得) and are followed by one that
// turns to another (那…) and asks: that one is the caller's own case.
func (p *parser) markKnown(rd *reading, out []clauseRole) {
	next := func(c int) string { return strings.TrimLeft(clauseText(rd, c), pauses) }
	for c := 0; c+1 < len(out); c++ {
		// 是不是只有上坟烧纸才不准，在山上烧垃圾可以吧: the premise, then the
		// caller's own case asked or said last
		if p.startsWithAny(next(c), p.g.OnlyPremise) && (out[c+1] == roleAsks || c+2 == len(out) && out[c+1] == roleNone) {
			out[c], out[c+1] = roleKnown, roleAsks
			continue
		}
		// 哪个讲不准烧纸的？坟山上烧纸有么子文件不准？: the rule challenged,
		// then the caller's own case asked
		// (上坟不点香那还叫上坟？四月初在坟山上点几根香冇事吧: a question that
		// answers itself, rhetorical, then the caller's own case asked)
		if (p.startsWithAny(next(c), p.g.ChallengeOpen) || p.hasAny(next(c), p.g.Rhetorical)) && out[c+1] == roleAsks {
			out[c] = roleKnown
			continue
		}
		// (山上放不得，在山脚下的田里放行不: a ban told of one place, then
		// the same asked of another — the turn said by the places alone)
		if out[c] == roleNone && out[c+1] == roleAsks && p.placeTurn(rd, c) {
			out[c] = roleKnown
			continue
		}
		// (清明不能在山上烧纸，那在屋里点蜡烛总可以吧: a ban told with 能在
		// asks no where — before a turn it is the case known)
		if out[c] == roleAsks && p.startsWithAny(next(c+1), p.g.ContrastOpen) && p.asksInBanOnly(next(c)) {
			out[c] = roleNone
		}
		if out[c] == roleAsks || !p.startsWithAny(next(c+1), p.g.ContrastOpen) {
			continue
		}
		// (鞭子放不得，那用电子鞭炮呢: a turn asked with 呢 alone asks
		// too, after a case known)
		if out[c+1] != roleAsks && !(p.clauseEndsWith(rd, c+1, p.g.Ellipsis) && p.hasAny(next(c), p.g.Known)) {
			// (抢险的工地可以先出渣，那我们…的工地，冇得核准，也可以先出渣不:
			// the turned-to case told over clauses that neither ask nor
			// tell, and asked at the end — the turn is the caller's case
			// all the same, the case known only contrasted)
			if p.hasAny(next(c), p.g.Known) && turnAskedLater(out, c+1) {
				out[c] = roleKnown
			}
			continue
		}
		out[c+1] = roleAsks
		if p.hasAny(next(c), p.g.Known) {
			out[c] = roleKnown
			// (茶山上抽烟肯定不行吧，那摘霜降籽呢: a case hedged with the
			// answer hoped for asks it too — the caller does not know it)
			if p.endsWithAny(strings.TrimRight(next(c), pauses), p.g.ConfirmEnd) {
				out[c] = roleAsks
			}
		}
	}
}

// markCompared marks the clauses of out that set two cases side by side
// and ask whether they are alike (屋里点蚊香跟山上点蚊香是不是一样？我在茶山
// 上…) as a case known: the pair is what the caller compares his own case
// with, not his case — its places, facts and days are not the call's (抢险的
// 跟我们不一样吧？我们城里工地…冇办核准 is no emergency works). A pair is so
// marked when the caller's own case is said in a clause after it, or when
// it opens with a joining word (…，跟那些冇证的不一样吧: the caller's case is
// the one before it: that clause keeps asking, of the case before it); the
// clauses right before a pair of the first kind
// that name no one of the caller's are its premise (寒露籽是10月8号开摘，霜
// 降籽跟它一样不？我家山上的霜降籽…).
func (p *parser) markCompared(rd *reading, out []clauseRole) {
	for c := range out {
		t := strings.Trim(clauseText(rd, c), pauses)
		if out[c] == roleStory || out[c] == roleKnown || !p.comparesCases(t) {
			continue
		}
		// (我在镇上的菜市场门口摆摊，跟城里一样管吗: the clause still asks,
		// of the case before it; only what it says of the other is set apart)
		if c > 0 && p.startsWithAny(t, p.g.CompareOpen) {
			if rd.compared == nil {
				rd.compared = make([]bool, len(out))
			}
			rd.compared[c] = true
			continue
		}
		if !ownCaseAfter(rd, out, c) {
			continue
		}
		out[c] = roleKnown
		for k := c - 1; k >= 0 && out[k] == roleNone && !p.hasAny(clauseText(rd, k), p.g.CompareSelf); k-- {
			out[k] = roleKnown
		}
	}
}

// comparedIn reports whether clause c joins a case compared to the one
// said before it (markCompared).
func comparedIn(rd *reading, c int) bool {
	return c >= 0 && c < len(rd.compared) && rd.compared[c]
}

// comparesCases reports whether clause t sets two cases side by side
// (compare_case, or ending in compare_end: 跟一般区比).
func (p *parser) comparesCases(t string) bool {
	return p.hasAny(t, p.g.CompareCase) || p.endsWithAny(t, p.g.CompareEnd) && p.hasAny(t, p.g.CompareOpen)
}

// ownCaseAfter reports whether a clause after c, one that asks or goes on
// with the call (no story), says an act or a fact of its own: the caller's
// case, told or asked after the pair compared.
func ownCaseAfter(rd *reading, out []clauseRole, c int) bool {
	for k := c + 1; k < len(out); k++ {
		if out[k] != roleAsks && out[k] != roleNone {
			continue
		}
		in := func(h hit) bool { return h.clause == k || rd.clause(h.i) == k }
		if slices.ContainsFunc(rd.acts, in) || slices.ContainsFunc(rd.facts, in) {
			return true
		}
	}
	return false
}

// turnAskedLater reports whether the case turned to in clause turn is
// asked in a later clause, every clause between them going on with it
// (neither asking nor telling a story).
func turnAskedLater(out []clauseRole, turn int) bool {
	for k := turn + 1; k < len(out); k++ {
		switch out[k] {
		case roleAsks:
			return true
		case roleNone:
		default:
			return false
		}
	}
	return false
}

// tells reports whether clause t tells the call's story: another time or
// what was done to someone (上个月, 被罚了), what someone came to do (城管来
// 查我门口摆货: what they came about is not what is asked when the call asks
// of another act — 我推了他一下), what someone said (城管讲 — not 我跟你讲),
// or who the caller is (我是卖鸡鸭的).
func (p *parser) tells(t string) bool {
	if p.hasAny(t, p.g.Story) || p.hasAny(t, p.g.ThirdParty) || p.hasAny(t, p.g.Came) {
		return true
	}
	if p.identifies(t) {
		return true
	}
	return p.reports(t)
}

// identifies reports whether clause t says who is calling (我是卖鸡鸭的).
func (p *parser) identifies(t string) bool {
	return p.startsWithAny(t, p.g.Identity) && p.endsWithAny(t, p.g.IdentityEnd)
}

// reports reports whether t holds a word reporting what was said (讲, 说:
// Reported) that is no part of a longer word (ReportedNot: 讲究, 小说).
func (p *parser) reports(t string) bool {
	for _, r := range p.g.Reported {
		for from := 0; ; {
			k := strings.Index(t[from:], r)
			if k < 0 {
				break
			}
			k += from
			if !p.inAnyWord(t, k, r, p.g.ReportedNot) {
				return true
			}
			from = k + len(r)
		}
	}
	return false
}

// endsWithAny reports whether s ends with one of words.
func (p *parser) endsWithAny(s string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.HasSuffix(s, w) })
}

// askedActs keeps, of a long call's acts, those it asks about: a story's
// acts are dropped when an act is said elsewhere — in the clause that
// asks, or in a clause that neither asks nor tells — or when, no act said
// elsewhere, a bare verb of the question takes its object from what the
// call named before it (topicAct).
func (p *parser) askedActs(rd *reading, pos []hit) []hit {
	if t, ok := p.broughtAsked(rd, pos); ok {
		return []hit{t}
	}
	if len(pos) > 0 && !p.textHas(rd, p.tellWords) {
		return p.storySentences(rd, pos) // no story told: every act said is asked, but in a sentence of the story
	}
	roles := p.roles(rd)
	if roles == nil {
		return p.unclaimed(rd, pos)
	}
	back := p.asksBack(rd, roles, pos)
	var kept []hit
	for _, h := range pos {
		// (我是帮人拉茶果的 摘茶的工人收工了: an object said in the story
		// makes no act of a verb said after it; 烧了好种油菜: what it is
		// for is not asked)
		// (去年12月在山上烧了纸，有事没: a story's act asked of is asked)
		told := (roles[h.clause] == roleStory || roles[rd.clause(h.objStart())] == roleStory || roles[h.clause] == roleKnown ||
			comparedIn(rd, h.clause)) && !p.doneAsked(rd, h) &&
			!p.reportAsked(rd, roles, h, pos)
		if (!told || back) && !p.purpose(rd, h) {
			kept = append(kept, h)
		}
	}
	// (红薯挖完了 … 红薯藤子晒干了 … 后天烧掉要得不: an act no rule covers,
	// told on the way, yields to the one the question's verb takes from
	// the topic)
	if !slices.ContainsFunc(kept, func(h hit) bool { return h.w.activity != nil || roles[h.clause] == roleAsks }) {
		if t, ok := p.topicAct(rd, roles); ok && (len(kept) == 0 || t.w.activity != nil) {
			kept = []hit{t}
		}
	}
	if len(kept) == 0 {
		return pos // only the story names an act: it is what is asked (城管说…不能摆 是真的吗)
	}
	// (他家的人跑到我这边来摘茶籽 … 他越界到我山上摘茶籽是不是违法的: the
	// act told, then asked of by its kind, is the kind)
	var asked []*rules.Activity
	for _, h := range kept {
		if roles[h.clause] == roleAsks && h.w.activity != nil {
			asked = append(asked, h.w.activity)
		}
	}
	if len(asked) > 0 {
		kept = slices.DeleteFunc(kept, func(h hit) bool {
			return roles[h.clause] != roleAsks && h.w.activity != nil && slices.ContainsFunc(asked, func(a *rules.Activity) bool {
				return a != h.w.activity && a.IsA(h.w.activity)
			})
		})
	}
	return p.unclaimed(rd, p.storySentences(rd, kept))
}

// broughtAsked is the act of the question's bare verb when no act is said
// in a clause that asks and the verb's object is the thing an act told done
// in a clause before it brought (清明前去挂青，带了鞭炮，在山脚下的田里放行不: 放鞭炮 —
// the carrying is how the firecrackers came, not what is asked).
func (p *parser) broughtAsked(rd *reading, pos []hit) (hit, bool) {
	if len(pos) == 0 {
		return hit{}, false
	}
	roles := p.roles(rd)
	if roles == nil || slices.ContainsFunc(pos, func(h hit) bool { return h.clause >= 0 && h.clause < len(roles) && roles[h.clause] == roleAsks }) {
		return hit{}, false
	}
	t, ok := p.topicAct(rd, roles)
	if !ok || t.w.activity == nil {
		return hit{}, false
	}
	obj, _, _ := strings.Cut(t.words, "…")
	k := strings.LastIndex(rd.text[:t.i], obj)
	// told done (带了鞭炮, 买了烟花): what the caller has, not an act of the
	// question's — an act to be done first (堆在路边…再拉) stays asked
	done := func(h hit) bool {
		return strings.Contains(h.words, p.g.DoneParticle) || strings.HasPrefix(rd.text[h.j:], p.g.DoneParticle)
	}
	if k < 0 || !slices.ContainsFunc(pos, func(h hit) bool {
		return h.clause < rd.clause(t.i) && h.obj == obj && holdsAt(h, k) && done(h)
	}) {
		return hit{}, false
	}
	return t, true
}

// holdsAt reports whether act h's words — its verb and its object — span
// byte i of the text.
func holdsAt(h hit, i int) bool {
	lo, hi := min(h.i, h.objStart()), h.j
	if h.wj > 0 {
		hi = max(hi, h.wj)
	}
	return lo <= i && i < hi
}

// reportAsked reports whether act h, said right after a word reporting
// what someone said — what they told the caller to do (物业说放地下车库那个
// 角落), not a claim (别个讲我是越界, 老弟讲…都不准用火) — is asked by the
// clause right after it, one of question words alone (可以吗: no act,
// verb, fact or day of its own): what was said is what the caller asks
// of, not the story of another act asked later in the call.
func (p *parser) reportAsked(rd *reading, roles []clauseRole, h hit, pos []hit) bool {
	c := h.clause
	if h.w.activity == nil || c < 0 || c+1 >= len(roles) || roles[c] != roleStory || roles[c+1] != roleAsks ||
		!p.endsWithAny(rd.text[rd.clauseStart(h.i, c):h.i], p.g.Reported) {
		return false
	}
	in := func(hs []hit) bool { return slices.ContainsFunc(hs, func(o hit) bool { return o.clause == c+1 }) }
	return !in(rd.acts) && !in(rd.verbs) && !in(rd.facts) &&
		!slices.ContainsFunc(rd.dates, func(m dates.Mention) bool { return rd.clause(m.Start) == c+1 })
}

// unclaimed drops, of a call's acts, those of a clause that tells a
// claim — what someone said or the caller recalls, asked of or not
// (别个讲帮人摘茶籽算越界采摘; 听讲放鞭子要罚款; 听说放孔明灯犯法) — when
// a later clause, no claim itself, says the caller doing an act of its own
// (我老板请我去帮他摘; 我在山上坟前点几根香): that act is the caller's, what
// was heard only why they call. A call whose acts are all the claim's keeps
// them (听说烧纸要拘留).
func (p *parser) unclaimed(rd *reading, pos []hit) []hit {
	claim := func(c int) bool { return c >= 0 && p.claims(clauseText(rd, c)) }
	own := func(h hit) bool {
		return h.w.activity != nil && h.clause >= 0 && !claim(h.clause) && p.hasAny(clauseText(rd, h.clause), p.g.FirstPerson)
	}
	kept := slices.DeleteFunc(slices.Clone(pos), func(h hit) bool {
		return claim(h.clause) && slices.ContainsFunc(pos, func(o hit) bool { return o.clause > h.clause && own(o) })
	})
	if len(kept) == 0 {
		return pos
	}
	return kept
}

// sentenceStops end a sentence of a call (a comma only ends a clause).
const sentenceStops = "。！？!?"

// questionMarks end a question, in either width.
const questionMarks = "？?"

// pauses are every mark and space a call pauses at — a clause's or a
// sentence's end, an enumeration's comma — trimmed off a clause's text
// before its words are read.
const pauses = "，,。.？?！!；;、 \t\u3000"

// storySentences drops, of a long call's acts, those said in a sentence of
// the story — one no clause of which asks (冬天…坐到禾场上聊天，冷的时候
// 就在禾场上烧一堆柴火烤一下，屋后头就是山。) — before the first sentence
// that asks and names an act of its own (我想问一下在自家禾场上烤火犯不犯
// 法？): that is the act asked. The story's facts stay (屋后头就是山); a
// call whose acts are all in one sentence, or whose asking sentence names
// none (…都可以吗？), keeps them all.
func (p *parser) storySentences(rd *reading, pos []hit) []hit {
	if len(pos) < 2 || !strings.ContainsAny(rd.text, sentenceStops) {
		return pos
	}
	roles := p.roles(rd)
	if roles == nil {
		return pos
	}
	// the sentence of each byte, and which sentences hold a clause that asks
	sent := make([]int, len(rd.text)+1)
	var asks []bool
	n := 0
	asks = append(asks, false)
	for i, r := range rd.text {
		sent[i] = n
		if strings.ContainsRune(sentenceStops, r) {
			n++
			asks = append(asks, false)
			continue
		}
		if c := rd.clause(i); c < len(roles) && roles[c] == roleAsks && !clauseBreak(r) {
			asks[n] = true
		}
	}
	first := -1
	for _, h := range pos {
		if s := sent[h.i]; h.w.activity != nil && !h.bg && !h.when && !h.mod && asks[s] && (first < 0 || s < first) {
			first = s
		}
	}
	if first <= 0 {
		return pos
	}
	// (我老公讲把高的枝子折下来摘。…摘茶籽的时候…这样行不行: a kind
	// of the act asked, or its parent, told before is the same act, kept)
	related := func(h hit) bool {
		return h.w.activity != nil && slices.ContainsFunc(pos, func(a hit) bool {
			return sent[a.i] >= first && a.w.activity != nil && a.w.activity != h.w.activity &&
				(a.w.activity.IsA(h.w.activity) || h.w.activity.IsA(a.w.activity))
		})
	}
	return slices.DeleteFunc(slices.Clone(pos), func(h hit) bool {
		s := sent[h.i]
		return s < first && !asks[s] && !related(h)
	})
}

// asksBack reports whether a clause that asks asks of what the call told
// before it (朋友说交了职工医保的 … 这样行不行): it holds an anaphoric word
// and none of the acts pos.
func (p *parser) asksBack(rd *reading, roles []clauseRole, pos []hit) bool {
	start := 0
	for c := range roles {
		end := rd.clauseEnd(start, c)
		t := rd.text[start:end]
		start = end
		if roles[c] != roleAsks || !p.hasAny(t, p.g.Anaphoric) {
			continue
		}
		if !slices.ContainsFunc(pos, func(h hit) bool { return h.clause == c }) {
			return true
		}
	}
	return false
}

// countedAs drops, of a call's acts, those said right after a word that
// asks whether an act said before counts as them (车险算不算医保那个方案里的,
// 挖冬笋也算偷摘吗, 电子蜡烛…这个算点烛吗): the later one is the notice's
// word the caller measures their own act by. An act said before it that is
// a way of doing it the rules judge apart (交了…算不算重复参保), or that it
// is a way of, keeps it: then it may be what the caller did. One of its
// family — the same, a kind or a parent, one of a common parent (城里卖菜，
// 算不算占道经营; 街上杀鸡，杀鸡算宰杀家禽吧) — drops it too: the caller's
// own act is the one answered, once. So does the caller's act said in a
// later clause.
func (p *parser) countedAs(rd *reading, pos []hit) []hit {
	if len(pos) < 2 {
		return pos
	}
	manner := func(a, b *rules.Activity) bool {
		return slices.Contains(p.manners[a.ID], b) || slices.Contains(p.manners[b.ID], a) ||
			p.mannerOf[a] != nil && (p.mannerOf[a] == p.mannerOf[b] || p.mannerOf[a] == b) || p.mannerOf[b] == a
	}
	kin := func(a, b *rules.Activity) bool {
		return a == b || a.IsA(b) || b.IsA(a) || a.Parent != nil && a.Parent == b.Parent
	}
	var measured []hit
	out := slices.DeleteFunc(slices.Clone(pos), func(h hit) bool {
		i := min(h.i, h.objStart())
		if h.w.activity == nil || !p.endsWithAny(rd.text[rd.clauseStart(i, h.clause):i], p.g.CountsAs) && !p.countsBare(rd, h, i) {
			return false
		}
		measured = append(measured, h)
		before := false
		for _, o := range pos {
			// (物业算不算装修垃圾的清运责任人，我家装修垃圾堆在…: the
			// caller's own act said in a clause after the word measured by)
			if o.clause > h.clause && o.w.activity != nil && !manner(o.w.activity, h.w.activity) {
				before = true
				continue
			}
			if o.j > i {
				continue
			}
			if o.w.activity != nil && manner(o.w.activity, h.w.activity) {
				return false
			}
			before = true
		}
		if !before {
			measured = measured[:len(measured)-1]
		}
		return before
	})
	// (街上杀鸡卖，杀鸡算宰杀家禽吧: the act measured said again before the
	// word, one of its family said in an earlier clause, is that act told
	// again — one question)
	return slices.DeleteFunc(out, func(o hit) bool {
		return o.w.activity != nil && slices.ContainsFunc(measured, func(h hit) bool {
			return o.clause == h.clause && o.j <= min(h.i, h.objStart()) && slices.ContainsFunc(out, func(e hit) bool {
				return e.clause < o.clause && e.w.activity != nil && kin(e.w.activity, o.w.activity)
			})
		})
	})
}

// countsBare reports whether act h, beginning at byte i, is said right
// after 算 alone in a clause that ends as a question (雨棚算违规搭建吗): the
// word measured by, as after 算不算.
func (p *parser) countsBare(rd *reading, h hit, i int) bool {
	before := rd.text[rd.clauseStart(i, h.clause):i]
	if !p.endsWithAny(before, p.g.CountsAsBare) || p.endsWithAny(before, p.g.CountsAsBareNot) {
		return false
	}
	// what is measured is said before it: an act in its clause, or a thing
	// an earlier act was done to (搭个雨棚…，雨棚算违规搭建吗) — not a
	// person (个体户算城乡居民吗) nor nothing (算野外烤火吗)
	subject := ""
	for _, w := range p.g.CountsAsBare {
		if t, ok := strings.CutSuffix(before, w); ok {
			subject = strings.Trim(t, pauses)
			break
		}
	}
	if subject == "" {
		return false
	}
	return slices.ContainsFunc(rd.acts, func(a hit) bool {
		lo, hi := min(a.i, a.objStart()), max(a.j, a.objEnd())
		return a.clause == h.clause && hi <= i || a.clause < h.clause && strings.Contains(rd.text[lo:hi], subject)
	}) && p.bareAsked(rd, h, i)
}

// bareAsked reports whether the clause of act h ends as a question after
// byte i (杀鸡算宰杀家禽吧).
func (p *parser) bareAsked(rd *reading, h hit, i int) bool {
	end := rd.clauseEnd(max(h.j, h.objEnd()), h.clause)
	return p.endsWithAny(strings.TrimRight(rd.text[i:end], pauses), p.g.CountsAsBareEnds)
}

// purpose reports whether act h is said as what another is for: 好种油菜,
// 为了…种油菜.
func (p *parser) purpose(rd *reading, h hit) bool {
	i := min(h.i, h.objStart())
	st := rd.clauseStart(i, h.clause)
	return p.endsWithAny(rd.text[st:i], p.g.PurposeNext) || p.hasAny(rd.text[st:i], p.g.Purpose)
}

// inOtherAct reports whether bytes i..j are inside a listed phrase found
// as an act whose activity is not frame f's (菜 of 摆摊卖菜) — not the
// object of a frame's act, which a later verb may take to another act
// (带了烟花，现在能放不).
func (p *parser) inOtherAct(rd *reading, i, j int, f *frame) bool {
	return slices.ContainsFunc(rd.acts, func(h hit) bool {
		return h.w.activity != nil && h.w.activity != f.activity && h.obj == "" && h.wj == 0 && h.i <= i && j <= h.j
	})
}

// inFactWord reports whether the n bytes said at k are inside a fact
// phrase, or open one as the first characters of a longer word (菜 of
// 菜市场门口 — not 田埂 of 田埂上, a thing and where on it).
func (p *parser) inFactWord(rd *reading, k, n int) bool {
	if p.inFact(rd, k) {
		return true
	}
	return slices.ContainsFunc(rd.facts, func(f hit) bool {
		return f.i == k && k+n < f.j && !p.startsWithAny(rd.text[k+n:f.j], p.g.Locatives)
	})
}

// topicAct is the act of a bare verb in a clause that asks — the verb
// right before the question words, with its complements (这几天能烧不, 在店
// 里面杀行不行, 捡一点要紧不) — whose object is the nearest one of its
// frames said before it (玉米秆子 … 能烧不; 卖鸡鸭的 … 杀行不行).
func (p *parser) topicAct(rd *reading, roles []clauseRole) (hit, bool) {
	start, prev := 0, 0
	for c := range roles {
		end := rd.clauseEnd(start, c)
		st := start
		start = end
		if roles[c] != roleAsks {
			prev = st
			continue
		}
		vi, v := p.askedVerb(rd.text[st:end])
		// (堆在楼道里，要得不？: a clause of question words alone asks of
		// the verb of the clause said right before it)
		// — not of an act told as done in its clause (上个礼拜已经把茶籽摘了，
		// 犯法不), read as told, with its day
		if v == "" && c > 0 && p.onlyQuestion(rd.text[st:end]) {
			if !strings.HasSuffix(strings.TrimRight(rd.text[prev:st], pauses), p.g.DoneParticle) {
				vi, v = p.askedVerb(rd.text[prev:st])
				vi += prev - st
			}
		}
		prev = st
		if v == "" {
			continue
		}
		vi += st
		// (自己拉到指定堆放点要得不: 堆放 of the place said is no verb;
		// 鞭炮也不放，这样没问题吧: a verb the caller denies is not asked —
		// but 城管说不能在那摆 tells a ban of it, and asks of it)
		if factAround(rd, vi, vi+len(v)) > 0 || deniedMeans(rd, vi, vi+len(v)) || p.negated(rd, vi, true) && !p.forbidden(rd, vi) {
			continue
		}
		best, bestEnd := (*frame)(nil), -1
		obj := ""
		for _, f := range p.framesOfHead(v) {
			for _, o := range f.byLength {
				// (把菜拉到菜市场里自己租的摊位上卖: the nearest 菜 said
				// outside a fact phrase in the verb's own clause — 菜市场's
				// is the place's; before the clause, a fact phrase's word
				// bars the frame: 一把火…重点防火区…能不能烧 is no 火)
				k := strings.LastIndex(rd.text[:vi], o)
				// (用箩筐装着自家的菜，摆在…菜市场门口…卖: 菜 of 菜市场 is part
				// of a word, as if unsaid — the 菜 before it, in any clause)
				for k > 0 && p.inFactWord(rd, k, len(o)) && rd.clause(k) == rd.clause(vi) {
					if b := strings.LastIndex(rd.text[:k], o); b >= 0 && (rd.clause(b) == rd.clause(vi) || !p.inFact(rd, k)) {
						k = b
						continue
					}
					break
				}
				// (a frame that needs a word said with its object — 草 of
				// 田埂 — takes it only where that word is said, with the
				// object or with the verb)
				// (…摆摊卖菜都冇人管，今年摆得不: nor the object of an act of
				// another rule said before — 菜 is what the stall sells)
				if k < 0 || p.inFactWord(rd, k, len(o)) || !p.withEither(rd, f, vi, k) || p.inOtherAct(rd, k, k+len(o), f) {
					continue
				}
				// the nearest, and of two ending together the longer
				// (玉米秆子, not 秆子, of one frame or of two: 地坎上的草,
				// not 草) or the one a rule covers
				e := k + len(o)
				if e > bestEnd || e == bestEnd && (len(o) > len(obj) || len(o) == len(obj) && f.activity != nil && best.activity == nil) {
					best, bestEnd, obj = f, e, o
				}
			}
		}
		if best == nil {
			continue
		}
		h := hit{i: vi, j: vi + len(v), clause: c, words: obj + "…" + v, w: word{activity: best.activity}}
		if best.activity == nil {
			h.w.act = actName(best, v, obj)
		}
		return h, true
	}
	return hit{}, false
}

// deniedMeans reports whether the verb at bytes i..j is said right after
// an act the caller denies, or shares a character with it, in its clause
// (马蜂窝用杀虫剂喷，不用火烧: the fire used is denied and the burning by it
// with it) — the verb is the denied act's purpose, asked of no object.
func deniedMeans(rd *reading, i, j int) bool {
	return slices.ContainsFunc(rd.acts, func(h hit) bool {
		e := max(h.j, h.objEnd())
		return h.neg && h.clause == rd.clause(i) && h.i < j && e >= i && e <= j
	})
}

// onlyQuestion reports whether clause t says nothing but its question
// words, after a word pointing back (这样, 那样) if any: 要得不？, 这样行不行？
func (p *parser) onlyQuestion(t string) bool {
	t = strings.Trim(t, pauses)
	for _, w := range p.g.Anaphoric {
		if r, ok := strings.CutPrefix(t, w); ok {
			t = r
			break
		}
	}
	return t != "" && (slices.Contains(p.g.Asking, t) || slices.Contains(p.g.ConfirmEnd, t))
}

// askedVerb is the verb of a frame that clause t says right before its
// question words or particle, past its complements (烧掉, 捡一点, 熏一下);
// "" for none.
func (p *parser) askedVerb(t string) (int, string) {
	k, kw := len(t), ""
	for _, w := range p.g.Asking {
		if i := strings.Index(t, w); i >= 0 && (i < k || i == k && len(w) > len(kw)) {
			k, kw = i, w
		}
	}
	if kw != "" {
		// 你帮我查下能不能烧: the verb said right after the question
		// words, and nothing after it but its complements, is the one asked
		if i, v := p.bareVerb(t[k+len(kw):]); v != "" {
			return k + len(kw) + i, v
		}
	}
	if k == len(t) {
		t = strings.TrimRight(t, pauses)
		k = len(t)
		for _, w := range p.g.AskingEnd {
			if strings.HasSuffix(t, w) {
				k = len(t) - len(w)
				break
			}
		}
	}
	if i, v := p.bareVerb(t[:k]); v != "" {
		return i, v
	}
	// 堆在楼道里要得不, 倒到河滩上行不行: the verb said before the place it
	// is done at or taken to, a short place phrase after it
	head := t[:k]
	for _, w := range append(p.g.At[:len(p.g.At):len(p.g.At)], p.g.Toward...) {
		j := strings.LastIndex(head, w)
		if j <= 0 || utf8.RuneCountInString(head[j+len(w):]) > maxPlaceAfterVerb {
			continue
		}
		// (a clause's opening pause is no part of the verb's head: 。堆 is
		// 堆, not a measure after it)
		before := strings.TrimLeft(head[:j], pauses)
		if i, v := p.bareVerb(before); v != "" {
			return j - len(before) + i, v
		}
	}
	return 0, ""
}

// maxPlaceAfterVerb is the longest place phrase, in characters, said
// between an asked verb and the question words (店外面的巷子里).
const maxPlaceAfterVerb = 8

// bareVerb is the verb of a frame that head ends with, past its
// complements and aspect (烧掉, 捡一点); "" for none.
func (p *parser) bareVerb(head string) (int, string) {
	head = strings.TrimRight(head, pauses)
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range append(append(p.g.Complements[:len(p.g.Complements):len(p.g.Complements)], p.g.Aspect...), "一") {
			if h, ok := strings.CutSuffix(head, w); ok && h != "" {
				head, trimmed = h, true
			}
		}
	}
	best := ""
	for n, i := 0, len(head); n < 3 && i > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(head[:i])
		i -= sz
		if w := head[i:]; len(p.byVerb[w]) > 0 {
			best = w
		}
	}
	if best == "" || p.filler1[best] || slices.Contains(p.g.Locatives, best) {
		return 0, ""
	}
	return len(head) - len(best), best
}

// elsewhere reports whether clause c tells what someone else did another
// time (上个月我邻居在山脚下烧东西): its places are not the call's. (隔壁山上
// alone is a place.)
func (p *parser) elsewhere(rd *reading, c int) bool {
	if p.knownCase(rd, c) || p.rumouredRule(rd, c) {
		return true // 屋里点香不管，那山上…: the place contrasted with
	}
	return p.pastStory(rd, c) && p.hasAny(clauseText(rd, c), p.g.ThirdParty)
}

// rumouredRule reports whether clause c, which tells, says what someone
// says a rule forbids (听说重点防火区全年禁火): the kind of place it names is
// the rumour's, not the caller's.
func (p *parser) rumouredRule(rd *reading, c int) bool {
	roles := p.roles(rd)
	if roles == nil || roles[c] != roleStory {
		return false
	}
	t := clauseText(rd, c)
	k := -1
	for _, r := range p.g.Reported {
		if i := strings.Index(t, r); i >= 0 && (k < 0 || i < k) {
			k = i
		}
	}
	if k < 0 {
		return false
	}
	// (听说过了年自家山上的茶籽就不能摘了: a claim of the caller's own
	// place keeps it)
	claim := t[k:]
	if p.hasAny(claim, p.g.Own.Owners) || p.hasAny(claim, p.g.Persons) {
		return false
	}
	return p.hasAny(claim, p.g.Prohibitive) || p.hasAny(claim, p.g.RumouredBan)
}

// knownCase reports whether clause c tells a case the caller knows, contrasted
// with the one asked next (markKnown).
func (p *parser) knownCase(rd *reading, c int) bool {
	if !p.textHas(rd, p.g.ContrastOpen) && !p.textHas(rd, p.g.OnlyPremise) && !p.placeTurn(rd, c) && !p.textHas(rd, p.g.CompareCase) &&
		!p.textHas(rd, p.g.CompareEnd) {
		return false
	}
	roles := p.roles(rd)
	return roles != nil && (roles[c] == roleKnown || comparedIn(rd, c))
}

// turnElliptical reports whether the case turned to after the case known
// in clause c is asked with 呢 alone (那用电子鞭炮呢): what it does not say
// again is the case known's.
func (p *parser) turnElliptical(rd *reading, c int) bool {
	roles := p.roles(rd)
	for k := c + 1; k < len(roles); k++ {
		if roles[k] == roleAsks {
			return p.clauseEndsWith(rd, k, p.g.Ellipsis)
		}
	}
	return false
}

// askingText is clause t without the consequences told done to someone
// (别人在我山上偷摘被抓了, 他在田里烧秸秆被罚了: 被… then 了): they ask
// nothing — the clause is the call's story beside the caller's own case.
func (p *parser) askingText(t string) string {
	for _, w := range p.g.Consequence {
		if strings.HasPrefix(w, "被") {
			t = strings.ReplaceAll(t, w+"了", "")
		}
	}
	return t
}

// asksInBanOnly reports whether clause t asks a kind of question only by
// words inside a word of a ban (prohibitive): the 能在 of 清明不能在山上烧纸
// tells a ban, it asks no where.
func (p *parser) asksInBanOnly(t string) bool {
	if p.hasAny(t, p.g.Asking) || p.endsWithAny(t, p.g.AskingEnd) || !p.asksKind(p.askingText(t)) {
		return false
	}
	for _, w := range p.g.Prohibitive {
		t = strings.ReplaceAll(t, w, "")
	}
	return !p.asksKind(p.askingText(t))
}

// asksKind reports whether t asks one of the kinds of question beyond
// "may I" (交多少钱, 几号截止, 会怎样).
func (p *parser) asksKind(t string) bool {
	for _, words := range [][]string{p.g.When, p.g.Consequence, p.g.Money, p.g.Deadline, p.g.Benefits, p.g.Waiting, p.g.Where, p.g.Must, p.g.Rate, p.g.Refund, p.g.Fine, p.g.Claim} {
		if p.hasAny(t, words) {
			return true
		}
	}
	return p.waitLength(t)
}

// waitSaid reports whether the call asks of a wait: its words (要等多久)
// or its length (要过90天才能报).
func (p *parser) waitSaid(rd *reading) bool {
	return rd.says(p.g.Waiting) || p.waitLength(rd.text)
}

// waitLength reports whether t says a wait by its length before what it
// waits for (要过90天才能报, 等三个月才能用): a wait asked of, not a day.
func (p *parser) waitLength(t string) bool {
	return p.reWait != nil && p.reWait.MatchString(t)
}

// pastStory reports whether clause c tells of another time or of what was
// done to someone (去年, 被罚了).
func (p *parser) pastStory(rd *reading, c int) bool {
	if !p.textHas(rd, p.g.Story) {
		return false
	}
	roles := p.roles(rd)
	return roles != nil && roles[c] == roleStory && p.hasAny(clauseText(rd, c), p.g.Story)
}

// storyYearless is the day m names read without the year a story told in
// another clause said (他去年在后山上放烟花 … 过年想到山上放点烟花: 过年 is
// the coming one, not last year's); ok is false when no story says a year
// or m says its own.
func (p *parser) storyYearless(rd *reading, m *dates.Mention, today calendar.Date) (calendar.Date, bool) {
	if m.Weak || !p.textHas(rd, p.g.Story) {
		return calendar.Date{}, false
	}
	roles := p.roles(rd)
	if roles == nil {
		return calendar.Date{}, false
	}
	c := rd.clause(m.Start)
	told := false
	for w := range p.g.Years {
		if strings.Contains(m.Words, w) {
			return calendar.Date{}, false
		}
		for from := 0; !told; {
			k := strings.Index(rd.text[from:], w)
			if k < 0 {
				break
			}
			k += from
			told = rd.clause(k) != c && roles[rd.clause(k)] == roleStory
			from = k + len(w)
		}
	}
	if !told {
		return calendar.Date{}, false
	}
	ms := p.dates.Read(m.Words, today)
	if len(ms) != 1 || ms[0].Bad || ms[0].Date == m.Date {
		return calendar.Date{}, false
	}
	return ms[0].Date, true
}

// doneAsked reports whether act h, told done (烧了纸, 摆了个水果摊), is asked
// of right after it: its clause ends, no other act between, in words asking
// whether it brings trouble (沿路撒了点土要紧不), or the next clause says
// nothing but them (倒河边了，有事没). Beside an act to do (今天又想倒) it
// is a question of its own — its ban is never lost as the story's.
func (p *parser) doneAsked(rd *reading, h hit) bool {
	return h.bg && !h.when && !h.mod && p.toldAsked(rd, h)
}

// toldAsked reports whether act h is followed, in its clause or as the
// next clause alone, by words asking what its doing brings (有事没, 要紧不:
// done_asked).
func (p *parser) toldAsked(rd *reading, h hit) bool {
	if h.w.activity == nil || h.clause < 0 || len(p.g.DoneAsked) == 0 {
		return false
	}
	end := max(h.j, h.objEnd())
	ce := rd.clauseEnd(end, h.clause)
	if p.endsWithAny(strings.TrimRight(rd.text[end:ce], pauses), p.g.DoneAsked) {
		return !slices.ContainsFunc(rd.acts, func(o hit) bool { return o.clause == h.clause && o.i >= end })
	}
	if ce >= len(rd.text) {
		return false
	}
	t := strings.Trim(clauseText(rd, h.clause+1), pauses)
	for _, w := range p.g.Anaphoric {
		if r, ok := strings.CutPrefix(t, w); ok {
			t = r
			break
		}
	}
	return slices.Contains(p.g.DoneAsked, t)
}

// placeTurn reports whether clause c tells a case known at one place and
// the clause after it names another (山上放不得，在山脚下的田里放行不): the
// turn to the caller's own case is said by the places alone.
func (p *parser) placeTurn(rd *reading, c int) bool {
	return p.clauseEndsWith(rd, c, p.g.Known) && factIn(rd, c) && factIn(rd, c+1)
}

// factIn reports whether clause c of rd states a fact (a place, a group).
func factIn(rd *reading, c int) bool {
	return slices.ContainsFunc(rd.facts, func(f hit) bool { return rd.clause(f.i) == c })
}
