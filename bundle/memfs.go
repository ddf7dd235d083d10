package bundle

import (
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// memFS is a bundle's files in memory, by slash path, read-only: regular
// files, with the directories their paths imply. It stands in for
// testing/fstest.MapFS, which would link package testing's helpers (and
// log) into every program that reads a bundle — the WebAssembly module
// among them (docs/speed.md).
type memFS map[string]*memFile

// memFile is one file's bytes.
type memFile struct{ Data []byte }

// Open opens a file, or a directory that some file's path implies.
func (m memFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if f := m[name]; f != nil {
		return &memOpen{info: memInfo{name: path.Base(name), size: int64(len(f.Data))}, data: f.Data}, nil
	}
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	seen := map[string]bool{}
	var list []fs.DirEntry
	for p, f := range m {
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok {
			continue
		}
		elem, _, isDir := strings.Cut(rest, "/")
		if seen[elem] {
			continue
		}
		seen[elem] = true
		info := memInfo{name: elem, size: int64(len(f.Data))}
		if isDir {
			info = memInfo{name: elem, dir: true}
		}
		list = append(list, info)
	}
	if list == nil && name != "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return &memDir{info: memInfo{name: path.Base(name), dir: true}, list: list}, nil
}

// memInfo describes a file or directory of a memFS.
type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i memInfo) Type() fs.FileMode          { return i.Mode().Type() }
func (i memInfo) ModTime() time.Time         { return time.Time{} }
func (i memInfo) IsDir() bool                { return i.dir }
func (i memInfo) Sys() any                   { return nil }
func (i memInfo) Info() (fs.FileInfo, error) { return i, nil }

// memOpen is an open file.
type memOpen struct {
	info memInfo
	data []byte
	off  int
}

func (f *memOpen) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memOpen) Close() error               { return nil }
func (f *memOpen) Read(b []byte) (int, error) {
	if f.off >= len(f.data) {
		return 0, io.EOF
	}
	n := copy(b, f.data[f.off:])
	f.off += n
	return n, nil
}

// memDir is an open directory.
type memDir struct {
	info memInfo
	list []fs.DirEntry
	off  int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Close() error               { return nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: fs.ErrInvalid}
}

// ReadDir reads the directory's entries as fs.ReadDirFile does.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.list[d.off:]
	if n <= 0 {
		d.off = len(d.list)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.off += len(rest)
	return slices.Clone(rest), nil
}
