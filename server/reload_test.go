package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// ruleFS copies the embedded rule directory, passing every file through
// edit, so that a test can make a second valid rule set (another digest,
// other verdicts) or a broken one.
func ruleFS(t testing.TB, edit func(name string, data []byte) []byte) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	src := rules.EmbeddedFS()
	require.NoError(t, fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		out[p] = &fstest.MapFile{Data: edit(p, data)}
		return nil
	}))
	return out
}

func engineFrom(fsys fs.FS) (*engine.Engine, error) {
	set, err := rules.Load(fsys)
	if err != nil {
		return nil, err
	}
	cal, err := calendar.New()
	if err != nil {
		return nil, err
	}
	reg, err := register.Embedded()
	if err != nil {
		return nil, err
	}
	return engine.New(set, cal, engine.WithRegister(reg))
}

// reloadSets are two valid rule sets that answer the same question
// differently, and one that does not load. Set B moves the open-burning
// notice's effective day past 2024-12-01, so burning rubbish that day is
// forbidden under A (the notice's title ban) and only conditional under B
// (the forest fire ban, which depends on the distance to forest).
type reloadSets struct {
	a, b, bad fs.FS
}

const (
	reloadOpenBurning = "notices/qzt-2023-06-open-burning.yaml"
	reloadQuery       = `{"activity":"烧垃圾","at":"2024-12-01"}`
	reloadAsk         = `{"question":"12月1日烧垃圾行不行","at":"2024-11-20"}`
)

func newReloadSets(t testing.TB) reloadSets {
	same := func(_ string, d []byte) []byte { return d }
	b := func(name string, d []byte) []byte {
		if name != reloadOpenBurning {
			return d
		}
		out := bytes.Replace(d, []byte("effective: 2024-01-01"), []byte("effective: 2025-01-01"), 1)
		require.NotEqual(t, d, out, "set B must differ from A")
		return out
	}
	bad := func(name string, d []byte) []byte {
		if name != reloadOpenBurning {
			return d
		}
		return bytes.Replace(d, []byte(`if: "true"`), []byte(`if: "len(activity) > 0"`), 1)
	}
	return reloadSets{a: ruleFS(t, same), b: ruleFS(t, b), bad: ruleFS(t, bad)}
}

type decisionBody struct {
	Verdict engine.Verdict `json:"verdict"`
	Receipt engine.Receipt `json:"receipt"`
}

type askBody struct {
	Verdict  engine.Verdict `json:"verdict"`
	Decision decisionBody   `json:"decision"`
}

// TestReloadUnderLoad swaps between two rule sets (and tries a broken one
// every third reload; 12 reloads in all) while clients ask the same two questions over and
// over: every request must succeed, carry one of the two digests in its
// body and header, and have the verdict of the set that digest names.
func TestReloadUnderLoad(t *testing.T) {
	sets := newReloadSets(t)
	engA, err := engineFrom(sets.a)
	require.NoError(t, err)
	engB, err := engineFrom(sets.b)
	require.NoError(t, err)
	_, err = engineFrom(sets.bad)
	require.Error(t, err)
	want := map[string]engine.Verdict{}
	for _, e := range []*engine.Engine{engA, engB} {
		d, err := e.Decide(engine.Query{Activity: "烧垃圾", Day: calendar.MustDate(2024, 12, 1)})
		require.NoError(t, err)
		want[e.Receipt().RuleSet] = d.Verdict
	}
	require.Len(t, want, 2, "the two sets have different digests")
	require.NotEqual(t, want[engA.Receipt().RuleSet], want[engB.Receipt().RuleSet], "the two sets answer differently")

	var n atomic.Int64
	build := func(context.Context) (*engine.Engine, error) {
		switch n.Add(1) % 3 {
		case 1:
			return engineFrom(sets.b)
		case 2:
			return engineFrom(sets.bad)
		}
		return engineFrom(sets.a)
	}
	h, err := hotline.New(engA)
	require.NoError(t, err)
	s := New(h, Options{Reload: build})
	ts := httptest.NewServer(s)
	defer ts.Close()
	admin := httptest.NewServer(s.AdminHandler(AdminAuth{Token: []byte(testToken)}))
	defer admin.Close()

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var requests atomic.Int64
	seen := sync.Map{}
	errs := make(chan error, 64)
	fail := func(err error) {
		select {
		case errs <- err:
		default:
		}
	}
	for c := 0; c < 6; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				path, body := "/v1/decisions", reloadQuery
				if (c+i)%2 == 1 {
					path, body = "/v1/ask", reloadAsk
				}
				resp, err := ts.Client().Post(ts.URL+path, "application/json", strings.NewReader(body))
				if err != nil {
					fail(err)
					return
				}
				raw, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				requests.Add(1)
				if err != nil || resp.StatusCode != 200 {
					fail(fmt.Errorf("%s: status %d: %s %v", path, resp.StatusCode, raw, err))
					return
				}
				var d decisionBody
				if path == "/v1/ask" {
					var a askBody
					if err := json.Unmarshal(raw, &a); err != nil {
						fail(err)
						return
					}
					if a.Verdict != a.Decision.Verdict {
						fail(fmt.Errorf("ask: answer verdict %s, decision verdict %s", a.Verdict, a.Decision.Verdict))
					}
					d = a.Decision
				} else if err := json.Unmarshal(raw, &d); err != nil {
					fail(err)
					return
				}
				digest := d.Receipt.RuleSet
				v, known := want[digest]
				switch {
				case !known:
					fail(fmt.Errorf("%s: digest %q is neither set", path, digest))
				case v != d.Verdict:
					fail(fmt.Errorf("%s: digest %s with verdict %s, want %s (a mix of two rule sets)", path, digest, d.Verdict, v))
				case resp.Header.Get("X-Rule-Set") != digest:
					fail(fmt.Errorf("%s: header rule set %s, body %s", path, resp.Header.Get("X-Rule-Set"), digest))
				}
				seen.Store(digest, true)
			}
		}(c)
	}

	var refused, swapped int
	for i := 0; i < 12; i++ {
		time.Sleep(20 * time.Millisecond)
		before := s.RuleSet()
		resp, err := adminPost(admin.URL+AdminReloadPath, testToken, nil)
		require.NoError(t, err)
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		if resp.StatusCode == http.StatusUnprocessableEntity {
			refused++
			var re ReloadError
			require.NoError(t, json.Unmarshal(raw, &re))
			require.Equal(t, before, re.RuleSet, "a refused reload keeps the old rules")
			require.Equal(t, "reload_refused", re.Error.Code)
			require.Contains(t, re.Error.Message, "len")
			require.Equal(t, before, s.RuleSet())
			continue
		}
		require.Equal(t, 200, resp.StatusCode, "%s", raw)
		var res ReloadResult
		require.NoError(t, json.Unmarshal(raw, &res))
		require.Equal(t, before, res.Previous)
		require.True(t, res.Changed)
		swapped++
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	require.Equal(t, 4, refused)
	require.Equal(t, 8, swapped)
	for d := range want {
		_, ok := seen.Load(d)
		require.True(t, ok, "clients saw answers from %s", d)
	}
	t.Logf("%d requests during 12 reloads (8 swaps, 4 refused), none lost or mixed", requests.Load())
}

const testToken = "0123456789abcdef0123"

// adminPost posts to an admin URL with a bearer token ("" for none) and
// extra headers.
func adminPost(url, token string, hdr map[string]string) (*http.Response, error) {
	req, err := http.NewRequest("POST", url, nil)
	if err != nil {
		return nil, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return http.DefaultClient.Do(req)
}

// TestReloadRefusals: the embedded rule base cannot be reloaded (409), a
// rule set that fails to load is refused with its load error (422) while
// the old one keeps answering, and the admin handler answers only
// authenticated requests (401), whatever their address or headers say.
func TestReloadRefusals(t *testing.T) {
	h := newTestHotline(t)
	embedded := New(h, Options{})
	sets := newReloadSets(t)
	bad := New(h, Options{Reload: func(context.Context) (*engine.Engine, error) { return engineFrom(sets.bad) }})
	old := h.Engine().Receipt().RuleSet
	auth := AdminAuth{Token: []byte(testToken)}

	cases := []struct {
		name   string
		srv    *Server
		token  string
		hdr    map[string]string
		status int
		check  func(t *testing.T, body []byte)
	}{
		{"embedded rules", embedded, testToken, nil, http.StatusConflict, func(t *testing.T, body []byte) {
			require.JSONEq(t, `{"error":{"code":"reload_unsupported","message":"`+ErrReloadUnsupported.Error()+`"},"rule_set":"`+old+`"}`, string(body))
		}},
		{"no token", bad, "", nil, http.StatusUnauthorized, func(t *testing.T, body []byte) {
			require.JSONEq(t, `{"error":{"code":"unauthorized","message":"a valid bearer token is required"}}`, string(body))
		}},
		{"wrong token", bad, testToken + "x", nil, http.StatusUnauthorized, nil},
		{"token prefix", bad, testToken[:10], nil, http.StatusUnauthorized, nil},
		{"loopback and forwarded headers are no credential", bad, "", map[string]string{
			"X-Forwarded-For": "127.0.0.1", "X-Real-Ip": "127.0.0.1", "Forwarded": "for=127.0.0.1"}, http.StatusUnauthorized, nil},
		{"basic auth is not a bearer token", bad, "", map[string]string{"Authorization": "Basic " + testToken}, http.StatusUnauthorized, nil},
		{"bad rule set", bad, testToken, nil, http.StatusUnprocessableEntity, func(t *testing.T, body []byte) {
			var re ReloadError
			require.NoError(t, json.Unmarshal(body, &re))
			require.Equal(t, old, re.RuleSet)
			require.Equal(t, "reload_refused", re.Error.Code)
			require.Contains(t, re.Error.Message, reloadOpenBurning)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			admin := httptest.NewServer(c.srv.AdminHandler(auth))
			defer admin.Close()
			resp, err := adminPost(admin.URL+AdminReloadPath, c.token, c.hdr)
			require.NoError(t, err)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			require.Equal(t, c.status, resp.StatusCode, "%s", body)
			if c.check != nil {
				c.check(t, body)
			}
			r := httptest.NewRequest("POST", "/v1/decisions", strings.NewReader(reloadQuery))
			w := httptest.NewRecorder()
			c.srv.ServeHTTP(w, r)
			require.Equal(t, 200, w.Code)
			require.Equal(t, old, w.Header().Get("X-Rule-Set"), "the old rules keep serving")
		})
	}
}

// TestAdminIsNotOnThePublicHandler: the public handler has no admin
// paths at all — not from loopback, not with forwarded-for headers, not
// with the right token.
func TestAdminIsNotOnThePublicHandler(t *testing.T) {
	s := New(newTestHotline(t), Options{Reload: func(context.Context) (*engine.Engine, error) { return engine.Embedded() }})
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, path := range []string{AdminReloadPath, "/debug/pprof/", "/debug/pprof/profile", "/admin/", "//admin/reload", "/v1/../admin/reload", "/%61dmin/reload"} {
		for _, method := range []string{"POST", "GET"} {
			req, err := http.NewRequest(method, ts.URL+path, nil)
			require.NoError(t, err)
			req.Header.Set("Authorization", "Bearer "+testToken)
			req.Header.Set("X-Forwarded-For", "127.0.0.1")
			req.Header.Set("X-Real-Ip", "127.0.0.1")
			resp, err := ts.Client().Do(req)
			require.NoError(t, err)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			require.Contains(t, []int{http.StatusNotFound, http.StatusMovedPermanently, http.StatusTemporaryRedirect}, resp.StatusCode, "%s %s: %s", method, path, body)
		}
	}
}

// TestReloadThatNeverReturns: a rule source that hangs (a FIFO, a dead
// network mount) costs one goroutine and the reload timeout, no more: the
// reload is abandoned with ErrReloadTimeout, the old rules keep serving,
// further reloads are refused as busy (not stacked) until the stuck build
// returns, and its late result is thrown away.
func TestReloadThatNeverReturns(t *testing.T) {
	h := newTestHotline(t)
	release := make(chan struct{})
	var calls atomic.Int64
	s := New(h, Options{ReloadTimeout: 100 * time.Millisecond, Reload: func(context.Context) (*engine.Engine, error) {
		calls.Add(1)
		<-release // ignores its context, as a stuck read would
		return engineFrom(newReloadSets(t).b)
	}})
	old := s.RuleSet()
	start := time.Now()
	_, err := s.Reload(context.Background())
	require.ErrorIs(t, err, ErrReloadTimeout)
	require.Less(t, time.Since(start), 5*time.Second)
	_, err = s.Reload(context.Background())
	require.ErrorIs(t, err, ErrReloadBusy, "one stuck build at a time")
	require.Equal(t, int64(1), calls.Load())

	admin := httptest.NewServer(s.AdminHandler(AdminAuth{Token: []byte(testToken)}))
	defer admin.Close()
	resp, err := adminPost(admin.URL+AdminReloadPath, testToken, nil)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusConflict, resp.StatusCode, "%s", body)
	require.Contains(t, string(body), "reload_busy")

	close(release)
	require.Eventually(t, func() bool { return !s.reloading.Load() }, 10*time.Second, 10*time.Millisecond)
	require.Equal(t, old, s.RuleSet(), "an abandoned build's late result is discarded")
}

// TestReloadErrorIsBounded: 20,000 bad files once made a 3.9 MB admin
// answer; the message is cut and says how much was left out.
func TestReloadErrorIsBounded(t *testing.T) {
	huge := strings.Repeat("notices/x.yaml:1:1: bad rule file\n", 20000)
	s := New(newTestHotline(t), Options{Reload: func(context.Context) (*engine.Engine, error) { return nil, errors.New(huge) }})
	admin := httptest.NewServer(s.AdminHandler(AdminAuth{Token: []byte(testToken)}))
	defer admin.Close()
	resp, err := adminPost(admin.URL+AdminReloadPath, testToken, nil)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
	require.Less(t, len(body), 6<<10)
	require.Contains(t, string(body), "more bytes)")
}
