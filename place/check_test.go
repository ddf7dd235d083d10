package place_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/place"
)

func TestCheckSyntheticIsClean(t *testing.T) {
	require.Empty(t, place.Check("testdata/synthetic"))
}

func TestCheckBroken(t *testing.T) {
	type key struct{ file, feature, kind string }
	got := map[key]bool{}
	for _, p := range place.Check("testdata/broken") {
		got[key{filepath.Base(p.File), p.Feature, p.Kind}] = true
		require.NotEmpty(t, p.Message)
		require.Contains(t, p.String(), p.File)
	}
	want := []key{
		{"forests.geojson", "", place.KindUnknownFile},
		{"forest.geojson", `"bowtie"`, place.KindSelfCross},
		{"forest.geojson", `"unclosed"`, place.KindUnclosed},
		{"forest.geojson", `"clockwise"`, place.KindWinding},
		{"forest.geojson", `"swapped"`, place.KindSwapped},
		{"forest.geojson", `"latlon-in-range"`, place.KindSwapped},
		{"forest.geojson", `"hole-outside"`, place.KindHole},
		{"forest.geojson", `"hole-ccw"`, place.KindWinding},
		{"forest.geojson", `"two-points"`, place.KindRing},
		{"forest.geojson", `"bad-zone"`, place.KindProperty},
		{"forest.geojson", `"line"`, place.KindGeometry},
		{"forest.geojson", `"ok"`, place.KindDuplicateID},
		{"forest.geojson", `"ok"`, place.KindSelfCross},
		{"forest.geojson", `"null-position"`, place.KindPosition},
		{"forest.geojson", `"one-number"`, place.KindPosition},
		{"forest.geojson", `"flat"`, place.KindRing},
		{"towns.geojson", "", place.KindCRS},
		{"towns.geojson", `"t1"`, place.KindProperty},
	}
	for _, w := range want {
		require.True(t, got[w], "missing %+v", w)
	}
	// Every file the check reports an error for, loading refuses.
	_, err := place.LoadDir("testdata/broken")
	require.Error(t, err)
	// The first "ok" feature is clean: nothing but the duplicate-id of the
	// second one is reported under that id.
	for k := range got {
		if k.feature == `"ok"` {
			require.Contains(t, []string{place.KindDuplicateID, place.KindSelfCross, place.KindRing}, k.kind)
		}
	}
}

func TestCheckFileProblems(t *testing.T) {
	dir := t.TempDir()
	probs := place.Check(dir)
	require.Equal(t, place.KindNoLayers, probs[0].Kind)
	require.Contains(t, probs[0].Message, "no layers.yaml")
	require.Equal(t, place.KindNoLayers, place.Check(dir, place.WithManifest(manifest))[0].Kind)
	require.Equal(t, place.KindRead, place.Check(filepath.Join(dir, "missing"))[0].Kind)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "urban.geojson"), []byte(`{"type":"Feature`), 0o644))
	probs = place.Check(dir, place.WithDefaultManifest(manifest))
	require.Len(t, probs, 1)
	require.Equal(t, place.KindRead, probs[0].Kind)
	require.Contains(t, probs[0].String(), "urban.geojson: read: line 1, column 9: a string is not closed")

	// A manifest that does not parse is reported, with its line.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "layers.yaml"), []byte("layers:\n  - {file: a.geojson, geometry: square}\n"), 0o644))
	probs = place.Check(dir)
	require.Len(t, probs, 1)
	require.Contains(t, probs[0].Message, `layers.yaml:2: layer "a": geometry "square" is not polygon, line or point`)
}

// A forest layer digitised from Amap (GCJ-02) or Baidu (BD-09) is shifted
// 0.6–1.2 km: checked against the towns, it spills over the county border.
func TestCheckShiftedLayer(t *testing.T) {
	towns, err := os.ReadFile("testdata/synthetic/towns.geojson")
	require.NoError(t, err)
	forest, err := os.ReadFile("testdata/synthetic/forest.geojson")
	require.NoError(t, err)
	for _, crs := range []place.CRS{place.GCJ02, place.BD09} {
		t.Run(string(crs), func(t *testing.T) {
			fc, err := geojson.UnmarshalFeatureCollection(forest)
			require.NoError(t, err)
			for _, f := range fc.Features {
				shift(t, f.Geometry, crs)
			}
			shifted, err := fc.MarshalJSON()
			require.NoError(t, err)

			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "towns.geojson"), towns, 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "forest.geojson"), shifted, 0o644))
			probs := place.Check(dir, place.WithDefaultManifest(manifest))
			require.Len(t, probs, 1, "%v", probs)
			require.Equal(t, place.KindShifted, probs[0].Kind)
			require.True(t, probs[0].Warning)
			require.Contains(t, probs[0].Message, string(crs))
			_, err = place.LoadDir(dir, place.WithDefaultManifest(manifest))
			require.NoError(t, err, "a heuristic warns, and loading goes on")
		})
	}
}

// shift moves every position of g from WGS-84 to crs, in place.
func shift(t *testing.T, g orb.Geometry, crs place.CRS) {
	var polys []orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{g}
	case orb.MultiPolygon:
		polys = g
	}
	for _, p := range polys {
		for _, r := range p {
			for i, pt := range r {
				q, err := wgs(pt[1], pt[0]).To(crs)
				require.NoError(t, err)
				r[i] = orb.Point{q.Lon, q.Lat}
			}
		}
	}
}

func TestCheckDivisions(t *testing.T) {
	csv := "code,name\n"
	data, err := os.ReadFile("testdata/synthetic/towns.geojson")
	require.NoError(t, err)
	fc, err := geojson.UnmarshalFeatureCollection(data)
	require.NoError(t, err)
	for _, f := range fc.Features {
		csv += f.Properties["code"].(string) + "," + f.Properties["name"].(string) + "\n"
	}
	table := func(csv string) *division.Table {
		tab, err := division.ParseTable([]byte(csv), "d.csv")
		require.NoError(t, err)
		return tab
	}
	require.Empty(t, place.CheckDivisions("testdata/synthetic", table(csv)))
	require.Empty(t, place.CheckDivisions("testdata/synthetic", townNames), "the embedded rule base's table")

	csv = strings.Replace(csv, "431181001,龙山街道", "431181001,龙山镇", 1)
	csv = strings.Replace(csv, "431181002,长虹街道\n", "", 1)
	probs := place.CheckDivisions("testdata/synthetic", table(csv))
	require.Len(t, probs, 2)
	for _, p := range probs {
		require.Equal(t, place.KindDivision, p.Kind)
	}
	require.Nil(t, place.CheckDivisions(t.TempDir(), table(csv)))
}
