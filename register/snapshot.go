package register

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/tonggao/tonggao/calendar"
)

//go:generate env UPDATE_SNAPSHOT=1 go test -run ^TestSnapshot$ .

// The embedded register as parsed, built into the binary
// (snapshot_gen.go, written by go generate) so that a process does not
// parse its YAML: on a cold start that was a fifth of `tonggao check`
// once the rules came from their own snapshot (docs/speed.md). It is used
// only when register.yaml's bytes are those it was made from; TestSnapshot
// fails until it is regenerated after a change.

// fromSnapshot returns the register the snapshot holds for data, if it
// was made from data.
func fromSnapshot(data []byte) (*Register, bool) {
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != snapshotSum {
		return nil, false
	}
	r, err := linkedSnapshot()
	return r, err == nil
}

// linkedSnapshot is the register the snapshot holds. The entries are put
// in place as they are, without New's checks and copies (a tenth of a cold
// check's work after start-up): they were written from a register parse
// had checked, one entry a number, and TestSnapshot requires the register
// built here to equal that one.
func linkedSnapshot() (*Register, error) {
	es := snapshotEntries()
	r := &Register{entries: make(map[Number]Entry, len(es)), order: make([]Number, 0, len(es)), clause: snapshotClause()}
	for _, e := range es {
		if _, dup := r.entries[e.Number]; dup {
			return nil, fmt.Errorf("%s listed twice: not a snapshot TestSnapshot wrote", e.Number)
		}
		r.entries[e.Number] = e
		r.order = append(r.order, e.Number)
	}
	return r, nil
}

// snapRow is one entry as snapshot_gen.go writes it: constants only, so
// that the rows are data the linker lays out rather than code. A function
// returning the entries as one composite literal was the largest function
// the WebAssembly module ran at start-up, and V8 compiles a function the
// first time it runs (a fortieth of the start: docs/speed.md).
type snapRow struct {
	number                Number
	title, source         string
	disposition           Disposition
	validFrom, validUntil snapDay
	changedBy             Number
	changedOn             snapDay
	notes                 []snapNote
}

// snapNote is a transcribed note: its code and its words in Chinese and
// English.
type snapNote struct{ code, zh, en string }

// snapDay is a day as YYYYMMDD; 0 for none.
type snapDay int32

func (d snapDay) date() *calendar.Date {
	if d == 0 {
		return nil
	}
	day := calendar.MustDate(int(d/10000), int(d/100%100), int(d%100))
	return &day
}

// clauseRow is the general clause as snapshot_gen.go writes it.
type clauseRow struct {
	decision          Number
	effective, madeBy snapDay
	issuers           []string
	text              string
}

// snapshotEntries are the snapshot's entries, in the register's order.
func snapshotEntries() []Entry {
	out := make([]Entry, len(snapshotRows))
	for i, r := range snapshotRows {
		e := Entry{Number: r.number, Title: r.title, Disposition: r.disposition, ValidFrom: r.validFrom.date(), ValidUntil: r.validUntil.date(),
			ChangedBy: r.changedBy, ChangedOn: r.changedOn.date(), Source: r.source}
		if r.notes != nil {
			e.Notes = make([]Note, len(r.notes))
			for j, n := range r.notes {
				e.Notes[j] = Note{Code: n.code, Text: map[string]string{"zh": n.zh, "en": n.en}}
			}
		}
		out[i] = e
	}
	return out
}

// snapshotClause is the snapshot's general clause.
func snapshotClause() *generalClause {
	c := snapshotClauseRow
	return &generalClause{decision: c.decision, effective: *c.effective.date(), madeBy: *c.madeBy.date(), issuers: c.issuers, text: c.text}
}
