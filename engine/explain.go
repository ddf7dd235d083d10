package engine

import (
	"math/bits"
	"slices"
	"sync/atomic"

	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// reasons records in d the rules that hold (or may hold) in st on a day of
// segment seg. Everything that does not depend on the query was worked out
// in the plan — each reason's citation, per segment its windows and their
// summary, and (with a table) per window mask the conditions and
// interpretations for each combination of conditions that hold and may
// hold — so such reasons are a rule index and a pointer each, kept in the
// decision's own storage when there are few; any other view is built here,
// into backing arrays shared by the decision's reasons.
func (e *Engine) reasons(d *Decision, p *plan, st *cond.State, seg int, sc *scratch) {
	var slot *atomic.Pointer[[]reason]
	if sc.hit {
		// Known facts: the reasons are the entry's, the same for every
		// decision there — kept, and shared read-only.
		slot = &p.table.reasons[p.segments[seg].id*p.table.points+sc.point]
		if rs := slot.Load(); rs != nil {
			d.reasons, d.shared = *rs, true
			return
		}
	}
	n := 0
	for _, v := range sc.vals {
		if v != cond.False {
			n++
		}
	}
	if n == 0 {
		d.reasons = d.reasons[:0]
		return
	}
	d.reasons = storage(d.reasons, &sc.reasons, n, reasonsPerBlock)[:0]
	var own []condView // views built for this decision
	var conds []*ConditionUse
	var interps []*rules.Interpretation
	for i, r := range p.rules {
		v := sc.vals[i]
		if v == cond.False {
			continue
		}
		ri, sr := &p.info[i], p.segRule(seg, i)
		rs := reason{rule: uint16(i), status: applies}
		if v == cond.Unknown {
			rs.status, rs.depends = mayApply, ri.unknownFacts(st)
		} else if j := defeatedBy(i, p.rules, sc.vals); j >= 0 {
			rs.status, rs.by = overridden, uint16(j)
			if p.rules[j].ExceptionOf == r {
				rs.status = excepted // its own words carve the case out: 除…外
			}
		}
		var holds, mayHold uint64
		if sc.hit {
			holds = sc.conds >> ri.condBit & (1<<len(ri.conditions) - 1)
		} else {
			holds, mayHold = ri.evalConditions(v, st)
		}
		if rs.view = p.view(p.segments[seg].id, i, holds, mayHold); rs.view == nil {
			if own == nil {
				own = make([]condView, 0, n) // never grows: &own[k] stay valid
				conds, interps = e.reasonBuffers(p, sc)
			}
			var c []*ConditionUse
			var in []*rules.Interpretation
			c, in, conds, interps = ri.appendView(r, sr, holds, mayHold, conds, interps)
			own = append(own, condView{holds: holds, mayHold: mayHold, conds: c, interps: in})
			rs.view = &own[len(own)-1]
		}
		d.reasons = append(d.reasons, rs)
	}
	if slot != nil && own == nil {
		// Kept in storage of its own (the decision's came from a block),
		// clipped: a decision's reasons are never written once decided.
		kept := slices.Clone(d.reasons)
		if kept == nil {
			kept = []reason{}
		}
		slot.CompareAndSwap(nil, &kept)
	}
}

// reasonBuffers allocates room for the conditions and interpretations of
// every reason that is not in a precomputed view.
func (e *Engine) reasonBuffers(p *plan, sc *scratch) ([]*ConditionUse, []*rules.Interpretation) {
	ncond, ninterp := 0, 0
	for i, v := range sc.vals {
		if v != cond.False {
			ncond += len(p.info[i].conditions)
			ninterp += p.info[i].maxInterps
		}
	}
	return make([]*ConditionUse, 0, ncond), make([]*rules.Interpretation, 0, ninterp)
}

// evalConditions evaluates the rule's conditions in st: those that hold,
// and (v is the rule's value: one that may apply) those that may hold.
func (ri *ruleInfo) evalConditions(v cond.Tri, st *cond.State) (holds, mayHold uint64) {
	for ci, c := range ri.conditions {
		switch val := c.Program.Eval(st); {
		case val == cond.True:
			holds |= 1 << ci
		case val == cond.Unknown && v == cond.Unknown:
			mayHold |= 1 << ci
		}
	}
	return holds, mayHold
}

// appendView appends to conds the rule's conditions that hold (holds) or
// may hold (mayHold), and to interps the interpretations of the rule, its
// windows sr and those conditions, without repeats.
func (ri *ruleInfo) appendView(r *rules.Rule, sr *segRule, holds, mayHold uint64, conds []*ConditionUse, interps []*rules.Interpretation) ([]*ConditionUse, []*rules.Interpretation, []*ConditionUse, []*rules.Interpretation) {
	i0 := len(interps)
	interps = append(interps, r.Interpretations...)
	interps = append(interps, sr.interps...)
	c0 := len(conds)
	for ci, c := range ri.conditions {
		switch {
		case holds&(1<<ci) != 0:
			conds = append(conds, &ri.condTrue[ci])
		case mayHold&(1<<ci) != 0:
			conds = append(conds, &ri.condUnknown[ci])
		default:
			continue
		}
		interps = append(interps, c.Interpretations...)
	}
	var shown []*ConditionUse
	if len(conds) > c0 {
		shown = conds[c0:len(conds):len(conds)]
	}
	// Clipped, so that a caller's append copies instead of writing into a
	// buffer another reason (or, precomputed, every decision) shares.
	used := slices.Clip(dedupe(interps[i0:len(interps):len(interps)]))
	return shown, used, conds, interps[:i0+len(used)]
}

func reads(p *cond.Program, v *cond.Var) bool {
	for _, x := range p.Vars {
		if x == v {
			return true
		}
	}
	return false
}

func conditionOf(n *rules.Notice, v *cond.Var) *rules.Condition {
	for _, c := range n.Conditions {
		if c.Var == v {
			return c
		}
	}
	return nil
}

// dedupe removes repeated interpretations in place, keeping the order.
func dedupe(xs []*rules.Interpretation) []*rules.Interpretation {
	out := xs[:0]
	for _, x := range xs {
		found := false
		for _, y := range out {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// unknownFacts marks, over ri.facts, the facts the rule reads that st
// does not know exactly.
func (ri *ruleInfo) unknownFacts(st *cond.State) uint64 {
	var mask uint64
	for j, v := range ri.facts {
		if !knownExactly(st, v) {
			mask |= 1 << j
		}
	}
	return mask
}

// dependsOnNames lists the rule's facts in mask (a reason's DependsOn), a
// fresh slice; nil when mask is empty.
func (ri *ruleInfo) dependsOnNames(mask uint64) []string {
	if mask == 0 {
		return nil
	}
	return ri.factNames(mask)
}

// factNames lists the rule's facts in mask, in the order the rule reads
// them; nil when mask is empty.
func (ri *ruleInfo) factNames(mask uint64) []string {
	var out []string
	for j, v := range ri.facts {
		if mask&(1<<j) != 0 {
			out = append(out, v.Name)
		}
	}
	return slices.Clip(out)
}

func knownExactly(st *cond.State, v *cond.Var) bool {
	switch v.Kind {
	case cond.Number:
		n := st.Num[v.Slot]
		return n.Known && n.Lo == n.Hi
	case cond.Bool:
		return st.Bool[v.Slot] != cond.Unknown
	}
	return st.Str[v.Slot] != ""
}

// factValues records in d the facts the decision knew, given or derived.
// Only those given (by the query, its activity, place, layers or feed:
// g.mask) or derived (e.derivable) can be known: the others are not looked
// at.
func (e *Engine) factValues(d *Decision, st *cond.State, g *given, sc *scratch) {
	var known uint64 // by rules.Fact.Index (at most 64 facts)
	nrange := 0
	for m := g.mask | e.derivable; m != 0; m &= m - 1 {
		if i := bits.TrailingZeros64(m); factKnown(st, e.set.Facts[i]) {
			known |= 1 << i
			if f := e.set.Facts[i]; f.Kind == cond.Number && st.Num[f.Var.Slot].Lo != st.Num[f.Var.Slot].Hi {
				nrange++
			}
		}
	}
	d.facts = storage(d.facts, &sc.facts, bits.OnesCount64(known), factsPerBlock)
	if nrange > 0 {
		x := d.ext(sc)
		x.his = storage(x.his, &sc.his, nrange, hisPerBlock)[:0]
	}
	// The sources but the activity's, which its plan holds.
	nsrc := 0
	for m := known & g.mask; m != 0; m &= m - 1 {
		if s := g.src[bits.TrailingZeros64(m)]; s != "" && s != d.p.implied {
			nsrc++
		}
	}
	if nsrc > 0 {
		x := d.ext(sc)
		x.srcs = storage(x.srcs, &sc.srcs, nsrc, srcsPerBlock)[:0]
	}
	for k := 0; known != 0; known &= known - 1 {
		f := e.set.Facts[bits.TrailingZeros64(known)]
		x := &d.facts[k]
		k++
		x.index, x.derived = uint8(f.Index), !g.has(f)
		if g.has(f) {
			switch s := g.src[f.Index]; {
			case s == "":
			case s == d.p.implied:
				x.src = srcActivity
			default:
				x.src = srcOwn + uint16(len(d.x.srcs))
				d.x.srcs = append(d.x.srcs, s)
			}
		}
		switch f.Kind {
		case cond.Number:
			n := st.Num[f.Var.Slot]
			x.lo = n.Lo
			if n.Hi != n.Lo {
				x.rng, x.enum = true, uint16(len(d.x.his))
				d.x.his = append(d.x.his, n.Hi)
			}
		case cond.Bool:
			if st.Bool[f.Var.Slot] == cond.True {
				x.lo = 1
			}
		case cond.Enum:
			x.enum = uint16(slices.Index(f.Values, st.Str[f.Var.Slot]))
		}
	}
}

func factKnown(st *cond.State, f *rules.Fact) bool {
	switch f.Kind {
	case cond.Number:
		return st.Num[f.Var.Slot].Known
	case cond.Bool:
		return st.Bool[f.Var.Slot] != cond.Unknown
	}
	return st.Str[f.Var.Slot] != ""
}

// nextChange walks the segments after segment k and returns the first
// day on which the verdict for the same facts differs. Each distinct
// window/notice mask is decided once.
func (e *Engine) nextChange(p *plan, st *cond.State, k int, now Verdict, sc *scratch) (Change, bool) {
	if t := p.table; t != nil && sc.located && len(sc.unknown) == 0 {
		// Known facts: the same point's entry under each later mask.
		if now == verdictOf[t.entries[p.segments[k].id*t.points+sc.point].verdict] {
			// The verdict is the entry's: the first later segment where
			// the point's verdict changes.
			cs := t.changesAt(p, sc.point)
			i, _ := slices.BinarySearch(cs, int32(k+1))
			if i == len(cs) {
				return Change{}, false
			}
			seg := p.segments[cs[i]]
			return Change{Date: seg.from.Date(), At: seg.from, Verdict: verdictOf[t.entries[seg.id*t.points+sc.point].verdict]}, true
		}
		for _, seg := range p.segments[k+1:] {
			if v := verdictOf[t.entries[seg.id*t.points+sc.point].verdict]; v != now && v != "" {
				return Change{Date: seg.from.Date(), At: seg.from, Verdict: v}, true
			}
		}
		return Change{}, false
	}
	sc.byMask = slices.Grow(sc.byMask[:0], p.masks)[:p.masks]
	clear(sc.byMask)
	sc.byMask[p.segments[k].id] = now
	for _, seg := range p.segments[k+1:] {
		v := sc.byMask[seg.id]
		if v == "" {
			v = e.verdictFor(p, st, seg, sc)
			sc.byMask[seg.id] = v
		}
		if v != now {
			return Change{Date: seg.from.Date(), At: seg.from, Verdict: v}, true
		}
	}
	return Change{}, false
}

// changesAt returns the segments of p where the verdict at point n differs
// from that of the last segment before with one (a point that contradicts
// an implication has none: verdict 0), ascending: made by the first query
// at the point and kept. For a query at n in segment k whose verdict is
// the entry's, the first of them after k is the next change.
func (t *table) changesAt(p *plan, n int) []int32 {
	if cs := t.changes[n].Load(); cs != nil {
		return *cs
	}
	cs := []int32{}
	var last verdictCode
	for k, seg := range p.segments {
		if v := t.entries[seg.id*t.points+n].verdict; v != 0 && v != last {
			cs, last = append(cs, int32(k)), v
		}
	}
	cs = slices.Clip(cs)
	if !t.changes[n].CompareAndSwap(nil, &cs) {
		return *t.changes[n].Load()
	}
	return cs
}

// verdictFor decides again for another segment's mask with the same facts.
// It leaves st's windows set for that mask.
func (e *Engine) verdictFor(p *plan, st *cond.State, seg segment, sc *scratch) Verdict {
	vals := e.evalRules(p, st, seg.mask, sc.vals[len(sc.vals):])
	if hasUnknown(vals) {
		return e.analyse(p, st, seg.id, vals, sc).verdict
	}
	return combine(p.rules, vals)
}
