package safeyaml

import (
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// anchor is a resolved anchored value and its size in nodes.
type anchor struct {
	node ast.Node
	size int
	done bool
}

// resolver replaces every alias by its anchor's value and every anchor by
// its value, counting the nodes of the result.
type resolver struct {
	anchors map[string]*anchor
	nodes   int
	max     int
}

func (r *resolver) count(n ast.Node, k int) error {
	r.nodes += k
	if r.nodes > r.max {
		return errorAt(n.GetToken(), "more than %d values with aliases expanded", r.max)
	}
	return nil
}

// node resolves n and returns the node to use in its place.
func (r *resolver) node(n ast.Node) (ast.Node, error) {
	if n == nil {
		return nil, nil
	}
	switch v := n.(type) {
	case *ast.AnchorNode:
		name := v.Name.GetToken().Value
		a := &anchor{}
		r.anchors[name] = a // redefining an anchor is allowed: later aliases see the new one
		before := r.nodes
		val, err := r.node(v.Value)
		if err != nil {
			return nil, err
		}
		if val == nil {
			val = nullAt(v)
		}
		a.node, a.size, a.done = val, r.nodes-before, true
		return val, nil
	case *ast.AliasNode:
		name := v.Value.GetToken().Value
		a, ok := r.anchors[name]
		switch {
		case !ok:
			return nil, errorAt(v.GetToken(), "alias *%s has no anchor &%s before it", name, name)
		case !a.done:
			return nil, errorAt(v.GetToken(), "alias *%s is inside its own anchor", name)
		}
		if err := r.count(v, a.size); err != nil {
			return nil, err
		}
		return a.node, nil
	case *ast.TagNode:
		return nil, tagError(v.Start)
	case *ast.MappingNode:
		if err := r.count(v, 1); err != nil {
			return nil, err
		}
		for _, mv := range v.Values {
			if err := r.mappingValue(mv); err != nil {
				return nil, err
			}
		}
		return v, nil
	case *ast.MappingValueNode:
		// A mapping of one key.
		if err := r.count(v, 1); err != nil {
			return nil, err
		}
		return v, r.mappingValue(v)
	case *ast.SequenceNode:
		if err := r.count(v, 1); err != nil {
			return nil, err
		}
		for i, x := range v.Values {
			val, err := r.node(x)
			if err != nil {
				return nil, err
			}
			v.Values[i] = val
			if i < len(v.Entries) && v.Entries[i] != nil {
				v.Entries[i].Value = val
			}
		}
		return v, nil
	}
	return n, r.count(n, 1)
}

func (r *resolver) mappingValue(mv *ast.MappingValueNode) error {
	switch k := mv.Key.(type) {
	case *ast.MergeKeyNode:
		return errorAt(k.GetToken(), "merge keys (<<) are not supported: write the keys out")
	case *ast.MappingKeyNode:
		return errorAt(k.GetToken(), "explicit keys (?) are not supported: write key: value")
	case *ast.AnchorNode, *ast.AliasNode, *ast.TagNode:
		return errorAt(k.GetToken(), "a key must be plain text, not %s", strings.ToLower(k.Type().String()))
	case ast.ScalarNode:
	default:
		return errorAt(mv.Key.GetToken(), "a key must be plain text, not %s", strings.ToLower(mv.Key.Type().String()))
	}
	if err := r.count(mv.Key, 1); err != nil {
		return err
	}
	val, err := r.node(mv.Value)
	if err != nil {
		return err
	}
	if val == nil {
		val = nullAt(mv)
	}
	mv.Value = val
	return nil
}

// nullAt is an explicit null where an anchor or a key has no value.
func nullAt(n ast.Node) ast.Node {
	tok := *n.GetToken()
	tok.Value, tok.Origin = "null", "null"
	return ast.Null(&tok)
}
