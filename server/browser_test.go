package server

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/feed"
)

// chromiumPath finds Debian's chromium; under CI (CI=true) its absence is
// a failure, elsewhere the browser test is skipped.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed: .ci/run must install Debian's chromium package")
	}
	t.Skip("chromium not installed (apt-get install chromium); skipping the browser test")
	return ""
}

// artifactDir is where the browser test leaves its screenshots:
// $TONGGAO_ARTIFACTS, or a folder under the system temp dir.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("TONGGAO_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "tonggao-artifacts")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

// TestOperatorPageInChromium drives the operator page in a real headless
// Chromium: type a question, see the verdict, click the caller's reply to
// the follow-up question, see the verdict change; search an activity by
// pinyin with the keyboard; check the phone layout does not overflow.
func TestOperatorPageInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	path := chromiumPath(t)
	h := newTestHotline(t)
	srv := New(h, Options{})
	ts := httptest.NewServer(srv)
	defer ts.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 768),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// One deadline for the whole drive, the test's own (go test -timeout)
	// less time to report: on a loaded machine Chromium may take minutes
	// to start and paint, and each step waits on its condition, not on a
	// clock of its own.
	ctx, cancelT := context.WithDeadline(ctx, browserDeadline(t))
	defer cancelT()

	run := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		require.NoError(t, chromedp.Do(ctx, steps...))
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		require.NoError(t, err)
		return s
	}
	value := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
		require.NoError(t, err)
		return s
	}
	waitVerdict := func(want string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](
			`document.getElementById("verdict").textContent === `+jsString(want), untilDeadline()))
		require.NoError(t, err, "verdict never became %q (it is %q)", want, text("#verdict"))
	}

	// The call is on 2024-09-20; the caller asks about 10月3日 (国庆, in the fire ban).
	run(chromedp.Navigate(ts.URL+"/?at=2024-09-20"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
		chromedp.SendKeys(chromedp.CSS("#question"), "10月3日烧田埂行不行"),
		chromedp.SendKeys(chromedp.CSS("#question"), kb.Enter))
	waitVerdict("要看情况")
	require.Contains(t, text("#followup-q"), "100米")
	require.Equal(t, "烧田埂", value("#activity"))
	require.Equal(t, "2024-10-03", value("#date"))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#windows li").length >= 2`,
		untilDeadline()))
	require.NoError(t, err)
	require.Contains(t, text("#windows"), "国庆")
	require.Contains(t, text("#date-info"), "农历")
	require.Contains(t, text("#date-info"), "特别防护期：国庆假期", "the date shows the special window of the cited notice")
	dir := artifactDir(t)
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hotline-followup.png"), shot, 0o644))

	// The caller says "within 100 m": one click, one call, a new verdict.
	run(chromedp.Click(chromedp.CSS(`#replies button[data-verdict="forbidden"]`)))
	waitVerdict("不可以")
	require.Contains(t, text("#why"), "祁政通〔2024〕7号")
	require.Equal(t, "100", value("#distance"))
	// A citation expands to the quoted article.
	run(chromedp.Click(chromedp.CSS(`#citations summary`)))
	require.Contains(t, text("#citations blockquote"), "烧田埂")

	shot, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hotline.png"), shot, 0o644))
	t.Logf("screenshot: %s", filepath.Join(dir, "hotline.png"))

	// Keyboard only: search 烧田埂 by pinyin initials, pick it with the
	// arrow key and Enter.
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById("activity").value = "") === ""`))
	require.NoError(t, err)
	run(chromedp.SendKeys(chromedp.CSS("#activity"), "stg"),
		chromedp.WaitVisible(chromedp.CSS(`#activity-list li`)),
		chromedp.SendKeys(chromedp.CSS("#activity"), kb.ArrowDown+kb.Enter))
	// the page picks it when it handles the key: wait for that, not a clock
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("activity-id").value === "burn_field_ridge"`, untilDeadline()))
	require.NoError(t, err, "the activity picked by keyboard is %q", value("#activity-id"))

	// With the example feed, the header shows the date field's day's
	// fire-danger level: every place grouped by level, then the town picked.
	f, err := feed.ReadDir(context.Background(), "../examples/conditions", feed.Limits{})
	require.NoError(t, err)
	_, err = srv.Update(func(cur *engine.Engine) (*engine.Engine, error) { return cur.Refeed(f) })
	require.NoError(t, err)
	setAndChange := func(id, v string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){var e=document.getElementById(`+jsString(id)+`);e.value=`+jsString(v)+
			`;e.dispatchEvent(new Event("change"));return true})()`))
		require.NoError(t, err)
	}
	waitLevel := func(want string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("level-info").textContent.indexOf(`+jsString(want)+`) >= 0`,
			untilDeadline()))
		require.NoError(t, err, "the level line never showed %q (it is %q)", want, text("#level-info"))
	}
	// An answer sets the date field: let any one under way arrive first.
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("status").textContent === ""`,
		untilDeadline()))
	require.NoError(t, err)
	setAndChange("date", "2025-07-14")
	waitLevel("2025-07-14 森林火险气象等级：4 级：")
	t.Logf("level line: %s", text("#level-info"))
	setAndChange("town", "白水镇")
	waitLevel("白水镇 4（2025-07-14 08:00 发布）")
	setAndChange("date", "2030-01-01")
	waitLevel("条件数据未给出")
	require.Contains(t, text("#level-info"), "白水镇")

	// A phone: nothing wider than the screen.
	run(chromedp.EmulateViewport(390, 844))
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	require.NoError(t, err)
	require.False(t, overflow, "the page is wider than a phone screen")
	shot, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hotline-phone.png"), shot, 0o644))
}

// untilDeadline makes a poll wait on its condition until the drive's
// deadline (chromedp's own default gives up after 30 s).
func untilDeadline() chromedp.PollOption { return chromedp.WithPollingTimeout(0) }

// browserDeadline is the test's deadline less a tenth of the time left
// (at least 10 s) to report a failure; ten minutes without -timeout.
func browserDeadline(t *testing.T) time.Time {
	d, ok := t.Deadline()
	if !ok {
		return time.Now().Add(10 * time.Minute)
	}
	return d.Add(-max(time.Until(d)/10, 10*time.Second))
}

func jsString(s string) string {
	b := []byte{'"'}
	for _, r := range s {
		switch r {
		case '"', '\\':
			b = append(b, '\\', byte(r))
		default:
			b = append(b, string(r)...)
		}
	}
	return string(append(b, '"'))
}
