package hotline

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/dates"
)

// A text pasted into the operator's box (转：…, 短信：…, a rumour quoted
// 「…」) before the caller's own line is what someone else wrote: it sets
// the topic, but its days bound its own window, its phone number is the
// sender's and its clauses ask nothing the caller's line does not.

// pasteMark is a pair of quote marks (mandarin.yaml quote_marks).
type pasteMark struct{ open, close rune }

// pasteMarks reads the pairs of quote marks, two runes each.
func pasteMarks(pairs []string) []pasteMark {
	var out []pasteMark
	for _, s := range pairs {
		o, n := utf8.DecodeRuneInString(s)
		c, m := utf8.DecodeRuneInString(s[n:])
		if n == 0 || m == 0 || n+m != len(s) {
			continue // not a pair of runes: the grammar's test says so
		}
		out = append(out, pasteMark{o, c})
	}
	return out
}

// pastedSpans are the byte spans of text that are pasted or quoted: a head
// of Pasted at the start, said before a colon, up to the last line break
// when the caller's own line follows it; and each text between a pair of
// quote marks (to the line's end when it is not closed). head is the
// length of the head said, heard as no act.
func (p *parser) pastedSpans(text string) (spans [][2]int, head int) {
	if nl := strings.LastIndexByte(text, '\n'); nl > 0 && strings.TrimSpace(text[nl:]) != "" {
		for _, h := range p.g.Pasted {
			rest, ok := strings.CutPrefix(text, h)
			if !ok {
				continue
			}
			rest = strings.TrimLeft(rest, " ")
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "\n") {
				spans, head = append(spans, [2]int{0, nl}), len(h)
				break
			}
		}
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		k := slices.IndexFunc(p.marks, func(m pasteMark) bool { return m.open == r })
		if k < 0 {
			continue
		}
		end := strings.IndexRune(text[i:], p.marks[k].close)
		if nl := strings.IndexByte(text[i:], '\n'); end < 0 || nl >= 0 && nl < end {
			end = nl
		}
		if end < 0 {
			end = len(text) - i
		}
		if end > 0 {
			spans = append(spans, [2]int{i, i + end})
		}
		i += end
		if i < len(text) {
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
		}
	}
	return spans, head
}

// inPasted reports whether byte i is in a pasted or quoted text.
func (rd *reading) inPasted(i int) bool {
	for _, sp := range rd.pasted {
		if i >= sp[0] && i < sp[1] {
			return true
		}
	}
	return false
}

// inQuoted reports whether byte i is in a text quoted between quote marks
// (not a pasted text's head and body): the notice's words the caller
// quotes (通告上写"禁止在街道、人行道上宰杀"), not his own situation.
func (p *parser) inQuoted(rd *reading, i int) bool {
	for _, sp := range rd.pasted {
		if i < sp[0] || i >= sp[1] || sp[0] == 0 {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(rd.text[:sp[0]])
		if slices.ContainsFunc(p.marks, func(m pasteMark) bool { return m.open == r }) {
			return true
		}
	}
	return false
}

// ownText is the call's text with its pasted and quoted texts blanked: the
// caller's own words.
func (rd *reading) ownText() string {
	if len(rd.pasted) == 0 {
		return rd.text
	}
	b := []byte(rd.text)
	for _, sp := range rd.pasted {
		for k := sp[0]; k < sp[1]; k++ {
			b[k] = 0
		}
	}
	return string(b)
}

// dropPastedDays drops the days of a pasted text that are not asked: all
// of them when the caller's own words say a day (『10月8日前不得收购』 10月8号
// 当天收行不行), else those that bound the text's window — a day said with
// 以前 or 过了, as a start (9月1日起) or as a deadline (缴费截止12月31日).
// The rest (群里：中元节（2025.9.6）晚上在路口烧包 可以吗) are the caller's.
func (p *parser) dropPastedDays(rd *reading) {
	if len(rd.pasted) == 0 {
		return
	}
	own := slices.ContainsFunc(rd.dates, func(m dates.Mention) bool {
		return !m.Bad && !m.Weak && !m.Custom && !rd.inPasted(m.Start)
	})
	kept := rd.dates[:0]
	for _, m := range rd.dates {
		if rd.inPasted(m.Start) && (own || p.bounds(rd, m)) {
			continue
		}
		kept = append(kept, m)
	}
	rd.dates = kept
}

// bounds reports whether day m is said as a window's bound: before or
// after it (10月8日前, 过了4月30号), from it (9月1日起) or up to it
// (截止12月31日, 12月31日为止).
func (p *parser) bounds(rd *reading, m dates.Mention) bool {
	if m.Before || m.Past {
		return true
	}
	after, before := rd.text[m.End:], rd.text[:m.Start]
	return p.startsWithAny(after, p.g.FromDay) || p.startsWithAny(after, p.g.Since) || p.startsWithAny(after, p.g.Deadline) ||
		p.hasSuffixAny(before, p.g.Deadline)
}

// dropPastedActs drops the acts said in a pasted text when the caller's own
// words ask one — his own or the pasted one asked again of his facts (群里
// 转的：“今年医保每人交400” 我屋里是低保户呢): the pasted text asks nothing
// of its own. With none asked in his words, its acts are what is asked
// (『…不得收购新茶籽』 10月8号当天收行不行).
func (p *parser) dropPastedActs(rd *reading, acts []hit) []hit {
	if len(rd.pasted) == 0 {
		return acts
	}
	pasted := func(h hit) bool { return rd.inPasted(h.i) && h.clause == rd.clause(h.i) }
	if !slices.ContainsFunc(acts, func(h hit) bool { return !pasted(h) }) {
		return acts
	}
	return slices.DeleteFunc(acts, pasted)
}

// unfill drops a filler said inside a phrase (没有办那个核准, 冇盖那个篷布:
// mandarin.yaml inner_fillers) where an act's or fact's phrase, starting
// at most five characters before it, reaches past it once it is dropped
// and did not with it.
func (p *parser) unfill(text string) string {
	for _, f := range p.g.InnerFillers {
		for from := 0; ; {
			k := strings.Index(text[from:], f)
			if k < 0 {
				break
			}
			i := from + k
			from = i + len(f)
			if i == 0 || from == len(text) || p.phraseAcross(text, i, i+1) {
				continue // a phrase holds it as said (没办那个核准)
			}
			if once := text[:i] + text[from:]; p.phraseAcross(once, i, i+1) {
				text, from = once, i
			}
		}
	}
	return text
}

// phraseAcross reports whether an act's or fact's phrase starts in the five
// characters before byte i and reaches end.
func (p *parser) phraseAcross(text string, i, end int) bool {
	j := i
	for k := 0; j > 0 && k < 5; k++ {
		_, sz := utf8.DecodeLastRuneInString(text[:j])
		j -= sz
		if j+p.acts.longestLen(text[j:]) >= end || j+p.facts.longestLen(text[j:]) >= end {
			return true
		}
	}
	return false
}
