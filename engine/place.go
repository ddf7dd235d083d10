package engine

import (
	"fmt"
	"math"

	"github.com/tonggao/tonggao/place"
)

// Option configures New.
type Option func(*Engine) error

// WithLayers gives the engine place layers, so that a query may carry a
// point instead of place facts.
func WithLayers(l *place.Layers) Option {
	return func(e *Engine) error {
		e.layers = l
		return nil
	}
}

// WithBundle names the offline bundle the engine was built from, for the
// receipt of every decision.
func WithBundle(version string) Option {
	return func(e *Engine) error {
		e.receipt.Bundle = version
		return nil
	}
}

// placeFacts adds to facts the place facts derived from the query's point,
// except those the query gives itself (explicit facts win). Where the
// position's uncertainty straddles the forest boundary, in_forest_land is
// left unknown and the distance becomes a range, so that the decision turns
// conditional instead of falsely certain.
func (e *Engine) placeFacts(q Query, facts Facts) (Facts, *place.Facts, error) {
	if q.Point == nil {
		return facts, nil, nil
	}
	pf, err := e.layers.Facts(*q.Point, q.AccuracyM)
	if err != nil {
		return nil, nil, err
	}
	out := make(Facts, len(facts)+len(place.FactNames))
	for k, v := range facts {
		out[k] = v
	}
	set := func(name string, v any) {
		if _, explicit := facts[name]; !explicit {
			out[name] = v
		}
	}
	if pf.ForestKnown && !math.IsInf(pf.DistanceToForestM, 1) {
		src := fmt.Sprintf("%s（距林地边缘 %.1f m，位置误差 ±%g m）", pf.ForestSource, pf.DistanceToEdgeM, pf.UncertaintyM)
		u := pf.UncertaintyM
		switch {
		case pf.InForestLand && pf.ForestEdgeUncertain && u > 0:
			set(place.FactDistanceToForestM, Range{Lo: 0, Hi: math.Max(0, u-pf.DistanceToEdgeM), Source: src})
		case pf.InForestLand:
			set(place.FactInForestLand, Sourced{Value: true, Source: src})
		case pf.DistanceToForestM <= u:
			set(place.FactDistanceToForestM, Range{Lo: 0, Hi: pf.DistanceToForestM + u, Source: src})
		default:
			set(place.FactInForestLand, Sourced{Value: false, Source: src})
			if u > 0 {
				set(place.FactDistanceToForestM, Range{Lo: pf.DistanceToForestM - u, Hi: pf.DistanceToForestM + u, Source: src})
			} else {
				set(place.FactDistanceToForestM, Sourced{Value: pf.DistanceToForestM, Source: src})
			}
		}
		if pf.FireZone != "" {
			set(place.FactFireZone, Sourced{Value: pf.FireZone, Source: pf.ForestSource + "（" + pf.ForestFeature + "）"})
		}
	}
	// A position whose uncertainty reaches a boundary leaves that fact
	// unknown: the answer then says it depends on it.
	if pf.TownKnown && pf.Town != "" && !pf.TownEdgeUncertain {
		set(place.FactTown, Sourced{Value: pf.Town, Source: pf.TownSource})
	}
	if pf.UrbanKnown && !pf.UrbanEdgeUncertain {
		set(place.FactUrbanArea, Sourced{Value: pf.UrbanArea, Source: pf.UrbanSource})
	}
	if pf.PlanningKnown && !pf.PlanningEdgeUncertain {
		set(place.FactPlanningArea, Sourced{Value: pf.PlanningArea, Source: pf.PlanningSource})
	}
	if pf.FireworksKnown && !pf.FireworksEdgeUncertain {
		set(place.FactFireworksBanZone, Sourced{Value: pf.FireworksBanZone, Source: pf.FireworksSource})
	}
	return out, &pf, nil
}

// Sourced is a fact value with where it came from (a layer, say).
type Sourced struct {
	Value  any
	Source string
}
