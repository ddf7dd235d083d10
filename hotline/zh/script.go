package zh

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"
)

//go:embed t2s.txt
var t2sTxt string

// Script folds text to one script: traditional characters to simplified
// ones (a table of 2,959 characters from OpenCC), full-width digits,
// letters and punctuation to ASCII, the ideographic space to a space. It is
// immutable once made.
type Script struct {
	t2s map[rune]rune
	// trad are t2s's keys of the Basic Multilingual Plane, as a set
	// tested without a map look-up: most characters of a call fold to
	// themselves
	trad [1 << 10]uint64
}

// NewScript reads the embedded character table.
func NewScript() (*Script, error) {
	s := &Script{t2s: make(map[rune]rune, 3000)}
	for n, line := range strings.Split(t2sTxt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		t, simp, ok := strings.Cut(line, "\t")
		rt, n1 := utf8.DecodeRuneInString(t)
		rs, n2 := utf8.DecodeRuneInString(simp)
		if !ok || n1 != len(t) || n2 != len(simp) {
			return nil, fmt.Errorf("t2s.txt:%d: want one character, a tab and one character", n+1)
		}
		s.t2s[rt] = rs
		if rt < 1<<16 {
			s.trad[rt>>6] |= 1 << (rt & 63)
		}
	}
	return s, nil
}

// Fold returns text in simplified characters with ASCII digits, letters
// and punctuation, every rune kept in place one for one (so byte offsets
// change only where a rune's width does).
func (s *Script) Fold(text string) string {
	return strings.Map(s.FoldRune, text)
}

// FoldRune folds one rune.
func (s *Script) FoldRune(r rune) rune {
	switch {
	case r >= '！' && r <= '～':
		return r - 0xFEE0
	case r == '\u3000':
		return ' '
	case r < 1<<16 && s.trad[r>>6]&(1<<(r&63)) == 0:
		return r // no traditional character of the table
	}
	if x, ok := s.t2s[r]; ok {
		return x
	}
	return r
}
