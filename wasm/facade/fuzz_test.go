package facade

import (
	"encoding/json"
	"testing"
)

// Whatever a page sends, every call answers with one JSON object saying ok
// or giving an error: nothing panics (a panic would kill the module).
func FuzzCalls(f *testing.F) {
	fc, err := Embedded()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(`{"activity":"烧田埂","date":"2024-10-03","facts":{"distance_to_forest_m":50}}`)
	f.Add(`{"activity":"野炊","date":"2024-08-31T17:00:00Z","facts":{"distance_to_forest_m":{"min":-5,"max":1e308}}}`)
	f.Add(`{"date":"2025-07-10","facts":{"in_forest_land":true,"fire_zone":"重点森林防火区"}}`)
	f.Add(`{"point":{"lat":1e9,"lon":-1e9,"crs":"bd09"}}`)
	f.Add(`{"question":"明天烧田埂可以吗","today":"2024-10-02"}`)
	f.Fuzz(func(t *testing.T, req string) {
		for _, call := range []func(string) string{fc.Check, fc.Here, fc.Ask} {
			var r struct {
				OK    *bool  `json:"ok"`
				Error string `json:"error"`
			}
			out := call(req)
			if err := json.Unmarshal([]byte(out), &r); err != nil || r.OK == nil {
				t.Fatalf("reply is not {ok,…}: %q (%v)", out, err)
			}
			if !*r.OK && r.Error == "" {
				t.Fatalf("failure without an error: %q", out)
			}
		}
	})
}
