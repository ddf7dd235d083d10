package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestYAMLForms: every YAML form a person may write in a notice file loads
// as YAML says — the block scalars used to load as the text "|" — or is
// refused at its line and column. internal/safeyaml tests each form on its
// own; this is the same through the loader, into the rule it builds.
func TestYAMLForms(t *testing.T) {
	const text = "严禁测试用火。"
	for _, tc := range []struct{ name, old, new, want string }{
		{"literal", "    text: 严禁测试用火。\n", "    text: |\n      严禁测试用火。\n", text + "\n"},
		{"literal strip", "    text: 严禁测试用火。\n", "    text: |-\n      严禁测试\n      用火。\n", "严禁测试\n用火。"},
		{"literal keep", "    text: 严禁测试用火。\n", "    text: |+\n      严禁测试用火。\n\n", text + "\n\n"},
		{"folded", "    text: 严禁测试用火。\n", "    text: >\n      严禁测试\n      用火。\n", "严禁测试 用火。\n"},
		{"folded strip", "    text: 严禁测试用火。\n", "    text: >-\n      严禁测试用火。\n", text},
		{"folded keep", "    text: 严禁测试用火。\n", "    text: >+\n      严禁测试用火。\n\n", text + "\n\n"},
		{"indentation indicator", "    text: 严禁测试用火。\n", "    text: |2-\n        严禁测试用火。\n", "  " + text},
		{"double quoted", "    text: 严禁测试用火。\n", "    text: \"严禁测试\\u7528火。\"\n", text},
		{"single quoted over lines", "    text: 严禁测试用火。\n", "    text: '严禁测试\n      用火。'\n", "严禁测试 用火。"},
		{"plain over lines", "    text: 严禁测试用火。\n", "    text: 严禁测试\n      用火。\n", "严禁测试 用火。"},
		{"anchor and alias", "  title: 测试通告\n", "  title: &t 测试通告\n  source: *t\n", text},
		{"comments", "    text: 严禁测试用火。\n", "    # 第三条\n    text: 严禁测试用火。 # 原文\n", text},
		{"flow mapping rule", "  - id: ban\n    article: 三\n    text: 严禁测试用火。\n    effect: forbid\n    activities: [test_fire]\n    if: season && near\n",
			"  - {id: ban, article: 三, text: 严禁测试用火。, effect: forbid, activities: [test_fire], if: season && near}\n", text},
		{"block activities", "    activities: [test_fire]\n", "    activities:\n      - test_fire\n", text},
		{"leading ---", "notice:\n", "---\nnotice:\n", text},
		{"document end", "    if: season && near\n", "    if: season && near\n...\n", text},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Contains(t, goodNotice, tc.old, "test setup")
			set, err := loadSet(t, strings.Replace(goodNotice, tc.old, tc.new, 1))
			require.NoError(t, err)
			require.Equal(t, tc.want, set.Notices[0].Rules[0].Text)
		})
	}
}

func TestYAMLRefused(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"merge key", "    if: season && near\n", "    if: season && near\n  - <<: {article: 三}\n    id: b\n", "notices/test.yaml:34:5: merge keys (<<) are not supported: write the keys out"},
		{"tag", "effect: forbid", "effect: !!str forbid", "notices/test.yaml:31:13: YAML tags (!!str) are not supported: quote text that starts with ! (\"!…\")"},
		{"second document", "    if: season && near\n", "    if: season && near\n---\nrules: []\n", "notices/test.yaml:34:1: a second YAML document (---): a file holds one"},
		{"alias without anchor", "activities: [test_fire]", "activities: *acts", "notices/test.yaml:32:17: alias *acts has no anchor &acts before it"},
		{"condition in a literal block", "    if: season && near\n", "    if: |\n      season &&\n      nearr\n", "notices/test.yaml:35:7: unknown name nearr"},
		{"condition in a folded block", "    if: season && near\n", "    if: >\n      season &&\n      nearr\n", "notices/test.yaml:35:7: unknown name nearr"},
		{"window in a block", "    when: annual 09-01..04-30\n", "    when: |-\n      annual 09-31..04-30\n", `notices/test.yaml:20:14: window "season": window "annual 09-31..04-30": column 8: bad month-day "09-31": day 31: month 09 has at most 30 days`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Contains(t, goodNotice, tc.old, "test setup")
			require.EqualError(t, load(t, strings.Replace(goodNotice, tc.old, tc.new, 1)), tc.want)
		})
	}
}

// TestAliasesShareValues: an anchor in one rule serves an alias in another
// (each rule used to be decoded apart, and the alias was "not found").
func TestAliasesShareValues(t *testing.T) {
	n := strings.Replace(goodNotice, "activities: [test_fire]", "activities: &acts [test_fire]", 1) +
		"  - id: ban2\n    article: 三\n    text: 严禁测试用火。\n    effect: forbid\n    activities: *acts\n    if: season\n"
	set, err := loadSet(t, n)
	require.NoError(t, err)
	require.Equal(t, "test_fire", set.Notices[0].Rules[1].Activities[0].ID)
}

// TestMergeKeyBomb: issue 17's 684-byte file took 19 s to load (7 levels
// of merge keys each naming the level below eight times); it is refused at
// its first merge key. The alias bomb's cousin with plain aliases is
// refused at the alias that expands past Limits.MaxNodes.
func TestMergeKeyBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(goodNotice)
	b.WriteString("m0: &m0 {k: 1}\n")
	for i := 1; i <= 7; i++ {
		refs := strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*m%d, ", i-1), 8), ", ")
		fmt.Fprintf(&b, "m%d: &m%d {<<: [%s], k: 1}\n", i, i, refs)
	}
	require.EqualError(t, load(t, b.String()), "notices/test.yaml:35:10: merge keys (<<) are not supported: write the keys out")

	b.Reset()
	b.WriteString(goodNotice)
	b.WriteString("m0: &m0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		refs := strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*m%d, ", i-1), 10), ", ")
		fmt.Fprintf(&b, "m%d: &m%d [%s]\n", i, i, refs)
	}
	require.EqualError(t, load(t, b.String()), "notices/test.yaml:39:10: more than 200000 values with aliases expanded")
}
