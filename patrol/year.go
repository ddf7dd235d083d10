package patrol

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// Year is what the notices in force during one year say about dates: the
// material of the iCalendar file and the poster.
type Year struct {
	Year    int          `json:"year"`
	Notices []YearNotice `json:"notices"`
	// Bundle, RuleSet and HolidayData identify the data.
	Bundle      string `json:"bundle"`
	RuleSet     string `json:"rule_set"`
	HolidayData string `json:"holiday_data"`
}

// YearNotice is one notice's part of a Year.
type YearNotice struct {
	Notice *rules.Notice `json:"-"`
	Number string        `json:"number"`
	Title  string        `json:"title"`
	// Effective and ValidUntil bound the notice (inclusive).
	Effective  calendar.Date `json:"effective"`
	ValidUntil calendar.Date `json:"valid_until"`
	// Days are the notice's windows that touch the year, each interval
	// clipped to the notice's validity, and its first and last day of
	// validity when they fall in the year, sorted by date.
	Days []KeyDays `json:"days"`
	// Forbidden lists the notice's forbidding rules.
	Forbidden []YearRule `json:"forbidden"`
	// ForbiddenActivities names every activity the prohibitions cover,
	// once each, in rule order: the brief poster lists these.
	ForbiddenActivities []string `json:"forbidden_activities,omitempty"`
	// ForbiddenWindows, when set, are the windows every forbidding rule
	// reads (then the rules' own Windows are empty).
	ForbiddenWindows []string `json:"forbidden_windows,omitempty"`
	// Where lists the notice's named conditions that read a place fact:
	// where its rules apply (the fire-ban zone, the urban area…).
	Where    []YearCondition `json:"where,omitempty"`
	Duties   []YearDuty      `json:"duties,omitempty"`
	Contacts []rules.Contact `json:"contacts"`
}

// KeyDays is a window interval or a single key day.
type KeyDays struct {
	Kind string `json:"kind"` // "window", "effective" or "valid_until"
	// Window is set for Kind "window".
	Window  *rules.Window `json:"-"`
	Name    string        `json:"name"`
	Article string        `json:"article,omitempty"`
	Text    string        `json:"text,omitempty"`
	From    calendar.Date `json:"from"`
	To      calendar.Date `json:"to"`
	// Start and End (exclusive) are the minutes of a window interval with
	// times of day (除夕 12:00 to 初三 12:00); zero for whole days. With
	// Repeat they are the first occurrence's.
	Start calendar.DateTime `json:"start,omitzero"`
	End   calendar.DateTime `json:"end,omitzero"`
	// Repeat is "daily" or "weekly" for a window that recurs (every night
	// 22:00 to 06:00): the occurrence Start..End repeats through the one
	// starting at Last, all within From..To.
	Repeat    string            `json:"repeat,omitempty"`
	Last      calendar.DateTime `json:"last,omitzero"`
	Label     string            `json:"label,omitempty"`
	Projected bool              `json:"projected,omitempty"`
	// FromLunar and ToLunar are the lunar dates (九月初六), "" outside the
	// calendar's lunar range.
	FromLunar string `json:"from_lunar,omitempty"`
	ToLunar   string `json:"to_lunar,omitempty"`
}

// FromText is the span's first day, with its time when it starts within a
// day (2026-02-16 12:00); ToText its last, with the time it ends.
func (k KeyDays) FromText() string {
	if k.Start.IsZero() || k.Repeat != "" {
		return k.From.String()
	}
	return k.From.String() + " " + calendar.ClockText(k.Start.Minute())
}

// ToText: see FromText. An end at midnight is the last day's 24:00.
func (k KeyDays) ToText() string {
	if k.End.IsZero() || k.Repeat != "" {
		return k.To.String()
	}
	m := int(k.End.Sub(k.To.Start()))
	return k.To.String() + " " + calendar.ClockText(m)
}

// RepeatText says when a recurring span holds: 每日22:00—次日06:00,
// 每周五 18:00—周一 08:00; "" for one that does not recur.
func (k KeyDays) RepeatText() string {
	start, end := k.Start.Minute(), k.End.Minute()
	switch k.Repeat {
	case "daily":
		to := calendar.ClockText(end)
		if k.End.Date() != k.Start.Date() {
			if end == 0 {
				to = calendar.ClockText(calendar.MinutesPerDay)
			} else {
				to = texts.nextDay + to
			}
		}
		return fmtString(texts.daily, calendar.ClockText(start), to)
	case "weekly":
		return fmtString(texts.weekly, texts.weekdays[k.Start.Date().Weekday()], calendar.ClockText(start),
			texts.weekdays[k.End.Date().Weekday()], calendar.ClockText(end))
	}
	return ""
}

// YearCondition is a named condition on place. Text is empty when it only
// repeats the text of one of the notice's prohibitions (the poster then
// prints the name alone).
type YearCondition struct {
	Name    string `json:"name"`
	Article string `json:"article,omitempty"`
	Text    string `json:"text,omitempty"`
}

// YearDuty is an obligation the notice puts on officials or patrols.
type YearDuty struct {
	Who     string `json:"who"`
	Article string `json:"article"`
	Text    string `json:"text"`
}

// YearRule is a forbidding rule with the names of what it forbids.
type YearRule struct {
	Article    string   `json:"article"`
	Text       string   `json:"text"`
	Activities []string `json:"activities"`
	// Windows names the notice windows the rule reads.
	Windows []string `json:"windows,omitempty"`
}

// Year collects the windows and key days of the notices in force at some
// time during year: by default the notices with something dated in the
// year (a window interval, the day they take effect or their last day);
// numbers, if given, name the notices instead (document numbers in any
// bracket style), included even with nothing dated that year.
func (b *Bundle) Year(year int, numbers ...string) (*Year, error) {
	jan1, err := calendar.NewDate(year, 1, 1)
	if err != nil {
		return nil, fmt.Errorf("patrol: year %d: %w", year, err)
	}
	dec31 := calendar.MustDate(year, 12, 31)
	set, cal := b.Engine.Rules(), b.Engine.Calendar()
	want := map[string]bool{}
	for _, s := range numbers {
		n, ok := set.Notice(s) // a notice without a number is named by its id
		if !ok {
			num, err := register.ParseNumber(s)
			if err != nil {
				return nil, fmt.Errorf("patrol: notice %q: %w", s, err)
			}
			if n, ok = set.Notice(num.String()); !ok {
				var all []string
				for _, n := range set.Notices {
					all = append(all, n.Key())
				}
				return nil, fmt.Errorf("patrol: notice %s is not in the rule base (it has %s)", num, strings.Join(all, ", "))
			}
		}
		want[n.Key()] = true
	}
	var placeFacts []string
	if b.placeFacts != nil {
		if placeFacts, err = b.placeFacts(); err != nil {
			return nil, fmt.Errorf("patrol: %w", err)
		}
	}
	rec := b.Engine.Receipt()
	y := &Year{Year: year, Notices: []YearNotice{}, Bundle: b.Version, RuleSet: rec.RuleSet, HolidayData: rec.HolidayData}
	for _, n := range set.Notices {
		if len(want) > 0 && !want[n.Key()] {
			continue
		}
		if n.Effective.After(dec31) || n.ValidUntil.Before(jan1) {
			continue
		}
		yn := YearNotice{Notice: n, Number: n.Number, Title: n.Title, Effective: n.Effective, ValidUntil: n.ValidUntil, Contacts: n.Contacts}
		for _, du := range n.Duties {
			yn.Duties = append(yn.Duties, YearDuty{Who: du.Who, Article: du.Article, Text: du.Text})
		}
		for _, w := range n.Windows {
			yn.Days = append(yn.Days, windowDays(n, w, b.Engine.Window(w), jan1, dec31)...)
		}
		if !n.Effective.Before(jan1) {
			yn.Days = append(yn.Days, KeyDays{Kind: "effective", Name: texts.effective, Article: n.ValidityArticle, Text: n.ValidityText, From: n.Effective, To: n.Effective})
		}
		if !n.ValidUntil.After(dec31) && !n.UntilRepealed {
			yn.Days = append(yn.Days, KeyDays{Kind: "valid_until", Name: texts.validUntil, Article: n.ValidityArticle, Text: n.ValidityText, From: n.ValidUntil, To: n.ValidUntil})
		}
		slices.SortStableFunc(yn.Days, func(a, b KeyDays) int { return a.From.Compare(b.From) })
		for i := range yn.Days {
			yn.Days[i].FromLunar, yn.Days[i].ToLunar = lunarText(cal, yn.Days[i].From), lunarText(cal, yn.Days[i].To)
		}
		for _, r := range n.Rules {
			if r.Effect != rules.Forbid {
				continue
			}
			yr := YearRule{Article: r.Article, Text: r.Text}
			for _, a := range r.Activities {
				yr.Activities = append(yr.Activities, a.Name)
			}
			for _, w := range n.Windows {
				if slices.Contains(r.Program.Vars, w.Var) {
					yr.Windows = append(yr.Windows, w.Name)
				}
			}
			// Rules split by activity often share one sentence; the poster
			// prints it once.
			if k := slices.IndexFunc(yn.Forbidden, func(o YearRule) bool { return o.Article == yr.Article && o.Text == yr.Text }); k >= 0 {
				for _, a := range yr.Activities {
					if !slices.Contains(yn.Forbidden[k].Activities, a) {
						yn.Forbidden[k].Activities = append(yn.Forbidden[k].Activities, a)
					}
				}
				continue
			}
			yn.Forbidden = append(yn.Forbidden, yr)
		}
		for _, r := range yn.Forbidden {
			for _, a := range r.Activities {
				if !slices.Contains(yn.ForbiddenActivities, a) {
					yn.ForbiddenActivities = append(yn.ForbiddenActivities, a)
				}
			}
		}
		// When every prohibition reads the same windows (the fire ban's
		// six 严禁), they are named once for the notice.
		if len(yn.Forbidden) > 1 && len(yn.Forbidden[0].Windows) > 0 && !slices.ContainsFunc(yn.Forbidden, func(r YearRule) bool { return !slices.Equal(r.Windows, yn.Forbidden[0].Windows) }) {
			yn.ForbiddenWindows = yn.Forbidden[0].Windows
			for i := range yn.Forbidden {
				yn.Forbidden[i].Windows = nil
			}
		}
		if len(want) == 0 && len(yn.Days) == 0 {
			continue // nothing dated in this year
		}
		for _, c := range n.Conditions {
			if !readsPlaceFact(c, placeFacts) {
				continue
			}
			yc := YearCondition{Name: c.Name, Article: c.Article, Text: c.Text}
			if slices.ContainsFunc(yn.Forbidden, func(r YearRule) bool { return strings.Contains(r.Text, strings.TrimSpace(c.Text)) }) {
				yc.Text = ""
			}
			yn.Where = append(yn.Where, yc)
		}
		y.Notices = append(y.Notices, yn)
	}
	return y, nil
}

// readsPlaceFact reports a condition that reads a fact of the layers'
// manifest (the bundle's layers, else its rules'): a condition on where.
func readsPlaceFact(c *rules.Condition, placeFacts []string) bool {
	for _, v := range c.Program.Vars {
		if slices.Contains(placeFacts, v.Name) {
			return true
		}
	}
	return false
}

// windowDays are the spans of window w (resolved as cw) within notice
// n's validity that touch the days jan1..dec31. A window written as a
// union (holiday 春节 | festival 除夕 .. festival 元宵) resolves to
// overlapping parts; a reader wants the time it covers, so parts that
// overlap or touch are merged, to the minute. The nights or weeks of a
// daily or weekly window are one span each run, with Repeat.
func windowDays(n *rules.Notice, w *rules.Window, cw *calendar.Window, jan1, dec31 calendar.Date) []KeyDays {
	validFrom, validTo := n.Effective.Start(), n.ValidUntil.AddDays(1).Start()
	var spans []KeyDays
	for _, iv := range cw.Intervals() {
		start, end := laterTime(iv.Start(), validFrom), earlierTime(iv.End(), validTo)
		if !end.After(start) || start.Date().After(dec31) || end.Add(-1).Date().Before(jan1) {
			continue
		}
		if k := len(spans) - 1; k >= 0 && !start.After(spans[k].End) {
			spans[k].End = laterTime(spans[k].End, end)
			spans[k].Label += " | " + iv.Label
			spans[k].Projected = spans[k].Projected || iv.Projected
			continue
		}
		spans = append(spans, KeyDays{Kind: "window", Window: w, Name: w.Name, Article: w.Article, Text: w.Text, Start: start, End: end, Label: iv.Label, Projected: iv.Projected})
	}
	if cw.Recurring() {
		spans = runs(spans)
	}
	for i := range spans {
		sp := &spans[i]
		sp.From, sp.To = sp.Start.Date(), sp.End.Add(-1).Date()
		if sp.Repeat != "" {
			sp.To = sp.Last.Add(int(sp.End.Sub(sp.Start)) - 1).Date()
		}
		if sp.Start.Minute() == 0 && sp.End.Minute() == 0 && sp.Repeat == "" {
			sp.Start, sp.End = calendar.DateTime{}, calendar.DateTime{} // whole days
		}
	}
	return spans
}

// runs joins spans that repeat a day or a week apart, with the same length
// and label, into one span with Repeat.
func runs(spans []KeyDays) []KeyDays {
	var out []KeyDays
	for i := 0; i < len(spans); {
		sp := spans[i]
		j := i + 1
		var period int64
		for j < len(spans) {
			d := spans[j].Start.Sub(spans[j-1].Start)
			if (d != calendar.MinutesPerDay && d != 7*calendar.MinutesPerDay) || (period != 0 && d != period) ||
				spans[j].End.Sub(spans[j].Start) != sp.End.Sub(sp.Start) || spans[j].Label != sp.Label || spans[j].Projected != sp.Projected {
				break
			}
			period = d
			j++
		}
		if j-i > 1 {
			sp.Repeat, sp.Last = map[int64]string{calendar.MinutesPerDay: "daily", 7 * calendar.MinutesPerDay: "weekly"}[period], spans[j-1].Start
		}
		out = append(out, sp)
		i = j
	}
	return out
}

func laterTime(a, b calendar.DateTime) calendar.DateTime {
	if a.After(b) {
		return a
	}
	return b
}

func earlierTime(a, b calendar.DateTime) calendar.DateTime {
	if a.Before(b) {
		return a
	}
	return b
}

func lunarText(cal *calendar.Calendar, d calendar.Date) string {
	l, err := cal.Lunar(d)
	if err != nil {
		return ""
	}
	return l.String()
}
