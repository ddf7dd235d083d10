package cli

import (
	"errors"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/patrol"
)

// yearFlags are the flags ics and poster share: which year, which notices,
// and which data.
type yearFlags struct {
	fs      *pflag.FlagSet
	year    int
	notices []string
	bundle  string
	rules   *ruleFlags
	out     string
}

func addYearFlags(fs *pflag.FlagSet) *yearFlags {
	y := &yearFlags{fs: fs}
	fs.IntVar(&y.year, "year", 0, "the `year` (default this year in China)")
	fs.StringArrayVar(&y.notices, "notice", nil, "a notice's document `number`, e.g. 祁政通〔2024〕7号 (repeatable); default every notice with a window or key day in the year")
	fs.StringVar(&y.bundle, "bundle", "", "an offline bundle: a directory with bundle.json, or a .zip of one (`PATH`)")
	y.rules = addRuleFlags(fs)
	fs.StringVarP(&y.out, "output", "o", "", "write to this `FILE` instead of standard output")
	aliasFlags(fs, map[string]string{"o": "output"})
	return y
}

// load opens the data and collects the year.
func (y *yearFlags) load(now func() time.Time) (*patrol.Year, error) {
	var (
		b   *patrol.Bundle
		err error
	)
	rules := y.rules.chosen()
	switch {
	case y.bundle != "" && rules:
		return nil, usageErrorf("give --bundle or --rules, not both")
	case y.bundle != "":
		b, err = openBundle(y.bundle)
	case rules:
		eng, lerr := y.rules.load()
		if lerr != nil {
			return nil, lerr
		}
		b = &patrol.Bundle{Version: y.rules.describe(), Engine: eng}
	default:
		b, err = patrol.EmbeddedBundle(nil)
	}
	if err != nil {
		return nil, badInput("bad_bundle", err)
	}
	year := y.year
	if !y.fs.Changed("year") {
		year = calendar.LocalDay(now()).Year()
	}
	yr, err := b.Year(year, y.notices...)
	if err != nil {
		return nil, badInput("bad_input", err)
	}
	return yr, nil
}

// icsCmd is "tonggao ics": the year's windows and key days as an
// iCalendar file.
func (a *app) icsCmd() *cobra.Command {
	var (
		stampFlag string
		yf        *yearFlags
	)
	cmd := &cobra.Command{
		Use:     "ics [flags]",
		GroupID: groupCalendar,
		Short:   "Write a year's notice windows and key days as an iCalendar file",
		Long: `Write a year's notice windows and key days as an iCalendar (.ics) file, to
subscribe to in a phone's or office calendar.`,
		Example: `  tonggao ics --year 2025 -o notices.ics
  tonggao ics --notice 祁政通〔2024〕7号 --bundle patrol.zip`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			stamp := a.now()
			if stampFlag != "" {
				t, err := time.Parse(time.RFC3339, stampFlag)
				if err != nil {
					return badInput("bad_date", errors.New("--stamp: "+err.Error()))
				}
				stamp = t
			}
			y, err := yf.load(a.now)
			if err != nil {
				return err
			}
			w, closeOut, err := openOutput(yf.out, a.stdout)
			if err != nil {
				return failed("output", err)
			}
			if err := errors.Join(patrol.WriteICS(w, y, stamp), closeOut()); err != nil {
				return failed("output", err)
			}
			return nil
		},
	}
	yf = addYearFlags(cmd.Flags())
	cmd.Flags().StringVar(&stampFlag, "stamp", "", "the DTSTAMP as an RFC 3339 `time` (default now), for reproducible files")
	return cmd
}

// openBundle opens an offline bundle: a .zip file or a directory.
func openBundle(path string) (*patrol.Bundle, error) {
	if strings.HasSuffix(strings.ToLower(path), ".zip") {
		return patrol.OpenBundleFile(path, "")
	}
	return patrol.OpenBundleDir(path)
}
