package calendar

// CONTRACT STUB: the signatures in this file are used by rules/ and engine/.
// The calendar implementer replaces the bodies (and may split the file) but
// keeps every exported name and signature here.

import "errors"

var errNotImplemented = errors.New("calendar: not implemented yet")

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

// WindowSpec is a parsed, unresolved window description such as
// "annual 09-01..04-30" or "solar-term 清明 -5d..+5d | holiday 清明".
type WindowSpec struct {
	text string
}

// String returns the window's canonical textual form.
func (w WindowSpec) String() string { return w.text }

// WindowError reports a bad window text with the 1-based column (in runes)
// of the offending token.
type WindowError struct {
	Text   string
	Column int
	Token  string
	Msg    string
}

func (e *WindowError) Error() string { return e.Msg }

// ParseWindow parses the one-line textual form of a window.
func ParseWindow(text string) (WindowSpec, error) {
	return WindowSpec{}, errNotImplemented
}

// Window is a WindowSpec resolved to concrete intervals over a span of days.
// It is immutable and safe for concurrent use.
type Window struct {
	spec      WindowSpec
	intervals []Interval
}

// Spec returns the description the window was prepared from.
func (w *Window) Spec() WindowSpec { return w.spec }

// Intervals returns the resolved intervals sorted by From. Callers must not
// modify the slice.
func (w *Window) Intervals() []Interval { return w.intervals }

// Find returns the interval that contains d (the earliest-starting one if
// several overlap). It does no allocation.
func (w *Window) Find(d Date) (Interval, bool) { return Interval{}, false }

// NextStart returns the first day after d on which an interval starts.
func (w *Window) NextStart(d Date) (Date, bool) { return Date{}, false }

// NextEnd returns the last day of the interval containing d, or of the next
// interval after d.
func (w *Window) NextEnd(d Date) (Date, bool) { return Date{}, false }

// Calendar holds precomputed lunar, solar-term and holiday tables. It is
// immutable after New and safe for concurrent use.
type Calendar struct{}

// Option configures New.
type Option func(*Calendar) error

// New builds a calendar with the embedded holiday arrangements.
func New(opts ...Option) (*Calendar, error) { return &Calendar{}, nil }

// HolidayVersion names the holiday data in use, for decision receipts.
func (c *Calendar) HolidayVersion() string { return "" }

// Prepare resolves spec to every interval that overlaps [from, to].
func (c *Calendar) Prepare(spec WindowSpec, from, to Date) (*Window, error) {
	return nil, errNotImplemented
}
