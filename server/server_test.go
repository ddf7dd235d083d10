package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/register"
)

func newTestServer(t *testing.T, logs io.Writer) (*Server, *httptest.Server) {
	t.Helper()
	h := newTestHotline(t)
	if logs == nil {
		logs = io.Discard
	}
	s := New(h, Options{
		Logger:  slog.New(slog.NewJSONHandler(logs, nil)),
		MaxBody: 4096,
		// The clock is fixed so that "today" in these tests is 2024-10-02.
		Now: func() time.Time { return time.Date(2024, 10, 2, 3, 0, 0, 0, time.UTC) },
	})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

type doc map[string]any

func loadOpenAPI(t *testing.T) doc {
	t.Helper()
	var d doc
	require.NoError(t, json.Unmarshal(openAPI, &d))
	return d
}

// validate checks v against an OpenAPI schema: $ref, type (one or a
// list), required, properties, items, enum and oneOf. It is small on
// purpose: enough to catch a handler and its documentation drifting apart.
func validate(root doc, schema map[string]any, v any, path string) error {
	if ref, ok := schema["$ref"].(string); ok {
		parts := strings.Split(strings.TrimPrefix(ref, "#/"), "/")
		var cur any = map[string]any(root)
		for _, p := range parts {
			cur = cur.(map[string]any)[p]
		}
		return validate(root, cur.(map[string]any), v, path)
	}
	if alts, ok := schema["oneOf"].([]any); ok {
		for _, a := range alts {
			if validate(root, a.(map[string]any), v, path) == nil {
				return nil
			}
		}
		return fmt.Errorf("%s: %v matches no alternative", path, v)
	}
	if typ, ok := schema["type"].(string); ok {
		okType := false
		switch typ {
		case "object":
			_, okType = v.(map[string]any)
		case "array":
			_, okType = v.([]any)
		case "string":
			_, okType = v.(string)
		case "number":
			_, okType = v.(float64)
		case "integer":
			f, isNum := v.(float64)
			okType = isNum && f == float64(int64(f))
		case "boolean":
			_, okType = v.(bool)
		case "null":
			okType = v == nil
		}
		if !okType {
			return fmt.Errorf("%s: want %s, got %T", path, typ, v)
		}
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if e == v {
				found = true
			}
		}
		if !found {
			return fmt.Errorf("%s: %v is not in %v", path, v, enum)
		}
	}
	if obj, ok := v.(map[string]any); ok {
		for _, r := range asList(schema["required"]) {
			if _, present := obj[r.(string)]; !present {
				return fmt.Errorf("%s: missing required %q", path, r)
			}
		}
		props, _ := schema["properties"].(map[string]any)
		for k, pv := range obj {
			if ps, ok := props[k].(map[string]any); ok {
				if err := validate(root, ps, pv, path+"."+k); err != nil {
					return err
				}
			} else if ap, ok := schema["additionalProperties"].(map[string]any); ok {
				if err := validate(root, ap, pv, path+"."+k); err != nil {
					return err
				}
			}
		}
	}
	if arr, ok := v.([]any); ok {
		if items, ok := schema["items"].(map[string]any); ok {
			for i, x := range arr {
				if err := validate(root, items, x, fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func asList(v any) []any { l, _ := v.([]any); return l }

// TestOpenAPIMatchesHandlers checks the document lists exactly the
// server's routes, and that every documented response status of a
// request below is answered with a body that fits its schema.
func TestOpenAPIMatchesHandlers(t *testing.T) {
	s, _ := newTestServer(t, nil)
	d := loadOpenAPI(t)
	require.True(t, strings.HasPrefix(d["openapi"].(string), "3."))
	var documented, served []string
	for p, ops := range d["paths"].(map[string]any) {
		for m := range ops.(map[string]any) {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	for _, r := range s.Routes() {
		served = append(served, r.Method+" "+r.Path)
	}
	sort.Strings(documented)
	sort.Strings(served)
	require.Equal(t, served, documented)
}

// apiCase is one request and the status and error code it must get.
type apiCase struct {
	name, method, path, body string
	status                   int
	code                     string // error code, for errors
	check                    func(t *testing.T, body map[string]any)
}

func TestAPI(t *testing.T) {
	s, ts := newTestServer(t, nil)
	d := loadOpenAPI(t)
	eng := s.Engine()
	big := `{"question":"` + strings.Repeat("烧", 3000) + `"}`
	cases := []apiCase{
		{name: "decision as tonggao check --json", method: "POST", path: "/v1/decisions",
			body:   `{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50}}`,
			status: 200, check: func(t *testing.T, b map[string]any) {
				want, err := eng.Decide(engine.Query{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3), Facts: engine.Facts{"distance_to_forest_m": 50.0}})
				require.NoError(t, err)
				raw, _ := json.Marshal(want)
				var wantMap map[string]any
				require.NoError(t, json.Unmarshal(raw, &wantMap))
				require.Equal(t, wantMap, b)
				require.Equal(t, "forbidden", b["verdict"])
			}},
		{name: "decision with a range and a label", method: "POST", path: "/v1/decisions",
			body:   `{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":{"min":95,"max":105},"fire_zone":"一般森林防火区"}}`,
			status: 200, check: func(t *testing.T, b map[string]any) { require.Equal(t, "conditional", b["verdict"]) }},
		{name: "decision without a day is today in China", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂"}`,
			status: 200, check: func(t *testing.T, b map[string]any) { require.Equal(t, "2024-10-02", b["date"]) }},
		{name: "unknown activity", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田梗子","at":"2024-10-03"}`, status: 422, code: "unknown_activity"},
		{name: "contradictory facts", method: "POST", path: "/v1/decisions",
			body: `{"activity":"烧田埂","at":"2024-10-03","facts":{"in_forest_land":true,"distance_to_forest_m":200}}`, status: 422, code: "contradictory_facts"},
		{name: "missing activity", method: "POST", path: "/v1/decisions", body: `{"at":"2024-10-03"}`, status: 400, code: "missing_activity"},
		{name: "decision in a place", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50},"place":"白水镇"}`,
			status: 200, check: func(t *testing.T, b map[string]any) {
				require.Equal(t, "forbidden", b["verdict"])
				require.Equal(t, map[string]any{"code": "431181107", "name": "白水镇", "source": "query"}, b["place"])
			}},
		{name: "decision in a place no notice applies in", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50},"place":"110105"}`,
			status: 200, check: func(t *testing.T, b map[string]any) { require.Equal(t, "no_rule", b["verdict"]) }},
		{name: "unknown place", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂","place":"朝阳区"}`, status: 400, code: "bad_place"},
		{name: "ask in a place", method: "POST", path: "/v1/ask", body: `{"question":"今天能烧田埂吗","at":"2024-10-03","place":"110105"}`,
			status: 200, check: func(t *testing.T, b map[string]any) { require.Equal(t, "no_rule", b["verdict"]) }},
		{name: "bad date", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂","at":"2024-13-03"}`, status: 400, code: "bad_date"},
		{name: "unknown fact", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂","facts":{"distance":5}}`, status: 400, code: "bad_fact"},
		{name: "fact of the wrong type", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂","facts":{"in_forest_land":"maybe"}}`, status: 400, code: "bad_fact"},
		{name: "point without place layers", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂","at":"2024-10-03","point":{"lat":26.35,"lon":111.76,"crs":"wgs84"}}`, status: 422, code: "no_layers"},
		{name: "point without lon", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂","point":{"lat":26.5}}`, status: 400, code: "bad_point"},
		{name: "unknown field", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂","when":"today"}`, status: 400, code: "bad_json"},
		{name: "not JSON", method: "POST", path: "/v1/decisions", body: `activity=烧田埂`, status: 400, code: "bad_json"},
		{name: "two objects", method: "POST", path: "/v1/decisions", body: `{"activity":"烧田埂"}{}`, status: 400, code: "bad_json"},
		{name: "empty body", method: "POST", path: "/v1/ask", body: ``, status: 400, code: "bad_json"},
		{name: "body over the limit", method: "POST", path: "/v1/ask", body: big, status: 413, code: "body_too_large"},
		{name: "ask", method: "POST", path: "/v1/ask", body: `{"question":"我在白水镇，今天能烧秸秆吗","at":"2026-11-28"}`,
			status: 200, check: func(t *testing.T, b map[string]any) {
				require.Equal(t, "forbidden", b["verdict"])
				require.True(t, strings.HasPrefix(b["answer"].(string), "不可以"))
				require.Equal(t, "白水镇", b["query"].(map[string]any)["facts"].(map[string]any)["town"])
			}},
		{name: "ask, then the reply as a fact in one call", method: "POST", path: "/v1/ask",
			body:   `{"question":"10月3日烧田埂行不行","at":"2024-09-20","facts":{"distance_to_forest_m":100}}`,
			status: 200, check: func(t *testing.T, b map[string]any) {
				require.Equal(t, "forbidden", b["verdict"])
				require.Empty(t, b["follow_up"])
			}},
		{name: "ask in English", method: "POST", path: "/v1/ask", body: `{"question":"10月3日烧田埂行不行","at":"2024-09-20","lang":"en"}`,
			status: 200, check: func(t *testing.T, b map[string]any) {
				require.True(t, strings.HasPrefix(b["answer"].(string), "It depends:"))
				fu := b["follow_up"].([]any)[0].(map[string]any)
				require.Contains(t, fu["question"], "100 m")
			}},
		{name: "ask with the operator's corrections", method: "POST", path: "/v1/ask",
			body:   `{"question":"明天烧田埂可以吗","at":"2024-10-02","date":"2025-06-01","activity":"放鞭炮","facts":{"fireworks_ban_zone":false}}`,
			status: 200, check: func(t *testing.T, b map[string]any) {
				q := b["query"].(map[string]any)
				require.Equal(t, "fireworks", q["activity"])
				require.Equal(t, "2025-06-01", q["date"])
			}},
		{name: "ask with no activity", method: "POST", path: "/v1/ask", body: `{"question":"我想问问那个纸扎的要办证吗"}`, status: 200,
			check: func(t *testing.T, b map[string]any) {
				// the same answer as the CLI's: not understood, and what to ask
				require.Equal(t, "not_understood", b["verdict"])
				require.NotEmpty(t, b["ask"])
				require.NotEmpty(t, b["query"].(map[string]any)["not_understood"])
			}},
		{name: "ask with nothing", method: "POST", path: "/v1/ask", body: `{"question":"  "}`, status: 400, code: "missing_question"},
		{name: "ask in Klingon", method: "POST", path: "/v1/ask", body: `{"question":"烧田埂","lang":"tlh"}`, status: 400, code: "bad_lang"},
		{name: "document", method: "GET", path: "/v1/documents/" + url.PathEscape("祁政通〔2024〕7号") + "?at=2024-10-03",
			status: 200, check: func(t *testing.T, b map[string]any) {
				require.Equal(t, "in_force", b["status"])
				require.NotEmpty(t, b["notice"].(map[string]any)["articles"])
			}},
		// A notice printed without its date (title only) has no issue date
		// to give: the field is absent, never 0001-01-01.
		{name: "document with no printed date", method: "GET", path: "/v1/documents/" + url.PathEscape("祁政通〔2022〕1号") + "?at=2024-10-03",
			status: 200, check: func(t *testing.T, b map[string]any) {
				nt := b["notice"].(map[string]any)
				require.Equal(t, true, nt["title_only"])
				require.NotContains(t, nt, "issued")
				require.Equal(t, "2027-01-24", nt["valid_until"])
			}},
		{name: "document by another bracket style", method: "GET", path: "/v1/documents/" + url.PathEscape("祁政发(2019)23号") + "?at=2024-10-01",
			status: 200, check: func(t *testing.T, b map[string]any) { require.Equal(t, "expired", b["status"]) }},
		{name: "malformed number", method: "GET", path: "/v1/documents/" + url.PathEscape("祁政通七号"), status: 400, code: "bad_number"},
		// Notes are in the language asked, Chinese by default.
		{name: "document notes in Chinese", method: "GET", path: "/v1/documents/" + url.PathEscape("祁政通〔2025〕1号") + "?at=2025-10-01",
			status: 200, check: func(t *testing.T, b map[string]any) {
				require.Equal(t, []any{"登记簿中没有这个文件；它制定于祁政发〔2024〕4号所清理的时段之后。"}, b["notes"])
			}},
		{name: "document notes in English", method: "GET", path: "/v1/documents/" + url.PathEscape("祁政通〔2025〕1号") + "?at=2025-10-01&lang=en",
			status: 200, check: func(t *testing.T, b map[string]any) {
				require.Equal(t, []any{"Not in the register; made after the period covered by 祁政发〔2024〕4号."}, b["notes"])
			}},
		{name: "document notes in an unknown language", method: "GET", path: "/v1/documents/" + url.PathEscape("祁政通〔2025〕1号") + "?lang=fr",
			status: 400, code: "bad_lang"},
		// A well-formed number the register cannot place is answered as
		// tonggao doc answers it: status unknown, and why (#14 item 19).
		{name: "document the register cannot place", method: "GET", path: "/v1/documents/" + url.PathEscape("湘政发〔2024〕1号") + "?at=2024-10-03",
			status: 200, check: func(t *testing.T, b map[string]any) {
				require.Equal(t, "unknown", b["status"])
				require.NotEmpty(t, b["notes"], "the reason")
				require.Nil(t, b["notice"])
				eng, err := engine.Embedded()
				require.NoError(t, err)
				n, err := register.ParseNumber("湘政发〔2024〕1号")
				require.NoError(t, err)
				cat, err := hotline.EmbeddedCatalog()
				require.NoError(t, err)
				cli, err := json.Marshal(cat.Document(hotline.ZH, eng.Register().Status(n, calendar.MustDate(2024, 10, 3))))
				require.NoError(t, err)
				got, err := json.Marshal(b)
				require.NoError(t, err)
				require.JSONEq(t, string(cli), string(got), "the body is what tonggao doc --json prints")
			}},
		{name: "calendar day", method: "GET", path: "/v1/calendar/2024-10-03", status: 200, check: func(t *testing.T, b map[string]any) {
			require.Equal(t, "九月初一", b["lunar"].(map[string]any)["text"])
			var names []string
			for _, w := range b["windows"].([]any) {
				names = append(names, w.(map[string]any)["name"].(string))
			}
			require.Contains(t, names, "特别防护期：国庆假期")
		}},
		{name: "bad calendar day", method: "GET", path: "/v1/calendar/yesterday", status: 400, code: "bad_date"},
		{name: "activities", method: "GET", path: "/v1/activities", status: 200},
		{name: "facts", method: "GET", path: "/v1/facts", status: 200},
		{name: "healthz", method: "GET", path: "/healthz", status: 200},
		{name: "openapi", method: "GET", path: "/openapi.json", status: 200},
		{name: "unknown path", method: "GET", path: "/v2/nothing", status: 404, code: "not_found"},
		{name: "wrong method", method: "DELETE", path: "/v1/ask", status: 405, code: "method_not_allowed"},
		{name: "GET on a POST route", method: "GET", path: "/v1/decisions", status: 405, code: "method_not_allowed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
			require.NoError(t, err)
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			raw, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			require.Equal(t, tc.status, resp.StatusCode, string(raw))
			require.Contains(t, resp.Header.Get("Content-Type"), "application/json")
			require.NotEmpty(t, resp.Header.Get("X-Request-Id"))
			var body any
			require.NoError(t, json.Unmarshal(raw, &body))
			if tc.code != "" {
				require.Equal(t, tc.code, body.(map[string]any)["error"].(map[string]any)["code"])
				require.NoError(t, validate(d, map[string]any{"$ref": "#/components/schemas/Error"}, body, "error"))
			}
			// The body fits the schema the document gives for this status.
			if op, ok := d["paths"].(map[string]any)[routeOf(tc.path)].(map[string]any); ok {
				if o, ok := op[strings.ToLower(tc.method)].(map[string]any); ok {
					resp, ok := o["responses"].(map[string]any)[fmt.Sprint(tc.status)].(map[string]any)
					require.True(t, ok, "status %d is not documented for %s %s", tc.status, tc.method, routeOf(tc.path))
					if ref, isRef := resp["$ref"].(string); isRef {
						resp = d["components"].(map[string]any)["responses"].(map[string]any)[strings.TrimPrefix(ref, "#/components/responses/")].(map[string]any)
					}
					schema := resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
					require.NoError(t, validate(d, schema, body, "body"))
				}
			}
			if tc.check != nil {
				tc.check(t, body.(map[string]any))
			}
		})
	}
}

// routeOf maps a request path to its documented path template.
func routeOf(p string) string {
	p, _, _ = strings.Cut(p, "?")
	switch {
	case strings.HasPrefix(p, "/v1/documents/"):
		return "/v1/documents/{number}"
	case strings.HasPrefix(p, "/v1/calendar/"):
		return "/v1/calendar/{date}"
	}
	return p
}

func TestAccessLogAndRequestIDs(t *testing.T) {
	var logs bytes.Buffer
	_, ts := newTestServer(t, &logs)
	req, _ := http.NewRequest("GET", ts.URL+"/healthz", nil)
	req.Header.Set("X-Request-Id", "call-42")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, "call-42", resp.Header.Get("X-Request-Id"))
	// An id that could forge log lines is replaced.
	req, _ = http.NewRequest("GET", ts.URL+"/healthz", nil)
	req.Header.Set("X-Request-Id", "bad id; level=ERROR")
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	generated := resp.Header.Get("X-Request-Id")
	require.NotEqual(t, "bad id; level=ERROR", generated)
	require.Regexp(t, `^[0-9a-f]{8}-\d+$`, generated)

	var records []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var r map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &r))
		records = append(records, r)
	}
	require.Len(t, records, 2)
	require.Equal(t, "call-42", records[0]["request_id"])
	require.Equal(t, "GET", records[0]["method"])
	require.Equal(t, "/healthz", records[0]["path"])
	require.Equal(t, float64(200), records[0]["status"])
	require.Equal(t, generated, records[1]["request_id"])
}

func TestOperatorPageIsServed(t *testing.T) {
	_, ts := newTestServer(t, nil)
	for path, want := range map[string]string{"/": "通告热线", "/assets/app.js": "/v1/ask", "/assets/app.css": "verdict"} {
		resp, err := http.Get(ts.URL + path)
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.Equal(t, 200, resp.StatusCode, path)
		require.Contains(t, string(b), want, path)
	}
	// The page loads nothing from the internet.
	for _, f := range []string{"web/index.html", "web/app.js", "web/app.css"} {
		b, err := webFS.ReadFile(f)
		require.NoError(t, err)
		require.NotRegexp(t, `(?i)(src|href)=["']https?:`, string(b), f)
		require.NotContains(t, string(b), "@import", f)
	}
}

// TestOversizedBodyClosesConnection: a body over the limit is answered 413
// and the connection is closed after it, as net/http does for its own
// MaxBytesReader, so that a client cannot keep streaming the rest of it
// into the same connection.
func TestOversizedBodyClosesConnection(t *testing.T) {
	_, ts := newTestServer(t, nil)
	body := `{"question":"` + strings.Repeat("烧", 4096) + `"}`
	resp, err := http.Post(ts.URL+"/v1/ask", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	require.True(t, resp.Close, "the response must close the connection (Connection: close)")
}
