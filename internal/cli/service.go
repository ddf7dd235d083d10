package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

// serverBinary is the service's own binary: serve and records, with the
// HTTP server, the database drivers and the metrics that the tonggao
// command does not link.
const serverBinary = "tonggao-server"

// App is one run of a command line — its standard streams, clock and
// environment — for the two binaries: tonggao (Run) and tonggao-server
// (RunServer). The service's commands are built by Service, in package
// servecmd, so that only tonggao-server links what they need.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Now            func() time.Time
	Getenv         func(string) string
	// Ctx, when set, ends tonggao serve (tests); nil means SIGTERM or
	// SIGINT do.
	Ctx context.Context
	// Service builds the service's commands, serve and records. Nil in
	// tonggao: its serve and records run tonggao-server, found beside the
	// tonggao binary or on PATH, with the same arguments.
	Service func(*App) []*cobra.Command
	// Process is set by Main: this App is the whole process, which ends
	// with its command, so a one-shot command may tune the runtime for
	// itself (tonggao ask: oneShot). Tests running commands in their own
	// process leave it unset.
	Process bool
}

// Main is the App of a process: its standard streams, clock and
// environment.
func Main() *App {
	return &App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now, Getenv: os.Getenv, Process: true}
}

func (p *App) app() *app {
	a := &app{stdin: p.Stdin, stdout: p.Stdout, stderr: p.Stderr, now: p.Now, getenv: p.Getenv, ctx: p.Ctx, process: p.Process}
	if p.Service != nil {
		a.service = func() []*cobra.Command { return p.Service(p) }
	}
	return a
}

// Run executes a command line of tonggao and returns its exit status.
func (p *App) Run(args []string) int { return p.app().run(args) }

// RunServer executes a command line of tonggao-server and returns its exit
// status.
func (p *App) RunServer(args []string) int {
	a := p.app()
	if a.service == nil {
		fmt.Fprintln(p.Stderr, serverBinary+": built without its service commands")
		return exitFailed
	}
	return a.runTree(a.serverRoot, args)
}

// Root is tonggao's command tree, with the commands Service builds.
func (p *App) Root() *cobra.Command { return p.app().root() }

// ApplyEnv sets cmd's flags not given on the command line from the
// environment (TONGGAO_ and the flag's name: EnvName), for a command
// annotated with EnvAnnotation.
func (p *App) ApplyEnv(cmd *cobra.Command) error { return p.app().applyEnv(cmd) }

// RunParent is the RunE of a command with subcommands: alone it is bad
// usage; "help [command]" shows help.
func (p *App) RunParent(cmd *cobra.Command, args []string) error {
	return p.app().runParent(cmd, args)
}

// What the service's commands share with the others: the command group,
// exit statuses and errors, environment variables, the rule flags.
const (
	// GroupService is the help group of the service's commands.
	GroupService = groupService
	// EnvAnnotation marks a command whose flags the environment may set.
	EnvAnnotation = envAnnotation
	// ExitFailed is the status of a command that ran and failed.
	ExitFailed = exitFailed
	// ExitUsage is the status of bad usage or input.
	ExitUsage = exitUsage
)

// EnvName is the environment variable of a flag: TONGGAO_ and its name in
// capitals, - as _.
func EnvName(flag string) string { return envName(flag) }

// UsageErrorf is bad usage (exit status 2, bad_usage): a wrong flag,
// argument or combination.
func UsageErrorf(format string, args ...any) error { return usageErrorf(format, args...) }

// BadInput is input the command cannot use (exit status 2), with its JSON
// error code (docs/cli.md).
func BadInput(code string, err error) error { return badInput(code, err) }

// Failed is a command that ran and failed (exit status 1), with its JSON
// error code; a nil err prints nothing.
func Failed(code string, err error) error { return failed(code, err) }

// NoArgs is the Args of a command that takes only flags.
func NoArgs(cmd *cobra.Command, args []string) error { return noArgs(cmd, args) }

// SubcommandArgs is the Args of a command with subcommands.
func SubcommandArgs(cmd *cobra.Command, args []string) error { return subcommandArgs(cmd, args) }

// WriteJSON writes v as JSON, HTML characters as they are; indent prints
// one field a line.
func WriteJSON(w io.Writer, v any, indent bool) error { return writeJSON(w, v, indent) }

// ParseInstant reads a moment as calendar.ParseMoment does; a day alone
// is its start in China.
func ParseInstant(s string) (time.Time, error) { return parseInstant(s) }

// RuleFlags are the flags that choose the rules (--rules, --embedded), as
// every command that loads rules takes them.
type RuleFlags struct{ r *ruleFlags }

// AddRuleFlags adds the rule flags to fs. serving: the engine answers many
// questions, so it plans every activity up front.
func AddRuleFlags(fs *pflag.FlagSet, serving bool) RuleFlags {
	r := addRuleFlags(fs)
	r.serving = serving
	return RuleFlags{r}
}

// Roots lists the rule directories the flags choose, in loading order.
func (f RuleFlags) Roots() ([]rules.Root, error) { return f.r.roots() }

// Load builds an engine from the chosen rules.
func (f RuleFlags) Load(opts ...engine.Option) (*engine.Engine, error) { return f.r.load(opts...) }

// LoadFrom builds an engine from roots: the flags' own, or a snapshot of
// them.
func (f RuleFlags) LoadFrom(roots []rules.Root, opts ...engine.Option) (*engine.Engine, error) {
	return f.r.loadFrom(roots, opts...)
}

// Chosen reports whether the flags choose other rules than the embedded
// rule base alone.
func (f RuleFlags) Chosen() bool { return f.r.chosen() }

// Dirs are the --rules directories.
func (f RuleFlags) Dirs() []string { return f.r.dirs }

// Layers reads a --layers directory with the divisions of the chosen
// rules.
func (f RuleFlags) Layers(dir string) (*place.Layers, error) { return f.r.layers(dir) }

// LoadRoots builds an engine from rule directories as the library's Load
// does from one: with the embedded holiday data and register.
func LoadRoots(roots []rules.Root, opts ...engine.Option) (*engine.Engine, error) {
	return loadRoots(roots, opts...)
}

// WordsOf are rule roots as the hotline reads their vocabulary.
func WordsOf(roots []rules.Root) []hotline.Root { return wordsOf(roots) }

// serviceCmds are serve and records: built in this process when the
// binary has them, else commands that run tonggao-server.
func (a *app) serviceCmds() []*cobra.Command {
	if a.service != nil {
		return a.service()
	}
	return []*cobra.Command{
		a.siblingCmd("serve", "Serve the HTTP API and the hotline operator page"),
		a.siblingCmd("records", "Look up, list and replay the decision records of tonggao serve --records"),
	}
}

// siblingCmd is a service command of tonggao: it runs tonggao-server with
// the same command line, as git runs git-NAME, so that the tonggao binary
// links neither the HTTP server nor the database drivers.
func (a *app) siblingCmd(name, short string) *cobra.Command {
	cmd := &cobra.Command{
		Use:     name,
		GroupID: groupService,
		Short:   short,
		Long: short + `.

This command runs ` + serverBinary + ` ` + name + ` with the same arguments: the service
is a binary of its own, found beside tonggao or on PATH (go build -o DIR
./cmd/` + serverBinary + `; the container image holds both). ` + serverBinary + ` ` + name + ` --help
lists its flags, as docs/cli.md does.`,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runSibling(append([]string{name}, args...))
		},
	}
	// Help on serve and records is tonggao-server's, which knows the flags.
	cmd.SetHelpFunc(func(c *cobra.Command, _ []string) {
		if err := a.runSibling([]string{name, "--help"}); err != nil {
			fmt.Fprintln(a.stdout, c.Long)
			fmt.Fprintf(a.stderr, "%s: %v\n", c.CommandPath(), err)
		}
	})
	return cmd
}

// forwardCompletion reports whether args ask for completions within a
// service command run by tonggao-server (tonggao __complete serve --ad),
// not for the command's own name.
func (a *app) forwardCompletion(args []string) bool {
	return a.service == nil && len(args) > 2 &&
		(args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd) &&
		(args[1] == "serve" || args[1] == "records")
}

// errNoServer is the error of a service command when tonggao-server is
// not installed.
var errNoServer = errors.New("not found")

// runSibling runs tonggao-server with args in place of this process, and
// returns only if it could not.
func (a *app) runSibling(args []string) error {
	path, err := a.siblingPath()
	if err != nil {
		return failed("no_server", err)
	}
	execFn := a.exec
	if execFn == nil {
		execFn = execProcess
	}
	if err := execFn(path, append([]string{path}, args...)); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return exitStatus(ee.ExitCode())
		}
		return failed("no_server", fmt.Errorf("run %s: %w", path, err))
	}
	return nil
}

// siblingPath finds tonggao-server: beside the running binary first (the
// two are built and installed together), then on PATH.
func (a *app) siblingPath() (string, error) {
	executable := a.executable
	if executable == nil {
		executable = os.Executable
	}
	self, err := executable()
	if err == nil {
		if real, err := filepath.EvalSymlinks(self); err == nil {
			self = real
		}
		beside := filepath.Join(filepath.Dir(self), serverBinary+filepath.Ext(self))
		if st, err := os.Stat(beside); err == nil && !st.IsDir() {
			return beside, nil
		}
	}
	if p, err := exec.LookPath(serverBinary); err == nil {
		return p, nil
	}
	where := "beside this binary"
	if self != "" {
		where = "in " + filepath.Dir(self)
	}
	return "", fmt.Errorf("%s %w %s or on PATH: the service is a binary of its own; "+
		"build it beside tonggao (go build -o DIR ./cmd/%s, go install github.com/tonggao/tonggao/cmd/%s@latest) "+
		"or run it from a checkout (go run ./cmd/%s)", serverBinary, errNoServer, where, serverBinary, serverBinary, serverBinary)
}
