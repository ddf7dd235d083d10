package calendar

// Interval is a run of local days, inclusive of both ends.
type Interval struct {
	From, To Date
	// Label names what the interval is, for answers: "国庆节 2024",
	// "清明 2026 -5d..+5d", "09-01..04-30 (2024)".
	Label string
	// Projected is true when the interval rests on a statutory holiday
	// arrangement that has not been published (a projection).
	Projected bool
}

// Contains reports whether d lies in the interval.
func (iv Interval) Contains(d Date) bool { return !d.Before(iv.From) && !d.After(iv.To) }

// Days returns the number of days in the interval.
func (iv Interval) Days() int { return iv.To.Sub(iv.From) + 1 }

// Window is a WindowSpec resolved to concrete intervals over a span of days.
// It is immutable and safe for concurrent use.
type Window struct {
	spec      WindowSpec
	intervals []Interval
	// from[i] and maxTo[i] are intervals[i].From and the latest To among
	// intervals[0..i], as plain ordinals so that Find is two binary
	// searches over int32 slices.
	from  []int32
	maxTo []int32
	// runs are the intervals merged where they overlap or touch: the
	// spans in which the window is continuously in force.
	runFrom, runTo []int32
}

func newWindow(spec WindowSpec, ivs []Interval) *Window {
	w := &Window{spec: spec, intervals: ivs}
	w.from = make([]int32, len(ivs))
	w.maxTo = make([]int32, len(ivs))
	var m int32
	for i, iv := range ivs {
		w.from[i] = iv.From.days
		if i == 0 || iv.To.days > m {
			m = iv.To.days
		}
		w.maxTo[i] = m
		n := len(w.runTo)
		if n > 0 && iv.From.days <= w.runTo[n-1]+1 {
			w.runTo[n-1] = max(w.runTo[n-1], iv.To.days)
			continue
		}
		w.runFrom = append(w.runFrom, iv.From.days)
		w.runTo = append(w.runTo, iv.To.days)
	}
	return w
}

// Spec returns the description the window was prepared from.
func (w *Window) Spec() WindowSpec { return w.spec }

// Intervals returns the resolved intervals sorted by From (then To).
// Callers must not modify the slice.
func (w *Window) Intervals() []Interval { return w.intervals }

// Find returns the interval that contains d (the earliest-starting one if
// several overlap). It does no allocation.
func (w *Window) Find(d Date) (Interval, bool) {
	n := d.days
	// hi = number of intervals starting on or before d.
	lo, hi := 0, len(w.from)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if w.from[mid] <= n {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if hi == 0 || w.maxTo[hi-1] < n {
		return Interval{}, false
	}
	// maxTo is non-decreasing: the first i with maxTo[i] ≥ d is the
	// earliest-starting interval that reaches d, and it starts on or
	// before d because i < hi.
	lo, end := 0, hi-1
	for lo < end {
		mid := int(uint(lo+end) >> 1)
		if w.maxTo[mid] >= n {
			end = mid
		} else {
			lo = mid + 1
		}
	}
	return w.intervals[lo], true
}

// Contains reports whether d lies in any interval of the window.
func (w *Window) Contains(d Date) bool {
	_, ok := w.Find(d)
	return ok
}

// run returns the index of the first run ending on or after ordinal n.
func (w *Window) run(n int32) int {
	lo, hi := 0, len(w.runTo)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if w.runTo[mid] < n {
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
	i := w.run(d.days + 1)
	for ; i < len(w.runFrom); i++ {
		if w.runFrom[i] > d.days {
			return Date{days: w.runFrom[i]}, true
		}
	}
	return Date{}, false
}

// NextEnd returns the last day of the span of window days containing d,
// or, if d is outside the window, of the next span after d. Overlapping or
// touching intervals count as one span.
func (w *Window) NextEnd(d Date) (Date, bool) {
	i := w.run(d.days)
	if i < len(w.runTo) {
		return Date{days: w.runTo[i]}, true
	}
	return Date{}, false
}
