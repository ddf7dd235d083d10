package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNamedPeople counts the people a list names as who does an act; a
// list with a word of no number counts none.
func TestNamedPeople(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct {
		said string
		want int
	}{
		{"我跟老伴还有孙子", 3},
		{"儿子媳妇", 2},
		{"我们两老和两个孙子", 4},
		{"爷爷奶奶跟我", 3},
		{"我儿子", 1},
		{"我和我老伴", 2},
		{"我爸妈", 2},
		{"我们一家人", 0},
		{"老人和孩子", 0},
		{"儿子在东莞厂里有社保，我跟老伴", 2},
		{"明天去", 0},
	} {
		require.Equal(t, tc.want, h.p.namedPeople(tc.said), tc.said)
	}
}
