package engine_test

import (
	"fmt"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// The hotline's question: may a farmer burn field ridges 50 m from the
// forest in a general fire-prevention area during the National Day
// holiday?
func Example() {
	set, err := rules.Embedded()
	if err != nil {
		panic(err)
	}
	cal, err := calendar.New()
	if err != nil {
		panic(err)
	}
	e, err := engine.New(set, cal)
	if err != nil {
		panic(err)
	}
	d, err := e.Decide(engine.Query{
		Activity: "烧田埂",
		Day:      calendar.MustDate(2024, 10, 3),
		Facts:    engine.Facts{"distance_to_forest_m": 50, "fire_zone": "general"},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Verdict)
	for _, r := range d.Reasons() {
		fmt.Println(r.Notice, r.Article, r.Text)
		fmt.Println(r.Window)
	}
	fmt.Println("next change:", d.NextChange.Date, d.NextChange.Verdict)
	// Output:
	// forbidden
	// 祁政通〔2024〕7号 三 严禁农事活动时烧灰积肥、炼山、烧地坎草、烧田埂；
	// 禁火期（一般森林防火区） 2024-09-01—2025-04-30；特别防护期：国庆假期 2024-10-01—2024-10-07
	// next change: 2025-05-01 no_rule
}

// When a fact that decides the answer is missing, the decision names it and
// says what each answer would give.
func ExampleEngine_Decide_conditional() {
	set, _ := rules.Embedded()
	cal, _ := calendar.New()
	e, _ := engine.New(set, cal)
	d, err := e.Decide(engine.Query{Activity: "野炊", Day: calendar.MustDate(2024, 11, 11)})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Verdict, d.UnknownFacts())
	for _, o := range d.Outcomes() {
		fmt.Println(o.When[0].Fact, o.When[0].Text, "→", o.Verdict)
	}
	// Output:
	// conditional [distance_to_forest_m]
	// distance_to_forest_m ≤ 100 → forbidden
	// distance_to_forest_m > 100 → no_rule
}

// A caller answering one query after another — a server encoding each
// answer before it reads the next request — can reuse one Decision:
// DecideInto overwrites it, and a decision with known facts then costs no
// allocation.
func ExampleEngine_DecideInto() {
	e, err := engine.Embedded()
	if err != nil {
		panic(err)
	}
	var d engine.Decision
	var out []byte
	for _, zone := range []string{"general", "key"} {
		q := engine.Query{Activity: "烧田埂", Day: calendar.MustDate(2025, 7, 3),
			Facts: engine.Facts{"distance_to_forest_m": 50, "fire_zone": zone}}
		if err := e.DecideInto(&d, q); err != nil {
			panic(err)
		}
		out = d.AppendJSON(out[:0]) // done with d before the next query
		fmt.Println(zone, d.Verdict, len(out) > 0)
	}
	// Output:
	// general no_rule true
	// key forbidden true
}
