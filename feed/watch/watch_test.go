package watch_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/feed/watch"
)

const header = "date,division,fact,value,issued_at,source\n"

func level(day string, v int) string {
	return header + day + ",431181," + "fire_danger_level," + string(rune('0'+v)) + "," + day + "T08:00+08:00,示例气象台\n"
}

// publisher is a feed server whose answer the test changes: a body with an
// ETag (304 when the client has it), or a failure.
type publisher struct {
	mu       sync.Mutex
	body     string
	etag     string
	fail     int // answer 500 to this many requests
	requests int
	revalid  int // requests that carried If-None-Match
}

func (p *publisher) set(body, etag string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.body, p.etag = body, etag
}

func (p *publisher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.requests++
	if r.Header.Get("If-None-Match") != "" {
		p.revalid++
	}
	if p.fail > 0 {
		p.fail--
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	if p.etag != "" && r.Header.Get("If-None-Match") == p.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", p.etag)
	w.Header().Set("Content-Type", "text/csv")
	_, _ = w.Write([]byte(p.body))
}

func (p *publisher) count() (int, int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.requests, p.revalid
}

func fast() watch.Options {
	return watch.Options{Interval: 10 * time.Millisecond, Backoff: time.Millisecond, MaxBackoff: 4 * time.Millisecond, Retries: 2}
}

func TestURL(t *testing.T) {
	pub := &publisher{}
	pub.set(level("2025-07-15", 3), `"v1"`)
	srv := httptest.NewServer(pub)
	defer srv.Close()
	src, err := watch.New(srv.URL+"/levels.csv", fast())
	require.NoError(t, err)
	ctx := context.Background()

	changed, err := src.Load(ctx)
	require.NoError(t, err)
	require.True(t, changed)
	first := src.Current()
	require.Equal(t, 1, first.Len())

	// Unchanged: the client revalidates and gets 304.
	changed, err = src.Load(ctx)
	require.NoError(t, err)
	require.False(t, changed)
	n, revalid := pub.count()
	require.Equal(t, 2, n)
	require.Equal(t, 1, revalid)
	require.Same(t, first, src.Current())

	// A new feed.
	pub.set(level("2025-07-16", 4), `"v2"`)
	changed, err = src.Load(ctx)
	require.NoError(t, err)
	require.True(t, changed)
	second := src.Current()
	require.NotEqual(t, first.Digest(), second.Digest())

	// The publisher fails once: the retry gets it.
	pub.set(level("2025-07-17", 5), `"v3"`)
	pub.fail = 1
	changed, err = src.Load(ctx)
	require.NoError(t, err)
	require.True(t, changed)
	third := src.Current()

	// It stays down: bounded retries, then an error; the last good feed
	// stays current.
	pub.fail = 100
	before, _ := pub.count()
	_, err = src.Load(ctx)
	require.ErrorContains(t, err, "500")
	require.ErrorContains(t, err, "gave up after 3 attempts")
	after, _ := pub.count()
	require.Equal(t, 3, after-before, "one try and two retries")
	require.Same(t, third, src.Current())
	require.Contains(t, src.Status().LastError, "500")

	// Garbage: refused at once (no retry), and again at the next poll
	// (the bad feed's validators are not kept), until it is fixed.
	pub.fail = 0
	pub.set("<html>maintenance</html>\n", `"bad"`)
	before, _ = pub.count()
	_, err = src.Load(ctx)
	require.ErrorContains(t, err, `levels.csv:1: unknown column "<html>maintenance</html>"`)
	after, _ = pub.count()
	require.Equal(t, 1, after-before)
	_, err = src.Load(ctx)
	require.Error(t, err)
	require.Same(t, third, src.Current())
	st := src.Status()
	require.Equal(t, third.Digest(), st.Digest)
	require.NotEmpty(t, st.LastError)
	require.EqualValues(t, 3, st.Changes, "v1, v2 and v3 made current")
	require.EqualValues(t, 3, st.Failures)

	// Fixed.
	pub.set(level("2025-07-18", 2), `"v4"`)
	changed, err = src.Load(ctx)
	require.NoError(t, err)
	require.True(t, changed)
	require.Empty(t, src.Status().LastError)
}

func TestURLRefusedByAccept(t *testing.T) {
	pub := &publisher{}
	pub.set(level("2025-07-15", 3), `"v1"`)
	srv := httptest.NewServer(pub)
	defer srv.Close()
	opts := fast()
	refuse := false
	opts.Accept = func(f *feed.Feed) error {
		if refuse {
			return errors.New("does not fit the rules")
		}
		return nil
	}
	src, err := watch.New(srv.URL+"/f.csv", opts)
	require.NoError(t, err)
	_, err = src.Load(context.Background())
	require.NoError(t, err)
	good := src.Current()
	refuse = true
	pub.set(level("2025-07-16", 4), `"v2"`)
	_, err = src.Load(context.Background())
	require.ErrorContains(t, err, "does not fit the rules")
	require.Same(t, good, src.Current())
}

func TestURLTooLarge(t *testing.T) {
	pub := &publisher{}
	pub.set(level("2025-07-15", 3), `"v1"`)
	srv := httptest.NewServer(pub)
	defer srv.Close()
	opts := fast()
	opts.MaxBytes = 50
	src, err := watch.New(srv.URL+"/f.csv", opts)
	require.NoError(t, err)
	_, err = src.Load(context.Background())
	require.ErrorContains(t, err, "larger than 50 bytes")
	require.Nil(t, src.Current())
}

func TestDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	write("levels.csv", level("2025-07-15", 3))
	write("README.md", "not a feed file")
	src, err := watch.New(dir, fast())
	require.NoError(t, err)
	ctx := context.Background()
	changed, err := src.Load(ctx)
	require.NoError(t, err)
	require.True(t, changed)
	first := src.Current()
	changed, err = src.Load(ctx)
	require.NoError(t, err)
	require.False(t, changed)

	// A bad row: refused with its file and line; the last good feed stays.
	write("levels.csv", level("2025-07-15", 3)+"2025-07-16,431181,fire_danger_level,4,yesterday,s\n")
	_, err = src.Load(ctx)
	require.ErrorContains(t, err, "levels.csv:3: issued_at:")
	require.Same(t, first, src.Current())
	_, err = src.Load(ctx)
	require.Error(t, err, "still refused at the next poll")

	// Fixed, and a second file added.
	write("levels.csv", level("2025-07-16", 4))
	write("orders.jsonl", "")
	changed, err = src.Load(ctx)
	require.NoError(t, err)
	require.True(t, changed)
	require.Len(t, src.Current().Files(), 2)

	// A FIFO in the directory is refused, not waited on.
	fifo := filepath.Join(dir, "z.csv")
	if err := mkfifo(fifo); err == nil {
		_, err = src.Load(ctx)
		require.ErrorContains(t, err, "not a regular file")
		require.NoError(t, os.Remove(fifo))
	}

	// Run: a change made while it runs is picked up.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	got := make(chan *feed.Feed, 16)
	go src.Run(ctx, func(f *feed.Feed, isNew bool) {
		if isNew {
			got <- f
		}
	})
	time.Sleep(20 * time.Millisecond)
	write("levels.csv", level("2025-07-17", 5))
	select {
	case f := <-got:
		require.Equal(t, f.Digest(), src.Current().Digest())
	case <-time.After(5 * time.Second):
		t.Fatal("the change was not picked up")
	}
}

func TestNewRefuses(t *testing.T) {
	_, err := watch.New("/no/such/dir", watch.Options{})
	require.ErrorContains(t, err, "no such file")
	f := filepath.Join(t.TempDir(), "f.csv")
	require.NoError(t, os.WriteFile(f, nil, 0o644))
	_, err = watch.New(f, watch.Options{})
	require.ErrorContains(t, err, "not a directory or an http(s) URL")
}
