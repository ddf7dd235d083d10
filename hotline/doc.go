// Package hotline answers a caller's question — "今天能烧秸秆吗?" — the way a
// hotline operator must: a short spoken answer first (不可以 / 可以 / 要看情况 /
// 本规则库没有相关规定), then one sentence per reason with the document number
// and article, what happens to violators and whom to call, and, when the
// answer depends on something the caller has not said, the one question to
// ask next with the answer for each reply.
//
// Understanding a question uses only vocabulary from the rule files and the
// calendar: activity names and synonyms (longest match, so 烧田埂草 beats
// 烧田埂), the values and labels of enum facts (town names with or without
// 镇/街道, 寒露籽, 重点森林防火区), and the calendar's festival names (清明,
// 春节, 国庆, 除夕, 元宵 …) resolved for the right year. The glue words a
// caller uses — 今天/明天, 这周六/下周三, 农历九月初六, 山上, 离山50米,
// 自家的山, 菜市场门口 — are in the rule set's vocabulary (rules/vocabulary)
// and the grammar's mandarin.yaml beside the code, and every sentence the
// hotline says, in Chinese and English, is in catalog.yaml.
// Nothing a notice says is written in Go. Words that meant nothing to the
// parser are returned in Query.NotUnderstood, never guessed at.
//
// A month-day or a lunar date without a year means its next occurrence:
// "清明能上坟吗" asked in November is about next April. A festival or holiday
// means today while its holiday block lasts ("春节期间" asked on 初三), else
// its next day.
//
// Each step of reading a call has a file of its own: parse.go reads the
// text, correct.go hears words by their sound, scan.go and frames.go find
// acts and facts, scope.go decides negation and scope, choose.go the acts
// asked, makequery.go each act's query, decide.go and render.go the answer
// (docs/hotline.md, "Where it is in the code", lists them all).
//
// The HTTP API and the operator page that serve these answers are package
// server's; this package is language in, answer out.
//
// A Hotline is immutable after construction and safe for concurrent use.
package hotline
