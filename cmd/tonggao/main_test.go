package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// serviceOnly are the packages only tonggao-server may link: the HTTP
// server and client (the bundle poller), the database drivers, the metrics
// and profiling.
var serviceOnly = []string{
	"github.com/tonggao/tonggao/internal/servecmd",
	"github.com/tonggao/tonggao/bundle/pull",
	"net/http",
	"crypto/tls",
	"github.com/tonggao/tonggao/server",
	"github.com/tonggao/tonggao/records",
	"github.com/tonggao/tonggao/feed/watch",
	"github.com/prometheus/",
	"modernc.org/",
	"github.com/jackc/",
	"database/sql",
}

// linked lists the packages of pkg's binary that only the service may
// link.
func linked(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", pkg).Output()
	require.NoError(t, err, "go list -deps %s", pkg)
	var bad []string
	for _, dep := range strings.Fields(string(out)) {
		for _, p := range serviceOnly {
			if dep == p || strings.HasSuffix(p, "/") && strings.HasPrefix(dep, p) || strings.HasPrefix(dep, p+"/") {
				bad = append(bad, dep)
			}
		}
	}
	return bad
}

// TestNoServiceDependencies: tonggao links none of the service's
// packages (they cost every command its start-up); tonggao-server does.
func TestNoServiceDependencies(t *testing.T) {
	require.Empty(t, linked(t, "."), "tonggao links the service's packages: move the command to internal/servecmd")
	require.Contains(t, linked(t, "../tonggao-server"), "github.com/tonggao/tonggao/server", "the check sees the service's packages")
}

// TestServeRunsServer builds both binaries: tonggao serve and tonggao
// records run tonggao-server beside it; alone, tonggao says what is
// missing. tonggao holds no code of net/http's server.
func TestServeRunsServer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and links both binaries")
	}
	dir := t.TempDir()
	out, err := exec.Command("go", "build", "-o", dir+string(filepath.Separator), ".", "../tonggao-server").CombinedOutput()
	require.NoError(t, err, "%s", out)
	tonggao := filepath.Join(dir, "tonggao")

	syms, err := exec.Command("go", "tool", "nm", tonggao).Output()
	require.NoError(t, err)
	require.NotContains(t, string(syms), "net/http.(*Server).Serve", "tonggao links net/http's server")
	syms, err = exec.Command("go", "tool", "nm", filepath.Join(dir, "tonggao-server")).Output()
	require.NoError(t, err)
	require.Contains(t, string(syms), "net/http.(*Server).Serve")

	run := func(bin string, env []string, args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), env...)
		b, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if err != nil {
			require.ErrorAs(t, err, &ee, "%s", b)
			return ee.ExitCode(), string(b)
		}
		return 0, string(b)
	}
	// A port nobody listens on: the health check fails, in tonggao-server.
	code, msg := run(tonggao, nil, "serve", "--healthcheck", "--addr", "127.0.0.1:1")
	require.Equal(t, 1, code, msg)
	require.Contains(t, msg, "tonggao-server serve: ")
	code, msg = run(tonggao, nil, "records", "list")
	require.Equal(t, 2, code, msg)
	require.Contains(t, msg, "--records PATH|URL (or TONGGAO_RECORDS) is required")
	code, msg = run(tonggao, nil, "serve", "--help")
	require.Equal(t, 0, code, msg)
	require.Contains(t, msg, "--admin-token-file")

	alone := filepath.Join(t.TempDir(), "tonggao")
	require.NoError(t, os.Link(tonggao, alone))
	code, msg = run(alone, []string{"PATH=" + t.TempDir()}, "serve")
	require.Equal(t, 1, code, msg)
	require.Contains(t, msg, "tonggao-server not found")
}
