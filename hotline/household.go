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

// householdOfOne reports whether call s counts the caller as one by
// himself (我一个人住, 屋里就我一个人, 户口本上就我一个人) and names no one
// else: a household of one, whom an act done for the caller only leaves no
// member out of (二（六）'s 选择性参保 needs a household of more).
func (p *parser) householdOfOne(s string) bool {
	for _, w := range p.g.FirstPerson {
		for i := 0; ; {
			k := strings.Index(s[i:], w)
			if k < 0 {
				break
			}
			at := i + k + len(w)
			i = at
			nl := numeralLen(s[at:])
			if x, ok := zh.Number(s[at : at+nl]); nl == 0 || !ok || x != 1 {
				continue
			}
			if c, _, _ := p.countedPeople(s[at+nl:]); !c {
				continue
			}
			end := at + nl
			if n := p.longestPrefix(s[end:], p.g.People); n > 0 {
				end += n // (一个人)
			} else {
				end += p.longestPrefix(s[end:], p.g.PeopleUnits) // (一位老人)
				end += p.longestPrefix(s[end:], p.g.People)
			}
			// (the count's own 个人 and the caller again, 我自己, aside:
			// anyone else named is another member, 就我一个人冇交，其他都交了)
			rest := s[:at] + s[end:]
			for _, w := range p.g.Self {
				rest = strings.ReplaceAll(rest, w, "")
			}
			return !p.hasAny(rest, p.g.People) && !p.hasAny(rest, p.g.ThirdPerson)
		}
	}
	return false
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

// namedPeople counts the people s names one by one as who does an act (我
// 跟老伴还有孙子 3, 儿子媳妇 2, 我们两老和两个孙子 4): s is the act's clause
// before the act, and the last list in it counts. 0 when no list is said or
// one of its people has no number (我们, 孩子, 一家人).
func (p *parser) namedPeople(s string) int {
	last, n := 0, 0
	many := false
	// the member before, said right before this one: a pronoun (我儿子:
	// whose) or a word of no number (我们两老: who, counted by what follows)
	pronoun, pendMany := false, false
	end := func() {
		if pendMany {
			many = true
		}
		if many {
			last = 0
		} else if n > 0 {
			last = n
		}
		n, many, pronoun, pendMany = 0, false, false, false
	}
	for i := 0; i < len(s); {
		if k := p.longestPrefix(s[i:], p.g.PeopleJoins); k > 0 && (n > 0 || pendMany) {
			many = many || pendMany
			i, pronoun, pendMany = i+k, false, false
			continue
		}
		m, k := p.personAt(s[i:])
		if k == 0 {
			if n > 0 || many || pendMany {
				end()
			}
			_, sz := utf8.DecodeRuneInString(s[i:])
			i += sz
			continue
		}
		switch {
		case m < 0:
			many = many || pendMany
			pendMany = true
		case m == 0:
			many = many || pendMany
			n++
		default:
			if pronoun {
				n-- // 我儿子: the pronoun says whose
			}
			n += m // (我们两老: 我们 is who, pending, now counted)
		}
		pronoun, i = m == 0, i+k
		if m >= 0 {
			pendMany = false
		}
	}
	end()
	return last
}

// personAt reads a person named at the start of s: its number of people
// (0 for a person pronoun, -1 for a word of no number) and its length; 0
// length when s starts with no person.
func (p *parser) personAt(s string) (m, k int) {
	if nl := numeralLen(s); nl > 0 {
		if c, _, _ := p.countedPeople(s[nl:]); c {
			x, ok := zh.Number(s[:nl])
			u := p.longestPrefix(s[nl:], p.g.PeopleUnits)
			if w := p.longestPrefix(s[nl+u:], p.g.People); ok && x >= 1 && x <= maxHousehold && w > 0 {
				return int(x), nl + u + w
			}
		}
	}
	best, bm := 0, 0
	for w, c := range p.g.PeopleCounted {
		if len(w) > best && strings.HasPrefix(s, w) {
			best, bm = len(w), c
		}
	}
	if w := p.longestPrefix(s, p.g.People); w > best {
		if p.longestPrefix(s, p.g.PeopleMany) == w {
			return -1, w
		}
		return 1, w
	}
	if best > 0 {
		return bm, best
	}
	if w := p.longestPrefix(s, p.g.Persons); w > 0 {
		if p.longestPrefix(s, p.g.PeopleMany) == w {
			return -1, w
		}
		return 0, w
	}
	return 0, 0
}

// clauseMarks end a spoken sentence's parts (我跟老伴还有孙子 is counted
// back to the last of them); sentenceMarks end the sentence itself.
const (
	clauseMarks   = "，,。.？?！!；;：:"
	sentenceMarks = "。？！?!\n"
)

// afterLast is where the run holding byte i of s starts: right after the
// last of marks before it (the whole mark, however many bytes), else 0.
func afterLast(s string, i int, marks string) int {
	k := strings.LastIndexAny(s[:i], marks)
	if k < 0 {
		return 0
	}
	_, sz := utf8.DecodeRuneInString(s[k:])
	return k + sz
}
