package feed

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/internal/fsread"
)

// File is one feed file as read: its name (errors give it whole; the
// digest takes only its last element) and bytes.
type File struct {
	Name string
	Data []byte
}

// Feed is a parsed feed: the rows of its files, in file and line order,
// and a digest over the files. It is immutable and safe for concurrent
// use; Bind checks it against a rule set.
type Feed struct {
	rows   []Row
	digest string
	files  []string
	source string
	issued time.Time
	first  calendar.Date
	last   calendar.Date
}

// New parses files into a feed. Every malformed row of every file is
// reported (Errors); a feed with any problem is refused whole. source
// names where the files came from (a directory, a URL) for the operator.
func New(source string, lim Limits, files ...File) (*Feed, error) {
	f := &Feed{source: source}
	h := sha256.New()
	var errs Errors
	files = slices.Clone(files)
	slices.SortStableFunc(files, func(a, b File) int { return strings.Compare(baseName(a.Name), baseName(b.Name)) })
	for i, file := range files {
		if i > 0 && baseName(files[i-1].Name) == baseName(file.Name) {
			errs = append(errs, &Error{File: file.Name, Msg: "given twice"})
			continue
		}
		fmt.Fprintf(h, "%s\x00%d\x00", baseName(file.Name), len(file.Data))
		h.Write(file.Data)
		rows, err := Parse(file.Name, file.Data, lim)
		var es Errors
		if errors.As(err, &es) {
			errs = append(errs, es...)
		} else if err != nil {
			errs = append(errs, &Error{File: file.Name, Msg: err.Error()})
		}
		f.rows = append(f.rows, rows...)
		f.files = append(f.files, file.Name)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	f.digest = "sha256:" + hex.EncodeToString(h.Sum(nil))
	for i := range f.rows {
		r := &f.rows[i]
		r.ref = r.makeRef()
		if r.Issued.After(f.issued) {
			f.issued = r.Issued
		}
		if i == 0 || r.Date.Before(f.first) {
			f.first = r.Date
		}
		if i == 0 || r.Date.After(f.last) {
			f.last = r.Date
		}
	}
	return f, nil
}

// Digest identifies the feed's exact files (sha256 over each file's own
// name, without its directory, and bytes): every decision made with the
// feed names it. It depends on content only, so the same feed read from
// another directory (a bundle's conditions/, a copy) has the same digest.
func (f *Feed) Digest() string { return f.digest }

// Source is where the feed was read from.
func (f *Feed) Source() string { return f.source }

// Files are the names of the feed's files.
func (f *Feed) Files() []string { return slices.Clone(f.files) }

// Len is the number of rows.
func (f *Feed) Len() int { return len(f.rows) }

// Rows returns a copy of the rows.
func (f *Feed) Rows() []Row { return slices.Clone(f.rows) }

// Issued is when the newest row was published: the feed's age is counted
// from it.
func (f *Feed) Issued() time.Time { return f.issued }

// Span is the first and last day a row gives a value for.
func (f *Feed) Span() (first, last calendar.Date) { return f.first, f.last }

// Extensions of the files a feed directory holds; other files (a README)
// are left alone.
var Extensions = []string{".csv", ".jsonl"}

// DirLimits bound a feed directory: larger than a rule directory's
// defaults, since a feed's history grows (a year of a county's townships
// is ~2 MB).
var DirLimits = fsread.Limits{MaxFileBytes: 64 << 20, MaxTotalBytes: 256 << 20, MaxDirEntries: 10_000}

// baseName is a file's own name, without the directory it was read from:
// what the digest hashes, and what must be unique in a feed.
func baseName(name string) string {
	return path.Base(strings.ReplaceAll(name, "\\", "/"))
}

// ReadDir reads the feed files (*.csv, *.jsonl) directly in dir, through
// the project's reading discipline: regular files only, nothing outside
// the directory, sizes bounded, ctx honoured. A directory with no feed
// file is an error, not an empty feed: a mistyped path must not pass for
// "no conditions published".
func ReadDir(ctx context.Context, dir string, lim Limits) (*Feed, error) {
	return ReadFS(ctx, fsread.Dir(dir), ".", dir, lim)
}

// ReadFS is ReadDir on a file system: the feed files directly in dir.
// name is how errors name it.
func ReadFS(ctx context.Context, fsys fs.FS, dir, name string, lim Limits) (*Feed, error) {
	r := fsread.New(ctx, fsys, name, DirLimits)
	entries, err := r.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	var files []File
	for _, e := range entries {
		if e.IsDir() || !slices.Contains(Extensions, path.Ext(e.Name())) {
			continue
		}
		p := path.Join(dir, e.Name())
		data, err := r.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("feed: %w", err)
		}
		files = append(files, File{Name: r.Path(p), Data: data})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("feed: %s holds no feed file (%s)", name, strings.Join(Extensions, ", "))
	}
	f, err := New(name, lim, files...)
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	return f, nil
}
