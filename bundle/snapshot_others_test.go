package bundle

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/examples/notices"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// shanxiRoot is examples/notices/shanxi: a root with its own layers.yaml
// and layer file.
func shanxiRoot(t *testing.T) rules.Root {
	t.Helper()
	for _, r := range notices.Roots() {
		if r.Name == "examples/notices/shanxi" {
			return r
		}
	}
	t.Fatal("no examples/notices/shanxi")
	return rules.Root{}
}

// othersSource is a bundle with every YAML file besides the rules: the
// register, the embedded root's layers.yaml, and a layer directory with
// its own layers.yaml.
func othersSource(t *testing.T) Source {
	t.Helper()
	forest, err := os.ReadFile("../examples/notices/shanxi/layers/forest.geojson")
	require.NoError(t, err)
	layers := fstest.MapFS{
		"layers.yaml": {Data: []byte("layers:\n  - file: forest.geojson\n    geometry: polygon\n    facts:\n      - fact: in_forest_land\n        from: inside\n" +
			"      - fact: distance_to_forest_m\n        from: distance\n      - fact: fire_zone\n        from: property\n        property: zone\n")},
		"forest.geojson": {Data: bytes.ReplaceAll(forest, []byte(`"name"`), []byte(`"zone":"key","name"`))},
	}
	return Source{Version: "v1", Roots: []rules.Root{{Name: "embedded", FS: rules.EmbeddedFS()}}, Register: register.EmbeddedYAML(), Layers: layers}
}

// Build writes the register and every layer manifest into the snapshot;
// the bundle opens from it and answers as the same files read from YAML
// (the register's notes and the layers' facts included).
func TestSnapshotOthers(t *testing.T) {
	for _, tc := range []struct {
		name      string
		src       Source
		manifests []string
	}{
		{"register, a root's manifest, a layer directory's", othersSource(t), []string{"rules/layers.yaml", "layers/layers.yaml"}},
		{"a root with its own layers", Source{Version: "v1", Roots: []rules.Root{shanxiRoot(t)}}, []string{"rules/layers.yaml"}},
	} {
		t.Run(tc.name, func(t *testing.T) { snapshotOthers(t, tc.src, tc.manifests) })
	}
}

func snapshotOthers(t *testing.T, src Source, manifests []string) {
	b, err := OpenZip(build(t, src), "others")
	require.NoError(t, err)
	s, err := readSnapshot(&contents{files: b.files.(memFS), manifest: b.Manifest})
	require.NoError(t, err)
	require.Equal(t, snapshotFormat, s.Format)
	require.Equal(t, src.Register != nil, s.Register != nil)
	require.ElementsMatch(t, manifests, slices.Collect(maps.Keys(s.Layers)))
	require.NotNil(t, b.Layers)
	// Both opened from a rebundled copy, so that their version is alike.
	b, err = OpenZip(rebundle(t, b.Files(), b.Manifest.Roots, func(*snapshot) {}), "format 2")
	require.NoError(t, err)

	// The same bundle without its register and manifest entries (format
	// 1): read from YAML.
	plain, err := OpenZip(rebundle(t, b.Files(), b.Manifest.Roots, func(s *snapshot) {
		s.Format, s.Register, s.Layers = 1, nil, nil
	}), "format 1")
	require.NoError(t, err)
	require.Equal(t, plain.LayerManifest, b.LayerManifest)
	require.Equal(t, plain.Layers.Manifest(), b.Layers.Manifest())
	days := []calendar.Date{calendar.MustDate(2025, 4, 4), calendar.MustDate(2025, 10, 1)}
	a, c := answers(t, plain.Engine, days), answers(t, b.Engine, days)
	require.Equal(t, len(a), len(c))
	for i := range a {
		require.Equal(t, a[i], c[i], "answer %d", i)
	}
	for _, n := range []string{"祁政发〔2024〕4号", "祁政通〔2024〕7号", "祁政发〔2017〕26号"} {
		num, err := register.ParseNumber(n)
		require.NoError(t, err)
		for _, day := range days {
			require.Equal(t, plain.Engine.Register().Status(num, day), b.Engine.Register().Status(num, day), n)
		}
	}
}

// A snapshot whose register or layer manifests disagree with the YAML,
// were made from other bytes, or are missing, is refused.
func TestSnapshotOthersRefused(t *testing.T) {
	b, err := OpenZip(build(t, othersSource(t)), "others")
	require.NoError(t, err)
	files, roots := b.Files(), b.Manifest.Roots
	// viaJSON edits a value through its JSON form.
	viaJSON := func(v any, old, new string) {
		raw, err := json.Marshal(v)
		require.NoError(t, err)
		require.Contains(t, string(raw), old)
		raw = bytes.Replace(raw, []byte(old), []byte(new), 1)
		require.NoError(t, json.Unmarshal(raw, v))
	}
	const manifest = "rules/layers.yaml"
	tests := []struct {
		name string
		edit func(*snapshot)
		want string
	}{
		{"faithful", func(*snapshot) {}, ""},
		{"a register title changed", func(s *snapshot) {
			viaJSON(s.Register.Register, "规范性文件清理结果", "规范性文件清理")
		}, "register.yaml disagrees with its YAML"},
		{"a register date changed", func(s *snapshot) {
			viaJSON(s.Register.Register, `"2024-08-20"`, `"2024-08-21"`)
		}, "register.yaml disagrees with its YAML"},
		{"the register left out", func(s *snapshot) { s.Register = nil }, "no entry for register.yaml"},
		{"the register from other bytes", func(s *snapshot) { s.Register.SHA256 = "00" }, "register.yaml was made from other bytes"},
		{"a manifest's fact changed", func(s *snapshot) {
			viaJSON(s.Layers[manifest].Manifest, `"distance_to_forest_m"`, `"in_forest_land_x"`)
		}, manifest + " disagrees with its YAML"},
		{"a manifest's line moved", func(s *snapshot) {
			s.Layers[manifest].Manifest.Layers[0].Line++
		}, manifest + " disagrees with its YAML"},
		{"a manifest left out", func(s *snapshot) { delete(s.Layers, manifest) }, "layer manifests"},
		{"a manifest not in the bundle", func(s *snapshot) {
			s.Layers["rules/x/layers.yaml"] = s.Layers[manifest]
		}, "layer manifests"},
		{"a manifest from other bytes", func(s *snapshot) { s.Layers["layers/layers.yaml"].SHA256 = "00" }, "layers/layers.yaml was made from other bytes"},
		{"format 1 with a register", func(s *snapshot) { s.Format, s.Layers = 1, nil }, "format 1 holds rules only"},
		{"another format", func(s *snapshot) { s.Format = 3 }, "format 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := OpenZip(rebundle(t, files, roots, tt.edit), "edited")
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, tt.want)
		})
	}
}

// Build refuses a register or layer manifest it cannot decode, naming the
// file: a snapshot is never written without them.
func TestBuildRefusesBadOthers(t *testing.T) {
	src := othersSource(t)
	src.Register = []byte("decision: [\n")
	var buf bytes.Buffer
	_, err := Build(context.Background(), &buf, src)
	require.ErrorContains(t, err, RegisterFile)

	src = othersSource(t)
	src.Layers = fstest.MapFS{"layers.yaml": {Data: []byte("layers:\n  - file: x.txt\n")}}
	_, err = Build(context.Background(), &buf, src)
	require.ErrorContains(t, err, "layers/"+place.ManifestFile)
}

// memFS reads as fstest.MapFS does the same files: every file, and the
// directories and listings their paths imply.
func TestMemFS(t *testing.T) {
	files := map[string]string{"bundle.json": "{}", "rules/facts.yaml": "f", "rules/notices/a.yaml": "a", "rules/notices/b.yaml": "bb", "layers/x/y.geojson": "{}"}
	m, want := memFS{}, fstest.MapFS{}
	for p, s := range files {
		m[p] = &memFile{Data: []byte(s)}
		want[p] = &fstest.MapFile{Data: []byte(s), Mode: 0o444}
	}
	require.NoError(t, fstest.TestFS(m, "bundle.json", "rules/facts.yaml", "rules/notices/a.yaml", "rules/notices/b.yaml", "layers/x/y.geojson"))
	walk := func(fsys fs.FS) []string {
		var out []string
		require.NoError(t, fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			require.NoError(t, err)
			info, err := d.Info()
			require.NoError(t, err)
			data := ""
			if !d.IsDir() {
				b, err := fs.ReadFile(fsys, p)
				require.NoError(t, err)
				data = string(b)
			}
			out = append(out, fmt.Sprintf("%s %v %d %q", p, info.Mode(), info.Size(), data))
			return nil
		}))
		return out
	}
	require.Equal(t, walk(want), walk(m))
	sub, err := fs.Sub(m, "rules")
	require.NoError(t, err)
	subWant, err := fs.Sub(want, "rules")
	require.NoError(t, err)
	require.Equal(t, walk(subWant), walk(sub))
	for _, name := range []string{"nope", "rules/nope", "../x", "/rules"} {
		_, err := m.Open(name)
		require.ErrorIs(t, err, fs.ErrNotExist, name)
	}
}
