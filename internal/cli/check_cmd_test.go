package cli

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/rules"
)

func TestCheckCommand(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"README command", []string{"check", "--activity", "烧田埂", "--at", "2024-10-03", "--fact", "distance_to_forest_m=50"}, 0,
			[]string{"不可以", "祁政通〔2024〕7号 第三条", "2024-10-01—2024-10-07"}},
		{"UTC time is converted to China's day", []string{"check", "--activity", "烧田埂", "--at", "2024-08-31T17:00:00Z", "--fact", "distance_to_forest_m=50", "--fact", "fire_zone=general"}, 0,
			[]string{"不可以", "2024-09-01"}},
		{"no rule is never allowed", []string{"check", "--activity", "烧田埂", "--at", "2024-10-03", "--fact", "distance_to_forest_m=500"}, 0,
			[]string{"本规则库没有相关规定", "不等于“可以”"}},
		{"conditional names the fact", []string{"check", "--activity", "野炊", "--at", "2024-11-11"}, 0,
			[]string{"要看情况", "需要确认：离林地边缘的距离（米）", "若 离林地边缘的距离（米） ≤ 100 → 不可以", "若 离林地边缘的距离（米） > 100"}},
		// Issue 14 item 23: 九 prints "举报电话:3399110(市城管综合执法局)" without the
		// area code; the answer adds it as a note after the number.
		{"a phone printed without its area code", []string{"check", "--activity", "乱倒垃圾", "--at", "2024-11-01", "--fact", "urban_area=true", "--fact", "market_vicinity=true"}, 0,
			[]string{"举报电话（市城管综合执法局） 3399110（区号0746）"}},
		{"unknown activity", []string{"check", "--activity", "烧田梗", "--at", "2024-10-03"}, 2, []string{`unknown activity "烧田梗"`, "烧田埂"}},
		{"bad fact name", []string{"check", "--activity", "烧田埂", "--fact", "distance=5"}, 2, []string{"--fact distance: unknown fact", "distance_to_forest_m"}},
		{"bad fact value", []string{"check", "--activity", "烧田埂", "--fact", "distance_to_forest_m=far"}, 2, []string{`--fact distance_to_forest_m: "far" is not a number`}},
		{"bad enum value", []string{"check", "--activity", "烧田埂", "--fact", "fire_zone=kee"}, 2, []string{"fact fire_zone", "not one of key, general"}},
		{"bad date", []string{"check", "--activity", "烧田埂", "--at", "2024-02-30"}, 2, []string{"--at"}},
		{"missing activity", []string{"check"}, 2, []string{"--activity is required"}},
		{"point without layers", []string{"check", "--activity", "野炊", "--lat", "26.5", "--lon", "111.8", "--crs", "gcj02"}, 2, []string{"--layers"}},
		{"point without crs", []string{"check", "--activity", "野炊", "--lat", "26.5", "--lon", "111.8", "--layers", "../../place/testdata/synthetic"}, 2, []string{"--crs"}},
		{"contradiction", []string{"check", "--activity", "野炊", "--fact", "in_forest_land=true", "--fact", "distance_to_forest_m=50"}, 2, []string{"contradictory facts"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCmd(tc.args...)
			require.Equal(t, tc.code, code, "stdout: %s\nstderr: %s", out, errOut)
			for _, c := range tc.contains {
				require.Contains(t, out+errOut, c)
			}
		})
	}
}

func TestCheckEnglish(t *testing.T) {
	code, out, errOut := runCmd("check", "--activity", "烧田埂", "--at", "2024-10-03", "--fact", "distance_to_forest_m=50", "--lang", "en")
	require.Equal(t, 0, code, errOut)
	lines := strings.Split(out, "\n")
	for _, want := range []string{
		"No (burning field ridges, 2024-10-03)",
		"Grounds:",
		"1. 祁政通〔2024〕7号, article 3: 严禁农事活动时烧灰积肥、炼山、烧地坎草、烧田埂；",
		"Change: from 2025-05-01 the answer becomes “It depends”.",
		"Penalties:",
		"Contact: 森林火警电话 119 or 0746—3213950",
	} {
		require.Contains(t, lines, want, out)
	}
	require.Contains(t, out, "   Period: 禁火期（一般森林防火区） 2024-09-01—2025-04-30")
	require.Contains(t, out, "   Reading of “国庆假期期间”: ")
	require.Regexp(t, `(?m)^\(rule base sha256:[0-9a-f]{12}; holiday data .+\)$`, out)
	for _, zh := range []string{"不可以", "依据：", "时段：", "解读", "变化：", "违者处理：", "联系：", "规则库", "节假日数据"} {
		require.NotContains(t, out, zh)
	}

	code, out, errOut = runCmd("check", "--activity", "烧田埂", "--at", "2024-10-03", "--lang", "en")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "It depends (burning field ridges, 2024-10-03)\n")
	require.Contains(t, out, " (depends on: forest fire-prevention area class, inside forest land, distance to the nearest forest-land edge (metres))\n")
	require.Contains(t, out, "\nTo confirm: distance to the nearest forest-land edge (metres)\n   If distance to the nearest forest-land edge (metres) ≤ 100 → No\n   If distance to the nearest forest-land edge (metres) > 100 → The rule base has no rule on this\n")

	code, _, errOut = runCmd("check", "--activity", "烧田埂", "--lang", "fr")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "--lang")
}

// Every line of tonggao check renders from the catalogue in both languages:
// each key render.go asks for exists, each check.* key is used, and
// decisions of every shape render with no missing key ([key]) and no
// unfilled placeholder ({name}).
// TestCheckSaysNoIDs: the plain-text answer names facts by their labels in
// facts.yaml, enum values by theirs, and terms by their catalogue names —
// never by ids such as road_kind or fee (issue 14 item 20).
func TestCheckSaysNoIDs(t *testing.T) {
	id := regexp.MustCompile(`[a-z]+_[a-z_]+|\b(?:fee|covered|assistance|household|receipt|documents|where|also|true|false)\b`)
	for _, args := range [][]string{
		{"--activity", "摆摊", "--at", "2024-11-11"},
		{"--activity", "野炊", "--at", "2024-11-11"},
		{"--activity", "交医保", "--at", "2024-09-01"},
		{"--activity", "交医保", "--at", "2025-10-10"},
		{"--activity", "排放建筑垃圾", "--at", "2024-10-10"},
		{"--activity", "倾倒建筑垃圾", "--at", "2024-10-10"},
		{"--activity", "采摘油茶果", "--at", "2024-10-25"},
		{"--activity", "抽烟", "--at", "2024-11-10"},
		{"--activity", "货箱载人", "--at", "2024-10-20"},
		{"--activity", "私搭乱建", "--at", "2025-03-10"},
	} {
		code, out, errOut := runCmd(append([]string{"check"}, args...)...)
		require.Equal(t, 0, code, errOut)
		// Readings name facts by their labels too (issue 14 item 20);
		// only the receipt's digest is Latin.
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "规则库 sha256") {
				continue
			}
			require.NotRegexp(t, id, line, "%v", args)
		}
	}
	set, err := rules.Embedded()
	require.NoError(t, err)
	ascii := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	for _, n := range set.Notices {
		for _, r := range n.Rules {
			for _, tm := range r.Terms {
				if ascii.MatchString(tm.Name) {
					require.Contains(t, catalog().Messages, "term_name."+tm.Name, "%s: term %s has no name in hotline/catalog.yaml", r.ID, tm.Name)
				}
			}
		}
	}
}

func TestCheckLabelsAreInTheCatalogue(t *testing.T) {
	src, err := os.ReadFile("render.go")
	require.NoError(t, err)
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`\bt\("([a-z_.]+)"`).FindAllStringSubmatch(string(src), -1) {
		used[m[1]] = true
	}
	require.NotEmpty(t, used)
	for k := range used {
		require.Contains(t, catalog().Messages, k, "render.go uses %s, which hotline/catalog.yaml lacks", k)
	}
	for k := range catalog().Messages {
		if strings.HasPrefix(k, "check.") {
			require.True(t, used[k], "hotline/catalog.yaml has %s, which render.go does not use", k)
		}
	}

	unfilled := regexp.MustCompile(`\{[a-z_]+\}|\[[a-z_.]+\]`)
	for _, args := range [][]string{
		{"--activity", "烧田埂", "--at", "2024-10-03", "--fact", "distance_to_forest_m=50"},                              // forbidden
		{"--activity", "烧田埂", "--at", "2024-10-03"},                                                                   // conditional
		{"--activity", "烧田埂", "--at", "2025-07-03", "--fact", "distance_to_forest_m=500"},                             // no rule
		{"--activity", "烧田埂", "--at", "2024-10-03", "--fact", "distance_to_forest_m=95..105"},                         // range note
		{"--activity", "建筑垃圾混装运输", "--at", "2024-10-10", "--fact", "planning_area=true", "--fact", "has_permit=true"}, // overridden
		{"--activity", "交医保", "--at", "2024-09-01"},                                                                   // terms
	} {
		for _, l := range []hotline.Lang{hotline.ZH, hotline.EN} {
			code, out, errOut := runCmd(append([]string{"check", "--lang", string(l)}, args...)...)
			require.Equal(t, 0, code, errOut)
			require.NotRegexp(t, unfilled, out, "%v (%s)", args, l)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, errOut := runCmd("check", "--activity", "烧田埂", "--at", "2024-10-03", "--fact", "distance_to_forest_m=50", "--fact", "fire_zone=general", "--json")
	require.Equal(t, 0, code, errOut)
	var d struct {
		Verdict string `json:"verdict"`
		Reasons []struct {
			Notice, Article, Text, Window string
		} `json:"reasons"`
		UnknownFacts []string `json:"unknown_facts"`
		NextChange   *struct {
			Date string `json:"date"`
		} `json:"next_change"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	require.Equal(t, "forbidden", d.Verdict)
	require.NotNil(t, d.UnknownFacts)
	require.Empty(t, d.UnknownFacts)
	require.Equal(t, "祁政通〔2024〕7号", d.Reasons[0].Notice)
	require.Equal(t, "三", d.Reasons[0].Article)
	require.Contains(t, d.Reasons[0].Window, "特别防护期：国庆假期 2024-10-01—2024-10-07")
	require.Equal(t, "2025-05-01", d.NextChange.Date)
}

func TestHereAndTestCommands(t *testing.T) {
	code, out, errOut := runCmd("here", "--lat", "26.3534128", "--lon", "111.7616375", "--crs", "wgs84", "--layers", "../../place/testdata/synthetic", "--at", "2025-07-10")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "不可以 野炊")
	require.Contains(t, out, "职责 第四条")

	code, out, _ = runCmd("test", "../../rules")
	require.Equal(t, 0, code, out)
	require.Regexp(t, `(?m)^\d+ passed, 0 failed$`, out)
	code, _, _ = runCmd("test", "/nonexistent")
	require.Equal(t, 2, code)
}

// Outcomes and exceptions are said in the answer's language, from the
// catalogue: no English "other than" or "any" in a Chinese outcome, and an
// exception cited by its words, not its id.
func TestCheckSaysPlacesAndExceptionsInWords(t *testing.T) {
	code, out, errs := runCmd("check", "--rules", "../../examples/notices/zhengzhou", "--activity", "放鞭炮", "--at", "2025-01-28 20:00")
	require.Equal(t, 0, code, errs)
	require.NotContains(t, out, "other than")
	require.NotContains(t, out, " any ")
	require.NotContains(t, out, "place")
	require.Contains(t, out, "若 地点：中原区（410102）、二七区（410103）、管城回族区（410104）、金水区（410105）、惠济区（410108）、祁阳市（431181）以外的地方 → ")
	require.Contains(t, out, "离林地边缘的距离（米）不论多少 → 不可以")
	code, out, errs = runCmd("check", "--rules", "../../examples/notices/zhengzhou", "--activity", "放鞭炮", "--at", "2025-01-28 20:00", "--lang", "en")
	require.Equal(t, 0, code, errs)
	require.Contains(t, out, "If place: other than 中原区（410102）, 二七区（410103）")
	code, out, errs = runCmd("ask", "--rules", "../../examples/notices/zhengzhou", "2025年1月28日晚上8点能放鞭炮吗", "--at", "2025-01-20")
	require.Equal(t, 0, code, errs)
	require.Contains(t, out, "要看地点")
	require.NotContains(t, out, "place")

	code, out, errs = runCmd("check", "--embedded=false", "--rules", "../../examples/notices/wendeng", "--activity", "烧荒",
		"--at", "2022-01-05", "--fact", "distance_to_forest_m=50", "--fact", "has_permit=true")
	require.Equal(t, 0, code, errs)
	require.Contains(t, out, "（例外：除森林防火指挥机构批准的计划用火外）")
	require.NotContains(t, out, "(planned-fire)")
}
