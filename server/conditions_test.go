package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/feed"
)

func getConditions(t *testing.T, s *Server, path string) (int, Conditions) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	var out Conditions
	if rec.Code == http.StatusOK {
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
	}
	return rec.Code, out
}

// TestConditions: /v1/conditions/{date} lists what the example feed
// publishes per division for the day, with its issuer, issue time and the
// feed's digest; no feed gives an empty list and "feed": null.
func TestConditions(t *testing.T) {
	h := newTestHotline(t)
	now := time.Date(2025, 7, 14, 2, 0, 0, 0, time.UTC) // 10:00 China time
	s := New(h, Options{Now: func() time.Time { return now }})

	code, none := getConditions(t, s, "/v1/conditions/today")
	require.Equal(t, http.StatusOK, code)
	require.Nil(t, none.Feed)
	require.Empty(t, none.Places)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/conditions/today", nil))
	require.Contains(t, rec.Body.String(), `"feed":null`)
	require.Contains(t, rec.Body.String(), `"places":[]`)

	f, err := feed.ReadDir(context.Background(), "../examples/conditions", feed.Limits{})
	require.NoError(t, err)
	_, err = s.Update(func(cur *engine.Engine) (*engine.Engine, error) { return cur.Refeed(f) })
	require.NoError(t, err)

	// level finds fact's value at the division named name.
	level := func(c Conditions, name, fact string) *PublishedFact {
		for _, p := range c.Places {
			if p.Name != name {
				continue
			}
			for i := range p.Facts {
				if p.Facts[i].Fact == fact {
					return &p.Facts[i]
				}
			}
		}
		return nil
	}
	for _, tc := range []struct {
		name, path string
		status     int
		date       string
		check      func(t *testing.T, c Conditions)
	}{
		{name: "today is China's day", path: "/v1/conditions/today", status: 200, date: "2025-07-14", check: func(t *testing.T, c Conditions) {
			require.NotEmpty(t, c.Places)
			fd := level(c, "白水镇", "fire_danger_level")
			require.NotNil(t, fd, "白水镇's level on 7-14")
			require.Equal(t, "4", fd.Value)
			require.Equal(t, "示例气象台（非官方）", fd.Source)
			require.NotEmpty(t, fd.Issued)
			require.NotEmpty(t, fd.Label)
		}},
		{name: "a day past the feed has no daily level", path: "/v1/conditions/2030-01-01", status: 200, date: "2030-01-01", check: func(t *testing.T, c Conditions) {
			for _, p := range c.Places {
				for _, pf := range p.Facts {
					require.NotEqual(t, "fire_danger_level", pf.Fact, p.Name)
				}
			}
		}},
		{name: "a declared order in force all day", path: "/v1/conditions/2025-07-20", status: 200, date: "2025-07-20", check: func(t *testing.T, c Conditions) {
			o := level(c, "金洞镇", "declared_special_period")
			require.NotNil(t, o, "the example order for 金洞镇 on 7-20")
			require.Equal(t, "true", o.Value)
			require.False(t, o.Partly)
			require.Equal(t, "示例防指〔2025〕1号", o.Order)
			require.Equal(t, "一", o.Article)
			require.Contains(t, o.Text, "严禁一切野外用火")
			require.Equal(t, "2025-07-18T08:00:00+08:00", o.From)
			require.Equal(t, "2025-08-01T00:00:00+08:00", o.Until)
			require.Nil(t, level(c, "白水镇", "declared_special_period"), "the order is 金洞镇's only")
		}},
		{name: "the order's first day is partly under it", path: "/v1/conditions/2025-07-18", status: 200, date: "2025-07-18", check: func(t *testing.T, c Conditions) {
			o := level(c, "金洞镇", "declared_special_period")
			require.NotNil(t, o)
			require.True(t, o.Partly, "in force from 08:00")
		}},
		{name: "no order before it opens", path: "/v1/conditions/2025-07-17", status: 200, date: "2025-07-17", check: func(t *testing.T, c Conditions) {
			require.Nil(t, level(c, "金洞镇", "declared_special_period"))
		}},
		{name: "malformed date", path: "/v1/conditions/2025-13-40", status: 400},
		{name: "a minute is not a day", path: "/v1/conditions/2025-07-14T08:00", status: 400},
		{name: "words", path: "/v1/conditions/yesterday", status: 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, c := getConditions(t, s, tc.path)
			require.Equal(t, tc.status, code)
			if tc.status != http.StatusOK {
				return
			}
			require.Equal(t, tc.date, c.Date)
			require.NotNil(t, c.Feed)
			require.Equal(t, f.Digest(), c.Feed.Digest)
			tc.check(t, c)
		})
	}
}
