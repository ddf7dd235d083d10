package patrol

import (
	"embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strings"
	texttemplate "text/template"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// Poster formats.
const (
	PosterHTML     = "html"
	PosterMarkdown = "md"
)

var posterFuncs = map[string]any{
	"article": ArticleName,
	"join":    strings.Join,
}

// WritePoster writes y as a one-page Chinese schedule to pin up: per
// notice, its windows and key days with their lunar dates, what it forbids
// and where, the duties of patrols and officials, and the telephone
// numbers. format is PosterHTML (a page styled for A4, two columns) or
// PosterMarkdown. HTML output is escaped by html/template.
func WritePoster(w io.Writer, y *Year, format string) error {
	switch format {
	case PosterHTML:
		t, err := htmltemplate.New("poster.html.tmpl").Funcs(posterFuncs).ParseFS(templateFS, "templates/poster.html.tmpl")
		if err != nil {
			return err
		}
		return t.Execute(w, y)
	case PosterMarkdown:
		t, err := texttemplate.New("poster.md.tmpl").Funcs(posterFuncs).ParseFS(templateFS, "templates/poster.md.tmpl")
		if err != nil {
			return err
		}
		return t.Execute(w, y)
	}
	return fmt.Errorf("patrol: poster format %q: want %s or %s", format, PosterHTML, PosterMarkdown)
}
