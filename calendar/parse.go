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
// own; a window that is not a union is its only member. An intersection
// ("A & B") is one member.
func (w WindowSpec) Terms() []WindowSpec {
	cs, err := parseWindow(w.text)
	if err != nil || len(cs) < 2 {
		return []WindowSpec{w}
	}
	out := make([]WindowSpec, len(cs))
	for i := range cs {
		out[i] = WindowSpec{text: formatConjs(cs[i : i+1])}
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
	kwDaily     = "daily"
	kwWeekly    = "weekly"
)

var keywords = []string{kwDate, kwAnnual, kwSolarTerm, kwLunar, kwFestival, kwHoliday, kwDaily, kwWeekly}

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

type termKind uint8

const (
	termAnchor termKind = iota
	termDate
	termDaily
	termWeekly
)

// noClock marks a time of day that was not written: a start at 00:00, an
// end at 24:00.
const noClock = -1

// windowTerm is one operand of an intersection.
type windowTerm struct {
	kind             termKind
	dateFrom, dateTo Date

	start      anchor
	startOff   int
	hasOff     bool
	end        endKind
	endOff     int
	hasEndOff  bool
	endAnchor  anchor
	hasDateEnd bool

	// startClock and endClock are minutes of the day (0..1440) or noClock;
	// bareEnd marks an end written as a time alone ("..18:00"), on the
	// start's (last) day.
	startClock, endClock int
	bareEnd              bool

	// weekly: the days of the week, wdTo only with hasWdEnd.
	wdFrom, wdTo int // time.Weekday values
	hasWdEnd     bool
}

// conj is an intersection of terms: "A & B".
type conj []windowTerm

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
	cs, err := parseWindow(text)
	if err != nil {
		return WindowSpec{}, err
	}
	return WindowSpec{text: formatConjs(cs)}, nil
}

func parseWindow(text string) ([]conj, error) {
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
	var out []conj
	var cur conj
	for {
		if t, ok := p.peek(); !ok || t.text == "|" || t.text == "&" {
			if !ok { // a trailing "|" or "&": point at it
				t = p.toks[p.pos-1]
			}
			if t.text == "&" || (p.pos > 0 && p.toks[p.pos-1].text == "&") {
				return nil, p.errAt(t.col, t.text, "empty intersection operand: want a term before and after each \"&\"")
			}
			return nil, p.errAt(t.col, t.text, "empty union member: want a term before and after each \"|\"")
		}
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		cur = append(cur, t)
		next, ok := p.peek()
		if !ok {
			return append(out, cur), nil
		}
		switch next.text {
		case "|":
			out, cur = append(out, cur), nil
		case "&":
		default:
			return nil, p.errAt(next.col, next.text, fmt.Sprintf("unexpected %q after a complete term: want \"|\", \"&\" or the end", next.text))
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
		case r == '&' || r == '＆':
			flush()
			toks = append(toks, token{"&", col})
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
	return !ok || t.text == "|" || t.text == "&"
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
	switch p.toks[p.pos].text {
	case kwDate:
		return p.dateTerm()
	case kwDaily:
		return p.dailyTerm()
	case kwWeekly:
		return p.weeklyTerm()
	}
	t := windowTerm{startClock: noClock, endClock: noClock}
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
	startTok, err := p.startClock(&t)
	if err != nil {
		return t, err
	}
	if p.atTermEnd() || p.toks[p.pos].text != ".." {
		return t, p.needEnd(t, startTok)
	}
	dots := p.toks[p.pos]
	p.pos++
	if p.atTermEnd() {
		return t, p.errMissing(dots, "dangling \"..\": want an offset (+5d), a month-day (04-30), an anchor or a time (18:00)")
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
		endTok, err := p.endClock(&t)
		if err != nil {
			return t, err
		}
		if t.startOff == t.endOff && t.start.kind != anchorHoliday && !t.endsAfterStart() {
			return t, p.errEndsBeforeStart(next, endTok, t)
		}
	case isClockToken(next.text):
		// A time alone ends the range on the start's (last) day.
		p.pos++
		m, err := p.clock(next, true)
		if err != nil {
			return t, err
		}
		t.end, t.endOff, t.endClock, t.bareEnd = endOffset, t.startOff, m, true
		if t.startClock == noClock {
			t.startClock = 0
		}
		if t.start.kind != anchorHoliday && !t.endsAfterStart() {
			return t, p.errEndsBeforeStart(next, next, t)
		}
	case isDigit(next.text[0]):
		m, d, err := p.monthDay(next)
		if err != nil {
			return t, err
		}
		p.pos++
		t.end = endAnchor
		t.endAnchor = anchor{kind: anchorAnnual, month: m, day: d, name: fmt.Sprintf("%02d-%02d", m, d), shorthand: true}
		if _, err := p.endClock(&t); err != nil {
			return t, err
		}
	default:
		if next.text == kwDate {
			return t, p.errAt(next.col, next.text, "\"date\" cannot end a recurring range: use \"annual MM-DD\" or write the whole term as \"date FROM..TO\"")
		}
		if next.text == kwDaily || next.text == kwWeekly {
			return t, p.errAt(next.col, next.text, fmt.Sprintf("%q cannot end a range: intersect with it instead (… & %s …)", next.text, next.text))
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
		if _, err := p.endClock(&t); err != nil {
			return t, err
		}
	}
	return t, nil
}

// startClock reads an optional time of day after a range's start.
func (p *parser) startClock(t *windowTerm) (token, error) {
	if p.atTermEnd() || !isClockToken(p.toks[p.pos].text) {
		return token{}, nil
	}
	tok := p.toks[p.pos]
	p.pos++
	m, err := p.clock(tok, false)
	if err != nil {
		return tok, err
	}
	t.startClock = m
	return tok, nil
}

// endClock reads an optional time of day after a range's end.
func (p *parser) endClock(t *windowTerm) (token, error) {
	if p.atTermEnd() || !isClockToken(p.toks[p.pos].text) {
		return token{}, nil
	}
	tok := p.toks[p.pos]
	p.pos++
	m, err := p.clock(tok, true)
	if err != nil {
		return tok, err
	}
	t.endClock = m
	return tok, nil
}

// needEnd rejects a start time without a range: "festival 除夕 20:00" could
// mean the minute or the rest of the day.
func (p *parser) needEnd(t windowTerm, tok token) error {
	if t.startClock == noClock {
		return nil
	}
	return p.errAt(tok.col, tok.text, fmt.Sprintf("a time of day needs the end of its range: e.g. \"%s..24:00\" for the rest of the day, or \"%s..+1d 06:00\"", tok.text, tok.text))
}

// endsAfterStart reports, for a range whose ends fall on the same day,
// whether the end time is after the start time.
func (t windowTerm) endsAfterStart() bool {
	s, e := t.startClock, t.endClock
	if s == noClock {
		s = 0
	}
	if e == noClock {
		e = MinutesPerDay
	}
	return e > s
}

func (p *parser) errEndsBeforeStart(at, endTok token, t windowTerm) error {
	if endTok.text == "" {
		endTok = at
	}
	return p.errAt(endTok.col, endTok.text, fmt.Sprintf("the range ends (%s) before it starts (%s) on the same day: give the next day for a span across midnight (e.g. ..+1d 06:00), or 24:00 for the end of the day",
		ClockText(max(t.endClock, 0)), ClockText(max(t.startClock, 0))))
}

func (p *parser) dateTerm() (windowTerm, error) {
	kw := p.toks[p.pos]
	p.pos++
	t := windowTerm{kind: termDate, startClock: noClock, endClock: noClock}
	if p.atTermEnd() {
		return t, p.errMissing(kw, "missing date: want YYYY-MM-DD")
	}
	first := p.toks[p.pos]
	from, err := p.date(first)
	if err != nil {
		return t, err
	}
	p.pos++
	t.dateFrom, t.dateTo = from, from
	startTok, err := p.startClock(&t)
	if err != nil {
		return t, err
	}
	if p.atTermEnd() || p.toks[p.pos].text != ".." {
		return t, p.needEnd(t, startTok)
	}
	dots := p.toks[p.pos]
	p.pos++
	if p.atTermEnd() {
		return t, p.errMissing(dots, "dangling \"..\": want the last date, YYYY-MM-DD, or a time (18:00)")
	}
	second := p.toks[p.pos]
	t.hasDateEnd = true
	if isClockToken(second.text) {
		p.pos++
		m, err := p.clock(second, true)
		if err != nil {
			return t, err
		}
		t.endClock, t.bareEnd = m, true
		if t.startClock == noClock {
			t.startClock = 0
		}
		if !t.endsAfterStart() {
			return t, p.errEndsBeforeStart(second, second, t)
		}
		return t, nil
	}
	to, err := p.date(second)
	if err != nil {
		return t, err
	}
	p.pos++
	if to.Before(from) {
		return t, p.errAt(second.col, second.text, fmt.Sprintf("end date %s is before the start date %s", to, from))
	}
	t.dateTo = to
	endTok, err := p.endClock(&t)
	if err != nil {
		return t, err
	}
	if to == from && !t.endsAfterStart() {
		return t, p.errEndsBeforeStart(second, endTok, t)
	}
	return t, nil
}

// dailyTerm reads "daily HH:MM..HH:MM"; an end at or before the start
// crosses midnight.
func (p *parser) dailyTerm() (windowTerm, error) {
	kw := p.toks[p.pos]
	p.pos++
	t := windowTerm{kind: termDaily}
	const want = "want two times of day, e.g. daily 22:00..06:00"
	if p.atTermEnd() || !isClockToken(p.toks[p.pos].text) {
		if p.atTermEnd() {
			return t, p.errMissing(kw, "missing times: "+want)
		}
		tok := p.toks[p.pos]
		return t, p.errAt(tok.col, tok.text, fmt.Sprintf("bad time %q: %s", tok.text, want))
	}
	first := p.toks[p.pos]
	p.pos++
	s, err := p.clock(first, false)
	if err != nil {
		return t, err
	}
	if p.atTermEnd() || p.toks[p.pos].text != ".." {
		return t, p.errAt(first.col, first.text, "a daily time needs the end of its range: "+want)
	}
	dots := p.toks[p.pos]
	p.pos++
	if p.atTermEnd() {
		return t, p.errMissing(dots, "dangling \"..\": "+want)
	}
	second := p.toks[p.pos]
	if !isClockToken(second.text) {
		return t, p.errAt(second.col, second.text, fmt.Sprintf("bad time %q: %s", second.text, want))
	}
	p.pos++
	e, err := p.clock(second, true)
	if err != nil {
		return t, err
	}
	if e == 0 {
		e = MinutesPerDay // ..00:00 is midnight at the end of the day
	}
	if e == s {
		return t, p.errAt(second.col, second.text, fmt.Sprintf("daily %s..%s is empty or the whole day: write daily 00:00..24:00 for every whole day", ClockText(s), ClockText(e)))
	}
	t.startClock, t.endClock = s, e
	return t, nil
}

// weeklyTerm reads "weekly DAY [HH:MM] [.. DAY [HH:MM] | .. HH:MM]".
func (p *parser) weeklyTerm() (windowTerm, error) {
	kw := p.toks[p.pos]
	p.pos++
	t := windowTerm{kind: termWeekly, startClock: noClock, endClock: noClock}
	if p.atTermEnd() {
		return t, p.errMissing(kw, "missing day of the week (e.g. 周六, 星期六, Sat)")
	}
	first := p.toks[p.pos]
	p.pos++
	wd, ok := weekdayIndex(first.text)
	if !ok {
		return t, p.errAt(first.col, first.text, fmt.Sprintf("unknown day of the week %q: want 周一…周日, 星期一…星期日 (星期天), 礼拜一…礼拜日 or Mon…Sun%s", first.text, didYouMean(first.text, weekdayCandidates())))
	}
	t.wdFrom, t.wdTo = wd, wd
	startTok, err := p.startClock(&t)
	if err != nil {
		return t, err
	}
	if p.atTermEnd() || p.toks[p.pos].text != ".." {
		return t, p.needEnd(t, startTok)
	}
	dots := p.toks[p.pos]
	p.pos++
	if p.atTermEnd() {
		return t, p.errMissing(dots, "dangling \"..\": want a day of the week (周日) or a time (18:00)")
	}
	second := p.toks[p.pos]
	p.pos++
	t.hasWdEnd = true
	if isClockToken(second.text) {
		m, err := p.clock(second, true)
		if err != nil {
			return t, err
		}
		t.endClock, t.bareEnd = m, true
		if t.startClock == noClock {
			t.startClock = 0
		}
		if !t.endsAfterStart() {
			return t, p.errEndsBeforeStart(second, second, t)
		}
		return t, nil
	}
	wd, ok = weekdayIndex(second.text)
	if !ok {
		return t, p.errAt(second.col, second.text, fmt.Sprintf("unknown day of the week %q%s", second.text, didYouMean(second.text, weekdayCandidates())))
	}
	t.wdTo = wd
	if _, err := p.endClock(&t); err != nil {
		return t, err
	}
	return t, nil
}

// isClockToken reports whether s looks like a time of day (H:MM, HH:MM,
// also with a full-width colon), as opposed to a month-day or an offset.
func isClockToken(s string) bool {
	return s != "" && isDigit(s[0]) && (strings.Contains(s, ":") || strings.Contains(s, "："))
}

// clock reads HH:MM (or H:MM) as minutes of the day. 24:00, the end of a
// day, is accepted only where a range ends.
func (p *parser) clock(t token, end bool) (int, error) {
	s := strings.ReplaceAll(t.text, "：", ":")
	hs, ms, _ := strings.Cut(s, ":")
	bad := func(why string) (int, error) {
		return 0, p.errAt(t.col, t.text, fmt.Sprintf("bad time %q: %s", t.text, why))
	}
	if len(hs) < 1 || len(hs) > 2 || len(ms) != 2 || !allDigits(hs) || !allDigits(ms) {
		return bad("want HH:MM, e.g. 22:00")
	}
	h, _ := strconv.Atoi(hs)
	m, _ := strconv.Atoi(ms)
	switch {
	case m > 59:
		return bad("minutes must be 00..59")
	case h == 24 && m == 0 && end:
		return MinutesPerDay, nil
	case h == 24 && m == 0:
		return bad("24:00 is the end of a day: a range starting at midnight starts at 00:00")
	case h > 23:
		return bad("hours must be 00..23 (24:00 only for the end of a day)")
	}
	return h*60 + m, nil
}

func allDigits(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
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

func formatConjs(cs []conj) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		ts := make([]string, len(c))
		for j, t := range c {
			ts[j] = t.text()
		}
		parts[i] = strings.Join(ts, " & ")
	}
	return strings.Join(parts, " | ")
}

// text is the canonical form of a term. A start at 00:00 and an end at
// 24:00 are the defaults and are not written, except around a bare end
// time, where both times are kept.
func (t windowTerm) text() string {
	startClock := func(s string) string {
		if t.startClock != noClock && (t.startClock != 0 || t.bareEnd) {
			s += " " + ClockText(t.startClock)
		}
		return s
	}
	endClock := func(s string) string {
		if t.endClock != noClock && t.endClock != MinutesPerDay {
			s += " " + ClockText(t.endClock)
		}
		return s
	}
	switch t.kind {
	case termDaily:
		return kwDaily + " " + ClockText(t.startClock) + ".." + ClockText(t.endClock)
	case termWeekly:
		s := startClock(kwWeekly + " " + weekdayNames[t.wdFrom])
		switch {
		case t.bareEnd:
			s += ".." + ClockText(t.endClock)
		case t.hasWdEnd:
			s = endClock(s + ".." + weekdayNames[t.wdTo])
		}
		return s
	case termDate:
		s := startClock(kwDate + " " + t.dateFrom.String())
		switch {
		case t.bareEnd:
			s += ".." + ClockText(t.endClock)
		case t.hasDateEnd:
			s = endClock(s + ".." + t.dateTo.String())
		}
		return s
	}
	s := t.start.text()
	if t.hasOff {
		s += " " + fmtOffset(t.startOff)
	}
	s = startClock(s)
	switch t.end {
	case endOffset:
		if t.bareEnd {
			s += ".." + ClockText(t.endClock)
			break
		}
		s = endClock(s + ".." + fmtOffset(t.endOff))
	case endAnchor:
		if t.endAnchor.shorthand {
			s = endClock(s + ".." + t.endAnchor.name)
			break
		}
		s += " .. " + t.endAnchor.text()
		if t.hasEndOff {
			s += " " + fmtOffset(t.endOff)
		}
		s = endClock(s)
	}
	return s
}

// weekdayNames are the canonical names, by time.Weekday.
var weekdayNames = [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// weekdayIndex reads a day of the week: 周一…周日 (周天), 星期一…星期日
// (星期天), 礼拜一…礼拜日 (礼拜天), Mon…Sun or Monday…Sunday in any case.
func weekdayIndex(s string) (int, bool) {
	for _, prefix := range []string{"周", "星期", "礼拜", "禮拜"} {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			switch rest {
			case "日", "天":
				return 0, true
			}
			if i := strings.Index("一二三四五六", rest); i >= 0 && utf8.RuneCountInString(rest) == 1 {
				return i/len("一") + 1, true
			}
			return 0, false
		}
	}
	for i, en := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		if strings.EqualFold(s, en) || strings.EqualFold(s, en[:3]) {
			return i, true
		}
	}
	return 0, false
}

func weekdayCandidates() []string {
	c := append([]string(nil), weekdayNames[:]...)
	for _, n := range weekdayNames {
		c = append(c, "星期"+strings.TrimPrefix(n, "周"))
	}
	return append(c, "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
}
