// Package bench compares the tonggao engine with Open Policy Agent on the
// forest fire ban (祁政通〔2024〕7号): the same generated queries go through
// both, the tests assert that both give the same verdict on every query, and
// the benchmarks time a prepared OPA query against engine.Decide.
//
// It is a separate Go module so that the library does not depend on OPA.
// The fire ban's decision logic is written in Rego (firebam.rego); the Rego
// data document — activity names and synonyms, the activity hierarchy and the
// special protection windows as sets of days — is generated from the rule set
// and the calendar, so Go code here holds no notice facts.
package bench

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// Policy is the Rego encoding of the fire ban.
//
//go:embed firebam.rego
var Policy string

// unknownDistance is the fact a conditional query leaves out, as OPA names it.
const unknownDistance = "input.distance_to_forest_m"

// Verdict names used when comparing; the engine's are reused so a mismatch
// reads the same on both sides.
const (
	Forbidden   = engine.Forbidden
	NoRule      = engine.NoRule
	Conditional = engine.Conditional
)

// Encoding is the policy's own description of what it encodes, read from the
// policy so that the notice number and window ids live only there.
type Encoding struct {
	Notice         string
	Groups         map[string][]string // rule id → activity ids
	Residuals      []string            // the "其他…" groups, sorted
	SpecialWindows []string
}

// ReadEncoding evaluates the policy's constant rules.
func ReadEncoding(ctx context.Context) (*Encoding, error) {
	rs, err := rego.New(rego.Query("x = {\"notice\": data.firebam.notice, \"groups\": data.firebam.groups, \"residuals\": data.firebam.residuals, \"windows\": data.firebam.special_windows}"),
		rego.Module("firebam.rego", Policy)).Eval(ctx)
	if err != nil {
		return nil, fmt.Errorf("bench: reading the policy: %w", err)
	}
	if len(rs) != 1 {
		return nil, errors.New("bench: the policy does not define notice, groups, residuals and special_windows")
	}
	m, ok := rs[0].Bindings["x"].(map[string]any)
	if !ok {
		return nil, errors.New("bench: unexpected policy constants")
	}
	enc := &Encoding{Groups: map[string][]string{}}
	enc.Notice, _ = m["notice"].(string)
	rs0, _ := m["residuals"].([]any)
	for _, r := range rs0 {
		enc.Residuals = append(enc.Residuals, r.(string))
	}
	slices.Sort(enc.Residuals)
	groups, _ := m["groups"].(map[string]any)
	for g, acts := range groups {
		for _, a := range acts.([]any) {
			enc.Groups[g] = append(enc.Groups[g], a.(string))
		}
		slices.Sort(enc.Groups[g])
	}
	ws, _ := m["windows"].([]any)
	for _, w := range ws {
		enc.SpecialWindows = append(enc.SpecialWindows, w.(string))
	}
	slices.Sort(enc.SpecialWindows)
	if enc.Notice == "" || len(enc.Residuals) == 0 || len(enc.Groups) == 0 || len(enc.SpecialWindows) == 0 {
		return nil, errors.New("bench: the policy's constants are incomplete")
	}
	return enc, nil
}

// NoticeIn returns the notice the policy encodes from the rule set.
func (enc *Encoding) NoticeIn(set *rules.Set) (*rules.Notice, error) {
	for _, n := range set.Notices {
		if n.Number == enc.Notice {
			return n, nil
		}
	}
	return nil, fmt.Errorf("bench: notice %s is not in the rule set", enc.Notice)
}

// DataDocument builds the Rego data document: every name, synonym and id of
// the notice's activities, each activity's lineage (itself and its
// ancestors), and every day of each special window as resolved by the
// engine's calendar (engine.Window(w).Intervals()).
func DataDocument(e *engine.Engine, enc *Encoding) (map[string]any, error) {
	n, err := enc.NoticeIn(e.Rules())
	if err != nil {
		return nil, err
	}
	names := map[string]any{}
	lineage := map[string]any{}
	for _, a := range n.Activities {
		for _, s := range append([]string{a.ID, a.Name}, a.Synonyms...) {
			names[s] = a.ID
		}
		var line []any
		for p := a; p != nil; p = p.Parent {
			line = append(line, p.ID)
		}
		lineage[a.ID] = line
	}
	windows := map[string]any{}
	for _, id := range enc.SpecialWindows {
		i := slices.IndexFunc(n.Windows, func(w *rules.Window) bool { return w.ID == id })
		if i < 0 {
			return nil, fmt.Errorf("bench: the policy names window %q, which %s does not define", id, n.Number)
		}
		days := map[string]any{}
		for _, iv := range e.Window(n.Windows[i]).Intervals() {
			for d := iv.From; !d.After(iv.To); d = d.AddDays(1) {
				days[d.String()] = true
			}
		}
		windows[id] = days
	}
	return map[string]any{"vocab": map[string]any{"activities": names, "lineage": lineage}, "windows": windows}, nil
}

// OPA holds the prepared queries: a full evaluation of the verdict and a
// partial evaluation of "forbidden" with the distance unknown.
type OPA struct {
	decision rego.PreparedEvalQuery
	partial  rego.PreparedPartialQuery
}

// NewOPA compiles the policy against the data document. The store returns
// AST values on read, OPA's documented fast path, so that OPA is measured at
// its best.
func NewOPA(ctx context.Context, data map[string]any) (*OPA, error) {
	return newOPA(ctx, Policy, data)
}

func newOPA(ctx context.Context, policy string, data map[string]any) (*OPA, error) {
	opts := func(query string, extra ...func(*rego.Rego)) []func(*rego.Rego) {
		return append([]func(*rego.Rego){
			rego.Query(query),
			rego.Module("firebam.rego", policy),
			rego.Store(inmem.NewFromObjectWithOpts(data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))),
		}, extra...)
	}
	dec, err := rego.New(opts("data.firebam.verdict")...).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("bench: preparing the decision query: %w", err)
	}
	par, err := rego.New(opts("data.firebam.forbidden == true", rego.Unknowns([]string{unknownDistance}))...).PrepareForPartial(ctx)
	if err != nil {
		return nil, fmt.Errorf("bench: preparing the partial query: %w", err)
	}
	return &OPA{decision: dec, partial: par}, nil
}

// Decide evaluates the verdict for a fully known input.
func (o *OPA) Decide(ctx context.Context, input ast.Value) (engine.Verdict, error) {
	rs, err := o.decision.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return "", err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return "", fmt.Errorf("bench: OPA gave %d results", len(rs))
	}
	v, _ := rs[0].Expressions[0].Value.(string)
	return engine.Verdict(v), nil
}

// Conditional partially evaluates "forbidden" with the distance unknown and
// maps the result onto the engine's verdicts: no query left means it cannot
// be forbidden (no_rule), an empty query means it is forbidden whatever the
// distance, and queries that still test the distance mean the answer depends
// on it (conditional).
func (o *OPA) Conditional(ctx context.Context, input ast.Value) (engine.Verdict, error) {
	pq, err := o.partial.Partial(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return "", err
	}
	return PartialVerdict(pq), nil
}

// PartialVerdict maps a partial evaluation result onto a verdict.
func PartialVerdict(pq *rego.PartialQueries) engine.Verdict {
	if len(pq.Queries) == 0 {
		return NoRule
	}
	for _, q := range pq.Queries {
		if len(q) == 0 {
			return Forbidden
		}
	}
	return Conditional
}

// Query is one generated question in both forms.
type Query struct {
	Engine engine.Query
	// Input is the same question as OPA input; converted once, as an
	// application would keep it, so that OPA's benchmark times evaluation.
	Input ast.Value
	// Raw is Input before conversion, for messages.
	Raw map[string]any
}

// WithoutDistance returns the query with distance_to_forest_m unknown and
// nothing else: a query that did not say whether it is in forest land says
// it is not (in forest land a building or yard counts as in the wild, so
// that fact would be a second unknown OPA's partial evaluation leaves out).
func (q Query) WithoutDistance() (Query, error) {
	facts := engine.Facts{"in_forest_land": false}
	raw := map[string]any{"in_forest_land": false}
	for k, v := range q.Engine.Facts {
		if k != "distance_to_forest_m" {
			facts[k] = v
		}
	}
	for k, v := range q.Raw {
		if k != "distance_to_forest_m" {
			raw[k] = v
		}
	}
	return newQuery(q.Engine.Activity, q.Engine.Day, facts, raw)
}

func newQuery(activity string, day calendar.Date, facts engine.Facts, raw map[string]any) (Query, error) {
	in, err := ast.InterfaceToValue(raw)
	if err != nil {
		return Query{}, err
	}
	return Query{Engine: engine.Query{Activity: activity, Day: day, Facts: facts}, Input: in, Raw: raw}, nil
}

// Span is the range of days queries are drawn from.
type Span struct{ From, To calendar.Date }

// Activities returns the names and synonyms of the notice's activities that
// no rule of another notice covers, and the ids left out with the notices
// that also govern them: for those the engine's verdict rests on facts the
// Rego encoding does not model (such as fireworks_ban_zone).
func Activities(set *rules.Set, n *rules.Notice) (names []string, excluded map[string][]string) {
	excluded = map[string][]string{}
	for _, a := range n.Activities {
		var others []string
		for _, m := range set.Notices {
			if m == n {
				continue
			}
			for _, r := range m.Rules {
				if r.Covers(a) && !slices.Contains(others, m.Number) {
					others = append(others, m.Number)
				}
			}
		}
		if len(others) > 0 {
			excluded[a.ID] = others
			continue
		}
		names = append(names, a.Name)
		names = append(names, a.Synonyms...)
	}
	return names, excluded
}

// Generate returns n deterministic queries for the seed: activity names and
// synonyms, days across the span (a quarter of them days on which the
// verdict can change, and the day before), distances 0–300 m (one in ten
// exactly 100), fire_zone key or general, high_danger_days 0–4,
// in_forest_land sometimes (true with the distance absent or 0, or false),
// and where: in the open, in a yard or indoors — or, for an activity whose
// words settle it (野炊, 炼山 on forest land), what they imply.
func Generate(e *engine.Engine, names []string, span Span, n int, seed uint64) ([]Query, error) {
	if len(names) == 0 || n <= 0 || span.To.Before(span.From) {
		return nil, errors.New("bench: nothing to generate")
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	edges := map[string][]calendar.Date{}
	for _, name := range names {
		days, err := e.ChangeDays(name, span.From, span.To)
		if err != nil {
			return nil, err
		}
		edges[name] = days
	}
	width := span.To.Sub(span.From) + 1
	qs := make([]Query, 0, n)
	for range n {
		name := names[rng.IntN(len(names))]
		day := span.From.AddDays(rng.IntN(width))
		if ed := edges[name]; len(ed) > 0 && rng.IntN(4) == 0 {
			day = ed[rng.IntN(len(ed))].AddDays(-rng.IntN(2))
		}
		zone := "general"
		if rng.IntN(10) < 3 {
			zone = "key"
		}
		hdd := rng.IntN(5)
		facts := engine.Facts{"fire_zone": zone, "high_danger_days": float64(hdd)}
		raw := map[string]any{"activity": name, "date": day.String(), "fire_zone": zone, "high_danger_days": hdd}
		indoors, yard := false, false
		switch rng.IntN(3) {
		case 1:
			yard = true
		case 2:
			indoors = true
		}
		facts["indoors"], raw["indoors"] = indoors, indoors
		facts["in_yard"], raw["in_yard"] = yard, yard
		implied := map[string]bool{}
		if a, ok := e.Rules().Activity(name); ok {
			for _, x := range a.Implies {
				facts[x.Fact.Name], raw[x.Fact.Name] = x.Value(), x.Value()
				implied[x.Fact.Name] = true
			}
		}
		var dist float64
		switch r := rng.IntN(20); {
		case r < 2:
			dist = 100
		case r < 4:
			dist = 100 + float64(rng.IntN(3)-1)*0.5
		default:
			dist = float64(rng.IntN(3001)) / 10
		}
		switch r := rng.IntN(20); {
		case implied["in_forest_land"]:
			// the act's words put it on forest land (炼山): no distance
			// but 0 can be given with it, and it is not said otherwise
			if facts["in_forest_land"] == true && r < 10 {
				facts["distance_to_forest_m"], raw["distance_to_forest_m"] = 0.0, 0.0
			}
		case r < 2: // in forest land, distance not given
			facts["in_forest_land"], raw["in_forest_land"] = true, true
		case r < 3: // in forest land, distance 0 given too
			facts["in_forest_land"], raw["in_forest_land"] = true, true
			facts["distance_to_forest_m"], raw["distance_to_forest_m"] = 0.0, 0.0
		case r < 6 && dist > 0: // outside forest land, said so
			facts["in_forest_land"], raw["in_forest_land"] = false, false
			facts["distance_to_forest_m"], raw["distance_to_forest_m"] = dist, dist
		default:
			facts["distance_to_forest_m"], raw["distance_to_forest_m"] = dist, dist
			if dist == 0 {
				// at the forest's edge: 0 m leaves whether it is on forest
				// land open, which the known queries must not (said outside)
				facts["in_forest_land"], raw["in_forest_land"] = false, false
			}
		}
		q, err := newQuery(name, day, facts, raw)
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	return qs, nil
}
