package patrol

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type gpxResult struct {
	points []TrackPoint
	err    error
}

func collect(read func(r *strings.Reader, fn func(TrackPoint) error) error, doc string) gpxResult {
	var res gpxResult
	res.err = read(strings.NewReader(doc), func(p TrackPoint) error {
		res.points = append(res.points, p)
		return nil
	})
	return res
}

func readStd(r *strings.Reader, fn func(TrackPoint) error) error  { return readGPXStd(r, "", fn) }
func readScan(r *strings.Reader, fn func(TrackPoint) error) error { return scanGPX(r, "wgs84", fn) }

// agree: whatever encoding/xml accepts, the scanner reads to the same
// points; whatever encoding/xml refuses for a GPX reason (missing time,
// bad number, unclosed element), the scanner refuses too.
func agree(t *testing.T, doc string) {
	std, fast := collect(readStd, doc), collect(readScan, doc)
	if std.err == nil {
		require.NoError(t, fast.err, "encoding/xml reads %q", doc)
		require.Equal(t, len(std.points), len(fast.points))
		for i := range std.points {
			require.Equal(t, std.points[i].Point, fast.points[i].Point)
			require.True(t, std.points[i].Time.Equal(fast.points[i].Time))
			require.Equal(t, std.points[i].Index, fast.points[i].Index)
		}
	}
}

func TestScanAgreesWithEncodingXML(t *testing.T) {
	var track bytes.Buffer
	writeTrack(&track, trackA, trackB, time.Date(2025, 10, 3, 8, 0, 0, 0, china), 500)
	docs := []string{
		track.String(),
		`<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x "y">]><gpx xmlns="http://www.topografix.com/GPX/1/1"><!-- a > comment --><trk><trkseg>
<trkpt lat='26.35' lon = "111.76" ><ele>1</ele><time> 2025-10-01T08:00:00+08:00 </time></trkpt>
<gpx:trkpt gpx:lat="26.36" gpx:lon="111.77"><gpx:time><![CDATA[2025-10-01T00:00:05Z]]></gpx:time></gpx:trkpt>
<trkpt lat="&#50;6.37" lon="111.78" name="a &gt; b"><extensions><x a="1"/></extensions><time>2025-10-01T00:00:0&#x36;Z</time></trkpt>
</trkseg></trk></gpx>`,
		`<gpx><wpt lat="1" lon="2"><time>2025-10-01T00:00:00Z</time></wpt><trk><trkseg><trkpt lat="1" lon="2"><time>2025-10-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`,
	}
	for _, d := range docs {
		agree(t, d)
		require.NoError(t, collect(readScan, d).err)
	}
	require.Len(t, collect(readScan, docs[1]).points, 3)

	for _, bad := range []string{
		`<gpx><trk><trkseg><trkpt lat="26.35" lon="111.76"></trkpt></trkseg></trk></gpx>`,
		`<gpx><trkpt lat="north" lon="1"><time>2025-10-01T00:00:00Z</time></trkpt></gpx>`,
		`<gpx><trkpt lat="1" lon="1"><time>yesterday</time></trkpt></gpx>`,
		`<gpx><trk>`,
		`<gpx><trk></gpx>`,
		`<kml></kml>`,
		`<gpx><trkpt lat="1" lon="1"/></gpx>`,
		`<gpx><!-- unterminated`,
		`<gpx><trkpt lat="1" lon="1"><time>&bogus;</time></trkpt></gpx>`,
		`<gpx><trkpt lat="0x1p-2" lon="1"><time>2025-10-01T00:00:00Z</time></trkpt></gpx>`,
		`<gpx><trkpt lat="1" lon="2_6.35"><time>2025-10-01T00:00:00Z</time></trkpt></gpx>`,
		`<gpx><trkpt lat="1e1" lon="1"><time>2025-10-01T00:00:00Z</time></trkpt></gpx>`,
		`<gpx><trkpt lat="." lon="1"><time>2025-10-01T00:00:00Z</time></trkpt></gpx>`,
	} {
		require.Error(t, collect(readScan, bad).err, bad)
		require.Error(t, collect(readStd, bad).err, bad)
	}
}

func FuzzScanAgreesWithEncodingXML(f *testing.F) {
	f.Add(`<gpx><trk><trkseg><trkpt lat="26.35" lon="111.76"><time>2025-10-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`)
	f.Add(`<?xml version="1.0"?><gpx><!-- c --><trkpt lat=' 1 ' lon="2"><time><![CDATA[2025-10-01T00:00:00Z]]></time></trkpt></gpx>`)
	f.Add(`<gpx><a:trkpt a:lat="1" lon="2" x="&lt;"><time>2025-10-01T00:00:0&#49;Z</time></a:trkpt></gpx>`)
	f.Fuzz(func(t *testing.T, doc string) {
		agree(t, doc)
	})
}

func TestParseDecimal(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"26.35", 26.35, true}, {"-0.5", -0.5, true}, {"+1", 1, true}, {".5", 0.5, true}, {"5.", 5, true}, {"007", 7, true},
		{"", 0, false}, {".", 0, false}, {"-", 0, false}, {"1.2.3", 0, false}, {"0x1p-2", 0, false}, {"2_6.35", 0, false},
		{"1e3", 0, false}, {"Inf", 0, false}, {"NaN", 0, false}, {"1 2", 0, false}, {"--1", 0, false},
	} {
		got, ok := parseDecimal([]byte(tc.in))
		require.Equal(t, tc.ok, ok, tc.in)
		require.Equal(t, tc.want, got, tc.in)
	}
}
