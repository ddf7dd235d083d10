package register

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/tonggao/tonggao/calendar"
)

// Disposition is what a clean-up decision did to a listed document.
type Disposition string

// The dispositions of 祁政发〔2024〕4号. The empty Disposition marks a document
// known from its own text (an encoded notice) that no decision has changed.
const (
	DispositionAbolished   Disposition = "abolished"   // 废止
	DispositionInvalidated Disposition = "invalidated" // 宣布失效
	DispositionContinued   Disposition = "continued"   // 确认继续有效
)

// The statuses Status reports.
const (
	InForce       = "in_force"         // in force on the day asked about
	NotYetInForce = "not_yet_in_force" // before the document took effect
	Expired       = "expired"          // after its validity period ended
	Invalidated   = "invalidated"      // declared invalid (宣布失效) by a decision
	Abolished     = "abolished"        // abolished (废止) by a decision
	Unknown       = "unknown"          // the register cannot tell
)

// Entry is one document in the register.
type Entry struct {
	Number      Number
	Title       string
	Disposition Disposition
	// ValidFrom is the first day in force, nil when not printed. Entries
	// without a Disposition must have one.
	ValidFrom *calendar.Date
	// ValidUntil is the last day in force (inclusive), nil for none or not
	// printed. Continued entries must have one: the printed 失效时间.
	ValidUntil *calendar.Date
	// ChangedBy is the decision that abolished, invalidated or continued the
	// document; ChangedOn the day that took effect. Entries with a
	// Disposition must have both.
	ChangedBy Number
	ChangedOn *calendar.Date
	// Source says where the entry comes from, e.g. "附件3 序号1".
	Source string
	// Notes are data notes: where the print looks wrong or is ambiguous.
	Notes []Note
}

// Note is a note on a document's status. Its words are data, never Go: a
// note transcribed with the register's data carries them in Text, by
// language ("zh", "en"); a note the register works out has a Code and Args
// instead, and its words are the answer catalogue's message
// "register.<Code>" filled with Args (hotline.Catalog.RegisterNote).
// Quotations of a document's own words stay as printed in every language.
type Note struct {
	Code string            `json:"code"`
	Args map[string]string `json:"args,omitempty"`
	Text map[string]string `json:"text,omitempty"`
}

// DataNote is the Code of a note transcribed with the register's data.
const DataNote = "data"

// The codes of the notes Status works out; the catalogue words each as
// register.<code>, with the Args named after the code.
const (
	NoteOwnValidityEnded    = "own_validity_ended"    // until
	NoteGeneralClause       = "general_clause"        // decision, effective, clause
	NoteUndatedYear         = "undated_year"          // year
	NoteUndatedContinued    = "undated_continued"     // changed_on, changed_by
	NoteUndatedUnknown      = "undated_unknown"       // day, year, changed_on
	NoteBeforeDecision      = "before_decision"       // disposition, changed_by, changed_on
	NoteNotInRegister       = "not_in_register"       //
	NoteIssuerNotCovered    = "issuer_not_covered"    // prefix, decision, issuers
	NoteInferredByClause    = "inferred_by_clause"    // number, decision, effective, clause
	NoteUnknownBeforeClause = "unknown_before_clause" // decision, effective
	NoteUnknownMadeWhen     = "unknown_made_when"     // decision, made_by, year
	NoteAfterDecision       = "after_decision"        // decision
)

func computed(code string, kv ...string) Note {
	n := Note{Code: code}
	if len(kv) > 0 {
		n.Args = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			n.Args[kv[i]] = kv[i+1]
		}
	}
	return n
}

func (n Note) clone() Note {
	n.Args = maps.Clone(n.Args)
	n.Text = maps.Clone(n.Text)
	return n
}

func (n Note) equal(o Note) bool {
	return n.Code == o.Code && maps.Equal(n.Args, o.Args) && maps.Equal(n.Text, o.Text)
}

func cloneNotes(ns []Note) []Note {
	if ns == nil {
		return nil
	}
	out := make([]Note, len(ns))
	for i, n := range ns {
		out[i] = n.clone()
	}
	return out
}

// Status is the state of a document on a day, with the reasons.
type Status struct {
	Number     string         `json:"number"`
	Title      string         `json:"title,omitempty"`
	Status     string         `json:"status"`
	ValidFrom  *calendar.Date `json:"valid_from,omitempty"`
	ValidUntil *calendar.Date `json:"valid_until,omitempty"`
	ChangedBy  string         `json:"changed_by,omitempty"`
	Notes      []Note         `json:"notes"`
}

// generalClause is a decision's rule for documents it does not list: those
// made by the issuers up to madeBy and not confirmed as continuing cease on
// effective.
type generalClause struct {
	decision  Number
	effective calendar.Date
	madeBy    calendar.Date // inclusive
	issuers   []string      // issuer codes, sorted
	text      string        // the clause as printed, quoted by its notes
}

func (c *generalClause) covers(prefix string) bool {
	_, ok := slices.BinarySearch(c.issuers, prefix)
	return ok
}

// Register is an immutable set of documents and their dispositions. It is
// safe for concurrent use; With returns a new Register.
type Register struct {
	entries map[Number]Entry
	order   []Number // in the order added
	clause  *generalClause
}

// New returns a register holding entries and no general clause, so numbers
// it does not hold are Unknown. It returns an error if an entry is invalid or
// two entries for one number conflict (see With).
func New(entries ...Entry) (*Register, error) {
	return (&Register{}).With(entries...)
}

// With returns a new register holding r's entries and entries; r is not
// changed. An added entry for a number r already holds is merged with it
// when they agree: fields set in both must be equal, fields set in only one
// are kept, and notes and sources are combined. Any disagreement — a
// different title, disposition, date or deciding document — is an error.
// The general clause of r, if any, also applies to the added documents.
func (r *Register) With(entries ...Entry) (*Register, error) {
	out := &Register{
		entries: make(map[Number]Entry, len(r.entries)+len(entries)),
		order:   slices.Clone(r.order),
		clause:  r.clause,
	}
	for n, e := range r.entries {
		out.entries[n] = e
	}
	for i, e := range entries {
		old, ok := out.entries[e.Number]
		// An entry that adds to a held one (a notice known from the
		// decision's list, say) need only be valid merged.
		check := e.validate
		if ok {
			check = e.validateFields
		}
		if err := check(); err != nil {
			return nil, fmt.Errorf("register: entry %d: %w", i+1, err)
		}
		e = e.clone()
		if !ok {
			out.entries[e.Number] = e
			out.order = append(out.order, e.Number)
			continue
		}
		merged, err := merge(old, e)
		if err != nil {
			return nil, fmt.Errorf("register: entry %d: %w", i+1, err)
		}
		out.entries[e.Number] = merged
	}
	return out, nil
}

func (e Entry) validate() error {
	if err := e.validateFields(); err != nil {
		return err
	}
	return e.validateDisposition()
}

// validateFields checks what an entry says is well formed: its number and
// the order of its dates.
func (e Entry) validateFields() error {
	if e.Number.IsZero() {
		return fmt.Errorf("missing document number")
	}
	if _, err := ParseNumber(e.Number.String()); err != nil {
		return err
	}
	at := func(format string, args ...any) error {
		return fmt.Errorf("%s: %s", e.Number, fmt.Sprintf(format, args...))
	}
	for _, d := range []*calendar.Date{e.ValidFrom, e.ValidUntil, e.ChangedOn} {
		if d != nil && !d.Valid() {
			return at("date out of range")
		}
	}
	if e.ValidFrom != nil && e.ValidUntil != nil && e.ValidUntil.Before(*e.ValidFrom) {
		return at("valid until %s is before valid from %s", e.ValidUntil, e.ValidFrom)
	}
	return nil
}

// validateDisposition checks an entry has what its disposition needs.
func (e Entry) validateDisposition() error {
	at := func(format string, args ...any) error {
		return fmt.Errorf("%s: %s", e.Number, fmt.Sprintf(format, args...))
	}
	switch e.Disposition {
	case "":
		if e.ValidFrom == nil {
			return at("a document without a disposition needs a valid-from date")
		}
	case DispositionAbolished, DispositionInvalidated:
		if e.ChangedBy.IsZero() || e.ChangedOn == nil {
			return at("%s needs the deciding document and the day it took effect", e.Disposition)
		}
	case DispositionContinued:
		if e.ChangedBy.IsZero() || e.ChangedOn == nil {
			return at("continued needs the deciding document and the day it took effect")
		}
		if e.ValidUntil == nil {
			return at("continued needs a valid-until date")
		}
	default:
		return at("unknown disposition %q (want abolished, invalidated or continued)", e.Disposition)
	}
	return nil
}

func (e Entry) clone() Entry {
	e.ValidFrom = cloneDate(e.ValidFrom)
	e.ValidUntil = cloneDate(e.ValidUntil)
	e.ChangedOn = cloneDate(e.ChangedOn)
	e.Notes = cloneNotes(e.Notes)
	return e
}

func cloneDate(d *calendar.Date) *calendar.Date {
	if d == nil {
		return nil
	}
	v := *d
	return &v
}

// merge combines two entries for one number, or reports how they conflict.
func merge(old, add Entry) (Entry, error) {
	conflict := func(field, have, want string) (Entry, error) {
		src := ""
		if old.Source != "" {
			src = " (" + old.Source + ")"
		}
		return Entry{}, fmt.Errorf("%s: %s %q conflicts with %q already in the register%s", old.Number, field, want, have, src)
	}
	m := old.clone()
	if add.Title != "" {
		if m.Title != "" && m.Title != add.Title {
			return conflict("title", m.Title, add.Title)
		}
		m.Title = add.Title
	}
	if add.Disposition != "" {
		if m.Disposition != "" && m.Disposition != add.Disposition {
			return conflict("disposition", string(m.Disposition), string(add.Disposition))
		}
		m.Disposition = add.Disposition
	}
	if !add.ChangedBy.IsZero() {
		if !m.ChangedBy.IsZero() && m.ChangedBy != add.ChangedBy {
			return conflict("changed by", m.ChangedBy.String(), add.ChangedBy.String())
		}
		m.ChangedBy = add.ChangedBy
	}
	for _, f := range []struct {
		name     string
		dst, src **calendar.Date
	}{
		{"valid from", &m.ValidFrom, &add.ValidFrom},
		{"valid until", &m.ValidUntil, &add.ValidUntil},
		{"changed on", &m.ChangedOn, &add.ChangedOn},
	} {
		if *f.src == nil {
			continue
		}
		if *f.dst != nil && **f.dst != **f.src {
			return conflict(f.name, (*f.dst).String(), (*f.src).String())
		}
		*f.dst = cloneDate(*f.src)
	}
	switch {
	case m.Source == "":
		m.Source = add.Source
	case add.Source != "" && add.Source != m.Source:
		m.Source += "; " + add.Source
	}
	for _, n := range add.Notes {
		if !slices.ContainsFunc(m.Notes, n.equal) {
			m.Notes = append(m.Notes, n.clone())
		}
	}
	if err := m.validate(); err != nil {
		return Entry{}, fmt.Errorf("merged entry: %w", err)
	}
	return m, nil
}

// Len returns the number of documents in the register.
func (r *Register) Len() int { return len(r.order) }

// Entries returns copies of the register's entries in the order added.
func (r *Register) Entries() []Entry {
	out := make([]Entry, 0, len(r.order))
	for _, n := range r.order {
		out = append(out, r.entries[n].clone())
	}
	return out
}

// Entry returns a copy of the entry for n and whether the register holds one.
func (r *Register) Entry(n Number) (Entry, bool) {
	e, ok := r.entries[n]
	if !ok {
		return Entry{}, false
	}
	return e.clone(), true
}

// Lookup parses number (any form ParseNumber accepts) and returns its
// status on the given day.
func (r *Register) Lookup(number string, on calendar.Date) (Status, error) {
	n, err := ParseNumber(number)
	if err != nil {
		return Status{}, err
	}
	return r.Status(n, on), nil
}

// Status returns the status of document n on the given day.
//
// A listed document that was abolished or invalidated has that status from
// the day the decision took effect (ChangedOn). Otherwise its own validity
// decides: not_yet_in_force before ValidFrom (or before 1 January of the
// year in its number), expired after ValidUntil, in_force in between. When
// the register does not know whether a listed document was in force — the
// issue date is not printed — the status is unknown and a note says why.
//
// A number the register does not hold falls under the general clause of
// the decision, when the register has one (Embedded does): documents of
// 市人民政府 and 市人民政府办公室 made on or before 2024-06-30 and not confirmed
// as continuing ceased on 2024-08-20. For such an issuer and a year before
// 2024 the status is invalidated from 2024-08-20, with a note that this is
// inferred; for 2024 it is unknown, since the register cannot tell whether
// the document was made by 30 June. Everything else is unknown.
//
// Notes is never nil.
func (r *Register) Status(n Number, on calendar.Date) Status {
	e, ok := r.entries[n]
	if !ok {
		return r.unlisted(n, on)
	}
	st := Status{
		Number:     n.String(),
		Title:      e.Title,
		ValidFrom:  cloneDate(e.ValidFrom),
		ValidUntil: cloneDate(e.ValidUntil),
		ChangedBy:  e.ChangedBy.String(),
		Notes:      cloneNotes(e.Notes),
	}
	if st.Notes == nil {
		st.Notes = []Note{}
	}
	note := func(code string, kv ...string) { st.Notes = append(st.Notes, computed(code, kv...)) }

	switch e.Disposition {
	case DispositionAbolished, DispositionInvalidated:
		if !on.Before(*e.ChangedOn) {
			st.Status = string(e.Disposition)
			if e.ValidUntil != nil && e.ValidUntil.Before(*e.ChangedOn) {
				note(NoteOwnValidityEnded, "until", e.ValidUntil.String())
			}
			return st
		}
	case "":
		// The general clause ends an unlisted document of the municipal
		// government made by its cut-off, unless it had expired already.
		if c := r.clause; c != nil && c.covers(n.Prefix) && !on.Before(c.effective) &&
			(n.Year < c.madeBy.Year() || !e.ValidFrom.After(c.madeBy)) &&
			(e.ValidUntil == nil || !e.ValidUntil.Before(c.effective)) {
			st.Status = Invalidated
			st.ChangedBy = c.decision.String()
			note(NoteGeneralClause, "decision", c.decision.String(), "effective", c.effective.String(), "clause", c.text)
			return st
		}
	}

	switch {
	case e.ValidFrom != nil && on.Before(*e.ValidFrom):
		st.Status = NotYetInForce
	case e.ValidFrom == nil && on.Year() < n.Year:
		st.Status = NotYetInForce
		note(NoteUndatedYear, "year", strconv.Itoa(n.Year))
	case e.ValidUntil != nil && on.After(*e.ValidUntil):
		st.Status = Expired
	case e.ValidFrom != nil:
		st.Status = InForce
	case e.Disposition == DispositionContinued && !on.Before(*e.ChangedOn):
		st.Status = InForce
	case e.Disposition == DispositionContinued && on.Year() > n.Year:
		st.Status = InForce
		note(NoteUndatedContinued, "changed_on", e.ChangedOn.String(), "changed_by", e.ChangedBy.String())
	case e.Disposition == DispositionContinued:
		st.Status = Unknown
		note(NoteUndatedUnknown, "day", on.String(), "year", strconv.Itoa(n.Year), "changed_on", e.ChangedOn.String())
	default: // abolished or invalidated, asked about a day before the decision
		st.Status = Unknown
		note(NoteBeforeDecision, "disposition", string(e.Disposition), "changed_by", e.ChangedBy.String(), "changed_on", e.ChangedOn.String())
	}
	return st
}

// Clause is the register's general clause: the decision that makes it, the
// day it takes effect, the last day a document it ends was made, and its
// text as printed. ok is false when the register has none.
func (r *Register) Clause() (decision Number, effective, madeBy calendar.Date, text string, ok bool) {
	if r.clause == nil {
		return Number{}, calendar.Date{}, calendar.Date{}, "", false
	}
	c := r.clause
	return c.decision, c.effective, c.madeBy, c.text, true
}

// Disposed counts the documents decision lists under each disposition.
func (r *Register) Disposed(decision Number) map[Disposition]int {
	out := map[Disposition]int{}
	for _, n := range r.order {
		if e := r.entries[n]; e.ChangedBy == decision && e.Disposition != "" {
			out[e.Disposition]++
		}
	}
	return out
}

// unlisted applies the general clause to a number the register does not hold.
func (r *Register) unlisted(n Number, on calendar.Date) Status {
	st := Status{Number: n.String(), Status: Unknown, Notes: []Note{}}
	note := func(code string, kv ...string) { st.Notes = append(st.Notes, computed(code, kv...)) }
	c := r.clause
	if c == nil {
		note(NoteNotInRegister)
		return st
	}
	if !c.covers(n.Prefix) {
		note(NoteIssuerNotCovered, "prefix", n.Prefix, "decision", c.decision.String(), "issuers", strings.Join(c.issuers, "、"))
		return st
	}
	cut := c.madeBy.Year()
	switch {
	case n.Year < cut && !on.Before(c.effective):
		st.Status = Invalidated
		st.ChangedBy = c.decision.String()
		note(NoteInferredByClause, "number", n.String(), "decision", c.decision.String(), "effective", c.effective.String(), "clause", c.text)
	case n.Year < cut:
		note(NoteUnknownBeforeClause, "decision", c.decision.String(), "effective", c.effective.String())
	case n.Year == cut:
		note(NoteUnknownMadeWhen, "decision", c.decision.String(), "made_by", c.madeBy.String(), "year", strconv.Itoa(n.Year))
	default:
		note(NoteAfterDecision, "decision", c.decision.String())
	}
	return st
}
