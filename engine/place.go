package engine

import (
	"math"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
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

// loadFacts stores the query's facts in st, then the place facts derived
// from its point (explicit facts win), recording what was given in g.
// Where the position's uncertainty straddles the forest boundary,
// in_forest_land is left unknown and the distance becomes a range, so that
// the decision turns conditional instead of falsely certain; a position
// uncertain across a town, urban, planning or fireworks boundary leaves
// that fact unknown.
func (e *Engine) loadFacts(st *cond.State, q Query, g *given, sc *scratch) error {
	if err := e.fill(st, q.Facts, g); err != nil {
		return err
	}
	defer e.placeFacts(st, g, sc)
	if q.Point == nil {
		return nil
	}
	pf := &sc.pf
	// set stores one place fact unless the query gave it or the schema
	// lacks it; the source is the layer file.
	set := func(name string, v cond.Num, b cond.Tri, s string, src string) {
		f, ok := e.set.Fact(name)
		if !ok || g.has(f) {
			return
		}
		switch f.Kind {
		case cond.Number:
			st.Num[f.Var.Slot] = v
		case cond.Bool:
			st.Bool[f.Var.Slot] = b
		case cond.Enum:
			if s = f.Canonical(s); s == "" {
				return // a value the schema does not know stays unknown
			}
			st.Str[f.Var.Slot] = s
		}
		g.mask |= 1 << f.Index
		g.src[f.Index], g.value[f.Index] = src, nil
	}
	var none cond.Num
	if pf.ForestKnown && !math.IsInf(pf.DistanceToForestM, 1) {
		u, src := pf.UncertaintyM, pf.ForestSource
		switch {
		case pf.InForestLand && pf.ForestEdgeUncertain && u > 0:
			set(place.FactDistanceToForestM, cond.Num{Lo: 0, Hi: math.Max(0, u-pf.DistanceToEdgeM), Known: true}, 0, "", src)
		case pf.InForestLand:
			set(place.FactInForestLand, none, cond.True, "", src)
		case pf.DistanceToForestM <= u:
			set(place.FactDistanceToForestM, cond.Num{Lo: 0, Hi: pf.DistanceToForestM + u, Known: true}, 0, "", src)
		default:
			set(place.FactInForestLand, none, cond.False, "", src)
			set(place.FactDistanceToForestM, cond.Num{Lo: pf.DistanceToForestM - u, Hi: pf.DistanceToForestM + u, Known: true}, 0, "", src)
		}
		if pf.FireZone != "" {
			set(place.FactFireZone, none, 0, pf.FireZone, src)
		}
	}
	if pf.TownKnown && pf.Town != "" && !pf.TownEdgeUncertain {
		set(place.FactTown, none, 0, pf.Town, pf.TownSource)
	}
	if pf.UrbanKnown && !pf.UrbanEdgeUncertain {
		set(place.FactUrbanArea, none, cond.TriOf(pf.UrbanArea), "", pf.UrbanSource)
	}
	if pf.PlanningKnown && !pf.PlanningEdgeUncertain {
		set(place.FactPlanningArea, none, cond.TriOf(pf.PlanningArea), "", pf.PlanningSource)
	}
	if pf.FireworksKnown && !pf.FireworksEdgeUncertain {
		set(place.FactFireworksBanZone, none, cond.TriOf(pf.FireworksBanZone), "", pf.FireworksSource)
	}
	return nil
}

// pointFacts works out the facts of q's point from the layers, into sc,
// before the query's place (which the point may give) chooses its plans.
func (e *Engine) pointFacts(q Query, sc *scratch) error {
	if q.Point == nil {
		sc.pf = place.Facts{} // not the last query's
		return nil
	}
	pf, err := e.layers.Facts(*q.Point, q.AccuracyM)
	if err != nil {
		return err
	}
	sc.pf = pf
	return nil
}

// pointDivision is the division the query's point lies in, from sc.pf.
func (e *Engine) pointDivision(sc *scratch) (division.Code, string, bool) {
	pf := &sc.pf
	if !pf.TownKnown || pf.TownCode == "" || pf.TownEdgeUncertain {
		return "", "", false
	}
	c, err := division.Parse(pf.TownCode)
	if err != nil {
		return "", "", false
	}
	return c, pf.TownSource, true
}

// placeFacts sets the facts that name the query's place (town, from a
// township code) unless the query or its point gave them.
func (e *Engine) placeFacts(st *cond.State, g *given, sc *scratch) {
	pl, c := e.places, sc.where.code
	if pl == nil || c == "" {
		return
	}
	for _, f := range pl.placeFacts {
		if g.has(f) || st.Str[f.Var.Slot] != "" || c.Level() < f.Divisions {
			continue
		}
		for c.Level() > f.Divisions {
			c = c.Parent()
		}
		if name := f.Canonical(pl.divs.Name(c)); name != "" {
			st.Str[f.Var.Slot] = name
			g.mask |= 1 << f.Index
			g.src[f.Index], g.value[f.Index] = rules.DivisionsFile, nil
		}
	}
}

// Sourced is a fact value with where it came from (a layer, say).
type Sourced struct {
	Value  any
	Source string
}
