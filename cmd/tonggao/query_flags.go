package main

import (
	"flag"
	"fmt"
	"math"
	"os"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/place"
)

// queryFlags are the flags check and here share: when, where, facts, and
// which rules and layers.
type queryFlags struct {
	at        *string
	rulesDir  *string
	layersDir *string
	lat, lon  *float64
	crs       *string
	accuracy  *float64
	facts     multiFlag
}

func addQueryFlags(fs *flag.FlagSet) *queryFlags {
	q := &queryFlags{
		at:        fs.String("at", "", "day (YYYY-MM-DD) or RFC 3339 time; default now, in China"),
		rulesDir:  fs.String("rules", "", "rule directory (facts.yaml, notices/); default the embedded rule base"),
		layersDir: fs.String("layers", "", "directory of GeoJSON place layers (forest.geojson, towns.geojson, …)"),
		lat:       fs.Float64("lat", math.NaN(), "latitude of the place"),
		lon:       fs.Float64("lon", math.NaN(), "longitude of the place"),
		crs:       fs.String("crs", "", "coordinate system of --lat/--lon: wgs84 (GPS, CGCS2000), gcj02 (Amap, Tencent) or bd09 (Baidu)"),
		accuracy:  fs.Float64("accuracy", 0, "position uncertainty in metres (GPS accuracy)"),
	}
	fs.Var(&q.facts, "fact", "a fact name=value (repeatable), e.g. distance_to_forest_m=50, fire_zone=general; a number may be lo..hi")
	return q
}

// build loads the engine and turns the flags into a query.
func (q *queryFlags) build() (*engine.Engine, engine.Query, error) {
	var opts []engine.Option
	if *q.layersDir != "" {
		layers, err := place.LoadDir(*q.layersDir)
		if err != nil {
			return nil, engine.Query{}, fmt.Errorf("--layers: %w", err)
		}
		opts = append(opts, engine.WithLayers(layers))
	}
	eng, err := loadEngine(*q.rulesDir, opts...)
	if err != nil {
		return nil, engine.Query{}, err
	}
	day, err := parseAt(*q.at)
	if err != nil {
		return nil, engine.Query{}, fmt.Errorf("--at: %w", err)
	}
	facts, err := parseFacts(eng.Rules(), q.facts)
	if err != nil {
		return nil, engine.Query{}, err
	}
	query := engine.Query{Day: day, Facts: facts, AccuracyM: *q.accuracy}
	hasLat, hasLon := !math.IsNaN(*q.lat), !math.IsNaN(*q.lon)
	switch {
	case hasLat != hasLon:
		return nil, engine.Query{}, fmt.Errorf("give both --lat and --lon")
	case hasLat:
		crs, err := place.ParseCRS(*q.crs)
		if err != nil {
			return nil, engine.Query{}, fmt.Errorf("--crs: %w", err)
		}
		query.Point = &place.Point{Lat: *q.lat, Lon: *q.lon, CRS: crs}
		if *q.layersDir == "" {
			return nil, engine.Query{}, fmt.Errorf("a point needs --layers DIR to turn it into place facts")
		}
	case *q.crs != "":
		return nil, engine.Query{}, fmt.Errorf("--crs needs --lat and --lon")
	}
	return eng, query, nil
}

// loadEngine builds an engine from a rule directory, or from the embedded
// rule base when dir is empty.
func loadEngine(dir string, opts ...engine.Option) (*engine.Engine, error) {
	if dir == "" {
		return engine.Embedded(opts...)
	}
	return engine.Load(os.DirFS(dir), opts...)
}
