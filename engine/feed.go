package engine

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Published facts come from a conditions feed (package feed), never from
// a guess: the engine looks their values up for the query's place and day
// — an index built when the feed is bound, no search per query — unless
// the query or its point gives them, and says in a note where each value
// came from, or that the feed has none (then the fact is unknown, and the
// answer conditional on it). A feed is bound to an engine (WithFeed, or
// Refeed for a new feed on the same rules): one engine, one feed digest in
// every receipt, so no answer mixes two feeds.

// WithFeed gives the engine a conditions feed. It fails, naming file:line,
// if the feed does not fit the rule set's facts and divisions.
func WithFeed(f *feed.Feed) Option {
	return func(e *Engine) error {
		if f == nil {
			return nil
		}
		x, err := feed.Bind(f, e.set)
		if err != nil {
			return err
		}
		e.feed = &feedState{x: x}
		e.receipt.Feed = f.Digest()
		return nil
	}
}

// Refeed returns an engine that decides with e's rules, calendar and
// layers and with feed f instead of e's (nil: none). e is unchanged, and
// the two share their plans, so this costs the feed's indexing only: a
// server swaps it in when the feed changes. It fails, and e is still the
// one to use, if the feed does not fit the rule set.
func (e *Engine) Refeed(f *feed.Feed) (*Engine, error) {
	cp := *e
	cp.feed, cp.receipt.Feed = nil, ""
	if f != nil {
		x, err := feed.Bind(f, e.set)
		if err != nil {
			return nil, err
		}
		cp.feed, cp.receipt.Feed = &feedState{x: x}, f.Digest()
	}
	cp.prepareFeed()
	cp.receiptJSON = cp.receipt.appendJSON(nil)
	return &cp, nil
}

// Feed is the index of the engine's conditions feed, nil without one: its
// digest, age and what it covers, for a health check or an operator page.
func (e *Engine) Feed() *feed.Index {
	if e.feed == nil {
		return nil
	}
	return e.feed.x
}

// feedState is an engine's feed with what its decisions need of it,
// worked out when it is bound.
type feedState struct {
	x *feed.Index
	// def is the place of a query that names none, when the rule set's
	// notices apply in one division.
	def division.Code
	// notes[id] is the value note of the feed's cell id, and forecast[id]
	// the note on the feed's change id (nil: none to say): made when the
	// feed is bound, up to eagerNotes of them, the rest the first time a
	// decision needs one. A decision looks them up.
	notes    []atomic.Pointer[note]
	forecast []atomic.Pointer[note]
	// src is where a value the feed gives with no row of its own (a count)
	// came from, for the decision's facts.
	src string
	// Per plan: the published facts (bits by rules.Fact.Index) its notices
	// read, with those counted from them; those its rules read (published
	// daily or by orders: what next_change must follow); and the feed's
	// conditions (indexes into x.Conditions()) among its notices'.
	reads, rulesRead map[*plan]uint64
	conds            map[*plan][]int
}

// feedScratch is what a decision took from the feed.
type feedScratch struct {
	// plan is the plan being decided: the feed's facts its notices read are
	// looked up (all of them for Here, which sets none).
	plan  *plan
	place *feed.Place
	exact bool
	code  division.Code
	// from and missing mark (by rules.Fact.Index) the published facts the
	// feed gave and those it had no value for; status, cells and ids are
	// per feed position.
	from, missing uint64
	status        []feed.Status
	cells         []*feed.Cell
	ids           []int
	order         *feed.Row // an order in force (or partly)
}

// prepareFeed works out, once per bound feed, what each plan reads of it.
func (e *Engine) prepareFeed() {
	fs := e.feed
	if fs == nil {
		return
	}
	if pl := e.places; pl != nil {
		if tops := pl.tops(); len(tops) == 1 {
			fs.def = tops[0]
		}
	}
	fs.src = "feed " + fs.x.Feed().Digest()
	fs.notes = make([]atomic.Pointer[note], fs.x.Cells())
	fs.forecast = make([]atomic.Pointer[note], len(fs.x.Changes()))
	defer e.prebuildNotes()
	fs.reads, fs.rulesRead, fs.conds = map[*plan]uint64{}, map[*plan]uint64{}, map[*plan][]int{}
	byNotice := map[*rules.Notice]uint64{}
	for _, n := range e.set.Notices {
		var m uint64
		add := func(p *cond.Program) {
			if p != nil {
				m |= e.publishedIn(p)
			}
		}
		for _, r := range n.Rules {
			add(r.Program)
		}
		for _, c := range n.Conditions {
			add(c.Program)
		}
		for _, d := range n.Duties {
			add(d.Program)
		}
		// The facts a counted fact is counted from go with it.
		for _, f := range e.set.Facts {
			if m&(1<<f.Index) != 0 && f.Consecutive != nil {
				m |= e.publishedIn(f.Consecutive)
			}
		}
		byNotice[n] = m
	}
	for _, ps := range e.sets {
		for _, p := range ps.all() {
			var m, daily uint64
			for _, n := range p.notices {
				m |= byNotice[n]
			}
			for _, r := range p.rules {
				for _, v := range r.Program.Vars {
					if f, ok := e.set.Fact(v.Name); ok && !v.Window && (f.Published == rules.Daily || f.Published == rules.Orders) {
						daily |= 1 << f.Index
					}
				}
			}
			fs.reads[p], fs.rulesRead[p] = m, daily
			for k, c := range fs.x.Conditions() {
				for _, n := range p.notices {
					if c.Notice == n {
						fs.conds[p] = append(fs.conds[p], k)
					}
				}
			}
		}
	}
}

// publishedIn marks the published facts a program reads.
func (e *Engine) publishedIn(p *cond.Program) uint64 {
	var m uint64
	for _, v := range p.Vars {
		if f, ok := e.set.Fact(v.Name); ok && !v.Window && f.Published != "" {
			m |= 1 << f.Index
		}
	}
	return m
}

// feedFacts stores in st the published facts the feed gives for the
// query's place and day, unless the query or its point gave them, and
// records in sc what it found.
func (e *Engine) feedFacts(st *cond.State, q Query, g *given, sc *scratch) {
	fx := &sc.feed
	fx.place, fx.code, fx.from, fx.missing, fx.order = nil, "", 0, 0, nil
	fs := e.feed
	if fs == nil {
		return
	}
	x := fs.x
	facts := x.Facts()
	if cap(fx.status) < len(facts) {
		fx.status, fx.cells, fx.ids = make([]feed.Status, len(facts)), make([]*feed.Cell, len(facts)), make([]int, len(facts))
	}
	fx.status, fx.cells, fx.ids = fx.status[:len(facts)], fx.cells[:len(facts)], fx.ids[:len(facts)]
	fx.code = sc.where.code
	if fx.code == "" {
		fx.code = fs.def
	}
	if fx.code != "" {
		fx.place, fx.exact = x.Place(fx.code)
	}
	at, _ := q.moment()
	day := at.Date()
	want := ^uint64(0)
	if fx.plan != nil {
		want = fs.reads[fx.plan]
	}
	for j, f := range facts {
		fx.status[j], fx.cells[j] = feed.NoPlace, nil
		if g.has(f) || want&(1<<f.Index) == 0 {
			continue
		}
		if fx.place == nil {
			fx.missing |= 1 << f.Index
			continue
		}
		if f.Published == rules.Orders {
			v, row, status := x.Order(fx.place, fx.exact, j, day, q.At, !q.At.IsZero())
			fx.status[j] = status
			if row != nil {
				fx.order = row
			}
			if v == cond.Unknown {
				fx.missing |= 1 << f.Index
				continue
			}
			st.Bool[f.Var.Slot] = v
			src := fs.src
			if row != nil {
				src = row.Ref()
			}
			fromFeed(g, fx, f, src)
			continue
		}
		c, id, status := x.Value(fx.place, fx.exact, j, day)
		fx.status[j], fx.cells[j], fx.ids[j] = status, c, id
		if status != feed.OK {
			fx.missing |= 1 << f.Index
			continue
		}
		switch f.Kind {
		case cond.Number:
			st.Num[f.Var.Slot] = cond.Num{Lo: c.Lo, Hi: c.Hi, Known: true}
		case cond.Enum:
			st.Str[f.Var.Slot] = c.Str
		}
		src := fs.src
		if c.Row != nil {
			src = c.Row.Ref()
		}
		fromFeed(g, fx, f, src)
	}
}

// fromFeed records that the feed gave f, as the query's other facts are
// recorded, with where it came from.
func fromFeed(g *given, fx *feedScratch, f *rules.Fact, src string) {
	g.set(f, src)
	fx.from |= 1 << f.Index
}

// feedNotes adds to d what the feed said about the facts the decision's
// notices read: where each value came from, or that the feed had none;
// an order in force; a special period the forecast sees begin or end.
func (e *Engine) feedNotes(d *Decision, p *plan, day calendar.Date, sc *scratch) {
	fs := e.feed
	if fs == nil {
		// No feed: a published fact the answer turns on is one the
		// operator must look up, not a question for the caller.
		if d.an == nil {
			return
		}
		for _, name := range d.an.unknownFacts {
			if f, ok := e.set.Fact(name); ok && f.Published != "" {
				label := factLabel(f)
				addNote(d, &note{Note: Note{Code: "published_none", Text: text("note.published_none", "label", label),
					Args: map[string]string{"fact": f.Name, "label": label}}})
			}
		}
		return
	}
	fx := &sc.feed
	reads := fs.reads[p]
	if reads == 0 {
		return
	}
	x := fs.x
	// At most a note a fact, an order's and a forecast per condition:
	// room for them at once.
	dx := d.ext(sc)
	if dx.notes == nil {
		dx.notes = dx.buf[:0]
	}
	dx.notes = slices.Grow(dx.notes, bits.OnesCount64(reads)+1+len(fs.conds[p]))
	for j, f := range x.Facts() {
		if reads&(1<<f.Index) == 0 {
			continue
		}
		switch {
		case fx.status[j] == feed.OK && fx.cells[j] != nil:
			addNote(d, fs.valueNote(e, j, fx.ids[j], fx.cells[j], fx.code, fx.exact, day))
		case fx.missing&(1<<f.Index) != 0 && f.Published != rules.Orders:
			if f.Consecutive != nil && fx.missing&e.publishedIn(f.Consecutive) != 0 {
				continue // the note on what it counts says it
			}
			addNote(d, e.missingNote(f, j, day, sc))
		}
	}
	if r := fx.order; r != nil {
		addNote(d, orderNote(e, r))
	}
	if fx.place != nil {
		for _, k := range fs.conds[p] {
			if id, ok := x.Change(fx.place, k, day); ok {
				if n := fs.forecastNote(e, id); n != nil {
					addNote(d, n)
				}
			}
		}
	}
}

// publishedNotes are the notes on every fact the feed publishes for the
// place and day feedFacts looked up (all of them: sc.feed.plan nil):
// those published daily (the day's level first), then standing ones, in
// schema order, then an order in force. Copies, the caller's own.
func (e *Engine) publishedNotes(day calendar.Date, sc *scratch) []Note {
	fs := e.feed
	if fs == nil {
		return nil
	}
	fx := &sc.feed
	var out []Note
	facts := fs.x.Facts()
	order := make([]int, 0, len(facts))
	for _, pub := range []rules.Publication{rules.Daily, rules.Standing} {
		for j, f := range facts {
			if f.Published == pub {
				order = append(order, j)
			}
		}
	}
	for _, j := range order {
		f := facts[j]
		var n *note
		switch {
		case fx.status[j] == feed.OK && fx.cells[j] != nil:
			n = fs.valueNote(e, j, fx.ids[j], fx.cells[j], fx.code, fx.exact, day)
		case fx.missing&(1<<f.Index) != 0 && f.Published != rules.Orders:
			if f.Consecutive != nil && fx.missing&e.publishedIn(f.Consecutive) != 0 {
				continue // the note on what it counts says it
			}
			n = e.missingNote(f, j, day, sc)
		default:
			continue
		}
		out = append(out, n.on(day))
	}
	if r := fx.order; r != nil {
		out = append(out, orderNote(e, r).on(day))
	}
	return out
}

// factLabel is a fact's Chinese name, or its name.
func factLabel(f *rules.Fact) string {
	if f.ZH != "" {
		return f.ZH
	}
	return f.Name
}

// placeLabel names a division for a note.
func (e *Engine) placeLabel(c division.Code) string {
	if t := e.set.Divisions; t != nil {
		if name := t.Name(c); name != "" {
			return name
		}
	}
	return c.String()
}

// valueNote is the note saying where cell id's value came from, made
// once per cell, for the cell's own place (exact), else (a division the
// feed does not resolve, inside one it does) for this decision alone.
func (fs *feedState) valueNote(e *Engine, j, id int, c *feed.Cell, code division.Code, exact bool, day calendar.Date) *note {
	if !exact {
		return makeValueNote(e, fs.x.Facts()[j], c, code, day)
	}
	if n := fs.notes[id].Load(); n != nil {
		return n
	}
	n := makeValueNote(e, fs.x.Facts()[j], c, code, day)
	if fs.notes[id].CompareAndSwap(nil, n) {
		return n
	}
	return fs.notes[id].Load()
}

// makeValueNote says where c, f's value at code on day, came from. A
// standing fact's note names the day its value holds from, not the day
// asked about: one cell gives every day after the feed's last.
func makeValueNote(e *Engine, f *rules.Fact, c *feed.Cell, code division.Code, day calendar.Date) *note {
	label := factLabel(f)
	val := cellText(f, c)
	place := e.placeLabel(code)
	args := map[string]string{"fact": f.Name, "label": label, "value": val, "place": place, "date": day.String()}
	var words string
	r := c.Row
	if f.Published == rules.Standing && r != nil {
		day = r.Date
		args["date"] = day.String()
	}
	if f.Consecutive != nil {
		since := text("since.unrecorded")
		switch {
		case c.Lo == 0:
			since = text("since.not_today", "condition", f.Consecutive.Source)
		case c.Since != (calendar.Date{}):
			since = text("since.from", "date", c.Since.String())
		}
		src := mustFact(e.set, f.Consecutive.Vars[0].Name)
		args["since"], args["counted_from"] = since, src.Name
		if r != nil {
			args["source"], args["issued"] = r.Source, feed.IssuedText(r.Issued)
			words = text("note.published.counted", "place", place, "date", day.String(), "label", label, "value", val, "since", since,
				"source", r.Source, "issued", feed.IssuedText(r.Issued), "counted", factLabel(src))
		} else {
			words = text("note.published.counted", "place", place, "date", day.String(), "label", label, "value", val, "since", since,
				"source", text("feed.source"), "counted", factLabel(src))
		}
	} else {
		kind := ""
		switch {
		case f.Published == rules.Standing:
			kind = text("kind.standing", "date", r.Date.String())
			words = text("note.published.standing", "place", place, "label", label, "value", val, "source", r.Source, "issued", feed.IssuedText(r.Issued), "kind", kind)
		case r.Forecast():
			kind, args["forecast"] = text("kind.forecast"), "true"
		}
		args["source"], args["issued"] = r.Source, feed.IssuedText(r.Issued)
		if words == "" {
			words = text("note.published", "place", place, "date", day.String(), "label", label, "value", val, "source", r.Source, "issued", feed.IssuedText(r.Issued), "kind", kind)
		}
	}
	return shared(Note{Code: "published", Text: words, Args: args})
}

// eagerNotes is how many notes binding a feed makes ahead of use; a
// bigger feed has the rest made by the first decision that needs each.
const eagerNotes = 1 << 16

// prebuildNotes makes, when a feed is bound, the notes decisions will
// look up: each cell's value note (for its own place) and each change's
// forecast note, up to eagerNotes in all.
func (e *Engine) prebuildNotes() {
	fs := e.feed
	if fs == nil || fs.x.Cells()+len(fs.forecast) > eagerNotes {
		return
	}
	x := fs.x
	for _, p := range x.Places() {
		for j, f := range x.Facts() {
			if f.Published == rules.Orders {
				continue
			}
			from, cells, base := p.Series(j)
			for k := range cells {
				if c := &cells[k]; c.Known {
					fs.valueNote(e, j, base+k, c, p.Code, true, from.AddDays(k))
				}
			}
		}
	}
	for id := range fs.forecast {
		fs.forecastNote(e, id)
	}
}

func mustFact(set *rules.Set, name string) *rules.Fact {
	f, _ := set.Fact(name)
	return f
}

// cellText writes a cell's value as a note says it.
func cellText(f *rules.Fact, c *feed.Cell) string {
	switch {
	case f.Kind == cond.Enum:
		if l := f.Labels[c.Str]; l != "" {
			return l
		}
		return c.Str
	case math.IsInf(c.Hi, 1):
		return "至少 " + cond.FormatNumber(c.Lo)
	case c.Lo != c.Hi:
		return cond.FormatNumber(c.Lo) + "–" + cond.FormatNumber(c.Hi)
	}
	return cond.FormatNumber(c.Lo)
}

// missingNote says the feed had no value of f for the place and day, and
// why, for the operator.
func (e *Engine) missingNote(f *rules.Fact, j int, day calendar.Date, sc *scratch) *note {
	fx := &sc.feed
	x := e.feed.x
	label, digest := factLabel(f), x.Feed().Digest()
	place := text("place.asked")
	if fx.code != "" {
		place = e.placeLabel(fx.code)
	}
	args := map[string]string{"fact": f.Name, "label": label, "place": place, "date": day.String(), "feed": digest}
	switch fx.status[j] {
	case feed.Varies:
		inner := text("place.inner")
		if c := fx.cells[j]; c != nil && c.Other != nil {
			inner = e.placeLabel(c.Other.Division)
		}
		args["inner"] = inner
		return &note{Note: Note{Code: "published_varies", Text: text("note.published_varies", "place", place, "label", label, "inner", inner), Args: args}}
	case feed.NoDay:
		if last, r, ok := x.Last(fx.place, j); ok && r != nil {
			args["last"], args["source"], args["issued"] = last.String(), r.Source, feed.IssuedText(r.Issued)
			return &note{Note: Note{Code: "published_stale", Text: text("note.published_stale", "feed", digest, "place", place, "date", day.String(), "label", label,
				"last", last.String(), "source", r.Source, "issued", feed.IssuedText(r.Issued)), Args: args}}
		}
	}
	return &note{Note: Note{Code: "published_missing", Text: text("note.published_missing", "feed", digest, "place", place, "label", label), Args: args}}
}

// orderNote cites an order in force, as a notice's article is cited.
func orderNote(e *Engine, r *feed.Row) *note {
	from, until := feed.IssuedText(r.From), feed.IssuedText(r.Until)
	place := e.placeLabel(r.Division)
	words := r.Text
	if r.Article != "" {
		words = r.Article + text("list.sep") + words
	}
	return &note{Note: Note{Code: "declared_order", Notice: r.Order, Text: text("note.declared_order", "order", r.Order, "text", words, "from", from, "until", until, "place", place),
		Args: map[string]string{"order": r.Order, "article": r.Article, "text": r.Text, "from": from, "until": until, "place": place, "source": r.Source, "fact": r.Fact}}}
}

// forecastNote is the note on the feed's change id, made once; nil when
// the change is from or to unknown.
func (fs *feedState) forecastNote(e *Engine, id int) *note {
	slot := &fs.forecast[id]
	if n := slot.Load(); n != nil {
		if n == noForecast {
			return nil
		}
		return n
	}
	n := makeForecastNote(e, fs.x.Changes()[id])
	if n == nil {
		n = noForecast
	}
	if !slot.CompareAndSwap(nil, n) {
		n = slot.Load()
	}
	if n == noForecast {
		return nil
	}
	return n
}

// noForecast marks a change with nothing to say.
var noForecast = &note{}

// makeForecastNote says when, by the feed, a condition (a special period
// the feed decides) next begins or ends at a place; nil if it changes from
// or to unknown.
func makeForecastNote(e *Engine, ch feed.Change) *note {
	x := e.feed.x
	p, k, next, now, then := ch.Place, ch.Cond, ch.Day, ch.Now, ch.Then
	if then == cond.Unknown || now == cond.Unknown {
		return nil
	}
	c := x.Conditions()[k]
	// The row that gives the first day of the change: the feed's values
	// for that day (a forecast, or a record when asked about the past).
	src, issued, what := text("feed.source"), "", text("feed.what")
	for j, f := range x.Facts() {
		if f.Published != rules.Daily {
			continue
		}
		if cell, _, st := x.Value(p, false, j, next); st == feed.OK && cell.Row != nil && f.Consecutive == nil {
			src, issued = cell.Row.Source, feed.IssuedText(cell.Row.Issued)
			what = factLabel(f)
			if cell.Row.Forecast() {
				what = text("feed.forecast", "label", what)
			}
			break
		}
	}
	name := strings.TrimSpace(c.Name)
	args := map[string]string{"condition": c.ID, "name": name, "date": next.String(), "source": src, "issued": issued, "what": what}
	code := "forecast_ends"
	if then == cond.True {
		code = "forecast_begins"
	}
	return shared(Note{Code: code, Notice: c.Notice.Number, Text: text("note."+code, "source", src, "issued", issued, "what", what, "date", next.String(), "name", name), Args: args})
}

// feedNextChange corrects next_change when the plan's rules read facts
// the feed gave: the verdict for "the same facts" would carry today's level
// into days nobody has published, and an order past its end. It walks the
// days the feed reaches with each day's values (a day it has no value for,
// or whose value differs inside the place, unknown) and stops there:
// beyond the last published day of a daily fact, the next change is not
// known, and a note says so; beyond the last order, the orders are over and
// the usual next change holds.
func (e *Engine) feedNextChange(d *Decision, p *plan, st *cond.State, day calendar.Date, sc *scratch) {
	fs := e.feed
	if fs == nil || d.Verdict == Conditional {
		return
	}
	fx := &sc.feed
	read := fs.rulesRead[p] & fx.from
	if read == 0 || fx.place == nil {
		return
	}
	x := fs.x
	// How far the feed reaches: the last day every daily fact read has a
	// value; with orders only, the last day one is in force.
	var limit calendar.Date
	daily, haveLimit := false, false
	for j, f := range x.Facts() {
		if read&(1<<f.Index) == 0 || f.Published != rules.Daily {
			continue
		}
		if last, _, ok := x.Last(fx.place, j); ok && (!haveLimit || last.Before(limit)) {
			limit, haveLimit, daily = last, true, true
		}
	}
	if !daily {
		for j, f := range x.Facts() {
			if read&(1<<f.Index) == 0 || f.Published != rules.Orders {
				continue
			}
			if end, ok := x.OrdersEnd(fx.place, j); ok && (!haveLimit || end.After(limit)) {
				limit, haveLimit = end, true
			}
		}
	}
	if !haveLimit {
		return
	}
	static := d.NextChange
	sc.located = false
	for at := day.AddDays(1); !at.After(limit); at = at.AddDays(1) {
		if static != nil && !at.Before(static.Date) && !daily {
			break // orders only: the usual change comes first
		}
		e.feedDay(st, fx, read, at)
		seg := p.segments[p.segmentAt(at.Start())]
		if v := e.verdictFor(p, st, seg, sc); v != d.Verdict {
			d.change = Change{Date: at, At: at.Start(), Verdict: v}
			d.NextChange = &d.change
			return
		}
	}
	if !daily {
		// The orders are over after limit: the usual next change from
		// there, with their values then.
		e.feedDay(st, fx, read, limit.AddDays(1))
		if c, ok := e.nextChange(p, st, p.segmentAt(limit.AddDays(1).Start()), d.Verdict, sc); ok {
			d.change = c
			d.NextChange = &d.change
		} else {
			d.NextChange = nil
		}
		return
	}
	if static != nil && !static.Date.After(limit) {
		d.NextChange = static
		return
	}
	d.NextChange = nil
	var labels []string
	for _, f := range e.set.Facts {
		if read&(1<<f.Index) != 0 && f.Published == rules.Daily {
			labels = append(labels, factLabel(f))
		}
	}
	l := strings.Join(labels, text("list.sep"))
	addNote(d, &note{Note: Note{Code: "published_horizon", Text: text("note.published_horizon", "last", limit.String(), "label", l),
		Args: map[string]string{"last": limit.String(), "label": l}}})
}

// feedDay stores in st the feed's values on day of the facts in read
// (unknown where it has none).
func (e *Engine) feedDay(st *cond.State, fx *feedScratch, read uint64, day calendar.Date) {
	x := e.feed.x
	for j, f := range x.Facts() {
		if read&(1<<f.Index) == 0 {
			continue
		}
		if f.Published == rules.Orders {
			v, _, _ := x.Order(fx.place, fx.exact, j, day, time.Time{}, false)
			st.Bool[f.Var.Slot] = v
			continue
		}
		c, _, status := x.Value(fx.place, fx.exact, j, day)
		switch {
		case f.Kind == cond.Number && status == feed.OK:
			st.Num[f.Var.Slot] = cond.Num{Lo: c.Lo, Hi: c.Hi, Known: true}
		case f.Kind == cond.Number:
			st.Num[f.Var.Slot] = cond.Num{}
		case status == feed.OK:
			st.Str[f.Var.Slot] = c.Str
		default:
			st.Str[f.Var.Slot] = ""
		}
	}
}
