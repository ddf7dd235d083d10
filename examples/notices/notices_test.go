package notices_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/examples/notices"
	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/ruletest"
)

// embedded is the embedded 祁阳 rule base as a root, as the CLI names it.
func embedded() rules.Root { return rules.Root{Name: "rules", FS: rules.EmbeddedFS()} }

// allPlaces is 祁阳's embedded set and every directory here.
func allPlaces(t testing.TB) []rules.Root {
	t.Helper()
	return append([]rules.Root{embedded()}, notices.Roots()...)
}

// requireOK fails with every failing case and every gap in coverage.
func requireOK(t *testing.T, rep *ruletest.Report) {
	t.Helper()
	for _, r := range rep.Results {
		require.True(t, r.Passed(), "%s", r)
	}
	for _, c := range rep.Coverage {
		require.True(t, c.Complete(), "%s: no case for rules %v, edges %v", c.Notice, c.UncoveredRules, c.UncoveredEdges)
	}
	require.Empty(t, rep.Lint)
	require.True(t, rep.OK())
}

// Each directory passes its own cases alone, with full coverage, as
// "tonggao test examples/notices/DIR" runs them.
func TestEachDirectoryAlone(t *testing.T) {
	for _, root := range notices.Roots() {
		t.Run(root.Name, func(t *testing.T) {
			rep, err := ruletest.RunRoots(context.Background(), []rules.Root{root}, rules.Limits{})
			require.NoError(t, err)
			require.Len(t, rep.Coverage, 1, "one notice per directory")
			require.Positive(t, rep.Passed)
			requireOK(t, rep)
		})
	}
}

// Loaded together with 祁阳's embedded set, every case of every directory
// still passes: no notice changes another place's answers.
func TestAllTogether(t *testing.T) {
	rep, err := ruletest.RunRoots(context.Background(), allPlaces(t), rules.Limits{})
	require.NoError(t, err)
	require.Len(t, rep.Coverage, 7+len(notices.Dirs))
	requireOK(t, rep)
}

var cst = time.FixedZone("CST", 8*60*60)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	if err != nil {
		panic(err)
	}
	return t
}

func noticesOf(d *engine.Decision) []string {
	var out []string
	for _, r := range d.Reasons() {
		found := false
		for _, n := range out {
			found = found || n == r.Notice
		}
		if !found {
			out = append(out, r.Notice)
		}
	}
	return out
}

// The same question asked in each place is answered by that place's notice
// alone, and asked with no place it is conditional on the place. The acts
// and facts overlap on purpose: 燃放烟花爆竹 is one activity in 祁阳, 郑州
// and 文登; distance_to_forest_m is one fact in 祁阳 (100 m) and 文登 (500 m).
func TestNoJurisdictionLeaks(t *testing.T) {
	e, err := engine.LoadRoots(context.Background(), allPlaces(t), rules.Limits{})
	require.NoError(t, err)
	const (
		qiyang   = "祁政通〔2024〕7号"
		zhengzh  = "郑政通〔2024〕3号"
		wendeng  = "威文政发〔2021〕4号"
		qiantang = "杭州市钱塘区农业农村局 2025-02-27《杭州市钱塘区关于实行禁渔期的通告》"
		yancheng = "盐城市人民政府办公室 2022-05-31《关于加强高考、中考期间环境噪声污染控制的通知》"
		shanxi   = "山西省人民政府办公厅 2013-03-09《山西省人民政府办公厅关于野外农事用火的紧急通知（据新闻报道，原标题未见）》"
		xiangtan = "潭县政通〔2025〕2号"
		// 祁阳's straw notice, known by its title only
		qiyangStraw = "祁政通〔2023〕6号"
	)
	// 湘潭县's organised burning, far from every key area, in clean air.
	straw := engine.Facts{"distance_to_county_town_m": 20000, "distance_to_expressway_or_railway_m": 9000, "distance_to_trunk_road_m": 6000,
		"heavy_pollution_warning": false, "light_pollution_or_worse": false}
	// Facts every fireworks rule of the six reads, chosen so that no zone
	// of 祁阳 holds: 300 m from forest is inside 文登's 500 m and 山西's
	// 300 m, outside 祁阳's 100 m.
	fw := engine.Facts{"heavy_pollution_warning": false, "listed_no_fireworks_place": false, "distance_to_key_area_m": 2000,
		"distance_to_forest_m": 300, "fireworks_ban_zone": false, "fire_zone": "general", "high_danger_days": 0, "has_permit": false}
	for _, tc := range []struct {
		name    string
		q       engine.Query
		want    engine.Verdict
		notices []string // exactly the notices cited; nil with no_rule: none
		unknown []string
	}{
		{name: "除夕 20:00 fireworks in 金水区: 郑州 allows", want: engine.Allowed, notices: []string{zhengzh},
			q: engine.Query{Activity: "放鞭炮", At: at("2025-01-28 20:00"), Facts: fw, Place: "410105"}},
		{name: "the same in 祁阳: no 郑州 allowance, no 文登 ban", want: engine.NoRule,
			q: engine.Query{Activity: "放鞭炮", At: at("2025-01-28 20:00"), Facts: fw, Place: "431181"}},
		{name: "the same in 文登: 300 m from forest in the fire season", want: engine.Forbidden, notices: []string{wendeng},
			q: engine.Query{Activity: "放鞭炮", At: at("2025-01-28 20:00"), Facts: fw, Place: "371003"}},
		{name: "the same in 山西 (洪洞县): 300 m is inside its 300 m zone", want: engine.Forbidden, notices: []string{shanxi},
			q: engine.Query{Activity: "放鞭炮", At: at("2025-01-28 20:00"), Facts: fw, Place: "141024"}},
		{name: "the same in 盐城 and 钱塘: no rule", want: engine.NoRule,
			q: engine.Query{Activity: "放鞭炮", At: at("2025-01-28 20:00"), Facts: fw, Place: "320900"}},
		{name: "the same in 钱塘: no rule", want: engine.NoRule,
			q: engine.Query{Activity: "放鞭炮", At: at("2025-01-28 20:00"), Facts: fw, Place: "330114"}},
		{name: "野炊 80 m from forest in October in 祁阳: 祁阳's 100 m", want: engine.Forbidden, notices: []string{qiyang},
			q: engine.Query{Activity: "野炊", Day: day(t, "2024-10-15"), Facts: engine.Facts{"distance_to_forest_m": 80, "fire_zone": "general", "has_permit": false}, Place: "431181"}},
		{name: "野炊 80 m from forest in October in 文登: before its season (11-01)", want: engine.NoRule,
			q: engine.Query{Activity: "野炊", Day: day(t, "2024-10-15"), Facts: engine.Facts{"distance_to_forest_m": 80, "fire_zone": "general", "has_permit": false}, Place: "371003"}},
		// 山西's 六不烧: the published fire-danger level and the wind decide
		// an approved farm fire 1000 m from forest; elsewhere they decide
		// nothing (文登's zone is 500 m, 祁阳 reads neither fact).
		{name: "an approved 烧荒 1000 m from forest in 山西 at level 3, force 2: allowed", want: engine.Allowed, notices: []string{shanxi},
			q: engine.Query{Activity: "烧荒", Day: day(t, "2025-03-20"), Facts: farm(3, 2), Place: "140000"}},
		{name: "the same at level 4: forbidden (四级（含四级）以上)", want: engine.Forbidden, notices: []string{shanxi},
			q: engine.Query{Activity: "烧荒", Day: day(t, "2025-03-20"), Facts: farm(4, 2), Place: "140000"}},
		{name: "the same at wind force 3: forbidden (三级以上)", want: engine.Forbidden, notices: []string{shanxi},
			q: engine.Query{Activity: "烧荒", Day: day(t, "2025-03-20"), Facts: farm(3, 3), Place: "140000"}},
		{name: "level 4 and force 3 in 文登, 1000 m from forest: no rule", want: engine.NoRule,
			q: engine.Query{Activity: "烧荒", Day: day(t, "2025-03-20"), Facts: farm(4, 3), Place: "371003"}},
		{name: "捕鱼 in the named waters in April in 钱塘: forbidden", want: engine.Forbidden, notices: []string{qiantang},
			q: engine.Query{Activity: "捕鱼", At: at("2025-04-10 09:00"), Facts: engine.Facts{"in_fishing_ban_waters": true}, Place: "330114"}},
		{name: "钓鱼 there: excepted in so many words", want: engine.Allowed, notices: []string{qiantang},
			q: engine.Query{Activity: "钓鱼", At: at("2025-04-10 09:00"), Facts: engine.Facts{"in_fishing_ban_waters": true}, Place: "330114"}},
		{name: "捕鱼 in 祁阳: no rule", want: engine.NoRule,
			q: engine.Query{Activity: "捕鱼", At: at("2025-04-10 09:00"), Facts: engine.Facts{"in_fishing_ban_waters": true}, Place: "431181"}},
		{name: "building work at noon on an examination day in 盐城's urban area", want: engine.Forbidden, notices: []string{yancheng},
			q: engine.Query{Activity: "建筑施工", At: at("2022-06-07 12:00"), Facts: engine.Facts{"urban_area": true}, Place: "320900"}},
		{name: "the same in 祁阳's urban area: no rule", want: engine.NoRule,
			q: engine.Query{Activity: "建筑施工", At: at("2022-06-07 12:00"), Facts: engine.Facts{"urban_area": true}, Place: "431181"}},
		{name: "the same in 郑州: no rule", want: engine.NoRule,
			q: engine.Query{Activity: "建筑施工", At: at("2022-06-07 12:00"), Facts: engine.Facts{"urban_area": true}, Place: "410105"}},
		// 露天焚烧秸秆 is one activity in 祁阳 (its title-only notice) and
		// 湘潭县: each place answers by its own; the township's organised
		// burning in 湘潭县 outside the key areas by day in clean air is
		// excepted, and nowhere else (a kind of straw burning: 祁阳 bans it).
		{name: "straw burnt in 湘潭县 in October: 湘潭县's ban", want: engine.Forbidden, notices: []string{xiangtan},
			q: engine.Query{Activity: "烧稻草", At: at("2025-10-20 14:00"), Place: "430321"}},
		{name: "the same in 祁阳: 祁阳's title", want: engine.Forbidden, notices: []string{qiyangStraw},
			q: engine.Query{Activity: "烧稻草", At: at("2025-10-20 14:00"), Facts: engine.Facts{"distance_to_forest_m": 2000, "fire_zone": "general"}, Place: "431181"}},
		{name: "the township's organised burning in 湘潭县, outside the key areas, by day, clean air", want: engine.Allowed, notices: []string{xiangtan},
			q: engine.Query{Activity: "有序焚烧病虫害秸秆", At: at("2025-10-20 14:00"), Facts: straw, Place: "430321"}},
		{name: "the same at 19:00: the night hours", want: engine.Forbidden, notices: []string{xiangtan},
			q: engine.Query{Activity: "有序焚烧病虫害秸秆", At: at("2025-10-20 19:00"), Facts: straw, Place: "430321"}},
		{name: "the same in 郑州: no rule", want: engine.NoRule,
			q: engine.Query{Activity: "有序焚烧病虫害秸秆", At: at("2025-10-20 14:00"), Facts: straw, Place: "410105"}},
		{name: "a place none of the seven covers", want: engine.NoRule,
			q: engine.Query{Activity: "放鞭炮", At: at("2025-01-28 20:00"), Facts: fw, Place: "110105"}},
		// No place: each question depends on where it is asked.
		{name: "fireworks on 除夕 with no place", want: engine.Conditional, unknown: []string{"place"}, notices: []string{zhengzh, wendeng, shanxi},
			q: engine.Query{Activity: "放鞭炮", At: at("2025-01-28 20:00"), Facts: fw}},
		{name: "捕鱼 in April with no place", want: engine.Conditional, unknown: []string{"place"}, notices: []string{qiantang},
			q: engine.Query{Activity: "捕鱼", At: at("2025-04-10 09:00"), Facts: engine.Facts{"in_fishing_ban_waters": true}}},
		{name: "building work on an examination day with no place", want: engine.Conditional, unknown: []string{"place"}, notices: []string{yancheng},
			q: engine.Query{Activity: "建筑施工", At: at("2022-06-07 12:00"), Facts: engine.Facts{"urban_area": true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := e.Decide(tc.q)
			require.NoError(t, err)
			require.Equal(t, tc.want, d.Verdict, "%+v", d.Reasons())
			if tc.notices != nil {
				require.ElementsMatch(t, tc.notices, noticesOf(d))
			} else {
				require.Empty(t, d.Reasons())
			}
			if tc.unknown != nil {
				require.Equal(t, tc.unknown, d.UnknownFacts())
			} else {
				require.Empty(t, d.UnknownFacts())
			}
		})
	}
}

// farm is an approved farm fire 1000 m from forest with every 六不烧
// condition met but the fire-danger weather level and the wind force.
func farm(level, wind int) engine.Facts {
	return engine.Facts{"distance_to_forest_m": 1000, "fire_zone": "general", "high_danger_days": 0, "has_permit": true,
		"fire_danger_level": level, "wind_force": wind, "fire_crew_ready": true, "fire_supervisor_present": true, "firebreak_ready": true}
}

func day(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	require.NoError(t, err)
	return d
}

// layersOf loads a directory's own layers through its manifest, as the CLI
// does for a --rules directory that holds its layer files.
func layersOf(t testing.TB, root rules.Root) *place.Layers {
	t.Helper()
	m, ok, err := place.ReadManifest(root.FS, place.ManifestFile)
	require.NoError(t, err)
	require.True(t, ok, "%s has no %s", root.Name, place.ManifestFile)
	l, err := place.LoadFS(root.FS, ".", place.WithManifest(m), place.WithLabel(root.Name))
	require.NoError(t, err)
	return l
}

// Every directory's layers load, are present and say they are synthetic:
// no made-up shape may pass for a survey.
func TestLayersAreSynthetic(t *testing.T) {
	for _, root := range notices.Roots() {
		srcs := layersOf(t, root).Sources()
		require.NotEmpty(t, srcs, root.Name)
		for _, s := range srcs {
			require.False(t, s.Absent, "%s: %s", root.Name, s.Path)
			require.Positive(t, s.Features, "%s: %s", root.Name, s.Path)
			require.True(t, s.Synthetic, "%s: %s must say \"synthetic\": true", root.Name, s.Path)
		}
	}
}

// A point answers through a directory's own layers: 郑州's key areas (a
// point layer giving a distance) and 文登's forest (500 m).
func TestPointsThroughOwnLayers(t *testing.T) {
	roots := notices.Roots()
	byName := map[string]rules.Root{}
	for _, r := range roots {
		byName[r.Name] = r
	}
	for _, tc := range []struct {
		dir  string
		q    engine.Query
		want engine.Verdict
	}{
		// 0.0005° of latitude (≈55 m) north of the synthetic 紫荆山公园 point.
		{dir: "zhengzhou", want: engine.Forbidden,
			q: engine.Query{Activity: "放鞭炮", At: at("2025-01-28 20:00"), Place: "410105", Point: &place.Point{Lat: 34.7605, Lon: 113.6830, CRS: place.WGS84},
				Facts: engine.Facts{"heavy_pollution_warning": false, "listed_no_fireworks_place": false}}},
		// ≈0.003° (≈330 m) south of the synthetic forest patch 甲.
		{dir: "wendeng", want: engine.Forbidden,
			q: engine.Query{Activity: "野炊", Day: day(t, "2025-01-05"), Place: "371003", Point: &place.Point{Lat: 37.097, Lon: 121.97, CRS: place.WGS84},
				Facts: engine.Facts{"has_permit": false}}},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			root := byName["examples/notices/"+tc.dir]
			e, err := engine.LoadRoots(context.Background(), []rules.Root{root}, rules.Limits{}, engine.WithLayers(layersOf(t, root)))
			require.NoError(t, err)
			d, err := e.Decide(tc.q)
			require.NoError(t, err)
			require.Equal(t, tc.want, d.Verdict, "%+v", d.Reasons())
		})
	}
}

// A directory's vocabulary reaches the hotline beside 祁阳's: 钱塘江 states
// the fishing ban's waters, and its follow-up question is the directory's.
func TestHotlineHearsADirectorysWords(t *testing.T) {
	roots := allPlaces(t)
	e, err := engine.LoadRoots(context.Background(), roots, rules.Limits{})
	require.NoError(t, err)
	var vroots []hotline.Root
	for _, r := range roots {
		vroots = append(vroots, hotline.Root{FS: r.FS, Name: r.Name})
	}
	h, err := hotline.New(e, vroots...)
	require.NoError(t, err)
	today := day(t, "2025-04-01")
	a, _, err := h.Ask(hotline.Request{Question: "4月10号在钱塘江撒网行不行", Today: today, Place: "330114"})
	require.NoError(t, err)
	require.Equal(t, engine.Forbidden, a.Verdict, a.Answer)
	a, _, err = h.Ask(hotline.Request{Question: "4月10号在钱塘江钓鱼可以吗", Today: today, Place: "330114"})
	require.NoError(t, err)
	require.Equal(t, engine.Allowed, a.Verdict, a.Answer)
	a, _, err = h.Ask(hotline.Request{Question: "4月10号撒网行不行", Today: today, Place: "330114"})
	require.NoError(t, err)
	require.Equal(t, engine.Conditional, a.Verdict, a.Answer)
	require.Contains(t, a.Ask, "钱塘江钱塘区")
}

// TestShanxiReadsTheFeed: 山西's “火险天气在四级(含四级)以上的不烧” reads the
// published daily level from a conditions feed (its own example rows, made
// up): an approved farm fire with every other 六不烧 condition met is
// allowed on a level-3 day, forbidden on a level-4 or level-5 day with the
// level's issuer named, and turns on the level past the feed's last day.
func TestShanxiReadsTheFeed(t *testing.T) {
	e, err := engine.LoadRoots(context.Background(), allPlaces(t), rules.Limits{})
	require.NoError(t, err)
	f, err := feed.ReadDir(context.Background(), "shanxi/conditions", feed.Limits{})
	require.NoError(t, err)
	e, err = e.Refeed(f)
	require.NoError(t, err)

	facts := farm(3, 2)
	delete(facts, "fire_danger_level") // the feed gives it
	for _, tc := range []struct {
		day     string
		want    engine.Verdict
		level   string
		unknown []string
	}{
		{day: "2025-03-10", want: engine.Allowed, level: "3"},
		{day: "2025-03-11", want: engine.Forbidden, level: "4"},
		{day: "2025-03-12", want: engine.Forbidden, level: "5"},
		{day: "2025-03-13", want: engine.Allowed, level: "2"},
		{day: "2025-03-14", want: engine.Conditional, unknown: []string{"fire_danger_level"}},
	} {
		t.Run(tc.day, func(t *testing.T) {
			d, err := e.Decide(engine.Query{Activity: "烧荒", Day: day(t, tc.day), Facts: facts, Place: "140000"})
			require.NoError(t, err)
			require.Equal(t, tc.want, d.Verdict, "%+v", d.Reasons())
			if tc.unknown != nil {
				require.Equal(t, tc.unknown, d.UnknownFacts())
			} else {
				require.Empty(t, d.UnknownFacts())
			}
			if tc.level == "" {
				return
			}
			found := false
			for _, n := range d.Notes() {
				if n.Code == "published" {
					found = true
					require.Equal(t, tc.level, n.Args["value"], n.Text)
					require.Contains(t, n.Text, "示例气象台（非官方）")
				}
			}
			require.True(t, found, "the decision names the published level it used: %+v", d.Notes())
		})
	}
}
