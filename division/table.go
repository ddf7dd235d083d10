package division

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Table names divisions: a rule directory's divisions.csv, listing the
// places its notices apply in and the townships a caller may name. It is
// immutable once read.
type Table struct {
	rows   []Division
	byCode map[Code]int
	byName map[string][]Code
}

// Division is one row of a table.
type Division struct {
	Code Code
	Name string
	// File and Line say where the row was read, for messages.
	File string
	Line int
}

// Label is the division's name and code, e.g. "白水镇（431181107）".
func (d Division) Label() string { return d.Name + "（" + d.Code.String() + "）" }

// ReadTable reads a divisions table: CSV with a header naming at least the
// columns code and name (others are ignored, so a table copied from a
// published list keeps its columns), lines starting with # as comments
// (for the source and licence). file names the table in errors, which say
// file:line.
func ReadTable(r io.Reader, file string) (*Table, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return ParseTable(data, file)
}

// ParseTable is ReadTable for data in memory.
func ParseTable(data []byte, file string) (*Table, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t := &Table{byCode: map[Code]int{}, byName: map[string][]Code{}}
	codeCol, nameCol := -1, -1
	var errs []error
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err) // csv's errors say the line
		}
		line, _ := cr.FieldPos(0)
		if codeCol < 0 {
			for i, h := range rec {
				switch strings.TrimSpace(h) {
				case "code":
					codeCol = i
				case "name":
					nameCol = i
				}
			}
			if codeCol < 0 || nameCol < 0 {
				return nil, fmt.Errorf("%s:%d: the header must name the columns code and name", file, line)
			}
			continue
		}
		if codeCol >= len(rec) || nameCol >= len(rec) {
			errs = append(errs, fmt.Errorf("%s:%d: want the columns code and name", file, line))
			continue
		}
		code, err := Parse(rec[codeCol])
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", file, line, err))
			continue
		}
		name := strings.TrimSpace(rec[nameCol])
		if name == "" {
			errs = append(errs, fmt.Errorf("%s:%d: division %s has no name", file, line, code))
			continue
		}
		if i, dup := t.byCode[code]; dup {
			errs = append(errs, fmt.Errorf("%s:%d: division %s is also on line %d", file, line, code, t.rows[i].Line))
			continue
		}
		t.add(Division{Code: code, Name: name, File: file, Line: line})
	}
	if codeCol < 0 {
		return nil, fmt.Errorf("%s: no header (code,name)", file)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return t, nil
}

// NewTable makes a table of rows as ParseTable gives them (the File and
// Line each names are what messages about it say): a table built into a
// binary as data rather than read from CSV. Each code must be written as
// Parse writes it, each name trimmed and not empty, and no code listed
// twice.
func NewTable(rows []Division) (*Table, error) {
	t := &Table{byCode: make(map[Code]int, len(rows)), byName: make(map[string][]Code, len(rows))}
	var errs []error
	for _, d := range rows {
		if c, err := Parse(string(d.Code)); err != nil || c != d.Code {
			errs = append(errs, fmt.Errorf("%s:%d: division code %q is not as Parse writes it", d.File, d.Line, string(d.Code)))
			continue
		}
		if d.Name == "" || strings.TrimSpace(d.Name) != d.Name {
			errs = append(errs, fmt.Errorf("%s:%d: division %s: name %q is empty or not trimmed", d.File, d.Line, d.Code, d.Name))
			continue
		}
		if i, dup := t.byCode[d.Code]; dup {
			errs = append(errs, fmt.Errorf("%s:%d: division %s is also on line %d", d.File, d.Line, d.Code, t.rows[i].Line))
			continue
		}
		t.add(d)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return t, nil
}

func (t *Table) add(d Division) {
	t.byCode[d.Code] = len(t.rows)
	t.rows = append(t.rows, d)
	t.byName[d.Name] = append(t.byName[d.Name], d.Code)
}

// Merge returns a table holding the rows of t and o (either may be nil). A
// code both name differently is an error naming both files.
func Merge(t, o *Table) (*Table, error) {
	n := &Table{byCode: map[Code]int{}, byName: map[string][]Code{}}
	for _, x := range []*Table{t, o} {
		if x == nil {
			continue
		}
		for _, d := range x.rows {
			if i, dup := n.byCode[d.Code]; dup {
				if prev := n.rows[i]; prev.Name != d.Name {
					return nil, fmt.Errorf("%s:%d: division %s is %q, but %s:%d names it %q", d.File, d.Line, d.Code, d.Name, prev.File, prev.Line, prev.Name)
				}
				continue
			}
			n.add(d)
		}
	}
	return n, nil
}

// Len is the number of divisions.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.rows)
}

// All lists the divisions in the order read.
func (t *Table) All() []Division {
	if t == nil {
		return nil
	}
	return slices.Clone(t.rows)
}

// Get returns the division with code c.
func (t *Table) Get(c Code) (Division, bool) {
	if t == nil {
		return Division{}, false
	}
	i, ok := t.byCode[c]
	if !ok {
		return Division{}, false
	}
	return t.rows[i], true
}

// Name is the name of c, or "" if the table lacks it.
func (t *Table) Name(c Code) string {
	d, _ := t.Get(c)
	return d.Name
}

// Label names c for people: "白水镇（431181107）", or the code alone when
// the table lacks it.
func (t *Table) Label(c Code) string {
	if d, ok := t.Get(c); ok {
		return d.Label()
	}
	return c.String()
}

// Lookup returns the codes of the divisions called name (exactly as the
// table writes it): none, one, or several where places share a name (many
// counties have a 城关镇).
func (t *Table) Lookup(name string) []Code {
	if t == nil {
		return nil
	}
	return t.byName[strings.TrimSpace(name)]
}

// Names lists the names of the divisions at level l, in table order,
// each once.
func (t *Table) Names(l Level) []string {
	if t == nil {
		return nil
	}
	var out []string
	for _, d := range t.rows {
		if d.Code.Level() == l && !slices.Contains(out, d.Name) {
			out = append(out, d.Name)
		}
	}
	return out
}

// Resolve reads a place as a caller names it: a code (any level, listed in
// the table or not) or the name of divisions in the table. It returns
// every code the words may mean.
func (t *Table) Resolve(s string) ([]Code, error) {
	s = strings.TrimSpace(s)
	if s != "" && strings.Trim(s, "0123456789") == "" {
		c, err := Parse(s)
		if err != nil {
			return nil, err
		}
		return []Code{c}, nil
	}
	if cs := t.Lookup(s); len(cs) > 0 {
		return cs, nil
	}
	return nil, fmt.Errorf("place %q is neither a division code nor a division the rule base names", s)
}
