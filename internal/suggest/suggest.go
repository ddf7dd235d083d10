// Package suggest finds the known names closest to a mistyped one, for
// "did you mean" hints in error messages.
package suggest

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// maxBytes bounds the input compared: edit distance costs len(got) ×
// len(name) per name, and a hostile 60 KB "name" must not cost seconds.
// Nobody mistypes a long name.
const maxBytes = 256

// Closest returns up to n of known that are closest to got by edit distance
// over runes, ignoring case (or that contain it, or that it contains), best
// first; only plausible typos: about one edit per two runes of the shorter.
//
// A name whose length alone puts it out of reach (an edit distance is at
// least the difference of the lengths) is not compared, and the comparisons
// share their buffers: a caller sending unknown names (an HTTP client
// asking for an activity no notice names) costs little.
func Closest(got string, known []string, n int) []string {
	if got == "" || len(got) > maxBytes {
		return nil
	}
	type scored struct {
		s string
		d int
	}
	lower := strings.ToLower(got)
	g := []rune(lower)
	var cands []scored
	var kr []rune
	var rows []int
	for _, k := range known {
		kl := strings.ToLower(k)
		if strings.Contains(kl, lower) || strings.Contains(lower, kl) {
			d := 1 // within one edit, or the same
			if kl == lower {
				d = 0
			}
			cands = append(cands, scored{k, d})
			continue
		}
		nk := utf8.RuneCountInString(kl)
		limit := max(1, min(len(g), nk)/2)
		if abs(nk-len(g)) > limit {
			continue
		}
		kr = kr[:0]
		for _, r := range kl {
			kr = append(kr, r)
		}
		if d := editDistance(g, kr, &rows); d <= limit {
			cands = append(cands, scored{k, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].s < cands[j].s
	})
	out := make([]string, 0, min(n, len(cands)))
	for _, c := range cands {
		if len(out) == n {
			break
		}
		out = append(out, c.s)
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// DidYouMean formats the closest names as " (did you mean A, B?)", or "".
func DidYouMean(got string, known []string, n int) string {
	best := Closest(got, known, n)
	if len(best) == 0 {
		return ""
	}
	return " (did you mean " + strings.Join(best, ", ") + "?)"
}

// editDistance is the Levenshtein distance of a and b, in two rows of
// *rows (grown as needed, for the next call).
func editDistance(a, b []rune, rows *[]int) int {
	if cap(*rows) < 2*(len(b)+1) {
		*rows = make([]int, 2*(len(b)+1))
	}
	r := (*rows)[:2*(len(b)+1)]
	prev, cur := r[:len(b)+1], r[len(b)+1:]
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
