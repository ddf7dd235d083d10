package server

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// fuzzHTTP sends body to path through the real handler (ServeHTTP: body
// limit, JSON decoding, facts, dates, the engine, the renderer) and checks
// what every answer must be: 200 with a verdict, or a documented 4xx with
// an error code — never a 5xx, never anything but JSON.
func fuzzHTTP(f *testing.F, path string, seeds []string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	s := New(newTestHotline(f), Options{
		MaxBody: 4096,
		Now:     func() time.Time { return time.Date(2024, 10, 2, 3, 0, 0, 0, time.UTC) },
	})
	f.Fuzz(func(t *testing.T, body []byte) {
		r := httptest.NewRequest("POST", path, strings.NewReader(string(body)))
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		var out map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("%q: status %d, body is not JSON: %v", body, w.Code, err)
		}
		switch w.Code {
		case 200:
			if v, _ := out["verdict"].(string); v == "" {
				t.Fatalf("%q: 200 without a verdict: %s", body, w.Body)
			}
		case 400, 413, 422:
			e, _ := out["error"].(map[string]any)
			if c, _ := e["code"].(string); c == "" {
				t.Fatalf("%q: %d without an error code: %s", body, w.Code, w.Body)
			}
		default:
			t.Fatalf("%q: status %d: %s", body, w.Code, w.Body)
		}
		if w.Header().Get("X-Rule-Set") == "" {
			t.Fatalf("%q: no X-Rule-Set header", body)
		}
	})
}

// FuzzDecisionsHTTP: any body POSTed to /v1/decisions.
func FuzzDecisionsHTTP(f *testing.F) {
	fuzzHTTP(f, "/v1/decisions", []string{
		`{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50}}`,
		`{"activity":"燃放烟花爆竹","at":"2025-01-28","facts":{"town":"浯溪街道","zone":"key"}}`,
		`{"activity":"烧垃圾","at":"0000-01-01"}`,
		`{"activity":"烧垃圾","at":"9999-12-31","accuracy_m":1e308}`,
		`{"activity":"烧田埂","point":{"lat":26.58,"lon":111.86,"crs":"gcj02"},"accuracy_m":50}`,
		`{"activity":"烧田埂","point":{"lat":1e999,"lon":-1e999}}`,
		`{"activity":"烧田埂","facts":{"distance_to_forest_m":-1e308,"town":[],"x":{}}}`,
		`{"activity":"\xff\xfe","at":"2024-02-30"}`,
		`[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]`,
		`{"activity":"烧田埂"}{"activity":"烧田埂"}`,
		``,
	})
}

// FuzzAskHTTP: any body POSTed to /v1/ask.
func FuzzAskHTTP(f *testing.F) {
	fuzzHTTP(f, "/v1/ask", []string{
		`{"question":"10月3日烧田埂行不行","at":"2024-09-20"}`,
		`{"question":"明天在浯溪街道放鞭炮可以吗","lang":"en"}`,
		`{"question":"烧田埂","date":"9999-12-31","activity":"烧田埂","facts":{"distance_to_forest_m":50}}`,
		`{"question":"农历闰四月初一烧纸","at":"0001-01-01"}`,
		`{"question":"","activity":"不存在的活动"}`,
		`{"question":"离山99999999999公里外烧稻草","lang":"fr"}`,
		`{"question":"\ud800烧田埂"}`,
		`{"question":null,"facts":null}`,
		`"烧田埂"`,
	})
}
