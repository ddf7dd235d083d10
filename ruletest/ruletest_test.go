package ruletest_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/ruletest"
)

// A county's rule directory of its own: facts, divisions, one notice
// without a number or an end date, with a 除…外 exception, and its cases.
const (
	facts = `facts:
  - name: in_ban_waters
    type: bool
    zh: 禁渔水域
    en: in the ban waters
    doc: the place is in the waters the fishing ban names
  - name: has_permit
    type: bool
    zh: 经批准
    en: has a permit
    doc: the person holds the permit the notice requires
`
	notice = `notice:
  id: xx-fishing-ban
  title: 关于实行禁渔期制度的通告（测试）
  issuer: 某县农业农村局
  issued: 2025-02-20
  effective: 2025-03-01
  applies_in: [430426]
activities:
  - id: fishing
    name: 捕捞
    en: fishing
  - id: leisure_angling
    name: 休闲垂钓
    en: leisure angling
    parent: fishing
windows:
  - id: ban_season
    name: 禁渔期
    when: annual 03-01..03-31 | annual 06-01..06-30
    article: 一
rules:
  - id: fishing_ban
    article: 二
    text: 禁渔期内，禁渔水域禁止一切捕捞行为，休闲垂钓和经批准的科研调查捕捞除外。
    effect: forbid
    activities: [fishing]
    if: ban_season && in_ban_waters
    except:
      - id: angling
        text: 休闲垂钓除外
        activities: [leisure_angling]
      - id: research
        text: 经批准的科研调查捕捞除外
        if: has_permit
`
	cases = `notice: xx-fishing-ban
cases:
  - name: first day of the spring part
    activity: 捕捞
    at: 2025-03-01
    facts: {in_ban_waters: true, has_permit: false}
    want: forbidden
    rules: [fishing_ban]
    windows: [ban_season]
  - name: last day of the spring part
    activity: 捕捞
    at: 2025-03-31
    facts: {in_ban_waters: true, has_permit: false}
    want: forbidden
    windows: [ban_season]
  - name: first day of the summer part
    activity: 捕捞
    at: 2025-06-01
    facts: {in_ban_waters: true, has_permit: false}
    want: forbidden
    windows: [ban_season]
  - name: last day of the summer part
    activity: 捕捞
    at: 2026-06-30
    facts: {in_ban_waters: true, has_permit: false}
    want: forbidden
    windows: [ban_season]
  - name: angling is excepted
    activity: 休闲垂钓
    at: 2025-03-15
    facts: {in_ban_waters: true, has_permit: false}
    want: allowed
    rules: [fishing_ban, angling]
    notes: [until_repealed]
  - name: with a permit
    activity: 捕捞
    at: 2025-03-15
    facts: {in_ban_waters: true}
    want: conditional
    unknown: [has_permit]
`
)

func dir(notice, cases string) fstest.MapFS {
	return fstest.MapFS{
		"facts.yaml":                 {Data: []byte(facts)},
		"divisions.csv":              {Data: []byte("code,name\n430426,祁东县\n")},
		"notices/fishing.yaml":       {Data: []byte(notice)},
		"notices/fishing.cases.yaml": {Data: []byte(cases)},
	}
}

func run(t *testing.T, notice, cases string) *ruletest.Report {
	t.Helper()
	rep, err := ruletest.RunFS(dir(notice, cases))
	require.NoError(t, err)
	for _, r := range rep.Results {
		require.True(t, r.Passed(), r.String())
	}
	return rep
}

func TestCoverage(t *testing.T) {
	rep := run(t, notice, cases)
	require.True(t, rep.OK(), "%+v", rep.Coverage)
	require.Equal(t, "某县农业农村局 2025-02-20《关于实行禁渔期制度的通告（测试）》", rep.Coverage[0].Notice)
	require.Equal(t, 3, rep.Coverage[0].Rules)
	require.Equal(t, 4, rep.Coverage[0].Edges, "two parts, two edges each")

	// The research exception is among the reasons of the angling case
	// (may_apply), but that answer is allowed whatever the permit: it is
	// not cited there, so without the conditional case it is not covered.
	rep = run(t, notice, cases[:strings.Index(cases, "  - name: with a permit")])
	require.Equal(t, []string{"research"}, rep.Coverage[0].UncoveredRules)

	// Each part of a union window has its edges: the summer part's are
	// not the spring part's.
	springOnly := strings.Replace(strings.Replace(cases, "2025-06-01", "2025-03-10", 1), "2026-06-30", "2025-03-20", 1)
	rep = run(t, notice, springOnly)
	require.Equal(t, []string{
		"ban_season (annual 06-01..06-30): first day",
		"ban_season (annual 06-01..06-30): last day",
	}, rep.Coverage[0].UncoveredEdges)
	require.False(t, rep.OK())
}

// TestLoadsAsCheckDoes: a rule directory passes `tonggao test` exactly when
// `tonggao check` can load it. A notice without a number used to pass the
// test (which built its engine without the register of documents) and be
// refused by check (whose register wanted a number to parse); now both
// load it, and a number the register cannot read fails both.
func TestLoadsAsCheckDoes(t *testing.T) {
	for _, tc := range []struct {
		name, notice, err string
	}{
		{"no number", notice, ""},
		{"a number", strings.Replace(notice, "  id: xx-fishing-ban\n", "  number: 祁东农〔2025〕3号\n", 1), ""},
		{"a number the register cannot read", strings.Replace(notice, "  id: xx-fishing-ban\n", "  number: 第三号\n", 1), "notice number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := cases
			if strings.Contains(tc.notice, "number:") {
				c = strings.Replace(cases, "notice: xx-fishing-ban", "notice: "+strings.TrimSpace(strings.SplitN(strings.SplitN(tc.notice, "number:", 2)[1], "\n", 2)[0]), 1)
			}
			_, checkErr := engine.Load(dir(tc.notice, c))
			rep, testErr := ruletest.RunFS(dir(tc.notice, c))
			if tc.err == "" {
				require.NoError(t, checkErr)
				require.NoError(t, testErr)
				require.True(t, rep.OK())
				return
			}
			require.ErrorContains(t, checkErr, tc.err)
			require.ErrorContains(t, testErr, tc.err)
		})
	}
}
