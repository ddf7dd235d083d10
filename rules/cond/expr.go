//go:build !js

package cond

import (
	"errors"
	"fmt"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
)

// exprLinked: this build parses and type-checks conditions with expr.
const exprLinked = true

// Parse parses a condition with expr's parser into the tree
// CompileParsed compiles. It does not check names or types: Compile and
// CompileParsed do.
func Parse(src string) (*Tree, error) {
	tree, err := parser.Parse(src)
	if err != nil {
		return nil, exprError(err)
	}
	return convert(tree.Node), nil
}

// parse type-checks src over env's names with expr, then parses it.
func parse(src string, env *Env) (*Tree, error) {
	if err := env.typeCheck(src); err != nil {
		return nil, exprError(err)
	}
	return Parse(src)
}

// typeCheck type-checks src with expr: unknown names, a non-boolean
// result, comparing a string with a number. Its builtins (now(), len(),
// …) are all disabled: the clock is always the query's.
func (e *Env) typeCheck(src string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	c, _ := e.check.(*conf.Config)
	if c == nil {
		types := make(map[string]any, len(e.vars))
		for name, v := range e.vars {
			switch v.Kind {
			case Number:
				types[name] = float64(0)
			case Bool:
				types[name] = false
			case Enum:
				types[name] = ""
			}
		}
		// What expr.Compile does before it checks.
		c = conf.CreateNew()
		for _, op := range []expr.Option{expr.Env(types), expr.AsBool(), expr.DisableAllBuiltins(), expr.MaxNodes(MaxNodes)} {
			op(c)
		}
		for name := range c.Disabled {
			delete(c.Builtins, name)
		}
		c.Check()
		e.check = c
	}
	_, err := checker.ParseCheck(src, c)
	return err
}

func exprError(err error) error {
	var fe *file.Error
	if errors.As(err, &fe) {
		// Column counts runes from the start of the source, as the AST's
		// locations do: a condition written over several lines (a YAML
		// block scalar) is placed by the offset.
		col := fe.Column + 1
		if fe.Line > 1 {
			col = fe.From + 1
		}
		return &Error{Column: col, Msg: fe.Message}
	}
	return &Error{Column: 1, Msg: err.Error()}
}

// convert reduces expr's tree to a Tree.
func convert(n ast.Node) *Tree {
	t := &Tree{From: n.Location().From}
	switch n := n.(type) {
	case *ast.BoolNode:
		t.Kind, t.Bool = TreeBool, n.Value
	case *ast.IdentifierNode:
		t.Kind, t.Name = TreeIdent, n.Value
	case *ast.IntegerNode:
		t.Kind, t.Num = TreeNumber, float64(n.Value)
	case *ast.FloatNode:
		t.Kind, t.Num = TreeNumber, n.Value
	case *ast.StringNode:
		t.Kind, t.Name = TreeString, n.Value
	case *ast.ArrayNode:
		t.Kind = TreeArray
		for _, el := range n.Nodes {
			t.Args = append(t.Args, convert(el))
		}
	case *ast.UnaryNode:
		t.Kind, t.Op, t.Args = TreeUnary, n.Operator, []*Tree{convert(n.Node)}
	case *ast.BinaryNode:
		t.Kind, t.Op, t.Args = TreeBinary, n.Operator, []*Tree{convert(n.Left), convert(n.Right)}
	case *ast.CallNode, *ast.BuiltinNode:
		t.Name = "a function call"
	case *ast.MemberNode:
		t.Name = "member access"
	case *ast.ConditionalNode:
		t.Name = "a ?: conditional"
	default:
		t.Name = strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast.")
	}
	return t
}
