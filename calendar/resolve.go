package calendar

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// occurrence is one resolved anchor: a day, or a holiday block.
type occurrence struct {
	from, to  Date
	name      string
	projected bool
}

// Prepare resolves spec to every interval that overlaps the days
// [from, to]. Each Gregorian year that could contribute is a cycle; see
// the package documentation for how each kind of term resolves in a cycle.
// Spans that need the lunar calendar, solar terms or holidays must lie
// within MinLunarYear..MaxLunarYear; fixed dates, annual month-days and
// daily and weekly terms work for any year a Date holds.
func (c *Calendar) Prepare(spec WindowSpec, from, to Date) (*Window, error) {
	if spec.IsZero() {
		return nil, errors.New("prepare window: empty window spec")
	}
	if !from.Valid() || !to.Valid() {
		return nil, fmt.Errorf("prepare window %q: %w", spec, ErrRange)
	}
	if to.Before(from) {
		return nil, fmt.Errorf("prepare window %q: span %s..%s ends before it starts", spec, from, to)
	}
	cs, err := parseWindow(spec.text)
	if err != nil {
		return nil, fmt.Errorf("prepare window: %w", err)
	}
	recurring := false
	for _, cj := range cs {
		for _, t := range cj {
			recurring = recurring || t.kind == termDaily || t.kind == termWeekly
		}
	}
	if n := to.Sub(from) + 1; recurring && n > maxRecurringSpan {
		return nil, fmt.Errorf("prepare window %q: span %s..%s is %d days; a daily or weekly window resolves over at most %d", spec, from, to, n, maxRecurringSpan)
	}
	var ivs []Interval
	for _, cj := range cs {
		got, err := c.resolveConj(cj, from, to)
		if err != nil {
			return nil, fmt.Errorf("prepare window %q: %w", spec, err)
		}
		for _, p := range got {
			ivs = append(ivs, p.iv)
		}
	}
	slices.SortFunc(ivs, compareIntervals)
	ivs = slices.Compact(ivs) // a union may name the same interval twice
	return newWindow(spec, slices.Clip(ivs), recurring), nil
}

// maxRecurringSpan bounds the days a window with a daily or weekly term is
// resolved over (one interval a day: about 64 bytes each), 100 years.
const maxRecurringSpan = 36525

func compareIntervals(a, b Interval) int {
	if c := a.Start().Compare(b.Start()); c != 0 {
		return c
	}
	if c := a.End().Compare(b.End()); c != 0 {
		return c
	}
	switch {
	case a.Label < b.Label:
		return -1
	case a.Label > b.Label:
		return 1
	}
	return 0
}

// piece is a resolved interval; night marks one of a daily term that
// crosses midnight, which an intersection keeps or drops whole by its
// start (see the package documentation).
type piece struct {
	iv    Interval
	night bool
}

// resolveConj resolves an intersection of terms over the days [from, to].
func (c *Calendar) resolveConj(cj conj, from, to Date) ([]piece, error) {
	if len(cj) == 1 {
		return c.resolveTerm(cj[0], from, to)
	}
	// The operands are resolved a day wider on each side, so that a night
	// that starts the day before the span and reaches into it meets the
	// operand interval containing its start. Daily and weekly operands are
	// resolved last and only around the others' intervals: "date
	// 2026-06-07..2026-06-09 & daily 20:00..07:00" needs three nights, not
	// every night of the span.
	got := make([][]piece, len(cj))
	lo, hi := from.AddDays(-1), to.AddDays(1)
	for pass := range 2 {
		for i, t := range cj {
			recurring := t.kind == termDaily || t.kind == termWeekly
			if recurring != (pass == 1) {
				continue
			}
			if err := t.checkLunarSpan(from, to); err != nil {
				return nil, err
			}
			ef, et := from.AddDays(-1), to.AddDays(1)
			if recurring {
				ef, et = maxDate(ef, lo), minDate(et, hi)
				if et.Before(ef) {
					return nil, nil
				}
			}
			if !ef.Valid() || t.needsLunar() && ef.Year() < MinLunarYear {
				ef = from
			}
			if !et.Valid() || t.needsLunar() && et.Year() > MaxLunarYear {
				et = to
			}
			var err error
			if got[i], err = c.resolveTerm(t, ef, et); err != nil {
				return nil, err
			}
			if !recurring {
				if len(got[i]) == 0 {
					return nil, nil // an empty operand: an empty intersection
				}
				first, last := got[i][0].iv.From, got[i][0].iv.To
				for _, p := range got[i] {
					first, last = minDate(first, p.iv.From), maxDate(last, p.iv.To)
				}
				lo, hi = maxDate(lo, first.AddDays(-1)), minDate(hi, last.AddDays(1))
			}
		}
	}
	acc := got[0]
	for _, g := range got[1:] {
		acc = intersect(acc, g)
	}
	start, end := from.Start(), to.AddDays(1).Start()
	return slices.DeleteFunc(acc, func(p piece) bool {
		return !p.iv.End().After(start) || !p.iv.Start().Before(end)
	}), nil
}

func minDate(a, b Date) Date {
	if a.Before(b) {
		return a
	}
	return b
}

func maxDate(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

// intersect returns the minutes in both a and b. A night (a daily interval
// crossing midnight) meeting an ordinary interval is kept whole when it
// starts inside it and dropped otherwise; any other two intervals give
// their overlap. Labels join with " & ".
func intersect(a, b []piece) []piece {
	slices.SortFunc(b, func(x, y piece) int { return compareIntervals(x.iv, y.iv) })
	starts := make([]int64, len(b))
	maxEnd := make([]int64, len(b))
	var m int64
	for i, y := range b {
		starts[i] = y.iv.Start().min
		if e := y.iv.End().min; i == 0 || e > m {
			m = e
		}
		maxEnd[i] = m
	}
	var out []piece
	for _, x := range a {
		xs, xe := x.iv.Start(), x.iv.End()
		hi, _ := slices.BinarySearch(starts, xe.min) // b[hi:] start at or after x's end
		lo := sort.Search(hi, func(i int) bool { return maxEnd[i] > xs.min })
		var lastY, label string
		for _, y := range b[lo:hi] {
			ys, ye := y.iv.Start(), y.iv.End()
			if !ye.After(xs) {
				continue
			}
			var s, e DateTime
			night := false
			switch {
			case y.night && !x.night:
				if ys.Before(xs) {
					continue // the night started before x
				}
				s, e, night = ys, ye, true
			case x.night && !y.night:
				if xs.Before(ys) || !xs.Before(ye) {
					continue
				}
				s, e, night = xs, xe, true
			default:
				s, e = maxTime(xs, ys), minTime(xe, ye)
				if !e.After(s) {
					continue
				}
			}
			if label == "" || y.iv.Label != lastY {
				lastY, label = y.iv.Label, x.iv.Label+" & "+y.iv.Label
			}
			out = append(out, piece{iv: intervalOf(s, e, label, x.iv.Projected || y.iv.Projected), night: night})
		}
	}
	return out
}

func maxTime(a, b DateTime) DateTime {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b DateTime) DateTime {
	if a.Before(b) {
		return a
	}
	return b
}

func (t windowTerm) needsLunar() bool {
	if t.kind != termAnchor {
		return false
	}
	return t.start.kind != anchorAnnual || (t.end == endAnchor && t.endAnchor.kind != anchorAnnual)
}

// checkLunarSpan reports a span outside the lunar tables' years for a term
// that needs them.
func (t windowTerm) checkLunarSpan(from, to Date) error {
	if !t.needsLunar() {
		return nil
	}
	if err := checkYear(from.Year()); err != nil {
		return fmt.Errorf("%s: %w", t.text(), err)
	}
	if err := checkYear(to.Year()); err != nil {
		return fmt.Errorf("%s: %w", t.text(), err)
	}
	return nil
}

// clocks returns the term's start and end times, the defaults filled in.
func (t windowTerm) clocks() (start, end int) {
	start, end = t.startClock, t.endClock
	if start == noClock {
		start = 0
	}
	if end == noClock {
		end = MinutesPerDay
	}
	return start, end
}

// makeSpan makes the interval from day a at minute s to day b at minute e
// (e may be 24:00), or false when it is empty.
func makeSpan(a Date, s int, b Date, e int, label string, projected bool) (Interval, bool) {
	start, end := a.Start().Add(s), b.Start().Add(e)
	if !end.After(start) {
		return Interval{}, false
	}
	return intervalOf(start, end, label, projected), true
}

func (c *Calendar) resolveTerm(t windowTerm, from, to Date) ([]piece, error) {
	overlaps := func(iv Interval) bool {
		return iv.From.Valid() && iv.To.Valid() && !iv.To.Before(from) && !iv.From.After(to)
	}
	startMin, endMin := t.clocks()
	switch t.kind {
	case termDate:
		label := strings.TrimPrefix(t.text(), kwDate+" ")
		iv, ok := makeSpan(t.dateFrom, startMin, t.dateTo, endMin, label, false)
		if !ok || !overlaps(iv) {
			return nil, nil
		}
		return []piece{{iv: iv}}, nil
	case termDaily:
		label := ClockText(t.startClock) + ".." + ClockText(t.endClock)
		night := t.endClock < t.startClock
		out := make([]piece, 0, to.Sub(from)+2)
		for d := from.AddDays(-1); !d.After(to); d = d.AddDays(1) {
			e := d
			if night {
				e = d.AddDays(1)
			}
			if iv, ok := makeSpan(d, t.startClock, e, t.endClock, label, false); ok && overlaps(iv) {
				out = append(out, piece{iv: iv, night: night})
			}
		}
		return out, nil
	case termWeekly:
		label := strings.TrimPrefix(t.text(), kwWeekly+" ")
		ahead := 0
		if t.hasWdEnd && !t.bareEnd {
			ahead = (t.wdTo - t.wdFrom + 7) % 7
			if ahead == 0 && endMin <= startMin {
				ahead = 7
			}
		}
		first := from.AddDays(-7)
		first = first.AddDays((t.wdFrom - int(first.Weekday()) + 7) % 7)
		var out []piece
		for d := first; !d.After(to); d = d.AddDays(7) {
			if iv, ok := makeSpan(d, startMin, d.AddDays(ahead), endMin, label, false); ok && overlaps(iv) {
				out = append(out, piece{iv: iv})
			}
		}
		return out, nil
	}
	// An interval of cycle Y starts no earlier than about Y−2 (a 元旦
	// block begins in late December, offsets are at most a year) and ends
	// within about two years of Y (a range can cross into Y+1, plus an
	// offset), so these cycles cover every interval that can overlap.
	lo, hi := from.Year()-2, to.Year()+2
	if t.needsLunar() {
		if err := t.checkLunarSpan(from, to); err != nil {
			return nil, err
		}
		lo, hi = max(lo, firstSlot), min(hi, lastSlot-1)
	}
	lo, hi = max(lo, MinYear), min(hi, MaxYear)
	// Skip the cycles that cannot reach [from, to], so that a cold
	// Calendar computes as few years as possible. An interval of cycle Y
	// starts no earlier than a week before Y-01-01 (a 元旦 block) moved by
	// a negative start offset, and ends by 12-31 of Y (of Y+1 for a range
	// to an anchor) moved by a positive offset.
	lead := 7 - min(t.startOff, 0)
	lag := max(0, t.startOff, t.endOff)
	endYear := 0
	if t.end == endAnchor {
		endYear = 1
	}
	var out []piece
	for y := lo; y <= hi; y++ {
		first := daysFromCivil(y, 1, 1) - lead
		last := daysFromCivil(y+endYear, 12, 31) + lag
		if last < int(from.days) || first > int(to.days) {
			continue
		}
		for _, iv := range c.resolveCycle(t, y) {
			if overlaps(iv) {
				out = append(out, piece{iv: iv})
			}
		}
	}
	return out, nil
}

// clockLabel is a time written into a label: " 12:00", or nothing for a
// default.
func clockLabel(m int, def int) string {
	if m == noClock || m == def {
		return ""
	}
	return " " + ClockText(m)
}

// resolveCycle returns the intervals of term t in cycle year y.
func (c *Calendar) resolveCycle(t windowTerm, y int) []Interval {
	var out []Interval
	ys := strconv.Itoa(y)
	startMin, endMin := t.clocks()
	sc, ec := clockLabel(t.startClock, 0), clockLabel(t.endClock, MinutesPerDay)
	if t.bareEnd {
		sc = " " + ClockText(startMin)
	}
	for _, s := range c.occurrences(t.start, y) {
		var from, to Date
		var label string
		projected := s.projected
		switch t.end {
		case endNone:
			from, to = s.from.AddDays(t.startOff), s.to.AddDays(t.startOff)
			label = s.name + " " + ys
			if t.start.kind == anchorAnnual {
				label = s.name + " (" + ys + ")"
			}
			if t.hasOff {
				label += " " + fmtOffset(t.startOff)
			}
		case endOffset:
			from, to = s.from.AddDays(t.startOff), s.to.AddDays(t.endOff)
			if t.bareEnd {
				label = s.name + " " + ys
				if t.hasOff {
					label += " " + fmtOffset(t.startOff)
				}
				label += sc + ".." + ClockText(endMin)
			} else {
				label = s.name + " " + ys + " " + fmtOffset(t.startOff) + sc + ".." + fmtOffset(t.endOff) + ec
			}
		case endAnchor:
			from = s.from.AddDays(t.startOff)
			e, ok := c.endOn(t, y, from.Start().Add(startMin))
			if !ok {
				continue
			}
			to, projected = e.to.AddDays(t.endOff), s.projected || e.projected
			a := s.name
			if t.hasOff {
				a += " " + fmtOffset(t.startOff)
			}
			b := e.name
			if t.hasEndOff {
				b += " " + fmtOffset(t.endOff)
			}
			label = a + sc + ".." + b + ec + " (" + ys + ")"
		}
		if !from.Valid() || !to.Valid() {
			continue
		}
		if iv, ok := makeSpan(from, startMin, to, endMin, label, projected); ok {
			out = append(out, iv)
		}
	}
	return out
}

// endOn finds the end anchor of a range that starts at minute start in
// cycle y: its first occurrence in y, or failing that in y+1, that ends
// (after the end offset, at the end time) after start. So "annual
// 09-01..04-30" in 2024 ends on 2025-04-30.
func (c *Calendar) endOn(t windowTerm, y int, start DateTime) (occurrence, bool) {
	_, endMin := t.clocks()
	for _, yy := range []int{y, y + 1} {
		for _, e := range c.occurrences(t.endAnchor, yy) {
			if d := e.to.AddDays(t.endOff); d.Valid() && d.Start().Add(endMin).After(start) {
				return e, true
			}
		}
	}
	return occurrence{}, false
}

// occurrences returns anchor a in cycle year y, sorted: none, one, or for a
// lunar date late in the lunar year, two (see the package documentation).
func (c *Calendar) occurrences(a anchor, y int) []occurrence {
	if y < MinYear || y > MaxYear {
		return nil
	}
	one := func(d Date) []occurrence { return []occurrence{{from: d, to: d, name: a.name}} }
	switch a.kind {
	case anchorAnnual:
		d, err := NewDate(y, a.month, a.day)
		if err != nil {
			return nil // 02-29 outside leap years
		}
		return one(d)
	case anchorTerm:
		tab, err := c.year(y)
		if err != nil {
			return nil
		}
		return one(tab.terms[a.index])
	case anchorFestival:
		d, ok := c.festivalIn(a.index, y)
		if !ok {
			return nil
		}
		return one(d)
	case anchorLunar:
		var out []occurrence
		for _, d := range c.lunarInYear(a.lunar, y) {
			out = append(out, one(d)...)
		}
		return out
	case anchorHoliday:
		b, ok, err := c.holidayPeriod(a.hol, y)
		if err != nil || !ok {
			return nil
		}
		return []occurrence{{from: b.From, to: b.To, name: b.Name, projected: b.Projected}}
	}
	return nil
}
