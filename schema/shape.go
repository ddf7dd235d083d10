package schema

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"strings"
)

// committed holds the generated schemas as committed beside this file.
//
//go:embed *.schema.json
var committed embed.FS

// Shape is what a schema says of a YAML value's layout, for tools that
// rewrite files (tonggao fmt): an object's keys in the order the Go type
// declares them, what each key, list item or map value holds. A nil
// *Shape is a value the schema says nothing about.
type Shape struct {
	Keys   []string          // an object's keys, in declared order
	Props  map[string]*Shape // what each key holds
	Items  *Shape            // a list's items
	Values *Shape            // a map's values (a mapping whose keys are names, not fields)
	IsMap  bool              // a mapping of names (facts: {…}), not an object of fields
}

// ShapeOf returns the shape of the files the schema named (notice.schema.json,
// …) checks, from the committed schema.
func ShapeOf(name string) (*Shape, error) {
	data, err := committed.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	var root node
	if err := json.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	return shapeOf(&root, root.Defs, map[string]*Shape{}), nil
}

func shapeOf(n *node, defs map[string]*node, seen map[string]*Shape) *Shape {
	if n == nil {
		return nil
	}
	if n.Ref != "" {
		d := defName(n.Ref)
		if s, ok := seen[d]; ok {
			return s
		}
		def, ok := defs[d]
		if !ok || def.Properties.m == nil && def.Type != "array" && def.Type != "object" {
			return nil // a scalar
		}
		s := &Shape{}
		seen[d] = s
		*s = *shapeOf(def, defs, seen)
		return s
	}
	switch {
	case n.Type == "array":
		return &Shape{Items: shapeOf(n.Items, defs, seen)}
	case n.Properties.m != nil:
		s := &Shape{Keys: n.Properties.keys, Props: map[string]*Shape{}}
		for _, k := range n.Properties.keys {
			s.Props[k] = shapeOf(n.Properties.m[k], defs, seen)
		}
		return s
	case n.Type == "object":
		s := &Shape{IsMap: true}
		if len(n.AdditionalProperties) > 0 && string(n.AdditionalProperties) != "false" && string(n.AdditionalProperties) != "true" {
			var v node
			if json.Unmarshal(n.AdditionalProperties, &v) == nil {
				s.Values = shapeOf(&v, defs, seen)
			}
		}
		return s
	}
	return &Shape{}
}

// KindOf names the schema that checks a rule-directory file, from its
// path: notices/NAME.cases.yaml, notices/NAME.yaml, vocabulary/*.yaml,
// facts.yaml, layers.yaml; "" for any other file.
func KindOf(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	base := path.Base(p)
	dir := path.Base(path.Dir(p))
	switch {
	case !strings.HasSuffix(base, ".yaml") && !strings.HasSuffix(base, ".yml"):
		return ""
	case strings.HasSuffix(base, ".cases.yaml"):
		return "cases.schema.json"
	case dir == "notices":
		return "notice.schema.json"
	case dir == "vocabulary":
		return "vocabulary.schema.json"
	case base == "facts.yaml":
		return "facts.schema.json"
	case base == "layers.yaml":
		return "layers.schema.json"
	}
	return ""
}
