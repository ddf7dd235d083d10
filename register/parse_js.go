//go:build js

package register

import "errors"

// Parse: the WebAssembly build links no YAML parser; a bundle's register
// comes decoded in its snapshot (package bundle), read with UnmarshalJSON.
func Parse(name string, _ []byte) (*Register, error) {
	return nil, errors.New(name + ": this build has no YAML parser and reads a register from a bundle's snapshot only: rebuild the bundle with tonggao bundle build")
}
