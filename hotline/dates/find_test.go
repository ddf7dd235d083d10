package dates

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestFindAllAsWholeText: a pattern run only on the stretches of its
// alphabet that hold an anchor finds exactly what the regular expression
// finds in the whole text — for the Reader's patterns and for patterns
// that must run on the whole text (assertions, any character, the empty
// match), on random text made mostly of the characters dates are written
// with.
func TestFindAllAsWholeText(t *testing.T) {
	cal, err := calendar.New()
	require.NoError(t, err)
	r, err := New(cal, Words{
		This: []string{"这", "本"}, Next: []string{"下", "下个"}, Last: []string{"上", "上个"}, Week: []string{"周", "星期", "礼拜"},
		Weekdays: map[string]int{"一": 1, "二": 2, "三": 3, "日": 7, "天": 7}, Lunar: []string{"农历", "阴历"},
		After: []string{"后第"}, Before: []string{"前一天"}, ClockParts: map[string][2]int{"下午": {12, 18}, "晚上": {18, 24}},
	})
	require.NoError(t, err)
	ps := r.patterns()
	for _, p := range ps {
		if p != r.reFestMod { // ^: read right after a festival's name
			require.True(t, !p.whole && p.anchored, "%s: each date pattern runs only where its characters are", p.re)
		}
	}
	for _, expr := range []string{`^\d+`, `\d+$`, `\b月`, `.月`, `(?:x)?`, `(?i)ab+`, `[^月]+日`, `\p{Han}{2}号`, `(?:a|b*)c`} {
		p, err := compilePattern(expr)
		require.NoError(t, err)
		ps = append(ps, p)
	}
	whole := 0
	for _, p := range ps {
		if p.whole {
			whole++
		}
	}
	require.Equal(t, 6, whole, "reFestMod and the patterns with an assertion, any character or an empty match run on the whole text")
	chars := []rune("0123456789 一二两三四五六七八九十百零〇年月日号/-.周星期礼拜天初廿正冬腊闰农历阴点钟半刻分时上下前后这个第之的今明晚午，。aAbBc?🔥𠀀")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		var b strings.Builder
		for range rng.IntN(60) {
			if rng.IntN(10) == 0 {
				b.WriteRune(rune(0x4E00 + rng.IntN(0x5000)))
			} else {
				b.WriteRune(chars[rng.IntN(len(chars))])
			}
		}
		text := b.String()
		for _, p := range ps {
			require.Equal(t, p.re.FindAllStringSubmatchIndex(text, -1), p.findAll(text), "%s in %q", p.re, text)
			require.Equal(t, p.re.MatchString(text), p.matchString(text), "%s matches %q", p.re, text)
		}
	}
}

// TestTouches: in random text made mostly of the characters dates are
// written with, replacing characters the Reader does not touch by others
// it does not touch leaves Read and Clocks finding the same days and times
// at the same places (what the hotline's homophone pass relies on to read
// a call's days once).
func TestTouches(t *testing.T) {
	cal, err := calendar.New()
	require.NoError(t, err)
	r, err := New(cal, Words{
		Days: map[string]int{"今天": 0, "明天": 1}, Months: map[string]int{"下个月": 1}, Years: map[string]int{"明年": 1},
		MonthParts: map[string]int{"月底": 0}, MonthSpans: map[string][2]int{"中旬": {11, 20}},
		This: []string{"这", "本"}, Next: []string{"下", "下个"}, Last: []string{"上", "上个"}, Week: []string{"周", "星期", "礼拜"},
		Weekdays: map[string]int{"一": 1, "二": 2, "三": 3, "日": 7, "天": 7}, Lunar: []string{"农历", "阴历"},
		After: []string{"后第"}, Before: []string{"前一天"}, Past: []string{"过了"}, AfterDay: []string{"以后"},
		Festivals: map[string]string{"过年": "春节"}, ClockParts: map[string][2]int{"下午": {12, 18}, "晚上": {18, 24}},
	})
	require.NoError(t, err)
	chars := []rune("0123456789 一二两三四五六七八九十百零〇年月日号/-.周星期礼拜天初廿正冬腊闰农历阴点钟半刻分时上下前后这个第之的今明晚午过以清节，。")
	var plain []rune // characters no day is said with
	for c := rune(0x4E00); c < 0x9FFF && len(plain) < 400; c += 37 {
		if !r.Touches(string(c)) {
			plain = append(plain, c)
		}
	}
	require.NotEmpty(t, plain)
	require.True(t, r.Touches("10月"))
	require.True(t, r.Touches("清明"))
	require.False(t, r.Touches(string(plain[:5])))
	today := calendar.MustDate(2024, 9, 20)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		a := make([]rune, rng.IntN(50))
		for i := range a {
			if rng.IntN(3) == 0 {
				a[i] = plain[rng.IntN(len(plain))]
			} else {
				a[i] = chars[rng.IntN(len(chars))]
			}
		}
		b := append([]rune{}, a...)
		for i := range b {
			if !r.Touches(string(b[i])) {
				b[i] = plain[rng.IntN(len(plain))]
			}
		}
		ma, mb := r.Read(string(a), today), r.Read(string(b), today)
		require.Equal(t, len(ma), len(mb), "%q / %q", string(a), string(b))
		for k := range ma {
			ma[k].Words, mb[k].Words = "", ""
		}
		require.Equal(t, ma, mb, "%q / %q", string(a), string(b))
		ca, cb := r.Clocks(string(a)), r.Clocks(string(b))
		for k := range ca {
			ca[k].Words = ""
		}
		for k := range cb {
			cb[k].Words = ""
		}
		require.Equal(t, ca, cb, "%q / %q", string(a), string(b))
	}
}
