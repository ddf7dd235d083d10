package server

import (
	"testing"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/stretchr/testify/require"
)

// fastDecodeSeeds are request bodies the fast decoder takes (true) or
// leaves to the general one (false).
var fastDecodeSeeds = []struct {
	body string
	fast bool
}{
	{`{"activity":"烧田埂","at":"2024-10-03","facts":{"distance_to_forest_m":50}}`, true},
	{` { "activity" : "烧田埂" , "at":"2024-10-03T23:00+08:00", "facts" : { "in_forest_land" : true, "town":"浯溪街道", "x": -0.5e-3 } } ` + "\n", true},
	{`{"activity":"烧田埂","point":{"lat":26.58,"lon":111.86,"crs":"gcj02"},"accuracy_m":50,"place":"431181"}`, true},
	{`{"activity":"烧田埂","facts":{}}`, true},
	{`{}`, true},
	{`{"activity":"烧田埂","point":{}}`, true},
	{`{"activity":"烧田埂","facts":{"a":false,"b":0,"c":-0,"d":1E+2,"e":"\u00e9"}}`, false}, // an escape
	{`{"activity":"烧\"田埂"}`, false},
	{`{"activity":null}`, false},
	{`{"activity":"烧田埂","facts":{"distance_to_forest_m":{"min":95,"max":105}}}`, false},
	{`{"activity":"烧田埂","facts":{"x":[]}}`, false},
	{`{"activity":"烧田埂","facts":{"a":1,"a":2}}`, false},
	{`{"activity":"烧田埂","activity":"烧田埂"}`, false},
	{`{"Activity":"烧田埂"}`, false},
	{`{"activity":"烧田埂","when":"today"}`, false},
	{`{"activity":"烧田埂"}{}`, false},
	{`{"activity":"烧田埂",}`, false},
	{`{"activity":"\xff\xfe"}`, false},
	{`{"activity":"烧田埂","point":{"lat":1e999,"lon":-1e999}}`, false},
	{`{"activity":"烧田埂","accuracy_m":01}`, false},
	{`{"activity":"烧田埂","accuracy_m":1.}`, false},
	{`{"activity":"烧田埂","accuracy_m":.5}`, false},
	{`{"activity":"烧田埂","accuracy_m":true}`, false},
	{`{"activity":"烧田埂","facts":{"a":tru}}`, false},
	{`{"activity":"烧田埂","facts":{"a":truex}}`, false},
	{"{\"activity\":\"烧\t田埂\"}", false},
	{`[]`, false},
	{`{"activity":"烧田埂"`, false},
}

// TestFastDecodeTakesTheCommonShape: the fast decoder takes the shape
// clients send (else it would silently never run) and gives what the
// general decoder gives; what it leaves, the general decoder decides.
func TestFastDecodeTakesTheCommonShape(t *testing.T) {
	for _, tc := range fastDecodeSeeds {
		t.Run(tc.body, func(t *testing.T) {
			var got DecisionRequest
			require.Equal(t, tc.fast, got.decodeFast([]byte(tc.body)))
			if tc.fast {
				checkFastDecode(t, []byte(tc.body))
			}
		})
	}
}

// checkFastDecode requires that the general decoder accept what the fast
// one accepted, with the same value.
func checkFastDecode(t *testing.T, body []byte) {
	var fast DecisionRequest
	if !fast.decodeFast(body) {
		return
	}
	var want DecisionRequest
	require.NoError(t, jsonv2.Unmarshal(body, &want, decodeOptions), "the fast decoder took %q", body)
	require.Equal(t, want, fast)
}

func FuzzFastDecode(f *testing.F) {
	for _, tc := range fastDecodeSeeds {
		f.Add([]byte(tc.body))
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkFastDecode(t, body) })
}
