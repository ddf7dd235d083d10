package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/register"
)

// runDoc implements "tonggao doc NUMBER [--at DAY] [--json]": the status of a
// document in the register of 祁政发〔2024〕4号 on a day.
func runDoc(args []string, stdout, stderr io.Writer) int {
	return runDocAt(args, stdout, stderr, time.Now)
}

func runDocAt(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fs := flag.NewFlagSet("doc", flag.ContinueOnError)
	fs.SetOutput(stderr)
	at := fs.String("at", "", "day to ask about: YYYY-MM-DD or an RFC 3339 time (default today in China)")
	asJSON := fs.Bool("json", false, "print the status as JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tonggao doc NUMBER [--at YYYY-MM-DD] [--json]")
		fmt.Fprintln(stderr, "\nShow whether a document is in force on a day, from the register of 祁政发〔2024〕4号.")
		fmt.Fprintln(stderr, "NUMBER may use any brackets: 祁政发〔2019〕23号, 祁政发(2019)23号, 祁政发【2019】23 …")
		fmt.Fprintln(stderr, "\nflags:")
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "\nexit status: 0 answered, 2 bad usage or a number the register does not know.")
	}

	// Flags may come before or after the number.
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		words = append(words, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(words) == 0 {
		fmt.Fprintln(stderr, "tonggao doc: missing document number, e.g. tonggao doc 祁政发〔2019〕23号")
		fs.Usage()
		return 2
	}
	// Spaces are insignificant in a number, so an unquoted 祁政发 〔2019〕 23号
	// arriving as three arguments is one number.
	n, err := register.ParseNumber(strings.Join(words, " "))
	if err != nil {
		fmt.Fprintf(stderr, "tonggao doc: %v\n", err)
		return 2
	}

	day := calendar.LocalDay(now())
	if *at != "" {
		day, err = calendar.ParseDate(*at)
		if err != nil {
			fmt.Fprintf(stderr, "tonggao doc: --at: %v\n", err)
			return 2
		}
	}

	// The engine's register holds the decision's list and every encoded
	// notice, checked against each other.
	eng, err := loadEngine("")
	if err != nil {
		fmt.Fprintf(stderr, "tonggao doc: %v\n", err)
		return 1
	}
	reg := eng.Register()
	st := reg.Status(n, day)
	if _, listed := reg.Entry(n); !listed && st.Status == register.Unknown {
		fmt.Fprintf(stderr, "tonggao doc: %s: unknown document: the register does not list it and cannot infer its status on %s\n", n, day)
		for _, note := range st.Notes {
			fmt.Fprintf(stderr, "  %s\n", note)
		}
		return 2
	}

	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(st); err != nil {
			fmt.Fprintf(stderr, "tonggao doc: %v\n", err)
			return 1
		}
		return 0
	}
	writeDocText(stdout, st, day)
	return 0
}

// statusChinese names each status in Chinese for the plain-text output.
var statusChinese = map[string]string{
	register.InForce:       "有效",
	register.NotYetInForce: "尚未施行",
	register.Expired:       "有效期已满",
	register.Invalidated:   "已宣布失效",
	register.Abolished:     "已废止",
	register.Unknown:       "不明",
}

func writeDocText(w io.Writer, st register.Status, day calendar.Date) {
	fmt.Fprintf(w, "文号：%s\n", st.Number)
	if st.Title != "" {
		fmt.Fprintf(w, "标题：%s\n", st.Title)
	}
	fmt.Fprintf(w, "状态（%s）：%s（%s）\n", day, statusChinese[st.Status], st.Status)
	switch {
	case st.ValidFrom != nil && st.ValidUntil != nil:
		fmt.Fprintf(w, "有效期：%s 至 %s\n", st.ValidFrom, st.ValidUntil)
	case st.ValidFrom != nil:
		fmt.Fprintf(w, "施行日期：%s\n", st.ValidFrom)
	case st.ValidUntil != nil:
		fmt.Fprintf(w, "失效时间：%s\n", st.ValidUntil)
	}
	if st.ChangedBy != "" {
		fmt.Fprintf(w, "依据：%s\n", st.ChangedBy)
	}
	if len(st.Notes) > 0 {
		fmt.Fprintln(w, "说明：")
		for _, n := range st.Notes {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
}
