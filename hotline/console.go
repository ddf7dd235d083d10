package hotline

import (
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/zh"
)

// oneScript reads a number typed in both scripts either side of a slash
// (两百/200m, 一百五/150米) as the one number it is: the Arabic one and its
// slash are dropped, the Chinese one kept with the unit after them.
func oneScript(text string) string {
	for from := 0; ; {
		k := strings.IndexByte(text[from:], '/')
		if k < 0 {
			return text
		}
		i := from + k
		from = i + 1
		lo := i
		for lo > 0 {
			r, sz := utf8.DecodeLastRuneInString(text[:lo])
			if r < utf8.RuneSelf || !zh.IsNumeral(r) {
				break
			}
			lo -= sz
		}
		hi := i + 1
		for hi < len(text) && (text[hi] >= '0' && text[hi] <= '9' || text[hi] == '.' && hi > i+1) {
			hi++
		}
		if lo == i || hi == i+1 {
			continue
		}
		a, ok1 := zh.Number(text[lo:i])
		b, ok2 := zh.Number(strings.TrimRight(text[i+1:hi], "."))
		if ok1 && ok2 && a == b {
			text = text[:i] + text[hi:]
			from = i
		}
	}
}
