//go:build js && wasm

// Command wasm is the rule base as a WebAssembly module for a browser or a
// phone's WebView, with no server, hotline included: GOOS=js GOARCH=wasm
// go build -o tonggao.wasm ./wasm, then load it with Go's wasm_exec.js. It
// sets globalThis.tonggao to an object whose methods each take and return
// a JSON string (see package facade):
//
//	tonggao.check('{"activity":"烧田埂","date":"2024-10-03","facts":{"distance_to_forest_m":50}}')
//	tonggao.here('{"date":"2025-07-10","facts":{"in_forest_land":true,"fire_zone":"key"}}')
//	tonggao.ask('{"question":"明天在山边烧田埂可以吗？","today":"2024-10-02"}')
//	tonggao.loadBundle(base64Zip, sha256Hex)  // switch to a verified offline bundle
//	tonggao.version()
//
// and calls globalThis.onTonggaoReady() if it is defined. ./wasm/decide is
// the same without ask: a smaller module that starts sooner, for an app
// that loads this one only when a question in words comes (docs/patrol.md).
package main

import (
	"github.com/tonggao/tonggao/wasm/facade"
	"github.com/tonggao/tonggao/wasm/facade/ask"
	"github.com/tonggao/tonggao/wasm/jsapi"
)

func main() {
	jsapi.Serve(func() (*facade.Facade, error) { return facade.Embedded(ask.Hotline()) })
}
