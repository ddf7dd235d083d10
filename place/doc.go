// Package place turns a position into the place facts that the notices'
// rules use — whether it is in forest land, how far it is from forest
// land, the fire zone, whether it is in a no-discharge zone — and the
// administrative division it lies in.
//
// Which facts there are is data: a layer manifest (layers.yaml, see
// Manifest) names each GeoJSON file of a layer directory, what its
// features are (polygons; lines such as rivers; points such as exam
// sites) and the fact each gives: inside a feature (a bool), the distance
// to the nearest (a number of metres), or a feature property (a value).
// No layer file or fact name is known to Go code. A layer whose file is
// absent leaves its facts unknown, never false.
//
// Layers are read with one strict GeoJSON reader (RFC 7946, WGS-84 or
// CGCS2000 longitude/latitude), and one validator decides for both
// loading and Check what is wrong with them: a layer Check reports no
// error for loads, and one it reports an error for does not.
//
// Every Point names its coordinate system, because a phone's GPS (WGS-84)
// and a point taken from an Amap (GCJ-02) or Baidu (BD-09) map differ by
// 0.6–1.2 km around Qiyang. Points are converted to WGS-84 before any test.
//
// Distances are metres on the WGS-84 ellipsoid, computed in a local tangent
// plane at the query point; they agree with a geodesic to about a
// millimetre at 100 m. The package holds no thresholds from the notices:
// Facts reports distances widened by the caller's position uncertainty,
// and the rules decide.
//
// Use LoadDir (or LoadFS) once, then call Layers.FactsInto from any number
// of goroutines; it does not allocate. The layers in testdata/synthetic
// are made up (see their README) and say so in every feature;
// internal/synth generates them.
package place

//go:generate go run ./internal/synth/cmd/gensynth -towns ../../shared/data/divisions/qiyang-towns.csv -exclude 金洞镇,凤凰乡,石鼓源乡,晒北滩瑶族乡,原种场,畜牧场 -out testdata/synthetic
