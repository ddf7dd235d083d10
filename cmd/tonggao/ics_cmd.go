package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/patrol"
)

// yearFlags are the flags ics and poster share: which year, which notices,
// and which data.
type yearFlags struct {
	year     *int
	notices  multiFlag
	bundle   *string
	rulesDir *string
	out      *string
}

func addYearFlags(fs *flag.FlagSet) *yearFlags {
	y := &yearFlags{
		year:     fs.Int("year", calendar.LocalDay(time.Now()).Year(), "the year (default this year in China)"),
		bundle:   fs.String("bundle", "", "an offline bundle: a directory with bundle.json, or a .zip of one"),
		rulesDir: fs.String("rules", "", "rule directory (facts.yaml, notices/); default the embedded rule base"),
		out:      fs.String("o", "", "write to this file instead of standard output"),
	}
	fs.Var(&y.notices, "notice", "a notice's document number, e.g. 祁政通〔2024〕7号 (repeatable); default every notice with a window or key day in the year")
	return y
}

// load opens the data and collects the year.
func (y *yearFlags) load() (*patrol.Year, error) {
	var (
		b   *patrol.Bundle
		err error
	)
	switch {
	case *y.bundle != "" && *y.rulesDir != "":
		return nil, errors.New("give --bundle or --rules, not both")
	case strings.HasSuffix(strings.ToLower(*y.bundle), ".zip"):
		b, err = patrol.OpenBundleFile(*y.bundle, "")
	case *y.bundle != "":
		b, err = patrol.OpenBundleDir(*y.bundle)
	case *y.rulesDir != "":
		eng, lerr := loadEngine(*y.rulesDir)
		if lerr != nil {
			return nil, lerr
		}
		b = &patrol.Bundle{Version: "rules " + *y.rulesDir, Engine: eng}
	default:
		b, err = patrol.EmbeddedBundle(nil)
	}
	if err != nil {
		return nil, err
	}
	return b.Year(*y.year, y.notices...)
}

// output opens -o or returns stdout; close flushes and reports the error.
func (y *yearFlags) output(stdout io.Writer) (io.Writer, func() error, error) {
	if *y.out == "" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(*y.out)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

// runICS writes the year's windows and key days as an iCalendar file.
func runICS(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tonggao ics", flag.ContinueOnError)
	fs.SetOutput(stderr)
	yf := addYearFlags(fs)
	stampFlag := fs.String("stamp", "", "the DTSTAMP as an RFC 3339 time (default now), for reproducible files")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tonggao ics [--year 2025] [--notice 祁政通〔2024〕7号 ...] [--bundle DIR|FILE.zip | --rules DIR] [-o FILE.ics]")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	stamp := time.Now()
	if *stampFlag != "" {
		t, err := time.Parse(time.RFC3339, *stampFlag)
		if err != nil {
			fmt.Fprintf(stderr, "tonggao ics: --stamp: %v\n", err)
			return 2
		}
		stamp = t
	}
	y, err := yf.load()
	if err != nil {
		fmt.Fprintf(stderr, "tonggao ics: %v\n", err)
		return 2
	}
	w, closeOut, err := yf.output(stdout)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao ics: %v\n", err)
		return 1
	}
	if err := errors.Join(patrol.WriteICS(w, y, stamp), closeOut()); err != nil {
		fmt.Fprintf(stderr, "tonggao ics: %v\n", err)
		return 1
	}
	return 0
}
