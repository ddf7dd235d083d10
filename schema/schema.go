// Package schema generates the JSON Schemas of the files of a rule
// directory from the Go types that read them, so that an editor with the
// YAML language server completes and checks keys as the loader will:
//
//	notice.schema.json      notices/NAME.yaml        rules.FileSpec
//	cases.schema.json       notices/NAME.cases.yaml  rules.CaseFile
//	facts.schema.json       facts.yaml               rules.FactsFileSpec
//	layers.schema.json      layers.yaml              place.ManifestFileSpec
//	vocabulary.schema.json  vocabulary/*.yaml        vocab.FileSpec
//
// A shipped file names its schema on its first line:
//
//	# yaml-language-server: $schema=../../schema/notice.schema.json
//
// The schemas are generated (go generate ./schema) and committed; a test
// regenerates them and fails if they differ, another validates every
// shipped file against them. The loader stays the judge of meaning
// (unknown facts, windows, expressions): a schema checks shape only.
package schema

//go:generate go run ./gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/invopop/jsonschema"

	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

// File is one schema: the file name it is committed as, what it checks and
// the Go type it is generated from.
type File struct {
	Name  string // notice.schema.json
	Title string
	Glob  string // which files of a rule directory it checks
	Type  any
}

// Files lists the schemas in the order the reference documents them.
var Files = []File{
	{"notice.schema.json", "A notice file", "notices/NAME.yaml", rules.FileSpec{}},
	{"cases.schema.json", "A notice's test cases", "notices/NAME.cases.yaml", rules.CaseFile{}},
	{"facts.schema.json", "The facts of a rule directory", "facts.yaml", rules.FactsFileSpec{}},
	{"layers.schema.json", "The layer manifest", "layers.yaml", place.ManifestFileSpec{}},
	{"vocabulary.schema.json", "A vocabulary file (hotline words)", "vocabulary/*.yaml", vocab.FileSpec{}},
}

// BaseURL is the $id prefix of every schema.
const BaseURL = "https://github.com/tonggao/tonggao/schema/"

var (
	strType      = reflect.TypeOf(rules.Str{})
	factValsType = reflect.TypeOf(rules.FactValuesSpec{})
)

// scalar is what a rules.Str accepts: any single YAML value, read as text
// (numbers, booleans and dates are taken as written).
func scalar() *jsonschema.Schema {
	return &jsonschema.Schema{Description: "one value, read as text: a string, number, boolean or nothing", OneOf: []*jsonschema.Schema{
		{Type: "string"}, {Type: "number"}, {Type: "boolean"}, {Type: "null"},
	}}
}

// Generate returns the schema of f as indented JSON with a final newline.
// goComments maps package import paths to their source directories, for
// field descriptions taken from the Go comments (none: no descriptions).
func Generate(f File, goComments map[string]string) ([]byte, error) {
	r := &jsonschema.Reflector{
		FieldNameTag:               "yaml",
		RequiredFromJSONSchemaTags: true, // the loader, not the schema, says what is missing and where
		DoNotReference:             false,
		ExpandedStruct:             true,
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			switch t {
			case strType:
				return &jsonschema.Schema{Ref: "#/$defs/Scalar"}
			case factValsType:
				return &jsonschema.Schema{Type: "object", Description: "fact name → value, e.g. {designated_place: false}", AdditionalProperties: &jsonschema.Schema{Ref: "#/$defs/Scalar"}}
			}
			return nil
		},
	}
	for pkg, dir := range goComments {
		if err := r.AddGoComments(pkg, dir); err != nil {
			return nil, fmt.Errorf("schema: comments of %s: %w", pkg, err)
		}
	}
	s := r.Reflect(f.Type)
	if s.Definitions == nil {
		s.Definitions = jsonschema.Definitions{}
	}
	s.Definitions["Scalar"] = scalar()
	s.ID = jsonschema.ID(BaseURL + f.Name)
	s.Title = f.Title
	s.Description = "Checks " + f.Glob + " of a tonggao rule directory (generated from the Go types; see docs/reference.md)."
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("schema: %s: %w", f.Name, err)
	}
	return buf.Bytes(), nil
}

// Comments maps the packages whose types the schemas describe to their
// source directories under root, the repository's top directory as seen
// from the working directory (".." from schema/).
func Comments(root string) map[string]string {
	return map[string]string{
		"github.com/tonggao/tonggao/rules":         root + "/rules",
		"github.com/tonggao/tonggao/place":         root + "/place",
		"github.com/tonggao/tonggao/hotline/vocab": root + "/hotline/vocab",
	}
}
