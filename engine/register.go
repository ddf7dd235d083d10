package engine

import (
	"fmt"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// WithRegister checks every encoded notice against a register of documents
// in force (祁政发〔2024〕4号 and others): New fails if a notice's validity
// disagrees with the register, and a notice the register declares invalid
// or abolished stops applying on that day. The engine's Register then
// knows the encoded notices too.
func WithRegister(r *register.Register) Option {
	return func(e *Engine) error {
		e.register = r
		return nil
	}
}

// NoteDatedAfterStart is the code of the register note on a notice dated
// after the start of the period it governs (the catalogue's
// register.dated_after_start: issued, article, text, effective).
const NoteDatedAfterStart = "dated_after_start"

// RegisterEntries describes the notices of a rule set as register entries.
func RegisterEntries(set *rules.Set) ([]register.Entry, error) {
	var out []register.Entry
	for _, n := range set.Notices {
		if n.Number == "" {
			continue // a notice without a document number is not in a register of numbered documents
		}
		num, err := register.ParseNumber(n.Number)
		if err != nil {
			return nil, fmt.Errorf("%s: notice number: %w", n.File, err)
		}
		from, until := n.Effective, n.ValidUntil
		e := register.Entry{Number: num, Title: n.Title, ValidFrom: &from, ValidUntil: &until, Source: n.File}
		switch {
		case n.TitleOnly:
			// Known from the register's own list: the day the rule base
			// applies it from is a reading, not the document's start.
			e.ValidFrom = nil
		case n.Issued.Valid() && n.Issued.After(n.Effective):
			// The document exists from its date; the period it governs
			// began earlier, and the rule base answers from then. Say both.
			issued := n.Issued
			e.ValidFrom = &issued
			e.Notes = []register.Note{{Code: NoteDatedAfterStart, Args: map[string]string{
				"issued": n.Issued.String(), "article": n.ValidityArticle, "text": n.ValidityText, "effective": n.Effective.String()}}}
		}
		out = append(out, e)
	}
	return out, nil
}

// Register returns the register the engine checked its notices against,
// including the encoded notices (nil without WithRegister).
func (e *Engine) Register() *register.Register { return e.register }

// applyRegister merges the notices into the register and cuts a notice's
// validity where the register ends it earlier.
func (e *Engine) applyRegister() error {
	if e.register == nil {
		return nil
	}
	entries, err := RegisterEntries(e.set)
	if err != nil {
		return err
	}
	for i, en := range entries {
		if en.ValidFrom != nil {
			continue
		}
		if _, known := e.register.Entry(en.Number); known {
			continue
		}
		// A title-only notice whose list this register lacks (a bundle
		// without the register): the rule base's first day is all there
		// is to say.
		for _, n := range e.set.Notices {
			if num, err := register.ParseNumber(n.Number); err == nil && num == en.Number {
				from := n.Effective
				entries[i].ValidFrom = &from
				break
			}
		}
	}
	merged, err := e.register.With(entries...)
	if err != nil {
		return fmt.Errorf("engine: rule set and register disagree: %w", err)
	}
	e.register = merged
	for _, n := range e.set.Notices {
		if n.Number == "" {
			continue
		}
		num, _ := register.ParseNumber(n.Number)
		end := n.ValidUntil
		for _, d := range []calendar.Date{n.Effective, n.ValidUntil} {
			st := merged.Status(num, d)
			if st.Status != register.Invalidated && st.Status != register.Abolished {
				continue
			}
			// The register ended it: find the first day it does so.
			for day := n.Effective; !day.After(end); day = day.AddDays(1) {
				if s := merged.Status(num, day).Status; s == register.Invalidated || s == register.Abolished {
					end = day.AddDays(-1)
					break
				}
			}
		}
		if end != n.ValidUntil {
			e.ends[n] = end
		}
	}
	return nil
}

// inForce is the notice's validity as the engine applies it.
func (e *Engine) inForce(n *rules.Notice, d calendar.Date) bool {
	if end, cut := e.ends[n]; cut && d.After(end) {
		return false
	}
	return n.InForce(d)
}
