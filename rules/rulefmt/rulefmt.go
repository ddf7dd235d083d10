// Package rulefmt puts a rule-directory YAML file in its canonical form:
// LF line ends, no trailing blanks, no tabs, at most one blank line in a
// row, none at the start or the end, one final newline. Everything else —
// comments, key order, flow or block style, quoting, indentation — is kept
// as written, so the form is one a person can keep by hand and a diff
// shows only what changed. Format is idempotent, and it refuses to return
// a text whose YAML value differs from the input's (trailing blanks inside
// a block scalar are content: such a file is reported, not rewritten).
//
// tonggao fmt runs it over rule directories; CI runs tonggao fmt --check
// on the shipped ones.
package rulefmt

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
)

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

// Format returns data in canonical form; file names it in errors.
func Format(file string, data []byte) ([]byte, error) {
	if !utf8.Valid(data) {
		return nil, &Error{File: file, Msg: "not UTF-8 text"}
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	lines := strings.Split(text, "\n")
	var out []string
	blank := 0
	for i, l := range lines {
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if strings.Contains(indent, "\t") {
			return nil, &Error{File: file, Line: i + 1, Msg: "a tab in the indentation: YAML indents with spaces"}
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
	if len(out) == 0 {
		return []byte{}, nil
	}
	formatted := []byte(strings.Join(out, "\n") + "\n")
	if !bytes.Equal(formatted, data) {
		var before, after any
		errB := yaml.Unmarshal(data, &before)
		errA := yaml.Unmarshal(formatted, &after)
		switch {
		case errB != nil:
			return nil, &Error{File: file, Msg: "not YAML: " + firstLine(errB.Error())}
		case errA != nil || !reflect.DeepEqual(before, after):
			return nil, &Error{File: file, Msg: "its canonical form would change a value (trailing blanks or blank lines inside a block scalar?): fix it by hand"}
		}
	}
	return formatted, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
