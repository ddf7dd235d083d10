package calendar

import "fmt"

// The lunar months and solar terms come from tables generated at build
// time from github.com/6tail/lunar-go (tables_gen.go), so that the package
// needs no astronomy at run time: a year's table is a few hundred
// nanoseconds of decoding instead of half a millisecond of lunar-go, and
// binaries that use the calendar do not link lunar-go. The statutory
// holidays are generated likewise from holidays/*.json (holidays_gen.go).
// TestGeneratedTables regenerates both and fails if the committed files
// differ; `go generate ./calendar` rewrites them.
//
//go:generate go test . -run ^TestGeneratedTables$ -update

// lunarYearInfo describes one lunar year compactly.
type lunarYearInfo struct {
	// newYear is the day of the Gregorian year (0 = January 1) on which
	// 正月初一 falls.
	newYear uint8
	// leap is the month after which the year's leap month comes (闰四月
	// follows 四月: 4), or 0 when the year has none.
	leap uint8
	// long has bit i set when the year's i-th month, counting the leap
	// month in its place, has 30 days rather than 29.
	long uint16
}

// Table bounds: lunar years firstLunarYear.. (one before the first slot,
// whose January lies in the previous lunar year), solar terms per slot.
const firstLunarYear = firstSlot - 1

// decodeYear builds the table of Gregorian year y (firstSlot..lastSlot)
// from the generated data: the lunar months of lunar years y−1 and y,
// which cover every day of y, and its 24 solar terms.
func decodeYear(y int) (*yearTable, error) {
	if y < firstSlot || y > lastSlot {
		return nil, fmt.Errorf("year %d: %w", y, ErrLunarRange)
	}
	tab := &yearTable{year: y, months: make([]lunarMonth, 0, 26)}
	for ly := y - 1; ly <= y; ly++ {
		info := lunarYears[ly-firstLunarYear]
		start := MustDate(ly, 1, 1).AddDays(int(info.newYear))
		n := 12
		if info.leap != 0 {
			n = 13
		}
		month := 0
		for i := range n {
			m := lunarMonth{start: start, year: ly, days: 29}
			if info.long&(1<<i) != 0 {
				m.days = 30
			}
			if info.leap != 0 && i == int(info.leap) {
				m.month, m.leap = month, true
			} else {
				month++
				m.month = month
			}
			tab.months = append(tab.months, m)
			start = start.AddDays(m.days)
		}
	}
	days := &termDays[y-firstSlot]
	for i := range tab.terms {
		tab.terms[i] = MustDate(y, i/2+1, int(days[i]))
	}
	return tab, nil
}
