package schema

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"reflect"
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

// ShapeOfType returns the shape of a YAML file read into a value of Go
// type t, from t itself, for files no committed schema checks (the
// hotline's mandarin.yaml): a struct's keys are its fields' yaml names in
// declared order (a field named "-" is not read from the file), a map is
// a mapping of names, a slice or array a list. Inline fields are read as
// if declared in their place.
func ShapeOfType(t reflect.Type) *Shape {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		s := &Shape{Props: map[string]*Shape{}}
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "-" {
				continue
			}
			if strings.Contains(opts, "inline") {
				in := ShapeOfType(f.Type)
				s.Keys = append(s.Keys, in.Keys...)
				for k, v := range in.Props {
					s.Props[k] = v
				}
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			s.Keys = append(s.Keys, name)
			s.Props[name] = ShapeOfType(f.Type)
		}
		return s
	case reflect.Map:
		return &Shape{IsMap: true, Values: ShapeOfType(t.Elem())}
	case reflect.Slice, reflect.Array:
		return &Shape{Items: ShapeOfType(t.Elem())}
	}
	return nil
}
