package engine

import (
	"slices"
	"sync/atomic"

	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// table holds a plan's answers, worked out at load, for every point of the
// space of facts its rules read (per number, each region between the
// thresholds the rules test; per enum, each value they name and one they do
// not; per bool, false and true) under every distinct window/notice mask.
// A query whose facts are known is then a look-up: which rules hold and
// the verdict, here and on every later segment (next change). Unknown facts
// are enumerated over the table instead of by evaluating the rules again.
//
// A plan gets no table, and is evaluated instead, when the table would be
// large, or when an implication links a fact the rules read to one they do
// not (the table could not tell which points contradict the query's other
// facts).
type table struct {
	// dims are the space's dimensions over their whole range, in the order
	// of plan.space.Vars; dim i of point n is n / strides[i] % sizes[i].
	dims    []*rules.Dimension
	sizes   []int
	strides []int
	// other[i] is, for an enum dim, the index of the value standing for
	// every value the rules do not name (-1 if there is none).
	other  []int
	points int
	// entries[maskID*points + n] is point n under mask maskID.
	entries []entry
	// views: entries record which conditions hold (they fit in a word).
	views bool
	// A partial point gives each dim one of its points or "unknown":
	// pstrides number them like strides with sizes[i]+1 per dim (0 =
	// unknown). analyses[maskID*partials + m] is the answer at partial
	// point m under the mask when a rule depends on the unknown facts,
	// worked out by the first query to meet it and kept for the next
	// (nil until then; no slice when there are too many partial points).
	pstrides []int
	partials int
	analyses []atomic.Pointer[analysis]
	// describe[i][lo*sizes[i]+hi] is how an outcome states that dim i lies
	// within points lo…hi (numbers) or is point lo (others).
	describe [][]FactCondition
	// What a decision with known facts shares, worked out by the first
	// query that needs it and kept (nil until then): reasons[maskID*points
	// + n] are the reasons at point n under the mask (when every one has a
	// precomputed view), read-only and clipped; changes[n] are the
	// segments where the verdict at point n differs from the last segment
	// with one before it (see nextChange).
	reasons []atomic.Pointer[[]reason]
	changes []atomic.Pointer[[]int32]
}

// analysis is the answer at a partial point when some rule's value depends
// on the facts left unknown: the verdict (conditional if answers differ),
// the facts that decide it and the verdict for each answer.
type analysis struct {
	verdict      Verdict
	unknownFacts []string
	relevant     []*rules.Dimension
	outcomes     []Outcome
	// kept: the table keeps the answer; then json keeps its encoding.
	kept bool
	json atomic.Pointer[[]byte]
}

// maxAnalyses bounds the partial points × masks whose answers are kept.
const maxAnalyses = 1 << 14

type entry struct {
	holds uint64 // bit i: rule i holds
	// conds has, from bit ruleInfo.condBit on, which of the rule's
	// conditions hold (when the table has views).
	conds   uint64
	verdict verdictCode
}

// verdictCode is a verdict in a table entry; 0 marks a point that
// contradicts an implication of facts.yaml.
type verdictCode uint8

var verdictOf = [...]Verdict{"", Forbidden, Allowed, NoRule}

func codeOf(v Verdict) verdictCode {
	return verdictCode(slices.Index(verdictOf[:], v))
}

// maxTableEntries bounds a plan's table (16 bytes an entry).
const maxTableEntries = 1 << 16

// buildTable works out p's table, or returns nil when p gets none.
func (e *Engine) buildTable(p *plan) *table {
	if e.noTables || len(p.rules) > 64 || !e.closedUnderImplications(p) {
		return nil
	}
	st := e.set.NewState()
	t := &table{dims: p.space.Dimensions(st, func(int) bool { return true }, nil), points: 1}
	t.partials = 1
	for _, d := range t.dims {
		t.sizes = append(t.sizes, d.Size())
		t.strides = append(t.strides, t.points)
		t.pstrides = append(t.pstrides, t.partials)
		t.points *= d.Size()
		if t.partials <= maxTableEntries { // past that, unused (no overflow)
			t.partials *= d.Size() + 1
		}
		if t.points*p.masks > maxTableEntries {
			return nil
		}
	}
	// Each rule's conditions get bits in an entry, if they fit in one word;
	// then the reasons' conditions and interpretations are precomputed too.
	bits := 0
	for i := range p.info {
		p.info[i].condBit = bits
		bits += len(p.info[i].conditions)
	}
	t.views = bits <= 64
	masks := p.maskByID()
	t.entries = make([]entry, p.masks*t.points)
	t.reasons = make([]atomic.Pointer[[]reason], len(t.entries))
	t.changes = make([]atomic.Pointer[[]int32], t.points)
	var vals []cond.Tri
	for n := range t.points {
		e.set.Reset(st)
		for i, d := range t.dims {
			d.Set(st, n/t.strides[i]%t.sizes[i])
		}
		if e.set.Derive(st) != nil {
			continue // no query can be at this point
		}
		for id, mask := range masks {
			vals = e.evalRules(p, st, mask, vals[:0])
			ent := entry{verdict: codeOf(combine(p.rules, vals))}
			for i, v := range vals {
				switch v {
				case cond.True:
					ent.holds |= 1 << i
				case cond.Unknown:
					return nil // a rule reads something outside the space
				}
				for ci, c := range p.info[i].conditions {
					if t.views && v == cond.True && c.Program.Eval(st) == cond.True {
						ent.conds |= 1 << (p.info[i].condBit + ci)
					}
				}
			}
			t.entries[id*t.points+n] = ent
		}
	}
	mentioned := enumValues(p)
	for _, d := range t.dims {
		other := -1
		if d.Var.Kind == cond.Enum {
			for j, v := range d.Values {
				if !slices.Contains(mentioned[d.Var.Name], v) {
					other = j
				}
			}
		}
		t.other = append(t.other, other)
		desc := make([]FactCondition, d.Size()*d.Size())
		for lo := range d.Size() {
			for hi := lo; hi < d.Size(); hi++ {
				if lo == hi || d.Var.Kind == cond.Number {
					desc[lo*d.Size()+hi] = describePoint(d, lo, hi)
				}
			}
		}
		t.describe = append(t.describe, desc)
	}
	return t
}

// buildPartial works out what a query meets when each fact the rules read
// is either unknown or known exactly (one point of its dimension), at every
// such partial point under every mask: per mask and rule, the reason's
// conditions and interpretations for every combination of conditions that
// hold and may hold (views), so that a decision takes them from here
// instead of building them. It also makes room for the analyses.
func (t *table) buildPartial(e *Engine, p *plan) {
	if t.partials*p.masks > maxTableEntries {
		return
	}
	if t.partials*p.masks <= maxAnalyses {
		t.analyses = make([]atomic.Pointer[analysis], t.partials*p.masks)
	}
	type combo struct {
		rule           int
		holds, mayHold uint64
	}
	seen := make([][]combo, p.masks)
	done, unknown := make([]bool, t.partials), []int(nil)
	masks := p.maskByID()
	st := e.set.NewState()
	var vals []cond.Tri
	for n := range t.partials {
		e.set.Reset(st)
		for i, d := range t.dims {
			if at := n/t.pstrides[i]%(t.sizes[i]+1) - 1; at >= 0 {
				d.Set(st, at)
			}
		}
		if e.set.Derive(st) != nil {
			continue
		}
		// Implications may have filled in facts, making this the state of
		// another partial point: each state once.
		var m int
		if _, m, unknown, _ = t.locate(st, unknown[:0]); done[m] {
			continue
		}
		done[m] = true
		for id, mask := range masks {
			vals = e.evalRules(p, st, mask, vals[:0])
			for i, v := range vals {
				if v != cond.False {
					h, m := p.info[i].evalConditions(v, st)
					if c := (combo{i, h, m}); !slices.Contains(seen[id], c) {
						seen[id] = append(seen[id], c)
					}
				}
			}
		}
	}
	// A view depends on the segment only through the windows its mask
	// turns on, so the first segment with each mask serves for all.
	p.views = make([][][]condView, p.masks)
	for k, seg := range p.segments {
		if p.views[seg.id] != nil {
			continue
		}
		p.views[seg.id] = make([][]condView, len(p.rules))
		for _, c := range seen[seg.id] {
			ri, sr := &p.info[c.rule], p.segRule(k, c.rule)
			conds, interps, _, _ := ri.appendView(p.rules[c.rule], sr, c.holds, c.mayHold, nil, nil)
			p.views[seg.id][c.rule] = append(p.views[seg.id][c.rule], condView{holds: c.holds, mayHold: c.mayHold, conds: conds, interps: interps})
		}
	}
}

// maskByID returns the plan's distinct window/notice masks by id.
func (p *plan) maskByID() []uint64 {
	masks := make([]uint64, p.masks)
	for _, s := range p.segments {
		masks[s.id] = s.mask
	}
	return masks
}

// closedUnderImplications reports whether every implication of facts.yaml
// reads and sets only facts the plan's rules read, or none of them, and
// names only enum values the rules name too.
func (e *Engine) closedUnderImplications(p *plan) bool {
	mentioned := enumValues(p)
	for _, imp := range e.set.Implications {
		vars := append(slices.Clip(imp.If.Vars), imp.Fact.Var)
		in := 0
		for _, v := range vars {
			if p.space.Index(v) >= 0 {
				in++
			}
		}
		if in == 0 {
			continue
		}
		if in < len(vars) {
			return false
		}
		for name, vs := range imp.If.EnumValues {
			for _, v := range vs {
				if !slices.Contains(mentioned[name], v) {
					return false
				}
			}
		}
		if imp.Fact.Kind == cond.Enum && !slices.Contains(mentioned[imp.Fact.Name], imp.Enum) {
			return false
		}
	}
	return true
}

// enumValues lists, per enum fact, the values p's rules compare it with.
func enumValues(p *plan) map[string][]string {
	out := map[string][]string{}
	for _, r := range p.rules {
		for name, vs := range r.Program.EnumValues {
			out[name] = append(out[name], vs...)
		}
	}
	return out
}

// locate finds the point of st's facts, and its partial point (per dim
// the point's index + 1, or 0 where st does not know the fact). It appends
// to unknown the dims st does not know; spans is true when a number is known only within a range
// that crosses a threshold (such queries are evaluated, not looked up).
func (t *table) locate(st *cond.State, unknown []int) (n, partial int, _ []int, spans bool) {
	for i, d := range t.dims {
		v := d.Var
		at := -1
		switch v.Kind {
		case cond.Number:
			x := st.Num[v.Slot]
			if !x.Known {
				break
			}
			for j, r := range d.Regions {
				if r.Contains(x.Lo) {
					if x.Hi != x.Lo && !r.Contains(x.Hi) {
						return 0, 0, unknown, true
					}
					at = j
					break
				}
			}
			if at < 0 {
				return 0, 0, unknown, true // below a fact's minimum: cannot happen after fill
			}
		case cond.Enum:
			s := st.Str[v.Slot]
			if s == "" {
				break
			}
			at = t.other[i]
			for j, x := range d.Values {
				if x == s {
					at = j
					break
				}
			}
			if at < 0 {
				return 0, 0, unknown, true
			}
		default:
			switch st.Bool[v.Slot] {
			case cond.True:
				at = 1
			case cond.False:
				at = 0
			}
		}
		if at < 0 {
			unknown = append(unknown, i)
			continue
		}
		n += at * t.strides[i]
		partial += (at + 1) * t.pstrides[i]
	}
	return n, partial, unknown, false
}

// walk fills sc.codes with the verdicts at the points of the dims at
// sc.pos, the query's known facts fixed (sc.point) and its other unknown
// facts (sc.free) at any value that contradicts no implication.
func (t *table) walk(maskID, total int, sc *scratch) {
	// The points in the enumeration's order (dims[0] fastest), the table
	// index moving along with the digits.
	at, digit := sc.point, sc.zeroDigits(len(sc.pos))
	for n := range total {
		sc.codes[n] = t.verdictAt(maskID, at, sc.free)
		for j, i := range sc.pos {
			if digit[j]++; digit[j] < t.sizes[i] {
				at += t.strides[i]
				break
			}
			digit[j] = 0
			at -= (t.sizes[i] - 1) * t.strides[i]
		}
	}
}

// verdictAt returns the verdict at point n under mask id, trying every
// value of the free dims (unknown facts that do not decide the rules)
// until one does not contradict an implication; 0 if none.
func (t *table) verdictAt(id, n int, free []int) verdictCode {
	base := id * t.points
	if len(free) == 0 {
		return t.entries[base+n].verdict
	}
	total := 1
	for _, i := range free {
		total *= t.sizes[i]
	}
	for m := range total {
		at, r := n, m
		for _, i := range free {
			at += r % t.sizes[i] * t.strides[i]
			r /= t.sizes[i]
		}
		if v := t.entries[base+at].verdict; v != 0 {
			return v
		}
	}
	return 0
}
