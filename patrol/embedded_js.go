//go:build js

package patrol

// embeddedPlaceFacts: the WebAssembly build links no YAML parser and takes
// the facts of the embedded rules' layers.yaml from placefacts_gen.go,
// which TestEmbeddedPlaceFacts holds to the file in CI (wasm/smoke.sh runs
// it before building).
func embeddedPlaceFacts() func() ([]string, error) { return known(linkedPlaceFacts) }
