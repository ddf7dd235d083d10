package register

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/tonggao/tonggao/calendar"
)

// The JSON form of a register, as a bundle's snapshot carries it (package
// bundle, snapshot.json): the entries in the order added and the general
// clause, every field as parsed, so that a reader without a YAML parser —
// the WebAssembly build — has the register Parse gives. Readers with YAML
// re-derive it from register.yaml and refuse a bundle whose snapshot
// disagrees (package bundle).

type registerJSON struct {
	Entries []entryJSON `json:"entries"`
	Clause  *clauseJSON `json:"clause,omitempty"`
}

type numberJSON struct {
	Prefix string `json:"prefix"`
	Year   int    `json:"year"`
	Serial int    `json:"serial"`
}

type entryJSON struct {
	Number      numberJSON     `json:"number"`
	Title       string         `json:"title,omitempty"`
	Disposition Disposition    `json:"disposition,omitempty"`
	ValidFrom   *calendar.Date `json:"valid_from,omitempty"`
	ValidUntil  *calendar.Date `json:"valid_until,omitempty"`
	ChangedBy   *numberJSON    `json:"changed_by,omitempty"`
	ChangedOn   *calendar.Date `json:"changed_on,omitempty"`
	Source      string         `json:"source,omitempty"`
	Notes       []Note         `json:"notes,omitempty"`
}

type clauseJSON struct {
	Decision  numberJSON    `json:"decision"`
	Effective calendar.Date `json:"effective"`
	MadeBy    calendar.Date `json:"made_on_or_before"`
	Issuers   []string      `json:"issuers"`
	Text      string        `json:"text"`
}

func numJSON(n Number) numberJSON   { return numberJSON(n) }
func (n numberJSON) number() Number { return Number(n) }

// MarshalJSON writes the register's entries, in the order added, and its
// general clause.
func (r *Register) MarshalJSON() ([]byte, error) {
	out := registerJSON{Entries: make([]entryJSON, 0, len(r.order))}
	for _, n := range r.order {
		e := r.entries[n]
		j := entryJSON{Number: numJSON(e.Number), Title: e.Title, Disposition: e.Disposition, ValidFrom: e.ValidFrom,
			ValidUntil: e.ValidUntil, ChangedOn: e.ChangedOn, Source: e.Source, Notes: e.Notes}
		if e.ChangedBy != (Number{}) {
			cb := numJSON(e.ChangedBy)
			j.ChangedBy = &cb
		}
		out.Entries = append(out.Entries, j)
	}
	if c := r.clause; c != nil {
		out.Clause = &clauseJSON{Decision: numJSON(c.decision), Effective: c.effective, MadeBy: c.madeBy, Issuers: c.issuers, Text: c.text}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads what MarshalJSON writes, refusing unknown keys; the
// entries are checked as New checks them, and the clause's issuers must be
// issuer codes, sorted, as Parse leaves them.
func (r *Register) UnmarshalJSON(b []byte) error {
	var j registerJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("register: %w", err)
	}
	entries := make([]Entry, len(j.Entries))
	for i, e := range j.Entries {
		entries[i] = Entry{Number: e.Number.number(), Title: e.Title, Disposition: e.Disposition, ValidFrom: e.ValidFrom,
			ValidUntil: e.ValidUntil, ChangedOn: e.ChangedOn, Source: e.Source, Notes: e.Notes}
		if e.ChangedBy != nil {
			entries[i].ChangedBy = e.ChangedBy.number()
		}
	}
	reg, err := New(entries...)
	if err != nil {
		return err
	}
	if len(reg.order) != len(entries) {
		return errors.New("register: a document is listed twice")
	}
	if c := j.Clause; c != nil {
		if !slices.IsSorted(c.Issuers) {
			return errors.New("register: the general clause's issuers are not sorted")
		}
		for _, p := range c.Issuers {
			if _, err := ParseNumber(p + "〔2000〕1号"); err != nil {
				return fmt.Errorf("register: general clause: issuer %q is not an issuer code", p)
			}
		}
		reg.clause = &generalClause{decision: c.Decision.number(), effective: c.Effective, madeBy: c.MadeBy, issuers: c.Issuers, text: c.Text}
	}
	*r = *reg
	return nil
}
