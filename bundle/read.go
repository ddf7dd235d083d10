package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/tonggao/tonggao/internal/fsread"
)

// Limits bound what reading one bundle costs, checked before anything is
// decompressed or read: a small zip may declare a huge file, and a
// directory may hold a device that never ends. A zero field means its
// default (DefaultLimits).
type Limits struct {
	// MaxArchiveBytes bounds a zipped bundle as downloaded or stored.
	MaxArchiveBytes int64
	// MaxFileBytes bounds one file, as declared and as read.
	MaxFileBytes int64
	// MaxTotalBytes bounds every file together, decompressed.
	MaxTotalBytes int64
	// MaxEntries bounds the entries of a zip or a directory tree.
	MaxEntries int
}

// DefaultLimits: a county's 林地 layer is tens of megabytes (place's own
// limits are 256 MiB a file, 512 MiB in all); the rule files are far
// smaller and have their own limits in rules.LoadRoots.
func DefaultLimits() Limits {
	return Limits{MaxArchiveBytes: 512 << 20, MaxFileBytes: 256 << 20, MaxTotalBytes: 512 << 20, MaxEntries: 10_000}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxArchiveBytes <= 0 {
		l.MaxArchiveBytes = d.MaxArchiveBytes
	}
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = d.MaxTotalBytes
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = d.MaxEntries
	}
	return l
}

// Error is a bundle that failed to read, verify or load; whoever had a
// bundle keeps it.
type Error struct {
	Source string
	Err    error
}

func (e *Error) Error() string { return "bundle " + e.Source + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// contents is a verified bundle in memory: the manifest as signed, the
// signature if any, and exactly the files the manifest lists, each checked
// against its checksum. Loading reads only these bytes, so nothing that
// was not verified can reach the engine.
type contents struct {
	raw      []byte // bundle.json as it is in the bundle
	sig      []byte // bundle.sig, nil if absent
	manifest Manifest
	files    memFS
}

// digest is the bundle's digest: the SHA-256 of its manifest, which pins
// every file.
func (c *contents) digest() string { return sha256Hex(c.raw) }

// entry is one file of a bundle, before it is read: its declared size and
// how to read it (within a limit).
type entry struct {
	name string
	size int64
	read func(limit int64) ([]byte, error)
}

// verifier collects a bundle's entries, refusing what must not be in it,
// and then reads and checks the listed ones.
type verifier struct {
	lim     Limits
	entries map[string]entry
	total   int64
	errs    []error
}

func newVerifier(lim Limits) *verifier {
	return &verifier{lim: lim.withDefaults(), entries: map[string]entry{}}
}

func (v *verifier) fail(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

// tooMany reports whether the bundle has more entries than allowed.
func (v *verifier) tooMany(n int) error {
	if n > v.lim.MaxEntries {
		return fmt.Errorf("more than %d entries; at most %d", v.lim.MaxEntries, v.lim.MaxEntries)
	}
	return nil
}

// add records a regular file, refusing a bad name, a second entry of the
// same name, and sizes over the limits — before any of it is read.
func (v *verifier) add(e entry) error {
	switch {
	case !fs.ValidPath(e.name) || strings.Contains(e.name, `\`) || e.name == ".":
		v.fail("entry %q: not a clean relative path", e.name)
	case v.entries[e.name].read != nil:
		v.fail("%s: appears twice", e.name)
	case e.size < 0 || e.size > v.lim.MaxFileBytes:
		v.fail("%s: %s; at most %s a file", e.name, size(e.size), size(v.lim.MaxFileBytes))
	default:
		v.total += e.size
		if v.total > v.lim.MaxTotalBytes {
			// Stop here: the rest cannot fit either.
			return fmt.Errorf("%s: the files come to more than %s; at most %s together", e.name, size(v.total), size(v.lim.MaxTotalBytes))
		}
		v.entries[e.name] = e
	}
	return nil
}

// notRegular refuses an entry that is not a regular file (a symlink, a
// pipe, a device, a socket), listed or not: its bytes would not be what
// the checksum covers.
func (v *verifier) notRegular(name string, mode fs.FileMode) {
	v.fail("%s: a %s; a bundle holds regular files only", name, fsread.Kind(mode))
}

// finish reads the manifest, the signature and every listed file, checks
// each against its checksum, and refuses files the manifest does not list
// and listed files that are missing.
func (v *verifier) finish() (*contents, error) {
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	c := &contents{files: memFS{}}
	me, ok := v.entries[ManifestFile]
	if !ok {
		return nil, fmt.Errorf("no %s", ManifestFile)
	}
	var err error
	if c.raw, err = readEntry(me, min(v.lim.MaxFileBytes, maxManifestBytes)); err != nil {
		return nil, err
	}
	if c.manifest, err = parseManifest(c.raw); err != nil {
		return nil, err
	}
	if se, ok := v.entries[SignatureFile]; ok {
		if c.sig, err = readEntry(se, min(v.lim.MaxFileBytes, maxManifestBytes)); err != nil {
			return nil, err
		}
	}
	m := c.manifest
	for _, name := range slices.Sorted(maps.Keys(v.entries)) {
		if name == ManifestFile || name == SignatureFile {
			continue
		}
		if _, listed := m.Files[name]; !listed {
			v.fail("%s: not in %s", name, ManifestFile)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(m.Files)) {
		if _, ok := v.entries[p]; !ok {
			v.fail("%s: listed in %s but not in the bundle", p, ManifestFile)
		}
	}
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	for _, p := range slices.Sorted(maps.Keys(m.Files)) {
		data, err := readEntry(v.entries[p], v.lim.MaxFileBytes)
		if err != nil {
			v.errs = append(v.errs, err)
			continue
		}
		if got := sha256Hex(data); !strings.EqualFold(got, m.Files[p]) {
			v.fail("%s: checksum %s, %s says %s", p, got, ManifestFile, m.Files[p])
			continue
		}
		c.files[p] = &memFile{Data: data}
	}
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	return c, nil
}

// readEntry reads e, refusing more bytes than it declared or than limit.
func readEntry(e entry, limit int64) ([]byte, error) {
	if e.size > limit {
		return nil, fmt.Errorf("%s: %s; at most %s", e.name, size(e.size), size(limit))
	}
	data, err := e.read(limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", e.name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: more than %s", e.name, size(limit))
	}
	if int64(len(data)) != e.size {
		return nil, fmt.Errorf("%s: %d bytes, but %d were declared", e.name, len(data), e.size)
	}
	return data, nil
}

// readZip verifies a zipped bundle from its central directory first:
// every entry must be a regular file (or a directory) with a clean name,
// within the limits as declared; only then are the listed files
// decompressed, each stopped at its declared size.
func readZip(data []byte, lim Limits) (*contents, error) {
	v := newVerifier(lim)
	if int64(len(data)) > v.lim.MaxArchiveBytes {
		return nil, fmt.Errorf("%s; a bundle is at most %s", size(int64(len(data))), size(v.lim.MaxArchiveBytes))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a zip file: %w", err)
	}
	if err := v.tooMany(len(zr.File)); err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		mode := f.Mode()
		if mode.IsDir() && strings.HasSuffix(f.Name, "/") {
			if f.UncompressedSize64 != 0 {
				v.fail("%s: a directory entry with data", f.Name)
			} else if d := strings.TrimSuffix(f.Name, "/"); !fs.ValidPath(d) || strings.Contains(d, `\`) {
				v.fail("entry %q: not a clean relative path", f.Name)
			}
			continue
		}
		if !mode.IsRegular() || strings.HasSuffix(f.Name, "/") {
			v.notRegular(f.Name, mode)
			continue
		}
		if f.UncompressedSize64 > uint64(v.lim.MaxFileBytes) {
			v.fail("%s: declares %s; at most %s a file", f.Name, size64(f.UncompressedSize64), size(v.lim.MaxFileBytes))
			continue
		}
		f := f
		if err := v.add(entry{name: f.Name, size: int64(f.UncompressedSize64), read: func(limit int64) ([]byte, error) {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return io.ReadAll(io.LimitReader(rc, limit+1))
		}}); err != nil {
			return nil, err
		}
	}
	return v.finish()
}

// readTree verifies a bundle laid out as a directory tree in fsys: every
// entry must be a regular file or a directory as listed (a symlink is
// refused even if it points inside, so an installed directory is checked
// as its zip was), and files are read through fsread (regular files only,
// opened non-blocking, bounded).
func readTree(ctx context.Context, fsys fs.FS, name string, lim Limits) (*contents, error) {
	v := newVerifier(lim)
	r := fsread.New(ctx, fsys, name, fsread.Limits{MaxFileBytes: v.lim.MaxFileBytes, MaxTotalBytes: v.lim.MaxTotalBytes, MaxDirEntries: v.lim.MaxEntries})
	n := 0
	var walkErr error
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if n++; n > v.lim.MaxEntries+1 {
			return v.tooMany(n - 1)
		}
		if p == "." {
			return nil
		}
		mode := d.Type()
		if lfs, ok := fsys.(fs.ReadLinkFS); ok {
			// The listing's type may come from a stat that followed a link.
			if info, err := lfs.Lstat(p); err == nil {
				mode = info.Mode().Type()
			}
		}
		switch {
		case mode.IsDir():
			return nil
		case !mode.IsRegular():
			v.notRegular(p, mode)
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() > v.lim.MaxFileBytes {
			v.fail("%s: %s; at most %s a file", p, size(info.Size()), size(v.lim.MaxFileBytes))
			return nil
		}
		if walkErr = v.add(entry{name: p, size: info.Size(), read: func(int64) ([]byte, error) {
			data, err := r.ReadFile(p)
			var fe *fsread.Error
			if errors.As(err, &fe) {
				return nil, fe.Err
			}
			return data, err
		}}); walkErr != nil {
			return fs.SkipAll
		}
		return nil
	})
	if walkErr != nil {
		return nil, walkErr
	}
	if err != nil {
		return nil, err
	}
	return v.finish()
}

// readDir is readTree for a directory on disk, read through os.Root.
func readDir(ctx context.Context, dir string, lim Limits) (*contents, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, errors.New("not a directory")
	}
	return readTree(ctx, fsread.Dir(dir), dir, lim)
}

// readFile reads a zipped bundle from disk: a regular file within the
// archive limit (a symlink, pipe or device in its place is refused before
// it is opened for reading).
func readFile(path string, lim Limits) ([]byte, error) {
	lim = lim.withDefaults()
	st, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("a %s; a bundle is a regular file", fsread.Kind(st.Mode()))
	}
	if st.Size() > lim.MaxArchiveBytes {
		return nil, fmt.Errorf("%s; a bundle is at most %s", size(st.Size()), size(lim.MaxArchiveBytes))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, lim.MaxArchiveBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.MaxArchiveBytes {
		return nil, fmt.Errorf("grew past %s while read", size(lim.MaxArchiveBytes))
	}
	return data, nil
}

func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func size64(n uint64) string {
	if n > 1<<62 {
		return fmt.Sprintf("%d bytes", n)
	}
	return size(int64(n))
}

// ReadFile reads a zipped bundle file from disk as OpenFile does (a
// regular file within lim's archive limit), without opening it.
func ReadFile(path string, lim Limits) ([]byte, error) {
	data, err := readFile(path, lim)
	if err != nil {
		return nil, &Error{Source: path, Err: err}
	}
	return data, nil
}
