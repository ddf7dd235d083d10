//go:build js

package rules

import "errors"

// errNoYAML is what the WebAssembly build says of a rule file it would
// have to parse: it links no YAML parser (docs/speed.md), so it reads
// rules from a snapshot only — the embedded one, or a bundle's
// snapshot.json (package bundle) — and a file the snapshot does not hold
// is refused, never guessed at.
var errNoYAML = errors.New("this build reads rule files from a snapshot only and has no YAML parser: rebuild the bundle with tonggao bundle build, which writes the snapshot")

func decodeYAML([]byte, any, Limits) error { return errNoYAML }

func yamlError(file string, err error) *Error { return &Error{File: file, Msg: err.Error()} }
