package rules_test

import (
	"fmt"
	"regexp"
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

// TestREADMEReadingsTable keeps the README's table of changed readings in
// step with the rule files: every interpretation it names exists.
func TestREADMEReadingsTable(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	_, table, ok := strings.Cut(string(readme), "### Readings changed after the legal review")
	require.True(t, ok, "README lacks its table of changed readings")
	table, _, _ = strings.Cut(table, "\n#")
	set, err := rules.Embedded()
	require.NoError(t, err)
	known := map[string]bool{}
	for _, n := range set.Notices {
		for _, in := range n.Interpretations {
			known[in.ID] = true
		}
	}
	named := regexp.MustCompile("`([a-z0-9-]+)`")
	rows := 0
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) != 4 || strings.HasPrefix(cells[0], "---") || cells[0] == "words" {
			continue
		}
		rows++
		ids := named.FindAllStringSubmatch(cells[3], -1)
		require.NotEmpty(t, ids, "README readings row names no interpretation: %s", line)
		for _, m := range ids {
			if m[1] == "implies" {
				continue
			}
			require.True(t, known[m[1]], "README's readings table names %q, which no notice file interprets", m[1])
		}
	}
	require.GreaterOrEqual(t, rows, 10)
}

// TestReadingsSayLabels: a reading is read by people (tonggao check prints
// it), so it names facts by their labels in facts.yaml, never by their ids
// (issue 14 item 20).
func TestReadingsSayLabels(t *testing.T) {
	set, err := rules.Embedded()
	require.NoError(t, err)
	var names []string
	for _, f := range set.Facts {
		names = append(names, regexp.QuoteMeta(f.Name))
	}
	id := regexp.MustCompile(`\b(?:` + strings.Join(names, "|") + `|true|false)\b`)
	for _, n := range set.Notices {
		for _, in := range n.Interpretations {
			for _, s := range []string{in.Reading, in.Alternative, in.Why} {
				require.NotRegexp(t, id, s, "%s: interpretation %s names a fact by its id", n.Name(), in.ID)
			}
		}
	}
}
