//go:build js

package hotline

import "github.com/tonggao/tonggao/internal/wasmfiles"

// The WebAssembly module (./wasm) parses mandarin.yaml, feasts.yaml and
// texts.yaml in the browser, where no snapshot of them is linked: it embeds
// them without their comments, every token at its written line and column,
// so a parse error names the same place (internal/wasmfiles, written by go
// generate ./hotline and held to the files by TestWasmFiles). Their
// comments were 73 KB of the module.
var (
	mandarinYAML = wasmfiles.Mandarin
	feastsYAML   = wasmfiles.Feasts
	textsYAML    = wasmfiles.Texts
)
