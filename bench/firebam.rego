# The decision logic of 祁政通〔2024〕7号 (森林防火禁火令) in Rego, written
# independently of rules/notices/qzt-2024-07-forest-fire-ban.yaml so that the
# same-verdict test compares two encodings, not one encoding with itself.
#
# Input: {"activity": name or synonym, "date": "YYYY-MM-DD" (China local day),
#         "fire_zone": "key" | "general", "high_danger_days": n,
#         "distance_to_forest_m": m (may be absent or unknown),
#         "in_forest_land": bool (may be absent),
#         "indoors": bool, "in_yard": bool (inside a building; at a dwelling's yard)}
# Data (generated from the rule set and the calendar at test setup):
#   data.vocab.activities[name or synonym or id] = activity id
#   data.vocab.lineage[id] = [id, parent id, grandparent id, ...]
#   data.windows[window id][date] = true for every day of a special window
package firebam

# The notice this policy encodes; the Go side finds it in the rule set by this
# number, so no notice fact is written in Go.
notice := "祁政通〔2024〕7号"

# 七: 本通告自 9 月 1 日起施行，有效期 5 年 (2024-09-01 … 2029-08-31, inclusive).
in_force if {
	input.date >= "2024-09-01"
	input.date <= "2029-08-31"
}

# 三: the six groups of acts (“六个严禁”), by activity id. 野炊 is cooking_fire in
# the wild (interpretation cooking-fire-where): the group names cooking_fire and
# in_the_wild decides the place, as for 点火取暖.
groups := {
	"ban-carry-fire": {"carry_fire_into_forest"},
	"ban-agricultural-fire": {"burn_for_ash_fertiliser", "slash_burning", "burn_bank_grass", "burn_field_ridge"},
	"ban-fireworks-lanterns": {"fireworks", "sky_lantern"},
	"ban-playing-with-fire": {"playing_with_fire"},
	"ban-embers-warmth-light-cooking": {"drop_embers", "fire_for_warmth", "fire_for_light", "cooking_fire"},
	"ban-ritual-fire": {"ritual_candles", "ritual_incense", "ritual_paper_money"},
	"ban-other-outdoor-fire": {"outdoor_fire"},
	"ban-fire-prone-activities": {"fire_prone_activity"},
}

# “其他野外用火及易诱发森林火灾的活动”: the last two apply only to acts no other
# group names.
residuals := {"ban-other-outdoor-fire", "ban-fire-prone-activities"}

# Where (interpretation yewai-indoors-yard): groups the text does not say
# 野外 for hold outside buildings (a yard included); 野外 means away from
# dwellings; fireworks, lanterns, farm fire and carrying fire are not asked.
outside_buildings := {"ban-playing-with-fire", "ban-ritual-fire"}

in_the_wild := {"ban-embers-warmth-light-cooking", "ban-other-outdoor-fire"}

place_ok(g) if {
	not outside_buildings[g]
	not in_the_wild[g]
}

# Forest land is neither a building nor a yard: inside it is in the wild.
place_ok(g) if {
	input.in_forest_land == true
}

place_ok(g) if {
	outside_buildings[g]
	input.indoors == false
}

place_ok(g) if {
	in_the_wild[g]
	input.indoors == false
	input.in_yard == false
}

# The special protection windows (一), whose days come from data.windows: an
# answer names them, but they lie within the 禁火期 and decide nothing here.
special_windows := {"national_day_holiday", "spring_festival", "qingming_period"}

lineage := data.vocab.lineage[data.vocab.activities[input.activity]]

specific contains g if {
	some g, acts in groups
	not residuals[g]
	some a in lineage
	acts[a]
}

governing contains g if {
	some g in specific
}

governing contains r if {
	count(specific) == 0
	some r in residuals
	some a in lineage
	groups[r][a]
}

# 一: 禁火期. Key areas all year (interpretation key-area-all-year); general
# areas 09-01 … 04-30. The special protection periods (国庆, 春节, 清明, a
# high-danger spell) lie within it (其中; interpretation
# special-periods-within-ban): they change no verdict.
ban_period if input.fire_zone == "key"

ban_period if season

season if substring(input.date, 5, 5) >= "09-01"

season if substring(input.date, 5, 5) <= "04-30"

# 二: 禁火区域 — forest land, or within 100 m of its edge, 100 included.
ban_zone if input.in_forest_land == true

ban_zone if input.distance_to_forest_m <= 100

forbidden if {
	some g in governing
	place_ok(g)
	in_force
	ban_period
	ban_zone
}

default verdict := "no_rule"

verdict := "forbidden" if forbidden
