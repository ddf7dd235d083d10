//go:build js

package place

import "errors"

// decodeManifest: the WebAssembly build links no YAML parser; a bundle's
// layer manifests come decoded in its snapshot (package bundle), as
// Manifest's JSON form.
func decodeManifest(_ []byte, file string) (manifestSpec, error) {
	return manifestSpec{}, errors.New(file + ": this build has no YAML parser and reads layer manifests from a bundle's snapshot only: rebuild the bundle with tonggao bundle build")
}
