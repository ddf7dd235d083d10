package safeyaml_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/internal/safeyaml"
)

func unmarshal(src string) (any, error) {
	var v any
	err := safeyaml.Unmarshal([]byte(src), &v, safeyaml.Limits{})
	return v, err
}

type m = map[string]any
type l = []any

// TestForms: every form a person may write in a rule file loads as YAML
// 1.2 says.
func TestForms(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      any
	}{
		// Block scalars: literal and folded, each chomping indicator, an
		// indentation indicator before or after it.
		{"literal", "a: |\n  x\n  y\n", m{"a": "x\ny\n"}},
		{"literal strip", "a: |-\n  x\n  y\n", m{"a": "x\ny"}},
		{"literal keep", "a: |+\n  x\n\n", m{"a": "x\n\n"}},
		{"folded", "a: >\n  x\n  y\n", m{"a": "x y\n"}},
		{"folded strip", "a: >-\n  x\n  y\n\n  z\n", m{"a": "x y\nz"}},
		{"folded keep", "a: >+\n  x\n\n", m{"a": "x\n\n"}},
		{"literal indentation indicator", "a: |2\n    x\n  y\n", m{"a": "  x\ny\n"}},
		{"folded indentation and strip", "a: >2-\n   x\n  y\n", m{"a": " x\ny"}},
		{"strip then indentation", "a: |-2\n   x\n  y\n", m{"a": " x\ny"}},
		{"indentation then strip", "a: |2-\n   x\n  y\n", m{"a": " x\ny"}},
		{"folded keeps more-indented lines", "a: >\n  x\n\n   more\n  y\n", m{"a": "x\n\n more\ny\n"}},
		{"literal then a key", "a: |\n  x\n\n\nb: 1\n", m{"a": "x\n", "b": uint64(1)}},
		{"leading empty line", "a: |\n\n  x\n", m{"a": "\nx\n"}},
		{"block scalars in a sequence", "- |\n  x\n- >-\n  y\n  z\n", l{"x\n", "y z"}},
		{"comment after the indicator", "a: | # why\n  x\n", m{"a": "x\n"}},
		{"Chinese text", "text: >-\n  严禁在林区\n  野外用火。\n", m{"text": "严禁在林区 野外用火。"}},
		// Anchors and aliases, expanded.
		{"scalar alias", "a: &t 测试\nb: *t\n", m{"a": "测试", "b": "测试"}},
		{"sequence alias", "a: &s [x, y]\nb: *s\n", m{"a": l{"x", "y"}, "b": l{"x", "y"}}},
		{"mapping alias in a list", "- &r {id: a, if: x}\n- *r\n", l{m{"id": "a", "if": "x"}, m{"id": "a", "if": "x"}}},
		{"block mapping anchor", "a: &r\n  id: a\nb: *r\n", m{"a": m{"id": "a"}, "b": m{"id": "a"}}},
		{"anchor redefined", "a: &x 1\nb: *x\nc: &x 2\nd: *x\n", m{"a": uint64(1), "b": uint64(1), "c": uint64(2), "d": uint64(2)}},
		{"anchored null", "a: &n\nb: *n\n", m{"a": nil, "b": nil}},
		// Flow and block mixed.
		{"flow in block", "rules:\n  - {id: a, activities: [x, y]}\n  - id: b\n    activities: [z]\n",
			m{"rules": l{m{"id": "a", "activities": l{"x", "y"}}, m{"id": "b", "activities": l{"z"}}}}},
		{"flow over lines", "a: [x,\n  y, # why\n  z]\n", m{"a": l{"x", "y", "z"}}},
		{"sequence at its key's column", "a:\n- x\n- y\nb: 1\n", m{"a": l{"x", "y"}, "b": uint64(1)}},
		{"nested sequences", "- - x\n  - y\n- z\n", l{l{"x", "y"}, "z"}},
		// Documents, directives, comments.
		{"leading ---", "---\na: 1\n", m{"a": uint64(1)}},
		{"%YAML directive", "%YAML 1.2\n---\na: 1\n", m{"a": uint64(1)}},
		{"%TAG directive", "%TAG !e! tag:example.com,2000:\n---\na: 1\n", m{"a": uint64(1)}},
		{"document end", "a: 1\n...\n", m{"a": uint64(1)}},
		{"comments everywhere", "# head\na: # after key\n  - x # after value\n  # between\n  - y\n# foot\n", m{"a": l{"x", "y"}}},
		{"quoted", "a: \"x: #y\"\nb: 'it''s'\n", m{"a": "x: #y", "b": "it's"}},
		{"empty", "", nil},
		{"only a comment", "# nothing\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := unmarshal(tc.src)
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

// TestRefused: the forms a rule file does not need are refused where they
// are written, never read as something else.
func TestRefused(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"merge key", "a: &a {k: 1}\nb:\n  <<: *a\n  j: 2\n", "3:3: merge keys (<<) are not supported: write the keys out"},
		{"merge key in flow", "a: &a {k: 1}\nb: {<<: [*a, *a], k: 1}\n", "2:5: merge keys (<<) are not supported: write the keys out"},
		{"standard tag", "a: !!str 2024\n", "1:4: YAML tags (!!str) are not supported: quote text that starts with ! (\"!…\")"},
		{"custom tag", "a: !custom x\n", "1:4: YAML tags (!custom) are not supported: quote text that starts with ! (\"!…\")"},
		{"tag on a collection", "a: !!map {b: 1}\n", "1:4: YAML tags (!!map) are not supported: quote text that starts with ! (\"!…\")"},
		{"second document", "a: 1\n---\nb: 2\n", "2:1: a second YAML document (---): a file holds one"},
		{"content after the end", "a: 1\n...\nb: 2\n", "3:1: content after the end of the document (...): a file holds one"},
		{"alias before its anchor", "a: *x\nb: &x 1\n", "1:4: alias *x has no anchor &x before it"},
		{"explicit key", "? a\n: b\n", "1:1: explicit keys (?) are not supported: write key: value"},
		{"alias as a key", "a: &k x\n*k : 1\n", "2:1: a key must be plain text, not alias"},
		{"flow nested 65 deep", "a: " + strings.Repeat("[", 65) + strings.Repeat("]", 65) + "\n", "1:67: collections nested more than 64 deep"},
		{"block sequences 65 deep on a line", strings.Repeat("- ", 65) + "x\n", "1:129: collections nested more than 64 deep"},
		{"block sequences 50,000 deep", strings.Repeat("- ", 50000) + "x\n", "1:129: collections nested more than 64 deep"},
		{"block mappings as a staircase", staircase(65), "65:65: collections nested more than 64 deep"},
		{"a block mapping of 20,000 keys", wide(20000), "1001:1: a mapping of more than 1000 keys"},
		{"block and flow together", strings.Repeat("- ", 40) + strings.Repeat("[", 25) + "\n", "1:105: collections nested more than 64 deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := unmarshal(tc.src)
			require.EqualError(t, err, tc.want)
			var ye *safeyaml.Error
			require.ErrorAs(t, err, &ye)
		})
	}
}

// wide is a block mapping of n keys.
func wide(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	return b.String()
}

// staircase is n block mappings each nested in the one before.
func staircase(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat(" ", i), i)
	}
	return b.String()
}

// TestExpansionBombs: aliases and merge keys that multiply a small file are
// refused before they are expanded. The merge-key file is issue 17's: 684
// bytes, 19 s to load at 7 levels.
func TestExpansionBombs(t *testing.T) {
	var laughs strings.Builder
	laughs.WriteString("a: &a [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 'b'; i <= 'j'; i++ {
		fmt.Fprintf(&laughs, "%c: &%c [%s]\n", i, i, strings.TrimSuffix(strings.Repeat("*"+string(i-1)+", ", 10), ", "))
	}
	_, err := unmarshal(laughs.String())
	require.EqualError(t, err, "6:8: more than 200000 values with aliases expanded")

	var merge strings.Builder
	merge.WriteString("m0: &m0 {k: 1}\n")
	for i := 1; i <= 7; i++ {
		refs := strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*m%d, ", i-1), 8), ", ")
		fmt.Fprintf(&merge, "m%d: &m%d {<<: [%s], k: 1}\n", i, i, refs)
	}
	require.Less(t, merge.Len(), 700)
	_, err = unmarshal(merge.String())
	require.EqualError(t, err, "2:10: merge keys (<<) are not supported: write the keys out")

	// Within the limit, aliases expand.
	v, err := unmarshal("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n")
	require.NoError(t, err)
	require.Len(t, v.(m)["c"], 2)
}

func TestLimits(t *testing.T) {
	var v any
	err := safeyaml.Unmarshal([]byte("a: [[[x]]]\n"), &v, safeyaml.Limits{MaxDepth: 3})
	require.EqualError(t, err, "1:6: collections nested more than 3 deep")
	err = safeyaml.Unmarshal([]byte("a: 1\nb: 2\nc:\n  - x: 1\n    y: 2\n    z: 3\n"), &v, safeyaml.Limits{MaxKeys: 3})
	require.NoError(t, err)
	err = safeyaml.Unmarshal([]byte("a: 1\nb: 2\nc:\n  - x: 1\n    y: 2\n    z: 3\n    w: 4\n"), &v, safeyaml.Limits{MaxKeys: 3})
	require.EqualError(t, err, "7:5: a mapping of more than 3 keys")
	err = safeyaml.Unmarshal([]byte("a: 1\nb:\n- x\nc: 2\nd: 3\n"), &v, safeyaml.Limits{MaxKeys: 3})
	require.EqualError(t, err, "5:1: a mapping of more than 3 keys")
	err = safeyaml.Unmarshal([]byte("a: [x, y, z]\n"), &v, safeyaml.Limits{MaxNodes: 4})
	require.EqualError(t, err, "1:8: more than 4 values with aliases expanded")
}
