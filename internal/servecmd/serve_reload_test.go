package servecmd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/rules"
)

// syncBuffer is a log sink the server goroutine writes while the test
// reads.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
	// noAccess drops the access log's lines: under load they grow the
	// buffer — and this process's heap — by a few hundred bytes a
	// request, which a test of the server's memory must not count
	noAccess bool
	// watched are the strings watch waits for, and seen gets a value for
	// each line written that holds one
	watched []string
	seen    chan struct{}
}

// watch returns a channel that gets a value for each line written from
// now on that holds one of words (at most 64 waiting; more are dropped).
func (s *syncBuffer) watch(words ...string) <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.watched, s.seen = words, make(chan struct{}, 64)
	return s.seen
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.noAccess && s.watched == nil {
		return s.b.Write(p)
	}
	for rest := p; len(rest) > 0; {
		line := rest
		if k := bytes.IndexByte(rest, '\n'); k >= 0 {
			line = rest[:k+1]
		}
		rest = rest[len(line):]
		if s.noAccess && bytes.Contains(line, []byte(`"msg":"request"`)) {
			continue
		}
		s.b.Write(line)
		for _, w := range s.watched {
			if bytes.Contains(line, []byte(w)) {
				select {
				case s.seen <- struct{}{}:
				default:
				}
				break
			}
		}
	}
	return len(p), nil
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

const testAdminToken = "0123456789abcdef0123456789abcdef"

// startServe runs serve with args on a free loopback port, with an admin
// listener on another (token testAdminToken), and returns the public base
// URL, the admin base URL and the log; at cleanup it requires exit code 0.
func startServe(t *testing.T, args ...string) (string, string, *syncBuffer) {
	t.Helper()
	tokenFile := filepath.Join(t.TempDir(), "token")
	require.NoError(t, os.WriteFile(tokenFile, []byte(testAdminToken+"\n"), 0o600))
	args = append([]string{"--admin-addr", "127.0.0.1:0", "--admin-token-file", tokenFile}, args...)
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	logs := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, append([]string{"--addr", "127.0.0.1:0"}, args...), pw, logs)
		pw.Close()
	}()
	br := bufio.NewReader(pr)
	line, err := br.ReadString('\n')
	require.NoError(t, err)
	adminLine, err := br.ReadString('\n')
	require.NoError(t, err)
	go func() { _, _ = io.Copy(io.Discard, br) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			require.Equal(t, 0, code)
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop")
		}
	})
	return strings.TrimSpace(line[strings.Index(line, "http://"):]), strings.TrimSpace(adminLine[strings.Index(adminLine, "http://"):]), logs
}

// adminReload posts to the admin listener's reload endpoint with the token.
func adminReload(t *testing.T, admin string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("POST", admin+"/admin/reload", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+testAdminToken)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, string(body)
}

func ruleSetOf(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Get(base + "/healthz")
	require.NoError(t, err)
	defer resp.Body.Close()
	var h map[string]string
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&h))
	return h["rule_set"]
}

// TestServeReloadsOnSIGHUP: SIGHUP re-reads --rules DIR; a directory that
// no longer loads is refused (logged) and the last good rules keep
// serving; POST /admin/reload does the same over loopback.
func TestServeReloadsOnSIGHUP(t *testing.T) {
	guardSIGHUP(t)
	dir := t.TempDir()
	src := rules.EmbeddedFS()
	require.NoError(t, fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			if d != nil && d.IsDir() {
				return os.MkdirAll(filepath.Join(dir, p), 0o755)
			}
			return err
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	}))
	base, admin, logs := startServe(t, "--rules", dir, "--embedded=false")
	first := ruleSetOf(t, base)

	notice := filepath.Join(dir, "notices", "qzt-2023-06-open-burning.yaml")
	b, err := os.ReadFile(notice)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(notice, []byte(strings.Replace(string(b), "effective: 2024-01-01", "effective: 2025-01-01", 1)), 0o644))
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	require.Eventually(t, func() bool { return ruleSetOf(t, base) != first }, 10*time.Second, 20*time.Millisecond, "SIGHUP reloads")
	second := ruleSetOf(t, base)

	require.NoError(t, os.WriteFile(notice, []byte("notice: [broken"), 0o644))
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "reload refused") }, 10*time.Second, 20*time.Millisecond)
	require.Equal(t, second, ruleSetOf(t, base), "a broken rule directory is refused; the last good rules keep serving")

	status, body := adminReload(t, admin)
	require.Equal(t, http.StatusUnprocessableEntity, status, "%s", body)
	require.Contains(t, body, "qzt-2023-06-open-burning.yaml")
	resp, err := http.Post(base+"/admin/reload", "application/json", nil)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusNotFound, resp.StatusCode, "admin is not on the public listener")

	require.NoError(t, os.WriteFile(notice, b, 0o644))
	status, body = adminReload(t, admin)
	require.Equal(t, http.StatusOK, status, "%s", body)
	require.Equal(t, first, ruleSetOf(t, base), "back to the first rules")
}

// TestServeEmbeddedRefusesReload: without --rules there is nothing to
// re-read; the endpoint says so and SIGHUP changes nothing.
func TestServeEmbeddedRefusesReload(t *testing.T) {
	guardSIGHUP(t)
	base, admin, logs := startServe(t)
	first := ruleSetOf(t, base)
	status, body := adminReload(t, admin)
	require.Equal(t, http.StatusConflict, status)
	require.Contains(t, body, "start the server with --rules DIR")
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "cannot be reloaded") }, 10*time.Second, 20*time.Millisecond)
	require.Equal(t, first, ruleSetOf(t, base))
}

// guardSIGHUP keeps a SIGHUP from killing the test binary (its default
// action) should one arrive while no server is listening for it — between
// tests, or from the terminal the tests run in. The server's own handler
// still receives every SIGHUP the test sends.
func guardSIGHUP(t *testing.T) {
	ch := make(chan os.Signal, 16)
	signal.Notify(ch, syscall.SIGHUP)
	t.Cleanup(func() { signal.Stop(ch) })
}

// TestServeStopsWhileReloadHangs: a FIFO in the rule directory once hung a
// SIGHUP reload for ever in the loop that waits for signals, and SIGTERM
// was ignored. Now the reload runs off that loop with a deadline, and the
// server stops within its grace period whatever the reload is doing.
func TestServeStopsWhileReloadHangs(t *testing.T) {
	guardSIGHUP(t)
	dir := t.TempDir()
	require.NoError(t, copyRules(dir))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	logs := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, []string{"--addr", "127.0.0.1:0", "--rules", dir, "--embedded=false", "--grace", "1s", "--reload-timeout", "1h"}, pw, logs)
		pw.Close()
	}()
	br := bufio.NewReader(pr)
	_, err := br.ReadString('\n')
	require.NoError(t, err)
	go func() { _, _ = io.Copy(io.Discard, br) }()
	// A FIFO nobody writes: reading it blocks (unless the loader refuses
	// anything but regular files, which is as good).
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "notices", "zz-fifo.yaml"), 0o644))
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	cancel() // as SIGTERM does
	select {
	case code := <-done:
		require.Equal(t, 0, code)
		require.Less(t, time.Since(start), 3*time.Second, "stopped within the grace period")
	case <-time.After(10 * time.Second):
		t.Fatalf("serve did not stop while a reload hung; log:\n%s", logs.String())
	}
	// Unblock a reader still stuck on the FIFO, so the test leaves nothing.
	if f, err := os.OpenFile(filepath.Join(dir, "notices", "zz-fifo.yaml"), os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		f.Close()
	}
}

// copyRules copies the embedded rule directory to dir.
func copyRules(dir string) error {
	src := rules.EmbeddedFS()
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, p), 0o755)
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
}

// TestServeAsksWithTheRulesWords: serve --rules DIR hears a question with
// the directory's own vocabulary, as tonggao ask --rules DIR does, at
// start and after a reload (钱塘江边 is a phrase of the 钱塘 example's
// vocabulary alone).
func TestServeAsksWithTheRulesWords(t *testing.T) {
	const dir, question = "../../examples/notices/qiantang", "4月10日在钱塘江边捕鱼可以吗"
	code, out, errs := runCmd("ask", "--rules", dir, "--at", "2025-04-01", "--json", question)
	require.Equal(t, 0, code, errs)
	var cli struct {
		Query struct {
			Facts map[string]any `json:"facts"`
		} `json:"query"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &cli))
	require.Equal(t, true, cli.Query.Facts["in_fishing_ban_waters"], "the CLI hears the directory's phrase")

	base, admin, _ := startServe(t, "--rules", dir)
	ask := func() map[string]any {
		resp, err := http.Post(base+"/v1/ask", "application/json", strings.NewReader(`{"question":"`+question+`","at":"2025-04-01"}`))
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
		var b struct {
			Query struct {
				Facts map[string]any `json:"facts"`
			} `json:"query"`
		}
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&b))
		return b.Query.Facts
	}
	require.Equal(t, cli.Query.Facts, ask(), "/v1/ask hears what tonggao ask hears")
	status, body := adminReload(t, admin)
	require.Equal(t, http.StatusOK, status, body)
	require.Equal(t, cli.Query.Facts, ask(), "and so after a reload")
}
