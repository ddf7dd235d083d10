package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/tonggao/tonggao/calendar"
)

// newCmd is "tonggao new": scaffolds for rule-directory files.
func (a *app) newCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "new",
		GroupID: groupData,
		Short:   "Scaffold rule-directory files (new notice)",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageErrorf("want a subcommand: new notice")
		},
	}
	cmd.AddCommand(a.newNoticeCmd())
	return cmd
}

// The id patterns are compiled on first use: every command runs the
// package initialisers (docs/speed.md).
var (
	idPattern     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_-]+$`) })
	windowIDRegex = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`) })
)

type newWindow struct {
	id   string
	spec calendar.WindowSpec
}

// newNoticeCmd is "tonggao new notice DIR NAME": a notice file and its
// cases file, the cases stubbed at every edge of every window.
func (a *app) newNoticeCmd() *cobra.Command {
	var (
		number, id, title, issuer, effective, validUntil string
		appliesIn, windows                               []string
	)
	cmd := &cobra.Command{
		Use:   "notice DIR NAME [flags]",
		Short: "Scaffold a notice file and its cases, stubbed at every window edge",
		Long: `Write DIR/notices/NAME.yaml and DIR/notices/NAME.cases.yaml: the notice's
identity from the flags, each --window ID='WHEN' (calendar window syntax), and
for every part of every window the cases at its edges in its first year — the
day (or, for clock times, the minute) before it starts, its first and last day
(minute), and the first after it ends — each with "want: TODO" to fill in from
the notice's words. Existing files are never overwritten. The files fail
"tonggao test" until every TODO is replaced.

Exit status 0 when the files were written, 1 when they could not be, 2 on bad
usage (a bad window, date or id, or a file that exists).`,
		Example: `  tonggao new notice examples/notices/qiantang hz-qiantang-2025-fishing-ban \
    --id hz-qiantang-2025-fishing-ban --title 杭州市钱塘区关于实行禁渔期的通告 \
    --issuer 杭州市钱塘区农业农村局 --applies-in 330114 --effective 2025-03-01 \
    --window 'ban_season=annual 03-01 00:00 .. 06-30 24:00'`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageErrorf("want DIR and NAME, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			dir, name := args[0], args[1]
			if !idPattern().MatchString(name) {
				return usageErrorf("NAME %q: want letters, digits, - and _", name)
			}
			if (number == "") == (id == "") && number == "" {
				return usageErrorf("give --number (文号 as printed) or --id (a notice without one)")
			}
			if id != "" && !idPattern().MatchString(id) {
				return usageErrorf("--id %q: want letters, digits, - and _", id)
			}
			if title == "" || issuer == "" || effective == "" {
				return usageErrorf("--title, --issuer and --effective are required")
			}
			from, err := calendar.ParseDate(effective)
			if err != nil {
				return badInput("bad_date", fmt.Errorf("--effective: %w", err))
			}
			to := from.AddDays(364) // one year: a yearly window's first occurrence only
			if validUntil != "" {
				if to, err = calendar.ParseDate(validUntil); err != nil {
					return badInput("bad_date", fmt.Errorf("--valid-until: %w", err))
				}
			}
			var ws []newWindow
			for _, w := range windows {
				wid, when, ok := strings.Cut(w, "=")
				wid, when = strings.TrimSpace(wid), strings.TrimSpace(when)
				if !ok || !windowIDRegex().MatchString(wid) {
					return usageErrorf("--window %q: want ID=WHEN, e.g. ban_season='annual 03-01..06-30'", w)
				}
				spec, err := calendar.ParseWindow(when)
				if err != nil {
					return badInput("bad_window", err)
				}
				ws = append(ws, newWindow{wid, spec})
			}
			cal, err := calendar.New()
			if err != nil {
				return failed("calendar", err)
			}
			key := number
			if key == "" {
				key = id
			}
			ref := schemaRef(filepath.Join(dir, "notices"))
			notice := noticeScaffold(ref, number, id, title, issuer, appliesIn, effective, validUntil, ws)
			cases, err := casesScaffold(ref, cal, key, ws, from, to)
			if err != nil {
				return badInput("bad_window", err)
			}
			base := filepath.Join(dir, "notices", name)
			for _, f := range []string{base + ".yaml", base + ".cases.yaml"} {
				if _, err := os.Stat(f); err == nil {
					return badInput("bad_input", fmt.Errorf("%s exists: not overwritten", f))
				}
			}
			if err := os.MkdirAll(filepath.Join(dir, "notices"), 0o755); err != nil {
				return failed("output", err)
			}
			for f, text := range map[string]string{base + ".yaml": notice, base + ".cases.yaml": cases} {
				if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
					return failed("output", err)
				}
				fmt.Fprintln(a.stdout, f)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&number, "number", "", "the document number (文号) as printed")
	f.StringVar(&id, "id", "", "the notice's id, for a notice without a number (letters, digits, - and _)")
	f.StringVar(&title, "title", "", "the title as printed")
	f.StringVar(&issuer, "issuer", "", "the issuing body")
	f.StringSliceVar(&appliesIn, "applies-in", nil, "a GB/T 2260 division code or a divisions.csv name (repeatable)")
	f.StringVar(&effective, "effective", "", "the first day it applies, YYYY-MM-DD")
	f.StringVar(&validUntil, "valid-until", "", "the last day it applies, YYYY-MM-DD (none: until repealed)")
	f.StringArrayVar(&windows, "window", nil, "a window as ID='WHEN' in the calendar's syntax (repeatable)")
	return cmd
}

func yamlText(s string) string { return strconv.Quote(s) }

// schemaRef is the path from dir to the repository's schema directory, if
// dir lies in a checkout of it: a modeline then points editors at the
// schema.
func schemaRef(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	rel := ""
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "schema", "notice.schema.json")); err == nil {
			return filepath.ToSlash(filepath.Join(rel, "schema"))
		}
		if filepath.Dir(d) == d {
			return ""
		}
		rel = filepath.Join(rel, "..")
	}
}

func modeline(ref, file string) string {
	if ref == "" {
		return ""
	}
	return "# yaml-language-server: $schema=" + ref + "/" + file + "\n"
}

func noticeScaffold(ref, number, id, title, issuer string, appliesIn []string, effective, validUntil string, ws []newWindow) string {
	var b strings.Builder
	b.WriteString(modeline(ref, "notice.schema.json"))
	b.WriteString("# Written by tonggao new notice: fill every TODO from the notice's words (docs/guide.md, docs/reference.md).\n")
	b.WriteString("notice:\n")
	if number != "" {
		fmt.Fprintf(&b, "  number: %s\n", yamlText(number))
	}
	if id != "" {
		fmt.Fprintf(&b, "  id: %s\n", id)
	}
	fmt.Fprintf(&b, "  title: %s\n  issuer: %s\n", yamlText(title), yamlText(issuer))
	fmt.Fprintf(&b, "  applies_in: [%s]\n", strings.Join(appliesIn, ", "))
	fmt.Fprintf(&b, "  issued: %s # TODO: the date it was issued\n  effective: %s\n", effective, effective)
	if validUntil != "" {
		fmt.Fprintf(&b, "  valid_until: %s\n", validUntil)
	}
	b.WriteString("  source: TODO where the text was read (gazette issue, web address)\n\n")
	b.WriteString("interpretations: []  # every unclear phrase: id, words, reading, alternative, why\n\n")
	b.WriteString("activities:\n  - id: TODO\n    name: TODO the act as printed\n    en: TODO\n\n")
	if len(ws) > 0 {
		b.WriteString("windows:\n")
		for _, w := range ws {
			fmt.Fprintf(&b, "  - id: %s\n    name: TODO\n    when: %s\n    article: TODO\n    text: TODO the words of the period\n", w.id, yamlText(w.spec.String()))
		}
		b.WriteString("\n")
	}
	b.WriteString("rules:\n  - id: TODO\n    article: TODO\n    text: TODO the sentence as printed\n    effect: forbid\n    activities: [TODO]\n")
	if len(ws) > 0 {
		fmt.Fprintf(&b, "    if: %s\n", ws[0].id)
	} else {
		b.WriteString("    if: \"true\"\n")
	}
	return b.String()
}

// edgeAt formats a day or a minute as a case's at.
func edgeAt(t calendar.DateTime, clocked bool) string {
	if !clocked {
		return t.Date().String()
	}
	h, m := t.Clock()
	return fmt.Sprintf("%s %02d:%02d", t.Date(), h, m)
}

func casesScaffold(ref string, cal *calendar.Calendar, key string, ws []newWindow, from, to calendar.Date) (string, error) {
	var b strings.Builder
	b.WriteString(modeline(ref, "cases.schema.json"))
	b.WriteString("# Written by tonggao new notice: a case at every edge of every part of every window, in its first year.\n")
	b.WriteString("# Fill each TODO from the notice's words before running tonggao test; add facts, rules and quotes.\n")
	fmt.Fprintf(&b, "notice: %s\ncases:\n", yamlText(key))
	if len(ws) == 0 {
		b.WriteString("  - name: TODO\n    activity: TODO\n    at: TODO\n    want: TODO\n")
	}
	for _, w := range ws {
		for _, part := range w.spec.Terms() {
			pw, err := cal.Prepare(part, from, to)
			if err != nil {
				return "", fmt.Errorf("window %s: %w", w.id, err)
			}
			ivs := pw.Intervals()
			if len(ivs) == 0 {
				fmt.Fprintf(&b, "  # %s (%s): no interval between %s and %s\n", w.id, part, from, to)
				continue
			}
			// The part's first interval gives its start edges, its last
			// one (in the notice's first year) its end edges.
			iv, last := ivs[0], ivs[len(ivs)-1]
			clocked := iv.Clocked() || last.Clocked()
			step := 1
			if !clocked {
				step = 24 * 60
			}
			start, end := iv.Start(), last.End()
			for _, e := range []struct {
				what string
				at   calendar.DateTime
			}{
				{"before it starts", start.Add(-step)},
				{"its first " + unit(clocked), start},
				{"its last " + unit(clocked), end.Add(-step)},
				{"after it ends", end},
			} {
				fmt.Fprintf(&b, "  - name: %s (%s), %s\n    activity: TODO\n    at: %s\n    want: TODO\n", w.id, part, e.what, edgeAt(e.at, clocked))
				if e.what != "before it starts" && e.what != "after it ends" {
					fmt.Fprintf(&b, "    windows: [%s]\n", w.id)
				}
			}
		}
	}
	return b.String(), nil
}

func unit(clocked bool) string {
	if clocked {
		return "minute"
	}
	return "day"
}
