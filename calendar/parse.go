package calendar

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WindowSpec is a parsed, unresolved window description such as
// "annual 09-01..04-30" or "solar-term 清明 -5d..+5d | holiday 清明".
// It holds only its canonical text, so it is comparable and can be used as a
// map key; the zero WindowSpec is the empty window, which Prepare rejects.
type WindowSpec struct {
	text string
}

// String returns the window's canonical textual form, which ParseWindow
// reads back to the same spec.
func (w WindowSpec) String() string { return w.text }

// Terms returns the members of a union ("A | B"), each a window of its
// own; a window that is not a union is its only member.
func (w WindowSpec) Terms() []WindowSpec {
	ts, err := parseWindow(w.text)
	if err != nil || len(ts) < 2 {
		return []WindowSpec{w}
	}
	out := make([]WindowSpec, len(ts))
	for i := range ts {
		out[i] = WindowSpec{text: formatTerms(ts[i : i+1])}
	}
	return out
}

// IsZero reports whether w is the zero (empty) spec.
func (w WindowSpec) IsZero() bool { return w.text == "" }

// MarshalText returns the canonical text.
func (w WindowSpec) MarshalText() ([]byte, error) { return []byte(w.text), nil }

// UnmarshalText parses a window text, so that a spec can be a field of a
// decoded rule file.
func (w *WindowSpec) UnmarshalText(b []byte) error {
	v, err := ParseWindow(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// WindowError reports a bad window text with the 1-based column (in runes)
// of the offending token.
type WindowError struct {
	Text   string
	Column int
	Token  string
	// Msg is the whole message, e.g. `window "solar-term 清民": column 12:
	// unknown solar term "清民" (did you mean 清明?)`.
	Msg string
}

func (e *WindowError) Error() string { return e.Msg }

// maxOffset bounds day offsets, so that an interval of cycle Y stays within
// a year or so of Y and resolving a span of years stays cheap.
const maxOffset = 366

// maxWindowText bounds the text a window may have, for parsing untrusted
// input.
const maxWindowText = 4096

const (
	kwDate      = "date"
	kwAnnual    = "annual"
	kwSolarTerm = "solar-term"
	kwLunar     = "lunar"
	kwFestival  = "festival"
	kwHoliday   = "holiday"
)

var keywords = []string{kwDate, kwAnnual, kwSolarTerm, kwLunar, kwFestival, kwHoliday}

type anchorKind uint8

const (
	anchorAnnual anchorKind = iota + 1
	anchorTerm
	anchorLunar
	anchorFestival
	anchorHoliday
)

// anchor is a day (or, for a holiday, a block of days) that recurs once
// per cycle year.
type anchor struct {
	kind       anchorKind
	month, day int       // annual
	index      int       // solar term or festival
	lunar      LunarDate // lunar month-day, Year unused
	hol        holidayKinds
	name       string // canonical name, for text and labels
	shorthand  bool   // written as a bare MM-DD after ".."
}

type endKind uint8

const (
	endNone endKind = iota
	endOffset
	endAnchor
)

// windowTerm is one member of a union.
type windowTerm struct {
	fixed            bool
	dateFrom, dateTo Date

	start      anchor
	startOff   int
	hasOff     bool
	end        endKind
	endOff     int
	hasEndOff  bool
	endAnchor  anchor
	hasDateEnd bool
}

type token struct {
	text string
	col  int // 1-based rune column
}

type parser struct {
	text string
	toks []token
	pos  int
	end  int // column just past the text, for errors at the end
}

// ParseWindow parses the one-line textual form of a window; see the package
// documentation for the syntax. Errors are *WindowError values naming the
// bad token and its column.
func ParseWindow(text string) (WindowSpec, error) {
	terms, err := parseWindow(text)
	if err != nil {
		return WindowSpec{}, err
	}
	return WindowSpec{text: formatTerms(terms)}, nil
}

func parseWindow(text string) ([]windowTerm, error) {
	p := &parser{text: text}
	if len(text) > maxWindowText {
		return nil, p.errAt(1, "", fmt.Sprintf("window text is %d bytes long; the limit is %d", len(text), maxWindowText))
	}
	if !utf8.ValidString(text) {
		return nil, p.errAt(1, "", "window text is not valid UTF-8")
	}
	p.toks, p.end = tokenize(text)
	if len(p.toks) == 0 {
		return nil, p.errAt(1, "", "empty window: want a term such as \"annual 09-01..04-30\" or \"solar-term 清明 -5d..+5d\"")
	}
	var out []windowTerm
	for {
		if t, ok := p.peek(); !ok || t.text == "|" {
			if !ok { // a trailing "|": point at it
				t = p.toks[p.pos-1]
			}
			return nil, p.errAt(t.col, t.text, "empty union member: want a term before and after each \"|\"")
		}
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		out = append(out, t)
		next, ok := p.peek()
		if !ok {
			return out, nil
		}
		if next.text != "|" {
			return nil, p.errAt(next.col, next.text, fmt.Sprintf("unexpected %q after a complete term: want \"|\" or the end", next.text))
		}
		p.pos++
	}
}

func tokenize(text string) ([]token, int) {
	var toks []token
	col := 0
	cur, curCol := strings.Builder{}, 0
	flush := func() {
		if cur.Len() > 0 {
			toks = append(toks, token{cur.String(), curCol})
			cur.Reset()
		}
	}
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		col = i + 1
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			flush()
		case r == '|' || r == '｜':
			flush()
			toks = append(toks, token{"|", col})
		case r == '.' && i+1 < len(rs) && rs[i+1] == '.':
			flush()
			toks = append(toks, token{"..", col})
			i++
		default:
			if cur.Len() == 0 {
				curCol = col
			}
			cur.WriteRune(r)
		}
	}
	flush()
	return toks, len(rs) + 1
}

func (p *parser) peek() (token, bool) {
	if p.pos < len(p.toks) {
		return p.toks[p.pos], true
	}
	return token{}, false
}

// atTermEnd reports whether the current term has no more tokens.
func (p *parser) atTermEnd() bool {
	t, ok := p.peek()
	return !ok || t.text == "|"
}

func (p *parser) errAt(col int, tok, msg string) *WindowError {
	return &WindowError{
		Text:   p.text,
		Column: col,
		Token:  tok,
		Msg:    fmt.Sprintf("window %q: column %d: %s", p.text, col, msg),
	}
}

// errMissing reports that something is missing after token prev.
func (p *parser) errMissing(prev token, what string) *WindowError {
	return p.errAt(prev.col, prev.text, fmt.Sprintf("%s after %q", what, prev.text))
}

func (p *parser) term() (windowTerm, error) {
	kw := p.toks[p.pos]
	if kw.text == kwDate {
		return p.dateTerm()
	}
	var t windowTerm
	a, err := p.anchor()
	if err != nil {
		return t, err
	}
	t.start = a
	if off, ok, err := p.offset(); err != nil {
		return t, err
	} else if ok {
		t.startOff, t.hasOff = off, true
	}
	if p.atTermEnd() || p.toks[p.pos].text != ".." {
		return t, nil
	}
	dots := p.toks[p.pos]
	p.pos++
	if p.atTermEnd() {
		return t, p.errMissing(dots, "dangling \"..\": want an offset (+5d), a month-day (04-30) or an anchor")
	}
	next := p.toks[p.pos]
	switch {
	case strings.HasPrefix(next.text, "+") || strings.HasPrefix(next.text, "-"):
		off, _, err := p.offset()
		if err != nil {
			return t, err
		}
		t.end, t.endOff, t.hasEndOff = endOffset, off, true
		if t.startOff > t.endOff {
			return t, p.errAt(next.col, next.text, fmt.Sprintf("end offset %s is before the start offset %s", fmtOffset(t.endOff), fmtOffset(t.startOff)))
		}
	case isDigit(next.text[0]):
		m, d, err := p.monthDay(next)
		if err != nil {
			return t, err
		}
		p.pos++
		t.end = endAnchor
		t.endAnchor = anchor{kind: anchorAnnual, month: m, day: d, name: fmt.Sprintf("%02d-%02d", m, d), shorthand: true}
	default:
		if next.text == kwDate {
			return t, p.errAt(next.col, next.text, "\"date\" cannot end a recurring range: use \"annual MM-DD\" or write the whole term as \"date FROM..TO\"")
		}
		a, err := p.anchor()
		if err != nil {
			return t, err
		}
		t.end, t.endAnchor = endAnchor, a
		if off, ok, err := p.offset(); err != nil {
			return t, err
		} else if ok {
			t.endOff, t.hasEndOff = off, true
		}
	}
	return t, nil
}

func (p *parser) dateTerm() (windowTerm, error) {
	kw := p.toks[p.pos]
	p.pos++
	if p.atTermEnd() {
		return windowTerm{}, p.errMissing(kw, "missing date: want YYYY-MM-DD")
	}
	first := p.toks[p.pos]
	from, err := p.date(first)
	if err != nil {
		return windowTerm{}, err
	}
	p.pos++
	t := windowTerm{fixed: true, dateFrom: from, dateTo: from}
	if p.atTermEnd() || p.toks[p.pos].text != ".." {
		return t, nil
	}
	dots := p.toks[p.pos]
	p.pos++
	if p.atTermEnd() {
		return t, p.errMissing(dots, "dangling \"..\": want the last date, YYYY-MM-DD")
	}
	second := p.toks[p.pos]
	to, err := p.date(second)
	if err != nil {
		return t, err
	}
	p.pos++
	if to.Before(from) {
		return t, p.errAt(second.col, second.text, fmt.Sprintf("end date %s is before the start date %s", to, from))
	}
	t.dateTo, t.hasDateEnd = to, true
	return t, nil
}

func (p *parser) date(tok token) (Date, error) {
	if len(tok.text) != 10 {
		return Date{}, p.errAt(tok.col, tok.text, fmt.Sprintf("bad date %q: want YYYY-MM-DD", tok.text))
	}
	d, err := parseISODate(tok.text)
	if err != nil {
		return Date{}, p.errAt(tok.col, tok.text, fmt.Sprintf("bad date %q: %v", tok.text, unwrapDateErr(err)))
	}
	return d, nil
}

// unwrapDateErr drops the `date "…": ` prefix that parseISODate adds, since
// the window error already names the token.
func unwrapDateErr(err error) string {
	s := err.Error()
	if i := strings.Index(s, "\": "); i >= 0 {
		return s[i+3:]
	}
	return s
}

func (p *parser) anchor() (anchor, error) {
	kw := p.toks[p.pos]
	if !isKeyword(kw.text) {
		return anchor{}, p.unknownKeyword(kw)
	}
	p.pos++
	if p.atTermEnd() {
		return anchor{}, p.errMissing(kw, missingName(kw.text))
	}
	arg := p.toks[p.pos]
	p.pos++
	bad := func(msg string) error { return p.errAt(arg.col, arg.text, msg) }
	switch kw.text {
	case kwAnnual:
		m, d, err := p.monthDay(arg)
		if err != nil {
			return anchor{}, err
		}
		return anchor{kind: anchorAnnual, month: m, day: d, name: fmt.Sprintf("%02d-%02d", m, d)}, nil
	case kwSolarTerm:
		i, ok := termIndex(arg.text)
		if !ok {
			return anchor{}, bad(fmt.Sprintf("unknown solar term %q%s", arg.text, didYouMean(arg.text, termCandidates())))
		}
		return anchor{kind: anchorTerm, index: i, name: terms[i].name}, nil
	case kwLunar:
		l, err := ParseLunarDate(arg.text)
		if err != nil {
			return anchor{}, bad(fmt.Sprintf("bad lunar date %q: want a form such as 九月初六, 闰四月初一, 腊月三十, 09-06 or L04-01", arg.text))
		}
		if l.Day == LastDay && (l.Month != 12 || l.Leap) {
			return anchor{}, bad(fmt.Sprintf("bad lunar date %q", arg.text))
		}
		return anchor{kind: anchorLunar, lunar: l, name: l.String()}, nil
	case kwFestival:
		i, ok := festivalIndex(arg.text)
		if !ok {
			return anchor{}, bad(fmt.Sprintf("unknown festival %q%s", arg.text, didYouMean(arg.text, festivalCandidates())))
		}
		return anchor{kind: anchorFestival, index: i, name: festivals[i].name}, nil
	case kwHoliday:
		k, canon, ok := holidayKindOf(arg.text)
		if !ok {
			return anchor{}, bad(unknownHoliday(arg.text))
		}
		return anchor{kind: anchorHoliday, hol: k, name: canon}, nil
	}
	// "date" where an anchor is wanted.
	return anchor{}, p.errAt(kw.col, kw.text, "\"date\" cannot be used here")
}

func missingName(kw string) string {
	switch kw {
	case kwAnnual:
		return "missing month-day (MM-DD)"
	case kwSolarTerm:
		return "missing solar-term name (e.g. 清明)"
	case kwLunar:
		return "missing lunar date (e.g. 九月初六)"
	case kwFestival:
		return "missing festival name (e.g. 除夕)"
	}
	return "missing holiday name (e.g. 国庆)"
}

func (p *parser) unknownKeyword(t token) error {
	hint := didYouMean(t.text, keywords)
	switch {
	case hint != "":
	case len(t.text) == 5 && isDigit(t.text[0]):
		hint = " (did you mean annual " + t.text + "?)"
	case len(t.text) == 10 && isDigit(t.text[0]):
		hint = " (did you mean date " + t.text + "?)"
	default:
		if _, ok := termIndex(t.text); ok {
			hint = " (did you mean solar-term " + t.text + "?)"
		} else if _, ok := festivalIndex(t.text); ok {
			hint = " (did you mean festival " + t.text + "?)"
		}
	}
	return p.errAt(t.col, t.text, fmt.Sprintf("unknown keyword %q: want one of %s%s", t.text, strings.Join(keywords, ", "), hint))
}

// offset reads an optional +Nd / -Nd at the current position.
func (p *parser) offset() (int, bool, error) {
	if p.atTermEnd() {
		return 0, false, nil
	}
	t := p.toks[p.pos]
	if t.text[0] != '+' && t.text[0] != '-' {
		return 0, false, nil
	}
	p.pos++
	s := t.text
	digits := strings.TrimSuffix(s[1:], "d")
	n, err := strconv.Atoi(digits)
	if !strings.HasSuffix(s, "d") || err != nil || digits == "" || !isDigit(digits[0]) || len(digits) > 3 {
		return 0, false, p.errAt(t.col, t.text, fmt.Sprintf("bad offset %q: want +Nd or -Nd, e.g. -5d", s))
	}
	if n > maxOffset {
		return 0, false, p.errAt(t.col, t.text, fmt.Sprintf("offset %q is too large: at most %d days", s, maxOffset))
	}
	if s[0] == '-' {
		n = -n
	}
	return n, true, nil
}

func (p *parser) monthDay(t token) (int, int, error) {
	s := t.text
	bad := func(why string) (int, int, error) {
		return 0, 0, p.errAt(t.col, s, fmt.Sprintf("bad month-day %q: %s", s, why))
	}
	if len(s) != 5 || s[2] != '-' || !isDigit(s[0]) || !isDigit(s[1]) || !isDigit(s[3]) || !isDigit(s[4]) {
		return bad("want MM-DD, e.g. 09-01")
	}
	m := int(s[0]-'0')*10 + int(s[1]-'0')
	d := int(s[3]-'0')*10 + int(s[4]-'0')
	if m < 1 || m > 12 {
		return bad(fmt.Sprintf("month %d must be 01..12", m))
	}
	if d < 1 || d > DaysIn(2000, m) { // 2000 is a leap year: 02-29 is allowed
		return bad(fmt.Sprintf("day %d: month %02d has at most %d days", d, m, DaysIn(2000, m)))
	}
	return m, d, nil
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isKeyword(s string) bool {
	for _, k := range keywords {
		if s == k {
			return true
		}
	}
	return false
}

func fmtOffset(n int) string {
	if n < 0 {
		return fmt.Sprintf("-%dd", -n)
	}
	return fmt.Sprintf("+%dd", n)
}

func (a anchor) text() string {
	switch a.kind {
	case anchorAnnual:
		return kwAnnual + " " + a.name
	case anchorTerm:
		return kwSolarTerm + " " + a.name
	case anchorLunar:
		return kwLunar + " " + a.name
	case anchorFestival:
		return kwFestival + " " + a.name
	}
	return kwHoliday + " " + a.name
}

func formatTerms(ts []windowTerm) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.text()
	}
	return strings.Join(parts, " | ")
}

// text is the canonical form of a term.
func (t windowTerm) text() string {
	if t.fixed {
		if t.hasDateEnd {
			return kwDate + " " + t.dateFrom.String() + ".." + t.dateTo.String()
		}
		return kwDate + " " + t.dateFrom.String()
	}
	s := t.start.text()
	if t.hasOff {
		s += " " + fmtOffset(t.startOff)
	}
	switch t.end {
	case endOffset:
		s += ".." + fmtOffset(t.endOff)
	case endAnchor:
		if t.endAnchor.shorthand {
			s += ".." + t.endAnchor.name
			break
		}
		s += " .. " + t.endAnchor.text()
		if t.hasEndOff {
			s += " " + fmtOffset(t.endOff)
		}
	}
	return s
}
