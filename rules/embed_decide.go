//go:build decide && !js

package rules

import "embed"

// The decide build (tags "decide") embeds only what the loader and the
// engine read. The hotline's words (vocabulary/) and the notices' texts
// (texts/) are read through Set.Roots by the hotline alone; leaving them
// out keeps the decide module within its size goal (docs/speed.md) as the
// words grow. (The WebAssembly decide module itself: embed_js.go.)
//
//go:embed facts.yaml divisions.csv layers.yaml notices/*.yaml
var embedded embed.FS
