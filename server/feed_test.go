package server

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/feed"
)

func levels(t *testing.T, level string) *feed.Feed {
	t.Helper()
	f, err := feed.New("test", feed.Limits{}, feed.File{Name: "levels.csv", Data: []byte(
		"date,division,fact,value,issued_at,source\n2025-07-15,431181,fire_danger_level," + level + ",2025-07-15T08:00+08:00,测试气象台\n")})
	require.NoError(t, err)
	return f
}

// TestUpdateFeed: Update swaps in the same rules with another feed; the
// health endpoints and every answer's X-Feed name it; a refused update and
// one attempted during a reload leave the engine serving.
func TestUpdateFeed(t *testing.T) {
	h := newTestHotline(t)
	now := time.Date(2025, 7, 16, 9, 0, 0, 0, time.UTC)
	s := New(h, Options{Now: func() time.Time { return now }, FeedError: func() string { return "" }})
	ts := httptest.NewServer(s)
	defer ts.Close()
	health := func() Health {
		resp, err := http.Get(ts.URL + "/healthz")
		require.NoError(t, err)
		defer resp.Body.Close()
		var b Health
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&b))
		return b
	}
	require.Nil(t, health().Feed, "no feed, no feed in /healthz")

	f3 := levels(t, "3")
	res, err := s.Update(func(cur *engine.Engine) (*engine.Engine, error) { return cur.Refeed(f3) })
	require.NoError(t, err)
	require.True(t, res.Changed)
	require.Equal(t, res.Previous, res.RuleSet, "the same rules")
	b := health()
	require.NotNil(t, b.Feed)
	require.Equal(t, f3.Digest(), b.Feed.Digest)
	require.Equal(t, 1, b.Feed.Rows)
	require.Equal(t, int64(33*3600), b.Feed.AgeSeconds, "issued 2025-07-15 08:00 China time (00:00 UTC), now 2025-07-16 09:00 UTC")
	require.True(t, b.Feed.Stale)
	metrics := func() string {
		resp, err := http.Get(ts.URL + "/metrics")
		require.NoError(t, err)
		defer resp.Body.Close()
		raw, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return string(raw)
	}
	m := metrics()
	require.Contains(t, m, "tonggao_conditions_feed_issued_timestamp_seconds 1.7525376e+09", "2025-07-15T08:00+08:00")
	require.Contains(t, m, "tonggao_conditions_feed_stale 1")
	require.NotContains(t, m, "tonggao_bundle_info{", "not from a bundle")

	resp, err := http.Post(ts.URL+"/v1/decisions", "application/json", strings.NewReader(`{"activity":"烧田埂","at":"2025-07-15","facts":{"town":"茅竹镇"}}`))
	require.NoError(t, err)
	var d struct {
		Receipt engine.Receipt `json:"receipt"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&d))
	resp.Body.Close()
	require.Equal(t, f3.Digest(), d.Receipt.Feed)
	require.Equal(t, f3.Digest(), resp.Header.Get("X-Feed"))

	_, err = s.Update(func(*engine.Engine) (*engine.Engine, error) { return nil, errors.New("no") })
	require.Error(t, err)
	require.Equal(t, f3.Digest(), health().Feed.Digest)

	s.reloading.Store(true) // a reload in progress
	_, err = s.Update(func(cur *engine.Engine) (*engine.Engine, error) { return cur.Refeed(levels(t, "4")) })
	require.ErrorIs(t, err, ErrReloadBusy)
	s.reloading.Store(false)
	require.Equal(t, f3.Digest(), health().Feed.Digest)
}
