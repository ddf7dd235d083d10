package patrol

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tonggao/tonggao/place"
)

// readGPXStd is the reference reader built on encoding/xml (see ReadGPX):
// the tests check the scanner against it.
func readGPXStd(r io.Reader, crs place.CRS, fn func(TrackPoint) error) error {
	if crs == "" {
		crs = place.WGS84
	}
	dec := xml.NewDecoder(r)
	var (
		n       int
		inPt    bool
		inTime  bool
		pt      TrackPoint
		timeBuf strings.Builder
		sawGPX  bool
		depth   int
	)
	for {
		// Token, not RawToken: it checks that tags nest, as the scanner does.
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				// A truncated file
				// (an interrupted download) must not pass as complete.
				line, _ := dec.InputPos()
				return fmt.Errorf("patrol: gpx line %d: unexpected end of file inside an element", line)
			}
			break
		}
		if err != nil {
			return fmt.Errorf("patrol: gpx: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "gpx":
				sawGPX = true
			case "trkpt":
				line, _ := dec.InputPos()
				pt = TrackPoint{Index: n, Point: place.Point{CRS: crs}}
				var haveLat, haveLon bool
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "lat":
						pt.Point.Lat, haveLat = parseDecimal([]byte(strings.TrimSpace(a.Value)))
					case "lon":
						pt.Point.Lon, haveLon = parseDecimal([]byte(strings.TrimSpace(a.Value)))
					}
				}
				if !haveLat || !haveLon {
					return fmt.Errorf("patrol: gpx line %d: track point %d needs numeric lat and lon attributes", line, n)
				}
				inPt = true
			case "time":
				if inPt {
					inTime = true
					timeBuf.Reset()
				}
			}
		case xml.CharData:
			if inTime {
				timeBuf.Write(t)
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "time":
				if inTime {
					inTime = false
					ts, err := time.Parse(time.RFC3339, strings.TrimSpace(timeBuf.String()))
					if err != nil {
						line, _ := dec.InputPos()
						return fmt.Errorf("patrol: gpx line %d: track point %d: time %q is not RFC 3339", line, n, timeBuf.String())
					}
					pt.Time = ts
				}
			case "trkpt":
				if !inPt {
					continue
				}
				inPt = false
				if pt.Time.IsZero() {
					line, _ := dec.InputPos()
					return fmt.Errorf("patrol: gpx line %d: track point %d has no <time>; the day decides the fire-ban window", line, n)
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
