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
