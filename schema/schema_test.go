package schema_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
	sv "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/schema"
)

// The committed schemas are what the Go types generate: a field added to a
// file type without "go generate ./schema" fails here.
func TestSchemasAreCurrent(t *testing.T) {
	for _, f := range schema.Files {
		want, err := schema.Generate(f, schema.Comments(".."))
		require.NoError(t, err)
		got, err := os.ReadFile(f.Name)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "%s is stale: run go generate ./schema", f.Name)
	}
}

// shipped lists the rule-directory files the project ships: the embedded
// rule base and the examples of other places.
func shipped(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, root := range []string{"../rules", "../examples/notices"} {
		require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if strings.Contains(p, "testdata") {
				return nil
			}
			if k := schema.KindOf(p); k != "" {
				out[p] = k
			}
			return nil
		}))
	}
	require.Greater(t, len(out), 20)
	return out
}

// toJSON reads YAML as the JSON value a schema validator takes: dates and
// times stay the text they were written as.
func toJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, yaml.Unmarshal(data, &v))
	var fix func(any) any
	fix = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				x[k] = fix(e)
			}
		case []any:
			for i, e := range x {
				x[i] = fix(e)
			}
		case time.Time:
			return x.Format(time.RFC3339)
		}
		return v
	}
	raw, err := json.Marshal(fix(v))
	require.NoError(t, err)
	out, err := sv.UnmarshalJSON(bytes.NewReader(raw))
	require.NoError(t, err)
	return out
}

func compile(t *testing.T) map[string]*sv.Schema {
	t.Helper()
	c := sv.NewCompiler()
	out := map[string]*sv.Schema{}
	for _, f := range schema.Files {
		data, err := os.ReadFile(f.Name)
		require.NoError(t, err)
		doc, err := sv.UnmarshalJSON(bytes.NewReader(data))
		require.NoError(t, err)
		require.NoError(t, c.AddResource(schema.BaseURL+f.Name, doc))
	}
	for _, f := range schema.Files {
		s, err := c.Compile(schema.BaseURL + f.Name)
		require.NoError(t, err)
		out[f.Name] = s
	}
	return out
}

// Every shipped file validates against its schema.
func TestShippedFilesValidate(t *testing.T) {
	schemas := compile(t)
	for path, kind := range shipped(t) {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, schemas[kind].Validate(toJSON(t, data)), "%s against %s", path, kind)
	}
}

// The schemas refuse what the loader refuses: a key no type has.
func TestSchemaRefusesUnknownKey(t *testing.T) {
	schemas := compile(t)
	err := schemas["notice.schema.json"].Validate(toJSON(t, []byte("notice:\n  titel: x\n")))
	require.Error(t, err)
	require.Contains(t, err.Error(), "titel")
	err = schemas["cases.schema.json"].Validate(toJSON(t, []byte("notice: x\ncases:\n  - name: a\n    whant: forbidden\n")))
	require.Error(t, err)
}

// Every shipped file names its schema on its first line, so that an editor
// with the YAML language server completes and checks it.
func TestShippedFilesHaveModeline(t *testing.T) {
	for path, kind := range shipped(t) {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		first, _, _ := strings.Cut(string(data), "\n")
		dir, err := filepath.Abs(filepath.Dir(path))
		require.NoError(t, err)
		target, err := filepath.Abs(kind)
		require.NoError(t, err)
		rel, err := filepath.Rel(dir, target)
		require.NoError(t, err)
		require.Equal(t, "# yaml-language-server: $schema="+filepath.ToSlash(rel), first, path)
	}
}

// docs/reference.md is what the schemas generate.
func TestReferenceIsCurrent(t *testing.T) {
	want, err := schema.Reference(schema.Comments(".."))
	require.NoError(t, err)
	got, err := os.ReadFile("../docs/reference.md")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "docs/reference.md is stale: run go generate ./schema")
	for _, f := range schema.Files {
		require.Contains(t, string(got), "## "+f.Glob)
	}
}
