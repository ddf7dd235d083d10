package engine

import (
	"encoding/json"

	"github.com/tonggao/tonggao/calendar"
)

// decisionJSON is a decision's JSON form as a plain struct.
type decisionJSON struct {
	Activity     ActivityRef     `json:"activity"`
	Date         calendar.Date   `json:"date"`
	Place        *PlaceUse       `json:"place,omitempty"`
	Verdict      Verdict         `json:"verdict"`
	Reasons      []Reason        `json:"reasons"`
	UnknownFacts []string        `json:"unknown_facts"`
	Outcomes     []Outcome       `json:"outcomes,omitempty"`
	NextChange   *Change         `json:"next_change"`
	Facts        []FactValue     `json:"facts"`
	Penalties    []NoticePenalty `json:"penalties,omitempty"`
	Contacts     []NoticeContact `json:"contacts,omitempty"`
	Notes        []Note          `json:"notes,omitempty"`
	Receipt      Receipt         `json:"receipt"`
}

func (d *Decision) plain() decisionJSON {
	return decisionJSON{
		Activity: d.Activity(), Date: d.Date, Place: d.Place, Verdict: d.Verdict, Reasons: d.Reasons(), UnknownFacts: d.UnknownFacts(),
		Outcomes: d.Outcomes(), NextChange: d.NextChange, Facts: d.Facts(), Penalties: d.Penalties(), Contacts: d.Contacts(),
		Notes: d.Notes(), Receipt: d.Receipt(),
	}
}

// AppendJSON appends the decision's JSON to dst.
func (d *Decision) AppendJSON(dst []byte) []byte {
	b, err := json.Marshal(d.plain())
	if err != nil {
		panic(err)
	}
	return append(dst, b...)
}

// MarshalJSON encodes the decision as AppendJSON does.
func (d *Decision) MarshalJSON() ([]byte, error) { return d.AppendJSON(nil), nil }
