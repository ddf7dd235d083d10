//go:build js && wasm

// Command decide is the rule base as a WebAssembly module that decides
// only: globalThis.tonggao's check, here, loadBundle and version, as in
// ./wasm, with no hotline — ask replies that this module decides only. It
// links no segmenter, dictionary, vocabulary or regular expression, so it
// is smaller and starts sooner; an app loads ./wasm's module as well only
// when a question in words comes (docs/patrol.md).
//
//	GOOS=js GOARCH=wasm go build -tags decide -trimpath -ldflags='-s -w' -o tonggao-decide.wasm ./wasm/decide
package main

import (
	"github.com/tonggao/tonggao/wasm/facade"
	"github.com/tonggao/tonggao/wasm/jsapi"
)

func main() {
	jsapi.Serve(func() (*facade.Facade, error) { return facade.Embedded() })
}
