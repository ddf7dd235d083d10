package bundle

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDecodeStrict holds bundle.json and bundle.sig to the reading
// encoding/json alone would relax: each case here is accepted by
// json.Unmarshal with DisallowUnknownFields.
func TestDecodeStrict(t *testing.T) {
	const sum = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	for _, tc := range []struct {
		name, in, err string
	}{
		{"duplicate top-level key", `{"version":"1","version":"2","files":{}}`, `duplicate key "version"`},
		{"duplicate file", `{"version":"1","files":{"rules/a.yaml":"` + sum + `","rules/a.yaml":"` + sum + `"}}`, `duplicate key "rules/a.yaml"`},
		{"key in another case", `{"Version":"1","files":{}}`, `unknown key "Version"`},
		{"unknown key", `{"version":"1","files":{},"extra":1}`, `unknown key "extra"`},
		{"invalid UTF-8", "{\"version\":\"1\xff\",\"files\":{}}", "not valid UTF-8"},
		{"data after the object", `{"version":"1","files":{}} {}`, "data after the top-level value"},
		{"not an object", `["version"]`, "not a JSON object"},
		{"nested too deep", `{"version":"1","files":{},"roots":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`, "nested more than 16 deep"},
		{"wrong type", `{"version":1,"files":{}}`, "cannot unmarshal number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m Manifest
			require.ErrorContains(t, decodeStrict([]byte(tc.in), &m), tc.err)
		})
	}
	var m Manifest
	require.NoError(t, decodeStrict([]byte(`{"version":"1","roots":["rules"],"files":{"rules/a.yaml":"`+sum+`"}}`), &m))
	require.Equal(t, Manifest{Version: "1", Roots: []string{"rules"}, Files: map[string]string{"rules/a.yaml": sum}}, m)
	var s Signature
	require.NoError(t, decodeStrict([]byte(`{"alg":"ed25519","key_id":"k","signature":"c2ln"}`), &s))
	require.Equal(t, Signature{Alg: "ed25519", KeyID: "k", Signature: "c2ln"}, s)
	require.ErrorContains(t, decodeStrict([]byte(`{"alg":"ed25519","alg":"none"}`), &s), `duplicate key "alg"`)
}
