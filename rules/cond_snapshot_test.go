package rules

import (
	"context"
	"os"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/rules/cond"
)

// TestConditionTrees loads every shipped rule set three ways — each
// condition parsed and type-checked by expr (as for rules nobody built
// into the binary), each compiled from a tree (expr's parser run by the
// test, not by the load; ParseSubset must give the same trees), and as a
// load does (the snapshot's trees where it
// has them) — and requires the same rule set from all three: compiling
// from a tree changes nothing, so neither can a decision.
func TestConditionTrees(t *testing.T) {
	sets := [][]Root{{{Name: "embedded", FS: embedded}}}
	for _, d := range []string{"zhengzhou", "qiantang", "yancheng", "wendeng", "shanxi"} {
		sets = append(sets, []Root{{Name: d, FS: os.DirFS("../examples/notices/" + d)}})
	}
	load := func(roots []Root, parsed func(string) *cond.Tree) (*Set, map[string]bool) {
		l := newLoader(DefaultLimits())
		l.conditions = map[string]bool{}
		if parsed != nil {
			l.parsed = parsed
		}
		s, err := l.loadRoots(context.Background(), roots)
		require.NoError(t, err, roots[0].Name)
		return s, l.conditions
	}
	for _, roots := range sets {
		t.Run(roots[0].Name, func(t *testing.T) {
			fromExpr, conds := load(roots, func(string) *cond.Tree { return nil })
			require.NotEmpty(t, conds)
			parsed := 0
			fromTrees, _ := load(roots, func(src string) *cond.Tree {
				tree, err := cond.Parse(src)
				require.NoError(t, err, src)
				// The WebAssembly build's parser reads every shipped
				// condition, to the same tree.
				subset, err := cond.ParseSubset(src)
				require.NoError(t, err, src)
				require.Equal(t, tree, subset, src)
				parsed++
				return tree
			})
			require.GreaterOrEqual(t, parsed, len(conds), "every condition came from a tree")
			require.True(t, reflect.DeepEqual(fromExpr, fromTrees), "the same rule set from trees as from expr")
			asLoaded, _ := load(roots, nil)
			require.True(t, reflect.DeepEqual(fromExpr, asLoaded), "the same rule set with the snapshot's trees")
		})
	}
	// Every embedded condition is in the snapshot: a load of the embedded
	// rule base runs no expr.
	_, conds := load(sets[0], nil)
	for src := range conds {
		require.NotNil(t, snapshotTree(src), src)
	}
}
