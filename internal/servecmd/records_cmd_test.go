package servecmd

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/internal/cli"
	"github.com/tonggao/tonggao/records"
)

// TestServeKeepsRecords: serve --records keeps a record of each answer and
// the rule set that gave it; records get, list and replay read them back,
// GET /v1/records/{id} serves them on the admin listener only, and a
// replay under changed rules reports the difference.
func TestServeKeepsRecords(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, copyRules(dir))
	db := filepath.Join(t.TempDir(), "records.db")
	base, admin, _ := startServe(t, "--rules", dir, "--embedded=false", "--records", db)
	post := func(id string) {
		req, err := http.NewRequest("POST", base+"/v1/decisions", strings.NewReader(`{"activity":"烧秸秆","at":"2024-10-03"}`))
		require.NoError(t, err)
		req.Header.Set("X-Request-Id", id)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, 200, resp.StatusCode)
	}
	post("rec-1")
	first := ruleSetOf(t, base)

	notice := filepath.Join(dir, "notices", "qzt-2023-06-open-burning.yaml")
	b, err := os.ReadFile(notice)
	require.NoError(t, err)
	// In force from 2025 only: 2024-10-03's answer changes.
	later := regexp.MustCompile(`effective: \d{4}-\d{2}-\d{2}`).ReplaceAll(b, []byte("effective: 2025-01-01"))
	require.NotEqual(t, b, later)
	require.NoError(t, os.WriteFile(notice, later, 0o644))
	status, body := adminReload(t, admin)
	require.Equal(t, http.StatusOK, status, "%s", body)
	require.NotEqual(t, first, ruleSetOf(t, base))
	post("rec-2")

	var out string
	require.Eventually(t, func() bool {
		var code int
		code, out, _ = runCmd("records", "list", "--from", "2000-01-01", "--records", db)
		return code == 0 && strings.Contains(out, "rec-2")
	}, 10*time.Second, 50*time.Millisecond, "the records are written")
	require.Contains(t, out, "rec-1")

	get := func(url, token string) (int, string) {
		req, err := http.NewRequest("GET", url, nil)
		require.NoError(t, err)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := get(admin+"/v1/records/rec-1", testAdminToken)
	require.Equal(t, 200, code, body)
	require.Contains(t, body, first)
	code, _ = get(admin+"/v1/records/rec-1", "")
	require.Equal(t, 401, code, "records are personal data: admin only, authenticated")
	code, _ = get(base+"/v1/records/rec-1", testAdminToken)
	require.Equal(t, 404, code, "never on the public listener")
	code, _ = get(admin+"/v1/records/none", testAdminToken)
	require.Equal(t, 404, code)

	// Each record replays under its own rule set, kept by digest.
	for _, id := range []string{"rec-1", "rec-2"} {
		code, out, errOut := runCmd("records", "replay", id, "--records", db)
		require.Equal(t, 0, code, "%s%s", out, errOut)
		require.Contains(t, out, "same decision")
	}
	code, out, _ = runCmd("records", "replay", "rec-1", "--records", db)
	require.Equal(t, 0, code)
	require.Contains(t, out, "replayed under "+first)
	// Under the rules loaded now, the first record's answer differs.
	code, out, _ = runCmd("records", "replay", "rec-1", "--records", db, "--current", "--rules", dir, "--embedded=false")
	require.Equal(t, cli.ExitFailed, code, out)
	require.Contains(t, out, "differs in: next_change, quotes, reasons, unknown_facts, verdict")

	// A record of a format this build does not read is shown, but not
	// replayed as if it were one it knows.
	s, err := records.Open(context.Background(), db)
	require.NoError(t, err)
	es, err := s.Get(context.Background(), "rec-2")
	require.NoError(t, err)
	require.Equal(t, records.Format, es[0].Version)
	e := es[0]
	e.RequestID, e.Version = "rec-future", records.Format+1
	require.NoError(t, s.Append(context.Background(), []records.Entry{e}))
	require.NoError(t, s.Close())
	code, out, errOut := runCmd("records", "get", "rec-future", "--records", db)
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "rec-future")
	code, _, errOut = runCmd("records", "replay", "rec-future", "--records", db)
	require.Equal(t, cli.ExitUsage, code)
	require.Contains(t, errOut, "in format 4")

	code, out, _ = runCmd("records", "get", "rec-2", "--records", db, "--json")
	require.Equal(t, 0, code)
	require.Contains(t, out, `"request_id": "rec-2"`)
	code, _, errOut = runCmd("records", "get", "nope", "--records", db)
	require.Equal(t, cli.ExitUsage, code)
	require.Contains(t, errOut, "not found")
	code, _, _ = runCmd("records", "get", "rec-2")
	require.Equal(t, cli.ExitUsage, code, "--records is required")
}
