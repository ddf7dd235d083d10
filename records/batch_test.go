package records

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestBatchRows: records are kept in rows of record_batches, each
// spanning at most maxBatchSpan, listed in time order across rows, found
// by exact request id (not one that merely contains it), and a row of a
// layout this build does not know, or damaged, is an error, not records.
func TestBatchRows(t *testing.T) {
	ctx := context.Background()
	base := time.Date(2024, 10, 3, 2, 0, 0, 0, time.UTC)
	for name, s := range stores(t) {
		t.Run(name, func(t *testing.T) {
			var es []Entry
			for i := range 150 {
				// Given out of time order, two minutes apart: three rows.
				at := base.Add(time.Duration((i*7)%150) * 2 * time.Minute)
				es = append(es, Entry{RequestID: fmt.Sprintf("id%d", (i*7)%150), Time: at, Route: "decisions", Verdict: "allowed",
					RuleSet: "sha256:x", Query: []byte("null"), Decision: []byte("null")})
			}
			require.NoError(t, s.Append(ctx, es))
			var rows int
			require.NoError(t, s.db.QueryRowContext(ctx, "SELECT count(*) FROM record_batches").Scan(&rows))
			require.GreaterOrEqual(t, rows, 3, "a row spans at most an hour")

			for _, limit := range []int{1, 5, 31, 70, 150} {
				got, err := s.List(ctx, base, base.Add(300*time.Minute), limit)
				require.NoError(t, err)
				require.Len(t, got, limit)
				for i, e := range got {
					require.Equal(t, fmt.Sprintf("id%d", i), e.RequestID, "limit %d", limit)
				}
			}
			got, err := s.List(ctx, base.Add(61*time.Minute), base.Add(65*time.Minute), 0)
			require.NoError(t, err)
			require.Equal(t, []string{"id31", "id32"}, ids(got))

			got, err = s.Get(ctx, "id1")
			require.NoError(t, err)
			require.Equal(t, []string{"id1"}, ids(got), "not id10…id19")
			_, err = s.Get(ctx, "id")
			require.ErrorIs(t, err, ErrNotFound)

			_, err = s.db.ExecContext(ctx, "UPDATE record_batches SET layout = 2")
			require.NoError(t, err)
			_, err = s.Get(ctx, "id1")
			require.ErrorIs(t, err, ErrFormat)
			require.ErrorContains(t, err, "layout 2")
		})
	}
}

func ids(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.RequestID)
	}
	return out
}

// TestReadBatchDamaged: a cut or corrupted batch is an error.
func TestReadBatchDamaged(t *testing.T) {
	e := Entry{RequestID: "r1", Time: time.UnixMicro(1727920800000000).UTC(), Route: "ask", Question: "能烧吗", Version: FormatQuotes,
		Query: []byte(`{"activity":"烧田埂"}`), Decision: []byte("{}")}
	b := appendBatch(nil, []Entry{e, e})
	got, err := readBatch(b, 3)
	require.NoError(t, err)
	e.Seq = batchSeqBase + 3*maxBatchRecords
	require.Equal(t, e, got[0])
	require.Equal(t, e.Seq+1, got[1].Seq)
	for _, cut := range []int{1, 5, len(b)/2 + 3, len(b) - 1} {
		_, err := readBatch(b[:cut], 3)
		require.ErrorIs(t, err, errBatch, "cut at %d", cut)
	}
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "r.db"))
	require.NoError(t, err)
	defer s.Close()
	_, err = s.decode(1, batchLayout, 2, []byte("not zstd"))
	require.Error(t, err)
	_, err = s.decode(1, batchLayout, 2, s.enc.EncodeAll(b, nil))
	require.NoError(t, err)
	// Cut at a record's end, the row's count tells.
	_, err = s.decode(1, batchLayout, 2, s.enc.EncodeAll(b[:len(b)/2], nil))
	require.ErrorIs(t, err, errBatch)
}
