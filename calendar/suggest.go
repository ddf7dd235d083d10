package calendar

import "strings"

// suggest returns the candidate closest to s by edit distance (in runes,
// ignoring case), or "" when nothing is close enough to be a plausible typo.
func suggest(s string, candidates []string) string {
	in := []rune(strings.ToLower(s))
	if len(in) == 0 || len(in) > 64 {
		return ""
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editDistance(in, []rune(strings.ToLower(c)))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// Allow about one edit per three runes, and at least one: two-character
	// Chinese names such as 清民 → 清明 differ by a single rune.
	limit := max(1, len(in)/3)
	if bestDist > limit {
		return ""
	}
	return best
}

// didYouMean formats suggest's answer as a parenthesised hint.
func didYouMean(s string, candidates []string) string {
	if m := suggest(s, candidates); m != "" {
		return " (did you mean " + m + "?)"
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b.
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
