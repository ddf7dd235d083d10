package feed_test

import (
	"fmt"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/rules"
)

// A county's levels with one township's own rows: the township's
// override the county's, and the count of high days runs over both.
func Example() {
	f, err := feed.New("example", feed.Limits{}, feed.File{Name: "levels.csv", Data: []byte(`date,division,fact,value,issued_at,source
2025-07-14,431181,fire_danger_level,4,2025-07-14T08:00+08:00,示例气象台
2025-07-15,431181,fire_danger_level,3,2025-07-15T08:00+08:00,示例气象台
2025-07-15,431181107,fire_danger_level,4,2025-07-15T08:00+08:00,示例气象台
`)})
	if err != nil {
		panic(err)
	}
	set, err := rules.Load(rules.EmbeddedFS())
	if err != nil {
		panic(err)
	}
	x, err := feed.Bind(f, set)
	if err != nil {
		panic(err)
	}
	day := calendar.MustDate(2025, 7, 15)
	for _, code := range []string{"431181107", "431181102"} {
		p, exact := x.Place(division.MustParse(code))
		for _, name := range []string{"fire_danger_level", "high_danger_days"} {
			fact, _ := set.Fact(name)
			c, _, _ := x.Value(p, exact, x.Pos(fact), day)
			fmt.Printf("%s %s %v (%s)\n", code, name, c.Lo, c.Row.Ref())
		}
	}
	// Output:
	// 431181107 fire_danger_level 4 (示例气象台 2025-07-15 08:00 发布 (levels.csv:4))
	// 431181107 high_danger_days 2 (示例气象台 2025-07-15 08:00 发布 (levels.csv:4))
	// 431181102 fire_danger_level 3 (示例气象台 2025-07-15 08:00 发布 (levels.csv:3))
	// 431181102 high_danger_days 0 (示例气象台 2025-07-15 08:00 发布 (levels.csv:3))
}
