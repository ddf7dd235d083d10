package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/internal/suggest"
)

// app is one run of the command: its standard streams, clock and
// environment, so that tests run commands in-process.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
	getenv         func(string) string
	// ctx, when set, ends tonggao serve (tests); nil means SIGTERM or
	// SIGINT do.
	ctx context.Context
	// completing is set when the shell asks for completions.
	completing bool
	// service builds the service's commands (serve, records) in this
	// process; nil mounts commands that run the tonggao-server binary.
	service func() []*cobra.Command
	// exec replaces the process with another program (the service's
	// binary); nil is the system's exec.
	exec func(path string, args []string) error
	// process is App.Process: the command may tune the runtime for itself.
	process bool
	// executable is the path of the running binary; nil is os.Executable.
	executable func() (string, error)
}

// Exit statuses; docs/cli.md lists them with the verdict statuses of
// --exit-code.
const (
	// exitFailed: a check that ran and failed (failing rule cases, problems
	// in place layers) or output that could not be written.
	exitFailed = 1
	// exitUsage: bad usage or input (an unknown flag, command, activity or
	// fact; a malformed date; rules or layers that fail to load).
	exitUsage = 2
)

// verdictStatus is the exit status of --exit-code for each verdict: only
// "allowed" is 0, so that `if tonggao check --exit-code …` never reads an
// absent rule, a condition or an error as permission.
var verdictStatus = []struct {
	verdict engine.Verdict
	status  int
}{
	{engine.Allowed, 0},
	{engine.Forbidden, 3},
	{engine.Conditional, 4},
	{engine.NoRule, 5},
}

func statusOf(v engine.Verdict) int {
	for _, s := range verdictStatus {
		if s.verdict == v {
			return s.status
		}
	}
	return exitFailed // a verdict this table lacks is a defect, not permission
}

// errorCodes are the codes of --json errors and what they mean; the HTTP
// API says the same words for the same errors. docs/cli.md lists them, and
// a test holds every code the commands use to this list.
var errorCodes = []struct{ code, meaning string }{
	{"bad_usage", "an unknown command or flag, a missing or stray argument, flags that do not go together"},
	{"bad_input", "input the command cannot use, of no more specific kind below"},
	{"bad_date", "a day or time that does not parse (--at, --date, --from, --to, --stamp, an argument)"},
	{"date_out_of_range", "a day outside the range of the calendars"},
	{"unknown_activity", "an activity no notice names (the message names the closest)"},
	{"bad_fact", "a fact with an unknown name or a value of the wrong type"},
	{"bad_place", "a --division or --town the rules' divisions do not know, or that do not name one place together"},
	{"contradictory_facts", "facts that cannot all be true"},
	{"no_activity", "ask: nothing to decide on was understood; the answer (verdict not_understood, what was understood, what to ask) is printed as usual, JSON too"},
	{"bad_rules", "rules that fail to load (exit status 1 from test, whose check this is)"},
	{"bad_layers", "place layers that fail to load (exit status 1 from layers describe)"},
	{"bad_conditions", "a conditions feed (--conditions) that fails to read or does not fit the rules, with file:line"},
	{"bad_holidays", "a --holidays directory that fails to load"},
	{"bad_window", "a window description that does not parse or resolve"},
	{"bad_number", "a document number that does not parse"},
	{"bad_divisions", "a --divisions list that fails to load"},
	{"bad_bundle", "a bundle that fails to open, verify or build (bundle, serve --bundle-url, ics and poster --bundle)"},
	{"bad_key", "a bundle signing or public key file that is unreadable or not an Ed25519 key in PEM"},
	{"bad_addr", "serve: an address it cannot listen on"},
	{"unhealthy", "serve --healthcheck: the server did not answer /healthz with 200"},
	{"bad_admin", "serve: an admin listener without authentication, or an unreadable token, certificate or CA file"},
	{"output", "output that could not be written (exit status 1)"},
	{"calendar", "the built-in calendar fails to load: a defect of the build (exit status 1)"},
	{"serve", "the server failed while serving (exit status 1)"},
	{"bad_records", "serve, records: a records database that cannot be opened or read, or a record or rule set it does not hold"},
	{"replay_differs", "records replay: the decision made again differs from the one recorded (exit status 1)"},
	{"no_server", "serve, records: tonggao-server, the service's binary, is found neither beside tonggao nor on PATH (exit status 1)"},
}

// cliError is an error with its exit status and, for --json, a code from
// the vocabulary of the HTTP API's errors (bad_fact, unknown_activity, …).
type cliError struct {
	status int
	code   string
	err    error // nil: exit with status, printing nothing
	usage  bool  // bad usage: point at --help
	plain  bool  // print the message as it is, without the command's name
	query  any   // the parsed question, in ask's JSON error
}

func (e *cliError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.status)
	}
	return e.err.Error()
}

func (e *cliError) Unwrap() error { return e.err }

// usageErrorf is bad usage: a wrong flag, argument or combination.
func usageErrorf(format string, args ...any) error {
	return &cliError{status: exitUsage, code: "bad_usage", err: fmt.Errorf(format, args...), usage: true}
}

// badInput is input the command cannot use, with its JSON error code.
func badInput(code string, err error) error {
	return &cliError{status: exitUsage, code: code, err: err}
}

// failed is a check that ran and failed, or output that could not be
// written.
func failed(code string, err error) error {
	return &cliError{status: exitFailed, code: code, err: err}
}

// exitStatus ends the command with status and no message: the output
// already said what happened.
func exitStatus(status int) error { return &cliError{status: status} }

// classify gives an error its exit status and JSON code; errors of the
// library are bad input (2) with the HTTP API's codes.
func classify(err error) *cliError {
	var ce *cliError
	if errors.As(err, &ce) {
		return ce
	}
	var ua *engine.UnknownActivityError
	var fe *engine.FactError
	code := "bad_input"
	switch {
	case errors.As(err, &ua):
		code = "unknown_activity"
	case errors.As(err, &fe) && fe.Contradiction:
		code = "contradictory_facts"
	case errors.As(err, &fe) && fe.Fact == engine.PlaceFact:
		code = "bad_place"
	case errors.As(err, &fe):
		code = "bad_fact"
	case errors.Is(err, calendar.ErrRange):
		code = "date_out_of_range"
	}
	return &cliError{status: exitUsage, code: code, err: err}
}

// errorJSON is what --json prints for an error: the shape of the HTTP
// API's error bodies.
type errorJSON struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
	Query any `json:"query,omitempty"`
}

// run executes the command line args of tonggao and returns the exit
// status.
func (a *app) run(args []string) int {
	if a.forwardCompletion(args) {
		// The shell asks for completions within serve or records:
		// tonggao-server knows their flags.
		// Without it, the shell gets no completions.
		if err := a.runSibling(args); err != nil {
			return classify(err).status
		}
		return 0
	}
	return a.runTree(a.root, args)
}

// runTree executes the command line args on the command tree tree builds
// and returns the exit status.
func (a *app) runTree(tree func() *cobra.Command, args []string) int {
	a.completing = len(args) > 0 && strings.HasPrefix(args[0], cobra.ShellCompRequestCmd)
	root := tree()
	if cmd, _, err := root.Find(args); err == nil {
		args = oneDashLongFlags(cmd, args)
	}
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return 0
	}
	ce := classify(err)
	if ce.err == nil {
		return ce.status
	}
	if cmd == nil {
		cmd = root
	}
	// The message always goes to stderr; with --json the error also goes to
	// stdout as JSON, so that a script reading stdout always gets JSON.
	if jsonWanted(cmd, args) {
		var body errorJSON
		body.Error.Code, body.Error.Message, body.Query = ce.code, ce.err.Error(), ce.query
		_ = writeJSON(a.stdout, body, false)
	}
	if ce.plain {
		fmt.Fprintln(a.stderr, ce.err)
	} else {
		fmt.Fprintf(a.stderr, "%s: %v\n", cmd.CommandPath(), ce.err)
	}
	if ce.usage {
		fmt.Fprintf(a.stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return ce.status
}

// oneDashLongFlags rewrites -name and -name=value as --name for a long
// flag of cmd: Go's flag package, which tonggao used before cobra, took
// both, and scripts may say -json.
func oneDashLongFlags(cmd *cobra.Command, args []string) []string {
	cmd.InitDefaultHelpFlag()
	out := make([]string, 0, len(args))
	for i, arg := range args {
		if arg == "--" {
			return append(out, args[i:]...)
		}
		if len(arg) > 2 && arg[0] == '-' && arg[1] != '-' {
			name, _, _ := strings.Cut(arg[1:], "=")
			if len(name) > 1 && (cmd.Flags().Lookup(name) != nil || cmd.InheritedFlags().Lookup(name) != nil) {
				arg = "-" + arg
			}
		}
		out = append(out, arg)
	}
	return out
}

// jsonWanted reports whether the command line asked cmd for JSON, even if
// parsing its flags failed before reaching --json.
func jsonWanted(cmd *cobra.Command, args []string) bool {
	f := cmd.Flags().Lookup("json")
	if f == nil {
		return false
	}
	if f.Changed {
		return f.Value.String() == "true"
	}
	for _, arg := range args {
		switch arg {
		case "--":
			return false
		case "--json", "--json=true", "--json=1":
			return true
		}
	}
	return false
}

// Command groups of the help text.
const (
	groupDecide   = "decide"
	groupCalendar = "calendar"
	groupData     = "data"
	groupService  = "service"
)

// root builds the command tree.
func (a *app) root() *cobra.Command {
	root := &cobra.Command{
		Use:   "tonggao",
		Short: "Decide whether an activity is allowed at a time and place, from public notices",
		Long: `tonggao answers "may this activity be done at this time, at this place?" from
seasonal public notices encoded as rules: a verdict (forbidden, allowed,
conditional or no_rule) with the articles it rests on. It also shows the
calendars, register and place layers those answers rest on.

Exit status: 0 when the command did its work (for check and ask: answered,
whatever the verdict), 1 for a check that ran and failed (failing rule
cases, problems in place layers), 2 for bad usage or input. check and ask
--exit-code give each verdict its own status. docs/cli.md lists every
command, flag, status and JSON error code.`,
		Example: `  tonggao check --activity 烧田埂 --at 2024-10-03 --fact distance_to_forest_m=50
  tonggao ask "我在白水镇，今天能烧秸秆吗"
  echo 今天能烧秸秆吗 | tonggao ask -`,
	}
	root.AddGroup(
		&cobra.Group{ID: groupDecide, Title: "Decisions:"},
		&cobra.Group{ID: groupCalendar, Title: "Calendars and schedules:"},
		&cobra.Group{ID: groupData, Title: "Rules, register and place data:"},
	)
	root.AddCommand(
		a.checkCmd(), a.askCmd(), a.hereCmd(),
		a.dateCmd(), a.termsCmd(), a.windowCmd(), a.icsCmd(), a.posterCmd(),
		a.docCmd(), a.layersCmd(), a.testCmd(), a.bundleCmd(), a.fmtCmd(), a.newCmd(),
	)
	return a.tree(root, a.serviceCmds())
}

// serverRoot builds the command tree of tonggao-server: the service's
// commands, version and completion.
func (a *app) serverRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   serverBinary,
		Short: "Serve tonggao's HTTP API, and read the decision records it keeps",
		Long: `tonggao-server is tonggao's service: serve runs the HTTP API and the hotline
operator page, records reads the decision records serve --records keeps. It
is a binary of its own so that the tonggao command does not carry the HTTP
server, the database drivers and the metrics; tonggao serve and tonggao
records run it. Its commands, flags, exit statuses and JSON error codes are
those of tonggao serve and tonggao records (docs/cli.md).`,
		Example: `  tonggao-server serve --addr 127.0.0.1:8080
  tonggao-server records get 3f2a9c1e-42 --records records.db`,
	}
	return a.tree(root, a.service())
}

// tree completes a root command: the streams, the errors of flags, the
// service group with cmds, version, completion and help.
func (a *app) tree(root *cobra.Command, cmds []*cobra.Command) *cobra.Command {
	root.Args = subcommandArgs
	root.RunE = a.runParent
	root.SilenceErrors, root.SilenceUsage = true, true
	root.CompletionOptions = cobra.CompletionOptions{DisableDefaultCmd: true}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(flagError)
	root.AddGroup(&cobra.Group{ID: groupService, Title: "Service:"})
	root.AddCommand(cmds...)
	root.AddCommand(a.versionCmd(), a.completionCmd())
	root.SetHelpCommand(helpCmd(root))
	// Every command's help lists -h, whichever way help was asked for, and
	// its flags complete.
	var initHelp func(*cobra.Command)
	initHelp = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		a.registerCompletions(c)
		for _, sub := range c.Commands() {
			initHelp(sub)
		}
	}
	initHelp(root)
	return root
}

// helpCmd is "tonggao help [command]": help on stdout, and an unknown
// command is bad usage with the closest names.
func helpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Show help for a command",
		Long:  "Show help for any command: tonggao help check, tonggao help layers check.",
		Args:  cobra.ArbitraryArgs,
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := root.Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, c := range cmd.Commands() {
				if c.IsAvailableCommand() {
					out = append(out, cobra.CompletionWithDesc(c.Name(), c.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if err != nil {
				return usageErrorf("%v", err)
			}
			if len(rest) > 0 {
				return unknownCommand(cmd, rest[0])
			}
			return cmd.Help()
		},
	}
}

// subcommandArgs is the Args of a command with subcommands: any argument
// but "help" (tonggao layers help check) is a mistyped command.
func subcommandArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 && (args[0] != "help" || !cmd.HasParent()) {
		return unknownCommand(cmd, args[0])
	}
	return nil
}

// runParent is the RunE of a command with subcommands: alone it is bad
// usage (the usage goes to stderr); "help [command]" shows help.
func (a *app) runParent(cmd *cobra.Command, args []string) error {
	if len(args) > 0 { // "help", by subcommandArgs
		sub, rest, err := cmd.Find(args[1:])
		if err != nil {
			return usageErrorf("%v", err)
		}
		if len(rest) > 0 {
			return unknownCommand(sub, rest[0])
		}
		return sub.Help()
	}
	fmt.Fprint(a.stderr, cmd.UsageString())
	return exitStatus(exitUsage)
}

func unknownCommand(cmd *cobra.Command, name string) error {
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() || c.Name() == "help" {
			names = append(names, c.Name())
			names = append(names, c.Aliases...)
		}
	}
	if len(names) == 0 {
		return usageErrorf("unexpected argument %q", name)
	}
	return usageErrorf("unknown command %q%s", name, suggest.DidYouMean(name, names, 3))
}

// noArgs is the Args of a command that takes only flags.
func noArgs(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("unexpected argument %q", args[0])
	}
	return nil
}

// flagError makes a flag parsing error bad usage, with the closest flag
// names for a mistyped one, and says so when a long flag was given with
// one dash (Go's flag package took -activity; this one takes --activity).
func flagError(cmd *cobra.Command, err error) error {
	var ne *pflag.NotExistError
	if !errors.As(err, &ne) {
		return usageErrorf("%v", err)
	}
	var names []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	name := ne.GetSpecifiedName()
	if group := ne.GetSpecifiedShortnames(); len(group) > 1 {
		// -activity: pflag read shorthands a, c, t, …
		group, _, _ = strings.Cut(group, "=")
		if slices.Contains(names, group) {
			return usageErrorf("unknown flag -%s: long flags take two dashes: --%s", group, group)
		}
		name = group
	}
	best := suggest.Closest(name, names, 3)
	if len(best) == 0 {
		return usageErrorf("%v", err)
	}
	for i, b := range best {
		best[i] = "--" + b
	}
	return usageErrorf("%v (did you mean %s?)", err, strings.Join(best, ", "))
}

// parseInterspersed parses flags for a command whose arguments may start
// with a dash (window offsets such as -5d..+5d): a word is a flag only if
// it names one of cmd's flags. Such a command sets DisableFlagParsing and
// calls this first. It returns the other words, or done after printing
// the help that -h asked for.
func parseInterspersed(cmd *cobra.Command, args []string) (words []string, done bool, err error) {
	fs := cmd.Flags()
	var flags []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		if len(arg) < 2 || arg[0] != '-' || (arg[1] >= '0' && arg[1] <= '9') {
			words = append(words, arg) // includes -5d..+5d and "-"
			continue
		}
		flags = append(flags, arg)
		name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		var f *pflag.Flag
		if strings.HasPrefix(arg, "--") {
			f = fs.Lookup(name)
		} else if len(name) == 1 {
			f = fs.ShorthandLookup(name)
		}
		if f != nil && f.NoOptDefVal == "" && !hasValue && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, false, flagError(cmd, err)
	}
	if help, _ := fs.GetBool("help"); help {
		return nil, true, cmd.Help()
	}
	return words, false, nil
}

// aliasFlags lets a flag also be spelled by an older name: --o for
// --output, as Go's flag package took it.
func aliasFlags(fs *pflag.FlagSet, aliases map[string]string) {
	fs.SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if to, ok := aliases[name]; ok {
			return pflag.NormalizedName(to)
		}
		return pflag.NormalizedName(name)
	})
}

// writeJSON writes v as JSON with HTML characters as they are; indent
// prints one field a line.
func writeJSON(w io.Writer, v any, indent bool) error {
	enc := json.NewEncoder(w)
	if indent {
		enc.SetIndent("", "  ")
	}
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return failed("output", err)
	}
	return nil
}

// envAnnotation marks a command whose flags may also be set by environment
// variables, TONGGAO_ and the flag's name in capitals with - as _
// (--max-body: TONGGAO_MAX_BODY). A flag given on the command line wins.
const envAnnotation = "tonggao_env"

// envName is the environment variable of a flag.
func envName(flag string) string {
	return "TONGGAO_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// applyEnv sets cmd's flags not given on the command line from the
// environment. A repeatable flag takes a list separated by the system's
// path-list separator (: on Unix).
func (a *app) applyEnv(cmd *cobra.Command) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || f.Name == "help" {
			return
		}
		v := a.getenv(envName(f.Name))
		if v == "" {
			return
		}
		vals := []string{v}
		if _, ok := f.Value.(pflag.SliceValue); ok {
			vals = filepath.SplitList(v)
		}
		for _, s := range vals {
			if serr := f.Value.Set(s); serr != nil {
				err = usageErrorf("%s=%q: %v", envName(f.Name), v, serr)
				return
			}
		}
		f.Changed = true
	})
	return err
}

// openOutput opens path for writing, or returns stdout for "" (and "-").
func openOutput(path string, stdout io.Writer) (io.Writer, func() error, error) {
	if path == "" || path == "-" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}
