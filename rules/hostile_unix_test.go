//go:build unix

package rules_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/internal/fsread"
	"github.com/tonggao/tonggao/rules"
)

// Named pipes and symlinks to /dev/zero are Unix's: this file is built
// there only (GOOS=js go vet ./rules/... type-checks the rest).

// TestHostileDirectory: what used to hang a reload (a named pipe), kill the
// server (a symlink to /dev/zero), take 46 s and 3.6 GB (a 100 MB file) or
// read outside the directory (a symlink out) is refused, naming the file,
// at once; the good files around them are read and every bad one is named.
func TestHostileDirectory(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "rules")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "notices"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "facts.yaml"), []byte(readEmbedded(t, "facts.yaml")), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notices/good.yaml"), []byte(goodNotice), 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "notices/fifo.yaml"), 0o644))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "notices/zero.yaml")))
	require.NoError(t, os.WriteFile(filepath.Join(base, "other.yaml"), []byte(goodNotice), 0o644))
	require.NoError(t, os.Symlink("../../other.yaml", filepath.Join(dir, "notices/out.yaml")))
	big, err := os.Create(filepath.Join(dir, "notices/big.yaml"))
	require.NoError(t, err)
	require.NoError(t, big.Truncate(100<<20))
	require.NoError(t, big.Close())

	want := strings.Join([]string{
		"rules/notices/big.yaml: file too large: 100 MiB; at most 512 KiB per file",
		"rules/notices/fifo.yaml: not a regular file (named pipe): only regular files are read",
		"rules/notices/out.yaml: leads outside the directory: notices/out.yaml is a symlink to ../../other.yaml",
		"rules/notices/zero.yaml: leads outside the directory: notices/zero.yaml is a symlink to /dev/zero",
	}, "\n")
	for _, fsys := range []fs.FS{fsread.Dir(dir), os.DirFS(dir)} {
		done := make(chan error, 1)
		go func() {
			_, err := rules.LoadRoots(context.Background(), []rules.Root{{Name: "rules", FS: fsys}}, rules.Limits{})
			done <- err
		}()
		select {
		case err := <-done:
			require.EqualError(t, err, want)
		case <-time.After(20 * time.Second):
			t.Fatal("the load still runs after 20 s") // a hang detector, not a speed test
		}
	}

	// The cases of the same directory are read the same way.
	require.NoError(t, os.Remove(filepath.Join(dir, "notices/big.yaml")))
	require.NoError(t, os.Remove(filepath.Join(dir, "notices/fifo.yaml")))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "notices/zero.cases.yaml")))
	_, err = rules.LoadCasesRoots(context.Background(), []rules.Root{{Name: "rules", FS: fsread.Dir(dir)}}, rules.Limits{})
	require.EqualError(t, err, "rules/notices/zero.cases.yaml: leads outside the directory: notices/zero.cases.yaml is a symlink to /dev/zero")
}
