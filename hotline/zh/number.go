package zh

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

var digitOf = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'壹': 1, '贰': 2, '叁': 3, '参': 3, '肆': 4, '伍': 5, '陆': 6, '柒': 7, '捌': 8, '玖': 9, '幺': 1}

// tens are the characters that write a multiple of ten alone: 廿 20, 卅 30,
// 卌 40 (廿三 = 23).
var tens = strings.NewReplacer("廿", "二十", "卅", "三十", "卌", "四十")

var unitOf = map[rune]int{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '万': 10000, '萬': 10000}

// IsNumeral reports whether r can be part of a numeral.
func IsNumeral(r rune) bool {
	_, d := digitOf[r]
	_, u := unitOf[r]
	return d || u || r >= '0' && r <= '9' || r == '.' || r == ',' || r == '廿' || r == '卅' || r == '卌' || r == '点'
}

// Number reads an Arabic or Chinese numeral: 50, 1.5, 一百, 两百五,
// 一百零五, 十五, 二〇二四 (digit by digit), 壹佰.
func Number(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	// 34,567: thousands separated by commas
	if strings.Contains(s, ",") && strings.Trim(s, "0123456789,.") == "" {
		s = strings.ReplaceAll(s, ",", "")
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) && !strings.ContainsAny(s, "eEpPxX_+-") {
		return x, true
	}
	// 3百, 1.5万, 2千五: Arabic digits typed before a Chinese unit (an input
	// method's digits with the spoken unit)
	if k := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' }); k > 0 {
		if x, err := strconv.ParseFloat(s[:k], 64); err == nil && !strings.Contains(s[:k], "..") {
			r, n := utf8.DecodeRuneInString(s[k:])
			u, ok := unitOf[r]
			if !ok {
				return 0, false
			}
			rest := s[k+n:]
			if rest == "" {
				return x * float64(u), true
			}
			y, ok := Number(rest)
			if !ok || y >= float64(u) {
				return 0, false
			}
			// 2千五 = 2500: a last digit right after a unit counts a tenth of it
			if utf8.RuneCountInString(rest) == 1 && u >= 100 {
				y *= float64(u / 10)
			}
			return x*float64(u) + y, true
		}
	}
	s = tens.Replace(s)
	// 一点一, 零点77: a decimal point
	if i := strings.Index(s, "点"); i > 0 {
		whole, ok := Number(s[:i])
		frac := s[i+len("点"):]
		if !ok || frac == "" {
			return 0, false
		}
		digits := ""
		for _, r := range frac {
			switch {
			case r >= '0' && r <= '9':
				digits += string(r)
			default:
				d, ok := digitOf[r]
				if !ok {
					return 0, false
				}
				digits += strconv.Itoa(d)
			}
		}
		f, err := strconv.ParseFloat("0."+digits, 64)
		if err != nil {
			return 0, false
		}
		return whole + f, true
	}
	// 二分之一: a fraction
	if i := strings.Index(s, "分之"); i > 0 {
		den, ok1 := Number(s[:i])
		num, ok2 := Number(s[i+len("分之"):])
		if !ok1 || !ok2 || den == 0 {
			return 0, false
		}
		return num / den, true
	}
	rs := []rune(s)
	hasUnit := false
	for _, r := range rs {
		if _, ok := unitOf[r]; ok {
			hasUnit = true
		} else if _, ok := digitOf[r]; !ok {
			return 0, false
		}
	}
	if !hasUnit { // 二〇二四: digit by digit (a year, a phone number); 二三 is not a numeral
		if len(rs) == 2 && !strings.ContainsAny(s, "零〇") {
			return 0, false
		}
		n := 0
		for _, r := range rs {
			n = n*10 + digitOf[r]
		}
		return float64(n), len(rs) <= 9
	}
	total, section, cur, lastUnit := 0, 0, -1, 0
	for i, r := range rs {
		if d, ok := digitOf[r]; ok {
			if cur >= 0 && d != 0 && rs[i-1] != '零' && rs[i-1] != '〇' {
				return 0, false // 二三 is not a numeral
			}
			cur = d
			continue
		}
		u := unitOf[r]
		if u == 10000 {
			if cur >= 0 {
				// 百二万 = 1,200,000: a digit right after 百 or 千 counts a tenth of it
				if lastUnit >= 100 && i >= 2 && unitOf[rs[i-2]] == lastUnit {
					cur *= lastUnit / 10
				}
				section += cur
			}
			if section == 0 {
				section = 1
			}
			total += section * u
			section, cur, lastUnit = 0, -1, u
			continue
		}
		if cur < 0 {
			if lastUnit != 0 && lastUnit <= u {
				return 0, false // 十百 is not a numeral
			}
			cur = 1 // 十五 = 15
		}
		section += cur * u
		cur, lastUnit = -1, u
	}
	if cur >= 0 {
		// 两百五 = 250: a last digit right after a unit counts a tenth of it.
		if n := len(rs); lastUnit >= 100 && n >= 2 && unitOf[rs[n-2]] == lastUnit {
			cur *= lastUnit / 10
		}
		section += cur
	}
	return float64(total + section), true
}

// Amount is a number a caller said, exact (Lo == Hi) or vague: 两百多 is
// 201–299, 三百来 250–350, 几十 10–99, 七八十 70–80.
type Amount struct {
	Lo, Hi float64
}

// Exact reports whether the amount is one number.
func (a Amount) Exact() bool { return a.Lo == a.Hi }

// Scale multiplies both ends.
func (a Amount) Scale(k float64) Amount { return Amount{a.Lo * k, a.Hi * k} }

// place is the place value of n's last non-zero digit: 300 → 100, 250 → 10.
func place(n float64) float64 {
	p := 1.0
	for n >= 10 && math.Mod(n, p*10) == 0 {
		p *= 10
	}
	return p
}

// ReadAmount reads the amount at the start of s and returns it with the
// bytes it took: 两百多, 三百来, 百把, 几十, 十几, 好几百, 七八十, 一两百,
// 50, 一百五十, 1.5. It reports false when s does not start with one.
func ReadAmount(s string) (Amount, int, bool) {
	i := 0
	next := func() (rune, int) {
		if i >= len(s) {
			return 0, 0
		}
		return utf8.DecodeRuneInString(s[i:])
	}
	peek := func(prefix string) bool { return strings.HasPrefix(s[i:], prefix) }
	// 好几百, 几百, 几十, 十几, 几: "a few"
	if peek("好几") || peek("几") {
		k := len("几")
		if peek("好几") {
			k = len("好几")
		}
		i += k
		r, n := next()
		switch u := unitOf[r]; {
		case u >= 100:
			return Amount{2 * float64(u), 10*float64(u) - 1}, i + n, true
		case u == 10:
			return Amount{10, 99}, i + n, true
		}
		return Amount{2, 9}, i, true
	}
	// 半里, 半米: half of the unit said after it
	if peek("半") {
		return Amount{0.5, 0.5}, len("半"), true
	}
	if peek("百把") {
		return Amount{80, 150}, len("百把"), true
	}
	// The numeral itself: the longest run of numeral runes that reads.
	j := 0
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !IsNumeral(r) && r != '几' {
			break
		}
		j += n
	}
	run := s[:j]
	// 七八十, 一两百, 两三百, 五六十, 三四: two neighbouring digits
	if rs := []rune(run); len(rs) >= 2 {
		d1, ok1 := digitOf[rs[0]]
		d2, ok2 := digitOf[rs[1]]
		if ok1 && ok2 && (d2 == d1+1 || d1 == 1 && d2 == 2) && rs[0] != '零' {
			u := 1
			k := len(string(rs[:2]))
			if len(rs) >= 3 {
				if x, ok := unitOf[rs[2]]; ok {
					u = x
					k += len(string(rs[2]))
				}
			}
			return Amount{float64(d1 * u), float64(d2 * u)}, k, true
		}
	}
	// 一百五六十, 两千三四百, 一百五六, 十五六: a numeral ending in a unit, then two
	// neighbouring digits of the next place (or of the unit said after them)
	if rs := []rune(run); len(rs) >= 3 {
		for k := 1; k+1 < len(rs); k++ {
			u, ok := unitOf[rs[k-1]]
			d1, ok1 := digitOf[rs[k]]
			d2, ok2 := digitOf[rs[k+1]]
			// 一百零一 is 101: 零 holds an empty place, it is no digit of a range
			if !ok || !ok1 || !ok2 || d2 != d1+1 || rs[k] == '零' || rs[k] == '〇' {
				continue
			}
			base, ok := Number(string(rs[:k]))
			if !ok {
				break
			}
			next, n := u/10, k+2
			if n < len(rs) {
				if x, ok := unitOf[rs[n]]; ok && x < u {
					next, n = x, n+1
				}
			}
			return Amount{base + float64(d1*next), base + float64(d2*next)}, len(string(rs[:n])), true
		}
	}
	// 十几, 二十几, 一百几: a numeral and a few more
	if k := strings.IndexRune(run, '几'); k > 0 {
		base, ok := Number(run[:k])
		if !ok {
			return Amount{}, 0, false
		}
		p := place(base)
		if p >= 100 {
			p /= 10
		}
		return Amount{base + 1, base + p - 1}, k + len("几"), true
	}
	for len(run) > 0 {
		if x, ok := Number(run); ok {
			i = len(run)
			a := Amount{x, x}
			switch {
			case peek("多") && x >= 10:
				// 两百多: more than 200, less than 300
				p := place(x)
				a = Amount{x + 1, x + p - 1}
				i += len("多")
			case peek("来") && x >= 10:
				p := place(x)
				a = Amount{x - p/2, x + p/2}
				i += len("来")
			}
			return a, i, true
		}
		_, n := utf8.DecodeLastRuneInString(run)
		run = run[:len(run)-n]
	}
	return Amount{}, 0, false
}

// About widens an exact amount said with 左右, 大概, 差不多 by half its
// place value: 50左右 is 45–55, 大概两百 150–250.
func About(a Amount) Amount {
	if !a.Exact() {
		return a
	}
	p := place(a.Lo)
	return Amount{a.Lo - p/2, a.Hi + p/2}
}
