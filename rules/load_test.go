package rules_test

import (
	"fmt"
	"strings"

	"os"

	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/rules"
)

func TestEmbeddedLoads(t *testing.T) {
	set, err := rules.Embedded()
	require.NoError(t, err)
	require.NotEmpty(t, set.Notices)
	n, ok := set.Notice("祁政通〔2024〕7号")
	require.True(t, ok)
	require.Equal(t, "2029-08-31", n.ValidUntil.String())
	a, ok := set.Activity("烧田基草")
	require.True(t, ok)
	require.Equal(t, "burn_field_ridge", a.ID)
	require.Equal(t, "outdoor_fire", a.Parent.Parent.ID)
}

// TestREADMEFactsTable keeps the facts table of docs/rules.md in step with
// facts.yaml.
func TestREADMEFactsTable(t *testing.T) {
	readme, err := os.ReadFile("../docs/rules.md")
	require.NoError(t, err)
	set, err := rules.Embedded()
	require.NoError(t, err)
	for _, f := range set.Facts {
		require.True(t, strings.Contains(string(readme), "| `"+f.Name+"` |"), "docs/rules.md facts table lacks %s", f.Name)
	}
}

// TestREADMENoticeTable keeps the README's table of encoded notices (dates,
// rule and case counts) in step with the rule files.
func TestREADMENoticeTable(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	set, err := rules.Embedded()
	require.NoError(t, err)
	files, err := rules.LoadCases(rules.EmbeddedFS())
	require.NoError(t, err)
	cases := map[string]int{}
	for _, f := range files {
		cases[f.Notice] += len(f.Cases)
	}
	for _, n := range set.Notices {
		row := fmt.Sprintf("| %s | %s | %s — %s | %d | %d |", n.Name(), n.Title, n.Effective, n.ValidUntil, len(n.Rules), cases[n.Key()])
		require.True(t, strings.Contains(string(readme), row), "README's encoded-notices table is out of date; want the row\n%s", row)
	}
}

func TestClosestIgnoresHugeInput(t *testing.T) {
	require.Equal(t, []string{"烧田埂"}, rules.Closest("烧田梗", []string{"烧田埂", "野炊"}, 3))
	require.Empty(t, rules.Closest(strings.Repeat("烧", 100000), []string{"烧田埂"}, 3))
}
