// Package rulefmt puts a rule-directory YAML file in its canonical form,
// so that two people who write the same notice write the same file and a
// diff shows only what changed. The form is computed over the YAML node
// tree, not the text:
//
//   - keys in the order the file's schema declares them (the Go types'
//     field order: id, name, … of a rule; notice, cases of a cases file),
//     keys the schema does not know after them as written, and the keys of
//     a map of names (a case's facts) as written;
//   - an object of fields is a block mapping; a map of names whose values
//     are all scalars is a flow mapping ({a: 1, b: x}); a list of scalars
//     is a flow sequence ([a, b]) unless an item is long (over 40 columns)
//     or spans lines; anything that holds a collection, or whose items
//     carry comments, is block;
//   - two spaces of indentation, list items indented under their key;
//   - text plain where YAML (as the loader reads it) allows, quoted only
//     where it must be: in single quotes, or double where an escape is
//     needed or the text would read as a number, date or boolean; block
//     scalars (| and >) keep their style;
//   - a flow collection or a folded (>) text wider than 120 columns (a CJK
//     character counts two) is wrapped at item or word boundaries;
//   - one blank line between top-level entries and no other blank lines;
//     LF line ends, no trailing blanks, one final newline;
//   - comments kept, attached to the entry they were written beside or
//     above, and moved with it when keys are reordered.
//
// Format is idempotent (Format of its output is that output), and it
// refuses to return a text that the loader reads differently from the
// input: the two are decoded as the loader decodes them and compared.
//
// tonggao fmt runs it over rule directories; CI runs tonggao fmt --check
// on the shipped ones.
package rulefmt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/width"

	"github.com/tonggao/tonggao/internal/safeyaml"
	"github.com/tonggao/tonggao/schema"
)

// Width is the column a flow collection or folded text is wrapped at.
const Width = 120

// longItem is the width of a list item above which the list is block.
const longItem = 40

// Error is a file that cannot be put in canonical form, at its line.
type Error struct {
	File string
	Line int // 0: the whole file
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Format returns data in canonical form; file names it in errors and
// chooses the schema that orders its keys: the one its modeline names
// ("# yaml-language-server: $schema=…/notice.schema.json"), else the one
// its path implies (schema.KindOf), else none (keys stay as written).
func Format(file string, data []byte) ([]byte, error) {
	return format(file, data, nil)
}

// FormatShape is Format with the shape given, for a file no schema checks
// by its path or modeline (the hotline's mandarin.yaml, whose shape is its
// Go type's: schema.ShapeOfType).
func FormatShape(file string, data []byte, shape *schema.Shape) ([]byte, error) {
	if shape == nil {
		return nil, &Error{File: file, Msg: "no shape given"}
	}
	return format(file, data, shape)
}

func format(file string, data []byte, shape *schema.Shape) ([]byte, error) {
	if !utf8.Valid(data) {
		return nil, &Error{File: file, Msg: "not UTF-8 text"}
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	for i, l := range strings.Split(text, "\n") {
		if indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]; strings.Contains(indent, "\t") {
			return nil, &Error{File: file, Line: i + 1, Msg: "a tab in the indentation: YAML indents with spaces"}
		}
	}
	var before any
	if err := safeyaml.Unmarshal([]byte(text), &before, safeyaml.Limits{}); err != nil {
		return nil, yamlError(file, err)
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(strings.NewReader(text)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) { // comments only, or nothing
			return tidy(text), nil
		}
		return nil, &Error{File: file, Msg: "not YAML: " + firstLine(err.Error())}
	}
	if shape == nil {
		var err error
		if shape, err = shapeFor(file, text); err != nil {
			return nil, &Error{File: file, Msg: err.Error()}
		}
	}
	canon(&doc, shape, 0, 0)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, &Error{File: file, Msg: "cannot write it back: " + firstLine(err.Error())}
	}
	if err := enc.Close(); err != nil {
		return nil, &Error{File: file, Msg: "cannot write it back: " + firstLine(err.Error())}
	}
	lines := strings.Split(b.String(), "\n")
	lines = wrapFlow(lines)
	lines = wrapFolded(lines)
	lines = separateTop(lines)
	out := tidy(strings.Join(lines, "\n"))
	var after any
	if err := safeyaml.Unmarshal(out, &after, safeyaml.Limits{}); err != nil || !reflect.DeepEqual(before, after) {
		return nil, &Error{File: file, Msg: "its canonical form would read differently (a form the formatter cannot keep): fix it by hand"}
	}
	return out, nil
}

func yamlError(file string, err error) error {
	var se *safeyaml.Error
	if errors.As(err, &se) {
		return &Error{File: file, Msg: "not YAML the loader reads: " + firstLine(se.Error())}
	}
	return &Error{File: file, Msg: "not YAML: " + firstLine(err.Error())}
}

// modeline is compiled on first use: every command of the binary runs the
// package initialisers of all (docs/speed.md).
var modeline = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^#\s*yaml-language-server:\s*\$schema=\S*?([a-z]+\.schema\.json)\s*$`)
})

// shapeFor finds the schema of a file: its modeline's, else its path's.
func shapeFor(file, text string) (*schema.Shape, error) {
	name := schema.KindOf(file)
	if m := modeline().FindStringSubmatch(text); m != nil {
		name = m[1]
	}
	if name == "" {
		return nil, nil
	}
	return schema.ShapeOf(name)
}

// canon puts a node tree in canonical order and style. ind is the
// column of the node's keys or dashes if it is block, at the column its
// text starts if it is flow.
func canon(n *yaml.Node, s *schema.Shape, ind, at int) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			// The comments above the first key are the file's (its
			// modeline): they stay first when the keys are reordered.
			var head string
			if c.Kind == yaml.MappingNode && len(c.Content) > 0 {
				head, c.Content[0].HeadComment = c.Content[0].HeadComment, ""
			}
			canon(c, s, 0, 0)
			if head != "" {
				first := c.Content[0]
				first.HeadComment = strings.TrimSuffix(head+"\n"+first.HeadComment, "\n")
			}
		}
	case yaml.MappingNode:
		if s != nil && !s.IsMap && len(s.Keys) > 0 {
			reorder(n, s.Keys)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			canon(k, nil, ind, ind)
			canon(v, valueShape(s, k.Value), ind+2, ind+columns(k.Value)+2)
		}
		switch {
		case len(n.Content) == 0:
			setFlow(n, true)
		case !commentFree(n.Content):
			setFlow(n, false)
		case s != nil && s.IsMap && allScalars(n.Content):
			setFlow(n, true)
		default:
			setFlow(n, n.Style&yaml.FlowStyle != 0 && fits(n, at))
		}
	case yaml.SequenceNode:
		var items *schema.Shape
		if s != nil {
			items = s.Items
		}
		for _, c := range n.Content {
			canon(c, items, ind+2, ind+2)
		}
		short := allScalars(n.Content)
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode && (strings.Contains(c.Value, "\n") || c.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || columns(c.Value) > longItem) {
				short = false
			}
		}
		switch {
		case len(n.Content) == 0:
			setFlow(n, true)
		case !commentFree(n.Content):
			setFlow(n, false)
		case allScalars(n.Content):
			setFlow(n, short)
		default:
			setFlow(n, n.Style&yaml.FlowStyle != 0 && fits(n, at))
		}
	case yaml.ScalarNode:
		if n.Tag == "!!str" && n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 && plainReads(n.Value) {
			n.Style &^= yaml.SingleQuotedStyle | yaml.DoubleQuotedStyle
		}
	}
}

// fits: the collection written flow, starting at column at, ends by
// column Width. Only a collection of scalars is wrapped when it does not.
func fits(n *yaml.Node, at int) bool {
	c := *n
	c.Style |= yaml.FlowStyle
	c.HeadComment, c.LineComment, c.FootComment = "", "", ""
	out, err := yaml.Marshal(&c)
	if err != nil {
		return false
	}
	text := strings.TrimSuffix(string(out), "\n")
	return !strings.Contains(text, "\n") && at+columns(text)+1 <= Width
}

func valueShape(s *schema.Shape, key string) *schema.Shape {
	switch {
	case s == nil:
		return nil
	case s.IsMap:
		return s.Values
	}
	return s.Props[key]
}

// reorder sorts a mapping's pairs by their keys' place in keys; keys not
// in it keep their order after the others.
func reorder(n *yaml.Node, keys []string) {
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
	}
	rank := func(p pair) int {
		if i := slices.Index(keys, p.k.Value); i >= 0 && p.k.Kind == yaml.ScalarNode {
			return i
		}
		return len(keys)
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return rank(a) - rank(b) })
	n.Content = n.Content[:0]
	for _, p := range pairs {
		n.Content = append(n.Content, p.k, p.v)
	}
}

// allScalars: the nodes are scalars.
func allScalars(ns []*yaml.Node) bool {
	for _, c := range ns {
		if c.Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

// commentFree: no node carries a comment or an anchor, in any depth, so
// they may stand in one flow collection.
func commentFree(ns []*yaml.Node) bool {
	for _, c := range ns {
		if c.HeadComment != "" || c.LineComment != "" || c.FootComment != "" || c.Anchor != "" || !commentFree(c.Content) {
			return false
		}
	}
	return true
}

func setFlow(n *yaml.Node, flow bool) {
	if flow {
		n.Style |= yaml.FlowStyle
	} else {
		n.Style &^= yaml.FlowStyle
	}
}

// plainReads: the loader reads s written plain as the text s. (The
// encoder quotes what YAML 1.2 would read otherwise; this also keeps the
// quotes where the loader's YAML differs, as on yes and no.)
func plainReads(s string) bool {
	if s == "" || strings.ContainsAny(s, "\n\"'\\") {
		return false
	}
	var v map[string]any
	if err := safeyaml.Unmarshal([]byte("v: "+s+"\n"), &v, safeyaml.Limits{}); err != nil {
		return false
	}
	got, ok := v["v"].(string)
	return ok && got == s
}

// columns is the width of s on screen: a wide (CJK) character counts two.
func columns(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// flowStart is compiled on first use, as modeline is.
var flowStart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^( *)(?:- )*(?:[^ #'"\[{][^#]*?: )?[\[{]`) })

// wrapFlow breaks a flow collection wider than Width at its items, the
// lines after the first indented four more than the line it starts on.
// The formatter's flow collections hold scalars only.
func wrapFlow(lines []string) []string {
	var out []string
	for _, l := range lines {
		m := flowStart().FindStringSubmatchIndex(l)
		if columns(l) <= Width || m == nil || !(strings.HasSuffix(l, "]") || strings.HasSuffix(l, "}")) {
			out = append(out, l)
			continue
		}
		start := m[1] // after the opening bracket
		items := splitFlow(l[start : len(l)-1])
		if items == nil {
			out = append(out, l)
			continue
		}
		indent := strings.Repeat(" ", m[3]-m[2]+4)
		cur := l[:start]
		for i, it := range items {
			piece := it
			if i < len(items)-1 {
				piece += ","
			} else {
				piece += l[len(l)-1:]
			}
			switch {
			case i == 0:
				cur += piece
			case columns(cur)+1+columns(piece) > Width:
				out = append(out, cur)
				cur = indent + piece
			default:
				cur += " " + piece
			}
		}
		out = append(out, cur)
	}
	return out
}

// splitFlow splits the inside of a flow collection of scalars at its
// top-level ", "; nil when it is not such a collection.
func splitFlow(s string) []string {
	var items []string
	var quote byte
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote == '\'':
			if c == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					i++
				} else {
					quote = 0
				}
			}
		case quote == '"':
			if c == '\\' {
				i++
			} else if c == '"' {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[' || c == ']' || c == '{' || c == '}':
			return nil
		case c == ',' && i+1 < len(s) && s[i+1] == ' ':
			items = append(items, s[last:i])
			last = i + 2
			i++
		}
	}
	if quote != 0 {
		return nil
	}
	return append(items, s[last:])
}

// foldedHeader is compiled on first use, as modeline is.
var foldedHeader = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^( *)(?:- |.*: )?>[-+]?[0-9]?$`) })

// wrapFolded breaks the lines of folded (>) text wider than Width at
// single spaces, which the folding reads back as those spaces.
func wrapFolded(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		m := foldedHeader().FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		outer := len(m[1])
		content := -1
		for i+1 < len(lines) {
			l := lines[i+1]
			ind := len(l) - len(strings.TrimLeft(l, " "))
			if strings.TrimSpace(l) != "" && ind <= outer {
				break
			}
			i++
			if strings.TrimSpace(l) == "" {
				out = append(out, l)
				continue
			}
			if content < 0 {
				content = ind
			}
			if ind != content {
				out = append(out, l) // more indented: kept as written
				continue
			}
			out = append(out, foldLine(l, content)...)
		}
	}
	return out
}

// foldLine breaks one line of folded text at single spaces.
func foldLine(l string, indent int) []string {
	var out []string
	pad := l[:indent]
	for columns(l) > Width {
		cut := -1
		for j := indent + 1; j < len(l)-1; j++ {
			if l[j] == ' ' && l[j-1] != ' ' && l[j+1] != ' ' {
				if columns(l[:j]) > Width && cut > 0 {
					break
				}
				cut = j
			}
		}
		if cut < 0 {
			break
		}
		out = append(out, l[:cut])
		l = pad + l[cut+1:]
	}
	return append(out, l)
}

// blockHeader is compiled on first use, as modeline is.
var blockHeader = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^( *)(?:- |.*: )?[|>]([-+]?)[0-9]?([-+]?)(?: #.*)?$`)
})

// blockContent marks the lines that are the content of block scalars (|
// and >): their blanks and spaces are text, not layout.
func blockContent(lines []string) []bool {
	in := make([]bool, len(lines))
	for i := 0; i < len(lines); i++ {
		m := blockHeader().FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		outer, keep := len(m[1]), m[2] == "+" || m[3] == "+"
		last := i // the last line of the content
		for j := i + 1; j < len(lines); j++ {
			l := lines[j]
			if strings.TrimSpace(l) == "" {
				if keep {
					last = j
				}
				continue
			}
			if len(l)-len(strings.TrimLeft(l, " ")) <= outer {
				break
			}
			last = j
		}
		for j := i + 1; j <= last; j++ {
			in[j] = true
		}
		i = last
	}
	return in
}

// separateTop puts one blank line before every top-level entry but the
// first (before the comments just above it) and removes all others.
func separateTop(lines []string) []string {
	content := blockContent(lines)
	var out []string
	seen := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case content[i]:
			out = append(out, l)
		case strings.TrimSpace(l) == "":
		case strings.HasPrefix(l, "#"):
			j := i
			for j < len(lines) && strings.HasPrefix(lines[j], "#") && !content[j] {
				j++
			}
			if seen && j < len(lines) && isTop(lines[j]) && !content[j] {
				out = append(out, "")
			}
			out = append(out, lines[i:j]...)
			i = j - 1
		default:
			if isTop(l) {
				if seen && len(out) > 0 && out[len(out)-1] != "" && !strings.HasPrefix(out[len(out)-1], "#") {
					out = append(out, "")
				}
				seen = true
			}
			out = append(out, l)
		}
	}
	return out
}

func isTop(l string) bool {
	return l != "" && l[0] != ' ' && l[0] != '#'
}

// tidy is the canonical whitespace: LF line ends, no trailing blanks, at
// most one blank line in a row, none at the start or end, one final
// newline — outside block scalars, whose lines are text.
func tidy(text string) []byte {
	lines := strings.Split(text, "\n")
	content := blockContent(lines)
	var out []string
	blank := 0
	for i, l := range lines {
		if content[i] {
			if blank > 0 && len(out) > 0 {
				out = append(out, "")
			}
			blank = 0
			out = append(out, l)
			continue
		}
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank++
			continue
		}
		if blank > 0 && len(out) > 0 {
			out = append(out, "")
		}
		blank = 0
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return []byte{}
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
