//go:build !js

package place

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// decodeManifest reads layers.yaml as written; ParseManifest checks it.
// The WebAssembly build has no YAML parser (manifest_js.go).
func decodeManifest(data []byte, file string) (manifestSpec, error) {
	// YAML anchors, aliases and merge keys can make a small file expand
	// without bound; a manifest has no use for them.
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return manifestSpec{}, fmt.Errorf("%s: %s", file, strings.TrimSpace(yaml.FormatError(err, false, false)))
	}
	var refuse error
	for _, doc := range f.Docs {
		ast.Walk(visitor(func(n ast.Node) bool {
			switch n.(type) {
			case *ast.AnchorNode, *ast.AliasNode, *ast.MergeKeyNode:
				if refuse == nil {
					refuse = fmt.Errorf("%s:%d: anchors, aliases and merge keys are not allowed in a layer manifest", file, lineOf(n))
				}
				return false
			}
			return true
		}), doc)
	}
	if refuse != nil {
		return manifestSpec{}, refuse
	}
	var spec manifestSpec
	if err := yaml.UnmarshalWithOptions(data, &spec, yaml.DisallowUnknownField()); err != nil {
		return manifestSpec{}, fmt.Errorf("%s: %s", file, strings.TrimSpace(yaml.FormatError(err, false, false)))
	}
	return spec, nil
}

func (l *layerYAML) UnmarshalYAML(n ast.Node) error {
	type plain layerYAML
	l.Line = lineOf(n)
	return yaml.NodeToValue(n, (*plain)(l), yaml.DisallowUnknownField())
}

func (y *yieldYAML) UnmarshalYAML(n ast.Node) error {
	type plain yieldYAML
	y.Line = lineOf(n)
	return yaml.NodeToValue(n, (*plain)(y), yaml.DisallowUnknownField())
}

func lineOf(n ast.Node) int {
	if t := n.GetToken(); t != nil && t.Position != nil {
		return t.Position.Line
	}
	return 0
}

type visitor func(ast.Node) bool

func (v visitor) Visit(n ast.Node) ast.Visitor {
	if v(n) {
		return v
	}
	return nil
}
