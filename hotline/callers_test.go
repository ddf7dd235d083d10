package hotline

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

var (
	testOnce    sync.Once
	testHotline *Hotline
	testErr     error
)

// newTestHotline builds one Hotline on the embedded rule base for all
// tests (building the engine takes a while; the Hotline is immutable).
func newTestHotline(t testing.TB) *Hotline {
	t.Helper()
	testOnce.Do(func() {
		eng, err := engine.Embedded()
		if err != nil {
			testErr = err
			return
		}
		testHotline, testErr = New(eng)
	})
	require.NoError(t, testErr)
	return testHotline
}

// F is a query's facts in the table.
type F map[string]any

// callerCase is one realistic caller question: the day of the call, the
// words, and what the hotline must make of them.
type callerCase struct {
	at, question string
	verdict      engine.Verdict
	activity     string
	date         string
	facts        F
	// cites are "notice article" of every reason that applies or may apply.
	cites []string
	// followUp is the fact the follow-up question asks about ("" for none).
	followUp      string
	notUnderstood []string
}

func callerCases() []callerCase {
	return []callerCase{
		{"2026-11-28", "我在白水镇，今天能烧秸秆吗", "forbidden", "open_burning_straw", "2026-11-28", F{"town": "白水镇"}, []string{"祁政通〔2023〕6号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2026-11-28", "你好请问一下明天能不能在龙山烧垃圾", "forbidden", "open_burning_rubbish", "2026-11-29", F{"town": "龙山街道"}, []string{"祁政通〔2023〕6号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2026-11-28", "后天在白水烧落叶可以不", "forbidden", "open_burning_leaves", "2026-11-30", F{"town": "白水镇"}, []string{"祁政通〔2023〕6号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-02", "明天我想在山边烧田埂草可以吗", "forbidden", "burn_field_ridge", "2024-10-03", F{"distance_to_forest_m": Span{Min: 0, Max: 100}}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-09-20", "10月3日烧田埂行不行", "conditional", "burn_field_ridge", "2024-10-03", F{}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2024-10-02", "后天在林子里烧稻草可以不", "forbidden", "open_burning_straw", "2024-10-04", F{"in_forest_land": true}, []string{"祁政通〔2023〕6号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-02", "离山50米烧田埂可以吗", "forbidden", "burn_field_ridge", "2024-10-02", F{"distance_to_forest_m": float64(50)}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-02", "离林子两百米烧田埂行吗", "no_rule", "burn_field_ridge", "2024-10-02", F{"distance_to_forest_m": float64(200)}, []string{}, "", []string{}},
		{"2024-10-02", "离山有一百五十米，烧田基草可以吗", "no_rule", "burn_field_ridge", "2024-10-02", F{"distance_to_forest_m": float64(150)}, []string{}, "", []string{}},
		// 一百米外 is further than 100 m, 100 not included (以外: 民法典 第一千二百五十九条), so outside the zone
		{"2024-10-02", "离林子一百米外烧田埂可以吗", "no_rule", "burn_field_ridge", "2024-10-02", F{"distance_to_forest_m": Span{Min: 101, Max: 100000}}, []string{}, "", []string{}},
		{"2024-10-02", "离山100米以内烧地坎草", "forbidden", "burn_bank_grass", "2024-10-02", F{"distance_to_forest_m": Span{Min: 0, Max: 100}}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-02", "在山脚下烧田埂草可以吗", "forbidden", "burn_field_ridge", "2024-10-02", F{"distance_to_forest_m": Span{Min: 0, Max: 100}}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-02", "我在林地里面烧稻草", "forbidden", "open_burning_straw", "2024-10-02", F{"in_forest_land": true}, []string{"祁政通〔2023〕6号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2026-11-28", "2024年10月8日能烧田埂吗", "conditional", "burn_field_ridge", "2024-10-08", F{}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2025-07-15", "今天在山上烧田埂可以吗", "conditional", "burn_field_ridge", "2025-07-15", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "fire_zone", []string{}},
		{"2025-07-15", "离山50米烧灰积肥可以吗", "conditional", "burn_for_ash_fertiliser", "2025-07-15", F{"distance_to_forest_m": float64(50)}, []string{"祁政通〔2024〕7号 三"}, "fire_zone", []string{}},
		{"2025-07-15", "重点森林防火区今天能野炊吗", "conditional", "outdoor_cooking", "2025-07-15", F{"fire_zone": "key"}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2025-07-15", "一般森林防火区今天在林子里野炊行吗", "no_rule", "outdoor_cooking", "2025-07-15", F{"fire_zone": "general", "in_forest_land": true}, []string{}, "", []string{}},
		{"2025-06-10", "烧荒可以吗", "conditional", "burn_wasteland", "2025-06-10", F{}, []string{"祁政通〔2024〕7号 三"}, "fire_zone", []string{}},
		{"2025-06-10", "下周三在林边烧荒行吗", "conditional", "burn_wasteland", "2025-06-18", F{"distance_to_forest_m": Span{Min: 0, Max: 100}}, []string{"祁政通〔2024〕7号 三"}, "fire_zone", []string{}},
		{"2024-11-15", "明天在山上烧荒", "forbidden", "burn_wasteland", "2024-11-16", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		// 炼山 is done on the forest land it clears (its implies): no distance to ask
		{"2025-03-20", "炼山造林现在可以吗", "forbidden", "slash_burning", "2025-03-20", F{}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-02", "国庆放鞭炮可以吗", "conditional", "fireworks", "2024-10-02", F{}, []string{"祁政通〔2022〕1号 标题", "祁政通〔2024〕7号 三"}, "fireworks_ban_zone", []string{}},
		{"2025-01-20", "春节在老家放烟花行不行", "conditional", "fireworks", "2025-01-29", F{}, []string{"祁政通〔2022〕1号 标题", "祁政通〔2024〕7号 三"}, "fireworks_ban_zone", []string{}},
		{"2025-01-20", "除夕能在山上放鞭炮吗", "forbidden", "fireworks", "2025-01-28", F{"in_forest_land": true}, []string{"祁政通〔2022〕1号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2025-01-20", "大年三十在禁放区放烟花行吗", "forbidden", "fireworks", "2025-01-28", F{"fireworks_ban_zone": true}, []string{"祁政通〔2022〕1号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2025-02-01", "元宵节在山上放烟花可以吗", "forbidden", "fireworks", "2025-02-12", F{"in_forest_land": true}, []string{"祁政通〔2022〕1号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-12-20", "腊月二十三在山上放鞭炮可以吗", "forbidden", "fireworks", "2025-01-22", F{"in_forest_land": true}, []string{"祁政通〔2022〕1号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2025-05-10", "今天能在山上放鞭炮吗", "conditional", "fireworks", "2025-05-10", F{"in_forest_land": true}, []string{"祁政通〔2022〕1号 标题", "祁政通〔2024〕7号 三"}, "fireworks_ban_zone", []string{}},
		{"2025-05-10", "今天能在山上放孔明灯吗", "conditional", "sky_lantern", "2025-05-10", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "fire_zone", []string{}},
		{"2026-11-28", "在浯溪街道放孔明灯可以吗", "conditional", "sky_lantern", "2026-11-28", F{"town": "浯溪街道"}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2025-03-20", "清明节上坟烧纸可以吗", "conditional", "grave_paper_money", "2025-04-04", F{}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2025-03-20", "清明节去山上上坟烧纸可以吗", "forbidden", "grave_paper_money", "2025-04-04", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2025-03-20", "清明上坟点蜡烛，离林子一百米，可以吗", "forbidden", "ritual_candles", "2025-04-04", F{"distance_to_forest_m": float64(100), "indoors": false}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2027-03-28", "清明节在山上上香可以吗", "forbidden", "ritual_incense", "2027-04-05", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2026-11-28", "明天在金洞山上烧纸钱可以吗", "forbidden", "ritual_paper_money", "2026-11-29", F{"in_forest_land": true, "town": "金洞镇"}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2026-11-28", "明天在金洞镇的山上点蜡烛行吗", "forbidden", "ritual_candles", "2026-11-29", F{"in_forest_land": true, "town": "金洞镇"}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-02", "明天去山上烧香行不行", "forbidden", "ritual_incense", "2024-10-03", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2025-06-10", "这周六野外烧烤可以吗", "conditional", "outdoor_cooking", "2025-06-14", F{}, []string{"祁政通〔2024〕7号 三"}, "fire_zone", []string{}},
		{"2025-06-10", "下周三在山上野外烧烤行吗", "conditional", "outdoor_cooking", "2025-06-18", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "fire_zone", []string{}},
		{"2024-09-28", "十一在山上野炊可以吗", "forbidden", "outdoor_cooking", "2024-10-01", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2025-05-10", "晚上在林边烤火可以吗", "conditional", "fire_for_warmth", "2025-05-10", F{"distance_to_forest_m": Span{Min: 0, Max: 100}}, []string{"祁政通〔2024〕7号 三"}, "fire_zone", []string{}},
		{"2024-10-02", "在山上抽烟可以吗", "forbidden", "smoking", "2024-10-02", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-02", "带打火机进山可以吗", "forbidden", "carry_fire_into_forest", "2024-10-02", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-01", "农历九月初六能摘茶籽吗", "conditional", "pick_oil_tea", "2024-10-08", F{}, []string{"祁政通〔2024〕8号 一", "祁政通〔2024〕8号 二"}, "oil_tea_variety", []string{}},
		{"2024-10-01", "寒露籽今天能摘茶籽吗", "forbidden", "pick_oil_tea", "2024-10-01", F{"oil_tea_variety": "寒露籽"}, []string{"祁政通〔2024〕8号 一", "祁政通〔2024〕8号 二"}, "", []string{}},
		// (我家的: the household's own, so 二's right to pick is met — 一's open day decides)
		{"2024-10-09", "我家的霜降籽现在能摘茶籽吗", "forbidden", "pick_oil_tea", "2024-10-09", F{"oil_tea_variety": "霜降籽", "own_land": true}, []string{"祁政通〔2024〕8号 一"}, "", []string{}},
		{"2024-10-24", "霜降籽今天能摘茶籽吗", "conditional", "pick_oil_tea", "2024-10-24", F{"oil_tea_variety": "霜降籽"}, []string{"祁政通〔2024〕8号 一", "祁政通〔2024〕8号 二"}, "picking_right", []string{}},
		{"2024-10-09", "寒露籽明天摘茶籽行吗", "conditional", "pick_oil_tea", "2024-10-10", F{"oil_tea_variety": "寒露籽"}, []string{"祁政通〔2024〕8号 一", "祁政通〔2024〕8号 二"}, "picking_right", []string{}},
		{"2024-10-01", "十月八号能不能摘茶籽", "conditional", "pick_oil_tea", "2024-10-08", F{}, []string{"祁政通〔2024〕8号 一", "祁政通〔2024〕8号 二"}, "oil_tea_variety", []string{}},
		{"2024-10-01", "在自家的山上摘茶籽可以吗", "forbidden", "pick_oil_tea", "2024-10-01", F{"own_land": true}, []string{"祁政通〔2024〕8号 一"}, "", []string{}},
		{"2024-10-02", "今天在别人的山上摘茶籽", "forbidden", "pick_others_oil_tea", "2024-10-02", F{"own_land": false}, []string{"祁政通〔2024〕8号 一", "祁政通〔2024〕8号 二"}, "", []string{}},
		{"2024-10-05", "偷摘别人的茶籽会怎么样", "forbidden", "steal_oil_tea", "2024-10-05", F{"own_land": false}, []string{"祁政通〔2024〕8号 一", "祁政通〔2024〕8号 二"}, "", []string{}},
		{"2024-10-01", "收茶籽可以吗", "no_rule", "buy_oil_tea_seed", "2024-10-01", F{}, []string{}, "", []string{}},
		{"2024-10-01", "油茶加工厂10月5日收新茶籽榨油行吗", "forbidden", "buy_new_seed_for_pressing", "2024-10-05", F{}, []string{"祁政通〔2024〕8号 二"}, "", []string{"油茶加工厂"}},
		{"2024-10-05", "运茶果货箱载人可以吗", "forbidden", "cargo_box_passengers_oil_tea", "2024-10-05", F{}, []string{"祁政通〔2024〕8号 四"}, "", []string{}},
		{"2024-10-20", "菜市场门口摆摊可以吗", "conditional", "set_up_stall", "2024-10-20", F{"market_vicinity": true}, []string{"祁政通〔2024〕9号 一", "祁政通〔2024〕9号 三", "祁政通〔2024〕9号 五"}, "urban_area", []string{}},
		{"2024-10-20", "城区摆摊可以吗", "conditional", "set_up_stall", "2024-10-20", F{"urban_area": true}, []string{"祁政通〔2024〕9号 一", "祁政通〔2024〕9号 三", "祁政通〔2024〕9号 五"}, "on_fire_lane", []string{}},
		{"2024-10-20", "在人行道上摆地摊行不行", "conditional", "set_up_stall", "2024-10-20", F{"road_kind": "pavement"}, []string{"祁政通〔2024〕9号 一", "祁政通〔2024〕9号 三", "祁政通〔2024〕9号 五"}, "urban_area", []string{}},
		{"2024-10-20", "我在城区人行道上摆摊可以吗", "conditional", "set_up_stall", "2024-10-20", F{"road_kind": "pavement", "urban_area": true}, []string{"祁政通〔2024〕9号 一", "祁政通〔2024〕9号 三", "祁政通〔2024〕9号 五"}, "designated_place", []string{}},
		{"2024-10-20", "在消防通道上摆摊行不行", "conditional", "set_up_stall", "2024-10-20", F{"on_fire_lane": true}, []string{"祁政通〔2024〕9号 一", "祁政通〔2024〕9号 三", "祁政通〔2024〕9号 五"}, "urban_area", []string{}},
		{"2024-10-20", "在菜市场门口宰杀家禽可以吗", "conditional", "slaughter_poultry_fish", "2024-10-20", F{"market_vicinity": true}, []string{"祁政通〔2024〕9号 三"}, "urban_area", []string{}},
		{"2024-10-20", "菜市场旁边乱停车行吗", "conditional", "park_vehicle_at_will", "2024-10-20", F{"market_vicinity": true}, []string{"祁政通〔2024〕9号 四"}, "urban_area", []string{}},
		{"2024-10-20", "倒建筑垃圾可以吗", "conditional", "dump_construction_waste", "2024-10-20", F{}, []string{"祁政办发〔2024〕8号 第七条", "祁政通〔2024〕9号 三"}, "designated_place", []string{}},
		{"2024-10-20", "在指定地点倒建筑垃圾可以吗", "no_rule", "dump_construction_waste", "2024-10-20", F{"designated_place": true}, []string{}, "", []string{}},
		{"2024-10-20", "装修垃圾扔垃圾桶可以吗", "conditional", "mix_construction_waste_into_household", "2024-10-20", F{}, []string{"祁政办发〔2024〕8号 第七条"}, "planning_area", []string{}},
		{"2024-10-20", "堆装修垃圾放了3天可以吗", "conditional", "pile_decoration_waste", "2024-10-20", F{"days_since_generated": float64(3)}, []string{"祁政办发〔2024〕8号 第七条", "祁政办发〔2024〕8号 第十一条"}, "planning_area", []string{}},
		{"2024-10-20", "交医保现在可以交吗", "allowed", "enrol_resident_medical_insurance", "2024-10-20", F{}, []string{"祁政办函〔2024〕22号 二（四）", "祁政办函〔2024〕22号 二（三）"}, "", []string{}},
		{"2024-10-20", "下个月交医保可以吗", "allowed", "enrol_resident_medical_insurance", "2024-11-01", F{}, []string{"祁政办函〔2024〕22号 二（四）", "祁政办函〔2024〕22号 二（三）"}, "", []string{}},
		{"2025-03-10", "现在还能交医保吗", "allowed", "enrol_resident_medical_insurance", "2025-03-10", F{}, []string{"祁政办函〔2024〕22号 二（二）", "祁政办函〔2024〕22号 二（四）"}, "", []string{}},
		{"2024-10-20", "给刚出生的小孩交医保", "allowed", "enrol_resident_medical_insurance", "2024-10-20", F{"medical_insurance_special_case": "newborn"}, []string{"祁政办函〔2024〕22号 二（四）", "祁政办函〔2024〕22号 二（三）"}, "", []string{}},
		{"2024-10-20", "拆户参保可以吗", "forbidden", "split_household_enrolment", "2024-10-20", F{}, []string{"祁政办函〔2024〕22号 二（六）"}, "", []string{}},
		{"2024-10-02", "明天烧田埂和放鞭炮可以吗", "conditional", "burn_field_ridge", "2024-10-03", F{}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2024-10-02", "２０２４年１０月３日在山上烧稻草", "forbidden", "open_burning_straw", "2024-10-03", F{"in_forest_land": true}, []string{"祁政通〔2023〕6号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-09-20", "请问明天可以在田里烧稻草吗", "forbidden", "open_burning_straw", "2024-09-21", F{}, []string{"祁政通〔2023〕6号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-02", "这几天能烧田埂吗", "conditional", "burn_field_ridge", "2024-10-02", F{}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2025-01-05", "过年能放鞭炮吗", "conditional", "fireworks", "2025-01-29", F{}, []string{"祁政通〔2022〕1号 标题", "祁政通〔2024〕7号 三"}, "fireworks_ban_zone", []string{}},
		{"2025-02-01", "春节期间在山上放鞭炮行吗", "forbidden", "fireworks", "2025-02-01", F{"in_forest_land": true}, []string{"祁政通〔2022〕1号 标题", "祁政通〔2024〕7号 三"}, "", []string{}},
		{"2024-10-02", "10号能烧田埂吗", "conditional", "burn_field_ridge", "2024-10-10", F{}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2024-10-02", "我们村里明早想烧点田基草", "conditional", "burn_field_ridge", "2024-10-03", F{}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2026-11-28", "二零二四年十月三日能烧田埂吗", "conditional", "burn_field_ridge", "2024-10-03", F{}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2024-09-20", "中秋节能放孔明灯吗", "conditional", "sky_lantern", "2025-10-06", F{}, []string{"祁政通〔2024〕7号 三"}, "distance_to_forest_m", []string{}},
		{"2025-04-20", "五一能在山上放鞭炮吗", "conditional", "fireworks", "2025-05-01", F{"in_forest_land": true}, []string{"祁政通〔2022〕1号 标题", "祁政通〔2024〕7号 三"}, "fireworks_ban_zone", []string{}},
		{"2024-10-05", "国庆节期间能在山上放孔明灯吗", "forbidden", "sky_lantern", "2024-10-05", F{"in_forest_land": true}, []string{"祁政通〔2024〕7号 三"}, "", []string{}},
	}
}

func followUpFacts(a *Answer) []string {
	var out []string
	for _, f := range a.FollowUp {
		out = append(out, f.Fact)
	}
	return out
}

func TestCallerQuestions(t *testing.T) {
	h := newTestHotline(t)
	cases := callerCases()
	require.GreaterOrEqual(t, len(cases), 60)
	for _, tc := range cases {
		t.Run(tc.question, func(t *testing.T) {
			today, err := calendar.ParseDate(tc.at)
			require.NoError(t, err)
			ans, q, err := h.Ask(Request{Question: tc.question, Today: today})
			require.NoError(t, err)
			if ans.Intent == IntentSeveral {
				ans = ans.Answers[0] // 明天烧田埂和放鞭炮: the first of two answers
			}
			require.Equal(t, tc.activity, q.Activity, "activity")
			require.Equal(t, tc.date, q.Date.String(), "date")
			for k, v := range tc.facts { // the facts said; the place table may add 城区
				require.Equal(t, v, q.Facts[k], "fact %s", k)
			}
			require.Equal(t, tc.notUnderstood, q.NotUnderstood, "not understood")
			require.Equal(t, tc.verdict, ans.Verdict, "verdict")
			var cites []string
			for _, r := range ans.Reasons {
				c := r.Notice + " " + r.Article
				if r.Status != "overridden" && !contains(cites, c) {
					cites = append(cites, c)
				}
			}
			require.ElementsMatch(t, tc.cites, cites, "citations")
			// The spoken answer starts with the verdict word and cites
			// the documents of the reasons that decide it.
			require.True(t, strings.HasPrefix(ans.Answer, h.cat.Verdict(ZH, string(tc.verdict))), ans.Answer)
			if tc.verdict == engine.Forbidden {
				require.NotEmpty(t, ans.Details.Why)
				for _, w := range ans.Details.Why {
					require.Contains(t, w, "〕")
				}
			}
			if tc.followUp != "" && h.askedOf(tc.followUp) == "operator" {
				// 重点森林防火区, 禁放区, 城市规划区: no caller can say; the
				// answer states each outcome instead, and asks what a caller
				// can answer, if anything still decides.
				require.NotContains(t, followUpFacts(ans), tc.followUp)
				return
			}
			if tc.followUp == "" {
				require.Empty(t, ans.FollowUp)
				return
			}
			require.Len(t, ans.FollowUp, 1)
			fu := ans.FollowUp[0]
			require.Equal(t, tc.followUp, fu.Fact)
			require.NotEmpty(t, fu.Question)
			require.GreaterOrEqual(t, len(fu.Replies), 2)
			// Each reply, added as a fact, gives the verdict it promised
			// in one call.
			for _, r := range fu.Replies {
				facts := engine.Facts{}
				for k, v := range r.Facts {
					facts[k] = v
				}
				again, _, err := h.Ask(Request{Question: tc.question, Today: today, Facts: facts})
				require.NoError(t, err)
				if again.Intent == IntentSeveral {
					again = again.Answers[0]
				}
				require.Equal(t, r.Verdict, again.Verdict, "reply %q", r.Label)
			}
		})
	}
}
