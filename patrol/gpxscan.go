package patrol

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/tonggao/tonggao/place"
)

// Limits of a GPX file: ReadGPX holds at most one text node, tag, comment
// or CDATA section at a time, and refuses one longer than MaxGPXToken
// bytes (a <desc> of a megabyte is already far beyond what GPS apps
// write), and elements nested deeper than MaxGPXDepth (GPX nests five
// deep; extensions a few more).
const (
	MaxGPXToken = 1 << 20
	MaxGPXDepth = 64
)

// gpxScanner reads the part of XML that GPX files use — elements,
// attributes, text, comments, CDATA, processing instructions, a DOCTYPE and
// the five predefined entities plus character references — without
// building tokens, so a track point costs no allocations. It checks that
// tags nest and that the file does not end inside an element; it does not
// validate names or namespaces, which GPX readers have no use for.
type gpxScanner struct {
	r     *bufio.Reader
	line  int
	stack []string // open elements' local names
	tag   []byte   // the current tag's bytes, reused
	text  []byte   // the current element's text, reused
	text2 []byte   // comment, CDATA or end-tag bytes, reused
}

// scanGPX is ReadGPX's engine; see ReadGPX.
func scanGPX(r io.Reader, crs place.CRS, fn func(TrackPoint) error) error {
	s := &gpxScanner{r: bufio.NewReaderSize(r, 64<<10), line: 1}
	var (
		n      int
		inPt   bool
		inTime bool
		pt     TrackPoint
		sawGPX bool
	)
	for {
		text, err := s.readText()
		if err != nil {
			return err
		}
		if inTime {
			s.text = append(s.text, text...)
			if len(s.text) > MaxGPXToken {
				return s.tooLong("<time>")
			}
		}
		c, err := s.r.ReadByte()
		if errors.Is(err, io.EOF) {
			if len(s.stack) > 0 {
				return fmt.Errorf("patrol: gpx line %d: unexpected end of file inside <%s>", s.line, s.stack[len(s.stack)-1])
			}
			break
		}
		if err != nil {
			return fmt.Errorf("patrol: gpx: %w", err)
		}
		if c != '<' {
			continue // readText stops only at '<' or EOF
		}
		kind, name, selfClosing, cdata, err := s.readMarkup()
		if err != nil {
			return err
		}
		switch kind {
		case markupCDATA:
			if inTime {
				s.text = append(s.text, cdata...)
				if len(s.text) > MaxGPXToken {
					return s.tooLong("<time>")
				}
			}
		case markupStart:
			switch name {
			case "gpx":
				sawGPX = true
			case "trkpt":
				pt = TrackPoint{Index: n, Point: place.Point{CRS: crs}}
				lat, lon, ok := latLon(s.tag)
				if !ok {
					return fmt.Errorf("patrol: gpx line %d: track point %d needs lat and lon attributes written as decimal numbers (26.35, -0.5)", s.line, n)
				}
				pt.Point.Lat, pt.Point.Lon = lat, lon
				inPt = true
			case "time":
				if inPt && !selfClosing {
					inTime = true
					s.text = s.text[:0]
				}
			}
			if !selfClosing {
				if len(s.stack) == MaxGPXDepth {
					return fmt.Errorf("patrol: gpx line %d: elements nested deeper than %d", s.line, MaxGPXDepth)
				}
				s.stack = append(s.stack, name)
			} else if name == "trkpt" {
				// <trkpt …/> has no <time>.
				return fmt.Errorf("patrol: gpx line %d: track point %d has no <time>; the day decides the fire-ban window", s.line, n)
			}
		case markupEnd:
			if len(s.stack) == 0 || s.stack[len(s.stack)-1] != name {
				return fmt.Errorf("patrol: gpx line %d: </%s> does not close the open element", s.line, name)
			}
			s.stack = s.stack[:len(s.stack)-1]
			switch {
			case name == "time" && inTime:
				inTime = false
				ts, err := parseGPXTime(s.text)
				if err != nil {
					return fmt.Errorf("patrol: gpx line %d: track point %d: time %q is not RFC 3339", s.line, n, s.text)
				}
				pt.Time = ts
			case name == "trkpt" && inPt:
				inPt = false
				if pt.Time.IsZero() {
					return fmt.Errorf("patrol: gpx line %d: track point %d has no <time>; the day decides the fire-ban window", s.line, n)
				}
				if err := fn(pt); err != nil {
					return err
				}
				n++
			}
		}
	}
	if !sawGPX {
		return errors.New("patrol: gpx: no <gpx> element; not a GPX file")
	}
	return nil
}

func parseGPXTime(b []byte) (time.Time, error) {
	b = bytes.TrimSpace(b)
	// time.Parse copies nothing from a string it is given; converting here
	// allocates only for the rare long or odd value.
	return time.Parse(time.RFC3339, string(b))
}

type markupKind int

const (
	markupOther markupKind = iota // comment, PI, DOCTYPE
	markupStart
	markupEnd
	markupCDATA
)

// readText reads up to the next '<' (not consumed) and returns the text
// with entities decoded. The slice is valid until the next call.
func (s *gpxScanner) readText() ([]byte, error) {
	s.tag = s.tag[:0]
	for {
		b, err := s.r.ReadSlice('<')
		if len(b) > 0 && b[len(b)-1] == '<' {
			s.tag = append(s.tag, b[:len(b)-1]...)
			if err := s.r.UnreadByte(); err != nil {
				return nil, err
			}
			break
		}
		s.tag = append(s.tag, b...)
		if len(s.tag) > MaxGPXToken {
			return nil, s.tooLong("text")
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("patrol: gpx: %w", err)
		}
	}
	if len(s.tag) > MaxGPXToken {
		return nil, s.tooLong("text")
	}
	s.line += bytes.Count(s.tag, []byte{'\n'})
	if bytes.IndexByte(s.tag, '&') < 0 {
		return s.tag, nil
	}
	out, err := decodeEntities(s.tag)
	if err != nil {
		return nil, fmt.Errorf("patrol: gpx line %d: %w", s.line, err)
	}
	return out, nil
}

// readMarkup reads what follows a '<'. For a start tag it leaves the tag's
// bytes in s.tag for attribute look-ups.
func (s *gpxScanner) readMarkup() (kind markupKind, name string, selfClosing bool, cdata []byte, err error) {
	c, err := s.r.ReadByte()
	if err != nil {
		return 0, "", false, nil, s.eof(err)
	}
	switch c {
	case '?':
		return markupOther, "", false, nil, s.skipPast("?>")
	case '!':
		head, err := s.r.Peek(2)
		if err == nil && string(head) == "--" {
			s.r.Discard(2)
			return markupOther, "", false, nil, s.skipPast("-->")
		}
		if head, err := s.r.Peek(7); err == nil && string(head) == "[CDATA[" {
			s.r.Discard(7)
			body, err := s.readPast("]]>")
			return markupCDATA, "", false, body, err
		}
		return markupOther, "", false, nil, s.skipDoctype()
	case '/':
		body, err := s.readPast(">")
		if err != nil {
			return 0, "", false, nil, err
		}
		return markupEnd, localName(bytes.TrimSpace(body)), false, nil, nil
	}
	if err := s.r.UnreadByte(); err != nil {
		return 0, "", false, nil, err
	}
	// A start tag: read to the '>' that is not inside a quoted value. Most
	// tags hold no '>' in a value, so whole slices up to '>' are taken and
	// the quotes counted.
	s.tag = s.tag[:0]
	var quote byte
	for {
		chunk, err := s.r.ReadSlice('>')
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return 0, "", false, nil, s.eof(err)
		}
		for _, b := range chunk {
			switch {
			case quote != 0:
				if b == quote {
					quote = 0
				}
			case b == '"' || b == '\'':
				quote = b
			case b == '<':
				return 0, "", false, nil, fmt.Errorf("patrol: gpx line %d: '<' inside a tag", s.line)
			case b == '\n':
				s.line++
			}
		}
		s.tag = append(s.tag, chunk...)
		if len(s.tag) > MaxGPXToken {
			return 0, "", false, nil, s.tooLong("tag")
		}
		if err != nil || quote != 0 {
			continue // buffer full, or the '>' was inside a quoted value
		}
		tag := s.tag[:len(s.tag)-1] // drop '>'
		if len(tag) > 0 && tag[len(tag)-1] == '/' {
			selfClosing, tag = true, tag[:len(tag)-1]
		}
		s.tag = tag
		end := bytes.IndexAny(tag, " \t\r\n")
		if end < 0 {
			end = len(tag)
		}
		if end == 0 {
			return 0, "", false, nil, fmt.Errorf("patrol: gpx line %d: a tag without a name", s.line)
		}
		return markupStart, localName(tag[:end]), selfClosing, nil, nil
	}
}

// localName drops a namespace prefix (gpx:trkpt) and returns the name,
// without allocating for the names GPX tracks are made of.
func localName(b []byte) string {
	if i := bytes.IndexByte(b, ':'); i >= 0 {
		b = b[i+1:]
	}
	switch string(b) { // the compiler does not allocate for this switch
	case "trkpt":
		return "trkpt"
	case "time":
		return "time"
	case "ele":
		return "ele"
	case "trkseg":
		return "trkseg"
	case "trk":
		return "trk"
	case "gpx":
		return "gpx"
	}
	return string(b)
}

// latLon parses the attributes of a start tag (its bytes after the name)
// and returns lat and lon as numbers; ok is false if either is missing or
// not a number, or the attributes are malformed.
func latLon(tag []byte) (lat, lon float64, ok bool) {
	var haveLat, haveLon bool
	i := bytes.IndexAny(tag, " \t\r\n")
	if i < 0 {
		return 0, 0, false
	}
	rest := tag[i:]
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		if len(rest) == 0 {
			return lat, lon, haveLat && haveLon
		}
		eq := bytes.IndexByte(rest, '=')
		if eq <= 0 {
			return 0, 0, false
		}
		name := bytes.TrimRight(rest[:eq], " \t\r\n")
		if k := bytes.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		rest = bytes.TrimLeft(rest[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return 0, 0, false
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return 0, 0, false
		}
		val := rest[1 : 1+end]
		rest = rest[2+end:]
		isLat, isLon := string(name) == "lat", string(name) == "lon"
		if !isLat && !isLon {
			continue
		}
		if bytes.IndexByte(val, '&') >= 0 {
			v, err := decodeEntities(val)
			if err != nil {
				return 0, 0, false
			}
			val = v
		}
		f, ok := parseDecimal(bytes.TrimSpace(val))
		if !ok {
			return 0, 0, false
		}
		if isLat {
			lat, haveLat = f, true
		} else {
			lon, haveLon = f, true
		}
	}
}

// parseDecimal parses an xsd:decimal, the type of GPX's lat and lon: an
// optional sign, digits and an optional point with digits on at least one
// side. Go's own syntax beyond it — 0x1p-2, 2_6.35, 1e3, Inf, NaN — is
// refused: no GPX writer produces it, and a reader that accepts it reads
// a different number than other GPX readers.
func parseDecimal(b []byte) (float64, bool) {
	i := 0
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		i++
	}
	digits, point := 0, false
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point:
			point = true
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(b), 64)
	return f, err == nil
}

// skipPast discards input up to and including end.
func (s *gpxScanner) skipPast(end string) error {
	_, err := s.readPast(end)
	return err
}

// readPast reads up to and including end and returns what came before it
// (valid until the next read).
func (s *gpxScanner) readPast(end string) ([]byte, error) {
	s.text2 = s.text2[:0]
	last := end[len(end)-1]
	for {
		b, err := s.r.ReadSlice(last)
		s.text2 = append(s.text2, b...)
		if len(s.text2) > MaxGPXToken+len(end) {
			return nil, s.tooLong("comment, CDATA section or end tag")
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			s.line += bytes.Count(s.text2, []byte{'\n'})
			return nil, s.eof(err)
		}
		if bytes.HasSuffix(s.text2, []byte(end)) {
			s.line += bytes.Count(s.text2, []byte{'\n'})
			return s.text2[:len(s.text2)-len(end)], nil
		}
	}
}

// skipDoctype skips <!DOCTYPE …> including an internal subset in [ ].
func (s *gpxScanner) skipDoctype() error {
	depth := 0
	var quote byte
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return s.eof(err)
		}
		switch {
		case b == '\n':
			s.line++
		case quote != 0:
			if b == quote {
				quote = 0
			}
		case b == '"' || b == '\'':
			quote = b
		case b == '[':
			depth++
		case b == ']':
			depth--
		case b == '>' && depth <= 0:
			return nil
		}
	}
}

func (s *gpxScanner) tooLong(what string) error {
	return fmt.Errorf("patrol: gpx line %d: a %s longer than %d bytes", s.line, what, MaxGPXToken)
}

func (s *gpxScanner) eof(err error) error {
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("patrol: gpx line %d: unexpected end of file inside markup", s.line)
	}
	return fmt.Errorf("patrol: gpx: %w", err)
}

// decodeEntities replaces &lt; &gt; &amp; &apos; &quot; and &#N; / &#xN;.
func decodeEntities(b []byte) ([]byte, error) {
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			out = append(out, b...)
			break
		}
		out = append(out, b[:i]...)
		b = b[i+1:]
		j := bytes.IndexByte(b, ';')
		if j < 0 {
			return nil, errors.New("unterminated entity reference")
		}
		ent := string(b[:j])
		b = b[j+1:]
		switch ent {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "apos":
			out = append(out, '\'')
		case "quot":
			out = append(out, '"')
		default:
			var r uint64
			var err error
			switch {
			case len(ent) > 2 && (ent[:2] == "#x" || ent[:2] == "#X"):
				r, err = strconv.ParseUint(ent[2:], 16, 32)
			case len(ent) > 1 && ent[0] == '#':
				r, err = strconv.ParseUint(ent[1:], 10, 32)
			default:
				return nil, fmt.Errorf("unknown entity &%s;", ent)
			}
			if err != nil || r > 0x10FFFF {
				return nil, fmt.Errorf("bad character reference &%s;", ent)
			}
			out = append(out, string(rune(r))...)
		}
	}
	return out, nil
}

// ReadGPX streams the track points (<trkpt>) of a GPX 1.0 or 1.1 document
// to fn, in document order, without holding the track in memory. GPX
// coordinates are WGS-84 by definition; crs overrides that for files from
// apps that export map coordinates (GCJ-02) instead — an empty crs means
// WGS-84. A point without a parseable lat, lon or <time> is an error naming
// the point and its line; so is a file that ends inside an element or whose
// tags do not nest. An error from fn stops the read and is returned.
//
// It reads with a small scanner rather than encoding/xml, which allocates
// about 22 times per point; the tests check that both read every document
// encoding/xml accepts to the same points.
func ReadGPX(r io.Reader, crs place.CRS, fn func(TrackPoint) error) error {
	if crs == "" {
		crs = place.WGS84
	}
	return scanGPX(r, crs, fn)
}
