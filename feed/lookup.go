package feed

import (
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Feed is the feed the index was built from.
func (x *Index) Feed() *Feed { return x.feed }

// Rules is the rule set the index was checked against.
func (x *Index) Rules() *rules.Set { return x.set }

// Facts are the rule set's published facts, in schema order: Value's j
// indexes them.
func (x *Index) Facts() []*rules.Fact { return x.facts }

// Pos is the position of f among Facts, or -1 if it is not published.
func (x *Index) Pos(f *rules.Fact) int {
	if f.Index < 0 || f.Index >= len(x.pos) {
		return -1
	}
	return x.pos[f.Index]
}

// Cells is the number of cells of every series: Value's ids are below it,
// so that a caller can keep something per cell (the engine keeps the note
// it made for it) in a slice.
func (x *Index) Cells() int { return x.cells }

// Outside is the number of rows for divisions the rule set does not know
// (kept, never used).
func (x *Index) Outside() int { return x.outside }

// Place finds what the feed says about division c: c's own entry (exact),
// or that of the deepest division covering it the index has, whose values
// then hold for c whatever divisions inside that one were given. Nil if
// none covers c.
func (x *Index) Place(c division.Code) (p *Place, exact bool) {
	if p = x.places[c]; p != nil {
		return p, true
	}
	for c = c.Parent(); c != ""; c = c.Parent() {
		if p = x.places[c]; p != nil {
			return p, false
		}
	}
	return nil, false
}

// Value is Facts()[j]'s value at place p on day, with the cell's id (see
// Cells). A fact published daily has a value only on days a row gives
// one; a standing one keeps its last value after the last row.
func (x *Index) Value(p *Place, exact bool, j int, day calendar.Date) (*Cell, int, Status) {
	s := &p.series[j]
	if len(s.cells) == 0 {
		return nil, 0, NoPlace
	}
	k := day.Sub(s.from)
	if k >= len(s.cells) && x.facts[j].Published == rules.Standing {
		k = len(s.cells) - 1
	}
	if k < 0 || k >= len(s.cells) {
		return nil, 0, NoDay
	}
	c := &s.cells[k]
	switch {
	case exact && c.Varies:
		return c, s.base + k, Varies
	case !c.Known:
		return c, s.base + k, NoDay
	}
	return c, s.base + k, OK
}

// Last is the last day on which Facts()[j] has a value at p, if any: what
// a stale answer names.
func (x *Index) Last(p *Place, j int) (calendar.Date, *Row, bool) {
	s := &p.series[j]
	for k := len(s.cells) - 1; k >= 0; k-- {
		if c := &s.cells[k]; c.Known {
			return s.from.AddDays(k), c.Row, true
		}
	}
	return calendar.Date{}, nil, false
}

// Order is the value at p of Facts()[j], a fact published by orders: true
// while an order covering p is in force. At a moment (hasMoment) it is
// exact; for a whole day, an order in force for only part of it gives
// Unknown, since the answer then depends on the hour. The order returned
// is the one in force (or partly), else nil. exact: an order for a
// division inside p makes p's value Unknown (Varies) where it differs.
func (x *Index) Order(p *Place, exact bool, j int, day calendar.Date, at time.Time, hasMoment bool) (cond.Tri, *Row, Status) {
	fact := x.facts[j].Name
	from, to := day.Midnight(), day.AddDays(1).Midnight()
	if hasMoment {
		from, to = at, at.Add(time.Nanosecond)
	}
	v, row := cond.False, (*Row)(nil)
	for _, r := range p.orders {
		if r.Fact != fact {
			continue
		}
		switch w := within(r, from, to); {
		case w == cond.True:
			return cond.True, r, OK
		case w == cond.Unknown:
			v, row = cond.Unknown, r
		}
	}
	if exact {
		for _, r := range p.inner {
			if r.Fact == fact && within(r, from, to) != cond.False {
				if v == cond.False {
					return cond.Unknown, r, Varies
				}
			}
		}
	}
	return v, row, OK
}

// OrdersEnd is the day after the last order of Facts()[j] at p (covering
// it or inside it) ends: from then on, none is in force.
func (x *Index) OrdersEnd(p *Place, j int) (calendar.Date, bool) {
	fact := x.facts[j].Name
	var end calendar.Date
	found := false
	for _, rs := range [][]*Row{p.orders, p.inner} {
		for _, r := range rs {
			if r.Fact != fact {
				continue
			}
			// The day of the last moment in force (Until is exclusive).
			d := calendar.LocalDay(r.Until.Add(-time.Nanosecond))
			if !found || d.After(end) {
				end, found = d, true
			}
		}
	}
	return end, found
}

// within: true if the order covers [from, to), false if it misses it,
// unknown if it covers part.
func within(r *Row, from, to time.Time) cond.Tri {
	switch {
	case !r.From.After(from) && !r.Until.Before(to):
		return cond.True
	case !r.From.Before(to) || !r.Until.After(from):
		return cond.False
	}
	return cond.Unknown
}

// Conditions are the notices' named conditions a feed alone decides (they
// read published daily facts and nothing else): the special periods whose
// start and end a forecast tells.
func (x *Index) Conditions() []*rules.Condition { return x.conds }

// ConditionAt is condition k's value at p on day and, if the feed shows
// it changing later, the first day it does and its value then.
func (x *Index) ConditionAt(p *Place, k int, day calendar.Date) (now cond.Tri, next calendar.Date, then cond.Tri, changes bool) {
	if p.conds == nil {
		return cond.Unknown, calendar.Date{}, cond.Unknown, false
	}
	days := p.conds[k]
	i := day.Sub(p.condFrom)
	if i < 0 || i >= len(days) {
		return cond.Unknown, calendar.Date{}, cond.Unknown, false
	}
	d := days[i]
	if d.next == 0 {
		return d.now, calendar.Date{}, cond.Unknown, false
	}
	n := i + int(d.next)
	return d.now, p.condFrom.AddDays(n), days[n].now, true
}

// Change is the index in Changes of the next change after day of
// condition k at p, if the feed shows one: what ConditionAt says, as a
// number a caller can keep something by.
func (x *Index) Change(p *Place, k int, day calendar.Date) (int, bool) {
	if p.conds == nil {
		return 0, false
	}
	days := p.conds[k]
	i := day.Sub(p.condFrom)
	if i < 0 || i >= len(days) || days[i].next == 0 {
		return 0, false
	}
	return int(days[i].change), true
}

// Changes are every change of a condition the feed decides, by place
// (in code order), condition and day.
func (x *Index) Changes() []Change { return x.changes }

// Places are the divisions the index resolved, in code order: those the
// feed or the rule set names, and their ancestors.
func (x *Index) Places() []*Place { return x.order }

// Series is Facts()[j]'s values at p by day from from, and the id of
// cells[0] (see Cells): to build something per cell ahead of use. The
// cells are read-only.
func (p *Place) Series(j int) (from calendar.Date, cells []Cell, base int) {
	s := &p.series[j]
	return s.from, s.cells, s.base
}

// DailyIssued is when the newest row of a fact published daily was
// issued; zero when the feed has none.
func (x *Index) DailyIssued() time.Time { return x.dailyIssued }

// Period is how long a feed with facts published daily stays current:
// one day. A feed whose newest daily row is older is stale.
const Period = 24 * time.Hour

// Stale reports whether, at now, the newest row of a daily fact was
// issued longer ago than Period.
func (x *Index) Stale(now time.Time) bool {
	return !x.dailyIssued.IsZero() && now.Sub(x.dailyIssued) > Period
}
