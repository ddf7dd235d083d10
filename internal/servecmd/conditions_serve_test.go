package servecmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/feed"
)

// feedPublisher serves one feed file whose answer the test changes: a
// feed with an ETag (304 when the client has it), 500s, or garbage.
type feedPublisher struct {
	mu     sync.Mutex
	body   []byte
	etag   string
	status int
	hits   map[string]int // by what was answered: 200, 304, 500, garbage
}

func (p *feedPublisher) set(body []byte, etag string, status int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.body, p.etag, p.status = body, etag, status
}

func (p *feedPublisher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.status != http.StatusOK:
		p.hits["500"]++
		http.Error(w, "publisher down", p.status)
	case r.Header.Get("If-None-Match") == p.etag:
		p.hits["304"]++
		w.WriteHeader(http.StatusNotModified)
	default:
		if p.etag == `"garbage"` {
			p.hits["garbage"]++
		} else {
			p.hits["200"]++
		}
		w.Header().Set("ETag", p.etag)
		_, _ = w.Write(p.body)
	}
}

func (p *feedPublisher) count(k string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.hits[k]
}

// levelFeed is a day's level for 祁阳市, as the publisher serves it.
func levelFeed(level int) []byte {
	return []byte(fmt.Sprintf("date,division,fact,value,issued_at,source\n2025-07-15,431181,fire_danger_level,%d,2025-07-15T08:00+08:00,测试气象台\n", level))
}

// TestServeConditionsFeed: serve --conditions URL keeps answering through
// a feed that changes, fails, turns to garbage and answers 304; every
// answer names the feed it used (receipt and X-Feed) and its level is that
// feed's: no answer mixes two, and a bad update never reaches an answer.
func TestServeConditionsFeed(t *testing.T) {
	pub := &feedPublisher{hits: map[string]int{}}
	pub.set(levelFeed(3), `"v3"`, http.StatusOK)
	ps := httptest.NewServer(pub)
	defer ps.Close()
	levelOf := map[string]float64{}
	for level := 1; level <= 5; level++ {
		f, err := feed.New("", feed.Limits{}, feed.File{Name: "levels.csv", Data: levelFeed(level)})
		require.NoError(t, err)
		levelOf[f.Digest()] = float64(level)
	}
	base, _, logs := startServe(t, "--conditions", ps.URL+"/levels.csv", "--conditions-interval", "20ms")

	var answered, bad atomic.Int64
	seen := sync.Map{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	problems := make(chan string, 16)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Post(base+"/v1/decisions", "application/json",
					strings.NewReader(`{"activity":"烧田埂","at":"2025-07-15","facts":{"town":"茅竹镇","distance_to_forest_m":50}}`))
				if err != nil {
					problems <- err.Error()
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				var d struct {
					Facts []struct {
						Name  string `json:"name"`
						Value any    `json:"value"`
					} `json:"facts"`
					Receipt struct {
						Feed string `json:"feed"`
					} `json:"receipt"`
				}
				if resp.StatusCode != 200 || json.Unmarshal(body, &d) != nil {
					problems <- fmt.Sprintf("status %d: %s", resp.StatusCode, body)
					return
				}
				answered.Add(1)
				want, known := levelOf[d.Receipt.Feed]
				var got any
				for _, f := range d.Facts {
					if f.Name == "fire_danger_level" {
						got = f.Value
					}
				}
				if !known || got != want || resp.Header.Get("X-Feed") != d.Receipt.Feed {
					bad.Add(1)
					problems <- fmt.Sprintf("feed %q (X-Feed %q) gave level %v: %s", d.Receipt.Feed, resp.Header.Get("X-Feed"), got, body)
					return
				}
				seen.Store(d.Receipt.Feed, true)
			}
		}()
	}
	// Each step waits on its condition until the test's own deadline (no
	// clock of its own: on a loaded machine a 20 ms poll may take seconds
	// to come round), then fails saying what it waited for.
	until := testDeadline(t)
	eventually := func(what string, cond func() bool) {
		t.Helper()
		for !cond() {
			if time.Now().After(until) {
				t.Fatalf("%s never happened; log:\n%s", what, bounded(logs.String(), 8<<10))
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	digestOf := func(level float64) string {
		for d, l := range levelOf {
			if l == level {
				return d
			}
		}
		return ""
	}
	// waitFeed waits until the feed of level serves, and until a worker
	// has been answered from it (so every good feed is seen answering).
	waitFeed := func(level float64) {
		t.Helper()
		eventually(fmt.Sprintf("the feed of level %v serving", level), func() bool {
			h := healthOf(t, base)
			return h.Feed != nil && levelOf[h.Feed.Digest] == level
		})
		eventually(fmt.Sprintf("an answer from the feed of level %v", level), func() bool {
			_, ok := seen.Load(digestOf(level))
			return ok || len(problems) > 0
		})
	}
	waitFeed(3)
	// Unchanged: revalidated, 304.
	eventually("a 304", func() bool { return pub.count("304") > 0 })
	// Changed.
	pub.set(levelFeed(4), `"v4"`, http.StatusOK)
	waitFeed(4)
	// Down: the last good feed keeps serving, and /healthz says why.
	pub.set(nil, "", http.StatusInternalServerError)
	eventually("the 500 reported", func() bool { return healthOf(t, base).Feed.LastError != "" })
	h := healthOf(t, base)
	require.Contains(t, h.Feed.LastError, "500")
	require.Equal(t, 4.0, levelOf[h.Feed.Digest])
	// Garbage: refused; still level 4. The second fetch of it starts
	// after the first was refused.
	pub.set([]byte("<html>维护中</html>\n"), `"garbage"`, http.StatusOK)
	eventually("the garbage fetched twice", func() bool { return pub.count("garbage") >= 2 })
	h = healthOf(t, base)
	require.Contains(t, h.Feed.LastError, "levels.csv:1")
	require.Equal(t, 4.0, levelOf[h.Feed.Digest])
	// Fixed.
	pub.set(levelFeed(5), `"v5"`, http.StatusOK)
	waitFeed(5)
	require.Empty(t, healthOf(t, base).Feed.LastError)
	close(stop)
	wg.Wait()
	close(problems)
	for p := range problems {
		t.Error(p)
	}
	require.Zero(t, bad.Load())
	n := 0
	seen.Range(func(k, _ any) bool { n++; return true })
	require.Equal(t, 3, n, "answers came from the three good feeds, and only from them")
	pub.mu.Lock() // the server still polls it
	t.Logf("%d answers; publisher: %v", answered.Load(), pub.hits)
	pub.mu.Unlock()
	// The log records the refusals.
	require.Contains(t, logs.String(), "conditions feed not updated")
}

type healthBody struct {
	Status string `json:"status"`
	Feed   *struct {
		Digest    string `json:"digest"`
		LastError string `json:"last_error"`
		Stale     bool   `json:"stale"`
		Rows      int    `json:"rows"`
	} `json:"feed"`
}

// testDeadline is the test's deadline (go test -timeout) less a tenth of
// the time left, at least 10 s, to report a failure; ten minutes
// without one.
func testDeadline(t *testing.T) time.Time {
	d, ok := t.Deadline()
	if !ok {
		return time.Now().Add(10 * time.Minute)
	}
	return d.Add(-max(time.Until(d)/10, 10*time.Second))
}

func healthOf(t *testing.T, base string) healthBody {
	t.Helper()
	resp, err := http.Get(base + "/healthz")
	require.NoError(t, err)
	defer resp.Body.Close()
	var h healthBody
	b, _ := io.ReadAll(resp.Body)
	require.NoError(t, json.NewDecoder(bytes.NewReader(b)).Decode(&h), "%s", b)
	return h
}

// TestServeConditionsRefusedAtStart: a feed that does not fit the rules
// stops serve before it listens (exit status 2, bad input), naming the
// row.
func TestServeConditionsRefusedAtStart(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, writeFile(dir+"/levels.csv", "date,division,fact,value,issued_at,source\n2025-07-15,431181,fire_danger_level,五,2025-07-15T08:00+08:00,s\n"))
	code, _, errOut := runCmd("serve", "--addr", "127.0.0.1:0", "--conditions", dir)
	require.Equal(t, 2, code, errOut)
	require.Contains(t, errOut, `levels.csv:2: fire_danger_level: "五" is not a number`)
}

func writeFile(path, data string) error { return os.WriteFile(path, []byte(data), 0o644) }
