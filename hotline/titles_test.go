package hotline

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTitleWordsFromData: what a question and a title share is compared
// without the words every title has and without the issuer — both taken
// from data (mandarin.yaml's title_words, the rule set's issuers, a title's
// part before 关于), none from Go.
func TestTitleWordsFromData(t *testing.T) {
	h := newTestHotline(t)
	for _, n := range h.eng.Rules().Notices {
		require.NotContains(t, h.stripGeneric(n.Issuer+"禁火令"), n.Issuer, "the issuer of %s is stripped", n.Number)
	}
	for _, w := range []string{"关于", "通告", "印发"} {
		require.NotContains(t, h.stripGeneric("X"+w+"Y"), w)
	}
	require.Equal(t, "发布森林防火禁火令的通告", subjectOf("某某市人民政府关于发布森林防火禁火令的通告"))
	require.Equal(t, "森林防火禁火令", subjectOf("森林防火禁火令"))
	// A question naming only an issuer shares nothing with its titles.
	for _, n := range h.eng.Rules().Notices {
		if n.Issuer == "" {
			continue
		}
		q := h.stripGeneric(n.Issuer + "的那个文件还有效吗")
		require.Less(t, longestCommon(q, h.stripGeneric(subjectOf(n.Title))), 3, "%s: %q", n.Number, strings.ReplaceAll(q, "\x00", "·"))
	}
}
