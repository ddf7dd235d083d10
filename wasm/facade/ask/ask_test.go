package ask_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/patrol"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/wasm/facade"
	"github.com/tonggao/tonggao/wasm/facade/ask"
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

func TestAsk(t *testing.T) {
	b, err := patrol.EmbeddedBundle(nil)
	require.NoError(t, err)
	f, err := facade.New(b, func() time.Time { return time.Date(2024, 10, 2, 20, 0, 0, 0, time.UTC) }, ask.Hotline())
	require.NoError(t, err)
	tests := []struct {
		name   string
		req    string
		ok     bool
		result []string // substrings of the result JSON, or of the error
	}{
		{"ask", `{"question":"国庆节在林地边50米烧田埂可以吗？","today":"2024-09-20"}`, true, []string{`"verdict":"forbidden"`}},
		{"ask in English", `{"question":"国庆节在林地边50米烧田埂可以吗？","today":"2024-09-20","lang":"en"}`, true, []string{`"lang":"en"`}},
		{"ask defaults to today in China", `{"question":"今天烧田埂可以吗？","facts":{"distance_to_forest_m":50}}`, true, []string{"2024-10-03"}},
		{"ask with a bad day", `{"question":"烧田埂","today":"someday"}`, false, []string{"today"}},
		{"ask with a bad language", `{"question":"烧田埂","lang":"fr"}`, false, []string{"language"}},
		{"ask with a bad fact", `{"question":"烧田埂","facts":{"distance":5}}`, false, []string{"distance"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(t, f.Ask(tt.req))
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

// A facade on a loaded bundle keeps the hotline, asking with the new
// bundle's rules.
func TestAskAfterLoadBundle(t *testing.T) {
	f, err := facade.Embedded(ask.Hotline())
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
	nf, out := f.LoadBundle(base64.StdEncoding.EncodeToString(zip.Bytes()), "")
	require.NotNil(t, nf, out)
	r := call(t, nf.Ask(`{"question":"国庆节在林地边50米烧田埂可以吗？","today":"2024-09-20"}`))
	require.True(t, r.OK, r.Error)
	require.Equal(t, "2025.1", r.Bundle)
	require.Contains(t, string(r.Result), `"verdict":"forbidden"`)
}
