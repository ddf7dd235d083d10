package hotline

// What the call said that nothing read: reported back as not understood.

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

func (p *parser) factMeaning(fact string, v any) string {
	f, ok := p.set.Fact(fact)
	if !ok {
		return fact
	}
	switch x := v.(type) {
	case Span:
		if x.Max >= farMetres {
			return fmt.Sprintf("%s ≥ %g", f.ZH, x.Min)
		}
		return fmt.Sprintf("%s %g–%g", f.ZH, x.Min, x.Max)
	case string:
		if l := f.Labels[x]; l != "" {
			return f.ZH + "：" + l
		}
		return f.ZH + "：" + x
	case bool:
		if x {
			return f.ZH
		}
		return "不" + f.ZH
	case float64:
		return fmt.Sprintf("%s：%g", f.ZH, x)
	}
	return f.ZH
}

func sameValue(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// residue returns the uncovered fragments that are not filler: the words
// the parser did not understand.
func (p *parser) residue(rd *reading) []string {
	s := rd.text
	cov := make([]bool, len(s))
	for k := range cov {
		cov[k] = rd.used[k]
	}
	for _, hs := range [][]hit{rd.acts, rd.facts} { // a bare verb alone was not understood
		for _, h := range hs {
			i, j := h.i, h.j
			if strings.HasPrefix(s[h.i:], h.words) {
				j = h.i + len(h.words)
			}
			for k := i; k < j && k < len(cov); k++ {
				cov[k] = true
			}
			// a frame's object said apart from its verb, where it was said
			if h.wj > 0 && h.obj != "" && h.wi < len(s) && strings.HasPrefix(s[h.wi:], h.obj) {
				for k := h.wi; k < h.wi+len(h.obj); k++ {
					cov[k] = true
				}
			}
		}
	}
	// A frame's words span verb to object; mark them.
	for _, h := range rd.acts {
		lo := max(0, h.i-len(h.words))
		hi := min(len(s), h.j+len(h.words))
		if k := strings.Index(s[lo:hi], h.words); k >= 0 {
			for x := lo + k; x < lo+k+len(h.words); x++ {
				cov[x] = true
			}
		}
	}
	if p.reWait != nil {
		for _, m := range p.reWait.FindAllStringIndex(s, -1) {
			for k := m[0]; k < m[1]; k++ {
				cov[k] = true
			}
		}
	}
	out := append([]string{}, rd.q.NotUnderstood...)
	ageSaid := p.saysAgeRange(s)
	// a fragment is a run of s's characters, s[start:i]: it is sliced, not
	// copied
	start := -1
	flush := func(i int) {
		if start >= 0 {
			f := p.saidOf(rd, start, i)
			if !utf8.ValidString(f) {
				f = strings.Map(func(r rune) rune { return r }, f) // each bad byte as U+FFFD
			}
			if f = strings.TrimSpace(f); f != "" && hasHan(f) {
				out = append(out, f)
			}
		}
		start = -1
	}
	for i := 0; i < len(s); {
		if cov[i] {
			flush(i)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) && (unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)) {
			flush(i)
			i += size
			continue
		}
		if _, n := p.filler.longest(s[i:]); n > 0 {
			flush(i)
			i += n
			continue
		}
		// 我老娘七十几了: an age said as a range, and who is that age
		// (most calls say none)
		if ageSaid {
			if n := p.ageWithWho(s[i:]); n > 0 {
				flush(i)
				i += n
				continue
			}
		}
		if start < 0 {
			start = i
		}
		i += size
	}
	flush(len(s))
	return dedupe(out)
}

// heardWord is a word of a reading's text corrected by its sound:
// text[i:j] is the word heard, said what the caller said.
type heardWord struct {
	i, j int
	said string
}

// saidOf returns text[i:j], a fragment left unread, as the caller said
// it: a word heard by its sound that the fragment touches is put back as
// said (村里搞篝火晚会: the 晚会 is reported as 晚会, never as the 碗筷 it
// sounds like; the hearing stays among what was understood, as what was
// tried). A word whose hearing decided how the call reads — its words as
// said hold a word the parser knows (拖垃圾 is a tractor, not 垃圾) — was
// understood, and is not reported at all.
func (p *parser) saidOf(rd *reading, i, j int) string {
	var b strings.Builder
	at := i
	for _, h := range rd.heard {
		if h.j <= i || h.i >= j {
			continue
		}
		if h.i > at {
			b.WriteString(rd.text[at:h.i])
		}
		if h.i >= at && !p.holdsKnown(h.said) {
			b.WriteString(h.said)
		} else if h.i >= at {
			b.WriteByte(' ') // the fragment parts around the word understood
		}
		at = max(at, h.j)
	}
	if at == i {
		return rd.text[i:j] // most fragments hold no word heard by sound
	}
	if at < j {
		b.WriteString(rd.text[at:j])
	}
	return b.String()
}

// holdsKnown reports whether s holds a word of two characters or more
// that the parser knows as written.
func (p *parser) holdsKnown(s string) bool {
	for k := 0; k < len(s); {
		if n := p.knownAt(s[k:]); n > 0 && utf8.RuneCountInString(s[k:k+n]) >= 2 {
			return true
		}
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
	}
	return false
}

// isHan is a fast test for the common CJK ideographs, which are never
// punctuation or space (the unicode tables are searched otherwise).
func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

func dedupe(xs []string) []string {
	out := make([]string, 0, len(xs)) // never nil: an empty list is []
	if len(xs) <= 32 {
		// a call's fragments are few: compared, not hashed into a map
		for _, x := range xs {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
		return out
	}
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func sortStrings(xs []string) { sort.Strings(xs) }
