package records

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"
)

// A batch is the records one write keeps, in one row of record_batches:
// their request ids (to find one), their first and last time (to list a
// range), and the records themselves, encoded (layout 1) and compressed
// with zstd. One row per batch, not per record: in SQLite (modernc, pure
// Go) a row of 15 columns and its two index entries cost the writer
// ≈ 20 µs of CPU a record, and PostgreSQL ≈ 25 µs of its own; a batch
// of a few hundred records compresses to a few KB and costs ≈ 2 µs a
// record (docs/operations.md, "Decision records").
//
// Layout 1, after zstd: for each record, its request id, route, client,
// question, activity, verdict, cited articles, answer, rule set, feed,
// bundle, query and decision as uvarint-length-prefixed bytes, then its
// time (varint microseconds since 1970 UTC) and format (uvarint).
const batchLayout = 1

// maxBatchSpan is the longest time one batch row spans: Append splits a
// batch whose records are further apart, so that a listing of a time
// range reads only the rows that begin at most this long before it.
const maxBatchSpan = time.Hour

// maxBatchRecords is the most records one row keeps (Append splits
// more); seqs of a row's records are its seq × maxBatchRecords + index.
const maxBatchRecords = 4096

// batchSeqBase puts the seqs of batched records above those of rows of
// decision_records (one a record, as written before batches).
const batchSeqBase = 1 << 40

// maxBatchBytes bounds a batch decoded (a damaged or hostile row must not
// take the reader's memory).
const maxBatchBytes = 256 << 20

// idsSep separates the request ids of a batch's ids column, which also
// begins and ends with it: a request id (server.validRequestID: letters,
// digits, '.', '_', '-') never holds it, so "\nID\n" is found only for ID.
const idsSep = "\n"

// idsPattern is what a batch's ids column holds if it holds id.
func idsPattern(id string) string { return idsSep + id + idsSep }

// appendIDs appends the ids column of es.
func appendIDs(dst []byte, es []Entry) []byte {
	dst = append(dst, idsSep...)
	for i := range es {
		dst = append(dst, es[i].RequestID...)
		dst = append(dst, idsSep...)
	}
	return dst
}

// appendBatch appends es in layout 1 (before compression).
func appendBatch(dst []byte, es []Entry) []byte {
	for i := range es {
		e := &es[i]
		for _, s := range [...]string{e.RequestID, e.Route, e.Client, e.Question, e.Activity, e.Verdict, e.Cited, e.Answer, e.RuleSet, e.Feed, e.Bundle} {
			dst = binary.AppendUvarint(dst, uint64(len(s)))
			dst = append(dst, s...)
		}
		for _, b := range [...][]byte{e.Query, e.Decision} {
			dst = binary.AppendUvarint(dst, uint64(len(b)))
			dst = append(dst, b...)
		}
		dst = binary.AppendVarint(dst, e.Time.UnixMicro())
		v := e.Version
		if v == 0 {
			v = Format
		}
		dst = binary.AppendUvarint(dst, uint64(v))
	}
	return dst
}

var errBatch = errors.New("damaged record batch")

// readBatch reads the records of a batch in layout 1; seq is its row's.
func readBatch(b []byte, seq int64) ([]Entry, error) {
	var out []Entry
	// One string for all the text of the batch: one allocation, not one a
	// field.
	text := string(b)
	pos := 0
	str := func() (string, error) {
		n, k := binary.Uvarint(b[pos:])
		if k <= 0 || n > uint64(len(b)-pos-k) {
			return "", errBatch
		}
		pos += k
		s := text[pos : pos+int(n)]
		pos += int(n)
		return s, nil
	}
	for pos < len(b) {
		var e Entry
		var fields [13]string
		for k := range fields {
			s, err := str()
			if err != nil {
				return nil, fmt.Errorf("%w: record %d", err, len(out)+1)
			}
			fields[k] = s
		}
		e.RequestID, e.Route, e.Client, e.Question, e.Activity, e.Verdict, e.Cited, e.Answer, e.RuleSet, e.Feed, e.Bundle =
			fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8], fields[9], fields[10]
		e.Query, e.Decision = []byte(fields[11]), []byte(fields[12])
		at, k := binary.Varint(b[pos:])
		if k <= 0 {
			return nil, fmt.Errorf("%w: record %d: time", errBatch, len(out)+1)
		}
		pos += k
		v, k := binary.Uvarint(b[pos:])
		if k <= 0 || v > 1<<20 {
			return nil, fmt.Errorf("%w: record %d: format", errBatch, len(out)+1)
		}
		pos += k
		e.Time, e.Version = time.UnixMicro(at).UTC(), int(v)
		e.Seq = batchSeqBase + seq*maxBatchRecords + int64(len(out))
		out = append(out, e)
	}
	return out, nil
}

// splitBatch cuts es (in the order given) into runs of at most
// maxBatchRecords records spanning at most maxBatchSpan each.
func splitBatch(es []Entry) [][]Entry {
	var out [][]Entry
	for len(es) > 0 {
		lo, hi := es[0].Time, es[0].Time
		n := 1
		for ; n < len(es) && n < maxBatchRecords; n++ {
			t := es[n].Time
			if t.Before(lo) {
				lo = t
			}
			if t.After(hi) {
				hi = t
			}
			if hi.Sub(lo) > maxBatchSpan {
				break
			}
		}
		out = append(out, es[:n])
		es = es[n:]
	}
	return out
}

// span is the first and last time of es.
func span(es []Entry) (first, last time.Time) {
	first, last = es[0].Time, es[0].Time
	for i := range es {
		if es[i].Time.Before(first) {
			first = es[i].Time
		}
		if es[i].Time.After(last) {
			last = es[i].Time
		}
	}
	return first, last
}

// sortEntries orders records by time, then seq.
func sortEntries(es []Entry) {
	slices.SortStableFunc(es, func(a, b Entry) int {
		if c := a.Time.Compare(b.Time); c != 0 {
			return c
		}
		return int(min(max(a.Seq-b.Seq, -1), 1))
	})
}
