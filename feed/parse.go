package feed

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
)

// Row is one published value as the feed gives it.
type Row struct {
	// Date is the day the value is for. For an order it is the day From
	// falls on.
	Date calendar.Date
	// From and Until bound an order (From ≤ moment < Until); zero for
	// other rows.
	From, Until time.Time
	Division    division.Code
	Fact        string
	// Value is the value as written; Bind types it by the fact's schema.
	Value string
	// Issued is when the value was published, Source who published it.
	Issued time.Time
	Source string
	// Order, Article and Text are an order's number, article and words,
	// cited in the answers it decides.
	Order, Article, Text string
	// File and Line are where the row is.
	File string
	Line int
	ref  string
}

// Ref says where the value comes from, for a decision's facts: who
// published it, when, and the row ("永州市气象台 2025-07-15 08:00 发布
// (levels.csv:12)").
func (r *Row) Ref() string {
	if r.ref == "" {
		return r.makeRef()
	}
	return r.ref
}

func (r *Row) makeRef() string {
	return r.Source + " " + IssuedText(r.Issued) + " 发布 (" + r.File + ":" + strconv.Itoa(r.Line) + ")"
}

// IssuedText writes an issue time as answers say it: China time to the
// minute, "2025-07-15 08:00".
func IssuedText(t time.Time) string { return t.In(calendar.China).Format("2006-01-02 15:04") }

// Forecast reports whether the row gives a value for a later day than
// the one it was issued on (China time).
func (r *Row) Forecast() bool { return r.Until.IsZero() && calendar.LocalDay(r.Issued).Before(r.Date) }

// IsOrder reports whether the row is a declared order.
func (r *Row) IsOrder() bool { return !r.Until.IsZero() }

// Error is one problem in a feed, where it is.
type Error struct {
	File string
	Line int // 0: the file as a whole
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
}

// Errors are the problems of a feed, in file and line order. A feed with
// any is refused whole: the last good one keeps serving.
type Errors []*Error

// maxReported bounds the problems one error lists: a feed of garbage
// should not make an error as big as itself.
const maxReported = 50

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i == maxReported {
			fmt.Fprintf(&b, "\n… and %d more problems", len(es)-maxReported)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Limits bound what Parse reads from one file.
type Limits struct {
	MaxRows       int // rows in one file
	MaxFieldBytes int // an order's text; other fields are bounded at 256 bytes
}

// Default limits: a county's 30 townships with a year of daily levels
// and forecasts are ~30,000 rows.
const (
	DefaultMaxRows       = 500_000
	DefaultMaxFieldBytes = 4 << 10
	maxShortField        = 256
)

func (l Limits) withDefaults() Limits {
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultMaxRows
	}
	if l.MaxFieldBytes <= 0 {
		l.MaxFieldBytes = DefaultMaxFieldBytes
	}
	return l
}

// Columns are the keys of a row, CSV header and JSON alike: the first six
// always, the last four for an order.
var Columns = []string{"date", "division", "fact", "value", "issued_at", "source", "until", "order", "article", "text"}

const required = 6 // the first six columns

// Parse reads one feed file: JSON Lines if its first significant character
// is "{", else CSV with a header. Blank lines are skipped, and so are CSV
// lines starting with "#" (a file's own note on where it comes from).
// Every malformed row is reported (Errors), none is skipped.
func Parse(name string, data []byte, lim Limits) ([]Row, error) {
	lim = lim.withDefaults()
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, Errors{{File: name, Line: firstInvalidLine(data), Msg: "not UTF-8 text"}}
	}
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return parseJSONL(name, data, lim)
	}
	return parseCSV(name, data, lim)
}

func firstInvalidLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

func parseCSV(name string, data []byte, lim Limits) ([]Row, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if err == io.EOF {
		return nil, nil
	}
	if err != nil {
		return nil, Errors{csvError(name, err)}
	}
	line, _ := r.FieldPos(0)
	col := map[string]int{}
	var errs Errors
	for i, h := range header {
		h = strings.TrimSpace(h)
		switch {
		case !isColumn(h):
			errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf("unknown column %q (the columns are %s)", h, strings.Join(Columns, ","))})
		case hasKey(col, h):
			errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf("column %q twice", h)})
		default:
			col[h] = i
		}
	}
	for _, c := range Columns[:required] {
		if !hasKey(col, c) {
			errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf("no %q column: the header is %s", c, strings.Join(Columns[:required], ","))})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	width := len(header)
	var rows []Row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvError(name, err))
			if len(errs) > maxReported {
				break
			}
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rec) != width {
			errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf("%d fields; the header has %d", len(rec), width)})
			continue
		}
		if len(rows) == lim.MaxRows {
			errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf("more than %d rows", lim.MaxRows)})
			break
		}
		var fields [10]string
		for i, c := range Columns {
			if k, ok := col[c]; ok {
				fields[i] = rec[k]
			}
		}
		row, err := makeRow(fields, lim)
		if err != nil {
			errs = append(errs, &Error{File: name, Line: line, Msg: err.Error()})
			continue
		}
		row.File, row.Line = name, line
		rows = append(rows, row)
	}
	return rows, errs.err()
}

func hasKey(m map[string]int, k string) bool { _, ok := m[k]; return ok }

func isColumn(s string) bool {
	for _, c := range Columns {
		if c == s {
			return true
		}
	}
	return false
}

func csvError(name string, err error) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: name, Line: pe.Line, Msg: pe.Err.Error()}
	}
	return &Error{File: name, Msg: err.Error()}
}

// parseJSONL reads one JSON object per line, with the Columns as keys
// (each at most once, spelt exactly) and string values (value may also be
// a number or a bool).
func parseJSONL(name string, data []byte, lim Limits) ([]Row, error) {
	var errs Errors
	var rows []Row
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if len(rows) == lim.MaxRows {
			errs = append(errs, &Error{File: name, Line: n, Msg: fmt.Sprintf("more than %d rows", lim.MaxRows)})
			break
		}
		fields, err := jsonFields(line)
		if err == nil {
			var row Row
			if row, err = makeRow(fields, lim); err == nil {
				row.File, row.Line = name, n
				rows = append(rows, row)
				continue
			}
		}
		errs = append(errs, &Error{File: name, Line: n, Msg: err.Error()})
		if len(errs) > maxReported {
			break
		}
	}
	return rows, errs.err()
}

// jsonFields reads one line's object into fields in Columns order.
func jsonFields(line []byte) ([10]string, error) {
	var fields [10]string
	var seen [10]bool
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fields, errors.New("want a JSON object per line")
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fields, fmt.Errorf("bad JSON: %v", err)
		}
		key, _ := t.(string)
		i := columnIndex(key)
		if i < 0 {
			return fields, fmt.Errorf("unknown key %q (the keys are %s)", key, strings.Join(Columns, ", "))
		}
		if seen[i] {
			return fields, fmt.Errorf("key %q twice", key)
		}
		seen[i] = true
		v, err := dec.Token()
		if err != nil {
			return fields, fmt.Errorf("bad JSON: %v", err)
		}
		switch x := v.(type) {
		case string:
			fields[i] = x
		case json.Number:
			if key != "value" {
				return fields, fmt.Errorf("%s: want a string, got the number %s", key, x)
			}
			fields[i] = x.String()
		case bool:
			if key != "value" {
				return fields, fmt.Errorf("%s: want a string, got %v", key, x)
			}
			fields[i] = strconv.FormatBool(x)
		case nil:
			return fields, fmt.Errorf("%s: null; leave the key out instead", key)
		default:
			return fields, fmt.Errorf("%s: want a string, got %v", key, x)
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return fields, errors.New("bad JSON: the object does not end")
	}
	if _, err := dec.Token(); err != io.EOF {
		return fields, errors.New("one JSON object per line: something follows it")
	}
	return fields, nil
}

func columnIndex(s string) int {
	for i, c := range Columns {
		if c == s {
			return i
		}
	}
	return -1
}

// makeRow checks and reads one row's fields (in Columns order).
func makeRow(f [10]string, lim Limits) (Row, error) {
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
		max := maxShortField
		if Columns[i] == "text" {
			max = lim.MaxFieldBytes
		}
		if len(f[i]) > max {
			return Row{}, fmt.Errorf("%s is %d bytes long; at most %d", Columns[i], len(f[i]), max)
		}
		if i < required && f[i] == "" {
			return Row{}, fmt.Errorf("no %s", Columns[i])
		}
		if strings.ContainsAny(f[i], "\x00\r") || i != 9 && strings.ContainsRune(f[i], '\n') {
			return Row{}, fmt.Errorf("%s: control characters", Columns[i])
		}
	}
	var row Row
	var err error
	if row.Division, err = division.Parse(f[1]); err != nil {
		return Row{}, err
	}
	if !isIdent(f[2]) {
		return Row{}, fmt.Errorf("fact %q: a fact name is lower_snake_case letters, digits and _", f[2])
	}
	row.Fact, row.Value, row.Source = f[2], f[3], f[5]
	if row.Issued, err = parseMoment(f[4], false); err != nil {
		return Row{}, fmt.Errorf("issued_at: %w", err)
	}
	row.Order, row.Article, row.Text = f[7], f[8], f[9]
	if f[6] == "" {
		if f[7] != "" || f[9] != "" || f[8] != "" {
			return Row{}, errors.New("an order row (order, article, text) needs until: the date-time it ends")
		}
		if row.Date, err = parseDay(f[0]); err != nil {
			return Row{}, fmt.Errorf("date: %w", err)
		}
		return row, nil
	}
	// An order: from date (or date-time) until date-time, a date meaning
	// its whole day (through 24:00, as a notice's valid_until).
	if row.From, err = parseMoment(f[0], false); err != nil {
		return Row{}, fmt.Errorf("date: %w", err)
	}
	if row.Until, err = parseMoment(f[6], true); err != nil {
		return Row{}, fmt.Errorf("until: %w", err)
	}
	if !row.Until.After(row.From) {
		return Row{}, fmt.Errorf("until %s is not after date %s", f[6], f[0])
	}
	if row.Order == "" || row.Text == "" {
		return Row{}, errors.New("an order row needs its number (order) and its words (text), to be cited")
	}
	row.Date = calendar.LocalDay(row.From)
	return row, nil
}

func isIdent(s string) bool {
	if s == "" || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// A feed's dates and times lie in these years: a value for the year 1 is
// a mistake, not data.
const minYear, maxYear = 1900, 2199

// parseDay reads YYYY-MM-DD.
func parseDay(s string) (calendar.Date, error) {
	if len(s) != 10 {
		return calendar.Date{}, fmt.Errorf("%q: want YYYY-MM-DD", s)
	}
	d, err := calendar.ParseDate(s)
	if err == nil && (d.Year() < minYear || d.Year() > maxYear) {
		return calendar.Date{}, fmt.Errorf("%q: a feed's dates lie in %d–%d", s, minYear, maxYear)
	}
	return d, err
}

// Moment layouts: a date-time to the minute or second, with a zone
// offset, Z, or none (China time).
var momentLayouts = []string{"2006-01-02T15:04Z07:00", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04", "2006-01-02T15:04:05"}

// parseMoment reads a date-time; with end, a date alone is the end of
// that day and 24:00 the midnight that ends it. A date alone (not end) is
// the start of its day in China.
func parseMoment(s string, end bool) (time.Time, error) {
	if len(s) == 10 {
		d, err := parseDay(s)
		if err != nil {
			return time.Time{}, err
		}
		if end {
			d = d.AddDays(1)
		}
		return d.Midnight(), nil
	}
	s = strings.Replace(s, " ", "T", 1)
	next := false
	if strings.Index(s, "T24:00") == 10 {
		// 24:00 (or 24:00:00) is the midnight that ends the day.
		rest := strings.TrimPrefix(s[16:], ":00")
		if rest == "" || strings.ContainsAny(rest[:1], "+-Z") {
			s, next = s[:11]+"00:00"+rest, true
		}
	}
	for _, l := range momentLayouts {
		loc := calendar.China
		t, err := time.ParseInLocation(l, s, loc)
		if err != nil {
			continue
		}
		if y := t.Year(); y < minYear || y > maxYear {
			return time.Time{}, fmt.Errorf("%q: a feed's dates lie in %d–%d", s, minYear, maxYear)
		}
		if next {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q: want a date-time such as 2025-07-15T08:00+08:00", s)
}
