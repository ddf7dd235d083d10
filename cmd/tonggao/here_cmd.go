package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/tonggao/tonggao/engine"
)

// runHere prints every activity the rule base restricts at a place on a
// day, grouped by notice: what a patrol officer's screen shows.
func runHere(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tonggao here", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print as JSON")
	qf := addQueryFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tonggao here (--lat N --lon E --crs wgs84|gcj02|bd09 --layers DIR | --fact name=value ...) [--at DATE] [--json]")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	eng, q, err := qf.build()
	if err != nil {
		fmt.Fprintf(stderr, "tonggao here: %v\n", err)
		return 2
	}
	h, err := eng.Here(q)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao here: %v\n", err)
		return 2
	}
	if *asJSON {
		return writeJSON(stdout, stderr, h)
	}
	writeHere(stdout, h)
	return 0
}

func writeHere(w io.Writer, h *engine.Here) {
	fmt.Fprintf(w, "%s 此地\n", h.Date)
	for _, f := range h.Facts {
		src := ""
		if f.Source != "" {
			src = "（" + f.Source + "）"
		}
		fmt.Fprintf(w, "  %s = %v%s\n", f.Name, f.Value, src)
	}
	for _, n := range h.Notices {
		fmt.Fprintf(w, "\n%s《%s》\n", n.Notice, n.Title)
		for _, win := range n.Windows {
			fmt.Fprintf(w, "  时段：%s %s—%s\n", win.Name, win.From, win.To)
		}
		if len(n.Restricted) == 0 {
			fmt.Fprintln(w, "  此地此日无禁止事项")
		}
		for _, r := range n.Restricted {
			var arts []string
			for _, a := range r.Articles {
				arts = append(arts, articleName(a))
			}
			extra := ""
			if len(r.UnknownFacts) > 0 {
				extra = "（取决于：" + strings.Join(r.UnknownFacts, "、") + "）"
			}
			fmt.Fprintf(w, "  %s %s：%s%s\n", verdictWords[r.Verdict], r.Activity.Name, strings.Join(arts, "、"), extra)
		}
		for _, d := range n.Duties {
			cond := ""
			if d.Value == "unknown" {
				cond = "（是否适用取决于未给出的事实，如火险等级）"
			}
			fmt.Fprintf(w, "  职责 %s（%s）：%s%s\n", articleName(d.Article), d.Who, d.Text, cond)
		}
		for _, c := range n.Contacts {
			fmt.Fprintf(w, "  联系：%s %s\n", c.Name, strings.Join(c.Phones, " 或 "))
		}
	}
}
