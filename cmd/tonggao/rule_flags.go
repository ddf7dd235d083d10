package main

import (
	"fmt"
	"github.com/tonggao/tonggao/hotline"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/pflag"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// ruleFlags say which rules a command loads: the embedded rule base and
// each --rules directory. Every command that loads rules takes them, and
// tonggao test loads exactly what check does.
type ruleFlags struct {
	dirs     []string
	embedded bool
}

func addRuleFlags(fs *pflag.FlagSet) *ruleFlags {
	r := &ruleFlags{}
	fs.StringArrayVar(&r.dirs, "rules", nil, "a rule directory `DIR` (facts.yaml, notices/); repeatable. Until rule sets can be combined, a directory replaces the embedded rule base")
	fs.BoolVar(&r.embedded, "embedded", true, "load the rule base built into the binary (--embedded=false: only the --rules directories)")
	return r
}

// ruleRoot is one rule directory to load: its name as errors and test
// reports show it, and its files.
type ruleRoot struct {
	name string
	fsys fs.FS
}

// roots lists the rule directories the flags choose, in loading order: the
// embedded rule base unless --embedded=false, then each --rules directory.
func (r *ruleFlags) roots() ([]ruleRoot, error) {
	var out []ruleRoot
	if r.embedded {
		out = append(out, ruleRoot{"rules", rules.EmbeddedFS()})
	}
	for _, dir := range r.dirs {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, badInput("bad_rules", fmt.Errorf("--rules: %w", err))
		}
		if !st.IsDir() {
			return nil, badInput("bad_rules", fmt.Errorf("--rules %s: not a directory", dir))
		}
		out = append(out, ruleRoot{strings.TrimSuffix(dir, "/"), os.DirFS(dir)})
	}
	if len(out) == 0 {
		return nil, usageErrorf("--embedded=false needs at least one --rules DIR")
	}
	// Until rule sets can be combined (several roots in one load), a
	// --rules directory replaces the embedded rule base, as it always did.
	if r.embedded && len(r.dirs) > 0 {
		out = out[1:]
	}
	return out, nil
}

// load builds an engine from the chosen rules.
func (r *ruleFlags) load(opts ...engine.Option) (*engine.Engine, error) {
	roots, err := r.roots()
	if err != nil {
		return nil, err
	}
	if len(roots) > 1 {
		return nil, usageErrorf("--rules is given %d times: loading several rule directories together is not supported yet", len(r.dirs))
	}
	eng, err := engine.Load(roots[0].fsys, opts...)
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
	if len(r.dirs) == 0 {
		return ""
	}
	return "rules " + strings.Join(r.dirs, " ")
}

// vocabulary is where the hotline reads the rule set's words: the
// vocabulary/ directory of each rule root loaded.
func (r *ruleFlags) vocabulary() []hotline.Root {
	roots, err := r.roots()
	if err != nil {
		return nil
	}
	out := make([]hotline.Root, len(roots))
	for i, rt := range roots {
		out[i] = hotline.Root{FS: rt.fsys, Name: rt.name}
	}
	return out
}
