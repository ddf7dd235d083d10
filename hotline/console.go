package hotline

import (
	"slices"
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

// verbless reads a terse note that says no verb of a covered act, only a
// frame's object and one of its with-words (泥头车 半夜, 瓷砖→小区垃圾桶):
// when one covered act's frames alone hold both, it is the act. The words
// are read longest first, so a word inside a longer one (垃圾 of 装修垃圾)
// is not said by itself. An act no rule covers said inside them (装修 of
// 装修垃圾) gives way; one said apart from them keeps the call its own.
func (p *parser) verbless(rd *reading) {
	if p.frameWords == nil || slices.ContainsFunc(rd.acts, func(h hit) bool { return h.w.activity != nil }) {
		return
	}
	s := rd.text
	said := map[string][2]int{}
	var spans [][2]int
	for i := 0; i < len(s); {
		if n := p.frameWords.longestLen(s[i:]); n > 0 {
			if _, ok := said[s[i:i+n]]; !ok {
				said[s[i:i+n]] = [2]int{i, i + n}
			}
			spans = append(spans, [2]int{i, i + n})
			i += n
			continue
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	if len(said) < 2 {
		return
	}
	// a note, not a sentence: at most a few characters (可以, 行不) are
	// neither read nor the frames' words
	rest := 0
	for i, r := range s {
		if isHan(r) && !rd.used[i] && !slices.ContainsFunc(spans, func(sp [2]int) bool { return sp[0] <= i && i < sp[1] }) {
			rest++
		}
	}
	if rest > p.g.NoteRest {
		return
	}
	var found *frame
	var obj, with [2]int
	for _, f := range p.frames {
		if f.activity == nil || len(f.with) == 0 {
			continue
		}
		o, ok := firstSaid(said, f.byLength)
		if !ok {
			continue
		}
		w, ok := firstSaid(said, f.with)
		if !ok || w == o {
			continue
		}
		if found != nil && found.activity != f.activity {
			return // two acts: not for a guess
		}
		found, obj, with = f, o, w
	}
	if found == nil {
		return
	}
	inside := func(h hit, sp [2]int) bool { return h.i < sp[1] && sp[0] < h.j }
	if slices.ContainsFunc(rd.acts, func(h hit) bool { return !inside(h, obj) && !inside(h, with) }) {
		return // 门口晾几件衣服: an act said of its own, not the note's words
	}
	rd.acts = rd.acts[:0]
	rd.acts = append(rd.acts, hit{i: obj[0], j: obj[1], w: word{activity: found.activity}, clause: rd.clause(obj[0]),
		words: s[obj[0]:obj[1]], obj: s[obj[0]:obj[1]]})
	rd.mark(obj[0], obj[1])
}

// firstSaid is the span of the first of words that was said.
func firstSaid(said map[string][2]int, words []string) ([2]int, bool) {
	for _, w := range words {
		if sp, ok := said[w]; ok {
			return sp, true
		}
	}
	return [2]int{}, false
}
