package servecmd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestServeShutsDownGracefully starts the server on a free loopback port,
// answers a request, and stops when its context ends (as on SIGTERM).
func TestServeShutsDownGracefully(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, []string{"--addr", "127.0.0.1:0"}, pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	base := strings.TrimSpace(line[strings.Index(line, "http://"):])
	go func() { _, _ = io.Copy(io.Discard, pr) }()

	resp, err := http.Get(base + "/healthz")
	require.NoError(t, err)
	var h map[string]string
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&h))
	resp.Body.Close()
	require.Equal(t, "ok", h["status"])

	resp, err = http.Post(base+"/v1/ask", "application/json", strings.NewReader(`{"question":"10月3日烧田埂行不行","at":"2024-09-20"}`))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)

	cancel()
	select {
	case code := <-done:
		require.Equal(t, 0, code)
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
	_, err = http.Get(base + "/healthz")
	require.Error(t, err, "the listener is closed")
}

func TestServeBadFlags(t *testing.T) {
	code, _, errOut := runCmd("serve", "--addr", "127.0.0.1:0", "extra")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "unexpected argument")
	code, _, errOut = runCmd("serve", "--addr", "256.0.0.1:99999")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "tonggao serve")
}

// TestServeAdminFlagsFromEnvironment: the new serve flags have TONGGAO_
// variables too, and a bad value names its variable.
func TestServeAdminFlagsFromEnvironment(t *testing.T) {
	var out, errb bytes.Buffer
	a := testApp(&out, &errb)
	a.Getenv = func(k string) string { return map[string]string{"TONGGAO_MAX_CONNS": "many"}[k] }
	require.Equal(t, 2, a.Run([]string{"serve", "--addr", "127.0.0.1:0"}))
	require.Contains(t, errb.String(), `TONGGAO_MAX_CONNS="many"`)
}

// TestServeAdminNeedsAuthentication: an admin listener without a token or
// client CA is refused at start, as is a short token.
func TestServeAdminNeedsAuthentication(t *testing.T) {
	code, _, errOut := runCmd("serve", "--addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "--admin-token-file")
	short := filepath.Join(t.TempDir(), "token")
	require.NoError(t, os.WriteFile(short, []byte("secret\n"), 0o600))
	code, _, errOut = runCmd("serve", "--addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0", "--admin-token-file", short)
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "at least 16")
}

// TestServeHealthcheck: --healthcheck asks a running server (the
// container's HEALTHCHECK) and fails when none answers.
func TestServeHealthcheck(t *testing.T) {
	base, _, _ := startServe(t)
	addr := strings.TrimPrefix(base, "http://")
	code, out, errOut := runCmd("serve", "--healthcheck", "--addr", addr)
	require.Equal(t, 0, code, errOut)
	require.Equal(t, "healthy\n", out)
	_, port, _ := net.SplitHostPort(addr)
	code, _, _ = runCmd("serve", "--healthcheck", "--addr", ":"+port)
	require.Equal(t, 0, code, "an any-address --addr is asked on loopback")
	code, _, errOut = runCmd("serve", "--healthcheck", "--addr", "127.0.0.1:1")
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "connection refused")
}

// The environment sets serve's flags (TONGGAO_ and the flag's name).
func TestServeFlagsFromEnvironment(t *testing.T) {
	var out, errb strings.Builder
	a := testApp(&out, &errb)
	a.Getenv = func(k string) string {
		if k == "TONGGAO_MAX_BODY" {
			return "lots"
		}
		return ""
	}
	require.Equal(t, 2, a.Run([]string{"serve", "--addr", "127.0.0.1:0"}))
	require.Contains(t, errb.String(), `TONGGAO_MAX_BODY="lots"`)

	a.Getenv = func(k string) string {
		if k == "TONGGAO_ADDR" {
			return "127.0.0.1:notaport"
		}
		return ""
	}
	errb.Reset()
	require.Equal(t, 2, a.Run([]string{"serve"}))
	require.Contains(t, errb.String(), "notaport", "the environment sets --addr")
}
