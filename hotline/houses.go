package hotline

import "strings"

// othersHouse is the length of the longest word for another household's
// house (隔壁屋里, 邻居家里) at the start of s, 0 for none: their place and
// people, in which 屋里 is not the caller indoors.
func (p *parser) othersHouse(s string) int {
	if r, _ := decodeRune(s); !p.householdFirst.mayHave(r) {
		return 0 // most characters start none
	}
	n := 0
	for _, w := range p.g.OthersHouse {
		if len(w) > n && strings.HasPrefix(s, w) {
			n = len(w)
		}
	}
	return n
}
