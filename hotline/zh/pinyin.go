package zh

import (
	_ "embed"
	"fmt"
	"strings"
)

// The table covers the CJK Unified Ideographs and Extension A: every
// character a caller's phone types.
const (
	tableFirst = 0x3400
	tableLast  = 0x9FFF
)

//go:embed pinyin.txt
var pinyinTxt string

// toneless maps a toned pinyin letter to its plain letter (ü is typed v).
var toneless = strings.NewReplacer(
	"ā", "a", "á", "a", "ǎ", "a", "à", "a",
	"ē", "e", "é", "e", "ě", "e", "è", "e", "ê", "e", "ế", "e", "ề", "e",
	"ī", "i", "í", "i", "ǐ", "i", "ì", "i",
	"ō", "o", "ó", "o", "ǒ", "o", "ò", "o",
	"ū", "u", "ú", "u", "ǔ", "u", "ù", "u",
	"ü", "v", "ǖ", "v", "ǘ", "v", "ǚ", "v", "ǜ", "v",
	"ń", "n", "ň", "n", "ǹ", "n", "ḿ", "m",
)

// pinyinTable is go-pinyin's table, compacted: a syllable number per
// character, and the further readings of the characters that have them.
type pinyinTable struct {
	syllables []string
	first     []uint16 // index tableFirst..tableLast → syllable number + 1
	// moreOf: index tableFirst..tableLast → 1 + the index in more of the
	// character's further readings, 0 for none (a slice, not a map: the
	// homophone pass reads a character's syllables at almost every
	// character of a call)
	moreOf []uint16
	more   [][]uint16
}

func newPinyinTable(txt string) (*pinyinTable, error) {
	t := &pinyinTable{first: make([]uint16, tableLast-tableFirst+1), moreOf: make([]uint16, tableLast-tableFirst+1)}
	for n, line := range strings.Split(txt, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			return nil, fmt.Errorf("pinyin.txt:%d: want a syllable and two lists of characters", n+1)
		}
		t.syllables = append(t.syllables, parts[0])
		id := uint16(len(t.syllables))
		for _, r := range parts[1] {
			if r < tableFirst || r > tableLast {
				return nil, fmt.Errorf("pinyin.txt:%d: %c is outside the table", n+1, r)
			}
			t.first[r-tableFirst] = id
		}
		for _, r := range parts[2] {
			if r < tableFirst || r > tableLast {
				return nil, fmt.Errorf("pinyin.txt:%d: %c is outside the table", n+1, r)
			}
			k := t.moreOf[r-tableFirst]
			if k == 0 {
				if len(t.more) == 1<<16-1 {
					return nil, fmt.Errorf("pinyin.txt:%d: more than %d characters with several readings", n+1, 1<<16-1)
				}
				t.more = append(t.more, nil)
				k = uint16(len(t.more))
				t.moreOf[r-tableFirst] = k
			}
			t.more[k-1] = append(t.more[k-1], id)
		}
	}
	return t, nil
}

func (t *pinyinTable) readings(r rune) []string {
	if r < tableFirst || r > tableLast || t.first[r-tableFirst] == 0 {
		return nil
	}
	out := []string{t.syllables[t.first[r-tableFirst]-1]}
	if k := t.moreOf[r-tableFirst]; k > 0 {
		for _, id := range t.more[k-1] {
			out = append(out, t.syllables[id-1])
		}
	}
	return out
}

// Pinyin reads characters' pinyin from a table generated from
// github.com/mozillazg/go-pinyin (checked against it by a test). It is
// immutable once made.
type Pinyin struct{ t *pinyinTable }

// NewPinyin reads the embedded table (about a millisecond).
func NewPinyin() (*Pinyin, error) {
	t, err := newPinyinTable(pinyinTxt)
	if err != nil {
		return nil, err
	}
	return &Pinyin{t}, nil
}

// Readings returns the toneless pinyin readings of r, most common first
// ("ju", "jie" for 桔), or nil when r is not a Chinese character.
func (p *Pinyin) Readings(r rune) []string { return p.t.readings(r) }

// AppendReadings appends r's readings to buf and returns it: Readings
// without an allocation, for a caller that reads many characters.
func (p *Pinyin) AppendReadings(buf []string, r rune) []string {
	t := p.t
	if r < tableFirst || r > tableLast || t.first[r-tableFirst] == 0 {
		return buf
	}
	buf = append(buf, t.syllables[t.first[r-tableFirst]-1])
	if k := t.moreOf[r-tableFirst]; k > 0 {
		for _, id := range t.more[k-1] {
			buf = append(buf, t.syllables[id-1])
		}
	}
	return buf
}

// Syllables is AppendSyllables without a copy: r's first syllable (0 when
// r has no reading) and its further ones (shared: not to be changed).
func (p *Pinyin) Syllables(r rune) (uint16, []uint16) {
	t := p.t
	if r < tableFirst || r > tableLast {
		return 0, nil
	}
	first := t.first[r-tableFirst]
	if first == 0 {
		return 0, nil
	}
	if k := t.moreOf[r-tableFirst]; k > 0 {
		return first, t.more[k-1]
	}
	return first, nil
}

// AppendSyllables is AppendReadings with each reading as a number (one
// per distinct toneless syllable, never 0): for a caller that compares
// readings, not prints them.
func (p *Pinyin) AppendSyllables(buf []uint16, r rune) []uint16 {
	t := p.t
	if r < tableFirst || r > tableLast || t.first[r-tableFirst] == 0 {
		return buf
	}
	buf = append(buf, t.first[r-tableFirst])
	if k := t.moreOf[r-tableFirst]; k > 0 {
		buf = append(buf, t.more[k-1]...)
	}
	return buf
}

// Of returns s's toneless pinyin written together ("shaotiangeng") and
// its initials ("stg"), reading each character by its most common
// reading; other runes are kept as they are. It is what an operator types
// to find an activity.
func (p *Pinyin) Of(s string) (full, initials string) {
	var f, i strings.Builder
	for _, r := range s {
		if rs := p.t.readings(r); len(rs) > 0 {
			f.WriteString(rs[0])
			i.WriteByte(rs[0][0])
			continue
		}
		f.WriteRune(r)
		i.WriteRune(r)
	}
	return f.String(), i.String()
}
