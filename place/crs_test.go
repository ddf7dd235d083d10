package place_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/place"
)

// Qiyang's centre, WGS-84.
const qiyangLat, qiyangLon = 26.58, 111.86

func TestParseCRS(t *testing.T) {
	tests := []struct {
		in   string
		want place.CRS
		err  bool
	}{
		{"wgs84", place.WGS84, false},
		{"WGS-84", place.WGS84, false},
		{"cgcs2000", place.WGS84, false},
		{"EPSG:4490", place.WGS84, false},
		{"gcj02", place.GCJ02, false},
		{"GCJ-02", place.GCJ02, false},
		{"amap", place.GCJ02, false},
		{"bd09", place.BD09, false},
		{"baidu", place.BD09, false},
		{"", "", true},
		{"  ", "", true},
		{"utm49n", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := place.ParseCRS(tt.in)
			if tt.err {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

// The published test vectors of the GCJ-02 formula, from the eviltransform
// project's tests (github.com/googollee/eviltransform, go/transform_test.go
// and the same points in its other language ports): WGS-84 → GCJ-02.
var gcjVectors = []struct {
	name           string
	wgsLat, wgsLon float64
	gcjLat, gcjLon float64
}{
	{"shanghai", 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
	{"shenzhen", 22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
	{"beijing", 39.911954, 116.377817, 39.91334545536069, 116.38404722455657},
}

func TestGCJ02PublishedVectors(t *testing.T) {
	for _, v := range gcjVectors {
		t.Run(v.name, func(t *testing.T) {
			lat, lon := place.WGS84ToGCJ02(v.wgsLat, v.wgsLon)
			require.InDelta(t, v.gcjLat, lat, 1e-12)
			require.InDelta(t, v.gcjLon, lon, 1e-12)

			// The iterative inverse recovers the WGS-84 point to 1e-9° (0.1 mm).
			lat, lon = place.GCJ02ToWGS84(v.gcjLat, v.gcjLon)
			require.InDelta(t, v.wgsLat, lat, 1e-9)
			require.InDelta(t, v.wgsLon, lon, 1e-9)

			// The one-step inverse (subtract the offset at the GCJ-02 point)
			// is metres off, which is why the package iterates.
			fLat, fLon := place.WGS84ToGCJ02(v.gcjLat, v.gcjLon)
			oneLat, oneLon := v.gcjLat-(fLat-v.gcjLat), v.gcjLon-(fLon-v.gcjLon)
			t.Logf("one-step inverse is %.2f m off", vincenty(v.wgsLat, v.wgsLon, oneLat, oneLon))
			require.Greater(t, vincenty(v.wgsLat, v.wgsLon, oneLat, oneLon), 0.1)
		})
	}
}

// The coordtransform project's published example (github.com/wandergis/
// coordtransform, README and test/app.js; the same numbers appear in many
// ports), all for the input 116.404°E, 39.915°N.
func TestCoordtransformPublishedVectors(t *testing.T) {
	const lon, lat = 116.404, 39.915

	// Forward formulas: exact.
	gLat, gLon := place.WGS84ToGCJ02(lat, lon)
	require.InDelta(t, 116.41024449916938, gLon, 1e-12)
	require.InDelta(t, 39.91640428150164, gLat, 1e-12)
	bLat, bLon := place.GCJ02ToBD09(lat, lon)
	require.InDelta(t, 116.41036949371029, bLon, 1e-12)
	require.InDelta(t, 39.92133699351021, bLat, 1e-12)

	// Inverses: coordtransform publishes one-step inverses. Ours iterate,
	// so they land within metres of the published value but, unlike it,
	// map forward onto the input exactly.
	wLat, wLon := place.GCJ02ToWGS84(lat, lon)
	require.Less(t, vincenty(wLat, wLon, 39.91359571849836, 116.39775550083061), 5.0)
	fLat, fLon := place.WGS84ToGCJ02(wLat, wLon)
	require.InDelta(t, lat, fLat, 1e-9)
	require.InDelta(t, lon, fLon, 1e-9)

	cLat, cLon := place.BD09ToGCJ02(lat, lon)
	require.Less(t, vincenty(cLat, cLon, 39.90865673957631, 116.39762729119315), 1.0)
	fLat, fLon = place.GCJ02ToBD09(cLat, cLon)
	require.InDelta(t, lat, fLat, 1e-9)
	require.InDelta(t, lon, fLon, 1e-9)
}

func TestCRSRoundTrips(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		w := place.Point{
			Lat: qiyangLat + (rnd.Float64()-0.5)*0.6,
			Lon: qiyangLon + (rnd.Float64()-0.5)*0.6,
			CRS: place.WGS84,
		}
		for _, crs := range []place.CRS{place.WGS84, place.GCJ02, place.BD09} {
			p, err := w.To(crs)
			require.NoError(t, err)
			back, err := p.WGS84()
			require.NoError(t, err)
			require.Equal(t, place.WGS84, back.CRS)
			require.Less(t, vincenty(w.Lat, w.Lon, back.Lat, back.Lon), 1e-3, "%v via %s", w, crs)
		}
	}
}

// The offsets around Qiyang are what make the CRS mandatory: GCJ-02 is about
// 660 m away, six times the 100 m zone; BD-09 about 1.2 km.
func TestOffsetsAroundQiyang(t *testing.T) {
	w := place.Point{Lat: qiyangLat, Lon: qiyangLon, CRS: place.WGS84}
	g, err := w.To(place.GCJ02)
	require.NoError(t, err)
	require.InDelta(t, 660, vincenty(w.Lat, w.Lon, g.Lat, g.Lon), 40)
	b, err := w.To(place.BD09)
	require.NoError(t, err)
	require.InDelta(t, 1200, vincenty(w.Lat, w.Lon, b.Lat, b.Lon), 150)
}

func TestPointWGS84Errors(t *testing.T) {
	tests := []struct {
		name string
		p    place.Point
		want string
	}{
		{"no crs", place.Point{Lat: qiyangLat, Lon: qiyangLon}, "names no coordinate system"},
		{"unknown crs", place.Point{Lat: qiyangLat, Lon: qiyangLon, CRS: "utm"}, "unknown coordinate system"},
		{"nan", place.Point{Lat: math.NaN(), Lon: qiyangLon, CRS: place.WGS84}, "not a finite"},
		{"inf", place.Point{Lat: qiyangLat, Lon: math.Inf(1), CRS: place.WGS84}, "not a finite"},
		{"swapped", place.Point{Lat: qiyangLon, Lon: qiyangLat, CRS: place.WGS84}, "swapped"},
		{"out of range", place.Point{Lat: 91, Lon: 200, CRS: place.WGS84}, "out of range"},
		{"gcj02 outside china", place.Point{Lat: 48.85, Lon: 2.35, CRS: place.GCJ02}, "outside China"},
		{"bd09 outside china", place.Point{Lat: -33.9, Lon: 151.2, CRS: place.BD09}, "outside China"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.p.WGS84()
			require.ErrorContains(t, err, tt.want)
		})
	}
	// WGS-84 is defined everywhere.
	p, err := place.Point{Lat: 48.85, Lon: 2.35, CRS: place.WGS84}.WGS84()
	require.NoError(t, err)
	require.Equal(t, 48.85, p.Lat)
}

// vincenty is the geodesic distance in metres between two WGS-84 points by
// Vincenty's inverse formula (T. Vincenty, Survey Review 23(176), 1975),
// written here independently of the package's local-plane distances so the
// tests check them against a different method.
func vincenty(lat1, lon1, lat2, lon2 float64) float64 {
	const a, f = 6378137.0, 1 / 298.257223563
	b := a * (1 - f)
	rad := math.Pi / 180
	L := (lon2 - lon1) * rad
	U1 := math.Atan((1 - f) * math.Tan(lat1*rad))
	U2 := math.Atan((1 - f) * math.Tan(lat2*rad))
	sinU1, cosU1 := math.Sincos(U1)
	sinU2, cosU2 := math.Sincos(U2)
	lambda := L
	var sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM float64
	for range 200 {
		sinLambda, cosLambda := math.Sincos(lambda)
		sinSigma = math.Hypot(cosU2*sinLambda, cosU1*sinU2-sinU1*cosU2*cosLambda)
		if sinSigma == 0 {
			return 0
		}
		cosSigma = sinU1*sinU2 + cosU1*cosU2*cosLambda
		sigma = math.Atan2(sinSigma, cosSigma)
		sinAlpha := cosU1 * cosU2 * sinLambda / sinSigma
		cos2Alpha = 1 - sinAlpha*sinAlpha
		cos2SigmaM = 0
		if cos2Alpha != 0 {
			cos2SigmaM = cosSigma - 2*sinU1*sinU2/cos2Alpha
		}
		C := f / 16 * cos2Alpha * (4 + f*(4-3*cos2Alpha))
		prev := lambda
		lambda = L + (1-C)*f*sinAlpha*(sigma+C*sinSigma*(cos2SigmaM+C*cosSigma*(-1+2*cos2SigmaM*cos2SigmaM)))
		if math.Abs(lambda-prev) < 1e-13 {
			break
		}
	}
	u2 := cos2Alpha * (a*a - b*b) / (b * b)
	A := 1 + u2/16384*(4096+u2*(-768+u2*(320-175*u2)))
	B := u2 / 1024 * (256 + u2*(-128+u2*(74-47*u2)))
	dSigma := B * sinSigma * (cos2SigmaM + B/4*(cosSigma*(-1+2*cos2SigmaM*cos2SigmaM)-
		B/6*cos2SigmaM*(-3+4*sinSigma*sinSigma)*(-3+4*cos2SigmaM*cos2SigmaM)))
	return b * A * (sigma - dSigma)
}

func TestVincentyKnownDistance(t *testing.T) {
	// Flinders Peak → Buninyong, the worked example of Vincenty's paper as
	// reproduced by Geoscience Australia.
	require.InDelta(t, 54972.271, vincenty(-37.95103342, 144.42486789, -37.65282114, 143.92649554), 1e-3)
}
