package hotline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/clause"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// NotUnderstood is the verdict of a call in which nothing to decide on was
// understood: the answer says what was understood and what to ask.
const NotUnderstood engine.Verdict = "not_understood"

// Hotline answers callers' questions with an engine. It is immutable and
// safe for concurrent use; its segmenter and dictionaries are built once,
// by New.
type Hotline struct {
	eng *engine.Engine
	p   *parser
	cat *Catalog
	voc *vocab.Vocabulary
	// generic strips what every document title has (genericWords).
	generic *strings.Replacer
	// formal writes a caller's everyday words as titles do (垂钓 for 钓鱼:
	// mandarin.yaml title_formal).
	formal *strings.Replacer
	// months are the months' names to say a day with, by language
	// (catalogue cal.months): January … in English.
	months map[Lang][]string
	// texts are the notices' own texts (texts/ beside the rules), and tw
	// the words a call is matched against them with (texts.yaml).
	texts *clause.Index
	tw    *textWords
	// penaltyBans are the rules read from the clause that punishes their
	// act (notice number and rule id): their answers say the penalty
	penaltyBans map[[2]string]bool
	// penaltyActs are the activities those rules cover (found before the
	// reasons, which are a copy, are read)
	penaltyActs map[string]bool
	// ownRules are the rules naming each activity itself (not a kind above
	// it), found at load time
	ownRules map[*rules.Activity][]*rules.Rule
	// listed are the acts no notice covers that listed documents are
	// about (vocabulary listed:), each with those documents, found at load
	listed []listedAct
}

// WithEngine returns a Hotline with h's words answering from e, which must
// decide with h's rule set (the same rules with another conditions feed,
// engine.Refeed): nothing is re-read. For other rules, build one with New.
func (h *Hotline) WithEngine(e *engine.Engine) (*Hotline, error) {
	if e == nil || e.Rules() != h.eng.Rules() {
		return nil, errors.New("hotline: WithEngine needs an engine on the same rule set; build a new Hotline for other rules")
	}
	cp := *h
	cp.eng = e
	return &cp, nil
}

// Root is a rule root whose vocabulary/ directory the hotline reads.
type Root = vocab.Root

// New builds a Hotline on an engine. Its words come from the vocabulary
// directories of roots (vocabulary/*.yaml beside the rules), or, with no
// roots, from the embedded rule base's. It fails, naming file:line:col,
// if a vocabulary file names an activity, fact or festival the rule set
// and calendar do not know.
func New(eng *engine.Engine, roots ...Root) (*Hotline, error) {
	if len(roots) == 0 {
		roots = []Root{{FS: rules.EmbeddedFS(), Name: "embedded"}}
	}
	voc, err := vocab.Load(context.Background(), eng.Rules(), eng.Calendar(), roots...)
	if err != nil {
		return nil, err
	}
	g, err := loadGrammar()
	if err != nil {
		return nil, err
	}
	// the notices' texts are indexed beside the parser (they share
	// nothing): on two cores New waits for the longer of the two
	type textsOf struct {
		idx *clause.Index
		err error
	}
	textsDone := make(chan textsOf, 1)
	go func() {
		idx, err := clause.Load(context.Background(), eng.Rules(), roots...)
		textsDone <- textsOf{idx, err}
	}()
	p, err := newParser(eng.Rules(), eng.Calendar(), voc, g)
	tx := <-textsDone
	if err != nil {
		return nil, err
	}
	p.issuers = docPrefixes(eng)
	p.clocked = clockedWindows(eng)
	cat, err := EmbeddedCatalog()
	if err != nil {
		return nil, err
	}
	cat.Facts = map[string]factText{}
	for name, q := range voc.Questions {
		ft := factText{Question: text(q.Question), Subject: text(q.Subject), Values: map[string]text{}}
		for v, t := range q.Values {
			ft.Values[v] = text(t)
		}
		cat.Facts[name] = ft
	}
	for _, a := range p.termAsks {
		for _, t := range a.unstated {
			if _, ok := cat.Messages["term_name."+t]; !ok {
				return nil, fmt.Errorf("hotline: the vocabulary's asks name the unstated term %q, which the catalogue does not name (term_name.%s)", t, t)
			}
		}
	}
	months := map[Lang][]string{}
	for _, l := range []Lang{ZH, EN} {
		if months[l] = strings.Fields(cat.T(l, "cal.months")); len(months[l]) != 12 {
			return nil, fmt.Errorf("hotline: catalogue cal.months (%s) names %d months, want 12", l, len(months[l]))
		}
	}
	formal := make([]string, 0, 2*len(g.TitleFormal))
	for _, w := range keys(g.TitleFormal) {
		formal = append(formal, w, g.TitleFormal[w])
	}
	texts, err := tx.idx, tx.err
	if err != nil {
		return nil, err
	}
	tw, err := loadTextWords()
	if err != nil {
		return nil, err
	}
	bans, banActs := penaltyBans(eng)
	generic := genericWords(eng, g)
	p.numbered = numberedDocs(eng, generic)
	listed, err := listedActs(eng.Register(), voc.Listed)
	if err != nil {
		return nil, err
	}
	return &Hotline{eng: eng, p: p, cat: cat, voc: voc, generic: generic, formal: strings.NewReplacer(formal...), months: months,
		texts: texts, tw: tw, penaltyBans: bans, penaltyActs: banActs, ownRules: rulesNaming(eng.Rules()), listed: listed}, nil
}

// listedAct is an act no notice covers and the register's documents
// whose titles say what it is about.
type listedAct struct {
	words []string
	docs  []register.Entry
}

// listedActs finds, for each of the vocabulary's listed acts, the
// register's documents whose title holds its title words: none is an
// error at the entry's file:line:col. With no register of documents (a
// bundle without register.yaml has only the rule set's own notices),
// nothing is listed: the vocabulary is checked against a register only.
func listedActs(reg *register.Register, ls []vocab.Listed) ([]listedAct, error) {
	if reg == nil {
		return nil, nil
	}
	if _, _, _, _, ok := reg.Clause(); !ok {
		return nil, nil
	}
	var out []listedAct
	var errs rules.ErrorList
	for _, l := range ls {
		var docs []register.Entry
		for _, e := range reg.Entries() {
			if strings.Contains(e.Title, l.Title) {
				docs = append(docs, e)
			}
		}
		if len(docs) == 0 {
			errs = append(errs, &rules.Error{File: l.File, Pos: l.Pos, Msg: fmt.Sprintf("listed: no document of the register has %q in its title", l.Title)})
			continue
		}
		out = append(out, listedAct{words: l.Words, docs: docs})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// listedSaid says which listed document in force on the day asked may
// rule an act no notice covers (我在湘江边上钓鱼: the angling notice), ""
// when none does: the rule base lists it, without its text.
func (h *Hotline) listedSaid(l Lang, q *Query) string {
	reg := h.eng.Register()
	for _, la := range h.listed {
		if !slices.ContainsFunc(la.words, func(w string) bool { return strings.Contains(q.Act, w) }) {
			continue
		}
		for _, e := range la.docs {
			if reg.Status(e.Number, q.Date).Status == register.InForce {
				return h.cat.T(l, "no_rule.listed", "title", e.Title, "number", e.Number.String())
			}
		}
	}
	return ""
}

// rulesNaming maps each activity a rule names to the rules naming it.
func rulesNaming(set *rules.Set) map[*rules.Activity][]*rules.Rule {
	own := map[*rules.Activity][]*rules.Rule{}
	for _, n := range set.Notices {
		for _, r := range n.Rules {
			for _, a := range r.Activities {
				own[a] = append(own[a], r)
			}
		}
	}
	return own
}

// genericWords strips, before titles are compared, the words every title
// has (mandarin.yaml's title_words) and the issuers the rule set names,
// longest first.
func genericWords(eng *engine.Engine, g *grammar) *strings.Replacer {
	words := slices.Clone(g.TitleWords)
	for _, n := range eng.Rules().Notices {
		if n.Issuer != "" && !slices.Contains(words, n.Issuer) {
			words = append(words, n.Issuer)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		return len(words[i]) > len(words[j]) || len(words[i]) == len(words[j]) && words[i] < words[j]
	})
	pairs := make([]string, 0, 2*len(words))
	for _, w := range words {
		pairs = append(pairs, w, "\x00")
	}
	return strings.NewReplacer(pairs...)
}

func docPrefixes(eng *engine.Engine) []string {
	var out []string
	add := func(number string) {
		if i := strings.Index(number, "〔"); i > 0 && !slices.Contains(out, number[:i]) {
			out = append(out, number[:i])
		}
	}
	for _, n := range eng.Rules().Notices {
		add(n.Number)
	}
	if reg := eng.Register(); reg != nil {
		for _, e := range reg.Entries() {
			add(e.Number.String())
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}

// RootsOf is the roots of rule directories on disk, for New.
func RootsOf(fsys fs.FS, name string) []Root { return []Root{{FS: fsys, Name: name}} }

// Engine returns the engine the hotline decides with.
func (h *Hotline) Engine() *engine.Engine { return h.eng }

// Catalog returns the hotline's catalogue, with the rule set's follow-up
// questions.
func (h *Hotline) Catalog() *Catalog { return h.cat }

// Pinyin returns s's toneless pinyin ("shaotiangeng") and its initials
// ("stg"), each character read by its most common reading: what an
// operator types to find an activity.
func (h *Hotline) Pinyin(s string) (full, initials string) { return h.p.py.Of(s) }

// Vocabulary returns the rule set's vocabulary.
func (h *Hotline) Vocabulary() *vocab.Vocabulary { return h.voc }

// Parse turns a question asked on day today into a query: the first act
// asked about. It never fails: what it did not understand is listed in
// NotUnderstood.
func (h *Hotline) Parse(question string, today calendar.Date) *Query {
	return h.p.understandCall(question, today).queries[0]
}

// Request is one question to answer.
type Request struct {
	Question string
	// Today is the day of the call, in China: relative words (明天, 下周三)
	// count from it, and it is the day asked about when none is said.
	// When zero, At's day is used.
	Today calendar.Date
	// At, when it names a minute, is the moment of the call (China time):
	// a question that names neither a day nor a time of its own (现在,
	// or nothing) is decided for that minute, as if the caller had said
	// it, so that a window with hours (a nightly ban) answers for now.
	// A day or a time the question names wins.
	At calendar.Moment
	// Date, if set, replaces the day read from the question (the operator
	// corrected it).
	Date *calendar.Date
	// Activity, if set, replaces the activity read from the question.
	Activity string
	// Facts are added to (and win over) the facts read from the question:
	// the caller's reply to a follow-up question, or the operator's edits.
	Facts engine.Facts
	Lang  Lang
	// Place, if set, is the division asked about (a code, or a name from
	// the rules' divisions tables): the notices of other places are left
	// out (see engine.Query.Place).
	Place string
	// Published are facts a data feed published for the day (a run of
	// high fire-danger days): used where neither the caller nor Facts
	// says otherwise, and the answer names the source.
	Published []Published
}

// Published is one fact from a published source, e.g. {high_danger_days,
// 3, "市气象局森林火险等级预报"}.
type Published struct {
	Fact   string `json:"fact"`
	Value  any    `json:"value"`
	Source string `json:"source"`
}

// Reply is one answer a caller may give to a follow-up question.
type Reply struct {
	Label string `json:"label"`
	// Facts are the facts to add to the query for this reply.
	Facts   map[string]any `json:"facts"`
	Verdict engine.Verdict `json:"verdict"`
	// Answer is the short answer after this reply.
	Answer string `json:"answer"`
}

// FollowUp is a question for the caller whose answer decides the verdict.
type FollowUp struct {
	Fact     string  `json:"fact"`
	Question string  `json:"question"`
	Replies  []Reply `json:"replies"`
}

// Details are what the operator may read on but the caller does not hear
// by default: full quotations, the windows, what happens to violators,
// contacts, notes, the readings used, and each outcome.
type Details struct {
	Why        []string `json:"why"`
	Outcomes   []string `json:"outcomes,omitempty"`
	NextChange string   `json:"next_change,omitempty"`
	// DayParts, for a question about a day under a window with times of
	// day, says the hours whose answer differs: 当天0点到6点不可以。
	DayParts        string   `json:"day_parts,omitempty"`
	Windows         []string `json:"windows,omitempty"`
	Penalties       []string `json:"penalties,omitempty"`
	Contacts        []string `json:"contacts,omitempty"`
	Terms           []string `json:"terms,omitempty"`
	Notes           []string `json:"notes,omitempty"`
	Interpretations []string `json:"interpretations,omitempty"`
	NotUnderstood   []string `json:"not_understood,omitempty"`
	// RuledOut, for a no_rule answer, are the rules in force that day
	// that govern the act but whose reach the caller's facts put it
	// outside of (a distance beyond the zone, indoors, a township).
	RuledOut []RuledOut `json:"ruled_out,omitempty"`
}

// RuledOut is a rule that governs the act asked about on the day asked,
// and the facts said that take the act out of its reach: without them the
// answer would not be no_rule.
type RuledOut struct {
	// Rules are "notice article" of each rule the facts took it out of.
	Rules []string `json:"rules"`
	// Facts are the facts said that did, and Words the caller's words
	// for them (empty for a fact given by the operator).
	Facts []string `json:"facts"`
	Words []string `json:"words,omitempty"`
	// Reach is what the rules cover of those facts (不超过100米, 重点森林防火区),
	// when it can be said as a value; "" otherwise.
	Reach string `json:"reach,omitempty"`
	// Verdict is the answer without the facts.
	Verdict engine.Verdict `json:"verdict"`

	said map[string]any // the facts' values as the query gave them
}

// DocumentAnswer is the register's answer about a document.
type DocumentAnswer struct {
	Number     string         `json:"number"`
	Title      string         `json:"title,omitempty"`
	Status     string         `json:"status"`
	ValidFrom  *calendar.Date `json:"valid_from,omitempty"`
	ValidUntil *calendar.Date `json:"valid_until,omitempty"`
	ChangedBy  string         `json:"changed_by,omitempty"`
	Notes      []string       `json:"notes"`
	// Candidates are the documents a number alone may mean (7号文件).
	Candidates []string `json:"candidates,omitempty"`
}

// Answer is what the operator reads out, with what it rests on. Answer is
// the spoken text: its first sentence (Headline, at most 40 characters)
// says the verdict and the day; the whole is at most 150 characters. The
// rest is in Details.
type Answer struct {
	Intent  Intent         `json:"intent"`
	Query   *Query         `json:"query"`
	Verdict engine.Verdict `json:"verdict"`
	// VerdictText is the verdict as said in the answer's language (不可以,
	// 要看情况; for a call of several, its gravest answer's), what the
	// operator page shows in large type; empty for an answer with no
	// verdict (a document, a report number, a period, not understood).
	VerdictText string `json:"verdict_text,omitempty"`
	Answer      string `json:"answer"`
	Headline    string `json:"headline"`
	// Ask is the one question to put to the caller next, if any: the
	// follow-up question, or, when nothing was understood, what to ask.
	Ask     string   `json:"ask,omitempty"`
	Details *Details `json:"details"`
	// FollowUp holds the question whose reply decides a conditional
	// answer, with the answer to each reply (empty unless conditional).
	FollowUp []FollowUp `json:"follow_up"`
	// Status and Document answer a question about a document.
	Status   string          `json:"status,omitempty"`
	Document *DocumentAnswer `json:"document,omitempty"`
	// Answers are the answers to each question of a call that asked
	// several.
	Answers []*Answer `json:"answers,omitempty"`
	// Unanswered counts the acts asked about beyond the first MaxAnswers
	// of a call: not decided (the spoken answer says so).
	Unanswered int              `json:"unanswered,omitempty"`
	Reasons    []engine.Reason  `json:"reasons"`
	Decision   *engine.Decision `json:"decision"`
	Lang       Lang             `json:"lang"`
	// asked are the spoken sentences after the headline that say what the
	// question asked of the rules (the terms, the rule a special case
	// points to): what a call asking several things of one act hears of
	// each
	asked []string
	// headSaysTerm: the headline says a term asked (缴费：400元, 有等待期
	// 90天, 到12月31日截止), so asked[0] adds to what it answers rather
	// than being the answer
	headSaysTerm bool
}

// Ask reads the question, applies the request's corrections and added
// facts, decides and renders the answer. Every question gets an answer:
// one naming nothing the rule base knows is answered NotUnderstood (or
// no_rule, naming the act understood); several questions in one call get
// several answers in Answers. The error is for a request the engine
// cannot take: an unknown activity given by name, contradictory facts.
func (h *Hotline) Ask(req Request) (*Answer, *Query, error) {
	if req.Today == (calendar.Date{}) {
		req.Today = req.At.Day()
	}
	u := h.p.understandCall(req.Question, req.Today)
	if t, ok := req.At.DateTime(); ok && req.Date == nil {
		for _, q := range u.queries {
			q.callMinute(t, req.Today)
		}
		if u.told != nil {
			u.told.callMinute(t, req.Today)
		}
	}
	a, q, err := h.ask(u, req)
	if a != nil {
		a.setVerdictText(h.cat)
	}
	return a, q, err
}

// setVerdictText fills VerdictText, in each answer of a call.
func (a *Answer) setVerdictText(c *Catalog) {
	switch a.Verdict {
	case engine.Forbidden, engine.Allowed, engine.Conditional, engine.NoRule:
		a.VerdictText = c.Verdict(a.Lang, string(a.Verdict))
	}
	for _, s := range a.Answers {
		s.setVerdictText(c)
	}
}

// ask answers what the call was understood to ask.
func (h *Hotline) ask(u *understanding, req Request) (*Answer, *Query, error) {
	switch u.intent {
	case IntentDocument:
		a := h.document(u, req)
		return a, a.Query, nil
	case IntentReport:
		a := h.report(u, req)
		return a, a.Query, nil
	case IntentWhen:
		a := h.period(u, req)
		// (the operator's re-check, the call's own act filled in, gets the
		// same verdict as the call)
		if u.ownAct && len(u.queries) == 1 && u.queries[0].Activity != "" && (req.Activity == "" || req.Activity == u.queries[0].Activity) {
			h.withVerdict(a, u.queries[0], req)
		}
		// 禁火区域有好大范围: a period answers no question of how far
		if t := h.wantedDetail(a.Query, a, req.Lang); t != nil {
			a = t
		}
		return a, a.Query, nil
	case IntentDuty:
		a := h.duty(u, req)
		return a, a.Query, nil
	}
	if len(u.parts) > 0 && req.Activity == "" {
		return h.askParts(u, req)
	}
	if u.told != nil && req.Activity == "" {
		// 山上烧纸可以，那在屋里烧呢: the case told allowed is answered
		// first where a rule forbids it, lest the caller do it
		if a, err := h.decide(u.told, req); err == nil && a.Verdict == engine.Forbidden {
			w := *u
			w.queries = append([]*Query{u.told}, u.queries...)
			w.told = nil
			u = &w
		}
	}
	if len(u.queries) == 1 || req.Activity != "" {
		a, err := h.decide(u.queries[0], req)
		if err != nil {
			return nil, u.queries[0], err
		}
		a.Intent = IntentDecision
		// the operator's re-check (the activity and facts filled in) gets
		// the same clause as the call
		if t := h.fromText(a.Query, a, req.Lang); t != nil {
			a = t
		}
		return a, a.Query, nil
	}
	top := &Answer{Intent: IntentSeveral, Lang: req.Lang, Details: &Details{Why: []string{}}, FollowUp: []FollowUp{}, Reasons: []engine.Reason{}}
	var lines []string
	var must []bool
	asked := false // a line says what a question asked, beside the headlines
	worst := engine.NoRule
	for i, q := range u.queries {
		a, err := h.decide(q, req)
		if err != nil {
			return nil, q, err
		}
		a.Intent = IntentDecision
		top.Answers = append(top.Answers, a)
		// the call's grounds are every answer's (渣土车没盖布，一路上撒:
		// 第十九条（四） and its neighbour)
		top.Reasons = append(top.Reasons, a.Reasons...)
		line := h.cat.T(req.Lang, "several", "n", strconv.Itoa(i+1), "text", a.Headline)
		if of := ownWords(u.queries, i); of != "" {
			// 寒露籽和霜降籽都能摘吗: two answers about one act say
			// which is which (1. 寒露籽：可以…  2. 霜降籽：不可以…)
			line = h.cat.T(req.Lang, "several.of", "n", strconv.Itoa(i+1), "of", of, "text", a.Headline)
		}
		lines = append(lines, line)
		must = markMust(must, len(lines), 1)
		if q.ownAsk && len(a.asked) > 0 {
			// 医保最迟几号交 晚了交要等好久才能报: one act asked two things —
			// its headlines alike, each says what its question asked, as
			// room allows (the headlines are never cut for it)
			lines = append(lines, a.asked[0])
			asked = true
			if !a.headSaysTerm {
				// 医保交好多 在哪里交: a headline of 可以 alone answers
				// nothing the clause asked — the term it asked is never
				// cut for another answer's second term
				must = markMust(must, len(lines), 1)
			}
		}
		if ro := a.Details.RuledOut; len(ro) > 0 && !(q.ownAsk && len(a.asked) > 0) {
			// 屋里烤火行不 离山两百米烧田埂行不: what took an answer out of
			// the rules, after its headline, as room allows (the headlines
			// are never cut for it)
			lines = append(lines, h.ruledOutSaid(req.Lang, &ro[0], maxSpoken(req.Lang)/3))
			asked = true
		}
		if rank(a.Verdict) > rank(worst) {
			worst = a.Verdict
		}
	}
	top.Unanswered = u.unanswered
	if !asked {
		must = nil // headlines alone: as many as fit, after what must be said
	}
	h.sumUp(top, lines, must, worst, req.Lang)
	return top, top.Query, nil
}

// sumUp fills a call of several answers' query, verdict (the gravest),
// headline (the first answer's) and spoken text: each answer's line, and
// how many were left unanswered, which is never cut.
func (h *Hotline) sumUp(top *Answer, lines []string, must []bool, worst engine.Verdict, l Lang) {
	top.Query = top.Answers[0].Query
	top.Verdict = worst
	top.Headline = top.Answers[0].Headline
	if top.Unanswered > 0 {
		lines = append(lines, h.cat.T(l, "several.unanswered", "n", strconv.Itoa(top.Unanswered), "max", strconv.Itoa(MaxAnswers)))
		must = markMust(must, len(lines), 1)
	}
	top.Answer = fitKeeping(lines, must, maxSpoken(l))
}

// askParts answers a call of several questions read apart (a document
// number after another question): each part's answers, in the order said.
func (h *Hotline) askParts(u *understanding, req Request) (*Answer, *Query, error) {
	top := &Answer{Intent: IntentSeveral, Lang: req.Lang, Details: &Details{Why: []string{}}, FollowUp: []FollowUp{}, Reasons: []engine.Reason{}}
	var lines []string
	worst := engine.NoRule
	for _, part := range u.parts {
		a, q, err := h.ask(part, req)
		if err != nil {
			return nil, q, err
		}
		subs := []*Answer{a}
		if a.Intent == IntentSeveral {
			subs = a.Answers
		}
		for _, s := range subs {
			if len(top.Answers) == MaxAnswers {
				top.Unanswered++
				continue
			}
			top.Answers = append(top.Answers, s)
			top.Reasons = append(top.Reasons, s.Reasons...)
			lines = append(lines, h.cat.T(req.Lang, "several", "n", strconv.Itoa(len(top.Answers)), "text", s.Headline))
			if rank(s.Verdict) > rank(worst) {
				worst = s.Verdict
			}
		}
	}
	h.sumUp(top, lines, nil, worst, req.Lang)
	return top, top.Query, nil
}

// ownWords are the words of the call's i-th question that tell it from
// another question about the same act (寒露籽 and 霜降籽, 低保户 and 特困户,
// 屋里 and 山上): the facts and places it was read with and the other was
// not; "" when no other question is about its act.
func ownWords(qs []*Query, i int) string {
	q := qs[i]
	var others []*Query
	for j, o := range qs {
		if j != i && o.Activity == q.Activity && (o.Activity != "" || o.Act == q.Act && o.Act != "") {
			others = append(others, o)
		}
	}
	if len(others) == 0 {
		return ""
	}
	var own []string
	for _, u := range q.Understood {
		if u.Kind != "fact" && u.Kind != "place" || slices.Contains(own, u.Words) {
			continue
		}
		shared := false
		for _, o := range others {
			shared = shared || slices.ContainsFunc(o.Understood, func(v Understood) bool { return v.Words == u.Words })
		}
		if !shared && len(own) < 2 {
			own = append(own, u.Words)
		}
	}
	return strings.Join(own, "、")
}

// rank orders verdicts by how much a caller must hear them: a call with
// one forbidden act is summed up as forbidden.
func rank(v engine.Verdict) int {
	switch v {
	case engine.Forbidden:
		return 4
	case engine.Conditional:
		return 3
	case engine.Allowed:
		return 2
	case engine.NoRule:
		return 1
	}
	return 0
}

// The spoken text's limits, in characters: a Chinese first sentence of at
// most 40, the whole at most 150; English takes about three times the
// characters to say the same.
func maxHeadline(l Lang) int {
	if l == EN {
		return 120
	}
	return 40
}

func maxSpoken(l Lang) int {
	if l == EN {
		return 450
	}
	return 150
}

// fit joins sentences while the whole stays within max characters; the
// first is always kept.
func fit(sentences []string, max int) string {
	return fitKeeping(sentences, nil, max)
}

// fitKeeping is fit that keeps, before any other, the sentences marked in
// must (the headline, the outcomes that decide a conditional answer, the
// question to ask): the others fill what room is left, in order, and the
// text keeps the order said.
func fitKeeping(sentences []string, must []bool, max int) string {
	keep := func(i int) bool { return i == 0 || i < len(must) && must[i] }
	size := func(s string) int { // with a space after an English sentence
		if isASCIIEnd(s) {
			return utf8.RuneCountInString(s) + 1
		}
		return utf8.RuneCountInString(s)
	}
	room := max
	if len(sentences) > 0 && isASCIIEnd(sentences[0]) {
		room++ // no space after the last
	}
	reserved := 0
	take := make([]bool, len(sentences))
	for pass := 0; pass < 2; pass++ {
		for i, s := range sentences {
			if s != "" && !take[i] && keep(i) == (pass == 0) && (i == 0 || reserved+size(s) <= room) {
				take[i], reserved = true, reserved+size(s)
			}
		}
	}
	var b strings.Builder
	n := 0
	for i, s := range sentences {
		if !take[i] {
			continue
		}
		sep := ""
		if n > 0 && isASCIIEnd(b.String()) {
			sep = " " // English sentences are spaced
		}
		if i > 0 && n+utf8.RuneCountInString(s)+len(sep) > max {
			continue
		}
		b.WriteString(sep + s)
		n += utf8.RuneCountInString(s) + len(sep)
	}
	return b.String()
}

func isASCIIEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r < 0x80
}
