package patrol

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

const syntheticLayers = "../place/testdata/synthetic"

// A vertex of a key-zone forest in the synthetic layers.
var forestVertex = place.Point{Lat: 26.3534128, Lon: 111.7616375, CRS: place.WGS84}

var china = time.FixedZone("CST", 8*3600)

// bundleFS assembles a bundle directory from the embedded rules and the
// synthetic layers, without its manifest.
func bundleFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(rules.EmbeddedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rules.EmbeddedFS(), p)
		m[RulesDir+"/"+p] = &fstest.MapFile{Data: data}
		return err
	})
	require.NoError(t, err)
	entries, err := os.ReadDir(syntheticLayers)
	require.NoError(t, err)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".geojson") {
			data, err := os.ReadFile(filepath.Join(syntheticLayers, e.Name()))
			require.NoError(t, err)
			m[LayersDir+"/"+e.Name()] = &fstest.MapFile{Data: data}
		}
	}
	return m
}

func zipBundle(t testing.TB, m fs.FS, version string) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteBundleZip(&buf, m, version))
	return buf.Bytes()
}

func testBundle(t testing.TB) *Bundle {
	t.Helper()
	layers, err := place.LoadDir(syntheticLayers)
	require.NoError(t, err)
	b, err := EmbeddedBundle(layers)
	require.NoError(t, err)
	return b
}

func TestBundleOpen(t *testing.T) {
	m := bundleFS(t)
	data := zipBundle(t, m, "2025-07-01.1")
	b, err := OpenBundleZip(data, "", "new.zip")
	require.NoError(t, err)
	require.Equal(t, "2025-07-01.1", b.Version)
	require.NotNil(t, b.Layers)
	require.Len(t, b.Digest, 64)
	// The same data gives the same bytes, so the published checksum is
	// reproducible.
	require.Equal(t, data, zipBundle(t, m, "2025-07-01.1"))

	// A directory bundle: the files plus bundle.json.
	man, err := MakeManifest(m, "dir-1")
	require.NoError(t, err)
	dir := t.TempDir()
	for p, f := range m {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, p), f.Data, 0o644))
	}
	raw := fmt.Sprintf(`{"version":%q,"files":{`, man.Version)
	for i, p := range sortedKeys(man.Files) {
		if i > 0 {
			raw += ","
		}
		raw += fmt.Sprintf("%q:%q", p, man.Files[p])
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, ManifestFile), []byte(raw+"}}"), 0o644))
	db, err := OpenBundleDir(dir)
	require.NoError(t, err)
	require.Equal(t, "dir-1", db.Version)
}

func TestBundleRejects(t *testing.T) {
	good := zipBundle(t, bundleFS(t), "v1")
	tampered := func(edit func(m fstest.MapFS)) func(t *testing.T) ([]byte, string) {
		return func(t *testing.T) ([]byte, string) {
			// Build a correct manifest, then change the data under it.
			m := bundleFS(t)
			man, err := MakeManifest(m, "v2")
			require.NoError(t, err)
			edit(m)
			raw := `{"version":"v2","files":{`
			for i, p := range sortedKeys(man.Files) {
				if i > 0 {
					raw += ","
				}
				raw += fmt.Sprintf("%q:%q", p, man.Files[p])
			}
			m[ManifestFile] = &fstest.MapFile{Data: []byte(raw + "}}")}
			var buf bytes.Buffer
			require.NoError(t, writeRawZip(&buf, m))
			return buf.Bytes(), ""
		}
	}
	tests := []struct {
		name string
		make func(t *testing.T) ([]byte, string)
		want string
	}{
		{"wrong file checksum", func(*testing.T) ([]byte, string) { return good, strings.Repeat("0", 64) }, "checksum"},
		{"not a zip", func(*testing.T) ([]byte, string) { return []byte("hello"), "" }, "zip"},
		{"changed rule file", tampered(func(m fstest.MapFS) {
			f := m["rules/facts.yaml"]
			m["rules/facts.yaml"] = &fstest.MapFile{Data: append(bytes.Clone(f.Data), '\n')}
		}), "rules/facts.yaml: checksum"},
		{"unlisted layer", tampered(func(m fstest.MapFS) {
			m["layers/extra.geojson"] = &fstest.MapFile{Data: []byte("{}")}
		}), "layers/extra.geojson: not in bundle.json"},
		{"missing file", tampered(func(m fstest.MapFS) { delete(m, "layers/forest.geojson") }), "forest.geojson"},
		{"no manifest", func(t *testing.T) ([]byte, string) {
			var buf bytes.Buffer
			require.NoError(t, writeRawZip(&buf, bundleFS(t)))
			return buf.Bytes(), ""
		}, "bundle.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, sum := tt.make(t)
			_, err := OpenBundleZip(data, sum, "new.zip")
			require.Error(t, err)
			require.ErrorContains(t, err, tt.want)
			var be *BundleError
			require.ErrorAs(t, err, &be)
		})
	}
}

func writeRawZip(w io.Writer, m fstest.MapFS) error {
	zw := zip.NewWriter(w)
	for _, p := range sortedKeys(m) {
		f, err := zw.Create(p)
		if err != nil {
			return err
		}
		if _, err := f.Write(m[p].Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func TestInstallKeepsLastGood(t *testing.T) {
	dir := t.TempDir()
	src := t.TempDir()
	v1 := filepath.Join(src, "v1.zip")
	require.NoError(t, os.WriteFile(v1, zipBundle(t, bundleFS(t), "v1"), 0o644))
	b, err := Install(dir, v1, "")
	require.NoError(t, err)
	require.Equal(t, "v1", b.Version)

	// A broken update is refused and v1 stays current.
	bad := filepath.Join(src, "bad.zip")
	require.NoError(t, os.WriteFile(bad, []byte("truncated"), 0o644))
	_, err = Install(dir, bad, "")
	require.Error(t, err)
	cur, fellBack, err := OpenInstalled(dir)
	require.NoError(t, err)
	require.False(t, fellBack)
	require.Equal(t, "v1", cur.Version)

	// A good update becomes current; v1 is kept as previous.
	v2 := filepath.Join(src, "v2.zip")
	require.NoError(t, os.WriteFile(v2, zipBundle(t, bundleFS(t), "v2"), 0o644))
	_, err = Install(dir, v2, "")
	require.NoError(t, err)
	cur, _, err = OpenInstalled(dir)
	require.NoError(t, err)
	require.Equal(t, "v2", cur.Version)

	// If the current file is damaged on disk, the previous one is used.
	require.NoError(t, os.WriteFile(filepath.Join(dir, CurrentBundle), []byte("damaged"), 0o644))
	cur, fellBack, err = OpenInstalled(dir)
	require.NoError(t, err)
	require.True(t, fellBack)
	require.Equal(t, "v1", cur.Version)

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 2, "no temporary files left behind")
}

func TestBundleCaseCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every rule case")
	}
	_, err := OpenBundleZip(zipBundle(t, bundleFS(t), "v1"), "", "v1.zip", WithCaseCheck())
	require.NoError(t, err)
}

func TestHere(t *testing.T) {
	b := testBundle(t)
	h, err := b.Here(engine.Query{Day: calendar.MustDate(2025, 7, 10), Point: &forestVertex})
	require.NoError(t, err)
	require.Equal(t, b.Version, h.Bundle)
	var fire *engine.NoticeHere
	for i, n := range h.Notices {
		for _, r := range n.Restricted {
			if r.Activity.Name == "野外用火" {
				fire = &h.Notices[i]
			}
		}
	}
	require.NotNil(t, fire, "the key-zone forest is under the fire ban all year")
	require.NotEmpty(t, fire.Contacts)
	require.NotEmpty(t, fire.Duties)

	_, err = (&Bundle{Engine: b.Engine}).Here(engine.Query{Day: calendar.MustDate(2025, 7, 10), Point: &forestVertex})
	require.ErrorContains(t, err, "layers")
}

func TestTimeline(t *testing.T) {
	b := testBundle(t)
	q := engine.Query{Facts: engine.Facts{"distance_to_forest_m": 50, "fire_zone": "general"}}
	tls, err := b.Timeline(q, []string{"野外用火"}, calendar.MustDate(2025, 1, 1), calendar.MustDate(2025, 12, 31))
	require.NoError(t, err)
	require.Len(t, tls, 1)
	type span struct {
		from, to string
		v        engine.Verdict
	}
	var got []span
	for _, iv := range tls[0].Intervals {
		got = append(got, span{iv.From.String(), iv.To.String(), iv.Verdict})
	}
	require.Equal(t, []span{
		{"2025-01-01", "2025-04-30", engine.Forbidden},
		// A general area's 禁火期 ends on 04-30; a high fire-danger spell
		// in summer is a special period only within it (其中).
		{"2025-05-01", "2025-08-31", engine.NoRule},
		{"2025-09-01", "2025-12-31", engine.Forbidden},
	}, got)
	require.Empty(t, tls[0].Intervals[1].UnknownFacts)

	day, iv, ok := tls[0].NextNotForbidden(calendar.MustDate(2025, 3, 1))
	require.True(t, ok)
	require.Equal(t, "2025-05-01", day.String())
	require.Equal(t, engine.NoRule, iv.Verdict)
	_, _, ok = tls[0].NextNotForbidden(calendar.MustDate(2025, 9, 2))
	require.False(t, ok)

	_, err = b.Timeline(q, []string{"野外用火"}, calendar.MustDate(2025, 2, 1), calendar.MustDate(2025, 1, 1))
	require.Error(t, err)
	_, err = b.Timeline(q, []string{"no such act"}, calendar.MustDate(2025, 1, 1), calendar.MustDate(2025, 2, 1))
	require.Error(t, err)
}

// writeTrack writes a GPX track of n points on a straight line from a to
// c, one per second from start.
func writeTrack(w io.Writer, a, c place.Point, start time.Time, n int) {
	fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="tonggao test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>test</name><trkseg>
`)
	for i := range n {
		f := float64(i) / float64(max(1, n-1))
		fmt.Fprintf(w, "<trkpt lat=\"%.7f\" lon=\"%.7f\"><ele>120.0</ele><time>%s</time></trkpt>\n",
			a.Lat+(c.Lat-a.Lat)*f, a.Lon+(c.Lon-a.Lon)*f, start.Add(time.Duration(i)*time.Second).UTC().Format(time.RFC3339))
	}
	fmt.Fprint(w, "</trkseg></trk></gpx>\n")
}

// A line through the synthetic key-zone forest, starting and ending
// outside it.
var (
	trackA = place.Point{Lat: 26.3434128, Lon: 111.7516375, CRS: place.WGS84}
	trackB = place.Point{Lat: 26.3634128, Lon: 111.7716375, CRS: place.WGS84}
)

const carryFire = "携带火种及易燃易爆物品进入林区"

func TestCheckTrack(t *testing.T) {
	b := testBundle(t)
	tests := []struct {
		name     string
		start    time.Time
		accuracy float64
		facts    engine.Facts
		segments int
		verdict  engine.Verdict
	}{
		{"national day, exact", time.Date(2025, 10, 3, 8, 0, 0, 0, china), 0, nil, 1, engine.Forbidden},
		{"national day, 5 m accuracy", time.Date(2025, 10, 3, 8, 0, 0, 0, china), 5, nil, 1, engine.Forbidden},
		// The key zone is under the ban all year; this line crosses one.
		{"summer, no fire-danger spell", time.Date(2025, 7, 10, 8, 0, 0, 0, china), 0, engine.Facts{"high_danger_days": 0}, 1, engine.Forbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var gpx bytes.Buffer
			writeTrack(&gpx, trackA, trackB, tt.start, 2000)
			segs, st, err := b.CheckTrack(&gpx, "", TrackOptions{Activity: carryFire, AccuracyM: tt.accuracy, Facts: tt.facts})
			require.NoError(t, err)
			require.Equal(t, 2000, st.Points)
			require.Less(t, st.Decisions, 20, "decisions are cached per day and place-fact combination")
			require.Len(t, segs, tt.segments)
			s := segs[0]
			require.Equal(t, tt.verdict, s.Verdict)
			require.Equal(t, "祁政通〔2024〕7号", s.Notice)
			require.Greater(t, s.DistanceM, 500.0)
			require.Less(t, s.DistanceM, 3200.0) // the whole line is ~2.9 km
			require.Less(t, s.Entry.Index, s.Exit.Index)
			require.False(t, s.Ended)
			require.Equal(t, s.Exit.Index-s.Entry.Index, s.Points)
		})
	}
}

// The cache must never change an answer: every point's verdict, decided
// afresh, equals the cached one, across the forest edge, the 100 m line,
// the edge of a fireworks zone, town and urban boundaries (a 30 km square
// at 150 m accuracy) and several
// accuracies.
func TestTrackCacheAgreesWithEngine(t *testing.T) {
	b := testBundle(t)
	rng := rand.New(rand.NewPCG(1, 2))
	fireworksVertex := place.Point{Lat: 26.5813538, Lon: 111.88872, CRS: place.WGS84}
	for _, tc := range []struct {
		centre      place.Point
		acc, spread float64 // accuracy in metres; spread in degrees around centre
	}{
		{forestVertex, 0, 0.01}, {forestVertex, 3, 0.01}, {forestVertex, 20, 0.01},
		{fireworksVertex, 20, 0.01}, {fireworksVertex, 150, 0.3},
	} {
		acc := tc.acc
		// 燃放烟花爆竹 reads both the fire-ban zone and the fireworks zone.
		act := "燃放烟花爆竹"
		c, err := b.NewTrackChecker(TrackOptions{Activity: act, AccuracyM: acc})
		require.NoError(t, err)
		start := time.Date(2025, 4, 29, 22, 0, 0, 0, china) // 2000 fixes 97 s apart reach 05-02: the general season ends after 04-30
		inside := map[int]engine.Verdict{}
		var pts []TrackPoint
		for i := range 2000 {
			p := TrackPoint{Index: i, Time: start.Add(time.Duration(i) * 97 * time.Second),
				Point: place.Point{Lat: tc.centre.Lat + (rng.Float64()-0.5)*tc.spread, Lon: tc.centre.Lon + (rng.Float64()-0.5)*tc.spread, CRS: place.WGS84}}
			pts = append(pts, p)
			_, err := c.Add(p)
			require.NoError(t, err)
			pf := mustFacts(t, b, p.Point, acc)
			k := c.keyFor(&pf)
			inside[i] = c.cache[string(k)].verdict
		}
		for _, p := range pts {
			d, err := b.Engine.Decide(engine.Query{Activity: act, At: p.Time, Point: &p.Point, AccuracyM: acc})
			require.NoError(t, err)
			require.Equal(t, d.Verdict, inside[p.Index], "point %d %v at %v, accuracy %v", p.Index, p.Point, p.Time, acc)
		}
		require.Less(t, c.Stats().Decisions, 1500, "random points over 30 km still share decisions")
	}
}

func mustFacts(t *testing.T, b *Bundle, p place.Point, acc float64) place.Facts {
	pf, err := b.Layers.Facts(p, acc)
	require.NoError(t, err)
	return pf
}

func TestTrackErrors(t *testing.T) {
	b := testBundle(t)
	opts := TrackOptions{Activity: carryFire}
	tests := []struct {
		name, gpx, want string
	}{
		{"no time", `<gpx><trk><trkseg><trkpt lat="26.35" lon="111.76"></trkpt></trkseg></trk></gpx>`, "no <time>"},
		{"bad lat", `<gpx><trk><trkseg><trkpt lat="north" lon="111.76"><time>2025-10-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`, "decimal numbers"},
		// GPX numbers are xsd:decimal: Go's own syntax is not GPX.
		{"hex float", `<gpx><trk><trkseg><trkpt lat="0x1p-2" lon="111.76"><time>2025-10-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`, "decimal numbers"},
		{"underscores", `<gpx><trk><trkseg><trkpt lat="2_6.35" lon="111.76"><time>2025-10-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`, "decimal numbers"},
		{"exponent", `<gpx><trk><trkseg><trkpt lat="26.35" lon="1.1176e2"><time>2025-10-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`, "decimal numbers"},
		{"infinity", `<gpx><trk><trkseg><trkpt lat="Inf" lon="111.76"><time>2025-10-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`, "decimal numbers"},
		// One text node, tag or comment is held at a time, and bounded.
		{"huge text", `<gpx><desc>` + strings.Repeat("长", MaxGPXToken/3+1) + `</desc></gpx>`, "a text longer than 1048576 bytes"},
		{"huge tag", `<gpx><trk name="` + strings.Repeat("x", MaxGPXToken) + `"></trk></gpx>`, "a tag longer"},
		{"huge comment", `<gpx><!--` + strings.Repeat("x", MaxGPXToken+1) + `--></gpx>`, "a comment, CDATA section or end tag longer"},
		{"huge time", `<gpx><trk><trkseg><trkpt lat="26.35" lon="111.76"><time>` + strings.Repeat(" ", MaxGPXToken+1) + `</time></trkpt></trkseg></trk></gpx>`, "longer than"},
		{"deep", `<gpx>` + strings.Repeat("<e>", MaxGPXDepth) + `</gpx>`, "nested deeper than 64"},
		{"bad time", `<gpx><trk><trkseg><trkpt lat="26.35" lon="111.76"><time>yesterday</time></trkpt></trkseg></trk></gpx>`, "RFC 3339"},
		{"not gpx", `<kml></kml>`, "not a GPX file"},
		{"broken xml", `<gpx><trk>`, "gpx"},
		{"out of order", `<gpx><trk><trkseg><trkpt lat="26.35" lon="111.76"><time>2025-10-01T01:00:00Z</time></trkpt><trkpt lat="26.35" lon="111.76"><time>2025-10-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`, "earlier than"},
		{"out of range", `<gpx><trk><trkseg><trkpt lat="126.35" lon="111.76"><time>2025-10-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`, "point 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := b.CheckTrack(strings.NewReader(tt.gpx), "", opts)
			require.ErrorContains(t, err, tt.want)
		})
	}
	_, err := b.NewTrackChecker(TrackOptions{Activity: "飞行"})
	require.ErrorContains(t, err, "unknown activity")
	_, err = b.NewTrackChecker(TrackOptions{Activity: carryFire, Facts: engine.Facts{"in_forest_land": true}})
	require.ErrorContains(t, err, "layers")
	_, err = b.NewTrackChecker(TrackOptions{Activity: carryFire, AccuracyM: -1})
	require.ErrorContains(t, err, "accuracy")
}

// A day's track at one fix per second is 86,400 points; this is 100,000.
func BenchmarkCheckTrack100k(b *testing.B) {
	bundle := testBundle(b)
	var gpx bytes.Buffer
	writeTrack(&gpx, trackA, trackB, time.Date(2025, 10, 3, 0, 0, 0, 0, china), 100_000)
	data := gpx.Bytes()
	b.SetBytes(int64(len(data)))
	cpu, n := startCPU(), 0
	for b.Loop() {
		n++
		_, st, err := bundle.CheckTrack(bytes.NewReader(data), "", TrackOptions{Activity: carryFire, AccuracyM: 5})
		if err != nil || st.Points != 100_000 {
			b.Fatal(err, st)
		}
	}
	cpu.report(b, n)
}

func BenchmarkReadGPX100k(b *testing.B) {
	var gpx bytes.Buffer
	writeTrack(&gpx, trackA, trackB, time.Date(2025, 10, 3, 0, 0, 0, 0, china), 100_000)
	data := gpx.Bytes()
	b.SetBytes(int64(len(data)))
	cpu, n := startCPU(), 0
	for b.Loop() {
		n++
		if err := ReadGPX(bytes.NewReader(data), "", func(TrackPoint) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b, n)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// A track check holds the decisions of one stretch of time, not of every
// day it has seen: a year of hourly fixes back and forth across the forest
// edge keeps the cache small, and every answer still agrees with the
// engine's.
func TestTrackCacheBounded(t *testing.T) {
	b := testBundle(t)
	c, err := b.NewTrackChecker(TrackOptions{Activity: carryFire, AccuracyM: 5})
	require.NoError(t, err)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, china)
	largest := 0
	for i := range 366 * 24 {
		p := TrackPoint{Index: i, Time: start.Add(time.Duration(i) * time.Hour), Point: trackA}
		if i%2 == 1 {
			p.Point = trackB
		}
		if i%97 == 0 {
			p.Point = forestVertex
		}
		_, err := c.Add(p)
		require.NoError(t, err)
		largest = max(largest, len(c.cache))
		if i%500 == 0 {
			d, err := b.Engine.Decide(engine.Query{Activity: carryFire, At: p.Time, Point: &p.Point, AccuracyM: 5})
			require.NoError(t, err)
			pf := mustFacts(t, b, p.Point, 5)
			require.Equal(t, d.Verdict, c.cache[string(c.keyFor(&pf))].verdict, "point %d", i)
		}
	}
	require.LessOrEqual(t, largest, 3, "the cache holds one stretch of time's place-fact combinations")
	require.GreaterOrEqual(t, c.Stats().Decisions, 366, "a new day is decided afresh")
}

// CheckTrack keeps at most MaxSegments segments and then refuses the track,
// naming the point.
func TestCheckTrackMaxSegments(t *testing.T) {
	b := testBundle(t)
	var gpx bytes.Buffer
	fmt.Fprint(&gpx, `<gpx><trk><trkseg>`)
	start := time.Date(2025, 10, 3, 8, 0, 0, 0, china)
	for i := range 10 {
		p := trackA
		if i%2 == 1 {
			p = forestVertex
		}
		fmt.Fprintf(&gpx, `<trkpt lat="%.7f" lon="%.7f"><time>%s</time></trkpt>`, p.Lat, p.Lon, start.Add(time.Duration(i)*time.Minute).UTC().Format(time.RFC3339))
	}
	fmt.Fprint(&gpx, `</trkseg></trk></gpx>`)
	segs, _, err := b.CheckTrack(bytes.NewReader(gpx.Bytes()), "", TrackOptions{Activity: carryFire})
	require.NoError(t, err)
	require.Len(t, segs, 5)
	_, _, err = b.CheckTrack(bytes.NewReader(gpx.Bytes()), "", TrackOptions{Activity: carryFire, MaxSegments: 4})
	require.ErrorContains(t, err, "more than 4 segments inside the zone (the next ends at point 9)")
}
