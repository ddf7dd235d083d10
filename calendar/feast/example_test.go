package feast_test

import (
	"fmt"

	"github.com/tonggao/tonggao/calendar"
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

// Diwali (Lakshmi Puja, Ashvina's new moon in course at sunset), Pongal
// (the sidereal Sun entering Makara, with Bhogi the day before) and Onam
// of 2024 by the modern Hindu calendar, and the lunar day of 2024-10-31.
func Example_hindu() {
	for _, def := range []struct {
		name, rule string
		lead       int
	}{
		{"Diwali", "hindu 30 ashvina sunset", 0},
		{"Pongal", "sankranti makara..+2", 1},
		{"Onam", "nakshatra 22 simha", 0},
	} {
		r, err := feast.Parse(def.rule)
		if err != nil {
			fmt.Println(err)
			return
		}
		r.Lead = def.lead
		for _, s := range r.In(2024) {
			fmt.Println(def.name, s.Day, s.From, s.To)
		}
	}
	fmt.Printf("%+v\n", feast.HinduLunarFrom(calendar.MustDate(2024, 10, 31)))
	// Output:
	// Diwali 2024-10-31 2024-10-31 2024-10-31
	// Pongal 2024-01-15 2024-01-14 2024-01-17
	// Onam 2024-09-15 2024-09-15 2024-09-15
	// {Year:2081 Month:7 LeapMonth:false Day:29 LeapDay:false}
}
