package rules

import "github.com/tonggao/tonggao/internal/suggest"

// suggestFor returns " (did you mean X?)" for the closest of known names, or
// "" when none is close.
func suggestFor(got string, known []string) string { return suggest.DidYouMean(got, known, 3) }

// Closest returns up to n of known that are closest to got, best first:
// the names a "did you mean" hint offers.
func Closest(got string, known []string, n int) []string { return suggest.Closest(got, known, n) }
