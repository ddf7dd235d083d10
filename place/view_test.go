package place_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/place"
)

// The synthetic layers' manifest, which is the embedded rule base's.
var manifest = func() *place.Manifest {
	data, err := os.ReadFile("testdata/synthetic/layers.yaml")
	if err != nil {
		panic(err)
	}
	m, err := place.ParseManifest(data, "layers.yaml")
	if err != nil {
		panic(err)
	}
	return m
}()

func specOf(t testing.TB, name string) place.LayerSpec {
	t.Helper()
	s, ok := manifest.Layer(name)
	require.True(t, ok, name)
	return s
}

// townNames are the embedded rule base's divisions, to name towns by code.
var townNames = func() *division.Table {
	f, err := os.Open("../rules/divisions.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	t, err := division.ReadTable(f, "divisions.csv")
	if err != nil {
		panic(err)
	}
	return t
}()

// view is a point's facts under the names of the synthetic manifest's
// layers, as the tests read them.
type view struct {
	place.Facts
	ForestKnown, InForestLand, ForestEdgeUncertain bool
	DistanceToForestM, DistanceToEdgeM             float64
	FireZone, ForestFeature, ForestSource          string
	TownKnown, TownEdgeUncertain                   bool
	Town, TownCode, TownSource                     string
	UrbanKnown, UrbanArea, UrbanEdgeUncertain      bool
	UrbanSource                                    string
	PlanningKnown, PlanningArea, PlanningEdge      bool
	PlanningEdgeUncertain                          bool
	FireworksKnown, FireworksBanZone               bool
	FireworksEdgeUncertain                         bool
}

func viewOf(f place.Facts) view {
	v := view{Facts: f}
	if lf, ok := f.Layer("forest"); ok {
		v.ForestKnown, v.InForestLand, v.ForestEdgeUncertain = lf.Known, lf.Inside, lf.EdgeUncertain
		v.DistanceToForestM, v.DistanceToEdgeM, v.ForestFeature, v.ForestSource = lf.DistanceM, lf.EdgeM, lf.Feature, lf.Source
	}
	if z, ok := f.Value("fire_zone"); ok {
		v.FireZone = z.Enum
	}
	if lf, ok := f.Layer("towns"); ok {
		v.TownKnown, v.TownEdgeUncertain, v.TownSource = lf.Known, lf.EdgeUncertain, lf.Source
		if lf.Inside && !lf.EdgeUncertain {
			v.TownCode = string(f.Division)
			v.Town = townNames.Name(f.Division)
		}
	}
	if lf, ok := f.Layer("urban"); ok {
		v.UrbanKnown, v.UrbanArea, v.UrbanEdgeUncertain, v.UrbanSource = lf.Known, lf.Inside, lf.EdgeUncertain, lf.Source
	}
	if lf, ok := f.Layer("planning"); ok {
		v.PlanningKnown, v.PlanningArea, v.PlanningEdgeUncertain = lf.Known, lf.Inside, lf.EdgeUncertain
	}
	if lf, ok := f.Layer("fireworks"); ok {
		v.FireworksKnown, v.FireworksBanZone, v.FireworksEdgeUncertain = lf.Known, lf.Inside, lf.EdgeUncertain
	}
	return v
}
