package zh

import (
	"strings"

	"github.com/mozillazg/go-pinyin"
)

// Readings returns the toneless pinyin readings of r, most common first
// ("ju", "jie" for 桔), or nil when r is not a Chinese character.
func Readings(r rune) []string {
	a := pinyin.NewArgs()
	a.Heteronym = true
	return pinyin.SinglePinyin(r, a)
}

// Pinyin returns s's toneless pinyin written together ("shaotiangeng")
// and its initials ("stg"), reading each character by its most common
// reading; other runes are kept as they are. It is what an operator types
// to find an activity.
func Pinyin(s string) (full, initials string) {
	var f, i strings.Builder
	a := pinyin.NewArgs()
	for _, r := range s {
		if p := pinyin.SinglePinyin(r, a); len(p) > 0 && p[0] != "" {
			f.WriteString(p[0])
			i.WriteByte(p[0][0])
			continue
		}
		f.WriteRune(r)
		i.WriteRune(r)
	}
	return f.String(), i.String()
}
