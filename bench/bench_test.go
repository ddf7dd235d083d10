package bench

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// seed and count fix the generated queries: every run compares and times
// the same 10,000 questions.
const (
	seed     = 20240901
	nQueries = 10000
)

type fixture struct {
	eng      *engine.Engine
	opa      *OPA
	enc      *Encoding
	notice   *rules.Notice
	excluded map[string][]string
	known    []Query
	partial  []Query
}

// setup builds the engine, the OPA queries and the generated queries. Each
// test builds its own (about a fifth of a second) rather than sharing a
// package-level cache.
func setup(tb testing.TB) *fixture {
	tb.Helper()
	f, err := build()
	require.NoError(tb, err)
	return f
}

func build() (*fixture, error) {
	ctx := context.Background()
	set, err := rules.Embedded()
	if err != nil {
		return nil, err
	}
	cal, err := calendar.New()
	if err != nil {
		return nil, err
	}
	eng, err := engine.New(set, cal)
	if err != nil {
		return nil, err
	}
	enc, err := ReadEncoding(ctx)
	if err != nil {
		return nil, err
	}
	n, err := enc.NoticeIn(set)
	if err != nil {
		return nil, err
	}
	data, err := DataDocument(eng, enc)
	if err != nil {
		return nil, err
	}
	o, err := NewOPA(ctx, data)
	if err != nil {
		return nil, err
	}
	names, excluded := Activities(set, n)
	from, err := calendar.ParseDate("2024-08-01")
	if err != nil {
		return nil, err
	}
	to, err := calendar.ParseDate("2029-12-31")
	if err != nil {
		return nil, err
	}
	known, err := Generate(eng, names, Span{from, to}, nQueries, seed)
	if err != nil {
		return nil, err
	}
	partial := make([]Query, len(known))
	for i, q := range known {
		if partial[i], err = q.WithoutDistance(); err != nil {
			return nil, err
		}
	}
	return &fixture{eng: eng, opa: o, enc: enc, notice: n, excluded: excluded, known: known, partial: partial}, nil
}
