// Package safeyaml parses the YAML people write by hand — rule files, test
// cases, vocabulary — within limits, so that a small hostile file cannot
// take a loader down, and refuses the forms a hand-written file does not
// need rather than read them wrongly:
//
//   - a block mapping's keys are bounded (the parser's cost grows with
//     their square: 7 s for 20,000);
//   - nesting is bounded for every form — block sequences and mappings
//     (`- - - …`, indentation) as well as flow collections (`[[[…`) —
//     before the parser sees the file (goccy/go-yaml's parser takes 4 s on
//     block sequences 20,000 deep);
//   - aliases are expanded here, once, and the expanded document is bounded
//     in nodes (a "billion laughs" file is refused at the alias that goes
//     over);
//   - merge keys (`<<`) are refused: expanding them is exponential in the
//     decoder (a 684-byte file took 19 s), and a rule file loses nothing by
//     writing its keys out;
//   - tags (`!!str`, `!custom`) are refused: the decoder read `!!str x` as
//     the text "!!str";
//   - a second document (`---` after content) is refused instead of being
//     silently ignored.
//
// Block scalars (`|`, `>`, with chomping and indentation indicators),
// anchors and aliases, flow and block collections mixed, comments and a
// leading `---` or `%YAML` directive load as YAML says. Every refusal is an
// *Error with the line and column where the form is written.
package safeyaml

import (
	"fmt"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Limits bound one document. A zero field means its default.
type Limits struct {
	// MaxDepth bounds nesting: block and flow collections together.
	MaxDepth int
	// MaxNodes bounds the document's values with every alias expanded.
	MaxNodes int
	// MaxKeys bounds the keys of one block mapping.
	MaxKeys int
}

// Defaults: a notice file nests collections four or five deep, holds
// about 2,000 values and its largest mapping has a dozen keys.
const (
	DefaultMaxDepth = 64
	DefaultMaxNodes = 200_000
	DefaultMaxKeys  = 1_000
)

func (l Limits) withDefaults() Limits {
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxNodes <= 0 {
		l.MaxNodes = DefaultMaxNodes
	}
	if l.MaxKeys <= 0 {
		l.MaxKeys = DefaultMaxKeys
	}
	return l
}

// Error is a refused or malformed document, at a 1-based line and column
// (0 when unknown).
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return e.Msg
	case e.Col == 0:
		return fmt.Sprintf("%d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

func errorAt(tok *token.Token, format string, args ...any) *Error {
	e := &Error{Msg: fmt.Sprintf(format, args...)}
	if tok != nil && tok.Position != nil {
		e.Line, e.Col = tok.Position.Line, tok.Position.Column
	}
	return e
}

// Parse checks and parses one YAML document and returns its body with
// anchors and aliases resolved (nil for an empty document). A syntax error
// comes from the parser as a yaml.Error (it has its token); a refusal is an
// *Error.
func Parse(data []byte, lim Limits) (ast.Node, error) {
	lim = lim.withDefaults()
	tokens := lexer.Tokenize(string(data))
	if err := checkTokens(tokens, lim); err != nil {
		return nil, err
	}
	f, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil, err
	}
	var body ast.Node
	for _, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		if _, ok := doc.Body.(*ast.DirectiveNode); ok {
			continue // %YAML, %TAG: the parser makes a document of each
		}
		if body != nil {
			// checkTokens refuses a second document's header; this is
			// the backstop for any other way the parser finds one.
			return nil, errorAt(doc.Body.GetToken(), "a second YAML document: a file holds one")
		}
		body = doc.Body
	}
	if body == nil {
		return nil, nil
	}
	r := &resolver{anchors: map[string]*anchor{}, max: lim.MaxNodes}
	return r.node(body)
}

// Unmarshal parses data as Parse does and decodes it into v, refusing keys
// v does not have.
func Unmarshal(data []byte, v any, lim Limits) error {
	n, err := Parse(data, lim)
	if err != nil || n == nil {
		return err
	}
	return yaml.NodeToValue(n, v, yaml.DisallowUnknownField())
}

// tagError refuses a tag. A condition such as !has_permit is the usual
// way to write one by mistake: YAML reads a leading ! as a tag.
func tagError(tok *token.Token) *Error {
	tag := tok.Value
	if r := []rune(tag); len(r) > 40 {
		tag = string(r[:40]) + "…"
	}
	return errorAt(tok, "YAML tags (%s) are not supported: quote text that starts with ! (\"!…\")", tag)
}
