package fsread

import (
	"io/fs"
	"os"
)

// Dir is a directory on disk read through os.Root: no name, symlink or
// swapped file reaches outside it, and files are opened non-blocking so
// that a named pipe cannot hang the reader. Every call opens the directory
// afresh, so a Dir may outlive a deployment that swaps the directory (a
// symlink to the current release, say) and holds no descriptor between
// calls.
type Dir string

func (d Dir) root(op, name string) (*os.Root, error) {
	r, err := os.OpenRoot(string(d))
	if err != nil {
		return nil, &fs.PathError{Op: op, Path: name, Err: err}
	}
	return r, nil
}

// Open opens name for reading, non-blocking.
func (d Dir) Open(name string) (fs.File, error) {
	r, err := d.root("open", name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return r.OpenFile(name, os.O_RDONLY|oNonblock, 0)
}

// Stat describes name, following symlinks within the directory.
func (d Dir) Stat(name string) (fs.FileInfo, error) {
	r, err := d.root("stat", name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return r.Stat(name)
}

// Lstat describes name without following a symlink.
func (d Dir) Lstat(name string) (fs.FileInfo, error) {
	r, err := d.root("lstat", name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return r.Lstat(name)
}

// ReadLink returns a symlink's target as written.
func (d Dir) ReadLink(name string) (string, error) {
	r, err := d.root("readlink", name)
	if err != nil {
		return "", err
	}
	defer r.Close()
	return r.Readlink(name)
}

var (
	_ fs.StatFS     = Dir("")
	_ fs.ReadLinkFS = Dir("")
)
