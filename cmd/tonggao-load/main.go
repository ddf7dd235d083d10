// Command tonggao-load is a bounded load generator for tonggao serve: it
// sends the request mix of package loadtest from a fixed number of
// workers for a fixed time, checks every answer's status, samples the
// server's resident memory, and prints requests/s, latency percentiles and
// one line per window. It exits 1 if any request failed. See
// scripts/loadtest.sh, which starts the server and runs it for 60 s.
//
//	tonggao-load --url http://127.0.0.1:8080 --duration 60s --concurrency 16 --pid 1234
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tonggao/tonggao/loadtest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// rssKB reads a process's resident set size from /proc (Linux).
func rssKB(pid int) (int, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	return 0, errors.New("no VmRSS in /proc/" + strconv.Itoa(pid) + "/status")
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tonggao-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", "http://127.0.0.1:8080", "server base URL")
	dur := fs.Duration("duration", 60*time.Second, "length of the run")
	conc := fs.Int("concurrency", 8, "workers (one connection each)")
	window := fs.Duration("window", 10*time.Second, "throughput window")
	mixFile := fs.String("mix", "", "request mix file (STATUS METHOD PATH [BODY] per line); default the built-in mix")
	pid := fs.Int("pid", 0, "server process id, to sample its resident memory every second (Linux /proc)")
	reloadEvery := fs.Duration("reload-every", 0, "POST /admin/reload to --admin-url this often during the run (0: never); every reload must answer 200")
	adminURL := fs.String("admin-url", "", "the server's admin listener base URL, for --reload-every")
	adminTokenFile := fs.String("admin-token-file", "", "file holding the admin bearer token, for --reload-every")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	answers := fs.String("answers", "", "write one line per expected answer to this file: status, method, path, X-Request-Id, the X-Rule-Set value(s) joined by ','; an answer without exactly one X-Rule-Set fails")
	wait := fs.Duration("wait", 0, "first wait up to this long for GET /healthz to answer 200 (a server just started)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	cfg := loadtest.Config{BaseURL: *url, Concurrency: *conc, Duration: *dur, Window: *window}
	if *mixFile != "" {
		data, err := os.ReadFile(*mixFile)
		if err != nil {
			fmt.Fprintf(stderr, "tonggao-load: %v\n", err)
			return 2
		}
		if cfg.Mix, err = loadtest.ParseMix(data); err != nil {
			fmt.Fprintf(stderr, "tonggao-load: %s: %v\n", *mixFile, err)
			return 2
		}
	}
	if *wait > 0 {
		if err := waitHealthy(ctx, *url, *wait); err != nil {
			fmt.Fprintf(stderr, "tonggao-load: %v\n", err)
			return 1
		}
	}
	if *answers != "" {
		f, err := os.Create(*answers)
		if err != nil {
			fmt.Fprintf(stderr, "tonggao-load: %v\n", err)
			return 2
		}
		bw := bufio.NewWriter(f)
		defer func() { bw.Flush(); f.Close() }()
		var amu sync.Mutex
		cfg.Check = func(r loadtest.Request, h http.Header, _ []byte) error {
			rs := h.Values("X-Rule-Set")
			amu.Lock()
			fmt.Fprintf(bw, "%d %s %s %s %s\n", r.Status, r.Method, strings.Fields(r.Path)[0], h.Get("X-Request-Id"), strings.Join(rs, ","))
			amu.Unlock()
			if len(rs) != 1 {
				return fmt.Errorf("%d X-Rule-Set values, want exactly one", len(rs))
			}
			return nil
		}
	}
	var adminToken string
	if *reloadEvery > 0 {
		if *adminURL == "" || *adminTokenFile == "" {
			fmt.Fprintln(stderr, "tonggao-load: --reload-every needs --admin-url and --admin-token-file")
			return 2
		}
		b, err := os.ReadFile(*adminTokenFile)
		if err != nil {
			fmt.Fprintf(stderr, "tonggao-load: %v\n", err)
			return 2
		}
		adminToken = strings.TrimSpace(string(b))
	}
	var cpu0 time.Duration
	if *pid > 0 {
		var err error
		if cpu0, err = cpuTime(*pid); err != nil {
			fmt.Fprintf(stderr, "tonggao-load: --pid: %v\n", err)
			return 2
		}
	}
	bg, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		rss     []int // one sample a second
		reloads int
		relErrs []string
	)
	if *pid > 0 {
		if _, err := rssKB(*pid); err != nil {
			fmt.Fprintf(stderr, "tonggao-load: --pid: %v\n", err)
			return 2
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(time.Second)
			defer t.Stop()
			for {
				select {
				case <-bg.Done():
					return
				case <-t.C:
					if kb, err := rssKB(*pid); err == nil {
						mu.Lock()
						rss = append(rss, kb)
						mu.Unlock()
					}
				}
			}
		}()
	}
	if *reloadEvery > 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(*reloadEvery)
			defer t.Stop()
			for {
				select {
				case <-bg.Done():
					return
				case <-t.C:
					req, _ := http.NewRequest("POST", strings.TrimRight(*adminURL, "/")+"/admin/reload", nil)
					req.Header.Set("Authorization", "Bearer "+adminToken)
					resp, err := http.DefaultClient.Do(req)
					mu.Lock()
					reloads++
					if err != nil {
						relErrs = append(relErrs, err.Error())
					} else {
						b, _ := io.ReadAll(resp.Body)
						resp.Body.Close()
						if resp.StatusCode != 200 {
							relErrs = append(relErrs, fmt.Sprintf("reload: status %d: %s", resp.StatusCode, b))
						}
					}
					mu.Unlock()
				}
			}
		}()
	}
	res, err := loadtest.Run(ctx, cfg)
	cancel()
	wg.Wait()
	if err != nil {
		fmt.Fprintf(stderr, "tonggao-load: %v\n", err)
		return 2
	}
	// The server's CPU time over the run (user + system, all its threads):
	// per request, and as requests per CPU-second — per core.
	var cpuPerReq time.Duration
	var perCore float64
	if *pid > 0 && res.Requests > 0 {
		if cpu1, err := cpuTime(*pid); err == nil && cpu1 > cpu0 {
			cpuPerReq = (cpu1 - cpu0) / time.Duration(res.Requests)
			perCore = float64(res.Requests) / (cpu1 - cpu0).Seconds()
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(struct {
			loadtest.Result
			RSSKB      []int    `json:"rss_kb,omitempty"`
			Reloads    int      `json:"reloads"`
			RelErrs    []string `json:"reload_errors,omitempty"`
			CPUPerReq  float64  `json:"server_cpu_us_per_request,omitempty"`
			PerCoreSec float64  `json:"requests_per_cpu_second,omitempty"`
		}{res, rss, reloads, relErrs, float64(cpuPerReq.Nanoseconds()) / 1000, perCore})
	} else {
		fmt.Fprintf(stdout, "| requests | errors | requests/s | p50 | p90 | p99 | max | workers | duration |\n|---|---|---|---|---|---|---|---|---|\n")
		fmt.Fprintf(stdout, "| %d | %d | %.0f | %s | %s | %s | %s | %d | %s |\n\n", res.Requests, res.Errors, res.PerSec,
			ms(res.P50), ms(res.P90), ms(res.P99), ms(res.Max), *conc, res.Elapsed.Round(time.Millisecond))
		if perCore > 0 {
			fmt.Fprintf(stdout, "server CPU: %.1f µs per request, %.0f requests per CPU-second (per core)\n\n", float64(cpuPerReq.Nanoseconds())/1000, perCore)
		}
		fmt.Fprintf(stdout, "| window | requests/s | errors | server RSS (max in window) |\n|---|---|---|---|\n")
		per := int(*window / time.Second)
		for i, w := range res.Windows {
			mem := "—"
			if per > 0 && len(rss) > 0 {
				lo, hi := i*per, min((i+1)*per, len(rss))
				if lo < hi {
					mx := 0
					for _, kb := range rss[lo:hi] {
						mx = max(mx, kb)
					}
					mem = fmt.Sprintf("%.1f MiB", float64(mx)/1024)
				}
			}
			end := w.Start + *window
			if i == len(res.Windows)-1 {
				end = res.Elapsed.Round(time.Second)
			}
			fmt.Fprintf(stdout, "| %s–%s | %.0f | %d | %s |\n", w.Start, end, w.PerSec, w.Errors, mem)
		}
		st := []string{}
		for code, n := range res.ByStatus {
			st = append(st, fmt.Sprintf("%d×%d", n, code))
		}
		sort.Strings(st)
		fmt.Fprintf(stdout, "\nstatuses: %s\n", strings.Join(st, ", "))
		if *reloadEvery > 0 {
			fmt.Fprintf(stdout, "reloads during the run: %d, failed: %d\n", reloads, len(relErrs))
		}
		for _, e := range res.FirstErrors {
			fmt.Fprintf(stdout, "error: %s\n", e)
		}
		for _, e := range relErrs {
			fmt.Fprintf(stdout, "reload error: %s\n", e)
		}
	}
	if res.Errors > 0 || len(relErrs) > 0 {
		return 1
	}
	return 0
}

// cpuTime is a process's user + system CPU time so far, from
// /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux).
func cpuTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	// The command name (field 2) is in parentheses and may hold spaces.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0, errors.New("unreadable /proc/" + strconv.Itoa(pid) + "/stat")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("short /proc/" + strconv.Itoa(pid) + "/stat")
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, errors.New("unreadable CPU times in /proc/" + strconv.Itoa(pid) + "/stat")
	}
	return time.Duration(ut+st) * 10 * time.Millisecond, nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

// waitHealthy polls GET /healthz until it answers 200 or d has passed.
func waitHealthy(ctx context.Context, base string, d time.Duration) error {
	deadline := time.Now().Add(d)
	c := &http.Client{Timeout: time.Second}
	for {
		resp, err := c.Get(strings.TrimRight(base, "/") + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s/healthz did not answer 200 within %s: %v", base, d, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
