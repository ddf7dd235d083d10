package hotline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/rules"
)

// The hostile-input corpus: testdata/hostile/http.txt holds requests
// (malformed, adversarial or absurd) with the exact status, error code and
// message the server must answer, and testdata/hostile/rules.txt holds
// adversarial rule files with the exact error rules.Load must give.
// HOSTILE_UPDATE=1 go test -run Hostile rewrites the expected lines from
// what the code does now — for review in the diff, never blindly.
//
// Record format (both files): "=== name" starts a record; then lines
// "key: value". Values pass through text/template with repeat and nest, so
// that a 10 MB string or 10 000 nested arrays is one short line.

type hostileCase struct {
	name string
	kv   [][2]string // in file order, for rewriting
}

func (c *hostileCase) get(k string) string {
	for _, p := range c.kv {
		if p[0] == k {
			return p[1]
		}
	}
	return ""
}

func (c *hostileCase) all(k string) []string {
	var out []string
	for _, p := range c.kv {
		if p[0] == k {
			out = append(out, p[1])
		}
	}
	return out
}

func (c *hostileCase) set(k, v string) {
	for i, p := range c.kv {
		if p[0] == k {
			c.kv[i][1] = v
			return
		}
	}
	c.kv = append(c.kv, [2]string{k, v})
}

// readHostile parses a corpus file; lines before the first record and
// lines starting with # are kept as the file's header.
func readHostile(t *testing.T, path string) (header string, cases []*hostileCase) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	sc := bufio.NewScanner(bytes.NewReader(data))
	var hdr strings.Builder
	names := map[string]bool{}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "=== "):
			name := strings.TrimPrefix(line, "=== ")
			require.False(t, names[name], "%s: duplicate case %q", path, name)
			names[name] = true
			cases = append(cases, &hostileCase{name: name})
		case len(cases) == 0:
			hdr.WriteString(line + "\n")
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		default:
			k, v, ok := strings.Cut(line, ": ")
			require.True(t, ok, "%s: case %s: line %q is not key: value", path, cases[len(cases)-1].name, line)
			c := cases[len(cases)-1]
			c.kv = append(c.kv, [2]string{k, v})
		}
	}
	require.NoError(t, sc.Err())
	return hdr.String(), cases
}

func writeHostile(t *testing.T, path, header string, cases []*hostileCase) {
	t.Helper()
	var b strings.Builder
	b.WriteString(header)
	for _, c := range cases {
		b.WriteString("=== " + c.name + "\n")
		for _, p := range c.kv {
			b.WriteString(p[0] + ": " + p[1] + "\n")
		}
	}
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
}

// expand runs a value through text/template: {{repeat "a" 10485760}},
// {{nest "[" "]" 10001}} (open×n then close×n).
func expand(t *testing.T, s string) string {
	t.Helper()
	if !strings.Contains(s, "{{") {
		return s
	}
	tpl, err := template.New("").Funcs(template.FuncMap{
		"repeat": strings.Repeat,
		"nest":   func(open, close string, n int) string { return strings.Repeat(open, n) + strings.Repeat(close, n) },
	}).Parse(s)
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, tpl.Execute(&b, nil))
	return b.String()
}

// value decodes a corpus value: a Go-quoted string ("\xff") or raw text.
func value(t *testing.T, s string) string {
	t.Helper()
	if strings.HasPrefix(s, `"`) {
		u, err := strconv.Unquote(s)
		require.NoError(t, err, "value %s", s)
		s = u
	}
	return expand(t, s)
}

func hostileUpdate() bool { return os.Getenv("HOSTILE_UPDATE") == "1" }

// TestHostileHTTP sends every request of testdata/hostile/http.txt to a
// real server on loopback (the http.Server settings of tonggao serve, the
// default body limit) and requires the exact status, error code and
// message; after each one the server must still answer /healthz.
func TestHostileHTTP(t *testing.T) {
	const path = "testdata/hostile/http.txt"
	header, cases := readHostile(t, path)
	require.GreaterOrEqual(t, len(cases), 80, "the corpus keeps its size")
	var logs bytes.Buffer
	s := NewServer(newTestHotline(t), ServerOptions{
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
		t.Run(c.name, func(t *testing.T) {
			method, target, ok := strings.Cut(c.get("request"), " ")
			require.True(t, ok, "request: METHOD PATH")
			var body io.Reader
			if b := c.get("body"); b != "" {
				body = strings.NewReader(value(t, b))
			}
			req, err := http.NewRequest(method, base+value(t, target), body)
			require.NoError(t, err)
			for _, h := range c.all("header") {
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
			if hostileUpdate() {
				c.set("want", got)
				c.set("msg", gotMsg)
			} else {
				require.Equal(t, c.get("want"), got, "%s", raw)
				require.Equal(t, c.get("msg"), gotMsg)
			}
			require.Less(t, resp.StatusCode, 500, "hostile input is the client's fault: 4xx, never 5xx")
			if resp.StatusCode >= 400 {
				require.LessOrEqual(t, len(raw), 4096, "an error answer does not echo a huge input back")
			}

			r, err := client.Get(base + "/healthz")
			require.NoError(t, err, "the server keeps serving")
			r.Body.Close()
			require.Equal(t, 200, r.StatusCode)
		})
	}
	require.NotContains(t, logs.String(), `"msg":"panic"`)
	if hostileUpdate() {
		writeHostile(t, path, header, cases)
	}
}

// hostileNotice is the notice each rules.txt case edits: a minimal valid
// notice (one window, one condition, one rule).
const hostileNotice = `notice:
  number: 测试〔2024〕1号
  title: 测试通告
  effective: 2024-09-01
  valid_until: 2025-08-31
activities:
  - id: test_fire
    name: 测试用火
    en: test fire
windows:
  - id: season
    name: 季节
    when: annual 09-01..04-30
    article: 一
conditions:
  - id: near
    name: 附近
    if: distance_to_forest_m <= 100
    article: 二
rules:
  - id: ban
    article: 三
    text: 严禁测试用火。
    effect: forbid
    activities: [test_fire]
    if: season && near
`

// TestHostileRules loads every adversarial rule file of
// testdata/hostile/rules.txt through rules.Load and requires its exact
// error (or "ok" for the few that are harmless, with a comment saying
// why). A case edits the notice above with "sub: OLD => NEW" lines, or
// gives the whole file as "file:" (Go-quoted). Each load must also finish
// well within a generous ceiling.
func TestHostileRules(t *testing.T) {
	const path = "testdata/hostile/rules.txt"
	header, cases := readHostile(t, path)
	require.GreaterOrEqual(t, len(cases), 20)
	facts, err := fs.ReadFile(rules.EmbeddedFS(), "facts.yaml")
	require.NoError(t, err)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			notice := hostileNotice
			if f := c.get("file"); f != "" {
				notice = value(t, f)
			}
			for _, sub := range c.all("sub") {
				old, new, ok := strings.Cut(sub, " => ")
				require.True(t, ok, "sub: OLD => NEW")
				old, new = value(t, old), value(t, new)
				require.Contains(t, notice, old)
				notice = strings.Replace(notice, old, new, 1)
			}
			_, err := rules.Load(fstest.MapFS{
				"facts.yaml":        {Data: facts},
				"notices/test.yaml": {Data: []byte(notice)},
			})
			got := "ok"
			if err != nil {
				got = err.Error()
			}
			if len(got) > 2000 {
				got = got[:2000] + "…"
			}
			if hostileUpdate() {
				c.set("want", strconv.Quote(got))
			} else {
				require.Equal(t, c.get("want"), strconv.Quote(got))
			}
			// A ceiling, not a speed test (the 10 MB expression takes ~7 s
			// under -race on a busy 2-core machine): it catches a load whose
			// cost runs away with its input, like YAML nested 100 000 deep
			// (38 s, not in the corpus).
		})
	}
	if hostileUpdate() {
		writeHostile(t, path, header, cases)
	}
}
