package facade

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/patrol"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

type response struct {
	OK     bool            `json:"ok"`
	Result json.RawMessage `json:"result"`
	Error  string          `json:"error"`
	Bundle string          `json:"bundle"`
}

func call(t *testing.T, out string) response {
	t.Helper()
	var r response
	require.NoError(t, json.Unmarshal([]byte(out), &r), out)
	return r
}

func TestCalls(t *testing.T) {
	layers, err := place.LoadDir("../../place/testdata/synthetic")
	require.NoError(t, err)
	b, err := patrol.EmbeddedBundle(layers)
	require.NoError(t, err)
	f, err := New(b, func() time.Time { return time.Date(2024, 10, 2, 20, 0, 0, 0, time.UTC) }) // 2024-10-03 in China
	require.NoError(t, err)
	tests := []struct {
		name   string
		call   func(string) string
		req    string
		ok     bool
		result []string // substrings of the result JSON, or of the error
	}{
		{"check", f.Check, `{"activity":"烧田埂","date":"2024-10-03","facts":{"distance_to_forest_m":50}}`, true, []string{`"verdict":"forbidden"`, `"article":"三"`}},
		{"check defaults to today in China", f.Check, `{"activity":"烧田埂","facts":{"distance_to_forest_m":50}}`, true, []string{`"date":"2024-10-03"`}},
		{"check with an RFC 3339 time", f.Check, `{"activity":"烧田埂","date":"2024-08-31T17:00:00Z","facts":{"distance_to_forest_m":50,"fire_zone":"general"}}`, true, []string{`"date":"2024-09-01"`, `"verdict":"forbidden"`}},
		{"check with a point", f.Check, `{"activity":"野炊","date":"2025-07-10","point":{"lat":26.3534128,"lon":111.7616375,"crs":"wgs84"}}`, true, []string{`"verdict":"forbidden"`, "synthetic"}},
		{"check in a place", f.Check, `{"activity":"烧田埂","date":"2024-10-03","facts":{"distance_to_forest_m":50},"place":"110105"}`, true, []string{`"verdict":"no_rule"`, `"outside_places"`}},
		{"check with a point's township", f.Check, `{"activity":"野炊","date":"2025-07-10","point":{"lat":26.3534128,"lon":111.7616375,"crs":"wgs84"}}`, true, []string{`"place":{"code":"431181108","name":"进宝塘镇"`}},
		{"check with a range", f.Check, `{"activity":"野炊","date":"2024-11-11","facts":{"distance_to_forest_m":{"min":90,"max":110}}}`, true, []string{`"verdict":"conditional"`}},
		{"here", f.Here, `{"date":"2025-07-10","facts":{"in_forest_land":true,"fire_zone":"key"}}`, true, []string{"祁政通〔2024〕7号", "各村（社区）", `"bundle":"embedded-`}},
		{"ask without an Asker", f.Ask, `{"question":"国庆节在林地边50米烧田埂可以吗？","today":"2024-09-20"}`, false, []string{"decides only", "./wasm"}},
		{"not JSON", f.Check, `{`, false, []string{"request"}},
		{"unknown field", f.Check, `{"activity":"烧田埂","when":"now"}`, false, []string{"when"}},
		{"no activity", f.Check, `{}`, false, []string{"activity is required"}},
		{"unknown activity", f.Check, `{"activity":"烧田梗"}`, false, []string{"烧田埂"}},
		{"bad date", f.Here, `{"date":"2024-02-30"}`, false, []string{"date"}},
		{"bad fact", f.Here, `{"facts":{"distance":5}}`, false, []string{"distance"}},
		{"point without crs", f.Here, `{"point":{"lat":26.35,"lon":111.76}}`, false, []string{"coordinate system"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(t, tt.call(tt.req))
			require.Equal(t, tt.ok, r.OK, "%s %s", r.Error, r.Result)
			text := r.Error
			if tt.ok {
				text = string(r.Result)
			}
			for _, s := range tt.result {
				require.Contains(t, text, s)
			}
		})
	}
}

func TestLoadBundle(t *testing.T) {
	f, err := Embedded()
	require.NoError(t, err)
	src := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(rules.EmbeddedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rules.EmbeddedFS(), p)
		src["rules/"+p] = &fstest.MapFile{Data: data}
		return err
	}))
	var zip bytes.Buffer
	require.NoError(t, patrol.WriteBundleZip(&zip, src, "2025.1"))
	enc := base64.StdEncoding.EncodeToString(zip.Bytes())

	nf, out := f.LoadBundle(enc, "")
	require.NotNil(t, nf, out)
	require.True(t, call(t, out).OK)
	require.Contains(t, nf.Version(), `"bundle":"2025.1"`)
	require.Contains(t, nf.Check(`{"activity":"烧田埂","date":"2024-10-03","facts":{"distance_to_forest_m":50}}`), `"bundle":"2025.1"`)

	for _, bad := range []struct{ data, sum string }{
		{"!!!", ""},
		{base64.StdEncoding.EncodeToString([]byte("not a zip")), ""},
		{enc, "00"},
	} {
		nf, out := f.LoadBundle(bad.data, bad.sum)
		require.Nil(t, nf)
		require.False(t, call(t, out).OK)
	}
	_, err = New(nil, nil)
	require.Error(t, err)
}

// TestRespondAsEncodingJSON: a check's reply, written by hand
// (appendDecision), is byte for byte what encoding/json makes of it, for
// every activity of the embedded rule base on days across its notices,
// without facts, with facts, at points of the synthetic layers (whose
// decisions may be merged from several parts) and in a named place.
func TestRespondAsEncodingJSON(t *testing.T) {
	layers, err := place.LoadDir("../../place/testdata/synthetic")
	require.NoError(t, err)
	b, err := patrol.EmbeddedBundle(layers)
	require.NoError(t, err)
	f, err := New(b, nil)
	require.NoError(t, err)
	days := []string{"2024-01-01", "2024-02-10", "2024-04-04", "2024-10-03", "2024-11-11", "2025-02-01", "2025-07-10", "2025-10-01T21:30:00+08:00"}
	facts := []engine.Facts{nil, {"distance_to_forest_m": 50.0}, {"in_forest_land": true, "fire_zone": "key"}, {"distance_to_forest_m": engine.Range{Lo: 90, Hi: 110}}}
	points := []*place.Point{nil, {Lat: 26.3534128, Lon: 111.7616375, CRS: place.WGS84}}
	n := 0
	for _, a := range b.Engine.Rules().Activities {
		for _, day := range days {
			m, err := calendar.ParseMoment(day)
			require.NoError(t, err)
			for _, fs := range facts {
				for _, pt := range points {
					for _, where := range []string{"", "431181107"} {
						if pt != nil && (where != "" || fs != nil) {
							continue // a point with the layers' own facts only
						}
						q := engine.Query{Activity: a.Name, Facts: fs, Point: pt, Place: where}
						q.SetMoment(m)
						d, err := b.Decide(q)
						if err != nil {
							continue // a fact the activity's rules refuse: not a reply of appendDecision's
						}
						want, err := json.Marshal(reply{OK: true, Result: d, Bundle: b.Version})
						require.NoError(t, err)
						require.Equal(t, string(want), f.respond(d, nil), "%s %s %v %v %q", a.Name, day, fs, pt, where)
						n++
					}
				}
			}
		}
	}
	require.Greater(t, n, 1000)
	// A reply without a bundle version leaves "bundle" out, as omitempty does.
	b2 := *b
	b2.Version = ""
	f2, err := New(&b2, nil)
	require.NoError(t, err)
	d, err := b2.Decide(engine.Query{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3)})
	require.NoError(t, err)
	want, err := json.Marshal(reply{OK: true, Result: d})
	require.NoError(t, err)
	require.Equal(t, string(want), f2.respond(d, nil))
}
