package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/internal/corpus"
)

// value decodes a corpus value (package corpus: Go-quoted or raw, with
// repeat and nest expanded).
func value(t *testing.T, s string) string {
	t.Helper()
	v, err := corpus.Value(s)
	require.NoError(t, err)
	return v
}

// TestHostileHTTP sends every request of testdata/hostile/http.txt (the
// format is package corpus's) to a real server on loopback (the
// http.Server settings of tonggao serve, the default body limit) and
// requires the exact status, error code and message; after each one the
// server must still answer /healthz. HOSTILE_UPDATE=1 go test -run
// Hostile rewrites the expected lines from what the code does now — for
// review in the diff, never blindly. A case's resp-header lines ("Name:
// value") must be in the answer as written.
func TestHostileHTTP(t *testing.T) {
	const path = "testdata/hostile/http.txt"
	file, err := corpus.Read(path)
	require.NoError(t, err)
	cases := file.Cases
	require.GreaterOrEqual(t, len(cases), 80, "the corpus keeps its size")
	var logs bytes.Buffer
	s := New(newTestHotline(t), Options{
		Logger: slog.New(slog.NewJSONHandler(&logs, nil)),
		Now:    func() time.Time { return time.Date(2024, 10, 2, 3, 0, 0, 0, time.UTC) },
	})
	srv := HTTPServer(s, nil)
	srv.ErrorLog = nil
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: 20 * time.Second}

	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			method, target, ok := strings.Cut(c.Get("request"), " ")
			require.True(t, ok, "request: METHOD PATH")
			var body io.Reader
			if b := c.Get("body"); b != "" {
				body = strings.NewReader(value(t, b))
			}
			req, err := http.NewRequest(method, base+value(t, target), body)
			require.NoError(t, err)
			for _, h := range c.All("header") {
				k, v, _ := strings.Cut(value(t, h), ": ")
				req.Header.Set(k, v)
			}
			resp, err := client.Do(req)
			require.NoError(t, err)
			raw, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			require.NoError(t, err)
			// An error is JSON with a code, except the few answers net/http
			// gives before the handler runs (431), which are plain text.
			code, msg := "-", strings.TrimSpace(string(raw))
			if resp.StatusCode >= 400 && strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
				var eb ErrorBody
				require.NoError(t, json.Unmarshal(raw, &eb), "%s", raw)
				code, msg = eb.Error.Code, eb.Error.Message
			} else if resp.StatusCode < 300 {
				code, msg = "ok", ""
			}
			got := fmt.Sprintf("%d %s", resp.StatusCode, code)
			gotMsg := strconv.Quote(msg)
			if corpus.Update() {
				c.Set("want", got)
				c.Set("msg", gotMsg)
			} else {
				require.Equal(t, c.Get("want"), got, "%s", raw)
				require.Equal(t, c.Get("msg"), gotMsg)
			}
			require.Less(t, resp.StatusCode, 500, "hostile input is the client's fault: 4xx, never 5xx")
			if resp.StatusCode >= 400 {
				require.LessOrEqual(t, len(raw), 4096, "an error answer does not echo a huge input back")
			}

			for _, h := range c.All("resp-header") {
				k, v, _ := strings.Cut(value(t, h), ": ")
				require.Equal(t, v, resp.Header.Get(k), "header %s", k)
			}

			r, err := client.Get(base + "/healthz")
			require.NoError(t, err, "the server keeps serving")
			r.Body.Close()
			require.Equal(t, 200, r.StatusCode)
		})
	}
	require.NotContains(t, logs.String(), `"msg":"panic"`)
	if corpus.Update() {
		require.NoError(t, file.Write())
	}
}
