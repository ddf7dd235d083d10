package engine

import (
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
)

// Verdict is the answer to "may this activity be done here, now?".
type Verdict string

// The four verdicts.
const (
	// Forbidden: a rule in force forbids it.
	Forbidden Verdict = "forbidden"
	// Allowed: a rule in force explicitly permits it.
	Allowed Verdict = "allowed"
	// Conditional: the answer depends on facts the query did not give.
	Conditional Verdict = "conditional"
	// NoRule: no rule in force covers this act here and now. This is not
	// legal advice and never means "allowed".
	NoRule Verdict = "no_rule"
)

// Decision is the engine's answer with everything needed to read it out
// and to check it. Much of it is worked out when the engine is built and
// shared by every decision that needs it — each reason's citation, windows,
// conditions, interpretations and terms, the unknown facts, outcomes and
// notes, penalties, contacts and the receipt — so read a decision, do not
// modify it. Every slice in it is full (length = capacity): appending to
// one copies it first.
type Decision struct {
	Activity *ActivityRef  `json:"activity"` // shared`
	Date     calendar.Date `json:"date"`
	// Place is the division the query named or its point lies in, when
	// it is one.
	Place   *PlaceUse `json:"place,omitempty"`
	Verdict Verdict   `json:"verdict"`
	// Reasons lists every rule that applied (or, for a conditional answer,
	// may apply), with its citation, the windows in force that day and the
	// interpretations used.
	Reasons []Reason `json:"reasons"`
	// UnknownFacts are the facts the query did not give that decide the
	// answer; empty unless Verdict is Conditional.
	UnknownFacts []string `json:"unknown_facts"`
	// Outcomes say what the verdict is for each answer to the unknown facts.
	Outcomes []Outcome `json:"outcomes,omitempty"`
	// NextChange is the next day on which the verdict would change for the
	// same facts, within the notices' validity; nil when there is none.
	NextChange *Change         `json:"next_change"`
	Facts      []FactValue     `json:"facts"`
	Penalties  []NoticePenalty `json:"penalties,omitempty"`
	Contacts   []NoticeContact `json:"contacts,omitempty"`
	Notes      []Note          `json:"notes,omitempty"`
	// Receipt is the engine's, shared by its decisions.
	Receipt *Receipt `json:"receipt"`
}

// ActivityRef names the activity the decision is about.
type ActivityRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	EN   string `json:"en"`
}

// Reason is one rule that applied: the rule's citation (shared with the
// engine) and how it applied on the query's day to the query's facts.
type Reason struct {
	*Citation
	// Status is "applies", "may_apply" (depends on unknown facts) or
	// "overridden" (an exception in another rule wins).
	Status       string   `json:"status"`
	OverriddenBy string   `json:"overridden_by,omitempty"`
	DependsOn    []string `json:"depends_on,omitempty"`
	// Window summarises the windows in force that day, e.g.
	// "禁火期（一般森林防火区） 2024-09-01—2025-04-30".
	Window          string                  `json:"window"`
	Windows         []WindowUse             `json:"windows"`
	Conditions      []*ConditionUse         `json:"conditions,omitempty"`
	Interpretations []*rules.Interpretation `json:"interpretations,omitempty"`
}

// Citation is what a reason says of its rule whatever the query: the
// notice, the article and the sentence quoted, the effect, and the terms.
type Citation struct {
	Notice      string       `json:"notice"`
	NoticeTitle string       `json:"notice_title"`
	Article     string       `json:"article"`
	Text        string       `json:"text"`
	Rule        string       `json:"rule"`
	Effect      string       `json:"effect"`
	Terms       []rules.Term `json:"terms,omitempty"`
	TitleLevel  bool         `json:"title_level,omitempty"`
}

// WindowUse is a window in force on the query day, resolved to its interval.
type WindowUse struct {
	ID        string        `json:"id"`
	Name      string        `json:"name"`
	Article   string        `json:"article"`
	From      calendar.Date `json:"from"`
	To        calendar.Date `json:"to"`
	Label     string        `json:"label,omitempty"`
	Projected bool          `json:"projected,omitempty"`
}

// ConditionUse is a named condition that held (or may hold).
type ConditionUse struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Article string `json:"article"`
	Text    string `json:"text"`
	Value   string `json:"value"` // "true" or "unknown"
}

// Outcome is the verdict for one answer to the unknown facts.
type Outcome struct {
	When    []FactCondition `json:"when"`
	Verdict Verdict         `json:"verdict"`
}

// FactCondition is one fact's answer in an outcome, e.g.
// distance_to_forest_m "≤ 100".
type FactCondition struct {
	Fact string `json:"fact"`
	// Text is the answer in a readable form: "≤ 100", "> 100", "true",
	// "general".
	Text string `json:"text"`
	// For numbers: the range of the answer.
	Min     *float64 `json:"min,omitempty"`
	Max     *float64 `json:"max,omitempty"`
	MinOpen bool     `json:"min_open,omitempty"`
	MaxOpen bool     `json:"max_open,omitempty"`
	// For bool and enum facts: the value.
	Value any `json:"value,omitempty"`
}

// Change is the next change of verdict.
type Change struct {
	Date    calendar.Date `json:"date"`
	Verdict Verdict       `json:"verdict"`
}

// FactValue is a fact as the decision used it.
type FactValue struct {
	Name    string `json:"name"`
	Value   any    `json:"value"`
	Derived bool   `json:"derived,omitempty"`
	Source  string `json:"source,omitempty"`
}

// NoticePenalty is a penalty with the notice it comes from.
type NoticePenalty struct {
	Notice string `json:"notice"`
	rules.Penalty
}

// NoticeContact is a contact with the notice it comes from.
type NoticeContact struct {
	Notice string `json:"notice"`
	rules.Contact
}

// Receipt identifies the data a decision was made with.
type Receipt struct {
	RuleSet     string `json:"rule_set"`
	HolidayData string `json:"holiday_data"`
	// Bundle is the offline bundle's version, when the engine was built
	// from one (WithBundle).
	Bundle string `json:"bundle,omitempty"`
}

// Note is information that goes with a decision but is not a reason: a rule
// relied on only by a document's title, an expired notice that used to
// govern the act, a measurement too close to a threshold to trust.
type Note struct {
	Code   string `json:"code"`
	Notice string `json:"notice,omitempty"`
	// Text is the note in Chinese; Args hold its parts by name, so that an
	// answer can render the note in another language from its catalogue.
	Text string            `json:"text"`
	Args map[string]string `json:"args,omitempty"`
}
