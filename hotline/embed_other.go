//go:build !js

package hotline

import _ "embed"

//go:generate env UPDATE_SNAPSHOT=1 go test -run ^TestWasmFiles$ .

// The hotline's own YAML as written. (The WebAssembly build embeds the first three
// without their comments, and no catalog.yaml: embed_js.go.)
var (
	//go:embed mandarin.yaml
	mandarinYAML []byte
	//go:embed feasts.yaml
	feastsYAML []byte
	//go:embed texts.yaml
	textsYAML []byte
	//go:embed catalog.yaml
	catalogYAML []byte
)
