package vocab_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/rules"
)

func embedded(t *testing.T) (*rules.Set, *calendar.Calendar) {
	t.Helper()
	set, err := rules.Embedded()
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	return set, cal
}

// The embedded rule base's vocabulary loads, and says what it should.
func TestEmbedded(t *testing.T) {
	set, cal := embedded(t)
	v, err := vocab.Load(context.Background(), set, cal, vocab.Root{FS: rules.EmbeddedFS(), Name: "rules"})
	require.NoError(t, err)
	require.NotEmpty(t, v.Activities)
	require.Equal(t, "清明", v.Festivals["上坟节"])
	require.Equal(t, "清明", v.Customs["挂青"]) // a custom names its festival's day only when no other is said
	require.Equal(t, "operator", v.Questions["fire_zone"].AskedOf)
	require.Equal(t, "caller", v.Questions["distance_to_forest_m"].AskedOf)
	require.Contains(t, v.Files, "rules/vocabulary/activities.yaml")
	require.Equal(t, "祁东县", v.OutsidePlaces["430426"]) // a neighbouring county: none of the notices applies there
	// every fact has a follow-up question
	for _, f := range set.Facts {
		require.Contains(t, v.Questions, f.Name, "fact %s has no question in vocabulary/questions.yaml", f.Name)
	}
}

// A root without a vocabulary directory adds nothing (another county's
// rule set brings its own words, or none).
func TestNoVocabulary(t *testing.T) {
	set, cal := embedded(t)
	v, err := vocab.Load(context.Background(), set, cal, vocab.Root{FS: fstest.MapFS{}, Name: "empty"})
	require.NoError(t, err)
	require.Empty(t, v.Activities)
	require.Empty(t, v.Files)
}

// Every name a file uses is checked, and each problem is reported at its
// file:line:col.
func TestErrors(t *testing.T) {
	set, cal := embedded(t)
	for _, tc := range []struct{ file, want string }{
		{"activities:\n  - activity: burn_feild_ridge\n    words: [烧田塍]\n", `bad/vocabulary/x.yaml:2:15: no activity "burn_feild_ridge" in the rule set`},
		{"activities:\n  - activity: burn_field_ridge\n", "bad/vocabulary/x.yaml:2:15: activity burn_field_ridge: give words or frames"},
		{"activities:\n  - activity: enrol_resident_medical_insurance\n    words: [医保]\n    manners: [split_enrolment]\n", `bad/vocabulary/x.yaml:4:15: no activity "split_enrolment" in the rule set`},
		{"activities:\n  - activity: enrol_resident_medical_insurance\n    words: [医保]\n    manners: [enrol_resident_medical_insurance]\n", "bad/vocabulary/x.yaml:4:15: activity enrol_resident_medical_insurance: a manner of itself"},
		{"phrases:\n  - facts: {in_forest_lnd: \"true\"}\n    words: [山上]\n", `bad/vocabulary/x.yaml:2:28: no fact "in_forest_lnd" in facts.yaml`},
		{"phrases:\n  - facts: {town: 白水}\n    words: [白水]\n", `bad/vocabulary/x.yaml:2:19: fact town: "白水" is not one of`},
		{"phrases:\n  - facts: {in_forest_land: maybe}\n    words: [山上]\n", `bad/vocabulary/x.yaml:2:29: fact in_forest_land: want true or false, not "maybe"`},
		{"phrases:\n  - facts: {medical_assistance_group: half}\n    words: [低保户]\n    about: enrol_medical\n", `bad/vocabulary/x.yaml:4:12: no activity "enrol_medical" in the rule set`},
		{"festivals:\n  挂青: 清民\n", `bad/vocabulary/x.yaml:2:7: festival "清民" for "挂青": the calendar does not know it`},
		{"lunar_days:\n  小年:\n    date: 腊月四十\n", `bad/vocabulary/x.yaml:3:11: lunar day "小年"`},
		{"questions:\n  fire_zone:\n    asked_of: nobody\n", `bad/vocabulary/x.yaml:3:15: question for fire_zone: asked_of is caller or operator, not "nobody"`},
		{"questions:\n  planning_area:\n    asked_of: operator\n    values: {yes: {zh: 在规划区}}\n", `bad/vocabulary/x.yaml:3:15: question for planning_area: "yes" is not one of its values`},
		{"questions:\n  emergency_works:\n    asked_of: caller\n    unsaid: {value: maybe, interpretation: emergency-unsaid, say: {zh: 除外, en: except}}\n", `bad/vocabulary/x.yaml:4:21: question for emergency_works: unsaid "maybe" is not one of its values`},
		{"questions:\n  emergency_works:\n    asked_of: caller\n    unsaid: {value: \"false\", interpretation: no-such-reading, say: {zh: 除外, en: except}}\n", `bad/vocabulary/x.yaml:4:46: question for emergency_works: unsaid: no notice has the interpretation "no-such-reading"`},
		{"questions:\n  emergency_works:\n    asked_of: caller\n    unsaid: {value: \"false\", interpretation: emergency-unsaid}\n", `bad/vocabulary/x.yaml:4:21: question for emergency_works: unsaid needs say in zh and en (the other outcome)`},
		{"phrases:\n  - facts: {designated_place: \"true\"}\n    words: [市场分的]\n    presumes: [on_fire_lane]\n", `bad/vocabulary/x.yaml:4:16: phrase [市场分的] presumes "on_fire_lane", which is not one of its facts`},
		{"reports:\n  - {words: [着火], contact: 火葬场}\n", `bad/vocabulary/x.yaml:2:28: report: no notice has a contact named like "火葬场"`},
		{"reports:\n  - {notices: [祁政办发〔2024〕88号], contact: 城管}\n", `bad/vocabulary/x.yaml:2:16: report: no notice "祁政办发〔2024〕88号" in the rule set`},
		{"reports:\n  - {contact: 城管}\n", `bad/vocabulary/x.yaml:2:15: report: neither words nor notices lead to "城管"`},
		{"periods:\n  - {words: [禁火期], windows: [fire_season]}\n", `bad/vocabulary/x.yaml:2:30: period 禁火期: 0 notices have a window "fire_season", want one`},
		{"periods:\n  - {words: [禁火期], conditions: [no_such]}\n", `bad/vocabulary/x.yaml:2:33: period 禁火期: 0 notices have a condition "no_such", want one`},
		{"periods:\n  - {words: [禁火期]}\n", `bad/vocabulary/x.yaml:2:14: a period needs words and windows or conditions`},
		{"outside_places: {\"431100\": 永州市}\n", "bad/vocabulary/x.yaml:1:28: outside place 永州市 (431100) is within or holds where notice"},
		{"outside_places: {\"431181107\": 白水镇}\n", "bad/vocabulary/x.yaml:1:31: outside place 白水镇 (431181107) is within or holds where notice"},
		{"outside_places: {\"43x\": 某县}\n", `bad/vocabulary/x.yaml:1:25: outside place "某县": division code "43x"`},
		{"actvities: []\n", "bad/vocabulary/x.yaml:1:1: unknown field \"actvities\""},
	} {
		_, err := vocab.Load(context.Background(), set, cal, vocab.Root{FS: fstest.MapFS{"vocabulary/x.yaml": {Data: []byte(tc.file)}}, Name: "bad"})
		require.ErrorContains(t, err, tc.want, tc.file)
		var el rules.ErrorList
		require.ErrorAs(t, err, &el)
		// Every problem is placed in its file, as the rules' own are.
		require.Equal(t, "bad/vocabulary/x.yaml", el[0].File, tc.file)
		require.Positive(t, el[0].Pos.Line, tc.file)
	}
}
