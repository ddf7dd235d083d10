package loadtest_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/loadtest"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/server"
)

// startServer runs the server (package server) on a loopback port with the same
// http.Server settings as tonggao serve.
func startServer(t testing.TB) (url, digest string) {
	t.Helper()
	set, err := rules.Embedded()
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	reg, err := register.Embedded()
	require.NoError(t, err)
	eng, err := engine.New(set, cal, engine.WithRegister(reg))
	require.NoError(t, err)
	h, err := hotline.New(eng)
	require.NoError(t, err)
	srv := server.HTTPServer(server.New(h, server.Options{}), nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String(), eng.Receipt().RuleSet
}

// TestShortLoad is the bounded CI version of scripts/loadtest.sh: 3 s of
// the default mix from 4 workers; any error (a wrong status, a lost
// answer, a body from another rule set) fails it.
func TestShortLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the 3 s load run")
	}
	url, digest := startServer(t)
	res, err := loadtest.Run(context.Background(), loadtest.Config{
		BaseURL: url, Concurrency: 4, Duration: 3 * time.Second, Window: time.Second,
		Check: func(_ loadtest.Request, h http.Header, _ []byte) error {
			if got := h.Get("X-Rule-Set"); got != digest {
				return fmt.Errorf("rule set %q, want %q", got, digest)
			}
			return nil
		},
	})
	require.NoError(t, err)
	require.Zero(t, res.Errors, "errors: %v", res.FirstErrors)
	mix := loadtest.DefaultMix()
	require.Greater(t, res.Requests, len(mix), "every line of the mix was sent")
	want := map[int]bool{}
	for _, r := range mix {
		want[r.Status] = true
	}
	for st := range want {
		require.Positive(t, res.ByStatus[st], "status %d answered", st)
	}
	// Seconds are counted from the first request, so a 3 s run spans 3 or 4
	// windows depending on the machine; the last may be partial.
	require.GreaterOrEqual(t, len(res.Windows), 3)
	for _, w := range res.Windows[:len(res.Windows)-1] {
		require.Positive(t, w.Requests, "throughput in every full second of the run")
	}
	require.LessOrEqual(t, res.P50, res.P99)
	t.Logf("%d requests, %.0f/s, p50 %v, p99 %v", res.Requests, res.PerSec, res.P50, res.P99)
}

// TestLoadCountsErrors: a server that answers wrongly is counted, not
// retried or hidden.
func TestLoadCountsErrors(t *testing.T) {
	url, _ := startServer(t)
	res, err := loadtest.Run(context.Background(), loadtest.Config{
		BaseURL: url, Concurrency: 2, Duration: 300 * time.Millisecond,
		Mix: []loadtest.Request{{Status: 200, Method: "GET", Path: "/no/such/path"}},
	})
	require.NoError(t, err)
	require.Positive(t, res.Requests)
	require.Equal(t, res.Requests, res.Errors)
	require.Equal(t, res.Requests, res.ByStatus[404])
	require.Contains(t, res.FirstErrors[0], "status 404, want 200")
}

func TestParseMix(t *testing.T) {
	cases := []struct {
		name, in, err string
		n             int
	}{
		{"default", "", "", len(loadtest.DefaultMix())},
		{"one line with comments", "# c\n\n200 GET /healthz\n", "", 1},
		{"body with spaces", `200 POST /v1/ask {"question": "a b"}`, "", 1},
		{"no path", "200 GET", `mix line 1: want STATUS METHOD PATH [BODY], got "200 GET"`, 0},
		{"bad status", "20x GET /", `mix line 1: bad status "20x"`, 0},
		{"relative path", "200 GET healthz", `mix line 1: path "healthz" does not start with /`, 0},
		{"empty", "# nothing\n", "mix: no requests", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "default" {
				require.NotEmpty(t, loadtest.DefaultMix())
				return
			}
			m, err := loadtest.ParseMix([]byte(c.in))
			if c.err != "" {
				require.EqualError(t, err, c.err)
				return
			}
			require.NoError(t, err)
			require.Len(t, m, c.n)
		})
	}
}

func TestRunRefusesBadConfig(t *testing.T) {
	_, err := loadtest.Run(context.Background(), loadtest.Config{BaseURL: "http://127.0.0.1:1"})
	require.EqualError(t, err, "loadtest: duration must be positive")
	_, err = loadtest.Run(context.Background(), loadtest.Config{BaseURL: "127.0.0.1:1", Duration: time.Second})
	require.EqualError(t, err, `loadtest: bad base URL "127.0.0.1:1"`)
}
