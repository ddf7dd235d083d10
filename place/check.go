package place

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/paulmach/orb"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/internal/fsread"
)

// Problem is one thing wrong with a layer directory, found by Check.
type Problem struct {
	File    string `json:"file"`              // file path, e.g. "layers/forest.geojson"
	Feature string `json:"feature,omitempty"` // feature id as in load errors ("F1", 17, "#3"), "" for the file
	Kind    string `json:"kind"`              // a short stable tag, e.g. "self-intersection"
	Message string `json:"message"`
	// Warning is set for what loading accepts: untidy, but answers the
	// same (a clockwise ring, a duplicate id). Loading refuses a layer
	// for every other problem.
	Warning bool `json:"warning,omitempty"`
}

func (p Problem) String() string {
	kind := p.Kind
	if p.Warning {
		kind = "warning: " + kind
	}
	if p.Feature == "" {
		return fmt.Sprintf("%s: %s: %s", p.File, kind, p.Message)
	}
	return fmt.Sprintf("%s: feature %s: %s: %s", p.File, p.Feature, kind, p.Message)
}

// Check validates the layer files in dir that its manifest lists (see
// LoadDir for which manifest) and returns the problems found, each naming
// the file and feature; none means the layers are clean. It runs the
// loader's own checks — a layer Check passes with no errors loads, and one
// it reports an error for does not — and reports warnings besides:
// winding, duplicate ids, files the manifest does not name, and, when a
// layer gives divisions, layers whose coordinates fit them better after
// undoing a GCJ-02 or BD-09 offset (which a layer digitised from an Amap
// or Baidu map has).
func Check(dir string, opts ...Option) []Problem {
	return CheckFS(fsread.Dir(dir), ".", func(name string) string { return path.Join(dir, name) }, opts...)
}

// CheckFS is Check for the directory dir of fsys; label turns a file name
// into the path shown in problems (nil: path.Join(dir, name)).
func CheckFS(fsys fs.FS, dir string, label func(string) string, opts ...Option) []Problem {
	if label == nil {
		label = func(name string) string { return path.Join(dir, name) }
	}
	c := config(opts)
	r := fsread.New(c.ctx, fsys, "", c.limits)
	readErr := func(file string, err error) []Problem {
		msg := err.Error()
		if fe, ok := err.(*fsread.Error); ok {
			msg = fe.Err.Error()
		}
		return []Problem{{File: label(file), Kind: KindRead, Message: msg}}
	}
	entries, err := r.ReadDir(dir)
	if err != nil {
		return readErr(".", err)
	}
	m := c.manifest
	if m == nil {
		mf := path.Join(dir, ManifestFile)
		exists, err := r.Exists(mf)
		switch {
		case err != nil:
			return readErr(ManifestFile, err)
		case exists:
			data, err := fsread.New(c.ctx, fsys, "", fsread.Limits{MaxFileBytes: maxManifestBytes}).ReadFile(mf)
			if err != nil {
				return readErr(ManifestFile, err)
			}
			if m, err = ParseManifest(data, label(ManifestFile)); err != nil {
				return []Problem{{File: label(ManifestFile), Kind: KindRead, Message: err.Error()}}
			}
		case c.defManifest != nil:
			m = c.defManifest
		default:
			return []Problem{{File: label("."), Kind: KindNoLayers, Message: fmt.Sprintf("no %s saying which layers to load", ManifestFile)}}
		}
	}
	var probs []Problem
	known := map[string]bool{}
	for _, l := range m.Layers {
		known[l.File] = true
	}
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.HasSuffix(strings.ToLower(n), ".geojson") && !known[n] {
			probs = append(probs, Problem{File: label(n), Kind: KindUnknownFile, Warning: true,
				Message: fmt.Sprintf("not a layer file of %s, ignored by the loader (layers are %s)", m.File, strings.Join(m.Files(), ", "))})
		}
	}
	type parsed struct {
		spec  LayerSpec
		file  string
		doc   *doc
		clean bool
	}
	var docs []parsed
	for _, spec := range m.Layers {
		name := path.Join(dir, spec.File)
		exists, err := r.Exists(name)
		if err != nil {
			probs = append(probs, readErr(spec.File, err)...)
			continue
		}
		if !exists {
			continue
		}
		file := label(spec.File)
		data, err := r.ReadFile(name)
		if err != nil {
			probs = append(probs, readErr(spec.File, err)...)
			continue
		}
		d, err := decodeDoc(c.ctx, data)
		if err != nil {
			probs = append(probs, Problem{File: file, Kind: KindRead, Message: placeError(data, err)})
			continue
		}
		before := len(probs)
		probs = append(probs, checkLayer(&spec, file, d, data)...)
		clean := true
		for _, p := range probs[before:] {
			clean = clean && p.Warning
		}
		docs = append(docs, parsed{spec, file, d, clean})
	}
	if len(docs) == 0 && len(probs) == 0 {
		probs = append(probs, Problem{File: label("."), Kind: KindNoLayers,
			Message: fmt.Sprintf("none of the layer files of %s (%s)", m.File, strings.Join(m.Files(), ", "))})
	}
	// A shift test against the first clean layer that gives divisions.
	for _, ref := range docs {
		if ref.spec.Division == "" || !ref.clean {
			continue
		}
		ly, err := buildLayer(ref.spec, ref.file, ref.doc)
		if err != nil || len(ly.polys) == 0 {
			break
		}
		for _, o := range docs {
			if o.file != ref.file {
				if p, ok := checkShift(ly, o.file, o.doc); ok {
					probs = append(probs, p)
				}
			}
		}
		break
	}
	return probs
}

// placeError is a decoding error with its line and column in words.
func placeError(data []byte, err error) string {
	var se *syntaxError
	if errors.As(err, &se) {
		line, col := lineCol(data, se.off)
		return fmt.Sprintf("line %d, column %d: %s", line, col, se.msg)
	}
	return err.Error()
}

// checkLayer runs the loader's checks on one file, and the check's own.
func checkLayer(spec *LayerSpec, file string, d *doc, data []byte) []Problem {
	var probs []Problem
	for _, fd := range checkDoc(d) {
		probs = append(probs, Problem{File: file, Kind: fd.kind, Message: fd.text, Warning: fd.warning})
	}
	ids := map[string]int{}
	for _, f := range d.features {
		if f.hasID {
			if j, dup := ids[f.id]; dup {
				probs = append(probs, Problem{File: file, Feature: f.id, Kind: KindDuplicateID, Warning: true, Message: fmt.Sprintf("same id as feature #%d", j)})
			} else {
				ids[f.id] = f.index
			}
		}
		for _, fd := range checkFeature(spec, f, data) {
			probs = append(probs, Problem{File: file, Feature: f.id, Kind: fd.kind, Message: fd.text, Warning: fd.warning})
		}
	}
	return probs
}

// checkShift compares how many of a layer's vertices fall outside the
// divisions layer as they are and after undoing a GCJ-02 or BD-09 offset.
// The offset is 0.6–1.2 km, so a layer digitised from an Amap or Baidu map
// has vertices spill across the county border that fit once converted. It
// is a heuristic: it needs the divisions layer to be right, and says so.
func checkShift(ref *layer, file string, d *doc) (Problem, bool) {
	var pts []orb.Point
	for _, f := range d.features {
		for _, poly := range f.polys {
			for _, r := range poly {
				pts = append(pts, r...)
			}
		}
		for _, l := range f.lines {
			pts = append(pts, l...)
		}
		pts = append(pts, f.points...)
	}
	if len(pts) == 0 {
		return Problem{}, false
	}
	step := max(1, len(pts)/maxShiftedSample)
	outside := func(conv func(lat, lon float64) (float64, float64)) int {
		n := 0
		for i := 0; i < len(pts); i += step {
			lon, lat := pts[i][0], pts[i][1]
			if checkPosition(pts[i]) != nil || !InChina(lat, lon) {
				continue
			}
			lat, lon = conv(lat, lon)
			if ref.containing(lat, lon) < 0 {
				n++
			}
		}
		return n
	}
	asIs := outside(func(lat, lon float64) (float64, float64) { return lat, lon })
	sampled := (len(pts) + step - 1) / step
	if asIs < 10 || asIs*500 < sampled { // a handful, or under 0.2 %: border noise
		return Problem{}, false
	}
	type cand struct {
		crs CRS
		n   int
	}
	cands := []cand{
		{GCJ02, outside(GCJ02ToWGS84)},
		{BD09, outside(func(lat, lon float64) (float64, float64) { return GCJ02ToWGS84(BD09ToGCJ02(lat, lon)) })},
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].n < cands[j].n })
	if best := cands[0]; best.n*3 < asIs {
		return Problem{File: file, Kind: KindShifted, Warning: true, Message: fmt.Sprintf(
			"%d of %d sampled vertices lie outside the %s layer, but only %d if the coordinates are read as %s: the layer looks %s-shifted (digitised from a Chinese web map?); convert it to WGS-84",
			asIs, sampled, ref.spec.Name, best.n, best.crs, strings.ToUpper(string(best.crs)))}, true
	}
	return Problem{}, false
}

// KindDivision marks a feature whose division code or name disagrees with
// the divisions table passed to CheckDivisions.
const KindDivision = "division"

// CheckDivisions compares the features of dir's layers that give divisions
// with a divisions table (a rule directory's divisions.csv, or a published
// list): a code not in the table, or a name (the layer's label property)
// that differs from the table's, is a problem. Divisions of the table
// missing from the layer are not: a layer may cover part of a county.
func CheckDivisions(dir string, t *division.Table, opts ...Option) []Problem {
	c := config(opts)
	r := fsread.New(c.ctx, fsread.Dir(dir), "", c.limits)
	m := c.manifest
	if m == nil {
		var err error
		var ok bool
		if m, ok, err = ReadManifest(fsread.Dir(dir), ManifestFile); err != nil || !ok {
			if m = c.defManifest; m == nil {
				return nil
			}
		}
	}
	var probs []Problem
	for _, spec := range m.Layers {
		if spec.Division == "" {
			continue
		}
		file := path.Join(dir, spec.File)
		data, err := r.ReadFile(spec.File)
		if err != nil {
			if exists, _ := r.Exists(spec.File); exists {
				probs = append(probs, Problem{File: file, Kind: KindRead, Message: err.Error()})
			}
			continue
		}
		d, err := decodeDoc(c.ctx, data)
		if err != nil {
			probs = append(probs, Problem{File: file, Kind: KindRead, Message: placeError(data, err)})
			continue
		}
		for _, f := range d.features {
			raw := codeString(f.props[spec.Division])
			code, err := division.Parse(raw)
			if err != nil {
				continue // Check reports it
			}
			name, _ := f.props[spec.Label].(string)
			want, ok := t.Get(code)
			switch {
			case !ok:
				probs = append(probs, Problem{File: file, Feature: f.id, Kind: KindDivision,
					Message: fmt.Sprintf("%s %s (%s) is not in the division list", spec.Division, code, name)})
			case spec.Label != "" && want.Name != name:
				probs = append(probs, Problem{File: file, Feature: f.id, Kind: KindDivision,
					Message: fmt.Sprintf("%s %s is %q in the division list, but the layer names it %q", spec.Division, code, want.Name, name)})
			}
		}
	}
	return probs
}
