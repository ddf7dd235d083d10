// Package engine answers "may this activity be done at this time, at this
// place?" from a loaded rule set, with the reasons cited to notice and
// article.
//
// An Engine is built once (New) from a rules.Set and a calendar.Calendar:
// every window is resolved to concrete days, every condition is already
// compiled, and each activity gets a plan listing the rules that govern it
// with, for every combination of the facts they read and every set of
// windows in force, which rules hold (see table.go). After that a decision
// with known facts is table look-ups, and one with unknown facts a few
// compiled conditions and an enumeration over the table; both are safe for
// concurrent use. To change rules, build a new Engine and swap it.
package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Engine decides queries against one rule set. It is immutable and safe for
// concurrent use.
type Engine struct {
	set *rules.Set
	cal *calendar.Calendar
	// plans and planBy are those of the notices a query without a place
	// is decided by; sets holds one per set of notices that apply
	// somewhere, and places says where (see jurisdiction.go).
	plans    map[*rules.Activity]*plan
	planBy   map[string]*plan // by activity id, name and synonym
	sets     []*planSet
	places   *places
	noTables bool // tests: evaluate every plan
	onDemand bool // plans are built when a query first needs them (PlanOnDemand)
	// windows are the notices' windows resolved to days (see windowSlot).
	windows map[*rules.Window]*windowSlot
	receipt Receipt
	// receiptJSON is the receipt's JSON; noticesJSON each notice's
	// contacts' and penalties', encoded when first needed (json.go).
	receiptJSON []byte
	noticesJSON *noticesJSON
	scratch     *sync.Pool // shared with engines Refeed derives
	// names are the activities' ids, names and synonyms prepared for "did
	// you mean", on the first unknown activity asked for (a client may
	// send one with every request); shared with engines Refeed derives.
	names *activityNames
	blank *cond.State // every fact unknown, every window false
	// derivable marks, by rules.Fact.Index, the facts an implication sets:
	// the only ones a decision may know that no query, activity, place,
	// layer or feed gave.
	derivable uint64
	layers    *place.Layers
	// layerFacts[i] is the fact of the layers' i-th value (place.Facts.Values).
	layerFacts []layerFact
	register   *register.Register
	// feed is the conditions feed the published facts come from (feed.go);
	// nil without one.
	feed *feedState
	// ends holds notices the register ends before their own valid_until.
	ends map[*rules.Notice]calendar.Date
	// summaries["window"][first minute] is "NAME FROM—TO" for each
	// interval a plan quotes, made when first needed;
	// penalties and contacts are a notice's, ready to copy into decisions.
	summaries map[*rules.Window]map[[2]calendar.DateTime]string
	yearNotes map[*rules.Window][]yearNote
	contacts  map[*rules.Notice][]NoticeContact
	// lazyBuild serialises plans built on first use (PlanOnDemand): a
	// build writes summaries, which plans of other activities share. A
	// pointer, so that engines derived from this one (Refeed) share it
	// with the maps it guards.
	lazyBuild *sync.Mutex
}

// plan is what deciding one activity needs, computed at load time.
type plan struct {
	e   *Engine
	act *rules.Activity
	ref *ActivityRef // act, as decisions name it
	// implied is "activity:NAME", the source of the facts act's words
	// settle (rules.Activity.Implies).
	implied string
	scope   *planSet // the notices planned with
	// rules govern the activity (it is one of their activities or a kind
	// of one), residual rules shadowed by a more specific rule removed.
	rules []*rules.Rule
	// windows are those the rules read, directly or through conditions;
	// window i is bit i of a segment mask. notices are the rules' notices;
	// notice j is bit len(windows)+j, set while it is in force.
	windows    []planWindow
	notices    []*rules.Notice
	ruleNotice []uint64 // per rule: its notice's bit
	// space holds the facts the rules read; ruleVars[i] marks, as bits over
	// space.Vars, the facts rule i reads.
	space    *rules.Space
	ruleVars []uint64
	// kinds are more specific activities some rule governs, for a note
	// when the general activity itself has no rule.
	kinds []*rules.Activity
	// lazy is set in an engine built with PlanOnDemand, whose first query
	// needing the plan builds its planBuilt (see ready); nil when New
	// built it.
	lazy *lazyPlan
	planBuilt
}

// planBuilt is the costly part of a plan: segments, reasons, table and
// JSON, built by New or, with PlanOnDemand, by the first query that needs
// the plan (ready).
type planBuilt struct {
	// segments split the calendar into runs of days (or, where a window
	// has times of day, of minutes) on which the same windows hold and the
	// same notices are in force: the verdict for given facts can only
	// change where a segment starts.
	segments []segment
	// clocked is true when a window starts or ends within a day, so that
	// segments start at minutes and a day can hold several (clock.go).
	clocked bool
	masks   int // distinct masks among the segments
	// info holds, per rule, what its reasons show; segRules[k][i] what
	// rule i's reason shows of the windows in force in segment k (read it
	// with segRule: a plan with more than maxEagerSegments segments builds
	// a segment's row when a decision first needs it, in lazyRows).
	info     []ruleInfo
	segRules [][]segRule
	lazyRows []atomic.Pointer[[]segRule]
	// table holds the plan's answers for known facts; nil if it has none.
	table *table
	// views[maskID][i] are what rule i's reason shows of its conditions and
	// interpretations, for each combination of conditions that hold and may
	// hold that some query can meet under the mask (see table.buildPartial).
	views [][][]condView
	// The JSON of what the plan's decisions share (see cached): the
	// activity, per rule its citation (open: without its closing brace),
	// per segment and rule the windows, per view (condView.id-1) its
	// conditions and interpretations.
	refJSON                     []byte
	citeJSON, segJSON, viewJSON []atomic.Pointer[[]byte]
}

// segRule is the windows part of a reason, fixed for a segment.
type segRule struct {
	uses    []WindowUse
	summary string // "NAME FROM—TO；NAME FROM—TO"
	interps []*rules.Interpretation
	notes   []*note // for the windows whose holidays are projected
}

// condView is what a reason shows when the conditions in holds hold and
// those in mayHold may hold.
type condView struct {
	holds, mayHold uint64
	conds          []*ConditionUse
	interps        []*rules.Interpretation
	id             int // 1 + its index in plan.viewJSON; 0 for a decision's own
}

// view returns the precomputed view of rule i under mask id for the
// conditions that hold and may hold, or nil.
func (p *plan) view(id, i int, holds, mayHold uint64) *condView {
	if p.views == nil {
		return nil
	}
	vs := p.views[id][i]
	for j := range vs {
		if v := &vs[j]; v.holds == holds && v.mayHold == mayHold {
			return v
		}
	}
	return nil
}

// ruleInfo is what a reason for one rule needs, found once.
type ruleInfo struct {
	// condTrue[i] and condUnknown[i] are the reason lines for conditions[i]
	// when it holds and when it may hold.
	condTrue, condUnknown []ConditionUse
	citation              *Citation
	windows               []int // indexes into plan.windows the rule reads
	conditions            []*rules.Condition
	maxInterps            int
	// condBit is the first of the rule's bits in a table entry's conds.
	condBit int
	// titleNote goes with the reason of a rule of a title-only notice,
	// repealNote with one of a notice in force until repealed.
	titleNote, repealNote *note
	// notInForce goes with the decision on a day the rule's notice is
	// not in force.
	notInForce *note
	// label names the rule in another reason's overridden_by.
	label string
	// facts are the facts the rule reads.
	facts []*cond.Var
}

type planWindow struct {
	w  *rules.Window
	cw *calendar.Window
	// yearNotes give each interval of cw in its year.
	yearNotes []yearNote
}

type segment struct {
	from calendar.DateTime
	mask uint64
	// id numbers the distinct masks of the plan, so that nextChange decides
	// each mask once.
	id int
}

// maxPlanRules bounds the rules governing one activity (a decision
// numbers its reasons' rules in 16 bits).
const maxPlanRules = 1<<16 - 1

// maxPlanBits bounds windows plus notices per activity (one uint64 mask).
const maxPlanBits = 64

// maxRuleConditions bounds the named conditions one rule uses (one uint64
// mask says which of them hold).
const maxRuleConditions = 64

type scratch struct {
	// decisions is a block of zero decisions to hand out (see newDecision).
	decisions []Decision
	// Blocks of reasons, facts and places, from which decisions take
	// theirs (see cut).
	reasons []reason
	facts   []fact
	srcs    []string
	places  []PlaceUse
	extras  []extra
	his     []float64
	st      *cond.State
	given   given
	vals    []cond.Tri
	trial   []cond.Tri
	dims    []*rules.Dimension
	codes   []verdictCode // per point of an enumeration
	enum    rules.EnumScratch
	byMask  []Verdict // per distinct mask id, "" until decided
	// The query's place in the plan's table (located), the table dims it
	// leaves unknown, and enumeration buffers.
	located   bool
	point     int
	partial   int
	hit       bool   // the rules that hold came from the table
	conds     uint64 // the entry's conditions that hold
	unknown   []int
	pos, free []int
	// Working out which facts decide a conditional answer, and its outcomes.
	sizes, strides, rstride []int
	relevant                []*rules.Dimension
	relIdx, bounds, digit   []int
	proj                    []verdictCode
	cells                   []cell
	numeric                 []bool
	// The query's point's facts and its place (place.go, jurisdiction.go).
	pf    place.Facts
	where whereScratch
	feed  feedScratch
}

// New prepares an engine. Windows are resolved from a year before the
// earliest notice takes effect to five years after the last one ends, so
// that answers about an expired notice can still say when its window would
// fall.
func New(set *rules.Set, cal *calendar.Calendar, opts ...Option) (*Engine, error) {
	if set == nil || cal == nil {
		return nil, errors.New("engine: a rule set and a calendar are required")
	}
	e := &Engine{set: set, cal: cal, windows: map[*rules.Window]*windowSlot{},
		receipt: Receipt{RuleSet: set.Digest, HolidayData: cal.HolidayVersion()}, ends: map[*rules.Notice]calendar.Date{},
		summaries: map[*rules.Window]map[[2]calendar.DateTime]string{}, lazyBuild: &sync.Mutex{}, names: &activityNames{}, yearNotes: map[*rules.Window][]yearNote{}, contacts: map[*rules.Notice][]NoticeContact{}}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	if err := e.applyRegister(); err != nil {
		return nil, err
	}
	lazy := e.onDemand && linkedWindows(set, cal)
	var errs []error
	for _, n := range set.Notices {
		from, err1 := calendar.NewDate(max(calendar.MinYear, n.Effective.Year()-1), 1, 1)
		last := min(calendar.MaxYear, n.ValidUntil.Year()+5)
		if n.UntilRepealed {
			last = n.ValidUntil.Year() // the calendar's last year: nothing to project past it
		}
		to, err2 := calendar.NewDate(last, 12, 31)
		if err := errors.Join(err1, err2); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", n.File, err))
			continue
		}
		for _, w := range n.Windows {
			e.summaries[w] = map[[2]calendar.DateTime]string{}
			if lazy {
				e.windows[w] = &windowSlot{cal: cal, w: w, from: from, to: to}
				continue
			}
			cw, err := cal.Prepare(w.Spec, from, to)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: window %q: %w", n.File, w.Pos.Line, w.ID, err))
				continue
			}
			e.windows[w] = &windowSlot{cw: cw}
			if !e.onDemand {
				e.yearNotes[w] = yearNotes(n, w, cw)
			}
		}
		for _, c := range n.Contacts {
			e.contacts[n] = append(e.contacts[n], NoticeContact{Notice: n.Name(), Contact: c})
		}
		e.contacts[n] = slices.Clip(e.contacts[n])
	}
	for _, n := range set.Notices {
		if lazy {
			break // checked wherever the embedded rule base is loaded eagerly (linkedWindows)
		}
		for _, w := range n.Windows {
			if slot := e.windows[w]; slot != nil && !meets(slot.cw, n) {
				errs = append(errs, fmt.Errorf("%s:%d: window %q never falls within the notice's validity %s—%s", n.File, w.Pos.Line, w.ID, n.Effective, n.ValidUntil))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if err := e.buildPlans(); err != nil {
		return nil, err
	}
	e.prepareFeed()
	e.blank = set.NewState()
	for _, imp := range set.Implications {
		e.derivable |= 1 << imp.Fact.Index
	}
	e.scratch = &sync.Pool{New: func() any {
		return &scratch{st: set.NewState()}
	}}
	e.prepareJSON()
	return e, nil
}

// makePlan plans activity a under the notices of ix.
func (e *Engine) makePlan(a *rules.Activity, ix *ruleIndex, shared map[string]*plan) (*plan, error) {
	ref, implied := &ActivityRef{ID: a.ID, Name: a.Name, EN: a.EN}, "activity:"+a.Name
	var kinds []*rules.Activity
	var governing []*rules.Rule
	for _, r := range ix.related(a) {
		if r.Covers(a) {
			governing = append(governing, r)
			continue
		}
		for _, x := range r.Activities {
			if x.IsA(a) && !slices.Contains(kinds, x) {
				kinds = append(kinds, x)
			}
		}
	}
	// The key names the rules by their place in the notices (ix.order),
	// so that activities governed by the same rules find one another's
	// plan; the plan itself is made only for the first of them (a cold
	// check made and dropped one for each of the others).
	key := ix.key[:0]
	for _, r := range governing {
		if !(r.Residual && shadowed(r, governing)) {
			key = append(strconv.AppendInt(key, int64(ix.order[r]), 10), ',')
		}
	}
	ix.key = key
	if q, ok := shared[string(key)]; ok {
		cp := *q
		cp.act, cp.ref, cp.kinds, cp.implied = a, ref, kinds, implied // a's own name and kinds
		if e.onDemand {
			cp.lazy, cp.planBuilt = &lazyPlan{twin: q}, planBuilt{}
		} else {
			cp.shareBuilt(q)
		}
		return &cp, nil
	}
	p := &plan{e: e, act: a, ref: ref, implied: implied, kinds: kinds}
	all := governing
	defer func() { shared[string(key)] = p }()
	var progs []*cond.Program
	for _, r := range all {
		if r.Residual && shadowed(r, all) {
			continue
		}
		p.rules = append(p.rules, r)
		progs = append(progs, r.Program)
		if !slices.Contains(p.notices, r.Notice) {
			p.notices = append(p.notices, r.Notice)
		}
		for _, v := range r.Program.Vars {
			if w := windowOf(r.Notice, v); w != nil && !slices.ContainsFunc(p.windows, func(pw planWindow) bool { return pw.w == w }) {
				p.windows = append(p.windows, planWindow{w: w, cw: e.window(w), yearNotes: e.yearNotes[w]})
			}
		}
	}
	if len(p.rules) > maxPlanRules {
		return nil, fmt.Errorf("engine: activity %q: %d rules govern it, more than %d", a.ID, len(p.rules), maxPlanRules)
	}
	if len(p.windows)+len(p.notices) > maxPlanBits {
		return nil, fmt.Errorf("engine: activity %q: %d windows and %d notices exceed %d", a.ID, len(p.windows), len(p.notices), maxPlanBits)
	}
	for _, r := range p.rules {
		p.ruleNotice = append(p.ruleNotice, 1<<(len(p.windows)+slices.Index(p.notices, r.Notice)))
	}
	p.space = e.set.NewSpace(false, progs...)
	if len(p.space.Vars) > 64 {
		return nil, fmt.Errorf("engine: activity %q: rules read %d facts, more than 64", a.ID, len(p.space.Vars))
	}
	for _, r := range p.rules {
		var m uint64
		for _, v := range r.Program.Vars {
			if i := p.space.Index(v); i >= 0 {
				m |= 1 << i
			}
		}
		p.ruleVars = append(p.ruleVars, m)
	}
	for _, r := range p.rules {
		if n := len(r.Program.Macros); n > maxRuleConditions {
			return nil, fmt.Errorf("%s:%d: rule %q names %d conditions, more than %d", r.Notice.File, r.Pos.Line, r.ID, n, maxRuleConditions)
		}
	}
	if e.onDemand {
		p.lazy = &lazyPlan{}
	} else {
		p.build()
	}
	return p, nil
}

// lazyPlan builds a plan of an engine made with PlanOnDemand once, when a
// query first needs it.
type lazyPlan struct {
	once sync.Once
	twin *plan // a plan of the same rules whose planBuilt this one shares
}

// ready builds the plan if New left it to the first query, and returns it.
func (p *plan) ready() *plan {
	if p.lazy != nil {
		p.lazy.once.Do(func() {
			if q := p.lazy.twin; q != nil {
				p.shareBuilt(q.ready())
				return
			}
			p.e.lazyBuild.Lock()
			defer p.e.lazyBuild.Unlock()
			p.build()
		})
	}
	return p
}

// shareBuilt gives p, which plans another activity under the same rules,
// q's planBuilt with its own activity's JSON.
func (p *plan) shareBuilt(q *plan) {
	p.planBuilt = q.planBuilt
	p.refJSON, _ = json.Marshal(p.ref)
}

// build makes the plan's planBuilt: segments, what each rule's reasons
// show, the table and the JSON decisions share.
func (p *plan) build() {
	e := p.e
	for k := range p.windows {
		if pw := &p.windows[k]; pw.yearNotes == nil {
			pw.yearNotes = e.windowYearNotes(pw.w)
		}
	}
	p.segments = e.segments(p)
	for _, r := range p.rules {
		ri := ruleInfo{maxInterps: len(r.Interpretations), citation: &Citation{
			Notice: r.Notice.Name(), NoticeTitle: r.Notice.Title, Article: r.Article, Text: r.Text, Rule: r.ID,
			Effect: string(r.Effect), Terms: r.Terms, TitleLevel: r.TitleLevel,
		}, label: r.Notice.Name() + " " + r.Article + " (" + r.ID + ")"}
		if r.TitleLevel {
			ri.titleNote = titleNote(r.Notice)
		}
		if r.Notice.UntilRepealed {
			ri.repealNote = untilRepealedNote(r.Notice)
		}
		for _, v := range r.Program.Vars {
			if !v.Window {
				ri.facts = append(ri.facts, v)
			}
		}
		for k, pw := range p.windows {
			if slices.Contains(r.Program.Vars, pw.w.Var) {
				ri.windows = append(ri.windows, k)
				ri.maxInterps += len(pw.w.Interpretations)
			}
		}
		for _, m := range r.Program.Macros {
			if c := conditionOf(r.Notice, m); c != nil {
				ri.conditions = append(ri.conditions, c)
				ri.condTrue = append(ri.condTrue, ConditionUse{ID: c.ID, Name: c.Name, Article: c.Article, Text: c.Text, Value: cond.True.String()})
				ri.condUnknown = append(ri.condUnknown, ConditionUse{ID: c.ID, Name: c.Name, Article: c.Article, Text: c.Text, Value: cond.Unknown.String()})
				ri.maxInterps += len(c.Interpretations)
			}
		}
		p.info = append(p.info, ri)
	}
	if len(p.segments) > maxEagerSegments {
		p.lazyRows = make([]atomic.Pointer[[]segRule], len(p.segments))
	} else {
		p.segRules = make([][]segRule, len(p.segments))
		for k := range p.segments {
			p.segRules[k] = e.segRow(p, k, true)
		}
	}
	if p.table = e.buildTable(p); p.table != nil {
		p.table.buildPartial(e, p)
	}
	p.prepareJSON()
}

// windowYearNotes are w's year notes, made on first use when plans are
// built on demand (formatting them for every window of every notice was
// a twentieth of a cold check). New builds plans one at a time, and
// PlanOnDemand's under lazyBuild, so e.yearNotes is never written by two
// at once.
func (e *Engine) windowYearNotes(w *rules.Window) []yearNote {
	yn, ok := e.yearNotes[w]
	if !ok {
		yn = yearNotes(w.Notice, w, e.window(w))
		e.yearNotes[w] = yn
	}
	return yn
}

// segments computes the plan's runs of days (minutes, where a window has
// times of day) with one window/notice mask.
func (e *Engine) segments(p *plan) []segment {
	n := 1 + 3*len(p.notices)
	for _, pw := range p.windows {
		n += 2 * len(pw.cw.Intervals())
	}
	starts := make([]calendar.DateTime, 1, n)
	for _, nt := range p.notices {
		starts = append(starts, nt.Effective.Start(), nt.ValidUntil.AddDays(1).Start())
		if end, cut := e.ends[nt]; cut {
			starts = append(starts, end.AddDays(1).Start())
		}
	}
	for _, pw := range p.windows {
		p.clocked = p.clocked || pw.cw.Clocked()
		for _, iv := range pw.cw.Intervals() {
			starts = append(starts, iv.Start(), iv.End())
		}
	}
	slices.SortFunc(starts, calendar.DateTime.Compare)
	starts = slices.Compact(starts)
	var segs []segment
	var prev, cur [][2]calendar.DateTime
	for _, t := range starts {
		m := e.maskAt(p, t)
		// A minute may keep the mask but move into another interval of
		// the same window (a union whose members overlap): reasons quote
		// the interval, so that starts a segment too.
		cur = e.intervalsAt(p, t, cur[:0])
		if len(segs) > 0 && segs[len(segs)-1].mask == m && slices.Equal(cur, prev) {
			continue
		}
		prev, cur = cur, prev
		id := slices.IndexFunc(segs, func(s segment) bool { return s.mask == m })
		if id >= 0 {
			id = segs[id].id
		} else {
			id = p.masks
			p.masks++
		}
		segs = append(segs, segment{from: t, mask: m, id: id})
	}
	return slices.Clip(segs)
}

// intervalsAt appends to dst the bounds of each plan window's interval at
// minute t (zero when outside), so that segments can tell intervals apart.
func (e *Engine) intervalsAt(p *plan, t calendar.DateTime, dst [][2]calendar.DateTime) [][2]calendar.DateTime {
	for _, pw := range p.windows {
		var b [2]calendar.DateTime
		if e.inForce(pw.w.Notice, t.Date()) {
			if iv, ok := pw.cw.FindTime(t); ok {
				b = [2]calendar.DateTime{iv.Start(), iv.End()}
			}
		}
		dst = append(dst, b)
	}
	return dst
}

func (e *Engine) maskAt(p *plan, t calendar.DateTime) uint64 {
	// A window matters only while its notice is in force: outside that,
	// its rules are false whatever the window, so the days before and
	// after a notice collapse into one segment each.
	d := t.Date()
	var m uint64
	for i, pw := range p.windows {
		if pw.cw.ContainsTime(t) && e.inForce(pw.w.Notice, d) {
			m |= 1 << i
		}
	}
	for j, n := range p.notices {
		if e.inForce(n, d) {
			m |= 1 << (len(p.windows) + j)
		}
	}
	return m
}

// segmentAt returns the index of the segment containing minute t.
func (p *plan) segmentAt(t calendar.DateTime) int {
	i := sort.Search(len(p.segments), func(i int) bool { return p.segments[i].from.After(t) })
	return i - 1
}

// shadowed: a residual rule ("其他…") yields to a more specific rule of its
// notice that governs the same activity.
func shadowed(r *rules.Rule, all []*rules.Rule) bool {
	for _, o := range all {
		if o != r && !o.Residual && o.Notice == r.Notice && o.Effect == r.Effect {
			return true
		}
	}
	return false
}

func windowOf(n *rules.Notice, v *cond.Var) *rules.Window {
	for _, w := range n.Windows {
		if w.Var == v {
			return w
		}
	}
	return nil
}

// Rules returns the rule set the engine decides with.
func (e *Engine) Rules() *rules.Set { return e.set }

// Calendar returns the calendar the engine resolves windows with.
func (e *Engine) Calendar() *calendar.Calendar { return e.cal }

// Receipt identifies the rule set and holiday data.
func (e *Engine) Receipt() Receipt { return e.receipt }

// Window returns the resolved form of a notice window.
func (e *Engine) Window(w *rules.Window) *calendar.Window { return e.window(w) }

// window is w resolved, nil if w is not one of the rule set's windows.
func (e *Engine) window(w *rules.Window) *calendar.Window {
	if slot := e.windows[w]; slot != nil {
		return slot.get()
	}
	return nil
}

// windowSlot is a window resolved to days: by New, or — in an engine
// planning on demand over the embedded rule base and holidays
// (linkedWindows) — on its first use, since a question needs the windows
// of one activity's rules and resolving every window over every year a
// notice spans (to 2100 for one in force until repealed) was a tenth of
// the browser module's start-up after loading (docs/speed.md).
type windowSlot struct {
	cw   *calendar.Window // New's, or get's once done
	once sync.Once
	// What get resolves; cal is nil when New resolved the window.
	cal      *calendar.Calendar
	w        *rules.Window
	from, to calendar.Date
}

func (s *windowSlot) get() *calendar.Window {
	if s.cal != nil {
		s.once.Do(func() {
			cw, err := s.cal.Prepare(s.w.Spec, s.from, s.to)
			if err != nil {
				// linkedWindows admits only windows an eager New resolves
				// (TestWindowsOnDemand): not a state input can reach.
				panic(fmt.Sprintf("engine: window %q of %s, resolved on first use: %v", s.w.ID, s.w.Notice.File, err))
			}
			s.cw = cw
		})
	}
	return s.cw
}

// linkedWindows reports whether New may leave resolving set's windows to
// their first use (with PlanOnDemand): when set is the embedded rule base
// — the same files, by the digest of their bytes — and cal has the
// embedded holidays. Then New's checks of the windows (each resolves, and
// falls within its notice's validity) are those every eager load of the
// embedded rule base runs in the tests; any other set or calendar is
// checked in New as before.
func linkedWindows(set *rules.Set, cal *calendar.Calendar) bool {
	h, err := calendar.EmbeddedHolidays()
	return err == nil && cal.Holidays() == h && set.Digest == rules.EmbeddedDigest()
}

// Query is one question.
type Query struct {
	// Activity is an activity id, its Chinese name or a synonym.
	Activity string
	// At is the moment asked about, in any zone; the engine uses the day in
	// China. If At is zero, Day is used.
	At  time.Time
	Day calendar.Date
	// Facts maps fact names to values: float64 or int for numbers (or a
	// Range for a value known only within bounds), bool, or string, each
	// optionally wrapped in Sourced. A fact that is absent is unknown.
	Facts Facts
	// Point, if set, is the place asked about: the place facts the query
	// does not give are derived from the engine's layers. AccuracyM is the
	// position's uncertainty in metres (the GPS accuracy).
	Point     *place.Point
	AccuracyM float64
	// Place, if set, is the division asked about: a GB/T 2260 code
	// (431181, or 431181107 for a township) or a name in the rule base's
	// divisions tables (白水镇). Notices that do not apply there are left
	// out; see PlaceFact for a query that gives no place.
	Place string
}

// Facts are the query's facts by name.
type Facts map[string]any

// Range is a number known only to lie within [Lo, Hi], such as a distance
// measured with a GPS accuracy.
type Range struct {
	Lo, Hi float64
	// Source says where the value came from, for the reasons.
	Source string
}

// ChangeDays returns the days in (from, to] on which a window or notice
// governing the activity starts or stops applying: the only days on which
// its verdict, for fixed facts, can change. Timelines and calendars are
// built from it; ChangeTimes gives the minutes, for windows with times of
// day.
func (e *Engine) ChangeDays(activity string, from, to calendar.Date) ([]calendar.Date, error) {
	ts, err := e.ChangeTimes(activity, from.AddDays(1).Start().Add(-1), to.AddDays(1).Start().Add(-1))
	if err != nil {
		return nil, err
	}
	out := make([]calendar.Date, 0, len(ts))
	for _, t := range ts {
		if d := t.Date(); len(out) == 0 || out[len(out)-1] != d {
			out = append(out, d)
		}
	}
	return out, nil
}

// meets reports whether a window has a day within the notice's validity.
func meets(cw *calendar.Window, n *rules.Notice) bool {
	for _, iv := range cw.Intervals() {
		if !iv.To.Before(n.Effective) && !iv.From.After(n.ValidUntil) {
			return true
		}
	}
	return false
}

// ruleIndex finds the rules of some notices that can govern an activity,
// so that planning every activity reads each rule a few times, not once
// per activity (which made loading quadratic in the notices).
type ruleIndex struct {
	order map[*rules.Rule]int // in the notices' order
	// naming[x] are the rules that name x; below[x] those that name a
	// kind of x.
	naming, below map[*rules.Activity][]*rules.Rule
	buf           []*rules.Rule
	key           []byte // makePlan's, reused
}

func newRuleIndex(notices []*rules.Notice) *ruleIndex {
	ix := &ruleIndex{order: map[*rules.Rule]int{}, naming: map[*rules.Activity][]*rules.Rule{}, below: map[*rules.Activity][]*rules.Rule{}}
	for _, n := range notices {
		for _, r := range n.Rules {
			ix.order[r] = len(ix.order)
			for _, x := range r.Activities {
				ix.naming[x] = append(ix.naming[x], r)
				for y := x.Parent; y != nil; y = y.Parent {
					ix.below[y] = append(ix.below[y], r)
				}
			}
		}
	}
	return ix
}

// related returns, in the notices' order, the rules that name a, an
// activity a is a kind of, or a kind of a: the only ones that cover a or
// name one of its kinds. The slice is reused by the next call.
func (ix *ruleIndex) related(a *rules.Activity) []*rules.Rule {
	out := ix.buf[:0]
	for y := a; y != nil; y = y.Parent {
		out = append(out, ix.naming[y]...)
	}
	out = append(out, ix.below[a]...)
	slices.SortFunc(out, func(r, s *rules.Rule) int { return ix.order[r] - ix.order[s] })
	out = slices.Compact(out)
	ix.buf = out
	return out
}
