package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/ruletest"
)

// runTest runs the declarative cases of a rule directory, like `opa test`.
func runTest(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("tonggao test", flag.ContinueOnError)
	fset.SetOutput(stderr)
	verbose := fset.Bool("v", false, "print every case, not only failures")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "usage: tonggao test [-v] [DIR]   (DIR holds facts.yaml and notices/; default: the embedded rule base)")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var (
		fsys   fs.FS = rules.EmbeddedFS()
		prefix       = "rules/"
	)
	switch fset.NArg() {
	case 0:
	case 1:
		dir := fset.Arg(0)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			fmt.Fprintf(stderr, "tonggao test: %s is not a directory\n", dir)
			return 2
		}
		fsys, prefix = os.DirFS(dir), filepath.ToSlash(filepath.Clean(dir))+"/"
	default:
		fset.Usage()
		return 2
	}
	cal, err := calendar.New()
	if err != nil {
		fmt.Fprintf(stderr, "tonggao test: %v\n", err)
		return 2
	}
	rep, err := ruletest.RunFS(fsys, cal)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao test: %v\n", err)
		return 1
	}
	for _, r := range rep.Results {
		switch {
		case !r.Passed():
			fmt.Fprintf(stdout, "%s%s\n", prefix, r)
		case *verbose:
			fmt.Fprintf(stdout, "%s%s:%d: %s: ok\n", prefix, r.File, r.Line, r.Name)
		}
	}
	for _, c := range rep.Coverage {
		fmt.Fprintf(stdout, "coverage %s: %.1f%% (%d rules, %d window edges)", c.Notice, c.Percent(), c.Rules, c.Edges)
		if len(c.UncoveredRules) > 0 {
			fmt.Fprintf(stdout, "; no case for rules %v", c.UncoveredRules)
		}
		if len(c.UncoveredEdges) > 0 {
			fmt.Fprintf(stdout, "; no case for %v", c.UncoveredEdges)
		}
		fmt.Fprintln(stdout)
	}
	for _, l := range rep.Lint {
		fmt.Fprintf(stdout, "lint: %s%s\n", prefix, l)
	}
	fmt.Fprintf(stdout, "%d passed, %d failed\n", rep.Passed, rep.Failed)
	if !rep.OK() {
		return 1
	}
	return 0
}
