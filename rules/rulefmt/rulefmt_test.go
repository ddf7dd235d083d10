package rulefmt_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/rules/rulefmt"
)

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ name, in, want, err string }{
		{name: "canonical stays", in: "# c\na: 1\n\nb: [x, y] # d\n", want: "# c\na: 1\n\nb: [x, y] # d\n"},
		{name: "CRLF and trailing blanks", in: "a: 1  \r\nb: 2\t\r\n", want: "a: 1\nb: 2\n"},
		{name: "blank lines collapse, none at the ends", in: "\n\na: 1\n\n\n\nb: 2\n\n\n", want: "a: 1\n\nb: 2\n"},
		{name: "a final newline", in: "a: 1", want: "a: 1\n"},
		{name: "comments and order kept", in: "z: 1   # last\na:\n  - x    # one\n", want: "z: 1   # last\na:\n  - x    # one\n"},
		{name: "a tab indents", in: "a:\n\tb: 1\n", err: "x.yaml:2: a tab in the indentation"},
		{name: "a block scalar's trailing blanks are content", in: "a: |\n  x  \n  y\n", err: "would change a value"},
		{name: "not UTF-8", in: "a: \xff\n", err: "not UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rulefmt.Format("x.yaml", []byte(tc.in))
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, string(got))
			again, err := rulefmt.Format("x.yaml", got)
			require.NoError(t, err)
			require.Equal(t, string(got), string(again), "idempotent")
		})
	}
}

// Every shipped rule file is in canonical form (CI also runs
// tonggao fmt --check on them).
func TestShippedFilesAreCanonical(t *testing.T) {
	n := 0
	for _, root := range []string{"..", "../../examples/notices"} {
		require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") || strings.Contains(p, "testdata") {
				return err
			}
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			got, err := rulefmt.Format(p, data)
			require.NoError(t, err)
			require.True(t, string(data) == string(got), "%s is not canonical: go run ./cmd/tonggao fmt %s", p, p)
			n++
			return nil
		}))
	}
	require.Greater(t, n, 30)
}
