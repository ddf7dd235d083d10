package rules_test

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/rules"
)

const placeFacts = `facts:
  - name: town
    type: enum
    divisions: township
    doc: the township
  - name: near
    type: bool
    doc: near
`

const placeDivisions = "# test\ncode,name\n431100,永州市\n431181,祁阳市\n431181107,白水镇\n431181108,进宝塘镇\n110105,朝阳区\n110105001,进宝塘镇\n"

// placeNotice is a notice numbered n that applies in where (a YAML flow
// list's items, or "" for no applies_in).
func placeNotice(n, where string) string {
	applies := ""
	if where != "" {
		applies = "  applies_in: [" + where + "]\n"
	}
	return fmt.Sprintf(`notice:
  number: 测试〔2024〕%s号
  title: 测试通告%s
  effective: 2024-09-01
  valid_until: 2025-08-31
%sactivities:
  - id: act_%s
    name: 测试%s
    en: test %s
rules:
  - id: ban
    article: 一
    text: 严禁。
    effect: forbid
    activities: [act_%s]
    if: near
`, n, n, applies, n, n, n, n)
}

func loadPlaces(notices ...string) (*rules.Set, error) {
	m := fstest.MapFS{"facts.yaml": {Data: []byte(placeFacts)}, rules.DivisionsFile: {Data: []byte(placeDivisions)}}
	for i, n := range notices {
		m[fmt.Sprintf("notices/n%d.yaml", i)] = &fstest.MapFile{Data: []byte(n)}
	}
	return rules.Load(m)
}

func TestAppliesIn(t *testing.T) {
	set, err := loadPlaces(placeNotice("1", "431181"), placeNotice("2", "白水镇, 110105"), placeNotice("3", `"431100"`))
	require.NoError(t, err)
	require.Equal(t, []division.Code{"431181"}, set.Notices[0].AppliesIn)
	require.Equal(t, []division.Code{"431181107", "110105"}, set.Notices[1].AppliesIn)
	require.Equal(t, 6, set.Divisions.Len())

	// The town fact's values are the table's townships, each name once.
	town, ok := set.Fact("town")
	require.True(t, ok)
	require.Equal(t, []string{"白水镇", "进宝塘镇"}, town.Values)
	require.Equal(t, division.Township, town.Divisions)
}

func TestAppliesInErrors(t *testing.T) {
	for _, tc := range []struct {
		notices []string
		want    string
	}{
		{[]string{placeNotice("1", "431118")}, `notices/n0.yaml:6:16: applies_in: division 431118 is not in divisions.csv (did you mean 431100, 431181, 431181108?)`},
		{[]string{placeNotice("1", "祁阳")}, `notices/n0.yaml:6:16: applies_in: "祁阳" is neither a division code nor a division named in divisions.csv (did you mean 祁阳市?)`},
		{[]string{placeNotice("1", "进宝塘镇")}, `notices/n0.yaml:6:16: applies_in: "进宝塘镇" names 2 divisions (进宝塘镇（431181108）, 进宝塘镇（110105001）): write the code`},
		{[]string{placeNotice("1", "4311")}, `notices/n0.yaml:6:16: applies_in: division code "4311" has 4 digits`},
		{[]string{placeNotice("1", "431181, 白水镇")}, `notices/n0.yaml:6:24: applies_in: 白水镇（431181107） overlaps 祁阳市（431181）, listed before it`},
		{[]string{placeNotice("1", "431181"), placeNotice("2", "")}, `notices/n1.yaml:2:11: notice 测试〔2024〕2号 does not say where it applies (applies_in), but 测试〔2024〕1号 (notices/n0.yaml) does`},
	} {
		_, err := loadPlaces(tc.notices...)
		require.ErrorContains(t, err, tc.want)
	}
}

func TestDivisionFactErrors(t *testing.T) {
	for _, tc := range []struct{ facts, divisions, want string }{
		{"facts:\n  - {name: town, type: enum, divisions: county, doc: d}\n", "code,name\n431181107,白水镇\n", "facts.yaml:2:41: fact \"town\": divisions.csv lists no county divisions"},
		{"facts:\n  - {name: town, type: enum, divisions: towns, doc: d}\n", "code,name\n431181107,白水镇\n", `facts.yaml:2:41: fact "town": division level "towns" is not province`},
		{"facts:\n  - {name: town, type: enum, values: [a], divisions: township, doc: d}\n", "code,name\n431181107,白水镇\n", `give values or divisions, not both`},
		{"facts:\n  - {name: town, type: bool, divisions: township, doc: d}\n", "code,name\n431181107,白水镇\n", `only an enum fact takes its values from divisions`},
		{"facts: []\n", "code,name\n431181107\n", "rules: divisions.csv:2: want the columns code and name"},
	} {
		_, err := rules.Load(fstest.MapFS{"facts.yaml": {Data: []byte(tc.facts)}, rules.DivisionsFile: {Data: []byte(tc.divisions)}, "notices/.keep": {}})
		require.ErrorContains(t, err, tc.want, tc.facts)
	}
}

// Without a divisions table a notice may still name codes (the table is
// what names them in answers), but not names.
func TestAppliesInWithoutTable(t *testing.T) {
	m := fstest.MapFS{"facts.yaml": {Data: []byte("facts:\n  - {name: near, type: bool, doc: d}\n")}, "notices/n.yaml": {Data: []byte(placeNotice("1", "431181"))}}
	set, err := rules.Load(m)
	require.NoError(t, err)
	require.Equal(t, []division.Code{"431181"}, set.Notices[0].AppliesIn)
	m["notices/n.yaml"] = &fstest.MapFile{Data: []byte(placeNotice("1", "祁阳市"))}
	_, err = rules.Load(m)
	require.ErrorContains(t, err, `"祁阳市" is neither a division code nor a division named in divisions.csv`)
}

// The embedded rule base applies in 祁阳市, and its town fact names the 28
// townships of the division list.
func TestEmbeddedAppliesIn(t *testing.T) {
	set, err := rules.Embedded()
	require.NoError(t, err)
	for _, n := range set.Notices {
		require.Equal(t, []division.Code{"431181"}, n.AppliesIn, n.File)
	}
	town, _ := set.Fact("town")
	require.Len(t, town.Values, 28)
	require.Equal(t, "祁阳市", set.Divisions.Name("431181"))
}
