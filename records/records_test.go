package records

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/server"
)

var (
	engOnce sync.Once
	testEng *engine.Engine
	engErr  error
)

func embeddedEngine(t testing.TB) *engine.Engine {
	t.Helper()
	engOnce.Do(func() { testEng, engErr = engine.Embedded() })
	require.NoError(t, engErr)
	return testEng
}

// stores are the stores every store test runs on: a SQLite file, and the
// PostgreSQL database of TONGGAO_TEST_POSTGRES (.ci/run starts one and
// sets it; under CI=true its absence fails the test).
func stores(t *testing.T) map[string]*Store {
	t.Helper()
	ctx := context.Background()
	out := map[string]*Store{}
	s, err := Open(ctx, filepath.Join(t.TempDir(), "records.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	out["sqlite"] = s
	dsn := os.Getenv("TONGGAO_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("TONGGAO_TEST_POSTGRES is not set: .ci/run starts PostgreSQL and sets it")
		}
		t.Log("TONGGAO_TEST_POSTGRES not set: PostgreSQL not tested")
		return out
	}
	p, err := Open(ctx, dsn)
	require.NoError(t, err)
	_, err = p.db.ExecContext(ctx, "TRUNCATE decision_records; TRUNCATE rule_sets; TRUNCATE record_batches")
	require.NoError(t, err)
	t.Cleanup(func() { p.Close() })
	out["postgres"] = p
	return out
}

func TestStore(t *testing.T) {
	ctx := context.Background()
	base := time.Date(2024, 10, 3, 2, 0, 0, 123000, time.UTC)
	for name, s := range stores(t) {
		t.Run(name, func(t *testing.T) {
			var es []Entry
			for i := range 300 {
				es = append(es, Entry{RequestID: fmt.Sprintf("r%d", i), Time: base.Add(time.Duration(i) * time.Minute), Route: "decisions",
					Client: "127.0.0.1", Activity: "burn_field_ridge", Verdict: "forbidden", Cited: "祁政通〔2024〕7号 三", RuleSet: "sha256:x",
					Query: json.RawMessage(`{"activity":"烧田埂","day":"2024-10-03"}`), Decision: json.RawMessage(`{"verdict":"forbidden"}`)})
			}
			es[5].RequestID = "r4" // a client may send the same id twice
			require.NoError(t, s.Append(ctx, es[:256]))
			require.NoError(t, s.Append(ctx, es[256:]))
			n, err := s.Count(ctx)
			require.NoError(t, err)
			require.EqualValues(t, 300, n)

			got, err := s.Get(ctx, "r7")
			require.NoError(t, err)
			require.Len(t, got, 1)
			require.True(t, got[0].Time.Equal(es[7].Time), "%v != %v", got[0].Time, es[7].Time)
			require.Equal(t, "祁政通〔2024〕7号 三", got[0].Cited)
			require.JSONEq(t, string(es[7].Query), string(got[0].Query))
			require.JSONEq(t, string(es[7].Decision), string(got[0].Decision))
			got, err = s.Get(ctx, "r4")
			require.NoError(t, err)
			require.Len(t, got, 2)
			_, err = s.Get(ctx, "nope")
			require.ErrorIs(t, err, ErrNotFound)

			got, err = s.List(ctx, base.Add(10*time.Minute), base.Add(20*time.Minute), 0)
			require.NoError(t, err)
			require.Len(t, got, 10)
			require.Equal(t, "r10", got[0].RequestID)
			require.Equal(t, "r19", got[9].RequestID)

			require.NoError(t, s.PutRuleSet(ctx, "sha256:x", []byte("one")))
			require.NoError(t, s.PutRuleSet(ctx, "sha256:x", []byte("two")), "keeping a rule set twice is not an error")
			b, err := s.RuleSet(ctx, "sha256:x")
			require.NoError(t, err)
			require.Equal(t, "one", string(b))
			_, err = s.RuleSet(ctx, "sha256:y")
			require.ErrorIs(t, err, ErrNotFound)

			del, err := s.DeleteBefore(ctx, base.Add(100*time.Minute))
			require.NoError(t, err)
			require.EqualValues(t, 100, del)
		})
	}
}

func TestOpenRefusesWhatItCannotUse(t *testing.T) {
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "no", "such", "dir", "r.db"))
	require.Error(t, err)
	_, err = Open(context.Background(), "")
	require.Error(t, err)
	require.Equal(t, "postgres://u:***@h/db", redact("postgres://u:secret@h/db"))
	require.Equal(t, "postgres://h/db", redact("postgres://h/db"))
}

func TestMaskPhones(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"我电话13812345678，今天能烧秸秆吗", "我电话[号码]，今天能烧秸秆吗"},
		{"+86 13812345678", "[号码]"},
		{"打0746-3213950问", "打[号码]问"},
		{"10月3日能烧田埂吗", "10月3日能烧田埂吗"},
		{"离林子50米", "离林子50米"},
		{"身份证430000199001011234", "身份证[号码]"},
	} {
		require.Equal(t, tc.want, MaskPhones(tc.in), tc.in)
	}
}

// blocking is a store whose writes wait until released.
type blocking struct {
	release chan struct{}
	mu      sync.Mutex
	got     []Entry
}

func (b *blocking) Append(_ context.Context, es []Entry) error {
	<-b.release
	b.mu.Lock()
	b.got = append(b.got, es...)
	b.mu.Unlock()
	return nil
}

func (b *blocking) DeleteBefore(context.Context, time.Time) (int64, error) { return 0, nil }

// TestWriterNeverBlocks: with the database stuck, Record returns at once
// and what does not fit in the queue is dropped and counted.
func TestWriterNeverBlocks(t *testing.T) {
	st := &blocking{release: make(chan struct{})}
	w := newWriter(st, WriterOptions{Queue: 10, Batch: 4})
	start := time.Now()
	for i := range 100 {
		w.Record(&server.Record{RequestID: fmt.Sprint(i), Route: "ask", Question: "?"})
	}
	require.Less(t, time.Since(start), time.Second, "Record blocked")
	dropped := testutil.ToFloat64(w.full)
	// The writer holds one batch (≤ 4) while stuck; the queue holds 10.
	require.GreaterOrEqual(t, dropped, float64(100-10-4))
	close(st.release)
	require.NoError(t, w.Close(context.Background()))
	require.EqualValues(t, 100-dropped, len(st.got))
	require.EqualValues(t, len(st.got), testutil.ToFloat64(w.written))
}

// counting is a store that keeps the size of each batch written.
type counting struct {
	mu      sync.Mutex
	batches []int
}

func (c *counting) Append(_ context.Context, es []Entry) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.batches = append(c.batches, len(es))
	return nil
}

func (c *counting) DeleteBefore(context.Context, time.Time) (int64, error) { return 0, nil }

// TestWriterLingers: records arriving within the linger time go out in one
// batch; more than a batch go out in full batches; Close writes the rest.
func TestWriterLingers(t *testing.T) {
	st := &counting{}
	w := newWriter(st, WriterOptions{Batch: 8, Linger: time.Second})
	for i := range 5 {
		w.Record(&server.Record{RequestID: fmt.Sprint(i), Route: "ask", Question: "?"})
	}
	require.Eventually(t, func() bool { st.mu.Lock(); defer st.mu.Unlock(); return len(st.batches) > 0 }, 5*time.Second, 10*time.Millisecond)
	st.mu.Lock()
	require.Equal(t, []int{5}, st.batches, "one write for what came within the linger time")
	st.batches = nil
	st.mu.Unlock()
	for i := range 20 {
		w.Record(&server.Record{RequestID: fmt.Sprint(i), Route: "ask", Question: "?"})
	}
	require.NoError(t, w.Close(context.Background()))
	total := 0
	for _, n := range st.batches {
		require.LessOrEqual(t, n, 8)
		total += n
	}
	require.Equal(t, 20, total)
	require.LessOrEqual(t, len(st.batches), 4, "%v", st.batches)
}

// TestEveryAnsweredRequestOnce drives a server with a writer on SQLite:
// each answered request is in the store once, a refused one is not.
func TestEveryAnsweredRequestOnce(t *testing.T) {
	for name, store := range stores(t) {
		t.Run(name, func(t *testing.T) { everyAnsweredRequestOnce(t, store) })
	}
}

func everyAnsweredRequestOnce(t *testing.T, store *Store) {
	ctx := context.Background()
	h, err := hotline.New(embeddedEngine(t))
	require.NoError(t, err)
	w := NewWriter(store, WriterOptions{})
	srv := server.New(h, server.Options{Recorder: w, Collectors: w.Collectors(), Feed: func() string { return "sha256:feed" }})
	post := func(path, id, body string) int {
		req := httptest.NewRequest(http.MethodPost, path, bytes.NewBufferString(body))
		req.Header.Set("X-Request-Id", id)
		rw := httptest.NewRecorder()
		srv.ServeHTTP(rw, req)
		return rw.Code
	}
	for i := range 50 {
		require.Equal(t, 200, post("/v1/decisions", fmt.Sprintf("d%d", i), `{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50}}`))
	}
	require.Equal(t, 200, post("/v1/ask", "a1", `{"question":"10月3日在离山林50米的地方能烧田埂吗？我手机13912345678","at":"2024-10-01"}`))
	require.Equal(t, 400, post("/v1/decisions", "bad", `{"activity":"烧田埂"`))
	require.Equal(t, 422, post("/v1/decisions", "bad2", `{"activity":"no such thing","at":"2024-10-03"}`))
	require.NoError(t, w.Close(ctx))
	n, err := store.Count(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 51, n)
	for i := range 50 {
		es, err := store.Get(ctx, fmt.Sprintf("d%d", i))
		require.NoError(t, err)
		require.Len(t, es, 1)
	}
	_, err = store.Get(ctx, "bad")
	require.ErrorIs(t, err, ErrNotFound)
	es, err := store.Get(ctx, "d3")
	require.NoError(t, err)
	e := es[0]
	require.Equal(t, "forbidden", e.Verdict)
	require.Equal(t, "burn_field_ridge", e.Activity)
	require.Contains(t, e.Cited, "祁政通〔2024〕7号")
	require.Equal(t, "sha256:feed", e.Feed)
	require.Equal(t, embeddedEngine(t).Receipt().RuleSet, e.RuleSet)
	es, err = store.Get(ctx, "a1")
	require.NoError(t, err)
	require.NotContains(t, es[0].Question, "13912345678", "phone numbers are masked by default")
	require.Contains(t, es[0].Question, PhoneMask)
	require.NotEmpty(t, es[0].Answer)
	require.Equal(t, "forbidden", es[0].Verdict)

	// The record replays to the same decision under the same rules.
	r, err := Replay(es[0], embeddedEngine(t))
	require.NoError(t, err)
	require.True(t, r.Same, "differences: %v", r.Differences)
	require.Equal(t, "forbidden", r.Verdict)
}

// TestSnapshotReplay: a snapshot loads as the same rule set, and a record
// replayed under other rules (a notice repealed) says what changed.
func TestSnapshotReplay(t *testing.T) {
	roots := []rules.Root{{Name: "rules", FS: rules.EmbeddedFS()}}
	snap, archive, err := Snapshot(roots)
	require.NoError(t, err)
	back, err := Unarchive(archive)
	require.NoError(t, err)
	ctx := context.Background()
	want := embeddedEngine(t).Receipt().RuleSet
	for _, rs := range [][]rules.Root{snap, back} {
		eng, err := engine.LoadRoots(ctx, rs, rules.Limits{})
		require.NoError(t, err)
		require.Equal(t, want, eng.Receipt().RuleSet)
	}
	_, err = Unarchive([]byte("not a zip"))
	require.Error(t, err)

	d, err := embeddedEngine(t).Decide(engine.Query{Activity: "烧田埂", At: time.Date(2024, 10, 3, 10, 0, 0, 0, time.UTC),
		Facts: engine.Facts{"distance_to_forest_m": 50}})
	require.NoError(t, err)
	rec := &server.Record{RequestID: "x", Route: "decisions", Decision: d, Query: engine.Query{Activity: "烧田埂",
		At: time.Date(2024, 10, 3, 10, 0, 0, 0, time.UTC), Facts: engine.Facts{"distance_to_forest_m": 50}}, RuleSet: want}
	e, err := entryOf(rec, false)
	require.NoError(t, err)
	require.Equal(t, FormatQuotes, e.Version)
	full := d.AppendJSON(nil)
	require.Less(t, len(e.Decision)+len(e.Query)+len(e.Cited), 1024, "a record is compact: %s", e.Decision)
	t.Logf("decision %d bytes, outline %d bytes", len(full), len(e.Decision))

	r, err := Replay(e, embeddedEngine(t))
	require.NoError(t, err)
	require.True(t, r.Same, "differences: %v", r.Differences)
	require.JSONEq(t, string(full), string(r.Decision), "the replay re-derives the whole decision")

	// A record of another answer (as older rules gave) is reported, field
	// by field: in an outline by its fields, in a record of the first
	// format by the decision itself.
	var o Outline
	require.NoError(t, json.Unmarshal(e.Decision, &o))
	require.Equal(t, Outline{Date: "2024-10-03", Verdict: "forbidden", Reasons: o.Reasons, NextChange: o.NextChange, Quotes: o.Quotes}, o)
	require.Len(t, o.Quotes, 16)
	require.NotEmpty(t, o.Reasons)
	for _, tc := range []struct {
		change func(o *Outline)
		want   []string
	}{
		{func(o *Outline) { o.Verdict = "allowed" }, []string{"verdict"}},
		{func(o *Outline) { o.Reasons[0].Status = "overridden"; o.Reasons[0].OverriddenBy = "x" }, []string{"reasons"}},
		{func(o *Outline) { o.Reasons = o.Reasons[1:] }, []string{"reasons"}},
		{func(o *Outline) { o.Date = "2024-10-04"; o.UnknownFacts = []string{"distance_to_forest_m"} }, []string{"date", "unknown_facts"}},
		{func(o *Outline) { o.NextChange = ""; o.Place = "431181" }, []string{"next_change", "place"}},
		{func(o *Outline) { o.Quotes = "0123456789abcdef" }, []string{"quotes"}},
	} {
		var c Outline
		require.NoError(t, json.Unmarshal(e.Decision, &c))
		tc.change(&c)
		changed := e
		changed.Decision = c.appendJSON(nil)
		r, err = Replay(changed, embeddedEngine(t))
		require.NoError(t, err)
		require.False(t, r.Same)
		require.Equal(t, tc.want, r.Differences)
	}

	// A record of format 2 has no fingerprint: the rest still compares.
	var o2 Outline
	require.NoError(t, json.Unmarshal(e.Decision, &o2))
	o2.Quotes = ""
	two := e
	two.Version, two.Decision = FormatOutline, o2.appendJSON(nil)
	r, err = Replay(two, embeddedEngine(t))
	require.NoError(t, err)
	require.True(t, r.Same, "differences: %v", r.Differences)

	// Rules in which only the words of the cited article changed (a
	// character of its quoted text): the same verdict and reasons, and the
	// replay says the quotes differ.
	reworded := fstest.MapFS{}
	edits := 0
	for p, f := range back[0].FS.(fstest.MapFS) {
		c := *f
		if filepath.Dir(p) == "notices" && !strings.HasSuffix(p, ".cases.yaml") && bytes.Contains(f.Data, []byte("number: 祁政通〔2024〕7号")) {
			c.Data = bytes.Replace(f.Data, []byte("text: 严禁农事活动时烧灰积肥"), []byte("text: 禁止农事活动时烧灰积肥"), 1)
			require.NotEqual(t, string(f.Data), string(c.Data), "%s quotes 严禁农事活动时", p)
			edits++
		}
		reworded[p] = &c
	}
	require.Equal(t, 1, edits)
	eng3, err := engine.LoadRoots(ctx, []rules.Root{{Name: "rules", FS: reworded}}, rules.Limits{})
	require.NoError(t, err)
	r, err = Replay(e, eng3)
	require.NoError(t, err)
	require.Equal(t, []string{"quotes"}, r.Differences, "only a quotation changed")
	require.Equal(t, e.Cited, r.Cited)

	old := e
	old.Version, old.Decision = FormatFull, full
	r, err = Replay(old, embeddedEngine(t))
	require.NoError(t, err)
	require.True(t, r.Same, "differences: %v", r.Differences)
	var dec map[string]any
	require.NoError(t, json.Unmarshal(full, &dec))
	dec["verdict"] = "allowed"
	old.Decision, _ = json.Marshal(dec)
	r, err = Replay(old, embeddedEngine(t))
	require.NoError(t, err)
	require.Equal(t, []string{"verdict"}, r.Differences)

	// A record from a later format is refused, not misread.
	later := e
	later.Version = Format + 1
	_, err = Replay(later, embeddedEngine(t))
	require.ErrorIs(t, err, ErrFormat)
	require.ErrorContains(t, err, "format 4")

	// Under rules without the notice, the activity is unknown: an error,
	// not a silent difference.
	m := back[0].FS.(fstest.MapFS)
	other := fstest.MapFS{}
	for p, f := range m {
		if !bytes.Contains(f.Data, []byte("祁政通〔2024〕7号")) || filepath.Dir(p) != "notices" {
			other[p] = f
		}
	}
	eng2, err := engine.LoadRoots(ctx, []rules.Root{{Name: "rules", FS: other}}, rules.Limits{})
	require.NoError(t, err)
	require.NotEqual(t, want, eng2.Receipt().RuleSet)
	_, err = Replay(e, eng2)
	require.ErrorContains(t, err, "unknown activity")
}

// TestOpenMigratesFirstFormat: a database made by the first release (no
// version or bundle column; decisions kept whole) is brought up to date by
// Open; its records still read — as FormatFull — and replay, and new
// records are FormatOutline beside them. On SQLite, and on PostgreSQL
// (in a schema of its own) when TONGGAO_TEST_POSTGRES is set.
func TestOpenMigratesFirstFormat(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		migrateFirstFormat(t, filepath.Join(t.TempDir(), "old.db"), `CREATE TABLE decision_records (
			seq INTEGER PRIMARY KEY AUTOINCREMENT,
			request_id TEXT NOT NULL, at INTEGER NOT NULL, route TEXT NOT NULL, client TEXT NOT NULL,
			question TEXT NOT NULL, activity TEXT NOT NULL, verdict TEXT NOT NULL, cited TEXT NOT NULL,
			answer TEXT NOT NULL, rule_set TEXT NOT NULL, feed TEXT NOT NULL, query TEXT NOT NULL, decision TEXT NOT NULL)`,
			func(t time.Time) any { return t.UnixMicro() })
	})
	dsn := os.Getenv("TONGGAO_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("TONGGAO_TEST_POSTGRES is not set: .ci/run starts PostgreSQL and sets it")
		}
		return
	}
	t.Run("postgres", func(t *testing.T) {
		ctx := context.Background()
		admin, err := Open(ctx, dsn)
		require.NoError(t, err)
		defer admin.Close()
		_, err = admin.db.ExecContext(ctx, `DROP SCHEMA IF EXISTS migrate_first CASCADE; CREATE SCHEMA migrate_first`)
		require.NoError(t, err)
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		migrateFirstFormat(t, dsn+sep+"search_path=migrate_first", `CREATE TABLE decision_records (
			seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			request_id TEXT NOT NULL, at TIMESTAMPTZ NOT NULL, route TEXT NOT NULL, client TEXT NOT NULL,
			question TEXT NOT NULL, activity TEXT NOT NULL, verdict TEXT NOT NULL, cited TEXT NOT NULL,
			answer TEXT NOT NULL, rule_set TEXT NOT NULL, feed TEXT NOT NULL, query TEXT NOT NULL, decision TEXT NOT NULL)`,
			func(t time.Time) any { return t.UTC() })
	})
}

func migrateFirstFormat(t *testing.T, target, firstTable string, timeArg func(time.Time) any) {
	ctx := context.Background()
	old, err := Open(ctx, target)
	require.NoError(t, err)
	// The table exactly as the first release made it.
	_, err = old.db.ExecContext(ctx, `DROP TABLE decision_records`)
	require.NoError(t, err)
	_, err = old.db.ExecContext(ctx, firstTable)
	require.NoError(t, err)
	eng := embeddedEngine(t)
	q := engine.Query{Activity: "烧田埂", At: time.Date(2024, 10, 3, 10, 0, 0, 0, time.UTC), Facts: engine.Facts{"distance_to_forest_m": 50}}
	d, err := eng.Decide(q)
	require.NoError(t, err)
	qj, err := json.Marshal(EncodeQuery(q))
	require.NoError(t, err)
	p := old.d.param
	_, err = old.db.ExecContext(ctx, `INSERT INTO decision_records (request_id, at, route, client, question, activity, verdict, cited, answer, rule_set, feed, query, decision)
		VALUES ('old-1', `+p(1)+`, 'decisions', '127.0.0.1', '', 'burn_field_ridge', 'forbidden', '', '', `+p(2)+`, '', `+p(3)+`, `+p(4)+`)`,
		timeArg(q.At), eng.Receipt().RuleSet, string(qj), string(d.AppendJSON(nil)))
	require.NoError(t, err)
	require.NoError(t, old.Close())

	s, err := Open(ctx, target)
	require.NoError(t, err)
	defer func() { s.Close() }()
	es, err := s.Get(ctx, "old-1")
	require.NoError(t, err)
	require.Equal(t, FormatFull, es[0].Version, "a row from before the version column is the first format")
	r, err := Replay(es[0], eng)
	require.NoError(t, err)
	require.True(t, r.Same, "differences: %v", r.Differences)
	require.Equal(t, FormatFull, r.Format)

	e, err := entryOf(&server.Record{RequestID: "new-1", Time: q.At, Route: "decisions", Query: q, Decision: d, RuleSet: eng.Receipt().RuleSet, Bundle: "2026-12-03.1"}, false)
	require.NoError(t, err)
	require.NoError(t, s.Append(ctx, []Entry{e}))
	es, err = s.Get(ctx, "new-1")
	require.NoError(t, err)
	require.Equal(t, FormatQuotes, es[0].Version)
	require.Equal(t, "2026-12-03.1", es[0].Bundle)
	r, err = Replay(es[0], eng)
	require.NoError(t, err)
	require.True(t, r.Same, "differences: %v", r.Differences)

	// Opening again changes nothing; a record of a later format reads but
	// does not replay.
	require.NoError(t, s.Close())
	s, err = Open(ctx, target)
	require.NoError(t, err)
	e.RequestID, e.Version = "later-1", Format+1
	require.NoError(t, s.Append(ctx, []Entry{e}))
	es, err = s.Get(ctx, "later-1")
	require.NoError(t, err)
	_, err = Replay(es[0], eng)
	require.ErrorIs(t, err, ErrFormat)
	n, err := s.Count(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 3, n)
}

// TestOutlineJSON: the writer's hand-written outline is what encoding/json
// writes, and reads back the same, for outlines with every field and with
// strings that need escaping.
func TestOutlineJSON(t *testing.T) {
	eng := embeddedEngine(t)
	var outs []Outline
	for _, q := range []engine.Query{
		{Activity: "烧田埂", At: time.Date(2024, 10, 3, 10, 0, 0, 0, time.UTC), Facts: engine.Facts{"distance_to_forest_m": 50}},
		{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3)},
		{Activity: "放鞭炮", At: time.Date(2025, 1, 28, 23, 0, 0, 0, time.UTC)},
		{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3), Place: "431181"},
	} {
		d, err := eng.Decide(q)
		require.NoError(t, err)
		o, cited := outlineOf(d)
		outs = append(outs, o)
		// The writer's direct encoding is the same outline.
		b, c := appendOutline([]byte("x"), d, nil)
		require.Equal(t, "x"+string(o.appendJSON(nil)), string(b), "%v", q)
		require.Equal(t, cited, string(c))
	}
	require.NotEmpty(t, outs[1].UnknownFacts, "a conditional answer's unknown facts")
	outs = append(outs, Outline{Date: "x", Verdict: "a\"b<c>&\u2028", Reasons: []RuleStatus{{Rule: "r\n", Status: "s", OverriddenBy: "规则"}},
		UnknownFacts: []string{"f"}, NextChange: "2024-10-08T00:00 allowed", Place: "431181"})
	for _, o := range outs {
		want, err := json.Marshal(o)
		require.NoError(t, err)
		require.Equal(t, string(want), string(o.appendJSON(nil)))
		var back Outline
		require.NoError(t, json.Unmarshal(o.appendJSON(nil), &back))
		require.Empty(t, o.differences(back))
	}
}

// TestQueryJSON: the writer's hand-written query JSON is byte for byte
// what encoding/json writes of EncodeQuery, for every kind of fact value,
// a point, an accuracy and a place, and refuses what encoding/json
// refuses.
func TestQueryJSON(t *testing.T) {
	at := time.Date(2024, 10, 3, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for _, q := range []engine.Query{
		{Activity: "烧田埂", At: at},
		{Activity: "burn<&>", Day: calendar.MustDate(2024, 10, 3)},
		{Activity: "烧田埂", At: at, Facts: engine.Facts{"distance_to_forest_m": 50, "has_permit": true, "fire_danger_level": engine.Sourced{Value: 4.0, Source: "feed"},
			"wind": engine.Range{Lo: 2.5, Hi: 1e-7}, "town": "白水镇", "zeta": int64(3), "alpha": []string{"a"}}},
		{Activity: "x", Day: calendar.MustDate(2024, 1, 1), Point: &place.Point{Lat: 26.5, Lon: 111.8, CRS: place.GCJ02}, AccuracyM: 30, Place: "431121"},
		{Activity: "x"},
	} {
		want, err := json.Marshal(EncodeQuery(q))
		require.NoError(t, err)
		got, err := appendQueryJSON(nil, q)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
	}
	for _, q := range []engine.Query{
		{Activity: "x", Facts: engine.Facts{"d": math.NaN()}},
		{Activity: "x", Facts: engine.Facts{"d": engine.Range{Lo: math.Inf(-1), Hi: 1}}},
		{Activity: "x", Point: &place.Point{Lat: math.Inf(1)}},
	} {
		_, err := json.Marshal(EncodeQuery(q))
		require.Error(t, err)
		_, err = appendQueryJSON(nil, q)
		require.Error(t, err)
	}
}
