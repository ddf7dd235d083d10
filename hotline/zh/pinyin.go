package zh

import (
	"strings"

	"github.com/mozillazg/go-pinyin"
)

// toneless maps a toned pinyin letter to its plain letter (ü stays as v,
// the way pinyin is typed).
var toneless = strings.NewReplacer(
	"ā", "a", "á", "a", "ǎ", "a", "à", "a",
	"ē", "e", "é", "e", "ě", "e", "è", "e", "ê", "e", "ế", "e", "ề", "e",
	"ī", "i", "í", "i", "ǐ", "i", "ì", "i",
	"ō", "o", "ó", "o", "ǒ", "o", "ò", "o",
	"ū", "u", "ú", "u", "ǔ", "u", "ù", "u",
	"ü", "v", "ǖ", "v", "ǘ", "v", "ǚ", "v", "ǜ", "v",
	"ń", "n", "ň", "n", "ǹ", "n", "ḿ", "m",
)

// Readings returns the toneless pinyin readings of r, most common first
// ("ju", "jie" for 桔), or nil when r is not a Chinese character. It reads
// go-pinyin's table directly: one look-up, no per-call options.
func Readings(r rune) []string {
	s, ok := pinyin.PinyinDict[int(r)]
	if !ok || s == "" {
		return nil
	}
	parts := strings.Split(toneless.Replace(s), ",")
	out := parts[:0]
	for _, p := range parts {
		dup := false
		for _, q := range out {
			dup = dup || q == p
		}
		if !dup && p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Pinyin returns s's toneless pinyin written together ("shaotiangeng")
// and its initials ("stg"), reading each character by its most common
// reading; other runes are kept as they are. It is what an operator types
// to find an activity.
func Pinyin(s string) (full, initials string) {
	var f, i strings.Builder
	for _, r := range s {
		if p := Readings(r); len(p) > 0 {
			f.WriteString(p[0])
			i.WriteByte(p[0][0])
			continue
		}
		f.WriteRune(r)
		i.WriteRune(r)
	}
	return f.String(), i.String()
}
