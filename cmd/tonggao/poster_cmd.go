package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/tonggao/tonggao/patrol"
)

// runPoster writes a one-page Chinese schedule of the year to print and
// pin up.
func runPoster(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tonggao poster", flag.ContinueOnError)
	fs.SetOutput(stderr)
	yf := addYearFlags(fs)
	format := fs.String("format", patrol.PosterHTML, "html (prints on A4) or md")
	detail := fs.String("detail", "auto", "full (every prohibition and duty in full), brief (names only, so several notices fit one A4 page) or auto (full for one notice, brief for several)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tonggao poster [--year 2025] [--format html|md] [--detail auto|brief|full] [--notice 祁政通〔2024〕7号 ...] [--bundle DIR|FILE.zip | --rules DIR] [-o FILE]")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if *format != patrol.PosterHTML && *format != patrol.PosterMarkdown {
		fmt.Fprintf(stderr, "tonggao poster: --format %q: want html or md\n", *format)
		return 2
	}
	if *detail != "auto" && *detail != "brief" && *detail != "full" {
		fmt.Fprintf(stderr, "tonggao poster: --detail %q: want auto, brief or full\n", *detail)
		return 2
	}
	y, err := yf.load()
	if err != nil {
		fmt.Fprintf(stderr, "tonggao poster: %v\n", err)
		return 2
	}
	w, closeOut, err := yf.output(stdout)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao poster: %v\n", err)
		return 1
	}
	if err := errors.Join(patrol.WritePoster(w, y, patrol.PosterOptions{Format: *format, Brief: *detail == "brief" || (*detail == "auto" && len(y.Notices) > 1)}), closeOut()); err != nil {
		fmt.Fprintf(stderr, "tonggao poster: %v\n", err)
		return 1
	}
	return 0
}
