package hotline

// Words heard by their sound and typed wrong: correcting a call before it is read.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/dates"
	"github.com/tonggao/tonggao/hotline/zh"
	"github.com/tonggao/tonggao/rules"
)

// correct replaces words heard by their sound (鞭泡 → 鞭炮, 孔名灯 → 孔明灯)
// where the text has no known word. When it had to read the days said in
// text and replaced no character a day may be said with (dates.Touches),
// it returns them too (saidRead), so that they are not read twice.
func (p *parser) correct(rd *reading, text string, today calendar.Date) (_ string, said []dates.Mention, saidRead bool) {
	// out is built only from the first word heard otherwise: most text is
	// returned as it came, without a copy
	var out strings.Builder
	last := 0
	keep := true // said holds for the corrected text too
	// said are the days said, read only when a word sounds like another
	for i := 0; i < len(text); {
		if r, sz := decodeRune(text[i:]); !p.known.first.mayHave(r) && !p.sound.first.mayHave(r) && !p.mayBeShortVerb(r) {
			i += sz // starts no word, heard or known: most of a long text
			continue
		}
		if n := p.knownAt(text[i:]); n > 0 && utf8.RuneCountInString(text[i:i+n]) >= 2 {
			// a longer word heard that keeps the known one as said (乱摆滩
			// is 乱摆摊: 乱摆 is a known word, 滩 the slip) is heard; else
			// the known word stands
			// — unless the slip is a connector said after it: 烧纸和放鞭炮
			// joins two acts, no 纸盒 is burnt
			if w, m := p.sound.match(text[i:]); m <= n || !strings.HasPrefix(w, text[i:i+n]) || p.hasPrefix(text[i+n:], p.g.Connectors) {
				// 倒垃圾箱里: a known word begun inside this one and running
				// past it (垃圾箱里) stands too — 箱里 is no 乡里
				_, sz := utf8.DecodeRuneInString(text[i:])
				start := i + sz
				i += n
				for k := start; k < i; {
					if m := p.knownAt(text[k:]); k+m > i && utf8.RuneCountInString(text[k:k+m]) >= 2 {
						i = k + m
					}
					_, sz := utf8.DecodeRuneInString(text[k:])
					k += sz
				}
				// 人行道上想摆: the known word's postposition is its own — but
				// one that has its own already (山上上分) is followed by a word
				ends := false
				for _, l := range p.g.Locatives {
					ends = ends || strings.HasSuffix(text[:i], l)
				}
				for _, l := range p.g.Locatives {
					if !ends && strings.HasPrefix(text[i:], l) {
						i += len(l)
						break
					}
				}
				continue
			}
		}
		w, n := p.sound.match(text[i:])
		if n == 0 {
			w, n = p.verbHeardAfterObject(text, i)
		}
		if n > 0 && w == text[i:i+n] && p.framePhrases[w] {
			i += n // 冇编建筑垃圾处理方案 as written: its 编 is not 变
			continue
		}
		if n > 0 && w != text[i:i+n] && !numeralsOnly(text[i:i+n]) && !p.knownAcross(text, i, i+n) && !p.losesNegator(text[i:i+n], w) &&
			!p.readsAsWritten(text, i, i+n, w) && !p.distanceAsWritten(text, i, i+n) && !p.counts(text, i, i+n, w) && !p.verbBeforeObject(text, i, i+n, w) && !p.tailHeard(text, i, w) &&
			!p.asksAtEnd(text, i+n, w) {
			if !saidRead {
				said, saidRead = p.dates.Read(text, today), true
				if scanMeter.on {
					scanMeter.dayRun++
				}
			}
			if !overlaps(said, i, i+n) { // 十二月份上山 is not 坟上
				// the days read stay true of the corrected text when
				// neither word can be part of one
				keep = keep && len(w) == n && !p.dates.Touches(text[i:i+n]) && !p.dates.Touches(w)
				rd.q.Understood = append(rd.q.Understood, Understood{Words: text[i : i+n], Kind: "heard", Meaning: w, Note: p.g.HeardNotes.Sound})
				if last == 0 {
					out.Grow(len(text) + 16) // once: corrections rarely change the length
				}
				out.WriteString(text[last:i])
				rd.heard = append(rd.heard, heardWord{i: out.Len(), j: out.Len() + len(w), said: text[i : i+n]})
				out.WriteString(w)
				i += n
				last = i
				continue
			}
		}
		_, n = utf8.DecodeRuneInString(text[i:])
		i += n
	}
	if last == 0 {
		return text, said, saidRead
	}
	out.WriteString(text[last:])
	if keep {
		return out.String(), said, saidRead
	}
	return out.String(), nil, false
}

// asksAtEnd reports whether the text heard as w, ending at byte j, ends
// the sentence with a question particle that w hears otherwise (洒水吗 is
// no 水马 barrier): the particle asks, whatever word it completes.
func (p *parser) asksAtEnd(text string, j int, w string) bool {
	said, _ := utf8.DecodeLastRuneInString(text[:j])
	heard, _ := utf8.DecodeLastRuneInString(w)
	if said == heard || !slices.Contains(p.g.AskingEnd, string(said)) && said != '吗' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	return j == len(text) || clauseBreak(next) || unicode.IsSpace(next)
}

// mayBeShortVerb reports whether r, by its most common reading, sounds as
// the first character of a frame's verb of one or two characters.
func (p *parser) mayBeShortVerb(r rune) bool {
	first, _ := p.py.Syllables(r)
	return first != 0 && p.shortVerbSounds[first]
}

// verbHeardAfterObject returns a frame's verb of one or two characters
// that text[i:] says with characters of the same sound right after one of
// the frame's objects (稻草 少掉 is 烧掉; 垃圾一把火少了 is 烧, with only
// what the fire makes between), and the length of what it says; "", 0 for
// none. A verb that short sounds like everyday words, so it is heard only
// where the object asks for it and the phrase ends there (a pause, the
// end, or heard_verb_next: 稻草少一点 is less straw), and only when it
// names one activity.
func (p *parser) verbHeardAfterObject(text string, i int) (string, int) {
	if r, _ := utf8.DecodeRuneInString(text[i:]); !p.mayBeShortVerb(r) {
		return "", 0
	}
	fs := p.framesBefore(text, i)
	if len(fs) == 0 {
		return "", 0
	}
	for _, runes := range []int{2, 1} {
		end := i
		for k := 0; k < runes && end < len(text); k++ {
			r, sz := utf8.DecodeRuneInString(text[end:])
			if !isHan(r) {
				end = -1
				break
			}
			end += sz
		}
		if end < 0 || utf8.RuneCountInString(text[i:end]) != runes {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && !unicode.IsSpace(r) && !clauseBreak(r) && !p.hasPrefix(text[end:], p.g.HeardVerbNext) && !p.hasPrefix(text[end:], p.g.Asking) {
			continue
		}
		said := text[i:end]
		heard, act := "", (*rules.Activity)(nil)
		for _, f := range fs {
			for v := range f.verbs {
				if v == said || utf8.RuneCountInString(v) != runes || !p.soundsAs(said, v) {
					continue
				}
				if act != nil && act != f.activity {
					return "", 0 // either of two acts: left as typed
				}
				if heard == "" || v < heard {
					heard = v
				}
				act = f.activity
			}
		}
		if heard != "" {
			return heard, len(said)
		}
	}
	return "", 0
}

// framesBefore are the frames (of a covered act, needing no word said
// with them) of an object said right before text[i], in its clause or
// the one before parted by a space, with only what a fire makes between
// (垃圾一把火: made in mandarin.yaml).
func (p *parser) framesBefore(text string, i int) []*frame {
	st := objectReachStart(text, i)
	var fs []*frame
	for k := st; k < i; {
		n := p.objects.longestLen(text[k:])
		if n == 0 || k+n > i {
			_, sz := utf8.DecodeRuneInString(text[k:])
			k += sz
			continue
		}
		between := strings.TrimSpace(text[k+n : i])
		made := false
		for _, m := range p.g.Made {
			made = made || strings.HasSuffix(between, m) && utf8.RuneCountInString(between) <= 4
		}
		if between == "" || made {
			fs = fs[:0]
			for _, f := range p.byObj[text[k:k+n]] {
				if f.activity != nil && len(f.with) == 0 {
					fs = append(fs, f)
				}
			}
		}
		k += n
	}
	return fs
}

// soundsAs reports whether said, character by character, reads as w, by
// each character's most common reading (茶籽熟了 is ripe: 熟 is shú before
// it is shóu, and no 收).
func (p *parser) soundsAs(said, w string) bool {
	ws := []rune(w)
	k := 0
	for _, r := range said {
		if k >= len(ws) {
			return false
		}
		want, _ := p.py.Syllables(ws[k])
		if first, _ := p.py.Syllables(r); want == 0 || first != want {
			return false
		}
		k++
	}
	return k == len(ws)
}

// undouble drops a character typed twice (一起起买, 两个个地点, 乱倒倒污水)
// when the text without it holds a known word across the place and the
// text as typed holds none across the two: 偷偷去摘, 天天 and 爷爷 stay as
// they are. Most calls double nothing and are returned as they came.
func (p *parser) undouble(rd *reading, text string) string {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.Is(unicode.Han, r) || !strings.HasPrefix(text[i+n:], text[i:i+n]) {
			i += n
			continue
		}
		// the doubling is text[i:i+2n]; a word must hold its first and
		// the character after the second, starting at most five before
		across := func(t string, at, end int) bool {
			for j, k := at, 0; j >= 0 && k < 6; k++ {
				if l := p.known.longestLen(t[j:]); l > 0 && j+l >= end {
					return true
				}
				if j == 0 {
					break
				}
				_, sz := utf8.DecodeLastRuneInString(t[:j])
				j -= sz
			}
			return false
		}
		// 盐城城区: a word that ends with the first (盐城) and one that
		// begins with the second (城区) are two words said, not a slip —
		// a word of two characters or more: 冇有有喷淋, 核准准的 end a word
		// with the first, and the second alone (有, 准) is a word of its
		// own too often to tell two words from a slip
		two := p.known.longestLen(text[i+n:]) > n && p.endsKnown(text[:i+n])
		_, next := utf8.DecodeRuneInString(text[i+2*n:])
		if next == 0 || two || across(text, i, i+2*n) {
			i += n
			continue
		}
		// the text once, read only as far as a word can reach
		from := i
		for k := 0; from > 0 && k < 6; k++ {
			_, sz := utf8.DecodeLastRuneInString(text[:from])
			from -= sz
		}
		to := min(len(text), i+2*n+24)
		if once := text[from:i] + text[i+n:to]; !across(once, i-from, i-from+n+next) {
			i += n
			continue
		}
		rd.q.Understood = append(rd.q.Understood, Understood{Words: text[i : i+2*n], Kind: "heard", Meaning: text[i : i+n], Note: p.g.HeardNotes.Doubled})
		text = text[:i] + text[i+n:]
	}
	return text
}

// endsKnown reports whether a known word of two characters or more ends s.
func (p *parser) endsKnown(s string) bool {
	j := len(s)
	for k := 0; j > 0 && k < 6; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:j])
		j -= sz
		if k > 0 && p.known.longestLen(s[j:]) == len(s)-j {
			return true
		}
	}
	return false
}

// counts reports whether text[i:j], a word heard by its sound as another,
// holds a numeral or a classifier of a count said there (几只鸡: the 几 of
// 杀几只鸡 is not the 鸡 of 杀鸡, the 只 of 几只鸭 not the 枝 of 枝丫).
func (p *parser) counts(text string, i, j int, w string) bool {
	heard := []rune(w)
	for k, n := i, 0; k < j; n++ {
		r, sz := utf8.DecodeRuneInString(text[k:])
		// a count the heard word says as typed (两个迪方 is 两个地方) is
		// kept, not misheard
		kept := n+1 < len(heard) && heard[n] == r && strings.HasPrefix(text[k+sz:], string(heard[n+1]))
		if isNumeralRune(r) && p.classifierAt(text[k+sz:]) && !kept {
			return true
		}
		if prev, _ := utf8.DecodeLastRuneInString(text[:k]); isNumeralRune(prev) && p.classifierAt(text[k:]) {
			// 两担柴 is two loads of firewood, not 担子: a classifier the
			// heard word keeps still counts a word said whole after it
			if !(n < len(heard) && heard[n] == r) || k+sz < j && p.seg.isWord(text[k+sz:j]) && p.mayBeObject(text[k+sz:j]) {
				return true
			}
		}
		k += sz
	}
	return false
}

// numeralsOnly reports whether s is all numerals: a number said (一百零五)
// is never a word misheard (灵屋 sounds as its 零五).
func numeralsOnly(s string) bool {
	for _, r := range s {
		if !isNumeralRune(r) {
			return false
		}
	}
	return s != ""
}

// isNumeralRune: r is a digit or a Chinese numeral (三只, 十几只).
func isNumeralRune(r rune) bool {
	return '0' <= r && r <= '9' || '０' <= r && r <= '９' || strings.ContainsRune("零〇一二两三四五六七八九十百千万几半", r)
}

// classifierAt: s begins with a classifier (只鸡).
// countedGap is what the token at s[i:j] counts toward a verb's reach, g
// as counted by its characters: a count said between a verb and its object
// (砍一棵…杉树, 摘两个…橘子, 捞几条…鱼) is one word however it is said —
// a numeral and its measure word one, the measure after a numeral none —
// so that saying how little is done does not put the object out of reach.
func (p *parser) countedGap(s string, i, j, g int) int {
	t := s[i:j]
	if n := numeralLen(t); n > 0 && n < len(t) && slices.Contains(p.g.Classifiers, t[n:]) {
		return min(g, 1)
	}
	if slices.Contains(p.g.Classifiers, t) && i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); zh.IsNumeral(r) && r != '点' {
			return 0
		}
	}
	return g
}

func (p *parser) classifierAt(s string) bool {
	for _, c := range p.g.Classifiers {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// readsAsWritten reports whether text[i:j], a word heard by its sound as
// another, reads more clearly as written: an object the parser knows
// starts inside it and a verb of that object's frames follows in the
// clause with no object of its own (拖垃圾去河边倒掉 dumps the 垃圾; but
// 拖垃圾拉茶籽 is a 拖拉机: 拉 has 茶籽). An object the heard word w keeps
// as written, in its place, is no reason (装秀垃圾 is 装修垃圾: the 垃圾
// stays, now the decoration waste).
func (p *parser) readsAsWritten(text string, i, j int, w string) bool {
	said := text[i:j]
	// the verb follows within a short clause's reach (拖垃圾去河边倒掉):
	// a run of hundreds of characters without a pause is not searched
	// again from every word heard (issue 17.5's bound)
	end := clauseReach(text, j)
	if p.verbAfterObject(text, i) {
		return true
	}
	_, sz := utf8.DecodeRuneInString(said)
	for k := i + sz; k < j; {
		n := p.objects.longestLen(text[k:])
		if n == 0 || len(w) == j-i && k+n <= j && w[k-i:k-i+n] == text[k:k+n] {
			_, sz := utf8.DecodeRuneInString(text[k:])
			k += sz
			continue
		}
		for _, f := range p.byObj[text[k:k+n]] {
			for v := range f.verbs {
				for at := j; ; {
					m := strings.Index(text[at:end], v)
					if m < 0 {
						break
					}
					m += at
					if p.objects.longestLen(text[m+len(v):end]) == 0 {
						return true
					}
					at = m + len(v)
				}
			}
		}
		k += n
	}
	return false
}

// objectReachStart is where an object said before text[i] may begin: the
// start of i's clause, or of the one before it when one space parts them.
func objectReachStart(text string, i int) int {
	st, spaces := i, 0
	for n := 0; st > 0 && n < maxClauseRunes; n++ {
		r, sz := utf8.DecodeLastRuneInString(text[:st])
		if clauseBreak(r) || unicode.IsSpace(r) && spaces > 0 {
			break
		}
		if unicode.IsSpace(r) {
			spaces++
		}
		st -= sz
	}
	return st
}

// verbAfterObject reports whether text at i starts a verb of a frame
// whose object was said just before it, in its clause or the one before
// parted by a space (装修垃圾 倒路边空地: the 倒 of dumping, not the 到 of
// 到路边 — a verb said after its object, as readsAsWritten's is before).
func (p *parser) verbAfterObject(text string, i int) bool {
	st := objectReachStart(text, i)
	for k := st; k < i; {
		n := p.objects.longestLen(text[k:])
		if n == 0 || k+n > i {
			_, sz := utf8.DecodeRuneInString(text[k:])
			k += sz
			continue
		}
		for _, f := range p.byObj[text[k:k+n]] {
			for v := range f.verbs {
				if strings.HasPrefix(text[i:], v) && strings.TrimSpace(text[k+n:i]) == "" {
					return true
				}
			}
		}
		k += n
	}
	return false
}

// verbBeforeObject reports whether text[i:j], a word heard by its sound
// as heard, is a frame's verb and a measure or complement after it
// whose object follows in the clause: 种点西瓜 sows 西瓜 (种点 is not 充电),
// as 烧点纸 burns 纸 — or ends with a frame's verb whose object follows
// (办酒放两挂鞭: 酒放 is not 旧房). Only the verb and what counts or
// completes it, or a verb at its end: a slip inside a word (烧天埂草) is
// still heard.
func (p *parser) verbBeforeObject(text string, i, j int, heard string) bool {
	said := text[i:j]
	var fs []*frame
	for k := 0; k < len(said); {
		_, sz := utf8.DecodeRuneInString(said[k:])
		k += sz
		// (摆一下摊: a complement or a measure counted by a numeral is
		// the verb's too — 摆一下 is no 拜一下 with 摊 after it)
		rest := said[k:]
		rest = rest[numeralLen(rest):]
		if k < len(said) && len(p.byVerb[said[:k]]) > 0 && (p.complementAt(rest) || p.classifierAt(rest)) {
			fs = p.byVerb[said[:k]]
			break
		}
		// 办酒放两挂鞭: the slip ends with the verb, which the word heard
		// would take (酒放 is no 旧房; 乱混仔一起堆 keeps its 堆)
		if k < len(said) && len(p.byVerb[said[k:]]) > 0 && !strings.HasSuffix(heard, said[k:]) {
			fs = p.byVerb[said[k:]]
			break
		}
	}
	if fs == nil {
		return false
	}
	end := clauseReach(text, j)
	// any of the verb's objects, a single character too (放两挂鞭): the
	// path is taken only for a word heard otherwise, rarely
	for _, f := range fs {
		for o := range f.objects {
			if strings.Contains(text[j:end], o) {
				return true
			}
		}
	}
	return false
}

// complementAt: s begins with a measure word or complement that may follow
// a verb (点, 下, 些).
func (p *parser) complementAt(s string) bool {
	for c := range p.complements {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// losesNegator reports whether hearing said as w would drop a negator or
// a particle that is never misheard (`kept` in mandarin.yaml): 也不 is
// never 衣服 (a mishearing must not turn 不烧 into 烧), 煎饺子的摊 has no 地摊.
//
// A negator that opens a long word heard whose rest is kept as typed, and
// starts no word the parser knows, is that word's first sound, not a
// denial (无业指定的 is 物业指定的); one before a word (不交医保 is no
// 补交医保) or in a short word (也不) denies.
func (p *parser) losesNegator(said, w string) bool {
	_, first := utf8.DecodeRuneInString(said)
	opens := utf8.RuneCountInString(said) >= 4 && len(said) == len(w) && said[first:] == w[first:] && p.knownAt(said[first:]) == 0
	for _, l := range [][]string{p.g.Negators, p.g.Kept} {
		for _, ng := range l {
			in := said
			if opens && strings.HasPrefix(said, ng) {
				in = said[first:]
			}
			if utf8.RuneCountInString(ng) == 1 && strings.Contains(in, ng) && !strings.Contains(w, ng) {
				return true
			}
		}
	}
	return false
}

// knownAcross reports whether a known word starts inside text[i:j] after
// its first character and runs past j: the text's own word, not a
// mishearing (院子离山 is 离山, not 院子里).
func (p *parser) knownAcross(text string, i, j int) bool {
	_, sz := utf8.DecodeRuneInString(text[i:])
	for k := i + sz; k < j; {
		if n := p.knownAt(text[k:]); k+n > j && utf8.RuneCountInString(text[k:k+n]) >= 2 {
			return true
		}
		_, sz := utf8.DecodeRuneInString(text[k:])
		k += sz
	}
	return false
}

func overlaps(ms []dates.Mention, i, j int) bool {
	for _, m := range ms {
		if m.Start < j && m.End > i {
			return true
		}
	}
	return false
}

// tailHeard reports whether w, a frame's verb and object heard at text[i:]
// with its verb typed otherwise, would take the last character of a word
// said before it (厨房垃圾 is no 放垃圾): the verb heard must open the
// text, its clause, or follow a word the parser knows (明天, 山上, 想).
func (p *parser) tailHeard(text string, i int, w string) bool {
	if !p.framePhrases[w] || i == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[i:]); strings.HasPrefix(w, string(r)) {
		return false // the verb as typed: the slip is in the object
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if !unicode.Is(unicode.Han, prev) {
		return false
	}
	for j, k := i, 0; j > 0 && k < 6; k++ {
		_, sz := utf8.DecodeLastRuneInString(text[:j])
		j -= sz
		if p.known.longestLen(text[j:]) == i-j {
			return false
		}
	}
	return true
}

// knownAt is the length of the longest known word at the start of s.
func (p *parser) knownAt(s string) int {
	return p.known.longestLen(s)
}

// festivalWords are everyday names of the calendar's festivals and
// holidays, known words for the homophone pass.
var festivalWords = []string{"元旦节", "新年", "大年三十", "年三十", "春节", "大年初一", "正月初一", "元宵节", "元宵", "上元节", "正月十五",
	"清明节", "端午节", "端阳", "中元节", "鬼节", "中秋节", "重阳节", "国庆节", "十一", "寒衣节", "冬至节", "五一", "劳动节", "国庆", "假期"}

// straddlesFacts reports whether an act's word at s[i:i+n] runs across
// the joint of two fact phrases said one right after the other — the first
// begun before it and ending inside it, the second reaching its end (山上坟前
// is 山上 and 坟前, no 上坟): the words are the places'.
func (p *parser) straddlesFacts(s string, i, n int) bool {
	const back = 4 // runes before the act a fact phrase may begin
	k := i
	for step := 0; step < back && k > 0; step++ {
		_, sz := utf8.DecodeLastRuneInString(s[:k])
		k -= sz
		if _, m := p.facts.longest(s[k:]); k+m > i && k+m < i+n {
			_, m2 := p.facts.longest(s[k+m:])
			return m2 > 0 && k+m+m2 >= i+n
		}
	}
	return false
}

// clauseReach is where a short clause's reach from byte j of text ends: at
// the next pause or break, or maxClauseRunes characters on, whichever
// comes first.
func clauseReach(text string, j int) int {
	end := j
	for n := 0; end < len(text) && n < maxClauseRunes; n++ {
		r, sz := utf8.DecodeRuneInString(text[end:])
		if clauseBreakOrSpace(r) {
			break
		}
		end += sz
	}
	return end
}
