package servecmd

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/bundle"
	"github.com/tonggao/tonggao/loadtest"
)

// hostileDuration is how long each hostile reload test drives load:
// TONGGAO_HOSTILE_DURATION (e.g. 60s) for a longer run than CI's.
func hostileDuration(t *testing.T) time.Duration {
	d := 5 * time.Second
	if s := os.Getenv("TONGGAO_HOSTILE_DURATION"); s != "" {
		var err error
		d, err = time.ParseDuration(s)
		require.NoError(t, err)
	}
	return d
}

// mergeKeyBomb is a notice file of a few hundred bytes whose merge keys
// once expanded exponentially (issue 17 item 1).
func mergeKeyBomb() []byte {
	var b strings.Builder
	b.WriteString("m0: &m0 {k: 1}\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "m%d: &m%d {<<: [%s], k: 1}\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*m%d, ", i-1), 8), ", "))
	}
	return []byte(b.String())
}

// signalServe runs serve as the binary does, stopped by a real SIGTERM
// (no test context), and returns its public and admin URLs, its log and
// its exit status channel.
func signalServe(t *testing.T, args ...string) (string, string, *syncBuffer, chan int) {
	t.Helper()
	tokenFile := filepath.Join(t.TempDir(), "token")
	require.NoError(t, os.WriteFile(tokenFile, []byte(testAdminToken+"\n"), 0o600))
	args = append([]string{"serve", "--addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0", "--admin-token-file", tokenFile}, args...)
	pr, pw := io.Pipe()
	logs := &syncBuffer{noAccess: true}
	done := make(chan int, 1)
	go func() {
		done <- testApp(pw, logs).Run(args)
		pw.Close()
	}()
	br := bufio.NewReader(pr)
	line, err := br.ReadString('\n')
	require.NoError(t, err, logs.String())
	adminLine, err := br.ReadString('\n')
	require.NoError(t, err)
	go func() { _, _ = io.Copy(io.Discard, br) }()
	return strings.TrimSpace(line[strings.Index(line, "http://"):]), strings.TrimSpace(adminLine[strings.Index(adminLine, "http://"):]), logs, done
}

// heapSampler watches the process's memory while a test runs (the server
// and the load generator share this process). What the check reads is
// the heap held — what is left after a forced collection — taken right
// after each reload ends (held), when no reload is in flight: the heap in
// use found at a moment counts the garbage not yet collected and a rule
// set being built beside the one serving, so it rises and falls with the
// collector's cycles and with the reloads, which a loaded machine delays
// and stretches; its peaks say when the collector ran, not what is kept.
// The heap in use and the resident set are sampled every tick for the log.
type heapSampler struct {
	mu      sync.Mutex
	samples []memSample
	kept    []float64 // MiB held after each reload, in order
	stop    chan struct{}
	done    chan struct{}
}

type memSample struct {
	inuse, rss float64 // MiB
}

func sampleHeap(every time.Duration) *heapSampler {
	h := &heapSampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(h.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			h.mu.Lock()
			h.samples = append(h.samples, memSample{inuse: float64(ms.HeapInuse) / (1 << 20), rss: residentMiB()})
			h.mu.Unlock()
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

// held records the heap held now: called when a reload has ended. What a
// collection leaves (HeapAlloc) counts what the load allocated while it
// ran — a few MiB under load, more the longer a loaded machine makes the
// collection take — so that is taken off: what is held is what was
// allocated before the collection and survived it.
func (h *heapSampler) held() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	runtime.GC()
	runtime.ReadMemStats(&after)
	kept := float64(int64(after.HeapAlloc)-int64(after.TotalAlloc-before.TotalAlloc)) / (1 << 20)
	h.mu.Lock()
	h.kept = append(h.kept, kept)
	h.mu.Unlock()
}

// reloads is how many times held has been called.
func (h *heapSampler) reloads() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.kept)
}

// residentMiB is this process's resident set (VmRSS), 0 where /proc is
// not there.
func residentMiB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb float64
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%f kB", &kb); err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}

// memRun is what a heapSampler saw: the heap held after each reload, and
// the peaks of the heap in use and of the resident set in each sixth of
// the run.
type memRun struct {
	held                 []float64
	inusePeaks, rssPeaks []float64
}

// finish stops sampling and summarises the run.
func (h *heapSampler) finish() memRun {
	close(h.stop)
	<-h.done
	h.mu.Lock()
	defer h.mu.Unlock()
	const windows = 6
	r := memRun{held: slices.Clone(h.kept), inusePeaks: make([]float64, windows), rssPeaks: make([]float64, windows)}
	for i, s := range h.samples {
		w := i * windows / len(h.samples)
		r.inusePeaks[w] = max(r.inusePeaks[w], s.inuse)
		r.rssPeaks[w] = max(r.rssPeaks[w], s.rss)
	}
	return r
}

func (r memRun) String() string {
	f := func(xs []float64) string {
		parts := make([]string, len(xs))
		for i, x := range xs {
			parts[i] = fmt.Sprintf("%.1f", x)
		}
		return strings.Join(parts, " ")
	}
	return fmt.Sprintf("heap held after each of %d reloads: %s MiB; heap in use, peak per sixth of the run: %s MiB; RSS: %s MiB",
		len(r.held), f(r.held), f(r.inusePeaks), f(r.rssPeaks))
}

// minReloads is how many reloads a run must see for requireFlat to tell:
// the least of two after the first and after the last third.
const minReloads = 6

// flatSlack is the growth of the heap held that requireFlat allows: 4 MiB
// and a twentieth (without a leak it varies by about 1 MiB: the requests
// in flight, the new rule set's caches).
func flatSlack(base float64) float64 { return base*0.05 + 4 }

// flat reports whether the heap held stayed flat over the reloads: the
// least held after the last third of them exceeds the least held after the
// first third by at most flatSlack. A leak of 2 MiB a reload fails a run
// of six reloads; the growth a load test's own bookkeeping adds does not.
func (r memRun) flat() bool {
	n := len(r.held)
	k := max(1, n/3)
	base, last := slices.Min(r.held[:k]), slices.Min(r.held[n-k:])
	return last <= base+flatSlack(base)
}

// requireFlat fails when the heap held grows over the reloads
// (memRun.flat), or when the heap in use goes over 256 MiB at any time.
func requireFlat(t *testing.T, r memRun) {
	t.Helper()
	require.GreaterOrEqual(t, len(r.held), minReloads, "too few reloads to tell: %v", r)
	require.True(t, r.flat(), "the heap held grows over the reloads: %v", r)
	require.Less(t, slices.Max(r.inusePeaks), 256.0, "heap MiB; %v", r)
}

// stopBySIGTERM sends SIGTERM to the process (serve's handler takes it)
// and returns how long serve took to exit.
func stopBySIGTERM(t *testing.T, done chan int, logs *syncBuffer) time.Duration {
	t.Helper()
	guard := make(chan os.Signal, 1)
	signal.Notify(guard, syscall.SIGTERM) // the test process survives whatever serve did with its handler
	defer signal.Stop(guard)
	start := time.Now()
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	select {
	case code := <-done:
		require.Equal(t, 0, code, logs.String())
	case <-time.After(15 * time.Second):
		t.Fatalf("serve did not stop on SIGTERM; log:\n%s", bounded(logs.String(), 8<<10))
	}
	return time.Since(start)
}

func bounded(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// TestHostileReloadUnderLoad: issue 17's "done when". A server with
// --rules DIR under load is asked to reload every second while the
// directory holds, in turn, a FIFO, a merge-key bomb, a sparse 1 GiB
// notice, a symlink to /dev/zero and good rules: every request is
// answered (0 errors), the heap stays flat, and a real SIGTERM sent while
// a reload is stuck on the FIFO stops the server within its grace period.
func TestHostileReloadUnderLoad(t *testing.T) {
	guardSIGHUP(t)
	dir := t.TempDir()
	require.NoError(t, copyRules(dir))
	base, admin, logs, done := signalServe(t, "--rules", dir, "--embedded=false", "--grace", "1s", "--reload-timeout", "2s")
	good := ruleSetOf(t, base)
	hostile := filepath.Join(dir, "notices", "zz-hostile.yaml")
	steps := []struct {
		name string
		make func() error
	}{
		{"fifo", func() error { return syscall.Mkfifo(hostile, 0o644) }},
		{"merge-key bomb", func() error { return os.WriteFile(hostile, mergeKeyBomb(), 0o644) }},
		{"1 GiB notice", func() error {
			if err := os.WriteFile(hostile, nil, 0o644); err != nil {
				return err
			}
			return os.Truncate(hostile, 1<<30) // sparse: costs no disk
		}},
		{"symlink to /dev/zero", func() error { return os.Symlink("/dev/zero", hostile) }},
		{"good", func() error { return nil }},
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var (
		mu       sync.Mutex
		statuses = map[string]map[int]int{}
	)
	heap := sampleHeap(250 * time.Millisecond)
	reloads := make(chan struct{})
	go func() {
		defer close(reloads)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			st := steps[i%len(steps)]
			os.Remove(hostile)
			if err := st.make(); err != nil {
				panic(err)
			}
			// Not cancelled with ctx: a dial cut short leaves the server a
			// connection that never sends a request, which holds a graceful
			// shutdown for 5 s (net/http counts it as active).
			req, _ := http.NewRequest(http.MethodPost, admin+"/admin/reload", nil)
			req.Header.Set("Authorization", "Bearer "+testAdminToken)
			code := 0
			if resp, err := http.DefaultClient.Do(req); err == nil {
				code = resp.StatusCode
				resp.Body.Close()
			}
			mu.Lock()
			if statuses[st.name] == nil {
				statuses[st.name] = map[int]int{}
			}
			statuses[st.name][code]++
			mu.Unlock()
			// the heap held is taken when no reload is in flight: not after
			// 409 (another is running) or 503 (this one runs on)
			if code == http.StatusOK || code == http.StatusUnprocessableEntity {
				heap.held()
			}
		}
	}()
	res, err := loadtest.Run(context.Background(), loadtest.Config{BaseURL: base, Concurrency: 4, Duration: hostileDuration(t),
		Check: func(_ loadtest.Request, h http.Header, _ []byte) error {
			if rs := h.Get("X-Rule-Set"); rs != good {
				return fmt.Errorf("answered by rule set %s, want %s", rs, good)
			}
			return nil
		}})
	require.NoError(t, err)
	// a loaded machine may not get round to enough reloads in a short run
	require.Eventually(t, func() bool { return heap.reloads() >= minReloads }, 60*time.Second, 100*time.Millisecond)
	mem := heap.finish()
	cancel()
	<-reloads
	mu.Lock()
	t.Logf("%d requests, %d errors, %.0f/s, p99 %s; reloads by step and status: %v; %v",
		res.Requests, res.Errors, res.PerSec, res.P99, statuses, mem)
	mu.Unlock()
	require.Zero(t, res.Errors, "%v", res.FirstErrors)
	require.Positive(t, res.Requests)
	for _, name := range []string{"fifo", "merge-key bomb", "1 GiB notice", "symlink to /dev/zero"} {
		for code := range statuses[name] {
			require.Contains(t, []int{http.StatusUnprocessableEntity, http.StatusConflict, http.StatusServiceUnavailable}, code, "%s: a hostile reload is refused", name)
		}
	}
	requireFlat(t, mem)

	// SIGTERM while a reload is stuck (if it can be) on the FIFO: sent once
	// the reload request is on the wire, not after a guess at how long
	// that takes. The request may be cut short by the shutdown: not an
	// error (and never require in a goroutine).
	os.Remove(hostile)
	require.NoError(t, syscall.Mkfifo(hostile, 0o644))
	wrote, answered := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(answered)
		req, _ := http.NewRequest(http.MethodPost, admin+"/admin/reload", nil)
		req.Header.Set("Authorization", "Bearer "+testAdminToken)
		var once sync.Once
		req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
			WroteRequest: func(httptrace.WroteRequestInfo) { once.Do(func() { close(wrote) }) }}))
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
		once.Do(func() { close(wrote) })
	}()
	<-wrote
	took := stopBySIGTERM(t, done, logs)
	<-answered
	budget := exitBudget(time.Second, res.P99)
	t.Logf("SIGTERM to exit: %s (grace 1s; budget on this machine now %s)", took.Round(time.Millisecond), budget.Round(time.Millisecond))
	require.Less(t, took, budget)
	require.NotContains(t, logs.String(), `"msg":"panic"`)
}

// exitBudget is how long serve may take to exit after SIGTERM: its grace
// period, plus what the machine takes now to get round to it — two
// seconds, or ten times the p99 of the requests just answered under load
// when the machine is slower than that (a load average of 50 on two
// cores). A shutdown waiting on a stuck reload takes forever, whatever
// the load.
func exitBudget(grace, p99 time.Duration) time.Duration {
	return grace + max(2*time.Second, 10*p99)
}

// craftedOversized is an unsigned bundle of about 1 KB whose zip directory
// declares a 1 GiB layer that its manifest lists (issue 17 item 4).
func craftedOversized(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	data := []byte("{}")
	m := fmt.Sprintf(`{"version":"huge","files":{"layers/big.geojson":"%s"}}`, strings.Repeat("0", 64))
	w, err := zw.Create(bundle.ManifestFile)
	require.NoError(t, err)
	_, err = w.Write([]byte(m))
	require.NoError(t, err)
	w, err = zw.CreateRaw(&zip.FileHeader{Name: "layers/big.geojson", Method: zip.Store, CRC32: crc32.ChecksumIEEE(data),
		CompressedSize64: uint64(len(data)), UncompressedSize64: 1 << 30})
	require.NoError(t, err)
	_, err = w.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// rotating publishes the next bundle of a list at every GET (each with its
// own ETag): a new bundle to verify every poll.
type rotating struct {
	mu    sync.Mutex
	items [][]byte
	i     int
}

func (r *rotating) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	r.mu.Lock()
	data := r.items[r.i%len(r.items)]
	r.i++
	r.mu.Unlock()
	sum := sha256.Sum256(data)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
	_, _ = w.Write(data)
}

// TestHostileBundlesUnderLoad: a server pulling bundles is offered a new
// one every second — a signed merge-key bomb, a 1 KB zip declaring a
// 1 GiB file, an unsigned bundle, a truncated zip, and good ones — under
// load: 0 errors, every answer from a good bundle, a flat heap, and a
// real SIGTERM stops it within its grace period.
func TestHostileBundlesUnderLoad(t *testing.T) {
	dir := t.TempDir()
	priv, pub := filepath.Join(dir, "signing.pem"), filepath.Join(dir, "bundle-key.pub")
	code, _, errs := runCmd("bundle", "keygen", "--private", priv, "--public", pub)
	require.Equal(t, 0, code, errs)
	key, err := bundle.ReadPrivateKeyFile(priv)
	require.NoError(t, err)
	v1 := buildSigned(t, priv, "v1")
	v2 := buildSigned(t, priv, "v2")
	// A signed bundle whose rules hold a merge-key bomb: Build refuses
	// such rules (it decodes them for the bundle's snapshot), but a
	// careless or hostile publisher can zip one without it.
	bundleDir := t.TempDir()
	rulesDir := filepath.Join(bundleDir, "rules")
	require.NoError(t, os.Mkdir(rulesDir, 0o755))
	require.NoError(t, copyRules(rulesDir))
	require.NoError(t, os.WriteFile(filepath.Join(rulesDir, "notices", "zz-bomb.yaml"), mergeKeyBomb(), 0o644))
	var bb bytes.Buffer
	_, err = bundle.WriteZip(&bb, os.DirFS(bundleDir), "bomb")
	require.NoError(t, err)
	bomb, err := bundle.Sign(bb.Bytes(), key)
	require.NoError(t, err)
	unsigned := buildSigned(t, "", "unsigned")
	pubr := &rotating{items: [][]byte{v1, bomb, v2, craftedOversized(t), unsigned, v1[:len(v1)/2], v1}}
	hs := httptest.NewServer(pubr)
	defer hs.Close()

	base, _, logs, done := signalServe(t, "--bundle-url", hs.URL+"/b.zip", "--bundle-key", pub, "--bundle-poll", "1s",
		"--bundle-store", filepath.Join(dir, "store"), "--grace", "1s", "--reload-timeout", "5s")
	heap := sampleHeap(250 * time.Millisecond)
	// the heap held is taken when a pull has ended: the server logs each
	// bundle it refuses or activates once it is done with it
	pulled, stopWatch := logs.watch("bundle refused", `"msg":"bundle activated`), make(chan struct{})
	defer close(stopWatch)
	go func() {
		for {
			select {
			case <-pulled:
				heap.held()
			case <-stopWatch:
				return
			}
		}
	}()
	res, err := loadtest.Run(context.Background(), loadtest.Config{BaseURL: base, Concurrency: 4, Duration: hostileDuration(t),
		Check: func(_ loadtest.Request, h http.Header, _ []byte) error {
			if rev := h.Get("X-Bundle-Revision"); rev != "v1" && rev != "v2" {
				return fmt.Errorf("answered under bundle %q", rev)
			}
			return nil
		}})
	require.NoError(t, err)
	require.Zero(t, res.Errors, "%v", res.FirstErrors)
	// Every kind of bundle offered has been dealt with (under -race on a
	// loaded machine a short run may not get round them all: wait).
	wants := []string{"merge keys", "declares 1.0 GiB", "unsigned", "not a zip file", `"msg":"bundle activated","bundle":"v2"`}
	require.Eventually(t, func() bool {
		for _, w := range wants {
			if !strings.Contains(logs.String(), w) {
				return false
			}
		}
		return heap.reloads() >= minReloads
	}, 60*time.Second, 100*time.Millisecond, "each hostile bundle refused and v2 activated")
	mem := heap.finish()
	pubr.mu.Lock()
	polls := pubr.i
	pubr.mu.Unlock()
	refused := strings.Count(logs.String(), "bundle refused")
	activated := strings.Count(logs.String(), `"msg":"bundle activated"`)
	t.Logf("%d requests, %d errors, %.0f/s, p99 %s; %d bundles offered, %d refused, %d activated; %v",
		res.Requests, res.Errors, res.PerSec, res.P99, polls, refused, activated, mem)
	requireFlat(t, mem)
	took := stopBySIGTERM(t, done, logs)
	budget := exitBudget(time.Second, res.P99)
	t.Logf("SIGTERM to exit: %s (grace 1s; budget on this machine now %s)", took.Round(time.Millisecond), budget.Round(time.Millisecond))
	require.Less(t, took, budget)
	require.NotContains(t, logs.String(), `"msg":"panic"`)
}

// TestFlatCheck: the check of the hostile reload tests fails on a heap
// held that grows by 2 MiB a reload, and passes one that is flat or rises
// after a single reload (a rule set activated while requests still hold
// the one before it).
func TestFlatCheck(t *testing.T) {
	for _, tc := range []struct {
		name string
		held []float64
		flat bool
	}{
		{"flat", []float64{16.1, 16.2, 16.2, 16.2, 15.4, 15.4}, true},
		{"an activation's rule set still held", []float64{18.0, 22.3, 18.0, 17.9, 18.0, 21.3, 15.7, 21.1, 18.1}, true},
		{"2 MiB a reload", []float64{20.1, 22.2, 24.3, 25.1, 27.5, 29.5}, false},
		{"8 MiB a reload", []float64{33.3, 43.9, 51.0, 59.7, 63.4, 71.4}, false},
		{"a step late in the run", []float64{16, 16, 16, 16, 26, 26}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.flat, memRun{held: tc.held}.flat())
		})
	}
}
