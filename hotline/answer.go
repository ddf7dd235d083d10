package hotline

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Hotline answers callers' questions with an engine. It is immutable and
// safe for concurrent use.
type Hotline struct {
	eng *engine.Engine
	p   *parser
	cat *Catalog
}

// New builds a Hotline on an engine, with the embedded lexicon and
// catalogue. It fails if they name a fact the rule set does not declare.
func New(eng *engine.Engine) (*Hotline, error) {
	p, err := newParser(eng.Rules(), eng.Calendar(), lexiconYAML)
	if err != nil {
		return nil, err
	}
	cat, err := EmbeddedCatalog()
	if err != nil {
		return nil, err
	}
	for name := range cat.Facts {
		if _, ok := eng.Rules().Fact(name); !ok {
			return nil, fmt.Errorf("catalogue: fact %q is not in facts.yaml", name)
		}
	}
	return &Hotline{eng: eng, p: p, cat: cat}, nil
}

// Engine returns the engine the hotline decides with.
func (h *Hotline) Engine() *engine.Engine { return h.eng }

// Catalog returns the hotline's catalogue.
func (h *Hotline) Catalog() *Catalog { return h.cat }

// Parse turns a question asked on day today into a query. It never
// fails: what it did not understand is listed in NotUnderstood.
func (h *Hotline) Parse(question string, today calendar.Date) *Query {
	return h.p.parse(question, today)
}

// Request is one question to answer.
type Request struct {
	Question string
	// Today is the day of the call, in China: relative words (明天, 下周三)
	// count from it, and it is the day asked about when none is said.
	Today calendar.Date
	// Date, if set, replaces the day read from the question (the operator
	// corrected it).
	Date *calendar.Date
	// Activity, if set, replaces the activity read from the question.
	Activity string
	// Facts are added to (and win over) the facts read from the question:
	// the caller's reply to a follow-up question, or the operator's edits.
	Facts engine.Facts
	Lang  Lang
}

// ErrNoActivity means the question names no activity the rule base knows.
var ErrNoActivity = errors.New("no activity recognised in the question")

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

// Answer is what the operator reads out, with the query it answers and
// the engine's decision it rests on.
type Answer struct {
	Query   *Query         `json:"query"`
	Verdict engine.Verdict `json:"verdict"`
	// Answer is the whole text to read out: Headline, Why, Outcomes,
	// NextChange, Consequences, Contacts and Notes, one per line.
	Answer       string   `json:"answer"`
	Headline     string   `json:"headline"`
	Why          []string `json:"why"`
	Outcomes     []string `json:"outcomes,omitempty"`
	NextChange   string   `json:"next_change,omitempty"`
	Consequences []string `json:"consequences,omitempty"`
	Contacts     []string `json:"contacts,omitempty"`
	Notes        []string `json:"notes,omitempty"`
	// FollowUp holds the single most useful question to ask next (empty
	// unless the verdict is conditional).
	FollowUp []FollowUp       `json:"follow_up"`
	Reasons  []engine.Reason  `json:"reasons"`
	Decision *engine.Decision `json:"decision"`
	Lang     Lang             `json:"lang"`
}

// Ask parses the question, applies the request's corrections and added
// facts, decides, and renders the answer. It returns ErrNoActivity (with
// the parsed query) when no activity was recognised, and engine errors
// (unknown activity, contradictory facts) as they are.
func (h *Hotline) Ask(req Request) (*Answer, *Query, error) {
	q := h.Parse(req.Question, req.Today)
	if req.Date != nil {
		q.Date, q.DateWords = *req.Date, ""
	}
	if req.Activity != "" {
		a, err := h.eng.Activity(req.Activity)
		if err != nil {
			return nil, q, err
		}
		q.Activity, q.ActivityName, q.ActivityEN = a.ID, a.Name, a.EN
	}
	for k, v := range req.Facts {
		if r, ok := v.(engine.Range); ok {
			q.Facts[k] = Span{Min: r.Lo, Max: r.Hi}
			continue
		}
		q.Facts[k] = v
	}
	if q.Activity == "" {
		return nil, q, ErrNoActivity
	}
	d, err := h.eng.Decide(engine.Query{Activity: q.Activity, Day: q.Date, Facts: q.EngineFacts()})
	if err != nil {
		return nil, q, err
	}
	return h.Render(q, d, req.Lang), q, nil
}

// Render turns a decision into the answer read out to a caller.
func (h *Hotline) Render(q *Query, d *engine.Decision, l Lang) *Answer {
	c := h.cat
	a := &Answer{Query: q, Verdict: d.Verdict, Why: []string{}, FollowUp: []FollowUp{}, Reasons: d.Reasons, Decision: d, Lang: l}
	act := d.Activity.Name
	if l == EN && d.Activity.EN != "" {
		act = d.Activity.EN
	}
	where, whereEN := "", ""
	if t, ok := q.Facts["town"].(string); ok {
		where, whereEN = c.T(ZH, "where.town", "town", t), c.T(EN, "where.town", "town", t)
	}
	var subjects []string
	for _, f := range d.UnknownFacts {
		subjects = append(subjects, c.Subject(l, f, h.factLabel(l, f)))
	}
	headAct := act
	if l == EN && headAct != "" {
		headAct = strings.ToUpper(headAct[:1]) + headAct[1:] // it starts the English sentence
	}
	a.Headline = c.T(l, "head."+string(d.Verdict), "activity", headAct, "when", h.date(l, d.Date), "when_en", c.T(EN, "when", "date", h.date(EN, d.Date)),
		"where", where, "where_en", whereEN, "facts", strings.Join(subjects, c.T(l, "list.sep")))
	for _, r := range d.Reasons {
		if s := h.why(l, d, r, false); s != "" {
			a.Why = append(a.Why, s)
		}
	}
	if len(a.Why) == 0 && (d.Verdict == engine.Forbidden || d.Verdict == engine.Allowed) {
		// Every answer to the unknown facts gives the same verdict (寒露籽
		// or 霜降籽, picking before 寒露 is forbidden): the rules that may
		// apply are the reasons.
		for _, r := range d.Reasons {
			if s := h.why(l, d, r, true); s != "" && !slices.Contains(a.Why, s) {
				a.Why = append(a.Why, s)
			}
		}
	}
	for _, o := range d.Outcomes {
		var parts []string
		for _, fc := range o.When {
			parts = append(parts, h.condText(l, fc))
		}
		a.Outcomes = append(a.Outcomes, c.T(l, "outcome", "when", strings.Join(parts, c.T(l, "outcome.and")), "verdict", c.Verdict(l, string(o.Verdict))))
	}
	a.NextChange = h.nextChange(l, d)
	if d.Verdict == engine.Forbidden || d.Verdict == engine.Conditional {
		var texts []string
		for _, p := range d.Penalties {
			texts = append(texts, p.Text)
		}
		if len(texts) > 0 {
			a.Consequences = append(a.Consequences, c.T(l, "penalty", "text", strings.Join(texts, "")))
		}
	}
	for _, ct := range d.Contacts {
		a.Contacts = append(a.Contacts, c.T(l, "contact", "name", ct.Name, "phones", strings.Join(ct.Phones, c.T(l, "list.or"))))
	}
	for _, n := range d.Notes {
		// A note the catalogue knows is rendered from its parts in the
		// answer's language; an unknown code falls back to the engine's text.
		text := n.Text
		if _, ok := c.Messages["note."+n.Code]; ok {
			kv := make([]string, 0, 2*len(n.Args))
			for k, v := range n.Args {
				kv = append(kv, k, v)
			}
			text = c.T(l, "note."+n.Code, kv...)
		}
		a.Notes = append(a.Notes, c.T(l, "note", "text", text))
	}
	if d.Verdict == engine.Conditional {
		if f, ok := h.followUp(l, q, d); ok {
			a.FollowUp = append(a.FollowUp, f)
		}
	}
	lines := []string{a.Headline}
	lines = append(lines, a.Why...)
	if len(d.UnknownFacts) == 1 {
		// One open fact: its outcomes are short enough to read out. With
		// more, the follow-up question is the way through, and the full
		// table stays in Outcomes.
		lines = append(lines, a.Outcomes...)
	}
	if a.NextChange != "" {
		lines = append(lines, a.NextChange)
	}
	lines = append(lines, a.Consequences...)
	lines = append(lines, a.Contacts...)
	lines = append(lines, a.Notes...)
	for _, f := range a.FollowUp {
		lines = append(lines, c.T(l, "follow.ask", "question", f.Question))
		for _, r := range f.Replies {
			lines = append(lines, "  "+c.T(l, "follow.reply", "reply", r.Label, "verdict", r.Answer))
		}
	}
	if len(q.OtherActivities) > 0 {
		lines = append(lines, c.T(l, "other_activities", "names", strings.Join(q.OtherActivities, c.T(l, "list.sep")), "activity", d.Activity.Name))
	}
	if len(q.NotUnderstood) > 0 {
		lines = append(lines, c.T(l, "not_understood", "words", strings.Join(q.NotUnderstood, c.T(l, "list.sep"))))
	}
	a.Answer = strings.Join(lines, "\n")
	return a
}

func (h *Hotline) date(l Lang, d calendar.Date) string {
	y, m, dd := d.Date()
	return h.cat.T(l, "date", "y", strconv.Itoa(y), "m", strconv.Itoa(m), "d", strconv.Itoa(dd),
		"mm", fmt.Sprintf("%02d", m), "dd", fmt.Sprintf("%02d", dd))
}

func (h *Hotline) factLabel(l Lang, name string) string {
	f, ok := h.eng.Rules().Fact(name)
	if !ok {
		return name
	}
	if l == EN {
		return f.EN
	}
	return f.ZH
}

// why renders one reason as one sentence with its document and article.
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
			return "" // it does not change a definite answer
		}
		var subj []string
		for _, f := range r.DependsOn {
			if slices.Contains(d.UnknownFacts, f) { // only the facts that decide
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

// shortWindow drops a window name's parenthetical: 禁火期（一般森林防火区）→ 禁火期.
func shortWindow(name string) string {
	if i := strings.Index(name, "（"); i > 0 {
		return name[:i]
	}
	return name
}

// nextChange says when the answer changes, naming the window that ends
// when one does.
func (h *Hotline) nextChange(l Lang, d *engine.Decision) string {
	if d.NextChange == nil {
		return ""
	}
	c := h.cat
	v := c.Verdict(l, string(d.NextChange.Verdict))
	end := d.NextChange.Date.AddDays(-1)
	for _, r := range d.Reasons {
		for _, w := range r.Windows {
			if w.To == end {
				return c.T(l, "next.window_end", "window", shortWindow(w.Name), "end", h.date(l, end), "date", h.date(l, d.NextChange.Date), "verdict", v)
			}
		}
	}
	return c.T(l, "next.plain", "date", h.date(l, d.NextChange.Date), "verdict", v)
}

// condText renders one fact's answer in an outcome: "离山林多远 ≤ 100".
func (h *Hotline) condText(l Lang, fc engine.FactCondition) string {
	subject := h.factLabel(l, fc.Fact)
	if fc.Value != nil {
		return h.cat.T(l, "outcome.value", "fact", subject, "value", h.valueLabel(l, fc.Fact, fc.Value))
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
	for _, o := range d.Outcomes {
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

// followUp picks the unknown fact whose answer settles the most: the one
// whose replies give the most definite verdicts, first in the engine's
// order on a tie. Each reply is decided now, so the operator can read the
// answer to whatever the caller says.
func (h *Hotline) followUp(l Lang, q *Query, d *engine.Decision) (FollowUp, bool) {
	best, bestScore := FollowUp{}, -1
	for _, fact := range d.UnknownFacts {
		cands, threshold := h.candidates(l, fact, d)
		if len(cands) < 2 {
			continue
		}
		act := q.ActivityName
		for _, u := range q.Understood {
			if u.Kind == "activity" {
				act = u.Words // the caller's own words read back best
			}
		}
		if l == EN && q.ActivityEN != "" {
			act = q.ActivityEN
		}
		fu := FollowUp{Fact: fact, Question: h.cat.Question(l, fact, "activity", strings.TrimPrefix(act, "在"), "threshold", threshold)}
		if fu.Question == "" {
			fu.Question = h.factLabel(l, fact) + "?"
		}
		score := 0
		verdicts := map[engine.Verdict]bool{}
		for _, cd := range cands {
			facts := q.EngineFacts()
			facts[fact] = cd.value
			rd, err := h.eng.Decide(engine.Query{Activity: q.Activity, Day: q.Date, Facts: facts})
			if err != nil {
				continue // a reply that contradicts what is known is not offered
			}
			if rd.Verdict != engine.Conditional {
				score += 2
			}
			verdicts[rd.Verdict] = true
			fu.Replies = append(fu.Replies, Reply{Label: cd.label, Facts: map[string]any{fact: cd.value}, Verdict: rd.Verdict,
				Answer: h.cat.Verdict(l, string(rd.Verdict))})
		}
		if len(fu.Replies) < 2 {
			continue
		}
		score += len(verdicts)
		if score > bestScore {
			best, bestScore = fu, score
		}
	}
	return best, bestScore >= 0
}
