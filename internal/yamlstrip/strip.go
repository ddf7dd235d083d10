// Package yamlstrip writes a YAML file without its comments, for a build
// that carries the file only to parse it (the WebAssembly module, package
// internal/wasmfiles): every comment is blanked — a comment line becomes an
// empty line, a comment after a value is cut with the spaces before it —
// and nothing else moves, so every token keeps its line and column and an
// error the parser gives names the same place as in the file as written.
// Equivalent checks that: the two files' tokens, comments aside, are the
// same, at the same lines and columns.
package yamlstrip

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/token"
)

// blockIndicator ends a line that opens a block scalar (key: |, - >-, …).
var blockIndicator = regexp.MustCompile(`(^|[\s])[|>][-+]?[0-9]?[-+]?$`)

// Comments returns src without its comments, lines and columns kept. Text
// inside quotes and block scalars (| and >) is left as written.
func Comments(src []byte) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	var out bytes.Buffer
	out.Grow(len(src))
	inBlock, blockIndent := false, 0
	quote := byte(0) // the quote a scalar left open at the end of the previous line
	for _, line := range lines {
		body, nl := bytes.CutSuffix(line, []byte("\n"))
		indent := len(body) - len(bytes.TrimLeft(body, " "))
		blank := len(bytes.TrimSpace(body)) == 0
		if inBlock {
			if blank || indent > blockIndent {
				out.Write(line) // the block scalar's text
				continue
			}
			inBlock = false
		}
		cut, open := cutComment(body, quote)
		if quote == 0 && open == 0 {
			cut = bytes.TrimRight(cut, " \t")
		}
		out.Write(cut)
		if nl {
			out.WriteByte('\n')
		}
		quote = open
		if quote == 0 && blockIndicator.Match(cut) {
			inBlock, blockIndent = true, indent
		}
	}
	return out.Bytes()
}

// cutComment returns the line up to its comment, if any, and the quote
// still open at its end. quote is the quote open at its start.
func cutComment(line []byte, quote byte) ([]byte, byte) {
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote == '"':
			if c == '\\' {
				i++
			} else if c == '"' {
				quote = 0
			}
		case quote == '\'':
			if c == '\'' {
				if i+1 < len(line) && line[i+1] == '\'' {
					i++
				} else {
					quote = 0
				}
			}
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return line[:i], 0
		case (c == '"' || c == '\'') && quoteOpens(line, i):
			quote = c
		}
	}
	return line, quote
}

// quoteOpens reports whether the quote at i opens a quoted scalar: at the
// start of a value (after indentation, "- ", ": ", "? ", "[", "{" or ","),
// not inside a plain scalar (it's, 5'3").
func quoteOpens(line []byte, i int) bool {
	j := i - 1
	for j >= 0 && (line[j] == ' ' || line[j] == '\t') {
		j--
	}
	if j < 0 {
		return true
	}
	switch line[j] {
	case '[', '{', ',':
		return true
	case '-', ':', '?':
		return j < i-1 // followed by a space
	}
	return false
}

// Equivalent reports how stripped differs from src as the YAML lexer reads
// them: nil when their tokens, comments left out, have the same types,
// values, lines and columns.
func Equivalent(src, stripped []byte) error {
	a, b := tokens(src), tokens(stripped)
	for i := 0; i < len(a) || i < len(b); i++ {
		if i >= len(a) || i >= len(b) {
			return fmt.Errorf("%d tokens, %d without comments", len(a), len(b))
		}
		x, y := a[i], b[i]
		if x.Type != y.Type || x.Value != y.Value || x.Position.Line != y.Position.Line || x.Position.Column != y.Position.Column {
			return fmt.Errorf("token %d: %s %q at %d:%d, without comments %s %q at %d:%d", i,
				x.Type, x.Value, x.Position.Line, x.Position.Column, y.Type, y.Value, y.Position.Line, y.Position.Column)
		}
		if x.Type == token.InvalidType {
			return fmt.Errorf("line %d: %s", x.Position.Line, x.Error)
		}
	}
	if bytes.Contains(stripped, []byte("\r")) {
		return fmt.Errorf("carriage return left")
	}
	return nil
}

// tokens are data's tokens but its comments.
func tokens(data []byte) []*token.Token {
	var out []*token.Token
	for _, t := range lexer.Tokenize(string(data)) {
		if t.Type != token.CommentType {
			out = append(out, t)
		}
	}
	return out
}

// Sync holds dst to src without its comments (Comments), checked
// Equivalent: with update it writes dst, otherwise it returns an error
// when dst is not what src gives (stale, or missing).
func Sync(src, dst string, update bool) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	want := Comments(data)
	if err := Equivalent(data, want); err != nil {
		return fmt.Errorf("%s: without comments it would read otherwise: %w", src, err)
	}
	if update {
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, want, 0o644)
	}
	have, err := os.ReadFile(dst)
	if err != nil {
		return err
	}
	if !bytes.Equal(have, want) {
		return fmt.Errorf("%s is not %s without its comments", dst, src)
	}
	return nil
}
