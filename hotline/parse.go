package hotline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/hotline/zh"
	"github.com/tonggao/tonggao/rules"
)

// MaxRead bounds the work on one call: a question is read up to its
// first MaxRead characters (at the last clause break before them, when
// one falls in their second half), and the rest is not read. A caller's
// question is a few sentences, but a long call tells a story around it
// (held-out set 39's run to 190 characters, the question often last); a
// 500-character one of dates, misheard words or the parser's own
// characters cost up to ten recognised questions at 150, a third more at
// 200. A call cut short says so (Query.Unread) and is never answered 可以:
// what was not read may have changed it.
const MaxRead = 200

// readable returns the part of question that is read and the number of
// characters left unread (see MaxRead).
func readable(question string) (string, int) {
	n, cut, brk := 0, len(question), -1
	for i, r := range question {
		if n == MaxRead {
			cut = i
			break
		}
		n++
		if clauseBreak(r) && n > MaxRead/2 {
			brk = i + utf8.RuneLen(r)
		}
	}
	if cut == len(question) {
		return question, 0
	}
	if brk > 0 {
		cut = brk
	}
	return question[:cut], utf8.RuneCountInString(question[cut:])
}

// hit is one phrase or frame found in the text.
type hit struct {
	i, j   int // bytes of the folded text
	w      word
	clause int
	neg    bool // negated (不烧纸)
	focus  bool // 只烧纸
	// required: the breach asked the other way round, whether the thing it
	// lacks must be done (要不要装喷淋: required.go)
	required bool
	bg       bool // background (摘茶籽的时候)
	when     bool // background as the time of another act (摘茶籽的时候): never the one asked beside it
	mod      bool // describes a noun (杀鸡的毛): background, and no topic of another act
	words    string
	// wi, wj are the bytes of words when they are more than i..j (a
	// frame's verb and object); 0, 0 otherwise.
	wi, wj int
	// obj is a frame's object as matched (渣土 of 拉渣土); "" for a phrase.
	obj string
	// named: the act's word opens a place named for it (停车场, 停车位里):
	// the place, when another act is said (停车场边上抽烟)
	named bool
	// at is where the place starts that a denied act is said at (不在人行道
	// 上摆摊: 人行道上); 0 for none
	at int
	// skip are the starts of fact phrases this act does not take: the
	// other values when one act is asked of several (寒露籽和霜降籽都能摘吗).
	skip []int
	// counted marks a fact read from a count against a limit (出生91天):
	// it wins over a word naming the category (还算新生儿吗)
	counted bool
	// asksOwn: one of several questions of the same act (医保最迟几号交 晚了
	// 交要等好久才能报) — it asks what its own clause asks, not the call
	asksOwn bool
	// home is the place fuel brought back is burnt (burntAtHome), taken
	// as a fact phrase of the act's; nil for none
	home *hit
}

func (h hit) objStart() int {
	if h.wj > 0 {
		return h.wi
	}
	return h.i
}

func (h hit) objEnd() int {
	if h.wj > 0 {
		return h.wj
	}
	return h.j
}

// inObject reports whether bytes i..j of text s lie inside the object of
// frame act h as said (渣土 of 渣土…倒掉), wherever its verb is.
func (h hit) inObject(s string, i, j int) bool {
	if h.obj == "" || h.wj == 0 {
		return false
	}
	k := h.wi
	if !strings.HasPrefix(s[h.wi:], h.obj) {
		k = h.wj - len(h.obj)
		if k < h.wi || !strings.HasSuffix(s[:h.wj], h.obj) {
			return false
		}
	}
	return k <= i && j <= k+len(h.obj)
}

// reading is a question in progress.
type reading struct {
	text string // folded, homophones corrected
	// pasted are the spans of text pasted or quoted (pastedSpans)
	pasted [][2]int
	// asSaid is text before homophones are corrected: a document's title
	// is matched as said (存量房税收: 房税 is heard as 放水 only in a call)
	asSaid string
	// heard are the words of text corrected by their sound (晚会 heard as
	// 碗筷): a word left unread is reported back as the caller said it
	heard   []heardWord
	used    []bool
	clauses []int32 // clause index of each byte (see clause)
	q       *Query
	acts    []hit
	facts   []hit
	dates   []dates.Mention
	// events are the days said as when an event of the story happened
	// (伢子8月5号生的): never the day asked
	events  []int // their starts in text
	today   calendar.Date
	clocks  []dates.Clock
	verbs   []hit                    // bare verbs of frames (no object), for partial acts
	mods    [][2]int                 // clauses that describe a noun: the act's start to the head noun's
	objects map[*rules.Activity]bool // objectsSaid, once asked for
	// present are the characters of text and adjacent the pairs of
	// characters it holds, once indexed (says)
	present  runeHash
	adjacent pairHash64
	indexed  bool
	// roles are what each clause does in a long call (asked.go), read
	// once when rolesRead
	roles     []clauseRole
	rolesRead bool
	// compared marks the clauses that join a case compared to the one said
	// before them (…，跟那些冇证的不一样吧): they ask of that case, but what
	// they say of the other is not the call's (markCompared)
	compared []bool
	// plain: the index gates nothing (parser.plain)
	plain bool
	// startsObj: the text starts with a frame's object (startsWithObject),
	// once startsRead
	startsObj, startsRead bool
	// termsAsked: the call asks for a rule's terms (asksTerms), once
	// termsRead
	termsAsked, termsRead bool
	// meantAt is where what the caller meant begins when the only act
	// said was taken back for words no vocabulary holds (烧田坎，不是，是在
	// 田里挖黄鳝; 鞭子放不得，那敲锣打鼓呢); 0 for none
	meantAt int
	// searched are the first words searched for in the text and whether
	// it holds them (search)
	searched  [16]searchedWord
	nSearched int
}

// clause is the index of the clause byte i is in.
func (r *reading) clause(i int) int { return int(r.clauses[i]) }

// clauseEnd is the first byte at or after i that is not in clause c (the
// clause's end when i is inside it; i itself when it is not).
func (r *reading) clauseEnd(i, c int) int {
	for i < len(r.text) && r.clause(i) == c {
		i++
	}
	return i
}

// clauseStart is the first byte of the run of clause c that ends at i.
func (r *reading) clauseStart(i, c int) int {
	for i > 0 && r.clause(i-1) == c {
		i--
	}
	return i
}

func (r *reading) mark(i, j int) {
	for k := i; k < j && k < len(r.used); k++ {
		r.used[k] = true
	}
}

func (r *reading) free(i, j int) bool {
	for k := i; k < j; k++ {
		if r.used[k] {
			return false
		}
	}
	return true
}

// read folds, corrects and scans a question. It is the part of parsing
// shared by every answer of a call.
func (p *parser) read(question string, today calendar.Date) *reading {
	text, unread := readable(question)
	text = strings.TrimSpace(p.script.Fold(strings.ToValidUTF8(text, "")))
	if p.particles != nil {
		text = p.particles.Replace(text)
	}
	text = strings.Map(func(r rune) rune {
		// (a line break is kept: a pasted text ends at it)
		if unicode.IsControl(r) && r != '\n' {
			return ' '
		}
		return r
	}, text)
	rd := &reading{q: &Query{Question: question, Facts: map[string]any{}, Understood: []Understood{}, NotUnderstood: []string{}}, plain: p.plain, today: today}
	text = p.fromLatin(rd, text)
	text = p.docShorthand(text)
	text = p.undouble(rd, text)
	text = p.unfill(text)
	text = p.unspace(text)
	text = oneScript(text)
	rd.asSaid = text
	text, said, saidRead := p.correct(rd, text, today)
	if len(rd.heard) > 0 {
		if t := p.unspaceHeard(rd, text); t != text {
			text, said, saidRead = t, nil, false
		}
	}
	rd.text = text
	var head int
	rd.pasted, head = p.pastedSpans(text)
	rd.used = make([]bool, len(text))
	rd.mark(0, head) // 转：, 短信：: the head of a pasted text, no act
	rd.clauses = make([]int32, len(text))
	c := 0
	cuts := p.runOnCuts(text)
	for i := 0; i < len(text); {
		r, n := decodeRune(text[i:])
		// (a space break starts with a space, an enumerator with one of
		// enumFirst: tested at every character, most are neither)
		if clauseBreak(r) || r == '还' && strings.HasPrefix(text[i:], "还有") || unicode.IsSpace(r) && (p.spaceBreak(text, i) || hanSpace(text, i)) ||
			p.enumFirst.mayHave(r) && p.enumerates(text, i) {
			c++
		} else if len(cuts) > 0 && cuts[0] == i {
			c++
		}
		for len(cuts) > 0 && cuts[0] <= i {
			cuts = cuts[1:]
		}
		for k := i; k < i+n; k++ {
			rd.clauses[k] = int32(c)
		}
		i += n
	}
	if saidRead {
		rd.dates = said // the homophone pass read the same text
	} else {
		rd.dates = p.dates.Read(text, today)
		if scanMeter.on {
			scanMeter.dayRun++
		}
	}
	rd.dates = p.correctedDay(text, rd.dates)
	p.backToDay(rd.dates)
	rd.dates = slices.DeleteFunc(rd.dates, func(m dates.Mention) bool {
		return p.landmarkDeterminer(text, m.Start) || // 离最近的山: which hill, not a day
			p.objectOfActWord(text, m) // 烧寒衣: the paper clothes burnt, not 寒衣's day
	})
	for _, m := range rd.dates {
		if m.Custom && p.acts.longestLen(text[m.Start:]) >= m.End-m.Start {
			continue // 挂青 names 清明's day and is an act of its own: its words stay for the acts
		}
		rd.mark(m.Start, m.End)
	}
	rd.clocks = p.dates.Clocks(text)
	for _, c := range rd.clocks {
		rd.mark(c.Start, c.End)
	}
	if rd.says(p.g.Operator) || rd.says(p.g.Relayed) || rd.says(p.g.Titles) {
		for _, w := range slices.Concat(p.g.Operator, p.g.Relayed, p.g.Titles) {
			for k := 0; k < len(text); {
				i := strings.Index(text[k:], w)
				if i < 0 {
					break
				}
				rd.mark(k+i, k+i+len(w)) // 你帮我看下: asked of the operator, no act
				k += i + len(w)
			}
		}
	}
	unseen := p.unseenSpans(rd)
	var unasked [][2]int
	if len(p.unasked.facts) > 0 {
		unasked = p.unaskedSpans(rd)
	}
	p.distance(rd)
	p.scanActs(rd)
	p.scanFacts(rd)
	p.ripeningVariety(rd)
	p.retractFacts(rd)
	p.restatedBack(rd)
	p.peopleOfPlace(rd)
	for _, sp := range unseen {
		if len(p.unseen.facts) > 0 {
			rd.facts = append(rd.facts, hit{i: sp[0], j: sp[1], w: p.unseen, clause: rd.clause(sp[0]), words: text[sp[0]:sp[1]]})
		}
	}
	for _, sp := range unasked {
		rd.facts = append(rd.facts, hit{i: sp[0], j: sp[1], w: p.unasked, clause: rd.clause(sp[0]), words: text[sp[0]:sp[1]]})
	}
	p.scanFrames(rd)
	p.requiredAsked(rd)
	if slices.ContainsFunc(rd.acts, func(h hit) bool { return !h.named }) {
		rd.acts = slices.DeleteFunc(rd.acts, func(h hit) bool { return h.named })
	}
	p.unknownThings(rd)
	p.verbless(rd)
	p.towardPlaces(rd)
	p.mannerApart(rd)
	p.kindApart(rd)
	rd.acts = slices.DeleteFunc(rd.acts, func(h hit) bool { return p.insideDenial(rd, h) })
	p.scope(rd)
	p.modifiers(rd)
	p.doers(rd)
	p.purposes(rd)
	rd.q.Unread = unread
	return rd
}

// objectOfActWord reports whether a day's name m is the object inside a
// listed act word that starts just before it (烧寒衣: the paper clothes of
// 十月初一's rite): what is burnt, not the day, which the call may say apart.
func (p *parser) objectOfActWord(text string, m dates.Mention) bool {
	if m.Custom {
		return false // 挂青 keeps its day and its act (read below)
	}
	k := m.Start
	for range 2 {
		_, n := utf8.DecodeLastRuneInString(text[:k])
		if n == 0 {
			return false
		}
		k -= n
		if p.acts.longestLen(text[k:]) >= m.End-k {
			return true
		}
	}
	return false
}

// plainFrame reports whether act a has a frame of verb v and object o
// that needs no with-word: what any such thing is, done that way.
func (p *parser) plainFrame(a *rules.Activity, v, o string) bool {
	return slices.ContainsFunc(p.frames, func(f *frame) bool {
		return f.activity == a && len(f.with) == 0 && f.verbs[v] && f.objects[o]
	})
}

// kindApart: an act said by a word of its own (烧纸) that is the verb and
// object of a frame of another act needing a with-word, the with-word
// said in its sentence, is that act: 坟在山里头 明天烧纸 burns paper at a
// grave, as 坟前烧点纸钱 (read by the frame) does — a kind below it; 城里
// 乱扔烟头 drops litter in town, not embers in the hills.
func (p *parser) kindApart(rd *reading) {
	for k, h := range rd.acts {
		// (an act no notice rules said by a word of its own is read
		// the same way: 人行道上卖烟花 sells from a stall there, as
		// 人行道上卖活鸡 does, though 卖烟花 alone is a trade no rule covers)
		if h.w.activity == nil && h.wj > 0 {
			continue
		}
		if h.wj > 0 {
			// (摆个炸油粑粑的摊子, 炸油粑粑的摊子摆路边: a frame's act whose
			// verb and object a narrower kind's frame has, its with-words
			// said in its clause up to it, is that kind)
			for _, f := range p.frames {
				if f.activity == nil || len(f.with) == 0 || f.activity == h.w.activity || !f.verbs[rd.text[h.i:h.j]] || !f.objects[objectHead(h.obj)] {
					continue
				}
				// (装修 拆下来的瓷砖堆到指定点: another act's frame whose
				// with-word is said as the topic, in a clause before, is
				// what the thing is of — a renovation's tiles are its
				// waste; said in the act's clause it may be another
				// thing of it, 装修垃圾跟生活垃圾混起丢)
				if p.kindOf(f.activity, h.w.activity, h.obj) && (p.hasAny(rd.text[clauseBegin(rd, h.wi):h.wj], f.with) || p.settingBefore(rd, h.wi, f.with)) ||
					!f.activity.IsA(h.w.activity) && !h.w.activity.IsA(f.activity) && p.plainFrame(h.w.activity, rd.text[h.i:h.j], objectHead(h.obj)) &&
						p.withSaid(rd, f, h.i) && !p.hasAny(clauseText(rd, rd.clause(min(h.i, h.wi))), f.with) {
					rd.acts[k].w.activity = f.activity
					break
				}
			}
			continue
		}
		for _, f := range p.frames {
			if f.activity == nil || len(f.with) == 0 || f.activity == h.w.activity ||
				!verbAndObject(f, h.words) || !p.withSaid(rd, f, h.i) {
				continue
			}
			rd.acts[k].w.activity = f.activity
			break
		}
	}
}

// objectHead is the thing an object names after the last 的 that describes
// it (挖地基的渣土 is 渣土): a frame that needs a with-word knows the thing,
// not every way of saying which one it is.
func objectHead(obj string) string {
	if k := strings.LastIndex(obj, "的"); k >= 0 && k+len("的") < len(obj) {
		return obj[k+len("的"):]
	}
	return obj
}

// kindOf reports whether activity k is a kind of a, or — for a thing k
// takes only with a with-word — of the act a is told apart from only by
// what it implies (乱倒垃圾 by the place: the renovation's rubbish tipped on
// a roadside is 倾倒建筑垃圾 there, whose own kind the place then names; 装修
// 垃圾乱堆 stays the kind its verb names).
func (p *parser) kindOf(k, a *rules.Activity, obj string) bool {
	if k.IsA(a) {
		return true
	}
	if a.Parent == nil || len(a.Implies) == 0 || !k.IsA(a.Parent) {
		return false
	}
	return !slices.ContainsFunc(p.frames, func(f *frame) bool { return f.activity == k && len(f.with) == 0 && f.objects[obj] })
}

// settingBefore reports whether the clause right before byte i's, in its
// sentence (a comma between), ends with one of words and says no act of a
// rule: the setting the thing is of (城区装修，垃圾倒路边 — the renovation's
// rubbish), as a with-word in the act's own clause is.
func (p *parser) settingBefore(rd *reading, i int, words []string) bool {
	lo := clauseBegin(rd, i)
	if lo == 0 {
		return false
	}
	pc := rd.clause(lo - 1)
	t := rd.text[rd.clauseStart(lo-1, pc):lo]
	body := strings.TrimRightFunc(t, clauseBreakOrSpace)
	if strings.ContainsAny(t[len(body):], "。.？?！!；;") {
		return false
	}
	return p.hasSuffixAny(body, words) &&
		!slices.ContainsFunc(rd.acts, func(h hit) bool { return h.clause == pc && h.w.activity != nil })
}

// verbAndObject reports whether s is one of frame f's verbs followed by one
// of its objects, or an object followed by a verb (摊子摆到).
func verbAndObject(f *frame, s string) bool {
	for i := range s {
		if i > 0 && (f.verbs[s[:i]] && f.objects[s[i:]] || f.objects[s[:i]] && f.verbs[s[i:]]) {
			return true
		}
	}
	return false
}

// mannerApart: a listed act said as a verb alone (超载) whose way the
// rules judge apart (its manners) has a frame with that verb and an object
// said in the same sentence across a space (渣土车 超载, the pause typed as a
// space) is that way, as 渣土车超载 said together is: 超载运输建筑垃圾, not
// the overloading no rule covers.
func (p *parser) mannerApart(rd *reading) {
	s := rd.text
	for k, h := range rd.acts {
		if h.wj > 0 || h.w.activity == nil || len(p.manners[h.w.activity.ID]) == 0 {
			continue
		}
		for _, f := range p.frames {
			if f.activity == nil || !slices.Contains(p.manners[h.w.activity.ID], f.activity) || !f.saysVerb(h.words) {
				continue
			}
			for _, o := range f.byLength {
				i := objectNear(rd, o, h)
				if i < 0 {
					continue
				}
				lo, hi := min(i, h.i), max(i+len(o), h.j)
				rd.acts[k].w.activity, rd.acts[k].words, rd.acts[k].wi, rd.acts[k].wj, rd.acts[k].obj = f.activity, s[lo:hi], lo, hi, o
				break
			}
			if rd.acts[k].wj > 0 {
				break
			}
		}
	}
}

// saysVerb: words are one of f's verbs, perhaps with an aspect particle
// after it (超重了).
func (f *frame) saysVerb(words string) bool {
	if f.verbs[words] {
		return true
	}
	for v := range f.verbs {
		if utf8.RuneCountInString(v) >= 2 && strings.HasPrefix(words, v) {
			return true
		}
	}
	return false
}

// objectNear is where object o is said apart from act h by a space only
// (in the same sentence, no act of its own), or -1.
func objectNear(rd *reading, o string, h hit) int {
	for from := 0; from < len(rd.text); {
		k := strings.Index(rd.text[from:], o)
		if k < 0 {
			return -1
		}
		i := from + k
		if (i+len(o) <= h.i || i >= h.j) && rd.clause(i) != rd.clause(h.i) && sameSentence(rd, i, h.i) && !rd.inAct(i, i+len(o)) {
			return i
		}
		from = i + len(o)
	}
	return -1
}

// addLatin records w under its toneless pinyin, when it is all Chinese
// characters (two or more) and no other word has that pinyin.
func addLatin(latin map[string]string, py *zh.Pinyin, w string) {
	if utf8.RuneCountInString(w) < 2 {
		return
	}
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return
		}
	}
	full, _ := py.Of(w)
	if old, ok := latin[full]; ok && old != w {
		latin[full] = ""
		return
	}
	latin[full] = w
}

// latinWords makes the parser's latin table: the acts' and facts' words,
// then the frames' objects, each in order.
func (p *parser) latinWords() map[string]string {
	latin := map[string]string{}
	for _, ws := range [][]string{keys(p.acts.words), keys(p.facts.words)} {
		for _, w := range ws {
			addLatin(latin, p.py, w)
		}
	}
	for _, f := range p.frames {
		for _, o := range keys(f.objects) {
			addLatin(latin, p.py, o)
		}
	}
	return latin
}

// fromLatin replaces a run of Latin letters that is a known word's pinyin
// (yibao 交多少: 医保) by the word, and says it was heard so; other runs
// are left as they are.
func (p *parser) fromLatin(rd *reading, text string) string {
	has := false
	for i := 0; i < len(text); i++ {
		if c := text[i] | 0x20; c >= 'a' && c <= 'z' {
			has = true
			break
		}
	}
	if !has {
		return text
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && (text[j]|0x20) >= 'a' && (text[j]|0x20) <= 'z' {
			j++
		}
		if j == i {
			i++
			continue
		}
		if w := p.latin()[strings.ToLower(text[i:j])]; w != "" && j-i >= 4 {
			b.WriteString(text[last:i])
			b.WriteString(w)
			rd.q.Understood = append(rd.q.Understood, Understood{Words: text[i:j], Kind: "heard", Meaning: w, Note: p.g.HeardNotes.Pinyin})
			last = j
		}
		i = j
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// correctedDay adds the day a bare number names right after a correction
// word that follows the last day said (十二月二十八克山上烧纸 后来又想 改到
// 二十九: the 29th of that month), so that it takes the first back.
func (p *parser) correctedDay(text string, ms []dates.Mention) []dates.Mention {
	if len(ms) == 0 {
		return ms
	}
	last := ms[len(ms)-1]
	if last.Bad || last.MonthEnd != nil || last.Weak {
		return ms
	}
	rest := text[last.End:]
	at, w := -1, ""
	for _, c := range p.g.Corrections {
		if k := strings.Index(rest, c); k >= 0 && (at < 0 || k < at) {
			at, w = k, c
		}
	}
	if at < 0 || utf8.RuneCountInString(rest[:at]) > 16 {
		return ms
	}
	start := last.End + at + len(w)
	for start < len(text) && text[start] == ' ' {
		start++
	}
	end := start
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !strings.ContainsRune("0123456789一二三四五六七八九十", r) || utf8.RuneCountInString(text[start:end]) >= 3 {
			break
		}
		end += n
	}
	if end == start {
		return ms
	}
	n, ok := zh.Number(text[start:end])
	if !ok || n < 1 || n > 31 || n != float64(int(n)) {
		return ms
	}
	for _, suffix := range []string{"号", "日"} {
		if strings.HasPrefix(text[end:], suffix) {
			end += len(suffix)
			break
		}
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && !unicode.IsSpace(r) && !unicode.IsPunct(r) && !strings.ContainsRune("吧呢啊吗的了再去", r) {
		return ms // 改到二十九个人: not a day
	}
	// the day of the month the first day was said with (二十八 of 十二月二十八,
	// 二十六 of 腊月二十六): the new day is as many days from it, in the
	// calendar it was said in, solar or lunar
	w = strings.TrimRight(strings.TrimRight(last.Words, "号日"), " ")
	k := len(w)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(w[:k])
		if !strings.ContainsRune("0123456789一二三四五六七八九十廿", r) {
			break
		}
		k -= n
	}
	said, ok := zh.Number(w[k:])
	if k == len(w) || !ok || said < 1 || said > 31 {
		return ms
	}
	return append(ms, dates.Mention{Start: start, End: end, Words: text[start:end], Date: last.Date.AddDays(int(n - said))})
}

// gapRunes is what token t counts toward the reach from verb v to its
// object: its characters, but a fact phrase said with 的 in v's clause
// (whose or where: 别人园子里的, 自己山上的) counts one whole — it describes
// the object (摘几个别人园子里的柚子), and a long one is no farther.
func gapRunes(rd *reading, v, t frameTok) int {
	for _, f := range rd.facts {
		if t.i < f.i || t.j > f.j || !strings.HasPrefix(rd.text[f.j:], "的") || rd.clause(f.i) != rd.clause(v.i) {
			continue
		}
		if t.i == f.i {
			return 1
		}
		return 0
	}
	return countRunes(t.t)
}

// numeralAt reports whether s ends (last) or begins with a numeral.
func numeralAt(s string, last bool) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if last {
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	return isNumeralRune(r)
}

// countRunes is the length of s with each run of numerals counted as one
// character: a count or a price said between a verb and its object
// (放了10000响的鞭子, 烧了两三百块钱的纸) says how much of the object, and its
// digits put the object no further from the verb than 三挂 does.
func countRunes(s string) int {
	n, num := 0, false
	for _, r := range s {
		if isNumeralRune(r) {
			if !num {
				n++
			}
			num = true
			continue
		}
		n++
		num = false
	}
	return n
}

// sameSentence reports whether bytes i and j are in one clause, or in
// clauses parted by spaces only: a verb and its object may be said apart
// so (院子里扫的树叶子 堆起来点了), though facts and negation keep to their
// clause.
func sameSentence(rd *reading, i, j int) bool {
	if i > j {
		i, j = j, i
	}
	if rd.clause(i) == rd.clause(j) {
		return true
	}
	for _, r := range rd.text[i:j] {
		if clauseBreak(r) {
			return false
		}
	}
	return rd.clause(j)-rd.clause(i) <= 1
}

// runOnCuts are where a question said twice with no pause between ends
// its first time (山上烧纸行不行放鞭炮行不行, 寒露籽几号开摘霜降籽几号开摘):
// a run holding a question word (asking, when, money) twice, the words
// after its last said right after its first too — the run is cut after
// them, where the second question begins. A run that says its question
// word once is one question.
func (p *parser) runOnCuts(text string) []int {
	var cuts []int
	pause := func(r rune) bool { return unicode.IsSpace(r) || clauseBreak(r) }
	for i := 0; i < len(text); {
		k := strings.IndexFunc(text[i:], pause)
		end := len(text)
		if k >= 0 {
			end = i + k
		}
		if end-i >= 12 { // two questions of two characters at least
			if cut := p.runOnCut(text[i:end]); cut > 0 {
				cuts = append(cuts, i+cut)
			}
		}
		if end == len(text) {
			break
		}
		_, n := utf8.DecodeRuneInString(text[end:])
		i = end + n
	}
	return cuts
}

// runOnCut is runOnCuts' cut in one run with no pause, or 0.
func (p *parser) runOnCut(run string) int {
	type said struct {
		w string
		i int
	}
	var buf [8]said
	found := buf[:0]
	for i := 0; i < len(run) && len(found) < len(buf); {
		r, n := utf8.DecodeRuneInString(run[i:])
		if p.askFirst.mayHave(r) {
			for _, w := range p.askByFirst[r] {
				if strings.HasPrefix(run[i:], w) {
					found = append(found, said{w, i})
					n = len(w)
					break
				}
			}
		}
		i += n
	}
	for a, first := range found {
		for _, last := range slices.Backward(found[a+1:]) {
			if last.w != first.w {
				continue
			}
			end := first.i + len(first.w)
			tail := run[last.i+len(last.w):]
			if cut := end + len(tail); strings.HasPrefix(run[end:], tail) && cut < last.i {
				return cut
			}
			break
		}
	}
	return 0
}

// hanSpace reports whether a run of spaces starts at text[i] between two
// Chinese characters: typed on a phone with no punctuation, spaces part the
// clauses (山上抽烟行不行 山上野炊呢); between a word and a number they do
// not (离山 50米).
func hanSpace(text string, i int) bool {
	if b := text[i]; b != ' ' && b != '\t' && b != 0xE3 { // U+3000 starts with 0xE3
		return false
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsSpace(r) {
		return false
	}
	if prev, _ := utf8.DecodeLastRuneInString(text[:i]); !isHan(prev) {
		return false
	}
	j := i + n
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			return isHan(r)
		}
		j += n
	}
	return false
}

// unspace drops the spaces a hurried operator types inside an act's or a
// fact's phrase (重复 交医保, 两个地方 交医保, 自己 拉 装修垃圾, 退伍 回来:
// 重复交, 两个地方交, 自己拉装修垃圾, 退伍回来): where an act's phrase,
// starting at most five characters before them, reaches past them in the
// text with every such space dropped, or where the words on both sides
// are together one fact's phrase. Between two clauses (山上抽烟行不行
// 山上野炊呢) no phrase reaches across and the spaces stay, parting them.
func (p *parser) unspace(text string) string {
	text = numberFalseStarts(text)
	if wordSpaced(text) {
		return joinHan(text)
	}
	return dropSpans(text, p.spacesInPhrases(text))
}

// dropSpans returns text without the spans cut, which are in order.
func dropSpans(text string, cut [][2]int) string {
	if len(cut) == 0 {
		return text
	}
	var out strings.Builder
	last := 0
	for _, c := range cut {
		out.WriteString(text[last:c[0]])
		last = c[1]
	}
	out.WriteString(text[last:])
	return out.String()
}

// unspaceHeard drops the spaces that a phrase reaches across once words
// heard by their sound are corrected (没有合准的 车子 is 没有核准的车子, as
// the words written would have been read), and moves the words heard.
func (p *parser) unspaceHeard(rd *reading, text string) string {
	cut := p.spacesInPhrases(text)
	if len(cut) == 0 {
		return text
	}
	for k := range rd.heard {
		h := &rd.heard[k]
		shift := 0
		for _, c := range cut {
			if c[1] <= h.i {
				shift += c[1] - c[0]
			}
		}
		h.i, h.j = h.i-shift, h.j-shift
	}
	return dropSpans(text, cut)
}

// spacesInPhrases are the runs of spaces of text that unspace drops.
func (p *parser) spacesInPhrases(text string) [][2]int {
	type run struct{ i, j, at int } // a run of spaces text[i:j], at byte at of the compact text
	var runs []run
	var compact strings.Builder
	last := 0
	for from := 0; ; {
		k := strings.IndexFunc(text[from:], unicode.IsSpace)
		if k < 0 {
			break
		}
		i := from + k
		j := spaceRunEnd(text, i)
		from = j
		if !hanSpace(text, i) {
			continue
		}
		compact.WriteString(text[last:i])
		runs = append(runs, run{i, j, compact.Len()})
		last = j
	}
	if len(runs) == 0 {
		return nil // most calls: no space between two Chinese characters
	}
	compact.WriteString(text[last:])
	joined := compact.String()
	var cut [][2]int
	for _, r := range runs {
		if p.actAcross(joined, r.at) || p.factPair(text, r.i, r.j) || p.instrumentBefore(text, r.i) {
			cut = append(cut, [2]int{r.i, r.j})
		}
	}
	return cut
}

// instrumentBefore reports whether the run typed before the space at i
// takes up an instrument (用我的职工医保个人账户 给我娘交: instrument in
// mandarin.yaml): such a run is no clause of its own but serves the act
// after it.
func (p *parser) instrumentBefore(text string, i int) bool {
	st := strings.LastIndexFunc(text[:i], func(r rune) bool { return unicode.IsSpace(r) || clauseBreak(r) })
	if st >= 0 {
		_, sz := utf8.DecodeRuneInString(text[st:])
		st += sz
	} else {
		st = 0
	}
	run := text[st:i]
	return utf8.RuneCountInString(run) > 2 && p.hasPrefix(run, p.g.Instrument)
}

// numberFalseStarts drops a number begun and begun again after a pause
// (离山 三 三百米: a recogniser keeps the caller's false start), so that the
// number said whole is read with what it measures: a run of numerals of
// one or two characters alone between pauses that the next run starts with.
func numberFalseStarts(text string) string {
	for from := 0; from < len(text); {
		k := strings.IndexFunc(text[from:], unicode.IsSpace)
		if k < 0 {
			break
		}
		sp := from + k
		st := strings.LastIndexFunc(text[:sp], unicode.IsSpace) + 1
		next := strings.TrimLeftFunc(text[sp:], unicode.IsSpace)
		run := text[st:sp]
		if n := utf8.RuneCountInString(run); n >= 1 && n <= 2 && numeralsOnly(run) && strings.HasPrefix(next, run) && len(next) > len(run) {
			if r, _ := utf8.DecodeRuneInString(next[len(run):]); isNumeralRune(r) {
				text = text[:st] + next
				from = st
				continue
			}
		}
		from = sp + 1
	}
	return text
}

// wordSpaced reports whether text was typed word by word, as some speech
// recognisers segment it (高污染燃料 禁燃区 的 那个 通告 还 有效 吗): six
// runs or more between its spaces, averaging 2.2 characters or fewer, three
// of them a single character. Its spaces are the words' edges, not pauses;
// a caller's pauses (山上抽烟行不行 山上野炊呢) and an operator's notes
// (城区 马路上 流动 卖菜 推车) are longer runs.
func wordSpaced(text string) bool {
	runs, ones, chars := 0, 0, 0
	for _, f := range strings.Fields(text) {
		n := utf8.RuneCountInString(f)
		runs++
		chars += n
		if n == 1 {
			ones++
		}
	}
	return runs >= 6 && ones >= 3 && 5*chars <= 11*runs
}

// spaceRunEnd is the end of the run of spaces that starts at text[i].
func spaceRunEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// joinHan drops every run of spaces between two Chinese characters.
func joinHan(text string) string {
	var out strings.Builder
	last := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) && hanSpace(text, i) {
			out.WriteString(text[last:i])
			j := spaceRunEnd(text, i)
			i, last = j, j
			continue
		}
		i += n
	}
	out.WriteString(text[last:])
	return out.String()
}

// actAcross reports whether an act's phrase starts in the five characters
// before byte i and reaches past the character at i.
func (p *parser) actAcross(text string, i int) bool {
	_, n := utf8.DecodeRuneInString(text[i:])
	for j, k := i, 0; j > 0 && k < 5; k++ {
		_, sz := utf8.DecodeLastRuneInString(text[:j])
		j -= sz
		if j+p.acts.longestLen(text[j:]) >= i+n {
			return true
		}
	}
	return false
}

// factPair reports whether the words typed on both sides of the spaces
// text[i:j], up to the next space or clause break each way, are together
// one fact's phrase (退伍 回来, 坐牢 放出来). A fact's phrase is held to
// the whole of both words: a looser test joins clauses a phrase merely
// straddles (烧纸 屋离山几百米).
func (p *parser) factPair(text string, i, j int) bool {
	stop := func(r rune) bool { return unicode.IsSpace(r) || clauseBreak(r) }
	from := strings.LastIndexFunc(text[:i], stop) + 1
	if from > 0 {
		_, sz := utf8.DecodeRuneInString(text[from-1:])
		from += sz - 1
	}
	to := len(text)
	if k := strings.IndexFunc(text[j:], stop); k >= 0 {
		to = j + k
	}
	pair := text[from:i] + text[j:to]
	return p.facts.longestLen(pair) == len(pair)
}

// clauseBreak reports whether r ends a clause (a comma, a full stop, a
// question or exclamation mark, a semicolon, an enumeration comma or a
// line break).
func clauseBreak(r rune) bool {
	switch r {
	case '，', ',', '。', '.', '？', '?', '！', '!', '；', ';', '、', '\n':
		return true
	}
	return false
}

// enumerates reports whether text[i:] begins an item of a list of
// questions (一是…, 二是…; 第二…): each item is a clause of its own.
func (p *parser) enumerates(text string, i int) bool {
	if i == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[i:]); !p.enumFirst.mayHave(r) {
		return false // most characters start none: tested at every character
	}
	for _, e := range p.g.Enumerators {
		if strings.HasPrefix(text[i:], e) {
			return true
		}
	}
	return false
}

// spaceBreak reports whether text[i] is the first space before a short
// question said in a pause, as an operator types it (霜降籽呢, 超载呢): the
// run up to the next space or the end ends in an ellipsis word, so it is a
// clause of its own that asks the same again (寒露籽今天能摘吗 霜降籽呢).
func (p *parser) spaceBreak(text string, i int) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsSpace(r) || i == 0 {
		return false
	}
	if prev, _ := utf8.DecodeLastRuneInString(text[:i]); unicode.IsSpace(prev) || !isHan(prev) {
		return false
	}
	stop := func(r rune) bool { return unicode.IsSpace(r) || clauseBreak(r) }
	rest := strings.TrimLeftFunc(text[i+n:], unicode.IsSpace)
	if k := strings.IndexFunc(rest, stop); k >= 0 {
		rest = rest[:k]
	}
	// and the run before the space, when it was such a question: what
	// follows it is said of them all (超载呢 都在城市规划区)
	said := text[:i]
	if k := strings.LastIndexFunc(said, stop); k >= 0 {
		said = said[k:]
		_, n := utf8.DecodeRuneInString(said)
		said = said[n:]
	}
	for _, e := range p.g.Ellipsis {
		if rest != e && strings.HasSuffix(rest, e) || said != e && strings.HasSuffix(said, e) {
			return true
		}
	}
	// 低保户交多少 特困户又交多少: the same question asked of two things
	return p.asks(rest) && p.asks(said)
}

// asks reports whether s asks how much or when.
func (p *parser) asks(s string) bool {
	return p.hasAny(s, p.g.Money) || p.hasAny(s, p.g.When)
}
