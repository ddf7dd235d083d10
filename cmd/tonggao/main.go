// Command tonggao answers "may this activity be done at this time, at this
// place?" from encoded public notices, and offers the calendar, register
// and layer tools those answers rest on.
//
// Each command lives in its own file (check_cmd.go, ask_cmd.go, …) as a
// constructor of a cobra command; app.go holds what they share: the root
// command, exit statuses, errors (as text or JSON) and "did you mean".
// docs/cli.md is generated from the command tree (see cli_doc_test.go).
package main

import (
	"os"
	"time"
)

func main() {
	a := &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, now: time.Now, getenv: os.Getenv}
	os.Exit(a.run(os.Args[1:]))
}
