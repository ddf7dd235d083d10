package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/calendar"
)

// calNew builds the calendar, from a holiday-cn directory if one is given.
func calNew(holidayDir string) (*calendar.Calendar, error) {
	if holidayDir == "" {
		return calendar.New()
	}
	return calendar.New(calendar.WithHolidayFS(os.DirFS(holidayDir)))
}

// dateJSON is the --json shape of "tonggao date".
type dateJSON struct {
	Date      calendar.Date        `json:"date"`
	Lunar     lunarJSON            `json:"lunar"`
	SolarTerm *string              `json:"solar_term"`
	Festivals []string             `json:"festivals"`
	Holiday   *calendar.HolidayDay `json:"holiday"`
}

type lunarJSON struct {
	Year  int    `json:"year"`
	Month int    `json:"month"`
	Day   int    `json:"day"`
	Leap  bool   `json:"leap"`
	Text  string `json:"text"`
}

var weekdayChinese = [7]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// dateCmd is "tonggao date [DAY]": a day's lunar date, solar term,
// festivals and statutory holiday status.
func (a *app) dateCmd() *cobra.Command {
	var (
		asJSON   bool
		holidays string
	)
	cmd := &cobra.Command{
		Use:     "date [YYYY-MM-DD | RFC 3339 time]",
		GroupID: groupCalendar,
		Short:   "Show a day in China's calendars (lunar date, solar term, holiday)",
		Long: fmt.Sprintf(`Show a day in China's calendars: lunar date, solar term, festivals, statutory
holiday. The day defaults to today in China (UTC+8); lunar data covers %d..%d.`, calendar.MinLunarYear, calendar.MaxLunarYear),
		Example: `  tonggao date 2024-10-08
  tonggao date 2025-01-28 --json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("want one day, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			d := calendar.LocalDay(a.now())
			if len(args) == 1 {
				m, err := calendar.ParseMoment(args[0])
				if err != nil {
					return badInput("bad_date", err)
				}
				d = m.Day()
			}
			cal, err := calNew(holidays)
			if err != nil {
				return badInput("bad_holidays", err)
			}
			l, err := cal.Lunar(d)
			if err != nil {
				return err
			}
			out := dateJSON{
				Date:      d,
				Lunar:     lunarJSON{Year: l.Year, Month: l.Month, Day: l.Day, Leap: l.Leap, Text: l.String()},
				Festivals: cal.FestivalsOn(d),
			}
			var term calendar.SolarTerm
			if t, ok := cal.SolarTermOn(d); ok {
				term = t
				out.SolarTerm = &t.Name
			}
			if h, ok := cal.Holiday(d); ok {
				out.Holiday = &h
			}
			if asJSON {
				return writeJSON(a.stdout, out, false)
			}
			w := a.stdout
			fmt.Fprintf(w, "%s %s\n", d, weekdayChinese[d.Weekday()])
			fmt.Fprintf(w, "农历 %s（%d年）\n", l, l.Year)
			if out.SolarTerm != nil {
				fmt.Fprintf(w, "节气 %s %s\n", term.Name, term.Pinyin)
			}
			if len(out.Festivals) > 0 {
				fmt.Fprintf(w, "节日 %s\n", strings.Join(out.Festivals, "、"))
			}
			if h := out.Holiday; h != nil {
				what := "放假"
				if !h.Off {
					what = "调休上班"
				}
				fmt.Fprintf(w, "假日 %s %s", h.Name, what)
				if h.Projected {
					fmt.Fprint(w, "（projected; the official arrangement is not yet published）")
				}
				fmt.Fprintln(w)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&holidays, "holidays", "", "read holiday arrangements from the directory `DIR` of holiday-cn YYYY.json files instead of the built-in copy")
	return cmd
}

// termsCmd is "tonggao terms YEAR".
func (a *app) termsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "terms YEAR",
		GroupID: groupCalendar,
		Short:   "List the 24 solar terms of a year",
		Long:    fmt.Sprintf("List the 24 solar terms of a year (%d..%d) on their day in China (UTC+8).", calendar.MinLunarYear, calendar.MaxLunarYear),
		Example: "  tonggao terms 2026 --json",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf("want one year, e.g. tonggao terms 2026")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			y, err := strconv.Atoi(args[0])
			if err != nil {
				return usageErrorf("bad year %q: want a number such as 2026", args[0])
			}
			cal, err := calendar.New()
			if err != nil {
				return failed("calendar", err)
			}
			ts, err := cal.SolarTerms(y)
			if err != nil {
				return badInput("date_out_of_range", err)
			}
			if asJSON {
				return writeJSON(a.stdout, struct {
					Year  int                  `json:"year"`
					Terms []calendar.SolarTerm `json:"terms"`
				}{y, ts}, false)
			}
			for _, t := range ts {
				fmt.Fprintf(a.stdout, "%s  %s %s\n", t.Date, t.Name, t.Pinyin)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

type intervalJSON struct {
	From calendar.Date `json:"from"`
	To   calendar.Date `json:"to"`
	// Start and End (exclusive) bound an interval with times of day.
	Start     *calendar.DateTime `json:"start,omitempty"`
	End       *calendar.DateTime `json:"end,omitempty"`
	Label     string             `json:"label"`
	Projected bool               `json:"projected"`
}

func intervalOut(iv calendar.Interval) intervalJSON {
	out := intervalJSON{From: iv.From, To: iv.To, Label: iv.Label, Projected: iv.Projected}
	if iv.Clocked() {
		start, end := iv.Start(), iv.End()
		out.Start, out.End = &start, &end
	}
	return out
}

// text writes the interval's days, or its minutes.
func (iv intervalJSON) text() string {
	if iv.Start != nil {
		return minuteText(*iv.Start) + ".." + minuteText(*iv.End)
	}
	return iv.From.String() + ".." + iv.To.String()
}

// minuteText writes a minute as "2026-06-07 23:00", China time.
func minuteText(t calendar.DateTime) string {
	return t.Date().String() + " " + calendar.ClockText(t.Minute())
}

// windowCmd is "tonggao window TEXT": a window description resolved to
// date intervals. Its words may start with a dash (-5d..+5d), so it parses
// its own flags.
func (a *app) windowCmd() *cobra.Command {
	var (
		asJSON                   bool
		year                     int
		fromFlag, toFlag, atFlag string
		holidays                 string
	)
	cmd := &cobra.Command{
		Use:     "window 'WINDOW' [flags]",
		GroupID: groupCalendar,
		Short:   "Resolve a window description to date intervals",
		Long: `Resolve a window description (the when: of a rule) to date intervals, and
with --at say whether a day (or a minute) is inside and when the window next
starts and ends. Offsets such as -5d..+5d are words of the window, not flags.`,
		Example: `  tonggao window 'solar-term 清明 -5d..+5d' --year 2026
  tonggao window 'annual 09-01..04-30 | holiday 国庆' --at 2024-10-03
  tonggao window 'daily 22:00..06:00' --at 2026-06-07T23:00+08:00 --json`,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			words, done, err := parseInterspersed(cmd, args)
			if done || err != nil {
				return err
			}
			if len(words) == 0 {
				return usageErrorf("missing window text, e.g. tonggao window 'solar-term 清明 -5d..+5d' --year 2026")
			}
			// An unquoted window arrives as several words; spaces between
			// tokens are insignificant, so join them back.
			spec, err := calendar.ParseWindow(strings.Join(words, " "))
			if err != nil {
				return badInput("bad_window", err)
			}
			return a.window(spec, year, fromFlag, toFlag, atFlag, holidays, asJSON)
		},
	}
	fs := cmd.Flags()
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	fs.IntVar(&year, "year", 0, "resolve the intervals overlapping this `year` (default: this year in China)")
	fs.StringVar(&fromFlag, "from", "", "resolve from this `DAY` (YYYY-MM-DD), with --to")
	fs.StringVar(&toFlag, "to", "", "resolve up to this `DAY` (YYYY-MM-DD), with --from")
	fs.StringVar(&atFlag, "at", "", "also say whether this `TIME` (a day, \"YYYY-MM-DD HH:MM\" China time, or RFC 3339) is inside, and when the window next starts and ends")
	fs.StringVar(&holidays, "holidays", "", "read holiday arrangements from the directory `DIR` of holiday-cn YYYY.json files")
	return cmd
}

// window resolves spec and prints it.
func (a *app) window(spec calendar.WindowSpec, year int, fromFlag, toFlag, atFlag, holidays string, asJSON bool) error {
	var err error
	today := calendar.LocalDay(a.now())
	var when calendar.Moment
	if atFlag != "" {
		if when, err = calendar.ParseMoment(atFlag); err != nil {
			return badInput("bad_date", fmt.Errorf("--at: %w", err))
		}
	}
	at := when.Day()
	from, to, err := windowSpan(year, fromFlag, toFlag, atFlag != "", at, today)
	if err != nil {
		return badInput("bad_date", err)
	}
	cal, err := calNew(holidays)
	if err != nil {
		return badInput("bad_holidays", err)
	}
	w, err := cal.Prepare(spec, from, to)
	if err != nil {
		return badInput("bad_window", err)
	}

	ivs := []intervalJSON{}
	for _, iv := range w.Intervals() {
		ivs = append(ivs, intervalOut(iv))
	}
	// With a day: is some part of it inside, and the next start and end
	// as days. With a minute: is it inside, until when (the minute the
	// window lapses) and when it next starts, as minutes (and their days).
	type atJSON struct {
		Date      calendar.Date      `json:"date"`
		Time      *calendar.DateTime `json:"time,omitempty"`
		Inside    bool               `json:"inside"`
		Interval  *intervalJSON      `json:"interval"`
		NextStart *calendar.Date     `json:"next_start"`
		NextEnd   *calendar.Date     `json:"next_end"`
		Until     *calendar.DateTime `json:"until,omitempty"`
		StartsAt  *calendar.DateTime `json:"next_start_at,omitempty"`
		// Hours, for a day asked about and a window with times of day,
		// are the parts of the day inside it (00:00..06:00, 22:00..24:00).
		Hours []hoursJSON `json:"hours,omitempty"`
	}
	var atOut *atJSON
	if t, ok := when.DateTime(); atFlag != "" && ok {
		atOut = &atJSON{Date: at, Time: &t}
		if iv, ok := w.FindTime(t); ok {
			atOut.Inside = true
			out := intervalOut(iv)
			atOut.Interval = &out
		}
		if s, ok := w.NextStartTime(t); ok {
			d := s.Date()
			atOut.StartsAt, atOut.NextStart = &s, &d
		}
		if e, ok := w.NextEndTime(t); ok {
			d := e.Add(-1).Date()
			atOut.Until, atOut.NextEnd = &e, &d
		}
	} else if atFlag != "" {
		atOut = &atJSON{Date: at}
		if iv, ok := w.Find(at); ok {
			atOut.Inside = true
			out := intervalOut(iv)
			atOut.Interval = &out
		}
		if d, ok := w.NextStart(at); ok {
			atOut.NextStart = &d
		}
		if d, ok := w.NextEnd(at); ok {
			atOut.NextEnd = &d
		}
		atOut.Hours = dayHours(w, at)
	}
	if asJSON {
		return writeJSON(a.stdout, struct {
			Window    string         `json:"window"`
			Intervals []intervalJSON `json:"intervals"`
			At        *atJSON        `json:"at,omitempty"`
		}{spec.String(), ivs, atOut}, false)
	}
	fmt.Fprintf(a.stdout, "%s  (%s..%s)\n", spec, from, to)
	if len(ivs) == 0 {
		fmt.Fprintln(a.stdout, "  no intervals")
	}
	for _, iv := range ivs {
		note := ""
		if iv.Projected {
			note = "  (projected; the official arrangement is not yet published)"
		}
		fmt.Fprintf(a.stdout, "  %s  %s%s\n", iv.text(), iv.Label, note)
	}
	if atOut != nil {
		asked := at.String()
		if atOut.Time != nil {
			asked = minuteText(*atOut.Time)
		}
		switch {
		case atOut.Inside && len(atOut.Hours) > 0:
			var hours []string
			for _, h := range atOut.Hours {
				hours = append(hours, h.From+".."+h.To)
			}
			fmt.Fprintf(a.stdout, "%s is inside %s from %s\n", asked, atOut.Interval.Label, strings.Join(hours, " and "))
		case atOut.Inside:
			fmt.Fprintf(a.stdout, "%s is inside %s\n", asked, atOut.Interval.Label)
		default:
			fmt.Fprintf(a.stdout, "%s is outside the window\n", asked)
		}
		// "until" is the end of the interval the moment is in, or else of
		// the next one.
		until := "in force until"
		if !atOut.Inside {
			until = "next ends"
		}
		var ends, starts string
		switch {
		case atOut.Until != nil:
			ends = fmt.Sprintf("  %s %s\n", until, minuteText(*atOut.Until))
		case atOut.Inside && atOut.Interval.End != nil && len(atOut.Hours) == 0:
			ends = fmt.Sprintf("  %s %s\n", until, minuteText(*atOut.Interval.End))
		case atOut.NextEnd != nil && len(atOut.Hours) == 0:
			ends = fmt.Sprintf("  %s %s\n", until, *atOut.NextEnd)
		}
		switch {
		case atOut.StartsAt != nil:
			starts = fmt.Sprintf("  next starts %s\n", minuteText(*atOut.StartsAt))
		case atOut.NextStart != nil:
			starts = fmt.Sprintf("  next starts %s\n", *atOut.NextStart)
		}
		if atOut.Inside {
			fmt.Fprint(a.stdout, ends, starts)
		} else {
			fmt.Fprint(a.stdout, starts, ends)
		}
	}
	return nil
}

type hoursJSON struct {
	From string `json:"from"` // HH:MM
	To   string `json:"to"`   // HH:MM, 24:00 for the end of the day
}

// dayHours are the parts of day inside a window with times of day, nil
// when it has none or covers the whole day.
func dayHours(w *calendar.Window, day calendar.Date) []hoursJSON {
	first, last := day.Start(), day.AddDays(1).Start()
	var out []hoursJSON
	for _, iv := range w.Intervals() {
		if !iv.Clocked() || !iv.End().After(first) || !iv.Start().Before(last) {
			continue
		}
		from, to := max(iv.Start().Sub(first), 0), min(iv.End().Sub(first), calendar.MinutesPerDay)
		if n := len(out); n > 0 && out[n-1].To == calendar.ClockText(int(from)) {
			out[n-1].To = calendar.ClockText(int(to))
			continue
		}
		out = append(out, hoursJSON{From: calendar.ClockText(int(from)), To: calendar.ClockText(int(to))})
	}
	if len(out) == 1 && out[0].From == "00:00" && out[0].To == "24:00" {
		return nil
	}
	return out
}

// windowSpan picks the days to resolve: --from/--to, else --year, else a
// span around --at, else this year.
func windowSpan(year int, fromS, toS string, hasAt bool, at, today calendar.Date) (calendar.Date, calendar.Date, error) {
	if (fromS == "") != (toS == "") {
		return calendar.Date{}, calendar.Date{}, errors.New("--from and --to go together")
	}
	if fromS != "" {
		if year != 0 {
			return calendar.Date{}, calendar.Date{}, errors.New("give --year or --from/--to, not both")
		}
		from, err := calendar.ParseDate(fromS)
		if err != nil {
			return calendar.Date{}, calendar.Date{}, fmt.Errorf("--from: %w", err)
		}
		to, err := calendar.ParseDate(toS)
		if err != nil {
			return calendar.Date{}, calendar.Date{}, fmt.Errorf("--to: %w", err)
		}
		return from, to, nil
	}
	if year == 0 {
		if hasAt {
			// Far enough ahead to see the next start and end.
			y := at.Year()
			return calYear(max(y-1, calendar.MinYear), min(y+1, calendar.MaxYear))
		}
		year = today.Year()
	}
	return calYear(year, year)
}

func calYear(y1, y2 int) (calendar.Date, calendar.Date, error) {
	from, err := calendar.NewDate(y1, 1, 1)
	if err != nil {
		return calendar.Date{}, calendar.Date{}, fmt.Errorf("--year: %w", err)
	}
	to, err := calendar.NewDate(y2, 12, 31)
	if err != nil {
		return calendar.Date{}, calendar.Date{}, fmt.Errorf("--year: %w", err)
	}
	return from, to, nil
}
