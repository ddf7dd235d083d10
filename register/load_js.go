//go:build js

package register

import (
	"errors"
	"sync"
)

// loadEmbedded: the WebAssembly build links no YAML parser and takes the
// embedded register from its snapshot (snapshot_gen.go) without hashing
// register.yaml, as rules does with its own snapshot (trustLinkedSnapshot):
// both are fixed when the module is linked, TestSnapshot holds the one to
// the other in CI, and wasm/smoke.sh runs it before building.
var loadEmbedded = sync.OnceValues(func() (*Register, error) {
	r, err := linkedSnapshot()
	if err != nil {
		return nil, errors.Join(errors.New(embeddedName+": snapshot"), err)
	}
	return r, nil
})
