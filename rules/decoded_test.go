package rules

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// shippedRoots are the rule directories the repository ships: the
// embedded rule base and every directory of examples/notices.
func shippedRoots(t *testing.T) []Root {
	t.Helper()
	roots := []Root{{Name: "embedded", FS: EmbeddedFS()}}
	dirs, err := filepath.Glob("../examples/notices/*")
	require.NoError(t, err)
	for _, d := range dirs {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			roots = append(roots, Root{Name: d, FS: os.DirFS(d)})
		}
	}
	require.Greater(t, len(roots), 2)
	return roots
}

// A Decoded written as JSON and read back is the same, positions and
// block scalars' text included, for every shipped rule directory; and a
// root loaded from it is the root loaded from YAML.
func TestDecodedRoundTrip(t *testing.T) {
	for _, root := range shippedRoots(t) {
		t.Run(root.Name, func(t *testing.T) {
			d, err := DecodeRoot(context.Background(), root, Limits{})
			require.NoError(t, err)
			require.NotEmpty(t, d.Names())
			raw, err := json.Marshal(d)
			require.NoError(t, err)
			var back Decoded
			require.NoError(t, json.Unmarshal(raw, &back))
			require.True(t, d.Equal(&back), "differs at %s", d.Diff(&back))

			fromYAML, err := LoadRoots(context.Background(), []Root{root}, Limits{})
			require.NoError(t, err)
			snap := root
			snap.Decoded = &back
			fromSnap, err := LoadRoots(context.Background(), []Root{snap}, Limits{})
			require.NoError(t, err)
			require.Equal(t, fromYAML.Digest, fromSnap.Digest)
			require.Equal(t, len(fromYAML.Notices), len(fromSnap.Notices))
			require.Equal(t, len(fromYAML.Activities), len(fromSnap.Activities))
			require.Equal(t, len(fromYAML.Facts), len(fromSnap.Facts))
		})
	}
}

// A root with Decoded is read from it alone: a file it lacks, or one it
// was decoded from other bytes of, fails the load.
func TestDecodedRequired(t *testing.T) {
	root := Root{Name: "embedded", FS: EmbeddedFS()}
	d, err := DecodeRoot(context.Background(), root, Limits{})
	require.NoError(t, err)
	names := d.Names()
	require.Contains(t, names, FactsFile)

	missing := &Decoded{files: map[string]*snapshotFile{}}
	for n, f := range d.files {
		if n != names[len(names)-1] {
			missing.files[n] = f
		}
	}
	root.Decoded = missing
	_, err = LoadRoots(context.Background(), []Root{root}, Limits{})
	require.ErrorContains(t, err, names[len(names)-1])
	require.ErrorContains(t, err, "snapshot")

	stale := &Decoded{files: map[string]*snapshotFile{}}
	for n, f := range d.files {
		g := *f
		if n == FactsFile {
			g.sum = sha256Hex([]byte("other bytes"))
		}
		stale.files[n] = &g
	}
	root.Decoded = stale
	_, err = LoadRoots(context.Background(), []Root{root}, Limits{})
	require.ErrorContains(t, err, FactsFile)
	require.ErrorContains(t, err, "snapshot")
}

func TestDecodedJSONRefuses(t *testing.T) {
	sum := `"` + sha256Hex(nil) + `"`
	for _, bad := range []string{
		`[]`,
		`{"facts.yaml":{"sha256":` + sum + `}}`,
		`{"facts.yaml":{"sha256":"00","facts":{}}}`,
		`{"facts.yaml":{"sha256":` + sum + `,"notice":{}}}`,
		`{"notices/a.cases.yaml":{"sha256":` + sum + `,"notice":{}}}`,
		`{"notices/a.yaml":{"sha256":` + sum + `,"notice":{},"extra":1}}`,
		`{"other.yaml":{"sha256":` + sum + `,"notice":{}}}`,
	} {
		var d Decoded
		require.Error(t, json.Unmarshal([]byte(bad), &d), bad)
	}
	var d Decoded
	require.NoError(t, json.Unmarshal([]byte(`{"notices/a.yaml":{"sha256":`+sum+`,"notice":{}}}`), &d))
}
