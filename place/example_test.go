package place_test

import (
	"fmt"
	"log"

	"github.com/tonggao/tonggao/place"
)

// A patrol officer's phone reports a GPS fix with 5 m accuracy; the
// synthetic layers say where it is, in the facts their manifest names.
func Example() {
	layers, err := place.LoadDir("testdata/synthetic")
	if err != nil {
		log.Fatal(err)
	}
	f, err := layers.Facts(place.Point{Lat: 26.3534128, Lon: 111.7622, CRS: place.WGS84}, 5)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range f.Values {
		switch {
		case !v.Known:
			fmt.Printf("%s: unknown\n", v.Fact)
		case v.From == place.Inside:
			fmt.Printf("%s: %v\n", v.Fact, v.Bool)
		case v.From == place.Distance:
			fmt.Printf("%s: %.1f–%.1f\n", v.Fact, v.Lo, v.Hi)
		default:
			fmt.Printf("%s: %s\n", v.Fact, v.Enum)
		}
	}
	forest, _ := f.Layer("forest")
	fmt.Printf("nearest forest: feature %s, %.1f m (%s)\n", forest.Feature, forest.DistanceM, forest.Source)
	fmt.Printf("division: %s\n", f.Division)
	// Output:
	// in_forest_land: false
	// distance_to_forest_m: 51.0–61.0
	// fire_zone: key
	// urban_area: false
	// planning_area: false
	// fireworks_ban_zone: false
	// nearest forest: feature SYN-F00001, 56.0 m (testdata/synthetic/forest.geojson (synthetic))
	// division: 431181108
}

// A point picked on an Amap (GCJ-02) map is about 660 m from the same
// numbers read as GPS coordinates around Qiyang; Facts converts it first.
func ExamplePoint_WGS84() {
	amap := place.Point{Lat: 26.5760, Lon: 111.8654, CRS: place.GCJ02}
	w, err := amap.WGS84()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w)

	_, err = place.Point{Lat: 26.5760, Lon: 111.8654}.WGS84()
	fmt.Println(err)
	// Output:
	// 26.5795928,111.8600982 (wgs84)
	// place: point 26.576,111.8654 names no coordinate system (want wgs84, gcj02 or bd09)
}

func ExampleParseCRS() {
	for _, s := range []string{"CGCS2000", "amap", "bd09", ""} {
		crs, err := place.ParseCRS(s)
		fmt.Printf("%q → %q %v\n", s, crs, err)
	}
	// Output:
	// "CGCS2000" → "wgs84" <nil>
	// "amap" → "gcj02" <nil>
	// "bd09" → "bd09" <nil>
	// "" → "" place: missing coordinate system (want wgs84, gcj02 or bd09)
}

func ExampleCheck() {
	for _, p := range place.Check("testdata/broken")[:4] {
		fmt.Println(p)
	}
	// Output:
	// testdata/broken/forests.geojson: warning: unknown-file: not a layer file of testdata/broken/layers.yaml, ignored by the loader (layers are forest.geojson, towns.geojson, urban.geojson, planning.geojson, fireworks.geojson)
	// testdata/broken/forest.geojson: feature "bowtie": invalid-ring: exterior ring has zero area
	// testdata/broken/forest.geojson: feature "bowtie": self-intersection: exterior ring: segment 0 crosses segment 2 near [111.9050000, 26.6050000]
	// testdata/broken/forest.geojson: feature "unclosed": unclosed-ring: exterior ring is not closed: first position [111.8 26.5], last [111.8 26.51] (RFC 7946 §3.1.6)
}
