package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline"
)

// runAsk implements "tonggao ask QUESTION": a caller's question in
// Chinese, answered as the operator reads it out (or as JSON).
func runAsk(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tonggao ask", flag.ContinueOnError)
	fs.SetOutput(stderr)
	at := fs.String("at", "", "day of the call (YYYY-MM-DD or RFC 3339); 今天/明天 count from it; default now, in China")
	date := fs.String("date", "", "the day asked about, replacing what the question says")
	activity := fs.String("activity", "", "the activity, replacing what the question says")
	rulesDir := fs.String("rules", "", "rule directory; default the embedded rule base")
	lang := fs.String("lang", "zh", "answer language: zh or en")
	asJSON := fs.Bool("json", false, "print the answer as JSON")
	var facts multiFlag
	fs.Var(&facts, "fact", "an added fact name=value (repeatable): the caller's reply to a follow-up question")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `usage: tonggao ask "我在白水镇，今天能烧秸秆吗" [--at DATE] [--fact name=value ...] [--lang zh|en] [--json]`)
		fs.PrintDefaults()
	}
	flags, words := calFlags(args, "at", "date", "activity", "rules", "lang", "fact")
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	words = append(words, fs.Args()...)
	question := strings.TrimSpace(strings.Join(words, " "))
	if question == "" && *activity == "" {
		fmt.Fprintln(stderr, "tonggao ask: give the question, e.g. tonggao ask \"今天能烧秸秆吗\"")
		return 2
	}
	l, err := hotline.ParseLang(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao ask: --lang: %v\n", err)
		return 2
	}
	today, err := parseAt(*at)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao ask: --at: %v\n", err)
		return 2
	}
	eng, err := loadEngine(*rulesDir)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao ask: %v\n", err)
		return 2
	}
	h, err := hotline.New(eng)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao ask: %v\n", err)
		return 1
	}
	req := hotline.Request{Question: question, Today: today, Activity: *activity, Lang: l}
	if *date != "" {
		d, err := calendar.ParseDate(*date)
		if err != nil {
			fmt.Fprintf(stderr, "tonggao ask: --date: %v\n", err)
			return 2
		}
		req.Date = &d
	}
	if req.Facts, err = parseFacts(eng.Rules(), facts); err != nil {
		fmt.Fprintf(stderr, "tonggao ask: %v\n", err)
		return 2
	}
	ans, q, err := h.Ask(req)
	if err != nil {
		if errors.Is(err, hotline.ErrNoActivity) {
			fmt.Fprintln(stderr, h.Catalog().T(l, "no_activity"))
			if len(q.NotUnderstood) > 0 {
				fmt.Fprintln(stderr, h.Catalog().T(l, "not_understood", "words", strings.Join(q.NotUnderstood, h.Catalog().T(l, "list.sep"))))
			}
		} else {
			fmt.Fprintf(stderr, "tonggao ask: %v\n", err)
		}
		return 2
	}
	if *asJSON {
		return writeJSON(stdout, stderr, ans)
	}
	fmt.Fprintln(stdout, ans.Answer)
	return 0
}
