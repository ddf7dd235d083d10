package zh

import (
	"regexp"
	"sort"
	"strings"
)

// Alternation is a regular expression group matching any of words, the
// longest first so that a word is never cut short by a shorter one it
// begins with (十二月 before 十二). With no words it matches nothing a
// caller types (a NUL).
func Alternation(words []string) string {
	ws := append([]string(nil), words...)
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	if len(ws) == 0 {
		return `(?:\x00)`
	}
	return "(?:" + strings.Join(ws, "|") + ")"
}
