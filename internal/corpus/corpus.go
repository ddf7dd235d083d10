// Package corpus reads and rewrites the hostile-input corpora
// (server/testdata/hostile/http.txt, hotline/testdata/hostile/rules.txt):
// plain-text files of records, each an input with the exact answer the
// code must give, so that a reviewer reads the cases and their answers
// side by side and HOSTILE_UPDATE=1 rewrites the answers for review in the
// diff, never blindly.
//
// Record format: "=== name" starts a record; then lines "key: value".
// Lines before the first record are the file's header; blank lines and
// lines starting with # inside records are ignored. A value starting with
// " is Go-quoted (so \xff is a raw invalid byte), and every value passes
// through text/template with repeat and nest, so that a 10 MB string or
// 10 000 nested arrays is one short line.
package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/template"
)

// Case is one record, its keys in file order (for rewriting).
type Case struct {
	Name string
	kv   [][2]string
}

// Get returns the first value of key k, or "".
func (c *Case) Get(k string) string {
	for _, p := range c.kv {
		if p[0] == k {
			return p[1]
		}
	}
	return ""
}

// All returns every value of key k, in order.
func (c *Case) All(k string) []string {
	var out []string
	for _, p := range c.kv {
		if p[0] == k {
			out = append(out, p[1])
		}
	}
	return out
}

// Set replaces the first value of key k, or appends it.
func (c *Case) Set(k, v string) {
	for i, p := range c.kv {
		if p[0] == k {
			c.kv[i][1] = v
			return
		}
	}
	c.kv = append(c.kv, [2]string{k, v})
}

// File is a parsed corpus file.
type File struct {
	Path   string
	Header string
	Cases  []*Case
}

// Read parses the corpus file at path; a duplicate case name or a line
// that is not "key: value" is an error naming the line.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f := &File{Path: path}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 16<<20)
	var hdr strings.Builder
	names := map[string]bool{}
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "=== "):
			name := strings.TrimPrefix(line, "=== ")
			if names[name] {
				return nil, fmt.Errorf("%s:%d: duplicate case %q", path, n, name)
			}
			names[name] = true
			f.Cases = append(f.Cases, &Case{Name: name})
		case len(f.Cases) == 0:
			hdr.WriteString(line + "\n")
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		default:
			k, v, ok := strings.Cut(line, ": ")
			if !ok {
				return nil, fmt.Errorf("%s:%d: line %q is not key: value", path, n, line)
			}
			c := f.Cases[len(f.Cases)-1]
			c.kv = append(c.kv, [2]string{k, v})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f.Header = hdr.String()
	return f, nil
}

// Write rewrites the file from its header and cases.
func (f *File) Write() error {
	var b strings.Builder
	b.WriteString(f.Header)
	for _, c := range f.Cases {
		b.WriteString("=== " + c.Name + "\n")
		for _, p := range c.kv {
			b.WriteString(p[0] + ": " + p[1] + "\n")
		}
	}
	return os.WriteFile(f.Path, []byte(b.String()), 0o644)
}

// Value decodes a value: a Go-quoted string ("\xff") or raw text, then
// expanded by Expand.
func Value(s string) (string, error) {
	if strings.HasPrefix(s, `"`) {
		u, err := strconv.Unquote(s)
		if err != nil {
			return "", fmt.Errorf("value %s: %w", s, err)
		}
		s = u
	}
	return Expand(s)
}

// Expand runs a value through text/template: {{repeat "a" 10485760}},
// {{nest "[" "]" 10001}} (open×n then close×n).
func Expand(s string) (string, error) {
	if !strings.Contains(s, "{{") {
		return s, nil
	}
	tpl, err := template.New("").Funcs(template.FuncMap{
		"repeat": strings.Repeat,
		"nest":   func(open, close string, n int) string { return strings.Repeat(open, n) + strings.Repeat(close, n) },
	}).Parse(s)
	if err != nil {
		return "", fmt.Errorf("value %s: %w", s, err)
	}
	var b strings.Builder
	if err := tpl.Execute(&b, nil); err != nil {
		return "", fmt.Errorf("value %s: %w", s, err)
	}
	return b.String(), nil
}

// Update reports whether HOSTILE_UPDATE=1 asks the tests to rewrite the
// expected answers from what the code does now.
func Update() bool { return os.Getenv("HOSTILE_UPDATE") == "1" }
