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
	Window    *rules.Window `json:"-"`
	Name      string        `json:"name"`
	Article   string        `json:"article,omitempty"`
	Text      string        `json:"text,omitempty"`
	From      calendar.Date `json:"from"`
	To        calendar.Date `json:"to"`
	Label     string        `json:"label,omitempty"`
	Projected bool          `json:"projected,omitempty"`
	// FromLunar and ToLunar are the lunar dates (九月初六), "" outside the
	// calendar's lunar range.
	FromLunar string `json:"from_lunar,omitempty"`
	ToLunar   string `json:"to_lunar,omitempty"`
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
			var spans []KeyDays
			for _, iv := range b.Engine.Window(w).Intervals() {
				from, to := later(iv.From, n.Effective), earlier(iv.To, n.ValidUntil)
				if from.After(to) || from.After(dec31) || to.Before(jan1) {
					continue
				}
				// A window written as a union (holiday 春节 | festival 除夕 ..
				// festival 元宵) resolves to overlapping parts; a reader
				// wants the days it covers, so they are merged.
				if k := len(spans) - 1; k >= 0 && !from.After(spans[k].To.AddDays(1)) {
					spans[k].To = later(spans[k].To, to)
					spans[k].Label += " | " + iv.Label
					spans[k].Projected = spans[k].Projected || iv.Projected
					continue
				}
				spans = append(spans, KeyDays{Kind: "window", Window: w, Name: w.Name, Article: w.Article, Text: w.Text, From: from, To: to, Label: iv.Label, Projected: iv.Projected})
			}
			yn.Days = append(yn.Days, spans...)
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
			if !b.readsPlaceFact(c) {
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
func (b *Bundle) readsPlaceFact(c *rules.Condition) bool {
	for _, v := range c.Program.Vars {
		if slices.Contains(b.placeFacts, v.Name) {
			return true
		}
	}
	return false
}

func lunarText(cal *calendar.Calendar, d calendar.Date) string {
	l, err := cal.Lunar(d)
	if err != nil {
		return ""
	}
	return l.String()
}

func later(a, b calendar.Date) calendar.Date {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b calendar.Date) calendar.Date {
	if a.Before(b) {
		return a
	}
	return b
}
