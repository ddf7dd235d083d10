package cli

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

func runJSON(t *testing.T, args ...string) (int, map[string]any, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	var v map[string]any
	if code == 0 {
		require.NoError(t, json.Unmarshal(out.Bytes(), &v), out.String())
	}
	return code, v, errb.String()
}

// --division and --town name the query's place.
func TestPlaceFlags(t *testing.T) {
	near := []string{"--activity", "烧田埂", "--at", "2024-10-03", "--fact", "distance_to_forest_m=50", "--json"}
	code, d, _ := runJSON(t, append([]string{"check", "--town", "白水镇"}, near...)...)
	require.Equal(t, 0, code)
	require.Equal(t, "forbidden", d["verdict"])
	require.Equal(t, map[string]any{"code": "431181107", "name": "白水镇", "source": "query"}, d["place"])

	code, d, _ = runJSON(t, append([]string{"check", "--division", "431181", "--town", "白水镇"}, near...)...)
	require.Equal(t, 0, code)
	require.Equal(t, "431181107", d["place"].(map[string]any)["code"])

	// Outside every division the rules apply in: no rule, and a note why.
	code, d, _ = runJSON(t, append([]string{"check", "--division", "110105"}, near...)...)
	require.Equal(t, 0, code)
	require.Equal(t, "no_rule", d["verdict"])
	require.Equal(t, "outside_places", d["notes"].([]any)[0].(map[string]any)["code"])

	code, _, errs := runJSON(t, append([]string{"check", "--division", "110105", "--town", "白水镇"}, near...)...)
	require.Equal(t, 2, code)
	require.Contains(t, errs, "--town 白水镇 is not a division within 110105")
	code, _, errs = runJSON(t, append([]string{"check", "--town", "朝阳区"}, near...)...)
	require.Equal(t, 2, code)
	require.Contains(t, errs, `place "朝阳区" is neither a division code nor a division the rule base names`)

	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"here", "--at", "2025-07-10", "--division", "110105"}, &out, &errb), errb.String())
	require.NotContains(t, out.String(), "祁政通")
}

// A rule directory of notices from elsewhere brings its own divisions,
// facts and layers: here a made-up county's ban on fire near its rivers,
// a line layer giving distance_to_river_m, loaded beside the embedded set
// without --layers.
func TestRootBringsItsLayers(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	write("divisions.csv", "code,name\n110105,朝阳区\n")
	write("facts.yaml", `facts:
  - name: distance_to_river_m
    type: number
    min: 0
    unit: m
    zh: 离河道的距离（米）
    en: distance to a river (metres)
    doc: Metres from the place to the nearest river's centre line.
`)
	write("notices/river.yaml", `notice:
  number: 合成河〔2024〕1号
  title: 河道两侧禁止野外用火的通告（合成测试通告）
  applies_in: [110105]
  effective: 2024-01-01
  valid_until: 2028-12-31
rules:
  - id: no-fire-by-rivers
    article: 一
    text: 河道两侧30米以内禁止野外用火。
    effect: forbid
    activities: [outdoor_fire]
    if: distance_to_river_m <= 30
`)
	write("layers.yaml", `layers:
  - file: layers/rivers.geojson
    geometry: line
    facts:
      - {fact: distance_to_river_m, from: distance}
`)
	write("layers/rivers.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"R1","properties":{},"geometry":{"type":"LineString","coordinates":[[116.40,39.90],[116.50,39.90]]}}]}`)

	base := []string{"check", "--rules", dir, "--activity", "野炊", "--at", "2025-07-01", "--crs", "wgs84", "--division", "110105", "--json"}
	code, d, errs := runJSON(t, append(base, "--lat", "39.9001", "--lon", "116.45")...) // ~11 m from the river
	require.Equal(t, 0, code, errs)
	require.Equal(t, "forbidden", d["verdict"])
	code, d, _ = runJSON(t, append(base, "--lat", "39.9010", "--lon", "116.45")...) // ~111 m
	require.Equal(t, 0, code)
	require.Equal(t, "no_rule", d["verdict"])
	// In 祁阳 the river ban does not apply, wherever the point.
	code, d, _ = runJSON(t, "check", "--rules", dir, "--activity", "野炊", "--at", "2025-07-01", "--crs", "wgs84", "--division", "431181",
		"--lat", "39.9001", "--lon", "116.45", "--fact", "distance_to_forest_m=3000", "--fact", "high_danger_days=0", "--fact", "fire_zone=general", "--json")
	require.Equal(t, 0, code)
	require.Equal(t, "no_rule", d["verdict"])

	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"layers", "describe", "--rules", dir, "../../place/testdata/synthetic"}, &out, &errb), errb.String())
	require.Contains(t, out.String(), "forest: ../../place/testdata/synthetic/forest.geojson")
}

func TestAskPlace(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"ask", "今天能烧田埂吗", "--at", "2024-10-03", "--division", "110105", "--json"}, &out, &errb), errb.String())
	var a map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &a))
	require.Equal(t, "no_rule", a["verdict"])
	require.Equal(t, "110105", a["query"].(map[string]any)["place"])
	out.Reset()
	require.Equal(t, 2, run([]string{"ask", "今天能烧田埂吗", "--town", "朝阳区", "--json"}, &out, &errb))
	require.Contains(t, out.String(), `"bad_place"`)
}

// TestEmbeddedManifestOnlyNames: the embedded rule base's layers manifest
// names layers whose files it does not carry, so that a command without
// --layers may skip it (ruleFlags.layers): the same layers either way.
func TestEmbeddedManifestOnlyNames(t *testing.T) {
	m, ok, err := place.ReadManifest(rules.EmbeddedFS(), place.ManifestFile)
	require.NoError(t, err)
	require.True(t, ok)
	require.NotEmpty(t, m.Layers)
	for _, l := range m.Layers {
		_, err := fs.Stat(rules.EmbeddedFS(), l.File)
		require.ErrorIs(t, err, fs.ErrNotExist, "%s is embedded: ruleFlags.layers must read the embedded manifest", l.File)
	}
	rf := &ruleFlags{embedded: true}
	l, err := rf.layers("")
	require.NoError(t, err)
	require.Nil(t, l)
}
