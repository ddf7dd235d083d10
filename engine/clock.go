package engine

import (
	"slices"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Times of day. A window such as "daily 22:00..06:00" or "festival 除夕
// 12:00 .. lunar 正月初三 12:00" starts and ends within days. Its plan's
// segments then start at minutes (a nightly ban gives two a day while its
// notice is in force), worked out at load like any others, so that a
// query at a minute is the same look-up as one on a day. A query with a
// day alone against such a plan is answered for the day: the verdict over
// most of it, with the parts of the day whose verdict differs (DayParts).
// Plans whose windows are whole days keep one segment per change of day.

// moment returns the query's minute in China and whether it names one:
// At's minute, or 00:00 of Day for a question about a day.
func (q Query) moment() (calendar.DateTime, bool) {
	if !q.At.IsZero() {
		return calendar.LocalTime(q.At), true
	}
	return q.Day.Start(), false
}

// SetMoment sets the query's time from a parsed moment (calendar.ParseMoment):
// At for a minute, Day for a day.
func (q *Query) SetMoment(m calendar.Moment) {
	if t, ok := m.DateTime(); ok {
		q.At, q.Day = t.Time(), calendar.Date{}
		return
	}
	q.At, q.Day = time.Time{}, m.Day()
}

// windowUse is what a reason shows of window w's interval iv.
func windowUse(w *rules.Window, iv calendar.Interval) WindowUse {
	u := WindowUse{ID: w.ID, Name: w.Name, Article: w.Article, From: iv.From, To: iv.To, Label: iv.Label, Projected: iv.Projected}
	if iv.Clocked() {
		u.Start, u.End = iv.Start(), iv.End()
	}
	return u
}

// summary returns "NAME FROM—TO" for interval iv of window w, with times
// where it has them ("NAME 2026-07-03 22:00—2026-07-04 06:00"). Made at
// load, once per interval a plan quotes (a daily window has thousands of
// intervals over its span, few of them while its notice is in force).
func (e *Engine) summary(w *rules.Window, iv calendar.Interval) string {
	key := [2]calendar.DateTime{iv.Start(), iv.End()}
	if s, ok := e.summaries[w][key]; ok {
		return s
	}
	s := summaryText(w, iv)
	e.summaries[w][key] = s
	return s
}

func summaryText(w *rules.Window, iv calendar.Interval) string {
	if iv.Clocked() {
		return w.Name + " " + minuteText(iv.Start()) + "—" + minuteText(iv.End())
	}
	return w.Name + " " + iv.From.String() + "—" + iv.To.String()
}

// maxEagerSegments bounds the segments whose reasons' windows a plan works
// out at load. Whole-day windows over a notice's validity give tens of
// segments; a nightly window gives two a day, and over a notice in force
// until repealed (to 2100) some 55,000, whose rows would hold ~25 MB: past
// this bound a segment's row is built when a decision first needs it
// (once; later ones share it) — a few allocations on the first question
// about a night, none after.
const maxEagerSegments = 4096

// segRow works out what each rule's reason shows of the windows in force
// in segment k. At load (memo) window summaries are shared through
// e.summaries; a row built for a decision makes its own.
func (e *Engine) segRow(p *plan, k int, memo bool) []segRule {
	seg := p.segments[k]
	row := make([]segRule, len(p.rules))
	for i := range p.rules {
		var sr segRule
		for _, w := range p.info[i].windows {
			pw := p.windows[w]
			if seg.mask&(1<<w) == 0 {
				continue
			}
			iv, _ := pw.cw.FindTime(seg.from)
			sr.uses = append(sr.uses, windowUse(pw.w, iv))
			if iv.Projected {
				sr.notes = append(sr.notes, projectedNote(p.rules[i].Notice.Name(), sr.uses[len(sr.uses)-1]))
			}
			if sr.summary != "" {
				sr.summary += "；"
			}
			if memo {
				sr.summary += e.summary(pw.w, iv)
			} else {
				sr.summary += summaryText(pw.w, iv)
			}
			sr.interps = append(sr.interps, pw.w.Interpretations...)
		}
		// Shared by every decision in the segment: clipped, so that a
		// caller's append copies instead of writing into it.
		sr.uses = slices.Clip(sr.uses)
		if sr.uses == nil {
			sr.uses = []WindowUse{}
		}
		row[i] = sr
	}
	return row
}

// segRule returns what rule i's reason shows of the windows in segment k.
func (p *plan) segRule(k, i int) *segRule {
	if p.lazyRows == nil {
		return &p.segRules[k][i]
	}
	cell := &p.lazyRows[k]
	if row := cell.Load(); row != nil {
		return &(*row)[i]
	}
	row := p.e.segRow(p, k, false)
	cell.CompareAndSwap(nil, &row)
	return &(*cell.Load())[i]
}

// minuteText writes t as "2026-07-03 22:00"; midnight ending a day is that
// day's 24:00.
func minuteText(t calendar.DateTime) string {
	return t.Date().String() + " " + calendar.ClockText(t.Minute())
}

// daySegments returns the first and last segment of p that overlap day.
func (p *plan) daySegments(day calendar.Date) (first, last int) {
	first = p.segmentAt(day.Start())
	last = p.segmentAt(day.AddDays(1).Start().Add(-1))
	return first, last
}

// segmentVerdict is the verdict under segment k for the facts in st, from
// the table when the query's facts are all known (sc.located), else by
// evaluation. It leaves st's windows set for some mask.
func (e *Engine) segmentVerdict(p *plan, st *cond.State, k int, sc *scratch) Verdict {
	seg := p.segments[k]
	if t := p.table; t != nil && sc.located && len(sc.unknown) == 0 {
		if v := t.entries[seg.id*t.points+sc.point].verdict; v != 0 {
			return verdictOf[v]
		}
	}
	return e.verdictFor(p, st, seg, sc)
}

// dayParts answers a question about a day alone when p's segments split
// that day: it decides each part of the day, takes as the day's verdict
// the one that holds for the most minutes (on a tie, the earlier), and
// returns the longest segment with that verdict — the one the decision's
// reasons come from — and the parts of the day with another verdict,
// neighbours with the same verdict merged. parts is nil when the verdict is
// the same all day.
func (e *Engine) dayParts(p *plan, st *cond.State, day calendar.Date, sc *scratch) (k int, parts []DayPart) {
	first, last := p.daySegments(day)
	if first == last {
		return first, nil
	}
	start := day.Start()
	// The day's parts: the minutes of the day each spans, its verdict and
	// its segment.
	type part struct {
		from, to int
		verdict  Verdict
		seg      int
	}
	var buf [8]part
	ps := buf[:0]
	for i := first; i <= last; i++ {
		to := int64(calendar.MinutesPerDay)
		if i+1 < len(p.segments) {
			to = min(p.segments[i+1].from.Sub(start), to)
		}
		from := int(max(p.segments[i].from.Sub(start), 0))
		ps = append(ps, part{from: from, to: int(to), verdict: e.segmentVerdict(p, st, i, sc), seg: i})
	}
	// The verdict over most of the day; the first to reach the most wins
	// a tie, being the earlier.
	var best Verdict
	most := -1
	for _, a := range ps {
		total := 0
		for _, b := range ps {
			if b.verdict == a.verdict {
				total += b.to - b.from
			}
		}
		if total > most {
			best, most = a.verdict, total
		}
	}
	longest := -1
	for _, a := range ps {
		if a.verdict == best && a.to-a.from > longest {
			k, longest = a.seg, a.to-a.from
		}
	}
	for i := 0; i < len(ps); i++ {
		a := ps[i]
		for i+1 < len(ps) && ps[i+1].verdict == a.verdict {
			a.to = ps[i+1].to
			i++
		}
		if a.verdict != best {
			parts = append(parts, DayPart{From: calendar.ClockText(a.from), To: calendar.ClockText(a.to), Verdict: a.verdict})
		}
	}
	return k, slices.Clip(parts)
}

// ChangeTimes returns the minutes in (from, to] at which a window or
// notice governing the activity starts or stops applying: the only
// moments at which its verdict, for fixed facts, can change. Where every
// window is whole days, they are the 00:00 of the days ChangeDays gives.
func (e *Engine) ChangeTimes(activity string, from, to calendar.DateTime) ([]calendar.DateTime, error) {
	a, err := e.Activity(activity)
	if err != nil {
		return nil, err
	}
	var out []calendar.DateTime
	for _, ps := range e.defaultSets() {
		p := ps.plan(a).ready()
		for _, s := range p.segments[p.segmentAt(from)+1:] {
			if s.from.After(to) {
				break
			}
			out = append(out, s.from)
		}
	}
	slices.SortFunc(out, calendar.DateTime.Compare)
	return slices.Compact(out), nil
}
