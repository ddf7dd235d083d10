package rules_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/rules"
)

const goodNotice = `notice:
  number: 测试〔2024〕1号
  title: 测试通告
  effective: 2024-09-01
  valid_until: 2025-08-31
interpretations:
  - id: zone
    words: 附近
    reading: 100米以内
    alternative: 50米以内
    why: 保守
activities:
  - id: test_fire
    name: 测试用火
    en: test fire
windows:
  - id: season
    name: 季节
    when: annual 09-01..04-30
    article: 一
conditions:
  - id: near
    name: 附近
    if: distance_to_forest_m <= 100
    article: 二
    interpretations: [zone]
rules:
  - id: ban
    article: 三
    text: 严禁测试用火。
    effect: forbid
    activities: [test_fire]
    if: season && near
`

func load(t *testing.T, notice string) error {
	t.Helper()
	_, err := loadSet(t, notice)
	return err
}

// loadSet loads notice beside the embedded facts.
func loadSet(t *testing.T, notice string) (*rules.Set, error) {
	t.Helper()
	facts, err := fs.ReadFile(rules.EmbeddedFS(), "facts.yaml")
	require.NoError(t, err)
	divisions, err := fs.ReadFile(rules.EmbeddedFS(), rules.DivisionsFile) // the town fact's values
	require.NoError(t, err)
	return rules.Load(fstest.MapFS{
		"facts.yaml":        {Data: facts},
		rules.DivisionsFile: {Data: divisions},
		"notices/test.yaml": {Data: []byte(notice)},
		"notices/other.txt": {Data: []byte("ignored")},
	})
}

func TestLoadGood(t *testing.T) {
	require.NoError(t, load(t, goodNotice))
}

// TestLoadErrors mutates the good notice and checks each problem is named
// at its file, line and column.
func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"unknown key", "    effect: forbid\n", "    effect: forbid\n    colour: red\n", `notices/test.yaml:32:5: unknown field "colour"`},
		{"unknown fact", "if: distance_to_forest_m <= 100", "if: distanc_to_forest_m <= 100", `notices/test.yaml:24:9: unknown name distanc_to_forest_m`},
		{"not boolean", "if: season && near", "if: distance_to_forest_m", "notices/test.yaml:33:9: expected bool"},
		{"bad enum value", "if: season && near", `if: season && fire_zone == "keyy"`, `notices/test.yaml:33:32: fire_zone has no value "keyy"`},
		{"unknown window in a condition", "if: season && near", "if: seasn && near", "notices/test.yaml:33:9: unknown name seasn"},
		{"bad window text", "when: annual 09-01..04-30", "when: annual 09-31..04-30", `notices/test.yaml:19:18: window "season": window "annual 09-31..04-30": column 8: bad month-day "09-31"`},
		{"unknown activity", "activities: [test_fire]", "activities: [test_fir]", `notices/test.yaml:32:18: rule "ban": unknown activity id "test_fir" (did you mean test_fire?)`},
		{"duplicate rule id", "    if: season && near\n", "    if: season && near\n  - id: ban\n    article: 三\n    text: x\n    effect: forbid\n    activities: [test_fire]\n    if: near\n", `rule "ban" is declared twice`},
		{"activity without a name", "    name: 测试用火\n", "", `activity "test_fire" has no name`},
		{"validity reversed", "valid_until: 2025-08-31", "valid_until: 2023-08-31", "notices/test.yaml:5:16: notice.valid_until 2023-08-31 is before effective 2024-09-01"},
		{"bad date", "effective: 2024-09-01", "effective: 2024-09-31", "notices/test.yaml:4:14: notice.effective"},
		{"unknown interpretation", "interpretations: [zone]", "interpretations: [zon]", `unknown interpretation "zon" (did you mean zone?)`},
		{"rule without text", "    text: 严禁测试用火。\n", "", `rule "ban" must cite its article and quote its text`},
		{"bad effect", "effect: forbid", "effect: permit", `effect "permit" is not forbid or allow`},
		{"a call", "if: season && near", "if: season && now() > 0", "notices/test.yaml:33:19: unknown name now"},
		{"implies an unknown fact", "    en: test fire\n", "    en: test fire\n    implies: {designated_plac: false}\n", `notices/test.yaml:16:15: activity "test_fire" implies unknown fact "designated_plac" (did you mean designated_place?)`},
		{"implies a wrong value", "    en: test fire\n", "    en: test fire\n    implies: {designated_place: no}\n", `notices/test.yaml:16:33: activity "test_fire" implies designated_place = "no": want true or false`},
		{"implies a value not in the enum", "    en: test fire\n", "    en: test fire\n    implies: {road_kind: lane}\n", `activity "test_fire" implies road_kind = "lane": want one of main_road, street, pavement, off_road`},
		{"implies a negative distance", "    en: test fire\n", "    en: test fire\n    implies: {distance_to_forest_m: -1}\n", `implies distance_to_forest_m = "-1": want a number ≥ 0`},
		{"implies contradict each other", "    en: test fire\n", "    en: test fire\n    implies: {in_forest_land: true, distance_to_forest_m: 50}\n", `notices/test.yaml:13:7: activity "test_fire": the facts it implies contradict each other`},
		{"implies is not a mapping", "    en: test fire\n", "    en: test fire\n    implies: [designated_place]\n", `want a mapping of fact names to values`},
		{"penalty for an unknown rule", "  valid_until: 2025-08-31\n", "  valid_until: 2025-08-31\n  penalties:\n    - {id: p, article: 四, text: 罚。, rules: [bann]}\n", `notices/test.yaml:7:45: penalty: unknown rule "bann" (did you mean ban?)`},
		{"penalty in an unknown window", "  valid_until: 2025-08-31\n", "  valid_until: 2025-08-31\n  penalties:\n    - {id: p, article: 四, text: 罚。, when: seasn}\n", `penalty: unknown window "seasn" (did you mean season?)`},
		{"fine range reversed", "  valid_until: 2025-08-31\n", "  valid_until: 2025-08-31\n  penalties:\n    - {id: p, article: 四, text: 罚。, fine: {min: 500, max: 50}}\n", `fine max 50 is below min 500`},
		{"penalty declared twice", "  valid_until: 2025-08-31\n", "  valid_until: 2025-08-31\n  penalties:\n    - {id: p, article: 四, text: 罚。}\n    - {id: p, article: 四, text: 罚。}\n", `penalty "p" is declared twice`},
		{"per-person amount not in the value", "    if: season && near\n", "    if: season && near\n    terms:\n      - {name: fee, value: 400元/人, text: 缴费标准为400元/人, per_person: {amount: 40, unit: 元}}\n", `notices/test.yaml:35:67: rule "ban": term "fee": per_person 40元 is not in its value "400元/人"`},
		{"per-person amount the text does not state", "    if: season && near\n", "    if: season && near\n    terms:\n      - {name: fee, value: 400元/人, text: 按标准缴费, per_person: {amount: 400, unit: 元}}\n", `rule "ban": term "fee": per_person 400元 is stated neither in its text nor in a reading the rule cites`},
		{"per-person amount without a unit", "    if: season && near\n", "    if: season && near\n    terms:\n      - {name: fee, value: 400元/人, text: 400元/人, per_person: {amount: 400}}\n", `term "fee": per_person needs amount and unit`},
		{"conflict without precedence", "    if: season && near\n", "    if: season && near\n  - id: ok\n    article: 四\n    text: 可以。\n    effect: allow\n    activities: [test_fire]\n    if: near\n", `rule "ok" (allow) and rule "ban" (forbid`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Contains(t, goodNotice, tc.old, "test setup")
			err := load(t, strings.Replace(goodNotice, tc.old, tc.new, 1))
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.want)
			require.NotContains(t, err.Error(), "\n", "one mistake, one error: no cascade")
		})
	}
}

// TestPerPersonLoad: a term's amount for each person is kept when its
// words state it, in the text or in a reading the rule cites.
func TestPerPersonLoad(t *testing.T) {
	notice := strings.Replace(goodNotice, "    if: season && near\n", "    if: season && near\n    interpretations: [zone]\n    terms:\n"+
		"      - {name: fee, value: 400元/人, text: 缴费标准为400元/人, per_person: {amount: 400, unit: 元}}\n"+
		"      - {name: share, value: 个人缴纳100米, text: 资助一半, per_person: {amount: 100, unit: 米}}\n", 1)
	set, err := loadSet(t, notice)
	require.NoError(t, err)
	var terms []rules.Term
	for _, n := range set.Notices {
		for _, r := range n.Rules {
			if r.ID == "ban" {
				terms = r.Terms
			}
		}
	}
	require.Len(t, terms, 2)
	require.Equal(t, &rules.Amount{Value: 400, Unit: "元"}, terms[0].PerPerson)
	require.Equal(t, "100米", terms[1].PerPerson.String(), "stated by the reading of zone (100米以内)")
}

// TestImpliesLoad: an activity's implied facts are checked and kept, an
// enum given by its label.
func TestImpliesLoad(t *testing.T) {
	facts, err := fs.ReadFile(rules.EmbeddedFS(), "facts.yaml")
	require.NoError(t, err)
	n := strings.Replace(goodNotice, "    en: test fire\n", "    en: test fire\n    implies: {designated_place: false, road_kind: 人行道, distance_to_forest_m: 0}\n", 1)
	divisions, err := fs.ReadFile(rules.EmbeddedFS(), rules.DivisionsFile)
	require.NoError(t, err)
	set, err := rules.Load(fstest.MapFS{"facts.yaml": {Data: facts}, rules.DivisionsFile: {Data: divisions}, "notices/test.yaml": {Data: []byte(n)}})
	require.NoError(t, err)
	a, ok := set.Activity("test_fire")
	require.True(t, ok)
	var got []string
	for _, x := range a.Implies {
		got = append(got, x.String())
	}
	require.Equal(t, []string{"designated_place = false", "road_kind = pavement", "distance_to_forest_m = 0"}, got)
}

// TestPenaltiesFollowRules: a penalty names the rules it punishes; without
// rules it follows every forbidding rule, with rules: [] none.
func TestPenaltiesFollowRules(t *testing.T) {
	facts, err := fs.ReadFile(rules.EmbeddedFS(), "facts.yaml")
	require.NoError(t, err)
	divisions, err := fs.ReadFile(rules.EmbeddedFS(), rules.DivisionsFile)
	require.NoError(t, err)
	n := strings.Replace(goodNotice, "  valid_until: 2025-08-31\n", `  valid_until: 2025-08-31
  penalties:
    - {id: all, article: 四, text: 处理。}
    - {id: none, article: 四, text: 妨碍执法的处罚。, rules: []}
    - {id: named, article: 四, text: 罚款。, rules: [ban], who: 个人, fine: {min: 50, max: 500}, sanctions: [警告]}
`, 1)
	n = strings.Replace(n, "    if: season && near\n", "    if: season && near\n  - id: ok\n    article: 五\n    text: 可以。\n    effect: allow\n    activities: [test_fire]\n    if: distance_to_forest_m > 100\n", 1)
	set, err := rules.Load(fstest.MapFS{"facts.yaml": {Data: facts}, rules.DivisionsFile: {Data: divisions}, "notices/test.yaml": {Data: []byte(n)}})
	require.NoError(t, err)
	nt, ok := set.Notice("测试〔2024〕1号")
	require.True(t, ok)
	ids := func(ps []*rules.Penalty) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	require.Equal(t, []string{"all", "named"}, ids(nt.Rules[0].Penalties), "the forbidding rule")
	require.Empty(t, nt.Rules[1].Penalties, "nobody is punished for what a rule allows")
	named := nt.Penalties[2]
	require.Equal(t, "个人", named.Who)
	require.Equal(t, 50.0, *named.Fine.MinYuan)
	require.Equal(t, 500.0, *named.Fine.MaxYuan)
	require.Equal(t, []string{"ban"}, named.Rules)
	require.Empty(t, nt.Penalties[1].Rules)
}

func TestConflictResolvedByOverrides(t *testing.T) {
	n := strings.Replace(goodNotice, "    if: season && near\n", "    if: season && near\n  - id: ok\n    article: 四\n    text: 可以。\n    effect: allow\n    activities: [test_fire]\n    if: near\n    overrides: [ban]\n", 1)
	require.NoError(t, load(t, n))
	// Disjoint conditions need no precedence.
	n = strings.Replace(goodNotice, "    if: season && near\n", "    if: season && near\n  - id: ok\n    article: 四\n    text: 可以。\n    effect: allow\n    activities: [test_fire]\n    if: distance_to_forest_m > 100\n", 1)
	require.NoError(t, load(t, n))
}

func TestAllErrorsAtOnce(t *testing.T) {
	bad := strings.Replace(strings.Replace(goodNotice, "activities: [test_fire]", "activities: [nope]", 1), "effect: forbid", "effect: maybe", 1)
	err := load(t, bad)
	t.Log(err)
	var list rules.ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 2)
}

// TestNesting: collections nested deeper than Limits.MaxDepth are refused
// before the YAML parser sees them (it takes 38 s on flow collections
// 100,000 deep, 43 s on block sequences 50,000 deep), at the collection
// that goes too deep; brackets in quoted text and comments do not count.
func TestNesting(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	err := load(t, goodNotice+"extra: "+deep+"\n")
	require.EqualError(t, err, "notices/test.yaml:34:71: collections nested more than 64 deep")
	err = load(t, goodNotice+"extra:\n"+strings.Repeat("- ", 50000)+"x\n")
	require.EqualError(t, err, "notices/test.yaml:35:127: collections nested more than 64 deep")

	fine := strings.Replace(goodNotice, "text: 严禁测试用火。", `text: "严禁[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[测试用火。" # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{`, 1)
	require.NoError(t, load(t, fine))
	single := strings.Replace(goodNotice, "why: 保守", `why: 'it''s [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['`, 1)
	require.NoError(t, load(t, single))
}
