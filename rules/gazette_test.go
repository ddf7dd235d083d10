package rules_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/rules"
)

const gazettePath = "../../shared/gazette/qiyang-gazette-2024-03.md"

// normalize drops what the gazette's layout adds: white space (page and line
// breaks fall inside sentences) and Markdown emphasis.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' {
			return -1
		}
		return r
	}, s)
}

// TestQuotesAreVerbatim checks that every text a rule file quotes — rules,
// windows, conditions, duties, penalties, contacts, titles — stands in the
// gazette word for word. "……" marks an omission: each part must stand there.
func TestQuotesAreVerbatim(t *testing.T) {
	raw, err := os.ReadFile(gazettePath)
	if os.IsNotExist(err) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is absent: CI needs ../shared for the gazette check", gazettePath)
		}
		t.Skipf("%s is absent: the gazette check needs ../shared (CI has it)", gazettePath)
	}
	require.NoError(t, err)
	// List bullets and heading marks are Markdown, not the print.
	gazette := normalize(regexp.MustCompile(`(?m)^[ \t]*(?:[-#>]+[ \t]+)+`).ReplaceAllString(string(raw), ""))
	set, err := rules.Embedded()
	require.NoError(t, err)
	check := func(n *rules.Notice, what, text string) {
		t.Helper()
		for _, part := range strings.FieldsFunc(normalize(text), func(r rune) bool { return r == '…' }) {
			if !strings.Contains(gazette, part) {
				t.Errorf("%s %s: %q is not in the gazette", n.File, what, part)
			}
		}
	}
	quotes := 0
	for _, n := range set.Notices {
		check(n, "title", n.Title)
		if n.ValidityText != "" {
			check(n, "validity_text", n.ValidityText)
		}
		for _, r := range n.Rules {
			check(n, "rule "+r.ID, r.Text)
			quotes++
		}
		for _, w := range n.Windows {
			if w.Text != "" {
				check(n, "window "+w.ID, w.Text)
				quotes++
			}
		}
		for _, c := range n.Conditions {
			if c.Text != "" {
				check(n, "condition "+c.ID, c.Text)
				quotes++
			}
		}
		for _, d := range n.Duties {
			check(n, "duty "+d.ID, d.Text)
			quotes++
		}
		for _, p := range n.Penalties {
			check(n, "penalty", p.Text)
			quotes++
		}
	}
	require.Greater(t, quotes, 100)

	// A case's quote is the words that decide it.
	files, err := rules.LoadCases(rules.EmbeddedFS())
	require.NoError(t, err)
	caseQuotes := 0
	for _, f := range files {
		for _, c := range f.Cases {
			if c.Quote == "" {
				continue
			}
			caseQuotes++
			for _, part := range strings.FieldsFunc(normalize(c.Quote), func(r rune) bool { return r == '…' }) {
				if !strings.Contains(gazette, part) {
					t.Errorf("%s:%d: case %q: quote %q is not in the gazette", f.File, c.Pos.Line, c.Name, part)
				}
			}
		}
	}
	require.Greater(t, caseQuotes, 20)
}
