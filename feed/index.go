package feed

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Index is a feed checked against a rule set's facts and divisions and
// resolved per division and day, so that reading a fact's value for a
// place and day is a map look-up and an array index. It is immutable and
// safe for concurrent use.
type Index struct {
	feed *Feed
	set  *rules.Set
	// facts are the set's published facts; pos[i] is the position in facts
	// of set.Facts[i], or -1.
	facts  []*rules.Fact
	pos    []int
	places map[division.Code]*Place
	order  []*Place // places by code
	cells  int
	// changes are the days a condition the feed decides takes another
	// value at a place (see Change): a caller keeps what it says of each
	// (the engine, a forecast note) in a slice indexed like it.
	changes []Change
	// conds are the notices' named conditions that read published daily
	// facts only: a feed alone decides them, so their forecast is known.
	conds []*rules.Condition
	// dailyIssued is when the newest row of a daily fact was published.
	dailyIssued time.Time
	outside     int // rows for divisions the rule set does not know
}

// Place is what the feed says about one division.
type Place struct {
	Code division.Code
	// series[j] is facts[j]'s values (not for facts published by orders).
	series []series
	// orders apply here (their division covers the place); inner orders
	// apply to divisions inside it only.
	orders, inner []*Row
	// conds[k] is Index.conds[k] per day of condFrom…
	condFrom calendar.Date
	conds    [][]condDay
}

type series struct {
	from  calendar.Date
	cells []Cell
	base  int // the ID of cells[0]
}

type condDay struct {
	now    cond.Tri
	next   int32 // days to the next day it differs (0: none within the feed)
	change int32 // with next: the index in Index.changes of that change
}

// A Change is a day on which a condition the feed decides (Conditions()[Cond])
// takes another value at a place: Then from Day on, Now the day before.
type Change struct {
	Place     *Place
	Cond      int
	Day       calendar.Date
	Now, Then cond.Tri
}

// Cell is a published fact's value at a place on a day.
type Cell struct {
	// Lo and Hi are a number's value, or the range it is known to lie in:
	// Hi is +Inf for a count whose start lies before the feed's first day.
	Lo, Hi float64
	Str    string // an enum's value
	// Row is the row the value comes from: for a count over a series, the
	// row of the day asked about.
	Row *Row
	// Since is the first day of a count's run, when the feed reaches it.
	Since calendar.Date
	Known bool
	// Varies is set when divisions inside the place were given other
	// values: the value holds for the place only where they do not. Other
	// is the row of one of them.
	Varies bool
	Other  *Row
}

// Status says why a look-up has no value.
type Status uint8

// Look-up outcomes.
const (
	// OK: the feed gives the value.
	OK Status = iota
	// NoPlace: the feed gives the fact for no division covering the place
	// (nor inside it).
	NoPlace
	// NoDay: the feed gives the fact for the place, but not on that day —
	// before its first row, or past its last (stale or not yet published).
	NoDay
	// Varies: divisions inside the place were given different values;
	// name one of them.
	Varies
)

// Bind checks f against the rule set's facts and divisions and indexes
// it. Every problem is reported with the row's file:line (Errors): a fact
// that is not published in facts.yaml, a value of the wrong type, a fact
// counted from others given directly, two rows for one division, fact and
// day issued at the same moment with different values, a code inside a
// division of the rule set that its divisions table does not list.
func Bind(f *Feed, set *rules.Set) (*Index, error) {
	x := &Index{feed: f, set: set, pos: make([]int, len(set.Facts)), places: map[division.Code]*Place{}}
	for i, fact := range set.Facts {
		x.pos[i] = -1
		if fact.Published != "" {
			x.pos[i] = len(x.facts)
			x.facts = append(x.facts, fact)
		}
	}
	b := &builder{x: x, own: make([]map[division.Code][]dated, len(x.facts))}
	for j := range b.own {
		b.own[j] = map[division.Code][]dated{}
	}
	var errs Errors
	for i := range f.rows {
		if err := b.add(&f.rows[i]); err != nil {
			errs = append(errs, &Error{File: f.rows[i].File, Line: f.rows[i].Line, Msg: err.Error()})
		}
	}
	errs = append(errs, b.dedupe()...)
	errs = append(errs, b.checkSpans()...)
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *Error) int {
			if c := strings.Compare(a.File, b.File); c != 0 {
				return c
			}
			return a.Line - b.Line
		})
		return nil, errs
	}
	b.build()
	return x, nil
}

// dated is one division's value of a fact from a day.
type dated struct {
	day calendar.Date
	row *Row
	val Cell
}

type builder struct {
	x *Index
	// own[j][code] are the rows for facts[j] given for exactly that code,
	// by day (after dedupe: one per day, the newest issued).
	own    []map[division.Code][]dated
	orders []*Row
	codes  map[division.Code]bool
}

// add checks one row and files it.
func (b *builder) add(r *Row) error {
	x := b.x
	f, ok := x.set.Fact(r.Fact)
	if !ok {
		return fmt.Errorf("fact %q is not in facts.yaml", r.Fact)
	}
	j := x.pos[f.Index]
	if j < 0 {
		return fmt.Errorf("fact %s is not published (facts.yaml gives it no published:): a feed cannot give it", r.Fact)
	}
	if f.Consecutive != nil {
		return fmt.Errorf("fact %s is counted from the feed (%s): give the daily values it counts instead", r.Fact, f.Consecutive.Source)
	}
	if err := b.checkDivision(r.Division); err != nil {
		return err
	}
	if f.Published == rules.Orders {
		if !r.IsOrder() {
			return fmt.Errorf("fact %s is published by orders: give the order's until, order and text", r.Fact)
		}
		if r.Value != "true" {
			return fmt.Errorf("an order opens %s: its value is true, not %q", r.Fact, r.Value)
		}
		b.orders = append(b.orders, r)
		return nil
	}
	if r.IsOrder() {
		return fmt.Errorf("fact %s is published %s, not by orders: a row gives its value for one date (no until, order or text)", r.Fact, f.Published)
	}
	c, err := typed(f, r.Value)
	if err != nil {
		return err
	}
	c.Row = r
	b.own[j][r.Division] = append(b.own[j][r.Division], dated{day: r.Date, row: r, val: c})
	return nil
}

// checkDivision refuses a code the rule set's divisions table should list
// and does not: one inside a division it knows. A code elsewhere is data
// for other places, kept but unused.
func (b *builder) checkDivision(c division.Code) error {
	t := b.x.set.Divisions
	if t == nil {
		return nil
	}
	if _, ok := t.Get(c); ok {
		return nil
	}
	for p := c.Parent(); p != ""; p = p.Parent() {
		if d, ok := t.Get(p); ok && p.Level() >= division.County {
			return fmt.Errorf("division %s is not in the divisions table, which lists %s: a mistyped code would give its value to no one", c, d.Label())
		}
	}
	b.x.outside++
	return nil
}

// typed reads a value by the fact's schema.
func typed(f *rules.Fact, s string) (Cell, error) {
	switch f.Kind {
	case cond.Number:
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return Cell{}, fmt.Errorf("%s: %q is not a number", f.Name, s)
		}
		if f.Integer && v != math.Trunc(v) {
			return Cell{}, fmt.Errorf("%s: want a whole number, got %s", f.Name, s)
		}
		if f.Min != nil && v < *f.Min {
			return Cell{}, fmt.Errorf("%s: %s is below the minimum %v", f.Name, s, *f.Min)
		}
		return Cell{Lo: v, Hi: v, Known: true}, nil
	case cond.Enum:
		v := f.Canonical(s)
		if v == "" {
			return Cell{}, fmt.Errorf("%s: %q is not one of %s", f.Name, s, strings.Join(f.Values, ", "))
		}
		return Cell{Str: v, Known: true}, nil
	}
	return Cell{}, fmt.Errorf("fact %s (%s) is published daily or standing: only numbers and enums are", f.Name, f.Kind)
}

// dedupe keeps, per division, fact and day, the newest issued row; two
// rows issued at the same moment must agree. An order replaces the rows of
// the same order number and division issued before it (an order lifted
// early is published again with its new end).
func (b *builder) dedupe() Errors {
	var errs Errors
	for j := range b.own {
		for c, ds := range b.own[j] {
			slices.SortStableFunc(ds, func(a, b dated) int {
				if c := a.day.Compare(b.day); c != 0 {
					return c
				}
				return b.row.Issued.Compare(a.row.Issued) // newest first
			})
			out := ds[:0]
			for _, d := range ds {
				if n := len(out); n > 0 && out[n-1].day == d.day {
					prev := out[n-1]
					if prev.row.Issued.Equal(d.row.Issued) && !sameValue(prev.val, d.val) {
						errs = append(errs, &Error{File: d.row.File, Line: d.row.Line, Msg: fmt.Sprintf("%s %s on %s: %s here, %s at %s:%d, issued at the same time",
							d.row.Fact, c, d.day, d.row.Value, prev.row.Value, prev.row.File, prev.row.Line)})
					}
					continue
				}
				out = append(out, d)
			}
			b.own[j][c] = out
		}
	}
	slices.SortStableFunc(b.orders, func(a, b *Row) int { return b.Issued.Compare(a.Issued) })
	var kept []*Row
	for _, r := range b.orders {
		if !slices.ContainsFunc(kept, func(k *Row) bool { return k.Order == r.Order && k.Division == r.Division && k.Fact == r.Fact }) {
			kept = append(kept, r)
		}
	}
	b.orders = kept
	return errs
}

// MaxSpanDays bounds the days between a fact's first and last row: the
// index holds a value per division and day between them, so a row dated a
// century off (a typo, or a hostile feed) must not make it huge. Ten years
// of history is more than any answer needs.
const MaxSpanDays = 3660

// checkSpans refuses a fact whose rows span more than MaxSpanDays.
func (b *builder) checkSpans() Errors {
	var errs Errors
	for j, byCode := range b.own {
		var first, last *Row
		for _, ds := range byCode {
			if len(ds) == 0 {
				continue
			}
			if r := ds[0].row; first == nil || r.Date.Before(first.Date) {
				first = r
			}
			if r := ds[len(ds)-1].row; last == nil || r.Date.After(last.Date) {
				last = r
			}
		}
		if first != nil && last.Date.Sub(first.Date) > MaxSpanDays {
			errs = append(errs, &Error{File: last.File, Line: last.Line, Msg: fmt.Sprintf("%s: rows from %s (%s:%d) to %s span %d days; at most %d",
				b.x.facts[j].Name, first.Date, first.File, first.Line, last.Date, last.Date.Sub(first.Date), MaxSpanDays)})
		}
	}
	return errs
}

func sameValue(a, b Cell) bool { return a.Lo == b.Lo && a.Hi == b.Hi && a.Str == b.Str }

// build resolves every published fact for every division the feed or
// the rule set names (and their ancestors).
func (b *builder) build() {
	x := b.x
	b.codes = map[division.Code]bool{}
	addCode := func(c division.Code) {
		for ; c != "" && !b.codes[c]; c = c.Parent() {
			b.codes[c] = true
		}
	}
	for j := range b.own {
		for c := range b.own[j] {
			addCode(c)
		}
	}
	for _, r := range b.orders {
		addCode(r.Division)
	}
	if t := x.set.Divisions; t != nil {
		for _, d := range t.All() {
			addCode(d.Code)
		}
	}
	codes := make([]division.Code, 0, len(b.codes))
	for c := range b.codes {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		p := &Place{Code: c, series: make([]series, len(x.facts))}
		x.places[c] = p
		x.order = append(x.order, p)
		for _, r := range b.orders {
			switch {
			case r.Division.Covers(c):
				p.orders = append(p.orders, r)
			case c.Covers(r.Division):
				p.inner = append(p.inner, r)
			}
		}
	}
	// Facts given by rows first, then those counted from them.
	for j, f := range x.facts {
		if f.Published != rules.Orders && f.Consecutive == nil {
			for _, c := range codes {
				x.places[c].series[j] = b.resolve(j, f, c)
			}
		}
	}
	for j, f := range x.facts {
		if f.Consecutive != nil {
			for _, c := range codes {
				x.places[c].series[j] = b.count(f, x.places[c])
			}
		}
	}
	for _, c := range codes {
		p := x.places[c]
		for j := range p.series {
			s := &p.series[j]
			s.base = x.cells
			x.cells += len(s.cells)
		}
	}
	for _, n := range x.set.Notices {
		for _, c := range n.Conditions {
			if feedDecides(x, c.Program) {
				x.conds = append(x.conds, c)
			}
		}
	}
	if len(x.conds) > 0 {
		for _, c := range codes {
			b.forecast(x.places[c])
		}
	}
	for _, r := range x.feed.rows {
		if f, ok := x.set.Fact(r.Fact); ok && f.Published == rules.Daily && r.Issued.After(x.dailyIssued) {
			x.dailyIssued = r.Issued
		}
	}
}

// feedDecides reports whether a condition reads published daily facts
// and nothing else.
func feedDecides(x *Index, p *cond.Program) bool {
	if len(p.Vars) == 0 {
		return false
	}
	for _, v := range p.Vars {
		f, ok := x.set.Fact(v.Name)
		if v.Window || !ok || f.Published != rules.Daily {
			return false
		}
	}
	return true
}

// valueAt is code's own value of facts[j] on day: the row of that day
// (daily) or the latest row on or before it (standing).
func (b *builder) valueAt(j int, f *rules.Fact, code division.Code, day calendar.Date) (Cell, bool) {
	ds := b.own[j][code]
	i, found := slices.BinarySearchFunc(ds, day, func(d dated, day calendar.Date) int { return d.day.Compare(day) })
	if found {
		return ds[i].val, true
	}
	if f.Published == rules.Standing && i > 0 {
		return ds[i-1].val, true
	}
	return Cell{}, false
}

// resolve builds code's series of facts[j]: on each day the value of the
// deepest division covering it that has one, marked Varies where a
// division inside it has another.
func (b *builder) resolve(j int, f *rules.Fact, code division.Code) series {
	var related []division.Code // the code, its ancestors and its descendants with rows
	for c := range b.own[j] {
		if c.Covers(code) || code.Covers(c) {
			related = append(related, c)
		}
	}
	if len(related) == 0 {
		return series{}
	}
	slices.Sort(related)
	first, last := calendar.Date{}, calendar.Date{}
	for i, c := range related {
		ds := b.own[j][c]
		if i == 0 || ds[0].day.Before(first) {
			first = ds[0].day
		}
		if i == 0 || ds[len(ds)-1].day.After(last) {
			last = ds[len(ds)-1].day
		}
	}
	s := series{from: first, cells: make([]Cell, last.Sub(first)+1)}
	for k := range s.cells {
		day := first.AddDays(k)
		var v Cell
		// Deepest covering division first.
		for c := code; c != ""; c = c.Parent() {
			if cv, ok := b.valueAt(j, f, c, day); ok {
				v = cv
				break
			}
		}
		for _, c := range related {
			if c == code || !code.Covers(c) {
				continue
			}
			if cv, ok := b.valueAt(j, f, c, day); ok && (!v.Known || !sameValue(cv, v)) {
				v.Varies = true
				if v.Other == nil {
					v.Other = cv.Row
				}
			}
		}
		s.cells[k] = v
	}
	return s
}

// count builds the series of a fact counted over others (consecutive:):
// on each day, the number of consecutive days up to it on which the
// condition holds. A run reaching back past the feed's first day, or to a
// day the condition is unknown, is known only to be at least as long as
// what the feed shows.
func (b *builder) count(f *rules.Fact, p *Place) series {
	x := b.x
	prog := f.Consecutive
	var srcs []int
	for _, v := range prog.Vars {
		g, _ := x.set.Fact(v.Name)
		srcs = append(srcs, x.pos[g.Index])
	}
	first, last, any := calendar.Date{}, calendar.Date{}, false
	for _, j := range srcs {
		s := p.series[j]
		if len(s.cells) == 0 {
			continue
		}
		end := s.from.AddDays(len(s.cells) - 1)
		if !any || s.from.Before(first) {
			first = s.from
		}
		if !any || end.After(last) {
			last = end
		}
		any = true
	}
	if !any {
		return series{}
	}
	st := x.set.NewState()
	out := series{from: first, cells: make([]Cell, last.Sub(first)+1)}
	for k := range out.cells {
		day := first.AddDays(k)
		x.set.Reset(st)
		var row, other *Row
		varies := false
		for _, j := range srcs {
			c, ok := cellAt(&p.series[j], day)
			if !ok || !c.Known {
				continue
			}
			varies = varies || c.Varies
			if row == nil {
				row = c.Row
			}
			if other == nil {
				other = c.Other
			}
			g := x.facts[j]
			switch g.Kind {
			case cond.Number:
				st.Num[g.Var.Slot] = cond.Num{Lo: c.Lo, Hi: c.Hi, Known: true}
			case cond.Enum:
				st.Str[g.Var.Slot] = c.Str
			}
		}
		c := Cell{Row: row, Other: other}
		switch prog.Eval(st) {
		case cond.False:
			c.Known, c.Varies = true, varies
		case cond.True:
			c.Known, c.Lo, c.Hi, c.Varies, c.Since = true, 1, math.Inf(1), varies, day
			if k > 0 {
				if prev := out.cells[k-1]; prev.Known && prev.Lo > 0 {
					c.Lo, c.Hi, c.Since, c.Varies = prev.Lo+1, prev.Hi+1, prev.Since, varies || prev.Varies
					if c.Other == nil {
						c.Other = prev.Other
					}
				} else if prev.Known {
					c.Hi = 1 // the day before, it did not hold
				}
			}
			if math.IsInf(c.Hi, 1) {
				c.Since = calendar.Date{}
			}
		}
		out.cells[k] = c
	}
	return out
}

// cellAt is a series' cell on day, if the series reaches it.
func cellAt(s *series, day calendar.Date) (*Cell, bool) {
	k := day.Sub(s.from)
	if k < 0 || k >= len(s.cells) {
		return nil, false
	}
	return &s.cells[k], true
}

// forecast works out, per day, the value of each condition the feed
// decides at p and how many days later it first differs.
func (b *builder) forecast(p *Place) {
	x := b.x
	first, last, any := calendar.Date{}, calendar.Date{}, false
	for j := range p.series {
		s := p.series[j]
		if len(s.cells) == 0 || x.facts[j].Published != rules.Daily {
			continue
		}
		end := s.from.AddDays(len(s.cells) - 1)
		if !any || s.from.Before(first) {
			first = s.from
		}
		if !any || end.After(last) {
			last = end
		}
		any = true
	}
	if !any {
		return
	}
	st := x.set.NewState()
	n := last.Sub(first) + 1
	p.condFrom = first
	p.conds = make([][]condDay, len(x.conds))
	for k, c := range x.conds {
		days := make([]condDay, n)
		for i := range days {
			day := first.AddDays(i)
			x.set.Reset(st)
			for j := range p.series {
				if cl, ok := cellAt(&p.series[j], day); ok && cl.Known && !cl.Varies {
					f := x.facts[j]
					switch f.Kind {
					case cond.Number:
						st.Num[f.Var.Slot] = cond.Num{Lo: cl.Lo, Hi: cl.Hi, Known: true}
					case cond.Enum:
						st.Str[f.Var.Slot] = cl.Str
					}
				}
			}
			days[i].now = c.Program.Eval(st)
		}
		for i := n - 2; i >= 0; i-- {
			switch {
			case days[i+1].now != days[i].now:
				days[i].next = 1
			case days[i+1].next > 0:
				days[i].next = days[i+1].next + 1
			}
		}
		// Each change once, in day order; the days before it name it.
		first := len(x.changes)
		for i := 1; i < n; i++ {
			if days[i].now != days[i-1].now {
				x.changes = append(x.changes, Change{Place: p, Cond: k, Day: p.condFrom.AddDays(i), Now: days[i-1].now, Then: days[i].now})
			}
		}
		id := len(x.changes)
		for i := n - 2; i >= 0; i-- {
			if days[i].next == 1 {
				id--
			}
			if days[i].next > 0 {
				days[i].change = int32(id)
			}
		}
		if id != first {
			panic("feed: forecast changes miscounted")
		}
		p.conds[k] = days
	}
}
