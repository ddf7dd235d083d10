package hotline

import (
	"github.com/tonggao/tonggao/register"
)

// RegisterNote is a note of the register in language l: a data note's own
// words in that language, or a computed note's catalogue message
// register.<code> filled with its parts (a disposition named in l). A note
// the catalogue has no words for renders as its key in brackets, visibly.
func (c *Catalog) RegisterNote(l Lang, n register.Note) string {
	if n.Text != nil {
		if s := n.Text[string(l)]; s != "" {
			return s
		}
		return n.Text[string(ZH)]
	}
	kv := make([]string, 0, 2*len(n.Args))
	for k, v := range n.Args {
		if k == "disposition" {
			v = c.T(l, "register.disposition."+v)
		}
		kv = append(kv, k, v)
	}
	return c.T(l, "register."+n.Code, kv...)
}

// RegisterNotes renders notes in language l; never nil.
func (c *Catalog) RegisterNotes(l Lang, ns []register.Note) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, c.RegisterNote(l, n))
	}
	return out
}

// Document is a register status as answers give it: its notes in
// language l (tonggao doc --json, GET /v1/documents/{number}).
func (c *Catalog) Document(l Lang, st register.Status) DocumentAnswer {
	return DocumentAnswer{Number: st.Number, Title: st.Title, Status: st.Status, ValidFrom: st.ValidFrom, ValidUntil: st.ValidUntil,
		ChangedBy: st.ChangedBy, Notes: c.RegisterNotes(l, st.Notes)}
}
