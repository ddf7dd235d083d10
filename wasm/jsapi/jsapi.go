//go:build js && wasm

// Package jsapi sets globalThis.tonggao to a facade's calls, for the two
// WebAssembly modules (./wasm with the hotline, ./wasm/decide without):
// each method takes and returns a JSON string (package facade).
package jsapi

import (
	"syscall/js"

	"github.com/tonggao/tonggao/wasm/facade"
)

// Serve builds the facade with build, sets globalThis.tonggao (or
// globalThis.tonggaoError, and panics, if build fails), calls
// globalThis.onTonggaoReady() if it is defined, and serves calls until the
// page goes away.
func Serve(build func() (*facade.Facade, error)) {
	f, err := build()
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
