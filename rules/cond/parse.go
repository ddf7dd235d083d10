package cond

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseSubset parses a condition written in the part of expr's syntax a
// condition can use — names, true and false, decimal numbers, quoted
// strings without escapes, [arrays], ( ), !, not, unary -, &&, and, ||,
// or, ==, !=, <, <=, >, >= (chained as expr chains them), in and not in —
// into the tree expr's parser gives for it, locations included. Anything
// else is refused: none of it can compile (calls, arithmetic, member
// access, ?:) or it is rare enough to leave to expr (escapes in strings, a
// number starting with a point, comments, spaces other than ASCII ones). It is how builds without
// expr (GOOS=js) read conditions; TestParseSubsetAgrees holds it to
// expr's parser, and its node count to expr's limit (MaxNodes).
func ParseSubset(src string) (*Tree, error) {
	p := &subsetParser{src: src}
	p.next()
	t := p.expression(0)
	if p.err == nil && p.tok.kind != tokEOF {
		p.fail("unexpected %s", p.tok)
	}
	if p.err != nil {
		return nil, p.err
	}
	return t, nil
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokIdent
	tokNumber
	tokString
	tokOp // operators, brackets and , as written
)

type token struct {
	kind tokKind
	text string // the name, the number as written, the string's value, the operator
	from int    // runes from the start of the source
}

func (t token) String() string {
	switch t.kind {
	case tokEOF:
		return "end of condition"
	case tokString:
		return strconv.Quote(t.text)
	}
	return strconv.Quote(t.text)
}

type subsetParser struct {
	src   string
	pos   int // byte offset of the next rune
	runes int // rune offset of pos
	tok   token
	nodes int
	err   *Error
}

func (p *subsetParser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = &Error{Column: p.tok.from + 1, Msg: fmt.Sprintf(format, args...) + " (this build reads only the common form of conditions)"}
	}
}

// binary gives the precedence of the binary operators the subset has, as
// expr gives them.
var binary = map[string]int{"||": 10, "or": 10, "&&": 15, "and": 15, "==": 20, "!=": 20, "<": 20, "<=": 20, ">": 20, ">=": 20, "in": 20}

func isComparison(op string) bool { return op == "<" || op == "<=" || op == ">" || op == ">=" }

func (p *subsetParser) node(t *Tree) *Tree {
	p.nodes++
	if p.nodes > MaxNodes && p.err == nil {
		p.err = &Error{Column: t.From + 1, Msg: "compilation failed: expression exceeds maximum allowed nodes"}
	}
	return t
}

// expression is expr's parseExpression for the subset.
func (p *subsetParser) expression(precedence int) *Tree {
	if p.err != nil {
		return nil
	}
	left := p.primary()
	for p.err == nil && p.tok.kind == tokOp {
		op := p.tok
		negate := false
		if op.text == "not" {
			p.next()
			if p.tok.kind != tokOp || p.tok.text != "in" {
				p.fail("unexpected %s", p.tok)
				return nil
			}
			if binary["in"] < precedence {
				// expr stashes "in" and stops here; what follows cannot
				// parse as the rest of a condition.
				p.fail("unexpected %s", op)
				return nil
			}
			negate, op = true, p.tok
		}
		prec, ok := binary[op.text]
		if !ok || prec < precedence {
			break
		}
		p.next()
		if isComparison(op.text) {
			left = p.comparison(left, op, prec)
			continue
		}
		right := p.expression(prec + 1)
		left = p.node(&Tree{Kind: TreeBinary, Op: op.text, From: op.from, Args: []*Tree{left, right}})
		if negate {
			left = p.node(&Tree{Kind: TreeUnary, Op: "not", From: op.from, Args: []*Tree{left}})
		}
	}
	if precedence == 0 && p.err == nil && p.tok.kind == tokOp && p.tok.text == "?" {
		p.fail("unexpected %s", p.tok)
	}
	return left
}

// comparison is expr's parseComparison: a < b <= c is a < b && b <= c.
func (p *subsetParser) comparison(left *Tree, op token, prec int) *Tree {
	var root *Tree
	for {
		right := p.expression(prec + 1)
		cmp := p.node(&Tree{Kind: TreeBinary, Op: op.text, From: op.from, Args: []*Tree{left, right}})
		if root == nil {
			root = cmp
		} else {
			root = p.node(&Tree{Kind: TreeBinary, Op: "&&", From: op.from, Args: []*Tree{root, cmp}})
		}
		left = right
		op = p.tok
		if p.err != nil || op.kind != tokOp || !isComparison(op.text) {
			return root
		}
		p.next()
	}
}

// primary is expr's parsePrimary and parseSecondary for the subset.
func (p *subsetParser) primary() *Tree {
	tok := p.tok
	var t *Tree
	switch tok.kind {
	case tokOp:
		switch tok.text {
		case "!", "not", "-":
			p.next()
			prec := 50
			if tok.text == "-" {
				prec = 90
			}
			x := p.expression(prec)
			t = p.node(&Tree{Kind: TreeUnary, Op: tok.text, From: tok.from, Args: []*Tree{x}})
		case "(":
			p.next()
			t = p.expression(0)
			if p.err == nil && (p.tok.kind != tokOp || p.tok.text != ")") {
				p.fail("unexpected %s", p.tok)
				return nil
			}
			p.next()
		case "[":
			p.next()
			var els []*Tree
			for p.err == nil && !(p.tok.kind == tokOp && p.tok.text == "]") {
				if len(els) > 0 {
					if p.tok.kind != tokOp || p.tok.text != "," {
						p.fail("unexpected %s", p.tok)
						return nil
					}
					p.next()
					if p.tok.kind == tokOp && p.tok.text == "]" {
						break
					}
				}
				els = append(els, p.expression(0))
			}
			p.next()
			t = p.node(&Tree{Kind: TreeArray, From: tok.from, Args: els})
		default:
			p.fail("unexpected %s", tok)
			return nil
		}
	case tokIdent:
		p.next()
		switch tok.text {
		case "true", "false":
			t = p.node(&Tree{Kind: TreeBool, Bool: tok.text == "true", From: tok.from})
		default:
			t = p.node(&Tree{Kind: TreeIdent, Name: tok.text, From: tok.from})
		}
	case tokNumber:
		p.next()
		t = p.number(tok)
	case tokString:
		p.next()
		t = p.node(&Tree{Kind: TreeString, Name: tok.text, From: tok.from})
	default:
		p.fail("unexpected %s", tok)
		return nil
	}
	// Postfix: member access, indexing, calls and slices are not in the
	// subset.
	if p.err == nil && p.tok.kind == tokOp {
		switch p.tok.text {
		case ".", "?.", "[", "(":
			p.fail("unexpected %s", p.tok)
			return nil
		}
	}
	return t
}

// number converts a decimal number as expr does: underscores dropped, a
// float if it has a point or an exponent.
func (p *subsetParser) number(tok token) *Tree {
	s := strings.ReplaceAll(tok.text, "_", "")
	t := &Tree{Kind: TreeNumber, From: tok.from}
	if len(s) > 1 && s[0] == '0' && strings.IndexByte("xXoObB", s[1]) >= 0 {
		n, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			p.fail("invalid integer literal %s", tok)
			return nil
		}
		t.Num = float64(int(n))
	} else if strings.ContainsAny(s, ".eE") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			p.fail("invalid float literal %s", tok)
			return nil
		}
		t.Num = f
	} else {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			p.fail("invalid integer literal %s", tok)
			return nil
		}
		t.Num = float64(int(n))
	}
	return p.node(t)
}

// next reads the next token into p.tok.
func (p *subsetParser) next() {
	if p.err != nil {
		return
	}
	for p.pos < len(p.src) && strings.IndexByte(" \t\n", p.src[p.pos]) >= 0 {
		p.pos++
		p.runes++
	}
	start, from := p.pos, p.runes
	if p.pos == len(p.src) {
		p.tok = token{kind: tokEOF, from: from}
		return
	}
	c := p.src[p.pos]
	switch {
	case isLetter(c):
		for p.pos < len(p.src) && (isLetter(p.src[p.pos]) || isDigit(p.src[p.pos])) {
			p.pos++
		}
		p.tok = token{kind: tokIdent, text: p.src[start:p.pos], from: from}
		switch p.tok.text {
		case "and", "or", "not", "in":
			p.tok.kind = tokOp
		case "nil", "matches", "contains", "startsWith", "endsWith", "let", "if", "else":
			p.tok.kind = tokOp // not in the subset: refused where it stands
		}
	case isDigit(c):
		p.scanNumber()
		p.tok = token{kind: tokNumber, text: p.src[start:p.pos], from: from}
	case c == '"' || c == '\'':
		p.pos++
		for p.pos < len(p.src) && p.src[p.pos] != c {
			if b := p.src[p.pos]; b == '\\' || b == '\n' || b == '\r' {
				break
			}
			_, n := utf8.DecodeRuneInString(p.src[p.pos:])
			p.pos += n
			p.runes++
		}
		if p.pos == len(p.src) || p.src[p.pos] != c {
			p.tok = token{kind: tokOp, text: string(c), from: from}
			p.fail("a string with an escape, a line break or no closing quote")
			return
		}
		p.pos++
		p.tok = token{kind: tokString, text: p.src[start+1 : p.pos-1], from: from}
		p.runes += 2
		return
	default:
		op := string(c)
		if p.pos+1 < len(p.src) {
			switch two := p.src[p.pos : p.pos+2]; two {
			case "&&", "||", "==", "!=", "<=", ">=", "?.", "??", "**", "..", "::":
				op = two
			}
		}
		p.pos += len(op)
		if c >= utf8.RuneSelf {
			_, n := utf8.DecodeRuneInString(p.src[start:])
			op, p.pos = p.src[start:start+n], start+n
		}
		p.tok = token{kind: tokOp, text: op, from: from}
		p.runes++
		if len(op) == 2 {
			p.runes++
		}
		switch op {
		case "&&", "||", "==", "!=", "<", "<=", ">", ">=", "!", "-", "(", ")", "[", "]", ",", ".", "?.", "?":
		default:
			p.fail("unexpected %s", p.tok)
		}
		return
	}
	p.runes += p.pos - start
	// A name or number runs into what expr would read as part of it.
	if p.pos < len(p.src) {
		if c := p.src[p.pos]; c >= utf8.RuneSelf || c == '$' || c == '.' && p.tok.kind == tokNumber {
			p.fail("unexpected character after %s", p.tok)
		}
	}
}

// scanNumber reads digits[.[digits]][e[+-]digits] with underscores, or a
// 0x, 0o or 0b number, as expr's lexer does.
func (p *subsetParser) scanNumber() {
	digits := func() {
		for p.pos < len(p.src) && (isDigit(p.src[p.pos]) || p.src[p.pos] == '_') {
			p.pos++
		}
	}
	if p.pos+1 < len(p.src) && p.src[p.pos] == '0' && strings.IndexByte("xXoObB", p.src[p.pos+1]) >= 0 {
		p.pos += 2
		for p.pos < len(p.src) && (isDigit(p.src[p.pos]) || isLetter(p.src[p.pos])) {
			p.pos++
		}
		return
	}
	digits()
	if p.pos < len(p.src) && p.src[p.pos] == '.' && (p.pos+1 == len(p.src) || p.src[p.pos+1] != '.') {
		p.pos++
		digits()
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		digits()
	}
	if p.pos < len(p.src) && (isLetter(p.src[p.pos]) || p.src[p.pos] == '_') {
		p.pos++
		p.tok = token{kind: tokNumber, text: p.src[:p.pos], from: p.runes}
		p.fail("bad number")
	}
}

func isLetter(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
