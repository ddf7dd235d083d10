package main

import (
	"bufio"
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
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs serve with args on a free loopback port and returns its
// base URL, its log, and a stop function that waits for exit code 0.
func startServe(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	logs := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, append([]string{"--addr", "127.0.0.1:0"}, args...), pw, logs)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			require.Equal(t, 0, code)
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop")
		}
	})
	return strings.TrimSpace(line[strings.Index(line, "http://"):]), logs
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
	base, logs := startServe(t, "--rules", dir)
	first := ruleSetOf(t, base)

	notice := filepath.Join(dir, "notices", "qzt-2023-06-open-burning.yaml")
	b, err := os.ReadFile(notice)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(notice, []byte(strings.Replace(string(b), "effective: 2024-08-20", "effective: 2025-01-01", 1)), 0o644))
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	require.Eventually(t, func() bool { return ruleSetOf(t, base) != first }, 10*time.Second, 20*time.Millisecond, "SIGHUP reloads")
	second := ruleSetOf(t, base)

	require.NoError(t, os.WriteFile(notice, []byte("notice: [broken"), 0o644))
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "reload refused") }, 10*time.Second, 20*time.Millisecond)
	require.Equal(t, second, ruleSetOf(t, base), "a broken rule directory is refused; the last good rules keep serving")

	resp, err := http.Post(base+"/admin/reload", "application/json", nil)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, "%s", body)
	require.Contains(t, string(body), "qzt-2023-06-open-burning.yaml")

	require.NoError(t, os.WriteFile(notice, b, 0o644))
	resp, err = http.Post(base+"/admin/reload", "application/json", nil)
	require.NoError(t, err)
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	require.Equal(t, first, ruleSetOf(t, base), "back to the first rules")
}

// TestServeEmbeddedRefusesReload: without --rules there is nothing to
// re-read; the endpoint says so and SIGHUP changes nothing.
func TestServeEmbeddedRefusesReload(t *testing.T) {
	guardSIGHUP(t)
	base, logs := startServe(t)
	first := ruleSetOf(t, base)
	resp, err := http.Post(base+"/admin/reload", "application/json", nil)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusConflict, resp.StatusCode)
	require.Contains(t, string(body), "start the server with --rules DIR")
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
