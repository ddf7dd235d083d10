// Package fsread reads the files the service loads — rule directories,
// place layers, feeds, bundles — with one discipline, so that a file put
// there by mistake or by an attacker is refused with its name instead of
// hanging, exhausting memory or reaching outside the directory:
//
//   - only regular files are read: a named pipe, device, socket or
//     directory is refused without being opened for reading (a pipe would
//     block until a writer comes, /dev/zero never ends);
//   - nothing outside the root is reached: a symlink may point to another
//     file in the root, never out of it (absolute or through "..");
//   - each file, the files of one [Reader] together, and each directory
//     listing are bounded ([Limits]);
//   - a context's deadline or cancellation stops the reading between
//     files.
//
// Use [Dir] rather than [os.DirFS] for a directory on disk: it goes through
// [os.Root], so the root is enforced by the kernel's view of the path even
// if a file is swapped for a symlink or a pipe while it is read, and files
// are opened non-blocking. Any other [fs.FS] (embedded files, a zip, a
// test's MapFS) gets the same checks through [fs.ReadLinkFS] and
// [fs.StatFS] where it has them.
package fsread

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Limits bound what one Reader reads. A zero field means its default.
type Limits struct {
	// MaxFileBytes bounds one file.
	MaxFileBytes int64
	// MaxTotalBytes bounds every file a Reader reads, together.
	MaxTotalBytes int64
	// MaxDirEntries bounds one directory listing.
	MaxDirEntries int
}

// Default limits: the rule files shipped today are at most 40 KB each and
// 200 KB together, so these leave room for a county's whole rule base while
// keeping a load's memory and time small.
const (
	DefaultMaxFileBytes  = 1 << 20  // 1 MiB
	DefaultMaxTotalBytes = 32 << 20 // 32 MiB
	DefaultMaxDirEntries = 10_000
)

// withDefaults fills the zero fields of l.
func (l Limits) withDefaults() Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultMaxFileBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = DefaultMaxTotalBytes
	}
	if l.MaxDirEntries <= 0 {
		l.MaxDirEntries = DefaultMaxDirEntries
	}
	return l
}

// The kinds of refusal; an *Error wraps one of them (or the context's
// error, or the file system's).
var (
	ErrNotRegular    = errors.New("not a regular file")
	ErrOutside       = errors.New("leads outside the directory")
	ErrTooLarge      = errors.New("file too large")
	ErrTotalTooLarge = errors.New("files too large together")
	ErrTooManyFiles  = errors.New("too many entries")
)

// Error is a refusal or failure naming the file: its path is the root's
// name joined with the file's name in the root.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Reader reads files from one root within limits and a context. It is not
// safe for concurrent use: one load, one Reader.
type Reader struct {
	ctx   context.Context
	fsys  fs.FS
	name  string
	lim   Limits
	total int64
}

// New returns a Reader of fsys. name is how errors name the root (a
// directory path as the user gave it, "embedded", …; "" for none).
func New(ctx context.Context, fsys fs.FS, name string, lim Limits) *Reader {
	return &Reader{ctx: ctx, fsys: fsys, name: name, lim: lim.withDefaults()}
}

// Name is the root's name as errors give it.
func (r *Reader) Name() string { return r.name }

// FS is the file system read.
func (r *Reader) FS() fs.FS { return r.fsys }

// Total is the number of bytes read so far.
func (r *Reader) Total() int64 { return r.total }

// Path is name as errors give it: joined to the root's name.
func (r *Reader) Path(name string) string {
	if r.name == "" {
		return name
	}
	return strings.TrimSuffix(r.name, "/") + "/" + name
}

func (r *Reader) fail(name string, err error) error { return &Error{Path: r.Path(name), Err: err} }

// ReadFile reads the named regular file within the limits.
func (r *Reader) ReadFile(name string) ([]byte, error) {
	if err := r.ctx.Err(); err != nil {
		return nil, r.fail(name, fmt.Errorf("load stopped before this file: %w", err))
	}
	real, err := r.resolve(name)
	if err != nil {
		return nil, err
	}
	// Stat before opening: opening a named pipe for reading blocks until
	// someone writes to it.
	info, err := fs.Stat(r.fsys, real)
	if err != nil {
		return nil, r.fail(name, unwrapPath(err))
	}
	if err := r.check(name, info); err != nil {
		return nil, err
	}
	f, err := r.fsys.Open(real)
	if err != nil {
		return nil, r.fail(name, unwrapPath(err))
	}
	defer f.Close()
	// And again on the open file: it may have been swapped meanwhile.
	if info, err = f.Stat(); err != nil {
		return nil, r.fail(name, unwrapPath(err))
	}
	if err := r.check(name, info); err != nil {
		return nil, err
	}
	// The size may grow while it is read: read one byte past the limit to
	// tell.
	data, err := readAll(io.LimitReader(f, r.lim.MaxFileBytes+1), info.Size())
	if err != nil {
		return nil, r.fail(name, unwrapPath(err))
	}
	if int64(len(data)) > r.lim.MaxFileBytes {
		return nil, r.fail(name, fmt.Errorf("%w: grew past %s while read; at most %s per file", ErrTooLarge, size(r.lim.MaxFileBytes), size(r.lim.MaxFileBytes)))
	}
	if r.total+int64(len(data)) > r.lim.MaxTotalBytes {
		return nil, r.fail(name, fmt.Errorf("%w: with this file, %s read; at most %s together", ErrTotalTooLarge, size(r.total+int64(len(data))), size(r.lim.MaxTotalBytes)))
	}
	r.total += int64(len(data))
	return data, nil
}

// readAll reads rd to the end into one buffer made for size bytes, the
// size the file said it has, with room to see the end without growing; a
// file that grows meanwhile is still read whole (rd bounds it). io.ReadAll
// starts at 512 bytes and grows by copying, which allocated about three
// times each file's size: in a process that reads its rules once, every
// fresh page of that is a page fault, and they were a tenth of a cold
// `tonggao check`'s faults (docs/speed.md).
func readAll(rd io.Reader, size int64) ([]byte, error) {
	if size <= 0 || size >= 1<<31 {
		return io.ReadAll(rd)
	}
	buf := make([]byte, 0, size+1)
	for {
		n, err := rd.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // it grew: let append choose the room
		}
	}
}

// check refuses anything but a regular file within the per-file and total
// limits, by what info says.
func (r *Reader) check(name string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return r.fail(name, fmt.Errorf("%w (%s): only regular files are read", ErrNotRegular, Kind(info.Mode())))
	}
	if info.Size() > r.lim.MaxFileBytes {
		return r.fail(name, fmt.Errorf("%w: %s; at most %s per file", ErrTooLarge, size(info.Size()), size(r.lim.MaxFileBytes)))
	}
	if r.total+info.Size() > r.lim.MaxTotalBytes {
		return r.fail(name, fmt.Errorf("%w: with this file, %s read; at most %s together", ErrTotalTooLarge, size(r.total+info.Size()), size(r.lim.MaxTotalBytes)))
	}
	return nil
}

// Exists reports whether name exists in the root (as anything: reading it
// may still be refused). A symlink out of the root is an error, not absent.
func (r *Reader) Exists(name string) (bool, error) {
	if err := r.ctx.Err(); err != nil {
		return false, r.fail(name, fmt.Errorf("load stopped: %w", err))
	}
	real, err := r.resolve(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		return false, err
	}
	if _, err := fs.Stat(r.fsys, real); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		return false, r.fail(name, unwrapPath(err))
	}
	return true, nil
}

// ReadDir lists the named directory, sorted by name, refusing more than
// Limits.MaxDirEntries entries. An entry's type is as listed (a symlink is
// a symlink); ReadFile applies the rules when it is read.
func (r *Reader) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := r.ctx.Err(); err != nil {
		return nil, r.fail(name, fmt.Errorf("load stopped before this directory: %w", err))
	}
	real, err := r.resolve(name)
	if err != nil {
		return nil, err
	}
	info, err := fs.Stat(r.fsys, real)
	if err != nil {
		return nil, r.fail(name, unwrapPath(err))
	}
	if !info.IsDir() {
		return nil, r.fail(name, fmt.Errorf("not a directory (%s)", Kind(info.Mode())))
	}
	f, err := r.fsys.Open(real)
	if err != nil {
		return nil, r.fail(name, unwrapPath(err))
	}
	defer f.Close()
	dir, ok := f.(fs.ReadDirFile)
	if !ok {
		return nil, r.fail(name, errors.New("cannot list: not a directory"))
	}
	var out []fs.DirEntry
	for {
		batch, err := dir.ReadDir(256)
		out = append(out, batch...)
		if len(out) > r.lim.MaxDirEntries {
			return nil, r.fail(name, fmt.Errorf("%w: more than %d; at most %d in a directory", ErrTooManyFiles, r.lim.MaxDirEntries, r.lim.MaxDirEntries))
		}
		if err == io.EOF || (err == nil && len(batch) == 0) {
			break
		}
		if err != nil {
			return nil, r.fail(name, unwrapPath(err))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// maxLinks bounds how many symlinks one name may go through (as Linux's
// MAXSYMLINKS).
const maxLinks = 40

// resolve follows the symlinks in name, component by component, refusing
// any that leads outside the root, and returns the path of the file it
// names. A file system without symlinks (fs.ReadLinkFS) has none to follow.
func (r *Reader) resolve(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", r.fail(name, fmt.Errorf("%w: not a valid path in the directory", ErrOutside))
	}
	lfs, ok := r.fsys.(fs.ReadLinkFS)
	if !ok {
		return name, nil
	}
	todo := strings.Split(name, "/")
	done := "."
	links := 0
	for len(todo) > 0 {
		elem := todo[0]
		todo = todo[1:]
		if elem == "." || elem == "" {
			continue
		}
		next := path.Join(done, elem)
		info, err := lfs.Lstat(next)
		if err != nil {
			// Let the caller's Stat or Open report a missing file.
			return path.Join(append([]string{next}, todo...)...), nil
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = next
			continue
		}
		if links++; links > maxLinks {
			return "", r.fail(name, fmt.Errorf("%w: more than %d symlinks", ErrOutside, maxLinks))
		}
		target, err := lfs.ReadLink(next)
		if err != nil {
			return "", r.fail(name, unwrapPath(err))
		}
		if path.IsAbs(target) || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
			return "", r.fail(name, fmt.Errorf("%w: %s is a symlink to %s", ErrOutside, next, target))
		}
		joined := path.Join(path.Dir(next), target)
		if joined == ".." || strings.HasPrefix(joined, "../") {
			return "", r.fail(name, fmt.Errorf("%w: %s is a symlink to %s", ErrOutside, next, target))
		}
		// Start again from the root with the target's components.
		todo = append(strings.Split(joined, "/"), todo...)
		done = "."
	}
	return done, nil
}

// unwrapPath drops a *fs.PathError's own path: the Error gives the name
// as the root names it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Kind names a file mode's type the way an error message says it ("named
// pipe", "symlink"): shared by every reader that refuses what is not a
// regular file.
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symlink"
	case m.IsDir():
		return "directory"
	case m.IsRegular():
		return "regular file"
	}
	return "irregular file"
}

// size says a number of bytes the way a person reads it.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
