package engine

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/rules"
)

// A notice applies only in the divisions of its applies_in. The divisions
// named by all the notices cut the country into parts ("atoms"): each
// named division less the named divisions inside it, and everywhere else.
// The notices that apply are the same everywhere within an atom, so the
// engine plans each distinct set of notices once (a planSet), and a query
// whose place lies within one atom is decided by that set's plans — the
// same table look-ups as with one place. A query whose place spans several
// atoms with different notices (a county asked about, where a notice
// applies in one of its townships; no place at all, with notices of
// several counties loaded) is decided in each and answered conditional on
// the place, with the verdict for each.

// PlaceFact is the name decisions give the place in unknown_facts and
// outcomes when the answer depends on it. A caller answers it with a
// division code or name (Query.Place).
const PlaceFact = "place"

// PlaceUse is the place a decision is about.
type PlaceUse struct {
	Code string `json:"code"`           // the division code as written, e.g. "431181107"
	Name string `json:"name,omitempty"` // its name in the divisions tables, e.g. "白水镇"
	// Source is where the place came from: "query", the fact that named it
	// (town), or the layer the point lies in.
	Source string `json:"source"`
}

// planSet is the plans for one set of notices: those that apply in some
// part of the country.
type planSet struct {
	notices []*rules.Notice
	in      map[*rules.Notice]bool
	plans   map[*rules.Activity]*plan
	planBy  map[string]*plan // by activity id, name and synonym
	// naming[a] are the set's notices with a rule that names activity a.
	naming map[*rules.Activity][]*rules.Notice
	// lazy is set when each activity's plan waits for the first query
	// about it (see lazyPlans); plans then holds those made so far and
	// planBy is nil. Read plans through plan, byName and all.
	lazy *lazyPlans
}

// lazyPlans makes a set's plans on first use, in an engine built with
// PlanOnDemand whose notices no plan can outgrow (withinPlanLimits): a
// command answering one question needs one plan of the 132 activities'
// (264 with two sets of notices), and making them all was a quarter of a
// cold check's work after start-up (docs/speed.md). Since makePlan cannot
// fail within those limits, a rule set New accepts is the same either way.
type lazyPlans struct {
	e      *Engine
	ix     *ruleIndex
	shared map[string]*plan
}

// withinPlanLimits reports whether no plan made from these notices can
// exceed makePlan's limits, whatever activity it is for: all their rules,
// and all their windows and notices together, fit in one plan, and no
// rule names more conditions than a reason can say. (A plan's facts are
// the rule set's, at most rules.MaxFacts = 64.)
func withinPlanLimits(notices []*rules.Notice) bool {
	nRules, bits := 0, len(notices)
	for _, n := range notices {
		nRules += len(n.Rules)
		bits += len(n.Windows)
		for _, r := range n.Rules {
			if len(r.Program.Macros) > maxRuleConditions {
				return false
			}
		}
	}
	return nRules <= maxPlanRules && bits <= maxPlanBits
}

// A plan reads at most 64 facts (one mask word), which the rule set's own
// limit ensures; this fails to compile if that limit grows.
const _ = uint(64 - rules.MaxFacts)

// plan is activity a's plan in the set, made now if it waited for its
// first query.
func (ps *planSet) plan(a *rules.Activity) *plan {
	l := ps.lazy
	if l == nil {
		return ps.plans[a]
	}
	// The plans built on demand share the engine's maps of windows and
	// year notes, which plan.build writes under the same lock.
	l.e.lazyBuild.Lock()
	defer l.e.lazyBuild.Unlock()
	if p, ok := ps.plans[a]; ok {
		return p
	}
	p, err := l.e.makePlan(a, l.ix, l.shared)
	if err != nil {
		// withinPlanLimits held when the set was planned, and makePlan
		// fails only beyond those limits: a defect, not bad input.
		panic(fmt.Sprintf("engine: activity %q: %v", a.ID, err))
	}
	p.scope = ps
	ps.plans[a] = p
	return p
}

// byName is the plan of the activity an id, name or synonym names, nil
// for none.
func (ps *planSet) byName(name string) *plan {
	if ps.lazy == nil {
		return ps.planBy[name]
	}
	a, ok := ps.lazy.e.set.Activity(name)
	if !ok {
		return nil
	}
	return ps.plan(a)
}

// all returns every activity's plan, making those not made yet.
func (ps *planSet) all() map[*rules.Activity]*plan {
	if l := ps.lazy; l != nil {
		for _, a := range l.e.set.Activities {
			ps.plan(a)
		}
	}
	return ps.plans
}

// places is where the engine's notices apply; nil when none says.
type places struct {
	divs *division.Table
	// codes are the divisions notices name, deepest first. Atom i <
	// len(codes) is codes[i] less the named divisions inside it; atom
	// len(codes) is everywhere else.
	codes []division.Code
	// inner[i] reports whether another named division lies inside codes[i].
	inner []bool
	// atomSet[i] is the index in Engine.sets of atom i's plans.
	atomSet []int
	// byDefault are the atoms a query without a place may be in: those of
	// the one top-level division named, or all of them.
	byDefault []int
	// defaultSets are the plan sets of byDefault's atoms (see where).
	defaultSets []int
	// placeFacts are the facts that name a division (town).
	placeFacts []*rules.Fact
	// resolved keeps where's answer for a query's place string when
	// nothing else (a town fact, a point) says where: a *placeAnswer by
	// the string, at most maxResolved of them. Repeated places — most
	// queries name one of a few — then cost one lookup, not a parse, a
	// walk over the named divisions and a name lookup.
	resolved  sync.Map
	nresolved atomic.Int32
}

// maxResolved bounds places.resolved: a client sending every code of
// China must not grow it without end.
const maxResolved = 4096

// placeAnswer is where's answer for one place string.
type placeAnswer struct {
	atoms, sets []int
	code        division.Code
	use         PlaceUse
}

// elsewhere is the index of the atom outside every named division.
func (pl *places) elsewhere() int { return len(pl.codes) }

// buildPlans plans every activity for each distinct set of notices that
// apply somewhere, and sets e.plans and e.planBy to those of the set a
// query without a place is decided by (when it is one).
func (e *Engine) buildPlans() error {
	pl := e.findPlaces()
	if pl == nil {
		ps, err := e.planSet(e.set.Notices)
		if err != nil {
			return err
		}
		e.sets = []*planSet{ps}
		e.plans, e.planBy = ps.plans, ps.planBy
		return nil
	}
	byKey := map[string]int{}
	for atom := range len(pl.codes) + 1 {
		var notices []*rules.Notice
		var key []byte
		for i, n := range e.set.Notices {
			if pl.appliesIn(n, atom) {
				notices = append(notices, n)
				key = fmt.Appendf(key, "%d,", i)
			}
		}
		k, ok := byKey[string(key)]
		if !ok {
			ps, err := e.planSet(notices)
			if err != nil {
				return err
			}
			k = len(e.sets)
			byKey[string(key)] = k
			e.sets = append(e.sets, ps)
		}
		pl.atomSet = append(pl.atomSet, k)
	}
	for _, a := range pl.byDefault {
		if k := pl.atomSet[a]; !slices.Contains(pl.defaultSets, k) {
			pl.defaultSets = append(pl.defaultSets, k)
		}
	}
	e.places = pl
	def := e.sets[pl.atomSet[pl.byDefault[0]]]
	e.plans, e.planBy = def.plans, def.planBy
	return nil
}

// findPlaces collects the divisions the notices name; nil when none does.
func (e *Engine) findPlaces() *places {
	pl := &places{divs: e.set.Divisions}
	for _, n := range e.set.Notices {
		for _, c := range n.AppliesIn {
			if !slices.Contains(pl.codes, c) {
				pl.codes = append(pl.codes, c)
			}
		}
	}
	if len(pl.codes) == 0 {
		return nil
	}
	// Deepest first, so that the first named division covering a place is
	// the one its atom belongs to.
	slices.SortStableFunc(pl.codes, func(a, b division.Code) int { return len(b) - len(a) })
	var roots []division.Code
	for i, c := range pl.codes {
		inner, top := false, true
		for j, d := range pl.codes {
			if i != j && c.Covers(d) {
				inner = true
			}
			if i != j && d.Covers(c) {
				top = false
			}
		}
		pl.inner = append(pl.inner, inner)
		if top {
			roots = append(roots, c)
		}
	}
	if len(roots) == 1 {
		pl.byDefault = pl.atomsFor(roots[0], nil)
	} else {
		for atom := range len(pl.codes) + 1 {
			pl.byDefault = append(pl.byDefault, atom)
		}
	}
	for _, f := range e.set.Facts {
		if f.Divisions != 0 {
			pl.placeFacts = append(pl.placeFacts, f)
		}
	}
	return pl
}

// appliesIn reports whether notice n applies in atom.
func (pl *places) appliesIn(n *rules.Notice, atom int) bool {
	if atom == pl.elsewhere() {
		return len(n.AppliesIn) == 0
	}
	for _, c := range n.AppliesIn {
		if c.Covers(pl.codes[atom]) {
			return true
		}
	}
	return false
}

// atomsFor appends to dst the atoms some part of division c lies in: the
// atom of the deepest named division covering c (or elsewhere), and those
// of the named divisions inside c. The cost is a few prefix comparisons
// per named division.
func (pl *places) atomsFor(c division.Code, dst []int) []int {
	at := pl.elsewhere()
	for i, d := range pl.codes {
		if d.Covers(c) {
			at = i
			break
		}
	}
	if !slices.Contains(dst, at) {
		dst = append(dst, at)
	}
	for i, d := range pl.codes {
		if d != c && c.Covers(d) && !slices.Contains(dst, i) {
			dst = append(dst, i)
		}
	}
	return dst
}

// atomPart names an atom for an outcome: "白水镇（431181107）",
// "祁阳市（431181） other than 白水镇（431181107）", "other than 祁阳市（431181）".
func (pl *places) atomPart(atom int) PlacePart {
	if atom == pl.elsewhere() {
		return PlacePart{Except: pl.labels(pl.tops())}
	}
	c := pl.codes[atom]
	if !pl.inner[atom] {
		return PlacePart{Label: pl.divs.Label(c)}
	}
	var in []division.Code
	for i, d := range pl.codes {
		if d != c && c.Covers(d) && !slices.ContainsFunc(pl.codes[:i], func(x division.Code) bool { return x != c && c.Covers(x) && x.Covers(d) && x != d }) {
			in = append(in, d)
		}
	}
	return PlacePart{Label: pl.divs.Label(c), Except: pl.labels(in)}
}

// String is the part in English words, as FactCondition.Text says it.
func (p PlacePart) String() string {
	switch {
	case len(p.Except) == 0:
		return p.Label
	case p.Label == "":
		return "other than " + strings.Join(p.Except, ", ")
	}
	return p.Label + " other than " + strings.Join(p.Except, ", ")
}

// tops are the named divisions no other named division covers.
func (pl *places) tops() []division.Code {
	var out []division.Code
	for i, c := range pl.codes {
		top := true
		for j, d := range pl.codes {
			if i != j && d.Covers(c) {
				top = false
			}
		}
		if top {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

func (pl *places) labels(cs []division.Code) []string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = pl.divs.Label(c)
	}
	return s
}

// planSet plans every activity for the given notices.
func (e *Engine) planSet(notices []*rules.Notice) (*planSet, error) {
	ps := &planSet{notices: notices, in: map[*rules.Notice]bool{}, plans: map[*rules.Activity]*plan{}, naming: map[*rules.Activity][]*rules.Notice{}}
	for _, n := range notices {
		ps.in[n] = true
		for _, r := range n.Rules {
			for _, a := range r.Activities {
				if !slices.Contains(ps.naming[a], n) {
					ps.naming[a] = append(ps.naming[a], n)
				}
			}
		}
	}
	// Activities governed by the same rules share the costly part of a plan
	// (segments and reasons' windows); most fire acts do.
	shared := map[string]*plan{}
	ix := newRuleIndex(notices)
	if e.onDemand && withinPlanLimits(notices) {
		ps.lazy = &lazyPlans{e: e, ix: ix, shared: shared}
		return ps, nil
	}
	for _, a := range e.set.Activities {
		p, err := e.makePlan(a, ix, shared)
		if err != nil {
			return nil, err
		}
		p.scope = ps
		ps.plans[a] = p
	}
	ps.planBy = make(map[string]*plan, len(e.set.ActivityNames()))
	for _, name := range e.set.ActivityNames() {
		a, _ := e.set.Activity(name)
		ps.planBy[name] = ps.plans[a]
	}
	return ps, nil
}

// defaultSets are the plan sets a query without a place may be decided by.
func (e *Engine) defaultSets() []*planSet {
	if e.places == nil {
		return e.sets
	}
	var out []*planSet
	for _, a := range e.places.byDefault {
		if ps := e.sets[e.places.atomSet[a]]; !slices.Contains(out, ps) {
			out = append(out, ps)
		}
	}
	return out
}

// whereScratch is the place part of a query, worked out before its plans
// are chosen.
type whereScratch struct {
	named []division.Code
	tmp   []division.Code
	atoms []int
	sets  []int // indexes into Engine.sets
	// code is the place the query names or its point lies in ("" for
	// none), and use says so for the decision.
	code division.Code
	use  PlaceUse
}

// where works out which plan sets decide q: one, unless the query's place
// spans parts of the country where different notices apply.
func (e *Engine) where(q Query, sc *scratch) error {
	w := &sc.where
	w.atoms, w.sets, w.code, w.use = w.atoms[:0], w.sets[:0], "", PlaceUse{}
	pl := e.places
	// Only the place string says where: its answer may be kept.
	keep := pl != nil && q.Place != "" && sc.pf.Division == "" && !placeFactGiven(pl, q.Facts)
	if keep {
		if a, ok := pl.resolved.Load(q.Place); ok {
			a := a.(*placeAnswer)
			w.atoms, w.sets, w.code, w.use = append(w.atoms, a.atoms...), append(w.sets, a.sets...), a.code, a.use
			return nil
		}
	}
	if err := e.resolveWhere(q, sc); err != nil || !keep {
		return err
	}
	if pl.nresolved.Load() < maxResolved {
		if _, loaded := pl.resolved.LoadOrStore(q.Place, &placeAnswer{atoms: slices.Clone(w.atoms), sets: slices.Clone(w.sets), code: w.code, use: w.use}); !loaded {
			pl.nresolved.Add(1)
		}
	}
	return nil
}

// placeFactGiven reports whether facts name a place (town).
func placeFactGiven(pl *places, facts Facts) bool {
	for _, f := range pl.placeFacts {
		if _, ok := facts[f.Name]; ok {
			return true
		}
	}
	return false
}

// resolveWhere is where without the kept answers.
func (e *Engine) resolveWhere(q Query, sc *scratch) error {
	w := &sc.where
	pl := e.places
	if pl == nil && q.Place == "" {
		w.sets = append(w.sets, 0)
		return nil
	}
	var divs *division.Table
	if pl != nil {
		divs = pl.divs
	} else {
		divs = e.set.Divisions
	}
	// The place the query names, and the towns it names, must agree; the
	// most specific of them is the place. A point's place refines it or,
	// if it disagrees, yields to it, as a point's facts yield to given ones.
	// The codes live in the scratch: no allocation for a code or a name.
	named, have, source := w.named[:0], false, ""
	if q.Place != "" {
		var err error
		if named, err = resolve(divs, q.Place, named); err != nil {
			return &FactError{Fact: PlaceFact, Msg: err.Error()}
		}
		have, source = true, "query"
	}
	if pl != nil {
		for _, f := range pl.placeFacts {
			raw, ok := q.Facts[f.Name]
			if !ok {
				continue
			}
			if s, isSourced := raw.(Sourced); isSourced {
				raw = s.Value
			}
			name, isString := raw.(string)
			if !isString {
				continue // fill reports a bad value
			}
			if name = f.Canonical(name); name == "" {
				continue // fill reports a bad value
			}
			cs := w.tmp[:0]
			for _, c := range divs.Lookup(name) {
				if c.Level() == f.Divisions {
					cs = append(cs, c)
				}
			}
			w.tmp = cs
			if !have {
				named, have, source = append(named, cs...), true, f.Name
				continue
			}
			if named = refine(named, cs); len(named) == 0 {
				return &FactError{Fact: f.Name, Contradiction: true, Msg: fmt.Sprintf("%s %s is not in place %s", f.Name, name, q.Place)}
			}
			source = f.Name
		}
	}
	if c, src, ok := e.pointDivision(sc); ok {
		switch {
		case !have:
			named, have, source = append(named, c), true, src
		case slices.ContainsFunc(named, func(x division.Code) bool { return x.Covers(c) || c.Covers(x) }):
			named, source = refine(named, []division.Code{c}), src
		}
	}
	w.named = named
	if pl == nil {
		// No notice says where it applies: every place has them all.
		w.sets = append(w.sets, 0)
		if len(named) == 1 {
			w.code = named[0]
			w.use = PlaceUse{Code: named[0].String(), Name: divs.Name(named[0]), Source: source}
		}
		return nil
	}
	switch {
	case !have:
		// The usual query, which names no place: its atoms' sets made once.
		w.atoms, w.sets = append(w.atoms, pl.byDefault...), append(w.sets, pl.defaultSets...)
		return nil
	default:
		for _, c := range named {
			w.atoms = pl.atomsFor(c, w.atoms)
		}
		if len(named) == 1 {
			w.code = named[0]
			w.use = PlaceUse{Code: named[0].String(), Name: divs.Name(named[0]), Source: source}
		}
	}
	for _, a := range w.atoms {
		if k := pl.atomSet[a]; !slices.Contains(w.sets, k) {
			w.sets = append(w.sets, k)
		}
	}
	return nil
}

// refine keeps, of the places a and b, the more specific of each
// overlapping pair. It reuses a's array.
func refine(a, b []division.Code) []division.Code {
	out := a[:0]
	for _, x := range a {
		for _, y := range b {
			switch {
			case x.Covers(y):
				out = append(out, y)
			case y.Covers(x):
				out = append(out, x)
			}
		}
	}
	return out
}

// resolve appends to dst the codes a place means: a division code, or the
// divisions a name names (see division.Table.Resolve).
func resolve(divs *division.Table, s string, dst []division.Code) ([]division.Code, error) {
	// A name (白水镇) is no code: no error made to find that out.
	if t := strings.TrimSpace(s); t != "" && t[0] >= '0' && t[0] <= '9' {
		if c, err := division.Parse(t); err == nil {
			return append(dst, c), nil
		}
	}
	cs, err := divs.Resolve(s)
	return append(dst, cs...), err
}

// Decide answers q.
func (e *Engine) Decide(q Query) (*Decision, error) {
	return e.decideInto(nil, q)
}

// DecideInto answers q as Decide does, into dst instead of a new
// decision: a caller that decides many queries one after another (a
// server encoding each answer before the next) can reuse one Decision and
// allocate nothing for a decision with known facts.
//
// DecideInto overwrites dst and what its fields point to (At, Place,
// NextChange are dst's own storage), so a caller must be done with dst's
// previous answer — and with anything taken from its fields — before
// reusing it; the values its methods returned are copies and stay valid.
// Like every decision, dst shares nothing the engine reads again: changing
// it never changes a later answer. On error, dst holds no decision.
func (e *Engine) DecideInto(dst *Decision, q Query) error {
	if dst == nil {
		return errors.New("engine: DecideInto needs a decision to fill")
	}
	_, err := e.decideInto(dst, q)
	if err != nil {
		*dst = Decision{}
	}
	return err
}

// decideInto answers q into dst, or a new decision when dst is nil.
func (e *Engine) decideInto(dst *Decision, q Query) (*Decision, error) {
	if err := e.check(&q); err != nil {
		return nil, err
	}
	sc := e.scratch.Get().(*scratch)
	defer e.scratch.Put(sc)
	if err := e.pointFacts(q, sc); err != nil {
		return nil, err
	}
	if err := e.where(q, sc); err != nil {
		return nil, err
	}
	w := &sc.where
	if len(w.sets) == 1 {
		ps := e.sets[w.sets[0]]
		d, err := e.decide(q, ps, sc, dst)
		if err == nil && e.places != nil && len(ps.notices) == 0 && w.use.Code != "" && d.Verdict == NoRule {
			pl := e.places
			addNote(d, &note{Note: Note{Code: "outside_places", Text: text("note.outside_places", "place", pl.divs.Label(w.code), "places", strings.Join(pl.labels(pl.tops()), ", ")),
				Args: map[string]string{"place": pl.divs.Label(w.code), "places": strings.Join(pl.labels(pl.tops()), ", ")}}})
		}
		return d, err
	}
	return e.decideAcross(q, sc, dst)
}

// decideAcross decides q in each part of its place where different rules
// govern the act and answers conditional on the place, unless every part
// gives the same verdict.
func (e *Engine) decideAcross(q Query, sc *scratch, dst *Decision) (*Decision, error) {
	w := &sc.where
	first := e.sets[w.sets[0]]
	p := first.byName(q.Activity)
	if p == nil {
		p = first.byName(strings.TrimSpace(q.Activity))
	}
	if p == nil {
		_, err := e.Activity(q.Activity)
		return nil, err
	}
	same := true
	for _, k := range w.sets[1:] {
		same = same && slices.Equal(e.sets[k].plan(p.act).rules, p.rules)
	}
	if same {
		// The notices that differ between the parts do not govern this act.
		return e.decide(q, first, sc, dst)
	}
	// Parts whose plans for the act hold the same rules answer alike: one
	// decision each, for the atoms of all of them.
	type part struct {
		set   int
		atoms []int
		d     *Decision
	}
	var parts []part
	for _, a := range w.atoms {
		k := e.places.atomSet[a]
		rs := e.sets[k].plan(p.act).rules
		i := slices.IndexFunc(parts, func(x part) bool { return slices.Equal(e.sets[x.set].plan(p.act).rules, rs) })
		if i < 0 {
			parts = append(parts, part{set: k})
			i = len(parts) - 1
		}
		parts[i].atoms = append(parts[i].atoms, a)
	}
	use := w.use // decide reuses the scratch
	for i := range parts {
		d, err := e.decide(q, e.sets[parts[i].set], sc, nil)
		if err != nil {
			return nil, err
		}
		parts[i].d = d
	}
	d0 := parts[0].d
	// The merged decision holds its parts as values (see merged): they
	// are copies of the parts' own.
	x := &merged{activity: d0.Activity(), facts: d0.Facts(), unknownFacts: []string{}, reasons: []Reason{}}
	x.e = e
	m := dst
	if m == nil {
		m = sc.newDecision()
	}
	m.reuse()
	m.Date, m.day, m.facts, m.reasons = d0.Date, d0.day, nil, nil
	m.ext(sc).merged = x
	if d0.At != nil {
		m.at = *d0.At
		m.At = &m.at
	}
	if use.Code != "" {
		m.setPlace(use, sc)
	}
	verdict, agree := d0.Verdict, true
	for _, pt := range parts {
		d := pt.d
		if d.Verdict != verdict || d.Verdict == Conditional || !slices.Equal(d.DayParts, d0.DayParts) {
			agree = false
		}
		for _, r := range d.Reasons() {
			if !slices.ContainsFunc(x.reasons, func(y Reason) bool { return y.Notice == r.Notice && y.Rule == r.Rule && y.Status == r.Status }) {
				x.reasons = append(x.reasons, r)
			}
		}
		for _, pen := range d.Penalties() {
			if !slices.ContainsFunc(x.penalties, func(y NoticePenalty) bool {
				return y.Notice == pen.Notice && y.Article == pen.Article && y.Text == pen.Text
			}) {
				x.penalties = append(x.penalties, pen)
			}
		}
		for _, c := range d.Contacts() {
			if !slices.ContainsFunc(x.contacts, func(y NoticeContact) bool { return y.Notice == c.Notice && y.Name == c.Name }) {
				x.contacts = append(x.contacts, c)
			}
		}
		for _, n := range d.noteList() {
			addNote(m, n)
		}
	}
	if agree {
		// The same verdict wherever the place is: definite, with every
		// part's reasons. It changes on the first day any part's does, to
		// an answer that depends on the place unless all change alike.
		m.Verdict, m.DayParts = verdict, slices.Clone(d0.DayParts)
		for _, pt := range parts {
			c := pt.d.NextChange
			switch {
			case c == nil:
			case m.NextChange == nil:
				cc := *c
				m.NextChange = &cc
			case c.At.Before(m.NextChange.At):
				m.NextChange.Date, m.NextChange.At = c.Date, c.At
			}
		}
		if m.NextChange != nil {
			for _, pt := range parts {
				if c := pt.d.NextChange; c == nil || *c != *m.NextChange {
					m.NextChange.Verdict = Conditional
				}
			}
		}
	} else {
		m.Verdict = Conditional
		x.unknownFacts = append(x.unknownFacts, PlaceFact)
		for _, pt := range parts {
			for _, f := range pt.d.UnknownFacts() {
				if !slices.Contains(x.unknownFacts, f) {
					x.unknownFacts = append(x.unknownFacts, f)
				}
			}
		}
		// Parts with one definite verdict share an outcome.
		for i := range parts {
			d := parts[i].d
			if d == nil || d.Verdict == Conditional {
				continue
			}
			for j := i + 1; j < len(parts); j++ {
				if parts[j].d != nil && parts[j].d.Verdict == d.Verdict {
					parts[i].atoms = append(parts[i].atoms, parts[j].atoms...)
					parts[j].d = nil
				}
			}
		}
		for _, pt := range parts {
			d := pt.d
			if d == nil {
				continue
			}
			cond := e.placeCondition(pt.atoms)
			outcomes := d.Outcomes()
			if len(outcomes) == 0 {
				x.outcomes = append(x.outcomes, Outcome{When: []FactCondition{cond}, Verdict: d.Verdict})
				continue
			}
			for _, o := range outcomes {
				when := append([]FactCondition{cond}, o.When...)
				x.outcomes = append(x.outcomes, Outcome{When: when, Verdict: o.Verdict})
			}
		}
	}
	return m, nil
}

// placeCondition is the outcome condition "the place is in these atoms",
// naming whole divisions where the atoms cover them: "祁阳市（431181）" for
// its own atom and its named townships', "白水镇（431181107）",
// "祁阳市（431181） other than 白水镇（431181107）", "other than 祁阳市（431181）".
// Its value is the code when it is one named division.
func (e *Engine) placeCondition(atoms []int) FactCondition {
	pl := e.places
	left := slices.Clone(atoms)
	var parts []PlacePart
	var codes []division.Code
	// Shallowest first: a whole county before its townships.
	for i := len(pl.codes) - 1; i >= 0; i-- {
		c := pl.codes[i]
		if !slices.Contains(left, i) {
			continue
		}
		whole := true
		for j, d := range pl.codes {
			if c.Covers(d) && !slices.Contains(left, j) {
				whole = false
			}
		}
		if !whole {
			continue
		}
		parts = append(parts, PlacePart{Label: pl.divs.Label(c)})
		codes = append(codes, c)
		left = slices.DeleteFunc(left, func(j int) bool { return j != pl.elsewhere() && c.Covers(pl.codes[j]) })
	}
	for _, a := range left {
		parts = append(parts, pl.atomPart(a))
	}
	texts := make([]string, len(parts))
	for i, p := range parts {
		texts[i] = p.String()
	}
	fc := FactCondition{Fact: PlaceFact, Text: strings.Join(texts, " or "), Places: parts}
	if len(codes) == 1 && len(left) == 0 {
		fc.Value = codes[0].String()
	}
	return fc
}
