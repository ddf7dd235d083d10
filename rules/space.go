package rules

import (
	"sort"

	"fmt"
	"math"

	"github.com/tonggao/tonggao/rules/cond"
)

// Region is one piece of a numeric fact's range between the thresholds the
// conditions test it against. Every value in a region gives every condition
// the same truth value, so one representative value (Rep) stands for all.
type Region struct {
	Lo, Hi         float64 // Hi may be +Inf
	LoOpen, HiOpen bool
	Rep            float64
}

// Contains reports whether x is in the region.
func (r Region) Contains(x float64) bool {
	if x < r.Lo || x > r.Hi {
		return false
	}
	if (r.LoOpen && x == r.Lo) || (r.HiOpen && x == r.Hi) {
		return false
	}
	return true
}

// Regions splits the values of numeric fact f that lie within `within` (or
// its whole range when within is not Known) at the given sorted thresholds.
func (f *Fact) Regions(thresholds []float64, within cond.Num) []Region {
	lo, hi := math.Inf(-1), math.Inf(1)
	if f.Min != nil {
		lo = *f.Min
	}
	if within.Known {
		lo, hi = math.Max(lo, within.Lo), math.Min(hi, within.Hi)
	}
	if lo > hi {
		return nil
	}
	// Cut points: thresholds strictly inside [lo, hi], plus the ends.
	var out []Region
	add := func(r Region) {
		if r.Lo > r.Hi || (r.Lo == r.Hi && (r.LoOpen || r.HiOpen)) {
			return
		}
		rep, ok := f.rep(r)
		if !ok {
			return
		}
		r.Rep = rep
		out = append(out, r)
	}
	prev, prevOpen := lo, false
	for _, t := range thresholds {
		if t < lo || t > hi {
			continue
		}
		if t > prev || (t == prev && !prevOpen && t != lo) {
			add(Region{Lo: prev, Hi: t, LoOpen: prevOpen, HiOpen: true})
		}
		add(Region{Lo: t, Hi: t})
		prev, prevOpen = t, true
	}
	add(Region{Lo: prev, Hi: hi, LoOpen: prevOpen, HiOpen: false})
	return out
}

// rep picks a value inside r, respecting integer facts.
func (f *Fact) rep(r Region) (float64, bool) {
	if r.Lo == r.Hi {
		if f.Integer && r.Lo != math.Trunc(r.Lo) {
			return 0, false
		}
		return r.Lo, !math.IsInf(r.Lo, 0)
	}
	var x float64
	switch {
	case math.IsInf(r.Lo, -1) && math.IsInf(r.Hi, 1):
		x = 0
	case math.IsInf(r.Hi, 1):
		x = r.Lo + 1
		if f.Integer {
			x = math.Floor(r.Lo) + 1
		}
	case math.IsInf(r.Lo, -1):
		x = r.Hi - 1
		if f.Integer {
			x = math.Ceil(r.Hi) - 1
		}
	default:
		x = (r.Lo + r.Hi) / 2
		if f.Integer {
			x = math.Floor(r.Lo) + 1
			if !r.LoOpen && r.Lo == math.Trunc(r.Lo) {
				x = r.Lo
			}
		}
	}
	return x, r.Contains(x)
}

// EnumReps returns the values worth trying for an enum fact: those the
// conditions name, and one value they do not name (if any exists).
func (f *Fact) EnumReps(mentioned []string) []string {
	out := append([]string(nil), mentioned...)
	for _, v := range f.Values {
		found := false
		for _, m := range mentioned {
			if m == v {
				found = true
				break
			}
		}
		if !found {
			return append(out, v)
		}
	}
	return out
}

// NewState returns an evaluation state with every fact unknown.
func (s *Set) NewState() *cond.State {
	st := &cond.State{
		Num:  make([]cond.Num, s.NumSlots),
		Bool: make([]cond.Tri, s.BoolSlots),
		Str:  make([]string, s.StrSlots),
	}
	s.Reset(st)
	return st
}

// Reset makes every fact unknown and every window false.
func (s *Set) Reset(st *cond.State) {
	for i := range st.Num {
		st.Num[i] = cond.Num{}
	}
	for i := range st.Bool {
		st.Bool[i] = cond.False
	}
	for _, f := range s.Facts {
		if f.Kind == cond.Bool {
			st.Bool[f.Var.Slot] = cond.Unknown
		}
	}
	for i := range st.Str {
		st.Str[i] = ""
	}
}

// ContradictionError reports given facts that cannot all be true.
type ContradictionError struct {
	Implication string
	Fact        string
	Given       string
}

func (e *ContradictionError) Error() string {
	return fmt.Sprintf("contradictory facts: %s, but %s is %s", e.Implication, e.Fact, e.Given)
}

// Derive applies the implications of facts.yaml to st until nothing changes.
func (s *Set) Derive(st *cond.State) error {
	if imp, ok := s.derive(st); !ok {
		slot := imp.Fact.Var.Slot
		given := ""
		switch imp.Fact.Kind {
		case cond.Number:
			given = formatNum(st.Num[slot])
		case cond.Bool:
			given = st.Bool[slot].String()
		default:
			given = st.Str[slot]
		}
		return &ContradictionError{Implication: imp.Text, Fact: imp.Fact.Name, Given: given}
	}
	return nil
}

// deriveDirty is derive trying, after a first pass over every
// implication, only those whose condition reads a fact a change has set
// since they were last tried, in the same order: the others would change
// nothing (their condition's value is the same, and the fact each sets is
// as they left it, or another changed it and that was a contradiction),
// so the changes, and the contradiction reported, are derive's.
func (s *Set) deriveDirty(st *cond.State) (*Implication, bool) {
	dirty := uint64(1)<<len(s.Implications) - 1
	if len(s.Implications) == 64 {
		dirty = ^uint64(0)
	}
	for passes := 0; dirty != 0 && passes <= len(s.Implications); passes++ {
		for i, imp := range s.Implications {
			if dirty&(1<<i) == 0 {
				continue
			}
			dirty &^= 1 << i
			if imp.If.Eval(st) != cond.True {
				continue
			}
			did, ok := imp.apply(st)
			if !ok {
				return imp, false
			}
			if !did {
				continue
			}
			dirty |= s.readers[i]
		}
	}
	return nil, true
}

// apply sets the fact imp's condition, true in st, implies: whether that
// changed st, and false if st already says otherwise.
func (imp *Implication) apply(st *cond.State) (changed, ok bool) {
	slot := imp.Fact.Var.Slot
	switch imp.Fact.Kind {
	case cond.Number:
		v := st.Num[slot]
		if v.Known && v.Lo == imp.Number && v.Hi == imp.Number {
			return false, true
		}
		if v.Known && (imp.Number < v.Lo || imp.Number > v.Hi) {
			return false, false
		}
		st.Num[slot] = cond.Exact(imp.Number)
	case cond.Bool:
		want := cond.TriOf(imp.Bool)
		if st.Bool[slot] == want {
			return false, true
		}
		if st.Bool[slot] != cond.Unknown {
			return false, false
		}
		st.Bool[slot] = want
	case cond.Enum:
		if st.Str[slot] == imp.Enum {
			return false, true
		}
		if st.Str[slot] != "" {
			return false, false
		}
		st.Str[slot] = imp.Enum
	}
	return true, true
}

// derive is Derive without building an error: enumeration calls it for
// every combination. On a contradiction it returns the implication broken.
func (s *Set) derive(st *cond.State) (*Implication, bool) {
	if len(s.readers) == len(s.Implications) && len(s.readers) > 0 {
		return s.deriveDirty(st)
	}
	return s.derivePasses(st)
}

// derivePasses is derive trying every implication on every pass.
func (s *Set) derivePasses(st *cond.State) (*Implication, bool) {
	for range len(s.Implications) + 1 {
		changed := false
		for _, imp := range s.Implications {
			if imp.If.Eval(st) != cond.True {
				continue
			}
			did, ok := imp.apply(st)
			if !ok {
				return imp, false
			}
			if !did {
				continue
			}
			changed = true
		}
		if !changed {
			return nil, true
		}
	}
	return nil, true
}

func formatNum(v cond.Num) string {
	if v.Lo == v.Hi {
		return cond.FormatNumber(v.Lo)
	}
	return cond.FormatNumber(v.Lo) + "…" + cond.FormatNumber(v.Hi)
}

// Dimension is one variable to enumerate: a fact's regions or values, or a
// window's true/false.
type Dimension struct {
	Var     *cond.Var
	Fact    *Fact // nil for a window
	Regions []Region
	Values  []string // Enum
}

// Size is the number of points along the dimension.
func (d *Dimension) Size() int {
	switch d.Var.Kind {
	case cond.Number:
		return len(d.Regions)
	case cond.Enum:
		return len(d.Values)
	}
	return 2
}

// Set stores point i of the dimension in st.
func (d *Dimension) Set(st *cond.State, i int) {
	switch d.Var.Kind {
	case cond.Number:
		st.Num[d.Var.Slot] = cond.Exact(d.Regions[i].Rep)
	case cond.Enum:
		st.Str[d.Var.Slot] = d.Values[i]
	default:
		st.Bool[d.Var.Slot] = cond.TriOf(i == 1)
	}
}

// Space is the set of variables some programs read, with the thresholds
// and values they are tested against, worked out once so that enumerating
// answers to unknown facts costs no allocation per query.
type Space struct {
	set *Set
	// Vars are the variables read, facts first in first-use order, then
	// windows (only when the space was built with windows).
	Vars       []*cond.Var
	dims       []*Dimension // the full-range dimension per var
	thresholds map[string][]float64
}

// NewSpace builds the space of the variables progs read. Windows are
// included as free booleans only when withWindows is set (load-time
// checks); a query's windows are always known.
func (s *Set) NewSpace(withWindows bool, progs ...*cond.Program) *Space {
	sp := &Space{set: s, thresholds: map[string][]float64{}}
	enums := map[string][]string{}
	for _, p := range progs {
		for name, ts := range p.Thresholds {
			sp.thresholds[name] = append(sp.thresholds[name], ts...)
		}
		for name, vs := range p.EnumValues {
			enums[name] = append(enums[name], vs...)
		}
	}
	// Implications can make a variable matter through another (in forest ⇒
	// distance 0), so their thresholds count too.
	for _, imp := range s.Implications {
		for name, ts := range imp.If.Thresholds {
			sp.thresholds[name] = append(sp.thresholds[name], ts...)
		}
		if imp.Fact.Kind == cond.Number {
			sp.thresholds[imp.Fact.Name] = append(sp.thresholds[imp.Fact.Name], imp.Number)
		}
	}
	for name, ts := range sp.thresholds {
		sp.thresholds[name] = sortedUnique(ts)
	}
	seen := map[string]bool{}
	var windows []*cond.Var
	for _, p := range progs {
		for _, v := range p.Vars {
			if seen[v.Name] {
				continue
			}
			seen[v.Name] = true
			if v.Window {
				windows = append(windows, v)
				continue
			}
			f := s.factByName[v.Name]
			d := &Dimension{Var: v, Fact: f}
			switch v.Kind {
			case cond.Number:
				d.Regions = f.Regions(sp.thresholds[v.Name], cond.Num{})
			case cond.Enum:
				d.Values = f.EnumReps(uniqueStrings(enums[v.Name]))
			}
			sp.Vars = append(sp.Vars, v)
			sp.dims = append(sp.dims, d)
		}
	}
	if withWindows {
		for _, v := range windows {
			sp.Vars = append(sp.Vars, v)
			sp.dims = append(sp.dims, &Dimension{Var: v})
		}
	}
	return sp
}

// Index returns the position of v in Vars, or -1.
func (sp *Space) Index(v *cond.Var) int {
	for i, x := range sp.Vars {
		if x == v {
			return i
		}
	}
	return -1
}

// Dimensions appends to dst a dimension for each variable i (wanted(i))
// that st does not know exactly. A number known only as a range gets the
// regions within that range (the one allocation on this path).
func (sp *Space) Dimensions(st *cond.State, wanted func(i int) bool, dst []*Dimension) []*Dimension {
	for i, d := range sp.dims {
		if !wanted(i) {
			continue
		}
		v := d.Var
		switch {
		case v.Window:
		case v.Kind == cond.Number:
			cur := st.Num[v.Slot]
			if cur.Known && cur.Lo == cur.Hi {
				continue
			}
			if cur.Known {
				d = &Dimension{Var: v, Fact: d.Fact, Regions: d.Fact.Regions(sp.thresholds[v.Name], cur)}
			}
		case v.Kind == cond.Enum:
			if st.Str[v.Slot] != "" {
				continue
			}
		default:
			if st.Bool[v.Slot] != cond.Unknown {
				continue
			}
		}
		dst = append(dst, d)
	}
	return dst
}

// EnumScratch holds an enumeration's buffers for reuse.
type EnumScratch struct {
	base cond.State
	idx  []int
}

// MaxCombinations bounds an enumeration; past it the answer is given
// without the per-outcome breakdown.
const MaxCombinations = 1 << 14

// Combinations returns the number of points of dims, or -1 past
// MaxCombinations.
func Combinations(dims []*Dimension) int {
	total := 1
	for _, d := range dims {
		total *= d.Size()
		if total > MaxCombinations {
			return -1
		}
	}
	return total
}

// Enumerate calls fn for every consistent combination of points along
// dims, numbered in mixed radix (dims[0] varies fastest), with st set
// accordingly and implications applied; st is restored afterwards. It
// returns false, calling nothing, when the space exceeds MaxCombinations.
// sc may be nil; passing one avoids allocation.
func (s *Set) Enumerate(st *cond.State, dims []*Dimension, sc *EnumScratch, fn func(n int, idx []int)) bool {
	total := Combinations(dims)
	if total < 0 {
		return false
	}
	if sc == nil {
		sc = &EnumScratch{}
	}
	sc.base.Num = append(sc.base.Num[:0], st.Num...)
	sc.base.Bool = append(sc.base.Bool[:0], st.Bool...)
	sc.base.Str = append(sc.base.Str[:0], st.Str...)
	sc.idx = append(sc.idx[:0], make([]int, len(dims))...)
	for n := 0; n < total; n++ {
		copyState(st, &sc.base)
		r := n
		for i, d := range dims {
			sc.idx[i] = r % d.Size()
			r /= d.Size()
			d.Set(st, sc.idx[i])
		}
		if _, ok := s.derive(st); !ok {
			continue
		}
		fn(n, sc.idx)
	}
	copyState(st, &sc.base)
	return true
}

func copyState(dst, src *cond.State) {
	copy(dst.Num, src.Num)
	copy(dst.Bool, src.Bool)
	copy(dst.Str, src.Str)
}

// Satisfiable reports whether some facts and windows make every program
// true at once (or the space is too large to tell, which counts as yes).
func (s *Set) Satisfiable(progs ...*cond.Program) bool {
	st := s.NewState()
	sp := s.NewSpace(true, progs...)
	dims := sp.Dimensions(st, func(int) bool { return true }, nil)
	found := false
	complete := s.Enumerate(st, dims, nil, func(int, []int) {
		if found {
			return
		}
		for _, p := range progs {
			if p.Eval(st) != cond.True {
				return
			}
		}
		found = true
	})
	return found || !complete
}

func sortedUnique(xs []float64) []float64 {
	out := append([]float64(nil), xs...)
	sort.Float64s(out)
	w := 0
	for i, x := range out {
		if i == 0 || x != out[w-1] {
			out[w] = x
			w++
		}
	}
	return out[:w]
}

func uniqueStrings(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
