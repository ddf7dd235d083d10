package records

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	// The two drivers: PostgreSQL through pgx, SQLite in pure Go.
	"github.com/jackc/pgx/v5/stdlib"
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

	mu       sync.Mutex
	inserts  map[int]string    // multi-row INSERT by row count
	prepared map[int]*sql.Stmt // the same, prepared, for power-of-two counts
}

// dialect is what differs between SQLite and PostgreSQL.
type dialect struct {
	name   string
	schema []string
	// param is the n-th (1-based) placeholder.
	param func(n int) string
	// timeArg and scanTime convert a record's time.
	timeArg func(time.Time) any
}

const columns = "request_id, at, route, client, question, activity, verdict, cited, answer, rule_set, feed, query, decision, version, bundle"

// columnNames are the columns, for PostgreSQL's COPY.
var columnNames = strings.Split(strings.ReplaceAll(columns, " ", ""), ",")

const numColumns = 15

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
	},
	param:   func(int) string { return "?" },
	timeArg: func(t time.Time) any { return t.UnixMicro() },
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
	},
	param:   func(n int) string { return "$" + strconv.Itoa(n) },
	timeArg: func(t time.Time) any { return t.UTC() },
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
	s := &Store{inserts: map[int]string{}, prepared: map[int]*sql.Stmt{}}
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
	s.mu.Lock()
	for _, st := range s.prepared {
		st.Close()
	}
	clear(s.prepared)
	s.mu.Unlock()
	return s.db.Close()
}

// insert is the statement inserting n rows at once.
func (s *Store) insert(n int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q, ok := s.inserts[n]; ok {
		return q
	}
	var b strings.Builder
	b.WriteString("INSERT INTO decision_records (" + columns + ") VALUES ")
	p := 1
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(")
		for c := range numColumns {
			if c > 0 {
				b.WriteString(", ")
			}
			b.WriteString(s.d.param(p))
			p++
		}
		b.WriteString(")")
	}
	q := b.String()
	s.inserts[n] = q
	return q
}

// Append writes entries in one statement (all or none).
func (s *Store) Append(ctx context.Context, es []Entry) error {
	if len(es) == 0 {
		return nil
	}
	if s.d.name == "postgres" {
		if err := s.copyFrom(ctx, es); err != nil {
			return fmt.Errorf("records %s: append %d: %w", s.name, len(es), err)
		}
		return nil
	}
	args := make([]any, 0, len(es)*numColumns)
	for _, e := range es {
		v := e.Version
		if v == 0 {
			v = Format
		}
		args = append(args, e.RequestID, s.d.timeArg(e.Time), e.Route, e.Client, e.Question, e.Activity, e.Verdict, e.Cited,
			e.Answer, e.RuleSet, e.Feed, string(e.Query), string(e.Decision), v, e.Bundle)
	}
	if err := s.appendPrepared(ctx, args); err != nil {
		return fmt.Errorf("records %s: append %d: %w", s.name, len(es), err)
	}
	return nil
}

// copyFrom writes entries to PostgreSQL with COPY in its binary format
// (one statement: all or none). A multi-row INSERT of the same batch cost
// the writer about as much CPU again — database/sql converting each of the
// 15 parameters of every row, pgx encoding them — and the server parsing
// and planning thousands of parameters, on cores it shares with the
// service.
func (s *Store) copyFrom(ctx context.Context, es []Entry) error {
	c, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	row := make([]any, numColumns)
	return c.Raw(func(dc any) error {
		conn := dc.(*stdlib.Conn).Conn()
		i := -1
		_, err := conn.CopyFrom(ctx, pgx.Identifier{"decision_records"}, columnNames, pgx.CopyFromFunc(func() ([]any, error) {
			if i++; i == len(es) {
				return nil, nil
			}
			e := &es[i]
			v := e.Version
			if v == 0 {
				v = Format
			}
			row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] = e.RequestID, e.Time, e.Route, e.Client, e.Question, e.Activity, e.Verdict, e.Cited
			row[8], row[9], row[10], row[11], row[12], row[13], row[14] = e.Answer, e.RuleSet, e.Feed, string(e.Query), string(e.Decision), int32(v), e.Bundle
			return row, nil
		}))
		return err
	})
}

// appendPrepared writes rows with prepared multi-row INSERTs of
// power-of-two sizes (at most 9 statements, from 256 rows down to 1), in
// one transaction: one commit, all or none. Unprepared, SQLite parses a
// statement at each execution — for a batch of 80 rows of 15 columns a
// fifth of the writer's time — and pgx prepares each new text before
// using it (a batch of n rows, for each n the writer's lingering makes: a
// round trip and an encoding plan for every parameter, more CPU than the
// rows); with nine sizes both are done once. A prepared one-row statement
// executed per row cost more again (each execution crosses database/sql
// and the driver; on PostgreSQL a round trip each).
func (s *Store) appendPrepared(ctx context.Context, args []any) error {
	n := len(args) / numColumns
	var tx *sql.Tx
	if n > 1 && n&(n-1) != 0 {
		var err error
		if tx, err = s.db.BeginTx(ctx, nil); err != nil {
			return err
		}
		defer tx.Rollback()
	}
	for size := 256; n > 0; size >>= 1 {
		for n >= size {
			st, err := s.stmt(ctx, size)
			if err != nil {
				return err
			}
			if tx != nil {
				st = tx.StmtContext(ctx, st)
			}
			_, err = st.ExecContext(ctx, args[:size*numColumns]...)
			if tx != nil {
				st.Close() // the transaction's copy; the prepared one stays
			}
			if err != nil {
				return err
			}
			args, n = args[size*numColumns:], n-size
		}
	}
	if tx != nil {
		return tx.Commit()
	}
	return nil
}

// stmt is the prepared INSERT of n rows.
func (s *Store) stmt(ctx context.Context, n int) (*sql.Stmt, error) {
	q := s.insert(n)
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.prepared[n]; ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	s.prepared[n] = st
	return st, nil
}

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
		switch t := at.(type) {
		case time.Time:
			e.Time = t
		case int64:
			e.Time = time.UnixMicro(t).UTC()
		}
		e.Query, e.Decision = []byte(q), []byte(d)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("records %s: %w", s.name, err)
	}
	return out, nil
}

// Get returns the records of a request id, oldest first: one, unless
// clients sent the same X-Request-Id twice. ErrNotFound if none.
func (s *Store) Get(ctx context.Context, requestID string) ([]Entry, error) {
	es, err := s.query(ctx, "WHERE request_id = "+s.d.param(1)+" ORDER BY seq", requestID)
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
	return s.query(ctx, "WHERE at >= "+s.d.param(1)+" AND at < "+s.d.param(2)+" ORDER BY at, seq LIMIT "+strconv.Itoa(limit),
		s.d.timeArg(from), s.d.timeArg(to))
}

// Count is the number of records.
func (s *Store) Count(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM decision_records").Scan(&n)
	return n, err
}

// DeleteBefore deletes the records older than t (retention) and says how
// many.
func (s *Store) DeleteBefore(ctx context.Context, t time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM decision_records WHERE at < "+s.d.param(1), s.d.timeArg(t))
	if err != nil {
		return 0, fmt.Errorf("records %s: retention: %w", s.name, err)
	}
	return res.RowsAffected()
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
