package patrol

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// Here is what applies at one place on one day, for the patrol screen: the
// engine's answer (every restricted activity grouped by notice, the
// windows in force, the duties on officials and patrols, the contacts) and
// the bundle it was decided with.
type Here struct {
	*engine.Here
	// Bundle is the version of the bundle the answer comes from; the
	// receipt names the rule set and holiday data inside it.
	Bundle string `json:"bundle"`
	// Feed is, when the bundle carries a conditions feed, its digest, when
	// its newest daily level was published and how many days before the
	// day asked about: offline, the last published level is all there is.
	Feed *FeedAge `json:"feed,omitempty"`
}

// FeedAge is the conditions feed a bundle carries, as of a day.
type FeedAge struct {
	Digest string    `json:"digest"`
	Issued time.Time `json:"issued"`
	// Days from the day the level Text names was issued (China's; without
	// one, the feed's newest daily level) to the day asked about.
	Days int `json:"days"`
	// Text says the day's level and its age plainly: "据7月14日发布的森林
	// 火险气象等级，白水镇7月14日为4，已过0天。", or that the feed has no
	// level for the day, the last it has and how old it is.
	Text string `json:"text,omitempty"`
}

// Here answers for q's place (q.Point, or place facts in q.Facts) and day.
// q.Activity is ignored.
func (b *Bundle) Here(q engine.Query) (*Here, error) {
	if q.Point != nil && b.Layers == nil {
		return nil, errors.New("patrol: a point needs a bundle with place layers; give place facts instead")
	}
	h, err := b.Engine.Here(q)
	if err != nil {
		return nil, err
	}
	return &Here{Here: h, Bundle: b.Version, Feed: feedAge(b.Engine, h)}, nil
}

// feedAge is the engine's feed's age on h's day and what it says of the
// day's level (the first fact published daily the feed has a note on).
func feedAge(e *engine.Engine, h *engine.Here) *FeedAge {
	x := e.Feed()
	if x == nil {
		return nil
	}
	issued := x.DailyIssued()
	if issued.IsZero() {
		issued = x.Feed().Issued()
	}
	age := &FeedAge{Digest: x.Feed().Digest(), Issued: issued}
	if !issued.IsZero() {
		age.Days = h.Date.Sub(calendar.LocalDay(issued))
	}
	md := func(s string) (int, int) {
		d, err := calendar.ParseDate(strings.SplitN(s, " ", 2)[0])
		if err != nil {
			return 0, 0
		}
		_, m, day := d.Date()
		return int(m), day
	}
	_, hm, hd := h.Date.Date()
	for _, n := range h.Published {
		switch n.Code {
		case "published":
			if n.Args["counted_from"] != "" || n.Args["date"] != h.Date.String() {
				continue // a count, a standing class
			}
			im, id := md(n.Args["issued"])
			age.Days = h.Date.Sub(dayOf(n.Args["issued"], h.Date))
			age.Text = fmtString(texts.feedValue, im, id, n.Args["label"], n.Args["place"], hm, hd, n.Args["value"], age.Days)
		case "published_stale":
			lm, ld := md(n.Args["last"])
			im, id := md(n.Args["issued"])
			age.Days = h.Date.Sub(dayOf(n.Args["issued"], h.Date))
			age.Text = fmtString(texts.feedStale, n.Args["place"], hm, hd, n.Args["label"], lm, ld, im, id, age.Days)
		default:
			continue
		}
		break
	}
	return age
}

// dayOf is the day of a note's "2025-07-14 08:00", or def.
func dayOf(s string, def calendar.Date) calendar.Date {
	d, err := calendar.ParseDate(strings.SplitN(s, " ", 2)[0])
	if err != nil {
		return def
	}
	return d
}

// Decide is the engine's decision with the bundle version beside it.
func (b *Bundle) Decide(q engine.Query) (*Decision, error) {
	if q.Point != nil && b.Layers == nil {
		return nil, errors.New("patrol: a point needs a bundle with place layers; give place facts instead")
	}
	d, err := b.Engine.Decide(q)
	if err != nil {
		return nil, err
	}
	return &Decision{Decision: d, Bundle: b.Version}, nil
}

// Decision is an engine decision and the bundle version it was made with.
type Decision struct {
	*engine.Decision
	Bundle string `json:"bundle"`
}

// Interval is a run of days with one verdict, or, where a window has
// times of day, a run of minutes: Start to End (exclusive), on the days
// From..To; Start and End are zero for whole days.
type Interval struct {
	From    calendar.Date     `json:"from"`
	To      calendar.Date     `json:"to"`
	Start   calendar.DateTime `json:"start,omitzero"`
	End     calendar.DateTime `json:"end,omitzero"`
	Verdict engine.Verdict    `json:"verdict"`
	// Windows names the notice windows in force on From, e.g.
	// "禁火期（一般森林防火区）"; the verdict rests on them.
	Windows []string `json:"windows,omitempty"`
	// UnknownFacts are the facts a conditional verdict depends on.
	UnknownFacts []string `json:"unknown_facts,omitempty"`
}

// ActivityTimeline is one activity's verdicts over a date range.
type ActivityTimeline struct {
	Activity  engine.ActivityRef `json:"activity"`
	Intervals []Interval         `json:"intervals"`
}

// Timeline returns, for each activity (ids, names or synonyms), the
// intervals of days in [from, to] with one verdict at q's place (q.Day and
// q.At are ignored); where a window has times of day, intervals start and
// end at those minutes. Only the moments the engine names as changes
// (ChangeTimes) are decided, so a year costs a handful of decisions per
// activity (two a day under a nightly ban). "What changes this month" is
// every interval boundary; "when may I next…" is NextNotForbidden.
func (b *Bundle) Timeline(q engine.Query, activities []string, from, to calendar.Date) ([]ActivityTimeline, error) {
	if to.Before(from) {
		return nil, fmt.Errorf("patrol: timeline from %s to %s: the end is before the start", from, to)
	}
	if q.Point != nil && b.Layers == nil {
		return nil, errors.New("patrol: a point needs a bundle with place layers; give place facts instead")
	}
	out := make([]ActivityTimeline, 0, len(activities))
	for _, name := range activities {
		first, last := from.Start(), to.AddDays(1).Start() // [first, last)
		times, err := b.Engine.ChangeTimes(name, first, last.Add(-1))
		if err != nil {
			return nil, err
		}
		starts := append([]calendar.DateTime{first}, times...)
		var tl ActivityTimeline
		for i, t := range starts {
			q.Activity = name
			q.SetMoment(calendar.TimeMoment(t))
			dec, err := b.Engine.Decide(q)
			if err != nil {
				return nil, err
			}
			tl.Activity = dec.Activity()
			end := last
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			iv := Interval{From: t.Date(), To: end.Add(-1).Date(), Start: t, End: end, Verdict: dec.Verdict, UnknownFacts: dec.UnknownFacts(), Windows: windowNames(dec)}
			// Neighbouring segments with one verdict are one interval for
			// the reader, even if a window changed underneath.
			if n := len(tl.Intervals); n > 0 && tl.Intervals[n-1].Verdict == iv.Verdict && equalStrings(tl.Intervals[n-1].UnknownFacts, iv.UnknownFacts) {
				tl.Intervals[n-1].To, tl.Intervals[n-1].End = iv.To, iv.End
				continue
			}
			tl.Intervals = append(tl.Intervals, iv)
		}
		// Whole days are written as days.
		for k := range tl.Intervals {
			if iv := &tl.Intervals[k]; iv.Start.Minute() == 0 && iv.End.Minute() == 0 {
				iv.Start, iv.End = calendar.DateTime{}, calendar.DateTime{}
			}
		}
		out = append(out, tl)
	}
	return out, nil
}

// NextNotForbidden returns the first day on or after day on which the
// activity is not forbidden, and that interval: its verdict may be
// no_rule (nothing in force covers it — not a permission) or conditional.
// ok is false if it stays forbidden to the timeline's end.
func (t ActivityTimeline) NextNotForbidden(day calendar.Date) (calendar.Date, Interval, bool) {
	for _, iv := range t.Intervals {
		if iv.To.Before(day) || iv.Verdict == engine.Forbidden {
			continue
		}
		start := iv.From
		if start.Before(day) {
			start = day
		}
		return start, iv, true
	}
	return calendar.Date{}, Interval{}, false
}

func windowNames(d *engine.Decision) []string {
	var out []string
	for _, r := range d.Reasons() {
		for _, w := range r.Windows {
			if !containsString(out, w.Name) {
				out = append(out, w.Name)
			}
		}
	}
	return out
}

func containsString(xs []string, s string) bool { return slices.Contains(xs, s) }

func equalStrings(a, b []string) bool { return slices.Equal(a, b) }
