package zh

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/mozillazg/go-pinyin"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite pinyin.txt from go-pinyin")

// goPinyin is what go-pinyin says of r: its toneless readings, most common
// first.
func goPinyin(r rune) []string {
	s, ok := pinyin.PinyinDict[int(r)]
	if !ok || s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(toneless.Replace(s), ",") {
		if p != "" && !contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestPinyinTable: the embedded table says what go-pinyin says, for every
// character of the CJK blocks callers type. go test -run TestPinyinTable
// -update rewrites it after go-pinyin is upgraded.
func TestPinyinTable(t *testing.T) {
	if *update {
		first := map[string][]rune{}
		also := map[string][]rune{}
		for r := rune(tableFirst); r <= tableLast; r++ {
			rs := goPinyin(r)
			for i, p := range rs {
				if i == 0 {
					first[p] = append(first[p], r)
				} else {
					also[p] = append(also[p], r)
				}
			}
		}
		syls := make([]string, 0, len(first))
		for s := range first {
			syls = append(syls, s)
		}
		for s := range also {
			if _, ok := first[s]; !ok {
				syls = append(syls, s)
			}
		}
		sort.Strings(syls)
		var b strings.Builder
		b.WriteString("# Toneless pinyin of the characters U+3400..U+9FFF, generated from github.com/mozillazg/go-pinyin " +
			"(MIT licence)\n# by go test ./hotline/zh -run TestPinyinTable -update: a syllable, a tab, the characters whose " +
			"most common\n# reading it is, and after a second tab those that also read so.\n")
		for _, s := range syls {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", s, string(first[s]), string(also[s]))
		}
		require.NoError(t, os.WriteFile("pinyin.txt", []byte(b.String()), 0o644))
	}
	tab, err := newPinyinTable(pinyinTxt)
	require.NoError(t, err)
	for r := rune(tableFirst); r <= tableLast; r++ {
		want, got := goPinyin(r), tab.readings(r)
		// the most common reading first; the others in any order
		require.ElementsMatch(t, want, got, "%c U+%04X", r, r)
		if len(want) > 0 {
			require.Equal(t, want[0], got[0], "%c U+%04X", r, r)
		}
	}
}
