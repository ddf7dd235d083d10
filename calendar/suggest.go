package calendar

import "github.com/tonggao/tonggao/internal/suggest"

// didYouMean formats the closest candidate as a parenthesised hint.
func didYouMean(s string, candidates []string) string {
	return suggest.DidYouMean(s, candidates, 1)
}
