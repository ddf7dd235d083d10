package rulefmt_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/internal/safeyaml"
	"github.com/tonggao/tonggao/rules/rulefmt"
	"github.com/tonggao/tonggao/schema"
)

const noticeModeline = "# yaml-language-server: $schema=../../schema/notice.schema.json\n"

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ name, file, in, want, err string }{
		{name: "canonical stays", in: "# c\na: 1\n\nb: [x, y] # d\n", want: "# c\na: 1\n\nb: [x, y] # d\n"},
		{name: "CRLF and trailing blanks", in: "a: 1  \r\nb: 2\t\r\n", want: "a: 1\n\nb: 2\n"},
		{name: "one blank line between top-level entries, none inside",
			in: "\n\na:\n\n  x: 1\n\n\n  y: 2\nb: 2\n\n\n", want: "a:\n  x: 1\n  y: 2\n\nb: 2\n"},
		{name: "a final newline", in: "a: 1", want: "a: 1\n"},
		{name: "comments kept, one space before a line comment",
			in: "z: 1   # last\na:\n  - x    # one\n", want: "z: 1 # last\n\na:\n  - x # one\n"},
		{name: "indentation is two spaces, lists under their key",
			in: "a:\n    b:\n        - {c: 1}\n", want: "a:\n  b:\n    - {c: 1}\n"},
		{name: "quotes only where needed",
			in:   "a: \"x\"\nb: 'y z'\nc: \"2021-03-19\"\nd: \"119\"\ne: \"yes\"\nf: \"# no\"\ng: \"a\\tb\"\n",
			want: "a: x\n\nb: y z\n\nc: \"2021-03-19\"\n\nd: \"119\"\n\ne: yes\n\nf: \"# no\"\n\ng: \"a\\tb\"\n"},
		{name: "a list of short scalars is flow",
			in: "a:\n  - x\n  - y\n", want: "a: [x, y]\n"},
		{name: "a list with a long item is block",
			in: "a: [x, " + strings.Repeat("长", 21) + "]\n", want: "a:\n  - x\n  - " + strings.Repeat("长", 21) + "\n"},
		{name: "a list whose items carry comments is block",
			in: "a:\n  - x # one\n  - y\n", want: "a:\n  - x # one\n  - y\n"},
		{name: "a wide flow list is wrapped at items",
			in:   "a: [" + strings.Repeat("abcdefghij, ", 11) + "abcdefghij]\n",
			want: "a: [" + strings.Repeat("abcdefghij, ", 8) + "abcdefghij,\n    abcdefghij, abcdefghij, abcdefghij]\n"},
		{name: "a wide CJK list is wrapped at 120 columns, a character counting two",
			in:   "a: [" + strings.Repeat("山林里, ", 20) + "山林里]\n",
			want: "a: [" + strings.Repeat("山林里, ", 13) + "山林里,\n    " + strings.Repeat("山林里, ", 6) + "山林里]\n"},
		{name: "folded text is wrapped at words",
			in:   "a: >\n  " + strings.Repeat("word ", 30) + "end\n",
			want: "a: >\n  " + strings.TrimSpace(strings.Repeat("word ", 23)) + "\n  " + strings.Repeat("word ", 7) + "end\n"},
		{name: "literal text is kept as written, blank lines included",
			in: "a: |\n  x\n\n\n  y\nb: 1\n", want: "a: |\n  x\n\n\n  y\n\nb: 1\n"},
		{name: "trailing blanks in literal text are kept, quoted",
			in: "a: |\n  x  \n  y\n", want: "a: \"x  \\ny\\n\"" + "\n"},
		{name: "keys in the schema's order, comments moving with them; a map of names as written",
			in:   noticeModeline + "rules:\n  # the ban\n  - if: near\n    effect: forbid # it forbids\n    id: ban\nnotice:\n  title: t\n  number: x\n",
			want: noticeModeline + "notice:\n  number: x\n  title: t\n\nrules:\n  # the ban\n  - id: ban\n    effect: forbid # it forbids\n    if: near\n"},
		{name: "the path chooses the schema without a modeline", file: "notices/x.cases.yaml",
			in:   "cases:\n  - want: forbidden\n    facts: {b: 1, a: 2}\n    name: n\nnotice: x\n",
			want: "notice: x\n\ncases:\n  - name: n\n    facts: {b: 1, a: 2}\n    want: forbidden\n"},
		{name: "a map of names with scalar values is flow", file: "notices/x.cases.yaml",
			in: "cases:\n  - facts:\n      b: 1\n", want: "cases:\n  - facts: {b: 1}\n"},
		{name: "an object is block unless written flow and it fits", file: "notices/x.yaml",
			in:   "rules:\n  - terms: [{name: a, value: b, text: c}, {name: " + strings.Repeat("x", 120) + "}]\n",
			want: "rules:\n  - terms:\n      - {name: a, value: b, text: c}\n      - name: " + strings.Repeat("x", 120) + "\n"},
		{name: "comments only", in: "# a\n\n\n# b  \n", want: "# a\n\n# b\n"},
		{name: "empty", in: "\n\n", want: ""},
		{name: "a tab indents", in: "a:\n\tb: 1\n", err: "x.yaml:2: a tab in the indentation"},
		{name: "not UTF-8", in: "a: \xff\n", err: "not UTF-8"},
		{name: "not YAML", in: "a: [\n", err: "x.yaml: not YAML"},
		{name: "a form the loader refuses", in: "a: !!str x\n", err: "not YAML the loader reads"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.file
			if file == "" {
				file = "x.yaml"
			}
			got, err := rulefmt.Format(file, []byte(tc.in))
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, string(got))
			again, err := rulefmt.Format(file, got)
			require.NoError(t, err)
			require.Equal(t, string(got), string(again), "idempotent")
		})
	}
}

// shippedYAML lists every YAML file the project ships that tonggao fmt
// may be run on: the rule directories, the register, the examples of
// other places and the test rule directories.
func shippedYAML(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, root := range []string{"..", "../../examples/notices", "../../register", "../../engine/testdata",
		"../../bundle/testdata", "../../internal/cli/testdata", "../../place/testdata"} {
		require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
				return err
			}
			files = append(files, p)
			return nil
		}))
	}
	require.Greater(t, len(files), 40)
	return files
}

// Every shipped file formats, its canonical form is canonical, and it
// reads (as the loader reads YAML) exactly as the original does.
func TestShippedFilesFormat(t *testing.T) {
	for _, p := range shippedYAML(t) {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		if strings.Contains(p, "broken") {
			continue // place/testdata/broken holds a manifest broken on purpose
		}
		got, err := rulefmt.Format(p, data)
		require.NoError(t, err, p)
		again, err := rulefmt.Format(p, got)
		require.NoError(t, err, p)
		require.Equal(t, string(got), string(again), "%s: fmt(fmt(x)) != fmt(x)", p)
		var before, after any
		require.NoError(t, safeyaml.Unmarshal(data, &before, safeyaml.Limits{}))
		require.NoError(t, safeyaml.Unmarshal(got, &after, safeyaml.Limits{}))
		require.Equal(t, before, after, p)
	}
}

// The rule directories and the register are kept in canonical form (CI
// also runs tonggao fmt --check on them).
func TestShippedFilesAreCanonical(t *testing.T) {
	n := 0
	for _, p := range shippedYAML(t) {
		if strings.Contains(p, "testdata") {
			continue
		}
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		got, err := rulefmt.Format(p, data)
		require.NoError(t, err)
		require.True(t, string(data) == string(got), "%s is not canonical: go run ./cmd/tonggao fmt %s", p, p)
		n++
	}
	require.Greater(t, n, 30)
}

// CI's tonggao fmt --check names every directory whose files
// TestShippedFilesAreCanonical keeps canonical, so a file edited by hand
// in any of them fails CI by name, not only through this package's test.
func TestCIChecksShippedDirectories(t *testing.T) {
	data, err := os.ReadFile("../../.ci/run")
	require.NoError(t, err)
	var checked []string
	for _, line := range strings.Split(string(data), "\n") {
		if _, args, ok := strings.Cut(line, "./cmd/tonggao fmt --check "); ok && !strings.HasPrefix(strings.TrimSpace(line), "#") {
			checked = append(checked, strings.Fields(args)...)
		}
	}
	require.NotEmpty(t, checked, ".ci/run runs no tonggao fmt --check")
	for _, p := range shippedYAML(t) {
		if strings.Contains(p, "testdata") {
			continue
		}
		root, err := filepath.Abs("../..")
		require.NoError(t, err)
		abs, err := filepath.Abs(p)
		require.NoError(t, err)
		rel, err := filepath.Rel(root, abs)
		require.NoError(t, err)
		covered := false
		for _, dir := range checked {
			if rel == dir || strings.HasPrefix(rel, dir+string(filepath.Separator)) {
				covered = true
			}
		}
		require.True(t, covered, "%s is kept canonical but .ci/run's tonggao fmt --check %s does not cover it", rel, strings.Join(checked, " "))
	}
}

// FormatShape formats by the shape given, for a file no schema checks:
// its keys in the shape's order, a map of names flow, a nil shape refused.
func TestFormatShape(t *testing.T) {
	shape := &schema.Shape{Keys: []string{"b", "a"}, Props: map[string]*schema.Shape{
		"a": {IsMap: true}, "b": {Items: nil}}}
	got, err := rulefmt.FormatShape("words.yaml", []byte("a:\n  x: 1\n  y: 2\nb:\n  - p\n  - q\n"), shape)
	require.NoError(t, err)
	require.Equal(t, "b: [p, q]\n\na: {x: 1, y: 2}\n", string(got))
	// without the shape the same file keeps its order and its block map
	plain, err := rulefmt.Format("words.yaml", []byte("a:\n  x: 1\n  y: 2\nb:\n  - p\n  - q\n"))
	require.NoError(t, err)
	require.Equal(t, "a:\n  x: 1\n  y: 2\n\nb: [p, q]\n", string(plain))
	_, err = rulefmt.FormatShape("words.yaml", []byte("a: 1\n"), nil)
	require.ErrorContains(t, err, "no shape")
}
