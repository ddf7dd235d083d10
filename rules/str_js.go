//go:build js

package rules

// UnmarshalYAML reads a scalar into a Str in the WebAssembly build, whose
// rules package links no YAML parser (format_yaml.go is left out), for a
// package that decodes its own YAML with Str fields — the hotline's
// vocabulary, in the module built from ./wasm. The decoder calls it with a
// function that decodes the scalar into a Go value; the text is taken as
// that decoding gives it, and Pos is left zero: an error about such a value
// names its file without a line (every other build gives the line).
func (s *Str) UnmarshalYAML(unmarshal func(any) error) error {
	*s = Str{}
	return unmarshal(&s.Value)
}
