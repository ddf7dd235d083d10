package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Option configures New.
type Option func(*Engine) error

// PlanOnDemand makes New leave each activity's plan — its segments,
// reasons, table and the JSON its decisions share — to the first query
// about the activity, instead of building every plan up front. It suits a
// process that answers one question (tonggao check builds one plan of
// dozens); a server should not use it, or its first answer about each
// activity pays for the plan. The rules are checked as without it: a rule
// set New accepts is the same either way, and so is every decision.
func PlanOnDemand() Option {
	return func(e *Engine) error {
		e.onDemand = true
		return nil
	}
}

// WithLayers gives the engine place layers, so that a query may carry a
// point instead of place facts. Every fact the layers' manifest names must
// be declared in facts.yaml with the matching type — inside: bool,
// distance: number, property: enum, with every value the layer holds one
// of the fact's — or New fails naming the manifest line.
func WithLayers(l *place.Layers) Option {
	return func(e *Engine) error {
		e.layers = l
		return e.linkLayers()
	}
}

// layerFact is what a layer's fact becomes in the engine: the declared
// fact, and for an enum its values as the layer writes them → as the fact
// does.
type layerFact struct {
	f      *rules.Fact
	values map[string]string
}

// linkLayers ties each fact of the layers' manifest to the rule set's.
func (e *Engine) linkLayers() error {
	e.layerFacts = nil
	if e.layers == nil {
		return nil
	}
	m := e.layers.Manifest()
	var errs []error
	for _, ls := range m.Layers {
		for _, y := range ls.Facts {
			lf := layerFact{}
			f, ok := e.set.Fact(y.Fact)
			want := map[place.From]cond.Kind{place.Inside: cond.Bool, place.Distance: cond.Number, place.Property: cond.Enum}[y.From]
			switch {
			case !ok:
				errs = append(errs, fmt.Errorf("%s:%d: layer %s gives the fact %s, which %s does not declare", ls.Manifest, y.Line, ls.Name, y.Fact, rules.FactsFile))
			case f.Kind != want:
				errs = append(errs, fmt.Errorf("%s:%d: layer %s gives %s from %s, a %s, but %s declares it %s", ls.Manifest, y.Line, ls.Name, y.Fact, y.From, kindName(want), rules.FactsFile, kindName(f.Kind)))
			default:
				lf.f = f
			}
			if lf.f != nil && y.From == place.Property {
				lf.values = map[string]string{}
				for _, v := range e.layers.PropertyValues(y.Fact) {
					c := f.Canonical(v)
					if c == "" {
						errs = append(errs, fmt.Errorf("%s:%d: layer %s gives %s = %q, which is not one of %s", ls.Manifest, y.Line, ls.Name, y.Fact, v, strings.Join(f.Values, ", ")))
					}
					lf.values[v] = c
				}
			}
			e.layerFacts = append(e.layerFacts, lf)
		}
	}
	return errors.Join(errs...)
}

func kindName(k cond.Kind) string {
	switch k {
	case cond.Number:
		return "number"
	case cond.Bool:
		return "bool"
	}
	return "enum"
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
// from its point (explicit facts win), recording what was given in g. The
// layers widen a distance by the position's uncertainty and leave a fact
// unknown where the point may lie on either side of a boundary, so that
// the decision turns conditional instead of falsely certain.
func (e *Engine) loadFacts(st *cond.State, q Query, g *given, sc *scratch) error {
	if err := e.fill(st, q.Facts, g); err != nil {
		return err
	}
	// The place's own facts, then what the feed publishes for it (a
	// given or layer fact wins over both).
	defer func() {
		e.placeFacts(st, g, sc)
		e.feedFacts(st, q, g, sc)
	}()
	if q.Point == nil {
		return nil
	}
	for i, v := range sc.pf.Values {
		lf := e.layerFacts[i]
		f := lf.f
		if f == nil || !v.Known || g.has(f) {
			continue
		}
		switch f.Kind {
		case cond.Number:
			st.Num[f.Var.Slot] = cond.Num{Lo: v.Lo, Hi: v.Hi, Known: true}
		case cond.Bool:
			st.Bool[f.Var.Slot] = cond.TriOf(v.Bool)
		case cond.Enum:
			s := lf.values[v.Enum]
			if s == "" {
				continue
			}
			st.Str[f.Var.Slot] = s
		}
		g.set(f, v.Source)
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
	return e.layers.FactsInto(&sc.pf, *q.Point, q.AccuracyM)
}

// pointDivision is the division the query's point lies in, from sc.pf.
func (e *Engine) pointDivision(sc *scratch) (division.Code, string, bool) {
	if sc.pf.Division == "" {
		return "", "", false
	}
	return sc.pf.Division, sc.pf.DivisionSource, true
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
			// The source is the layer the point's division came from, or
			// the table that names the division the query gave.
			src := sc.where.use.Source
			if src == "query" || src == "" {
				src = rules.DivisionsFile
			}
			st.Str[f.Var.Slot] = name
			g.set(f, src)
		}
	}
}

// Sourced is a fact value with where it came from (a layer, say).
type Sourced struct {
	Value  any
	Source string
}
