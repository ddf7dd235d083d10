package safeyaml_test

import (
	"strings"
	"testing"

	"github.com/tonggao/tonggao/internal/safeyaml"
)

// FuzzParse: any input parses or is refused — never a panic — and what
// parses decodes.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"a: |\n  x\n  y\n", "a: >-\n  x\n", "a: &a [x, y]\nb: *a\n", "- &r {id: a}\n- *r\n",
		"a: &a {k: 1}\nb: {<<: [*a, *a]}\n", "a: !!str x\n", "a: 1\n---\nb: 2\n", "%YAML 1.2\n---\na: 1\n",
		strings.Repeat("- ", 70) + "x\n", "a: " + strings.Repeat("[", 70), "? a\n: b\n", "a: *b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v any
		_ = safeyaml.Unmarshal(data, &v, safeyaml.Limits{})
	})
}
