package calendar

// Interval is a run of local days, inclusive of both ends, or, for a
// window with times of day, a run of minutes: from Start (inclusive) to End
// (exclusive), touching the days From..To.
type Interval struct {
	From, To Date
	// Label names what the interval is, for answers: "国庆节 2024",
	// "清明 2026 -5d..+5d", "09-01..04-30 (2024)", "22:00..06:00".
	Label string
	// Projected is true when the interval rests on a statutory holiday
	// arrangement that has not been published (a projection).
	Projected bool
	// startMin is the minute of From at which the interval starts; endMin
	// the minute of To at which it ends, 0 standing for 24:00, so that the
	// zero values are whole days.
	startMin, endMin uint16
}

// Start returns the first minute of the interval.
func (iv Interval) Start() DateTime { return iv.From.Start().Add(int(iv.startMin)) }

// End returns the minute at which the interval ends (exclusive): 24:00 of
// To, the next day's 00:00, for an interval of whole days.
func (iv Interval) End() DateTime {
	if iv.endMin == 0 {
		return iv.To.AddDays(1).Start()
	}
	return iv.To.Start().Add(int(iv.endMin))
}

// Clocked reports whether the interval starts or ends within a day rather
// than at midnight.
func (iv Interval) Clocked() bool { return iv.startMin != 0 || iv.endMin != 0 }

// Contains reports whether the interval touches day d.
func (iv Interval) Contains(d Date) bool { return !d.Before(iv.From) && !d.After(iv.To) }

// ContainsTime reports whether minute t lies in the interval.
func (iv Interval) ContainsTime(t DateTime) bool { return !t.Before(iv.Start()) && t.Before(iv.End()) }

// Days returns the number of days the interval touches.
func (iv Interval) Days() int { return iv.To.Sub(iv.From) + 1 }

// intervalOf makes the interval [start, end) of minutes, with its days.
// An end at 00:00 is the previous day's 24:00.
func intervalOf(start, end DateTime, label string, projected bool) Interval {
	last := end.Add(-1).Date()
	iv := Interval{From: start.Date(), To: last, Label: label, Projected: projected}
	iv.startMin = uint16(start.Minute())
	if e := end.Sub(last.Start()); e < MinutesPerDay {
		iv.endMin = uint16(e)
	}
	return iv
}

// Window is a WindowSpec resolved to concrete intervals over a span of days.
// It is immutable and safe for concurrent use.
type Window struct {
	spec      WindowSpec
	intervals []Interval
	// from[i] and maxTo[i] are intervals[i]'s first minute and the latest
	// end (exclusive) among intervals[0..i], as plain integers so that Find
	// is two binary searches.
	from  []int64
	maxTo []int64
	// runs are the intervals merged where they overlap or touch: the
	// spans in which the window is continuously in force, [runFrom, runTo).
	runFrom, runTo []int64
	clocked        bool // some interval starts or ends within a day
	recurring      bool // the spec has a daily or weekly term
}

func newWindow(spec WindowSpec, ivs []Interval, recurring bool) *Window {
	w := &Window{spec: spec, intervals: ivs, recurring: recurring}
	w.from = make([]int64, len(ivs))
	w.maxTo = make([]int64, len(ivs))
	var m int64
	for i, iv := range ivs {
		from, to := iv.Start().min, iv.End().min
		w.clocked = w.clocked || iv.Clocked()
		w.from[i] = from
		if i == 0 || to > m {
			m = to
		}
		w.maxTo[i] = m
		n := len(w.runTo)
		if n > 0 && from <= w.runTo[n-1] {
			w.runTo[n-1] = max(w.runTo[n-1], to)
			continue
		}
		w.runFrom = append(w.runFrom, from)
		w.runTo = append(w.runTo, to)
	}
	return w
}

// Spec returns the description the window was prepared from.
func (w *Window) Spec() WindowSpec { return w.spec }

// Intervals returns the resolved intervals sorted by start (then end).
// Callers must not modify the slice.
func (w *Window) Intervals() []Interval { return w.intervals }

// Clocked reports whether some interval starts or ends within a day: the
// window's answer can differ between hours of one day.
func (w *Window) Clocked() bool { return w.clocked }

// Recurring reports whether the window has a daily or weekly term, whose
// intervals recur many times a year.
func (w *Window) Recurring() bool { return w.recurring }

// Find returns the interval that touches day d (the earliest-starting one
// if several do). It does no allocation.
func (w *Window) Find(d Date) (Interval, bool) {
	s := d.Start().min
	if i := w.find(s, s+MinutesPerDay); i >= 0 {
		return w.intervals[i], true
	}
	return Interval{}, false
}

// FindTime returns the interval that contains minute t (the
// earliest-starting one if several do). It does no allocation.
func (w *Window) FindTime(t DateTime) (Interval, bool) {
	if i := w.find(t.min, t.min+1); i >= 0 {
		return w.intervals[i], true
	}
	return Interval{}, false
}

// find returns the index of the earliest-starting interval that overlaps
// [a, b), or -1.
func (w *Window) find(a, b int64) int {
	// hi = number of intervals starting before b.
	lo, hi := 0, len(w.from)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if w.from[mid] < b {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if hi == 0 || w.maxTo[hi-1] <= a {
		return -1
	}
	// maxTo is non-decreasing: the first i with maxTo[i] > a is the
	// earliest-starting interval that reaches past a, and it starts before
	// b because i < hi.
	lo, end := 0, hi-1
	for lo < end {
		mid := int(uint(lo+end) >> 1)
		if w.maxTo[mid] > a {
			end = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// Contains reports whether some interval of the window touches day d.
func (w *Window) Contains(d Date) bool {
	s := d.Start().min
	return w.find(s, s+MinutesPerDay) >= 0
}

// ContainsTime reports whether minute t lies in the window.
func (w *Window) ContainsTime(t DateTime) bool { return w.find(t.min, t.min+1) >= 0 }

// run returns the index of the first run ending after minute n.
func (w *Window) run(n int64) int {
	lo, hi := 0, len(w.runTo)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if w.runTo[mid] <= n {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// NextStart returns the first day after d on which the window comes into
// force: the start of the next span of window days that does not already
// include the day before it. Overlapping or touching intervals count as one
// span, so the answer is never a day on which the window was already in
// force the day before.
func (w *Window) NextStart(d Date) (Date, bool) {
	t, ok := w.NextStartTime(d.AddDays(1).Start().Add(-1))
	return t.Date(), ok
}

// NextEnd returns the last day of the span of window days containing d,
// or, if d is outside the window, of the next span after d. Overlapping or
// touching intervals count as one span.
func (w *Window) NextEnd(d Date) (Date, bool) {
	i := w.run(d.Start().min)
	if i < len(w.runTo) {
		return DateTime{min: w.runTo[i] - 1}.Date(), true
	}
	return Date{}, false
}

// NextStartTime returns the first minute after t at which the window comes
// into force, treating overlapping or touching intervals as one span.
func (w *Window) NextStartTime(t DateTime) (DateTime, bool) {
	for i := w.run(t.min); i < len(w.runFrom); i++ {
		if w.runFrom[i] > t.min {
			return DateTime{min: w.runFrom[i]}, true
		}
	}
	return DateTime{}, false
}

// NextEndTime returns the minute at which the span of the window
// containing t lapses (its exclusive end), or, if t is outside the window,
// that of the next span after t.
func (w *Window) NextEndTime(t DateTime) (DateTime, bool) {
	i := w.run(t.min)
	if i < len(w.runTo) {
		return DateTime{min: w.runTo[i]}, true
	}
	return DateTime{}, false
}
