package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAsksIn: words that ask (吗, 要得不, a final 不) against words that
// only tell what the caller will do, said before a document asked after.
func TestAsksIn(t *testing.T) {
	h := newTestHotline(t)
	cases := []struct {
		s    string
		want bool
	}{
		{"城区能摆摊不", true},
		{"山上能烧火吗？", true},
		{"烧田埂要得不", true},
		{"想给屋里人交医保", false},
		{"屋里办喜事要放鞭炮，", false},
	}
	for _, c := range cases {
		require.Equal(t, c.want, h.p.asksIn(c.s), c.s)
	}
}
