// Package zh reads Chinese text the way a hotline hears it: one script
// (traditional characters and full-width forms folded to simplified and
// ASCII), pinyin for every character with all its readings (so a homophone
// typed by mistake — 鞭泡 for 鞭炮 — still sounds right), and numerals,
// including the vague amounts callers use: 两百多, 三百来, 几十, 百把, 七八十.
//
// It knows Mandarin, not any county: the words of a rule set live in its
// vocabulary files.
package zh
