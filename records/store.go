package records

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"
	// The two drivers: PostgreSQL through pgx, SQLite in pure Go.
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// ErrNotFound is returned for a record or rule set the store does not hold.
var ErrNotFound = errors.New("records: not found")

// Store is a database of decision records and the rule sets they name.
// Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	d    dialect
	name string // for errors: the file, or the URL without its password

	insert *sql.Stmt // the INSERT of one batch row
	enc    *zstd.Encoder
	dec    *zstd.Decoder
}

// dialect is what differs between SQLite and PostgreSQL.
type dialect struct {
	name   string
	schema []string
	// param is the n-th (1-based) placeholder.
	param func(n int) string
	// timeArg converts a record's time.
	timeArg func(time.Time) any
	// holds is the condition that the ids column holds the parameter.
	holds string
}

// The columns of decision_records, one row a record: how records were
// written before record_batches (read, never written now).
const columns = "request_id, at, route, client, question, activity, verdict, cited, answer, rule_set, feed, query, decision, version, bundle"

// addedColumns are the columns added to decision_records after its first
// release, with their definitions: Open adds those a table lacks. A row
// written before a column existed has its default: version 1 is
// FormatFull, the decision as the API gave it — and a binary that does
// not know the column (an older replica on the same database) still
// writes rows that read right.
var addedColumns = []struct{ name, def string }{
	{"version", "INTEGER NOT NULL DEFAULT 1"},
	{"bundle", "TEXT NOT NULL DEFAULT ''"},
}

var sqlite = dialect{
	name: "sqlite",
	schema: []string{
		`CREATE TABLE IF NOT EXISTS decision_records (
			seq INTEGER PRIMARY KEY AUTOINCREMENT,
			request_id TEXT NOT NULL, at INTEGER NOT NULL, route TEXT NOT NULL, client TEXT NOT NULL,
			question TEXT NOT NULL, activity TEXT NOT NULL, verdict TEXT NOT NULL, cited TEXT NOT NULL,
			answer TEXT NOT NULL, rule_set TEXT NOT NULL, feed TEXT NOT NULL, query TEXT NOT NULL, decision TEXT NOT NULL,
			version INTEGER NOT NULL DEFAULT 1, bundle TEXT NOT NULL DEFAULT '')`,
		`CREATE INDEX IF NOT EXISTS decision_records_request_id ON decision_records (request_id)`,
		`CREATE INDEX IF NOT EXISTS decision_records_at ON decision_records (at)`,
		`CREATE TABLE IF NOT EXISTS rule_sets (digest TEXT PRIMARY KEY, stored_at INTEGER NOT NULL, archive BLOB NOT NULL)`,
		`CREATE TABLE IF NOT EXISTS record_batches (
			seq INTEGER PRIMARY KEY AUTOINCREMENT,
			first_at INTEGER NOT NULL, last_at INTEGER NOT NULL, count INTEGER NOT NULL, layout INTEGER NOT NULL,
			ids TEXT NOT NULL, body BLOB NOT NULL)`,
		`CREATE INDEX IF NOT EXISTS record_batches_first_at ON record_batches (first_at)`,
	},
	param:   func(int) string { return "?" },
	timeArg: func(t time.Time) any { return t.UnixMicro() },
	holds:   "instr(ids, ?) > 0",
}

// In PostgreSQL the query and the decision are TEXT holding JSON, not
// JSONB: parsing a few KB of JSON per row into JSONB cost the database more
// CPU than the rest of the insert, on the cores the service shares; cast
// with ::jsonb to query into them.
var postgres = dialect{
	name: "postgres",
	schema: []string{
		`CREATE TABLE IF NOT EXISTS decision_records (
			seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			request_id TEXT NOT NULL, at TIMESTAMPTZ NOT NULL, route TEXT NOT NULL, client TEXT NOT NULL,
			question TEXT NOT NULL, activity TEXT NOT NULL, verdict TEXT NOT NULL, cited TEXT NOT NULL,
			answer TEXT NOT NULL, rule_set TEXT NOT NULL, feed TEXT NOT NULL, query TEXT NOT NULL, decision TEXT NOT NULL,
			version INTEGER NOT NULL DEFAULT 1, bundle TEXT NOT NULL DEFAULT '')`,
		`CREATE INDEX IF NOT EXISTS decision_records_request_id ON decision_records (request_id)`,
		`CREATE INDEX IF NOT EXISTS decision_records_at ON decision_records (at)`,
		`CREATE TABLE IF NOT EXISTS rule_sets (digest TEXT PRIMARY KEY, stored_at TIMESTAMPTZ NOT NULL, archive BYTEA NOT NULL)`,
		`CREATE TABLE IF NOT EXISTS record_batches (
			seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			first_at TIMESTAMPTZ NOT NULL, last_at TIMESTAMPTZ NOT NULL, count INTEGER NOT NULL, layout INTEGER NOT NULL,
			ids TEXT NOT NULL, body BYTEA NOT NULL)`,
		`CREATE INDEX IF NOT EXISTS record_batches_first_at ON record_batches (first_at)`,
		// The body is compressed already: TOAST's own compression (pglz)
		// would spend the database's CPU on every batch for nothing.
		`ALTER TABLE record_batches ALTER COLUMN body SET STORAGE EXTERNAL`,
	},
	param:   func(n int) string { return "$" + strconv.Itoa(n) },
	timeArg: func(t time.Time) any { return t.UTC() },
	holds:   "strpos(ids, $1) > 0",
}

// IsURL reports whether target names a PostgreSQL database rather than a
// SQLite file.
func IsURL(target string) bool {
	return strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://")
}

// Open opens (and creates, if need be) the store target names: a
// postgres:// or postgresql:// URL, or else a SQLite file's path.
func Open(ctx context.Context, target string) (*Store, error) {
	if target == "" {
		return nil, errors.New("records: no database given")
	}
	s := &Store{}
	var err error
	if IsURL(target) {
		s.d, s.name = postgres, redact(target)
		s.db, err = sql.Open("pgx", target)
	} else {
		// WAL: readers (lookups) do not wait for the writer; NORMAL sync
		// is durable across a process crash, which is what WAL mode needs.
		s.d, s.name = sqlite, target
		s.db, err = sql.Open("sqlite", "file:"+target+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)")
	}
	if err != nil {
		return nil, fmt.Errorf("records %s: %w", s.name, err)
	}
	if err := s.createSchema(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("records %s: create schema: %w", s.name, err)
	}
	p := s.d.param
	if s.insert, err = s.db.PrepareContext(ctx, "INSERT INTO record_batches (first_at, last_at, count, layout, ids, body) VALUES ("+
		p(1)+", "+p(2)+", "+p(3)+", "+p(4)+", "+p(5)+", "+p(6)+")"); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("records %s: %w", s.name, err)
	}
	// The fastest level: a batch's records repeat most of their bytes
	// (rule-set digest, activity, outline keys), which any level finds.
	s.enc, err = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	if err == nil {
		s.dec, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxBatchBytes))
	}
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("records %s: %w", s.name, err)
	}
	return s, nil
}

// schemaLock is the PostgreSQL advisory lock that replicas starting
// together take while creating the tables (CREATE TABLE IF NOT EXISTS is
// not safe against a concurrent one).
const schemaLock = 0x746f6e6767616f // "tonggao"

func (s *Store) createSchema(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.d.name == "postgres" {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", schemaLock); err != nil {
			return err
		}
	}
	for _, stmt := range s.d.schema {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if err := s.addColumns(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// addColumns adds the columns a table made by an earlier release lacks.
func (s *Store) addColumns(ctx context.Context, tx *sql.Tx) error {
	have := map[string]bool{}
	q := "SELECT name FROM pragma_table_info('decision_records')"
	if s.d.name == "postgres" {
		q = "SELECT column_name FROM information_schema.columns WHERE table_name = 'decision_records' AND table_schema = current_schema()"
	}
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		have[n] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range addedColumns {
		if have[c.name] {
			continue
		}
		if _, err := tx.ExecContext(ctx, "ALTER TABLE decision_records ADD COLUMN "+c.name+" "+c.def); err != nil {
			return fmt.Errorf("add column %s: %w", c.name, err)
		}
	}
	return nil
}

// redact drops a URL's password.
func redact(u string) string {
	scheme, rest, _ := strings.Cut(u, "://")
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		if user, _, hasPass := strings.Cut(rest[:at], ":"); hasPass {
			return scheme + "://" + user + ":***" + rest[at:]
		}
	}
	return u
}

// Kind is "sqlite" or "postgres".
func (s *Store) Kind() string { return s.d.name }

// Close closes the database.
func (s *Store) Close() error {
	if s.insert != nil {
		s.insert.Close()
	}
	if s.enc != nil {
		s.enc.Close()
	}
	if s.dec != nil {
		s.dec.Close()
	}
	return s.db.Close()
}

// Append writes entries as one row of record_batches (all or none): a
// batch longer than maxBatchRecords, or whose records lie further apart
// than maxBatchSpan, as several rows in one transaction.
func (s *Store) Append(ctx context.Context, es []Entry) error {
	if len(es) == 0 {
		return nil
	}
	if err := s.appendBatches(ctx, splitBatch(es)); err != nil {
		return fmt.Errorf("records %s: append %d: %w", s.name, len(es), err)
	}
	return nil
}

func (s *Store) appendBatches(ctx context.Context, parts [][]Entry) error {
	insert := s.insert
	var tx *sql.Tx
	if len(parts) > 1 {
		var err error
		if tx, err = s.db.BeginTx(ctx, nil); err != nil {
			return err
		}
		defer tx.Rollback()
		insert = tx.StmtContext(ctx, s.insert)
		defer insert.Close()
	}
	raw := bufPool.Get().(*[]byte)
	defer bufPool.Put(raw)
	for _, es := range parts {
		first, last := span(es)
		*raw = appendBatch((*raw)[:0], es)
		body := s.enc.EncodeAll(*raw, make([]byte, 0, len(*raw)/4))
		ids := string(appendIDs(make([]byte, 0, len(es)*24), es))
		if _, err := insert.ExecContext(ctx, s.d.timeArg(first), s.d.timeArg(last), len(es), batchLayout, ids, body); err != nil {
			return err
		}
	}
	if tx != nil {
		return tx.Commit()
	}
	return nil
}

// bufPool holds the buffers a batch is encoded in before compression.
var bufPool = sync.Pool{New: func() any { return new([]byte) }}

const selectEntries = "SELECT seq, " + columns + " FROM decision_records "

func (s *Store) query(ctx context.Context, where string, args ...any) ([]Entry, error) {
	rows, err := s.db.QueryContext(ctx, selectEntries+where, args...)
	if err != nil {
		return nil, fmt.Errorf("records %s: %w", s.name, err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var at any
		var q, d string
		if err := rows.Scan(&e.Seq, &e.RequestID, &at, &e.Route, &e.Client, &e.Question, &e.Activity, &e.Verdict, &e.Cited,
			&e.Answer, &e.RuleSet, &e.Feed, &q, &d, &e.Version, &e.Bundle); err != nil {
			return nil, fmt.Errorf("records %s: %w", s.name, err)
		}
		e.Time = scanTime(at)
		e.Query, e.Decision = []byte(q), []byte(d)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("records %s: %w", s.name, err)
	}
	return out, nil
}

// batches reads the record_batches rows a query selects (seq, layout,
// body, first_at) and hands each one's records to each, in order, until
// each returns false.
func (s *Store) batches(ctx context.Context, q string, each func(first time.Time, es []Entry) bool, args ...any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("records %s: %w", s.name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq, layout, count int64
		var body []byte
		var first any
		if err := rows.Scan(&seq, &layout, &count, &body, &first); err != nil {
			return fmt.Errorf("records %s: %w", s.name, err)
		}
		es, err := s.decode(seq, layout, count, body)
		if err != nil {
			return err
		}
		if !each(scanTime(first), es) {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("records %s: %w", s.name, err)
	}
	return nil
}

// decode is the records of a batch row, which says how many it holds.
func (s *Store) decode(seq, layout, count int64, body []byte) ([]Entry, error) {
	if layout != batchLayout {
		return nil, fmt.Errorf("records %s: record batch %d is in layout %d; this build reads layout %d — read it with the tonggao that wrote it or a newer one: %w",
			s.name, seq, layout, batchLayout, ErrFormat)
	}
	raw, err := s.dec.DecodeAll(body, nil)
	if err != nil {
		return nil, fmt.Errorf("records %s: record batch %d: %w", s.name, seq, err)
	}
	es, err := readBatch(raw, seq)
	if err == nil && int64(len(es)) != count {
		err = fmt.Errorf("%w: %d records, the row says %d", errBatch, len(es), count)
	}
	if err != nil {
		return nil, fmt.Errorf("records %s: record batch %d: %w", s.name, seq, err)
	}
	return es, nil
}

// scanTime is a time column as the driver gives it: microseconds since
// 1970 (SQLite) or a time (PostgreSQL).
func scanTime(v any) time.Time {
	switch t := v.(type) {
	case time.Time:
		return t
	case int64:
		return time.UnixMicro(t).UTC()
	}
	return time.Time{}
}

const selectBatches = "SELECT seq, layout, count, body, first_at FROM record_batches "

// Get returns the records of a request id, oldest first: one, unless
// clients sent the same X-Request-Id twice. ErrNotFound if none. The
// batches holding it are found by their ids column, read whole (a
// request id is looked up by a person, rarely; an index entry a record
// would cost every answer).
func (s *Store) Get(ctx context.Context, requestID string) ([]Entry, error) {
	es, err := s.query(ctx, "WHERE request_id = "+s.d.param(1)+" ORDER BY seq", requestID)
	if err != nil {
		return nil, err
	}
	err = s.batches(ctx, selectBatches+"WHERE "+s.d.holds+" ORDER BY seq", func(_ time.Time, b []Entry) bool {
		for _, e := range b {
			if e.RequestID == requestID {
				es = append(es, e)
			}
		}
		return true
	}, idsPattern(requestID))
	if err == nil && len(es) == 0 {
		err = fmt.Errorf("record %q: %w", requestID, ErrNotFound)
	}
	return es, err
}

// List returns up to limit records with from ≤ time < to, oldest first.
func (s *Store) List(ctx context.Context, from, to time.Time, limit int) ([]Entry, error) {
	if limit <= 0 {
		limit = 100
	}
	out, err := s.query(ctx, "WHERE at >= "+s.d.param(1)+" AND at < "+s.d.param(2)+" ORDER BY at, seq LIMIT "+strconv.Itoa(limit),
		s.d.timeArg(from), s.d.timeArg(to))
	if err != nil {
		return nil, err
	}
	// Rows in order of their first record's time: once a row begins after
	// the last of the limit earliest records so far, no later row holds an
	// earlier one.
	var upto time.Time
	full := func() bool { return len(out) >= limit }
	trim := func() {
		if full() {
			sortEntries(out)
			out = out[:limit]
			upto = out[limit-1].Time
		}
	}
	trim()
	err = s.batches(ctx, selectBatches+"WHERE first_at >= "+s.d.param(1)+" AND first_at < "+s.d.param(2)+" ORDER BY first_at, seq",
		func(first time.Time, b []Entry) bool {
			if full() && first.After(upto) {
				return false
			}
			for _, e := range b {
				if !e.Time.Before(from) && e.Time.Before(to) {
					out = append(out, e)
				}
			}
			trim()
			return true
		}, s.d.timeArg(from.Add(-maxBatchSpan)), s.d.timeArg(to))
	if err != nil {
		return nil, err
	}
	sortEntries(out)
	return out, nil
}

// Count is the number of records.
func (s *Store) Count(ctx context.Context) (int64, error) {
	var n, b int64
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM decision_records").Scan(&n)
	if err == nil {
		err = s.db.QueryRowContext(ctx, "SELECT coalesce(sum(count), 0) FROM record_batches").Scan(&b)
	}
	return n + b, err
}

// DeleteBefore deletes the records older than t (retention) and says how
// many: the rows all of whose records are older, and those records of a
// row that holds newer ones too (the row is written again without them).
func (s *Store) DeleteBefore(ctx context.Context, t time.Time) (int64, error) {
	n, err := s.deleteBefore(ctx, t)
	if err != nil {
		return n, fmt.Errorf("records %s: retention: %w", s.name, err)
	}
	return n, nil
}

func (s *Store) deleteBefore(ctx context.Context, t time.Time) (int64, error) {
	p, at := s.d.param, s.d.timeArg(t)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, "DELETE FROM decision_records WHERE at < "+p(1), at)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	var whole int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(sum(count), 0) FROM record_batches WHERE last_at < "+p(1), at).Scan(&whole); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM record_batches WHERE last_at < "+p(1), at); err != nil {
		return 0, err
	}
	n += whole
	// The rows that begin before t and end after it.
	type part struct {
		seq  int64
		keep []Entry
	}
	var parts []part
	rows, err := tx.QueryContext(ctx, "SELECT seq, layout, count, body FROM record_batches WHERE first_at < "+p(1)+" AND first_at >= "+p(2),
		at, s.d.timeArg(t.Add(-maxBatchSpan)))
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var seq, layout, count int64
		var body []byte
		if err := rows.Scan(&seq, &layout, &count, &body); err != nil {
			rows.Close()
			return 0, err
		}
		es, err := s.decode(seq, layout, count, body)
		if err != nil {
			rows.Close()
			return 0, err
		}
		keep := slices.DeleteFunc(es, func(e Entry) bool { return e.Time.Before(t) })
		n += int64(len(es) - len(keep))
		parts = append(parts, part{seq, keep})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, pt := range parts {
		first, _ := span(pt.keep) // not empty: the row ends at or after t
		body := s.enc.EncodeAll(appendBatch(nil, pt.keep), nil)
		if _, err := tx.ExecContext(ctx, "UPDATE record_batches SET first_at = "+p(1)+", count = "+p(2)+", ids = "+p(3)+", body = "+p(4)+" WHERE seq = "+p(5),
			s.d.timeArg(first), len(pt.keep), string(appendIDs(nil, pt.keep)), body, pt.seq); err != nil {
			return 0, err
		}
	}
	return n, tx.Commit()
}

// PutRuleSet keeps a rule set's archive (Archive) under its digest; one
// already kept is left as it is.
func (s *Store) PutRuleSet(ctx context.Context, digest string, archive []byte) error {
	q := "INSERT INTO rule_sets (digest, stored_at, archive) VALUES (" + s.d.param(1) + ", " + s.d.param(2) + ", " + s.d.param(3) +
		") ON CONFLICT (digest) DO NOTHING"
	if _, err := s.db.ExecContext(ctx, q, digest, s.d.timeArg(time.Now()), archive); err != nil {
		return fmt.Errorf("records %s: keep rule set %s: %w", s.name, digest, err)
	}
	return nil
}

// RuleSet returns the archive kept under digest; ErrNotFound if none.
func (s *Store) RuleSet(ctx context.Context, digest string) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, "SELECT archive FROM rule_sets WHERE digest = "+s.d.param(1), digest).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("rule set %s: %w", digest, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("records %s: rule set %s: %w", s.name, digest, err)
	}
	return b, nil
}
