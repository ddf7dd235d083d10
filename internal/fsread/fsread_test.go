package fsread_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/internal/fsread"
)

// hostileDir makes a rule directory with, beside a good file, each thing
// that used to hang or exhaust a load: a named pipe, a symlink to
// /dev/zero, a symlink to a file outside, a directory symlink out, an
// oversized file.
func hostileDir(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	dir := filepath.Join(base, "rules")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "notices"), 0o755))
	write := func(name string, data []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	write("facts.yaml", []byte("facts: []\n"))
	write("notices/big.yaml", make([]byte, 2<<20))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "notices/fifo.yaml"), 0o644))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "notices/zero.yaml")))
	require.NoError(t, os.WriteFile(filepath.Join(base, "secret.yaml"), []byte("outside"), 0o644))
	require.NoError(t, os.Symlink("../../secret.yaml", filepath.Join(dir, "notices/out.yaml")))
	require.NoError(t, os.Symlink(base, filepath.Join(dir, "up")))
	require.NoError(t, os.Symlink("../facts.yaml", filepath.Join(dir, "notices/in.yaml")))
	return dir
}

// within fails the test if f does not return in time: a hang detector,
// not a speed test (every case here takes microseconds).
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("still reading after 20 s")
	}
}

func TestHostileFiles(t *testing.T) {
	dir := hostileDir(t)
	for _, fsys := range []struct {
		name string
		fs   fs.FS
	}{{"Dir", fsread.Dir(dir)}, {"os.DirFS", os.DirFS(dir)}} {
		t.Run(fsys.name, func(t *testing.T) {
			for _, tc := range []struct {
				file    string
				kind    error
				message string
			}{
				{"notices/fifo.yaml", fsread.ErrNotRegular, "rules/notices/fifo.yaml: not a regular file (named pipe): only regular files are read"},
				{"notices/zero.yaml", fsread.ErrOutside, "rules/notices/zero.yaml: leads outside the directory: notices/zero.yaml is a symlink to /dev/zero"},
				{"notices/out.yaml", fsread.ErrOutside, "rules/notices/out.yaml: leads outside the directory: notices/out.yaml is a symlink to ../../secret.yaml"},
				{"up/secret.yaml", fsread.ErrOutside, "rules/up/secret.yaml: leads outside the directory: up is a symlink to " + filepath.Dir(dir)},
				{"notices/big.yaml", fsread.ErrTooLarge, "rules/notices/big.yaml: file too large: 2 MiB; at most 1 MiB per file"},
				{"notices", nil, "rules/notices: not a regular file (directory): only regular files are read"},
				{"../secret.yaml", fsread.ErrOutside, "rules/../secret.yaml: leads outside the directory: not a valid path in the directory"},
				{"notices/none.yaml", fs.ErrNotExist, "rules/notices/none.yaml: no such file or directory"},
			} {
				t.Run(tc.file, func(t *testing.T) {
					within(t, func() {
						r := fsread.New(context.Background(), fsys.fs, "rules", fsread.Limits{})
						_, err := r.ReadFile(tc.file)
						require.EqualError(t, err, tc.message)
						if tc.kind != nil {
							require.ErrorIs(t, err, tc.kind)
						}
						var fe *fsread.Error
						require.ErrorAs(t, err, &fe)
						require.Equal(t, "rules/"+tc.file, fe.Path)
					})
				})
			}
			r := fsread.New(context.Background(), fsys.fs, "rules", fsread.Limits{})
			data, err := r.ReadFile("notices/in.yaml")
			require.NoError(t, err, "a symlink within the directory is followed")
			require.Equal(t, "facts: []\n", string(data))
			entries, err := r.ReadDir("notices")
			require.NoError(t, err)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			require.Equal(t, []string{"big.yaml", "fifo.yaml", "in.yaml", "out.yaml", "zero.yaml"}, names)
			_, err = r.ReadDir("up")
			require.ErrorIs(t, err, fsread.ErrOutside)
		})
	}
}

func TestLimits(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte(strings.Repeat("a", 600))},
		"b.yaml": {Data: []byte(strings.Repeat("b", 600))},
		"c.yaml": {Data: []byte(strings.Repeat("c", 2000))},
	}
	r := fsread.New(context.Background(), fsys, "", fsread.Limits{MaxFileBytes: 1000, MaxTotalBytes: 1000, MaxDirEntries: 2})
	_, err := r.ReadFile("a.yaml")
	require.NoError(t, err)
	_, err = r.ReadFile("b.yaml")
	require.EqualError(t, err, "b.yaml: files too large together: with this file, 1200 bytes read; at most 1000 bytes together")
	require.ErrorIs(t, err, fsread.ErrTotalTooLarge)
	_, err = r.ReadFile("c.yaml")
	require.ErrorIs(t, err, fsread.ErrTooLarge)
	require.Equal(t, int64(600), r.Total())
	_, err = r.ReadDir(".")
	require.EqualError(t, err, ".: too many entries: more than 2; at most 2 in a directory")
}

func TestDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := fsread.New(ctx, fstest.MapFS{"a.yaml": {Data: []byte("a")}}, "rules", fsread.Limits{})
	_, err := r.ReadFile("a.yaml")
	require.EqualError(t, err, "rules/a.yaml: load stopped before this file: context canceled")
	require.True(t, errors.Is(err, context.Canceled))
}

func TestExists(t *testing.T) {
	dir := hostileDir(t)
	r := fsread.New(context.Background(), fsread.Dir(dir), "rules", fsread.Limits{})
	for name, want := range map[string]bool{"facts.yaml": true, "vocabulary": false, "notices/fifo.yaml": true} {
		ok, err := r.Exists(name)
		require.NoError(t, err)
		require.Equal(t, want, ok, name)
	}
	_, err := r.Exists("up/secret.yaml")
	require.ErrorIs(t, err, fsread.ErrOutside)
}
