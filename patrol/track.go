package patrol

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// TrackPoint is one GPS fix.
type TrackPoint struct {
	Point place.Point `json:"point"`
	Time  time.Time   `json:"time"`
	// Index is the point's position in the track, from 0.
	Index int `json:"index"`
}

// TrackOptions configure a track check.
type TrackOptions struct {
	// Activity (id, name or synonym) defines the zone: a point is inside
	// while the engine forbids the activity there on the point's day, e.g.
	// carrying fire into the forest. Required.
	Activity string
	// AccuracyM is the position uncertainty assumed for every point, in
	// metres. Where it straddles a threshold the verdict is conditional and
	// the segment says so.
	AccuracyM float64
	// Facts are facts that hold for the whole track (high_danger_days, …);
	// place facts come from the bundle's layers.
	Facts engine.Facts
	// MaxSegments bounds the segments CheckTrack returns (0 means
	// DefaultMaxSegments); a track with more is refused. A TrackChecker
	// streams and holds only the open segment.
	MaxSegments int
}

// Bounds of a track check. CheckTrack keeps every segment it returns, at
// most DefaultMaxSegments unless TrackOptions say otherwise (a day's
// patrol crosses a zone's edge tens of times, not thousands). A checker
// remembers the decisions of the current stretch of time — between two
// moments at which the activity's windows or notices change, at most a
// day — for at most MaxTrackCache combinations of place facts; memory
// does not grow with the track's length or the days it spans.
const (
	DefaultMaxSegments = 10_000
	MaxTrackCache      = 4096
)

// Segment is a stretch of track inside the zone: consecutive points at
// which the activity is forbidden or may be (conditional: it depends on
// UnknownFacts, e.g. a distance the GPS accuracy cannot settle). Verdict is
// forbidden if any point is, else conditional.
type Segment struct {
	Verdict engine.Verdict `json:"verdict"`
	// ForbiddenPoints counts the points at which it is certainly forbidden.
	ForbiddenPoints int `json:"forbidden_points"`
	// Entry is the first point inside. Exit is the first point after it
	// outside the zone, or the last point if the track ends inside
	// (Ended true).
	Entry TrackPoint `json:"entry"`
	Exit  TrackPoint `json:"exit"`
	Ended bool       `json:"ended_inside,omitempty"`
	// Points inside, and the distance along the track between them.
	Points    int     `json:"points"`
	DistanceM float64 `json:"distance_m"`
	// Day is the China local day of the entry; Notice, Articles and
	// Windows cite the rule that forbids (or may forbid) the activity.
	Day          calendar.Date `json:"day"`
	Notice       string        `json:"notice,omitempty"`
	Articles     []string      `json:"articles,omitempty"`
	Windows      []string      `json:"windows,omitempty"`
	UnknownFacts []string      `json:"unknown_facts,omitempty"`
}

// TrackStats count the work a check did.
type TrackStats struct {
	Points int `json:"points"`
	// Decisions is how many times the engine was asked: once per stretch
	// of time with one verdict for fixed facts (a day, or the hours of a
	// window with times of day) and combination of place facts (distances
	// counted by the region between the rules' thresholds they fall in).
	Decisions int `json:"decisions"`
}

// TrackChecker checks a track point by point, holding only the open
// segment, so a track of any length streams through it. Not safe for
// concurrent use; make one per track.
type TrackChecker struct {
	b          *Bundle
	opts       TrackOptions
	thresholds [][]float64             // per layer fact, the constants rules compare it with, sorted
	cache      map[string]*verdictInfo // decisions of the period [from, to)
	from, to   calendar.DateTime
	key        []byte      // the key being built
	pf         place.Facts // the point's facts, reused
	open       *Segment
	last       TrackPoint
	lastWGS    place.Point
	stats      TrackStats
}

type verdictInfo struct {
	verdict      engine.Verdict
	notice       string
	articles     []string
	windows      []string
	unknownFacts []string
}

// A track point's cache key is everything the engine's decision for it
// can depend on: the stretch of time it is in (the cache holds one), each
// fact the layers give — a distance as the
// regions between the rules' thresholds its range's ends fall in, since
// conditions only compare distances with those constants — and the
// division the point lies in. The layers' manifest says which facts there
// are. A finer key costs a few more decisions; a coarser one would give
// wrong answers.

// NewTrackChecker prepares a check of opts.Activity against the bundle's
// layers.
func (b *Bundle) NewTrackChecker(opts TrackOptions) (*TrackChecker, error) {
	if b.Layers == nil {
		return nil, errors.New("patrol: a track check needs a bundle with place layers")
	}
	if _, err := b.Engine.Activity(opts.Activity); err != nil {
		return nil, fmt.Errorf("patrol: track check: %w", err)
	}
	if !(opts.AccuracyM >= 0) || math.IsInf(opts.AccuracyM, 1) {
		return nil, fmt.Errorf("patrol: track check: accuracy %v m, want a finite value ≥ 0", opts.AccuracyM)
	}
	for name := range opts.Facts {
		if slices.Contains(b.Layers.Manifest().Facts(), name) {
			return nil, fmt.Errorf("patrol: track check: fact %s comes from the layers at each point; do not give it for the whole track", name)
		}
	}
	c := &TrackChecker{b: b, opts: opts, cache: map[string]*verdictInfo{}}
	for _, f := range b.Layers.Manifest().Facts() {
		c.thresholds = append(c.thresholds, thresholds(b.Engine.Rules(), f))
	}
	return c, nil
}

// thresholds collects every constant fact is compared with anywhere in
// the rule set: a superset of what any one activity reads, which only
// makes the cache a little finer.
func thresholds(set *rules.Set, fact string) []float64 {
	var ts []float64
	add := func(p *cond.Program) {
		if p != nil {
			ts = append(ts, p.Thresholds[fact]...)
		}
	}
	for _, n := range set.Notices {
		for _, r := range n.Rules {
			add(r.Program)
		}
		for _, c := range n.Conditions {
			add(c.Program)
		}
	}
	for _, im := range set.Implications {
		add(im.If)
	}
	slices.Sort(ts)
	return slices.Compact(ts)
}

// bucket numbers the regions x can fall in: 2i below threshold i, 2i+1 on
// it, 2n above all.
func bucket(ts []float64, x float64) int {
	for i, t := range ts {
		switch {
		case x < t:
			return 2 * i
		case x == t:
			return 2*i + 1
		}
	}
	return 2 * len(ts)
}

// keyFor builds the cache key of a point's layer facts, in c.key.
func (c *TrackChecker) keyFor(pf *place.Facts) []byte {
	k := append(append(c.key[:0], pf.Division...), '|')
	for i, v := range pf.Values {
		switch {
		case !v.Known:
			k = append(k, '?')
		case v.From == place.Inside:
			k = strconv.AppendBool(k, v.Bool)
		case v.From == place.Distance:
			k = strconv.AppendInt(k, int64(bucket(c.thresholds[i], v.Lo)), 10)
			k = append(k, '-')
			k = strconv.AppendInt(k, int64(bucket(c.thresholds[i], v.Hi)), 10)
		default:
			k = append(k, v.Enum...)
		}
		k = append(k, '|')
	}
	c.key = k
	return k
}

// Add checks the next point. It returns the segment this point closes (the
// point is the segment's exit), or nil. Points must come in time order.
func (c *TrackChecker) Add(p TrackPoint) (*Segment, error) {
	if p.Time.IsZero() {
		return nil, fmt.Errorf("patrol: track point %d has no time; the day decides the fire-ban window", p.Index)
	}
	if c.stats.Points > 0 && p.Time.Before(c.last.Time) {
		return nil, fmt.Errorf("patrol: track point %d (%s) is earlier than point %d (%s)", p.Index, p.Time.Format(time.RFC3339), c.last.Index, c.last.Time.Format(time.RFC3339))
	}
	w, err := p.Point.WGS84()
	if err != nil {
		return nil, fmt.Errorf("patrol: track point %d: %w", p.Index, err)
	}
	if err := c.b.Layers.FactsInto(&c.pf, w, c.opts.AccuracyM); err != nil {
		return nil, fmt.Errorf("patrol: track point %d: %w", p.Index, err)
	}
	t := calendar.LocalTime(p.Time)
	day := t.Date()
	if c.stats.Points == 0 || !t.Before(c.to) {
		if err := c.period(t); err != nil {
			return nil, fmt.Errorf("patrol: track point %d: %w", p.Index, err)
		}
	}
	k := c.keyFor(&c.pf)
	vi := c.cache[string(k)]
	if vi == nil {
		if vi, err = c.decide(p.Time, w); err != nil {
			return nil, fmt.Errorf("patrol: track point %d: %w", p.Index, err)
		}
		if len(c.cache) >= MaxTrackCache {
			clear(c.cache)
		}
		c.cache[string(k)] = vi
		c.stats.Decisions++
	}
	c.stats.Points++
	in := vi.verdict == engine.Forbidden || vi.verdict == engine.Conditional
	var closed *Segment
	if c.open != nil && !in {
		closed = c.open
		closed.Exit = p
		c.open = nil
	}
	if in {
		if c.open == nil {
			c.open = &Segment{Verdict: vi.verdict, Entry: p, Day: day}
		} else {
			c.open.DistanceM += distanceM(c.lastWGS, w)
		}
		s := c.open
		s.Points++
		// A stretch that is forbidden anywhere is reported as forbidden,
		// cited to the forbidding decision; the uncertain fringe at its
		// ends (GPS accuracy across a threshold) belongs to it.
		if vi.verdict == engine.Forbidden {
			s.ForbiddenPoints++
		}
		if s.Notice == "" || (vi.verdict == engine.Forbidden && s.Verdict != engine.Forbidden) {
			s.Verdict, s.Notice, s.Articles, s.Windows, s.UnknownFacts = vi.verdict, vi.notice, vi.articles, vi.windows, vi.unknownFacts
		}
	}
	c.last, c.lastWGS = p, w
	return closed, nil
}

// Close ends the track: it returns the segment still open (the track ended
// inside the zone), or nil.
func (c *TrackChecker) Close() *Segment {
	s := c.open
	if s != nil {
		s.Exit, s.Ended = c.last, true
		c.open = nil
	}
	return s
}

// Stats reports the points checked and the engine decisions made.
func (c *TrackChecker) Stats() TrackStats { return c.stats }

// period starts the stretch of time from t to the next moment at which
// the activity's windows or notices change, or the next midnight: the
// verdict for fixed facts holds throughout, so one decision per
// combination of place facts serves it. Points come in time order, so the
// previous stretch's decisions are dropped.
func (c *TrackChecker) period(t calendar.DateTime) error {
	next := t.Date().AddDays(1).Start()
	changes, err := c.b.Engine.ChangeTimes(c.opts.Activity, t, next)
	if err != nil {
		return err
	}
	if len(changes) > 0 {
		next = changes[0]
	}
	c.from, c.to = t, next
	clear(c.cache)
	return nil
}

func (c *TrackChecker) decide(at time.Time, w place.Point) (*verdictInfo, error) {
	d, err := c.b.Engine.Decide(engine.Query{Activity: c.opts.Activity, At: at, Point: &w, AccuracyM: c.opts.AccuracyM, Facts: c.opts.Facts})
	if err != nil {
		return nil, err
	}
	vi := &verdictInfo{verdict: d.Verdict, unknownFacts: d.UnknownFacts()}
	for _, r := range d.Reasons() {
		if r.Effect != string(rules.Forbid) || r.Defeated() {
			continue
		}
		if vi.notice == "" {
			vi.notice = r.Notice
		}
		if r.Notice == vi.notice && !slices.Contains(vi.articles, r.Article) {
			vi.articles = append(vi.articles, r.Article)
		}
		for _, wu := range r.Windows {
			if !slices.Contains(vi.windows, wu.Name) {
				vi.windows = append(vi.windows, wu.Name)
			}
		}
	}
	return vi, nil
}

// distanceM is the great-circle distance between two WGS-84 points on a
// sphere of the Earth's mean radius: between consecutive GPS fixes (metres
// apart) its error against the ellipsoid is well under 0.5 %.
func distanceM(a, b place.Point) float64 {
	const r = 6371008.8
	rad := math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// CheckTrack streams a GPX track (see ReadGPX) through a TrackChecker and
// returns every segment inside the zone.
func (b *Bundle) CheckTrack(gpx io.Reader, crs place.CRS, opts TrackOptions) ([]Segment, TrackStats, error) {
	c, err := b.NewTrackChecker(opts)
	if err != nil {
		return nil, TrackStats{}, err
	}
	limit := opts.MaxSegments
	if limit <= 0 {
		limit = DefaultMaxSegments
	}
	var segs []Segment
	keep := func(s *Segment) error {
		if len(segs) == limit {
			return fmt.Errorf("patrol: track: more than %d segments inside the zone (the next ends at point %d); check such a track with a TrackChecker, which streams", limit, s.Exit.Index)
		}
		segs = append(segs, *s)
		return nil
	}
	err = ReadGPX(gpx, crs, func(p TrackPoint) error {
		s, err := c.Add(p)
		if err == nil && s != nil {
			err = keep(s)
		}
		return err
	})
	if err != nil {
		return nil, c.Stats(), err
	}
	if s := c.Close(); s != nil {
		if err := keep(s); err != nil {
			return nil, c.Stats(), err
		}
	}
	return segs, c.Stats(), nil
}
