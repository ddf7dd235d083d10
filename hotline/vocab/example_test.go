package vocab_test

import (
	"context"
	"fmt"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/rules"
)

// Loading a rule set's vocabulary: the words beside its rules, checked
// against them.
func ExampleLoad() {
	set, _ := rules.Embedded()
	cal, _ := calendar.New()
	v, err := vocab.Load(context.Background(), set, cal, vocab.Root{FS: rules.EmbeddedFS(), Name: "rules"})
	if err != nil {
		panic(err)
	}
	fmt.Println(v.Customs["挂青"], v.LunarDays["小年"].Date, v.Questions["fire_zone"].AskedOf)
	// Output: 清明 腊月廿四 operator
}
