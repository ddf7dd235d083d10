package fsread_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/internal/fsread"
)

// TestReadFileOneBuffer: a file is read into one buffer of the size its
// Stat gives, with one byte of room to see the end — not grown from 512
// bytes by copying, which allocated about three times the file's size and
// page-faulted a cold start (docs/speed.md). A file whose size changes
// after the Stat is still read whole, and one that grows past the limit is
// still refused.
func TestReadFileOneBuffer(t *testing.T) {
	data := bytes.Repeat([]byte("禁火令 "), 20_000) // 200 KB
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), data, 0o644))
	for name, fsys := range map[string]fs.FS{
		"Dir":   fsread.Dir(dir),
		"DirFS": os.DirFS(dir),
		"MapFS": fstest.MapFS{"a.yaml": {Data: data}},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := fsread.New(context.Background(), fsys, "", fsread.Limits{}).ReadFile("a.yaml")
			require.NoError(t, err)
			require.Equal(t, data, got)
			require.Equal(t, len(data)+1, cap(got), "one buffer of the file's size and a byte")
		})
	}

	for _, size := range []int64{0, 10, int64(len(data)) - 1, int64(len(data)) + 1} {
		fsys := sizeFS{fstest.MapFS{"a.yaml": {Data: data}}, size}
		got, err := fsread.New(context.Background(), fsys, "", fsread.Limits{}).ReadFile("a.yaml")
		require.NoError(t, err, "Stat says %d bytes", size)
		require.Equal(t, data, got, "Stat says %d bytes", size)
	}
	_, err := fsread.New(context.Background(), sizeFS{fstest.MapFS{"a.yaml": {Data: data}}, 10}, "", fsread.Limits{MaxFileBytes: 1000}).ReadFile("a.yaml")
	require.ErrorIs(t, err, fsread.ErrTooLarge)
	require.ErrorContains(t, err, "grew past 1000 bytes while read")
}

// sizeFS is a file system whose files say they have size bytes, whatever
// they hold: a file changed between its Stat and its reading.
type sizeFS struct {
	fsys fs.FS
	size int64
}

func (s sizeFS) Open(name string) (fs.File, error) {
	f, err := s.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	return sizeFile{f, s.size}, nil
}

type sizeFile struct {
	fs.File
	size int64
}

func (f sizeFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	if err != nil {
		return nil, err
	}
	return sizeInfo{info, f.size}, nil
}

type sizeInfo struct {
	fs.FileInfo
	size int64
}

func (i sizeInfo) Size() int64 { return i.size }
