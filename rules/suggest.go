package rules

import (
	"sort"
	"strings"
)

// maxSuggestBytes bounds the input Closest will compare.
const maxSuggestBytes = 256

// suggest returns ` (did you mean X?)` for the closest of known names, or
// "" when none is close.
func suggest(got string, known []string) string {
	best := Closest(got, known, 3)
	if len(best) == 0 {
		return ""
	}
	return " (did you mean " + strings.Join(best, ", ") + "?)"
}

// Closest returns up to n of known that are closest to got by edit distance
// over runes (or contain it), best first; only reasonably close ones.
func Closest(got string, known []string, n int) []string {
	type scored struct {
		s string
		d int
	}
	// Edit distance costs len(got)×len(known name) per name: a hostile
	// 60 KB "activity" must not cost seconds. Nobody mistypes a long name.
	if len(got) > maxSuggestBytes {
		return nil
	}
	g := []rune(got)
	var cands []scored
	for _, k := range known {
		kr := []rune(k)
		d := editDistance(g, kr)
		limit := max(1, min(len(g), len(kr))/2)
		if strings.Contains(k, got) || strings.Contains(got, k) {
			d = min(d, 1)
		}
		if d <= limit {
			cands = append(cands, scored{k, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].s < cands[j].s
	})
	var out []string
	for _, c := range cands {
		if len(out) == n {
			break
		}
		out = append(out, c.s)
	}
	return out
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
