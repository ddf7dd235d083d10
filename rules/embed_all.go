//go:build !decide && !js

package rules

import "embed"

// The encoded gazette ships inside the library so that it works with no
// set-up: facts.yaml and one file per notice, with their test cases, the
// hotline's words and the notices' texts. (The WebAssembly builds embed
// less: embed_js.go, embed_decide.go.)
//
//go:embed facts.yaml divisions.csv layers.yaml notices/*.yaml vocabulary/*.yaml texts/*.yaml
var embedded embed.FS
