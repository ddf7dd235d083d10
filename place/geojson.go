package place

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/paulmach/orb"
)

// The layers' own GeoJSON reader. It reads what RFC 7946 allows and
// refuses the rest with the file, line, column and feature: a general JSON
// decoder turns a position written null or [111.7] into [0, 0] or
// [111.7, 0] without a word (a point 1,100 km away then got a distance of
// 897 m), and reads the whole file into generic values first. This one
// reads positions straight into the rings the index uses.

// doc is a decoded layer file.
type doc struct {
	features  []*feat
	crs       any // the GeoJSON 2008 crs member, if any
	hasCRS    bool
	synthetic bool // the collection or a feature says "synthetic": true
}

// feat is one decoded feature.
type feat struct {
	index int    // position in the file, from 0
	id    string // as in messages: "F1" (quoted), 17, #3
	rawID string // as in facts: F1, 17, #3
	hasID bool
	off   int // byte offset of the feature in the file
	props map[string]any
	// kind is the geometry's type as written; "" for a null geometry.
	kind   string
	polys  []orb.Polygon
	lines  []orb.LineString
	points []orb.Point
	// bad is the first thing in the geometry RFC 7946 does not allow (a
	// position that is not two or three numbers, a ring that is not an
	// array); the geometry is then empty.
	bad error
}

// syntaxError is invalid JSON, or JSON that is not a GeoJSON layer.
type syntaxError struct {
	off int
	msg string
}

func (e *syntaxError) Error() string { return e.msg }

// decodeError places a syntax error in the file: "file:line:col: msg".
func decodeError(file string, data []byte, err error) error {
	var se *syntaxError
	if errors.As(err, &se) {
		line, col := lineCol(data, se.off)
		return fmt.Errorf("%s:%d:%d: %s", file, line, col, se.msg)
	}
	return fmt.Errorf("%s: %w", file, err)
}

// lineCol is the 1-based line and column (in bytes) of offset off.
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// maxDepth bounds the nesting of values the reader skips (properties,
// foreign members): a layer has no use for deep ones, and a deep one must
// not cost a deep recursion.
const maxDepth = 64

// scanner reads JSON from data.
type scanner struct {
	data []byte
	i    int
	ctx  context.Context
	// buf collects a ring's positions before they go to the arena.
	buf   []orb.Point
	arena []orb.Point
}

func (s *scanner) fail(off int, format string, args ...any) error {
	return &syntaxError{off: off, msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) ws() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek is the next byte after white space, 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

func (s *scanner) expect(c byte) error {
	if s.peek() != c {
		return s.fail(s.i, "want %q, found %s", c, s.found())
	}
	s.i++
	return nil
}

// found describes what is at s.i, for messages.
func (s *scanner) found() string {
	if s.i >= len(s.data) {
		return "the end of the file"
	}
	switch c := s.data[s.i]; {
	case c == '"':
		return "a string"
	case c == '[':
		return "an array"
	case c == '{':
		return "an object"
	case c == 'n':
		return "null"
	case c == 't' || c == 'f':
		return "true or false"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	default:
		return strconv.QuoteRune(rune(c))
	}
}

// object reads an object, calling fn for each member with s.i at its
// value; fn must read the value. A name given twice is an error.
func (s *scanner) object(fn func(key string, off int) error) error {
	if err := s.expect('{'); err != nil {
		return err
	}
	if s.peek() == '}' {
		s.i++
		return nil
	}
	var seen [8]string // a layer's objects have few members worth a check
	n := 0
	for {
		off := s.i
		if s.peek() != '"' {
			return s.fail(s.i, "want a member name, found %s", s.found())
		}
		key, err := s.str()
		if err != nil {
			return err
		}
		for _, k := range seen[:n] {
			if k == key {
				return s.fail(off, "member %q is given twice", key)
			}
		}
		if n < len(seen) {
			seen[n] = key
			n++
		}
		if err := s.expect(':'); err != nil {
			return err
		}
		s.ws()
		if err := fn(key, off); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return nil
		default:
			return s.fail(s.i, "want , or } after a member, found %s", s.found())
		}
	}
}

// array reads an array, calling fn for each element with s.i at it.
func (s *scanner) array(fn func(n int) error) error {
	if err := s.expect('['); err != nil {
		return err
	}
	if s.peek() == ']' {
		s.i++
		return nil
	}
	for n := 0; ; n++ {
		s.ws()
		if err := fn(n); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			return nil
		default:
			return s.fail(s.i, "want , or ] in an array, found %s", s.found())
		}
	}
}

// str reads a string.
func (s *scanner) str() (string, error) {
	start := s.i
	if s.peek() != '"' {
		return "", s.fail(s.i, "want a string, found %s", s.found())
	}
	s.i++
	escaped := false
	for s.i < len(s.data) {
		switch c := s.data[s.i]; {
		case c == '"':
			s.i++
			raw := s.data[start:s.i]
			if !escaped {
				return string(raw[1 : len(raw)-1]), nil
			}
			var out string
			if err := json.Unmarshal(raw, &out); err != nil {
				return "", s.fail(start, "invalid string: %v", err)
			}
			return out, nil
		case c == '\\':
			escaped = true
			s.i += 2
		case c < 0x20:
			return "", s.fail(s.i, "a control character in a string")
		default:
			s.i++
		}
	}
	return "", s.fail(start, "a string is not closed")
}

// literal reads true, false or null.
func (s *scanner) literal(word string) error {
	if !bytes.HasPrefix(s.data[s.i:], []byte(word)) {
		return s.fail(s.i, "invalid value %s", s.found())
	}
	s.i += len(word)
	return nil
}

// skip reads any value, checking it is valid JSON.
func (s *scanner) skip(depth int) error {
	if depth > maxDepth {
		return s.fail(s.i, "values nested more than %d deep", maxDepth)
	}
	switch c := s.peek(); {
	case c == '{':
		return s.object(func(string, int) error { return s.skip(depth + 1) })
	case c == '[':
		return s.array(func(int) error { return s.skip(depth + 1) })
	case c == '"':
		_, err := s.str()
		return err
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		_, err := s.num()
		return err
	default:
		return s.fail(s.i, "want a value, found %s", s.found())
	}
}

// span skips a value and returns where it lies.
func (s *scanner) span() (int, int, error) {
	s.ws()
	start := s.i
	err := s.skip(0)
	return start, s.i, err
}

// pow10 holds the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// num reads a JSON number. Coordinates as tools write them (up to 15
// significant digits, no exponent) are exact integers divided by an exact
// power of ten: one rounding, the correctly rounded value, without
// strconv's allocation; anything else goes through strconv.
func (s *scanner) num() (float64, error) {
	d, start := s.data, s.i
	i := s.i
	neg := i < len(d) && d[i] == '-'
	if neg {
		i++
	}
	var mant uint64
	digits, frac := 0, 0
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && d[i] >= '1' && d[i] <= '9':
		for ; i < len(d) && d[i] >= '0' && d[i] <= '9'; i++ {
			mant = mant*10 + uint64(d[i]-'0')
			digits++
		}
	default:
		return 0, s.fail(start, "invalid number")
	}
	if i < len(d) && d[i] == '.' {
		i++
		fs := i
		for ; i < len(d) && d[i] >= '0' && d[i] <= '9'; i++ {
			mant = mant*10 + uint64(d[i]-'0')
			digits++
		}
		if frac = i - fs; frac == 0 {
			return 0, s.fail(start, "invalid number: no digits after the point")
		}
	}
	exp := false
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		exp = true
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		es := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		if i == es {
			return 0, s.fail(start, "invalid number: no digits in the exponent")
		}
	}
	s.i = i
	if !exp && digits <= 15 && frac < len(pow10) {
		v := float64(mant) / pow10[frac]
		if neg {
			v = -v
		}
		return v, nil
	}
	// The grammar is checked: an error can only be a value out of range,
	// ±Inf for a huge one (which a position refuses) or 0 for a tiny one.
	v, _ := strconv.ParseFloat(string(d[start:i]), 64)
	return v, nil
}

// Reading geometries.

// geomError is something in a feature's geometry RFC 7946 does not allow.
type geomError struct {
	off  int
	path string // "polygon 0 ring 1 position 3"
	msg  string
}

func (e *geomError) Error() string {
	if e.path == "" {
		return e.msg
	}
	return e.path + ": " + e.msg
}

// at places a geometry error in the file, for messages: "ring 0
// position 3 (line 12, column 40): the position is null; …".
func (e *geomError) at(data []byte) string {
	line, col := lineCol(data, e.off)
	if e.path == "" {
		return fmt.Sprintf("%s (line %d, column %d)", e.msg, line, col)
	}
	return fmt.Sprintf("%s (line %d, column %d): %s", e.path, line, col, e.msg)
}

// coordPath tracks where in a geometry's coordinates the reader is, to
// name a bad position ("polygon 0 ring 1 position 3"); it costs nothing
// until a message is made.
type coordPath struct {
	depth int
	words [4]string
	idx   [4]int
}

func (p *coordPath) push(word string) { p.words[p.depth] = word; p.depth++ }
func (p *coordPath) pop()             { p.depth-- }

func (p *coordPath) String() string {
	var b []byte
	for k := range p.depth {
		if k > 0 {
			b = append(b, ' ')
		}
		b = fmt.Appendf(b, "%s %d", p.words[k], p.idx[k])
	}
	return string(b)
}

func (s *scanner) geomFail(p *coordPath, format string, args ...any) error {
	return &geomError{off: s.i, path: p.String(), msg: fmt.Sprintf(format, args...)}
}

// position reads one position: two or three finite numbers (RFC 7946
// §3.1.1); the third, an altitude, is dropped.
func (s *scanner) position(p *coordPath) (orb.Point, error) {
	c := s.peek()
	if c != '[' {
		if c == 'n' {
			return orb.Point{}, s.geomFail(p, "the position is null; want [longitude, latitude] (RFC 7946 §3.1.1)")
		}
		return orb.Point{}, s.geomFail(p, "want a position [longitude, latitude], found %s", s.found())
	}
	start := s.i
	s.i++
	var xyz [3]float64
	n := 0
	for {
		c := s.peek()
		if c == ']' && n == 0 {
			s.i = start
			return orb.Point{}, s.geomFail(p, "the position [] has no numbers; want 2 or 3 (RFC 7946 §3.1.1)")
		}
		if !(c == '-' || c >= '0' && c <= '9') {
			return orb.Point{}, s.geomFail(p, "number %d of the position is %s, not a number", n+1, s.found())
		}
		at := s.i
		v, err := s.num()
		if err != nil {
			return orb.Point{}, err
		}
		if math.IsInf(v, 0) {
			end := s.i
			s.i = at
			return orb.Point{}, s.geomFail(p, "number %s of the position is not finite", s.data[at:end])
		}
		if n < len(xyz) {
			xyz[n] = v
		}
		n++
		switch s.peek() {
		case ',':
			s.i++
			continue
		case ']':
			s.i++
		default:
			return orb.Point{}, s.fail(s.i, "want , or ] in a position, found %s", s.found())
		}
		break
	}
	if n < 2 || n > 3 {
		s.i = start
		return orb.Point{}, s.geomFail(p, "the position has %d number(s); want 2 or 3: longitude, latitude and an optional altitude (RFC 7946 §3.1.1)", n)
	}
	return orb.Point{xyz[0], xyz[1]}, nil
}

// positions reads an array of positions into the arena.
func (s *scanner) positions(p *coordPath) ([]orb.Point, error) {
	if c := s.peek(); c != '[' {
		return nil, s.geomFail(p, "want an array of positions, found %s", s.found())
	}
	s.buf = s.buf[:0]
	p.push("position")
	defer p.pop()
	err := s.array(func(n int) error {
		p.idx[p.depth-1] = n
		pt, err := s.position(p)
		s.buf = append(s.buf, pt)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.keep(s.buf), nil
}

// arenaChunk is how many positions the arena allocates at a time: one
// allocation per many rings, and little slack.
const arenaChunk = 1 << 14

// keep copies pts into the arena and returns the copy.
func (s *scanner) keep(pts []orb.Point) []orb.Point {
	if len(pts) > arenaChunk/4 {
		return append([]orb.Point(nil), pts...)
	}
	if cap(s.arena)-len(s.arena) < len(pts) {
		s.arena = make([]orb.Point, 0, arenaChunk)
	}
	n := len(s.arena)
	s.arena = append(s.arena, pts...)
	return s.arena[n:len(s.arena):len(s.arena)]
}

// nested reads an array of what (a word: "ring", "polygon", "line")
// whose elements fn reads, tracking the path.
func (s *scanner) nested(p *coordPath, what string, fn func() error) error {
	if c := s.peek(); c != '[' {
		return s.geomFail(p, "want an array of %ss, found %s", what, s.found())
	}
	p.push(what)
	defer p.pop()
	return s.array(func(n int) error {
		p.idx[p.depth-1] = n
		return fn()
	})
}

// coordinates reads a geometry's coordinates into f, by its type.
func (s *scanner) coordinates(f *feat) error {
	p := &coordPath{}
	switch f.kind {
	case "Point":
		pt, err := s.position(p)
		f.points = []orb.Point{pt}
		return err
	case "MultiPoint":
		pts, err := s.positions(p)
		f.points = pts
		return err
	case "LineString":
		pts, err := s.positions(p)
		f.lines = []orb.LineString{pts}
		return err
	case "MultiLineString":
		return s.nested(p, "line", func() error {
			pts, err := s.positions(p)
			f.lines = append(f.lines, pts)
			return err
		})
	case "Polygon":
		var poly orb.Polygon
		err := s.nested(p, "ring", func() error {
			pts, err := s.positions(p)
			poly = append(poly, pts)
			return err
		})
		f.polys = []orb.Polygon{poly}
		return err
	case "MultiPolygon":
		return s.nested(p, "polygon", func() error {
			var poly orb.Polygon
			err := s.nested(p, "ring", func() error {
				pts, err := s.positions(p)
				poly = append(poly, pts)
				return err
			})
			f.polys = append(f.polys, poly)
			return err
		})
	}
	return &geomError{off: s.i, msg: fmt.Sprintf("geometry type %q is not a GeoJSON geometry", f.kind)}
}

// geometry reads a geometry object into f. Something RFC 7946 does not
// allow inside it is f.bad, and the reader goes on after the object; only
// invalid JSON is an error.
func (s *scanner) geometry(f *feat) error {
	if s.peek() == 'n' {
		return s.literal("null")
	}
	start := s.i
	coords := -1
	err := s.object(func(key string, off int) error {
		switch key {
		case "type":
			at := s.i
			t, err := s.str()
			if err != nil {
				return err
			}
			f.kind = t
			if t == "GeometryCollection" {
				f.bad = &geomError{off: at, msg: "a GeometryCollection is not allowed in a layer: give each feature one geometry"}
			}
			return nil
		case "coordinates":
			if f.kind == "" || f.bad != nil {
				// The type comes later: read the coordinates once it is known.
				coords = s.i
				return s.skip(0)
			}
			return s.readCoordinates(f)
		}
		return s.skip(0)
	})
	if err != nil {
		return err
	}
	end := s.i
	switch {
	case f.bad != nil:
	case f.kind == "":
		f.bad = &geomError{off: start, msg: "the geometry has no type"}
	case coords >= 0:
		s.i = coords
		if err := s.readCoordinates(f); err != nil {
			return err
		}
		s.i = end
	case f.polys == nil && f.lines == nil && f.points == nil:
		f.bad = &geomError{off: start, msg: fmt.Sprintf("the %s has no coordinates", f.kind)}
	}
	return nil
}

// readCoordinates reads the coordinates at s.i into f; a geometry error
// goes to f.bad, and the value is then skipped whole.
func (s *scanner) readCoordinates(f *feat) error {
	start := s.i
	err := s.coordinates(f)
	var ge *geomError
	if errors.As(err, &ge) {
		f.bad, f.polys, f.lines, f.points = ge, nil, nil, nil
		s.i = start
		return s.skip(0)
	}
	return err
}

// feature reads one feature object.
func (s *scanner) feature(index int, d *doc) (*feat, error) {
	f := &feat{index: index, off: s.i}
	if s.peek() != '{' {
		return nil, s.fail(s.i, "feature #%d is %s, not an object", index, s.found())
	}
	var typ string
	typOff := s.i
	var idStart, idEnd, propStart, propEnd = -1, -1, -1, -1
	err := s.object(func(key string, off int) error {
		var err error
		switch key {
		case "type":
			typOff = s.i
			typ, err = s.str()
		case "id":
			idStart, idEnd, err = s.span()
		case "properties":
			propStart, propEnd, err = s.span()
		case "geometry":
			err = s.geometry(f)
		default:
			err = s.skip(0) // foreign members
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if typ != "Feature" {
		return nil, s.fail(typOff, "feature #%d has type %q; want \"Feature\"", index, typ)
	}
	if propStart >= 0 && s.data[propStart] != 'n' {
		if s.data[propStart] != '{' {
			return nil, s.fail(propStart, "feature #%d: properties must be an object or null", index)
		}
		if err := json.Unmarshal(s.data[propStart:propEnd], &f.props); err != nil {
			return nil, s.fail(propStart, "feature #%d: properties: %v", index, err)
		}
		if v, ok := f.props["synthetic"].(bool); ok && v {
			d.synthetic = true
		}
	}
	f.id = "#" + strconv.Itoa(index)
	var id any
	if idStart >= 0 {
		if err := json.Unmarshal(s.data[idStart:idEnd], &id); err != nil {
			return nil, s.fail(idStart, "feature #%d: id: %v", index, err)
		}
		f.hasID = true
	} else if f.props != nil {
		id = f.props["id"]
	}
	switch v := id.(type) {
	case string:
		if v != "" {
			f.id = strconv.Quote(v)
		}
	case float64:
		f.id = strconv.FormatFloat(v, 'f', -1, 64)
	case nil:
	default:
		if idStart >= 0 {
			return nil, s.fail(idStart, "feature #%d: id must be a string or a number (RFC 7946 §3.2)", index)
		}
	}
	f.rawID = f.id
	if uq, err := strconv.Unquote(f.id); err == nil {
		f.rawID = uq
	}
	return f, nil
}

// checkEvery is how many features are read between looks at the context.
const checkEvery = 1024

// decodeDoc reads a layer file: a FeatureCollection, or one Feature.
func decodeDoc(ctx context.Context, data []byte) (*doc, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // Windows tools write a byte-order mark
	s := &scanner{data: data, ctx: ctx}
	d := &doc{}
	var typ string
	typOff := 0
	hasFeatures := false
	if s.peek() != '{' {
		return nil, s.fail(s.i, "want a GeoJSON FeatureCollection, found %s", s.found())
	}
	err := s.object(func(key string, off int) error {
		var err error
		switch key {
		case "type":
			typOff = s.i
			typ, err = s.str()
		case "features":
			hasFeatures = true
			if s.peek() != '[' {
				return s.fail(s.i, "features must be an array, found %s", s.found())
			}
			err = s.array(func(n int) error {
				if n%checkEvery == checkEvery-1 && ctx != nil && ctx.Err() != nil {
					return fmt.Errorf("stopped at feature #%d: %w", n, ctx.Err())
				}
				if s.peek() == 'n' {
					return s.fail(s.i, "feature #%d is null", n)
				}
				f, err := s.feature(n, d)
				if err == nil {
					d.features = append(d.features, f)
				}
				return err
			})
		case "crs":
			var a, b int
			if a, b, err = s.span(); err == nil {
				d.hasCRS = true
				err = json.Unmarshal(data[a:b], &d.crs)
			}
		case "synthetic":
			if s.peek() == 't' {
				d.synthetic = true
			}
			err = s.skip(0)
		default: // foreign members, and a lone Feature's, read again below
			err = s.skip(0)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if s.peek() != 0 {
		return nil, s.fail(s.i, "%s after the GeoJSON object", s.found())
	}
	switch typ {
	case "FeatureCollection":
		if !hasFeatures {
			return nil, s.fail(typOff, "the FeatureCollection has no features member")
		}
	case "Feature":
		// Read it again as a feature, now that its members are known to
		// be valid: a lone Feature is small.
		s2 := &scanner{data: data}
		f, err := s2.feature(0, d)
		if err != nil {
			return nil, err
		}
		d.features = []*feat{f}
	default:
		return nil, s.fail(typOff, "type %q; want a FeatureCollection (or one Feature)", typ)
	}
	return d, nil
}
