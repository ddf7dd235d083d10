package yamlstrip

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestComments: comments go, lines and columns stay, and what only looks
// like a comment — in quotes, in a block scalar, inside a plain scalar —
// stays as written.
func TestComments(t *testing.T) {
	src := "# a file's comment\n" +
		"key: value   # after a value\n" +
		"  # indented comment\n" +
		"list:\n" +
		"  - \"a # in double quotes\"   # but this goes\n" +
		"  - 'it''s # in single quotes' # this too\n" +
		"  - plain#not-a-comment\n" +
		"  - {q: 烧田埂 要得不, why: \"第三条 # 不是注释\"} # goes\n" +
		"text: |\n" +
		"  # a line of the block's text\n" +
		"  more text # kept\n" +
		"\n" +
		"after: 1 #\n"
	want := "\n" +
		"key: value\n" +
		"\n" +
		"list:\n" +
		"  - \"a # in double quotes\"\n" +
		"  - 'it''s # in single quotes'\n" +
		"  - plain#not-a-comment\n" +
		"  - {q: 烧田埂 要得不, why: \"第三条 # 不是注释\"}\n" +
		"text: |\n" +
		"  # a line of the block's text\n" +
		"  more text # kept\n" +
		"\n" +
		"after: 1\n"
	got := Comments([]byte(src))
	require.Equal(t, want, string(got))
	require.NoError(t, Equivalent([]byte(src), got))
	require.Error(t, Equivalent([]byte("a: 1\nb: 2\n"), []byte("a: 1\n\nb: 2\n")), "a line moved")
}
