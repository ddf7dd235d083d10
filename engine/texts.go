package engine

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The notes' words are data (notes.txt), not Go: a county or a translation
// changes them there. The file is read once, on the first note made.
//
//go:embed notes.txt
var notesTxt string

// textPart is a piece of a text: literal words, or the name of a part
// filled in where the note is made.
type textPart struct {
	lit, arg string
}

// texts are the parsed lines of notes.txt by key.
type texts map[string][]textPart

// noteTexts are the engine's note texts. The file is embedded and
// TestNoteTexts parses it, so a mistake in it fails the tests, not a
// decision.
var noteTexts = sync.OnceValue(func() texts {
	t, err := parseTexts(notesTxt)
	if err != nil {
		panic(err) // unreachable: TestNoteTexts reads the same embedded file
	}
	return t
})

// parseTexts reads "key: text" lines; # starts a comment line.
func parseTexts(src string) (texts, error) {
	out := texts{}
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, text, ok := strings.Cut(line, ": ")
		if !ok || key == "" || strings.ContainsAny(key, " {}") {
			return nil, fmt.Errorf("notes.txt:%d: want \"key: text\", got %q", i+1, line)
		}
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("notes.txt:%d: %s given twice", i+1, key)
		}
		var parts []textPart
		for text != "" {
			open := strings.IndexByte(text, '{')
			if open < 0 {
				parts = append(parts, textPart{lit: text})
				break
			}
			end := strings.IndexByte(text[open:], '}')
			if end < 0 {
				return nil, fmt.Errorf("notes.txt:%d: %s: { without }", i+1, key)
			}
			if open > 0 {
				parts = append(parts, textPart{lit: text[:open]})
			}
			parts = append(parts, textPart{arg: text[open+1 : open+end]})
			text = text[open+end+1:]
		}
		out[key] = parts
	}
	return out, nil
}

// text renders the text of key with its parts given as name, value pairs.
// A part not given is left empty.
func text(key string, kv ...string) string {
	parts, ok := noteTexts()[key]
	if !ok {
		panic("engine: no text " + key + " in notes.txt") // a programming error TestNoteTexts catches
	}
	n := 0
	for _, p := range parts {
		n += len(p.lit)
	}
	for i := 1; i < len(kv); i += 2 {
		n += len(kv[i])
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range parts {
		if p.arg == "" {
			b.WriteString(p.lit)
			continue
		}
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == p.arg {
				b.WriteString(kv[i+1])
				break
			}
		}
	}
	return b.String()
}

// argsOf lists the names of the parts key's text takes, in order, once
// each.
func (t texts) argsOf(key string) []string {
	var out []string
	for _, p := range t[key] {
		if p.arg != "" && !slices.Contains(out, p.arg) {
			out = append(out, p.arg)
		}
	}
	return out
}
