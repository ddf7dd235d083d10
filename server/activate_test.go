package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/rules"
)

// TestActivateBundle: a hotline activated from a bundle serves the next
// request; every response names the bundle's revision in a header and
// every decision in its receipt, and a server not built from a bundle
// sends no such header.
func TestActivateBundle(t *testing.T) {
	s := New(newTestHotline(t), Options{})
	get := func() *http.Response {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/v1/decisions", strings.NewReader(`{"activity":"烧田埂","at":"2024-10-03"}`)))
		return w.Result()
	}
	resp := get()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Empty(t, resp.Header.Values("X-Bundle-Revision"))

	set, err := rules.Load(rules.EmbeddedFS())
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	e, err := engine.New(set, cal, engine.WithBundle("2026-12-02.1"))
	require.NoError(t, err)
	h, err := hotline.New(e)
	require.NoError(t, err)
	res := s.ActivateHotline(h)
	require.Equal(t, res.Previous, res.RuleSet, "same rules, another bundle revision")
	resp = get()
	require.Equal(t, "2026-12-02.1", resp.Header.Get("X-Bundle-Revision"))
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Contains(t, string(body), `"bundle":"2026-12-02.1"`)

	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	require.Contains(t, w.Body.String(), `tonggao_bundle_info{revision="2026-12-02.1"} 1`)
	require.NotContains(t, w.Body.String(), "tonggao_conditions_feed_stale", "no feed, no feed series")
}
