package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// ruleFlags say which rules a command loads: the embedded rule base and
// each --rules directory, into one rule set. Every command that loads
// rules takes them, and tonggao test loads exactly what check does.
type ruleFlags struct {
	dirs     []string
	embedded bool
	// serving: the engine answers many questions (tonggao serve), so New
	// plans every activity up front; otherwise an activity is planned
	// when first asked about (engine.PlanOnDemand), as a command that
	// answers one question and exits needs one plan of dozens.
	serving bool
}

func addRuleFlags(fs *pflag.FlagSet) *ruleFlags {
	r := &ruleFlags{}
	fs.StringArrayVar(&r.dirs, "rules", nil, "a rule directory `DIR` (facts.yaml, notices/, …) to load beside the embedded rule base; repeatable")
	fs.BoolVar(&r.embedded, "embedded", true, "load the rule base built into the binary (--embedded=false: only the --rules directories)")
	return r
}

// embeddedRoot names the embedded rule base as errors and test reports
// show its files: by their path in the source tree.
const embeddedRoot = "rules"

// roots lists the rule directories the flags choose, in loading order: the
// embedded rule base unless --embedded=false, then each --rules directory.
func (r *ruleFlags) roots() ([]rules.Root, error) {
	var out []rules.Root
	if r.embedded {
		out = append(out, rules.Root{Name: embeddedRoot, FS: rules.EmbeddedFS()})
	}
	for _, dir := range r.dirs {
		root, err := dirRoot(dir)
		if err != nil {
			return nil, err
		}
		out = append(out, root)
	}
	if len(out) == 0 {
		return nil, usageErrorf("--embedded=false needs at least one --rules DIR")
	}
	return out, nil
}

// dirRoot is a rule directory given on the command line.
func dirRoot(dir string) (rules.Root, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return rules.Root{}, badInput("bad_rules", fmt.Errorf("--rules: %w", err))
	}
	if !st.IsDir() {
		return rules.Root{}, badInput("bad_rules", fmt.Errorf("--rules %s: not a directory", dir))
	}
	return rules.Root{Name: filepath.ToSlash(filepath.Clean(dir)), FS: os.DirFS(dir)}, nil
}

// load builds an engine from the chosen rules.
func (r *ruleFlags) load(opts ...engine.Option) (*engine.Engine, error) {
	roots, err := r.roots()
	if err != nil {
		return nil, err
	}
	return r.loadFrom(roots, opts...)
}

// loadFrom builds an engine from roots (the flags' own, or a snapshot
// of them).
func (r *ruleFlags) loadFrom(roots []rules.Root, opts ...engine.Option) (*engine.Engine, error) {
	if !r.serving {
		opts = append(opts[:len(opts):len(opts)], engine.PlanOnDemand())
	}
	eng, err := loadRoots(roots, opts...)
	if err != nil && r.embedded && strings.Contains(err.Error(), "is also encoded in "+embeddedRoot+"/") {
		// The likeliest cause: --rules names a copy of the embedded set,
		// which before several directories could be combined replaced it.
		return nil, badInput("bad_rules", fmt.Errorf("%w\n(a --rules directory repeats notices of the embedded rule base: --embedded=false loads the --rules directories alone)", err))
	}
	return eng, err
}

// loadRoots builds an engine from rule directories as the library's Load
// does from one: with the embedded holiday data and register.
func loadRoots(roots []rules.Root, opts ...engine.Option) (*engine.Engine, error) {
	set, err := rules.LoadRoots(context.Background(), roots, rules.Limits{})
	if err != nil {
		return nil, badInput("bad_rules", err)
	}
	cal, err := calendar.New()
	if err != nil {
		return nil, failed("calendar", err)
	}
	reg, err := register.Embedded()
	if err != nil {
		return nil, failed("bad_rules", err)
	}
	eng, err := engine.New(set, cal, append([]engine.Option{engine.WithRegister(reg)}, opts...)...)
	if err != nil {
		return nil, badInput("bad_rules", err)
	}
	return eng, nil
}

// chosen reports whether the flags choose other rules than the embedded
// rule base alone.
func (r *ruleFlags) chosen() bool { return len(r.dirs) > 0 || !r.embedded }

// describe names the loaded rules for a bundle's version line.
func (r *ruleFlags) describe() string {
	var names []string
	if r.embedded {
		names = append(names, "embedded")
	}
	names = append(names, r.dirs...)
	return "rules " + strings.Join(names, " + ")
}

// vocabulary is where the hotline reads the rule set's words: the
// vocabulary/ directory of each rule root loaded.
func (r *ruleFlags) vocabulary() []hotline.Root {
	roots, err := r.roots()
	if err != nil {
		return nil
	}
	return wordsOf(roots)
}

// wordsOf are rule roots as the hotline reads their vocabulary.
func wordsOf(roots []rules.Root) []hotline.Root {
	out := make([]hotline.Root, len(roots))
	for i, rt := range roots {
		out[i] = hotline.Root{FS: rt.FS, Name: rt.Name}
	}
	return out
}
