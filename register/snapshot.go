package register

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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
