package place

import (
	"fmt"
	"math"
	"strings"
)

// CRS names the coordinate reference system a point was measured in.
// Every Point must name one: a GPS fix and a point picked on an Amap map
// differ by about 660 m around Qiyang, more than six times the width of the
// 100 m fire-ban buffer, so guessing is never safe.
type CRS string

const (
	// WGS84 is GPS's system. CGCS2000, China's national geodetic system,
	// agrees with it at the metre level and is accepted under this name.
	WGS84 CRS = "wgs84"
	// GCJ02 is the obfuscated "Mars" system required for maps published in
	// China: Amap (高德), Tencent, and Apple and Google maps inside China.
	GCJ02 CRS = "gcj02"
	// BD09 is Baidu's further offset of GCJ-02, about 1.2 km from WGS-84
	// around Qiyang.
	BD09 CRS = "bd09"
)

// ParseCRS parses a coordinate system name, case-insensitively. It accepts
// "wgs84", "wgs-84", "gps", "cgcs2000", "epsg:4326", "epsg:4490" (all
// WGS84), "gcj02", "gcj-02", "amap", "tencent" (GCJ02), and "bd09",
// "bd-09", "baidu" (BD09). An empty name is an error: a point must say
// which system it is in.
func ParseCRS(s string) (CRS, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", fmt.Errorf("place: missing coordinate system (want wgs84, gcj02 or bd09)")
	case "wgs84", "wgs-84", "wgs 84", "gps", "cgcs2000", "epsg:4326", "epsg:4490", "crs84":
		return WGS84, nil
	case "gcj02", "gcj-02", "gcj", "amap", "gaode", "tencent", "qq":
		return GCJ02, nil
	case "bd09", "bd-09", "bd09ll", "baidu":
		return BD09, nil
	}
	return "", fmt.Errorf("place: unknown coordinate system %q (want wgs84, gcj02 or bd09)", s)
}

// Point is a position in a named coordinate system, in decimal degrees.
type Point struct {
	Lat, Lon float64
	CRS      CRS
}

// String formats the point as "lat,lon (crs)" with 7 decimals (~1 cm).
func (p Point) String() string {
	return fmt.Sprintf("%.7f,%.7f (%s)", p.Lat, p.Lon, p.CRS)
}

// WGS84 validates p and returns it converted to WGS-84. It fails for a
// missing or unknown CRS, a non-finite or out-of-range coordinate, and a
// GCJ-02 or BD-09 point outside China, where those systems are undefined.
func (p Point) WGS84() (Point, error) {
	if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || math.IsInf(p.Lat, 0) || math.IsInf(p.Lon, 0) {
		return Point{}, fmt.Errorf("place: point %v,%v is not a finite coordinate", p.Lat, p.Lon)
	}
	if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
		if p.Lon >= -90 && p.Lon <= 90 && p.Lat >= -180 && p.Lat <= 180 {
			return Point{}, fmt.Errorf("place: latitude %v is out of range [-90, 90]; are latitude and longitude swapped?", p.Lat)
		}
		return Point{}, fmt.Errorf("place: point %v,%v is out of range (latitude [-90, 90], longitude [-180, 180])", p.Lat, p.Lon)
	}
	switch p.CRS {
	case WGS84:
		return p, nil
	case GCJ02, BD09:
		if !InChina(p.Lat, p.Lon) {
			return Point{}, fmt.Errorf("place: %s point %v,%v is outside China, where %s is not defined", p.CRS, p.Lat, p.Lon, p.CRS)
		}
		lat, lon := p.Lat, p.Lon
		if p.CRS == BD09 {
			lat, lon = BD09ToGCJ02(lat, lon)
		}
		lat, lon = GCJ02ToWGS84(lat, lon)
		return Point{Lat: lat, Lon: lon, CRS: WGS84}, nil
	case "":
		return Point{}, fmt.Errorf("place: point %v,%v names no coordinate system (want wgs84, gcj02 or bd09)", p.Lat, p.Lon)
	}
	return Point{}, fmt.Errorf("place: point %v,%v has unknown coordinate system %q", p.Lat, p.Lon, string(p.CRS))
}

// InChina reports whether a point lies in the rectangle where the public
// GCJ-02 formula applies its offset (72.004–137.8347°E, 0.8293–55.8271°N).
// The rectangle is the one used by the widely copied reference
// implementations, so points near the border agree with them.
func InChina(lat, lon float64) bool {
	return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271
}

// Krasovsky 1940 ellipsoid, which the GCJ-02 formula is defined on.
const (
	gcjA  = 6378245.0
	gcjEE = 0.00669342162296594323
)

// gcjDelta is the GCJ-02 offset, in degrees, of the WGS-84 point lat, lon.
// This is the formula published by the public reference implementations
// (e.g. eviltransform, coordtransform); constants are theirs.
func gcjDelta(lat, lon float64) (dLat, dLon float64) {
	x, y := lon-105, lat-35
	dLat = -100 + 2*x + 3*y + 0.2*y*y + 0.1*x*y + 0.2*math.Sqrt(math.Abs(x))
	dLat += (20*math.Sin(6*x*math.Pi) + 20*math.Sin(2*x*math.Pi)) * 2 / 3
	dLat += (20*math.Sin(y*math.Pi) + 40*math.Sin(y/3*math.Pi)) * 2 / 3
	dLat += (160*math.Sin(y/12*math.Pi) + 320*math.Sin(y*math.Pi/30)) * 2 / 3
	dLon = 300 + x + 2*y + 0.1*x*x + 0.1*x*y + 0.1*math.Sqrt(math.Abs(x))
	dLon += (20*math.Sin(6*x*math.Pi) + 20*math.Sin(2*x*math.Pi)) * 2 / 3
	dLon += (20*math.Sin(x*math.Pi) + 40*math.Sin(x/3*math.Pi)) * 2 / 3
	dLon += (150*math.Sin(x/12*math.Pi) + 300*math.Sin(x/30*math.Pi)) * 2 / 3

	radLat := lat / 180 * math.Pi
	magic := math.Sin(radLat)
	magic = 1 - gcjEE*magic*magic
	sqrtMagic := math.Sqrt(magic)
	dLat = (dLat * 180) / ((gcjA * (1 - gcjEE)) / (magic * sqrtMagic) * math.Pi)
	dLon = (dLon * 180) / (gcjA / sqrtMagic * math.Cos(radLat) * math.Pi)
	return dLat, dLon
}

// WGS84ToGCJ02 converts a WGS-84 point to GCJ-02. Points outside China are
// returned unchanged, as the reference implementations do.
func WGS84ToGCJ02(lat, lon float64) (gLat, gLon float64) {
	if !InChina(lat, lon) {
		return lat, lon
	}
	dLat, dLon := gcjDelta(lat, lon)
	return lat + dLat, lon + dLon
}

// GCJ02ToWGS84 converts a GCJ-02 point to WGS-84. GCJ-02 has no closed-form
// inverse: subtracting the offset at the GCJ-02 point (the common one-step
// inverse) is off by 1–3 m, so this iterates the forward formula until the
// round trip agrees to about 1e-9° (0.1 mm), which takes 3–5 steps.
func GCJ02ToWGS84(gLat, gLon float64) (lat, lon float64) {
	if !InChina(gLat, gLon) {
		return gLat, gLon
	}
	lat, lon = gLat, gLon
	for range 30 {
		fLat, fLon := WGS84ToGCJ02(lat, lon)
		eLat, eLon := fLat-gLat, fLon-gLon
		lat, lon = lat-eLat, lon-eLon
		if math.Abs(eLat) < 1e-10 && math.Abs(eLon) < 1e-10 {
			break
		}
	}
	return lat, lon
}

// bdXPi is Baidu's constant π·3000/180.
const bdXPi = math.Pi * 3000.0 / 180.0

// GCJ02ToBD09 converts a GCJ-02 point to Baidu's BD-09 with Baidu's public
// formula.
func GCJ02ToBD09(gLat, gLon float64) (bLat, bLon float64) {
	x, y := gLon, gLat
	z := math.Sqrt(x*x+y*y) + 0.00002*math.Sin(y*bdXPi)
	theta := math.Atan2(y, x) + 0.000003*math.Cos(x*bdXPi)
	return z*math.Sin(theta) + 0.006, z*math.Cos(theta) + 0.0065
}

// BD09ToGCJ02 converts a BD-09 point to GCJ-02. The published inverse is
// approximate (tens of centimetres), so its result is refined by iterating
// the forward formula, as GCJ02ToWGS84 does.
func BD09ToGCJ02(bLat, bLon float64) (gLat, gLon float64) {
	x, y := bLon-0.0065, bLat-0.006
	z := math.Sqrt(x*x+y*y) - 0.00002*math.Sin(y*bdXPi)
	theta := math.Atan2(y, x) - 0.000003*math.Cos(x*bdXPi)
	gLat, gLon = z*math.Sin(theta), z*math.Cos(theta)
	for range 10 {
		fLat, fLon := GCJ02ToBD09(gLat, gLon)
		eLat, eLon := fLat-bLat, fLon-bLon
		gLat, gLon = gLat-eLat, gLon-eLon
		if math.Abs(eLat) < 1e-10 && math.Abs(eLon) < 1e-10 {
			break
		}
	}
	return gLat, gLon
}

// To converts a WGS-84 point to crs. It is the inverse of Point.WGS84 and
// exists for tests, the synthetic-layer generator and the layers check.
func (p Point) To(crs CRS) (Point, error) {
	w, err := p.WGS84()
	if err != nil {
		return Point{}, err
	}
	switch crs {
	case WGS84:
		return w, nil
	case GCJ02, BD09:
		if !InChina(w.Lat, w.Lon) {
			return Point{}, fmt.Errorf("place: point %v,%v is outside China, where %s is not defined", w.Lat, w.Lon, crs)
		}
		lat, lon := WGS84ToGCJ02(w.Lat, w.Lon)
		if crs == BD09 {
			lat, lon = GCJ02ToBD09(lat, lon)
		}
		return Point{Lat: lat, Lon: lon, CRS: crs}, nil
	}
	return Point{}, fmt.Errorf("place: unknown coordinate system %q", string(crs))
}
