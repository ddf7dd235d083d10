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
// share their buffers. Asked often of the same names (an HTTP client
// sending unknown names), an Index answers the same at less cost.
func Closest(got string, known []string, n int) []string {
	return closest(got, n, len(known), func(i int) entry {
		k := known[i]
		kl := strings.ToLower(k)
		return entry{name: k, lower: kl, n: utf8.RuneCountInString(kl)}
	})
}

// Index is a list of names prepared for Closest: each lower-cased and cut
// into runes once. It is immutable and safe for concurrent use.
type Index struct{ names []entry }

type entry struct {
	name, lower string
	n           int    // runes of lower
	runes       []rune // lower's runes; nil when not prepared
}

// NewIndex prepares known for Closest.
func NewIndex(known []string) *Index {
	x := &Index{names: make([]entry, len(known))}
	for i, k := range known {
		kl := strings.ToLower(k)
		r := []rune(kl)
		x.names[i] = entry{name: k, lower: kl, n: len(r), runes: r}
	}
	return x
}

// Closest is Closest(got, known, n) for the names the index was made of.
func (x *Index) Closest(got string, n int) []string {
	return closest(got, n, len(x.names), func(i int) entry { return x.names[i] })
}

func closest(got string, n, count int, at func(int) entry) []string {
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
	var buf []rune // a name's runes, when not prepared
	var rows []int
	for i := range count {
		k := at(i)
		if strings.Contains(k.lower, lower) || strings.Contains(lower, k.lower) {
			d := 1 // within one edit, or the same
			if k.lower == lower {
				d = 0
			}
			cands = append(cands, scored{k.name, d})
			continue
		}
		limit := max(1, min(len(g), k.n)/2)
		if abs(k.n-len(g)) > limit {
			continue
		}
		kr := k.runes
		if kr == nil {
			buf = buf[:0]
			for _, r := range k.lower {
				buf = append(buf, r)
			}
			kr = buf
		}
		if d := editDistance(g, kr, &rows); d <= limit {
			cands = append(cands, scored{k.name, d})
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
