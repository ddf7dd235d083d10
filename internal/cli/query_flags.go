package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

// optFloat is a number flag that may be absent (no default is shown).
type optFloat struct {
	v   float64
	set bool
}

func (o *optFloat) String() string {
	if !o.set {
		return ""
	}
	return strconv.FormatFloat(o.v, 'g', -1, 64)
}

func (o *optFloat) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return fmt.Errorf("%q is not a number", s)
	}
	o.v, o.set = v, true
	return nil
}

func (o *optFloat) Type() string { return "float" }

// queryFlags are the flags check and here share: when, where, facts, and
// which rules and layers.
type queryFlags struct {
	at        string
	rules     *ruleFlags
	layersDir string
	lat, lon  optFloat
	crs       string
	accuracy  float64
	facts     []string
	division  string
	town      string
	cond      *conditionsFlag
}

func addQueryFlags(fs *pflag.FlagSet) *queryFlags {
	q := &queryFlags{}
	fs.StringVar(&q.at, "at", "", "`TIME`: a day (YYYY-MM-DD), a minute in China time (\"YYYY-MM-DD HH:MM\") or RFC 3339 with any offset; default now, in China")
	q.rules = addRuleFlags(fs)
	fs.StringVar(&q.layersDir, "layers", "", "a directory `DIR` of GeoJSON place layers (forest.geojson, towns.geojson, …)")
	fs.Var(&q.lat, "lat", "`latitude` of the place")
	fs.Var(&q.lon, "lon", "`longitude` of the place")
	fs.StringVar(&q.crs, "crs", "", "`CRS` (coordinate system) of --lat/--lon: wgs84 (GPS, CGCS2000), gcj02 (Amap, Tencent) or bd09 (Baidu)")
	fs.Float64Var(&q.accuracy, "accuracy", 0, "position uncertainty in `metres` (GPS accuracy)")
	fs.StringVar(&q.division, "division", "", "the place asked about: a GB/T 2260 division `CODE` (431181; 431181107 for a township)")
	fs.StringVar(&q.town, "town", "", "the place asked about: a township `NAME` from the rules' divisions.csv (白水镇)")
	fs.StringArrayVar(&q.facts, "fact", nil, "a fact `name=value` (repeatable), e.g. distance_to_forest_m=50, fire_zone=general; a number may be lo..hi")
	q.cond = addConditionsFlag(fs)
	return q
}

// build loads the engine and turns the flags into a query.
func (q *queryFlags) build(now func() time.Time) (*engine.Engine, engine.Query, error) {
	var opts []engine.Option
	layers, err := q.rules.layers(q.layersDir)
	if err != nil {
		return nil, engine.Query{}, err
	}
	if layers != nil {
		opts = append(opts, engine.WithLayers(layers))
	}
	eng, err := q.rules.load(opts...)
	if err != nil {
		return nil, engine.Query{}, err
	}
	if eng, err = q.cond.apply(eng); err != nil {
		return nil, engine.Query{}, err
	}
	at, err := parseAt(q.at, now)
	if err != nil {
		return nil, engine.Query{}, err
	}
	facts, err := parseFacts(eng.Rules(), q.facts)
	if err != nil {
		return nil, engine.Query{}, err
	}
	query := engine.Query{Facts: facts, AccuracyM: q.accuracy}
	query.SetMoment(at)
	if query.Place, err = placeOf(eng.Rules().Divisions, q.division, q.town); err != nil {
		return nil, engine.Query{}, err
	}
	switch {
	case q.lat.set != q.lon.set:
		return nil, engine.Query{}, usageErrorf("give both --lat and --lon")
	case q.lat.set:
		crs, err := place.ParseCRS(q.crs)
		if err != nil {
			return nil, engine.Query{}, usageErrorf("--crs: %v", err)
		}
		query.Point = &place.Point{Lat: q.lat.v, Lon: q.lon.v, CRS: crs}
		if layers == nil {
			return nil, engine.Query{}, usageErrorf("a point needs --layers DIR (or a rule directory with its own layers) to turn it into place facts")
		}
	case q.crs != "":
		return nil, engine.Query{}, usageErrorf("--crs needs --lat and --lon")
	}
	return eng, query, nil
}

// parseAt reads --at, a day or a minute (calendar.ParseMoment); empty
// means now, to the minute.
func parseAt(s string, now func() time.Time) (calendar.Moment, error) {
	if s == "" {
		return calendar.TimeMoment(calendar.LocalTime(now())), nil
	}
	m, err := calendar.ParseMoment(s)
	if err != nil {
		return calendar.Moment{}, badInput("bad_date", fmt.Errorf("--at: %w", err))
	}
	return m, nil
}

// parseFacts turns --fact name=value pairs into typed facts using the rule
// set's schema. A number may be given as a range lo..hi.
func parseFacts(set *rules.Set, pairs []string) (engine.Facts, error) {
	facts, err := engine.ParseFacts(set, pairs, "--fact")
	if err != nil {
		return nil, badInput("bad_fact", fmt.Errorf("--%w", err)) // --fact name: …
	}
	return facts, nil
}

// parseInstant reads a moment as calendar.ParseMoment does; a day alone
// is its start in China.
func parseInstant(s string) (time.Time, error) {
	m, err := calendar.ParseMoment(s)
	if err != nil {
		return time.Time{}, err
	}
	if t, ok := m.DateTime(); ok {
		return t.Time(), nil
	}
	return m.Day().Start().Time(), nil
}
