package zh

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAppendSyllables: a character's syllable numbers are its readings, in
// order, one number per distinct reading.
func TestAppendSyllables(t *testing.T) {
	p, err := NewPinyin()
	require.NoError(t, err)
	byNumber := map[uint16]string{}
	for r := rune(0); r < 0x20000; r++ {
		rs, ns := p.Readings(r), p.AppendSyllables(nil, r)
		require.Len(t, ns, len(rs), "%c", r)
		for k, n := range ns {
			require.NotZero(t, n)
			if s, ok := byNumber[n]; ok {
				require.Equal(t, s, rs[k], "%c: syllable %d", r, n)
			}
			byNumber[n] = rs[k]
		}
	}
	require.Equal(t, []uint16{}, p.AppendSyllables([]uint16{}, 'a'))
	require.Greater(t, len(byNumber), 300)
}

// TestSyllables: Syllables is AppendSyllables without the copy, for every
// character of the table and a few outside it.
func TestSyllables(t *testing.T) {
	p, err := NewPinyin()
	require.NoError(t, err)
	for r := rune(tableFirst - 2); r <= tableLast+2; r++ {
		first, more := p.Syllables(r)
		var got []uint16
		if first != 0 {
			got = append(append(got, first), more...)
		}
		require.Equal(t, p.AppendSyllables(nil, r), got, "%c", r)
	}
}
