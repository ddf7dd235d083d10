package dates

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/zh"
)

// Clock is a time of day named in the text: 今晚11点, 下午三点半, 早上7点,
// 10点20分, 九点钟.
type Clock struct {
	// Start and End are byte offsets in the text read.
	Start, End int
	Words      string
	// Minute is the minute from 00:00 of the day the time belongs to; it
	// is 1440 or more for a time after midnight said as part of the night
	// before (今晚12点, 夜里两点).
	Minute int
}

// String returns the time as HH:MM of its own day.
func (c Clock) String() string {
	m := c.Minute % (24 * 60)
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// NextDay reports whether the time falls on the day after the day said
// (今晚12点 is the next day's 00:00).
func (c Clock) NextDay() bool { return c.Minute >= 24*60 }

// clockUnits are what may follow a number with 点 when the 点 is a
// decimal point (三点五米, 一点五公里), not a time.
const clockUnits = "米公里千元块万%度斤亩"

func (r *Reader) compileClock() (*pattern, error) {
	parts := slices.Sorted(maps.Keys(r.w.ClockParts))
	return compilePattern(`(` + zh.Alternation(parts) + `)?\s*(` + num + `)\s*(点钟|點鐘|点|點|时|時)\s*(?:(半)|(一刻)|(三刻)|(` + num + `)\s*分?)?`)
}

// Clocks finds the times of day said in text. A number with 点 is a time
// only when a part of the day goes before it (晚上, 今晚), 钟 follows it, or
// it is not 一 (烧一点纸 is "a little"); never when a unit follows (三点五米).
// An hour from 1 to 12 is put in the part of the day said (下午3点 is
// 15:00; 晚上12点 is midnight, the next day's 00:00); with no part said it
// is read as said.
func (r *Reader) Clocks(text string) []Clock {
	if r.reClock == nil || !r.ungated && !strings.ContainsAny(text, "点點时時") {
		return nil
	}
	var ms [][]int
	if r.ungated {
		ms = r.reClock.re.FindAllStringSubmatchIndex(text, -1)
	} else {
		ms = r.reClock.findAll(text)
	}
	var out []Clock
	for _, m := range ms {
		sub := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return text[m[2*k]:m[2*k+1]]
		}
		part, hs, unit := sub(1), sub(2), sub(3)
		h, ok := zh.Number(hs)
		if !ok || h != float64(int(h)) || h < 0 || h > 24 {
			continue
		}
		end := m[1]
		if next, _ := utf8.DecodeRuneInString(text[end:]); strings.ContainsRune(clockUnits, next) {
			continue // 三点五米: a decimal, not a time
		}
		digits := hs[0] >= '0' && hs[0] <= '9'
		if part == "" && !strings.Contains(unit, "钟") && !strings.Contains(unit, "鐘") &&
			(hs == "一" || hs == "两" || !digits && (unit == "时" || unit == "時")) {
			continue // 烧一点纸, 两点 (a little); 十时 is read only with a part of the day or as 22时
		}
		min := 0
		switch {
		case sub(4) != "":
			min = 30
		case sub(5) != "":
			min = 15
		case sub(6) != "":
			min = 45
		case sub(7) != "":
			n, ok := zh.Number(sub(7))
			if !ok || n != float64(int(n)) || n > 59 {
				end = m[14] // 10点 then something else
				break
			}
			min = int(n)
		}
		hour := int(h)
		if span, ok := r.w.ClockParts[part]; ok && hour <= 12 {
			for _, c := range []int{hour, hour + 12, hour + 24} {
				if c >= span[0] && c <= span[1] {
					hour = c
					break
				}
			}
		}
		minute := hour*60 + min
		if minute > 0 && minute%(24*60) == 0 && slices.ContainsFunc(r.w.ClockBefore, func(w string) bool { return strings.HasPrefix(text[end:], w) }) {
			minute-- // 晚上十二点以前: before midnight, the day said
		}
		out = append(out, Clock{Start: m[0], End: end, Words: text[m[0]:end], Minute: minute})
	}
	return out
}
