package records

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// TestReadsFormat3File: a SQLite file written by the service as released
// on 2026-12-03 (commit daa2c19: format-3 rows in decision_records, one row
// a record, the embedded rule set kept in rule_sets; testdata/README.md)
// still opens, lists, gets and replays — every record the same under the
// rule set it names.
func TestReadsFormat3File(t *testing.T) {
	ctx := context.Background()
	b, err := os.ReadFile(filepath.Join("testdata", "format3.db"))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "records.db")
	require.NoError(t, os.WriteFile(path, b, 0o600)) // Open may add tables: a copy
	s, err := Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()

	n, err := s.Count(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 6, n)
	es, err := s.List(ctx, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), 0)
	require.NoError(t, err)
	var ids []string
	for _, e := range es {
		ids = append(ids, e.RequestID)
		require.Equal(t, FormatQuotes, e.Version, e.RequestID)
		require.Equal(t, "sha256:feed", e.Feed, e.RequestID)
	}
	require.Equal(t, []string{"d-facts", "d-conditional", "d-town", "d-nofacts", "a-phone", "a-not-understood"}, ids)

	a, err := s.Get(ctx, "a-phone")
	require.NoError(t, err)
	require.Len(t, a, 1)
	require.Equal(t, "ask", a[0].Route)
	require.Contains(t, a[0].Question, PhoneMask)
	require.NotEmpty(t, a[0].Answer)

	engines := map[string]*engine.Engine{}
	for _, e := range es {
		got, err := s.Get(ctx, e.RequestID)
		require.NoError(t, err)
		require.Equal(t, []Entry{e}, got)
		eng := engines[e.RuleSet]
		if eng == nil {
			archive, err := s.RuleSet(ctx, e.RuleSet)
			require.NoError(t, err)
			roots, err := Unarchive(archive)
			require.NoError(t, err)
			eng, err = engine.LoadRoots(ctx, roots, rules.Limits{})
			require.NoError(t, err)
			require.Equal(t, e.RuleSet, eng.Receipt().RuleSet, "the kept rule set is the one named")
			engines[e.RuleSet] = eng
		}
		r, err := Replay(e, eng)
		if e.RequestID == "a-not-understood" {
			require.ErrorIs(t, err, ErrNoDecision)
			continue
		}
		require.NoError(t, err, e.RequestID)
		require.True(t, r.Same, "%s: differences %v", e.RequestID, r.Differences)
		require.Equal(t, FormatQuotes, r.Format)
	}
}
