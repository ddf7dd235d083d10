// Package records keeps decision records: what the service answered, to
// whom, when and under which rule set, so that a hotline can say months
// later "what did we tell this caller on 10月3日, under which rules?" and
// re-decide it (Replay).
//
// A [Writer] is the server's [server.Recorder]: it queues each answered
// request and returns at once; one goroutine writes the queue to a [Store]
// in batches. A full queue drops the record and counts it — a record is
// never worth a late or failed answer. A Store is an embedded SQLite file
// (pure Go, WAL mode) or a PostgreSQL database ([Open]). Rule sets are
// kept beside the records by digest ([Archive], [Store.PutRuleSet]) so
// that a record can be replayed under the rules that answered it.
//
// A record keeps the decision's [Outline] — verdict, each reason's rule and
// status, a fingerprint of the words it quotes — not the decision itself
// (formats 2 and 3, a few hundred bytes instead of several KB): [Replay]
// re-derives the decision under the rule set the record names and reports
// the fields that differ, the quotes included (format 3). Records of the first format, which kept the whole
// decision, still read and replay; each row names its format.
package records
