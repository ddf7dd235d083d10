package hotline

import (
	"strings"
	"unicode/utf8"

	"github.com/tonggao/tonggao/hotline/zh"
)

// maxHousehold bounds a count of people read as a household's size: a
// larger number is no household (500口 is fish, not people).
const maxHousehold = 30

// householdCount is the number of people the call counts (屋里六口人 6,
// 两个老人三个伢子 5, 两个大人一个细伢子 3): the whole household's count
// when one is said, else the counts of people added. apart reports a count
// that is not of people nor the whole (五口人，有两个是低保: two of the five
// are told apart), so that an amount for some cannot be counted for all;
// whole that n is the whole household's. 0 when the call counts no people.
func (p *parser) householdCount(s string) (n int, whole, apart bool) {
	all, sum := 0, 0
	for i := 0; i < len(s); {
		k := i + numeralLen(s[i:])
		if k == i || strings.HasSuffix(s[:i], "第") {
			_, sz := utf8.DecodeRuneInString(s[i:])
			i = max(k, i+sz)
			continue
		}
		x, ok := zh.Number(s[i:k])
		rest := s[k:]
		c, isWhole, isPart := p.countedPeople(rest)
		switch {
		case !ok || x < 1 || x > maxHousehold || x != float64(int(x)):
		case c && (isWhole || p.wholeBefore(s[:i])):
			all = max(all, int(x))
		case c:
			sum += int(x)
		case isPart:
			apart = true
		}
		i = k
	}
	if all > 0 {
		return all, true, apart || sum > all
	}
	return sum, false, apart
}

// countedPeople reads what follows a numeral: people counted (口, 口人, 个
// 老人, 个人), whether the unit says the whole household (口), or a count
// of someone not named (两个是低保).
func (p *parser) countedPeople(rest string) (people, whole, part bool) {
	if n := p.longestPrefix(rest, p.g.HeadUnits); n > 0 {
		return p.longestPrefix(rest[n:], p.g.CountsNot) == 0, true, false
	}
	if n := p.longestPrefix(rest, p.g.People); n > 0 && strings.HasPrefix(rest, "个人") {
		return p.longestPrefix(rest[n:], p.g.CountsNot) == 0 && p.longestPrefix(rest[len("个"):], p.g.CountsNot) == 0, false, false
	}
	n := p.longestPrefix(rest, p.g.PeopleUnits)
	if n == 0 || p.longestPrefix(rest[n:], p.g.CountsNot) > 0 {
		return false, false, false
	}
	if p.longestPrefix(rest[n:], p.g.People) > 0 {
		return true, false, false
	}
	return false, false, true
}

// wholeBefore reports whether s ends with a word saying the count after it
// is all of the household (一家, 屋里).
func (p *parser) wholeBefore(s string) bool {
	for _, w := range p.g.Whole {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// numeralLen is the length of the numeral s starts with (一百, 12, 六), no
// decimal point or separator: a count of people is whole.
func numeralLen(s string) int {
	k := 0
	for k < len(s) {
		r, z := utf8.DecodeRuneInString(s[k:])
		if !zh.IsNumeral(r) || r == '点' || r == '.' || r == ',' {
			break
		}
		k += z
	}
	return k
}
