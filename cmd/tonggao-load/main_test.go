package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/admin/reload" {
			if r.Header.Get("Authorization") != "Bearer 0123456789abcdef" {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			w.WriteHeader(http.StatusConflict)
		}
	}))
	defer ts.Close()
	mix := filepath.Join(t.TempDir(), "mix.txt")
	require.NoError(t, os.WriteFile(mix, []byte("200 GET /healthz\n"), 0o644))
	token := filepath.Join(t.TempDir(), "token")
	require.NoError(t, os.WriteFile(token, []byte("0123456789abcdef\n"), 0o600))
	cases := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"clean run with memory", []string{"--url", ts.URL, "--duration", "300ms", "--window", "100ms", "--mix", mix, "--pid", "1"}, 0, "| requests | errors |"},
		{"refused reloads fail the run", []string{"--url", ts.URL, "--duration", "300ms", "--mix", mix, "--reload-every", "50ms", "--admin-url", ts.URL, "--admin-token-file", token}, 1, "reload error: reload: status 409"},
		{"reloads need the admin listener", []string{"--url", ts.URL, "--duration", "300ms", "--mix", mix, "--reload-every", "50ms"}, 2, ""},
		{"server CPU per request", []string{"--url", ts.URL, "--duration", "300ms", "--mix", mix, "--pid", strconv.Itoa(os.Getpid())}, 0, "server CPU: "},
		{"json", []string{"--url", ts.URL, "--duration", "100ms", "--mix", mix, "--json"}, 0, `"per_sec"`},
		{"bad mix", []string{"--mix", filepath.Join(t.TempDir(), "none")}, 2, ""},
		{"bad url", []string{"--url", "nowhere", "--duration", "10ms"}, 2, ""},
		{"bad flag", []string{"--nope"}, 2, ""},
		{"waits for a healthy server", []string{"--url", ts.URL, "--wait", "1s", "--duration", "50ms", "--mix", mix}, 0, "| requests |"},
		{"no server to wait for", []string{"--url", "http://127.0.0.1:1", "--wait", "200ms", "--duration", "50ms"}, 1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			require.Equal(t, c.code, run(context.Background(), c.args, &out, &errOut), "stdout %s\nstderr %s", out.String(), errOut.String())
			require.Contains(t, out.String(), c.out)
		})
	}
}
