package server

import (
	_ "embed"
	"strings"
)

//go:embed pinyin.txt
var pinyinTxt string

// pinyinTable maps a character to its toneless pinyin (first reading).
type pinyinTable map[rune]string

func loadPinyin() pinyinTable {
	t := pinyinTable{}
	for _, line := range strings.Split(pinyinTxt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		syl, chars, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		for _, r := range chars {
			t[r] = syl
		}
	}
	return t
}

// of returns the full pinyin ("shaotiangeng") and the initials ("stg") of
// s; characters without pinyin are kept as they are.
func (t pinyinTable) of(s string) (full, initials string) {
	var f, i strings.Builder
	for _, r := range s {
		if p, ok := t[r]; ok {
			f.WriteString(p)
			i.WriteByte(p[0])
			continue
		}
		f.WriteRune(r)
		i.WriteRune(r)
	}
	return f.String(), i.String()
}
