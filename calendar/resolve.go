package calendar

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// occurrence is one resolved anchor: a day, or a holiday block.
type occurrence struct {
	from, to  Date
	name      string
	projected bool
}

// Prepare resolves spec to every interval that overlaps [from, to]. Each
// Gregorian year that could contribute is a cycle; see the package
// documentation for how each kind of term resolves in a cycle. Spans that
// need the lunar calendar, solar terms or holidays must lie within
// MinLunarYear..MaxLunarYear; fixed dates and annual month-days work for any
// year a Date holds.
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
	ts, err := parseWindow(spec.text)
	if err != nil {
		return nil, fmt.Errorf("prepare window: %w", err)
	}
	var ivs []Interval
	for _, t := range ts {
		got, err := c.resolveTerm(t, from, to)
		if err != nil {
			return nil, fmt.Errorf("prepare window %q: %w", spec, err)
		}
		ivs = append(ivs, got...)
	}
	slices.SortFunc(ivs, func(a, b Interval) int {
		if c := a.From.Compare(b.From); c != 0 {
			return c
		}
		if c := a.To.Compare(b.To); c != 0 {
			return c
		}
		switch {
		case a.Label < b.Label:
			return -1
		case a.Label > b.Label:
			return 1
		}
		return 0
	})
	ivs = slices.Compact(ivs) // a union may name the same interval twice
	return newWindow(spec, slices.Clip(ivs)), nil
}

func (t windowTerm) needsLunar() bool {
	if t.fixed {
		return false
	}
	return t.start.kind != anchorAnnual || (t.end == endAnchor && t.endAnchor.kind != anchorAnnual)
}

func (c *Calendar) resolveTerm(t windowTerm, from, to Date) ([]Interval, error) {
	if t.fixed {
		iv := Interval{From: t.dateFrom, To: t.dateTo, Label: t.dateFrom.String()}
		if t.hasDateEnd {
			iv.Label += ".." + t.dateTo.String()
		}
		if iv.To.Before(from) || iv.From.After(to) {
			return nil, nil
		}
		return []Interval{iv}, nil
	}
	// An interval of cycle Y starts no earlier than about Y−2 (a 元旦
	// block begins in late December, offsets are at most a year) and ends
	// within about two years of Y (a range can cross into Y+1, plus an
	// offset), so these cycles cover every interval that can overlap.
	lo, hi := from.Year()-2, to.Year()+2
	if t.needsLunar() {
		if err := checkYear(from.Year()); err != nil {
			return nil, fmt.Errorf("%s: %w", t.text(), err)
		}
		if err := checkYear(to.Year()); err != nil {
			return nil, fmt.Errorf("%s: %w", t.text(), err)
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
	var out []Interval
	for y := lo; y <= hi; y++ {
		first := daysFromCivil(y, 1, 1) - lead
		last := daysFromCivil(y+endYear, 12, 31) + lag
		if last < int(from.days) || first > int(to.days) {
			continue
		}
		for _, iv := range c.resolveCycle(t, y) {
			if iv.From.Valid() && iv.To.Valid() && !iv.To.Before(from) && !iv.From.After(to) {
				out = append(out, iv)
			}
		}
	}
	return out, nil
}

// resolveCycle returns the intervals of term t in cycle year y.
func (c *Calendar) resolveCycle(t windowTerm, y int) []Interval {
	var out []Interval
	ys := strconv.Itoa(y)
	for _, s := range c.occurrences(t.start, y) {
		iv := Interval{Projected: s.projected}
		switch t.end {
		case endNone:
			iv.From, iv.To = s.from.AddDays(t.startOff), s.to.AddDays(t.startOff)
			iv.Label = s.name + " " + ys
			if t.start.kind == anchorAnnual {
				iv.Label = s.name + " (" + ys + ")"
			}
			if t.hasOff {
				iv.Label += " " + fmtOffset(t.startOff)
			}
		case endOffset:
			iv.From, iv.To = s.from.AddDays(t.startOff), s.to.AddDays(t.endOff)
			iv.Label = s.name + " " + ys + " " + fmtOffset(t.startOff) + ".." + fmtOffset(t.endOff)
		case endAnchor:
			iv.From = s.from.AddDays(t.startOff)
			e, ok := c.endOn(t, y, iv.From)
			if !ok {
				continue
			}
			iv.To, iv.Projected = e.to.AddDays(t.endOff), s.projected || e.projected
			a := s.name
			if t.hasOff {
				a += " " + fmtOffset(t.startOff)
			}
			b := e.name
			if t.hasEndOff {
				b += " " + fmtOffset(t.endOff)
			}
			iv.Label = a + ".." + b + " (" + ys + ")"
		}
		if iv.To.Before(iv.From) {
			continue
		}
		out = append(out, iv)
	}
	return out
}

// endOn finds the end anchor of a range that starts on start in cycle y:
// its first occurrence in y, or failing that in y+1, that ends (after the
// end offset) on or after start. So "annual 09-01..04-30" in 2024 ends on
// 2025-04-30.
func (c *Calendar) endOn(t windowTerm, y int, start Date) (occurrence, bool) {
	for _, yy := range []int{y, y + 1} {
		for _, e := range c.occurrences(t.endAnchor, yy) {
			if !e.to.AddDays(t.endOff).Before(start) {
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
