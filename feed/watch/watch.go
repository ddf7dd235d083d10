// Package watch keeps a conditions feed current: it re-reads a directory
// when its files change, or polls an HTTP URL with ETag and
// If-Modified-Since, with a bounded retry and back-off. A feed that fails
// to read, parse or fit the rules is refused and the last good one stays
// current: the service never answers from no data because an update was
// bad, and never from a half-read one.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tonggao/tonggao/feed"
)

// Options configure a Source.
type Options struct {
	// Interval is the time between polls: default 10 s for a directory
	// (a stat of its files), 1 min for a URL.
	Interval time.Duration
	// Retries is how many times one poll tries again after a failure to
	// fetch (not a feed that fetched and is bad: that one is refused until
	// it changes); default 3. Backoff is the wait before the first retry,
	// doubled after each, capped at MaxBackoff (default 1 s and 30 s).
	Retries             int
	Backoff, MaxBackoff time.Duration
	// MaxBytes bounds a feed fetched from a URL (default 64 MiB, as a
	// directory's file).
	MaxBytes int64
	// Timeout bounds one HTTP request (default 30 s).
	Timeout time.Duration
	// Client makes the requests (default: one with Timeout).
	Client *http.Client
	// Accept checks a new feed before it becomes current (the server binds
	// it to its rules); an error refuses it and the last good one stays.
	Accept func(*feed.Feed) error
	// Limits bound what a feed file may hold.
	Limits feed.Limits
	// Logger receives a record per change and per failure; nil discards.
	Logger *slog.Logger
}

// Status is what a Source knows of its feed, for a health check.
type Status struct {
	Source string
	// Digest is the current feed's, "" before the first good one.
	Digest string
	// Loaded is when the current feed was read; LastPoll when the source
	// was last polled, and LastError what went wrong then ("" if nothing).
	Loaded, LastPoll time.Time
	LastError        string
	// Polls, Changes and Failures count polls, feeds made current and
	// polls that failed.
	Polls, Changes, Failures int64
}

// Source is a feed kept current from a directory or a URL. Current and
// Status are safe for concurrent use; Load and Run are not to be called
// concurrently with each other.
type Source struct {
	spec string
	opts Options
	log  *slog.Logger
	cur  atomic.Pointer[feed.Feed]
	// fetch reads the feed if it changed (nil, nil if not).
	fetch func(ctx context.Context) (*feed.Feed, error)

	mu     sync.Mutex
	status Status
	// A directory's files as last read, a URL's validators: kept only for
	// a feed made current (or the same again), so that a refused feed is
	// fetched and refused again at every poll, its error staying in
	// Status, until it is fixed. pending* are the fetch's, until then.
	seen, pendingSeen                          string
	etag, lastModified, pendingETag, pendingLM string
}

// New makes a Source for spec: an http:// or https:// URL, or a directory.
// Nothing is read until Load.
func New(spec string, opts Options) (*Source, error) {
	if opts.Retries <= 0 {
		opts.Retries = 3
	}
	if opts.Backoff <= 0 {
		opts.Backoff = time.Second
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = 30 * time.Second
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = feed.DirLimits.MaxFileBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	s := &Source{spec: spec, opts: opts, log: opts.Logger}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s.status.Source = spec
	if strings.HasPrefix(spec, "http://") || strings.HasPrefix(spec, "https://") {
		u, err := url.Parse(spec)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("conditions feed URL %q: %v", spec, err)
		}
		if s.opts.Interval <= 0 {
			s.opts.Interval = time.Minute
		}
		if s.opts.Client == nil {
			s.opts.Client = &http.Client{Timeout: s.opts.Timeout}
		}
		s.fetch = s.fetchURL
		return s, nil
	}
	st, err := os.Stat(spec)
	if err != nil {
		return nil, fmt.Errorf("conditions feed: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("conditions feed %s: not a directory or an http(s) URL", spec)
	}
	if s.opts.Interval <= 0 {
		s.opts.Interval = 10 * time.Second
	}
	s.fetch = s.fetchDir
	return s, nil
}

// Current is the feed in use: the last good one; nil before the first.
func (s *Source) Current() *feed.Feed { return s.cur.Load() }

// Status reports the source's state.
func (s *Source) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.status
	if f := s.cur.Load(); f != nil {
		st.Digest = f.Digest()
	}
	return st
}

// Interval is the time between polls.
func (s *Source) Interval() time.Duration { return s.opts.Interval }

// Load polls once: it reads the feed if it changed (retrying a failed
// fetch with back-off) and makes it current if it parses and Accept takes
// it. It reports whether the current feed changed; on error the last good
// feed stays current.
func (s *Source) Load(ctx context.Context) (bool, error) {
	f, err := s.fetchRetrying(ctx)
	now := time.Now()
	if err == nil && f != nil {
		if cur := s.cur.Load(); cur != nil && cur.Digest() == f.Digest() {
			f = nil // the same bytes again (a touched file, a server without validators)
		} else if s.opts.Accept != nil {
			if aerr := s.opts.Accept(f); aerr != nil {
				err = fmt.Errorf("conditions feed %s refused: %w", s.spec, aerr)
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		s.seen, s.etag, s.lastModified = s.pendingSeen, s.pendingETag, s.pendingLM
	}
	s.status.Polls++
	s.status.LastPoll = now
	if err != nil {
		s.status.Failures++
		s.status.LastError = err.Error()
		s.log.Warn("conditions feed not updated; the last good feed stays current", "source", s.spec, "error", err.Error())
		return false, err
	}
	s.status.LastError = ""
	if f == nil {
		return false, nil
	}
	s.cur.Store(f)
	s.status.Changes++
	s.status.Loaded = now
	s.log.Info("conditions feed updated", "source", s.spec, "digest", f.Digest(), "rows", f.Len(), "issued", f.Issued())
	return true, nil
}

// Run polls every Interval until ctx ends, calling changed after each poll
// that made a new feed current (and after every poll, with false, so that
// a caller can reconcile what it serves with Current).
func (s *Source) Run(ctx context.Context, changed func(f *feed.Feed, isNew bool)) {
	t := time.NewTicker(s.opts.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		isNew, _ := s.Load(ctx)
		if changed != nil {
			changed(s.Current(), isNew)
		}
	}
}

// errBadFeed marks a feed that was fetched but is not a feed: retrying
// gets the same bytes.
var errBadFeed = errors.New("bad feed")

func (s *Source) fetchRetrying(ctx context.Context) (*feed.Feed, error) {
	wait := s.opts.Backoff
	var err error
	for attempt := 0; attempt <= s.opts.Retries; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return nil, fmt.Errorf("%w (after %d attempts: %v)", ctx.Err(), attempt, err)
			case <-time.After(wait):
			}
			wait = min(2*wait, s.opts.MaxBackoff)
		}
		var f *feed.Feed
		f, err = s.fetch(ctx)
		if err == nil || errors.Is(err, errBadFeed) || ctx.Err() != nil {
			return f, err
		}
	}
	return nil, fmt.Errorf("%w (gave up after %d attempts)", err, s.opts.Retries+1)
}

// fetchDir re-reads the directory when its feed files (names, sizes,
// modification times) differ from the last poll's.
func (s *Source) fetchDir(ctx context.Context) (*feed.Feed, error) {
	entries, err := os.ReadDir(s.spec)
	if err != nil {
		return nil, fmt.Errorf("conditions feed: %w", err)
	}
	var b strings.Builder
	for _, e := range entries {
		if !slices.Contains(feed.Extensions, path.Ext(e.Name())) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue // removed while listed: the next poll sees it
			}
			return nil, fmt.Errorf("conditions feed: %w", err)
		}
		fmt.Fprintf(&b, "%s\x00%d\x00%d\x00%v\n", e.Name(), info.Size(), info.ModTime().UnixNano(), info.Mode())
	}
	s.mu.Lock()
	same := b.String() == s.seen && s.cur.Load() != nil
	s.pendingSeen = s.seen
	s.mu.Unlock()
	if same {
		return nil, nil
	}
	f, err := feed.ReadDir(ctx, s.spec, s.opts.Limits)
	if err != nil {
		var es feed.Errors
		if errors.As(err, &es) {
			err = fmt.Errorf("%w: %w", errBadFeed, err)
		}
		return nil, err
	}
	s.mu.Lock()
	s.pendingSeen = b.String()
	s.mu.Unlock()
	return f, nil
}

// fetchURL asks for the feed with the last answer's validators; 304 (or
// the same bytes) is no change.
func (s *Source) fetchURL(ctx context.Context) (*feed.Feed, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.spec, nil)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.cur.Load() != nil {
		if s.etag != "" {
			req.Header.Set("If-None-Match", s.etag)
		}
		if s.lastModified != "" {
			req.Header.Set("If-Modified-Since", s.lastModified)
		}
	}
	s.pendingETag, s.pendingLM = s.etag, s.lastModified
	s.mu.Unlock()
	req.Header.Set("Accept", "text/csv, application/jsonl, application/x-ndjson, */*;q=0.5")
	resp, err := s.opts.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("conditions feed %s: %w", s.spec, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return nil, nil
	case resp.StatusCode != http.StatusOK:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return nil, fmt.Errorf("conditions feed %s: %s", s.spec, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, s.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("conditions feed %s: reading the body: %w", s.spec, err)
	}
	if int64(len(data)) > s.opts.MaxBytes {
		return nil, fmt.Errorf("%w: conditions feed %s is larger than %d bytes", errBadFeed, s.spec, s.opts.MaxBytes)
	}
	name := path.Base(req.URL.Path)
	if name == "" || name == "/" || name == "." {
		name = req.URL.Host
	}
	f, err := feed.New(s.spec, s.opts.Limits, feed.File{Name: name, Data: data})
	s.mu.Lock()
	s.pendingETag, s.pendingLM = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	s.mu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errBadFeed, err)
	}
	return f, nil
}
