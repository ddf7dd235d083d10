package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFmtCmd(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.yaml")
	require.NoError(t, os.WriteFile(f, []byte("# c\r\na: 1  \r\n\r\n\r\nb: 2"), 0o644))
	code, out, _ := runCmd("fmt", "--check", dir)
	require.Equal(t, 1, code)
	require.Contains(t, out, "a.yaml: not in canonical form")
	code, _, _ = runCmd("fmt", dir)
	require.Equal(t, 0, code)
	data, err := os.ReadFile(f)
	require.NoError(t, err)
	require.Equal(t, "# c\na: 1\n\nb: 2\n", string(data))
	code, _, _ = runCmd("fmt", "--check", dir)
	require.Equal(t, 0, code, "idempotent")
	code, _, _ = runCmd("fmt")
	require.Equal(t, 2, code)
}

// new notice writes a notice and cases stubbed at every edge of every part
// of every window, and never overwrites.
func TestNewNoticeCmd(t *testing.T) {
	dir := t.TempDir()
	args := []string{"new", "notice", dir, "x-fishing", "--id", "x-fishing", "--title", "某区关于实行禁渔期的通告",
		"--issuer", "某区农业农村局", "--applies-in", "330114", "--effective", "2025-03-01",
		"--window", "ban=annual 03-01 00:00 .. 06-30 24:00", "--window", "nights=date 2025-06-01..2025-06-18 & daily 20:00..06:00"}
	code, out, errs := runCmd(args...)
	require.Equal(t, 0, code, errs)
	require.Contains(t, out, "x-fishing.cases.yaml")
	cases, err := os.ReadFile(filepath.Join(dir, "notices", "x-fishing.cases.yaml"))
	require.NoError(t, err)
	for _, at := range []string{"at: 2025-02-28\n", "at: 2025-03-01\n", "at: 2025-06-30\n", "at: 2025-07-01\n",
		"at: 2025-06-01 19:59\n", "at: 2025-06-01 20:00\n", "at: 2025-06-19 05:59\n", "at: 2025-06-19 06:00\n"} {
		require.Contains(t, string(cases), at)
	}
	notice, err := os.ReadFile(filepath.Join(dir, "notices", "x-fishing.yaml"))
	require.NoError(t, err)
	require.Contains(t, string(notice), "id: x-fishing\n")
	code, _, errs = runCmd(args...)
	require.Equal(t, 2, code)
	require.Contains(t, errs, "exists: not overwritten")
	code, _, errs = runCmd("new", "notice", dir, "y", "--id", "y", "--title", "t", "--issuer", "i", "--effective", "2025-03-01", "--window", "w=annual 13-01..06-30")
	require.Equal(t, 2, code, errs)
}
