package dates

import (
	"cmp"
	"fmt"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// pattern is a regular expression that knows the characters its matches
// may hold (its alphabet) and, for most, sets of characters every match
// holds one of each of (its needs: 农历九月初六 holds one of 农阴旧 and 月).
// findAll runs it only on the stretches of text made of its alphabet that
// hold a character of each need: the matches are the same as on
// the whole text — no pattern here looks at the text around a match (no
// ^, $ or \b; those run on the whole text) — for a fraction of the work on
// a long text. The regexp package's backtracker clears a visited set the
// size of the input for every match, so FindAll on the whole of a long
// question full of dates costs matches × length.
type pattern struct {
	re *regexp.Regexp
	// whole: the pattern runs on the whole text (a context assertion, or
	// any character may be in a match)
	whole    bool
	alphabet runeSet
	astral   bool // characters outside the Basic Multilingual Plane are in the alphabet
	// needs are sets of characters every match holds one of each of
	// (农历九月初六 holds one of 农阴旧 and 月); anchors are all their
	// characters, anchored that there are any
	needs    [][]rune
	anchors  runeSet
	anchored bool
}

// maxNeeds bounds the sets of characters a stretch is checked for.
const maxNeeds = 8

// maxAnchors bounds the characters of a class taken as anchors: a wide
// class (a digit is any of ten) is still a useful anchor, \p{Han} is not.
const maxAnchors = 64

func compilePattern(expr string) (*pattern, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", expr, err)
	}
	tree = tree.Simplify()
	p := &pattern{re: re}
	// a pattern that matches the empty text matches between any two
	// characters, not only in its alphabet's stretches
	p.whole = !p.alpha(tree) || re.MatchString("")
	if !p.whole {
		p.needs = needsOf(tree)
		// the smallest sets, each once
		slices.SortStableFunc(p.needs, func(a, b []rune) int { return cmp.Compare(len(a), len(b)) })
		p.needs = slices.CompactFunc(p.needs, slices.Equal)
		p.needs = p.needs[:min(len(p.needs), maxNeeds)]
		for _, n := range p.needs {
			for _, r := range n {
				p.anchors.add(r)
			}
		}
		p.anchored = len(p.needs) > 0
	}
	return p, nil
}

// alpha adds the characters a match of re may hold to p.alphabet; it
// reports false when they cannot be bounded so (any character, or an
// assertion about the text around a match).
func (p *pattern) alpha(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpNoMatch:
		return true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			p.addRange(r, r, re.Flags&syntax.FoldCase != 0)
		}
		return true
	case syntax.OpCharClass:
		for k := 0; k+1 < len(re.Rune); k += 2 {
			p.addRange(re.Rune[k], re.Rune[k+1], false)
		}
		return true
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat, syntax.OpConcat, syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !p.alpha(sub) {
				return false
			}
		}
		return true
	}
	return false // any character, ^, $, \b, \B
}

func (p *pattern) addRange(lo, hi rune, fold bool) {
	for r := lo; r <= hi; r++ {
		if r >= 1<<16 {
			p.astral = true
			return
		}
		p.alphabet.add(r)
		if fold {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f >= 1<<16 {
					p.astral = true
				} else {
					p.alphabet.add(f)
				}
			}
		}
	}
}

// needsOf is sets of characters every match of re holds one of each of:
// every part of a sequence must match, so each part's are needed.
func needsOf(re *syntax.Regexp) [][]rune {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		var out [][]rune
		for _, r := range re.Rune {
			if r < 1<<16 {
				out = append(out, []rune{r})
			}
		}
		return out
	case syntax.OpCharClass, syntax.OpAlternate:
		var set runeSet
		if anchorsOf(re, &set) == 0 {
			return nil
		}
		return [][]rune{set.list()}
	case syntax.OpCapture, syntax.OpPlus:
		return needsOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil
		}
		return needsOf(re.Sub[0])
	case syntax.OpConcat:
		var out [][]rune
		for _, sub := range re.Sub {
			out = append(out, needsOf(sub)...)
		}
		return out
	}
	return nil
}

// list is the characters of s, in order.
func (s *runeSet) list() []rune {
	var out []rune
	for k, w := range s {
		for ; w != 0; w &= w - 1 {
			out = append(out, rune(k<<6+bits.TrailingZeros64(w)))
		}
	}
	return out
}

// anchorsOf puts in set characters one of which every match of re holds,
// and returns how many; 0 when it knows none.
func anchorsOf(re *syntax.Regexp, set *runeSet) int {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || re.Flags&syntax.FoldCase != 0 {
			return 0
		}
		set.add(re.Rune[0])
		return boolInt(re.Rune[0] < 1<<16)
	case syntax.OpCharClass:
		n := 0
		for k := 0; k+1 < len(re.Rune); k += 2 {
			n += int(re.Rune[k+1]-re.Rune[k]) + 1
		}
		if n == 0 || n > maxAnchors || re.Rune[len(re.Rune)-1] >= 1<<16 {
			return 0
		}
		for k := 0; k+1 < len(re.Rune); k += 2 {
			for r := re.Rune[k]; r <= re.Rune[k+1]; r++ {
				set.add(r)
			}
		}
		return n
	case syntax.OpCapture, syntax.OpPlus:
		return anchorsOf(re.Sub[0], set)
	case syntax.OpRepeat:
		if re.Min < 1 {
			return 0
		}
		return anchorsOf(re.Sub[0], set)
	case syntax.OpConcat:
		// the part with the fewest anchors
		best, bestN := runeSet{}, 0
		for _, sub := range re.Sub {
			var s runeSet
			if n := anchorsOf(sub, &s); n > 0 && (bestN == 0 || n < bestN) {
				best, bestN = s, n
			}
		}
		if bestN > 0 {
			set.union(&best)
		}
		return bestN
	case syntax.OpAlternate:
		var all runeSet
		n := 0
		for _, sub := range re.Sub {
			k := anchorsOf(sub, &all)
			if k == 0 {
				return 0
			}
			n += k
		}
		set.union(&all)
		return n
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s *runeSet) union(o *runeSet) {
	for k := range s {
		s[k] |= o[k]
	}
}

func (p *pattern) in(r rune) bool {
	if r >= 1<<16 {
		return p.astral
	}
	return p.alphabet.has(r)
}

// runeAt is a character of a text and the byte it starts at: a text is
// decoded once (decode) for all the patterns that walk it.
type runeAt struct {
	r  rune
	at int32
}

// decode is text's characters with their offsets, appended to buf.
func decode(text string, buf []runeAt) []runeAt {
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		buf = append(buf, runeAt{r, int32(i)})
		i += n
	}
	return buf
}

// findAll is p.re.FindAllStringSubmatchIndex(text, -1), run only on the
// stretches of text that may hold a match.
func (p *pattern) findAll(text string) [][]int {
	if p.whole {
		return p.re.FindAllStringSubmatchIndex(text, -1)
	}
	return p.findIn(text, decode(text, make([]runeAt, 0, len(text)/2)), nil, nil)
}

// findIn runs p on the stretches of text (decoded as chars) made of its
// alphabet that hold a character of each of its needs; cut and taken
// (byte i cut or taken; nil for none) leave out more of them:
//
//   - a cut byte ends a stretch, as a character outside the alphabet
//     does. Cut at the mentions, the matches are those that overlap no
//     mention, for a reader that drops the others (scan.find): the work on
//     a text full of days then shrinks as each pass takes its days,
//     instead of every pass matching again what the ones before it took.
//   - a taken character does not count for a need: a stretch whose every
//     character of a need is taken holds only matches that overlap a
//     mention, which a reader that drops those loses nothing by. Not cut,
//     the matches are the whole text's, less those (scan.findOpen): for
//     the readers whose matches must be the whole text's — a match in a
//     stretch shortened by a mention may be one the whole text does not
//     have (初六日 with 初六 taken is not 日).
func (p *pattern) findIn(text string, chars []runeAt, cut, taken []bool) [][]int {
	var out [][]int
	start, first, has := -1, 0, uint(0) // the stretch: its byte, its first character, which needs it holds
	all := uint(1)<<len(p.needs) - 1
	for k := 0; k <= len(chars); k++ {
		if k < len(chars) {
			c := chars[k]
			free := taken == nil || !taken[c.at]
			if p.in(c.r) && (cut == nil || !cut[c.at]) {
				if start < 0 {
					start, first = int(c.at), k
				}
				if has != all && free && p.anchors.has(c.r) {
					has |= p.needed(c.r)
				}
				continue
			}
		}
		if start >= 0 && has == all {
			end := len(text)
			if k < len(chars) {
				end = int(chars[k].at)
			}
			out = p.matchStretch(out, text, chars[first:k], taken, start, end)
		}
		start, has = -1, 0
	}
	return out
}

// matchStretch appends to out the matches of p in text[start:end], whose
// characters are chars: one at a time, and no further once what is left
// lacks a need (FindAll would run the expression once more on it, to find
// nothing).
func (p *pattern) matchStretch(out [][]int, text string, chars []runeAt, taken []bool, start, end int) [][]int {
	all := uint(1)<<len(p.needs) - 1
	for pos := start; ; {
		m := p.re.FindStringSubmatchIndex(text[pos:end])
		if m == nil || m[1] == 0 {
			return out
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += pos
			}
		}
		out = append(out, m)
		pos = m[1]
		has := uint(0)
		for _, c := range chars {
			if int(c.at) >= pos && has != all && (taken == nil || !taken[c.at]) && p.anchors.has(c.r) {
				has |= p.needed(c.r)
			}
		}
		if has != all {
			return out
		}
	}
}

// matchString is p.re.MatchString(s), without running the expression on
// a text that lacks all the characters of one of its needs.
func (p *pattern) matchString(s string) bool {
	has, all := uint(0), uint(1)<<len(p.needs)-1
	for _, r := range s {
		if has == all {
			break
		}
		if p.anchors.has(r) {
			has |= p.needed(r)
		}
	}
	return has == all && p.re.MatchString(s)
}

// needed is the needs r is one of the characters of, as bits.
func (p *pattern) needed(r rune) uint {
	var m uint
	for k, n := range p.needs {
		if slices.Contains(n, r) {
			m |= 1 << k
		}
	}
	return m
}

// chars adds to set every character a match of p may hold, and reports
// false when that cannot be bounded so (any character, or a class too wide
// to list).
func (p *pattern) chars(set *runeSet) bool {
	tree, err := syntax.Parse(p.re.String(), syntax.Perl)
	if err != nil {
		return false
	}
	return charsOf(tree.Simplify(), set)
}

func charsOf(re *syntax.Regexp, set *runeSet) bool {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if r >= 1<<16 || re.Flags&syntax.FoldCase != 0 {
				return false
			}
			set.add(r)
		}
	case syntax.OpCharClass:
		for k := 0; k+1 < len(re.Rune); k += 2 {
			if re.Rune[k+1] >= 1<<16 || re.Rune[k+1]-re.Rune[k] > 1<<12 {
				return false
			}
			for r := re.Rune[k]; r <= re.Rune[k+1]; r++ {
				set.add(r)
			}
		}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	}
	for _, sub := range re.Sub {
		if !charsOf(sub, set) {
			return false
		}
	}
	return true
}

// patterns are the Reader's patterns (for tests).
func (r *Reader) patterns() []*pattern {
	return []*pattern{r.reYMD, r.reMDY, r.reMD, r.reDOM, r.reMonth, r.reLunar, r.reLunar2, r.reNewYear, r.reWeek,
		r.reOrdWeek, r.reYear, r.reRel, r.reFestMod, r.reClock}
}
