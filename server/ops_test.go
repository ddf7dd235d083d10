package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/engine"
)

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.NoError(t, json.NewDecoder(resp.Body).Decode(v))
	return resp.StatusCode
}

// TestBodyReadTimeout: a body that stops arriving gets 408 with a message
// that names no socket address (it used to be a 400 quoting both).
func TestBodyReadTimeout(t *testing.T) {
	s := New(newTestHotline(t), Options{})
	srv := HTTPServer(s, nil)
	srv.ReadTimeout = 300 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	c, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer c.Close()
	_, err = fmt.Fprintf(c, "POST /v1/decisions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"activity\":")
	require.NoError(t, err)
	require.NoError(t, c.SetReadDeadline(time.Now().Add(10*time.Second)))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	require.Equal(t, http.StatusRequestTimeout, resp.StatusCode, "%s", body)
	require.JSONEq(t, `{"error":{"code":"request_timeout","message":"the request body did not arrive in time"}}`, string(body))
	require.NotContains(t, string(body), "127.0.0.1")
}

// TestReadyAndHealth: /healthz is alive; /readyz is ready only when every
// check is, and says draining once shutdown has begun.
func TestReadyAndHealth(t *testing.T) {
	var mu sync.Mutex
	layersErr := fmt.Errorf("layers not loaded yet")
	s := New(newTestHotline(t), Options{Checks: []Check{{Name: "layers", Ready: func() error {
		mu.Lock()
		defer mu.Unlock()
		return layersErr
	}}}})
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- s.Run(ctx, RunConfig{Addr: "127.0.0.1:0", Grace: 2 * time.Second, Ready: func(pub, _ net.Addr) { addrs <- pub }})
	}()
	base := "http://" + (<-addrs).String()

	var h Health
	require.Equal(t, 200, getJSON(t, base+"/healthz", &h))
	require.Equal(t, "ok", h.Status)
	var r Readiness
	require.Equal(t, 503, getJSON(t, base+"/readyz", &r))
	require.Equal(t, Readiness{Status: "not_ready", RuleSet: s.RuleSet(), Checks: map[string]string{"rules": "ok", "layers": "layers not loaded yet"}}, r)
	mu.Lock()
	layersErr = nil
	mu.Unlock()
	require.Equal(t, 200, getJSON(t, base+"/readyz", &r))
	require.Equal(t, "ready", r.Status)

	var v Version
	require.Equal(t, 200, getJSON(t, base+"/v1/version", &v))
	require.Equal(t, s.RuleSet(), v.RuleSet)
	require.NotEmpty(t, v.GoVersion)

	s.draining.Store(true) // as Run does first on shutdown
	require.Equal(t, 503, getJSON(t, base+"/readyz", &r))
	require.Equal(t, "draining", r.Status)
	cancel()
	require.NoError(t, <-done)
}

// TestMetrics: the counters move with the requests, decisions and
// reloads they count, and the rule set's digest is a label.
func TestMetrics(t *testing.T) {
	_, ts := newTestServer(t, nil)
	for _, body := range []string{`{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50}}`, `{"activity":"烧田埂"`} {
		resp, err := http.Post(ts.URL+"/v1/decisions", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		resp.Body.Close()
	}
	for _, q := range []string{`{"question":"10月3日烧田埂行不行","at":"2024-09-20"}`, `{"question":"你好","at":"2024-09-20"}`} {
		resp, err := http.Post(ts.URL+"/v1/ask", "application/json", strings.NewReader(q))
		require.NoError(t, err)
		resp.Body.Close()
	}
	// The handler counts after the answer is sent (a client may read the
	// metrics before the last count lands): wait for them.
	want := []string{
		`tonggao_http_requests_total{code="200",route="POST /v1/decisions"} 1`,
		`tonggao_http_requests_total{code="400",route="POST /v1/decisions"} 1`,
		`tonggao_http_request_duration_seconds_count{route="POST /v1/ask"} 2`,
		`tonggao_decisions_total{notice="祁政通〔2024〕7号",verdict="forbidden"} 1`,
		`tonggao_decisions_total{notice="",verdict="conditional"} 1`,
		`tonggao_ask_total{outcome="answered"} 1`,
		`tonggao_ask_total{outcome="not_understood"} 1`,
		`tonggao_reloads_total{result="ok"} 0`,
		`tonggao_rule_set_info{digest="` + engineDigest(t) + `"} 1`,
		`tonggao_rule_set_loaded_timestamp_seconds `,
		`tonggao_build_info{`,
		`go_goroutines `,
	}
	var missing []string
	require.Eventually(t, func() bool {
		resp, err := http.Get(ts.URL + "/metrics")
		if err != nil || resp.StatusCode != 200 {
			return false
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		missing = missing[:0]
		for _, w := range want {
			if !strings.Contains(string(raw), w) {
				missing = append(missing, w)
			}
		}
		return len(missing) == 0
	}, 5*time.Second, 20*time.Millisecond, "missing from /metrics: %q", &missing)
}

func engineDigest(t *testing.T) string { return newTestHotline(t).Engine().Receipt().RuleSet }

// TestConnectionCap: past the cap, the connection idle the longest is
// closed to make room, so idle clients cannot lock others out.
func TestConnectionCap(t *testing.T) {
	s := New(newTestHotline(t), Options{})
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- s.Run(ctx, RunConfig{Addr: "127.0.0.1:0", MaxConns: 3, Grace: 2 * time.Second, Ready: func(pub, _ net.Addr) { addrs <- pub }})
	}()
	addr := (<-addrs).String()
	// Three idle keep-alive connections fill the cap.
	var idle []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		defer c.Close()
		_, err = io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
		require.NoError(t, err)
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		require.NoError(t, err)
		resp.Body.Close()
		idle = append(idle, c)
		// The server marks a connection idle after writing the answer the
		// client has already read: give it time so the order is the dial order.
		time.Sleep(50 * time.Millisecond)
	}
	// A fourth client is still answered: the oldest idle one is closed.
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	require.NoError(t, idle[0].SetReadDeadline(time.Now().Add(5*time.Second)))
	_, err = idle[0].Read(make([]byte, 1))
	require.ErrorIs(t, err, io.EOF, "the idlest connection was closed")
	cancel()
	require.NoError(t, <-done)
}

// TestShutdownWhileReloadHangs: a reload stuck for ever does not hold
// shutdown: Run returns within the grace period.
func TestShutdownWhileReloadHangs(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	started := make(chan struct{}, 1)
	s := New(newTestHotline(t), Options{ReloadTimeout: time.Hour, Reload: func(context.Context) (*engine.Engine, error) {
		started <- struct{}{}
		<-block
		return nil, fmt.Errorf("unreachable")
	}})
	ctx, cancel := context.WithCancel(context.Background())
	reloads := make(chan struct{}, 1)
	addrs := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- s.Run(ctx, RunConfig{Addr: "127.0.0.1:0", AdminAddr: "127.0.0.1:0", AdminAuth: AdminAuth{Token: []byte(testToken)},
			Grace: time.Second, Reloads: reloads, Ready: func(_, adm net.Addr) { addrs <- adm }})
	}()
	adm := (<-addrs).String()
	reloads <- struct{}{}
	<-started
	// An admin reload meanwhile is refused as busy at once, not queued.
	resp, err := adminPost("http://"+adm+AdminReloadPath, testToken, nil)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusConflict, resp.StatusCode)
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
		require.Less(t, time.Since(start), 3*time.Second)
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return while a reload hung")
	}
}

// TestAdminListenerNeedsAuth: Run refuses an admin listener without a
// token or client certificates.
func TestAdminListenerNeedsAuth(t *testing.T) {
	s := New(newTestHotline(t), Options{})
	err := s.Run(context.Background(), RunConfig{Addr: "127.0.0.1:0", AdminAddr: "127.0.0.1:0"})
	require.ErrorContains(t, err, "needs a bearer token")
}

// TestDrainDelay: after ctx ends, /readyz says draining while the
// listener still answers, for the drain delay; then Run returns.
func TestDrainDelay(t *testing.T) {
	s := New(newTestHotline(t), Options{})
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- s.Run(ctx, RunConfig{Addr: "127.0.0.1:0", DrainDelay: 700 * time.Millisecond, Grace: time.Second,
			Ready: func(pub, _ net.Addr) { addrs <- pub }})
	}()
	base := "http://" + (<-addrs).String()
	start := time.Now()
	cancel()
	time.Sleep(100 * time.Millisecond)
	var r Readiness
	require.Equal(t, 503, getJSON(t, base+"/readyz", &r))
	require.Equal(t, "draining", r.Status)
	var h Health
	require.Equal(t, 200, getJSON(t, base+"/healthz", &h), "still serving while draining")
	require.NoError(t, <-done)
	require.GreaterOrEqual(t, time.Since(start), 700*time.Millisecond)
}

// recorderFunc records into a channel without blocking.
type recorderFunc func(*Record)

func (f recorderFunc) Record(r *Record) { f(r) }

// TestRecorderSeesEachAnsweredRequest: the decision-record seam is called
// once per answered decision or question, with what a record keeps, and
// not for refused requests.
func TestRecorderSeesEachAnsweredRequest(t *testing.T) {
	recs := make(chan *Record, 10)
	s := New(newTestHotline(t), Options{Recorder: recorderFunc(func(r *Record) { recs <- r })})
	ts := httptest.NewServer(s)
	defer ts.Close()
	post := func(path, body, id string) int {
		req, err := http.NewRequest("POST", ts.URL+path, strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("X-Request-Id", id)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	require.Equal(t, 200, post("/v1/decisions", `{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50}}`, "dec-1"))
	require.Equal(t, 200, post("/v1/ask", `{"question":"10月3日烧田埂行不行","at":"2024-09-20"}`, "ask-1"))
	require.Equal(t, 400, post("/v1/decisions", `{"activity":"烧田埂"`, "bad-1"))
	got := map[string]*Record{}
	for range 2 {
		select {
		case r := <-recs:
			got[r.RequestID] = r
		case <-time.After(5 * time.Second):
			t.Fatal("no record")
		}
	}
	select {
	case r := <-recs:
		t.Fatalf("a refused request was recorded: %+v", r)
	case <-time.After(100 * time.Millisecond):
	}
	d := got["dec-1"]
	require.NotNil(t, d)
	require.Equal(t, "decisions", d.Route)
	require.Equal(t, s.RuleSet(), d.RuleSet)
	require.Equal(t, "127.0.0.1", d.Client)
	require.Equal(t, engine.Forbidden, d.Decision.Verdict)
	require.False(t, d.Time.IsZero())
	a := got["ask-1"]
	require.NotNil(t, a)
	require.Equal(t, "ask", a.Route)
	require.Equal(t, "10月3日烧田埂行不行", a.Question)
	require.NotEmpty(t, a.Answer, "the text read aloud")
	require.Equal(t, "2024-10-03", a.Query.Day.String())
}
