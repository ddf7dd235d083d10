//go:build !js

// The poster (html/template, text/template and their regular expressions)
// is not compiled for GOOS=js: the WebAssembly modules do not print posters.

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

// PosterOptions choose the poster's form.
type PosterOptions struct {
	// Format is PosterHTML (a page styled for A4, two columns) or
	// PosterMarkdown.
	Format string
	// Brief lists, per notice, the names of the forbidden activities, the
	// places and who has duties, instead of the full text of each
	// prohibition and duty: the form that keeps several notices on one A4
	// page.
	Brief bool
}

// yearData lets posterData embed a Year without the embedded field's name
// (Year) hiding Year.Year in the templates.
type yearData = Year

type posterData struct {
	*yearData
	Brief bool
}

// WritePoster writes y as a Chinese schedule to print and pin up: per
// notice, its windows and key days with their lunar dates, what it forbids
// and where, the duties of patrols and officials, and the telephone
// numbers. HTML output is escaped by html/template.
func WritePoster(w io.Writer, y *Year, opts PosterOptions) error {
	data := posterData{yearData: y, Brief: opts.Brief}
	switch opts.Format {
	case PosterHTML:
		t, err := htmltemplate.New("poster.html.tmpl").Funcs(posterFuncs).ParseFS(templateFS, "templates/poster.html.tmpl")
		if err != nil {
			return err
		}
		return t.Execute(w, data)
	case PosterMarkdown:
		t, err := texttemplate.New("poster.md.tmpl").Funcs(posterFuncs).ParseFS(templateFS, "templates/poster.md.tmpl")
		if err != nil {
			return err
		}
		return t.Execute(w, data)
	}
	return fmt.Errorf("patrol: poster format %q: want %s or %s", opts.Format, PosterHTML, PosterMarkdown)
}
