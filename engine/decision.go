package engine

import (
	"maps"
	"math"
	"slices"
	"unsafe"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
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
// and to check it.
//
// It is shaped so that a caller cannot change the engine's later answers
// and pays only for what it reads. Most of a decision — each reason's
// citation, windows, conditions, interpretations and terms, a conditional
// answer's unknown facts and outcomes, penalties, contacts, most notes,
// the receipt — is worked out when the engine is built and shared by every
// decision that needs it; Decide only records which parts apply, in one
// allocation. So the decision's own values are exported fields (Verdict,
// Date, At, Place, DayParts, NextChange: change them and only this decision
// changes), and the
// shared parts are methods returning fresh copies, built on each call: a
// caller who encodes the decision (AppendJSON, which writes the shared
// parts from bytes encoded at load) or reads only its verdict copies
// nothing. Nothing reachable from a Decision's fields or methods' results
// is memory the engine reads again.
//
// The JSON form (AppendJSON, MarshalJSON) has the fields activity, date, at,
// place, verdict, reasons, unknown_facts, outcomes, day_parts, next_change,
// facts, penalties, contacts, notes and receipt, each the JSON of the method
// or field of that
// name. An output field added to Decision must be added to AppendJSON too:
// TestJSONCoversDecision fails until it is.
type Decision struct {
	Date calendar.Date `json:"date"`
	seg  int32         // index into p.segments (here: it fills Date's word)
	// At is the minute asked about, when the query gave one (China time);
	// a query with a day alone is answered for the day.
	At *calendar.DateTime `json:"at,omitempty"`
	// Place is the division the query named or its point lies in, when
	// it is one.
	Place   *PlaceUse `json:"place,omitempty"`
	Verdict Verdict   `json:"verdict"`
	// DayParts, for a query with a day alone when a window with times of
	// day makes the verdict differ between hours of that day, are the
	// parts of the day whose verdict differs from Verdict, which is then
	// the verdict over most of the day (see DayPart). The decision's own.
	DayParts []DayPart `json:"day_parts,omitempty"`
	// NextChange is the next moment at which the verdict would change for
	// the same facts, within the notices' validity; nil when there is none.
	NextChange *Change `json:"next_change"`

	p   *plan
	day calendar.Date // the day decided (Date is the caller's to change)
	// shared: reasons are the table's, kept for every decision at the
	// same point (read-only; DecideInto must not reuse them).
	shared  bool
	reasons []reason
	// an is a conditional answer's analysis (shared, read-only).
	an    *analysis
	facts []fact
	// The decision's own storage for NextChange and At. reasons and facts
	// are cut from blocks shared by the decisions a scratch makes, each
	// decision's part clipped to its length, so that a decision takes the
	// bytes it uses and no more (see newDecision).
	change Change
	at     calendar.DateTime
	// x holds what few decisions need (a place, facts' sources, notes, a
	// merged answer): nil until one does, so that the others do not
	// carry it — a decision's bytes are what the garbage collector pays
	// for (see newDecision).
	x *extra
}

// extra is the part of a decision few decisions need (see Decision.x).
type extra struct {
	// by is the engine that decided, when it is not p's own: an engine
	// Refeed made shares its plans and has its own receipt.
	by *Engine
	// merged holds the parts of a decision merged from others' (where a
	// place spans parts with different rules), instead of e, p, seg,
	// reasons, an and facts.
	merged *merged
	// own is the decision's own PlaceUse, which Place points to (kept for
	// DecideInto to reuse).
	own   *PlaceUse
	srcs  []string  // the facts' sources but their activity (see fact.src)
	his   []float64 // the upper bounds of the facts known within a range
	notes []*note
	// buf holds the first notes: most decisions with notes have one or two.
	buf [2]*note
}

// ext returns d's extra part, cut from sc's block the first time (or,
// with no scratch at hand, allocated).
func (d *Decision) ext(sc *scratch) *extra {
	if d.x == nil {
		if sc != nil {
			d.x = &cut(&sc.extras, 1, extrasPerBlock)[0]
		} else {
			d.x = new(extra)
		}
	}
	return d.x
}

// mergedParts is d.x.merged, or nil.
func (d *Decision) mergedParts() *merged {
	if d.x == nil {
		return nil
	}
	return d.x.merged
}

// noteList is d.x.notes, or nil.
func (d *Decision) noteList() []*note {
	if d.x == nil {
		return nil
	}
	return d.x.notes
}

// merged is a decision's parts as values, copies of other decisions'
// (see decideAcross). Its methods still return copies of them: one
// decision's answers cannot change another's.
type merged struct {
	e            *Engine
	activity     ActivityRef
	reasons      []Reason
	unknownFacts []string
	outcomes     []Outcome
	facts        []FactValue
	penalties    []NoticePenalty
	contacts     []NoticeContact
}

// reason is one rule that applied, as a decision records it: the rule,
// how it applied and what it shows of its conditions.
type reason struct {
	rule   uint16 // index into plan.rules and plan.info (see maxPlanRules)
	by     uint16 // the overriding rule's index when overridden
	status reasonStatus
	// depends marks, over ruleInfo.facts, the facts a rule that may apply
	// depends on.
	depends uint64
	view    *condView // shared, or the decision's own
}

type reasonStatus uint8

const (
	applies reasonStatus = iota
	mayApply
	overridden
	excepted // overridden by one of the rule's own exceptions (除…外)
)

var statusNames = [...]string{applies: "applies", mayApply: "may_apply", overridden: "overridden", excepted: "excepted"}

// defeated reports a rule that holds but does not decide.
func (s reasonStatus) defeated() bool { return s == overridden || s == excepted }

// fact is one fact the decision knew, given or derived: small and without
// pointers (its blocks are no work for the garbage collector), since every
// decision keeps several.
type fact struct {
	lo float64 // a number (a range's lower bound); bool: 1 for true
	// enum is an enum's value: its index in rules.Fact.Values; for a
	// number known within a range (rng), its upper bound's index in the
	// decision's his (ranges are few: a fact is 16 bytes, not 24).
	enum    uint16
	index   uint8 // rules.Fact.Index
	derived bool
	rng     bool
	// src is where the fact came from: nowhere said (srcNone), the
	// activity's words (srcActivity: the plan's implied) or
	// Decision.srcs[src-srcOwn].
	src uint16
}

const (
	srcNone uint16 = iota
	srcActivity
	srcOwn
)

// source returns where x came from (see fact.src).
func (d *Decision) source(x *fact) string {
	switch x.src {
	case srcNone:
		return ""
	case srcActivity:
		return d.p.implied
	}
	return d.x.srcs[x.src-srcOwn]
}

// note is a note with its JSON, encoded once for notes the engine shares
// (nil for a note made for one decision).
type note struct {
	Note
	json []byte
	// day is set for a note that names the decision's day: Note holds the
	// text before it and the args without it (see on).
	day *dayNote
}

// Activity returns the activity the decision is about.
func (d *Decision) Activity() ActivityRef {
	if d.mergedParts() != nil {
		return d.x.merged.activity
	}
	return *d.p.ref
}

// Reasons lists every rule that applied (or, for a conditional answer,
// may apply), with its citation, the windows in force that day and the
// interpretations used: a fresh copy on each call. It is empty, not nil,
// when there are none.
func (d *Decision) Reasons() []Reason {
	if d.mergedParts() != nil {
		out := make([]Reason, len(d.x.merged.reasons))
		for k, r := range d.x.merged.reasons {
			out[k] = r.clone()
		}
		return out
	}
	out := make([]Reason, len(d.reasons))
	for k := range d.reasons {
		out[k] = d.reason(k)
	}
	return out
}

// NumReasons returns the number of reasons, without copying them.
func (d *Decision) NumReasons() int {
	if d.mergedParts() != nil {
		return len(d.x.merged.reasons)
	}
	return len(d.reasons)
}

// Reason returns reason k (0 ≤ k < NumReasons), a fresh copy.
func (d *Decision) Reason(k int) Reason {
	if d.mergedParts() != nil {
		return d.x.merged.reasons[k].clone()
	}
	return d.reason(k)
}

// Cited is what a reason cites and how it applied, without its windows,
// conditions and terms: every field a string, nothing shared with the
// engine.
type Cited struct {
	Rule, Notice, NoticeTitle, Article, Text string
	Status                                   string
	OverriddenBy, OverriddenByText           string
}

// Cited returns what reason k (0 ≤ k < NumReasons) cites, without copying
// the rest of it: cheaper than Reason(k) for a caller that keeps the
// citations only (decision records).
func (d *Decision) Cited(k int) Cited {
	if d.mergedParts() != nil {
		r := &d.x.merged.reasons[k]
		return Cited{Rule: r.Rule, Notice: r.Notice, NoticeTitle: r.NoticeTitle, Article: r.Article, Text: r.Text,
			Status: r.Status, OverriddenBy: r.OverriddenBy, OverriddenByText: r.OverriddenByText}
	}
	rs := &d.reasons[k]
	c := d.p.info[rs.rule].citation
	out := Cited{Rule: c.Rule, Notice: c.Notice, NoticeTitle: c.NoticeTitle, Article: c.Article, Text: c.Text, Status: statusNames[rs.status]}
	if rs.status.defeated() {
		by := &d.p.info[rs.by]
		out.OverriddenBy, out.OverriddenByText = by.label, by.citation.Text
	}
	return out
}

// clone copies r and what it refers to.
func (r Reason) clone() Reason {
	r.Terms, r.DependsOn, r.Windows = slices.Clone(r.Terms), slices.Clone(r.DependsOn), slices.Clone(r.Windows)
	r.Conditions, r.Interpretations = slices.Clone(r.Conditions), slices.Clone(r.Interpretations)
	return r
}

func (d *Decision) reason(k int) Reason {
	rs := &d.reasons[k]
	ri, sr := &d.p.info[rs.rule], d.p.segRule(int(d.seg), int(rs.rule))
	r := Reason{
		Citation:  *ri.citation,
		Status:    statusNames[rs.status],
		DependsOn: ri.dependsOnNames(rs.depends),
		Window:    sr.summary,
		Windows:   slices.Clone(sr.uses),
	}
	r.Terms = slices.Clone(r.Terms)
	if rs.status.defeated() {
		by := &d.p.info[rs.by]
		r.OverriddenBy, r.OverriddenByText = by.label, by.citation.Text
	}
	if v := rs.view; v != nil {
		if len(v.conds) > 0 {
			r.Conditions = make([]ConditionUse, len(v.conds))
			for i, c := range v.conds {
				r.Conditions[i] = *c
			}
		}
		if len(v.interps) > 0 {
			r.Interpretations = make([]rules.Interpretation, len(v.interps))
			for i, x := range v.interps {
				r.Interpretations[i] = *x
			}
		}
	}
	return r
}

// UnknownFacts returns the facts the query did not give that decide the
// answer; empty (not nil) unless Verdict is Conditional.
func (d *Decision) UnknownFacts() []string {
	from := []string(nil)
	switch {
	case d.mergedParts() != nil:
		from = d.x.merged.unknownFacts
	case d.an != nil:
		from = d.an.unknownFacts
	}
	return append(make([]string, 0, len(from)), from...)
}

// Outcomes say what the verdict is for each answer to the unknown facts.
func (d *Decision) Outcomes() []Outcome {
	from := []Outcome(nil)
	switch {
	case d.mergedParts() != nil:
		from = d.x.merged.outcomes
	case d.an != nil:
		from = d.an.outcomes
	}
	if len(from) == 0 {
		return nil
	}
	out := make([]Outcome, len(from))
	for i, o := range from {
		out[i] = Outcome{Verdict: o.Verdict, When: make([]FactCondition, len(o.When))}
		for j, w := range o.When {
			if w.Min != nil {
				w.Min = ptr(*w.Min)
			}
			if w.Max != nil {
				w.Max = ptr(*w.Max)
			}
			out[i].When[j] = w
		}
	}
	return out
}

// Facts lists the facts the decision knew, given or derived, in the
// schema's order: empty (not nil) when there are none.
func (d *Decision) Facts() []FactValue {
	if d.mergedParts() != nil {
		out := make([]FactValue, len(d.x.merged.facts))
		for i, f := range d.x.merged.facts {
			if m, ok := f.Value.(map[string]float64); ok {
				f.Value = maps.Clone(m)
			}
			out[i] = f
		}
		return out
	}
	out := make([]FactValue, len(d.facts))
	for i := range d.facts {
		x := &d.facts[i]
		out[i] = x.value(d.p.e.set.Facts[x.index], d.source(x), d.hi(x))
	}
	return out
}

// hi is x's upper bound: lo unless it is a range.
func (d *Decision) hi(x *fact) float64 {
	if x.rng {
		return d.x.his[x.enum]
	}
	return x.lo
}

// value is x as a FactValue; hi is its upper bound (Decision.hi).
func (x *fact) value(f *rules.Fact, src string, hi float64) FactValue {
	fv := FactValue{Name: f.Name, Derived: x.derived, Source: src}
	switch f.Kind {
	case cond.Number:
		switch {
		case x.lo == hi:
			fv.Value = x.lo
		case math.IsInf(hi, 1):
			// A count whose start a feed does not reach: at least lo.
			fv.Value = map[string]float64{"min": x.lo}
		default:
			fv.Value = map[string]float64{"min": x.lo, "max": hi}
		}
	case cond.Bool:
		fv.Value = x.lo == 1
	default:
		fv.Value = f.Values[x.enum]
	}
	return fv
}

// Penalties are the penalties of the rules that apply (or may apply), not
// of those set aside, each once; a penalty whose window does not hold on
// the day (a deadline passed) is left out.
func (d *Decision) Penalties() []NoticePenalty {
	if d.mergedParts() != nil {
		out := make([]NoticePenalty, 0, len(d.x.merged.penalties))
		for _, np := range d.x.merged.penalties {
			out = append(out, noticePenalty(&rules.Notice{Number: np.Notice}, &np.Penalty))
		}
		return out
	}
	var out []NoticePenalty
	var buf [8]rulePenalty
	for _, rp := range d.appendPenalties(buf[:0]) {
		out = append(out, noticePenalty(rp.n, rp.p))
	}
	return out
}

// Contacts are the contacts of the notices whose rules apply.
func (d *Decision) Contacts() []NoticeContact {
	var out []NoticeContact
	if d.mergedParts() != nil {
		for _, c := range d.x.merged.contacts {
			c.Phones = slices.Clone(c.Phones)
			out = append(out, c)
		}
		return out
	}
	var buf [8]*rules.Notice
	for _, n := range d.appendNotices(buf[:0]) {
		for _, c := range d.p.e.contacts[n] {
			c.Phones = slices.Clone(c.Phones)
			out = append(out, c)
		}
	}
	return out
}

// appendNotices appends to out, in the reasons' order and once each, the
// notices of the reasons not overridden: those whose penalties and
// contacts go with the decision.
func (d *Decision) appendNotices(out []*rules.Notice) []*rules.Notice {
	for _, rs := range d.reasons {
		if n := d.p.rules[rs.rule].Notice; !rs.status.defeated() && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// Notes returns what goes with the decision but is not a reason (see
// Note): a fresh copy on each call.
func (d *Decision) Notes() []Note {
	notes := d.noteList()
	if len(notes) == 0 {
		return nil
	}
	out := make([]Note, len(notes))
	for i, n := range notes {
		out[i] = n.on(d.day)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// Receipt identifies the data the decision was made with.
func (d *Decision) Receipt() Receipt { return d.engine().receipt }

func (d *Decision) engine() *Engine {
	if x := d.x; x != nil {
		if x.merged != nil {
			return x.merged.e
		}
		if x.by != nil {
			return x.by
		}
	}
	return d.p.e
}

// ActivityRef names the activity the decision is about.
type ActivityRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	EN   string `json:"en"`
}

// Reason is one rule that applied: the rule's citation and how it applied
// on the query's day to the query's facts.
type Reason struct {
	Citation
	// Status is "applies", "may_apply" (depends on unknown facts),
	// "overridden" (another rule that applies takes precedence) or
	// "excepted" (the rule's own "除…外" covers the case: the exception
	// is another reason, which allows). OverriddenBy names the rule that
	// sets it aside (notice, article and id); OverriddenByText quotes its
	// words, which an answer cites ("除森林防火指挥机构批准的计划用火外").
	Status           string   `json:"status"`
	OverriddenBy     string   `json:"overridden_by,omitempty"`
	OverriddenByText string   `json:"overridden_by_text,omitempty"`
	DependsOn        []string `json:"depends_on,omitempty"`
	// Window summarises the windows in force that day, e.g.
	// "禁火期（一般森林防火区） 2024-09-01—2025-04-30".
	Window          string                 `json:"window"`
	Windows         []WindowUse            `json:"windows"`
	Conditions      []ConditionUse         `json:"conditions,omitempty"`
	Interpretations []rules.Interpretation `json:"interpretations,omitempty"`
}

// Defeated reports whether the rule applied but does not decide: another
// rule overrides it, or its own exception covers the case.
func (r Reason) Defeated() bool { return r.Status == "overridden" || r.Status == "excepted" }

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
	ID      string        `json:"id"`
	Name    string        `json:"name"`
	Article string        `json:"article"`
	From    calendar.Date `json:"from"`
	To      calendar.Date `json:"to"`
	// Start and End bound an interval with times of day to the minute,
	// End exclusive ("22:00..06:00": 22:00 to 06:00 the next morning);
	// zero, and absent from the JSON, for whole days From..To.
	Start     calendar.DateTime `json:"start,omitzero"`
	End       calendar.DateTime `json:"end,omitzero"`
	Label     string            `json:"label,omitempty"`
	Projected bool              `json:"projected,omitempty"`
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
	// For bool and enum facts: the value (a bool or a string).
	Value any `json:"value,omitempty"`
	// OtherThan, for an enum fact, is the values the answer is none of
	// (Text "other than a, b"), for renderers to say in their language.
	OtherThan []string `json:"other_than,omitempty"`
	// Places, for the place fact, is the answer in parts, any of which
	// holds (Text joins them with "or").
	Places []PlacePart `json:"places,omitempty"`
}

// PlacePart is one part of a place answer: a division (its label, as
// "白水镇（431181107）") less the divisions in Except, or — Label "" —
// anywhere outside the divisions in Except.
type PlacePart struct {
	Label  string   `json:"label,omitempty"`
	Except []string `json:"except,omitempty"`
}

// Change is the next change of verdict: on Date, at the minute At (00:00
// where only whole days are involved).
type Change struct {
	Date    calendar.Date     `json:"date"`
	At      calendar.DateTime `json:"at"`
	Verdict Verdict           `json:"verdict"`
}

// DayPart is a part of the query's day, from one time of day to another
// ("22:00" to "24:00"), whose verdict differs from the decision's: a
// nightly ban answers a question about a day "no rule; forbidden 00:00–06:00
// and from 22:00".
type DayPart struct {
	From    string  `json:"from"` // HH:MM
	To      string  `json:"to"`   // HH:MM, 24:00 for the end of the day
	Verdict Verdict `json:"verdict"`
}

// FactValue is a fact as the decision used it.
type FactValue struct {
	Name string `json:"name"`
	// Value is a float64, a map[string]float64 with "min" and "max" (a
	// number known within a range), a bool or a string.
	Value   any    `json:"value"`
	Derived bool   `json:"derived,omitempty"`
	Source  string `json:"source,omitempty"`
}

// NoticePenalty is a penalty of a rule that applies, with the notice it
// comes from: a copy, the caller's to keep.
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
	// Feed is the digest of the conditions feed the published facts came
	// from (WithFeed, Refeed): one feed per engine, so no answer mixes two.
	Feed string `json:"feed,omitempty"`
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

// Decide hands out decisions, and their reasons, facts and places, cut
// from blocks of them that a scratch keeps: allocating each on its own
// cost about a quarter of a decision with known facts (the allocator
// refills its spans every 17 decisions), blocks of them a few percent. And
// each decision takes only the bytes it uses (a decision with 4 facts,
// 4 facts' worth), which matters more: with few allocations, what a
// decision costs beyond deciding is the garbage collector's work, in
// proportion to the bytes allocated. The price: a decision a caller keeps
// keeps its blocks (8 KB each) in memory until every decision cut from them
// is dropped. DecideInto, for callers that reuse a decision, reuses its
// storage and allocates nothing.
//
// Each block is as many as fit in blockBytes, a size class of the
// allocator's, less the header it puts before an object of more than 512
// bytes with pointers (mallocHeader): one byte over, and the block would
// take the next size class, 19% larger.
const (
	blockBytes        = 8192
	mallocHeader      = 8
	decisionsPerBlock = (blockBytes - mallocHeader) / int(unsafe.Sizeof(Decision{}))
	factsPerBlock     = blockBytes / int(unsafe.Sizeof(fact{})) // no pointers: no header
	srcsPerBlock      = (blockBytes - mallocHeader) / int(unsafe.Sizeof(""))
	reasonsPerBlock   = (blockBytes - mallocHeader) / int(unsafe.Sizeof(reason{}))
	placesPerBlock    = (blockBytes - mallocHeader) / int(unsafe.Sizeof(PlaceUse{}))
	extrasPerBlock    = (blockBytes - mallocHeader) / int(unsafe.Sizeof(extra{}))
	hisPerBlock       = blockBytes / 8 // float64s: no pointers, no header
)

// newDecision returns a zero decision from the scratch's block.
func (sc *scratch) newDecision() *Decision {
	if len(sc.decisions) == 0 {
		sc.decisions = make([]Decision, decisionsPerBlock)
	}
	d := &sc.decisions[0]
	sc.decisions = sc.decisions[1:]
	return d
}

// cut returns n zero elements from the front of *block, clipped so that
// appending to them copies, refilling *block with per elements (or n, if
// more) when it holds fewer than n.
func cut[T any](block *[]T, n, per int) []T {
	if len(*block) < n {
		*block = make([]T, max(n, per))
	}
	out := (*block)[:n:n]
	*block = (*block)[n:]
	return out
}

// storage returns room for n of d's elements: old's when it is large
// enough (d's own from its last decision, for DecideInto), else cut from
// the scratch's block. old's elements are zeroed.
func storage[T any](old []T, block *[]T, n, per int) []T {
	if cap(old) >= n {
		old = old[:n]
		clear(old)
		return old
	}
	return cut(block, n, per)
}

// setPlace sets d's Place to a copy of use, in d's own PlaceUse.
func (d *Decision) setPlace(use PlaceUse, sc *scratch) {
	x := d.ext(sc)
	if x.own == nil {
		x.own = &cut(&sc.places, 1, placesPerBlock)[0]
	}
	*x.own = use
	d.Place = x.own
}

// reuse empties d for DecideInto, keeping the storage it owns: its facts,
// reasons, sources, place and extra part.
func (d *Decision) reuse() {
	facts, reasons, x := d.facts, d.reasons, d.x
	if d.shared {
		reasons = nil
	}
	*d = Decision{facts: facts[:0], reasons: reasons[:0], x: x}
	if x != nil {
		*x = extra{own: x.own, srcs: x.srcs[:0], his: x.his[:0]}
	}
}
