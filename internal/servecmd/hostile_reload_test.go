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
	logs := &syncBuffer{}
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

// heapSampler samples the heap in use and the resident memory (the
// server and the load generator share this process) while a test runs.
type heapSampler struct {
	mu      sync.Mutex
	samples []memSample
	stop    chan struct{}
	done    chan struct{}
}

type memSample struct {
	heap, rss float64 // MiB
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
			h.samples = append(h.samples, memSample{heap: float64(ms.HeapInuse) / (1 << 20), rss: residentMiB()})
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

// memRun is what a heapSampler saw: the peaks of heap and RSS in each
// sixth of the run, and overall.
type memRun struct {
	heapPeaks, rssPeaks []float64
	peak                float64
}

// finish stops sampling and summarises the run.
func (h *heapSampler) finish() memRun {
	close(h.stop)
	<-h.done
	const windows = 6
	r := memRun{heapPeaks: make([]float64, windows), rssPeaks: make([]float64, windows)}
	for i, s := range h.samples {
		w := i * windows / len(h.samples)
		r.heapPeaks[w] = max(r.heapPeaks[w], s.heap)
		r.rssPeaks[w] = max(r.rssPeaks[w], s.rss)
		r.peak = max(r.peak, s.heap)
	}
	return r
}

func (r memRun) String() string {
	f := func(xs []float64) string {
		parts := make([]string, len(xs))
		for i, x := range xs {
			parts[i] = fmt.Sprintf("%.0f", x)
		}
		return strings.Join(parts, " ")
	}
	return fmt.Sprintf("heap in use, peak per sixth of the run: %s MiB; RSS: %s MiB", f(r.heapPeaks), f(r.rssPeaks))
}

// requireFlat fails when memory grows over the run: the heap's peak in
// the last sixth of the run may not exceed its peak in the second sixth
// (the first holds the start-up) by more than a quarter plus 16 MiB. A
// leak of 8 MiB a reload fails a run of 10 s.
func requireFlat(t *testing.T, r memRun) {
	t.Helper()
	n := len(r.heapPeaks)
	require.Less(t, r.peak, 256.0, "heap MiB; %v", r)
	require.LessOrEqual(t, r.heapPeaks[n-1], r.heapPeaks[1]*1.25+16, "heap MiB grows over the run: %v", r)
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
		}
	}()
	heap := sampleHeap(250 * time.Millisecond)
	res, err := loadtest.Run(context.Background(), loadtest.Config{BaseURL: base, Concurrency: 4, Duration: hostileDuration(t),
		Check: func(_ loadtest.Request, h http.Header, _ []byte) error {
			if rs := h.Get("X-Rule-Set"); rs != good {
				return fmt.Errorf("answered by rule set %s, want %s", rs, good)
			}
			return nil
		}})
	require.NoError(t, err)
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
	res, err := loadtest.Run(context.Background(), loadtest.Config{BaseURL: base, Concurrency: 4, Duration: hostileDuration(t),
		Check: func(_ loadtest.Request, h http.Header, _ []byte) error {
			if rev := h.Get("X-Bundle-Revision"); rev != "v1" && rev != "v2" {
				return fmt.Errorf("answered under bundle %q", rev)
			}
			return nil
		}})
	require.NoError(t, err)
	mem := heap.finish()
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
		return true
	}, 60*time.Second, 100*time.Millisecond, "each hostile bundle refused and v2 activated")
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
