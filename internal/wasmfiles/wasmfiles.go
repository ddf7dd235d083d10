// Package wasmfiles holds the YAML files the WebAssembly module with the
// hotline (./wasm) parses in the browser, without their comments: the rule
// base's vocabulary/ and texts/ (rules/embed_js.go) and the hotline's
// mandarin.yaml, feasts.yaml and texts.yaml (hotline/embed_js.go). Every
// other build embeds the files as written.
//
// The files here are generated — go generate ./rules and go generate
// ./hotline write them (internal/yamlstrip), and TestWasmFiles in each of
// those packages fails while one is stale — and are never edited by hand.
// A comment is blanked, not removed: each line and every token's column
// stay where they are in the file as written, so an error the YAML parser
// gives in the browser names the written file's line. Their comments were
// about 190 KB of the module (docs/speed.md, session 37).
package wasmfiles

import "embed"

// Rules is the rule base's vocabulary/*.yaml and texts/*.yaml, at the
// paths they have in rules/.
//
//go:embed vocabulary/*.yaml texts/*.yaml
var Rules embed.FS

// The hotline's own files.
var (
	//go:embed hotline/mandarin.yaml
	Mandarin []byte
	//go:embed hotline/feasts.yaml
	Feasts []byte
	//go:embed hotline/texts.yaml
	Texts []byte
)
