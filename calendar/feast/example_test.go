package feast_test

import (
	"fmt"

	"github.com/tonggao/tonggao/calendar/feast"
)

// Pentecost, Yom Kippur (which begins the evening before) and Eid al-Fitr
// of 2013.
func Example() {
	for _, def := range []struct {
		name, rule string
		eve        bool
	}{
		{"Pentecost", "easter+49", false},
		{"Yom Kippur", "hebrew 10 tishrei", true},
		{"Eid al-Fitr", "islamic 1 shawwal", false},
		{"Lent", "easter-46..easter-1", false},
	} {
		r, err := feast.Parse(def.rule)
		if err != nil {
			fmt.Println(err)
			return
		}
		r.Eve = def.eve
		for _, s := range r.In(2013) {
			fmt.Println(def.name, s.From, s.To)
		}
	}
	// Output:
	// Pentecost 2013-05-19 2013-05-19
	// Yom Kippur 2013-09-13 2013-09-14
	// Eid al-Fitr 2013-08-08 2013-08-08
	// Lent 2013-02-13 2013-03-30
}
