package servecmd

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/server"
)

// kitesDir is a one-notice rule directory: 放风筝 is forbidden in May.
const kitesDir = "../../bundle/testdata/kites"

// publisher serves one bundle file at a time with an ETag.
type publisher struct {
	mu   sync.Mutex
	data []byte
	gets int
}

func (p *publisher) set(data []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.data = data
}

func (p *publisher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	data := p.data
	p.gets++
	p.mu.Unlock()
	sum := sha256.Sum256(data)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	_, _ = w.Write(data)
}

// buildSigned builds and signs a bundle with the CLI.
func buildSigned(t *testing.T, priv, version string, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), version+".zip")
	code, _, errs := runCmd(append([]string{"bundle", "build", "--version", version, "-o", out}, args...)...)
	require.Equal(t, 0, code, errs)
	if priv != "" {
		code, _, errs = runCmd("bundle", "sign", "--key", priv, out)
		require.Equal(t, 0, code, errs)
	}
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	return data
}

// decideKites asks the server about kites on 1 May and returns the
// verdict and the bundle revision header.
func decideKites(t *testing.T, base string) (string, string) {
	t.Helper()
	resp, err := http.Post(base+"/v1/decisions", "application/json", strings.NewReader(`{"activity":"放风筝","at":"2025-05-01"}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	var d struct {
		Verdict string `json:"verdict"`
		Receipt struct {
			Bundle string `json:"bundle"`
		} `json:"receipt"`
	}
	require.NoError(t, json.Unmarshal(body, &d))
	require.Equal(t, d.Receipt.Bundle, resp.Header.Get("X-Bundle-Revision"), "the header and the receipt agree")
	return d.Verdict, resp.Header.Get("X-Bundle-Revision")
}

// TestServeBundleURL: serve pulls a signed bundle, answers with its
// revision, refuses an unsigned one and keeps serving, switches to a new
// one within a poll or two, keeps both by digest, and restarts on the
// latest kept one when the URL is down.
func TestServeBundleURL(t *testing.T) {
	priv, pub := signingKeys(t)
	dir := t.TempDir()
	pubr := &publisher{}
	pubr.set(buildSigned(t, priv, "v1", "--embedded=false", "--rules", kitesDir))
	hs := httptest.NewServer(pubr)
	defer hs.Close()
	store := filepath.Join(dir, "store")

	code, _, errs := runCmd("serve", "--bundle-url", hs.URL, "--bundle-key", pub, "--rules", kitesDir)
	require.Equal(t, 2, code)
	require.Contains(t, errs, "without --rules")
	code, _, errs = runCmd("serve", "--bundle-url", hs.URL)
	require.Equal(t, 2, code)
	require.Contains(t, errs, "--bundle-key")

	base, _, logs := startServe(t, "--bundle-url", hs.URL+"/county.zip", "--bundle-key", pub, "--bundle-poll", "1s", "--bundle-store", store)
	verdict, rev := decideKites(t, base)
	require.Equal(t, "forbidden", verdict)
	require.Equal(t, "v1", rev)

	pubr.set(buildSigned(t, "", "unsigned", "--embedded=false", "--rules", kitesDir))
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "bundle refused") }, 10*time.Second, 50*time.Millisecond)
	_, rev = decideKites(t, base)
	require.Equal(t, "v1", rev, "an unsigned bundle is refused; the active one keeps serving")

	start := time.Now()
	pubr.set(buildSigned(t, priv, "v2", "--embedded=true", "--rules", kitesDir))
	require.Eventually(t, func() bool { _, rev := decideKites(t, base); return rev == "v2" }, 10*time.Second, 50*time.Millisecond)
	t.Logf("switched to v2 %s after publishing (poll 1s)", time.Since(start).Round(time.Millisecond))
	kept := func() int {
		ents, err := os.ReadDir(store)
		require.NoError(t, err)
		zips := 0
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".zip") {
				zips++
			}
		}
		return zips
	}
	// Kept once activated, then logged.
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), `"msg":"bundle activated","bundle":"v2"`) }, 5*time.Second, 20*time.Millisecond)
	require.Equal(t, 2, kept(), "both activated bundles are kept by digest")

	// A restart while the URL is down starts on the latest kept bundle.
	hs.Close()
	base2, _, logs2 := startServe(t, "--bundle-url", hs.URL+"/county.zip", "--bundle-key", pub, "--bundle-store", store)
	_, rev = decideKites(t, base2)
	require.Equal(t, "v2", rev)
	require.Eventually(t, func() bool { return strings.Contains(logs2.String(), "latest kept bundle") }, 5*time.Second, 50*time.Millisecond)
}

// TestReplayUnderKeptBundle: a record decided under a pulled bundle
// replays under that bundle, kept by digest in --bundle-store, though a
// newer bundle serves now.
func TestReplayUnderKeptBundle(t *testing.T) {
	priv, pub := signingKeys(t)
	dir := t.TempDir()
	pubr := &publisher{}
	pubr.set(buildSigned(t, priv, "v1", "--embedded=false", "--rules", kitesDir))
	hs := httptest.NewServer(pubr)
	defer hs.Close()
	store, db := filepath.Join(dir, "store"), filepath.Join(dir, "records.db")
	base, _, logs := startServe(t, "--bundle-url", hs.URL, "--bundle-key", pub, "--bundle-poll", "1s", "--bundle-store", store, "--records", db)
	post := func(id string) {
		req, err := http.NewRequest("POST", base+"/v1/decisions", strings.NewReader(`{"activity":"放风筝","at":"2025-05-01"}`))
		require.NoError(t, err)
		req.Header.Set("X-Request-Id", id)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, 200, resp.StatusCode)
	}
	post("kite-1")
	// v2: kites are no longer forbidden in May (a notice from elsewhere).
	other := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(other, "notices"), 0o755))
	src, err := os.ReadFile(filepath.Join(kitesDir, "notices", "xx-kites.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(other, "notices", "xx-kites.yaml"), []byte(strings.ReplaceAll(string(src), "annual 05-01..05-31", "annual 07-01..07-31")), 0o644))
	pubr.set(buildSigned(t, priv, "v2", "--embedded=false", "--rules", other))
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), `"msg":"bundle activated","bundle":"v2"`) }, 10*time.Second, 20*time.Millisecond)
	require.Eventually(t, func() bool {
		code, out, _ := runCmd("records", "list", "--from", "2000-01-01", "--records", db)
		return code == 0 && strings.Contains(out, "kite-1")
	}, 10*time.Second, 50*time.Millisecond, "the record is written")

	code, out, errs := runCmd("records", "replay", "kite-1", "--records", db, "--bundle-store", store)
	require.Equal(t, 0, code, "%s%s", out, errs)
	require.Contains(t, out, "same decision")
	require.Contains(t, out, "verdict forbidden")
	code, _, errs = runCmd("records", "replay", "kite-1", "--records", db, "--bundle-store", filepath.Join(dir, "none"))
	require.Equal(t, 2, code)
	require.Contains(t, errs, "not a directory")
}

// TestServeBundleReloadPollsNow: with --bundle-url, POST /admin/reload
// polls the URL at once (the poll is the reload) and says what it did: a
// new signed bundle is activated and named, the same one again is no
// change, and a bad one is refused with the reason while the active one
// keeps serving — never "the rule set is embedded".
func TestServeBundleReloadPollsNow(t *testing.T) {
	priv, pub := signingKeys(t)
	pubr := &publisher{}
	pubr.set(buildSigned(t, priv, "v1", "--embedded=false", "--rules", kitesDir))
	hs := httptest.NewServer(pubr)
	defer hs.Close()
	// An hour's poll: only the reload can bring v2 within the test.
	base, admin, _ := startServe(t, "--bundle-url", hs.URL+"/county.zip", "--bundle-key", pub, "--bundle-poll", "1h")
	_, rev := decideKites(t, base)
	require.Equal(t, "v1", rev)

	type result struct {
		server.ReloadResult
		Error struct{ Code, Message string } `json:"error"`
	}
	reload := func() (int, result) {
		status, body := adminReload(t, admin)
		var r result
		require.NoError(t, json.Unmarshal([]byte(body), &r), body)
		require.NotContains(t, body, "embedded", "bundle mode has a reload of its own")
		return status, r
	}
	status, r := reload()
	require.Equal(t, http.StatusOK, status)
	require.False(t, r.Changed, "nothing new published")
	require.Equal(t, "v1", r.Bundle)

	pubr.set(buildSigned(t, priv, "v2", "--embedded=true", "--rules", kitesDir))
	status, r = reload()
	require.Equal(t, http.StatusOK, status)
	require.True(t, r.Changed)
	require.Equal(t, "v2", r.Bundle)
	require.NotEqual(t, r.Previous, r.RuleSet)
	_, rev = decideKites(t, base)
	require.Equal(t, "v2", rev, "the reload activated the new bundle at once")

	pubr.set(buildSigned(t, "", "unsigned", "--embedded=false", "--rules", kitesDir))
	status, r = reload()
	require.Equal(t, http.StatusUnprocessableEntity, status)
	require.Equal(t, "reload_refused", r.Error.Code)
	require.Contains(t, r.Error.Message, "the active one keeps serving")
	require.Contains(t, r.Error.Message, "sign")
	_, rev = decideKites(t, base)
	require.Equal(t, "v2", rev)
}

// TestServeBundleKeepsLiveFeed: with --bundle-url and --conditions, a
// bundle activated after start is bound to the live feed as the first one
// was — every answer keeps naming the feed, before and after the switch.
func TestServeBundleKeepsLiveFeed(t *testing.T) {
	priv, pub := signingKeys(t)
	pubr := &publisher{}
	pubr.set(buildSigned(t, priv, "v1", "--embedded=true", "--rules", kitesDir))
	hs := httptest.NewServer(pubr)
	defer hs.Close()
	base, admin, _ := startServe(t, "--bundle-url", hs.URL+"/county.zip", "--bundle-key", pub, "--bundle-poll", "1h",
		"--conditions", filepath.Join("..", "..", "examples", "conditions"))
	feedOf := func() string {
		resp, err := http.Post(base+"/v1/decisions", "application/json", strings.NewReader(`{"activity":"烧田埂","at":"2025-07-14","facts":{"town":"白水镇"}}`))
		require.NoError(t, err)
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
		require.Equal(t, http.StatusOK, resp.StatusCode)
		return resp.Header.Get("X-Feed")
	}
	first := feedOf()
	require.NotEmpty(t, first, "the first bundle is bound to the live feed")

	pubr.set(buildSigned(t, priv, "v2", "--embedded=true", "--rules", kitesDir))
	status, body := adminReload(t, admin)
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, `"v2"`)
	require.Equal(t, first, feedOf(), "the bundle activated later answers from the same live feed")
}

// signingKeys makes an Ed25519 key pair with tonggao bundle keygen in a
// temporary directory: the private key's path and the public key's.
func signingKeys(t *testing.T) (priv, pub string) {
	t.Helper()
	dir := t.TempDir()
	priv, pub = filepath.Join(dir, "signing.pem"), filepath.Join(dir, "bundle-key.pub")
	code, _, errs := runCmd("bundle", "keygen", "--private", priv, "--public", pub)
	require.Equal(t, 0, code, errs)
	return priv, pub
}
