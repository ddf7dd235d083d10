//go:build js && wasm

// Command wasm is the rule base as a WebAssembly module for a browser or a
// phone's WebView, with no server: GOOS=js GOARCH=wasm go build -o
// tonggao.wasm ./wasm, then load it with Go's wasm_exec.js. It sets
// globalThis.tonggao to an object whose methods each take and return a JSON
// string (see package facade):
//
//	tonggao.check('{"activity":"烧田埂","date":"2024-10-03","facts":{"distance_to_forest_m":50}}')
//	tonggao.here('{"date":"2025-07-10","facts":{"in_forest_land":true,"fire_zone":"key"}}')
//	tonggao.ask('{"question":"明天在山边烧田埂可以吗？","today":"2024-10-02"}')
//	tonggao.loadBundle(base64Zip, sha256Hex)  // switch to a verified offline bundle
//	tonggao.version()
//
// and calls globalThis.onTonggaoReady() if it is defined.
package main

import (
	"syscall/js"

	"github.com/tonggao/tonggao/wasm/facade"
)

func main() {
	f, err := facade.Embedded()
	if err != nil {
		js.Global().Set("tonggaoError", err.Error())
		panic(err)
	}
	// current is the facade in use; loadBundle replaces it only with a
	// bundle that validated, so a bad download leaves the old one working.
	// JavaScript calls into Go one at a time, so no lock is needed.
	current := f
	str := func(args []js.Value, i int) string {
		if i < len(args) && args[i].Type() == js.TypeString {
			return args[i].String()
		}
		return ""
	}
	method := func(fn func(args []js.Value) string) js.Func {
		return js.FuncOf(func(_ js.Value, args []js.Value) any { return fn(args) })
	}
	api := js.Global().Get("Object").New()
	api.Set("check", method(func(a []js.Value) string { return current.Check(str(a, 0)) }))
	api.Set("here", method(func(a []js.Value) string { return current.Here(str(a, 0)) }))
	api.Set("ask", method(func(a []js.Value) string { return current.Ask(str(a, 0)) }))
	api.Set("version", method(func([]js.Value) string { return current.Version() }))
	api.Set("loadBundle", method(func(a []js.Value) string {
		nf, reply := current.LoadBundle(str(a, 0), str(a, 1))
		if nf != nil {
			current = nf
		}
		return reply
	}))
	js.Global().Set("tonggao", api)
	if ready := js.Global().Get("onTonggaoReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // serve calls until the page goes away
}
