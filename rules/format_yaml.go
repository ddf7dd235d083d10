//go:build !js

package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/tonggao/tonggao/internal/safeyaml"
)

// The YAML reading of rule files: every build but the WebAssembly one,
// which reads rules from a snapshot only (yaml_js.go) and so links no YAML
// parser (docs/speed.md).

func decodeYAML(data []byte, v any, lim Limits) error {
	n, err := safeyaml.Parse(data, safeyaml.Limits{MaxDepth: lim.MaxDepth, MaxNodes: lim.MaxNodes, MaxKeys: lim.MaxKeys})
	if err != nil || n == nil {
		return err
	}
	return yaml.NodeToValue(n, v, yaml.DisallowUnknownField())
}

func yamlError(file string, err error) *Error {
	var se *safeyaml.Error
	if errors.As(err, &se) {
		return &Error{File: file, Pos: Pos{Line: se.Line, Col: se.Col}, Msg: se.Msg}
	}
	var ye yaml.Error
	if errors.As(err, &ye) {
		p := Pos{}
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			p = Pos{Line: tok.Position.Line, Col: tok.Position.Column}
		}
		return &Error{File: file, Pos: p, Msg: strings.TrimSpace(ye.GetMessage())}
	}
	return &Error{File: file, Msg: err.Error()}
}

func posOf(n ast.Node) Pos {
	if n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return Pos{}
	}
	p := n.GetToken().Position
	return Pos{Line: p.Line, Col: p.Column}
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (s *Str) UnmarshalYAML(n ast.Node) error {
	s.Pos = posOf(n)
	switch v := n.(type) {
	case *ast.StringNode:
		s.Value = v.Value
		s.Quoted = v.Token.Type == token.DoubleQuoteType || v.Token.Type == token.SingleQuoteType
	case *ast.NullNode:
		s.Value = ""
	case *ast.LiteralNode:
		// A block scalar (| or >): its text, folded and chomped as its
		// indicators say. It is a ScalarNode too, whose token is the "|".
		s.Value, s.Block = v.Value.Value, v.Start.Value[0]
		s.raw, s.rawLine = v.Value.GetToken().Origin, posOf(v).Line
		s.Pos = s.At(0)
	case ast.ScalarNode:
		// Numbers, booleans and timestamps are taken as written: document
		// numbers and dates are text to us, never YAML-typed values.
		s.Value = v.GetToken().Value
	default:
		return yamlErrorf(n, "want a single value, got %s", strings.ToLower(n.Type().String()))
	}
	return nil
}

// node errors carry their position through yaml's error interface.
type nodeError struct {
	tok *token.Token
	msg string
}

func (e *nodeError) Error() string                 { return e.msg }
func (e *nodeError) GetToken() *token.Token        { return e.tok }
func (e *nodeError) GetMessage() string            { return e.msg }
func (e *nodeError) FormatError(bool, bool) string { return e.msg }

func yamlErrorf(n ast.Node, format string, args ...any) error {
	return &nodeError{tok: n.GetToken(), msg: fmt.Sprintf(format, args...)}
}

// decodeStrict decodes a node into v, rejecting unknown keys.
func decodeStrict(n ast.Node, v any) error {
	return yaml.NodeToValue(n, v, yaml.DisallowUnknownField())
}

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (s *FactValuesSpec) UnmarshalYAML(n ast.Node) error {
	s.Pos = posOf(n)
	if _, null := n.(*ast.NullNode); null {
		return nil
	}
	m, ok := n.(ast.MapNode)
	if !ok {
		return yamlErrorf(n, "want a mapping of fact names to values, e.g. {designated_place: false}")
	}
	for it := m.MapRange(); it.Next(); {
		var k, v Str
		if err := k.UnmarshalYAML(it.Key()); err != nil {
			return err
		}
		if err := v.UnmarshalYAML(it.Value()); err != nil {
			return err
		}
		s.Names, s.Values = append(s.Names, k), append(s.Values, v)
	}
	return nil
}

// The list item types record their own position; the decoder calls these.

func (s *ContactSpec) UnmarshalYAML(n ast.Node) error {
	type plain ContactSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *PenaltySpec) UnmarshalYAML(n ast.Node) error {
	type plain PenaltySpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *AmountSpec) UnmarshalYAML(n ast.Node) error {
	type plain AmountSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *FineSpec) UnmarshalYAML(n ast.Node) error {
	type plain FineSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *InterpretationSpec) UnmarshalYAML(n ast.Node) error {
	type plain InterpretationSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *ActivitySpec) UnmarshalYAML(n ast.Node) error {
	type plain ActivitySpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *WindowSpec) UnmarshalYAML(n ast.Node) error {
	type plain WindowSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *ConditionSpec) UnmarshalYAML(n ast.Node) error {
	type plain ConditionSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *RuleSpec) UnmarshalYAML(n ast.Node) error {
	type plain RuleSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *TermSpec) UnmarshalYAML(n ast.Node) error {
	type plain TermSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *ExceptSpec) UnmarshalYAML(n ast.Node) error {
	type plain ExceptSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *DutySpec) UnmarshalYAML(n ast.Node) error {
	type plain DutySpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *FactSpec) UnmarshalYAML(n ast.Node) error {
	type plain FactSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (s *ImplicationSpec) UnmarshalYAML(n ast.Node) error {
	type plain ImplicationSpec
	s.Pos = posOf(n)
	return decodeStrict(n, (*plain)(s))
}

func (c *CaseSpec) UnmarshalYAML(n ast.Node) error {
	type plain CaseSpec
	c.Pos = posOf(n)
	return decodeStrict(n, (*plain)(c))
}
