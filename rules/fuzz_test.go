package rules_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// FuzzLoad feeds arbitrary notice files to the loader: it must return a set
// or errors, never panic.
func FuzzLoad(f *testing.F) {
	facts, err := fs.ReadFile(rules.EmbeddedFS(), "facts.yaml")
	if err != nil {
		f.Fatal(err)
	}
	divisions, err := fs.ReadFile(rules.EmbeddedFS(), rules.DivisionsFile) // the town fact's values
	if err != nil {
		f.Fatal(err)
	}
	// Small seeds keep the fuzzer fast; the large notice files are loaded
	// by every other test.
	fireBan, err := fs.ReadFile(rules.EmbeddedFS(), "notices/qzt-2024-07-forest-fire-ban.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fireBan)
	f.Add([]byte(goodNotice))
	f.Add([]byte("notice: {number: x}\nrules: [{id: a, if: '(((('}]"))
	f.Fuzz(func(t *testing.T, notice []byte) {
		set, err := rules.Load(fstest.MapFS{"facts.yaml": {Data: facts}, rules.DivisionsFile: {Data: divisions}, "notices/n.yaml": {Data: notice}})
		if err == nil && set == nil {
			t.Fatal("no set and no error")
		}
	})
}

// FuzzCompile feeds arbitrary condition texts to the compiler.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		`in_forest_land || distance_to_forest_m <= 100`,
		`fire_zone == "key" && !(high_danger_days >= 2)`,
		`town in ["白水镇", "龙山街道"]`,
		`distance_to_forest_m > 1e308 || distance_to_forest_m < -1e308`,
		`now() > 0`, `1 + 1 == 2`, `((((((((((true))))))))))`,
	} {
		f.Add(s)
	}
	env := cond.NewEnv()
	_ = env.Declare(&cond.Var{Name: "distance_to_forest_m", Kind: cond.Number, Slot: 0})
	_ = env.Declare(&cond.Var{Name: "high_danger_days", Kind: cond.Number, Slot: 1})
	_ = env.Declare(&cond.Var{Name: "in_forest_land", Kind: cond.Bool, Slot: 0})
	_ = env.Declare(&cond.Var{Name: "fire_zone", Kind: cond.Enum, Slot: 0, Values: []string{"key", "general"}})
	_ = env.Declare(&cond.Var{Name: "town", Kind: cond.Enum, Slot: 1, Values: []string{"白水镇", "龙山街道"}})
	f.Fuzz(func(t *testing.T, src string) {
		p, err := cond.Compile(src, env)
		if err != nil {
			return
		}
		st := &cond.State{Num: []cond.Num{cond.Exact(50), {}}, Bool: []cond.Tri{cond.Unknown}, Str: []string{"key", ""}}
		_ = p.Eval(st)
	})
}
