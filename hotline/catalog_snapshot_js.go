//go:build js

package hotline

// catalogYAML: the WebAssembly build embeds no catalog.yaml. It takes the
// catalogue from its snapshot (catalog_snapshot_gen.go) without hashing the
// YAML it was made from, as it does the rule base and the register
// (rules.trustLinkedSnapshot, register/load_js.go): the two are fixed when
// the module is linked, TestCatalogSnapshot holds the snapshot to
// catalog.yaml in CI, and wasm/smoke.sh runs it before building. The file
// was 38 KB of the module, read only to be hashed (docs/speed.md, session
// 37).
var catalogYAML []byte

// catalogFromSnapshot returns the linked snapshot's catalogue.
func catalogFromSnapshot([]byte) (*Catalog, bool) { return snapshotCatalog(), true }
