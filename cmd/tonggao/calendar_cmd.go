package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tonggao/tonggao/calendar"
)

// calFlags splits args into flags and positional words, so that flags may
// come before or after the words and a window's offsets (-5d, +5d) are
// words, not flags. valueFlags names the flags that take a value.
func calFlags(args []string, valueFlags ...string) (flags, words []string) {
	takesValue := map[string]bool{}
	for _, f := range valueFlags {
		takesValue[f] = true
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' || (a[1] >= '0' && a[1] <= '9') {
			words = append(words, a) // includes -5d..+5d and "-"
			continue
		}
		flags = append(flags, a)
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if takesValue[name] && !hasValue && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, words
}

// calNew builds the calendar, from a holiday-cn directory if one is given.
func calNew(holidayDir string) (*calendar.Calendar, error) {
	if holidayDir == "" {
		return calendar.New()
	}
	return calendar.New(calendar.WithHolidayFS(os.DirFS(holidayDir)))
}

// calParse parses flags; it returns an exit code and false when the
// command should stop (help was asked for, or the flags were bad).
func calParse(fs *flag.FlagSet, flags []string) (int, bool) {
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "tonggao %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return 2, false
	}
	return 0, true
}

func calWriteJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return 1
	}
	return 0
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

// runDate implements "tonggao date [DAY] [--json]": a day's lunar date,
// solar term, festivals and statutory holiday status.
func runDate(args []string, stdout, stderr io.Writer) int {
	return runDateAt(args, stdout, stderr, time.Now)
}

func runDateAt(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fs := flag.NewFlagSet("date", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	holidays := fs.String("holidays", "", "read holiday arrangements from this directory of holiday-cn YYYY.json files instead of the built-in copy")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tonggao date [YYYY-MM-DD | RFC 3339 time] [--json]")
		fmt.Fprintf(stderr, "\nShow a day in China's calendars: lunar date, solar term, festivals, statutory holiday.\nThe day defaults to today in China (UTC+8); lunar data covers %d..%d.\n\nflags:\n", calendar.MinLunarYear, calendar.MaxLunarYear)
		fs.PrintDefaults()
	}
	flags, words := calFlags(args, "holidays")
	if code, ok := calParse(fs, flags); !ok {
		return code
	}
	if len(words) > 1 {
		fmt.Fprintf(stderr, "tonggao date: want one day, got %d arguments\n", len(words))
		return 2
	}
	d := calendar.LocalDay(now())
	if len(words) == 1 {
		var err error
		if d, err = calendar.ParseDate(words[0]); err != nil {
			fmt.Fprintf(stderr, "tonggao date: %v\n", err)
			return 2
		}
	}
	cal, err := calNew(*holidays)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao date: %v\n", err)
		return 2
	}
	l, err := cal.Lunar(d)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao date: %v\n", err)
		return 2
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
	if *asJSON {
		return calWriteJSON(stdout, out)
	}
	fmt.Fprintf(stdout, "%s %s\n", d, weekdayChinese[d.Weekday()])
	fmt.Fprintf(stdout, "农历 %s（%d年）\n", l, l.Year)
	if out.SolarTerm != nil {
		fmt.Fprintf(stdout, "节气 %s %s\n", term.Name, term.Pinyin)
	}
	if len(out.Festivals) > 0 {
		fmt.Fprintf(stdout, "节日 %s\n", strings.Join(out.Festivals, "、"))
	}
	if h := out.Holiday; h != nil {
		what := "放假"
		if !h.Off {
			what = "调休上班"
		}
		fmt.Fprintf(stdout, "假日 %s %s", h.Name, what)
		if h.Projected {
			fmt.Fprint(stdout, "（projected; the official arrangement is not yet published）")
		}
		fmt.Fprintln(stdout)
	}
	return 0
}

// runTerms implements "tonggao terms YEAR [--json]".
func runTerms(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("terms", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tonggao terms YEAR [--json]")
		fmt.Fprintf(stderr, "\nList the 24 solar terms of a year (%d..%d) on their day in China (UTC+8).\n\nflags:\n", calendar.MinLunarYear, calendar.MaxLunarYear)
		fs.PrintDefaults()
	}
	flags, words := calFlags(args)
	if code, ok := calParse(fs, flags); !ok {
		return code
	}
	if len(words) != 1 {
		fmt.Fprintln(stderr, "tonggao terms: want one year, e.g. tonggao terms 2026")
		return 2
	}
	y, err := strconv.Atoi(words[0])
	if err != nil {
		fmt.Fprintf(stderr, "tonggao terms: bad year %q: want a number such as 2026\n", words[0])
		return 2
	}
	cal, err := calendar.New()
	if err != nil {
		fmt.Fprintf(stderr, "tonggao terms: %v\n", err)
		return 1
	}
	ts, err := cal.SolarTerms(y)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao terms: %v\n", err)
		return 2
	}
	if *asJSON {
		return calWriteJSON(stdout, struct {
			Year  int                  `json:"year"`
			Terms []calendar.SolarTerm `json:"terms"`
		}{y, ts})
	}
	for _, t := range ts {
		fmt.Fprintf(stdout, "%s  %s %s\n", t.Date, t.Name, t.Pinyin)
	}
	return 0
}

type intervalJSON struct {
	From      calendar.Date `json:"from"`
	To        calendar.Date `json:"to"`
	Label     string        `json:"label"`
	Projected bool          `json:"projected"`
}

// runWindow implements "tonggao window TEXT [--year Y | --from D --to D]
// [--at D] [--json]".
func runWindow(args []string, stdout, stderr io.Writer) int {
	return runWindowAt(args, stdout, stderr, time.Now)
}

func runWindowAt(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fs := flag.NewFlagSet("window", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	year := fs.Int("year", 0, "resolve the intervals overlapping this year (default: this year in China)")
	fromFlag := fs.String("from", "", "resolve from this day (YYYY-MM-DD), with --to")
	toFlag := fs.String("to", "", "resolve up to this day (YYYY-MM-DD), with --from")
	atFlag := fs.String("at", "", "also say whether this day is inside, and when the window next starts and ends")
	holidays := fs.String("holidays", "", "read holiday arrangements from this directory of holiday-cn YYYY.json files")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tonggao window 'WINDOW' [--year YYYY | --from DAY --to DAY] [--at DAY] [--json]")
		fmt.Fprintln(stderr, "\nResolve a window description to date intervals, e.g.")
		fmt.Fprintln(stderr, "  tonggao window 'solar-term 清明 -5d..+5d' --year 2026")
		fmt.Fprintln(stderr, "  tonggao window 'annual 09-01..04-30 | holiday 国庆' --at 2024-10-03")
		fmt.Fprintln(stderr, "\nflags:")
		fs.PrintDefaults()
	}
	flags, words := calFlags(args, "year", "from", "to", "at", "holidays")
	if code, ok := calParse(fs, flags); !ok {
		return code
	}
	if len(words) == 0 {
		fmt.Fprintln(stderr, "tonggao window: missing window text, e.g. tonggao window 'solar-term 清明 -5d..+5d' --year 2026")
		return 2
	}
	// An unquoted window arrives as several words; spaces between tokens
	// are insignificant, so join them back.
	spec, err := calendar.ParseWindow(strings.Join(words, " "))
	if err != nil {
		fmt.Fprintf(stderr, "tonggao window: %v\n", err)
		return 2
	}

	today := calendar.LocalDay(now())
	var at calendar.Date
	if *atFlag != "" {
		if at, err = calendar.ParseDate(*atFlag); err != nil {
			fmt.Fprintf(stderr, "tonggao window: --at: %v\n", err)
			return 2
		}
	}
	from, to, err := windowSpan(*year, *fromFlag, *toFlag, *atFlag != "", at, today)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao window: %v\n", err)
		return 2
	}
	cal, err := calNew(*holidays)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao window: %v\n", err)
		return 2
	}
	w, err := cal.Prepare(spec, from, to)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao window: %v\n", err)
		return 2
	}

	ivs := []intervalJSON{}
	for _, iv := range w.Intervals() {
		ivs = append(ivs, intervalJSON{iv.From, iv.To, iv.Label, iv.Projected})
	}
	type atJSON struct {
		Date      calendar.Date  `json:"date"`
		Inside    bool           `json:"inside"`
		Interval  *intervalJSON  `json:"interval"`
		NextStart *calendar.Date `json:"next_start"`
		NextEnd   *calendar.Date `json:"next_end"`
	}
	var atOut *atJSON
	if *atFlag != "" {
		atOut = &atJSON{Date: at}
		if iv, ok := w.Find(at); ok {
			atOut.Inside = true
			atOut.Interval = &intervalJSON{iv.From, iv.To, iv.Label, iv.Projected}
		}
		if d, ok := w.NextStart(at); ok {
			atOut.NextStart = &d
		}
		if d, ok := w.NextEnd(at); ok {
			atOut.NextEnd = &d
		}
	}
	if *asJSON {
		return calWriteJSON(stdout, struct {
			Window    string         `json:"window"`
			Intervals []intervalJSON `json:"intervals"`
			At        *atJSON        `json:"at,omitempty"`
		}{spec.String(), ivs, atOut})
	}
	fmt.Fprintf(stdout, "%s  (%s..%s)\n", spec, from, to)
	if len(ivs) == 0 {
		fmt.Fprintln(stdout, "  no intervals")
	}
	for _, iv := range ivs {
		note := ""
		if iv.Projected {
			note = "  (projected; the official arrangement is not yet published)"
		}
		fmt.Fprintf(stdout, "  %s..%s  %s%s\n", iv.From, iv.To, iv.Label, note)
	}
	if atOut != nil {
		if atOut.Inside {
			fmt.Fprintf(stdout, "%s is inside %s\n", at, atOut.Interval.Label)
		} else {
			fmt.Fprintf(stdout, "%s is outside the window\n", at)
		}
		if atOut.NextEnd != nil {
			fmt.Fprintf(stdout, "  in force until %s\n", *atOut.NextEnd)
		}
		if atOut.NextStart != nil {
			fmt.Fprintf(stdout, "  next starts %s\n", *atOut.NextStart)
		}
	}
	return 0
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
