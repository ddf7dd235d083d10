package bench_test

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tonggao/tonggao/bench"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// Build the Rego data document from the engine, prepare OPA, and ask both
// the same question: 烧田埂 50 m from forest land in National Day week.
func ExampleNewOPA() {
	ctx := context.Background()
	set, err := rules.Embedded()
	if err != nil {
		panic(err)
	}
	cal, err := calendar.New()
	if err != nil {
		panic(err)
	}
	eng, err := engine.New(set, cal)
	if err != nil {
		panic(err)
	}
	enc, err := bench.ReadEncoding(ctx)
	if err != nil {
		panic(err)
	}
	data, err := bench.DataDocument(eng, enc)
	if err != nil {
		panic(err)
	}
	o, err := bench.NewOPA(ctx, data)
	if err != nil {
		panic(err)
	}
	day, _ := calendar.ParseDate("2024-10-03")
	facts := engine.Facts{"fire_zone": "general", "high_danger_days": 0.0, "distance_to_forest_m": 50.0}
	d, err := eng.Decide(engine.Query{Activity: "烧田埂", Day: day, Facts: facts})
	if err != nil {
		panic(err)
	}
	in := ast.MustInterfaceToValue(map[string]any{"activity": "烧田埂", "date": "2024-10-03", "fire_zone": "general", "high_danger_days": 0, "distance_to_forest_m": 50})
	v, err := o.Decide(ctx, in)
	if err != nil {
		panic(err)
	}
	fmt.Println("tonggao:", d.Verdict, "opa:", v)

	// With the distance unknown, OPA's partial evaluation leaves the 100 m
	// test undecided: conditional, as the engine says.
	delete(facts, "distance_to_forest_m")
	d, err = eng.Decide(engine.Query{Activity: "烧田埂", Day: day, Facts: facts})
	if err != nil {
		panic(err)
	}
	in = ast.MustInterfaceToValue(map[string]any{"activity": "烧田埂", "date": "2024-10-03", "fire_zone": "general", "high_danger_days": 0})
	v, err = o.Conditional(ctx, in)
	if err != nil {
		panic(err)
	}
	fmt.Println("tonggao:", d.Verdict, d.UnknownFacts(), "opa:", v)
	// Output:
	// tonggao: forbidden opa: forbidden
	// tonggao: conditional [distance_to_forest_m] opa: conditional
}
