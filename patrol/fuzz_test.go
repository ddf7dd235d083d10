package patrol

import (
	"strings"
	"testing"
)

// ReadGPX takes files from phones and other apps: whatever the bytes, it
// returns points or an error, never panics, and every point it returns has
// a time and its index in order.
func FuzzReadGPX(f *testing.F) {
	f.Add(`<gpx><trk><trkseg><trkpt lat="26.35" lon="111.76"><time>2025-10-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`)
	f.Add(`<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat=" 26.35 " lon="111.76"><ele>1</ele><time>2025-10-01T08:00:00+08:00</time></trkpt><trkpt lat="26.36" lon="111.77"><time><![CDATA[2025-10-01T00:00:05Z]]></time></trkpt></trkseg></trk></gpx>`)
	f.Add(`<gpx><wpt lat="1" lon="2"><time>2025-10-01T00:00:00Z</time></wpt><trk><trkpt lat="1" lon="2"></trkpt></trk></gpx>`)
	f.Add(`<gpx><trkpt lat="1" lon="2"><time>x</time><time>2025-10-01T00:00:00Z</time></trkpt></gpx>`)
	f.Add(`<gpx><!-- c --><trkpt lat="NaN" lon="Inf"><time>2025-10-01T00:00:00Z</time></trkpt></gpx>`)
	f.Fuzz(func(t *testing.T, doc string) {
		n := 0
		_ = ReadGPX(strings.NewReader(doc), "", func(p TrackPoint) error {
			if p.Time.IsZero() {
				t.Fatalf("point %d without a time", p.Index)
			}
			if p.Index != n {
				t.Fatalf("index %d, want %d", p.Index, n)
			}
			n++
			return nil
		})
	})
}
