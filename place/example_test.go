package place_test

import (
	"fmt"
	"log"

	"github.com/tonggao/tonggao/place"
)

// A patrol officer's phone reports a GPS fix with 5 m accuracy; the
// synthetic layers say where it is.
func Example() {
	layers, err := place.LoadDir("testdata/synthetic")
	if err != nil {
		log.Fatal(err)
	}
	f, err := layers.Facts(place.Point{Lat: 26.3534128, Lon: 111.7622, CRS: place.WGS84}, 5)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("in forest land: %v\n", f.InForestLand)
	fmt.Printf("distance to forest: %.1f m ± %.0f m (%s, feature %s)\n",
		f.DistanceToForestM, f.UncertaintyM, f.ForestSource, f.ForestFeature)
	fmt.Printf("fire zone: %s\n", f.FireZone)
	fmt.Printf("town: %s (%s)\n", f.Town, f.TownCode)
	fmt.Printf("urban area: %v, planning area: %v, fireworks ban zone: %v\n", f.UrbanArea, f.PlanningArea, f.FireworksBanZone)
	// Output:
	// in forest land: false
	// distance to forest: 56.0 m ± 5 m (testdata/synthetic/forest.geojson (synthetic), feature SYN-F00001)
	// fire zone: key
	// town: 进宝塘镇 (431181108)
	// urban area: false, planning area: false, fireworks ban zone: false
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
	for _, p := range place.Check("testdata/broken")[:3] {
		fmt.Println(p)
	}
	// Output:
	// testdata/broken/forests.geojson: unknown-file: not a layer file, ignored by the loader (layers are forest.geojson, towns.geojson, urban.geojson, planning.geojson, fireworks.geojson)
	// testdata/broken/forest.geojson: feature "bowtie": invalid-ring: exterior ring has zero area
	// testdata/broken/forest.geojson: feature "bowtie": self-intersection: exterior ring: segment 0 crosses segment 2 near [111.9050000, 26.6050000]
}
