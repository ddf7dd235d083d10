//go:build js

package cond

// The WebAssembly build does not link expr (its parser, checker, compiler
// and VM were about a megabyte of the module and a share of its start):
// conditions are parsed by ParseSubset and checked by the compiler alone,
// which refuses everything expr's checker refuses
// (TestCompileParsedAgrees). Only an error's wording can differ from
// other builds'.
const exprLinked = false

// Parse parses a condition into the tree CompileParsed compiles (with
// ParseSubset in this build).
func Parse(src string) (*Tree, error) { return ParseSubset(src) }

func parse(src string, _ *Env) (*Tree, error) { return ParseSubset(src) }
