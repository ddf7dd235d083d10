package engine_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// fishingNotice is a county's fishing ban in the shape of real ones: no
// document number (a department's notice), no end date (in force until
// repealed), and a 除…外 exception in its ban. It is not from a real
// notice: the words are made for the test.
const fishingNotice = `notice:
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
    when: annual 03-01..06-30
    article: 一
rules:
  - id: fishing_ban
    article: 二
    text: 禁渔期内，禁渔水域禁止一切捕捞行为，休闲垂钓和经批准的科研调查捕捞除外。
    effect: forbid
    activities: [fishing]
    if: ban_season && test_ban_waters
    except:
      - id: angling
        text: 休闲垂钓除外
        activities: [leisure_angling]
      - id: research
        text: 经批准的科研调查捕捞除外
        if: has_permit
  - id: reserve_ban
    article: 三
    text: 水产种质资源保护区核心区全年禁止垂钓。
    effect: forbid
    activities: [leisure_angling]
    if: test_core_reserve
`

func fishingEngine(t *testing.T) *engine.Engine {
	t.Helper()
	county := fstest.MapFS{
		"facts.yaml": {Data: []byte(`facts:
  - name: test_ban_waters
    type: bool
    zh: 禁渔水域
    en: in the ban waters
    doc: the place is in the waters the fishing ban names
  - name: test_core_reserve
    type: bool
    zh: 保护区核心区
    en: in a reserve's core zone
    doc: the place is in the core zone of an aquatic germplasm reserve
`)},
		"divisions.csv":        {Data: []byte("code,name\n430426,祁东县\n")},
		"notices/fishing.yaml": {Data: []byte(fishingNotice)},
	}
	e, err := engine.LoadRoots(context.Background(), []rules.Root{{Name: "rules", FS: rules.EmbeddedFS()}, {Name: "xx", FS: county}}, rules.Limits{})
	require.NoError(t, err)
	return e
}

type reasonView struct{ Rule, Status, Text string }

func reasonsOf(d *engine.Decision) []reasonView {
	var out []reasonView
	for _, r := range d.Reasons() {
		out = append(out, reasonView{r.Rule, r.Status, r.Text})
	}
	return out
}

// TestExceptions: where a rule's own 除…外 holds, the rule does not forbid
// ("excepted") and the exception, in the notice's words, is the reason the
// answer is allowed; another rule that forbids still does; an exception
// that may or may not hold makes the answer conditional on it.
func TestExceptions(t *testing.T) {
	e := fishingEngine(t)
	const name = "某县农业农村局 2025-02-20《关于实行禁渔期制度的通告（测试）》"
	q := func(activity, at string, facts engine.Facts) *engine.Decision {
		t.Helper()
		d, err := e.Decide(engine.Query{Activity: activity, Day: day(at), Facts: facts, Place: "430426"})
		require.NoError(t, err)
		return d
	}
	inWaters := engine.Facts{"test_ban_waters": true, "test_core_reserve": false}

	d := q("捕捞", "2025-04-01", engine.Facts{"test_ban_waters": true, "test_core_reserve": false, "has_permit": false})
	require.Equal(t, engine.Forbidden, d.Verdict)
	require.Equal(t, []reasonView{{"fishing_ban", "applies", "禁渔期内，禁渔水域禁止一切捕捞行为，休闲垂钓和经批准的科研调查捕捞除外。"}}, reasonsOf(d))
	require.Equal(t, name, d.Reason(0).Notice, "a notice without a number is cited by issuer, date and title")

	d = q("休闲垂钓", "2025-04-01", inWaters)
	require.Equal(t, engine.Allowed, d.Verdict, "the notice's own words carve angling out")
	require.Equal(t, []reasonView{
		{"fishing_ban", "excepted", "禁渔期内，禁渔水域禁止一切捕捞行为，休闲垂钓和经批准的科研调查捕捞除外。"},
		{"angling", "applies", "休闲垂钓除外"},
		{"research", "may_apply", "经批准的科研调查捕捞除外"}, // has_permit is not given; it does not change the answer
	}, reasonsOf(d))
	require.Equal(t, name+" 二 (angling)", d.Reason(0).OverriddenBy)
	require.Equal(t, "allow", d.Reason(1).Effect)
	require.Contains(t, noteCodes(d), "until_repealed")

	d = q("休闲垂钓", "2025-04-01", engine.Facts{"test_ban_waters": true, "test_core_reserve": true})
	require.Equal(t, engine.Forbidden, d.Verdict, "another rule forbids angling in the core zone: the exception lifts only its own rule")

	d = q("休闲垂钓", "2025-08-01", inWaters)
	require.Equal(t, engine.NoRule, d.Verdict, "outside the ban the exception says nothing: not allowed by absence")
	require.Zero(t, d.NumReasons())

	d = q("捕捞", "2025-04-01", inWaters)
	require.Equal(t, engine.Conditional, d.Verdict, "whether the research exception holds decides")
	require.Equal(t, []string{"has_permit"}, d.UnknownFacts())

	d = q("捕捞", "2025-04-01", engine.Facts{"test_ban_waters": true, "has_permit": true})
	require.Equal(t, engine.Allowed, d.Verdict)
	require.Equal(t, "research", d.Reason(1).Rule)

	// In force until repealed: years on, the ban still applies.
	d = q("捕捞", "2060-05-01", engine.Facts{"test_ban_waters": true, "has_permit": false})
	require.Equal(t, engine.Forbidden, d.Verdict)
}

func noteCodes(d *engine.Decision) []string {
	var out []string
	for _, n := range d.Notes() {
		out = append(out, n.Code)
	}
	return out
}
