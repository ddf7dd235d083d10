// Package loadtest is a bounded, closed-loop HTTP load generator for the
// tonggao server: a fixed number of workers send a fixed mix of requests
// for a fixed time, each waiting for its answer before the next request,
// and every answer is checked against the status its mix line expects.
// It measures what the server sustains (requests/s, latency percentiles,
// per-window throughput) and counts every error; it never retries, so a
// lost request shows as an error.
//
// cmd/tonggao-load wraps it for scripts/loadtest.sh (60 s against a real
// `tonggao serve`); loadtest_test.go runs a 3 s version in go test.
package loadtest

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed mix.txt
var defaultMix []byte

// Request is one line of a mix.
type Request struct {
	Status int
	Method string
	// Path is the path and query, sent as written (UTF-8 is escaped).
	Path string
	Body string
}

// DefaultMix is the mix in mix.txt.
func DefaultMix() []Request {
	m, err := ParseMix(defaultMix)
	if err != nil {
		panic(err) // mix.txt is embedded and tested
	}
	return m
}

// ParseMix reads lines "STATUS METHOD PATH [BODY]"; blank lines and lines
// starting with # are skipped.
func ParseMix(data []byte) ([]Request, error) {
	var out []Request
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, " ", 4)
		if len(f) < 3 {
			return nil, fmt.Errorf("mix line %d: want STATUS METHOD PATH [BODY], got %q", n, line)
		}
		st, err := strconv.Atoi(f[0])
		if err != nil || st < 100 || st > 599 {
			return nil, fmt.Errorf("mix line %d: bad status %q", n, f[0])
		}
		if !strings.HasPrefix(f[2], "/") {
			return nil, fmt.Errorf("mix line %d: path %q does not start with /", n, f[2])
		}
		r := Request{Status: st, Method: f[1], Path: f[2]}
		if len(f) == 4 {
			r.Body = f[3]
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("mix: no requests")
	}
	return out, nil
}

// Config is one run.
type Config struct {
	// BaseURL is the server, e.g. http://127.0.0.1:8080.
	BaseURL string
	// Concurrency is the number of workers (connections); default 8.
	Concurrency int
	// Duration bounds the run; it must be positive.
	Duration time.Duration
	// Window is the length of the throughput windows in the result
	// (default 10 s, or Duration if shorter).
	Window time.Duration
	// Mix is the requests (default DefaultMix).
	Mix []Request
	// Check, if set, is called with each 2xx/4xx body; an error counts as
	// a failed request (the reload test checks digests with it).
	Check func(r Request, h http.Header, body []byte) error
	// Client is the HTTP client (default: keep-alive, one idle connection
	// per worker, 10 s timeout).
	Client *http.Client
}

// Window is the throughput of one slice of the run.
type Window struct {
	Start    time.Duration `json:"start"`
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	PerSec   float64       `json:"per_sec"`
}

// Result is what a run measured.
type Result struct {
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	Elapsed  time.Duration `json:"elapsed"`
	PerSec   float64       `json:"per_sec"`
	P50      time.Duration `json:"p50"`
	P90      time.Duration `json:"p90"`
	P99      time.Duration `json:"p99"`
	Max      time.Duration `json:"max"`
	// ByStatus counts answers by HTTP status (0: no answer).
	ByStatus map[int]int `json:"by_status"`
	Windows  []Window    `json:"windows"`
	// FirstErrors holds up to 10 error messages.
	FirstErrors []string `json:"first_errors,omitempty"`
}

type sample struct {
	at  time.Duration // since start, when the answer came
	lat time.Duration
	st  int
	err bool
}

// Run sends the mix until cfg.Duration has passed or ctx ends.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.Duration <= 0 {
		return Result{}, errors.New("loadtest: duration must be positive")
	}
	base, err := url.Parse(cfg.BaseURL)
	if err != nil || base.Scheme == "" || base.Host == "" {
		return Result{}, fmt.Errorf("loadtest: bad base URL %q", cfg.BaseURL)
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 8
	}
	if cfg.Window <= 0 {
		cfg.Window = min(10*time.Second, cfg.Duration)
	}
	if cfg.Mix == nil {
		cfg.Mix = DefaultMix()
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{
			Timeout:   10 * time.Second,
			Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Concurrency, MaxConnsPerHost: cfg.Concurrency, DisableCompression: true},
		}
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	start := time.Now()
	var (
		mu       sync.Mutex
		firstErr []string
		wg       sync.WaitGroup
	)
	noteErr := func(msg string) {
		mu.Lock()
		if len(firstErr) < 10 {
			firstErr = append(firstErr, msg)
		}
		mu.Unlock()
	}
	// Each worker keeps its own samples (no lock on the hot path); a 60 s
	// run at 10k requests/s is 600k samples, about 20 MB — bounded by the
	// duration.
	per := make([][]sample, cfg.Concurrency)
	for w := 0; w < cfg.Concurrency; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; ctx.Err() == nil; i++ {
				rq := cfg.Mix[i%len(cfg.Mix)]
				t0 := time.Now()
				st, msg := do(ctx, cfg, rq)
				if ctx.Err() != nil && msg != "" {
					return // cut off by the end of the run, not the server's fault
				}
				s := sample{at: time.Since(start), lat: time.Since(t0), st: st, err: msg != ""}
				if s.err {
					noteErr(msg)
				}
				per[w] = append(per[w], s)
			}
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start)
	res := Result{Elapsed: elapsed, ByStatus: map[int]int{}, FirstErrors: firstErr}
	var lats []time.Duration
	// Whole windows; the few answers after the last boundary (the run
	// stops a little after Duration) count in the last window.
	nw := max(1, int((elapsed+cfg.Window/2)/cfg.Window))
	res.Windows = make([]Window, nw)
	for i := range res.Windows {
		res.Windows[i].Start = time.Duration(i) * cfg.Window
	}
	for _, ss := range per {
		for _, s := range ss {
			res.Requests++
			res.ByStatus[s.st]++
			lats = append(lats, s.lat)
			win := &res.Windows[min(int(s.at/cfg.Window), nw-1)]
			win.Requests++
			if s.err {
				res.Errors++
				win.Errors++
			}
		}
	}
	for i := range res.Windows {
		d := cfg.Window
		if i == nw-1 {
			d = elapsed - res.Windows[i].Start
		}
		if d > 0 {
			res.Windows[i].PerSec = float64(res.Windows[i].Requests) / d.Seconds()
		}
	}
	res.PerSec = float64(res.Requests) / elapsed.Seconds()
	if len(lats) > 0 {
		slices.Sort(lats)
		q := func(p float64) time.Duration { return lats[min(len(lats)-1, int(p*float64(len(lats))))] }
		res.P50, res.P90, res.P99, res.Max = q(0.50), q(0.90), q(0.99), lats[len(lats)-1]
	}
	return res, nil
}

// do sends one request; msg is empty when the answer is as expected.
func do(ctx context.Context, cfg Config, rq Request) (status int, msg string) {
	var body io.Reader
	if rq.Body != "" {
		body = strings.NewReader(rq.Body)
	}
	req, err := http.NewRequestWithContext(ctx, rq.Method, strings.TrimRight(cfg.BaseURL, "/")+rq.Path, body)
	if err != nil {
		return 0, err.Error()
	}
	if rq.Body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := cfg.Client.Do(req)
	if err != nil {
		return 0, fmt.Sprintf("%s %s: %v", rq.Method, rq.Path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, fmt.Sprintf("%s %s: reading the answer: %v", rq.Method, rq.Path, err)
	}
	if resp.StatusCode != rq.Status {
		return resp.StatusCode, fmt.Sprintf("%s %s: status %d, want %d: %.200s", rq.Method, rq.Path, resp.StatusCode, rq.Status, b)
	}
	if cfg.Check != nil {
		if err := cfg.Check(rq, resp.Header, b); err != nil {
			return resp.StatusCode, fmt.Sprintf("%s %s: %v", rq.Method, rq.Path, err)
		}
	}
	return resp.StatusCode, ""
}
