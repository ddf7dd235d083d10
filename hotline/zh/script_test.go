package zh

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFoldRuneShortcut holds FoldRune's shortcut — a character of the
// basic plane that is no key of the table (trad) is not looked up — to the
// table itself, for every character there is.
func TestFoldRuneShortcut(t *testing.T) {
	s, err := NewScript()
	require.NoError(t, err)
	plain := func(r rune) rune {
		switch {
		case r >= '！' && r <= '～':
			return r - 0xFEE0
		case r == '\u3000':
			return ' '
		}
		if x, ok := s.t2s[r]; ok {
			return x
		}
		return r
	}
	n := 0
	for r := rune(0); r <= 0x10FFFF; r++ {
		if got, want := s.FoldRune(r), plain(r); got != want {
			require.Equal(t, want, got, "U+%04X", r)
		}
		if s.FoldRune(r) != r {
			n++
		}
	}
	require.Greater(t, n, 2900, "characters folded")
}
