package zh

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAlternation(t *testing.T) {
	for _, tc := range []struct {
		words []string
		text  string
		want  string // the leftmost match, "" for none
	}{
		{[]string{"十二", "十二月"}, "十二月份", "十二月"}, // the longest first, whatever the order given
		{[]string{"a.b"}, "axb a.b", "a.b"},    // quoted, not a pattern
		{nil, "anything", ""},                  // no words match nothing typed
		{[]string{"下周", "这周", "上周"}, "问下这周六", "这周"},
	} {
		got := regexp.MustCompile(Alternation(tc.words)).FindString(tc.text)
		require.Equal(t, tc.want, got, "%v in %q", tc.words, tc.text)
	}
}
