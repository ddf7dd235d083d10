package engine

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/internal/suggest"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// UnknownActivityError reports an activity no notice names.
type UnknownActivityError struct {
	Name        string
	Suggestions []string
}

func (e *UnknownActivityError) Error() string {
	if len(e.Suggestions) == 0 {
		return fmt.Sprintf("unknown activity %q", e.Name)
	}
	return fmt.Sprintf("unknown activity %q (did you mean %s?)", e.Name, strings.Join(e.Suggestions, ", "))
}

// FactError reports a fact the query got wrong: an unknown name, a value of
// the wrong type or out of range, or (Contradiction) facts that cannot all
// be true. It is the one error for facts, whether Decide finds the problem
// or ParseFacts and FactsFromJSON do, reading them from text or JSON.
type FactError struct {
	Fact          string
	Msg           string
	Contradiction bool
	// Activity is set when the fact contradicts what the activity's own
	// words imply (偷倒 is not at a designated place).
	Activity string
}

func (e *FactError) Error() string { return fmt.Sprintf("fact %s: %s", e.Fact, e.Msg) }

// Activity resolves an activity by id, name or synonym.
func (e *Engine) Activity(name string) (*rules.Activity, error) {
	a, ok := e.set.Activity(strings.TrimSpace(name))
	if !ok {
		return nil, &UnknownActivityError{Name: name, Suggestions: e.names.closest(e.set, name, 5)}
	}
	return a, nil
}

// activityNames is a rule set's activity names as a suggest.Index, made
// once.
type activityNames struct {
	once sync.Once
	x    *suggest.Index
}

func (n *activityNames) closest(set *rules.Set, name string, k int) []string {
	n.once.Do(func() { n.x = suggest.NewIndex(set.ActivityNames()) })
	return n.x.Closest(name, k)
}

// decide answers q with the plans of the notices in ps (see Decide), its
// point's facts and place already in sc: into dst (overwritten) if it is
// not nil, else into a new decision.
func (e *Engine) decide(q Query, ps *planSet, sc *scratch, dst *Decision) (*Decision, error) {
	p := ps.byName(q.Activity)
	if p == nil {
		p = ps.byName(strings.TrimSpace(q.Activity))
	}
	if p == nil {
		_, err := e.Activity(q.Activity)
		return nil, err
	}
	p = p.ready()
	at, clock := q.moment()
	day := at.Date()
	if !day.Valid() {
		return nil, fmt.Errorf("engine: %w", calendar.ErrRange)
	}
	st := sc.st
	copy(st.Num, e.blank.Num) // e.set.Reset, as a copy
	copy(st.Bool, e.blank.Bool)
	// Str is "" throughout blank: only the values the last query set are
	// cleared (a copy writes every string, through the garbage collector's
	// write barrier while it marks).
	for i := range st.Str {
		if st.Str[i] != "" {
			st.Str[i] = ""
		}
	}
	sc.feed.plan = p
	if err := e.loadFacts(st, q, &sc.given, sc); err != nil {
		return nil, err
	}
	if err := applyImplies(st, p, &sc.given); err != nil {
		return nil, err
	}
	if err := e.set.Derive(st); err != nil {
		return nil, &FactError{Fact: err.(*rules.ContradictionError).Fact, Msg: err.Error(), Contradiction: true}
	}

	// The decision, its next change and place and (when few) its reasons
	// and facts are one struct, taken from a block of them.
	d := dst
	if d == nil {
		d = sc.newDecision()
	} else {
		// dst's storage is its own to reuse: its last decision's facts,
		// reasons and place.
		d.reuse()
	}
	d.Date, d.day, d.p = day, day, p
	if p.e != e {
		d.ext(sc).by = e // a Refeed copy: its own receipt
	}
	if sc.where.use.Code != "" {
		d.setPlace(sc.where.use, sc)
	}
	if clock {
		d.at = at
		d.At = &d.at
	}
	// With a table and every fact the rules read known, the rules that hold
	// are looked up; otherwise they are evaluated (three-valued).
	sc.located, sc.hit = false, false
	if t := p.table; t != nil {
		var spans bool
		sc.point, sc.partial, sc.unknown, spans = t.locate(st, sc.unknown[:0])
		sc.located = !spans
	}
	k := p.segmentAt(at)
	if p.clocked && !clock {
		// A day whose hours differ (clock.go).
		k, d.DayParts = e.dayParts(p, st, day, sc)
	}
	d.seg = int32(k)
	seg := p.segments[k]
	var relevant []*rules.Dimension
	if sc.located && len(sc.unknown) == 0 && p.table.entries[seg.id*p.table.points+sc.point].verdict != 0 {
		ent := p.table.entries[seg.id*p.table.points+sc.point]
		p.setWindows(st, seg.mask)
		sc.vals = sc.vals[:0]
		for i := range p.rules {
			sc.vals = append(sc.vals, cond.TriOf(ent.holds&(1<<i) != 0))
		}
		d.Verdict = verdictOf[ent.verdict]
		sc.hit, sc.conds = p.table.views, ent.conds
	} else if sc.vals = e.evalRules(p, st, seg.mask, sc.vals[:0]); hasUnknown(sc.vals) {
		a := e.analyse(p, st, seg.id, sc.vals, sc)
		d.Verdict, relevant, d.an = a.verdict, a.relevant, a
	} else {
		d.Verdict = combine(p.rules, sc.vals)
	}
	e.reasons(d, p, st, k, sc)
	e.factValues(d, st, &sc.given, sc)
	if d.Verdict != Conditional {
		if c, ok := e.nextChange(p, st, k, d.Verdict, sc); ok {
			d.change, d.NextChange = c, &d.change
		}
	}
	e.notes(d, p, k, day, relevant, sc)
	e.feedNotes(d, p, day, sc)
	e.feedNextChange(d, p, st, day, sc)
	return d, nil
}

// analyse answers a query whose rules' values (vals, under mask id)
// depend on facts it does not give: by enumerating them, or from the
// table's analyses when an earlier query at the same partial point did.
// The answer is shared: its slices are read-only.
func (e *Engine) analyse(p *plan, st *cond.State, id int, vals []cond.Tri, sc *scratch) *analysis {
	var slot *atomic.Pointer[analysis]
	if sc.located && p.table.analyses != nil {
		slot = &p.table.analyses[id*p.table.partials+sc.partial]
		if a := slot.Load(); a != nil {
			return a
		}
	}
	v, relevant, outcomes := e.enumerate(p, st, id, vals, sc)
	a := &analysis{verdict: v, relevant: slices.Clip(slices.Clone(relevant)), outcomes: outcomes, unknownFacts: make([]string, len(relevant))}
	for i, d := range relevant {
		a.unknownFacts[i] = d.Var.Name
	}
	a.kept = slot != nil
	if slot != nil && !slot.CompareAndSwap(nil, a) {
		a = slot.Load() // another query got there first: keep one answer
	}
	return a
}

func hasUnknown(vals []cond.Tri) bool {
	for _, v := range vals {
		if v == cond.Unknown {
			return true
		}
	}
	return false
}

// given records which facts the query gave (by rules.Fact.Index) and
// where each came from.
type given struct {
	mask uint64
	src  []string
}

// set records fact f as given, from src. A source is mostly "" and the
// same as the last query's: it is written only when it differs (string
// writes pass the garbage collector's write barrier while it marks).
func (g *given) set(f *rules.Fact, src string) {
	g.mask |= 1 << f.Index
	if g.src[f.Index] != src {
		g.src[f.Index] = src
	}
}

func (g *given) has(f *rules.Fact) bool { return g.mask&(1<<f.Index) != 0 }

// fill stores the query's facts in st and records them in g. Of several
// wrong facts it reports the first by name, so that one query always gets
// the same error (the map's order is random).
func (e *Engine) fill(st *cond.State, facts Facts, g *given) error {
	g.mask = 0
	if len(g.src) < len(e.set.Facts) {
		g.src = make([]string, len(e.set.Facts))
	}
	var bad *FactError
	for name, raw := range facts {
		if bad != nil && name > bad.Fact {
			continue
		}
		f, ok := e.set.Fact(name)
		if !ok {
			bad = e.noSuchFact(name)
			continue
		}
		src, err := setFact(st, f, raw)
		if err != nil {
			bad = &FactError{Fact: name, Msg: err.Error()}
			continue
		}
		g.set(f, src)
	}
	if bad != nil {
		return bad
	}
	return nil
}

// applyImplies stores the facts the words of p's activity settle as if the
// query had given them (source "activity:NAME"). A query fact that says otherwise
// is an error, not overruled: "偷倒渣土 at a designated place" asks two
// things that cannot both be true.
func applyImplies(st *cond.State, p *plan, g *given) error {
	a := p.act
	for _, x := range a.Implies {
		f := x.Fact
		if g.has(f) {
			if f.Kind == cond.Number {
				if n := st.Num[f.Var.Slot]; n.Known && n.Lo <= x.Number && x.Number <= n.Hi {
					x.Store(st) // a range that holds the value narrows to it
					continue
				}
			}
			if !x.Holds(st) {
				return &FactError{Fact: f.Name, Contradiction: true, Activity: a.Name,
					Msg: fmt.Sprintf("contradicts the activity: “%s” means %s", a.Name, x)}
			}
			continue
		}
		x.Store(st)
		g.set(f, p.implied)
	}
	return nil
}

// noSuchFact reports a fact name the schema lacks, with the closest names.
func (e *Engine) noSuchFact(name string) *FactError { return unknownFact(e.set, name) }

func setFact(st *cond.State, f *rules.Fact, raw any) (string, error) {
	if s, ok := raw.(Sourced); ok {
		_, err := setFact(st, f, s.Value)
		return s.Source, err
	}
	switch f.Kind {
	case cond.Number:
		var v cond.Num
		src := ""
		switch x := raw.(type) {
		case float64:
			v = cond.Exact(x)
		case float32:
			v = cond.Exact(float64(x))
		case int:
			v = cond.Exact(float64(x))
		case int64:
			v = cond.Exact(float64(x))
		case Range:
			v, src = cond.Num{Lo: x.Lo, Hi: x.Hi, Known: true}, x.Source
			if x.Lo > x.Hi {
				return "", fmt.Errorf("range %v…%v is empty", x.Lo, x.Hi)
			}
		default:
			return "", fmt.Errorf("want a number, got %T", raw)
		}
		for _, x := range []float64{v.Lo, v.Hi} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return "", fmt.Errorf("want a finite number, got %v", x)
			}
			if f.Min != nil && x < *f.Min {
				return "", fmt.Errorf("%v is below the minimum %v", x, *f.Min)
			}
		}
		if f.Integer && v.Lo == v.Hi && v.Lo != math.Trunc(v.Lo) {
			return "", fmt.Errorf("want a whole number, got %v", v.Lo)
		}
		if f.Min != nil && v.Lo < *f.Min {
			v.Lo = *f.Min
		}
		st.Num[f.Var.Slot] = v
		return src, nil
	case cond.Bool:
		b, ok := raw.(bool)
		if !ok {
			return "", fmt.Errorf("want true or false, got %T", raw)
		}
		st.Bool[f.Var.Slot] = cond.TriOf(b)
	case cond.Enum:
		s, ok := raw.(string)
		if !ok {
			return "", fmt.Errorf("want one of %s, got %T", strings.Join(f.Values, ", "), raw)
		}
		s = f.Canonical(s)
		if s == "" {
			return "", fmt.Errorf("%q is not one of %s", raw, strings.Join(f.Values, ", "))
		}
		st.Str[f.Var.Slot] = s
	}
	return "", nil
}

// setWindows sets the plan's windows in st from a segment mask.
func (p *plan) setWindows(st *cond.State, mask uint64) {
	for i, pw := range p.windows {
		st.Bool[pw.w.Var.Slot] = cond.TriOf(mask&(1<<i) != 0)
	}
}

// evalRules sets the plan's windows from a segment mask and evaluates each
// rule whose notice is in force; the others are false.
func (e *Engine) evalRules(p *plan, st *cond.State, mask uint64, vals []cond.Tri) []cond.Tri {
	p.setWindows(st, mask)
	for i, r := range p.rules {
		v := cond.False
		if mask&p.ruleNotice[i] != 0 {
			v = r.Program.Eval(st)
		}
		vals = append(vals, v)
	}
	return vals
}

// combine gives the verdict when every rule's value is known: a forbidding
// rule wins unless an allowing rule that applies overrides it, and the
// other way round.
func combine(rs []*rules.Rule, vals []cond.Tri) Verdict {
	forbid, allow := false, false
	for i, r := range rs {
		if vals[i] != cond.True || defeated(i, rs, vals) {
			continue
		}
		if r.Effect == rules.Forbid {
			forbid = true
		} else {
			allow = true
		}
	}
	switch {
	case forbid:
		return Forbidden
	case allow:
		return Allowed
	}
	return NoRule
}

// defeated reports whether rule i is overridden by another rule that holds.
func defeated(i int, rs []*rules.Rule, vals []cond.Tri) bool {
	return defeatedBy(i, rs, vals) >= 0
}

func defeatedBy(i int, rs []*rules.Rule, vals []cond.Tri) int {
	for j, o := range rs {
		if j == i || vals[j] != cond.True {
			continue
		}
		for _, t := range o.Overrides {
			if t == rs[i] {
				return j
			}
		}
	}
	return -1
}

// enumerate tries every answer to the unknown facts the undecided rules
// read. It returns the verdict (Conditional when answers differ), the facts
// that decide it, and the verdict for each answer. The facts returned are
// in scratch: valid until sc is reused.
func (e *Engine) enumerate(p *plan, st *cond.State, maskID int, vals []cond.Tri, sc *scratch) (Verdict, []*rules.Dimension, []Outcome) {
	var need uint64
	for i, v := range vals {
		if v == cond.Unknown {
			need |= p.ruleVars[i]
		}
	}
	var dims []*rules.Dimension
	if sc.located {
		// The table's dims, whole: the unknown facts the undecided rules
		// read are enumerated; the others (free) decide no rule.
		dims, sc.pos, sc.free = sc.dims[:0], sc.pos[:0], sc.free[:0]
		for _, i := range sc.unknown {
			if need&(1<<i) != 0 {
				dims, sc.pos = append(dims, p.table.dims[i]), append(sc.pos, i)
			} else {
				sc.free = append(sc.free, i)
			}
		}
	} else {
		dims = p.space.Dimensions(st, func(i int) bool { return need&(1<<i) != 0 }, sc.dims[:0])
	}
	sc.dims = dims
	total := rules.Combinations(dims)
	if total <= 0 {
		return Conditional, dims, nil
	}
	sc.codes = slices.Grow(sc.codes[:0], total)[:total]
	clear(sc.codes)
	if sc.located {
		p.table.walk(maskID, total, sc)
	} else {
		sc.trial = slices.Grow(sc.trial[:0], len(vals))[:len(vals)]
		e.set.Enumerate(st, dims, &sc.enum, func(n int, _ []int) {
			for i, r := range p.rules {
				sc.trial[i] = vals[i]
				if vals[i] == cond.Unknown {
					sc.trial[i] = r.Program.Eval(st)
				}
			}
			sc.codes[n] = codeOf(combine(p.rules, sc.trial))
		})
	}
	var first verdictCode
	same := true
	for _, v := range sc.codes {
		switch {
		case v == 0:
		case first == 0:
			first = v
		case v != first:
			same = false
		}
	}
	if first == 0 {
		return Conditional, dims, nil
	}
	if same {
		return verdictOf[first], nil, nil
	}
	// A fact decides the answer if changing it alone changes the verdict.
	sc.sizes, sc.strides = sc.sizes[:0], sc.strides[:0]
	stride := 1
	for _, d := range dims {
		sc.sizes = append(sc.sizes, d.Size())
		sc.strides = append(sc.strides, stride)
		stride *= d.Size()
	}
	// Dim i decides if some line of points along it (the other dims
	// fixed) holds two verdicts.
	var isRelevant uint64
	for i, size := range sc.sizes {
		if lineVaries(sc.codes, sc.strides[i], size) {
			isRelevant |= 1 << i
		}
	}
	relevant, relIdx := sc.relevant[:0], sc.relIdx[:0]
	for i, d := range dims {
		if isRelevant&(1<<i) != 0 {
			relevant = append(relevant, d)
			relIdx = append(relIdx, i)
		}
	}
	sc.relevant, sc.relIdx = relevant, relIdx
	return Conditional, relevant, e.outcomes(p, sc)
}

// lineVaries reports whether some line of codes along a dim of the given
// stride and size holds two different verdicts (0 is no verdict).
func lineVaries(codes []verdictCode, stride, size int) bool {
	block := stride * size
	for base := 0; base < len(codes); base += block {
		for start := base; start < base+stride; start++ {
			var first verdictCode
			for at := start; at < start+block; at += stride {
				switch w := codes[at]; {
				case w == 0:
				case first == 0:
					first = w
				case w != first:
					return true
				}
			}
		}
	}
	return false
}

// zeroDigits returns n zero digits of a mixed-radix counter.
func (sc *scratch) zeroDigits(n int) []int {
	sc.digit = slices.Grow(sc.digit[:0], n)[:n]
	clear(sc.digit)
	return sc.digit
}

// next advances a mixed-radix counter (digit 0 fastest).
func next(digit, sizes []int) {
	for i := range digit {
		if digit[i]++; digit[i] < sizes[i] {
			return
		}
		digit[i] = 0
	}
}

// outcomes projects the enumeration (sc.codes, numbered in mixed radix
// with sc.strides over sc.dims) onto the deciding dims (sc.relevant, at
// positions sc.relIdx) and merges neighbouring numeric ranges with the same
// verdict. The outcomes and their conditions are two allocations.
func (e *Engine) outcomes(p *plan, sc *scratch) []Outcome {
	if len(sc.relevant) == 1 {
		return e.outcomes1(p, sc)
	}
	return e.outcomesN(p, sc)
}

// outcomesN is outcomes for any number of deciding facts.
func (e *Engine) outcomesN(p *plan, sc *scratch) []Outcome {
	rel := sc.relevant
	size := 1
	sc.rstride = sc.rstride[:0]
	for _, d := range rel {
		sc.rstride = append(sc.rstride, size)
		size *= d.Size()
	}
	sc.proj = slices.Grow(sc.proj[:0], size)[:size]
	clear(sc.proj)
	digit := sc.zeroDigits(len(sc.sizes))
	for _, v := range sc.codes {
		if v != 0 {
			m := 0
			for k, i := range sc.relIdx {
				m += digit[i] * sc.rstride[k]
			}
			if sc.proj[m] == 0 {
				sc.proj[m] = v
			}
		}
		next(digit, sc.sizes)
	}
	// A cell is a box of points along the deciding dims: lo and hi per dim
	// at bounds[2*len(rel)*c:].
	w := len(rel)
	sc.cells, sc.bounds = sc.cells[:0], sc.bounds[:0]
	for m, v := range sc.proj {
		if v == 0 {
			continue
		}
		for k, d := range rel {
			sc.bounds = append(sc.bounds, m/sc.rstride[k]%d.Size())
		}
		sc.bounds = append(sc.bounds, sc.bounds[len(sc.bounds)-w:]...)
		sc.cells = append(sc.cells, cell{verdict: v, alive: true})
	}
	sc.numeric = sc.numeric[:0]
	for _, d := range rel {
		sc.numeric = append(sc.numeric, d.Var.Kind == cond.Number)
	}
	mergeCells(sc.numeric, sc.cells, sc.bounds)
	lo := func(c int) []int { return sc.bounds[2*w*c : 2*w*c+w] }
	hi := func(c int) []int { return sc.bounds[2*w*c+w : 2*w*(c+1)] }
	n := 0
	for _, c := range sc.cells {
		if c.alive {
			n++
		}
	}
	out := make([]Outcome, 0, n)
	when := make([]FactCondition, 0, n*w)
	for c, x := range sc.cells {
		if !x.alive {
			continue
		}
		w0 := len(when)
		for k, d := range rel {
			when = append(when, e.describe(p, d, lo(c)[k], hi(c)[k]))
		}
		out = append(out, Outcome{Verdict: verdictOf[x.verdict], When: when[w0:len(when):len(when)]})
	}
	return out
}

// outcomes1 is outcomes for one deciding fact (the usual case): the
// verdict at each of its points is the first the enumeration met there,
// and runs of a number's neighbouring points with one verdict merge.
func (e *Engine) outcomes1(p *plan, sc *scratch) []Outcome {
	d, i := sc.relevant[0], sc.relIdx[0]
	size, stride := sc.sizes[i], sc.strides[i]
	sc.proj = slices.Grow(sc.proj[:0], size)[:size]
	for j := range sc.proj {
		sc.proj[j] = 0
	scan:
		for base := 0; base < len(sc.codes); base += stride * size {
			for at := base + j*stride; at < base+(j+1)*stride; at++ {
				if sc.codes[at] != 0 {
					sc.proj[j] = sc.codes[at]
					break scan
				}
			}
		}
	}
	n := 0
	for j, v := range sc.proj {
		if v != 0 && (j == 0 || d.Var.Kind != cond.Number || sc.proj[j-1] != v) {
			n++
		}
	}
	out := make([]Outcome, 0, n)
	for lo := 0; lo < size; lo++ {
		v := sc.proj[lo]
		if v == 0 {
			continue
		}
		hi := lo
		for d.Var.Kind == cond.Number && hi+1 < size && sc.proj[hi+1] == v {
			hi++
		}
		out = append(out, Outcome{Verdict: verdictOf[v], When: e.describe1(p, d, lo, hi)})
		lo = hi
	}
	return out
}

// describe1 is describe as a one-element slice: the table's own when d is
// one of its dims (shared, clipped), else a new one.
func (e *Engine) describe1(p *plan, d *rules.Dimension, lo, hi int) []FactCondition {
	if desc := p.described(d); desc != nil {
		at := lo*d.Size() + hi
		return desc[at : at+1 : at+1]
	}
	return []FactCondition{describePoint(d, lo, hi)}
}

// cell is an outcome being built: a box of points with one verdict.
type cell struct {
	verdict verdictCode
	alive   bool // false once merged into another cell
}

// describe states that dim d lies within points lo…hi, from the plan's
// table when d is one of its dims.
func (e *Engine) describe(p *plan, d *rules.Dimension, lo, hi int) FactCondition {
	if desc := p.described(d); desc != nil {
		return desc[lo*d.Size()+hi]
	}
	return describePoint(d, lo, hi)
}

// described returns the table's statements of d's points and ranges
// (see table.describe), or nil when d is not one of the table's dims (a
// number known within a range has dims of its own).
func (p *plan) described(d *rules.Dimension) []FactCondition {
	if t := p.table; t != nil {
		if i := p.space.Index(d.Var); i >= 0 && t.dims[i] == d {
			return t.describe[i]
		}
	}
	return nil
}

// mergeCells merges boxes of points (cells, lo and hi per dim at
// bounds[2*w*c:], w = len(numeric)) as long as two can be: always the first
// pair (a, b) in order where a's verdict is b's and b continues a along a
// number dim (the first such) while the two agree on every other — a
// absorbs b. Taking the first pair and scanning again from the start after
// each merge gives the outcomes their shape, but costs the pairs' count
// per merge: with a dozen deciding facts that was seconds a decision
// (examples/notices/shanxi, no facts given). A merge changes only cell a
// (and ends b), so the pairs before it stay unmergeable except those with
// a: the scan resumes at the first row that may now hold one, and merges
// exactly as the rescan did (TestMergeCellsAsRescan).
func mergeCells(numeric []bool, cells []cell, bounds []int) {
	w := len(numeric)
	lo := func(c int) []int { return bounds[2*w*c : 2*w*c+w] }
	hi := func(c int) []int { return bounds[2*w*c+w : 2*w*(c+1)] }
	// along is the dim along which a absorbs b, or -1.
	along := func(a, b int) int {
		x, y := &cells[a], &cells[b]
		if a == b || !x.alive || !y.alive || x.verdict != y.verdict {
			return -1
		}
		for k, num := range numeric {
			if num && hi(a)[k]+1 == lo(b)[k] && sameElsewhere(lo(a), hi(a), lo(b), hi(b), k) {
				return k
			}
		}
		return -1
	}
	// Every pair in the rows before a is unmergeable.
	for a := 0; a < len(cells); {
		next := a + 1
		for b := range cells {
			k := along(a, b)
			if k < 0 {
				continue
			}
			hi(a)[k] = hi(b)[k]
			cells[b].alive = false
			next = a
			for i := range a {
				if along(i, a) >= 0 {
					next = i
					break
				}
			}
			break
		}
		a = next
	}
}

func sameElsewhere(alo, ahi, blo, bhi []int, except int) bool {
	for k := range alo {
		if k != except && (alo[k] != blo[k] || ahi[k] != bhi[k]) {
			return false
		}
	}
	return true
}

func describePoint(d *rules.Dimension, lo, hi int) FactCondition {
	fc := FactCondition{Fact: d.Var.Name}
	switch d.Var.Kind {
	case cond.Number:
		a, b := d.Regions[lo], d.Regions[hi]
		min := math.Inf(-1)
		if d.Fact.Min != nil {
			min = *d.Fact.Min
		}
		if !math.IsInf(a.Lo, 0) {
			v := a.Lo
			fc.Min, fc.MinOpen = &v, a.LoOpen
		}
		if !math.IsInf(b.Hi, 0) {
			v := b.Hi
			fc.Max, fc.MaxOpen = &v, b.HiOpen
		}
		lower, upper := "", ""
		if a.Lo == b.Hi {
			fc.Text = "= " + cond.FormatNumber(a.Lo)
			return fc
		}
		if !(a.Lo == min && !a.LoOpen) && !math.IsInf(a.Lo, -1) {
			lower = map[bool]string{true: "> ", false: "≥ "}[a.LoOpen] + cond.FormatNumber(a.Lo)
		}
		if !math.IsInf(b.Hi, 1) {
			upper = map[bool]string{true: "< ", false: "≤ "}[b.HiOpen] + cond.FormatNumber(b.Hi)
		}
		switch {
		case lower != "" && upper != "":
			fc.Text = lower + ", " + upper
		case lower != "":
			fc.Text = lower
		case upper != "":
			fc.Text = upper
		default:
			fc.Text = "any"
		}
	case cond.Enum:
		v := d.Values[lo]
		mentioned := d.Values[:len(d.Values)-1]
		if len(d.Fact.Values) > len(d.Values) && lo == len(d.Values)-1 && !containsStr(mentioned, v) {
			fc.Text = "other than " + strings.Join(mentioned, ", ")
			fc.OtherThan = slices.Clone(mentioned)
			return fc
		}
		fc.Text, fc.Value = v, v
	default:
		b := lo == 1
		fc.Text, fc.Value = fmt.Sprint(b), b
	}
	return fc
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
