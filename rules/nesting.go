package rules

import "fmt"

// MaxNesting bounds how deep flow collections ([…] and {…}) may nest in a
// rule file. A notice nests them two or three deep; the YAML parser's cost
// grows faster than the depth (0.19 s at 10,000, 38 s at 100,000), so a
// deeper file is refused before it is parsed.
const MaxNesting = 64

// nestingError is a flow collection opened more than MaxNesting deep.
type nestingError struct{ pos Pos }

func (e *nestingError) Error() string {
	return fmt.Sprintf("%d:%d: collections nested more than %d deep", e.pos.Line, e.pos.Col, MaxNesting)
}

// checkNesting scans YAML text for flow collections nested more than
// MaxNesting deep, skipping comments and quoted scalars. It errs on the
// side of letting a file through: the parser has the last word.
func checkNesting(data []byte) error {
	depth, line, col := 0, 1, 0
	var quote byte // ' or " inside a quoted scalar
	comment := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c&0xC0 != 0x80 { // columns count characters, not bytes
			col++
		}
		switch {
		case c == '\n':
			line, col, comment = line+1, 0, false
		case comment:
		case quote != 0:
			switch {
			case c == '\\' && quote == '"' && i+1 < len(data) && data[i+1] != '\n':
				i++
				col++
			case c == quote && quote == '\'' && i+1 < len(data) && data[i+1] == '\'':
				i++ // '' is a quote inside '…'
				col++
			case c == quote:
				quote = 0
			}
		case c == '#' && (i == 0 || isYAMLSpace(data[i-1])):
			comment = true
		case (c == '"' || c == '\'') && (i == 0 || startsScalar(data[i-1])):
			quote = c
		case c == '[' || c == '{':
			if depth++; depth > MaxNesting {
				return &nestingError{Pos{Line: line, Col: col}}
			}
		case (c == ']' || c == '}') && depth > 0:
			depth--
		}
	}
	return nil
}

func isYAMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// startsScalar: a quote after one of these opens a quoted scalar; after a
// letter (don't) it is part of a plain one.
func startsScalar(prev byte) bool {
	return isYAMLSpace(prev) || prev == ':' || prev == ',' || prev == '[' || prev == '{' || prev == '-' || prev == '?'
}
