package hotline

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/clause"
	"github.com/tonggao/tonggao/rules"
)

// IntentText is a question about a detail of a notice's text that no rule
// encodes as a ban or a permission (工地要装喷淋不, 巡护队要几个人): answered
// with the notice's own clause, cited — never with a verdict.
const IntentText Intent = "text"

// quotedStatus marks the reason of a clause quoted from a notice's text: it
// neither forbids nor allows.
const quotedStatus = "quoted"

// textWords are the words a call is matched against the notices' texts
// with (texts.yaml).
type textWords struct {
	Said map[string]string `yaml:"said"`
	Asks []string          `yaml:"asks"`
	Must []string          `yaml:"must"`
	Ends []string          `yaml:"ends"`
	// May are the words of a may-I (要得, 行不, 犯法): such a call asks
	// for a verdict, which a clause never replaces.
	May []string `yaml:"may"`
	// Wants are the kinds of detail a question may ask (how far, within
	// how many days, who approves): the words that ask it, and those of
	// which a clause that says such a detail holds one.
	Wants []wantKind `yaml:"wants"`
	// NotContent are the grammar's words, which no clause is matched by.
	NotContent []string `yaml:"not_content"`
	noContent  *strings.Replacer
	// said's keys, longest first, so that 菜市场 is read before 菜场
	keys []string
	// the lists above as scans built once (textscan.go): said's keys by
	// their index in keys; wants' asks in order, each with its kind
	mayScan, asksScan, saidScan, wantScan *wordScan
	wantOf                                []int
}

// wantKind is one kind of detail asked (texts.yaml wants).
type wantKind struct {
	Asks  []string `yaml:"asks"`
	Holds []string `yaml:"holds"`
	// Said are the words an answer that says such a detail holds (by
	// default Holds): 拉渣土要哪个批 is answered by 城管, not by the
	// 核准 a transport answer asks about.
	Said []string `yaml:"said"`
	// Day marks a kind of day asked, which a period's answer says.
	Day bool `yaml:"day"`
}

func loadTextWords() (*textWords, error) {
	var w textWords
	if err := yaml.UnmarshalWithOptions(textsYAML, &w, yaml.DisallowUnknownField(), yaml.Strict()); err != nil {
		return nil, fmt.Errorf("hotline: texts.yaml: %w", err)
	}
	for i, k := range w.Wants {
		if len(k.Asks) == 0 || len(k.Holds) == 0 {
			return nil, fmt.Errorf("hotline: texts.yaml: wants[%d]: a kind needs asks and holds", i)
		}
		if len(k.Said) == 0 {
			w.Wants[i].Said = k.Holds
		}
	}
	w.keys = keys(w.Said)
	pairs := make([]string, 0, 2*len(w.NotContent))
	for _, c := range w.NotContent {
		pairs = append(pairs, c, "\x00")
	}
	w.noContent = strings.NewReplacer(pairs...)
	slices.SortStableFunc(w.keys, func(a, b string) int { return len(b) - len(a) })
	var wants []string
	for i, k := range w.Wants {
		for _, a := range k.Asks {
			wants, w.wantOf = append(wants, a), append(w.wantOf, i)
		}
	}
	for _, l := range []struct {
		name  string
		words []string
		scan  **wordScan
	}{{"may", w.May, &w.mayScan}, {"asks", w.Asks, &w.asksScan}, {"said", w.keys, &w.saidScan}, {"wants' asks", wants, &w.wantScan}} {
		scan, err := newWordScan(l.words)
		if err != nil {
			return nil, fmt.Errorf("hotline: texts.yaml: %s: %w", l.name, err)
		}
		*l.scan = scan
	}
	return &w, nil
}

// Thresholds of a clause's match, measured on the corpora (docs/hotline.md,
// session 14): the summed rarity of the characters and pairs a call shares
// with the clause. A call not understood must share this much with one
// clause; no hostile text and no act the notices leave alone (钓鱼, 挖冬笋)
// reaches it, while a clause's own rare words (喷淋, 洗车槽, 巡护队伍) do.
const (
	minTextScore = 13.0
	// minTextCover is the share of the call's words, by weight, the
	// clause must hold: a long ramble or a string of noise shares some
	// rare words with some clause (0.07 and 0.18 in the corpora), a
	// question about one clause is mostly its words (0.8 and more).
	minTextCover = 0.3
	// maxTextCall is the longest call (in characters) read for a clause
	// when nothing else was understood: a question about a detail is short
	// (the corpora's are 8 to 30), a longer call not understood is noise
	// or a ramble, which is asked to say it again.
	maxTextCall = 60
	// minUnusedScore is what the words an answer left unused must share
	// with the clause on their own.
	minUnusedScore = 9.0
	// minDetailScore and minDetailCover are what a call asking a detail
	// of a conditional or allowed answer must share with a clause
	// (measured: the right clauses 16.9–21.2 covering ≥ 0.68; a notice's
	// aims, 工作目标, drew 25.7 covering 0.85 for 重度残疾人交医保要钱不 —
	// kept out by the answer's length, not by the score)
	minDetailScore = 16.0
	minDetailCover = 0.6
)

// asksMay reports whether a call asks may I (要得不, 行不, 犯法不).
func (w *textWords) asksMay(s string) bool {
	return w.mayScan.any(s)
}

// wanted is the kind of detail s asks, by its longest asking word; nil
// for none.
func (w *textWords) wanted(s string) *wantKind {
	best, n := -1, 0
	// the first listed of the longest, as a walk of the lists in order
	w.wantScan.each(s, func(id, k int) {
		if k > n || k == n && id < best {
			best, n = id, k
		}
	})
	if best < 0 {
		return nil
	}
	return &w.Wants[w.wantOf[best]]
}

// asksDetail reports whether a call asks about a detail: how many, how
// long, who, what, or whether one must (要…不, not 要得不).
func (w *textWords) asksDetail(s string) bool {
	if w.asksScan.any(s) {
		return true
	}
	if w.asksMay(s) {
		return false
	}
	s = strings.TrimRight(s, "？?。！! ")
	for _, e := range w.Ends {
		if strings.HasSuffix(s, e) {
			for _, m := range w.Must {
				if strings.Contains(s, m) {
					return true
				}
			}
		}
	}
	return false
}

// inTextWords is the notices' words for what callers say in s (巡山 →
// 巡护巡逻), with the grammar's words (可以, 直接) taken out of s: they ask,
// they name nothing a clause says.
func (w *textWords) inTextWords(s string) (said, also string) {
	var b strings.Builder
	for _, i := range w.saidIn(s) {
		b.WriteString(w.Said[w.keys[i]])
		b.WriteByte(0)
	}
	return w.noContent.Replace(s), b.String()
}

// saidIn are the indices in keys of the said words s holds, in keys'
// order (longest first).
func (w *textWords) saidIn(s string) []int {
	var found []int
	w.saidScan.each(s, func(id, _ int) { found = append(found, id) })
	slices.Sort(found)
	return slices.Compact(found)
}

// query is what a call and the words an answer left unused are matched
// with.
func (w *textWords) query(s string, unused []string) clause.Query {
	said, also := w.inTextWords(s)
	q := clause.Query{Said: said, Also: also}
	if len(unused) > 0 {
		k, ka := w.inTextWords(strings.Join(unused, "\x00"))
		q.Key = k + "\x00" + ka
	}
	return q
}

// fromText answers, from a notice's own text, what the hotline had nothing
// better for: a call not understood whose words point strongly at one
// clause (a text answer, with no verdict), or a question about a detail
// whose answer a left words unused that point at a clause of a's own
// notices (the clause is added to a, whose verdict stays; to a may-I only
// when it is 不可以). It returns nil to keep a as it is.
func (h *Hotline) fromText(q *Query, a *Answer, l Lang) *Answer {
	if h.texts == nil || q == nil || a.Intent != IntentDecision {
		return nil
	}
	if q.planYear != 0 && a.Verdict == engine.NoRule {
		return nil // 2026年的医保几号开始交: no clause of the rule base is of that year's plan
	}
	if t := h.wantedDetail(q, a, l); t != nil {
		return t
	}
	switch a.Verdict {
	case NotUnderstood:
		if _, ok := h.placeOf(q); ok {
			return nil // 浯溪街道属于城市规划区吗: the place table answers it
		}
		// 菜市场外面那条街上卖活鱼可以吗 asks may I: a clause of the notice's
		// aims is no answer to it, the question for the act is
		if q.badDay || q.Unread > 0 || utf8.RuneCountInString(q.Question) > maxTextCall || h.tw.asksMay(q.Question) {
			return nil
		}
		// a day or a time said names no clause (农历九月初六 is in the
		// oil-tea notice's text, and in any call about that day)
		said := q.Question
		for _, u := range q.Understood {
			if u.Kind == "date" || u.Kind == "time" {
				said = strings.ReplaceAll(said, u.Words, "\x00")
			}
		}
		m, ok := h.texts.Find(h.tw.query(said, nil))
		if !ok || m.Score < minTextScore || m.Cover < minTextCover {
			return nil
		}
		return h.textAnswer(q, m, l)
	case engine.Forbidden:
		// only a ban has room beside it for a detail: a conditional's
		// question, an allowed act's terms are what its answer must say,
		// and a no-rule answer cites no notice whose text could hold it
	case engine.Conditional, engine.Allowed:
		if h.tw.asksMay(q.Question) || !h.tw.asksDetail(q.Question) || len(a.Reasons) == 0 {
			return nil
		}
		return h.detailOf(q, a, l)
	default:
		return nil
	}
	var unused []string
	for _, w := range q.NotUnderstood {
		if utf8.RuneCountInString(w) >= 2 {
			unused = append(unused, w)
		}
	}
	if len(unused) == 0 || len(a.Reasons) == 0 || !h.tw.asksDetail(q.Question) {
		return nil
	}
	// only the answer's own notices: a clause of another notice would
	// answer beside the act the call was heard to ask about
	cited := h.citedNotices(a)
	if len(cited) == 0 {
		return nil
	}
	m, ok := h.texts.Find(h.tw.query(q.Question, unused), cited...)
	if !ok || m.Key < minUnusedScore || !slices.ContainsFunc(unused, func(w string) bool { return h.tw.stands(w, m.Text) }) {
		return nil
	}
	// a clause whose asked words the answer says already, or of an article
	// it cites already, adds nothing
	if !slices.ContainsFunc(m.KeyMatched, func(k string) bool { return !strings.Contains(a.Answer, k) }) ||
		slices.ContainsFunc(a.Reasons, func(r engine.Reason) bool { return r.Notice == m.Notice.Number && r.Article == m.Article }) {
		return nil
	}
	if saidMostly(a.Answer, clipAround(m.Text, m.Matched, maxHeadline(ZH))) {
		// the answer says it in its own words (违者由市纪检监察部门党纪政纪
		// 处分, the penalty of the same sentence): cited, not said twice
		h.citeClause(a, m, l)
		return a
	}
	if q.asks.consequence {
		// (党员带头提前摘茶籽 哪个来处分: a call that asks what happens is
		// answered by the penalty, which another clause would crowd out)
		return nil
	}
	h.addClause(a, m, l)
	return a
}

// citedNotices are the notices an answer's reasons cite, each once, in
// the order cited.
func (h *Hotline) citedNotices(a *Answer) []*rules.Notice {
	var cited []*rules.Notice
	for _, r := range a.Reasons {
		if n := h.notice(r.Notice); n != nil && !slices.Contains(cited, n) {
			cited = append(cited, n)
		}
	}
	return cited
}

// detailOf adds to an answer that decides with a condition or a
// permission, when the call asks a detail of it and not whether it may
// (银行柜台交的 凭么子, 物业几天要把装修垃圾拉走), the clause of the
// answer's own notices the whole call points at strongly — only when the
// answer's own sentences all still fit beside it: they are what it must
// say.
func (h *Hotline) detailOf(q *Query, a *Answer, l Lang) *Answer {
	cited := h.citedNotices(a)
	m, ok := h.texts.Find(h.tw.query(q.Question, nil), cited...)
	// (an article the answer cites may hold the detail unsaid: 二（四）
	// decides the enrolment and says how a welfare home's children enrol)
	if !ok || m.Score < minDetailScore || m.Cover < minDetailCover ||
		!slices.ContainsFunc(m.Matched, func(k string) bool { return !strings.Contains(a.Answer, k) }) {
		return nil
	}
	c := h.cat
	cite := c.T(l, "grounds.cite", "notice", m.Notice.Number, "article", c.Article(l, m.Article))
	also := c.T(l, "text.also", "cite", cite, "text", inLang(l, clipAround(m.Text, m.Matched, maxHeadline(l))))
	if utf8.RuneCountInString(a.Answer)+utf8.RuneCountInString(also) > maxSpoken(l) {
		return nil
	}
	h.addClause(a, m, l)
	return a
}

// Thresholds of the clause a question of one kind of detail points at
// among those that say such a detail (measured on the corpora, session
// 16): the right clauses score 6.5 to 39 covering ≥ 0.3 of the call —
// the clause must say the kind of detail asked, which few do.
const (
	minWantScore = 6.0
	minWantCover = 0.3
)

// wantedDetail answers a short question of one kind of detail (禁火区域有
// 好大, 物业几天要拉走, 拉渣土要哪个批) whose answer does not say one: the
// clause the call points at most strongly among those that say such a
// detail comes right after the headline (the verdict and the day asked),
// cut to the part that says it; the answer's sentences that decide stay,
// the rest follow as room allows; its verdict stays. It returns nil to
// keep a as it is.
func (h *Hotline) wantedDetail(q *Query, a *Answer, l Lang) *Answer {
	if h.texts == nil || q == nil || l == EN || a.Verdict == NotUnderstood || utf8.RuneCountInString(q.Question) > maxTextCall {
		return nil
	}
	k := h.tw.wanted(q.Question)
	// a day asked is said by every answer that decides on a rule — its
	// period's, its window's (几时开始摘: 10月8日 or 10月23日 by the
	// variety), its term's (从几号开始能用: 待遇享受期) — but not by one
	// of no rule (收茶籽几号以后可以: the buyer's day is another act's)
	if k == nil || k.Day && (a.Intent != IntentDecision || a.Verdict != engine.NoRule) ||
		!k.Day && slices.ContainsFunc(k.Said, func(w string) bool { return strings.Contains(a.Answer, w) }) {
		return nil
	}
	qq := h.tw.query(q.Question, nil)
	qq.Holds = k.Holds
	// the answer's own notices, when it cites any: a clause of another
	// rule set's notice would answer of another place
	cited := h.citedNotices(a)
	if len(cited) == 0 && len(a.Reasons) > 0 {
		return nil
	}
	m, ok := h.texts.Find(qq, cited...)
	// (an article the answer cites already may still hold the detail
	// unsaid: 第十八条's 城管 of 拉渣土要哪个批)
	if !ok || m.Score < minWantScore || m.Cover < minWantCover {
		return nil
	}
	c := h.cat
	grounds := c.T(l, "grounds", "cites", c.T(l, "grounds.cite", "notice", m.Notice.Number, "article", c.Article(l, m.Article)))
	if slices.ContainsFunc(a.Reasons, func(r engine.Reason) bool { return r.Notice == m.Notice.Number && r.Article == m.Article }) {
		grounds = "" // the answer cites the article already
	}
	// what decides stays whole (the outcome of each reply only the
	// operator's data settles, the question to ask, no rule is not 可以):
	// the clause takes the room the rest leaves
	keep := h.deciding(l, a)
	if len(q.terms) > 0 && a.Details != nil {
		// the terms the call asks for (哪些人…不要自己出钱: the help of
		// each group) are what it asked, not room for a clause
		keep = append(slices.Clone(keep), a.Details.Terms...)
	}
	rest := sentencesOf(strings.TrimPrefix(a.Answer, a.Headline))
	room := maxSpoken(l) - utf8.RuneCountInString(a.Headline+grounds)
	var must []bool
	for _, s := range rest {
		decides := slices.ContainsFunc(keep, func(k string) bool { return strings.Contains(s, k) || strings.Contains(k, s) })
		if decides {
			room -= utf8.RuneCountInString(s)
		}
		must = append(must, decides)
	}
	bare := utf8.RuneCountInString(c.T(l, "text.head", "text", ""))
	room = min(room, maxHeadline(l)) - bare
	if room < 12 {
		return nil
	}
	lead := c.T(l, "text.head", "text", clipHolding(m.Text, m.Matched, k.Holds, room))
	if !slices.ContainsFunc(k.Holds, func(w string) bool { return strings.Contains(lead, w) }) || saidMostly(a.Answer, lead) {
		return nil // cut short of the detail, or said already
	}
	// after the headline, which says the verdict and the day asked
	a.Answer = fitKeeping(append([]string{a.Headline, lead, grounds}, rest...), append([]bool{true, true, true}, must...), maxSpoken(l))
	h.citeClause(a, m, l)
	return a
}

// deciding are the sentences of a's spoken text that decide it and are
// never cut: for a conditional answer, the outcome of each reply of a fact
// only the operator's data settles; the question to ask; for no rule, that
// it is not 可以.
func (h *Hotline) deciding(l Lang, a *Answer) []string {
	d := a.Decision
	if d == nil {
		return nil
	}
	var out []string
	if a.Verdict == engine.Conditional {
		var op []string
		for _, f := range d.UnknownFacts() {
			if h.askedOf(f) == "operator" {
				op = append(op, f)
			}
		}
		out = append(out, h.bothWays(l, a.Query, d, op)...)
	}
	if a.Ask != "" {
		out = append(out, h.cat.T(l, "follow.ask", "question", a.Ask))
	}
	if a.Verdict == engine.NoRule {
		out = append(out, noRuleAsk(h.cat, l, d))
	}
	return out
}

// clipHolding cuts a clause to n characters around the words matched, as
// clipAround does, keeping the part that holds the detail asked.
func clipHolding(s string, matched, holds []string, n int) string {
	for _, w := range holds {
		if strings.Contains(s, w) {
			return clipWeighted(s, matched, w, n)
		}
	}
	return clipAround(s, matched, n)
}

// notice is the rule set's notice numbered number.
func (h *Hotline) notice(number string) *rules.Notice {
	for _, n := range h.eng.Rules().Notices {
		if n.Number == number {
			return n
		}
	}
	return nil
}

// quoted is the reason of a quoted clause.
func quoted(m clause.Match) engine.Reason {
	return engine.Reason{Citation: engine.Citation{Notice: m.Notice.Number, NoticeTitle: m.Notice.Title, Article: m.Article, Text: m.Full},
		Status: quotedStatus}
}

// textAnswer answers with a clause alone: what the text says, then the
// notice and article; the whole article in the details.
func (h *Hotline) textAnswer(q *Query, m clause.Match, l Lang) *Answer {
	c := h.cat
	q.NotUnderstood = []string{}
	a := &Answer{Intent: IntentText, Query: q, Details: &Details{Why: []string{c.T(l, "quote", "text", m.Full)}, NotUnderstood: q.NotUnderstood},
		FollowUp: []FollowUp{}, Reasons: []engine.Reason{quoted(m)}, Lang: l}
	bare := utf8.RuneCountInString(c.T(l, "text.head", "text", ""))
	a.Headline = c.T(l, "text.head", "text", inLang(l, clipAround(m.Text, m.Matched, maxHeadline(l)-bare)))
	grounds := c.T(l, "grounds", "cites", c.T(l, "grounds.cite", "notice", m.Notice.Number, "article", c.Article(l, m.Article)))
	a.Answer = fitKeeping([]string{a.Headline, grounds}, []bool{true, true}, maxSpoken(l))
	return a
}

// addClause adds a clause to an answer that decided: after what it said,
// as room allows, with its citation; the verdict stays.
func (h *Hotline) addClause(a *Answer, m clause.Match, l Lang) {
	c := h.cat
	cite := c.T(l, "grounds.cite", "notice", m.Notice.Number, "article", c.Article(l, m.Article))
	room := maxSpoken(l) - utf8.RuneCountInString(a.Headline) - utf8.RuneCountInString(c.T(l, "text.also", "cite", cite, "text", "")) - 1
	if room < 8 {
		return
	}
	also := c.T(l, "text.also", "cite", cite, "text", inLang(l, clipAround(m.Text, m.Matched, min(room, maxHeadline(l)))))
	// the answer's sentences fill what room the clause leaves, in order
	said := []string{a.Headline}
	must := []bool{true}
	for _, s := range sentencesOf(strings.TrimPrefix(a.Answer, a.Headline)) {
		said, must = append(said, s), append(must, false)
	}
	a.Answer = fitKeeping(append(said, also), append(must, true), maxSpoken(l))
	h.citeClause(a, m, l)
}

// citeClause adds a clause to an answer's reasons and details; the words
// it matched are no longer reported as not understood.
func (h *Hotline) citeClause(a *Answer, m clause.Match, l Lang) {
	c := h.cat
	a.Reasons = append(a.Reasons, quoted(m))
	a.Details.Why = append(a.Details.Why, c.T(l, "quote", "text", m.Full))
	a.Query.NotUnderstood = slices.DeleteFunc(a.Query.NotUnderstood, func(w string) bool { return utf8.RuneCountInString(w) >= 2 })
	a.Details.NotUnderstood = a.Query.NotUnderstood
}

// clipAround cuts a clause to n characters around the words matched: the
// run of its comma-separated parts that holds most of them, ending with
// its stop.
func clipAround(s string, matched []string, n int) string {
	return clipWeighted(s, matched, "", n)
}

// clipWeighted is clipAround where a part that holds must (when given)
// weighs more than all the words matched.
func clipWeighted(s string, matched []string, must string, n int) string {
	s = strings.TrimRight(s, "。；;，,\n")
	if utf8.RuneCountInString(s)+1 <= n {
		return s + "。"
	}
	// the parts, each with the mark that ends it
	var starts, ends []int
	start := 0
	for i, r := range s {
		if strings.ContainsRune("，,：:；;", r) {
			starts, ends = append(starts, start), append(ends, i)
			start = i + utf8.RuneLen(r)
		}
	}
	starts, ends = append(starts, start), append(ends, len(s))
	weight := make([]int, len(starts))
	for i := range starts {
		for _, w := range matched {
			if strings.Contains(s[starts[i]:ends[i]], w) {
				weight[i] += utf8.RuneCountInString(w)
			}
		}
		if must != "" && strings.Contains(s[starts[i]:ends[i]], must) {
			weight[i] += utf8.RuneCountInString(s)
		}
	}
	if must != "" {
		// a part that holds the detail and is too long alone is cut
		for i := range starts {
			if p := s[starts[i]:ends[i]]; strings.Contains(p, must) && utf8.RuneCountInString(p)+1 > n {
				return clipClause(p, n-1)
			}
		}
	}
	best, bi, bj := -1, 0, 0
	for i := range starts {
		got := 0
		for j := i; j < len(starts) && utf8.RuneCountInString(s[starts[i]:ends[j]])+1 <= n; j++ {
			got += weight[j]
			if got >= best { // the later on a tie: the duty comes after its conditions
				best, bi, bj = got, i, j
			}
		}
	}
	if best <= 0 {
		return clipClause(s, n-1)
	}
	return s[starts[bi]:ends[bj]] + "。"
}

// sentencesOf splits spoken text after each full stop.
func sentencesOf(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexAny(s, "。？！")
		if i < 0 {
			out = append(out, s)
			break
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		out = append(out, s[:i+n])
		s = s[i+n:]
	}
	return out
}

// inLang is a clause as an answer in l says it: as printed in Chinese; in
// English not at all (the details quote it).
func inLang(l Lang, clause string) string {
	if l == EN {
		return ""
	}
	return clause
}

// saidMostly reports whether text says at least half of clause's pairs of
// characters.
func saidMostly(text, clause string) bool {
	var rs []rune
	for _, r := range clause {
		if r > 0x2e80 && !strings.ContainsRune("，。；、：（）“”", r) {
			rs = append(rs, r)
		}
	}
	said := 0
	for i := 1; i < len(rs); i++ {
		if strings.Contains(text, string(rs[i-1:i+1])) {
			said++
		}
	}
	return len(rs) > 1 && 2*said >= len(rs)-1
}

// stands reports whether a word a caller said, or the texts' word for it,
// stands whole in a clause: an unused word the clause only shares a part
// of (开渣土车 and 第三条's 工程渣土) is no detail the clause answers.
func (w *textWords) stands(word, clause string) bool {
	if strings.Contains(clause, word) {
		return true
	}
	return slices.ContainsFunc(w.saidIn(word), func(i int) bool { return strings.Contains(clause, w.Said[w.keys[i]]) })
}
