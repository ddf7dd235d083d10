// Package synth generates synthetic but realistic place layers around
// Qiyang (祁阳市) for tests and benchmarks: no public forest-land or town
// polygons for the city exist, so the project makes its own and says so in
// every file ("synthetic": true) and in its name.
//
// The geometry is built on a local plane in metres and then converted to
// WGS-84 degrees: a county outline with an irregular border; three inner
// sectors for the 街道 and one outer sector per 镇, sharing exactly the same
// boundary vertices; an urban area and a planning area around the centre;
// fireworks no-discharge zones; and star-shaped forest polygons placed one
// per cell of a jittered grid so that they never overlap, some with holes
// and some as MultiPolygons. The output depends only on the Config.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
)

// Town is one township: its 9-digit division code and name.
type Town struct {
	Code, Name  string
	Subdistrict bool // a 街道, placed in the centre
}

// Config says what to generate.
type Config struct {
	Seed       uint64
	Lat, Lon   float64 // centre of the city, degrees
	Forests    int     // number of forest features (approximate, ±5 %)
	Vertices   int     // mean vertices per forest exterior ring
	Towns      []Town  // the towns; subdistricts go in the centre
	HoleEvery  int     // every n-th forest has a hole (0: none)
	MultiEvery int     // every n-th forest is a MultiPolygon (0: none)
	RadiusM    float64 // mean county radius in metres
	InnerM     float64 // radius of the central subdistricts, metres
	Decimals   int     // decimals written for degrees (7 ≈ 1 cm)
}

// Default is the checked-in synthetic layer set's configuration, without
// its towns.
func Default() Config {
	return Config{
		Seed: 20241003, Lat: 26.58, Lon: 111.86,
		Forests: 300, Vertices: 48, HoleEvery: 5, MultiEvery: 7,
		RadiusM: 28000, InnerM: 5000, Decimals: 7,
	}
}

// Layers is the generated GeoJSON, one document per layer file name.
type Layers map[string][]byte

type xy struct{ x, y float64 }

type gen struct {
	cfg    Config
	rnd    *rand.Rand
	kx, ky float64 // metres per degree
	phase  [4]float64
}

// Generate builds the layers for cfg.
func Generate(cfg Config) (Layers, error) {
	if cfg.Forests < 0 || cfg.Vertices < 8 && cfg.Forests > 0 || cfg.RadiusM <= cfg.InnerM || cfg.InnerM <= 0 {
		return nil, fmt.Errorf("synth: invalid config %+v", cfg)
	}
	g := &gen{cfg: cfg, rnd: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))}
	phi := cfg.Lat * math.Pi / 180
	const a, e2 = 6378137.0, 0.00669437999014
	w := 1 - e2*math.Sin(phi)*math.Sin(phi)
	g.kx = a / math.Sqrt(w) * math.Cos(phi) * math.Pi / 180
	g.ky = a * (1 - e2) / (w * math.Sqrt(w)) * math.Pi / 180
	for i := range g.phase {
		g.phase[i] = g.rnd.Float64() * 2 * math.Pi
	}
	out := Layers{}
	var err error
	if len(cfg.Towns) > 0 {
		if out["towns.geojson"], err = g.towns(); err != nil {
			return nil, err
		}
	}
	out["urban.geojson"] = g.area("urban", "SYN-URBAN", "合成城区", []ring{g.blob(xy{0, 0}, cfg.InnerM*0.8, 0.1, 96)})
	out["planning.geojson"] = g.area("planning", "SYN-PLAN", "合成城市规划区", []ring{g.blob(xy{300, -200}, cfg.InnerM*1.8, 0.12, 128)})
	out["fireworks.geojson"] = g.fireworks()
	out["forest.geojson"] = g.forest()
	return out, nil
}

// border is the county's outer radius at angle t: the mean radius with a few
// smooth bumps, so the border is irregular but star-shaped.
func (g *gen) border(t float64) float64 {
	p := g.phase
	return g.cfg.RadiusM * (1 + 0.08*math.Sin(2*t+p[0]) + 0.05*math.Sin(3*t+p[1]) + 0.03*math.Sin(7*t+p[2]))
}

type ring []xy

// blob is a star-shaped closed ring around c with mean radius r, relative
// roughness rough and n vertices, counter-clockwise.
func (g *gen) blob(c xy, r, rough float64, n int) ring {
	var amp, ph [4]float64
	for j := range amp {
		amp[j] = rough * g.rnd.Float64() / float64(j+1)
		ph[j] = g.rnd.Float64() * 2 * math.Pi
	}
	out := make(ring, 0, n+1)
	for i := range n {
		t := 2 * math.Pi * float64(i) / float64(n)
		rr := 1.0
		for j := range amp {
			rr += amp[j] * math.Sin(float64(j+2)*t+ph[j])
		}
		rr *= r
		out = append(out, xy{c.x + rr*math.Cos(t), c.y + rr*math.Sin(t)})
	}
	return append(out, out[0])
}

func reverse(r ring) ring {
	out := make(ring, len(r))
	for i := range r {
		out[i] = r[len(r)-1-i]
	}
	return out
}

// towns partitions the county into the central subdistricts and the outer
// towns. Neighbouring towns share their boundary vertices exactly, so the
// layer has neither gaps nor overlaps.
func (g *gen) towns() ([]byte, error) {
	var inner, outer []Town
	for _, t := range g.cfg.Towns {
		if t.Subdistrict {
			inner = append(inner, t)
		} else {
			outer = append(outer, t)
		}
	}
	if len(inner) == 0 || len(outer) < 3 {
		return nil, fmt.Errorf("synth: want at least one subdistrict and three towns, got %d and %d", len(inner), len(outer))
	}
	ri := g.cfg.InnerM
	// Boundary angles: outer sectors have wiggly radial boundaries.
	n := len(outer)
	start := g.rnd.Float64() * 2 * math.Pi
	radial := func(k int, rho float64) float64 {
		return start + 2*math.Pi*float64(k)/float64(n) + 0.04*math.Sin(rho/2500+float64(k)*1.7)
	}
	ni := len(inner)
	istart := g.rnd.Float64() * 2 * math.Pi
	innerAngle := func(k int) float64 { return istart + 2*math.Pi*float64(k)/float64(ni) }

	// The inner circle, sampled every 2°, plus every boundary endpoint on it.
	var circle []float64
	norm := func(t float64) float64 {
		t = math.Mod(t, 2*math.Pi)
		if t < 0 {
			t += 2 * math.Pi
		}
		return t
	}
	for i := range 180 {
		circle = append(circle, norm(float64(i)*math.Pi/90))
	}
	for k := range n {
		circle = append(circle, norm(radial(k, ri)))
	}
	for k := range ni {
		circle = append(circle, norm(innerAngle(k)))
	}
	sort.Float64s(circle)
	// arc returns circle points from angle a to angle b going
	// counter-clockwise (or clockwise if cw), both ends included.
	arc := func(a, b, r float64, cw bool) ring {
		a, b = norm(a), norm(b)
		span := norm(b - a)
		if cw {
			span = norm(a - b)
		}
		out := ring{{r * math.Cos(a), r * math.Sin(a)}}
		for _, t := range circle {
			d := norm(t - a)
			if cw {
				d = norm(a - t)
			}
			if d > 1e-12 && d < span-1e-12 {
				out = append(out, xy{r * math.Cos(t), r * math.Sin(t)})
			}
		}
		if cw {
			sort.SliceStable(out[1:], func(i, j int) bool {
				return norm(a-math.Atan2(out[1+i].y, out[1+i].x)) < norm(a-math.Atan2(out[1+j].y, out[1+j].x))
			})
		} else {
			sort.SliceStable(out[1:], func(i, j int) bool {
				return norm(math.Atan2(out[1+i].y, out[1+i].x)-a) < norm(math.Atan2(out[1+j].y, out[1+j].x)-a)
			})
		}
		return append(out, xy{r * math.Cos(b), r * math.Sin(b)})
	}
	// Outer border sampled at fixed angles shared by neighbours.
	borderAt := func(t float64) xy { r := g.border(t); return xy{r * math.Cos(t), r * math.Sin(t)} }
	spoke := func(k int) ring { // from inner circle to border
		var out ring
		steps := 40
		for i := 0; i <= steps; i++ {
			rho := ri + (g.border(radial(k, 0))-ri)*float64(i)/float64(steps)
			if i == steps {
				out = append(out, borderAt(radial(k, 0)))
				break
			}
			t := radial(k, rho)
			if i == 0 {
				t = norm(radial(k, ri)) // exactly the inner circle's vertex
			}
			out = append(out, xy{rho * math.Cos(t), rho * math.Sin(t)})
		}
		return out
	}
	// The spoke's outer end uses radial(k, 0) so the border arc can start there.
	borderArc := func(a, b float64) ring { // counter-clockwise from a to b
		span := norm(b - a)
		steps := int(span/(math.Pi/360)) + 1
		out := make(ring, 0, steps+1)
		for i := 0; i <= steps; i++ {
			out = append(out, borderAt(a+span*float64(i)/float64(steps)))
		}
		return out
	}

	var feats []string
	for k, t := range outer {
		s0, s1 := spoke(k), spoke((k+1)%n)
		var r ring
		r = append(r, s0...)
		ba := borderArc(radial(k, 0), radial((k+1)%n, 0))
		r = append(r, ba[1:len(ba)-1]...)
		r = append(r, reverse(s1)...)
		ia := arc(radial((k+1)%n, ri), radial(k, ri), ri, true)
		r = append(r, ia[1:]...)
		feats = append(feats, g.feature(t.Code, townProps(t), [][]ring{{r}}))
	}
	for k, t := range inner {
		a0, a1 := innerAngle(k), innerAngle((k+1)%ni)
		r := ring{{0, 0}}
		r = append(r, arc(a0, a1, ri, false)...)
		r = append(r, xy{0, 0})
		if ni == 1 {
			// One subdistrict is the whole inner disc, not a sector of
			// zero angle (a ring of zero area, which loading refuses).
			r = ring{}
			for _, t := range circle {
				r = append(r, xy{ri * math.Cos(t), ri * math.Sin(t)})
			}
			r = append(r, r[0])
		}
		feats = append(feats, g.feature(t.Code, townProps(t), [][]ring{{r}}))
	}
	return collection("towns", feats), nil
}

func townProps(t Town) string {
	return `"code":` + strconv.Quote(t.Code) + `,"name":` + strconv.Quote(t.Name) + `,"synthetic":true`
}

func (g *gen) area(layer, id, name string, rings []ring) []byte {
	props := `"name":` + strconv.Quote(name) + `,"synthetic":true`
	return collection(layer, []string{g.feature(id, props, [][]ring{rings})})
}

// fireworks makes a central no-discharge zone and a few small ones (e.g.
// around a scenic site or a fuel depot) as a MultiPolygon.
func (g *gen) fireworks() []byte {
	central := ring(g.blob(xy{-200, 150}, g.cfg.InnerM*0.6, 0.1, 64))
	var small [][]ring
	for i := range 3 {
		t := 2*math.Pi*float64(i)/3 + 0.5
		c := xy{g.cfg.InnerM * 2.2 * math.Cos(t), g.cfg.InnerM * 2.2 * math.Sin(t)}
		small = append(small, []ring{g.blob(c, 600, 0.15, 32)})
	}
	props := `"name":"合成烟花爆竹禁放区","synthetic":true`
	return collection("fireworks", []string{
		g.feature("SYN-FW-1", props, [][]ring{{central}}),
		g.feature("SYN-FW-2", props, small),
	})
}

// forest places star-shaped forest polygons one per cell of a grid over the
// county, away from the centre and the border, so they never overlap.
func (g *gen) forest() []byte {
	cfg := g.cfg
	area := math.Pi * (cfg.RadiusM*cfg.RadiusM - cfg.InnerM*cfg.InnerM)
	const fill = 0.7
	cell := math.Sqrt(area * fill / float64(max(cfg.Forests, 1)))
	var feats []string
	k := 0
	half := int(cfg.RadiusM*1.2/cell) + 1
	// Cells in a fixed order, each taken with probability fill.
	for iy := -half; iy <= half && k < cfg.Forests; iy++ {
		for ix := -half; ix <= half && k < cfg.Forests; ix++ {
			if g.rnd.Float64() > fill {
				continue
			}
			r := cell * (0.18 + 0.12*g.rnd.Float64())
			c := xy{(float64(ix) + 0.5 + 0.3*(g.rnd.Float64()-0.5)) * cell, (float64(iy) + 0.5 + 0.3*(g.rnd.Float64()-0.5)) * cell}
			if math.Hypot(c.x, c.y)-1.6*r < cfg.InnerM {
				continue
			}
			k++
			nv := max(8, cfg.Vertices/2+g.rnd.IntN(cfg.Vertices+1))
			var polys [][]ring
			if cfg.MultiEvery > 0 && k%cfg.MultiEvery == 0 {
				// Two or three parts side by side within the cell.
				parts := 2 + g.rnd.IntN(2)
				for p := range parts {
					off := (float64(p) - float64(parts-1)/2) * r * 1.05
					polys = append(polys, []ring{g.blob(xy{c.x + off, c.y}, r*0.4, 0.15, max(8, nv/parts))})
				}
			} else {
				outer := g.blob(c, r, 0.2, nv)
				rings := []ring{outer}
				if cfg.HoleEvery > 0 && k%cfg.HoleEvery == 0 {
					// A clearing: star-shaped around the same centre and well
					// inside the exterior's smallest radius, clockwise.
					rings = append(rings, reverse(g.blob(c, r*0.3, 0.1, max(8, nv/3))))
				}
				polys = append(polys, rings)
			}
			if !g.inside(polys) {
				// Forest runs up to the county border, as on Qiyang's
				// wooded ridges, but never across it.
				k--
				continue
			}
			zone := "general"
			if g.rnd.Float64() < 0.4 {
				zone = "key"
			}
			id := fmt.Sprintf("SYN-F%05d", k)
			props := `"fire_zone":"` + zone + `","name":"合成林地` + strconv.Itoa(k) + `","synthetic":true`
			feats = append(feats, g.feature(id, props, polys))
		}
	}
	return collection("forest", feats)
}

// inside reports whether every vertex lies at least 20 m inside the border.
func (g *gen) inside(polys [][]ring) bool {
	for _, p := range polys {
		for _, v := range p[0] {
			if math.Hypot(v.x, v.y) > g.border(math.Atan2(v.y, v.x))-20 {
				return false
			}
		}
	}
	return true
}

// feature writes one Feature; one polygon is a Polygon, several a MultiPolygon.
func (g *gen) feature(id, props string, polys [][]ring) string {
	b := []byte(`{"type":"Feature","id":`)
	b = strconv.AppendQuote(b, id)
	b = append(b, `,"properties":{`...)
	b = append(b, props...)
	if len(polys) == 1 {
		b = append(b, `},"geometry":{"type":"Polygon","coordinates":`...)
		b = g.appendPolygon(b, polys[0])
	} else {
		b = append(b, `},"geometry":{"type":"MultiPolygon","coordinates":[`...)
		for i, p := range polys {
			if i > 0 {
				b = append(b, ',')
			}
			b = g.appendPolygon(b, p)
		}
		b = append(b, ']')
	}
	return string(append(b, "}}"...))
}

func (g *gen) appendPolygon(b []byte, rings []ring) []byte {
	b = append(b, '[')
	for i, r := range rings {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for j, p := range r {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = strconv.AppendFloat(b, g.cfg.Lon+p.x/g.kx, 'f', g.cfg.Decimals, 64)
			b = append(b, ',')
			b = strconv.AppendFloat(b, g.cfg.Lat+p.y/g.ky, 'f', g.cfg.Decimals, 64)
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	return append(b, ']')
}

// collection writes a FeatureCollection with one feature per line, so that
// a regenerated file diffs readably.
func collection(layer string, feats []string) []byte {
	b := []byte(`{"type":"FeatureCollection","name":"` + layer + `-synthetic","synthetic":true,"features":[` + "\n")
	for i, f := range feats {
		b = append(b, f...)
		if i < len(feats)-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	return append(b, "]}\n"...)
}
