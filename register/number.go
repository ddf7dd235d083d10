package register

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrInvalidNumber is wrapped by every error ParseNumber returns.
var ErrInvalidNumber = errors.New("invalid document number")

// Limits on the parts of a document number.
const (
	maxInputBytes   = 256 // longer input is refused before it is looked at
	maxPrefixRunes  = 16  // 机关代字 such as 祁政办发 or 湘祁新出准字
	maxSerialDigits = 6
	minYear         = 1949
)

// Number is a document number (发文字号) such as 祁政发〔2022〕4号: an issuer
// code (机关代字), a year and a serial number. The zero Number is not a valid
// number; Number is comparable and can be used as a map key.
type Number struct {
	Prefix string // issuer code, e.g. 祁政发
	Year   int    // four-digit year in the brackets
	Serial int    // serial number within the year, from 1
}

// ParseNumber parses a document number written the way people type it and
// returns it in canonical form, so ParseNumber(s).String() normalises s.
//
// It accepts:
//   - any of the brackets 〔〕 () （） [] 【】 ［］ ﹝﹞ 〖〗 around the year,
//     including an opening and closing bracket of different styles;
//   - white space of any kind (including the ideographic space U+3000)
//     anywhere, which is removed, as PDF copies often insert it;
//   - full-width digits ０–９;
//   - leading zeros in the serial number (04 is 4);
//   - a trailing 号 (or 號), which is optional: 祁政发〔2022〕4 is 祁政发〔2022〕4号.
//
// The issuer code must be 1 to 16 Chinese characters, the year four digits
// from 1949, and the serial 1 to 6 digits with a value of at least 1.
// Anything else, such as Chinese numerals, a missing year or trailing text,
// is an error wrapping ErrInvalidNumber.
func ParseNumber(s string) (Number, error) {
	fail := func(format string, args ...any) (Number, error) {
		return Number{}, fmt.Errorf("%w %q: %s (want e.g. 祁政发〔2022〕4号)", ErrInvalidNumber, s, fmt.Sprintf(format, args...))
	}
	if len(s) > maxInputBytes {
		return Number{}, fmt.Errorf("%w: input of %d bytes is too long", ErrInvalidNumber, len(s))
	}
	if !utf8.ValidString(s) {
		return fail("not valid UTF-8")
	}
	rs := normaliseRunes(s)
	if len(rs) == 0 {
		return fail("empty")
	}

	open := -1
	for i, r := range rs {
		if isOpenBracket(r) {
			open = i
			break
		}
	}
	if open < 0 {
		return fail("no year in brackets")
	}
	prefix := rs[:open]
	if len(prefix) == 0 {
		return fail("missing issuer code before the year")
	}
	if len(prefix) > maxPrefixRunes {
		return fail("issuer code longer than %d characters", maxPrefixRunes)
	}
	for _, r := range prefix {
		if !unicode.Is(unicode.Han, r) {
			return fail("issuer code %q must be Chinese characters only", string(prefix))
		}
	}

	rest := rs[open+1:]
	yearDigits, rest := leadingDigits(rest)
	if len(yearDigits) != 4 {
		return fail("year must be four digits")
	}
	year, _ := strconv.Atoi(yearDigits)
	if year < minYear {
		return fail("year %d is before %d", year, minYear)
	}
	if len(rest) == 0 || !isCloseBracket(rest[0]) {
		return fail("missing closing bracket after the year")
	}
	rest = rest[1:]

	serialDigits, rest := leadingDigits(rest)
	if serialDigits == "" {
		return fail("missing serial number after the year")
	}
	serialDigits = strings.TrimLeft(serialDigits, "0")
	if serialDigits == "" {
		return fail("serial number must be at least 1")
	}
	if len(serialDigits) > maxSerialDigits {
		return fail("serial number longer than %d digits", maxSerialDigits)
	}
	serial, _ := strconv.Atoi(serialDigits)

	if len(rest) > 0 && (rest[0] == '号' || rest[0] == '號') {
		rest = rest[1:]
	}
	if len(rest) > 0 {
		return fail("unexpected %q after the serial number", string(rest))
	}
	return Number{Prefix: string(prefix), Year: year, Serial: serial}, nil
}

// normaliseRunes drops white space and maps full-width digits to ASCII.
func normaliseRunes(s string) []rune {
	rs := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			continue
		case r >= '０' && r <= '９':
			r = '0' + (r - '０')
		}
		rs = append(rs, r)
	}
	return rs
}

func leadingDigits(rs []rune) (digits string, rest []rune) {
	i := 0
	for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
		i++
	}
	return string(rs[:i]), rs[i:]
}

func isOpenBracket(r rune) bool {
	switch r {
	case '〔', '(', '（', '[', '【', '［', '﹝', '〖':
		return true
	}
	return false
}

func isCloseBracket(r rune) bool {
	switch r {
	case '〕', ')', '）', ']', '】', '］', '﹞', '〗':
		return true
	}
	return false
}

// MustNumber is ParseNumber for constants in tests and examples; it panics on
// an invalid number and must not be used on input.
func MustNumber(s string) Number {
	n, err := ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return n
}

// IsZero reports whether n is the zero Number.
func (n Number) IsZero() bool { return n == Number{} }

// String returns the canonical form, e.g. 祁政发〔2022〕4号, or "" for the
// zero Number.
func (n Number) String() string {
	if n.IsZero() {
		return ""
	}
	return n.Prefix + "〔" + strconv.Itoa(n.Year) + "〕" + strconv.Itoa(n.Serial) + "号"
}

// MarshalText returns the canonical form.
func (n Number) MarshalText() ([]byte, error) { return []byte(n.String()), nil }

// UnmarshalText parses any form ParseNumber accepts.
func (n *Number) UnmarshalText(b []byte) error {
	v, err := ParseNumber(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}
