//go:build !js

package register

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/tonggao/tonggao/calendar"
)

// loadEmbedded parses the embedded data once; the result is immutable.
var loadEmbedded = sync.OnceValues(func() (*Register, error) {
	if r, ok := fromSnapshot(embeddedYAML); ok {
		return r, nil
	}
	return parse(embeddedName, embeddedYAML)
})

type yamlFile struct {
	Decision  ast.Node   `yaml:"decision"`
	Documents []ast.Node `yaml:"documents"`
	// Printed are the other documents printed in the same gazette: known
	// by their own text, dated, and not changed by the decision.
	Printed []ast.Node `yaml:"printed"`
}

type yamlDecision struct {
	Number        string `yaml:"number"`
	Title         string `yaml:"title"`
	Registration  string `yaml:"registration"`
	Published     string `yaml:"published"`
	Effective     string `yaml:"effective"`
	GeneralClause struct {
		MadeOnOrBefore string   `yaml:"made_on_or_before"`
		Issuers        []string `yaml:"issuers"`
		Text           string   `yaml:"text"`
	} `yaml:"general_clause"`
	Source string     `yaml:"source"`
	Notes  []yamlNote `yaml:"notes"`
}

// yamlNote is a data note in each language the answers speak: words are
// data, so a note is written in Chinese and English, quoting the printed
// words as printed in both.
type yamlNote struct {
	ZH string `yaml:"zh"`
	EN string `yaml:"en"`
}

// notes converts data notes, refusing one without both languages.
func notes(ys []yamlNote) ([]Note, error) {
	var out []Note
	for i, y := range ys {
		if strings.TrimSpace(y.ZH) == "" || strings.TrimSpace(y.EN) == "" {
			return nil, fmt.Errorf("note %d: needs zh and en", i+1)
		}
		out = append(out, Note{Code: DataNote, Text: map[string]string{"zh": y.ZH, "en": y.EN}})
	}
	return out, nil
}

type yamlDocument struct {
	Number      string     `yaml:"number"`
	Title       string     `yaml:"title"`
	Disposition string     `yaml:"disposition"`
	ValidFrom   string     `yaml:"valid_from"`
	ValidUntil  string     `yaml:"valid_until"`
	Source      string     `yaml:"source"`
	Notes       []yamlNote `yaml:"notes"`
}

// parse reads a register data file; errors name the file and line.
func parse(name string, data []byte) (*Register, error) {
	var f yamlFile
	if err := yaml.UnmarshalWithOptions(data, &f, yaml.DisallowUnknownField()); err != nil {
		return nil, fmt.Errorf("%s: %s", name, oneLine(err))
	}
	if f.Decision == nil {
		return nil, fmt.Errorf("%s: missing decision", name)
	}
	var d yamlDecision
	if err := decodeNode(f.Decision, &d); err != nil {
		return nil, fmt.Errorf("%s:%d: decision: %s", name, line(f.Decision), err)
	}
	fields := fieldLines(f.Decision)
	at := func(field string, err error) error {
		return fmt.Errorf("%s:%d: decision: %s: %w", name, fields.line(field, f.Decision), field, err)
	}
	num, err := ParseNumber(d.Number)
	if err != nil {
		return nil, at("number", err)
	}
	published, err := parseDate(d.Published)
	if err != nil {
		return nil, at("published", err)
	}
	effective, err := parseDate(d.Effective)
	if err != nil {
		return nil, at("effective", err)
	}
	madeBy, err := parseDate(d.GeneralClause.MadeOnOrBefore)
	if err != nil {
		return nil, at("general_clause", fmt.Errorf("made_on_or_before: %w", err))
	}
	if strings.TrimSpace(d.GeneralClause.Text) == "" {
		return nil, at("general_clause", fmt.Errorf("text: missing (the clause as printed, which its notes quote)"))
	}
	clause := &generalClause{decision: num, effective: effective, madeBy: madeBy, text: d.GeneralClause.Text}
	for _, p := range d.GeneralClause.Issuers {
		// An issuer code must be something ParseNumber accepts as a prefix.
		if _, err := ParseNumber(p + "〔2000〕1号"); err != nil {
			return nil, at("general_clause", fmt.Errorf("issuer %q is not an issuer code", p))
		}
		clause.issuers = append(clause.issuers, p)
	}
	slices.Sort(clause.issuers)

	dn, err := notes(d.Notes)
	if err != nil {
		return nil, at("notes", err)
	}
	entries := []Entry{{
		Number:    num,
		Title:     d.Title,
		ValidFrom: &published,
		Source:    d.Source,
		Notes:     dn,
	}}
	seen := map[Number]int{num: line(f.Decision)}
	for _, node := range f.Documents {
		e, err := parseDocument(node, num, effective)
		if err != nil {
			return nil, fmt.Errorf("%s:%s", name, err)
		}
		if first, dup := seen[e.Number]; dup {
			return nil, fmt.Errorf("%s:%d: %s is already listed at line %d", name, line(node), e.Number, first)
		}
		seen[e.Number] = line(node)
		entries = append(entries, e)
	}
	for _, node := range f.Printed {
		e, err := parsePrinted(node)
		if err != nil {
			return nil, fmt.Errorf("%s:%s", name, err)
		}
		if first, dup := seen[e.Number]; dup {
			return nil, fmt.Errorf("%s:%d: %s is already listed at line %d", name, line(node), e.Number, first)
		}
		seen[e.Number] = line(node)
		entries = append(entries, e)
	}
	r, err := New(entries...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	r.clause = clause
	return r, nil
}

// parseDocument decodes one listed document; errors start with its line.
func parseDocument(node ast.Node, decision Number, effective calendar.Date) (Entry, error) {
	var y yamlDocument
	if err := decodeNode(node, &y); err != nil {
		return Entry{}, fmt.Errorf("%d: %s", line(node), err)
	}
	fields := fieldLines(node)
	at := func(field string, err error) error {
		return fmt.Errorf("%d: %s: %w", fields.line(field, node), field, err)
	}
	n, err := ParseNumber(y.Number)
	if err != nil {
		return Entry{}, at("number", err)
	}
	dn, err := notes(y.Notes)
	if err != nil {
		return Entry{}, at("notes", err)
	}
	e := Entry{
		Number:      n,
		Title:       y.Title,
		Disposition: Disposition(y.Disposition),
		ChangedBy:   decision,
		Source:      y.Source,
		Notes:       dn,
	}
	if e.Title == "" {
		return Entry{}, at("title", fmt.Errorf("missing"))
	}
	if y.ValidFrom != "" {
		d, err := parseDate(y.ValidFrom)
		if err != nil {
			return Entry{}, at("valid_from", err)
		}
		e.ValidFrom = &d
	}
	if y.ValidUntil != "" {
		d, err := parseDate(y.ValidUntil)
		if err != nil {
			return Entry{}, at("valid_until", err)
		}
		e.ValidUntil = &d
	}
	switch e.Disposition {
	case DispositionAbolished, DispositionInvalidated, DispositionContinued:
		eff := effective
		e.ChangedOn = &eff
	default:
		return Entry{}, at("disposition", fmt.Errorf("%q: want abolished, invalidated or continued", y.Disposition))
	}
	if e.Disposition == DispositionContinued && e.ValidUntil == nil {
		return Entry{}, fmt.Errorf("%d: %s: continued document without valid_until (the printed 失效时间)", line(node), n)
	}
	if err := e.validate(); err != nil {
		return Entry{}, fmt.Errorf("%d: %w", line(node), err)
	}
	return e, nil
}

// parsePrinted decodes a document printed in the gazette: its number,
// title and date (valid_from) as printed, a valid_until only where the
// document states one; errors start with its line.
func parsePrinted(node ast.Node) (Entry, error) {
	var y yamlDocument
	if err := decodeNode(node, &y); err != nil {
		return Entry{}, fmt.Errorf("%d: %s", line(node), err)
	}
	fields := fieldLines(node)
	at := func(field string, err error) error {
		return fmt.Errorf("%d: %s: %w", fields.line(field, node), field, err)
	}
	n, err := ParseNumber(y.Number)
	if err != nil {
		return Entry{}, at("number", err)
	}
	if y.Title == "" {
		return Entry{}, at("title", fmt.Errorf("missing"))
	}
	if y.Disposition != "" {
		return Entry{}, at("disposition", fmt.Errorf("a printed document has none (the decision's lists have)"))
	}
	dn, err := notes(y.Notes)
	if err != nil {
		return Entry{}, at("notes", err)
	}
	e := Entry{Number: n, Title: y.Title, Source: y.Source, Notes: dn}
	from, err := parseDate(y.ValidFrom)
	if err != nil {
		return Entry{}, at("valid_from", err)
	}
	e.ValidFrom = &from
	if y.ValidUntil != "" {
		d, err := parseDate(y.ValidUntil)
		if err != nil {
			return Entry{}, at("valid_until", err)
		}
		e.ValidUntil = &d
	}
	if err := e.validate(); err != nil {
		return Entry{}, fmt.Errorf("%d: %w", line(node), err)
	}
	return e, nil
}

func decodeNode(node ast.Node, v any) error {
	if err := yaml.NodeToValue(node, v, yaml.DisallowUnknownField()); err != nil {
		return fmt.Errorf("%s", oneLine(err))
	}
	return nil
}

// oneLine keeps the first line of a go-yaml error, which otherwise quotes
// the source below it.
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

func parseDate(s string) (calendar.Date, error) {
	if s == "" {
		return calendar.Date{}, fmt.Errorf("missing date")
	}
	return calendar.ParseDate(s)
}

// line returns the 1-based line a node starts on.
func line(n ast.Node) int {
	if n == nil || n.GetToken() == nil {
		return 0
	}
	return n.GetToken().Position.Line
}

// fieldLineMap maps the keys of a mapping node to the lines of their values.
type fieldLineMap map[string]int

func fieldLines(n ast.Node) fieldLineMap {
	m := fieldLineMap{}
	var values []*ast.MappingValueNode
	switch n := n.(type) {
	case *ast.MappingNode:
		values = n.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{n}
	}
	for _, v := range values {
		if v.Key != nil && v.Key.GetToken() != nil {
			m[v.Key.GetToken().Value] = line(v.Key)
		}
	}
	return m
}

func (m fieldLineMap) line(field string, parent ast.Node) int {
	if l, ok := m[field]; ok {
		return l
	}
	return line(parent)
}
