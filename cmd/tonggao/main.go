// Command tonggao answers "may this activity be done at this time, at this
// place?" from the encoded notices of the Qiyang city government, and offers
// the calendar, register and layer tools those answers rest on.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand. run returns the process exit code:
// 0 success, 1 a failed check (e.g. failing rule cases), 2 bad usage or input.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	cmds := []command{
		{"check", "decide whether an activity is allowed at a time and place", runCheck},
		{"ask", "answer a caller's question in Chinese, as a hotline operator reads it out", runAsk},
		{"date", "show a day in China's calendars (lunar date, solar term, holiday)", runDate},
		{"terms", "list the 24 solar terms of a year", runTerms},
		{"window", "resolve a window description to date intervals", runWindow},
		{"here", "list what the rules restrict at a place on a day", runHere},
		{"ics", "write a year's notice windows and key days as an iCalendar file", runICS},
		{"poster", "write a one-page Chinese schedule of a year to print (HTML for A4, or Markdown)", runPoster},
		{"doc", "look up a document in the register of documents in force", runDoc},
		{"layers", "validate a directory of GeoJSON place layers", runLayers},
		{"test", "run the declarative test cases of a rule directory", runTest},
		{"serve", "serve the HTTP API and the hotline operator page", runServe},
	}
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	return cmds
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "tonggao: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: tonggao <command> [arguments]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'tonggao <command> -h' for a command's flags.")
}

// parseFlags parses the flags of a subcommand that takes no positional
// arguments. ok is false when the command should stop, with code its exit
// status: 0 after -h, 2 for a bad flag or a stray argument.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return 2, false
	}
	return 0, true
}
