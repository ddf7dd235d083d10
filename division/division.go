// Package division reads China's administrative division codes (GB/T 2260
// and the statistical township codes built on it) and the divisions tables
// that name them.
//
// A code says where a notice applies and where a query is asked: 431181 is
// 祁阳市, 431181107 is its township 白水镇. Codes nest by their digits, so
// that a county's code covers its townships (431181 covers 431181107), a
// prefecture's its counties (431100, 永州市, covers 431181) and a
// province's everything in it (430000, 湖南省). Code keeps only the
// significant digits — "43", "4311", "431181", "431181107" — so that
// covering is a prefix test.
package division

import (
	"fmt"
	"strings"
)

// Code is a division code's significant digits: 2 for a province, 4 for a
// prefecture, 6 for a county, 9 for a township and 12 for a village. The
// zero Code is no division.
type Code string

// Level is how far down the hierarchy a code is.
type Level int

// Levels of the hierarchy.
const (
	Province   Level = 2
	Prefecture Level = 4
	County     Level = 6
	Township   Level = 9
	Village    Level = 12
)

// String names the level in English.
func (l Level) String() string {
	switch l {
	case Province:
		return "province"
	case Prefecture:
		return "prefecture"
	case County:
		return "county"
	case Township:
		return "township"
	case Village:
		return "village"
	}
	return fmt.Sprintf("level(%d)", int(l))
}

// ParseLevel reads a level's English name.
func ParseLevel(s string) (Level, error) {
	for _, l := range []Level{Province, Prefecture, County, Township, Village} {
		if s == l.String() {
			return l, nil
		}
	}
	return 0, fmt.Errorf("division level %q is not province, prefecture, county, township or village", s)
}

// Parse reads a code as written: 6 digits (430000, 431100, 431181), or 9
// or 12 for a township or village. It does not check that the division
// exists; a divisions table does.
func Parse(s string) (Code, error) {
	s = strings.TrimSpace(s)
	if strings.Trim(s, "0123456789") != "" || s == "" {
		return "", fmt.Errorf("division code %q: want 6, 9 or 12 digits", s)
	}
	switch len(s) {
	case 6:
		switch {
		case strings.HasSuffix(s, "0000"):
			s = s[:2]
		case strings.HasSuffix(s, "00"):
			s = s[:4]
		}
	case 9:
		if strings.HasSuffix(s, "000") {
			return "", fmt.Errorf("division code %q: a township code does not end in 000 (write the county's 6 digits)", s)
		}
	case 12:
		if strings.HasSuffix(s, "000") {
			return "", fmt.Errorf("division code %q: a village code does not end in 000 (write the township's 9 digits)", s)
		}
	default:
		return "", fmt.Errorf("division code %q has %d digits: want 6 (province, prefecture, county), 9 (township) or 12 (village)", s, len(s))
	}
	if s[0] < '1' || s[0] > '8' || s[:2] == "00" {
		return "", fmt.Errorf("division code %q: no province code starts %s", s, s[:2])
	}
	return Code(s), nil
}

// MustParse is Parse for codes known to be valid, such as constants in
// tests; it panics on an invalid code.
func MustParse(s string) Code {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

// Level is the code's level.
func (c Code) Level() Level { return Level(len(c)) }

// String is the code as it is written: six digits down to a county
// (430000, 431100, 431181), all of them below.
func (c Code) String() string {
	switch len(c) {
	case 2:
		return string(c) + "0000"
	case 4:
		return string(c) + "00"
	}
	return string(c)
}

// Covers reports whether d is c or lies within it.
func (c Code) Covers(d Code) bool { return c != "" && strings.HasPrefix(string(d), string(c)) }

// Parent is the code of the division one level up, or "" for a province.
func (c Code) Parent() Code {
	switch len(c) {
	case 4, 6:
		return c[:len(c)-2]
	case 9, 12:
		return c[:len(c)-3]
	}
	return ""
}

// Common is the most specific division covering both c and d, or "" when
// they are in different provinces.
func Common(c, d Code) Code {
	for c != "" && !c.Covers(d) {
		c = c.Parent()
	}
	return c
}
