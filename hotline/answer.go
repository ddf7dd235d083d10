package hotline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/clause"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
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

// decide answers one query.
func (h *Hotline) decide(q *Query, req Request) (*Answer, error) {
	c, l := h.cat, req.Lang
	if req.Date != nil {
		if *req.Date != q.Date {
			q.DateWords = "" // another day than the words said
		}
		q.Date, q.badDay = *req.Date, false
	}
	if req.Activity != "" {
		a, err := h.eng.Activity(req.Activity)
		if err != nil {
			return nil, err
		}
		q.Activity, q.ActivityName, q.ActivityEN, q.Act = a.ID, a.Name, a.EN, ""
	}
	h.yearWindow(q, req.Today)
	h.afterPeriod(q, req.Today)
	for k, v := range req.Facts {
		if r, ok := v.(engine.Range); ok {
			q.Facts[k] = Span{Min: r.Lo, Max: r.Hi}
			continue
		}
		q.Facts[k] = v
	}
	if req.Place != "" {
		q.Place = req.Place
	}
	h.duringPeriod(q, req.Today)
	h.earlyDay(q, req)
	for _, p := range req.Published {
		if _, said := q.Facts[p.Fact]; !said && p.Fact != "" {
			q.Facts[p.Fact] = p.Value
			q.Published = append(q.Published, p)
		}
	}
	if q.Activity == "" || q.badDay {
		return h.notDecided(q, l), nil
	}
	if q.outside != "" && q.Place == "" {
		if !h.p.anywhereAct(q.Activity) {
			return h.outsideAnswer(q, l), nil
		}
		// 我在长沙交医保: the person's place, which the rules speak of
		// themselves (户籍地, 常住地), not the act's
		q.outside = ""
		q.Understood = slices.DeleteFunc(q.Understood, func(u Understood) bool { return u.Kind == "place" && u.Value == "" })
	}
	if req.Activity == "" {
		// 拉茶果的货车车厢里坐人, 老板请我去摘: the kind the caller's facts
		// make the act (carrying people while hauling oil-tea fruit, picking
		// as a hired picker) is asked about and named — and where no rule
		// names the act itself (拉茶果的货车装超了), it is the kind a rule
		// names
		if k := h.kindSaid(q); k != nil {
			q.Activity, q.ActivityName, q.ActivityEN = k.ID, k.Name, k.EN
		}
	}
	d, err := h.eng.Decide(q.engineQuery(q.EngineFacts()))
	var fe *engine.FactError
	if err != nil && errors.As(err, &fe) && fe.Contradiction && fe.Activity != "" && req.Activity == "" {
		// 灶屋里烧稻草: the place said contradicts what the act's words
		// imply (露天焚烧 is outdoors): the act is not that kind. The
		// nearest kind above it that implies nothing of the fact is asked
		// about; with none, no rule is named for the words said.
		if a, ok := h.eng.Rules().Activity(q.Activity); ok {
			kept := false
			for p := a.Parent; p != nil; p = p.Parent {
				if !impliesFact(p, fe.Fact) {
					eq := q.engineQuery(q.EngineFacts())
					eq.Activity = p.ID
					pd, perr := h.eng.Decide(eq)
					if perr == nil && pd.Verdict == engine.Allowed {
						// 请了人去偷摘: the kind above is 可以 on the fact
						// said, where the act's own word says the opposite
						// (偷摘 is no right to pick). A 可以 never comes of
						// dropping the words of the act asked: it is
						// decided on its own words, without that fact.
						aq := q.engineQuery(q.EngineFacts())
						delete(aq.Facts, fe.Fact)
						ad, aerr := h.eng.Decide(aq)
						var ae *engine.FactError
						if aerr != nil && errors.As(aerr, &ae) && ae.Contradiction {
							// 跑到自家山上抢摘: the fact is derived (own_land →
							// picking_right), so the said facts it follows from
							// go too — whose hill it is does not make a
							// snatching a picking
							if dq, dropped := dropNamed(aq, ae.Msg); len(dropped) > 0 {
								ad, aerr = h.eng.Decide(dq)
							}
						}
						if aerr == nil && ad.Verdict != engine.Allowed {
							d, err, kept = ad, nil, true
							break
						}
					}
					q.Activity, q.ActivityName, q.ActivityEN = p.ID, p.Name, p.EN
					d, err = pd, perr
					break
				}
			}
			if q.Activity == a.ID && !kept {
				q.Act = actSaid(q)
				q.Activity, q.ActivityName, q.ActivityEN = "", "", ""
				return h.notDecided(q, l), nil
			}
		}
	} else if err != nil && errors.As(err, &fe) && fe.Contradiction && req.Activity == "" {
		// 离林子200米炼山: what the act's words imply (炼山 is on forest
		// land) contradicts a fact said through the rules' implications.
		// The nearest kind above it that implies nothing is asked about,
		// if the caller's facts hold there; if not, they contradict each
		// other, and that is said as before.
		if a, ok := h.eng.Rules().Activity(q.Activity); ok && len(a.Implies) > 0 {
			for p := a.Parent; p != nil; p = p.Parent {
				if len(p.Implies) > 0 {
					continue
				}
				eq := q.engineQuery(q.EngineFacts())
				eq.Activity = p.ID
				if pd, perr := h.eng.Decide(eq); perr == nil {
					if pd.Verdict == engine.Allowed {
						// 几个人跑到自家山上抢摘: 抢摘 says no right to pick,
						// the hill's holder says one — the act is decided on
						// its own words without the facts that contradict
						// them: a 可以 never comes of dropping the act's words
						if dq, dropped := dropNamed(q.engineQuery(q.EngineFacts()), fe.Msg); len(dropped) > 0 {
							if ad, aerr := h.eng.Decide(dq); aerr == nil && ad.Verdict != engine.Allowed {
								d, err = ad, nil
								break
							}
						}
					}
					q.Activity, q.ActivityName, q.ActivityEN = p.ID, p.Name, p.EN
					d, err = pd, nil
				}
				break
			}
		}
	}
	if err != nil && errors.As(err, &fe) && fe.Contradiction && len(req.Facts) == 0 && fe.Fact != engine.PlaceFact {
		// 屋里要摆酒…在屋门口放鞭炮: places said in different clauses of a
		// long call contradict each other (indoors ⇒ not in the yard). Not
		// guessed between: every fact the contradiction names is dropped
		// and the act decided without them, so the answer asks where.
		if dq, dropped := dropContradicted(q, fe.Msg); len(dropped) > 0 {
			if dd, derr := h.eng.Decide(dq); derr == nil {
				d, err = dd, nil
				if ad, kept := h.sameEitherWay(dq, dropped); kept != "" && dd.Verdict == engine.Conditional {
					// 老人家上山那天烧纸，离山五十米: on the hill or fifty
					// metres off it, the ban holds either way — said so,
					// not asked. The fact kept is the one the rest of the
					// answer (the day it changes) is decided with.
					d = ad
					for name := range dropped {
						if name != kept {
							delete(q.Facts, name)
						}
					}
				}
			}
		}
	}
	if err != nil {
		if errors.As(err, &fe) && len(req.Facts) == 0 && fe.Fact != engine.PlaceFact {
			// Facts read from the question that contradict each other are
			// not guessed between: ask.
			q.NotUnderstood = append(q.NotUnderstood, fe.Error())
			return h.notDecided(q, l), nil
		}
		return nil, err
	}
	if d, err = h.spanOfDay(q, d); err != nil {
		return nil, err
	}
	if d.Verdict == engine.Conditional || d.Verdict == engine.Allowed {
		d = h.presume(q, d)
	}
	d = hoursOfDay(q, d)
	d = daysOfStretch(q, d)
	if q.Unread > 0 && d.Verdict == engine.Allowed {
		// what was not read may have changed it: never 可以 on part of a call
		return h.unreadAllowed(q, l), nil
	}
	if d.Verdict == engine.Allowed {
		for _, at := range q.unstated {
			for _, t := range at.unstated {
				if !givesTerm(d, t) {
					// 看病能报多少, 交了的医保能退吗: the rules say nothing
					// of it — not 可以 for enrolling
					return h.termNotGiven(q, d, l, t, at.terms), nil
				}
			}
		}
	}
	a := h.Render(q, d, l)
	_ = c
	return a, nil
}

// presume reads a call's silence on a fact the answer depends on as the
// vocabulary's unsaid value for it (questions.yaml: a works not said to be
// an emergency is not one, 第十七条 being an exception the works claim),
// and decides again with it — unless that would answer 可以: an answer is
// never allowed by what the caller did not say. The facts so read are
// q.presumed; the answer says the other outcome (Render).
func (h *Hotline) presume(q *Query, d *engine.Decision) *engine.Decision {
	var set []string
	unknown := d.UnknownFacts()
	if d.Verdict == engine.Allowed {
		// no fact changes 可以: those a reason that may apply waits on
		unknown = mayApplyFacts(d)
	}
	for _, f := range unknown {
		qu, ok := h.voc.Questions[f]
		if !ok || qu.Unsaid == nil {
			continue
		}
		if _, said := q.Facts[f]; said {
			continue
		}
		fact, ok := h.eng.Rules().Fact(f)
		if !ok {
			continue
		}
		var v any = fact.Canonical(qu.Unsaid.Value)
		if fact.Kind == cond.Bool {
			v = qu.Unsaid.Value == "true"
		}
		q.Facts[f] = v
		set = append(set, f)
	}
	if len(set) == 0 {
		return d
	}
	nd, err := h.eng.Decide(q.engineQuery(q.EngineFacts()))
	unset := func() {
		for _, f := range set {
			delete(q.Facts, f)
		}
	}
	switch {
	case err != nil:
		unset()
		return d
	case d.Verdict == engine.Allowed:
		// 可以 already, whatever the fact (出渣 with 核准: 第十五条): the
		// silence only drops the exception's reason, which would be cited
		// as if it applied (第十七条 with no emergency said); the exception
		// is not said, as the answer needs none
		unset()
		if nd.Verdict == engine.Allowed {
			return nd
		}
		return d
	case nd.Verdict == engine.Allowed:
		unset()
		return d
	}
	q.presumed = set
	return nd
}

// mayApplyFacts are the facts the reasons of d that may apply depend on.
func mayApplyFacts(d *engine.Decision) []string {
	var out []string
	for _, r := range d.Reasons() {
		if r.Status != "may_apply" {
			continue
		}
		for _, f := range r.DependsOn {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// interpretation is the rule set's interpretation id, nil if none has it.
func (h *Hotline) interpretation(id string) *rules.Interpretation {
	for _, n := range h.eng.Rules().Notices {
		for _, it := range n.Interpretations {
			if it.ID == id {
				return it
			}
		}
	}
	return nil
}

// silentTexts says, for each term asked in words a notice's text would
// state it in (asks' text: 登记, 报备), the deciding notices whose text
// holds none of those words: 摘茶籽要去哪里登记 hears that 祁政通〔2024〕8号
// says nothing of registering, beside the picking's own answer, whose
// verdict stands. A notice the rule base has no text of (title only) is
// never said silent, nor one whose text holds a word (办法 第十三条's 备案).
func (h *Hotline) silentTexts(l Lang, q *Query, d *engine.Decision) []string {
	var out []string
	for _, at := range q.inText {
		var silent []string
		for _, r := range d.Reasons() {
			if r.Notice == "" || slices.Contains(silent, r.Notice) {
				continue
			}
			if t := h.noticeText(r.Notice); t != nil && !textHolds(t, at.text) {
				silent = append(silent, r.Notice)
			}
		}
		if len(silent) == 0 {
			continue
		}
		for _, term := range at.unstated {
			out = append(out, h.cat.T(l, "term.not_in_text", "notice", strings.Join(silent, h.cat.T(l, "list.sep")), "term", h.cat.T(l, "term_name."+term)))
		}
	}
	return out
}

// noticeText is the text of the notice numbered number, nil if the rule
// base has none.
func (h *Hotline) noticeText(number string) *clause.Text {
	if h.texts == nil {
		return nil
	}
	for _, t := range h.texts.Texts {
		if t.Notice != nil && t.Notice.Number == number {
			return t
		}
	}
	return nil
}

// textHolds reports whether an article of t holds one of words.
func textHolds(t *clause.Text, words []string) bool {
	for _, a := range t.Articles {
		for _, w := range words {
			if strings.Contains(a.Text, w) {
				return true
			}
		}
	}
	return false
}

// givesTerm: a reason of d states the term.
func givesTerm(d *engine.Decision, name string) bool {
	for _, r := range d.Reasons() {
		for _, t := range r.Terms {
			if t.Name == name {
				return true
			}
		}
	}
	return false
}

// expiredSaid says, for an answer of no rule, each notice that governed the
// act but whose validity had ended by the day asked (盐城's examination
// notice asked of July): the caller hears that the rule is gone, not that
// there never was one. The engine's no_current_notice note says which.
func (h *Hotline) expiredSaid(l Lang, d *engine.Decision, q *Query) []string {
	var out []string
	for _, n := range d.Notes() {
		if n.Code != "no_current_notice" {
			continue
		}
		to, err := calendar.ParseDate(n.Args["to"])
		if err != nil {
			continue
		}
		out = append(out, h.cat.T(l, "no_rule.expired", "notice", n.Notice, "to", h.day(l, to, q)))
	}
	return out
}

// termNotGiven answers a question for a term no rule states (看病能报多少):
// no rule on it, naming it, then the terms the rules do state beside it
// (the vocabulary's: what they say of the benefits), if any.
func (h *Hotline) termNotGiven(q *Query, d *engine.Decision, l Lang, term string, beside []string) *Answer {
	c := h.cat
	a := h.Render(q, d, l)
	a.Verdict = engine.NoRule
	a.FollowUp, a.Ask = []FollowUp{}, ""
	name := c.T(l, "term_name."+term)
	a.Headline = h.headFit(l, "head.no_term", h.actWords(q, d, l), h.whenOf(l, d.Date, q), "term", name)
	spoken := []string{a.Headline}
	if len(beside) > 0 {
		bq := *q
		bq.asks, bq.terms = askFlags{}, beside
		spoken = append(spoken, h.terms(l, &bq, d)...)
	}
	spoken = append(spoken, c.T(l, "no_rule.not_allowed"))
	must := make([]bool, len(spoken))
	must[0], must[len(must)-1] = true, true
	a.Answer = fitKeeping(spoken, must, maxSpoken(l))
	return a
}

// outsideAnswer answers a call about a place no loaded notice covers
// (北京今天能放鞭炮吗): no rule, saying the rule base holds no notices for
// it — never another place's answer.
func (h *Hotline) outsideAnswer(q *Query, l Lang) *Answer {
	c := h.cat
	a := &Answer{Query: q, Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood}, FollowUp: []FollowUp{}, Reasons: []engine.Reason{}, Lang: l,
		Verdict: engine.NoRule}
	act := q.ActivityName
	if l == EN && q.ActivityEN != "" {
		act = q.ActivityEN
	}
	a.Headline = c.T(l, "head.no_place_notices", "place", q.outside, "act", act, "when", h.whenOf(l, q.Date, q))
	if utf8.RuneCountInString(a.Headline) > maxHeadline(l) {
		// a long act's name: the place alone
		a.Headline = c.T(l, "head.short.no_place_notices", "place", q.outside)
	}
	a.Answer = fit([]string{a.Headline, c.T(l, "no_rule.not_allowed")}, maxSpoken(l))
	return a
}

// notDecided answers a query with no activity: no_rule naming an act no
// rule covers, or NotUnderstood with the question to ask.
func (h *Hotline) notDecided(q *Query, l Lang) *Answer {
	c := h.cat
	a := &Answer{Query: q, Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood}, FollowUp: []FollowUp{}, Reasons: []engine.Reason{}, Lang: l}
	switch {
	case !q.badDay && h.placeAsked(q, a):
	case q.Act != "" && !q.badDay:
		a.Verdict = engine.NoRule
		a.Headline = c.T(l, "head.no_rule_act", "act", q.Act, "when", h.whenOf(l, q.Date, q))
		a.Answer = fitKeeping([]string{a.Headline, h.listedSaid(l, q), c.T(l, "no_rule.not_allowed")}, []bool{true, false, true}, maxSpoken(l))
	case q.badDay:
		a.Verdict = NotUnderstood
		a.Headline = c.T(l, "head.bad_day", "words", strings.Join(q.badWords, c.T(l, "list.sep")))
		if q.unknownDay {
			a.Headline = c.T(l, "head.unknown_day", "words", strings.Join(q.badWords, c.T(l, "list.sep")))
		}
		if q.unplacedDay {
			a.Headline = c.T(l, "head.unplaced_day", "words", strings.Join(q.badWords, c.T(l, "list.sep")))
		}
		if len(q.badWords) == 0 {
			a.Headline = c.T(l, "head.bad_day.unsaid")
		}
		a.Ask = c.T(l, "ask.day")
		a.Answer = fit([]string{a.Headline, c.T(l, "follow.ask", "question", a.Ask)}, maxSpoken(l))
	default:
		a.Verdict = NotUnderstood
		a.Headline = c.T(l, "head.not_understood")
		a.Ask = c.T(l, "ask.activity")
		parts := []string{a.Headline, c.T(l, "follow.ask", "question", a.Ask)}
		if u := understoodText(q); u != "" {
			parts = append(parts, c.T(l, "understood", "what", u))
		}
		a.Answer = fit(parts, maxSpoken(l))
	}
	if q.Unread > 0 {
		a.Answer = fitKeeping([]string{a.Answer, h.unreadText(l, q)}, []bool{true, true}, maxSpoken(l))
	}
	return a
}

// placeAsked answers a call that names a township and asks no act, or
// only what the township counts as (龙山街道算城区吗, 浯溪街道属于城市规划区吗):
// the place table's reading of it (街道按城区理解), then the question of
// the act. It reports whether it answered.
func (h *Hotline) placeAsked(q *Query, a *Answer) bool {
	p, ok := h.placeOf(q)
	if !ok {
		return false
	}
	c, l := h.cat, a.Lang
	note := p.Note
	if l == EN {
		// the table's reading in the answer's language: the facts it gives
		var said []string
		for _, u := range q.Understood {
			if u.Kind == "fact" && u.Words == p.Words && u.Fact != "" {
				said = append(said, h.saidAs(l, u.Fact, u.Value))
			}
		}
		note = strings.Join(said, c.T(l, "list.sep"))
	}
	a.Verdict = NotUnderstood
	a.Headline = c.T(l, "head.place", "place", p.Words, "note", note)
	a.Ask = c.T(l, "ask.activity")
	a.Answer = fit([]string{a.Headline, c.T(l, "follow.ask", "question", a.Ask)}, maxSpoken(l))
	return true
}

// placeOf is the township a call with no act names, with the place
// table's reading (Understood.Note), when that reading is all it asks: a
// zone asked of it that the reading does not speak of (白水镇是不是重点森林
// 防火区) is not.
func (h *Hotline) placeOf(q *Query) (Understood, bool) {
	if q.Activity != "" || q.Act != "" && !slices.Contains(h.p.g.PlaceAsks, q.Act) {
		return Understood{}, false
	}
	i := slices.IndexFunc(q.Understood, func(u Understood) bool { return u.Kind == "place" && u.Note != "" })
	if i < 0 {
		return Understood{}, false
	}
	p := q.Understood[i]
	for _, u := range q.Understood {
		if u.Kind == "fact" && u.Fact == "" && !strings.Contains(p.Note, u.Words) {
			return Understood{}, false
		}
	}
	return p, true
}

// unreadAllowed answers a call cut short (Query.Unread) whose act is
// allowed on what was read: not understood, asking for it again briefly.
func (h *Hotline) unreadAllowed(q *Query, l Lang) *Answer {
	c := h.cat
	a := &Answer{Query: q, Verdict: NotUnderstood, Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood}, FollowUp: []FollowUp{}, Reasons: []engine.Reason{}, Lang: l}
	a.Headline = c.T(l, "head.unread")
	a.Ask = c.T(l, "ask.shorter")
	a.Answer = fit([]string{a.Headline, c.T(l, "follow.ask", "question", a.Ask), h.unreadText(l, q)}, maxSpoken(l))
	return a
}

// unreadText says that a call was cut short (Query.Unread).
func (h *Hotline) unreadText(l Lang, q *Query) string {
	return h.cat.T(l, "unread", "n", strconv.Itoa(MaxRead), "rest", strconv.Itoa(q.Unread))
}

func understoodText(q *Query) string {
	var parts []string
	for _, u := range q.Understood {
		// each thing heard once (山上 read as a place and as two facts)
		if (u.Kind == "date" || u.Kind == "place" || u.Kind == "fact") && !slices.Contains(parts, u.Words) {
			parts = append(parts, u.Words)
		}
	}
	return strings.Join(parts, "、")
}

// day is a day as spoken: 10月3日, with the year when it is not the
// question's.
// whenOf is a day as a headline's "when": 10月3日, or " on 2024-10-03".
func (h *Hotline) whenOf(l Lang, d calendar.Date, q *Query) string {
	if q != nil && q.timed && d == q.Date {
		if t, err := d.At(q.minute/60, q.minute%60); err == nil {
			if l == EN {
				return h.cat.T(l, "when", "date", h.moment(l, t, q))
			}
			return h.moment(l, t, q) // 今晚11点: 11月6日23点
		}
	}
	if q != nil && q.dayPassed != (calendar.Date{}) && d == q.Date && q.dayPassed.Before(d) {
		// 过了12月31号 said on 1月10日: that day has passed, today is answered
		// (the day said without its year: the one just passed, as said)
		_, m, dd := q.dayPassed.Date()
		months := h.months[ZH]
		if l == EN {
			months = h.months[EN]
		}
		passed := h.cat.T(l, "day", "d", strconv.Itoa(dd), "month", months[m-1])
		return h.cat.T(l, "when.passed", "date", h.day(l, d, q), "passed", passed)
	}
	if q != nil && q.byDay && d == q.Date && q.DateEnd != nil {
		// 霜降前后 whose verdict changes inside it: the stretch answered
		// (10月20日到10月26日), not its first day
		return h.cat.T(l, "when.stretch", "date", h.day(l, d, q), "end", h.day(l, *q.DateEnd, q))
	}
	if q != nil && q.dayBefore && d == q.Date && q.DateWords != "" {
		// 寒露前摘: said as the caller said it, 10月8日以前, not 10月7日
		return h.cat.T(l, "when.before", "date", h.day(l, d.AddDays(1), q))
	}
	return h.cat.T(l, "when", "date", h.day(l, d, q))
}

// day is a day as said (catalogue day, day.year): 10月3日, 3 October; with
// the year when it is not the question's (or the caller said it).
func (h *Hotline) day(l Lang, d calendar.Date, q *Query) string {
	y, m, dd := d.Date()
	key := "day"
	if q != nil && q.DateWords != "" && strings.Contains(q.DateWords, strconv.Itoa(y)) || y != todayYear(q) {
		key = "day.year"
	}
	months := h.months[ZH]
	if l == EN {
		months = h.months[EN]
	}
	return h.cat.T(l, key, "y", strconv.Itoa(y), "d", strconv.Itoa(dd), "month", months[m-1])
}

// span is a period from one day to another as said: each end with its
// year when the two are in different years (2024年9月1日, 2025年4月30日 —
// never 2024年9月1日到4月30日).
func (h *Hotline) span(l Lang, from, to calendar.Date, q *Query) (string, string) {
	if from.Year() != to.Year() {
		q = nil // a day said with no question says its year
	}
	return h.day(l, from, q), h.day(l, to, q)
}

// todayYear is the year the question speaks in: the call's (a day asked
// about in another year — 明年的今天, 十月一号 asked on 10月5日 — is said
// with its year), or the day asked about's own when the call's is unknown.
func todayYear(q *Query) int {
	if q == nil {
		return 0
	}
	if q.called != (calendar.Date{}) {
		return q.called.Year()
	}
	return q.Date.Year()
}

// isoDate is compiled on first use: every command of the binary runs the
// package initialisers of all (docs/speed.md).
var isoDate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([0-9]{4})-([0-9]{2})-([0-9]{2})`) })

// spokenDates rewrites ISO days in a text the way they are read out:
// 2025-01-01 → 2025年1月1日.
func spokenDates(s string) string {
	return isoDate().ReplaceAllStringFunc(s, func(m string) string {
		y, _ := strconv.Atoi(m[0:4])
		mo, _ := strconv.Atoi(m[5:7])
		d, _ := strconv.Atoi(m[8:10])
		return fmt.Sprintf("%d年%d月%d日", y, mo, d)
	})
}

// maxEchoRunes is the longest of the caller's words for an act read back
// in a follow-up question (放点鞭炮, 烧田埂草); longer spans hold the rest
// of the question.
const maxEchoRunes = 6

// maxNameRunes is the longest of the caller's words that name an act in
// an answer's first sentence (搭个遮阳棚卖菜).
const maxNameRunes = 8

// actWords are the caller's own words for the activity, when short.
func (h *Hotline) actWords(q *Query, d *engine.Decision, l Lang) string {
	if l == EN && d.Activity().EN != "" {
		return d.Activity().EN
	}
	name := d.Activity().Name
	// a long name gives way to the words said — but not 13 characters
	// (同时参加居民医保和职工医保), which the words said (单位买了社保)
	// would misname
	if utf8.RuneCountInString(name) > 13 {
		for _, u := range q.Understood {
			if u.Kind == "activity" && utf8.RuneCountInString(u.Words) < utf8.RuneCountInString(name) && utf8.RuneCountInString(u.Words) >= 2 {
				name = u.Words
				// (拉渣土的车晚上几点可以跑: words longer than a name spoken
				// back hold the rest of the question — the activity's own
				// phrase nearest them names it)
				// (用我的账户: words with a person in them, spoken back,
				// would be the operator's — nor are they a name)
				if !h.p.startsWithVerb(u.Words) || utf8.RuneCountInString(u.Words) > maxNameRunes || h.p.hasAny(u.Words, h.p.g.Persons) {
					// 路堵死, 核准证租给, 职工医保卡里的钱: words said
					// object first or with no verb are no name for an
					// act — the activity's own phrase nearest them is
					// (卸货堵路, 出租建筑垃圾运输核准)
					if act, ok := h.eng.Rules().Activity(d.Activity().ID); ok {
						if s := h.p.nearestSynonym(act.Synonyms, u.Words); s != "" {
							name = s
						}
					}
				}
			}
		}
	}
	if utf8.RuneCountInString(name) > 14 {
		name = string([]rune(name)[:13]) + "…"
	}
	return name
}

// startsWithVerb reports whether words begin with a verb of the vocabulary's
// frames (搭个遮阳棚, 带一桶汽油): said so, they name an act.
func (p *parser) startsWithVerb(words string) bool {
	// (拖拉机的私人: a verb that begins a longer object, 拖 of 拖拉机, is
	// no verb said)
	obj := p.objects.longestLen(words)
	n := 0
	for i := range words {
		if n++; n > 3 {
			break
		}
		if i > 0 && i >= obj && p.verbSet[words[:i]] {
			return true
		}
	}
	return p.verbSet[words]
}

// nearestSynonym is the synonym of at most 14 characters sharing the most
// characters with the words said (at least two), a verb said counting
// three (核准的文件借给 is 出借…核准, not 涂改…核准文件), the first among
// equals; "" for none.
func (p *parser) nearestSynonym(synonyms []string, said string) string {
	best, bestScore := "", 1
	for _, s := range synonyms {
		if utf8.RuneCountInString(s) > 14 {
			continue
		}
		score, seen := 0, map[rune]bool{}
		for _, r := range s {
			if !seen[r] && strings.ContainsRune(said, r) {
				score++
				if p.verbSet[string(r)] {
					score += 2
				}
			}
			seen[r] = true
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}

// Render turns a decision into the answer read out to a caller.
func (h *Hotline) Render(q *Query, d *engine.Decision, l Lang) *Answer {
	c := h.cat
	a := &Answer{Intent: IntentDecision, Query: q, Verdict: d.Verdict, FollowUp: []FollowUp{}, Reasons: d.Reasons(), Decision: d, Lang: l,
		Details: &Details{Why: []string{}, NotUnderstood: q.NotUnderstood}}
	act := h.actWords(q, d, l)
	when := h.whenOf(l, d.Date, q)
	if q.Place != "" && d.Place != nil && d.Place.Name != "" {
		// 钱塘区能放鞭炮吗: the place the caller named, whose notices
		// answered (本规则库没有相关规定：1月20日在钱塘区燃放烟花爆竹)
		when += c.T(l, "where.town", "town", d.Place.Name)
	}
	var subjects []string
	var callerFacts, operatorFacts []string
	for _, f := range d.UnknownFacts() {
		if h.askedOf(f) == "operator" {
			operatorFacts = append(operatorFacts, f)
		} else {
			callerFacts = append(callerFacts, f)
		}
		if len(subjects) < 2 {
			subjects = append(subjects, c.Subject(l, f, h.factLabel(l, f)))
		}
	}
	if len(subjects) == 0 && q.byHour {
		subjects = append(subjects, c.T(l, "subject.hour")) // 要看几点
	}
	if len(subjects) == 0 && q.byDay {
		subjects = append(subjects, c.T(l, "subject.day")) // 要看哪一天
	}
	head := string(d.Verdict)
	if q.required && d.Verdict == engine.Forbidden {
		head = "required" // 要盖篷布吗: 要, and the breach is forbidden
	}
	a.Headline = c.T(l, "head."+head, "activity", act, "when", when, "facts", strings.Join(subjects, c.T(l, "list.sep")))
	if utf8.RuneCountInString(a.Headline) > maxHeadline(l) {
		a.Headline = c.T(l, "head."+head, "activity", act, "when", when, "facts", subjects0(subjects))
	}
	if utf8.RuneCountInString(a.Headline) > maxHeadline(l) {
		a.Headline = c.T(l, "head.short."+head, "when", when)
	}
	plainHead := a.Headline
	// Details: every reason with its quotation, outcomes, penalties …
	for _, r := range a.Reasons {
		if s := h.why(l, d, r, false); s != "" {
			a.Details.Why = append(a.Details.Why, s)
		}
		for _, w := range r.Windows {
			from, to := h.day(l, w.From, nil), h.day(l, w.To, nil)
			if !w.Start.IsZero() {
				from, to = h.moment(l, w.Start, nil), h.moment(l, w.End, nil)
			}
			s := c.T(l, "window", "name", w.Name, "from", from, "to", to)
			if !slices.Contains(a.Details.Windows, s) {
				a.Details.Windows = append(a.Details.Windows, s)
			}
		}
		for _, it := range r.Interpretations {
			s := c.T(l, "interpretation", "words", it.Words, "reading", it.Reading)
			if !slices.Contains(a.Details.Interpretations, s) {
				a.Details.Interpretations = append(a.Details.Interpretations, s)
			}
		}
	}
	if d.Verdict == engine.Forbidden {
		// 烧稻草 80 m from the forest: 6号's title decides it, and 7号 三
		// forbids it too away from a yard — the operator sees both
		for _, r := range a.Reasons {
			if s := h.whyAlso(l, q, d, r); s != "" && !slices.Contains(a.Details.Why, s) {
				a.Details.Why = append(a.Details.Why, s)
			}
		}
	}
	if len(a.Details.Why) == 0 && (d.Verdict == engine.Forbidden || d.Verdict == engine.Allowed) {
		for _, r := range a.Reasons {
			if s := h.why(l, d, r, true); s != "" && !slices.Contains(a.Details.Why, s) {
				a.Details.Why = append(a.Details.Why, s)
			}
		}
	}
	for _, u := range q.Understood {
		// One phrase gives several facts (长虹街道: town, 城区, 规划区), each
		// with the same note: say it once.
		if s := c.T(l, "read.fact_note", "words", u.Words, "note", u.Note); u.Note != "" && !slices.Contains(a.Details.Interpretations, s) {
			a.Details.Interpretations = append(a.Details.Interpretations, s)
		}
	}
	var unsaid []string // the other outcome of a fact the call said nothing of
	for _, f := range q.presumed {
		u := h.voc.Questions[f].Unsaid
		if it := h.interpretation(u.Interpretation); it != nil {
			if s := c.T(l, "interpretation", "words", it.Words, "reading", it.Reading); !slices.Contains(a.Details.Interpretations, s) {
				a.Details.Interpretations = append(a.Details.Interpretations, s)
			}
		}
		say := u.Say.ZH
		if l == EN {
			say = u.Say.EN
		}
		unsaid = append(unsaid, say)
	}
	for _, o := range d.Outcomes() {
		var parts []string
		for _, fc := range o.When {
			parts = append(parts, h.condText(l, fc))
		}
		a.Details.Outcomes = append(a.Details.Outcomes, c.T(l, "outcome", "when", strings.Join(parts, c.T(l, "outcome.and")), "verdict", c.Verdict(l, string(o.Verdict))))
	}
	a.Details.DayParts = h.dayParts(l, d)
	if a.Details.DayParts == "" && q != nil && len(q.spanParts) > 0 {
		a.Details.DayParts = h.dayParts(l, &engine.Decision{DayParts: q.spanParts})
	}
	a.Details.NextChange = h.nextChange(l, d, q)
	for _, p := range d.Penalties() {
		a.Details.Penalties = append(a.Details.Penalties, p.Text)
	}
	for _, ct := range d.Contacts() {
		a.Details.Contacts = append(a.Details.Contacts, c.T(l, "contact", "name", ct.Name, "phones", ct.Dial(c.T(l, "list.or"))))
	}
	for _, n := range d.Notes() {
		text := n.Text
		if _, ok := c.Messages["note."+n.Code]; ok {
			kv := make([]string, 0, 2*len(n.Args))
			for k, v := range n.Args {
				kv = append(kv, k, v)
			}
			text = c.T(l, "note."+n.Code, kv...)
		}
		a.Details.Notes = append(a.Details.Notes, text)
	}
	said := h.termsOf(l, q, d)
	season, seasonMust := h.seasonTerms(l, q, d)
	if len(season) > 0 {
		// the season says its own days: a later window's end (期外…到
		// 10月1日截止) is no deadline to say beside them
		said = slices.DeleteFunc(said, func(t saidTerm) bool { return t.name == untilTerm })
	}
	terms := make([]string, len(said))
	for i, t := range said {
		terms[i] = t.text
	}
	a.Details.Terms = terms
	headTerm := func(k int) bool { // the k-th term said as the headline
		for _, who := range []string{act, ""} { // the act named, if room
			if s := c.T(l, "head.terms", "activity", who, "when", when, "term", terms[k]); utf8.RuneCountInString(s) <= maxHeadline(l) {
				a.Headline, terms = s, slices.Delete(slices.Clone(terms), k, k+1)
				a.headSaysTerm = true
				return true
			}
		}
		return false
	}
	waitTerm := slices.IndexFunc(said, func(t saidTerm) bool { return t.name == waitingTerm })
	if d.Verdict == engine.Allowed && len(terms) > 0 {
		// A question beyond "may I" about an allowed act (几时开始报销,
		// 60岁还要交吗, 交多少钱, 几时截止) is answered by what the rule
		// says, never by a bare 可以 for the act.
		switch {
		case q.asks.must && (!q.asks.money || q.ageSaid):
			// 60岁还要交吗: 要 — but 特困户还要交钱吗 asks the amount
			// (个人缴纳0元), which 要： would answer wrongly
			key := "head.must.plain"
			if q.ageSaid {
				key = "head.must" // an age said, and no rule reads one
			}
			a.Headline = c.T(l, key, "activity", act, "when", when)
		case waitTerm >= 0 && strings.ContainsAny(said[waitTerm].value, "；;"):
			// 缴费期内交的有没有等待期: a wait with cases (连续参保的无；
			// 未连续参保的90天) is said as its cases, after a headline
			// that says there are some — not put raw after 有等待期
			a.Headline = h.headFit(l, "head.allowed.wait.cases", act, when)
		case waitTerm >= 0:
			// 过了截止日期还能交吗: yes, with a wait before it pays —
			// said first, never a bare 可以
			a.Headline = h.headFit(l, "head.allowed.wait", act, when, "wait", said[waitTerm].value)
			a.headSaysTerm = true
			terms = slices.Delete(slices.Clone(terms), waitTerm, waitTerm+1) // said in the headline
		case q.asks.benefits || q.asks.waiting:
			if !headTerm(0) {
				a.Headline = h.headFit(l, termsHead(q), act, when)
			}
		case q.asks.deadline && slices.ContainsFunc(said, func(t saidTerm) bool { return t.name == untilTerm }):
			k := slices.IndexFunc(said, func(t saidTerm) bool { return t.name == untilTerm })
			a.Headline = h.headFit(l, "head.until", act, when, "to", said[k].value)
			if q.asks.daysLeft {
				// 还有几天截止: the count, said with the day
				key := "head.until.left"
				if said[k].left == 0 {
					key = "head.until.last"
				}
				a.Headline = h.headFit(l, key, act, when, "to", said[k].value, "n", strconv.Itoa(said[k].left))
			}
			a.headSaysTerm = true
			terms = slices.Delete(slices.Clone(terms), k, k+1)
		case q.asks.money || q.asks.deadline || len(q.terms) > 0:
			// 一年交一次还是按月交, 要自己去申请吗: the term asked for is
			// the answer, not the act's 可以; where or how it is done
			// (到哪里办) hears that it may be done so, then the terms
			if termsHead(q) == "head.plan" || !headTerm(0) {
				a.Headline = h.headFit(l, termsHead(q), act, when)
			}
		}
	}
	if d.Verdict == engine.Conditional {
		if f, ok := h.followUp(l, q, d, callerFacts); ok {
			a.FollowUp = append(a.FollowUp, f)
			a.Ask = f.Question
		}
	}
	// The spoken text: the headline, the grounds in short, what the
	// caller asked beyond "may I", when it changes, and the question.
	spoken := []string{a.Headline}
	must := []bool{true} // what decides the answer is never cut for room
	// 什么时候可以烧田埂: a question asking when is answered by the days
	// the answer changes on, right after the verdict for the day asked
	changes := ""
	if q.asks.when {
		// 茶籽今年几时开摘 of a past season's notice: its days with their
		// year, and that none is held for this year
		if changes = h.pastSeason(l, q, d); changes == "" {
			changes = h.changes(l, q, d)
		}
	}
	if changes != "" {
		spoken = append(spoken, changes)
		must = markMust(must, len(spoken), 1)
	}
	groundsAt := -1 // where the grounds are said, -1 for nowhere
	if g := h.grounds(l, d); g != "" {
		spoken = append(spoken, g)
		groundsAt = len(spoken) - 1
	}
	if w := h.witnessSaid(l, q, d); w != "" {
		spoken = append(spoken, w) // 邻居在烧田埂: whom to report it to, as room allows
	}
	spoken = append(spoken, unsaid...)
	if q.quote {
		// 对停车是怎么规定的: what the notice says is the deciding rule's
		// own sentence, right after where it is said
		if r, ok := decidingReason(d); ok {
			spoken = append(spoken, c.T(l, "quote", "text", clip(r.Text, 60)))
			a.asked = append(a.asked, spoken[len(spoken)-1])
		}
	}
	lacking, given := h.feedSpoken(l, d, q)
	spoken = append(spoken, lacking...)
	for _, p := range q.Published {
		spoken = append(spoken, c.T(l, "published", "fact", h.factLabel(l, p.Fact), "source", p.Source))
	}
	var special string // the rule a special case said points to (新生儿)
	if d.Verdict == engine.Allowed {
		// the rule the question's own words point to (新生儿 …) says when
		best, bestScore := "", -1
		var bestTerms []rules.Term
		for _, r := range a.Reasons {
			if r.Status != "applies" || r.Effect != string(rules.Allow) {
				continue
			}
			score := 0
			for _, u := range q.Understood {
				if (u.Kind == "fact" || u.Kind == "place") && (strings.Contains(r.Text, u.Words) || sharesRun(r.Text, valuePart(u.Meaning), 3)) {
					score++
				}
			}
			if score > bestScore {
				best, bestScore, bestTerms = r.Text, score, r.Terms
			}
		}
		saidText := a.Headline + strings.Join(terms, "") // the headline may say a term
		for _, t := range bestTerms {
			if t.Value != "" && strings.Contains(saidText, spokenDates(t.Value)) && !numberUnsaid(best, saidText) {
				// its terms are said already (低保户: 200元) — unless it
				// holds a number they do not (新生儿: 出生后90天内)
				bestScore = 0
			}
		}
		switch {
		case best != "" && q.asks.when && len(terms) == 0:
			spoken = append(spoken, c.T(l, "quote", "text", clip(best, 60)))
			a.asked = append(a.asked, spoken[len(spoken)-1])
		case best != "" && bestScore > 0 && !onlyDaysPassed(best, d.Date, saidText):
			// 新生儿交医保要多少钱: the amount asked, and the rule of the case
			// said, which holds its window (出生后90天内), after it
			special = c.T(l, "quote", "text", clip(best, 40))
		}
	}
	if special != "" && a.Headline == plainHead {
		// the case's own rule holds a condition (出生后90天内): not a
		// bare 可以
		a.Headline = h.headFit(l, "head.allowed.but", act, when)
		spoken[0] = a.Headline
	}
	if q.asks.when && d.Verdict != engine.Allowed {
		// 寒露籽几号开摘, asked after the day: the day it began, and that
		// it has begun (the headline says what it still depends on)
		spoken = append(spoken, h.begun(l, d, q, changes)...)
	}
	spoken = append(spoken, terms...)
	a.asked = append(a.asked, terms...)
	planHead := groundsAt > 0 && len(terms) > 0 && a.Headline == h.headFit(l, "head.plan", act, when)
	if len(season) > 0 {
		// 今年交好多钱 asked after the season: what it set, after what
		// holds on the day — never cut for room when it is the caller's
		// own (低保户: 200元)
		spoken = append(spoken, season...)
		if seasonMust {
			must = markMust(must, len(spoken), len(season))
		}
		a.asked = append(a.asked, season...)
	}
	if special != "" {
		a.asked = append(a.asked, special)
	}
	if len(q.terms) > 0 && len(terms) > 0 && d.Verdict != engine.Allowed {
		// 谁负责, 停哪里 of a ban: the term asked for is the answer, never
		// cut for room (an allowed answer says it in the headline)
		must = markMust(must, len(spoken)-len(terms)+1, 1)
	}
	if special != "" {
		spoken = append(spoken, special)
		if a.Headline != plainHead {
			// 可以，但有条件 says the condition: never cut for room
			// (新生儿的医保在哪里办 lost 出生后90天内 to the places)
			must = markMust(must, len(spoken), 1)
		}
	}
	if d.Verdict == engine.Conditional && len(operatorFacts) > 0 {
		both := h.bothWays(l, q, d, operatorFacts)
		spoken = append(spoken, both...)
		must = markMust(must, len(spoken), len(both))
	}
	if a.Details.DayParts != "" {
		spoken = append(spoken, a.Details.DayParts)
	}
	// The day's parts already say a change within the day.
	// (2026年的医保几号开始交: a plan's year not held says so below, not
	// when the rule base stops speaking)
	if a.Details.NextChange != "" && (a.Details.DayParts == "" || d.NextChange.Date != d.Date) && changes == "" && h.changeSaid(d, q.asks.when) &&
		q.planYear == 0 {
		spoken = append(spoken, a.Details.NextChange)
	}
	if cs := h.claimSaid(l, q, d); cs != "" {
		// 离山五十米以内才不准: the bound heard was wrong — the right one
		// is kept before what else there is room for
		spoken = append(spoken, cs)
		must = markMust(must, len(spoken), 1)
	}
	if q.asks.consequence || h.banIsPenalty(d) {
		if p, np := h.penaltySaid(l, q, d); p != "" {
			spoken = append(spoken, p)
			if q.asks.consequence && d.Verdict == engine.Forbidden {
				// 哪个来处分 of a ban: the penalty is what was asked — kept
				// before any note the call's other words bring (带头: 8号
				// 三); a conditional's question comes first
				must = markMust(must, len(spoken), 1)
			}
			if q.asks.fine {
				// 罚多少: the amount, or that the notice states none
				spoken = append(spoken, h.fineSaid(l, np))
				must = markMust(must, len(spoken), 1)
			}
			if q.asks.basis && len(np.Basis) > 0 {
				// 按么子法规处理: the laws the penalty's text names
				spoken = append(spoken, c.T(l, "penalty.basis", "basis", strings.Join(np.Basis, c.T(l, "list.clause"))))
				must = markMust(must, len(spoken), 1)
			}
		}
	}
	if silent := h.silentTexts(l, q, d); len(silent) > 0 {
		// 摘茶籽要去哪里登记: the notice says nothing of it — said, never
		// an office guessed
		spoken = append(spoken, silent...)
		must = markMust(must, len(spoken), len(silent))
	}
	if a.Ask != "" {
		spoken = append(spoken, c.T(l, "follow.ask", "question", a.Ask))
		must = markMust(must, len(spoken), 1)
	}
	if d.Verdict == engine.NoRule {
		expired := h.expiredSaid(l, d, q)
		if q.planYear != 0 && q.heldYear != 0 {
			// 2026年的医保交好多 asked in 2025: the plan's year the rule
			// base does not hold — which year it holds, not that a notice
			// of that other year lapsed
			expired = []string{h.cat.T(l, "no_rule.plan_year", "notice", q.planNotice, "held", strconv.Itoa(q.heldYear),
				"year", strconv.Itoa(q.planYear))}
		}
		spoken = append(spoken, expired...)
		must = markMust(must, len(spoken), len(expired))
		notAllowed := noRuleAsk(c, l, d)
		if ro := h.ruledOut(l, q, d); ro != nil {
			// 离山两百来米烧荒: a rule governs the act, what the caller
			// said put it outside — said, so that no_rule is not heard as
			// "no notice covers burning"
			a.Details.RuledOut = append(a.Details.RuledOut, *ro)
			// room: what the headline and the sentences kept after it leave
			room := maxSpoken(l) - utf8.RuneCountInString(a.Headline) - utf8.RuneCountInString(notAllowed)
			for _, e := range expired {
				room -= utf8.RuneCountInString(e)
			}
			if l == EN {
				room -= 3 // the spaces between sentences
			}
			spoken = append(spoken, h.ruledOutSaid(l, ro, room))
			must = markMust(must, len(spoken), 1)
		} else if ks := h.kindsSaid(l, q, d); len(ks) > 0 {
			// 摘茶籽的时候砍油茶树: no rule on felling itself, but one on
			// 随意砍伐 — said, with its verdict on what the caller said
			spoken = append(spoken, ks...)
			must = markMust(must, len(spoken), len(ks))
		}
		spoken = append(spoken, notAllowed)
		must = markMust(must, len(spoken), 1)
	}
	if q.Unread > 0 {
		spoken = append(spoken, h.unreadText(l, q))
		must = markMust(must, len(spoken), 1)
	}
	// The feed's values last: what fits of them after what must be said.
	spoken = append(spoken, given...)
	a.Answer = fitKeeping(spoken, must, maxSpoken(l))
	if planHead {
		// 学生医保在哪里交 …，可以这样办：: the way the plan says follows
		// its opening, and the grounds come after what is said of it (not
		// 可以这样办：依据…) — the sentences kept for room the same
		if g := spoken[groundsAt]; strings.Contains(a.Answer, g) {
			var kept []string
			for k, x := range spoken {
				if k != groundsAt && x != "" && strings.Contains(a.Answer, x) {
					kept = append(kept, x)
				}
			}
			a.Answer = fit(append(kept, g), maxSpoken(l))
		}
	}
	return a
}

// feedSpoken says what the conditions feed gave the decision: lacking
// says, plainly, a published fact the loaded feed has no value for
// (stale, the place missing, differing inside the place: the operator
// checks it); given, the values it gave, those published daily (the day's
// level) first: "据…7月14日发布的森林火险气象等级，白水镇为4。"
func (h *Hotline) feedSpoken(l Lang, d *engine.Decision, q *Query) (lacking, given []string) {
	c := h.cat
	var daily, other []string
	for _, n := range d.Notes() {
		switch n.Code {
		case "published_none":
			// no feed is configured at all: a fact of the deployment, not
			// of this call — the operator reads it in the details; the
			// answer already states each outcome (要是重点森林防火区，…)
		case "published_missing", "published_stale", "published_varies":
			lacking = append(lacking, spokenDates(h.noteText(l, n)))
		case "published":
			f, ok := h.eng.Rules().Fact(n.Args["fact"])
			if !ok {
				continue
			}
			issued := n.Args["issued"]
			if day, err := calendar.ParseDate(strings.SplitN(issued, " ", 2)[0]); err == nil {
				issued = h.day(l, day, q)
			}
			kv := []string{"source", n.Args["source"], "issued", issued, "label", h.factLabel(l, f.Name), "place", n.Args["place"], "value", n.Args["value"]}
			key := "feed.value"
			if from := n.Args["counted_from"]; from != "" {
				key = "feed.counted"
				kv = append(kv, "counted", h.factLabel(l, from))
			}
			if f.Published == rules.Daily || f.Consecutive != nil {
				daily = append(daily, c.T(l, key, kv...))
			} else {
				other = append(other, c.T(l, key, kv...))
			}
		}
	}
	return lacking, append(daily, other...)
}

// noteText is a note in language l: the catalogue's rendering of its
// parts where it has one, else the engine's text.
func (h *Hotline) noteText(l Lang, n engine.Note) string {
	if _, ok := h.cat.Messages["note."+n.Code]; !ok {
		return n.Text
	}
	kv := make([]string, 0, 2*len(n.Args))
	for k, v := range n.Args {
		if k == "label" && n.Args["fact"] != "" {
			v = h.factLabel(l, n.Args["fact"]) // the engine's label is Chinese
		}
		kv = append(kv, k, v)
	}
	return h.cat.T(l, "note."+n.Code, kv...)
}

func subjects0(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// clip shortens a quotation to n characters with "…", never inside a
// number or a day (“…统一为 2024 年 10 月 2…” is heard as 10月2日): a cut
// that would end on a digit, or on a date's 年/月/日 after one, goes back
// to before the whole run.
func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	k := n - 1
	j, digit := k, false
	for j > 0 && strings.ContainsRune("0123456789０１２３４５６７８９ .年月日号时点分%％", rs[j-1]) {
		if unicode.IsDigit(rs[j-1]) {
			digit = true
		}
		j--
	}
	if digit {
		k = j
	}
	return strings.TrimRight(string(rs[:k]), " ，、；,;") + "…"
}

// penaltySaid is what the answer reads of the penalties when the caller
// asks what happens: one penalty, said by whom and what
// (违者由政法部门依法从快处理，…) — never the article's sentence cut at
// 60 characters inside a law's title. A penalty addressed to some people
// only (党员干部, 国家工作人员, 施工单位) is read when the question names
// them, and then first; among the rest, the one whose text names the act (偷摘 → 政法部门),
// then one that names who acts. "" when none fits: the verdict answers
// 犯法不, and details keep every penalty.
// fineSaid is what penalty p states of the amount: its fine in yuan, or
// that its article states none (罚多少 of a notice whose penalty names
// who punishes but no sum).
func (h *Hotline) fineSaid(l Lang, p engine.NoticePenalty) string {
	c := h.cat
	cite := c.T(l, "grounds.cite", "notice", p.Notice, "article", c.Article(l, p.Article))
	if f := p.Fine; f != nil && (f.MinYuan != nil || f.MaxYuan != nil) {
		yuan := func(v *float64) string { return strconv.FormatFloat(*v, 'f', -1, 64) }
		switch {
		case f.MinYuan != nil && f.MaxYuan != nil:
			return c.T(l, "penalty.fine_range", "min", yuan(f.MinYuan), "max", yuan(f.MaxYuan), "cite", cite)
		case f.MaxYuan != nil:
			return c.T(l, "penalty.fine_max", "max", yuan(f.MaxYuan), "cite", cite)
		default:
			return c.T(l, "penalty.fine_min", "min", yuan(f.MinYuan), "cite", cite)
		}
	}
	return c.T(l, "penalty.no_fine", "cite", cite)
}

func (h *Hotline) penaltySaid(l Lang, q *Query, d *engine.Decision) (string, engine.NoticePenalty) {
	act := q.ActivityName
	for _, u := range q.Understood {
		if u.Kind == "activity" {
			act += "|" + u.Words
		}
	}
	best, bestScore := -1, -1
	for i, p := range d.Penalties() {
		if p.Who != "" && !strings.Contains(q.Question, p.Who) && !h.p.hasAny(q.Question, h.p.g.PenaltyPeople[p.Who]) {
			continue
		}
		score := 0
		if p.Who != "" {
			score += 4 // (党员干部…哪个来处分: the penalty for the people named)
		}
		for body, words := range h.p.g.PenaltyAsked {
			if strings.Contains(p.Text, body) && h.p.hasAny(q.Question, words) {
				score += 8 // (派出所管不管: the penalty the police give)
				break
			}
		}
		if sharesRun(p.Text, act, 2) {
			score += 2
		}
		if p.By != "" {
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return "", engine.NoticePenalty{}
	}
	p := d.Penalties()[best]
	c := h.cat
	switch {
	case len(p.Sanctions) > 0 && p.By != "":
		return c.T(l, "penalty.by", "by", p.By, "sanctions", strings.Join(p.Sanctions, c.T(l, "list.clause"))), p
	case len(p.Sanctions) > 0 && l == EN:
		return c.T(l, "penalty.sanctions", "sanctions", strings.Join(p.Sanctions, c.T(l, "list.clause"))), p
	}
	// a penalty that names no one who acts (涉嫌犯罪的, 国家工作人员…的):
	// its own words say whom and when it applies
	return c.T(l, "penalty", "text", clipClause(p.Text, 60)), p
}

// clipClause shortens a text to n characters at its last clause break
// (，；。) within them, else as clip does.
func clipClause(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	for k := n - 1; k > n/2; k-- {
		if strings.ContainsRune("，；。,;", rs[k]) {
			return string(rs[:k]) + "…"
		}
	}
	return clip(s, n)
}

// askedOf says who can answer a fact: caller (the default) or operator.
func (h *Hotline) askedOf(fact string) string {
	if q, ok := h.voc.Questions[fact]; ok {
		return q.AskedOf
	}
	return "caller"
}

// grounds cites the documents and articles that decide, in short.
func (h *Hotline) grounds(l Lang, d *engine.Decision) string {
	var cites []string
	// what decides first: of a verdict of 不可以, the rules that forbid on
	// what is known before those that would on what is not (湘潭县's
	// organised burning, asked with no hour: the night's clause, not the
	// pollution clauses that depend on the air)
	rs := d.Reasons() // a fresh copy, sorted in place
	if d.Verdict == engine.Forbidden {
		slices.SortStableFunc(rs, func(a, b engine.Reason) int { return min(len(a.DependsOn), 1) - min(len(b.DependsOn), 1) })
	}
	for _, r := range rs {
		if r.Status == "overridden" {
			continue
		}
		if d.Verdict == engine.Forbidden && r.Effect != string(rules.Forbid) && r.Status == "applies" {
			continue
		}
		if d.Verdict == engine.Allowed && r.Effect != string(rules.Allow) && r.Status == "applies" {
			continue
		}
		s := h.cat.T(l, "grounds.cite", "notice", r.Notice, "article", h.cat.Article(l, r.Article))
		if r.TitleLevel {
			s = r.Notice + h.cat.T(l, "grounds.title_only")
		}
		if !slices.Contains(cites, s) {
			cites = append(cites, s)
		}
	}
	if len(cites) == 0 {
		return ""
	}
	if len(cites) > 3 {
		cites = cites[:3]
	}
	return h.cat.T(l, "grounds", "cites", strings.Join(cites, h.cat.T(l, "list.sep")))
}

// bothWay is one fact of a both-ways sentence said by its values: the
// fact, its "yes" value as said, its "no" value, and the decisions with
// each.
type bothWay struct {
	fact, label string
	no          any
	dy, dn      *engine.Decision
}

// bothWays states what each answer to a fact only data can settle gives:
// "如果那里属于重点森林防火区：不可以；否则：本规则库没有相关规定。"
func (h *Hotline) bothWays(l Lang, q *Query, d *engine.Decision, facts []string) []string {
	var out []string
	var ways []bothWay
	for _, fact := range facts {
		f, ok := h.eng.Rules().Fact(fact)
		if !ok {
			continue
		}
		var yes, no any
		switch f.Kind {
		case cond.Bool:
			yes, no = true, false
		case cond.Enum:
			if len(f.Values) == 0 {
				continue
			}
			yes = f.Values[0]
			if len(f.Values) > 1 {
				no = f.Values[1]
			}
		case cond.Number:
			cands, _ := h.candidates(l, fact, d)
			if len(cands) < 2 {
				continue
			}
			yes, no = cands[len(cands)-1].value, cands[0].value
		}
		dy := h.decideWith(q, fact, yes)
		dn := h.decideWith(q, fact, no)
		if dy == nil || dn == nil || dy.Verdict == dn.Verdict {
			continue
		}
		label := h.cat.Subject(l, fact, h.factLabel(l, fact))
		msg := "both.subject" // a yes/no fact: its subject, then each answer
		other := ""
		if s := h.cat.Value(l, fact, fmt.Sprint(yes)); s != "" {
			label, msg = s, "both"
			if other = h.cat.Value(l, fact, fmt.Sprint(no)); other != "" {
				msg = "both.values" // 要是重点森林防火区，…；一般森林防火区的话，…
			}
		}
		out = append(out, h.cat.T(l, msg, "if", label, "else", other, "yes", h.outcomeSaid(l, fact, dy), "no", h.outcomeSaid(l, fact, dn)))
		if msg != "both.subject" {
			ways = append(ways, bothWay{fact, label, no, dy, dn})
		}
		if len(out) == 2 {
			break
		}
	}
	if e := h.eitherWay(l, q, ways); len(out) == 2 && e != "" {
		return []string{e}
	}
	return out
}

// eitherWay says two facts only data can settle in one sentence when
// either gives the same verdict and each, denied, leaves the answer to
// the other: "要是在禁放区里或者重点森林防火区，不可以；都不是的话，…" —
// said one by one, each sentence's other outcome sent the caller to the
// other sentence. "" when they do not.
func (h *Hotline) eitherWay(l Lang, q *Query, ws []bothWay) string {
	if len(ws) != 2 || ws[0].dy.Verdict != ws[1].dy.Verdict {
		return ""
	}
	for k, w := range ws {
		if w.dn.Verdict != engine.Conditional || !slices.Contains(w.dn.UnknownFacts(), ws[1-k].fact) || w.no == nil {
			return ""
		}
	}
	facts := q.EngineFacts()
	facts[ws[0].fact], facts[ws[1].fact] = ws[0].no, ws[1].no
	dnn, err := h.eng.Decide(q.engineQuery(facts))
	if err != nil || dnn.Verdict == ws[0].dy.Verdict {
		return ""
	}
	return h.cat.T(l, "both.either", "if", ws[0].label, "or", ws[1].label, "yes", h.outcomeSaid(l, "", ws[0].dy), "no", h.outcomeSaid(l, "", dnn))
}

// decideWith decides the query again with one fact set; nil when it
// cannot be.
func (h *Hotline) decideWith(q *Query, fact string, v any) *engine.Decision {
	if v == nil {
		return nil
	}
	facts := q.EngineFacts()
	facts[fact] = v
	rd, err := h.eng.Decide(q.engineQuery(facts))
	if err != nil {
		return nil
	}
	return rd
}

// outcomeSaid is one outcome of a both-ways sentence: its verdict, or for
// one that still depends, what on (不在禁放区的话，要看离山林多远) — a bare
// 要看情况 there leaves the caller with nothing, and the question asked
// after it may be about something else.
func (h *Hotline) outcomeSaid(l Lang, fact string, d *engine.Decision) string {
	if d.Verdict == engine.Conditional {
		var subjects []string
		for _, f := range d.UnknownFacts() {
			if f != fact && len(subjects) < 2 {
				subjects = append(subjects, h.cat.Subject(l, f, h.factLabel(l, f)))
			}
		}
		if len(subjects) > 0 {
			return h.cat.T(l, "both.depends", "facts", strings.Join(subjects, h.cat.T(l, "list.sep")))
		}
	}
	return h.cat.Verdict(l, string(d.Verdict))
}

// terms renders the rule terms the caller asked about (how much, until
// when, from when, the waiting period, where), or by default the amount
// and the deadline, for an answer that has them.
func (h *Hotline) terms(l Lang, q *Query, d *engine.Decision) []string {
	ts := h.termsOf(l, q, d)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}

// saidTerm is one sentence of terms said: the term's name (untilTerm for
// the day a window ends), the sentence, and its value; left is the days
// from the day asked to a window's end (untilTerm only).
type saidTerm struct {
	name, text, value string
	left              int
}

// untilTerm names the sentence of terms that says when a window ends;
// waitingTerm is the rules' term of a wait before benefits start.
const (
	untilTerm   = "until"
	waitingTerm = "waiting_period"
)

// termsOf is terms with each sentence's term.
// termsHead is the headline's key for an allowed act asked beyond "may I":
// a how or where question (学生医保在哪里交) hears what the plan says, with
// no permission nobody asked for; others hear 可以 on the terms below.
func termsHead(q *Query) string {
	if q.asks.where || q.asks.how {
		return "head.plan"
	}
	return "head.allowed.terms"
}

func (h *Hotline) termsOf(l Lang, q *Query, d *engine.Decision) []saidTerm {
	type term struct {
		name, value, text string
		from              int // the reason it comes from
		perPerson         *rules.Amount
	}
	var ts []term
	seen := map[string]bool{}
	reasons := d.Reasons()
	if d.Verdict == engine.Allowed && !applyingTerms(reasons) {
		// Every reply gives the same verdict (a newborn, a veteran, none of
		// these): the terms said are those of the common case, "none".
		facts, changed := q.EngineFacts(), false
		for _, r := range reasons {
			for _, name := range r.DependsOn {
				if _, given := facts[name]; given {
					continue
				}
				if f, ok := h.eng.Rules().Fact(name); ok && f.Kind == cond.Enum && slices.Contains(f.Values, "none") {
					facts[name], changed = "none", true
				}
			}
		}
		if changed {
			if rd, err := h.eng.Decide(q.engineQuery(facts)); err == nil {
				reasons = rd.Reasons()
			}
		}
	}
	asked := len(q.terms) > 0
	collect := func(permissionsThatMay bool) {
		for i, r := range reasons {
			// the terms asked for are said from any rule that decides (谁负责
			// of a ban, 规定区域 of a rule that may apply); those said unasked
			// only from a permission that applies (缴费：400元/人)
			allow := r.Effect == string(rules.Allow)
			mayApply := asked && r.Status == "may_apply" && (!allow || permissionsThatMay)
			if r.Status != "applies" && !mayApply || !asked && !allow {
				continue
			}
			for _, t := range r.Terms {
				if !seen[t.Name] {
					seen[t.Name] = true
					ts = append(ts, term{t.Name, t.Value, t.Text, i, t.PerPerson})
				}
			}
		}
	}
	collect(false)
	if asked && d.Verdict == engine.Conditional && !slices.ContainsFunc(q.terms, func(n string) bool { return seen[n] }) {
		// 装修垃圾谁负责清运 (conditional on the place): no rule that holds
		// says who; the permission that may hold does (物业, 2日)
		collect(true)
	}
	if len(ts) == 0 {
		return nil
	}
	has := func(n string) bool { return seen[n] }
	// Which terms the call asks for is the vocabulary's asks table (多少钱
	// → fee, assistance); a call asking for none hears its unasked terms
	// (the amount), and a deadline asked after the window hears the wait.
	want := map[string]bool{}
	a := q.asks
	for _, n := range q.terms {
		want[n] = true
	}
	late := has(waitingTerm) && d.Date.After(h.collectionEnd(d))
	if a.deadline && late {
		want[waitingTerm] = true
	}
	if !asked && !a.when || !asked && a.deadline {
		for _, n := range h.voc.Unasked {
			want[n] = true
		}
		if late {
			want[waitingTerm] = true
		}
	}
	// an assistance rule of its own says the amount for this person: it
	// replaces the fee
	from := map[string]int{}
	for _, t := range ts {
		from[t.name] = t.from
	}
	if want["assistance"] && has("assistance") && has("fee") && from["assistance"] != from["fee"] {
		want["fee"] = false
	}
	if len(want) == 0 {
		return nil // 多久内, 几时: the rule's own sentence answers it
	}
	var until, named []saidTerm
	if a.deadline || a.money && len(want) <= 2 && len(q.termsEach) == 0 {
		for _, r := range reasons {
			for _, w := range r.Windows {
				if !w.To.Before(d.Date) && r.Effect == string(rules.Allow) && r.Status == "applies" {
					to := h.day(l, w.To, nil)
					s := h.cat.T(l, "term.until", "window", h.windowName(l, w.Name), "to", to)
					if !slices.ContainsFunc(until, func(t saidTerm) bool { return t.text == s }) {
						until = append(until, saidTerm{untilTerm, s, to, w.To.Sub(d.Date)})
					}
				}
			}
		}
	}
	for _, t := range ts {
		if !want[t.name] {
			continue
		}
		v := spokenDates(t.value)
		key, name := "term."+t.name, t.name
		if _, ok := h.cat.Messages[key]; !ok {
			key = "term.other"
			if _, ok := h.cat.Messages["term_name."+t.name]; ok {
				key, name = "term.named", h.cat.T(l, "term_name."+t.name)
			} else if !isASCII(t.name) {
				// a rule set's own term named in words (清运责任人):
				// the name says what the value is
				key = "term.named"
			}
		}
		said := h.cat.T(l, key, "value", v, "name", name)
		if t.perPerson != nil {
			var fee *rules.Amount
			if t.name != "fee" {
				for _, f := range ts {
					if f.name == "fee" {
						fee = f.perPerson
					}
				}
			}
			said += h.householdTotal(l, q, *t.perPerson, fee)
		}
		named = append(named, saidTerm{name: t.name, text: said, value: v})
	}
	if asked {
		// 新生儿到哪里办: the terms asked are said in the order the
		// vocabulary asks them (参保地点 before 参保方式), not the order of
		// the rules that state them — what is cut for room is the later
		slices.SortStableFunc(named, func(x, y saidTerm) int {
			return cmp.Compare(askedAt(q.terms, x.name), askedAt(q.terms, y.name))
		})
	}
	for _, n := range q.termsEach {
		if !has(n) {
			if s := h.termEach(l, q, d, n); s != "" {
				named = append(named, saidTerm{name: n, text: s, value: s})
			}
		}
	}
	if a.money && !a.deadline {
		// 交多少钱: the amount first, the day it must be paid by after
		return append(named, until...)
	}
	return append(until, named...)
}

// askedAt is where name stands among the terms asked; one not asked (said
// unasked, as the amount) comes after them.
func askedAt(asked []string, name string) int {
	if i := slices.Index(asked, name); i >= 0 {
		return i
	}
	return len(asked)
}

// termEach says a term the rules give only for some values of a fact the
// call leaves open, for each value that gives it (医保有补贴没 — 资助：特困、
// 重度残疾、孤儿等个人缴费全额资助；低保…资助50%): said for the common case
// alone, the answer was the fee of one who gets no help. "" when no fact
// left open gives it.
func (h *Hotline) termEach(l Lang, q *Query, d *engine.Decision, name string) string {
	given := q.EngineFacts()
	for _, r := range d.Reasons() {
		if !slices.ContainsFunc(r.Terms, func(t rules.Term) bool { return t.Name == name }) {
			continue
		}
		for _, f := range r.DependsOn {
			fd, ok := h.eng.Rules().Fact(f)
			if _, said := given[f]; said || !ok || fd.Kind != cond.Enum || slices.Contains(q.denied, f) {
				continue
			}
			var parts []string
			for _, v := range fd.Values {
				rd := h.decideWith(q, f, v)
				if rd == nil {
					continue
				}
				for _, rr := range rd.Reasons() {
					k := slices.IndexFunc(rr.Terms, func(t rules.Term) bool { return t.Name == name })
					if rr.Status != "applies" || k < 0 {
						continue
					}
					parts = append(parts, h.cat.T(l, "term.each", "label", h.cat.Value(l, f, v), "value", spokenDates(rr.Terms[k].Value)))
					break
				}
			}
			if len(parts) == 0 {
				continue
			}
			v := strings.Join(parts, h.cat.T(l, "term.each.sep"))
			if _, ok := h.cat.Messages["term."+name]; ok {
				return h.cat.T(l, "term."+name, "value", v)
			}
			return h.cat.T(l, "term.named", "value", v, "name", name)
		}
	}
	return ""
}

// headFit is the headline key says with the act named, or, when that is
// longer than a first sentence may be, without it.
func (h *Hotline) headFit(l Lang, key, act, when string, kv ...string) string {
	s := h.cat.T(l, key, append([]string{"activity", act, "when", when}, kv...)...)
	if utf8.RuneCountInString(s) > maxHeadline(l) {
		s = h.cat.T(l, key, append([]string{"activity", "", "when", when}, kv...)...)
		// the act's slot left empty leaves its spaces (Yes:  on 20 October)
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return s
}

// numberUnsaid reports whether text holds a number (a run of digits)
// that said does not.
// onlyDaysPassed reports whether the only numbers of a rule's text the
// answer does not say are days on or before the day asked (寒露籽…开始采摘
// 时间统一为 2024 年 10 月 8 日, asked of 10月20日): a start already reached
// is no condition left to the caller, and 可以，但有条件 would send them
// looking for one.
func onlyDaysPassed(text string, day calendar.Date, said string) bool {
	rest := printedDay().ReplaceAllStringFunc(text, func(m string) string {
		g := printedDay().FindStringSubmatch(m)
		y, _ := strconv.Atoi(g[1])
		mo, _ := strconv.Atoi(g[2])
		dd, _ := strconv.Atoi(g[3])
		if dt, err := calendar.NewDate(y, mo, dd); err == nil && !dt.After(day) {
			return ""
		}
		return m
	})
	return rest != text && !numberUnsaid(rest, said)
}

// printedDay is a day as notices print it, spaces and all (2024 年 10 月 8
// 日); compiled on first use.
var printedDay = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日`)
})

func numberUnsaid(text, said string) bool {
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if !strings.Contains(said, text[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// sharesRun reports whether a and b have n characters in a row in common
// (小孩刚生 is read as 新生儿…, which the newborn rule's sentence says).
func sharesRun(a, b string, n int) bool {
	rb := []rune(b)
	for i := 0; i+n <= len(rb); i++ {
		if strings.Contains(a, string(rb[i:i+n])) {
			return true
		}
	}
	return false
}

// valuePart is what a fact's meaning says after its name (居民医保参保特殊
// 情形：新生儿… → 新生儿…).
func valuePart(meaning string) string {
	if i := strings.LastIndex(meaning, "："); i >= 0 {
		return meaning[i+len("："):]
	}
	return meaning
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// decidingReason is the first reason that decides d: one that applies,
// else, for a conditional answer, one that may.
func decidingReason(d *engine.Decision) (engine.Reason, bool) {
	for _, st := range []string{"applies", "may_apply"} {
		for _, r := range d.Reasons() {
			if r.Status == st && r.Text != "" {
				return r, true
			}
		}
	}
	return engine.Reason{}, false
}

func applyingTerms(rs []engine.Reason) bool {
	for _, r := range rs {
		if r.Status == "applies" && r.Effect == string(rules.Allow) && len(r.Terms) > 0 {
			return true
		}
	}
	return false
}

// collectionEnd is the last day of the allowed window of a decision's
// reasons, or the decision's day when there is none.
func (h *Hotline) collectionEnd(d *engine.Decision) calendar.Date {
	end := d.Date
	for _, r := range d.Reasons() {
		for _, w := range r.Windows {
			if strings.Contains(w.Name, "期外") {
				return w.From.AddDays(-1)
			}
		}
	}
	return end
}

func (h *Hotline) factLabel(l Lang, name string) string {
	f, ok := h.eng.Rules().Fact(name)
	switch {
	case !ok && name == engine.PlaceFact:
		return h.cat.T(l, "outcome.place")
	case !ok:
		return name
	}
	if l == EN {
		return f.EN
	}
	return f.ZH
}

// why renders one reason as one sentence with its document, article and
// the quoted text.
func (h *Hotline) why(l Lang, d *engine.Decision, r engine.Reason, eitherWay bool) string {
	c := h.cat
	art := c.Article(l, r.Article)
	var s string
	status := r.Status
	if eitherWay && status == "may_apply" {
		status = "applies"
	} else if eitherWay {
		return ""
	}
	switch status {
	case "applies":
		if d.Verdict == engine.Forbidden && r.Effect != string(rules.Forbid) ||
			d.Verdict == engine.Allowed && r.Effect != string(rules.Allow) {
			return ""
		}
		s = c.T(l, "why.applies", "notice", r.Notice, "article", art, "text", r.Text)
	case "may_apply":
		if d.Verdict != engine.Conditional {
			return ""
		}
		var subj []string
		for _, f := range r.DependsOn {
			if slices.Contains(d.UnknownFacts(), f) {
				subj = append(subj, c.Subject(l, f, h.factLabel(l, f)))
			}
		}
		if len(subj) == 0 {
			return ""
		}
		s = c.T(l, "why.may_apply", "notice", r.Notice, "article", art, "text", r.Text, "depends", strings.Join(subj, c.T(l, "list.sep")))
	case "overridden":
		return c.T(l, "why.overridden", "notice", r.Notice, "article", art, "by", r.OverriddenBy)
	default:
		return ""
	}
	if r.Window != "" {
		s += c.T(l, "why.window", "window", r.Window)
	}
	if r.TitleLevel {
		s += c.T(l, "why.title_level")
	}
	return s
}

// penaltyBans finds the rules whose sentence is a penalty of their own
// (9号 六: 对妨碍执法人员执行公务的,由公安机关……予以处罚): a ban read from the
// clause that punishes the act.
func penaltyBans(eng *engine.Engine) (map[[2]string]bool, map[string]bool) {
	out, acts := map[[2]string]bool{}, map[string]bool{}
	for _, n := range eng.Rules().Notices {
		for _, r := range n.Rules {
			if r.Effect == rules.Forbid && slices.ContainsFunc(r.Penalties, func(p *rules.Penalty) bool { return p.Text == r.Text }) {
				out[[2]string{n.Number, r.ID}] = true
				for _, a := range r.Activities {
					acts[a.ID] = true
				}
			}
		}
	}
	// a kind of a covered activity is covered too
	for _, a := range eng.Rules().Activities {
		for k := a.Parent; k != nil; k = k.Parent {
			if acts[k.ID] {
				acts[a.ID] = true
				break
			}
		}
	}
	return out, acts
}

// banIsPenalty reports whether a forbidden answer rests on a ban read
// from the clause that punishes its act: the penalty is the article's
// whole content, so the answer says it whatever was asked, as its reading
// requires (obstruction-punished-means-forbidden).
func (h *Hotline) banIsPenalty(d *engine.Decision) bool {
	if d.Verdict != engine.Forbidden || !h.penaltyActs[d.Activity().ID] {
		return false
	}
	return slices.ContainsFunc(d.Reasons(), func(r engine.Reason) bool {
		return r.Status == "applies" && h.penaltyBans[[2]string{r.Notice, r.Rule}]
	})
}

// whyAlso is the grounds of a rule that may also forbid an act another
// rule forbids: said with the facts it turns on — those of its unknown
// facts some value of which makes it apply (in a yard or not), not those
// that change nothing (重点森林防火区 inside the 禁火期) — "" for a reason
// that does not forbid, applies already, or turns on none. Decided again
// per value: only for a forbidden answer with such a reason.
func (h *Hotline) whyAlso(l Lang, q *Query, d *engine.Decision, r engine.Reason) string {
	if r.Status != "may_apply" || r.Effect != string(rules.Forbid) || q == nil {
		return ""
	}
	facts := q.EngineFacts()
	var subj []string
	for _, f := range r.DependsOn {
		if _, given := facts[f]; given {
			continue
		}
		fd, ok := h.eng.Rules().Fact(f)
		if !ok {
			continue
		}
		var values []any
		switch fd.Kind {
		case cond.Bool:
			values = []any{true, false}
		case cond.Enum:
			for _, v := range fd.Values {
				values = append(values, v)
			}
		}
		for _, v := range values {
			with := maps.Clone(facts)
			with[f] = v
			dv, err := h.eng.Decide(q.engineQuery(with))
			if err == nil && slices.ContainsFunc(dv.Reasons(), func(o engine.Reason) bool { return o.Rule == r.Rule && o.Status == "applies" }) {
				subj = append(subj, h.cat.Subject(l, f, h.factLabel(l, f)))
				break
			}
		}
	}
	if len(subj) == 0 {
		return ""
	}
	c := h.cat
	s := c.T(l, "why.may_apply", "notice", r.Notice, "article", c.Article(l, r.Article), "text", r.Text, "depends", strings.Join(subj, c.T(l, "list.sep")))
	if r.Window != "" {
		s += c.T(l, "why.window", "window", r.Window)
	}
	return s
}

// windowName is a window's name as said: in Chinese its short name; in
// English, which the rule files do not name windows in, "the period".
func (h *Hotline) windowName(l Lang, name string) string {
	if l == EN {
		return h.cat.T(l, "window.this")
	}
	return shortWindow(name)
}

// shortWindow drops a window name's parenthetical: 禁火期（一般森林防火区）→ 禁火期.
func shortWindow(name string) string {
	if i := strings.Index(name, "（"); i > 0 {
		return name[:i]
	}
	return name
}

// begun says, for each window of a permitting rule that may apply, that
// it began on its first day (寒露籽采摘期从10月8日开始，已经开始了), and
// for each window of a forbidding rule that may apply, the day after its
// last (霜降籽开始采摘日前到10月22日为止，从10月23日起不再因此禁止) —
// unless the next change already says that day.
func (h *Hotline) begun(l Lang, d *engine.Decision, q *Query, said string) []string {
	var out []string
	next := ""
	if d.NextChange != nil {
		next = d.NextChange.Date.String()
	}
	for _, r := range d.Reasons() {
		if r.Defeated() {
			continue
		}
		for _, w := range r.Windows {
			if !w.Start.IsZero() {
				continue
			}
			var s string
			switch {
			case r.Effect == string(rules.Allow) && !w.From.After(d.Date):
				if strings.Contains(said, h.day(l, w.From, q)) {
					continue // the run said already says since when (从10月8日起…)
				}
				s = h.cat.T(l, "when.begun", "window", h.windowName(l, w.Name), "from", h.day(l, w.From, q))
			case r.Effect == string(rules.Forbid) && !w.To.Before(d.Date) && w.To.AddDays(1).String() != next &&
				!h.forbidsOn(q, r.Rule, w.To.AddDays(1)):
				s = h.cat.T(l, "when.until", "window", h.windowName(l, w.Name), "to", h.day(l, w.To, q), "next", h.day(l, w.To.AddDays(1), q))
			default:
				continue
			}
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// forbidsOn reports whether rule still forbids the query's act on day: a
// window that ends is not the ban's end when the rule's next window takes
// over (专项整治期 ends, 常态化整治 goes on forbidding), and saying
// 不再因此禁止 then would read aloud as 可以. Decided only for a when-question
// whose forbidding window ends, never on the common path.
func (h *Hotline) forbidsOn(q *Query, rule string, day calendar.Date) bool {
	eq := q.engineQuery(q.EngineFacts())
	eq.Day, eq.At = day, time.Time{}
	d, err := h.eng.Decide(eq)
	if err != nil {
		return true // unknown: do not say the ban ends
	}
	for _, r := range d.Reasons() {
		if r.Rule == rule && r.Effect == string(rules.Forbid) && !r.Defeated() {
			return true
		}
	}
	return false
}

// nextChange says when the answer changes — "从10月23日起可以", or "起要看
// …" with what it will then depend on (从5月1日起要看是不是重点森林防火区) —
// naming the window that ends.
func (h *Hotline) nextChange(l Lang, d *engine.Decision, q *Query) string {
	if d.NextChange == nil {
		return ""
	}
	c := h.cat
	v := c.Verdict(l, string(d.NextChange.Verdict))
	if at := d.NextChange.At; at.Minute() != 0 {
		// A window with times of day changes the answer within a day:
		// say the hour (从3月1日22点起不可以).
		return c.T(l, "next.plain", "date", h.moment(l, at, q), "verdict", v)
	}
	if d.NextChange.Verdict == engine.Conditional {
		// what it will then depend on: the same question decided that day
		nq := *q
		nq.Date, nq.timed = d.NextChange.Date, false
		if nd, err := h.eng.Decide(nq.engineQuery(q.EngineFacts())); err == nil && nd.Verdict == engine.Conditional {
			v = h.verdictSaid(l, nd)
		}
	}
	next := h.day(l, d.NextChange.Date, q)
	end := d.NextChange.Date.AddDays(-1)
	// The window that ends is named when its name says a period
	// (禁火期到2025年4月30日结束) and it is the only one ending then; a
	// rule's window named otherwise (霜降籽、良种油茶开始采摘日前, 集中参保
	// 缴费期外，等待期满时…) or one of several (寒露籽采摘期 for a caller
	// picking 霜降籽) is not read: the answer says until when it holds.
	var names []string
	for _, r := range d.Reasons() {
		if r.Defeated() {
			continue
		}
		for _, w := range r.Windows {
			if n := shortWindow(w.Name); w.To == end && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	switch {
	case len(names) == 1 && isPeriodName(names[0]):
		return c.T(l, "next.window_end", "window", h.windowName(l, names[0]), "end", h.day(l, end, q), "date", next, "verdict", v)
	case len(names) > 0:
		now := h.verdictSaid(l, d)
		if q != nil && q.byDay {
			// the stretch's first days keep their own verdict (到10月22日不可以)
			now = c.Verdict(l, string(q.firstVerdict))
		}
		return c.T(l, "next.until", "now", now, "end", h.day(l, end, q), "date", next, "verdict", v)
	}
	return c.T(l, "next.plain", "date", next, "verdict", v)
}

// noticeBounds reports whether day is the first after a reason's notice's
// validity ends, or its first day in force: a change of the rule base,
// not a season's turn.
func (h *Hotline) noticeBounds(rs []engine.Reason, day calendar.Date) bool {
	for _, r := range rs {
		if n, ok := h.eng.Rules().Notice(r.Notice); ok && (n.ValidUntil == day.AddDays(-1) || n.Effective == day) {
			return true
		}
	}
	return false
}

// isPeriodName reports whether a window's name says a period, so that
// "…到…结束" reads: 禁火期, 寒露籽采摘期, 专项整治期 — not a rule's
// description (霜降籽、良种油茶开始采摘日前; 集中参保缴费期外，等待期满时…).
func isPeriodName(name string) bool {
	return strings.HasSuffix(name, "期") && !strings.ContainsAny(name, "，,；;")
}

// changeSaid reports whether the next change is read aloud: when a
// window of the decision's rules ends or begins within a year of the day
// asked — a season's turn (禁火期到4月30日结束). A notice's own expiry
// (从2026年1月1日起本规则库没有相关规定 after 选择性参保是禁止的) and a
// change years away are the operator's to read in the details: heard,
// they sound like a permission to come. A question asking when hears a
// season's turn however far: it is the answer.
func (h *Hotline) changeSaid(d *engine.Decision, when bool) bool {
	nc := d.NextChange
	if nc == nil || !when && nc.Date.After(d.Date.AddDays(366)) {
		return false
	}
	if nc.At.Minute() != 0 {
		return true // within a day (a nightly ban's hours)
	}
	// the notice's own expiry first: a window ending with it (the
	// insurance year's late window, to 12月31日) does not make it a
	// season's turn — 从2026年1月1日起本规则库没有相关规定 after 可以 is
	// heard as a permission ending
	rs := d.Reasons()
	if h.noticeBounds(rs, nc.Date) {
		return false
	}
	for _, r := range rs {
		for _, w := range r.Windows {
			if w.To == nc.Date.AddDays(-1) || w.From == nc.Date {
				return true
			}
		}
	}
	return true
}

// verdictSaid is a verdict as said in a sentence about a day: the word, or
// for a conditional answer what it depends on (要看是不是重点森林防火区).
func (h *Hotline) verdictSaid(l Lang, x *engine.Decision) string {
	c := h.cat
	v := c.Verdict(l, string(x.Verdict))
	if x.Verdict == engine.Conditional {
		var subjects []string
		for _, f := range x.UnknownFacts() {
			if len(subjects) < 2 {
				subjects = append(subjects, c.Subject(l, f, h.factLabel(l, f)))
			}
		}
		if len(subjects) > 0 {
			v = c.T(l, "when.depends", "facts", strings.Join(subjects, c.T(l, "list.sep")))
		}
	}
	return v
}

// moment speaks a minute as its day and hour: 3月1日22点, 3月1日6点30分.
func (h *Hotline) moment(l Lang, t calendar.DateTime, q *Query) string {
	date := h.day(l, t.Date(), q)
	return h.cat.T(l, "at", "date", date, "clock", h.clock(l, calendar.ClockText(t.Minute())))
}

// clock speaks a time of day written HH:MM (24:00 the end of a day): 22点.
func (h *Hotline) clock(l Lang, hhmm string) string {
	hh, mm, _ := strings.Cut(hhmm, ":")
	hour, _ := strconv.Atoi(hh)
	key := "clock"
	if mm != "00" {
		key = "clock.minutes"
	}
	return h.cat.T(l, key, "h", strconv.Itoa(hour), "m", mm)
}

// dayParts says the parts of the day asked about whose answer differs
// (当天0点到6点不可以，22点到24点不可以), "" when there are none.
func (h *Hotline) dayParts(l Lang, d *engine.Decision) string {
	if len(d.DayParts) == 0 {
		return ""
	}
	c := h.cat
	parts := make([]string, 0, len(d.DayParts))
	for _, p := range d.DayParts {
		parts = append(parts, c.T(l, "day_part", "from", h.clock(l, p.From), "to", h.clock(l, p.To), "verdict", c.Verdict(l, string(p.Verdict))))
	}
	return c.T(l, "day_parts", "parts", strings.Join(parts, c.T(l, "day_parts.sep")))
}

// condText renders one fact's answer in an outcome: "离山林多远 ≤ 100".
func (h *Hotline) condText(l Lang, fc engine.FactCondition) string {
	subject := h.factLabel(l, fc.Fact)
	switch {
	case len(fc.Places) > 0:
		return h.cat.T(l, "outcome.value", "fact", subject, "value", h.cat.Places(l, fc.Places))
	case fc.Value != nil:
		return h.cat.T(l, "outcome.value", "fact", subject, "value", h.valueLabel(l, fc.Fact, fc.Value))
	case fc.Text == "any":
		return h.cat.T(l, "outcome.any", "fact", subject)
	case len(fc.OtherThan) > 0:
		values := make([]string, len(fc.OtherThan))
		for i, v := range fc.OtherThan {
			values[i] = h.valueLabel(l, fc.Fact, v)
		}
		return h.cat.T(l, "outcome.other_than", "fact", subject, "values", strings.Join(values, h.cat.T(l, "list.sep")))
	}
	return subject + " " + fc.Text
}

func (h *Hotline) valueLabel(l Lang, fact string, v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return h.cat.T(l, "reply.yes")
		}
		return h.cat.T(l, "reply.no")
	case string:
		if s := h.cat.Value(l, fact, x); s != "" {
			return s
		}
		if f, ok := h.eng.Rules().Fact(fact); ok && f.Labels[x] != "" && l == ZH {
			return f.Labels[x]
		}
		return x
	}
	return fmt.Sprint(v)
}

// candidate is one reply to a follow-up question.
type candidate struct {
	value any
	label string
}

// candidates lists the replies worth offering for fact: one per region
// of a number the outcomes distinguish, each value of a bool or enum.
func (h *Hotline) candidates(l Lang, fact string, d *engine.Decision) ([]candidate, string) {
	f, ok := h.eng.Rules().Fact(fact)
	if !ok {
		return nil, ""
	}
	switch f.Kind {
	case cond.Bool:
		return []candidate{{true, h.cat.T(l, "reply.yes")}, {false, h.cat.T(l, "reply.no")}}, ""
	case cond.Enum:
		var out []candidate
		for _, v := range f.Values {
			out = append(out, candidate{v, h.valueLabel(l, fact, v)})
		}
		return out, ""
	}
	unit := ""
	if f.Unit != "" {
		unit = h.cat.T(l, "unit."+f.Unit)
		if strings.HasPrefix(unit, "[") {
			unit = f.Unit
		}
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	var out []candidate
	threshold := ""
	seen := map[string]bool{}
	for _, o := range d.Outcomes() {
		for _, fc := range o.When {
			if fc.Fact != fact {
				continue
			}
			lo, hi := fc.Min, fc.Max
			if lo != nil && f.Min != nil && *lo == *f.Min && !fc.MinOpen {
				lo = nil
			}
			var v float64
			var label string
			switch {
			case lo == nil && hi != nil && !fc.MaxOpen:
				v, label = *hi, h.cat.T(l, "reply.at_most", "n", num(*hi), "unit", unit)
			case lo == nil && hi != nil:
				v, label = math.Max(*hi-1, 0), h.cat.T(l, "reply.less_than", "n", num(*hi), "unit", unit)
			case lo != nil && hi == nil && fc.MinOpen:
				v, label = *lo+1, h.cat.T(l, "reply.more_than", "n", num(*lo), "unit", unit)
			case lo != nil && hi == nil:
				v, label = *lo, h.cat.T(l, "reply.at_least", "n", num(*lo), "unit", unit)
			case lo != nil && hi != nil:
				v = (*lo + *hi) / 2
				if f.Integer {
					v = math.Ceil(v)
				}
				label = h.cat.T(l, "reply.between", "lo", num(*lo), "hi", num(*hi), "unit", unit)
			default:
				continue
			}
			if threshold == "" {
				if hi != nil {
					threshold = num(*hi)
				} else if lo != nil {
					threshold = num(*lo)
				}
			}
			if !seen[label] {
				seen[label] = true
				out = append(out, candidate{v, label})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].value.(float64) < out[j].value.(float64) })
	return out, threshold
}

// followUp picks, among the unknown facts a caller can answer and has not
// already stated, the one whose replies settle the most: the one whose
// replies give the most definite verdicts, first in the engine's order on
// a tie. Each reply is decided now, so the operator can read the answer to
// whatever the caller says.
func (h *Hotline) followUp(l Lang, q *Query, d *engine.Decision, facts []string) (FollowUp, bool) {
	best, bestScore := FollowUp{}, -1
	for _, fact := range facts {
		// (离山百把米: a range said on both sides of a line the rules draw
		// settles nothing — it is asked as if unsaid)
		if v, said := q.Facts[fact]; said {
			if _, span := v.(Span); !span {
				continue
			}
		}
		cands, threshold := h.candidates(l, fact, d)
		if len(cands) < 2 {
			continue
		}
		act := q.ActivityName
		for _, u := range q.Understood {
			// the caller's own words read back best — when they are a
			// short phrase, not a span with the rest of the question
			// inside (树枝能不能在地里烧掉)
			// (and verb first: 田埂烧一下子, 开荒烧山 read back as 您田埂烧的
			// 地方, 您荒烧的地方 garble them — the act's name is said)
			if u.Kind == "activity" && utf8.RuneCountInString(u.Words) <= maxEchoRunes && !strings.Contains(u.Words, "…") && h.p.verbFirst1(u.Words) {
				act = u.Words
			}
		}
		if l == EN && q.ActivityEN != "" {
			act = q.ActivityEN
		}
		fu := FollowUp{Fact: fact, Question: h.cat.Question(l, fact, "activity", strings.TrimPrefix(act, "在"), "threshold", threshold)}
		if fu.Question == "" {
			fu.Question = h.factLabel(l, fact) + "?"
		}
		if you, they := h.cat.T(l, "follow.you"), h.cat.T(l, "follow.they"); you != "" && h.p.hasAny(q.Question, h.p.g.ThirdParty) {
			// 邻居在田里烧田埂: the neighbour's field, not the caller's
			fu.Question = strings.ReplaceAll(fu.Question, you, they)
		}
		score := 0
		verdicts := map[engine.Verdict]bool{}
		for _, cd := range cands {
			facts := q.EngineFacts()
			facts[fact] = cd.value
			rd, err := h.eng.Decide(q.engineQuery(facts))
			if err != nil {
				continue // a reply that contradicts what is known is not offered
			}
			if rd.Verdict != engine.Conditional {
				score += 2
			}
			verdicts[rd.Verdict] = true
			// a reply whose answer still depends says on what (答“超过100米”：
			// 要看是不是在禁放区), not a bare 要看情况
			fu.Replies = append(fu.Replies, Reply{Label: cd.label, Facts: map[string]any{fact: cd.value}, Verdict: rd.Verdict,
				Answer: h.replySaid(l, q, fact, cd.value, rd)})
		}
		if len(fu.Replies) < 2 {
			continue
		}
		score += len(verdicts)
		if !slices.ContainsFunc(fu.Replies, func(r Reply) bool { return r.Answer != fu.Replies[0].Answer }) {
			// every reply reads the same: the caller's answer would
			// change nothing the operator can say — asked only if no
			// other question does better
			score = 0
		}
		if score > bestScore {
			best, bestScore = fu, score
		}
	}
	return best, bestScore >= 0
}

// replySaid is what one reply to a follow-up gives. When it still depends
// only on one fact the operator's data settles, it says each outcome
// (答“不是”：要是在城市规划区里，不可以；不是的话，本规则库没有相关规定) — "要看是不是在
// 城市规划区" under every reply read as if the caller's answer changed
// nothing.
func (h *Hotline) replySaid(l Lang, q *Query, fact string, v any, rd *engine.Decision) string {
	said := h.outcomeSaid(l, fact, rd)
	if rd.Verdict != engine.Conditional {
		return said
	}
	var rest []string
	for _, f := range rd.UnknownFacts() {
		if f == fact {
			continue
		}
		if h.askedOf(f) != "operator" {
			return said
		}
		rest = append(rest, f)
	}
	if len(rest) != 1 {
		return said
	}
	qq := *q
	qq.Facts = maps.Clone(q.Facts)
	if qq.Facts == nil {
		qq.Facts = map[string]any{}
	}
	qq.Facts[fact] = v
	if both := h.bothWays(l, &qq, rd, rest); len(both) == 1 {
		return strings.TrimRight(both[0], "。.")
	}
	return said
}

// markMust marks the last k of n sentences as ones to keep.
func markMust(must []bool, n, k int) []bool {
	for len(must) < n {
		must = append(must, false)
	}
	for i := n - k; i < n; i++ {
		must[i] = true
	}
	return must
}

// yearWindow reads a year said on its own with an act (2025年的医保几号开始交)
// as the year a window of the act's notices is named for (2025年度集中参保
// 缴费期, `year_terms` in mandarin.yaml), when there is one and it has not
// passed: the day asked is that window's first day, or the day of the call
// inside it — not the year's 1 January. The window's name is noted.
func (h *Hotline) yearWindow(q *Query, today calendar.Date) {
	if !q.dayWeak || q.Activity == "" || q.DateWords == "" || q.Date.Month() != 1 || q.Date.Day() != 1 {
		return
	}
	y := q.Date.Year()
	// (2025年度 said as the plan is: year_terms)
	said := q.DateWords == strconv.Itoa(y)+"年" || slices.ContainsFunc(h.p.g.YearTerms, func(t string) bool { return q.DateWords == strconv.Itoa(y)+t })
	if !said && !q.planDay {
		return // a year in words (明年 said alone is when), or more than a year
	}
	a, ok := h.eng.Rules().Activity(q.Activity)
	if !ok {
		return
	}
	for _, n := range h.eng.Rules().Notices {
		if !slices.ContainsFunc(n.Rules, func(r *rules.Rule) bool {
			return slices.ContainsFunc(r.Activities, func(ra *rules.Activity) bool { return a.IsA(ra) || ra.IsA(a) })
		}) {
			continue
		}
		for _, w := range n.Windows {
			if !slices.ContainsFunc(h.p.g.YearTerms, func(t string) bool { return strings.Contains(w.Name, strconv.Itoa(y)+t) }) {
				continue
			}
			cw := h.eng.Window(w)
			if cw == nil {
				continue
			}
			for _, iv := range cw.Intervals() {
				if iv.To.Before(today) {
					continue
				}
				q.Date = iv.From
				if q.Date.Before(today) {
					q.Date = today
				}
				for k := range q.Understood {
					if u := &q.Understood[k]; u.Kind == "date" && u.Words == q.DateWords {
						u.Meaning, u.Value, u.Note = q.Date.String(), q.Date.String(), w.Name
					}
				}
				return
			}
		}
	}
}

// kindSaid is the one kind of the query's activity whose words settle
// only facts the caller said, all as said (拉茶果的货车装超了: overloading
// while hauling oil-tea fruit), nil for none or several. A kind is named
// only by a circumstance said to hold (a yes-or-no fact said yes: while
// picking, hauling fruit, emergency works) that nothing else makes hold:
//   - not by a fact said false: 山上 says the act is not done indoors,
//     which makes 丢烟头 no other act (野外丢烟头 is named when 野外 is);
//   - not by a value of a fact (which road, which variety): where an act
//     is done is a fact of the call, the act stays what was said;
//   - not by a fact the rules' implications derive from another (the
//     right to pick follows from holding the hill): it holds for acts of
//     other kinds too — the holder's own picking is no hired picker's.
func (h *Hotline) kindSaid(q *Query) *rules.Activity {
	a, ok := h.eng.Rules().Activity(q.Activity)
	if !ok {
		return nil
	}
	var fit *rules.Activity
	for _, k := range h.eng.Rules().Activities {
		if k.Parent != a || len(k.Implies) == 0 {
			continue
		}
		all := true
		for _, x := range k.Implies {
			v, said := q.Facts[x.Fact.Name]
			all = all && said && sameValue(v, x.Value()) && (x.Value() == true || slices.Contains(h.p.g.PlaceKinds, x.Fact.Name) ||
				deniedOnly(q, x.Fact.Name, h.p.g.Negators) || othersSaid(q, x.Fact.Name, h.p.g.Others)) && !derived(h.eng.Rules(), x.Fact)
		}
		if all {
			if fit != nil {
				return nil // two kinds fit: the caller's words name neither
			}
			fit = k
		}
	}
	if fit == nil && a.Parent != nil && h.ruledOutOwn(q, a) {
		fit = h.placeSibling(q, a)
	}
	return fit
}

// placeSibling is the one kind beside a (under a's parent) that implies only
// place kinds' facts, each as the call said it (填坑 in a pond not on the
// site: 随意倾倒), nil for none or several.
func (h *Hotline) placeSibling(q *Query, a *rules.Activity) *rules.Activity {
	var fit *rules.Activity
	for _, k := range h.eng.Rules().Activities {
		if k == a || k.Parent != a.Parent || len(k.Implies) == 0 {
			continue
		}
		all := true
		for _, x := range k.Implies {
			v, said := q.Facts[x.Fact.Name]
			all = all && said && sameValue(v, x.Value()) && slices.Contains(h.p.g.PlaceKinds, x.Fact.Name)
		}
		if all {
			if fit != nil {
				return nil
			}
			fit = k
		}
	}
	return fit
}

// ruledOutOwn reports whether a is told apart from its parent only by rules
// the call's other facts rule out: a place kind's fact is said, and every
// rule naming a itself is false on the rest (第二十二条's on-site backfill,
// said of a pond elsewhere) — so the act is its parent's, done there.
func (h *Hotline) ruledOutOwn(q *Query, a *rules.Activity) bool {
	own := h.ownRules[a]
	if len(own) == 0 || !slices.ContainsFunc(h.p.g.PlaceKinds, func(f string) bool { _, said := q.Facts[f]; return said }) {
		return false
	}
	set := h.eng.Rules()
	st := set.NewState()
	for i := range st.Bool {
		st.Bool[i] = cond.Unknown // windows too: only facts may rule a rule out
	}
	for name, v := range q.Facts {
		f, ok := set.Fact(name)
		if !ok || slices.Contains(h.p.g.PlaceKinds, name) {
			// ruled out by the place itself, the kind stays named by its
			// words: 装修垃圾 piled where none is designated is still
			// asked of 第十一条's designated point
			continue
		}
		switch x := v.(type) {
		case bool:
			if f.Kind == cond.Bool {
				st.Bool[f.Var.Slot] = cond.TriOf(x)
			}
		case string:
			if f.Kind == cond.Enum {
				st.Str[f.Var.Slot] = x
			}
		}
	}
	for _, r := range own {
		if r.Program == nil || r.Program.Eval(st) != cond.False {
			return false
		}
	}
	return true
}

// deniedOnly reports whether fact was said false by words that deny (冇批,
// 没得审批: a negator in them, no fact said true): the lack itself said, as
// 未经批准 names the unapproved kind — not a consequence of where (山上: in
// forest land, so not indoors; 上坟: not indoors, yet burning paper there
// may be any rite's).
func deniedOnly(q *Query, fact string, negators []string) bool {
	for _, u := range q.Understood {
		if u.Kind != "fact" || u.Fact != fact || u.Value != false ||
			!slices.ContainsFunc(negators, func(n string) bool { return strings.Contains(u.Words, n) }) {
			continue
		}
		if !slices.ContainsFunc(q.Understood, func(o Understood) bool { return o.Words == u.Words && o.Value != false }) {
			return true
		}
	}
	return false
}

// othersSaid reports whether fact was said false by words naming another
// as whose it is (邻居山上, 隔壁婶娘的茶山: not the caller's own hill) — the
// other named outright, as 他人山上 names the kind, not a consequence of
// where.
func othersSaid(q *Query, fact string, others []string) bool {
	return slices.ContainsFunc(q.Understood, func(u Understood) bool {
		return u.Kind == "fact" && u.Fact == fact && u.Value == false &&
			slices.ContainsFunc(others, func(o string) bool { return strings.Contains(u.Words, o) })
	})
}

// derived reports whether one of the set's implications sets fact true
// (own_land → picking_right): a consequence of other facts.
func derived(set *rules.Set, fact *rules.Fact) bool {
	for _, im := range set.Implications {
		if im.Fact == fact && im.Bool {
			return true
		}
	}
	return false
}

// dropContradicted is q's engine query without the facts a contradiction's
// message names (as whole words), and those facts with their values; none
// when it names none of them.
func dropContradicted(q *Query, msg string) (engine.Query, engine.Facts) {
	return dropNamed(q.engineQuery(q.EngineFacts()), msg)
}

// dropNamed is eq without the facts msg names (as whole words), and those
// facts with their values; none when it names none of them.
func dropNamed(eq engine.Query, msg string) (engine.Query, engine.Facts) {
	var dropped engine.Facts
	for name, v := range eq.Facts {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).MatchString(msg) {
			if dropped == nil {
				dropped = engine.Facts{}
			}
			dropped[name] = v
			delete(eq.Facts, name)
		}
	}
	return eq, dropped
}

// sameEitherWay decides eq with each of the contradicting facts alone put
// back. When every one of them gives the same verdict, and it is not
// 要看情况, which of them is true does not matter: that decision, with the
// first fact by name (so the answer is stable), is the answer, and the
// fact's name is returned. "" otherwise: the contradiction is asked about.
func (h *Hotline) sameEitherWay(eq engine.Query, dropped engine.Facts) (*engine.Decision, string) {
	if len(dropped) < 2 {
		return nil, ""
	}
	names := make([]string, 0, len(dropped))
	for name := range dropped {
		names = append(names, name)
	}
	sort.Strings(names)
	var first *engine.Decision
	for _, name := range names {
		one := eq
		one.Facts = make(engine.Facts, len(eq.Facts)+1)
		for k, v := range eq.Facts {
			one.Facts[k] = v
		}
		one.Facts[name] = dropped[name]
		d, err := h.eng.Decide(one)
		if err != nil || d.Verdict == engine.Conditional || (first != nil && d.Verdict != first.Verdict) {
			return nil, ""
		}
		if first == nil {
			first = d
		}
	}
	return first, names[0]
}

// impliesFact reports whether a's words settle fact.
func impliesFact(a *rules.Activity, fact string) bool {
	for _, x := range a.Implies {
		if x.Fact != nil && x.Fact.Name == fact {
			return true
		}
	}
	return false
}

// actSaid is the caller's own words for the query's activity.
func actSaid(q *Query) string {
	for _, u := range q.Understood {
		if u.Kind == "activity" {
			return u.Words
		}
	}
	return q.ActivityName
}

// spanOfDay decides an act asked of a part of the day said with no clock
// time (q.span: 晚上, 中午, 夜里) at each of its hours. The answer is the
// strictest verdict of the span (不可以, then 要看情况, then no rule, then
// 可以: never 可以 for a span part of which is not), decided at its first
// hour — or, when every hour agrees, at the span's middle hour within the
// day said — and the span's other hours are said after it (q.spanParts).
func (h *Hotline) spanOfDay(q *Query, d *engine.Decision) (*engine.Decision, error) {
	if q.span == nil || q.timed {
		return d, nil
	}
	strict := map[engine.Verdict]int{engine.Forbidden: 0, engine.Conditional: 1, engine.NoRule: 2, engine.Allowed: 3}
	from, to := q.span[0], q.span[1]
	verdicts := make([]engine.Verdict, 0, to-from)
	facts := q.EngineFacts()
	pick, same := from, true
	for hr := from; hr < to; hr++ {
		eq := q.engineQuery(facts)
		t, err := q.Date.AddDays(hr/24).At(hr%24, 0)
		if err != nil {
			return d, nil
		}
		eq.At, eq.Day = t.Time(), calendar.Date{}
		hd, err := h.eng.Decide(eq)
		if err != nil {
			return d, nil // the day's answer, as the facts allow
		}
		verdicts = append(verdicts, hd.Verdict)
		same = same && hd.Verdict == verdicts[0]
		if strict[hd.Verdict] < strict[verdicts[pick-from]] {
			pick = hr
		}
	}
	if same {
		// the middle hour, within the day said (三十夜里 is 除夕's)
		pick = min((from+to)/2, 23)
	}
	q.Date = q.Date.AddDays(pick / 24)
	q.timed, q.minute = true, pick%24*60
	q.Time = calendar.ClockText(q.minute)
	chosen := verdicts[pick-from]
	for i := 0; i < len(verdicts); {
		j := i
		for j < len(verdicts) && verdicts[j] == verdicts[i] {
			j++
		}
		if verdicts[i] != chosen {
			end := calendar.ClockText((from + j) % 24 * 60)
			if (from+j)%24 == 0 {
				end = "24:00" // the day's end, as the engine's day parts say it
			}
			q.spanParts = append(q.spanParts, engine.DayPart{From: calendar.ClockText((from + i) % 24 * 60), To: end, Verdict: verdicts[i]})
		}
		i = j
	}
	return h.eng.Decide(q.engineQuery(facts))
}

// hoursOfDay answers an act asked of a day, with no hour said, whose
// verdict differs between the day's hours (湘潭县's organised burning: not
// from 18:00 to 8:00, the day's hours left to the other conditions): it
// depends on the hour — 要看情况, with every part of the day said — never
// the verdict of most of the day for all of it (the night's 不可以, or a
// 可以 some hours forbid). An answer that depends on a fact already
// (要看情况), or of no rule for most of the day, keeps its own, with the
// hours whose answer differs said.
func hoursOfDay(q *Query, d *engine.Decision) *engine.Decision {
	if q.timed || q.span != nil || len(d.DayParts) == 0 || d.Verdict != engine.Forbidden && d.Verdict != engine.Allowed {
		return d // (most of the day under no rule says the hours some rule bans)
	}
	all := make([]engine.DayPart, 0, 2*len(d.DayParts)+1)
	at := "00:00"
	for _, p := range d.DayParts {
		if p.From != at {
			all = append(all, engine.DayPart{From: at, To: p.From, Verdict: d.Verdict})
		}
		all = append(all, p)
		at = p.To
	}
	if at != "24:00" {
		all = append(all, engine.DayPart{From: at, To: "24:00", Verdict: d.Verdict})
	}
	d.Verdict, d.DayParts = engine.Conditional, all
	q.byHour = true
	return d
}

// daysOfStretch answers an act asked of a stretch of days said in words
// (霜降前后, 寒露到霜降中间那几天: q.stretch) whose verdict changes inside
// it: it depends on the day — 要看情况, the answer saying the day it
// changes — never the first day's 不可以 for days some of which allow it,
// nor its 可以 for days some forbid. A stretch whose days share one
// verdict keeps it; so does an answer that depends on a fact already.
func daysOfStretch(q *Query, d *engine.Decision) *engine.Decision {
	if !q.stretch || q.DateEnd == nil || d.NextChange == nil || d.NextChange.Date.After(*q.DateEnd) ||
		d.Verdict != engine.Forbidden && d.Verdict != engine.Allowed {
		return d
	}
	q.firstVerdict, q.byDay = d.Verdict, true
	d.Verdict = engine.Conditional
	return d
}

// clockedWindows reports whether a window of the rule set has times of
// day (郑州's 7时至23时): only then can a part of the day said change an
// answer, and is it read (daySpan).
func clockedWindows(eng *engine.Engine) bool {
	for _, n := range eng.Rules().Notices {
		for _, w := range n.Windows {
			if cw := eng.Window(w); cw != nil && cw.Clocked() {
				return true
			}
		}
	}
	return false
}

// kindsSaid, for a no_rule answer on an act no rule governs itself whose
// narrower kinds a rule does govern (the decision's kinds_governed note:
// 砍伐油茶树, of which 8号 二 forbids 随意砍伐 while picking), says each such
// kind with its verdict on what the caller said (但随意砍伐油茶树：不可以) —
// a bare "no rule" reads as if nothing bound the act at all. At most two.
func (h *Hotline) kindsSaid(l Lang, q *Query, d *engine.Decision) []string {
	if q == nil || !slices.ContainsFunc(d.Notes(), func(n engine.Note) bool { return n.Code == "kinds_governed" }) {
		return nil
	}
	set := h.eng.Rules()
	act, ok := set.Activity(q.Activity)
	if !ok {
		return nil
	}
	var out []string
	for _, k := range set.Activities {
		if k == act || !k.IsA(act) || len(out) == 2 {
			continue
		}
		kq := *q
		kq.Activity = k.ID
		kd, err := h.eng.Decide(kq.engineQuery(q.EngineFacts()))
		if err != nil || kd.Verdict == engine.NoRule {
			continue
		}
		name := k.Name
		if l == EN && k.EN != "" {
			name = k.EN
		}
		out = append(out, h.cat.T(l, "no_rule.kind", "kind", name, "verdict", h.outcomeSaid(l, "", kd), "grounds", h.grounds(l, kd)))
	}
	return out
}

// noRuleAsk is the sentence closing a no_rule answer: that it is not 可以,
// and whom to ask — the body a notice gives what its rules leave (the
// decision's referred note: outside the planning area, 各镇人民政府), else
// the department in charge. A caller who asked who deals with it (乡里倒渣土
// 归哪个管) is told whom.
func noRuleAsk(c *Catalog, l Lang, d *engine.Decision) string {
	for _, n := range d.Notes() {
		if n.Code == "referred" && n.Args["who"] != "" {
			return c.T(l, "no_rule.referred", "who", n.Args["who"])
		}
	}
	return c.T(l, "no_rule.not_allowed")
}

// householdTotal says what the people the call counts pay in all, from
// the amount a term states for each (6个人一共2400元): "" for one person,
// a count not heard, or nothing to pay. fee is the plan's own amount when
// the term is another's share (低保 200元): members counted apart (五口人，
// 有两个是低保) pay two amounts, and the answer says it has not counted
// them rather than counting every member at one.
func (h *Hotline) householdTotal(l Lang, q *Query, each rules.Amount, fee *rules.Amount) string {
	if q.household < 2 || each.Value == 0 {
		return ""
	}
	if fee != nil && q.apart {
		return h.cat.T(l, "term.total_apart", "count", strconv.Itoa(q.household), "fee", fee.String())
	}
	total := rules.Amount{Value: each.Value * float64(q.household), Unit: each.Unit}
	return h.cat.T(l, "term.total", "count", strconv.Itoa(q.household), "total", total.String())
}
