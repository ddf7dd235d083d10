package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReadWriteRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.txt")
	src := "# header\n=== one\nrequest: GET /\n# a comment\nwant: 200 ok\n=== two\nbody: \"\\xff\"\n"
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	f, err := Read(path)
	require.NoError(t, err)
	require.Equal(t, "# header\n", f.Header)
	require.Len(t, f.Cases, 2)
	require.Equal(t, "GET /", f.Cases[0].Get("request"))
	f.Cases[1].Set("want", "400 bad_json")
	require.NoError(t, f.Write())
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "# header\n=== one\nrequest: GET /\nwant: 200 ok\n=== two\nbody: \"\\xff\"\nwant: 400 bad_json\n", string(got))
	v, err := Value(f.Cases[1].Get("body"))
	require.NoError(t, err)
	require.Equal(t, "\xff", v)
}

func TestReadRefusesBadLines(t *testing.T) {
	for name, src := range map[string]string{
		"duplicate": "=== a\nk: v\n=== a\n",
		"no colon":  "=== a\nnot a pair\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.txt")
			require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
			_, err := Read(path)
			require.ErrorContains(t, err, "c.txt:")
		})
	}
}

func TestExpand(t *testing.T) {
	v, err := Value(`{{repeat "a" 3}}{{nest "[" "]" 2}}`)
	require.NoError(t, err)
	require.Equal(t, "aaa[[]]", v)
	_, err = Expand("{{nope}}")
	require.Error(t, err)
	require.False(t, strings.Contains(v, "{{"))
}
