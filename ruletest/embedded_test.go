package ruletest_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/ruletest"
)

// TestEmbeddedCases runs every notice's declarative cases and requires full
// coverage of rules and window edges.
func TestEmbeddedCases(t *testing.T) {
	rep, err := ruletest.RunFS(rules.EmbeddedFS())
	require.NoError(t, err)
	for _, r := range rep.Results {
		if !r.Passed() {
			t.Error(r.String())
		}
	}
	for _, c := range rep.Coverage {
		if !c.Complete() {
			t.Errorf("%s: cases do not cover rules %v, window edges %v", c.Notice, c.UncoveredRules, c.UncoveredEdges)
		}
	}
	require.NotZero(t, rep.Passed)
	t.Logf("%d passed, %d failed", rep.Passed, rep.Failed)
}
