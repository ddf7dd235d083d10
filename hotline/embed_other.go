//go:build !js

package hotline

import _ "embed"

//go:generate env UPDATE_SNAPSHOT=1 go test -run ^TestWasmFiles$ .

// The hotline's own YAML as written. (The WebAssembly build embeds the same
// files without their comments: embed_js.go.)
var (
	//go:embed mandarin.yaml
	mandarinYAML []byte
	//go:embed feasts.yaml
	feastsYAML []byte
	//go:embed texts.yaml
	textsYAML []byte
)
