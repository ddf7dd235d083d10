package engine_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// Two synthetic counties' notices, loaded beside the embedded 祁阳 set.
// Their acts overlap 祁阳's: 甲区 bans fire within 50 m of forest all
// year (祁阳: 100 m, in the fire season); 乙区 bans fireworks everywhere,
// all year (祁阳: only in no-discharge zones). A third synthetic notice
// applies in one township of 祁阳 only. The codes are real divisions; the
// notices are made up and say so.
const (
	jiaFireBan = `notice:
  number: 合成甲〔2024〕1号
  title: 甲区森林防火禁火令（合成测试通告）
  issuer: 甲区人民政府（合成）
  applies_in: [110105]
  effective: 2024-01-01
  valid_until: 2028-12-31
conditions:
  - id: near_forest_50
    name: 林地边缘50米以内
    if: in_forest_land || distance_to_forest_m <= 50
    article: 二
rules:
  - id: no-fire-near-forest
    article: 二
    text: 全年禁止在林地及林地边缘50米以内野外用火。
    effect: forbid
    activities: [outdoor_fire]
    if: near_forest_50
`
	yiFireworks = `notice:
  number: 合成乙〔2024〕2号
  title: 乙区禁止燃放烟花爆竹的通告（合成测试通告）
  issuer: 乙区人民政府（合成）
  applies_in: [渝水区]
  effective: 2024-01-01
  valid_until: 2028-12-31
rules:
  - id: no-fireworks
    article: 一
    text: 本区行政区域内全年禁止燃放烟花爆竹。
    effect: forbid
    activities: [fireworks]
    if: "true"
`
	baishuiRidges = `notice:
  number: 合成白〔2024〕3号
  title: 白水镇禁止烧田埂的通告（合成测试通告）
  issuer: 白水镇人民政府（合成）
  applies_in: [431181107]
  effective: 2024-01-01
  valid_until: 2028-12-31
rules:
  - id: no-ridge-burning
    article: 一
    text: 本镇全年禁止烧田埂。
    effect: forbid
    activities: [burn_field_ridge]
    if: "true"
`
	extraDivisions = "110105,朝阳区\n360502,渝水区\n"
)

// threeCounties is the embedded rule base with the synthetic notices added
// (and their divisions), in one directory.
func threeCounties(t testing.TB, notices ...string) *engine.Engine {
	t.Helper()
	m := fstest.MapFS{}
	emb := rules.EmbeddedFS()
	require.NoError(t, fs.WalkDir(emb, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(emb, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	}))
	m[rules.DivisionsFile].Data = append(m[rules.DivisionsFile].Data, extraDivisions...)
	for i, n := range notices {
		m["notices/synthetic-"+string(rune('a'+i))+".yaml"] = &fstest.MapFile{Data: []byte(n)}
	}
	set, err := rules.Load(m)
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	reg, err := register.Embedded()
	require.NoError(t, err)
	e, err := engine.New(set, cal, engine.WithRegister(reg))
	require.NoError(t, err)
	return e
}

func noticesOf(d *engine.Decision) []string {
	var out []string
	for _, r := range d.Reasons() {
		out = append(out, r.Notice)
	}
	return out
}

func TestJurisdictionsDoNotLeak(t *testing.T) {
	e := threeCounties(t, jiaFireBan, yiFireworks, baishuiRidges)
	far := engine.Facts{"distance_to_forest_m": 3000, "fireworks_ban_zone": false, "fire_zone": "general", "high_danger_days": 0}
	for _, tc := range []struct {
		name     string
		q        engine.Query
		want     engine.Verdict
		notices  []string
		unknown  []string
		outcomes map[string]engine.Verdict // place outcome text → verdict
		place    string
	}{
		// 乙区's all-year fireworks ban stays in 乙区 …
		{name: "fireworks in 祁阳, far from forest, out of zones: no rule", want: engine.NoRule, place: "431181",
			q: engine.Query{Activity: "放鞭炮", Day: day("2025-07-01"), Facts: far, Place: "431181"}},
		{name: "fireworks in 甲区: no rule", want: engine.NoRule, place: "110105",
			q: engine.Query{Activity: "放鞭炮", Day: day("2025-07-01"), Facts: far, Place: "110105"}},
		{name: "fireworks in 乙区 by name: forbidden by 乙区 alone", want: engine.Forbidden, notices: []string{"合成乙〔2024〕2号"}, place: "360502",
			q: engine.Query{Activity: "放鞭炮", Day: day("2025-07-01"), Facts: far, Place: "渝水区"}},
		// … and 祁阳's zone rule and fire ban stay out of 乙区 and 甲区.
		{name: "fireworks in 乙区 in a 祁阳-style zone in the fire season: 乙区 alone", want: engine.Forbidden, notices: []string{"合成乙〔2024〕2号"}, place: "360502",
			q: engine.Query{Activity: "放鞭炮", Day: day("2024-10-15"), Facts: engine.Facts{"distance_to_forest_m": 10, "fireworks_ban_zone": true}, Place: "360502"}},
		{name: "野炊 80 m from forest in 甲区 in 祁阳's fire season: 甲区's 50 m does not reach", want: engine.NoRule, place: "110105",
			q: engine.Query{Activity: "野炊", Day: day("2024-10-15"), Facts: engine.Facts{"distance_to_forest_m": 80}, Place: "110105"}},
		{name: "野炊 80 m from forest in 祁阳: 祁阳's 100 m alone", want: engine.Forbidden, notices: []string{"祁政通〔2024〕7号"}, place: "431181",
			q: engine.Query{Activity: "野炊", Day: day("2024-10-15"), Facts: engine.Facts{"distance_to_forest_m": 80, "fire_zone": "general"}, Place: "431181"}},
		{name: "野炊 30 m from forest in 甲区 in summer: 甲区 alone", want: engine.Forbidden, notices: []string{"合成甲〔2024〕1号"}, place: "110105",
			q: engine.Query{Activity: "野炊", Day: day("2025-07-01"), Facts: engine.Facts{"distance_to_forest_m": 30, "fire_zone": "general", "high_danger_days": 0}, Place: "110105"}},
		{name: "野炊 30 m from forest in 祁阳 in summer: no rule", want: engine.NoRule, place: "431181",
			q: engine.Query{Activity: "野炊", Day: day("2025-07-01"), Facts: engine.Facts{"distance_to_forest_m": 30, "fire_zone": "general", "high_danger_days": 0}, Place: "431181"}},
		// A place outside every county: nothing applies, and the note says why.
		{name: "fireworks in 湖北: no rule", want: engine.NoRule, place: "420000",
			q: engine.Query{Activity: "放鞭炮", Day: day("2025-07-01"), Facts: far, Place: "420000"}},
		// No place, three counties: the answer depends on the place.
		{name: "fireworks with no place: conditional on the place", want: engine.Conditional, unknown: []string{"place"},
			notices: []string{"合成乙〔2024〕2号"},
			outcomes: map[string]engine.Verdict{"渝水区（360502）": engine.Forbidden,
				"朝阳区（110105） or 祁阳市（431181） or other than 朝阳区（110105）, 渝水区（360502）, 祁阳市（431181）": engine.NoRule},
			q: engine.Query{Activity: "放鞭炮", Day: day("2025-07-01"), Facts: far}},
		{name: "野炊 30 m from forest with no place in summer: 甲区 only", want: engine.Conditional, unknown: []string{"place"},
			notices: []string{"合成甲〔2024〕1号"},
			q:       engine.Query{Activity: "野炊", Day: day("2025-07-01"), Facts: engine.Facts{"distance_to_forest_m": 30, "fire_zone": "general", "high_danger_days": 0}}},
		// A township's notice: the county asks which township.
		{name: "烧田埂 in 白水镇 by code", want: engine.Forbidden, notices: []string{"合成白〔2024〕3号"}, place: "431181107",
			q: engine.Query{Activity: "烧田埂", Day: day("2025-07-01"), Facts: far, Place: "431181107"}},
		{name: "烧田埂 in 白水镇 by name", want: engine.Forbidden, notices: []string{"合成白〔2024〕3号"}, place: "431181107",
			q: engine.Query{Activity: "烧田埂", Day: day("2025-07-01"), Facts: far, Place: "白水镇"}},
		{name: "烧田埂 with the town fact", want: engine.Forbidden, notices: []string{"合成白〔2024〕3号"}, place: "431181107",
			q: engine.Query{Activity: "烧田埂", Day: day("2025-07-01"), Facts: with(far, "town", "白水镇")}},
		{name: "烧田埂 in another township", want: engine.NoRule, place: "431181108",
			q: engine.Query{Activity: "烧田埂", Day: day("2025-07-01"), Facts: far, Place: "431181108"}},
		{name: "烧田埂 in 祁阳: conditional on the township", want: engine.Conditional, unknown: []string{"place"}, place: "431181",
			notices:  []string{"合成白〔2024〕3号"},
			outcomes: map[string]engine.Verdict{"白水镇（431181107）": engine.Forbidden, "祁阳市（431181） other than 白水镇（431181107）": engine.NoRule},
			q:        engine.Query{Activity: "烧田埂", Day: day("2025-07-01"), Facts: far, Place: "431181"}},
		{name: "烧田埂 in 祁阳 in the fire season near forest: forbidden in every township", want: engine.Forbidden, place: "431181",
			notices: []string{"祁政通〔2024〕7号", "合成白〔2024〕3号"},
			q:       engine.Query{Activity: "烧田埂", Day: day("2024-10-15"), Facts: engine.Facts{"distance_to_forest_m": 50, "fire_zone": "general"}, Place: "431181"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := e.Decide(tc.q)
			require.NoError(t, err)
			require.Equal(t, tc.want, d.Verdict, "%+v", d.Reasons())
			if tc.notices != nil {
				require.ElementsMatch(t, tc.notices, dedupe(noticesOf(d)))
			} else if tc.want == engine.NoRule {
				require.Empty(t, d.Reasons())
			}
			if tc.unknown != nil {
				require.Equal(t, tc.unknown, d.UnknownFacts())
			}
			for text, v := range tc.outcomes {
				found := false
				for _, o := range d.Outcomes() {
					if o.When[0].Fact == engine.PlaceFact && o.When[0].Text == text {
						require.Equal(t, v, o.Verdict, text)
						found = true
					}
				}
				require.True(t, found, "no outcome for %s in %+v", text, d.Outcomes())
			}
			if tc.place != "" {
				require.NotNil(t, d.Place)
				require.Equal(t, tc.place, d.Place.Code)
			}
		})
	}
}

func with(f engine.Facts, k string, v any) engine.Facts {
	out := engine.Facts{k: v}
	for x, y := range f {
		out[x] = y
	}
	return out
}

func dedupe(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// The embedded rule base alone applies in 祁阳市: a query without a place
// is about 祁阳市, as before; one elsewhere has no rule, and says why.
func TestOneJurisdiction(t *testing.T) {
	e := testEngine(t)
	q := engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Facts: engine.Facts{"distance_to_forest_m": 50, "fire_zone": "general"}}
	d, err := e.Decide(q)
	require.NoError(t, err)
	require.Equal(t, engine.Forbidden, d.Verdict)
	require.Nil(t, d.Place)

	q.Place = "431181108"
	d, err = e.Decide(q)
	require.NoError(t, err)
	require.Equal(t, engine.Forbidden, d.Verdict)
	require.Equal(t, &engine.PlaceUse{Code: "431181108", Name: "进宝塘镇", Source: "query"}, d.Place)
	require.Contains(t, d.Facts(), engine.FactValue{Name: "town", Value: "进宝塘镇", Source: rules.DivisionsFile})

	q.Place = "110105"
	d, err = e.Decide(q)
	require.NoError(t, err)
	require.Equal(t, engine.NoRule, d.Verdict)
	require.Len(t, d.Notes(), 1)
	require.Equal(t, "outside_places", d.Notes()[0].Code)
	require.Equal(t, "规则库中的通告都不适用于110105（它们适用于：祁阳市（431181））。", d.Notes()[0].Text)

	q.Place = "朝阳区"
	_, err = e.Decide(q)
	var fe *engine.FactError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "place", fe.Fact)
	require.ErrorContains(t, err, `place "朝阳区" is neither a division code nor a division the rule base names`)

	q.Place, q.Facts = "431181108", with(q.Facts, "town", "白水镇")
	_, err = e.Decide(q)
	require.ErrorAs(t, err, &fe)
	require.True(t, fe.Contradiction)
	require.ErrorContains(t, err, "town 白水镇 is not in place 431181108")
}

// Here lists only the notices of the place asked about.
func TestHereByPlace(t *testing.T) {
	e := threeCounties(t, jiaFireBan, yiFireworks, baishuiRidges)
	numbers := func(h *engine.Here) []string {
		var out []string
		for _, n := range h.Notices {
			out = append(out, n.Notice)
		}
		return out
	}
	q := engine.Query{Day: day("2025-07-01"), Facts: engine.Facts{"distance_to_forest_m": 30}}
	q.Place = "360502"
	h, err := e.Here(q)
	require.NoError(t, err)
	require.Equal(t, []string{"合成乙〔2024〕2号"}, numbers(h))
	require.Equal(t, "fireworks", h.Notices[0].Restricted[0].Activity.ID)
	q.Place = "110105"
	h, err = e.Here(q)
	require.NoError(t, err)
	require.Equal(t, []string{"合成甲〔2024〕1号"}, numbers(h))
	q.Place = "431181107"
	h, err = e.Here(q)
	require.NoError(t, err)
	require.Contains(t, numbers(h), "合成白〔2024〕3号")
	require.Contains(t, numbers(h), "祁政通〔2024〕7号")
	require.NotContains(t, numbers(h), "合成甲〔2024〕1号")
}

// BenchmarkDecidePlaced measures decisions when several jurisdictions are
// loaded: a place within one of them costs the same table look-ups as
// before; a county asked about a township's notice, or no place, decides
// in each part.
func BenchmarkDecidePlaced(b *testing.B) {
	e := threeCounties(b, jiaFireBan, yiFireworks, baishuiRidges)
	known := engine.Facts{"distance_to_forest_m": 50.0, "fire_zone": "general", "high_danger_days": 0.0}
	for _, bc := range []struct {
		name string
		q    engine.Query
	}{
		{"township", engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Facts: known, Place: "431181108"}},
		{"county", engine.Query{Activity: "野炊", Day: day("2024-10-03"), Facts: known, Place: "431181"}},
		{"county-township-notice", engine.Query{Activity: "烧田埂", Day: day("2025-07-03"), Facts: known, Place: "431181"}},
		{"no-place", engine.Query{Activity: "野炊", Day: day("2024-10-03"), Facts: known}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				if _, err := e.Decide(bc.q); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
		})
	}
}

// TestPlaceKept: a place string's answer is kept after its first query
// (places.resolved); every later query with it, alone or with a town fact
// that refines or contradicts it, decides exactly as a query that found
// nothing kept.
func TestPlaceKept(t *testing.T) {
	known := engine.Facts{"distance_to_forest_m": 50.0, "fire_zone": "general", "high_danger_days": 0.0}
	places := []string{"431181108", "431181107", "431181", " 431181 ", "白水镇", "祁阳市", "110105", "朝阳区", "4311", "abc", ""}
	answer := func(e *engine.Engine, q engine.Query) string {
		d, err := e.Decide(q)
		if err != nil {
			return "error: " + err.Error()
		}
		return string(d.AppendJSON(nil))
	}
	e := threeCounties(t, jiaFireBan, yiFireworks, baishuiRidges)
	for _, p := range places {
		for _, act := range []string{"烧田埂", "野炊", "燃放烟花爆竹"} {
			for _, f := range []engine.Facts{known, nil, with(known, "town", "白水镇"), with(known, "town", "浯溪街道")} {
				q := engine.Query{Activity: act, Day: day("2024-10-03"), Facts: f, Place: p}
				engine.ForgetPlaces(e)
				want := answer(e, q)
				for range 2 {
					require.Equal(t, want, answer(e, q), "%+v", q)
				}
			}
		}
	}
	// The answers are kept: one per place string that resolves.
	engine.ForgetPlaces(e)
	resolved := 0
	for _, p := range places {
		if a := answer(e, engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Facts: known, Place: p}); !strings.HasPrefix(a, "error:") {
			resolved++
		}
	}
	require.GreaterOrEqual(t, resolved, 7)
	require.Equal(t, resolved-1, engine.KeptPlaces(e), "every place that resolves but the empty one")
}
