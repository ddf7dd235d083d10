package hotline_test

import (
	"fmt"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

func exampleHotline() *hotline.Hotline {
	set, _ := rules.Embedded()
	cal, _ := calendar.New()
	reg, _ := register.Embedded()
	eng, err := engine.New(set, cal, engine.WithRegister(reg))
	if err != nil {
		panic(err)
	}
	h, err := hotline.New(eng)
	if err != nil {
		panic(err)
	}
	return h
}

// A question with a follow-up: the answer depends on the distance to
// forest land, so the operator asks it, and gets the answer for each reply.
func ExampleHotline_Ask() {
	h := exampleHotline()
	ans, _, err := h.Ask(hotline.Request{Question: "10月3日烧田埂行不行", Today: calendar.MustDate(2024, 9, 20)})
	if err != nil {
		panic(err)
	}
	fmt.Println(ans.Headline)
	fu := ans.FollowUp[0]
	fmt.Println(fu.Question)
	for _, r := range fu.Replies {
		fmt.Printf("%s → %s\n", r.Label, r.Answer)
	}
	// The caller says 80 m: the same question with the added fact.
	again, _, _ := h.Ask(hotline.Request{Question: "10月3日烧田埂行不行", Today: calendar.MustDate(2024, 9, 20),
		Facts: engine.Facts{"distance_to_forest_m": 80.0}})
	fmt.Println(again.Headline)
	fmt.Println(again.Details.NextChange)
	// Output:
	// 要看情况：10月3日烧田埂要看离山林多远。
	// 您烧田埂的地方离山林（林地边上）有没有100米？
	// 不超过100米 → 不可以
	// 超过100米 → 本规则库没有相关规定
	// 不可以：10月3日烧田埂是禁止的。
	// 禁火期到2025年4月30日结束，从2025年5月1日起要看是不是重点森林防火区。
}

// Parsing alone: what was understood, and what was not.
func ExampleHotline_Parse() {
	h := exampleHotline()
	q := h.Parse("我在白水，下周三想去离林子一百五十米的地方烧稻草，顺便遛鸟", calendar.MustDate(2026, 11, 28))
	fmt.Println(q.Activity, q.Date, q.Facts["town"], q.Facts["distance_to_forest_m"])
	fmt.Println(q.NotUnderstood)
	// Output:
	// open_burning_straw 2026-12-02 白水镇 150
	// [遛鸟]
}

// The same answer in English.
func ExampleRequest_english() {
	h := exampleHotline()
	ans, _, _ := h.Ask(hotline.Request{Question: "我在白水镇，今天能烧秸秆吗", Today: calendar.MustDate(2026, 11, 28), Lang: hotline.EN})
	fmt.Println(ans.Headline)
	// Output:
	// No: open burning of crop straw is forbidden on 28 November.
}

// A call of several questions: VerdictText, what the operator page shows
// in large type, is the gravest answer's verdict as said — not the first
// answer's 可以 — and each answer keeps its own.
func ExampleAnswer_verdictText() {
	h := exampleHotline()
	ans, _, _ := h.Ask(hotline.Request{Question: "我帮别人摘茶籽，摘完了顺便偷摘几棵", Today: calendar.MustDate(2024, 10, 25)})
	fmt.Println(ans.VerdictText)
	for _, a := range ans.Answers {
		fmt.Println(a.VerdictText, a.Headline)
	}
	// Output:
	// 不可以
	// 可以 可以：10月25日受雇采摘油茶果是允许的。
	// 不可以 不可以：10月25日偷摘油茶果是禁止的。
}
