package server

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// viaSlog is what slog's JSON handler writes for r.
func viaSlog(t testing.TB, r accessRecord) []byte {
	var buf bytes.Buffer
	rec := slog.NewRecord(r.time, slog.LevelInfo, "request", 0)
	rec.AddAttrs(r.attrs()...)
	require.NoError(t, slog.NewJSONHandler(&buf, nil).Handle(context.Background(), rec))
	return buf.Bytes()
}

func TestAccessLogLineIsSlogs(t *testing.T) {
	var all strings.Builder
	for c := 0; c < 0x80; c++ {
		all.WriteByte(byte(c))
	}
	shanghai := time.FixedZone("CST", 8*3600)
	for _, tc := range []struct {
		name string
		r    accessRecord
	}{
		{"plain", accessRecord{time: time.Date(2026, 12, 3, 4, 5, 6, 123456789, time.UTC), id: "abcd1234-17", method: "POST",
			path: "/v1/decisions", status: 200, bytes: 5123, duration: 37 * time.Microsecond, remote: "127.0.0.1:50312"}},
		{"zero duration, whole second, local zone", accessRecord{time: time.Date(2026, 1, 2, 3, 4, 5, 0, shanghai), id: "x",
			method: "GET", path: "/", status: 404, duration: 0, remote: "[::1]:1"}},
		{"every ASCII byte in the path", accessRecord{time: time.Unix(1, 5), path: all.String(), duration: 1500 * time.Millisecond}},
		{"non-ASCII, invalid UTF-8, line separators", accessRecord{time: time.Unix(2, 0), path: "/v1/documents/祁政通〔2022〕1号\xff\xfe\u2028\u2029x",
			method: "GE\"T", id: "a\\b", duration: 1234567 * time.Hour}},
		{"a tiny and a huge duration", accessRecord{time: time.Unix(3, 0), duration: time.Microsecond}},
		{"longest", accessRecord{time: time.Unix(4, 0), duration: time.Duration(1<<63 - 1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, string(viaSlog(t, tc.r)), string(tc.r.appendJSON(nil)))
		})
	}
}

func FuzzAccessLogLine(f *testing.F) {
	f.Add("/v1/decisions", "POST", "id-1", "127.0.0.1:1", int64(37000), 200, 5000, int64(1764734706123456789))
	f.Add("/\u2028\xff\x01\"\\", "GET", "", "", int64(-5), 0, -1, int64(0))
	f.Fuzz(func(t *testing.T, path, method, id, remote string, dur int64, status, n int, unixNano int64) {
		r := accessRecord{time: time.Unix(0, unixNano).UTC(), id: id, method: method, path: path, status: status, bytes: n,
			duration: time.Duration(dur), remote: remote}
		if y := r.time.Year(); y < 0 || y >= 10000 {
			t.Skip("slog writes an error for years outside 0–9999")
		}
		require.Equal(t, string(viaSlog(t, r)), string(r.appendJSON(nil)))
	})
}

// TestAccessLogOption: with Options.AccessLog the access log is written
// there, one JSON line per request, and nothing of it goes to Logger.
func TestAccessLogOption(t *testing.T) {
	var access, other bytes.Buffer
	s := New(newTestHotline(t), Options{AccessLog: &access, Logger: slog.New(slog.NewJSONHandler(&other, nil))})
	for _, path := range []string{"/healthz", "/nope"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("X-Request-Id", "req-"+strings.TrimPrefix(path, "/"))
		s.ServeHTTP(httptest.NewRecorder(), req)
	}
	require.Empty(t, other.String())
	lines := strings.Split(strings.TrimSuffix(access.String(), "\n"), "\n")
	require.Len(t, lines, 2)
	var rec struct {
		Msg, RequestID, Method, Path string
		Status, Bytes                int
	}
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &rec))
	require.Equal(t, "request", rec.Msg)
	require.Equal(t, "/nope", rec.Path)
	require.Equal(t, 404, rec.Status)
	require.Contains(t, lines[0], `"request_id":"req-healthz"`)
	require.Contains(t, lines[0], `"status":200`)
}
