// Command embed is the smallest program that embeds the engine: the rule
// base and holiday data are compiled in, so it needs no files and no
// network.
//
//	go run ./examples/embed
package main

import (
	"fmt"
	"log"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

func main() {
	set, err := rules.Embedded()
	if err != nil {
		log.Fatal(err)
	}
	cal, err := calendar.New()
	if err != nil {
		log.Fatal(err)
	}
	e, err := engine.New(set, cal)
	if err != nil {
		log.Fatal(err)
	}
	d, err := e.Decide(engine.Query{
		Activity: "烧田埂",
		Day:      calendar.MustDate(2024, 10, 3),
		Facts:    engine.Facts{"distance_to_forest_m": 50},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Activity().Name, d.Date, d.Verdict)
	for _, r := range d.Reasons() {
		fmt.Println(" ", r.Notice, r.Article, r.Text)
	}
}
