//go:build js && !decide

package rules

import "github.com/tonggao/tonggao/internal/wasmfiles"

// The WebAssembly module with the hotline (./wasm) embeds only the files
// it reads as files: the hotline's words (vocabulary/) and the notices'
// texts (texts/), which it parses in the browser. It never reads the
// rule files themselves — facts.yaml, divisions.csv, layers.yaml and
// notices/*.yaml, with the notices' test cases: the embedded rule base
// loads from the linked snapshot without their bytes (linkedSources,
// trustLinkedSnapshot), the register and the layers' facts from theirs
// (register/load_js.go, patrol/embedded_js.go), and case checks are left
// to where bundles are built. Linking their 293 KB was dead weight, a
// fifth of the module's headroom every session (docs/speed.md, session
// 37). Without them linkedFiles finds none, so a root other than the
// embedded one that holds the same bytes is matched to the snapshot by
// its SHA-256 (hashedSnapshot) — the same entry. The two directories come
// without their comments, every token at its written line and column
// (internal/wasmfiles, written by go generate ./rules, held to the files
// by TestWasmFiles).
var embedded = wasmfiles.Rules
