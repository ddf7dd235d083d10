// Package place turns a position into the place facts that the notices'
// rules use: whether it is in forest land, how far it is from forest land,
// the forest fire zone, the township, and whether it is in the urban area,
// the city planning area or a fireworks no-discharge zone.
//
// Layers are GeoJSON files (RFC 7946, WGS-84 or CGCS2000 longitude/latitude),
// one per layer in a directory: forest.geojson, towns.geojson,
// urban.geojson, planning.geojson and fireworks.geojson. Every layer is
// optional: the facts of an absent layer are unknown, never false.
//
// Every Point names its coordinate system, because a phone's GPS (WGS-84)
// and a point taken from an Amap (GCJ-02) or Baidu (BD-09) map differ by
// 0.6–1.2 km around Qiyang. Points are converted to WGS-84 before any test.
//
// Distances are metres on the WGS-84 ellipsoid, computed in a local tangent
// plane at the query point; they agree with a geodesic to about a
// millimetre at 100 m. The package holds no thresholds from the notices:
// Facts reports distances and the caller's position uncertainty, and the
// rules decide.
//
// Use LoadDir (or LoadFS) once, then call Layers.Facts from any number of
// goroutines; it does not allocate. Check validates a layer directory more
// strictly than loading does, for "tonggao layers check". The layers in
// testdata/synthetic are made up (see their README) and say so in every
// feature; internal/synth generates them.
package place

//go:generate go run ./internal/synth/cmd/gensynth -towns ../../shared/data/divisions/qiyang-towns.csv -exclude 金洞镇,凤凰乡,石鼓源乡,晒北滩瑶族乡,原种场,畜牧场 -out testdata/synthetic
